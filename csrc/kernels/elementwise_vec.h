// Vectorised float32 kernels for the transcendental unary ops and the softmax rows, compiled
// once per instruction set (elementwise_vec_avx512.cpp, elementwise_vec_avx2.cpp, and
// elementwise_vec_baseline.cpp for plain x86-64) from one source, elementwise_vec_impl.h, and
// chosen at run time by cpu::best_isa() (FASTTF_ISA=avx2|scalar forces a lower path).
#pragma once
#include <cstdint>

namespace fasttf::kernels {

enum class VecUnary { Exp, Expm1, Log, Log1p, Tanh, Sigmoid, Erf, Gelu, Elu, Selu, Softplus, Swish };

// y[i] = f(x[i]) for i in [0, n); single-threaded (callers split the work). x may equal y.
void vec_unary_f32(VecUnary op, const float* x, float* y, int64_t n);
// y[i] = exp(x[i] - shift); returns the sum of y in a fixed order (16 lanes, then pairwise).
float vec_exp_shift_sum_f32(const float* x, float shift, float* y, int64_t n);

// One entry point per instruction set; the dispatchers above pick one.
namespace vec_isa {
#define FASTTF_DECLARE_VEC(suffix)                                                    \
  void unary_##suffix(VecUnary op, const float* x, float* y, int64_t n);              \
  float exp_shift_sum_##suffix(const float* x, float shift, float* y, int64_t n);
FASTTF_DECLARE_VEC(baseline)
FASTTF_DECLARE_VEC(avx2)
FASTTF_DECLARE_VEC(avx512)
#undef FASTTF_DECLARE_VEC
}  // namespace vec_isa

}  // namespace fasttf::kernels
