// Elementwise ops with broadcasting. Both operands must have the same dtype (TF raises on
// mixed dtypes); Python scalars are converted to the tensor's dtype by the bindings.
#pragma once
#include "core/tensor.h"
#include "kernels/elementwise.h"

namespace fasttf::ops {

using kernels::BinaryOp;
using kernels::UnaryOp;

Tensor binary(BinaryOp op, const Tensor& a, const Tensor& b);  // any BinaryOp, recorded
Tensor unary(UnaryOp op, const Tensor& x);                     // any UnaryOp, recorded

Tensor add(const Tensor& a, const Tensor& b);
Tensor sub(const Tensor& a, const Tensor& b);
Tensor mul(const Tensor& a, const Tensor& b);
Tensor div(const Tensor& a, const Tensor& b);        // same-dtype division (float a/b)
Tensor truediv(const Tensor& a, const Tensor& b);    // TF truediv: ints become float32/float64
Tensor pow(const Tensor& a, const Tensor& b);
Tensor maximum(const Tensor& a, const Tensor& b);
Tensor minimum(const Tensor& a, const Tensor& b);
Tensor neg(const Tensor& x);
Tensor exp(const Tensor& x);
Tensor log(const Tensor& x);
Tensor square(const Tensor& x);
Tensor sqrt(const Tensor& x);
Tensor sign(const Tensor& x);
Tensor relu(const Tensor& x);
Tensor sigmoid(const Tensor& x);
Tensor tanh(const Tensor& x);
// Scalar helpers used by gradient rules: x op value, value in x's dtype.
Tensor add_scalar(const Tensor& x, double value);
Tensor mul_scalar(const Tensor& x, double value);
Tensor equal(const Tensor& a, const Tensor& b);
Tensor greater(const Tensor& a, const Tensor& b);
Tensor greater_equal(const Tensor& a, const Tensor& b);
Tensor less(const Tensor& a, const Tensor& b);
Tensor less_equal(const Tensor& a, const Tensor& b);
Tensor logical_and(const Tensor& a, const Tensor& b);

// tf.where(cond, a, b) with three-way broadcasting; a and b of one dtype, cond bool.
Tensor where(const Tensor& cond, const Tensor& a, const Tensor& b);
// tf.clip_by_value: lo and hi broadcast against x, same dtype as x.
Tensor clip_by_value(const Tensor& x, const Tensor& lo, const Tensor& hi);

}  // namespace fasttf::ops
