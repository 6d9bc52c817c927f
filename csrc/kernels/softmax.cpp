#include "kernels/softmax.h"

#include <algorithm>
#include <cmath>
#include <type_traits>
#include <vector>

#include "core/parallel.h"
#include "kernels/elementwise_vec.h"

namespace fasttf::kernels {
namespace {

constexpr int64_t kGrain = 1 << 14;  // elements of work below which one thread does it all
constexpr int kLanes = 8;           // independent accumulators: lets the compiler vectorise

template <class T>
T row_max(const T* x, int64_t n) {
  T acc[kLanes];
  for (int l = 0; l < kLanes; ++l) acc[l] = -INFINITY;
  int64_t i = 0;
  for (; i + kLanes <= n; i += kLanes)
    for (int l = 0; l < kLanes; ++l) acc[l] = x[i + l] > acc[l] ? x[i + l] : acc[l];
  T m = acc[0];
  for (int l = 1; l < kLanes; ++l) m = acc[l] > m ? acc[l] : m;
  for (; i < n; ++i) m = x[i] > m ? x[i] : m;
  return m;
}

template <class T>
T row_sum(const T* x, int64_t n) {
  T acc[kLanes] = {};
  int64_t i = 0;
  for (; i + kLanes <= n; i += kLanes)
    for (int l = 0; l < kLanes; ++l) acc[l] += x[i + l];
  for (int w = kLanes / 2; w > 0; w /= 2)
    for (int l = 0; l < w; ++l) acc[l] += acc[l + w];
  T s = acc[0];
  for (; i < n; ++i) s += x[i];
  return s;
}

// e[i] = exp(x[i] - m); returns the sum of e. NaN inputs propagate to the whole row, as TF.
// float32 rows use the vectorised exp (elementwise_vec.h), which sums in a fixed order.
template <class T>
T exp_shifted(const T* x, T m, T* e, int64_t n) {
  if constexpr (std::is_same_v<T, float>) {
    return vec_exp_shift_sum_f32(x, m, e, n);
  } else {
    for (int64_t i = 0; i < n; ++i) e[i] = std::exp(x[i] - m);
    return row_sum(e, n);
  }
}

template <class T>
void softmax_rows(const T* x, T* y, int64_t rows, int64_t n, bool log_softmax) {
  parallel_for(rows, std::max<int64_t>(1, kGrain / std::max<int64_t>(n, 1)),
               [&](int64_t b, int64_t e) {
    for (int64_t r = b; r < e; ++r) {
      const T* xr = x + r * n;
      T* yr = y + r * n;
      const T m = row_max(xr, n);
      const T s = exp_shifted(xr, m, yr, n);
      if (log_softmax) {
        const T shift = m + std::log(s);
        for (int64_t i = 0; i < n; ++i) yr[i] = xr[i] - shift;
      } else {
        const T inv = T(1) / s;
        for (int64_t i = 0; i < n; ++i) yr[i] *= inv;
      }
    }
  });
}

// Softmax along a middle axis: per (outer, block of inner columns), vectorised over columns.
template <class T>
void softmax_columns(const T* x, T* y, int64_t outer, int64_t n, int64_t inner, bool log_softmax) {
  constexpr int64_t kCols = 256;
  const int64_t col_blocks = (inner + kCols - 1) / kCols;
  parallel_for(outer * col_blocks, std::max<int64_t>(1, kGrain / std::max<int64_t>(n * kCols, 1)),
               [&](int64_t b, int64_t e) {
    T m[kCols], s[kCols];
    for (int64_t task = b; task < e; ++task) {
      const int64_t o = task / col_blocks, c0 = (task % col_blocks) * kCols;
      const int64_t w = std::min(kCols, inner - c0);
      const T* xb = x + o * n * inner + c0;
      T* yb = y + o * n * inner + c0;
      for (int64_t j = 0; j < w; ++j) { m[j] = -INFINITY; s[j] = 0; }
      for (int64_t i = 0; i < n; ++i)
        for (int64_t j = 0; j < w; ++j) m[j] = xb[i * inner + j] > m[j] ? xb[i * inner + j] : m[j];
      for (int64_t i = 0; i < n; ++i)
        for (int64_t j = 0; j < w; ++j) {
          T v = std::exp(xb[i * inner + j] - m[j]);
          yb[i * inner + j] = v;
          s[j] += v;
        }
      if (log_softmax) {
        for (int64_t j = 0; j < w; ++j) m[j] += std::log(s[j]);
        for (int64_t i = 0; i < n; ++i)
          for (int64_t j = 0; j < w; ++j) yb[i * inner + j] = xb[i * inner + j] - m[j];
      } else {
        for (int64_t j = 0; j < w; ++j) s[j] = T(1) / s[j];
        for (int64_t i = 0; i < n; ++i)
          for (int64_t j = 0; j < w; ++j) yb[i * inner + j] *= s[j];
      }
    }
  });
}

// One row of the fused cross-entropy. `label_of(i)` gives the label weight of class i.
template <class T, class LabelAt>
T xent_row(const T* x, T* backprop, int64_t n, const LabelAt& label_at) {
  const T m = row_max(x, n);
  const T s = exp_shifted(x, m, backprop, n);  // backprop holds exp(x - m) for now
  const T log_s = std::log(s), inv = T(1) / s;
  T loss = 0;
  for (int64_t i = 0; i < n; ++i) {
    const T label = label_at(i);
    if (label != T(0)) loss += label * (log_s - (x[i] - m));
    backprop[i] = backprop[i] * inv - label;
  }
  return loss;
}

}  // namespace

void softmax(const Tensor& x, int64_t outer, int64_t n, int64_t inner, bool log_softmax,
             const Tensor& out) {
  FASTTF_DISPATCH_FLOAT(x.dtype(), log_softmax ? "log_softmax" : "softmax", [&](auto tag) {
    using T = decltype(tag);
    if (inner == 1) softmax_rows(x.data<T>(), out.data<T>(), outer, n, log_softmax);
    else softmax_columns(x.data<T>(), out.data<T>(), outer, n, inner, log_softmax);
  });
}

void softmax_xent(const Tensor& logits, const Tensor& labels, const Tensor& loss,
                  const Tensor& backprop) {
  const int64_t rows = loss.numel(), n = logits.ndim() ? logits.shape().back() : 1;
  FASTTF_DISPATCH_FLOAT(logits.dtype(), "softmax_cross_entropy_with_logits", [&](auto tag) {
    using T = decltype(tag);
    const T* x = logits.data<T>();
    const T* z = labels.data<T>();
    T* l = loss.data<T>();
    T* bp = backprop.data<T>();
    parallel_for(rows, std::max<int64_t>(1, kGrain / std::max<int64_t>(n, 1)),
                 [&](int64_t b, int64_t e) {
      for (int64_t r = b; r < e; ++r) {
        const T* zr = z + r * n;
        l[r] = xent_row(x + r * n, bp + r * n, n, [zr](int64_t i) { return zr[i]; });
      }
    });
  });
}

void sparse_softmax_xent(const Tensor& logits, const Tensor& labels, const Tensor& loss,
                         const Tensor& backprop) {
  const int64_t rows = loss.numel(), n = logits.shape().back();
  FASTTF_DISPATCH_FLOAT(logits.dtype(), "sparse_softmax_cross_entropy_with_logits", [&](auto tag) {
    using T = decltype(tag);
    const T* x = logits.data<T>();
    T* l = loss.data<T>();
    T* bp = backprop.data<T>();
    const bool wide = labels.dtype() == DType::Int64;
    const int64_t* labels64 = wide ? labels.data<int64_t>() : nullptr;
    const int32_t* labels32 = wide ? nullptr : labels.data<int32_t>();
    parallel_for(rows, std::max<int64_t>(1, kGrain / std::max<int64_t>(n, 1)),
                 [&](int64_t b, int64_t e) {
      for (int64_t r = b; r < e; ++r) {
        const int64_t label = wide ? labels64[r] : int64_t(labels32[r]);
        l[r] = xent_row(x + r * n, bp + r * n, n,
                        [label](int64_t i) { return i == label ? T(1) : T(0); });
      }
    });
  });
}

}  // namespace fasttf::kernels
