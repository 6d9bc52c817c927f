#include "kernels/random.h"

#include <algorithm>
#include <cmath>
#include <type_traits>
#include <vector>

#include "core/parallel.h"
#include "kernels/copy.h"

namespace fasttf::kernels {
namespace {

constexpr int64_t kBlockGrain = 1 << 12;  // Philox blocks per thread chunk, at least
constexpr double kTwoPi = 6.283185307179586476925286766559;

// Uniform in (0, 1): never 0, so log() in Box-Muller stays finite.
inline float open_float(uint32_t x) { return (float(x >> 8) + 0.5f) * (1.0f / 16777216.0f); }
inline double open_double(uint32_t hi, uint32_t lo) {
  uint64_t bits = ((uint64_t(hi) << 32) | lo) >> 11;
  return (double(bits) + 0.5) * (1.0 / 9007199254740992.0);
}
// Uniform in [0, 1).
inline float unit_float(uint32_t x) { return float(x >> 8) * (1.0f / 16777216.0f); }
inline double unit_double(uint32_t hi, uint32_t lo) {
  return double(((uint64_t(hi) << 32) | lo) >> 11) * (1.0 / 9007199254740992.0);
}

// Calls fn(block, first_output_index, count) for every Philox block of `per_block` outputs,
// in parallel; each block's outputs depend only on its index.
template <class F>
void for_each_block(int64_t n, int64_t per_block, const F& fn) {
  const int64_t blocks = (n + per_block - 1) / per_block;
  parallel_for(blocks, kBlockGrain, [&](int64_t b, int64_t e) {
    for (int64_t i = b; i < e; ++i) fn(uint64_t(i), i * per_block, std::min(per_block, n - i * per_block));
  });
}

// Generates float values for a float output: T is computed in float for half types, then cast.
template <class Gen32, class Gen64>
void fill_float(const Tensor& out, const Gen32& gen32, const Gen64& gen64) {
  if (out.dtype() == DType::Float64) return gen64(out.data<double>(), out.numel());
  if (out.dtype() == DType::Float32) return gen32(out.data<float>(), out.numel());
  if (is_half(out.dtype())) {
    Tensor tmp = Tensor::empty(out.shape(), DType::Float32, "random");
    gen32(tmp.data<float>(), tmp.numel());
    return cast_strided(tmp, out);
  }
  fail<TypeError>("[random] expects a float dtype, got ", dtype_name(out.dtype()));
}

}  // namespace

std::array<uint32_t, 4> philox4x32(uint64_t key, uint64_t block, uint64_t stream) {
  constexpr uint32_t kM0 = 0xD2511F53u, kM1 = 0xCD9E8D57u, kW0 = 0x9E3779B9u, kW1 = 0xBB67AE85u;
  uint32_t c0 = uint32_t(block), c1 = uint32_t(block >> 32);
  uint32_t c2 = uint32_t(stream), c3 = uint32_t(stream >> 32);
  uint32_t k0 = uint32_t(key), k1 = uint32_t(key >> 32);
  for (int round = 0; round < 10; ++round) {
    const uint64_t p0 = uint64_t(kM0) * c0, p1 = uint64_t(kM1) * c2;
    const uint32_t n0 = uint32_t(p1 >> 32) ^ c1 ^ k0, n1 = uint32_t(p1);
    const uint32_t n2 = uint32_t(p0 >> 32) ^ c3 ^ k1, n3 = uint32_t(p0);
    c0 = n0; c1 = n1; c2 = n2; c3 = n3;
    k0 += kW0;
    k1 += kW1;
  }
  return {c0, c1, c2, c3};
}

void fill_uniform(const Tensor& out, PhiloxKey k, double minval, double maxval) {
  fill_float(
      out,
      [&](float* p, int64_t n) {
        const float lo = float(minval), range = float(maxval - minval);
        for_each_block(n, 4, [&](uint64_t b, int64_t first, int64_t count) {
          auto r = philox4x32(k.key, b, k.stream);
          for (int64_t j = 0; j < count; ++j) p[first + j] = lo + unit_float(r[j]) * range;
        });
      },
      [&](double* p, int64_t n) {
        const double range = maxval - minval;
        for_each_block(n, 2, [&](uint64_t b, int64_t first, int64_t count) {
          auto r = philox4x32(k.key, b, k.stream);
          for (int64_t j = 0; j < count; ++j)
            p[first + j] = minval + unit_double(r[2 * j], r[2 * j + 1]) * range;
        });
      });
}

void fill_uniform_int(const Tensor& out, PhiloxKey k, int64_t minval, int64_t maxval) {
  if (!(minval < maxval)) fail("[random_uniform] need minval < maxval, got ", minval, " and ", maxval);
  const uint64_t range = uint64_t(maxval) - uint64_t(minval);  // exact in unsigned arithmetic
  FASTTF_DISPATCH_NUMERIC(out.dtype(), "random_uniform", [&](auto tag) {
    using T = decltype(tag);
    if constexpr (std::is_integral_v<T>) {
      T* p = out.data<T>();
      for_each_block(out.numel(), 2, [&](uint64_t b, int64_t first, int64_t count) {
        auto r = philox4x32(k.key, b, k.stream);
        for (int64_t j = 0; j < count; ++j) {
          const uint64_t bits = (uint64_t(r[2 * j]) << 32) | r[2 * j + 1];
          p[first + j] = T(int64_t(uint64_t(minval) + bits % range));
        }
      });
    } else {
      fail<TypeError>("[random_uniform] expects an integer dtype");
    }
  });
}

void fill_normal(const Tensor& out, PhiloxKey k, double mean, double stddev) {
  fill_float(
      out,
      [&](float* p, int64_t n) {
        const float m = float(mean), s = float(stddev);
        for_each_block(n, 4, [&](uint64_t b, int64_t first, int64_t count) {
          auto r = philox4x32(k.key, b, k.stream);
          float z[4];
          for (int pair = 0; pair < 2; ++pair) {
            const float radius = std::sqrt(-2.0f * std::log(open_float(r[2 * pair])));
            const float theta = float(kTwoPi) * unit_float(r[2 * pair + 1]);
            z[2 * pair] = radius * std::cos(theta);
            z[2 * pair + 1] = radius * std::sin(theta);
          }
          for (int64_t j = 0; j < count; ++j) p[first + j] = m + s * z[j];
        });
      },
      [&](double* p, int64_t n) {
        for_each_block(n, 2, [&](uint64_t b, int64_t first, int64_t count) {
          auto r = philox4x32(k.key, b, k.stream);
          const double radius = std::sqrt(-2.0 * std::log(open_double(r[0], r[1])));
          const double theta = kTwoPi * unit_double(r[2], r[3]);
          const double z[2] = {radius * std::cos(theta), radius * std::sin(theta)};
          for (int64_t j = 0; j < count; ++j) p[first + j] = mean + stddev * z[j];
        });
      });
}

void fill_truncated_normal(const Tensor& out, PhiloxKey k, double mean, double stddev) {
  // Each block draws normals as fill_normal does; a value beyond 2 standard deviations (4.6%)
  // is redrawn from blocks (i, attempt) of per-attempt keys, so every element still depends
  // only on its own index. The attempt cap only bounds the loop (~0.002^a to need a).
  auto redraw = [&](uint64_t i) {
    for (uint64_t attempt = 1; attempt < 256; ++attempt) {
      auto r = philox4x32(k.key + attempt * 0x9E3779B97F4A7C15ull, i, k.stream);
      const double radius = std::sqrt(-2.0 * std::log(open_double(r[0], r[1])));
      const double theta = kTwoPi * unit_double(r[2], r[3]);
      const double z0 = radius * std::cos(theta), z1 = radius * std::sin(theta);
      if (std::fabs(z0) <= 2.0) return z0;
      if (std::fabs(z1) <= 2.0) return z1;
    }
    return 0.0;
  };
  fill_float(
      out,
      [&](float* p, int64_t n) {
        const float m = float(mean), s = float(stddev);
        for_each_block(n, 4, [&](uint64_t b, int64_t first, int64_t count) {
          auto r = philox4x32(k.key, b, k.stream);
          float z[4];
          for (int pair = 0; pair < 2; ++pair) {
            const float radius = std::sqrt(-2.0f * std::log(open_float(r[2 * pair])));
            const float theta = float(kTwoPi) * unit_float(r[2 * pair + 1]);
            z[2 * pair] = radius * std::cos(theta);
            z[2 * pair + 1] = radius * std::sin(theta);
          }
          for (int64_t j = 0; j < count; ++j) {
            const float v = std::fabs(z[j]) <= 2.0f ? z[j] : float(redraw(uint64_t(first + j)));
            p[first + j] = m + s * v;
          }
        });
      },
      [&](double* p, int64_t n) {
        for_each_block(n, 2, [&](uint64_t b, int64_t first, int64_t count) {
          auto r = philox4x32(k.key, b, k.stream);
          const double radius = std::sqrt(-2.0 * std::log(open_double(r[0], r[1])));
          const double theta = kTwoPi * unit_double(r[2], r[3]);
          const double z[2] = {radius * std::cos(theta), radius * std::sin(theta)};
          for (int64_t j = 0; j < count; ++j) {
            const double v = std::fabs(z[j]) <= 2.0 ? z[j] : redraw(uint64_t(first + j));
            p[first + j] = mean + stddev * v;
          }
        });
      });
}

void shuffle_rows(const Tensor& x, const Tensor& out, PhiloxKey k) {
  const int64_t n = x.ndim() == 0 ? 1 : x.shape()[0];
  if (n == 0) return;
  std::vector<int64_t> perm(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) perm[size_t(i)] = i;
  // Fisher-Yates, serial (it is sequential by nature); the row copies below are parallel.
  for (int64_t i = n - 1; i > 0; --i) {
    auto r = philox4x32(k.key, uint64_t(i), k.stream);
    const uint64_t bits = (uint64_t(r[0]) << 32) | r[1];
    std::swap(perm[size_t(i)], perm[size_t(bits % uint64_t(i + 1))]);
  }
  const int64_t row_bytes = x.numel() / n * int64_t(x.itemsize());
  const char* src = static_cast<const char*>(x.raw_data());
  char* dst = static_cast<char*>(out.raw_data());
  parallel_for(n, std::max<int64_t>(1, (1 << 16) / std::max<int64_t>(row_bytes, 1)),
               [&](int64_t b, int64_t e) {
                 for (int64_t i = b; i < e; ++i)
                   std::copy_n(src + perm[size_t(i)] * row_bytes, row_bytes, dst + i * row_bytes);
               });
}

void categorical(const Tensor& logits, const Tensor& out, PhiloxKey k) {
  const int64_t batch = logits.shape()[0], classes = logits.shape()[1];
  const int64_t samples = out.shape()[1];
  if (classes <= 0) fail("[categorical] num_classes should be positive, got ", classes);
  const double* lp = logits.data<double>();
  FASTTF_DISPATCH_NUMERIC(out.dtype(), "categorical", [&](auto tag) {
    using T = decltype(tag);
    if constexpr (std::is_integral_v<T>) {
      T* op = out.data<T>();
      parallel_for(batch, 1, [&](int64_t b0, int64_t b1) {
        std::vector<double> cdf(static_cast<size_t>(classes));
        for (int64_t b = b0; b < b1; ++b) {
          const double* row = lp + b * classes;
          double mx = -INFINITY;
          for (int64_t c = 0; c < classes; ++c) mx = std::max(mx, row[c]);
          double total = 0;
          for (int64_t c = 0; c < classes; ++c) {
            const double w = std::isfinite(mx) ? std::exp(row[c] - mx) : 0.0;
            total += std::isnan(w) ? 0.0 : w;
            cdf[size_t(c)] = total;
          }
          for (int64_t s = 0; s < samples; ++s) {
            auto r = philox4x32(k.key, uint64_t(b * samples + s), k.stream);
            const double target = unit_double(r[0], r[1]) * total;
            int64_t idx = std::upper_bound(cdf.begin(), cdf.end(), target) - cdf.begin();
            op[b * samples + s] = T(std::min(idx, classes - 1));
          }
        }
      });
    } else {
      fail<TypeError>("[categorical] output dtype must be int32 or int64");
    }
  });
}

}  // namespace fasttf::kernels
