// Strided copy and dtype conversion between tensors of the same shape.
#pragma once
#include "core/tensor.h"

namespace fasttf::kernels {

// dst[i] = src[i] for every index; shapes must match (src may be any strided view).
void copy_strided(const Tensor& src, const Tensor& dst);
// dst[i] = cast<dst.dtype>(src[i]) with TF's rules: float to int truncates toward zero, NaN and
// out-of-range values become the int32/int64 minimum (narrower ints keep its low bits); to bool
// is (x != 0).
void cast_strided(const Tensor& src, const Tensor& dst);

}  // namespace fasttf::kernels
