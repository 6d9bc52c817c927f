#include "kernels/reduce_vec.h"

#include "core/cpu.h"

namespace fasttf::kernels {

#define FASTTF_REDUCE_VEC_DISPATCH(name, ...)                                   \
  switch (cpu::best_isa()) {                                                     \
    case cpu::Isa::Avx512: return reduce_isa::name##_avx512(__VA_ARGS__);       \
    case cpu::Isa::Avx2: return reduce_isa::name##_avx2(__VA_ARGS__);           \
    default: return reduce_isa::name##_baseline(__VA_ARGS__);                   \
  }

float vec_sum_f32(const float* p, int64_t n) { FASTTF_REDUCE_VEC_DISPATCH(sum, p, n) }
void vec_sum_cols_f32(const float* x, int64_t rows, int64_t stride, int64_t w, float* acc) {
  FASTTF_REDUCE_VEC_DISPATCH(sum_cols, x, rows, stride, w, acc)
}
float vec_minmax_f32(bool is_max, const float* p, int64_t n) {
  FASTTF_REDUCE_VEC_DISPATCH(minmax, is_max, p, n)
}
void vec_minmax_cols_f32(bool is_max, const float* x, int64_t rows, int64_t stride, int64_t w,
                         float* acc) {
  FASTTF_REDUCE_VEC_DISPATCH(minmax_cols, is_max, x, rows, stride, w, acc)
}
int64_t vec_arg_f32(bool is_max, const float* p, int64_t n, float* value) {
  FASTTF_REDUCE_VEC_DISPATCH(arg, is_max, p, n, value)
}
void vec_arg_cols_f32(bool is_max, const float* x, int64_t rows, int64_t stride, int64_t w,
                      int32_t r0, float* best, int32_t* idx) {
  FASTTF_REDUCE_VEC_DISPATCH(arg_cols, is_max, x, rows, stride, w, r0, best, idx)
}

#undef FASTTF_REDUCE_VEC_DISPATCH

}  // namespace fasttf::kernels
