// Vectorised float32 max/min and argmax/argmin kernels, compiled once per instruction set
// (reduce_vec_avx512.cpp, reduce_vec_avx2.cpp, reduce_vec_baseline.cpp) from one source,
// reduce_vec_impl.h, and chosen at run time by cpu::best_isa(). All are single-threaded: the
// callers in reduce.cpp split the work in fixed blocks so results do not depend on threads.
#pragma once
#include <cstdint>

namespace fasttf::kernels {

// Sum of p[0, n) in the scalar kernel's order, so every instruction set gives the same bits:
// element i of the full blocks of 16 goes to running sum i % 16, the sums combine pairwise
// (8, 4, 2, 1), then the tail is added one by one.
float vec_sum_f32(const float* p, int64_t n);
// acc[j] += x[r * stride + j] for r in [0, rows) in order, j in [0, w).
void vec_sum_cols_f32(const float* x, int64_t rows, int64_t stride, int64_t w, float* acc);
// Max (is_max) or min of p[0, n); NaN when any element is NaN; -inf / +inf when n == 0.
float vec_minmax_f32(bool is_max, const float* p, int64_t n);
// acc[j] = max/min(acc[j], x[r * stride + j]) for r in [0, rows), j in [0, w), NaN propagating.
void vec_minmax_cols_f32(bool is_max, const float* x, int64_t rows, int64_t stride, int64_t w,
                         float* acc);
// TensorFlow's argmax/argmin rule over p[0, n) (n < 2^31): start from (index 0, the lowest /
// highest finite float) and take an element only when strictly better, so ties keep the first
// index, NaN is never taken and -inf (+inf for argmin) never beats the start. Returns the index
// and stores the winning value (the start value when nothing beat it) in *value.
int64_t vec_arg_f32(bool is_max, const float* p, int64_t n, float* value);
// The same rule down columns: for r in [0, rows) (rows < 2^31) and j in [0, w), x[r * stride + j]
// replaces best[j] (and r0 + r replaces idx[j]) when strictly better.
void vec_arg_cols_f32(bool is_max, const float* x, int64_t rows, int64_t stride, int64_t w,
                      int32_t r0, float* best, int32_t* idx);

namespace reduce_isa {
#define FASTTF_DECLARE_REDUCE_VEC(suffix)                                                      \
  float sum_##suffix(const float* p, int64_t n);                                              \
  void sum_cols_##suffix(const float* x, int64_t rows, int64_t stride, int64_t w, float* acc); \
  float minmax_##suffix(bool is_max, const float* p, int64_t n);                              \
  void minmax_cols_##suffix(bool is_max, const float* x, int64_t rows, int64_t stride,        \
                            int64_t w, float* acc);                                            \
  int64_t arg_##suffix(bool is_max, const float* p, int64_t n, float* value);                 \
  void arg_cols_##suffix(bool is_max, const float* x, int64_t rows, int64_t stride, int64_t w, \
                         int32_t r0, float* best, int32_t* idx);
FASTTF_DECLARE_REDUCE_VEC(baseline)
FASTTF_DECLARE_REDUCE_VEC(avx2)
FASTTF_DECLARE_REDUCE_VEC(avx512)
#undef FASTTF_DECLARE_REDUCE_VEC
}  // namespace reduce_isa

}  // namespace fasttf::kernels
