// Gradient rules, one per op, written with public ops (ops/ops.h) so that they are themselves
// recorded by any outer tape. Each factory captures what its rule needs and returns the closure
// the tape stores; an empty GradFn means the op has no gradient (TF returns None). Rules may
// return gradients in the broadcast output shape: the tape sums them back to each input's shape.
#pragma once
#include <vector>

#include "autograd/tape.h"
#include "kernels/elementwise.h"
#include "kernels/reduce.h"
#include "ops/shape.h"

namespace fasttf::autograd::rules {

GradFn binary(kernels::BinaryOp op, const Tensor& a, const Tensor& b, const Tensor& out);
GradFn unary(kernels::UnaryOp op, const Tensor& x, const Tensor& out);
GradFn cast(const Tensor& x);
GradFn identity();
GradFn where(const Tensor& cond);
GradFn clip(const Tensor& x, const Tensor& lo, const Tensor& hi);
GradFn reshape_back(const Shape& input_shape);
GradFn transpose(const std::vector<int64_t>& perm);
GradFn strided_view(const Shape& input_shape, const std::vector<ops::SliceDim>& spec);
GradFn strided_view_grad(const std::vector<ops::SliceDim>& spec);
GradFn reduce(kernels::ReduceOp op, const Tensor& x, const Tensor& out, const Shape& kept_shape);
GradFn matmul(const Tensor& a, const Tensor& b, bool transpose_a, bool transpose_b);

}  // namespace fasttf::autograd::rules
