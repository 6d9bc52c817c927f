// Declarations of the fused optimizer loops, one set per instruction set (namespaces
// optim_detail::baseline / avx2 / avx512, defined by optim_impl.h in optim.cpp,
// optim_avx2.cpp, optim_avx512.cpp). Each loop updates elements [begin, end) of raw,
// contiguous arrays; the ISA files see no Tensor and no shared inline code, so nothing
// compiled for a wider ISA can leak into the baseline build through the linker.
#pragma once
#include <cstdint>

#include "kernels/optim.h"

#define FASTTF_DECLARE_OPTIM_LOOPS(ns)                                                     \
  namespace fasttf::kernels::optim_detail::ns {                                            \
  template <class T>                                                                       \
  void sgd(T* x, const T* g, T* m, int64_t begin, int64_t end, const SgdCoeffs& c);        \
  template <class T>                                                                       \
  void adam(T* x, const T* g, T* m, T* v, T* vhat, int64_t begin, int64_t end,             \
            const AdamCoeffs& c);                                                          \
  template <class T>                                                                       \
  void rmsprop(T* x, const T* g, T* velocity, T* mom, T* mean_grad, int64_t begin,         \
               int64_t end, const RmspropCoeffs& c);                                       \
  template <class T>                                                                       \
  void adagrad(T* x, const T* g, T* acc, int64_t begin, int64_t end, const AdagradCoeffs& c); \
  template <class T>                                                                       \
  void adadelta(T* x, const T* g, T* accum_grad, T* accum_delta, int64_t begin, int64_t end, \
                const AdadeltaCoeffs& c);                                                  \
  template <class T>                                                                       \
  void adamax(T* x, const T* g, T* m, T* u, int64_t begin, int64_t end,                    \
              const AdamaxCoeffs& c);                                                      \
  template <class T>                                                                       \
  void nadam(T* x, const T* g, T* m, T* v, int64_t begin, int64_t end, const NadamCoeffs& c); \
  }

FASTTF_DECLARE_OPTIM_LOOPS(baseline)
FASTTF_DECLARE_OPTIM_LOOPS(avx2)
FASTTF_DECLARE_OPTIM_LOOPS(avx512)
#undef FASTTF_DECLARE_OPTIM_LOOPS
