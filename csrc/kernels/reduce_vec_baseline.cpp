// The vectorised float32 max/min/argmax/argmin kernels compiled for baseline (flags from CMakeLists.txt).
#define FASTTF_REDUCE_VEC_SUFFIX baseline
#define FASTTF_REDUCE_VEC_BYTES 16
#include "kernels/reduce_vec_impl.h"
