// Reductions over a [outer, reduced, inner] view of a contiguous tensor. The op layer permutes
// and copies when the reduced axes are not one contiguous group. Results are bitwise identical
// for any thread count: work is split by output element, and long reductions use fixed-size
// blocks combined in order.
#pragma once
#include "core/tensor.h"

namespace fasttf::kernels {

enum class ReduceOp { Sum, Mean, Max, Min, Prod, Any, All };

// x: contiguous, logically [outer, reduced, inner]; out: contiguous [outer, inner].
void reduce(ReduceOp op, const Tensor& x, int64_t outer, int64_t reduced, int64_t inner,
            const Tensor& out);
// Index of the max/min along `reduced` written as int64 or int32, by TF's rule: first index on
// ties, NaN never chosen, index 0 when nothing beats the dtype's lowest (highest) finite value.
void arg_reduce(bool is_max, const Tensor& x, int64_t outer, int64_t reduced, int64_t inner,
                const Tensor& out);

// Cumulative sum/product along the middle axis of a contiguous [outer, n, inner] tensor, into a
// contiguous out of the same shape. exclusive: element i excludes x[i]; reverse: accumulate from
// the end. Sequential along the axis (so deterministic), vectorised over inner.
void scan(bool product, const Tensor& x, int64_t outer, int64_t n, int64_t inner, bool exclusive,
          bool reverse, const Tensor& out);

}  // namespace fasttf::kernels
