#include "kernels/sort.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>
#include <type_traits>
#include <vector>

#include "core/parallel.h"

namespace fasttf::kernels {
namespace {

// A strict weak order on values with NaN above everything (std::sort on a raw `<` with NaNs
// is undefined behaviour).
template <class T>
inline bool value_less(T a, T b) {
  if constexpr (std::is_floating_point_v<T>) {
    if (std::isnan(a)) return false;
    if (std::isnan(b)) return true;
  }
  return a < b;
}

}  // namespace

void argsort_rows(const Tensor& x, bool descending, int64_t k, int64_t* out) {
  const int64_t R = x.dim(0), N = x.dim(1);
  if (R == 0 || k == 0) return;
  FASTTF_DISPATCH_NUMERIC(x.dtype(), "sort", [&](auto tag) {
    using T = decltype(tag);
    using Entry = std::pair<T, int64_t>;  // sorting (value, index) pairs keeps memory local
    const T* base = x.data<T>();
    const int64_t grain = std::max<int64_t>(1, (1 << 14) / std::max<int64_t>(N, 1));
    parallel_for(R, grain, [&](int64_t begin, int64_t end) {
      std::vector<Entry> row(static_cast<size_t>(N));
      for (int64_t r = begin; r < end; ++r) {
        const T* v = base + r * N;
        bool has_nan = false;
        for (int64_t i = 0; i < N; ++i) {
          row[size_t(i)] = {v[i], i};
          if constexpr (std::is_floating_point_v<T>) has_nan |= std::isnan(v[i]);
        }
        // The index tiebreak makes the order total, so the (partial) sort is stable too.
        auto sort_with = [&](auto before) {
          auto cmp = [&](const Entry& a, const Entry& b) {
            if (before(a.first, b.first)) return true;
            if (before(b.first, a.first)) return false;
            return a.second < b.second;
          };
          if (k < N) std::partial_sort(row.begin(), row.begin() + k, row.end(), cmp);
          else std::sort(row.begin(), row.end(), cmp);
        };
        if (has_nan) {
          if (descending) sort_with([](T a, T b) { return value_less(b, a); });
          else sort_with([](T a, T b) { return value_less(a, b); });
        } else {
          if (descending) sort_with([](T a, T b) { return a > b; });
          else sort_with([](T a, T b) { return a < b; });
        }
        for (int64_t j = 0; j < k; ++j) out[r * k + j] = row[size_t(j)].second;
      }
    });
  });
}

}  // namespace fasttf::kernels
