// The vectorised float32 max/min/argmax/argmin kernels compiled for avx512 (flags from CMakeLists.txt).
#define FASTTF_REDUCE_VEC_SUFFIX avx512
#define FASTTF_REDUCE_VEC_BYTES 64
#include "kernels/reduce_vec_impl.h"
