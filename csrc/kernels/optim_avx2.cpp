// The fused optimizer loops (optim_impl.h) compiled for AVX2; chosen at run time by
// kernels/optim.cpp.
#define FASTTF_OPTIM_ISA avx2
#include "kernels/optim_impl.h"
