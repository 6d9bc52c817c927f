// Gradient rules of the nn ops with dedicated kernels (ops/nn.h) and of the scans
// (ops/reduce.h), written with public ops so that they are differentiable again.
#pragma once
#include "autograd/tape.h"

namespace fasttf::autograd::rules {

// y is the op's output; `axis` already normalised.
GradFn softmax(const Tensor& y, int axis, bool log_softmax);
// Class axis last. `backprop` is the kernel's softmax - labels, used when no outer tape records
// the backward pass; under an outer tape the rule recomputes it with recorded ops.
GradFn softmax_xent(const Tensor& labels, const Tensor& logits, const Tensor& backprop);
GradFn sparse_softmax_xent(const Tensor& labels, const Tensor& logits, const Tensor& backprop);
// ops::dense; relu_output is the op's output when it applied ReLU (undefined otherwise).
GradFn dense(const Tensor& x, const Tensor& kernel, bool has_bias, const Tensor& relu_output);
GradFn cumsum(int64_t axis, bool exclusive, bool reverse);
GradFn cumprod(const Tensor& x, const Tensor& out, int64_t axis, bool exclusive, bool reverse);

}  // namespace fasttf::autograd::rules
