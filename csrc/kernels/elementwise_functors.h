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

// float32 tanh as TF computes it (Eigen's generic_fast_tanh_float): a 13/6-degree rational
// approximation on [-7.99881, 7.99881], exact to a few ulp, branch-free so it vectorises, and
// bitwise equal to TF's results (e.g. tanh(-6) prints -0.99998784 as in TF, not -0.9999877).
inline float tanh_float(float v) {
  if (std::isnan(v)) return v;
  const float x = v > 7.99881172180175781f ? 7.99881172180175781f
                                           : (v < -7.99881172180175781f ? -7.99881172180175781f : v);
  const float x2 = x * x;
  float p = -2.76076847742355e-16f;
  p = p * x2 + 2.00018790482477e-13f;
  p = p * x2 + -8.60467152213735e-11f;
  p = p * x2 + 5.12229709037114e-08f;
  p = p * x2 + 1.48572235717979e-05f;
  p = p * x2 + 6.37261928875436e-04f;
  p = p * x2 + 4.89352455891786e-03f;
  p = p * x;
  float q = 1.19825839466702e-06f;
  q = q * x2 + 1.18534705686654e-04f;
  q = q * x2 + 2.26843463243900e-03f;
  q = q * x2 + 4.89352518554385e-03f;
  const float r = std::fabs(v) < 0.0004f ? v : p / q;
  // Saturates as TF 2.x does (tanh(8) and tanh(inf) are exactly +-1).
  return v >= 7.99881172180175781f ? 1.0f : (v <= -7.99881172180175781f ? -1.0f : r);
}

template <class T> inline T tanh(T x) {
  if constexpr (std::is_same_v<T, float>) return tanh_float(x);
  else return std::tanh(x);
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
