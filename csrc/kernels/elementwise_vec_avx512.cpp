// The vectorised float32 kernels compiled for avx512 (flags from CMakeLists.txt).
#define FASTTF_VEC_SUFFIX avx512
#define FASTTF_VEC_BYTES 64
#include "kernels/elementwise_vec_impl.h"
