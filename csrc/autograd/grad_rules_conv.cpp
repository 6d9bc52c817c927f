#include "autograd/grad_rules_conv.h"

#include "kernels/elementwise.h"
#include "ops/ops.h"

namespace fasttf::autograd::rules {

GradFn conv2d(const Tensor& input, const Tensor& filters, const ops::Conv2dOptions& options,
              bool has_bias, const Tensor& relu_output) {
  return [input, filters, options, has_bias, relu_output](const Grads& g) -> Grads {
    const bool want_input = input_needs_grad(0), want_filters = input_needs_grad(1);
    if (!is_recording()) {
      // No tape records this backward pass (no higher derivative): the fused kernels read the
      // large gradient once for the ReLU mask, the bias sum and (few input channels) the
      // filter gradient.
      ops::Conv2dGrads r = ops::conv2d_gradients(input, filters, g[0], relu_output, options,
                                                 want_input, want_filters,
                                                 has_bias && input_needs_grad(2));
      Grads result{r.input, r.filters};
      if (has_bias) result.push_back(r.bias);
      return result;
    }
    // ReluGrad(g, y) passes g where y > 0, i.e. where the pre-activation was positive.
    const Tensor dy = relu_output.defined()
                          ? ops::binary(kernels::BinaryOp::ReluGrad, g[0], relu_output)
                          : g[0];
    // The first layer's input is data: its gradient (a full transposed convolution) is skipped.
    Grads result{want_input ? ops::conv2d_backprop_input(input.shape(), filters, dy, options)
                            : Tensor(),
                 want_filters ? ops::conv2d_backprop_filter(input, filters.shape(), dy, options)
                              : Tensor()};
    if (has_bias) result.push_back(ops::reduce_sum(dy, {0, 1, 2}, false));
    return result;
  };
}

GradFn conv2d_backprop_input(const Tensor& filters, const Tensor& grad, const ops::Conv2dOptions& options) {
  // dx = Bᵀ(w, dy) is bilinear: its gradient wrt dy is conv2d(g, w), wrt w the filter gradient
  // of a convolution of g producing dy.
  return [filters, grad, options](const Grads& g) -> Grads {
    return {ops::conv2d_backprop_filter(g[0], filters.shape(), grad, options),
            ops::conv2d(g[0], filters, options)};
  };
}

GradFn conv2d_backprop_filter(const Tensor& input, const Tensor& grad, const ops::Conv2dOptions& options) {
  return [input, grad, options](const Grads& g) -> Grads {
    return {ops::conv2d_backprop_input(input.shape(), g[0], grad, options),
            ops::conv2d(input, g[0], options)};
  };
}

GradFn depthwise_conv2d(const Tensor& input, const Tensor& filter, const ops::Conv2dOptions& options) {
  return [input, filter, options](const Grads& g) -> Grads {
    return {ops::depthwise_conv2d_backprop_input(input.shape(), filter, g[0], options),
            ops::depthwise_conv2d_backprop_filter(input, filter.shape(), g[0], options)};
  };
}

GradFn depthwise_conv2d_backprop_input(const Tensor& filter, const Tensor& grad,
                                       const ops::Conv2dOptions& options) {
  return [filter, grad, options](const Grads& g) -> Grads {
    return {ops::depthwise_conv2d_backprop_filter(g[0], filter.shape(), grad, options),
            ops::depthwise_conv2d(g[0], filter, options)};
  };
}

GradFn depthwise_conv2d_backprop_filter(const Tensor& input, const Tensor& grad,
                                        const ops::Conv2dOptions& options) {
  return [input, grad, options](const Grads& g) -> Grads {
    return {ops::depthwise_conv2d_backprop_input(input.shape(), g[0], grad, options),
            ops::depthwise_conv2d(input, g[0], options)};
  };
}

GradFn max_pool2d(const Tensor& input, const Tensor& output, const ops::Pool2dOptions& options) {
  return [input, output, options](const Grads& g) -> Grads {
    return {ops::max_pool2d_grad(input, output, g[0], options)};
  };
}

GradFn avg_pool2d(const Shape& input_shape, const ops::Pool2dOptions& options) {
  return [input_shape, options](const Grads& g) -> Grads {
    return {ops::avg_pool2d_grad(input_shape, g[0], options)};
  };
}

GradFn avg_pool2d_grad(const ops::Pool2dOptions& options) {
  return [options](const Grads& g) -> Grads { return {ops::avg_pool2d(g[0], options)}; };
}

}  // namespace fasttf::autograd::rules
