// The body of the vectorised float32 max/min/argmax/argmin kernels, included once per
// instruction set by reduce_vec_<isa>.cpp with FASTTF_REDUCE_VEC_SUFFIX and
// FASTTF_REDUCE_VEC_BYTES (vector width) defined. Max and min are exact, so the lane layout
// only matters for which of -0.0 / +0.0 wins a tie; the arg kernels give the first index of
// the best value whatever the layout.
#include <cfloat>
#include <cmath>
#include <cstring>
#include <limits>

#include "kernels/reduce_vec.h"

#define FASTTF_REDUCE_CAT2(a, b) a##b
#define FASTTF_REDUCE_CAT(a, b) FASTTF_REDUCE_CAT2(a, b)
#define FASTTF_REDUCE_NAME(name) FASTTF_REDUCE_CAT(name##_, FASTTF_REDUCE_VEC_SUFFIX)

namespace fasttf::kernels::reduce_isa {
namespace {

typedef float Vec __attribute__((vector_size(FASTTF_REDUCE_VEC_BYTES)));
typedef int32_t VecI __attribute__((vector_size(FASTTF_REDUCE_VEC_BYTES)));
constexpr int kLanes = FASTTF_REDUCE_VEC_BYTES / 4;
constexpr int kPrefetchAhead = 1024;  // floats (4 KB) ahead of the streaming loops

inline Vec load(const float* p) { Vec v; std::memcpy(&v, p, sizeof v); return v; }
inline VecI load(const int32_t* p) { VecI v; std::memcpy(&v, p, sizeof v); return v; }
inline void store(float* p, Vec v) { std::memcpy(p, &v, sizeof v); }
inline void store(int32_t* p, VecI v) { std::memcpy(p, &v, sizeof v); }

// All-ones lanes where v is strictly better than b (false for a NaN on either side).
template <bool Max> inline VecI better(Vec v, Vec b) { if constexpr (Max) return v > b; else return v < b; }
template <bool Max> inline bool better(float v, float b) { return Max ? v > b : v < b; }

float sum(const float* p, int64_t n) {
  constexpr int kPer16 = 16 / kLanes;
  Vec acc[kPer16] = {};
  int64_t i = 0;
  for (; i + 16 <= n; i += 16)
    for (int k = 0; k < kPer16; ++k) acc[k] += load(p + i + k * kLanes);
  float lanes[16];
  for (int k = 0; k < kPer16; ++k) store(lanes + k * kLanes, acc[k]);
  for (int w = 8; w > 0; w /= 2)
    for (int l = 0; l < w; ++l) lanes[l] += lanes[l + w];
  float r = lanes[0];
  for (; i < n; ++i) r += p[i];
  return r;
}

void sum_cols(const float* x, int64_t rows, int64_t stride, int64_t w, float* acc) {
  for (int64_t r = 0; r < rows; ++r) {
    const float* row = x + r * stride;
    int64_t j = 0;
    for (; j + kLanes <= w; j += kLanes) store(acc + j, load(acc + j) + load(row + j));
    for (; j < w; ++j) acc[j] += row[j];
  }
}

template <bool Max>
float minmax(const float* p, int64_t n) {
  constexpr int U = 4;  // independent accumulators, to hide the compare/blend latency
  const float start = Max ? -std::numeric_limits<float>::infinity() : std::numeric_limits<float>::infinity();
  Vec acc[U];
  VecI nan[U];
  for (int u = 0; u < U; ++u) { acc[u] = Vec{} + start; nan[u] = VecI{}; }
  int64_t i = 0;
  for (; i + U * kLanes <= n; i += U * kLanes) {
    __builtin_prefetch(p + i + kPrefetchAhead);
    for (int u = 0; u < U; ++u) {
      const Vec v = load(p + i + u * kLanes);
      acc[u] = better<Max>(v, acc[u]) ? v : acc[u];
      nan[u] |= v != v;
    }
  }
  float lanes[U * kLanes];
  int32_t nan_lanes[U * kLanes];
  for (int u = 0; u < U; ++u) { store(lanes + u * kLanes, acc[u]); store(nan_lanes + u * kLanes, nan[u]); }
  float r = start;
  bool any_nan = false;
  for (int l = 0; l < U * kLanes; ++l) {
    if (better<Max>(lanes[l], r)) r = lanes[l];
    any_nan |= nan_lanes[l] != 0;
  }
  for (; i < n; ++i) {
    if (better<Max>(p[i], r)) r = p[i];
    any_nan |= std::isnan(p[i]);
  }
  return any_nan ? std::numeric_limits<float>::quiet_NaN() : r;
}

template <bool Max>
void minmax_cols(const float* x, int64_t rows, int64_t stride, int64_t w, float* acc) {
  for (int64_t r = 0; r < rows; ++r) {
    const float* row = x + r * stride;
    int64_t j = 0;
    for (; j + kLanes <= w; j += kLanes) {
      const Vec a = load(acc + j), v = load(row + j);
      store(acc + j, (better<Max>(v, a) | (v != v)) ? v : a);  // a NaN, once in a, stays
    }
    for (; j < w; ++j)
      if (better<Max>(row[j], acc[j]) || std::isnan(row[j])) acc[j] = row[j];
  }
}

template <bool Max>
int64_t arg(const float* p, int64_t n, float* value) {
  constexpr int U = 2;
  const float start = Max ? -FLT_MAX : FLT_MAX;
  Vec best[U];
  VecI idx[U], cur[U];
  for (int u = 0; u < U; ++u) {
    best[u] = Vec{} + start;
    idx[u] = VecI{};
    for (int l = 0; l < kLanes; ++l) cur[u][l] = u * kLanes + l;
  }
  int64_t i = 0;
  for (; i + U * kLanes <= n; i += U * kLanes) {
    __builtin_prefetch(p + i + kPrefetchAhead);
    for (int u = 0; u < U; ++u) {
      const Vec v = load(p + i + u * kLanes);
      const VecI m = better<Max>(v, best[u]);
      best[u] = m ? v : best[u];
      idx[u] = m ? cur[u] : idx[u];
      cur[u] += U * kLanes;
    }
  }
  // Each lane holds the first index of its best value: the overall first index of the best
  // value is the smallest index among the lanes that hold it.
  float bv = start;
  int64_t bi = 0;
  for (int u = 0; u < U; ++u)
    for (int l = 0; l < kLanes; ++l) {
      const float v = best[u][l];
      const int64_t k = idx[u][l];
      if (better<Max>(v, bv) || (v == bv && k < bi)) { bv = v; bi = k; }
    }
  for (; i < n; ++i)
    if (better<Max>(p[i], bv)) { bv = p[i]; bi = i; }
  *value = bv;
  return bi;
}

template <bool Max>
void arg_cols(const float* x, int64_t rows, int64_t stride, int64_t w, int32_t r0, float* best,
              int32_t* idx) {
  for (int64_t r = 0; r < rows; ++r) {
    const float* row = x + r * stride;
    const int32_t at = r0 + int32_t(r);
    const VecI at_v = VecI{} + at;
    int64_t j = 0;
    for (; j + kLanes <= w; j += kLanes) {
      const Vec b = load(best + j), v = load(row + j);
      const VecI m = better<Max>(v, b);
      store(best + j, m ? v : b);
      store(idx + j, m ? at_v : load(idx + j));
    }
    for (; j < w; ++j)
      if (better<Max>(row[j], best[j])) { best[j] = row[j]; idx[j] = at; }
  }
}

}  // namespace

float FASTTF_REDUCE_NAME(sum)(const float* p, int64_t n) { return sum(p, n); }
void FASTTF_REDUCE_NAME(sum_cols)(const float* x, int64_t rows, int64_t stride, int64_t w,
                                  float* acc) {
  sum_cols(x, rows, stride, w, acc);
}
float FASTTF_REDUCE_NAME(minmax)(bool is_max, const float* p, int64_t n) {
  return is_max ? minmax<true>(p, n) : minmax<false>(p, n);
}
void FASTTF_REDUCE_NAME(minmax_cols)(bool is_max, const float* x, int64_t rows, int64_t stride,
                                     int64_t w, float* acc) {
  if (is_max) minmax_cols<true>(x, rows, stride, w, acc);
  else minmax_cols<false>(x, rows, stride, w, acc);
}
int64_t FASTTF_REDUCE_NAME(arg)(bool is_max, const float* p, int64_t n, float* value) {
  return is_max ? arg<true>(p, n, value) : arg<false>(p, n, value);
}
void FASTTF_REDUCE_NAME(arg_cols)(bool is_max, const float* x, int64_t rows, int64_t stride,
                                  int64_t w, int32_t r0, float* best, int32_t* idx) {
  if (is_max) arg_cols<true>(x, rows, stride, w, r0, best, idx);
  else arg_cols<false>(x, rows, stride, w, r0, best, idx);
}

}  // namespace fasttf::kernels::reduce_isa

#undef FASTTF_REDUCE_NAME
#undef FASTTF_REDUCE_CAT
#undef FASTTF_REDUCE_CAT2
