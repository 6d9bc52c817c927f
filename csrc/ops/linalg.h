// Matrix products.
#pragma once
#include "core/tensor.h"

namespace fasttf::ops {

// tf.matmul: rank >= 2, batch dimensions broadcast, transpose_a/b handled by strides (no copy).
Tensor matmul(const Tensor& a, const Tensor& b, bool transpose_a = false, bool transpose_b = false);

}  // namespace fasttf::ops
