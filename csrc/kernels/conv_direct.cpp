// The direct convolution loops (conv_direct_impl.h) for the baseline ISA, and the run-time
// choice among the baseline, AVX2 and AVX-512 builds.
#include "kernels/conv_direct.h"

#include "core/cpu.h"

#define FASTTF_CONV_ISA baseline
#include "kernels/conv_direct_impl.h"
#undef FASTTF_CONV_ISA

namespace fasttf::kernels::conv_direct {

template <class T>
const Loops<T>& loops() {
  switch (cpu::best_isa()) {
    case cpu::Isa::Avx512: return avx512::loops<T>();
    case cpu::Isa::Avx2: return avx2::loops<T>();
    default: return baseline::loops<T>();
  }
}

template const Loops<float>& loops<float>();
template const Loops<double>& loops<double>();

}  // namespace fasttf::kernels::conv_direct
