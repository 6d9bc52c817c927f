// Fused optimizer updates (see optim.h). The loops (optim_impl.h) are compiled for the
// baseline ISA here and for AVX2 / AVX-512 in optim_avx2.cpp / optim_avx512.cpp; these
// functions pick the best build for the CPU, dispatch on dtype and split the elements over
// threads. Every element is independent, so within one ISA the result does not depend on the
// thread count.
#include "kernels/optim.h"

#include "core/cpu.h"
#include "core/dtype.h"
#include "core/parallel.h"
#include "kernels/optim_loops.h"

#define FASTTF_OPTIM_ISA baseline
#include "kernels/optim_impl.h"
#undef FASTTF_OPTIM_ISA

namespace fasttf::kernels {
namespace {

constexpr int64_t kGrain = 1 << 15;

template <class T>
T* ptr(const Tensor& t) { return t.defined() ? t.data<T>() : nullptr; }

template <class F>
F pick(F baseline, F avx2, F avx512) {
  switch (cpu::best_isa()) {
    case cpu::Isa::Avx512: return avx512;
    case cpu::Isa::Avx2: return avx2;
    default: return baseline;
  }
}

// Runs loop<T>(x, g, slots..., begin, end, coeffs) for the best ISA over var's elements.
#define FASTTF_RUN_OPTIM(NAME, VAR, GRAD, COEFFS, ...)                                    \
  FASTTF_DISPATCH_FLOAT((VAR).dtype(), #NAME "_update", [&](auto tag) {                   \
    using T = decltype(tag);                                                            \
    auto loop = pick(&optim_detail::baseline::NAME<T>, &optim_detail::avx2::NAME<T>,     \
                     &optim_detail::avx512::NAME<T>);                                   \
    T* x = ptr<T>(VAR);                                                                 \
    const T* g = ptr<T>(GRAD);                                                          \
    parallel_for((VAR).numel(), kGrain, [&](int64_t b, int64_t e) {                     \
      loop(x, g, __VA_ARGS__, b, e, COEFFS);                                            \
    });                                                                                 \
  })

}  // namespace

void sgd_update(const Tensor& var, const Tensor& grad, const Tensor& m, const SgdCoeffs& c) {
  FASTTF_RUN_OPTIM(sgd, var, grad, c, ptr<T>(m));
}

void adam_update(const Tensor& var, const Tensor& grad, const Tensor& m, const Tensor& v,
                 const Tensor& vhat, const AdamCoeffs& c) {
  FASTTF_RUN_OPTIM(adam, var, grad, c, ptr<T>(m), ptr<T>(v), ptr<T>(vhat));
}

void rmsprop_update(const Tensor& var, const Tensor& grad, const Tensor& velocity,
                    const Tensor& mom, const Tensor& mean_grad, const RmspropCoeffs& c) {
  FASTTF_RUN_OPTIM(rmsprop, var, grad, c, ptr<T>(velocity), ptr<T>(mom), ptr<T>(mean_grad));
}

void adagrad_update(const Tensor& var, const Tensor& grad, const Tensor& accumulator,
                    const AdagradCoeffs& c) {
  FASTTF_RUN_OPTIM(adagrad, var, grad, c, ptr<T>(accumulator));
}

void adadelta_update(const Tensor& var, const Tensor& grad, const Tensor& accum_grad,
                     const Tensor& accum_delta, const AdadeltaCoeffs& c) {
  FASTTF_RUN_OPTIM(adadelta, var, grad, c, ptr<T>(accum_grad), ptr<T>(accum_delta));
}

void adamax_update(const Tensor& var, const Tensor& grad, const Tensor& m, const Tensor& u,
                   const AdamaxCoeffs& c) {
  FASTTF_RUN_OPTIM(adamax, var, grad, c, ptr<T>(m), ptr<T>(u));
}

void nadam_update(const Tensor& var, const Tensor& grad, const Tensor& m, const Tensor& v,
                  const NadamCoeffs& c) {
  FASTTF_RUN_OPTIM(nadam, var, grad, c, ptr<T>(m), ptr<T>(v));
}

#undef FASTTF_RUN_OPTIM

}  // namespace fasttf::kernels
