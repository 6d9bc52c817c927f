// Scalar definitions of every elementwise op, on the compute type (float for half types).
// The loops in elementwise.cpp apply them; keeping them scalar lets the compiler vectorise the
// contiguous loops and keeps one source of truth for the semantics (TF's, e.g. floor division
// rounding toward -inf and floormod taking the divisor's sign).
#pragma once
#include <cmath>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "kernels/elementwise.h"

namespace fasttf::kernels::fn {

template <class T> inline T floor_div(T a, T b) {
  if constexpr (std::is_integral_v<T>) {
    T q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
  } else {
    return std::floor(a / b);
  }
}

template <class T> inline T floor_mod(T a, T b) {
  if constexpr (std::is_integral_v<T>) {
    T r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) r += b;
    return r;
  } else {
    T r = std::fmod(a, b);
    if (r != 0 && ((r < 0) != (b < 0))) r += b;
    return r;
  }
}

template <class T> inline T int_pow(T base, T exp) {
  T result = 1;
  while (exp > 0) {
    if (exp & 1) result = T(result * base);
    base = T(base * base);
    exp >>= 1;
  }
  return result;
}

template <class T> inline T maximum(T a, T b) {
  if constexpr (std::is_floating_point_v<T>) { if (std::isnan(a) || std::isnan(b)) return a + b; }
  return a > b ? a : b;
}
template <class T> inline T minimum(T a, T b) {
  if constexpr (std::is_floating_point_v<T>) { if (std::isnan(a) || std::isnan(b)) return a + b; }
  return a < b ? a : b;
}

template <class T> inline T sigmoid(T x) {
  // Written so that neither branch overflows: exp only ever sees a non-positive argument.
  if (x >= 0) return T(1) / (T(1) + std::exp(-x));
  T e = std::exp(x);
  return e / (T(1) + e);
}

template <class T> inline T softplus(T x) {
  // log(1 + e^x) without overflow: x + log1p(e^-x) for large x.
  return x > 0 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x));
}

template <class T> inline T round_half_even(T x) { return std::nearbyint(x); }

template <class T> inline T sign(T x) {
  if constexpr (std::is_floating_point_v<T>) { if (std::isnan(x)) return x; }
  if constexpr (std::is_unsigned_v<T>) return x > 0 ? T(1) : T(0);
  else return x > 0 ? T(1) : (x < 0 ? T(-1) : T(0));
}

template <class T> inline T abs_value(T x) {
  if constexpr (std::is_unsigned_v<T>) return x;
  else if constexpr (std::is_floating_point_v<T>) return std::fabs(x);
  else return x < 0 ? T(-x) : x;
}

constexpr double kSeluAlpha = 1.6732632423543772848170429916717;
constexpr double kSeluScale = 1.0507009873554804934193349852946;

}  // namespace fasttf::kernels::fn
