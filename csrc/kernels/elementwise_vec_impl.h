// The body of the vectorised float32 kernels, included once per instruction set by
// elementwise_vec_<isa>.cpp with FASTTF_VEC_SUFFIX and FASTTF_VEC_BYTES (vector width) defined.
// Full vectors are loaded and stored unaligned; the tail goes through a padded local vector.
#include <cstring>

#include "kernels/elementwise_vec.h"
#include "kernels/elementwise_vecmath.h"

#define FASTTF_VEC_CAT2(a, b) a##b
#define FASTTF_VEC_CAT(a, b) FASTTF_VEC_CAT2(a, b)

namespace fasttf::kernels::vec_isa {
namespace {

typedef float Vec __attribute__((vector_size(FASTTF_VEC_BYTES)));
constexpr int kLanes = FASTTF_VEC_BYTES / 4;

inline Vec load(const float* p) { Vec v; std::memcpy(&v, p, sizeof v); return v; }
inline void store(float* p, Vec v) { std::memcpy(p, &v, sizeof v); }

template <class F>
inline void map(const float* x, float* y, int64_t n, F f) {
  int64_t i = 0;
  for (; i + kLanes <= n; i += kLanes) store(y + i, f(load(x + i)));
  if (i < n) {
    float buf[kLanes] = {};
    std::memcpy(buf, x + i, size_t(n - i) * 4);
    store(buf, f(load(buf)));
    std::memcpy(y + i, buf, size_t(n - i) * 4);
  }
}

}  // namespace

void FASTTF_VEC_CAT(unary_, FASTTF_VEC_SUFFIX)(VecUnary op, const float* x, float* y, int64_t n) {
  switch (op) {
    case VecUnary::Exp: return map(x, y, n, [](Vec v) { return vm_exp(v); });
    case VecUnary::Expm1: return map(x, y, n, [](Vec v) { return vm_expm1(v); });
    case VecUnary::Log: return map(x, y, n, [](Vec v) { return vm_log(v); });
    case VecUnary::Log1p: return map(x, y, n, [](Vec v) { return vm_log1p(v); });
    case VecUnary::Tanh: return map(x, y, n, [](Vec v) { return vm_tanh(v); });
    case VecUnary::Sigmoid: return map(x, y, n, [](Vec v) { return vm_sigmoid(v); });
    case VecUnary::Erf: return map(x, y, n, [](Vec v) { return vm_erf(v); });
    case VecUnary::Gelu:
      return map(x, y, n, [](Vec v) { return 0.5f * v * (1.0f + vm_erf(v * 0.70710678118654752f)); });
    case VecUnary::Elu: return map(x, y, n, [](Vec v) { return v > 0.0f ? v : vm_expm1(v); });
    case VecUnary::Selu:
      return map(x, y, n, [](Vec v) {
        return 1.05070098735548049f * (v > 0.0f ? v : 1.67326324235437728f * vm_expm1(v));
      });
    case VecUnary::Softplus:
      return map(x, y, n, [](Vec v) {
        const Vec t = vm_log1p(vm_exp(-vm_abs(v)));
        return v > 0.0f ? v + t : t;
      });
    case VecUnary::Swish: return map(x, y, n, [](Vec v) { return v * vm_sigmoid(v); });
  }
}

// Sixteen running sums (element i of the full blocks goes to sum i % 16) whatever the vector
// width, so every instruction set adds in the same order; a short row (< 16) sums in order.
float FASTTF_VEC_CAT(exp_shift_sum_, FASTTF_VEC_SUFFIX)(const float* x, float shift, float* y,
                                                        int64_t n) {
  constexpr int kPer16 = 16 / kLanes;
  Vec acc[kPer16] = {};
  int64_t i = 0;
  for (; i + 16 <= n; i += 16)
    for (int k = 0; k < kPer16; ++k) {
      const Vec e = vm_exp(load(x + i + k * kLanes) - shift);
      store(y + i + k * kLanes, e);
      acc[k] += e;
    }
  float lanes[16];
  for (int k = 0; k < kPer16; ++k) store(lanes + k * kLanes, acc[k]);
  for (int w = 8; w > 0; w /= 2)
    for (int l = 0; l < w; ++l) lanes[l] += lanes[l + w];
  float sum = lanes[0];
  if (i < n) {  // the tail is added one by one, in order, after the lanes
    float buf[16] = {};
    const int rem = int(n - i);
    std::memcpy(buf, x + i, size_t(rem) * 4);
    for (int k = 0; k < kPer16; ++k) store(buf + k * kLanes, vm_exp(load(buf + k * kLanes) - shift));
    std::memcpy(y + i, buf, size_t(rem) * 4);
    for (int k = 0; k < rem; ++k) sum += buf[k];
  }
  return sum;
}

}  // namespace fasttf::kernels::vec_isa

#undef FASTTF_VEC_CAT
#undef FASTTF_VEC_CAT2
