#include "kernels/reduce.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <type_traits>
#include <vector>

#include "core/parallel.h"

namespace fasttf::kernels {
namespace {

constexpr int64_t kBlock = 1 << 14;  // elements per partial sum of a long row

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

// Reduces n contiguous elements with 16 independent accumulators, then pairwise-combines them:
// vectorisable, and accurate enough that the float32 sum of 2^24 ones is exact.
template <class Op, class T, class A>
A reduce_contiguous(const T* p, int64_t n) {
  constexpr int L = 16;
  A acc[L];
  for (int l = 0; l < L; ++l) acc[l] = Op::init();
  int64_t i = 0;
  if constexpr (std::is_same_v<T, float> &&
                (std::is_same_v<Op, MaxOp<float>> || std::is_same_v<Op, MinOp<float>>)) {
    // float max/min on explicit 4-lane vectors (the select does not auto-vectorise); lane l
    // still sees elements l, l + 16, ... as in the scalar loop below.
    typedef float v4 __attribute__((vector_size(16)));
    v4 vacc[L / 4];
    for (int k = 0; k < L / 4; ++k) vacc[k] = v4{} + Op::init();
    for (; i + L <= n; i += L)
      for (int k = 0; k < L / 4; ++k) {
        v4 v;
        std::memcpy(&v, p + i + 4 * k, sizeof v);
        const auto take = std::is_same_v<Op, MaxOp<float>> ? ((vacc[k] > v) | (vacc[k] != vacc[k]))
                                                            : ((vacc[k] < v) | (vacc[k] != vacc[k]));
        vacc[k] = take ? vacc[k] : v;
      }
    std::memcpy(acc, vacc, sizeof vacc);
  }
  for (; i + L <= n; i += L)
    for (int l = 0; l < L; ++l) acc[l] = Op::combine(acc[l], A(p[i + l]));
  for (int w = L / 2; w > 0; w /= 2)
    for (int l = 0; l < w; ++l) acc[l] = Op::combine(acc[l], acc[l + w]);
  A r = acc[0];
  for (; i < n; ++i) r = Op::combine(r, A(p[i]));
  return r;
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
  if (parallel) parallel_for_blocks(nblocks, body);
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
    parallel_for(outer, std::max<int64_t>(1, (1 << 15) / std::max<int64_t>(reduced, 1)),
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
  parallel_for(outer * ncol_blocks, std::max<int64_t>(1, (1 << 15) / std::max<int64_t>(reduced * col_block, 1)),
               [&](int64_t b, int64_t e) {
                 std::vector<A> acc(col_block);
                 for (int64_t task = b; task < e; ++task) {
                   int64_t o = task / ncol_blocks, c0 = (task % ncol_blocks) * col_block;
                   int64_t w = std::min(col_block, inner - c0);
                   for (int64_t j = 0; j < w; ++j) acc[j] = Op::init();
                   const T* base = x + o * reduced * inner + c0;
                   for (int64_t r = 0; r < reduced; ++r) {
                     const T* row = base + r * inner;
                     for (int64_t j = 0; j < w; ++j) acc[j] = Op::combine(acc[j], A(row[j]));
                   }
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

void arg_reduce(bool is_max, const Tensor& x, int64_t outer, int64_t reduced, int64_t inner,
                const Tensor& out) {
  FASTTF_DISPATCH_ALL(x.dtype(), is_max ? "argmax" : "argmin", [&](auto tag) {
    using T = decltype(tag);
    using C = compute_t<T>;
    const T* p = x.data<T>();
    parallel_for(outer * inner, std::max<int64_t>(1, (1 << 14) / std::max<int64_t>(reduced, 1)),
                 [&](int64_t b, int64_t e) {
      for (int64_t t = b; t < e; ++t) {
        int64_t o = t / inner, j = t % inner;
        const T* base = p + o * reduced * inner + j;
        int64_t best = 0;
        C best_v = C(base[0]);
        for (int64_t r = 1; r < reduced; ++r) {
          C v = C(base[r * inner]);
          bool better;
          if constexpr (std::is_floating_point_v<C>) {
            // NaN wins (first one), as in NumPy.
            if (std::isnan(best_v)) break;
            better = std::isnan(v) || (is_max ? v > best_v : v < best_v);
          } else {
            better = is_max ? v > best_v : v < best_v;
          }
          if (better) { best = r; best_v = v; }
        }
        if (out.dtype() == DType::Int64) out.data<int64_t>()[t] = best;
        else out.data<int32_t>()[t] = int32_t(best);
      }
    });
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
