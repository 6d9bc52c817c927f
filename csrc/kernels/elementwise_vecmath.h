// Branch-free float32 transcendental functions (Cephes-style range reduction plus minimax
// polynomials) on GCC vector types (V = float x 4, 8 or 16 lanes; comparisons give lane masks,
// `mask ? a : b` selects), so each translation unit gets code for its own instruction set
// without relying on the auto-vectoriser. Included by
// elementwise_vec_{baseline,avx2,avx512}.cpp, each inside its own namespace: the functions are
// `static inline` so that no out-of-line copy compiled for AVX-512 can be picked by the linker
// for baseline code (ODR across ISA-specific translation units).
//
// Accuracy (tests/test_kernels_simd.py measures it against float64 NumPy): exp, log, log1p,
// expm1, sigmoid <= 4 ulp; erf and tanh use the rational approximations TensorFlow uses for
// float32 (Eigen's), so results match TF's printed values. NaN propagates, +-inf and the
// overflow/underflow limits give what std:: gives. Results below FLT_MIN flush to zero as the
// kernels run with FTZ/DAZ on.
#pragma once
#include <cstdint>
#include <cstring>

#define FASTTF_VM static inline __attribute__((always_inline))

template <class V> using vm_int_t = decltype(V{} < V{});  // the lane-mask / int32 vector type
template <class V> FASTTF_VM V vm_splat(float c) { return V{} + c; }
template <class V> FASTTF_VM auto vm_isnan(V x) { return x != x; }
template <class V> FASTTF_VM V vm_abs(V x) { return V(vm_int_t<V>(x) & 0x7fffffff); }

// e^x. n = round(x / ln 2) by the 1.5 * 2^23 trick (no SSE4.1 round needed), r = x - n ln 2 in
// two parts, e^r by Cephes' polynomial, then 2^n applied in two halves so that n = 128 (the
// last finite results) and n down to -150 (results that round to zero) need no special case.
template <class V> FASTTF_VM V vm_exp(V x) {
  using VI = vm_int_t<V>;
  const float hi = 88.72283935546875f, lo = -103.972084045410f;
  V xc = x > hi ? vm_splat<V>(hi + 1.0f) : x;
  xc = xc < lo ? vm_splat<V>(lo - 1.0f) : xc;
  xc = vm_isnan(x) ? vm_splat<V>(0.0f) : xc;
  const float shifter = 12582912.0f;  // 1.5 * 2^23
  const V t = xc * 1.44269504088896341f + shifter;
  const V nf = t - shifter;
  const VI n = __builtin_convertvector(nf, VI);
  V r = xc - nf * 0.693359375f;
  r = r - nf * -2.12194440e-4f;
  V p = vm_splat<V>(1.9875691500e-4f);
  p = p * r + 1.3981999507e-3f;
  p = p * r + 8.3334519073e-3f;
  p = p * r + 4.1665795894e-2f;
  p = p * r + 1.6666665459e-1f;
  p = p * r + 5.0000001201e-1f;
  p = p * (r * r) + r + 1.0f;
  const VI n1 = n >> 1, n2 = n - n1;
  const V s1 = V((n1 + 127) << 23), s2 = V((n2 + 127) << 23);
  V y = p * s1 * s2;
  y = x > hi ? vm_splat<V>(__builtin_inff()) : y;
  y = x < lo ? vm_splat<V>(0.0f) : y;
  return vm_isnan(x) ? x : y;
}

// log x: x = m 2^e with m in [sqrt(1/2), sqrt(2)), log(m) by Cephes' degree-9 polynomial.
// Subnormal inputs are scaled by 2^23 first (under DAZ they read as zero and give -inf).
template <class V> FASTTF_VM V vm_log(V x) {
  using VI = vm_int_t<V>;
  const VI small = x < 1.17549435e-38f;
  const V xs = small ? x * 8388608.0f : x;
  const VI bits = VI(xs);
  VI e = ((bits >> 23) & 0xff) - 126 + (small & -23);
  V m = V((bits & int32_t(0x807fffff)) | 0x3f000000);  // in [0.5, 1)
  const VI below = m < 0.707106781186547524f;
  e = e + below;  // a true mask lane is -1
  m = below ? m + m - 1.0f : m - 1.0f;
  const V ef = __builtin_convertvector(e, V);
  const V z = m * m;
  V p = vm_splat<V>(7.0376836292e-2f);
  p = p * m - 1.1514610310e-1f;
  p = p * m + 1.1676998740e-1f;
  p = p * m - 1.2420140846e-1f;
  p = p * m + 1.4249322787e-1f;
  p = p * m - 1.6668057665e-1f;
  p = p * m + 2.0000714765e-1f;
  p = p * m - 2.4999993993e-1f;
  p = p * m + 3.3333331174e-1f;
  V y = p * m * z;
  y = y + ef * -2.12194440e-4f;
  y = y - 0.5f * z;
  V r = m + y;
  r = r + ef * 0.693359375f;
  r = x == __builtin_inff() ? x : r;
  r = x == 0.0f ? vm_splat<V>(-__builtin_inff()) : r;
  r = x < 0.0f ? vm_splat<V>(__builtin_nanf("")) : r;
  return vm_isnan(x) ? x : r;
}

// log(1 + x) = log(u) * x / (u - 1) with u = 1 + x (Goldberg's trick: the rounding error of u
// cancels), exact for tiny x.
template <class V> FASTTF_VM V vm_log1p(V x) {
  const V u = 1.0f + x;
  const V d = u - 1.0f;
  V r = vm_log(u) * (x / (d == 0.0f ? vm_splat<V>(1.0f) : d));
  r = d == 0.0f ? x : r;
  return x == __builtin_inff() ? x : r;
}

// e^x - 1 (Kahan's trick, as Eigen's generic_expm1): exact for tiny x, -1 for large negative x.
template <class V> FASTTF_VM V vm_expm1(V x) {
  const V u = vm_exp(x);
  const V um1 = u - 1.0f;
  const V lu = vm_log(u);
  V r = um1 * (x / (lu == 0.0f ? vm_splat<V>(1.0f) : lu));
  r = u == 1.0f ? x : r;
  r = um1 == -1.0f ? vm_splat<V>(-1.0f) : r;
  r = u == __builtin_inff() ? u : r;
  return vm_isnan(x) ? x : r;
}

// 1 / (1 + e^-x) with e^-|x|, so neither branch overflows.
template <class V> FASTTF_VM V vm_sigmoid(V x) {
  const V e = vm_exp(-vm_abs(x));
  const V r = 1.0f / (1.0f + e);
  return x >= 0.0f ? r : e * r;
}

// a * b + c rounded twice, never fused into an FMA (the empty asm hides the product from the
// compiler's contraction), so every instruction set gives the scalar code's bits.
template <class V> FASTTF_VM V vm_mul_add_unfused(V a, V b, float c) {
  V prod = a * b;
  asm("" : "+x"(prod));
  return prod + c;
}

// TF's float32 tanh (Eigen's generic_fast_tanh_float): bitwise identical to fn::tanh_float
// (unfused multiply-adds), hence to the values the course notes print.
template <class V> FASTTF_VM V vm_tanh(V v) {
  const float c = 7.99881172180175781f;
  V x = v > c ? vm_splat<V>(c) : v;
  x = x < -c ? vm_splat<V>(-c) : x;
  const V x2 = x * x;
  V p = vm_splat<V>(-2.76076847742355e-16f);
  p = vm_mul_add_unfused(p, x2, 2.00018790482477e-13f);
  p = vm_mul_add_unfused(p, x2, -8.60467152213735e-11f);
  p = vm_mul_add_unfused(p, x2, 5.12229709037114e-08f);
  p = vm_mul_add_unfused(p, x2, 1.48572235717979e-05f);
  p = vm_mul_add_unfused(p, x2, 6.37261928875436e-04f);
  p = vm_mul_add_unfused(p, x2, 4.89352455891786e-03f);
  p = p * x;
  V q = vm_splat<V>(1.19825839466702e-06f);
  q = vm_mul_add_unfused(q, x2, 1.18534705686654e-04f);
  q = vm_mul_add_unfused(q, x2, 2.26843463243900e-03f);
  q = vm_mul_add_unfused(q, x2, 4.89352518554385e-03f);
  V r = vm_abs(v) < 0.0004f ? v : p / q;
  r = v >= c ? vm_splat<V>(1.0f) : r;  // saturate as TF 2.x does: tanh(8) and tanh(inf) are 1
  r = v <= -c ? vm_splat<V>(-1.0f) : r;
  return vm_isnan(v) ? v : r;
}

// erf: odd rational approximation on [-4, 4] (Eigen's generic_fast_erf_float, what TF uses),
// +-1 beyond.
template <class V> FASTTF_VM V vm_erf(V v) {
  V x = v > 4.0f ? vm_splat<V>(4.0f) : v;
  x = x < -4.0f ? vm_splat<V>(-4.0f) : x;
  const V x2 = x * x;
  V p = vm_splat<V>(-2.72614225801306e-10f);
  p = p * x2 + 2.77068142495902e-08f;
  p = p * x2 + -2.10102402082508e-06f;
  p = p * x2 + -5.69250639462346e-05f;
  p = p * x2 + -7.34990630326855e-04f;
  p = p * x2 + -2.95459980854025e-03f;
  p = p * x2 + -1.60960333262415e-02f;
  p = p * x;
  V q = vm_splat<V>(-1.45660718464996e-05f);
  q = q * x2 + -2.13374055278905e-04f;
  q = q * x2 + -1.68282697438203e-03f;
  q = q * x2 + -7.37332916720468e-03f;
  q = q * x2 + -1.42647390514189e-02f;
  const V r = p / q;
  return vm_isnan(v) ? v : r;
}

#undef FASTTF_VM
