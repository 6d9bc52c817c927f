// Gradient rules of the convolution and pooling ops, written with public ops so that an outer
// tape records them. The conv family is closed under differentiation: conv2d's gradients are
// conv2d_backprop_input/filter, whose gradients are conv2d and each other.
#pragma once
#include "autograd/tape.h"
#include "ops/conv.h"
#include "ops/pool.h"

namespace fasttf::autograd::rules {

// relu_output: the op's output when ReLU was fused into it (undefined otherwise).
GradFn conv2d(const Tensor& input, const Tensor& filters, const ops::Conv2dOptions& options,
              bool has_bias, const Tensor& relu_output);
GradFn conv2d_backprop_input(const Tensor& filters, const Tensor& grad, const ops::Conv2dOptions& options);
GradFn conv2d_backprop_filter(const Tensor& input, const Tensor& grad, const ops::Conv2dOptions& options);
GradFn depthwise_conv2d(const Tensor& input, const Tensor& filter, const ops::Conv2dOptions& options);
GradFn depthwise_conv2d_backprop_input(const Tensor& filter, const Tensor& grad,
                                       const ops::Conv2dOptions& options);
GradFn depthwise_conv2d_backprop_filter(const Tensor& input, const Tensor& grad,
                                        const ops::Conv2dOptions& options);
GradFn max_pool2d(const Tensor& input, const Tensor& output, const ops::Pool2dOptions& options);
GradFn avg_pool2d(const Shape& input_shape, const ops::Pool2dOptions& options);
GradFn avg_pool2d_grad(const ops::Pool2dOptions& options);

}  // namespace fasttf::autograd::rules
