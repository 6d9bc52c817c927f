// N-dimensional strided iteration over K operands that share one index space (after
// broadcasting). Dimensions of size 1 are dropped and adjacent dimensions merged where every
// operand allows it, so contiguous and simply-broadcast cases reach the innermost callback as
// one long run with constant strides. Work is split across threads by outer index.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "core/parallel.h"
#include "core/tensor.h"

namespace fasttf::kernels {

template <int K>
struct LoopPlan {
  Shape shape;                                  // coalesced shape
  std::vector<std::array<int64_t, K>> strides;  // per dimension, per operand, in bytes

  LoopPlan(const Shape& full_shape, const std::array<const int64_t*, K>& elem_strides,
           const std::array<int64_t, K>& itemsizes) {
    for (size_t d = 0; d < full_shape.size(); ++d) {
      if (full_shape[d] == 1) continue;
      std::array<int64_t, K> s;
      for (int k = 0; k < K; ++k) s[k] = elem_strides[k][d] * itemsizes[k];
      if (!shape.empty()) {
        bool mergeable = true;
        for (int k = 0; k < K; ++k)
          if (strides.back()[k] != s[k] * full_shape[d]) mergeable = false;
        if (mergeable) {
          shape.back() *= full_shape[d];
          strides.back() = s;
          continue;
        }
      }
      shape.push_back(full_shape[d]);
      strides.push_back(s);
    }
    if (shape.empty()) {  // a scalar: one run of length 1
      shape.push_back(1);
      strides.push_back({});
    }
  }
};

// Calls run(ptrs, inner_strides_in_bytes, n) for every innermost run. `grain` is the number of
// elements below which the loop stays on one thread.
template <int K, class Run>
void for_each_run(const Shape& full_shape, std::array<char*, K> base,
                  const std::array<const int64_t*, K>& elem_strides,
                  const std::array<int64_t, K>& itemsizes, int64_t grain, const Run& run) {
  // Fast path, the common case: every operand dense in row-major order. One run, and no
  // allocation (this path bounds the per-op overhead of small ops).
  int64_t total = 1;
  bool dense = true;
  for (int d = int(full_shape.size()) - 1; d >= 0; --d) {
    if (full_shape[d] == 0) return;
    if (full_shape[d] != 1)
      for (int k = 0; k < K; ++k)
        if (elem_strides[k][d] != total) dense = false;
    total *= full_shape[d];
  }
  if (dense) {
    parallel_for(total, grain, [&](int64_t b, int64_t e) {
      std::array<char*, K> p;
      for (int k = 0; k < K; ++k) p[k] = base[k] + b * itemsizes[k];
      run(p, itemsizes, e - b);
    });
    return;
  }
  LoopPlan<K> plan(full_shape, elem_strides, itemsizes);
  const int nd = int(plan.shape.size());
  const int64_t inner = plan.shape[nd - 1];
  const std::array<int64_t, K> inner_strides = plan.strides[nd - 1];
  int64_t outer = 1;
  for (int d = 0; d < nd - 1; ++d) outer *= plan.shape[d];

  if (outer == 1) {  // one long run: split it between threads
    parallel_for(inner, grain, [&](int64_t b, int64_t e) {
      std::array<char*, K> p;
      for (int k = 0; k < K; ++k) p[k] = base[k] + b * inner_strides[k];
      run(p, inner_strides, e - b);
    });
    return;
  }
  int64_t rows_grain = std::max<int64_t>(1, grain / std::max<int64_t>(inner, 1));
  parallel_for(outer, rows_grain, [&](int64_t b, int64_t e) {
    // Multi-index of row b over the outer dimensions, then step it like an odometer.
    std::vector<int64_t> idx(nd > 1 ? nd - 1 : 1, 0);
    int64_t rem = b;
    for (int d = nd - 2; d >= 0; --d) {
      idx[d] = rem % plan.shape[d];
      rem /= plan.shape[d];
    }
    std::array<char*, K> p;
    for (int k = 0; k < K; ++k) {
      p[k] = base[k];
      for (int d = 0; d < nd - 1; ++d) p[k] += idx[d] * plan.strides[d][k];
    }
    for (int64_t row = b; row < e; ++row) {
      run(p, inner_strides, inner);
      for (int d = nd - 2; d >= 0; --d) {
        for (int k = 0; k < K; ++k) p[k] += plan.strides[d][k];
        if (++idx[d] < plan.shape[d]) break;
        for (int k = 0; k < K; ++k) p[k] -= plan.strides[d][k] * plan.shape[d];
        idx[d] = 0;
      }
    }
  });
}

}  // namespace fasttf::kernels
