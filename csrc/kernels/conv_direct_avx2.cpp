// The direct convolution loops (conv_direct_impl.h) compiled for AVX2 + FMA; chosen at run time
// by kernels/conv_direct.cpp.
#define FASTTF_CONV_ISA avx2
#include "kernels/conv_direct_impl.h"
