#include "kernels/gather_scatter.h"

#include <algorithm>
#include <cstring>
#include <type_traits>
#include <vector>

#include "core/parallel.h"
#include "kernels/loops.h"

namespace fasttf::kernels {
namespace {

constexpr int64_t kGrainBytes = 1 << 16;  // below this much work a loop stays on one thread
// Row copies move memory at one thread's bandwidth already; a second thread only pays off once
// its wake-up (~45 µs here once they sleep, far more on a loaded machine) is small next to the
// copy. Cached rows are no exception: two threads gathered 128 MNIST rows (401 KB) in 6.6 µs
// instead of 9.3 µs in a loop, but left half of them in the other core's L2, and a serial
// reader of those rows right after (NumPy's gather of the same rows) took 20-28 µs, not 9.
constexpr int64_t kCopyGrainBytes = 1 << 20;

template <class T>
inline void apply_scatter(ScatterKind kind, T* dst, const T* src, int64_t n) {
  switch (kind) {
    case ScatterKind::Update: std::memcpy(dst, src, size_t(n) * sizeof(T)); break;
    case ScatterKind::Add: for (int64_t i = 0; i < n; ++i) dst[i] = T(dst[i] + src[i]); break;
    case ScatterKind::Sub: for (int64_t i = 0; i < n; ++i) dst[i] = T(dst[i] - src[i]); break;
    case ScatterKind::Max:
      for (int64_t i = 0; i < n; ++i) dst[i] = src[i] > dst[i] ? src[i] : dst[i];
      break;
    case ScatterKind::Min:
      for (int64_t i = 0; i < n; ++i) dst[i] = src[i] < dst[i] ? src[i] : dst[i];
      break;
  }
}

template <class T>
inline bool is_nonzero(T v) {
  if constexpr (std::is_same_v<T, float16> || std::is_same_v<T, bfloat16>) return float(v) != 0.0f;
  else return v != T(0);
}

}  // namespace

void take_rows(const void* params, const RowsLayout& layout, const int64_t* indices, int64_t K,
               void* rows) {
  const auto [B, O, N, I, itemsize] = layout;
  const int64_t row_bytes = I * itemsize;
  if (B * O * K == 0 || row_bytes == 0) return;
  const char* src = static_cast<const char*>(params);
  char* dst = static_cast<char*>(rows);
  const int64_t grain = std::max<int64_t>(1, kCopyGrainBytes / row_bytes);
  parallel_for(B * O * K, grain, [&](int64_t begin, int64_t end) {
    for (int64_t r = begin; r < end; ++r) {
      const int64_t k = r % K, bo = r / K, b = bo / O;
      const int64_t n = indices[b * K + k];
      std::memcpy(dst + r * row_bytes, src + (bo * N + n) * row_bytes, size_t(row_bytes));
    }
  });
}

void take_rows(const Tensor& params, const int64_t* indices, const Tensor& rows) {
  const RowsLayout layout{params.dim(0), params.dim(1), params.dim(2), params.dim(3),
                          int64_t(params.itemsize())};
  take_rows(params.raw_data(), layout, indices, rows.dim(2), rows.raw_data());
}

void scatter_rows(ScatterKind kind, const Tensor& target, const int64_t* indices,
                  const Tensor& rows) {
  const int64_t B = target.dim(0), O = target.dim(1), N = target.dim(2), I = target.dim(3);
  const int64_t K = rows.dim(2);
  if (B * O * K == 0 || I == 0) return;
  auto run = [&](auto tag) {
    using T = decltype(tag);
    T* dst = target.data<T>();
    const T* src = rows.data<T>();
    // Work items: (b, o) blocks split into column chunks, so that a single block (an embedding
    // lookup's gradient) still spreads over threads; each item owns its output columns.
    const int64_t chunk = std::max<int64_t>(64, std::min<int64_t>(I, kGrainBytes / int64_t(sizeof(T)) / std::max<int64_t>(K, 1)));
    const int64_t chunks = (I + chunk - 1) / chunk;
    const int64_t per_item = std::max<int64_t>(1, K * std::min(chunk, I));
    const int64_t total = B * O * K * I;
    if (B * O * chunks < 2 * int64_t(max_threads()) && N > 1 && total >= kGrainBytes / int64_t(sizeof(T))) {
      // Narrow rows (an embedding's gradient): too few column chunks to share, so the items
      // are ranges of destination rows instead. Every item scans all K indices and applies the
      // ones that land in its range, so each destination row still sees its updates in k order.
      constexpr int64_t kRanges = 64;
      const int64_t ranges = std::min<int64_t>(kRanges, N);
      parallel_for(B * O * ranges, 1, [&](int64_t begin, int64_t end) {
        for (int64_t item = begin; item < end; ++item) {
          const int64_t range = item % ranges, bo = item / ranges, b = bo / O;
          const int64_t lo = N * range / ranges, hi = N * (range + 1) / ranges;
          for (int64_t k = 0; k < K; ++k) {
            const int64_t n = indices[b * K + k];
            if (n >= lo && n < hi)
              apply_scatter<T>(kind, dst + (bo * N + n) * I, src + (bo * K + k) * I, I);
          }
        }
      });
      return;
    }
    parallel_for(B * O * chunks, std::max<int64_t>(1, (kGrainBytes / int64_t(sizeof(T))) / per_item),
                 [&](int64_t begin, int64_t end) {
      for (int64_t item = begin; item < end; ++item) {
        const int64_t c = item % chunks, bo = item / chunks, b = bo / O;
        const int64_t c0 = c * chunk, len = std::min(I, c0 + chunk) - c0;
        for (int64_t k = 0; k < K; ++k) {
          const int64_t n = indices[b * K + k];
          apply_scatter<T>(kind, dst + (bo * N + n) * I + c0, src + (bo * K + k) * I + c0, len);
        }
      }
    });
  };
  if (kind == ScatterKind::Update) {
    // A plain copy: done on bytes so that every dtype (bool, half types) is supported.
    switch (target.itemsize()) {
      case 1: return run(uint8_t{});
      case 2: return run(uint16_t{});
      case 4: return run(uint32_t{});
      default: return run(uint64_t{});
    }
  }
  FASTTF_DISPATCH_NUMERIC(target.dtype(), "scatter", run);
}

void add_strided(const Tensor& src, const Tensor& dst) {
  FASTTF_DISPATCH_FLOAT(dst.dtype(), "pad_grad", [&](auto tag) {
    using T = decltype(tag);
    const int64_t isz = int64_t(sizeof(T));
    std::array<char*, 2> base{static_cast<char*>(dst.raw_data()), static_cast<char*>(src.raw_data())};
    for_each_run<2>(dst.shape(), base, {dst.strides().data(), src.strides().data()}, {isz, isz},
                    kGrainBytes / isz, [&](std::array<char*, 2> p, std::array<int64_t, 2> s, int64_t n) {
                      for (int64_t i = 0; i < n; ++i)
                        *reinterpret_cast<T*>(p[0] + i * s[0]) += *reinterpret_cast<const T*>(p[1] + i * s[1]);
                    });
  });
}

void zero_strided(const Tensor& dst) {
  const int64_t isz = int64_t(dst.itemsize());
  std::array<char*, 1> base{static_cast<char*>(dst.raw_data())};
  for_each_run<1>(dst.shape(), base, {dst.strides().data()}, {isz}, kGrainBytes / isz,
                  [&](std::array<char*, 1> p, std::array<int64_t, 1> s, int64_t n) {
                    if (s[0] == isz) { std::memset(p[0], 0, size_t(n * isz)); return; }
                    for (int64_t i = 0; i < n; ++i) std::memset(p[0] + i * s[0], 0, size_t(isz));
                  });
}

Tensor nonzero_coordinates(const Tensor& x_in) {
  Tensor x = x_in.contiguous();
  const int64_t n = x.numel();
  const int r = x.ndim();
  const Shape shape = x.shape();
  // Fixed blocks (independent of the thread count): count per block, prefix-sum, then write.
  constexpr int64_t kBlock = 1 << 15;
  const int64_t nblocks = (n + kBlock - 1) / kBlock;
  std::vector<int64_t> starts(size_t(nblocks) + 1, 0);
  Tensor out;
  FASTTF_DISPATCH_ALL(x.dtype(), "where", [&](auto tag) {
    using T = decltype(tag);
    const T* p = x.data<T>();
    parallel_for_blocks(nblocks, [&](int64_t blk) {
      int64_t c = 0;
      for (int64_t i = blk * kBlock, e = std::min(n, i + kBlock); i < e; ++i) c += is_nonzero(p[i]);
      starts[size_t(blk) + 1] = c;
    });
    for (int64_t b = 0; b < nblocks; ++b) starts[size_t(b) + 1] += starts[size_t(b)];
    out = Tensor::empty({starts[size_t(nblocks)], int64_t(r)}, DType::Int64, "where");
    int64_t* o = out.data<int64_t>();
    parallel_for_blocks(nblocks, [&](int64_t blk) {
      int64_t pos = starts[size_t(blk)];
      for (int64_t i = blk * kBlock, e = std::min(n, i + kBlock); i < e; ++i) {
        if (!is_nonzero(p[i])) continue;
        int64_t rem = i;
        for (int d = r - 1; d >= 0; --d) {
          o[pos * r + d] = rem % shape[d];
          rem /= shape[d];
        }
        ++pos;
      }
    });
  });
  return out;
}

}  // namespace fasttf::kernels
