// Reductions. `axes` lists the axes to reduce (the bindings turn axis=None into every axis);
// an empty list reduces nothing.
#pragma once
#include <vector>

#include "core/tensor.h"
#include "kernels/reduce.h"

namespace fasttf::ops {

using kernels::ReduceOp;

// reduce_sum/mean/max/min/prod (numeric) and reduce_any/all (bool), keeping the input dtype.
Tensor reduce(ReduceOp op, const Tensor& x, const std::vector<int64_t>& axes, bool keepdims);
Tensor reduce_sum(const Tensor& x, const std::vector<int64_t>& axes, bool keepdims);
Tensor reduce_mean(const Tensor& x, const std::vector<int64_t>& axes, bool keepdims);
// tf.argmax / tf.argmin along one axis; output_type int64 or int32.
Tensor arg_reduce(bool is_max, const Tensor& x, int64_t axis, DType output_type);
// tf.math.cumsum / tf.math.cumprod along one axis (exclusive, reverse as TF).
Tensor cumsum(const Tensor& x, int64_t axis, bool exclusive = false, bool reverse = false);
Tensor cumprod(const Tensor& x, int64_t axis, bool exclusive = false, bool reverse = false);
// All axes of a rank-r tensor: 0..r-1.
std::vector<int64_t> all_axes(int rank);

}  // namespace fasttf::ops
