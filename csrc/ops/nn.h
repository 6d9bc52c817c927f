// Neural-network ops with dedicated kernels (tf.nn): softmax, log_softmax and the fused
// softmax cross-entropies; leaky_relu composed from elementwise ops. Float32/float64 only.
#pragma once
#include "core/tensor.h"

namespace fasttf::ops {

// tf.nn.softmax / tf.nn.log_softmax along `axis` (rank >= 1).
Tensor softmax(const Tensor& logits, int64_t axis = -1);
Tensor log_softmax(const Tensor& logits, int64_t axis = -1);
// tf.nn.softmax_cross_entropy_with_logits: labels and logits of one shape and dtype; the loss
// has the class axis removed. Differentiable in both labels and logits.
Tensor softmax_cross_entropy_with_logits(const Tensor& labels, const Tensor& logits,
                                         int64_t axis = -1);
// tf.nn.sparse_softmax_cross_entropy_with_logits: int32/int64 labels of shape logits[:-1],
// each in [0, classes) (InvalidArgument otherwise, as TF on CPU).
Tensor sparse_softmax_cross_entropy_with_logits(const Tensor& labels, const Tensor& logits);
// tf.nn.leaky_relu: x > 0 ? x : alpha * x.
Tensor leaky_relu(const Tensor& x, double alpha = 0.2);

}  // namespace fasttf::ops
