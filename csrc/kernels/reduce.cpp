#include "kernels/reduce.h"

#include <atomic>
#include <cmath>
#include <cstring>
#include <limits>
#include <type_traits>
#include <vector>

#include "core/parallel.h"
#include "kernels/reduce_vec.h"

namespace fasttf::kernels {
namespace {

constexpr int64_t kBlock = 1 << 14;  // elements per partial sum of a long row

// parallel_for with chunks of `grain` items handed out on demand instead of one fixed range per
// thread: a thread slowed by another process on its core (the usual case on a shared machine)
// then takes fewer chunks instead of holding everyone up. Callers write results per item, so
// which thread ran an item never changes a bit of the result.
template <class F>
void parallel_for_dynamic(int64_t n, int64_t grain, const F& fn) {
  grain = std::max<int64_t>(grain, 1);
  const int64_t chunks = (n + grain - 1) / grain;
  const int64_t threads = std::min<int64_t>(max_threads(), chunks);
  if (threads <= 1) {
    parallel_for(n, n, fn);  // serial, with parallel_for's per-thread setup
    return;
  }
  std::atomic<int64_t> next{0};
  parallel_for(threads, 1, [&](int64_t, int64_t) {
    for (int64_t c; (c = next.fetch_add(1, std::memory_order_relaxed)) < chunks;)
      fn(c * grain, std::min(n, (c + 1) * grain));
  });
}

// The blocks of one long row are handed out in runs of about 1/8 of a thread's share: each
// thread then streams long contiguous stretches (the hardware prefetchers lose their stream at
// every jump; one block per grab measured 0.72-0.86 of the streaming read rate), and a thread
// slowed by another process still leaves most runs to the other. Results are kept per block,
// so the run length never changes a bit of them.
int64_t blocks_per_grab(int64_t nblocks) {
  return std::max<int64_t>(1, nblocks / (8 * int64_t(max_threads())));
}

template <class A> struct SumOp {
  static A init() { return A(0); }
  static A combine(A a, A b) { return a + b; }
};
template <class A> struct ProdOp {
  static A init() { return A(1); }
  static A combine(A a, A b) { return a * b; }
};
template <class A> struct MaxOp {
  static A init() {
    if constexpr (std::numeric_limits<A>::has_infinity) return -std::numeric_limits<A>::infinity();
    else return std::numeric_limits<A>::lowest();
  }
  // Branch-free so that it vectorises: a NaN in either operand wins (NaN propagates).
  static A combine(A a, A b) {
    if constexpr (std::is_floating_point_v<A>) return ((a > b) | (a != a)) ? a : b;
    else return a > b ? a : b;
  }
};
template <class A> struct MinOp {
  static A init() {
    if constexpr (std::numeric_limits<A>::has_infinity) return std::numeric_limits<A>::infinity();
    else return std::numeric_limits<A>::max();
  }
  static A combine(A a, A b) {
    if constexpr (std::is_floating_point_v<A>) return ((a < b) | (a != a)) ? a : b;
    else return a < b ? a : b;
  }
};

template <class Op> constexpr bool is_f32_sum = std::is_same_v<Op, SumOp<float>>;
template <class Op>
constexpr bool is_f32_minmax = std::is_same_v<Op, MaxOp<float>> || std::is_same_v<Op, MinOp<float>>;

// Reduces n contiguous elements with 16 independent accumulators, then pairwise-combines them:
// vectorisable, and accurate enough that the float32 sum of 2^24 ones is exact. float32 goes
// to the per-ISA kernels (reduce_vec.h), which keep this order for sums.
template <class Op, class T, class A>
A reduce_contiguous(const T* p, int64_t n) {
  if constexpr (std::is_same_v<T, float> && is_f32_sum<Op>) return vec_sum_f32(p, n);
  if constexpr (std::is_same_v<T, float> && is_f32_minmax<Op>)
    return vec_minmax_f32(std::is_same_v<Op, MaxOp<float>>, p, n);
  constexpr int L = 16;
  A acc[L];
  for (int l = 0; l < L; ++l) acc[l] = Op::init();
  int64_t i = 0;
  for (; i + L <= n; i += L)
    for (int l = 0; l < L; ++l) acc[l] = Op::combine(acc[l], A(p[i + l]));
  for (int w = L / 2; w > 0; w /= 2)
    for (int l = 0; l < w; ++l) acc[l] = Op::combine(acc[l], acc[l + w]);
  A r = acc[0];
  for (; i < n; ++i) r = Op::combine(r, A(p[i]));
  return r;
}

// acc[j] = combine(acc[j], rows[r][j]) down `reduced` rows of `inner` elements, in row order.
template <class Op, class T, class A>
void reduce_columns(const T* base, int64_t reduced, int64_t inner, int64_t w, A* acc) {
  if constexpr (std::is_same_v<T, float> && is_f32_sum<Op>) {
    vec_sum_cols_f32(base, reduced, inner, w, acc);
  } else if constexpr (std::is_same_v<T, float> && is_f32_minmax<Op>) {
    vec_minmax_cols_f32(std::is_same_v<Op, MaxOp<float>>, base, reduced, inner, w, acc);
  } else {
    for (int64_t r = 0; r < reduced; ++r) {
      const T* row = base + r * inner;
      for (int64_t j = 0; j < w; ++j) acc[j] = Op::combine(acc[j], A(row[j]));
    }
  }
}

// A long contiguous row: fixed blocks reduced independently, then combined in block order.
template <class Op, class T, class A>
A reduce_row(const T* p, int64_t n, bool parallel) {
  if (n <= kBlock) return reduce_contiguous<Op, T, A>(p, n);
  const int64_t nblocks = (n + kBlock - 1) / kBlock;
  std::vector<A> partial(nblocks);
  auto body = [&](int64_t b) {
    int64_t start = b * kBlock, len = std::min(kBlock, n - start);
    partial[b] = reduce_contiguous<Op, T, A>(p + start, len);
  };
  if (parallel)
    parallel_for_dynamic(nblocks, blocks_per_grab(nblocks),
                         [&](int64_t b, int64_t e) { for (; b < e; ++b) body(b); });
  else for (int64_t b = 0; b < nblocks; ++b) body(b);
  // Pairwise combination of the partials keeps the error logarithmic.
  for (int64_t w = 1; w < nblocks; w *= 2)
    for (int64_t b = 0; b + w < nblocks; b += 2 * w) partial[b] = Op::combine(partial[b], partial[b + w]);
  return partial[0];
}

template <class Op, class T, class A>
void reduce_typed(const T* x, int64_t outer, int64_t reduced, int64_t inner, T* out,
                  bool mean) {
  auto finish = [&](A v) -> T {
    if (mean) {
      if constexpr (std::is_integral_v<A>) return T(reduced ? v / A(reduced) : A(0));
      else return T(v / A(reduced));
    }
    return T(v);
  };
  if (inner == 1) {
    if (outer == 1) {
      out[0] = finish(reduce_row<Op, T, A>(x, reduced, true));
      return;
    }
    parallel_for_dynamic(outer, std::max<int64_t>(1, (1 << 15) / std::max<int64_t>(reduced, 1)),
                 [&](int64_t b, int64_t e) {
                   for (int64_t o = b; o < e; ++o)
                     out[o] = finish(reduce_row<Op, T, A>(x + o * reduced, reduced, false));
                 });
    return;
  }
  // Reduction over a middle axis: accumulate rows of `inner` elements (vectorised over inner),
  // split by outer index and by inner column blocks; each output element's sequence of
  // operations is fixed, whatever the thread count.
  const int64_t col_block = 1024;
  const int64_t ncol_blocks = (inner + col_block - 1) / col_block;
  parallel_for_dynamic(outer * ncol_blocks, std::max<int64_t>(1, (1 << 15) / std::max<int64_t>(reduced * col_block, 1)),
               [&](int64_t b, int64_t e) {
                 std::vector<A> acc(col_block);
                 for (int64_t task = b; task < e; ++task) {
                   int64_t o = task / ncol_blocks, c0 = (task % ncol_blocks) * col_block;
                   int64_t w = std::min(col_block, inner - c0);
                   for (int64_t j = 0; j < w; ++j) acc[j] = Op::init();
                   reduce_columns<Op, T, A>(x + o * reduced * inner + c0, reduced, inner, w,
                                            acc.data());
                   T* dst = out + o * inner + c0;
                   for (int64_t j = 0; j < w; ++j) dst[j] = finish(acc[j]);
                 }
               });
}

template <class T>
using acc_t = std::conditional_t<std::is_same_v<T, float16> || std::is_same_v<T, bfloat16>, float, T>;

}  // namespace

void reduce(ReduceOp op, const Tensor& x, int64_t outer, int64_t reduced, int64_t inner,
            const Tensor& out) {
  if (op == ReduceOp::Any || op == ReduceOp::All) {
    const uint8_t* p = reinterpret_cast<const uint8_t*>(x.raw_data());
    bool* o = out.data<bool>();
    if (op == ReduceOp::Any)
      reduce_typed<MaxOp<uint8_t>, uint8_t, uint8_t>(p, outer, reduced, inner,
                                                     reinterpret_cast<uint8_t*>(o), false);
    else
      reduce_typed<MinOp<uint8_t>, uint8_t, uint8_t>(p, outer, reduced, inner,
                                                     reinterpret_cast<uint8_t*>(o), false);
    if (reduced == 0) {  // empty reductions: any -> false, all -> true
      for (int64_t i = 0; i < outer * inner; ++i) o[i] = op == ReduceOp::All;
    }
    return;
  }
  FASTTF_DISPATCH_ALL(x.dtype(), "reduce", [&](auto tag) {
    using T = decltype(tag);
    if constexpr (std::is_same_v<T, bool>) {
      fail<TypeError>("[reduce] not supported for dtype bool");
    } else {
      using A = acc_t<T>;
      const T* p = x.data<T>();
      T* o = out.data<T>();
      switch (op) {
        case ReduceOp::Sum: return reduce_typed<SumOp<A>, T, A>(p, outer, reduced, inner, o, false);
        case ReduceOp::Mean: return reduce_typed<SumOp<A>, T, A>(p, outer, reduced, inner, o, true);
        case ReduceOp::Prod: return reduce_typed<ProdOp<A>, T, A>(p, outer, reduced, inner, o, false);
        case ReduceOp::Max: return reduce_typed<MaxOp<A>, T, A>(p, outer, reduced, inner, o, false);
        case ReduceOp::Min: return reduce_typed<MinOp<A>, T, A>(p, outer, reduced, inner, o, false);
        default: break;
      }
    }
  });
}

namespace {

// TensorFlow's argmax/argmin (Eigen's ArgMax/ArgMinPairReducer): start from (index 0, the
// lowest / highest finite value of the dtype) and take an element only when strictly better.
// Ties keep the first index, NaN is never taken, and -inf (+inf for argmin) never beats the
// start: tf.argmax([1., nan, 2.]) == 2, tf.argmax([nan, nan]) == 0, tf.argmax([-inf, -inf]) == 0.
template <class T> double arg_start(bool is_max) {
  if constexpr (std::is_same_v<T, float16>) return is_max ? -65504.0 : 65504.0;
  else if constexpr (std::is_same_v<T, bfloat16>) return is_max ? -3.3895313892515355e38 : 3.3895313892515355e38;
  else return is_max ? double(std::numeric_limits<T>::lowest()) : double(std::numeric_limits<T>::max());
}

template <class C> inline bool arg_better(bool is_max, C v, C best) { return is_max ? v > best : v < best; }

constexpr int64_t kArgBlock = 1 << 16;    // elements per partial result of one long row
constexpr int64_t kArgColumns = 512;      // output columns per task when reducing a middle axis
constexpr int64_t kArgGrain = 1 << 15;    // elements below which a call stays on one thread

// One contiguous run: the index (relative to p) and value of its best element by TF's rule.
template <class T, class C>
int64_t arg_contiguous(bool is_max, const T* p, int64_t n, C start, C* value) {
  if constexpr (std::is_same_v<T, float>) {
    if (n < (int64_t(1) << 31)) return vec_arg_f32(is_max, p, n, value);
  }
  C best = start;
  int64_t at = 0;
  for (int64_t i = 0; i < n; ++i) {
    const C v = C(p[i]);
    if (arg_better(is_max, v, best)) { best = v; at = i; }
  }
  *value = best;
  return at;
}

template <class T, class C, class Out>
void arg_reduce_typed(bool is_max, const T* x, int64_t outer, int64_t reduced, int64_t inner,
                      Out* out) {
  const C start = C(arg_start<T>(is_max));
  if (inner == 1 && outer == 1 && reduced > kArgBlock) {
    // One long row: fixed blocks, then their winners compared in block order (a later block
    // wins only when strictly better, as in one sequential pass).
    const int64_t nblocks = (reduced + kArgBlock - 1) / kArgBlock;
    std::vector<C> values(static_cast<size_t>(nblocks));
    std::vector<int64_t> where(static_cast<size_t>(nblocks));
    parallel_for_dynamic(nblocks, blocks_per_grab(nblocks), [&](int64_t first, int64_t last) {
      for (int64_t b = first; b < last; ++b) {
        const int64_t begin = b * kArgBlock, len = std::min(kArgBlock, reduced - begin);
        where[size_t(b)] = begin + arg_contiguous<T, C>(is_max, x + begin, len, start, &values[size_t(b)]);
      }
    });
    C best = start;
    int64_t at = 0;
    for (int64_t b = 0; b < nblocks; ++b)
      if (arg_better(is_max, values[size_t(b)], best)) { best = values[size_t(b)]; at = where[size_t(b)]; }
    out[0] = Out(at);
    return;
  }
  if (inner == 1) {
    parallel_for_dynamic(outer, std::max<int64_t>(1, kArgGrain / std::max<int64_t>(reduced, 1)),
                 [&](int64_t b, int64_t e) {
                   C value;
                   for (int64_t o = b; o < e; ++o)
                     out[o] = Out(arg_contiguous<T, C>(is_max, x + o * reduced, reduced, start, &value));
                 });
    return;
  }
  // A middle axis: row by row over blocks of output columns (unit-stride reads), each output
  // column's sequence of comparisons fixed whatever the thread count.
  const int64_t col_blocks = (inner + kArgColumns - 1) / kArgColumns;
  parallel_for_dynamic(outer * col_blocks,
               std::max<int64_t>(1, kArgGrain / std::max<int64_t>(reduced * std::min(inner, kArgColumns), 1)),
               [&](int64_t b, int64_t e) {
    C best[kArgColumns];
    int32_t idx32[kArgColumns];
    int64_t idx64[kArgColumns];
    for (int64_t task = b; task < e; ++task) {
      const int64_t o = task / col_blocks, c0 = (task % col_blocks) * kArgColumns;
      const int64_t w = std::min(kArgColumns, inner - c0);
      const T* base = x + o * reduced * inner + c0;
      Out* dst = out + o * inner + c0;
      for (int64_t j = 0; j < w; ++j) best[j] = start;
      bool done = false;
      if constexpr (std::is_same_v<T, float>) {
        if (reduced < (int64_t(1) << 31)) {
          for (int64_t j = 0; j < w; ++j) idx32[j] = 0;
          vec_arg_cols_f32(is_max, base, reduced, inner, w, 0, best, idx32);
          for (int64_t j = 0; j < w; ++j) dst[j] = Out(idx32[j]);
          done = true;
        }
      }
      if (!done) {
        for (int64_t j = 0; j < w; ++j) idx64[j] = 0;
        for (int64_t r = 0; r < reduced; ++r) {
          const T* row = base + r * inner;
          for (int64_t j = 0; j < w; ++j) {
            const C v = C(row[j]);
            if (arg_better(is_max, v, best[j])) { best[j] = v; idx64[j] = r; }
          }
        }
        for (int64_t j = 0; j < w; ++j) dst[j] = Out(idx64[j]);
      }
    }
  });
}

}  // namespace

void arg_reduce(bool is_max, const Tensor& x, int64_t outer, int64_t reduced, int64_t inner,
                const Tensor& out) {
  FASTTF_DISPATCH_ALL(x.dtype(), is_max ? "argmax" : "argmin", [&](auto tag) {
    using T = decltype(tag);
    if constexpr (std::is_same_v<T, bool>) {
      fail<TypeError>("[", is_max ? "argmax" : "argmin", "] not supported for dtype bool");
    } else {
      using C = compute_t<T>;
      if (out.dtype() == DType::Int64)
        arg_reduce_typed<T, C>(is_max, x.data<T>(), outer, reduced, inner, out.data<int64_t>());
      else
        arg_reduce_typed<T, C>(is_max, x.data<T>(), outer, reduced, inner, out.data<int32_t>());
    }
  });
}

namespace {

template <class T, class A, bool kProduct>
void scan_typed(const T* x, int64_t outer, int64_t n, int64_t inner, bool exclusive, bool reverse,
                T* out) {
  constexpr int64_t kCols = 512;
  const int64_t col_blocks = (inner + kCols - 1) / kCols;
  const A identity = kProduct ? A(1) : A(0);
  parallel_for(outer * col_blocks, std::max<int64_t>(1, (1 << 15) / std::max<int64_t>(n * kCols, 1)),
               [&](int64_t b, int64_t e) {
    A acc[kCols];
    for (int64_t task = b; task < e; ++task) {
      const int64_t o = task / col_blocks, c0 = (task % col_blocks) * kCols;
      const int64_t w = std::min(kCols, inner - c0);
      const T* xb = x + o * n * inner + c0;
      T* ob = out + o * n * inner + c0;
      for (int64_t j = 0; j < w; ++j) acc[j] = identity;
      for (int64_t k = 0; k < n; ++k) {
        const int64_t i = reverse ? n - 1 - k : k;
        const T* xr = xb + i * inner;
        T* orow = ob + i * inner;
        if (exclusive) {
          for (int64_t j = 0; j < w; ++j) {
            orow[j] = T(acc[j]);
            acc[j] = kProduct ? A(acc[j] * A(xr[j])) : A(acc[j] + A(xr[j]));
          }
        } else {
          for (int64_t j = 0; j < w; ++j) {
            acc[j] = kProduct ? A(acc[j] * A(xr[j])) : A(acc[j] + A(xr[j]));
            orow[j] = T(acc[j]);
          }
        }
      }
    }
  });
}

}  // namespace

void scan(bool product, const Tensor& x, int64_t outer, int64_t n, int64_t inner, bool exclusive,
          bool reverse, const Tensor& out) {
  FASTTF_DISPATCH_ALL(x.dtype(), product ? "cumprod" : "cumsum", [&](auto tag) {
    using T = decltype(tag);
    if constexpr (std::is_same_v<T, bool>) {
      fail<TypeError>("[", product ? "cumprod" : "cumsum", "] not supported for dtype bool");
    } else {
      using A = acc_t<T>;
      if (product) scan_typed<T, A, true>(x.data<T>(), outer, n, inner, exclusive, reverse, out.data<T>());
      else scan_typed<T, A, false>(x.data<T>(), outer, n, inner, exclusive, reverse, out.data<T>());
    }
  });
}

}  // namespace fasttf::kernels
