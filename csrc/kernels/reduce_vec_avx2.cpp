// The vectorised float32 max/min/argmax/argmin kernels compiled for avx2 (flags from CMakeLists.txt).
#define FASTTF_REDUCE_VEC_SUFFIX avx2
#define FASTTF_REDUCE_VEC_BYTES 32
#include "kernels/reduce_vec_impl.h"
