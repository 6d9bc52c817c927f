// The Keras Dense layer's forward pass as one op: x·kernel + bias, then ReLU, with the bias and
// the activation applied in the GEMM's store (one pass over the output instead of three, and one
// tape node instead of three).
#pragma once
#include "core/tensor.h"

namespace fasttf::ops {

// relu?(x[M,K] · kernel[K,N] + bias[N]); bias may be undefined. Float32/float64.
Tensor dense(const Tensor& x, const Tensor& kernel, const Tensor& bias, bool relu);

}  // namespace fasttf::ops
