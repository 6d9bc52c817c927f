// Selection ops: gather, gather_nd, scatter_nd and tensor_scatter_nd_*, where (coordinates),
// boolean_mask, sort/argsort/top_k. Index tensors are int32 or int64 and every index is
// validated before any data moves (TF raises InvalidArgumentError on CPU).
#pragma once
#include <vector>

#include "core/tensor.h"
#include "kernels/gather_scatter.h"

namespace fasttf::ops {

using kernels::ScatterKind;

// The canonical gather: params [B, O, N, I], indices int64 [B, K] -> [B, O, K, I]. Recorded;
// its gradient is scatter_rows(Add) into zeros, whose gradient is take_rows again.
Tensor take_rows(const Tensor& params, const Tensor& indices);
// The canonical scatter: a copy of target [B, O, N, I] with rows [B, O, K, I] applied at
// indices [B, K]. Recorded.
Tensor scatter_rows(ScatterKind kind, const Tensor& target, const Tensor& indices, const Tensor& rows);

// tf.gather(params, indices, axis, batch_dims); axis already defaulted by the caller.
Tensor gather(const Tensor& params, const Tensor& indices, int64_t axis, int64_t batch_dims);
// tf.gather_nd(params, indices, batch_dims).
Tensor gather_nd(const Tensor& params, const Tensor& indices, int64_t batch_dims);
// tf.tensor_scatter_nd_update/add/sub/max/min(tensor, indices, updates).
Tensor tensor_scatter_nd(ScatterKind kind, const Tensor& tensor, const Tensor& indices,
                         const Tensor& updates);
// tf.scatter_nd(indices, updates, shape): zeros of shape with updates summed in.
Tensor scatter_nd(const Tensor& indices, const Tensor& updates, const Shape& shape);
// tf.where(condition) with one argument: int64 [n, rank] coordinates of the true/non-zero elements.
Tensor where_indices(const Tensor& condition);
// tf.boolean_mask(tensor, mask, axis).
Tensor boolean_mask(const Tensor& tensor, const Tensor& mask, int64_t axis);
// tf.sort along axis (values; differentiable through a gather).
Tensor sort(const Tensor& x, int64_t axis, bool descending);
// tf.argsort along axis: int32 indices, stable.
Tensor argsort(const Tensor& x, int64_t axis, bool descending);
// tf.math.top_k along the last axis: {values, int32 indices}; ties keep the lower index first.
std::vector<Tensor> top_k(const Tensor& x, int64_t k);

}  // namespace fasttf::ops
