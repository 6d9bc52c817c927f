// Direct (no im2col, no GEMM) convolution loops for the cases where a GEMM is a poor fit: a
// first layer with few input channels (K = KH·KW·C of 9 or 27 makes a GEMM all edges), and the
// memory-bound backward passes of a conv+bias+ReLU layer, fused so that the large gradient is
// read once. The loops (conv_direct_impl.h) are compiled per ISA (conv_direct.cpp for the
// baseline, conv_direct_avx2.cpp, conv_direct_avx512.cpp); conv.cpp picks the build at run
// time and splits the work over threads in blocks fixed by the problem size only.
#pragma once
#include <cstdint>

#include "kernels/conv.h"

namespace fasttf::kernels::conv_direct {

// Input channels up to which the direct forward and filter-gradient loops beat im2col + GEMM.
constexpr int64_t kMaxDirectChannels = 4;

template <class T>
struct Loops {
  // Output rows [r0, r1) (row = n·Ho + oh) of y = conv(x, w) (+ bias) (then ReLU).
  void (*forward_rows)(const Conv2dGeometry& g, const T* x, const T* w, const T* bias, bool relu,
                       T* y, int64_t r0, int64_t r1);
  // Over output pixels [m0, m1): dw (KH·KW·C × Cout) and db (Cout, may be null) are overwritten
  // with the sums of im2col(x)ᵀ·d and d, where d = grad, or grad masked by relu_y > 0 when
  // relu_y is not null (the layer's fused ReLU output).
  void (*filter_grad_range)(const Conv2dGeometry& g, const T* x, const T* grad, const T* relu_y,
                            T* dw, T* db, int64_t m0, int64_t m1);
  // Rows [m0, m1) of (M × Cout) matrices: d = grad where relu_y > 0, else 0; written to dy when
  // not null; db (may be null) is overwritten with the column sums of d over the rows.
  void (*relu_grad_rows)(int64_t Cout, const T* grad, const T* relu_y, T* dy, T* db, int64_t m0,
                         int64_t m1);
};

// The loops of the best ISA this CPU supports (or FASTTF_ISA forces).
template <class T>
const Loops<T>& loops();

namespace baseline {
template <class T> const Loops<T>& loops();
}
namespace avx2 {
template <class T> const Loops<T>& loops();
}
namespace avx512 {
template <class T> const Loops<T>& loops();
}

}  // namespace fasttf::kernels::conv_direct
