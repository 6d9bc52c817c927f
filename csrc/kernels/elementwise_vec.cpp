#include "kernels/elementwise_vec.h"

#include "core/cpu.h"

namespace fasttf::kernels {

void vec_unary_f32(VecUnary op, const float* x, float* y, int64_t n) {
  switch (cpu::best_isa()) {
    case cpu::Isa::Avx512: return vec_isa::unary_avx512(op, x, y, n);
    case cpu::Isa::Avx2: return vec_isa::unary_avx2(op, x, y, n);
    default: return vec_isa::unary_baseline(op, x, y, n);
  }
}

float vec_exp_shift_sum_f32(const float* x, float shift, float* y, int64_t n) {
  switch (cpu::best_isa()) {
    case cpu::Isa::Avx512: return vec_isa::exp_shift_sum_avx512(x, shift, y, n);
    case cpu::Isa::Avx2: return vec_isa::exp_shift_sum_avx2(x, shift, y, n);
    default: return vec_isa::exp_shift_sum_baseline(x, shift, y, n);
  }
}

}  // namespace fasttf::kernels
