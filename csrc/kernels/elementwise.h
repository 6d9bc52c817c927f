// Elementwise kernels. The op layer (ops/elementwise.cpp) checks dtypes and shapes, broadcasts
// the inputs to views of the output's shape (stride 0 on broadcast dimensions) and allocates the
// output; these functions only loop.
#pragma once
#include "core/tensor.h"

namespace fasttf::kernels {

enum class BinaryOp {
  Add, Sub, Mul, Div, FloorDiv, FloorMod, Pow, Maximum, Minimum, SquaredDifference,
  Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual,
  LogicalAnd, LogicalOr, LogicalXor, BitwiseAnd, BitwiseOr, BitwiseXor,
  // gradient helpers
  ReluGrad, SigmoidGradFromOutput, TanhGradFromOutput, Atan2,
};

enum class UnaryOp {
  Neg, Abs, Sign, Square, Sqrt, Rsqrt, Exp, Expm1, Log, Log1p, Sin, Cos, Tan, Asin, Acos, Atan,
  Sinh, Cosh, Tanh, Asinh, Acosh, Atanh, Sigmoid, Floor, Ceil, Round, Reciprocal, Erf, Erfc,
  Relu, Relu6, Elu, Selu, Softplus, Softsign, Gelu, GeluTanh, Swish,
  IsNan, IsInf, IsFinite, LogicalNot, BitwiseNot,
};

// True for ops whose result is bool whatever the input dtype.
bool binary_returns_bool(BinaryOp op);
bool unary_returns_bool(UnaryOp op);
const char* binary_name(BinaryOp op);
const char* unary_name(UnaryOp op);

// out = op(a, b); a, b and out have the same shape (a and b may be broadcast views). Throws
// InvalidArgument for integer division by zero and integer negative powers.
void binary(BinaryOp op, const Tensor& a, const Tensor& b, const Tensor& out);
void unary(UnaryOp op, const Tensor& x, const Tensor& out);
// out = x with every element set to value (converted to out's dtype).
void fill(const Tensor& out, double value);
// out = where(cond, a, b) elementwise (all the same shape; views allowed).
void select(const Tensor& cond, const Tensor& a, const Tensor& b, const Tensor& out);
// out = clip(x, lo, hi) elementwise.
void clip(const Tensor& x, const Tensor& lo, const Tensor& hi, const Tensor& out);

}  // namespace fasttf::kernels
