// 2-D pooling on NHWC tensors (tf.nn.max_pool2d / avg_pool2d; the 1-D forms are views of these).
// Float types only; float16 and bfloat16 compute in float32.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "core/tensor.h"

namespace fasttf::ops {

struct Pool2dOptions {
  std::array<int64_t, 2> ksize{1, 1};    // (height, width)
  std::array<int64_t, 2> strides{1, 1};  // (height, width)
  std::string padding = "VALID";         // "SAME", "VALID" or "EXPLICIT" (max pool only)
  std::vector<int64_t> explicit_paddings;  // EXPLICIT: {top, bottom, left, right}, each < ksize
};

Tensor max_pool2d(const Tensor& input, const Pool2dOptions& options);  // padding never wins
Tensor avg_pool2d(const Tensor& input, const Pool2dOptions& options);  // mean of valid elements
// Gradient of max_pool2d: grad routed to the first maximum of each window.
// output is max_pool2d(input) (as TF's MaxPoolGrad takes it).
Tensor max_pool2d_grad(const Tensor& input, const Tensor& output, const Tensor& grad,
                       const Pool2dOptions& options);
// Gradient of avg_pool2d: grad / count spread over each window.
Tensor avg_pool2d_grad(const Shape& input_shape, const Tensor& grad, const Pool2dOptions& options);

}  // namespace fasttf::ops
