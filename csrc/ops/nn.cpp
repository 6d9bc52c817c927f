#include "ops/nn.h"

#include <numeric>

#include "autograd/grad_rules_nn.h"
#include "autograd/tape.h"
#include "kernels/elementwise.h"
#include "kernels/softmax.h"
#include "ops/creation.h"
#include "ops/elementwise.h"
#include "ops/shape.h"
#include "ops/util.h"

namespace fasttf::ops {
namespace {

void check_float(const Tensor& t, const char* op, const char* what) {
  if (t.dtype() != DType::Float32 && t.dtype() != DType::Float64)
    fail<TypeError>("[", op, "] ", what, " must be float32 or float64, got ",
                    dtype_name(t.dtype()));
}

Tensor softmax_impl(const Tensor& logits, int64_t axis_in, bool log) {
  const char* name = log ? "log_softmax" : "softmax";
  check_float(logits, name, "logits");
  const int rank = logits.ndim();
  if (rank == 0) fail("[", name, "] logits must have at least one dimension, got a scalar");
  const int axis = normalize_axis(axis_in, rank, name);
  int64_t outer = 1, inner = 1;
  for (int i = 0; i < rank; ++i)
    if (i < axis) outer *= logits.shape()[i];
    else if (i > axis) inner *= logits.shape()[i];
  Tensor out = Tensor::empty(logits.shape(), logits.dtype(), name);
  if (out.numel() > 0)
    kernels::softmax(logits.contiguous(), outer, logits.shape()[axis], inner, log, out);
  if (autograd::is_recording())
    autograd::record(log ? "LogSoftmax" : "Softmax", {&logits}, {&out},
                     autograd::rules::softmax(out, axis, log));
  return out;
}

// The permutation moving `axis` to the end.
std::vector<int64_t> axis_to_last(int rank, int axis) {
  std::vector<int64_t> perm;
  for (int i = 0; i < rank; ++i)
    if (i != axis) perm.push_back(i);
  perm.push_back(axis);
  return perm;
}

}  // namespace

Tensor softmax(const Tensor& logits, int64_t axis) { return softmax_impl(logits, axis, false); }
Tensor log_softmax(const Tensor& logits, int64_t axis) { return softmax_impl(logits, axis, true); }

Tensor softmax_cross_entropy_with_logits(const Tensor& labels, const Tensor& logits,
                                         int64_t axis_in) {
  const char* name = "softmax_cross_entropy_with_logits";
  check_float(logits, name, "logits");
  if (labels.dtype() != logits.dtype())
    fail<TypeError>("[", name, "] labels (", dtype_name(labels.dtype()), ") and logits (",
                    dtype_name(logits.dtype()), ") must have the same dtype");
  if (labels.shape() != logits.shape())
    fail("[", name, "] logits and labels must have the same shape, got logits ",
         shape_str(logits.shape()), " and labels ", shape_str(labels.shape()));
  const int rank = logits.ndim();
  if (rank == 0) fail("[", name, "] logits must have at least one dimension, got a scalar");
  const int axis = normalize_axis(axis_in, rank, name);
  if (axis != rank - 1) {  // move the class axis last (as TF does); transposes are recorded
    std::vector<int64_t> perm = axis_to_last(rank, axis);
    return softmax_cross_entropy_with_logits(transpose(labels, perm), transpose(logits, perm), -1);
  }
  Shape loss_shape(logits.shape().begin(), logits.shape().end() - 1);
  Tensor loss = Tensor::empty(loss_shape, logits.dtype(), name);
  Tensor backprop = Tensor::empty(logits.shape(), logits.dtype(), name);
  if (logits.numel() > 0)
    kernels::softmax_xent(logits.contiguous(), labels.contiguous(), loss, backprop);
  else if (loss.numel() > 0)
    kernels::fill(loss, 0.0);  // no classes: an empty sum
  if (autograd::is_recording())
    autograd::record("SoftmaxCrossEntropyWithLogits", {&labels, &logits}, {&loss},
                     autograd::rules::softmax_xent(labels, logits, backprop));
  return loss;
}

Tensor sparse_softmax_cross_entropy_with_logits(const Tensor& labels, const Tensor& logits) {
  const char* name = "sparse_softmax_cross_entropy_with_logits";
  check_float(logits, name, "logits");
  if (labels.dtype() != DType::Int32 && labels.dtype() != DType::Int64)
    fail<TypeError>("[", name, "] labels must be int32 or int64, got ", dtype_name(labels.dtype()));
  const int rank = logits.ndim();
  if (rank == 0) fail("[", name, "] logits must have at least one dimension, got a scalar");
  if (labels.ndim() != rank - 1)
    fail("[", name, "] rank mismatch: rank of labels (received ", labels.ndim(),
         ") should equal rank of logits minus 1 (received ", rank, ")");
  Shape loss_shape(logits.shape().begin(), logits.shape().end() - 1);
  if (labels.shape() != loss_shape)
    fail("[", name, "] shape mismatch: the shape of labels (received ", shape_str(labels.shape()),
         ") should equal the shape of logits except for the last dimension (received ",
         shape_str(logits.shape()), ")");
  const int64_t classes = logits.shape().back();
  Tensor label_values = labels.contiguous();
  const int64_t rows = label_values.numel();
  for (int64_t r = 0; r < rows; ++r) {
    int64_t v = labels.dtype() == DType::Int64 ? label_values.data<int64_t>()[r]
                                               : int64_t(label_values.data<int32_t>()[r]);
    if (v < 0 || v >= classes)
      fail("[", name, "] received a label value of ", v,
           " which is outside the valid range of [0, ", classes, ")");
  }
  Tensor loss = Tensor::empty(loss_shape, logits.dtype(), name);
  Tensor backprop = Tensor::empty(logits.shape(), logits.dtype(), name);
  if (rows > 0) kernels::sparse_softmax_xent(logits.contiguous(), label_values, loss, backprop);
  if (autograd::is_recording())
    autograd::record("SparseSoftmaxCrossEntropyWithLogits", {&logits}, {&loss},
                     autograd::rules::sparse_softmax_xent(label_values, logits, backprop));
  return loss;
}

Tensor leaky_relu(const Tensor& x, double alpha) {
  check_float(x, "leaky_relu", "features");
  // Three kernels, each recorded, so the gradient (1 where x > 0, else alpha) needs no rule.
  return where(greater(x, scalar(0.0, x.dtype())), x, mul_scalar(x, alpha));
}

}  // namespace fasttf::ops
