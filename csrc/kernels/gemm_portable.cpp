// Portable GEMM micro-kernel for CPUs without AVX2: plain C++ on small fixed-size "vectors"
// that the compiler maps onto SSE2 registers (4×8 float, 4×4 double tiles).
#include "kernels/gemm_internal.h"

namespace fasttf::kernels::gemm_detail::portable {
namespace {

template <class E, int N>
struct Vec {
  E v[N];
};

// Traits over Vec<E, N>; a mask is just the number of valid lanes.
template <class E, int N>
struct Traits {
  using T = E;
  using reg = Vec<E, N>;
  using mask = int;
  static constexpr int W = N;
  static reg zero() { return reg{}; }
  static reg load(const T* p) {
    reg r;
    for (int i = 0; i < N; ++i) r.v[i] = p[i];
    return r;
  }
  static reg loadm(mask m, const T* p) {
    reg r{};
    for (int i = 0; i < N && i < m; ++i) r.v[i] = p[i];
    return r;
  }
  static reg set1(T x) {
    reg r;
    for (int i = 0; i < N; ++i) r.v[i] = x;
    return r;
  }
  // Separate multiply and add: baseline x86-64 has no FMA, and the result must not depend on
  // whether the compiler contracts (it cannot here without -mfma).
  static reg fma(reg a, reg b, reg c) {
    for (int i = 0; i < N; ++i) c.v[i] += a.v[i] * b.v[i];
    return c;
  }
  static reg add(reg a, reg b) {
    for (int i = 0; i < N; ++i) a.v[i] += b.v[i];
    return a;
  }
  static reg max0(reg a) {
    for (int i = 0; i < N; ++i) a.v[i] = a.v[i] > T(0) ? a.v[i] : T(0);
    return a;
  }
  static void store(T* p, reg a) {
    for (int i = 0; i < N; ++i) p[i] = a.v[i];
  }
  static void storem(mask m, T* p, reg a) {
    for (int i = 0; i < N && i < m; ++i) p[i] = a.v[i];
  }
  static mask first(int n) { return n; }
};

}  // namespace

const KernelSet<float>& kernels_f32() {
  static const KernelSet<float> ks = make_kernel_set<Traits<float, 4>, 4>(256, 512, 512);
  return ks;
}
const KernelSet<double>& kernels_f64() {
  static const KernelSet<double> ks = make_kernel_set<Traits<double, 2>, 4>(256, 256, 512);
  return ks;
}

}  // namespace fasttf::kernels::gemm_detail::portable
