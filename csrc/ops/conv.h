// Convolutions on NHWC activations and HWIO filters (TF's layouts). Float types only; float16
// and bfloat16 compute in float32. Padding is "SAME" (TF's arithmetic: pad_total =
// max((ceil(in/stride)-1)·stride + (k-1)·dilation + 1 - in, 0), pad_before = pad_total/2),
// "VALID", or "EXPLICIT" with explicit_paddings = {top, bottom, left, right}.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "core/tensor.h"

namespace fasttf::ops {

struct Conv2dOptions {
  std::array<int64_t, 2> strides{1, 1};    // (height, width)
  std::array<int64_t, 2> dilations{1, 1};  // (height, width)
  std::string padding = "VALID";
  std::vector<int64_t> explicit_paddings;  // EXPLICIT only: {top, bottom, left, right}
};

// Output size and leading padding of one spatial dimension of a sliding window; throws
// InvalidArgument (naming `op`) when the window does not fit or an argument is out of range.
struct WindowDim {
  int64_t out, pad_before;
};
WindowDim window_dim(int64_t in, int64_t k, int64_t stride, int64_t dilation,
                     const std::string& padding, int64_t pad_before, int64_t pad_after,
                     const char* op, const char* dim_name);

// tf.nn.conv2d (+ bias over the last axis and ReLU, fused into the GEMM store, for Keras).
Tensor conv2d(const Tensor& input, const Tensor& filters, const Conv2dOptions& options,
              const Tensor& bias = Tensor(), bool relu = false);
// The gradients of conv2d(input, filters, options, bias, relu) from `grad`, with the ReLU mask
// and the bias sum fused into the filter gradient's pass over grad. relu_output: conv2d's
// output when ReLU was fused, else undefined. Unwanted gradients come back undefined. Records
// nothing: the gradient rule uses it when no tape records the backward pass.
struct Conv2dGrads {
  Tensor input, filters, bias;
};
Conv2dGrads conv2d_gradients(const Tensor& input, const Tensor& filters, const Tensor& grad,
                             const Tensor& relu_output, const Conv2dOptions& options,
                             bool want_input, bool want_filters, bool want_bias);
// Gradient of conv2d wrt its input (= tf.nn.conv2d_transpose of `grad`).
Tensor conv2d_backprop_input(const Shape& input_shape, const Tensor& filters, const Tensor& grad,
                             const Conv2dOptions& options);
// Gradient of conv2d wrt its filters.
Tensor conv2d_backprop_filter(const Tensor& input, const Shape& filter_shape, const Tensor& grad,
                              const Conv2dOptions& options);
// tf.nn.depthwise_conv2d: filter (KH, KW, C, multiplier), output channels C·multiplier.
Tensor depthwise_conv2d(const Tensor& input, const Tensor& filter, const Conv2dOptions& options);
Tensor depthwise_conv2d_backprop_input(const Shape& input_shape, const Tensor& filter,
                                       const Tensor& grad, const Conv2dOptions& options);
Tensor depthwise_conv2d_backprop_filter(const Tensor& input, const Shape& filter_shape,
                                        const Tensor& grad, const Conv2dOptions& options);

}  // namespace fasttf::ops
