#include "ops/elementwise.h"

#include "autograd/grad_rules.h"
#include "autograd/tape.h"
#include "ops/creation.h"
#include "ops/util.h"

namespace fasttf::ops {

static void check_same_dtype(const Tensor& a, const Tensor& b, const char* op) {
  if (a.dtype() != b.dtype())  // TF's kernels: InvalidArgumentError (Python: also a TypeError)
    fail<TypeError>("[", op, "] cannot compute ", op, " of a ", dtype_name(a.dtype()), " tensor and a ",
         dtype_name(b.dtype()), " tensor: both operands must have the same dtype (shapes ",
         shape_str(a.shape()), " and ", shape_str(b.shape()), ")");
}

Tensor binary(BinaryOp op, const Tensor& a, const Tensor& b) {
  const char* name = kernels::binary_name(op);
  check_same_dtype(a, b, name);
  Shape shape = a.shape() == b.shape() ? a.shape() : broadcast_shapes(a.shape(), b.shape(), name);
  DType out_dtype = kernels::binary_returns_bool(op) ? DType::Bool : a.dtype();
  Tensor out = Tensor::empty(shape, out_dtype, name);
  kernels::binary(op, broadcast_view(a, shape), broadcast_view(b, shape), out);
  if (autograd::is_recording() && autograd::differentiable(out_dtype)) {
    if (auto fn = autograd::rules::binary(op, a, b, out))
      autograd::record(name, {&a, &b}, {&out}, std::move(fn));
  }
  return out;
}

Tensor unary(UnaryOp op, const Tensor& x) {
  const char* name = kernels::unary_name(op);
  if (op == UnaryOp::Neg && x.dtype() == DType::UInt8)  // TF's Neg has no unsigned kernel
    fail<TypeError>("[", name, "] not supported for dtype uint8");
  DType out_dtype = kernels::unary_returns_bool(op) ? DType::Bool : x.dtype();
  Tensor out = Tensor::empty(x.shape(), out_dtype, name);
  kernels::unary(op, x, out);
  if (autograd::is_recording() && autograd::differentiable(out_dtype)) {
    if (auto fn = autograd::rules::unary(op, x, out))
      autograd::record(name, {&x}, {&out}, std::move(fn));
  }
  return out;
}

Tensor add(const Tensor& a, const Tensor& b) { return binary(BinaryOp::Add, a, b); }
Tensor sub(const Tensor& a, const Tensor& b) { return binary(BinaryOp::Sub, a, b); }
Tensor mul(const Tensor& a, const Tensor& b) { return binary(BinaryOp::Mul, a, b); }
Tensor div(const Tensor& a, const Tensor& b) { return binary(BinaryOp::Div, a, b); }
Tensor pow(const Tensor& a, const Tensor& b) { return binary(BinaryOp::Pow, a, b); }
Tensor maximum(const Tensor& a, const Tensor& b) { return binary(BinaryOp::Maximum, a, b); }
Tensor minimum(const Tensor& a, const Tensor& b) { return binary(BinaryOp::Minimum, a, b); }
Tensor equal(const Tensor& a, const Tensor& b) { return binary(BinaryOp::Equal, a, b); }
Tensor greater(const Tensor& a, const Tensor& b) { return binary(BinaryOp::Greater, a, b); }
Tensor greater_equal(const Tensor& a, const Tensor& b) { return binary(BinaryOp::GreaterEqual, a, b); }
Tensor less(const Tensor& a, const Tensor& b) { return binary(BinaryOp::Less, a, b); }
Tensor less_equal(const Tensor& a, const Tensor& b) { return binary(BinaryOp::LessEqual, a, b); }
Tensor logical_and(const Tensor& a, const Tensor& b) { return binary(BinaryOp::LogicalAnd, a, b); }

Tensor truediv(const Tensor& a, const Tensor& b) {
  check_same_dtype(a, b, "truediv");
  DType d = a.dtype();
  if (d == DType::Bool) fail<TypeError>("[truediv] not supported for dtype bool");
  if (is_integer(d)) {
    // TF: 8/16-bit integers divide in float32, 32/64-bit in float64.
    DType f = (d == DType::Int32 || d == DType::Int64) ? DType::Float64 : DType::Float32;
    return div(cast(a, f), cast(b, f));
  }
  return div(a, b);
}

Tensor neg(const Tensor& x) { return unary(UnaryOp::Neg, x); }
Tensor exp(const Tensor& x) { return unary(UnaryOp::Exp, x); }
Tensor log(const Tensor& x) { return unary(UnaryOp::Log, x); }
Tensor square(const Tensor& x) { return unary(UnaryOp::Square, x); }
Tensor sqrt(const Tensor& x) { return unary(UnaryOp::Sqrt, x); }
Tensor sign(const Tensor& x) { return unary(UnaryOp::Sign, x); }
Tensor relu(const Tensor& x) { return unary(UnaryOp::Relu, x); }
Tensor sigmoid(const Tensor& x) { return unary(UnaryOp::Sigmoid, x); }
Tensor tanh(const Tensor& x) { return unary(UnaryOp::Tanh, x); }

Tensor add_scalar(const Tensor& x, double value) { return add(x, scalar(value, x.dtype())); }
Tensor mul_scalar(const Tensor& x, double value) { return mul(x, scalar(value, x.dtype())); }

Tensor where(const Tensor& cond, const Tensor& a, const Tensor& b) {
  if (cond.dtype() != DType::Bool)
    fail<TypeError>("[where] condition must be a bool tensor, got ", dtype_name(cond.dtype()));
  check_same_dtype(a, b, "where");
  Shape shape = broadcast_shapes(broadcast_shapes(cond.shape(), a.shape(), "where"), b.shape(),
                                 "where");
  Tensor out = Tensor::empty(shape, a.dtype(), "where");
  kernels::select(broadcast_view(cond, shape), broadcast_view(a, shape), broadcast_view(b, shape),
                  out);
  if (autograd::is_recording() && autograd::differentiable(out.dtype()))
    autograd::record("Select", {&cond, &a, &b}, {&out}, autograd::rules::where(cond));
  return out;
}

Tensor clip_by_value(const Tensor& x, const Tensor& lo, const Tensor& hi) {
  check_same_dtype(x, lo, "clip_by_value");
  check_same_dtype(x, hi, "clip_by_value");
  Shape shape = broadcast_shapes(broadcast_shapes(x.shape(), lo.shape(), "clip_by_value"),
                                 hi.shape(), "clip_by_value");
  if (shape != x.shape())
    fail("[clip_by_value] clip bounds of shapes ", shape_str(lo.shape()), " and ",
         shape_str(hi.shape()), " must broadcast to the shape of t ", shape_str(x.shape()));
  Tensor out = Tensor::empty(shape, x.dtype(), "clip_by_value");
  kernels::clip(x, broadcast_view(lo, shape), broadcast_view(hi, shape), out);
  if (autograd::is_recording() && autograd::differentiable(out.dtype()))
    autograd::record("ClipByValue", {&x, &lo, &hi}, {&out}, autograd::rules::clip(x, lo, hi));
  return out;
}

}  // namespace fasttf::ops
