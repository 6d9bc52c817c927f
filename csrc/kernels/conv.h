// 2-D convolution kernels on TF's layouts: activations NHWC, filters HWIO (so a filter is already
// the (KH·KW·C)×Cout row-major matrix of an im2col GEMM). The op layer (ops/conv.cpp) validates
// shapes and computes the geometry; these functions take contiguous buffers and only compute.
// Every kernel is bitwise deterministic for any thread count: work is split into blocks whose
// boundaries depend only on the problem size, and partial sums are combined in block order.
#pragma once
#include <cstdint>

namespace fasttf::kernels {

struct Conv2dGeometry {
  int64_t N = 0, H = 0, W = 0, C = 0;   // input (N, H, W, C)
  int64_t KH = 0, KW = 0, Cout = 0;     // filter (KH, KW, C, Cout); depthwise: Cout = multiplier
  int64_t stride_h = 1, stride_w = 1;
  int64_t dilation_h = 1, dilation_w = 1;
  int64_t pad_top = 0, pad_left = 0;    // may be negative (input gradient run as a convolution)
  int64_t Ho = 0, Wo = 0;               // output spatial size
};

// y (N, Ho, Wo, Cout) = conv(x, w) (+ bias[Cout]) (then ReLU when relu).
template <class T>
void conv2d_forward(const Conv2dGeometry& g, const T* x, const T* w, const T* bias, bool relu,
                    T* y);
// dw (KH, KW, C, Cout) = im2col(x)ᵀ · dy.
template <class T>
void conv2d_backward_filter(const Conv2dGeometry& g, const T* x, const T* dy, T* dw);
// The gradients of y = conv(x, w) (+ bias) (then ReLU) from grad = dL/dy, reading grad once
// where possible. relu_y: the output y when ReLU was fused (grad is masked by y > 0), else
// null. dw (filter gradient) and db (bias gradient) may be null when not wanted; dy, when not
// null, receives the masked gradient (for the input gradient).
template <class T>
void conv2d_backward_filter_bias(const Conv2dGeometry& g, const T* x, const T* grad,
                                 const T* relu_y, T* dw, T* db, T* dy);
// dx (N, H, W, C) = col2im(dy · wᵀ).
template <class T>
void conv2d_backward_input(const Conv2dGeometry& g, const T* dy, const T* w, T* dx);

// Depthwise: filter (KH, KW, C, M), output channel c*M + m sees only input channel c.
template <class T>
void depthwise_conv2d_forward(const Conv2dGeometry& g, const T* x, const T* w, T* y);
template <class T>
void depthwise_conv2d_backward_input(const Conv2dGeometry& g, const T* dy, const T* w, T* dx);
template <class T>
void depthwise_conv2d_backward_filter(const Conv2dGeometry& g, const T* x, const T* dy, T* dw);

}  // namespace fasttf::kernels
