// The fused optimizer loops (optim_impl.h) compiled for AVX512; chosen at run time by
// kernels/optim.cpp.
#define FASTTF_OPTIM_ISA avx512
#include "kernels/optim_impl.h"
