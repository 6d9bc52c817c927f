// The vectorised float32 kernels compiled for baseline (plain x86-64, SSE2).
#define FASTTF_VEC_SUFFIX baseline
#define FASTTF_VEC_BYTES 16
#include "kernels/elementwise_vec_impl.h"
