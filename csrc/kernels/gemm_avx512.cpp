// AVX-512 GEMM micro-kernels: 14×32 float and 14×16 double (28 zmm accumulators, two B
// vectors, one broadcast: 31 of the 32 zmm registers), 28×16 / 28×8 narrow variants for C
// at most one vector wide, and float packing that transposes 16×16 blocks in registers.
#include <immintrin.h>

#include "kernels/gemm_internal.h"

namespace fasttf::kernels::gemm_detail::avx512 {
namespace {

struct F32 {
  using T = float;
  using reg = __m512;
  using mask = __mmask16;
  static constexpr int W = 16;
  static reg zero() { return _mm512_setzero_ps(); }
  static reg load(const T* p) { return _mm512_loadu_ps(p); }
  static reg loadm(mask m, const T* p) { return _mm512_maskz_loadu_ps(m, p); }
  static reg set1(T x) { return _mm512_set1_ps(x); }
  static reg fma(reg a, reg b, reg c) { return _mm512_fmadd_ps(a, b, c); }
  static reg add(reg a, reg b) { return _mm512_add_ps(a, b); }
  // max(a, 0) written as a masked move: GCC 12's _mm512_max_ps trips -Wmaybe-uninitialized.
  // NaN compares false and becomes 0, as maxps(a, 0) would give.
  static reg max0(reg a) {
    return _mm512_maskz_mov_ps(_mm512_cmp_ps_mask(a, zero(), _CMP_GT_OQ), a);
  }
  static void store(T* p, reg v) { _mm512_storeu_ps(p, v); }
  static void storem(mask m, T* p, reg v) { _mm512_mask_storeu_ps(p, m, v); }
  static mask first(int n) { return n <= 0 ? 0 : n >= W ? mask(0xFFFF) : mask((1u << n) - 1); }
};

struct F64 {
  using T = double;
  using reg = __m512d;
  using mask = __mmask8;
  static constexpr int W = 8;
  static reg zero() { return _mm512_setzero_pd(); }
  static reg load(const T* p) { return _mm512_loadu_pd(p); }
  static reg loadm(mask m, const T* p) { return _mm512_maskz_loadu_pd(m, p); }
  static reg set1(T x) { return _mm512_set1_pd(x); }
  static reg fma(reg a, reg b, reg c) { return _mm512_fmadd_pd(a, b, c); }
  static reg add(reg a, reg b) { return _mm512_add_pd(a, b); }
  static reg max0(reg a) {
    return _mm512_maskz_mov_pd(_mm512_cmp_pd_mask(a, zero(), _CMP_GT_OQ), a);
  }
  static void store(T* p, reg v) { _mm512_storeu_pd(p, v); }
  static void storem(mask m, T* p, reg v) { _mm512_mask_storeu_pd(p, m, v); }
  static mask first(int n) { return n <= 0 ? 0 : n >= W ? mask(0xFF) : mask((1u << n) - 1); }
};

// In-register transpose of 16 rows of 16 floats: on return r[i] holds column i.
// Three shuffle stages (unpack ps, unpack pd, two rounds of 128-bit lane shuffles).
// (Masked forms with a full mask: the plain intrinsics trip GCC 12's -Wuninitialized.)
template <int Imm>
inline __m512 shuffle128(__m512 a, __m512 b) {
  return _mm512_mask_shuffle_f32x4(a, 0xFFFF, a, b, Imm);
}

inline void transpose16(__m512 r[16]) {
  __m512 t[16];
  for (int i = 0; i < 8; ++i) {
    t[2 * i] = _mm512_maskz_unpacklo_ps(0xFFFF, r[2 * i], r[2 * i + 1]);
    t[2 * i + 1] = _mm512_maskz_unpackhi_ps(0xFFFF, r[2 * i], r[2 * i + 1]);
  }
  for (int g = 0; g < 4; ++g) {  // r[4g+j], 128-bit lane L: rows 4g..4g+3 of column 4L+j
    __m512d a = _mm512_castps_pd(t[4 * g]), b = _mm512_castps_pd(t[4 * g + 1]);
    __m512d c = _mm512_castps_pd(t[4 * g + 2]), d = _mm512_castps_pd(t[4 * g + 3]);
    r[4 * g] = _mm512_castpd_ps(_mm512_maskz_unpacklo_pd(0xFF, a, c));
    r[4 * g + 1] = _mm512_castpd_ps(_mm512_maskz_unpackhi_pd(0xFF, a, c));
    r[4 * g + 2] = _mm512_castpd_ps(_mm512_maskz_unpacklo_pd(0xFF, b, d));
    r[4 * g + 3] = _mm512_castpd_ps(_mm512_maskz_unpackhi_pd(0xFF, b, d));
  }
  for (int j = 0; j < 4; ++j) {
    t[j] = shuffle128<0x88>(r[j], r[4 + j]);
    t[4 + j] = shuffle128<0xdd>(r[j], r[4 + j]);
    t[8 + j] = shuffle128<0x88>(r[8 + j], r[12 + j]);
    t[12 + j] = shuffle128<0xdd>(r[8 + j], r[12 + j]);
  }
  for (int j = 0; j < 4; ++j) {
    r[j] = shuffle128<0x88>(t[j], t[8 + j]);
    r[8 + j] = shuffle128<0xdd>(t[j], t[8 + j]);
    r[4 + j] = shuffle128<0x88>(t[4 + j], t[12 + j]);
    r[12 + j] = shuffle128<0xdd>(t[4 + j], t[12 + j]);
  }
}

// Transposes 16 k-values of `lines` strided vectors (line l at src + l*ld, missing lines are
// zero) and stores k-row kk's first `width` lanes at dst + kk*dst_ld: the core of packing an
// operand whose packed direction is strided in memory (row-major A, transposed B).
inline void transpose_block16(const float* src, int64_t ld, int lines, float* dst,
                              int64_t dst_ld, __mmask16 width) {
  __m512 r[16];
  for (int l = 0; l < 16; ++l)
    r[l] = l < lines ? _mm512_loadu_ps(src + l * ld) : _mm512_setzero_ps();
  transpose16(r);
  for (int kk = 0; kk < 16; ++kk) _mm512_mask_storeu_ps(dst + kk * dst_ld, width, r[kk]);
}

constexpr int kMrF32 = 14, kNrF32 = 32;

// Row-major A (cs == 1): 16×MR blocks transposed in registers instead of MR×k scalar
// strided stores; the other layouts use the generic packer.
void pack_a_f32(int64_t m, int64_t k, const float* a, int64_t rs, int64_t cs, float* dst) {
  if (cs != 1 || rs == 1) return pack_a<F32, kMrF32>(m, k, a, rs, cs, dst);
  for (int64_t i0 = 0; i0 < m; i0 += kMrF32, dst += kMrF32 * k) {
    const int rows = int(m - i0 < kMrF32 ? m - i0 : kMrF32);
    const float* src = a + i0 * rs;
    int64_t k0 = 0;
    for (; k0 + 16 <= k; k0 += 16)
      transpose_block16(src + k0, rs, rows, dst + k0 * kMrF32, kMrF32, (1u << kMrF32) - 1);
    if (k0 < k) pack_a<F32, kMrF32>(rows, k - k0, src + k0, rs, cs, dst + k0 * kMrF32);
  }
}

// Transposed B (rs == 1): each NR panel is two 16-column halves transposed in registers.
void pack_b_f32(int64_t k, int64_t n, const float* b, int64_t rs, int64_t cs, float* dst) {
  if (rs != 1 || cs == 1) return pack_b<F32, kNrF32>(k, n, b, rs, cs, dst);
  for (int64_t j0 = 0; j0 < n; j0 += kNrF32, dst += kNrF32 * k) {
    const int cols = int(n - j0 < kNrF32 ? n - j0 : kNrF32);
    const float* src = b + j0 * cs;
    int64_t k0 = 0;
    for (; k0 + 16 <= k; k0 += 16)
      for (int h = 0; h < 2; ++h)
        transpose_block16(src + h * 16 * cs + k0, cs, cols - 16 * h, dst + k0 * kNrF32 + 16 * h,
                          kNrF32, 0xFFFF);
    if (k0 < k) pack_b<F32, kNrF32>(k - k0, cols, src + k0, rs, cs, dst + k0 * kNrF32);
  }
}

}  // namespace

// Blocking: kc×MR A micro-panel (21 KiB float) in L1; kc×nc packed B (~1 MiB) in L2; the
// A block (up to 4032×kc, 6 MiB) in L3, so B is packed once for M up to 4032.
const KernelSet<float>& kernels_f32() {
  static const KernelSet<float> ks = [] {
    KernelSet<float> s = make_kernel_set<F32, kMrF32>(384, 672, 4032);
    s.pack_a = &pack_a_f32;
    s.pack_b = &pack_b_f32;
    add_edge_kernels<F32, 2, 4, 8>(s);
    return s;
  }();
  return ks;
}
const KernelSet<double>& kernels_f64() {
  static const KernelSet<double> ks = [] {
    KernelSet<double> s = make_kernel_set<F64, 14>(256, 512, 2016);
    add_edge_kernels<F64, 2, 4, 8>(s);
    return s;
  }();
  return ks;
}
// 28×16 / 28×8: 28 accumulators, one B vector, one broadcast.
const KernelSet<float>& narrow_kernels_f32() {
  static const KernelSet<float> ks = [] {
    KernelSet<float> s = make_kernel_set<F32, 28, 1>(384, 16, 4032);
    add_edge_kernels<F32, 1, 4, 8, 16>(s);
    return s;
  }();
  return ks;
}
const KernelSet<double>& narrow_kernels_f64() {
  static const KernelSet<double> ks = [] {
    KernelSet<double> s = make_kernel_set<F64, 28, 1>(256, 8, 2016);
    add_edge_kernels<F64, 1, 4, 8, 16>(s);
    return s;
  }();
  return ks;
}

// 6×64: 24 accumulators, four B vectors, one broadcast. A quarter of a broadcast per FMA
// (the 14×32 tile needs half), which pays where B is read in place from L1 and every k row
// of the tile is one short burst of loads; its B micro-panel (kc×64) is too wide to stream
// from L2 as the main tile's does. Same kc as the main tile, so a product gives the same
// bits whichever set computes it.
const KernelSet<float>& small_kernels_f32() {
  static const KernelSet<float> ks = [] {
    KernelSet<float> s = make_kernel_set<F32, 6, 4>(384, 672, 4032);
    add_edge_kernels<F32, 4, 1, 2, 4>(s);
    return s;
  }();
  return ks;
}

}  // namespace fasttf::kernels::gemm_detail::avx512
