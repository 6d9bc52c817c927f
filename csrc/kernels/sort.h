// Row-wise sorting: the kernel behind tf.sort, tf.argsort and tf.math.top_k.
#pragma once
#include <cstdint>

#include "core/tensor.h"

namespace fasttf::kernels {

// For each row of the contiguous [R, N] tensor x, writes into out[r * k + j] the index of the
// j-th element in ascending (or descending) order, for j < k <= N. Ties keep the lower index
// first (a stable order, as TF's argsort and top_k); NaN sorts above every number.
void argsort_rows(const Tensor& x, bool descending, int64_t k, int64_t* out);

}  // namespace fasttf::kernels
