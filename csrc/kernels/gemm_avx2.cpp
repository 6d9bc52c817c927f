// AVX2 GEMM micro-kernels: 6×16 float and 6×8 double (12 ymm accumulators, two B vectors,
// one broadcast: 15 of the 16 ymm registers).
#include <immintrin.h>

#include "kernels/gemm_internal.h"

namespace fasttf::kernels::gemm_detail::avx2 {
namespace {

// Lane i is active when i < n: compare the lane index against n.
inline __m256i lanes_below(int n, __m256i iota) {
  return _mm256_cmpgt_epi32(_mm256_set1_epi32(n), iota);
}

struct F32 {
  using T = float;
  using reg = __m256;
  using mask = __m256i;
  static constexpr int W = 8;
  static reg zero() { return _mm256_setzero_ps(); }
  static reg load(const T* p) { return _mm256_loadu_ps(p); }
  static reg loadm(mask m, const T* p) { return _mm256_maskload_ps(p, m); }
  static reg set1(T x) { return _mm256_set1_ps(x); }
  static reg fma(reg a, reg b, reg c) { return _mm256_fmadd_ps(a, b, c); }
  static reg add(reg a, reg b) { return _mm256_add_ps(a, b); }
  static reg max0(reg a) { return _mm256_max_ps(a, _mm256_setzero_ps()); }
  static void store(T* p, reg v) { _mm256_storeu_ps(p, v); }
  static void storem(mask m, T* p, reg v) { _mm256_maskstore_ps(p, m, v); }
  static mask first(int n) { return lanes_below(n, _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7)); }
};

struct F64 {
  using T = double;
  using reg = __m256d;
  using mask = __m256i;
  static constexpr int W = 4;
  static reg zero() { return _mm256_setzero_pd(); }
  static reg load(const T* p) { return _mm256_loadu_pd(p); }
  static reg loadm(mask m, const T* p) { return _mm256_maskload_pd(p, m); }
  static reg set1(T x) { return _mm256_set1_pd(x); }
  static reg fma(reg a, reg b, reg c) { return _mm256_fmadd_pd(a, b, c); }
  static reg add(reg a, reg b) { return _mm256_add_pd(a, b); }
  static reg max0(reg a) { return _mm256_max_pd(a, _mm256_setzero_pd()); }
  static void store(T* p, reg v) { _mm256_storeu_pd(p, v); }
  static void storem(mask m, T* p, reg v) { _mm256_maskstore_pd(p, m, v); }
  // 64-bit lanes: each active lane needs both of its 32-bit halves set.
  static mask first(int n) { return lanes_below(n, _mm256_setr_epi32(0, 0, 1, 1, 2, 2, 3, 3)); }
};

}  // namespace

const KernelSet<float>& kernels_f32() {
  static const KernelSet<float> ks = [] {
    KernelSet<float> s = make_kernel_set<F32, 6>(256, 1024, 1008);
    add_edge_kernels<F32, 2, 2, 4>(s);
    return s;
  }();
  return ks;
}
const KernelSet<double>& kernels_f64() {
  static const KernelSet<double> ks = [] {
    KernelSet<double> s = make_kernel_set<F64, 6>(256, 512, 1008);
    add_edge_kernels<F64, 2, 2, 4>(s);
    return s;
  }();
  return ks;
}
// 12×8 / 12×4: 12 accumulators, one B vector, one broadcast.
const KernelSet<float>& narrow_kernels_f32() {
  static const KernelSet<float> ks = [] {
    KernelSet<float> s = make_kernel_set<F32, 12, 1>(256, 8, 1008);
    add_edge_kernels<F32, 1, 4, 8>(s);
    return s;
  }();
  return ks;
}
const KernelSet<double>& narrow_kernels_f64() {
  static const KernelSet<double> ks = [] {
    KernelSet<double> s = make_kernel_set<F64, 12, 1>(256, 4, 1008);
    add_edge_kernels<F64, 1, 4, 8>(s);
    return s;
  }();
  return ks;
}

}  // namespace fasttf::kernels::gemm_detail::avx2
