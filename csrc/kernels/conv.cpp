// Convolution as GEMM: the im2col matrix is built one tile of output rows at a time, so the
// column buffer stays in L2 however large the batch, and each tile is one GEMM call (bias and
// ReLU fused into its store). Tiles are spread over threads; inside a parallel region the GEMM
// runs single-threaded, and with a single tile the GEMM parallelises itself.
#include "kernels/conv.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "core/parallel.h"
#include "kernels/conv_direct.h"
#include "kernels/gemm.h"

namespace fasttf::kernels {
namespace {

constexpr int64_t kColumnTileBytes = 256 * 1024;       // one im2col tile, sized for L2
constexpr int64_t kMaxFilterGradGroups = 8;             // fixed: results never depend on threads
constexpr int64_t kFilterGradPartialBytes = 64 << 20;  // cap on the per-group partial sums

template <class T>
int64_t tile_rows_for(int64_t K) {
  int64_t rows = kColumnTileBytes / (std::max<int64_t>(K, 1) * int64_t(sizeof(T)));
  rows = std::clamp<int64_t>(rows, 16, 4096);
  return rows / 16 * 16;
}

int64_t ceil_div(int64_t a, int64_t b) { return (a + b - 1) / b; }

// A 1×1, stride-1, unpadded convolution is a plain GEMM on the input: no im2col at all.
bool is_pointwise(const Conv2dGeometry& g) {
  return g.KH == 1 && g.KW == 1 && g.stride_h == 1 && g.stride_w == 1 && g.pad_top == 0 &&
         g.pad_left == 0 && g.Ho == g.H && g.Wo == g.W;
}

// Rows [m0, m1) of the im2col matrix: row m is output pixel m (n, oh, ow in order), column
// (kh, kw, c) the input value under that filter tap, or 0 in the padding.
template <class T>
void im2col_rows(const Conv2dGeometry& g, const T* x, int64_t m0, int64_t m1, T* col) {
  const int64_t K = g.KH * g.KW * g.C, C = g.C, hw = g.Ho * g.Wo;
  int64_t n = m0 / hw, oh = (m0 % hw) / g.Wo, ow = (m0 % hw) % g.Wo;
  for (int64_t m = m0; m < m1; ++m) {
    T* row = col + (m - m0) * K;
    const T* image = x + n * g.H * g.W * C;
    const int64_t ih0 = oh * g.stride_h - g.pad_top, iw0 = ow * g.stride_w - g.pad_left;
    const bool row_inside = g.dilation_w == 1 && iw0 >= 0 && iw0 + g.KW <= g.W;
    for (int64_t kh = 0; kh < g.KH; ++kh) {
      const int64_t ih = ih0 + kh * g.dilation_h;
      T* dst = row + kh * g.KW * C;
      if (ih < 0 || ih >= g.H) {
        std::fill(dst, dst + g.KW * C, T(0));
        continue;
      }
      const T* src = image + ih * g.W * C;
      if (row_inside) {  // the KW taps are one contiguous run of the input row
        std::memcpy(dst, src + iw0 * C, size_t(g.KW * C) * sizeof(T));
        continue;
      }
      for (int64_t kw = 0; kw < g.KW; ++kw) {
        const int64_t iw = iw0 + kw * g.dilation_w;
        if (iw < 0 || iw >= g.W) std::fill(dst + kw * C, dst + (kw + 1) * C, T(0));
        else std::memcpy(dst + kw * C, src + iw * C, size_t(C) * sizeof(T));
      }
    }
    if (++ow == g.Wo) { ow = 0; if (++oh == g.Ho) { oh = 0; ++n; } }
  }
}

// dx[n] += col2im(col) for the output rows [r0, r1) of image n.
template <class T>
void col2im_add_rows(const Conv2dGeometry& g, const T* col, int64_t n, int64_t r0, int64_t r1,
                     T* dx) {
  const int64_t K = g.KH * g.KW * g.C, C = g.C;
  T* image = dx + n * g.H * g.W * C;
  for (int64_t r = r0; r < r1; ++r) {
    const int64_t oh = r / g.Wo, ow = r % g.Wo;
    const T* row = col + (r - r0) * K;
    for (int64_t kh = 0; kh < g.KH; ++kh) {
      const int64_t ih = oh * g.stride_h - g.pad_top + kh * g.dilation_h;
      if (ih < 0 || ih >= g.H) continue;
      for (int64_t kw = 0; kw < g.KW; ++kw) {
        const int64_t iw = ow * g.stride_w - g.pad_left + kw * g.dilation_w;
        if (iw < 0 || iw >= g.W) continue;
        T* dst = image + (ih * g.W + iw) * C;
        const T* src = row + (kh * g.KW + kw) * C;
        for (int64_t c = 0; c < C; ++c) dst[c] += src[c];
      }
    }
  }
}

// Input gradient in gather form, for few input channels, where the GEMM formulations would
// have an output width of C (far too thin): every input pixel sums, over the taps that saw it,
// the dot product of that output pixel's gradient with the filter row. Rows are independent.
template <class T>
void conv2d_backward_input_direct(const Conv2dGeometry& g, const T* dy, const T* w, T* dx) {
  const int64_t C = g.C, Cout = g.Cout;
  constexpr int kLanes = 8;  // independent partial sums: vectorisable, fixed order
  const int64_t row_cost = std::max<int64_t>(1, g.W * g.KH * g.KW * C * Cout);
  parallel_for(g.N * g.H, std::max<int64_t>(1, 65536 / row_cost), [&](int64_t b, int64_t e) {
    for (int64_t row = b; row < e; ++row) {
      const int64_t n = row / g.H, ih = row % g.H;
      for (int64_t iw = 0; iw < g.W; ++iw) {
        T* out = dx + (row * g.W + iw) * C;
        std::fill(out, out + C, T(0));
        for (int64_t kh = 0; kh < g.KH; ++kh) {
          const int64_t th = ih + g.pad_top - kh * g.dilation_h;
          if (th < 0 || th % g.stride_h != 0 || th / g.stride_h >= g.Ho) continue;
          const int64_t oh = th / g.stride_h;
          for (int64_t kw = 0; kw < g.KW; ++kw) {
            const int64_t tw = iw + g.pad_left - kw * g.dilation_w;
            if (tw < 0 || tw % g.stride_w != 0 || tw / g.stride_w >= g.Wo) continue;
            const int64_t ow = tw / g.stride_w;
            const T* grad = dy + ((n * g.Ho + oh) * g.Wo + ow) * Cout;
            const T* tap = w + (kh * g.KW + kw) * C * Cout;
            for (int64_t c = 0; c < C; ++c) {
              const T* filter_row = tap + c * Cout;
              T lanes[kLanes] = {};
              int64_t co = 0;
              for (; co + kLanes <= Cout; co += kLanes)
                for (int j = 0; j < kLanes; ++j) lanes[j] += grad[co + j] * filter_row[co + j];
              T sum = 0;
              for (int j = 0; j < kLanes; ++j) sum += lanes[j];
              for (; co < Cout; ++co) sum += grad[co] * filter_row[co];
              out[c] += sum;
            }
          }
        }
      }
    }
  });
}

constexpr int64_t kDirectInputGradMaxChannels = 4;

// Few input channels, no 1x1 shortcut: the direct loops beat an im2col GEMM of depth K <= 36.
bool use_direct(const Conv2dGeometry& g) {
  return g.C <= conv_direct::kMaxDirectChannels && !is_pointwise(g);
}

// A sum over M rows split into a fixed number of contiguous groups (a function of M only), each
// reduced by one thread into its own partial buffer, then added in group order: the result is
// the same bits for any thread count.
struct RowGroups {
  int64_t count, rows_per_group;
  RowGroups(int64_t M, int64_t min_rows) {
    count = std::clamp<int64_t>(ceil_div(M, min_rows), 1, 16);
    rows_per_group = ceil_div(M, count);
    count = ceil_div(M, rows_per_group);
  }
  int64_t begin(int64_t group) const { return group * rows_per_group; }
  int64_t end(int64_t group, int64_t M) const { return std::min(M, (group + 1) * rows_per_group); }
};

// out[i] = Σ_group partial[group·size + i] over the groups, in group order.
template <class T>
void sum_partials(const std::vector<T>& partial, int64_t groups, int64_t size, T* out) {
  std::copy(partial.begin(), partial.begin() + size, out);
  for (int64_t group = 1; group < groups; ++group) {
    const T* p = partial.data() + group * size;
    for (int64_t i = 0; i < size; ++i) out[i] += p[i];
  }
}

// dw (and db) by the direct loops, grad masked by relu_y when not null.
template <class T>
void direct_filter_grad(const Conv2dGeometry& g, const T* x, const T* grad, const T* relu_y, T* dw,
                        T* db) {
  const int64_t M = g.N * g.Ho * g.Wo, K = g.KH * g.KW * g.C, Cout = g.Cout;
  const int64_t size = K * Cout + (db ? Cout : 0);
  const RowGroups groups(M, std::max<int64_t>(64, 65536 / std::max<int64_t>(1, K * Cout)));
  std::vector<T> partial(size_t(groups.count * size));
  const auto& loops = conv_direct::loops<T>();
  parallel_for(groups.count, 1, [&](int64_t g0, int64_t g1) {
    for (int64_t group = g0; group < g1; ++group) {
      T* p = partial.data() + group * size;
      loops.filter_grad_range(g, x, grad, relu_y, p, db ? p + K * Cout : nullptr,
                              groups.begin(group), groups.end(group, M));
    }
  });
  std::vector<T> total(static_cast<size_t>(size));
  sum_partials(partial, groups.count, size, total.data());
  std::copy(total.begin(), total.begin() + K * Cout, dw);
  if (db) std::copy(total.begin() + K * Cout, total.end(), db);
}

}  // namespace

template <class T>
void conv2d_forward(const Conv2dGeometry& g, const T* x, const T* w, const T* bias, bool relu,
                    T* y) {
  const int64_t M = g.N * g.Ho * g.Wo, K = g.KH * g.KW * g.C, Cout = g.Cout;
  if (M == 0 || Cout == 0) return;
  const GemmEpilogue epilogue = relu ? GemmEpilogue::Relu : GemmEpilogue::None;
  if (use_direct(g)) {
    const auto& loops = conv_direct::loops<T>();
    const int64_t row_cost = std::max<int64_t>(1, g.Wo * K * Cout);
    parallel_for(g.N * g.Ho, std::max<int64_t>(1, 32768 / row_cost), [&](int64_t r0, int64_t r1) {
      loops.forward_rows(g, x, w, bias, relu, y, r0, r1);
    });
    return;
  }
  if (is_pointwise(g)) {
    gemm<T>(M, Cout, K, x, K, 1, w, Cout, 1, y, Cout, false, bias, epilogue);
    return;
  }
  const int64_t rows = tile_rows_for<T>(K), ntiles = ceil_div(M, rows);
  const PackedGemmB<T> filter(K, Cout, w, Cout, 1);  // shared by every tile
  parallel_for(ntiles, 1, [&](int64_t t0, int64_t t1) {
    std::vector<T> col(size_t(std::min(rows, M) * K));
    for (int64_t t = t0; t < t1; ++t) {
      const int64_t m0 = t * rows, m1 = std::min(M, m0 + rows);
      im2col_rows(g, x, m0, m1, col.data());
      gemm_packed_b<T>(m1 - m0, col.data(), K, 1, filter, y + m0 * Cout, Cout, false, bias,
                       epilogue);
    }
  });
}

template <class T>
void conv2d_backward_filter(const Conv2dGeometry& g, const T* x, const T* dy, T* dw) {
  const int64_t M = g.N * g.Ho * g.Wo, K = g.KH * g.KW * g.C, Cout = g.Cout;
  const int64_t wsize = K * Cout;
  if (wsize == 0) return;
  if (M == 0) {
    std::fill(dw, dw + wsize, T(0));
    return;
  }
  if (use_direct(g)) return direct_filter_grad<T>(g, x, dy, nullptr, dw, nullptr);
  const bool pointwise = is_pointwise(g);
  const int64_t rows = tile_rows_for<T>(K), ntiles = ceil_div(M, rows);
  // The sum over output pixels is split into a fixed number of groups, each accumulated by one
  // thread into its own buffer (group 0 straight into dw), then added in group order.
  const int64_t max_groups = std::max<int64_t>(1, kFilterGradPartialBytes / (wsize * int64_t(sizeof(T))));
  const int64_t tiles_per_group = ceil_div(ntiles, std::min({kMaxFilterGradGroups, ntiles, max_groups}));
  const int64_t groups = ceil_div(ntiles, tiles_per_group);  // none left empty
  std::vector<T> partial(size_t((groups - 1) * wsize));
  parallel_for(groups, 1, [&](int64_t g0, int64_t g1) {
    std::vector<T> col(pointwise ? 0 : size_t(std::min(rows, M) * K));
    for (int64_t group = g0; group < g1; ++group) {
      T* out = group == 0 ? dw : partial.data() + (group - 1) * wsize;
      bool first = true;
      const int64_t t_end = std::min(ntiles, (group + 1) * tiles_per_group);
      for (int64_t t = group * tiles_per_group; t < t_end; ++t) {
        const int64_t m0 = t * rows, m1 = std::min(M, m0 + rows);
        const T* a = x + m0 * K;
        if (!pointwise) {
          im2col_rows(g, x, m0, m1, col.data());
          a = col.data();
        }
        // out[K, Cout] (+)= colᵀ · dy_tile: A is the column tile read transposed.
        gemm<T>(K, Cout, m1 - m0, a, 1, K, dy + m0 * Cout, Cout, 1, out, Cout, !first);
        first = false;
      }
      if (first) std::fill(out, out + wsize, T(0));
    }
  });
  if (groups > 1) {
    parallel_for(wsize, 4096, [&](int64_t b, int64_t e) {
      for (int64_t group = 1; group < groups; ++group) {
        const T* p = partial.data() + (group - 1) * wsize;
        for (int64_t i = b; i < e; ++i) dw[i] += p[i];
      }
    });
  }
}

// Whether the stride-1 input gradient, as a convolution of dy padded by (k-1)·dilation - pad,
// would spend more than ~30% of its multiply-adds on that padding (VALID layers on small
// images: 46% for 11x11 outputs of a 3x3 filter). GEMM + col2im wastes none and measured 20%
// faster there; on large images the convolution form wins (ResNet 56x56: 26 vs 32 ms).
inline bool mostly_padding(const Conv2dGeometry& g) {
  const int64_t ph = std::max<int64_t>(0, (g.KH - 1) * g.dilation_h - g.pad_top);
  const int64_t pw = std::max<int64_t>(0, (g.KW - 1) * g.dilation_w - g.pad_left);
  const double padded = double(g.Ho + 2 * ph) * double(g.Wo + 2 * pw);
  return double(g.Ho) * double(g.Wo) < 0.7 * padded;
}

template <class T>
void conv2d_backward_input(const Conv2dGeometry& g, const T* dy, const T* w, T* dx) {
  const int64_t K = g.KH * g.KW * g.C, Cout = g.Cout, hw = g.Ho * g.Wo;
  const int64_t xsize = g.N * g.H * g.W * g.C;
  if (xsize == 0) return;
  if (hw == 0 || Cout == 0) {
    std::fill(dx, dx + xsize, T(0));
    return;
  }
  if (g.C <= kDirectInputGradMaxChannels) {
    conv2d_backward_input_direct(g, dy, w, dx);
    return;
  }
  if (g.stride_h == 1 && g.stride_w == 1 && !mostly_padding(g)) {
    // Stride 1: dx is the convolution of dy with the spatially flipped, in/out-swapped filter,
    // padded by (k-1)·dilation - pad; that reuses the tiled forward path (parallel, no scatter).
    std::vector<T> flipped(size_t(K * Cout));
    for (int64_t kh = 0; kh < g.KH; ++kh)
      for (int64_t kw = 0; kw < g.KW; ++kw) {
        const T* src = w + (kh * g.KW + kw) * g.C * Cout;
        T* dst = flipped.data() + ((g.KH - 1 - kh) * g.KW + (g.KW - 1 - kw)) * Cout * g.C;
        for (int64_t c = 0; c < g.C; ++c)
          for (int64_t co = 0; co < Cout; ++co) dst[co * g.C + c] = src[c * Cout + co];
      }
    Conv2dGeometry t;
    t.N = g.N; t.H = g.Ho; t.W = g.Wo; t.C = Cout;
    t.KH = g.KH; t.KW = g.KW; t.Cout = g.C;
    t.dilation_h = g.dilation_h; t.dilation_w = g.dilation_w;
    t.pad_top = (g.KH - 1) * g.dilation_h - g.pad_top;
    t.pad_left = (g.KW - 1) * g.dilation_w - g.pad_left;
    t.Ho = g.H; t.Wo = g.W;
    conv2d_forward<T>(t, dy, flipped.data(), nullptr, false, dx);
    return;
  }
  // Strided: dcol = dy · wᵀ per tile of one image, scattered back with col2im. Images go to
  // threads whole, so no two threads add into the same dx element.
  std::fill(dx, dx + xsize, T(0));
  const int64_t rows = std::min(tile_rows_for<T>(K), hw);
  const PackedGemmB<T> filter_t(Cout, K, w, 1, Cout);  // wᵀ, shared by every tile
  parallel_for(g.N, 1, [&](int64_t n0, int64_t n1) {
    std::vector<T> col(size_t(rows * K));
    for (int64_t n = n0; n < n1; ++n)
      for (int64_t r0 = 0; r0 < hw; r0 += rows) {
        const int64_t r1 = std::min(hw, r0 + rows);
        gemm_packed_b<T>(r1 - r0, dy + (n * hw + r0) * Cout, Cout, 1, filter_t, col.data(), K,
                         false);
        col2im_add_rows(g, col.data(), n, r0, r1, dx);
      }
  });
}

template <class T>
void conv2d_backward_filter_bias(const Conv2dGeometry& g, const T* x, const T* grad,
                                 const T* relu_y, T* dw, T* db, T* dy) {
  const int64_t M = g.N * g.Ho * g.Wo, K = g.KH * g.KW * g.C, Cout = g.Cout;
  if (Cout == 0) return;
  if (M == 0) {
    if (dw) std::fill(dw, dw + K * Cout, T(0));
    if (db) std::fill(db, db + Cout, T(0));
    return;
  }
  if (dw && !dy && use_direct(g)) return direct_filter_grad<T>(g, x, grad, relu_y, dw, db);
  // One pass over grad for the mask and the bias sums, then the filter gradient on the result.
  std::vector<T> masked;
  const T* d = grad;
  if (relu_y) {
    if (!dy) {
      masked.resize(size_t(M * Cout));
      dy = masked.data();
    }
    d = dy;
  } else if (dy) {
    std::copy(grad, grad + M * Cout, dy);
  }
  if (relu_y || db) {
    const RowGroups groups(M, std::max<int64_t>(64, 16384 / Cout));
    std::vector<T> partial(db ? size_t(groups.count * Cout) : 0);
    const auto& loops = conv_direct::loops<T>();
    parallel_for(groups.count, 1, [&](int64_t g0, int64_t g1) {
      for (int64_t group = g0; group < g1; ++group) {
        T* p = db ? partial.data() + group * Cout : nullptr;
        const int64_t m0 = groups.begin(group), m1 = groups.end(group, M);
        if (relu_y) {
          loops.relu_grad_rows(Cout, grad, relu_y, dy, p, m0, m1);
          continue;
        }
        std::fill(p, p + Cout, T(0));  // no mask: the bias gradient is the plain column sum
        for (int64_t m = m0; m < m1; ++m)
          for (int64_t co = 0; co < Cout; ++co) p[co] += grad[m * Cout + co];
      }
    });
    if (db) sum_partials(partial, groups.count, Cout, db);
  }
  if (dw) conv2d_backward_filter<T>(g, x, d, dw);
}

// ---- depthwise: direct loops, vectorised over channels ----

template <class T>
void depthwise_conv2d_forward(const Conv2dGeometry& g, const T* x, const T* w, T* y) {
  const int64_t C = g.C, Mul = g.Cout, CM = C * Mul;
  const int64_t row_cost = std::max<int64_t>(1, g.Wo * g.KH * g.KW * CM);
  parallel_for(g.N * g.Ho, std::max<int64_t>(1, 32768 / row_cost), [&](int64_t b, int64_t e) {
    for (int64_t row = b; row < e; ++row) {
      const int64_t n = row / g.Ho, oh = row % g.Ho;
      for (int64_t ow = 0; ow < g.Wo; ++ow) {
        T* out = y + (row * g.Wo + ow) * CM;
        std::fill(out, out + CM, T(0));
        for (int64_t kh = 0; kh < g.KH; ++kh) {
          const int64_t ih = oh * g.stride_h - g.pad_top + kh * g.dilation_h;
          if (ih < 0 || ih >= g.H) continue;
          for (int64_t kw = 0; kw < g.KW; ++kw) {
            const int64_t iw = ow * g.stride_w - g.pad_left + kw * g.dilation_w;
            if (iw < 0 || iw >= g.W) continue;
            const T* in = x + ((n * g.H + ih) * g.W + iw) * C;
            const T* tap = w + (kh * g.KW + kw) * CM;
            if (Mul == 1) {
              for (int64_t c = 0; c < C; ++c) out[c] += in[c] * tap[c];
            } else {
              for (int64_t c = 0; c < C; ++c)
                for (int64_t m = 0; m < Mul; ++m) out[c * Mul + m] += in[c] * tap[c * Mul + m];
            }
          }
        }
      }
    }
  });
}

template <class T>
void depthwise_conv2d_backward_input(const Conv2dGeometry& g, const T* dy, const T* w, T* dx) {
  // Gather form: each input pixel sums the outputs that saw it, so rows are independent.
  const int64_t C = g.C, Mul = g.Cout, CM = C * Mul;
  const int64_t row_cost = std::max<int64_t>(1, g.W * g.KH * g.KW * CM);
  parallel_for(g.N * g.H, std::max<int64_t>(1, 32768 / row_cost), [&](int64_t b, int64_t e) {
    for (int64_t row = b; row < e; ++row) {
      const int64_t n = row / g.H, ih = row % g.H;
      for (int64_t iw = 0; iw < g.W; ++iw) {
        T* out = dx + (row * g.W + iw) * C;
        std::fill(out, out + C, T(0));
        for (int64_t kh = 0; kh < g.KH; ++kh) {
          const int64_t th = ih + g.pad_top - kh * g.dilation_h;
          if (th < 0 || th % g.stride_h != 0 || th / g.stride_h >= g.Ho) continue;
          const int64_t oh = th / g.stride_h;
          for (int64_t kw = 0; kw < g.KW; ++kw) {
            const int64_t tw = iw + g.pad_left - kw * g.dilation_w;
            if (tw < 0 || tw % g.stride_w != 0 || tw / g.stride_w >= g.Wo) continue;
            const int64_t ow = tw / g.stride_w;
            const T* grad = dy + ((n * g.Ho + oh) * g.Wo + ow) * CM;
            const T* tap = w + (kh * g.KW + kw) * CM;
            if (Mul == 1) {
              for (int64_t c = 0; c < C; ++c) out[c] += grad[c] * tap[c];
            } else {
              for (int64_t c = 0; c < C; ++c) {
                T s = 0;
                for (int64_t m = 0; m < Mul; ++m) s += grad[c * Mul + m] * tap[c * Mul + m];
                out[c] += s;
              }
            }
          }
        }
      }
    }
  });
}

template <class T>
void depthwise_conv2d_backward_filter(const Conv2dGeometry& g, const T* x, const T* dy, T* dw) {
  const int64_t C = g.C, Mul = g.Cout, CM = C * Mul, wsize = g.KH * g.KW * CM;
  if (wsize == 0) return;
  const int64_t nrows = g.N * g.Ho;
  const int64_t groups = std::max<int64_t>(1, std::min(kMaxFilterGradGroups, nrows));
  const int64_t rows_per_group = std::max<int64_t>(1, ceil_div(nrows, groups));
  std::vector<T> partial(size_t(groups * wsize), T(0));
  parallel_for(groups, 1, [&](int64_t g0, int64_t g1) {
    for (int64_t group = g0; group < g1; ++group) {
      T* acc = partial.data() + group * wsize;
      const int64_t r_end = std::min(nrows, (group + 1) * rows_per_group);
      for (int64_t row = group * rows_per_group; row < r_end; ++row) {
        const int64_t n = row / g.Ho, oh = row % g.Ho;
        for (int64_t ow = 0; ow < g.Wo; ++ow) {
          const T* grad = dy + (row * g.Wo + ow) * CM;
          for (int64_t kh = 0; kh < g.KH; ++kh) {
            const int64_t ih = oh * g.stride_h - g.pad_top + kh * g.dilation_h;
            if (ih < 0 || ih >= g.H) continue;
            for (int64_t kw = 0; kw < g.KW; ++kw) {
              const int64_t iw = ow * g.stride_w - g.pad_left + kw * g.dilation_w;
              if (iw < 0 || iw >= g.W) continue;
              const T* in = x + ((n * g.H + ih) * g.W + iw) * C;
              T* tap = acc + (kh * g.KW + kw) * CM;
              for (int64_t c = 0; c < C; ++c)
                for (int64_t m = 0; m < Mul; ++m) tap[c * Mul + m] += in[c] * grad[c * Mul + m];
            }
          }
        }
      }
    }
  });
  std::copy(partial.begin(), partial.begin() + wsize, dw);
  for (int64_t group = 1; group < groups; ++group) {
    const T* p = partial.data() + group * wsize;
    for (int64_t i = 0; i < wsize; ++i) dw[i] += p[i];
  }
}

#define FASTTF_INSTANTIATE_CONV(T)                                                              \
  template void conv2d_forward<T>(const Conv2dGeometry&, const T*, const T*, const T*, bool, T*); \
  template void conv2d_backward_filter<T>(const Conv2dGeometry&, const T*, const T*, T*);       \
  template void conv2d_backward_input<T>(const Conv2dGeometry&, const T*, const T*, T*);        \
  template void conv2d_backward_filter_bias<T>(const Conv2dGeometry&, const T*, const T*,        \
                                               const T*, T*, T*, T*);                            \
  template void depthwise_conv2d_forward<T>(const Conv2dGeometry&, const T*, const T*, T*);     \
  template void depthwise_conv2d_backward_input<T>(const Conv2dGeometry&, const T*, const T*, T*); \
  template void depthwise_conv2d_backward_filter<T>(const Conv2dGeometry&, const T*, const T*, T*);
FASTTF_INSTANTIATE_CONV(float)
FASTTF_INSTANTIATE_CONV(double)
#undef FASTTF_INSTANTIATE_CONV

}  // namespace fasttf::kernels
