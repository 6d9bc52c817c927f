#include "autograd/grad_rules_nn.h"

#include "ops/ops.h"
#include "ops/util.h"

namespace fasttf::autograd::rules {

using namespace fasttf::ops;

GradFn dense(const Tensor& x, const Tensor& kernel, bool has_bias, const Tensor& relu_output) {
  return [x, kernel, has_bias, relu_output](const Grads& g) -> Grads {
    // ReluGrad(g, y) passes g where y > 0, i.e. where the pre-activation was positive.
    const Tensor dy = relu_output.defined()
                          ? binary(kernels::BinaryOp::ReluGrad, g[0], relu_output)
                          : g[0];
    // A batch of data needs no gradient: skip its product.
    Grads result{input_needs_grad(0) ? matmul(dy, kernel, false, true) : Tensor(),
                 input_needs_grad(1) ? matmul(x, dy, true, false) : Tensor()};
    if (has_bias) result.push_back(input_needs_grad(2) ? reduce_sum(dy, {0}, false) : Tensor());
    return result;
  };
}

GradFn softmax(const Tensor& y, int axis, bool log_softmax) {
  if (log_softmax)  // d/dx: g - softmax(x) * sum(g)
    return [y, axis](const Grads& g) -> Grads {
      return {sub(g[0], mul(exp(y), reduce_sum(g[0], {axis}, true)))};
    };
  return [y, axis](const Grads& g) -> Grads {  // y * (g - sum(g * y))
    return {mul(y, sub(g[0], reduce_sum(mul(g[0], y), {axis}, true)))};
  };
}

GradFn softmax_xent(const Tensor& labels, const Tensor& logits, const Tensor& backprop) {
  return [labels, logits, backprop](const Grads& g) -> Grads {
    Tensor g_row = expand_dims(g[0], -1);
    Tensor grad_logits = is_recording() ? mul(g_row, sub(ops::softmax(logits, -1), labels))
                                        : mul(g_row, backprop);
    Tensor grad_labels = mul(g_row, neg(ops::log_softmax(logits, -1)));
    return {grad_labels, grad_logits};
  };
}

GradFn sparse_softmax_xent(const Tensor& labels, const Tensor& logits, const Tensor& backprop) {
  return [labels, logits, backprop](const Grads& g) -> Grads {
    Tensor g_row = expand_dims(g[0], -1);
    if (!is_recording()) return {mul(g_row, backprop)};
    const int64_t classes = logits.shape().back();
    Tensor one_hot = cast(equal(expand_dims(cast(labels, DType::Int64), -1),
                                range(0, double(classes), 1, DType::Int64)),
                          logits.dtype());
    return {mul(g_row, sub(ops::softmax(logits, -1), one_hot))};
  };
}

GradFn cumsum(int64_t axis, bool exclusive, bool reverse) {
  return [axis, exclusive, reverse](const Grads& g) -> Grads {
    return {ops::cumsum(g[0], axis, exclusive, !reverse)};
  };
}

GradFn cumprod(const Tensor& x, const Tensor& out, int64_t axis, bool exclusive, bool reverse) {
  // TF's rule: reverse-cumsum(out * g) / x; like TF it is not defined where x == 0.
  return [x, out, axis, exclusive, reverse](const Grads& g) -> Grads {
    return {div(ops::cumsum(mul(out, g[0]), axis, exclusive, !reverse), x)};
  };
}

}  // namespace fasttf::autograd::rules
