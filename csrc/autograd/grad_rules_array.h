// Gradient rules of the array and selection ops (ops/array.h, ops/indexing.h), written with
// public ops so that they are recorded by outer tapes (second derivatives).
#pragma once
#include <vector>

#include "autograd/tape.h"
#include "kernels/gather_scatter.h"
#include "ops/array.h"

namespace fasttf::autograd::rules {

// Slices of g along axis, one per input of the given sizes.
GradFn concat(int axis, const std::vector<int64_t>& sizes);
// Sums g over the tiled copies.
GradFn tile(const Shape& input_shape, const std::vector<int64_t>& multiples);
GradFn reverse(const std::vector<int64_t>& axes);
GradFn pad(const ops::Paddings& paddings, ops::PadMode mode);
GradFn pad_grad(const ops::Paddings& paddings, ops::PadMode mode);
// take_rows (gather): scatter-add of g into zeros of the params' shape.
GradFn take_rows(const Shape& params_shape, const Tensor& indices);
// gather of params (any shape, seen as the [B, O, N, I] block) at indices [B, K]: take_rows'
// rule on g seen as [B, O, K, I], reshaped back to the params' shape.
GradFn gather(const Shape& params_shape, const Shape& block_shape, const Shape& rows_shape,
              const Tensor& indices);
// scatter_nd into N rows of R elements from the K linearised row indices `rows` (K×1 int64):
// each update row gets its output row's gradient.
GradFn scatter_nd(const Tensor& rows, const Shape& updates_shape, int64_t N, int64_t R);
// scatter_rows: gradients for the target and for the rows.
GradFn scatter_rows(kernels::ScatterKind kind, const Tensor& indices, const Tensor& target,
                    const Tensor& rows, const Tensor& out);

}  // namespace fasttf::autograd::rules
