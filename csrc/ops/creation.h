// Creation and conversion ops.
#pragma once
#include "core/tensor.h"

namespace fasttf::ops {

Tensor zeros(const Shape& shape, DType dtype);                 // all zeros
Tensor ones(const Shape& shape, DType dtype);                  // all ones
Tensor full(const Shape& shape, double value, DType dtype);    // tf.fill
Tensor zeros_like(const Tensor& x);
Tensor ones_like(const Tensor& x);
// tf.range: [start, limit) by delta; throws on delta == 0 or a sign that never reaches limit.
Tensor range(double start, double limit, double delta, DType dtype);
Tensor eye(int64_t rows, int64_t cols, const Shape& batch_shape, DType dtype);  // tf.eye
Tensor linspace(double start, double stop, int64_t num, DType dtype);            // tf.linspace
Tensor cast(const Tensor& x, DType dtype);                     // TF's cast rules (kernels/copy.h)
Tensor identity(const Tensor& x);                              // a fresh copy (tf.identity)
Tensor stop_gradient(const Tensor& x);                         // x, never recorded

}  // namespace fasttf::ops
