// The vectorised float32 kernels compiled for avx2 (flags from CMakeLists.txt).
#define FASTTF_VEC_SUFFIX avx2
#define FASTTF_VEC_BYTES 32
#include "kernels/elementwise_vec_impl.h"
