#include "kernels/copy.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <type_traits>

#include "kernels/loops.h"

namespace fasttf::kernels {
namespace {

constexpr int64_t kCopyGrain = 1 << 18;  // elements; below this a copy is too short to share

template <class To, class From>
inline To convert(From v) {
  if constexpr (std::is_same_v<To, bool>) {
    return static_cast<compute_t<From>>(v) != compute_t<From>(0);
  } else if constexpr (std::is_integral_v<To> && !std::is_integral_v<From>) {
    // Float to integer as TF on x86: truncate toward zero; NaN and out-of-range values give
    // the "integer indefinite" minimum of int32 (int64 for int64). Narrower types go through
    // int32 and keep its low bits (300.7 -> int8 44), as TF does.
    double d = static_cast<double>(static_cast<compute_t<From>>(v));
    if constexpr (std::is_same_v<To, int64_t>) {
      if (!(d > -9223372036854775808.0 && d < 9223372036854775808.0))
        return std::numeric_limits<int64_t>::min();
      return static_cast<int64_t>(d);
    } else {
      int32_t wide = (d > -2147483649.0 && d < 2147483648.0) ? static_cast<int32_t>(d)
                                                             : std::numeric_limits<int32_t>::min();
      return static_cast<To>(static_cast<uint32_t>(wide));
    }
  } else if constexpr (std::is_same_v<To, float16> || std::is_same_v<To, bfloat16>) {
    return To(static_cast<float>(static_cast<compute_t<From>>(v)));
  } else {
    return static_cast<To>(static_cast<compute_t<From>>(v));
  }
}

}  // namespace

void copy_strided(const Tensor& src, const Tensor& dst) {
  const int64_t isz = int64_t(src.itemsize());
  if (src.is_contiguous() && dst.is_contiguous()) {
    const int64_t n = src.numel();
    char* s = static_cast<char*>(src.raw_data());
    char* d = static_cast<char*>(dst.raw_data());
    parallel_for(n, kCopyGrain, [&](int64_t b, int64_t e) {
      std::memcpy(d + b * isz, s + b * isz, size_t(e - b) * isz);
    });
    return;
  }
  std::array<char*, 2> base{static_cast<char*>(dst.raw_data()), static_cast<char*>(src.raw_data())};
  for_each_run<2>(dst.shape(), base, {dst.strides().data(), src.strides().data()}, {isz, isz},
                  kCopyGrain, [&](std::array<char*, 2> p, std::array<int64_t, 2> s, int64_t n) {
                    if (s[0] == isz && s[1] == isz) {
                      std::memcpy(p[0], p[1], size_t(n * isz));
                      return;
                    }
                    for (int64_t i = 0; i < n; ++i)
                      std::memcpy(p[0] + i * s[0], p[1] + i * s[1], size_t(isz));
                  });
}

void cast_strided(const Tensor& src, const Tensor& dst) {
  if (src.dtype() == dst.dtype()) return copy_strided(src, dst);
  FASTTF_DISPATCH_ALL(src.dtype(), "cast", [&](auto src_tag) {
    using From = decltype(src_tag);
    FASTTF_DISPATCH_ALL(dst.dtype(), "cast", [&](auto dst_tag) {
      using To = decltype(dst_tag);
      std::array<char*, 2> base{static_cast<char*>(dst.raw_data()),
                                static_cast<char*>(src.raw_data())};
      for_each_run<2>(dst.shape(), base, {dst.strides().data(), src.strides().data()},
                      {int64_t(sizeof(To)), int64_t(sizeof(From))}, kCopyGrain,
                      [&](std::array<char*, 2> p, std::array<int64_t, 2> s, int64_t n) {
                        if (s[0] == int64_t(sizeof(To)) && s[1] == int64_t(sizeof(From))) {
                          To* out = reinterpret_cast<To*>(p[0]);
                          const From* in = reinterpret_cast<const From*>(p[1]);
                          for (int64_t i = 0; i < n; ++i) out[i] = convert<To>(in[i]);
                          return;
                        }
                        for (int64_t i = 0; i < n; ++i)
                          *reinterpret_cast<To*>(p[0] + i * s[0]) =
                              convert<To>(*reinterpret_cast<const From*>(p[1] + i * s[1]));
                      });
    });
  });
}

}  // namespace fasttf::kernels
