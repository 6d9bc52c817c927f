// The direct convolution loops of conv_direct.h, written once with GCC vector types of 64 bytes
// (one AVX-512 register; two AVX2 or four SSE registers), so each ISA's build keeps its
// accumulators in registers. Included by exactly
// one translation unit per ISA with FASTTF_CONV_ISA set to that ISA's namespace name.
#ifndef FASTTF_CONV_ISA
#error "define FASTTF_CONV_ISA (baseline, avx2 or avx512) before including conv_direct_impl.h"
#endif

#include <algorithm>
#include <cstring>
#include <type_traits>
#include <vector>

#include "kernels/conv_direct.h"

// The vector helpers are internal (anonymous namespace, inlined): the ABI of passing 64-byte
// vectors without AVX-512, which GCC warns about, never matters here.
#pragma GCC diagnostic ignored "-Wpsabi"

namespace fasttf::kernels::conv_direct::FASTTF_CONV_ISA {
namespace {

// 64 bytes of T as a GCC vector (one AVX-512 register, two AVX2 or four SSE registers); the
// alignment attribute allows unaligned loads through a plain dereference.
template <class T>
struct VecOf;
template <>
struct VecOf<float> {
  typedef float type __attribute__((vector_size(64), aligned(4)));
};
template <>
struct VecOf<double> {
  typedef double type __attribute__((vector_size(64), aligned(8)));
};
template <class T>
using Vec = typename VecOf<T>::type;
template <class T>
constexpr int kLanes = int(64 / sizeof(T));

template <class T>
inline Vec<T> load(const T* p) { return *reinterpret_cast<const Vec<T>*>(p); }
template <class T>
inline void store(T* p, Vec<T> v) { *reinterpret_cast<Vec<T>*>(p) = v; }
template <class T>
inline Vec<T> relu_mask(Vec<T> g, Vec<T> y) { return y > T(0) ? g : Vec<T>{}; }

// Whether every tap of output pixels [ow0, ow1) of output row oh lies inside the image.
inline bool taps_inside(const Conv2dGeometry& g, int64_t oh, int64_t ow0, int64_t ow1) {
  const int64_t ih0 = oh * g.stride_h - g.pad_top, iw0 = ow0 * g.stride_w - g.pad_left;
  const int64_t iw_last = (ow1 - 1) * g.stride_w - g.pad_left + (g.KW - 1) * g.dilation_w;
  return ih0 >= 0 && ih0 + (g.KH - 1) * g.dilation_h < g.H && iw0 >= 0 && iw_last < g.W;
}

// One output pixel: y[co] = relu?(Σ_taps x·w + bias) for all Cout channels. Channels in blocks
// of one vector held in a register; the tail (Cout not a multiple of the lanes) scalar.
template <class T>
inline void forward_pixel(const Conv2dGeometry& g, const T* __restrict image,
                          const T* __restrict w, const T* __restrict bias, bool relu,
                          int64_t ih0, int64_t iw0, bool inside, T* __restrict out) {
  constexpr int L = kLanes<T>;
  const int64_t C = g.C, Cout = g.Cout;
  int64_t co0 = 0;
  for (; co0 < Cout; co0 += L) {
    const bool full = co0 + L <= Cout;
    const int n = full ? L : int(Cout - co0);
    Vec<T> acc{};
    T tail[L] = {};
    for (int64_t kh = 0; kh < g.KH; ++kh) {
      const int64_t ih = ih0 + kh * g.dilation_h;
      if (!inside && (ih < 0 || ih >= g.H)) continue;
      for (int64_t kw = 0; kw < g.KW; ++kw) {
        const int64_t iw = iw0 + kw * g.dilation_w;
        if (!inside && (iw < 0 || iw >= g.W)) continue;
        const T* in = image + (ih * g.W + iw) * C;
        const T* tap = w + (kh * g.KW + kw) * C * Cout + co0;
        for (int64_t c = 0; c < C; ++c) {
          if (full) {
            acc += in[c] * load(tap + c * Cout);
          } else {
            for (int j = 0; j < n; ++j) tail[j] += in[c] * tap[c * Cout + j];
          }
        }
      }
    }
    if (full) {
      if (bias) acc += load(bias + co0);
      if (relu) acc = acc > T(0) ? acc : Vec<T>{};
      store(out + co0, acc);
    } else {
      for (int j = 0; j < n; ++j) {
        T v = tail[j] + (bias ? bias[co0 + j] : T(0));
        out[co0 + j] = relu && !(v > T(0)) ? T(0) : v;
      }
    }
  }
}

// Four neighbouring output pixels whose taps are all inside the image, full vectors of output
// channels only: four independent FMA chains per weight vector loaded (one chain per pixel
// would wait on the FMA latency).
template <class T>
inline void forward_four_pixels(const Conv2dGeometry& g, const T* __restrict image,
                                const T* __restrict w, const T* __restrict bias, bool relu,
                                int64_t ih0, int64_t iw0, int64_t co0, T* __restrict out) {
  const int64_t C = g.C, Cout = g.Cout, step = g.stride_w * C;
  Vec<T> a0{}, a1{}, a2{}, a3{};
  for (int64_t kh = 0; kh < g.KH; ++kh)
    for (int64_t kw = 0; kw < g.KW; ++kw) {
      const T* in = image + ((ih0 + kh * g.dilation_h) * g.W + iw0 + kw * g.dilation_w) * C;
      const T* tap = w + (kh * g.KW + kw) * C * Cout + co0;
      for (int64_t c = 0; c < C; ++c) {
        const Vec<T> wv = load(tap + c * Cout);
        a0 += in[c] * wv;
        a1 += in[c + step] * wv;
        a2 += in[c + 2 * step] * wv;
        a3 += in[c + 3 * step] * wv;
      }
    }
  Vec<T>* acc[4] = {&a0, &a1, &a2, &a3};
  for (int p = 0; p < 4; ++p) {
    Vec<T> v = *acc[p];
    if (bias) v += load(bias + co0);
    if (relu) v = v > T(0) ? v : Vec<T>{};
    store(out + p * Cout + co0, v);
  }
}

template <class T>
void forward_rows(const Conv2dGeometry& g, const T* x, const T* w, const T* bias, bool relu, T* y,
                  int64_t r0, int64_t r1) {
  constexpr int L = kLanes<T>;
  const int64_t full_channels = g.Cout / L * L;
  for (int64_t row = r0; row < r1; ++row) {
    const int64_t n = row / g.Ho, oh = row % g.Ho;
    const T* image = x + n * g.H * g.W * g.C;
    const int64_t ih0 = oh * g.stride_h - g.pad_top;
    int64_t ow = 0;
    if (full_channels == g.Cout)
      for (; ow + 4 <= g.Wo; ow += 4) {
        if (!taps_inside(g, oh, ow, ow + 4)) {
          for (int p = 0; p < 4; ++p)
            forward_pixel(g, image, w, bias, relu, ih0, (ow + p) * g.stride_w - g.pad_left,
                          false, y + (row * g.Wo + ow + p) * g.Cout);
          continue;
        }
        for (int64_t co0 = 0; co0 < g.Cout; co0 += L)
          forward_four_pixels(g, image, w, bias, relu, ih0, ow * g.stride_w - g.pad_left, co0,
                              y + (row * g.Wo + ow) * g.Cout);
      }
    for (; ow < g.Wo; ++ow)
      forward_pixel(g, image, w, bias, relu, ih0, ow * g.stride_w - g.pad_left,
                    taps_inside(g, oh, ow, ow + 1), y + (row * g.Wo + ow) * g.Cout);
  }
}

template <class T>
void relu_grad_rows(int64_t Cout, const T* __restrict grad, const T* __restrict relu_y,
                    T* __restrict dy, T* __restrict db, int64_t m0, int64_t m1) {
  constexpr int L = kLanes<T>;
  if (db) std::fill(db, db + Cout, T(0));
  for (int64_t m = m0; m < m1; ++m) {
    const T* gr = grad + m * Cout;
    const T* yr = relu_y + m * Cout;
    T* out = dy ? dy + m * Cout : nullptr;
    int64_t co = 0;
    for (; co + L <= Cout; co += L) {
      const Vec<T> d = relu_mask<T>(load(gr + co), load(yr + co));
      if (out) store(out + co, d);
      if (db) store(db + co, load(db + co) + d);
    }
    for (; co < Cout; ++co) {
      const T d = yr[co] > T(0) ? gr[co] : T(0);
      if (out) out[co] = d;
      if (db) db[co] += d;
    }
  }
}

// Filter gradient over a run of up to P output pixels of one output row: d (P × Cout, the
// masked gradient) and the taps of each pixel, then dw[k, :] += Σ_p tap(p, k) · d[p, :] with
// the sum over p in order, each dw vector loaded and stored once per run.
template <class T, int P>
void filter_grad_run(const Conv2dGeometry& g, const T* x, int64_t n, int64_t oh, int64_t ow0,
                     int np, const T* __restrict d, T* __restrict cols, T* __restrict dw) {
  constexpr int L = kLanes<T>;
  const int64_t C = g.C, Cout = g.Cout, K = g.KH * g.KW * C;
  const T* image = x + n * g.H * g.W * C;
  // cols[k * P + p]: the input under tap k of pixel p (0 in the padding).
  const bool inside = taps_inside(g, oh, ow0, ow0 + np);
  for (int64_t kh = 0; kh < g.KH; ++kh) {
    const int64_t ih = oh * g.stride_h - g.pad_top + kh * g.dilation_h;
    for (int64_t kw = 0; kw < g.KW; ++kw) {
      T* dst = cols + (kh * g.KW + kw) * C * P;
      for (int p = 0; p < np; ++p) {
        const int64_t iw = (ow0 + p) * g.stride_w - g.pad_left + kw * g.dilation_w;
        const bool valid = inside || (ih >= 0 && ih < g.H && iw >= 0 && iw < g.W);
        const T* src = image + (ih * g.W + iw) * C;
        for (int64_t c = 0; c < C; ++c) dst[c * P + p] = valid ? src[c] : T(0);
      }
    }
  }
  int64_t co0 = 0;
  for (; co0 + L <= Cout; co0 += L) {
    int64_t k = 0;
    for (; k + 4 <= K; k += 4) {  // four taps at once: independent FMA chains
      const T* v = cols + k * P;
      T* dst = dw + k * Cout + co0;
      Vec<T> a0 = load(dst), a1 = load(dst + Cout), a2 = load(dst + 2 * Cout),
             a3 = load(dst + 3 * Cout);
      for (int p = 0; p < np; ++p) {
        const Vec<T> dv = load(d + p * Cout + co0);
        a0 += v[p] * dv;
        a1 += v[P + p] * dv;
        a2 += v[2 * P + p] * dv;
        a3 += v[3 * P + p] * dv;
      }
      store(dst, a0);
      store(dst + Cout, a1);
      store(dst + 2 * Cout, a2);
      store(dst + 3 * Cout, a3);
    }
    for (; k < K; ++k) {
      const T* v = cols + k * P;
      Vec<T> acc = load(dw + k * Cout + co0);
      for (int p = 0; p < np; ++p) acc += v[p] * load(d + p * Cout + co0);
      store(dw + k * Cout + co0, acc);
    }
  }
  for (; co0 < Cout; ++co0)
    for (int64_t k = 0; k < K; ++k) {
      T acc = dw[k * Cout + co0];
      for (int p = 0; p < np; ++p) acc += cols[k * P + p] * d[p * Cout + co0];
      dw[k * Cout + co0] = acc;
    }
}

// dw rows [k0, k0 + TAPS) × COV vectors of channels from co0 over a run of np pixels whose taps
// all lie inside the image: tap t of pixel p is src[t][p * step]. The TAPS × COV accumulators
// stay in registers for the whole run, each x value is broadcast once for COV products, and
// dw is loaded and stored once per run; the sum over p runs in pixel order, as in
// filter_grad_run, so both paths give the same bits.
template <class T, int TAPS, int COV>
inline void filter_grad_taps(const T* const* __restrict src, int64_t step, int np,
                             const T* __restrict d, int64_t Cout, int64_t co0, T* __restrict dw) {
  constexpr int L = kLanes<T>;
  Vec<T> acc[TAPS][COV];
  for (int t = 0; t < TAPS; ++t)
    for (int v = 0; v < COV; ++v) acc[t][v] = load(dw + t * Cout + co0 + v * L);
  for (int p = 0; p < np; ++p) {
    Vec<T> dv[COV];
    for (int v = 0; v < COV; ++v) dv[v] = load(d + p * Cout + co0 + v * L);
    for (int t = 0; t < TAPS; ++t) {
      const T xv = src[t][p * step];
      for (int v = 0; v < COV; ++v) acc[t][v] += xv * dv[v];
    }
  }
  for (int t = 0; t < TAPS; ++t)
    for (int v = 0; v < COV; ++v) store(dw + t * Cout + co0 + v * L, acc[t][v]);
}

// filter_grad_run for a run whose taps are all inside the image (every run of a VALID
// convolution) and a filter of at most 16 taps per channel: no gathered copy of the taps,
// register-blocked over taps and channel vectors (the last Cout % lanes channels scalar).
template <class T>
void filter_grad_run_inside(const Conv2dGeometry& g, const T* x, int64_t n, int64_t oh,
                            int64_t ow0, int np, const T* __restrict d, T* __restrict dw) {
  constexpr int L = kLanes<T>;
  constexpr int kMaxTaps = 4 * 4 * kMaxDirectChannels;  // the largest filter this path takes
  const int64_t C = g.C, Cout = g.Cout, K = g.KH * g.KW * C;
  const T* image = x + n * g.H * g.W * C;
  const T* src[kMaxTaps];
  for (int64_t kh = 0; kh < g.KH; ++kh)
    for (int64_t kw = 0; kw < g.KW; ++kw)
      for (int64_t c = 0; c < C; ++c) {
        const int64_t ih = oh * g.stride_h - g.pad_top + kh * g.dilation_h;
        const int64_t iw = ow0 * g.stride_w - g.pad_left + kw * g.dilation_w;
        src[(kh * g.KW + kw) * C + c] = image + (ih * g.W + iw) * C + c;
      }
  const int64_t step = g.stride_w * C;
  // Taps in chunks of 8, 4 and 1 (templates keep each chunk's accumulators in registers).
  auto taps = [&](auto cov, int64_t co0) {
    constexpr int COV = decltype(cov)::value;
    int64_t k = 0;
    for (; k + 8 <= K; k += 8)
      filter_grad_taps<T, 8, COV>(src + k, step, np, d, Cout, co0, dw + k * Cout);
    for (; k + 4 <= K; k += 4)
      filter_grad_taps<T, 4, COV>(src + k, step, np, d, Cout, co0, dw + k * Cout);
    for (; k < K; ++k) filter_grad_taps<T, 1, COV>(src + k, step, np, d, Cout, co0, dw + k * Cout);
  };
  int64_t co0 = 0;
  for (; co0 + 2 * L <= Cout; co0 += 2 * L) taps(std::integral_constant<int, 2>{}, co0);
  for (; co0 + L <= Cout; co0 += L) taps(std::integral_constant<int, 1>{}, co0);
  for (; co0 < Cout; ++co0)
    for (int64_t k = 0; k < K; ++k) {
      T acc = dw[k * Cout + co0];
      for (int p = 0; p < np; ++p) acc += src[k][p * step] * d[p * Cout + co0];
      dw[k * Cout + co0] = acc;
    }
}

template <class T>
void filter_grad_range(const Conv2dGeometry& g, const T* x, const T* grad, const T* relu_y, T* dw,
                       T* db, int64_t m0, int64_t m1) {
  constexpr int P = 32;  // pixels per run: dw is loaded and stored once per P pixels
  const int64_t K = g.KH * g.KW * g.C, Cout = g.Cout, hw = g.Ho * g.Wo;
  std::vector<T> cols(size_t(P * K)), d(size_t(P * Cout));
  std::fill(dw, dw + K * Cout, T(0));
  if (db) std::fill(db, db + Cout, T(0));
  for (int64_t m = m0; m < m1;) {
    const int64_t n = m / hw, oh = (m % hw) / g.Wo, ow0 = m % g.Wo;
    const int np = int(std::min<int64_t>({P, m1 - m, g.Wo - ow0}));  // one output row per run
    if (relu_y) {
      relu_grad_rows<T>(Cout, grad + m * Cout, relu_y + m * Cout, d.data(), nullptr, 0, np);
    } else {
      std::memcpy(d.data(), grad + m * Cout, size_t(np * Cout) * sizeof(T));
    }
    if (db)
      for (int p = 0; p < np; ++p) {
        const T* dp = d.data() + p * Cout;
        for (int64_t co = 0; co < Cout; ++co) db[co] += dp[co];
      }
    if (g.KH * g.KW <= 16 && taps_inside(g, oh, ow0, ow0 + np))
      filter_grad_run_inside<T>(g, x, n, oh, ow0, np, d.data(), dw);
    else
      filter_grad_run<T, P>(g, x, n, oh, ow0, np, d.data(), cols.data(), dw);
    m += np;
  }
}

}  // namespace

template <class T>
const Loops<T>& loops() {
  static const Loops<T> table{&forward_rows<T>, &filter_grad_range<T>, &relu_grad_rows<T>};
  return table;
}

template const Loops<float>& loops<float>();
template const Loops<double>& loops<double>();

}  // namespace fasttf::kernels::conv_direct::FASTTF_CONV_ISA
