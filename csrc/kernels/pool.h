// 2-D max and average pooling on NHWC buffers (contiguous). The op layer (ops/pool.cpp)
// validates and computes the geometry; windows are never empty (padding < window size).
#pragma once
#include <cstdint>

namespace fasttf::kernels {

struct Pool2dGeometry {
  int64_t N = 0, H = 0, W = 0, C = 0;
  int64_t KH = 1, KW = 1;
  int64_t stride_h = 1, stride_w = 1;
  int64_t pad_top = 0, pad_left = 0;
  int64_t Ho = 0, Wo = 0;
};

// y = max over each window (padding never wins).
template <class T> void max_pool2d_forward(const Pool2dGeometry& g, const T* x, T* y);
// y = mean over the valid (unpadded) elements of each window, as TF.
template <class T> void avg_pool2d_forward(const Pool2dGeometry& g, const T* x, T* y);
// dx = dy routed to the first maximum of each window (TF's tie rule); y is the forward output,
// so the search is a vectorisable comparison rather than a second max reduction.
template <class T>
void max_pool2d_backward(const Pool2dGeometry& g, const T* x, const T* y, const T* dy, T* dx);
// dx = dy / count spread over each window's valid elements.
template <class T> void avg_pool2d_backward(const Pool2dGeometry& g, const T* dy, T* dx);

}  // namespace fasttf::kernels
