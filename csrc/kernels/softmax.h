// Softmax, log-softmax and the fused softmax cross-entropy kernels (float32/float64). The op
// layer (ops/nn.cpp) validates shapes and labels and hands over contiguous tensors; these
// functions only loop. Each row is handled by one thread in a fixed order, so results are
// bitwise identical for any thread count. Rows are shifted by their maximum, so logits of
// +-1000 neither overflow nor underflow.
#pragma once
#include "core/tensor.h"

namespace fasttf::kernels {

// x and out contiguous, logically [outer, n, inner]; (log-)softmax along the middle axis.
void softmax(const Tensor& x, int64_t outer, int64_t n, int64_t inner, bool log_softmax,
             const Tensor& out);

// logits, labels, backprop contiguous [rows, n]; loss contiguous [rows].
// loss[r] = sum_i labels[r,i] * (logsumexp(logits[r]) - logits[r,i]);
// backprop[r,i] = softmax(logits[r])_i - labels[r,i]. One pass over each row's data.
void softmax_xent(const Tensor& logits, const Tensor& labels, const Tensor& loss,
                  const Tensor& backprop);

// labels contiguous int32/int64 [rows], every value already checked to lie in [0, n).
// loss[r] = logsumexp(logits[r]) - logits[r, labels[r]]; backprop = softmax - one_hot(labels).
void sparse_softmax_xent(const Tensor& logits, const Tensor& labels, const Tensor& loss,
                         const Tensor& backprop);

}  // namespace fasttf::kernels
