#include "kernels/elementwise.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <type_traits>

#include "kernels/elementwise_functors.h"
#include "kernels/elementwise_vec.h"
#include "kernels/loops.h"

namespace fasttf::kernels {
namespace {

constexpr int64_t kElementwiseGrain = 1 << 15;

// Applies f(a, b) -> R over three operands of one shape. The contiguous cases are written out
// so the compiler vectorises them.
template <class A, class B, class R, class F>
void binary_loop(const Tensor& a, const Tensor& b, const Tensor& out, const F& f) {
  std::array<char*, 3> base{static_cast<char*>(out.raw_data()), static_cast<char*>(a.raw_data()),
                            static_cast<char*>(b.raw_data())};
  constexpr int64_t sr = sizeof(R), sa = sizeof(A), sb = sizeof(B);
  for_each_run<3>(out.shape(), base, {out.strides().data(), a.strides().data(), b.strides().data()},
                  {sr, sa, sb}, kElementwiseGrain,
                  [&](std::array<char*, 3> p, std::array<int64_t, 3> s, int64_t n) {
                    R* o = reinterpret_cast<R*>(p[0]);
                    const A* x = reinterpret_cast<const A*>(p[1]);
                    const B* y = reinterpret_cast<const B*>(p[2]);
                    if (s[0] == sr && s[1] == sa && s[2] == sb) {
                      for (int64_t i = 0; i < n; ++i) o[i] = f(x[i], y[i]);
                    } else if (s[0] == sr && s[1] == 0 && s[2] == sb) {
                      const A xv = x[0];
                      for (int64_t i = 0; i < n; ++i) o[i] = f(xv, y[i]);
                    } else if (s[0] == sr && s[1] == sa && s[2] == 0) {
                      const B yv = y[0];
                      for (int64_t i = 0; i < n; ++i) o[i] = f(x[i], yv);
                    } else {
                      for (int64_t i = 0; i < n; ++i)
                        *reinterpret_cast<R*>(p[0] + i * s[0]) =
                            f(*reinterpret_cast<const A*>(p[1] + i * s[1]),
                              *reinterpret_cast<const B*>(p[2] + i * s[2]));
                    }
                  });
}

template <class A, class R, class F>
void unary_loop(const Tensor& x, const Tensor& out, const F& f) {
  std::array<char*, 2> base{static_cast<char*>(out.raw_data()), static_cast<char*>(x.raw_data())};
  constexpr int64_t sr = sizeof(R), sa = sizeof(A);
  for_each_run<2>(out.shape(), base, {out.strides().data(), x.strides().data()}, {sr, sa},
                  kElementwiseGrain,
                  [&](std::array<char*, 2> p, std::array<int64_t, 2> s, int64_t n) {
                    R* o = reinterpret_cast<R*>(p[0]);
                    const A* in = reinterpret_cast<const A*>(p[1]);
                    if (s[0] == sr && s[1] == sa) {
                      for (int64_t i = 0; i < n; ++i) o[i] = f(in[i]);
                    } else {
                      for (int64_t i = 0; i < n; ++i)
                        *reinterpret_cast<R*>(p[0] + i * s[0]) =
                            f(*reinterpret_cast<const A*>(p[1] + i * s[1]));
                    }
                  });
}

// Wraps a compute-type functor for storage type T: half types convert to float and back.
template <class T, class R, class F>
auto on_storage(const F& f) {
  return [f](T x, T y) -> R {
    using C = compute_t<T>;
    if constexpr (std::is_same_v<R, bool>) return f(C(x), C(y));
    else return R(f(C(x), C(y)));
  };
}
template <class T, class R, class F>
auto on_storage_unary(const F& f) {
  return [f](T x) -> R {
    using C = compute_t<T>;
    if constexpr (std::is_same_v<R, bool>) return f(C(x));
    else return R(f(C(x)));
  };
}

template <class T>
bool any_zero(const Tensor& t) {
  bool found = false;
  unary_loop<T, T>(t, Tensor::empty(t.shape(), t.dtype()), [&](T v) {
    if (v == T(0)) found = true;
    return v;
  });
  return found;
}

template <class T>
void binary_typed(BinaryOp op, const Tensor& a, const Tensor& b, const Tensor& out) {
  using C = compute_t<T>;
  constexpr bool is_int = std::is_integral_v<T>;
  auto arith = [&](auto f) { binary_loop<T, T, T>(a, b, out, on_storage<T, T>(f)); };
  auto compare = [&](auto f) { binary_loop<T, T, bool>(a, b, out, on_storage<T, bool>(f)); };
  switch (op) {
    case BinaryOp::Add: return arith([](C x, C y) { return C(x + y); });
    case BinaryOp::Sub: return arith([](C x, C y) { return C(x - y); });
    case BinaryOp::Mul: return arith([](C x, C y) { return C(x * y); });
    case BinaryOp::Div:
      if constexpr (is_int) {
        if (any_zero<T>(b)) fail("[div] integer division by zero");
        return arith([](C x, C y) { return C(x / y); });
      } else {
        return arith([](C x, C y) { return C(x / y); });
      }
    case BinaryOp::FloorDiv:
      if constexpr (is_int) if (any_zero<T>(b)) fail("[floordiv] integer division by zero");
      return arith([](C x, C y) { return fn::floor_div(x, y); });
    case BinaryOp::FloorMod:
      if constexpr (is_int) if (any_zero<T>(b)) fail("[floormod] integer division by zero");
      return arith([](C x, C y) { return fn::floor_mod(x, y); });
    case BinaryOp::Pow:
      if constexpr (is_int) {
        if constexpr (std::is_signed_v<T>) {
          bool negative = false;
          unary_loop<T, T>(b, Tensor::empty(b.shape(), b.dtype()), [&](T v) {
            if (v < 0) negative = true;
            return v;
          });
          if (negative) fail("[pow] integers to negative integer powers are not allowed");
        }
        return arith([](C x, C y) { return fn::int_pow(x, y); });
      } else {
        return arith([](C x, C y) { return C(std::pow(x, y)); });
      }
    case BinaryOp::Maximum: return arith([](C x, C y) { return fn::maximum(x, y); });
    case BinaryOp::Minimum: return arith([](C x, C y) { return fn::minimum(x, y); });
    case BinaryOp::SquaredDifference: return arith([](C x, C y) { return C((x - y) * (x - y)); });
    case BinaryOp::Equal: return compare([](C x, C y) { return x == y; });
    case BinaryOp::NotEqual: return compare([](C x, C y) { return x != y; });
    case BinaryOp::Less: return compare([](C x, C y) { return x < y; });
    case BinaryOp::LessEqual: return compare([](C x, C y) { return x <= y; });
    case BinaryOp::Greater: return compare([](C x, C y) { return x > y; });
    case BinaryOp::GreaterEqual: return compare([](C x, C y) { return x >= y; });
    case BinaryOp::LogicalAnd: return compare([](C x, C y) { return bool(x) && bool(y); });
    case BinaryOp::LogicalOr: return compare([](C x, C y) { return bool(x) || bool(y); });
    case BinaryOp::LogicalXor: return compare([](C x, C y) { return bool(x) != bool(y); });
    case BinaryOp::BitwiseAnd:
    case BinaryOp::BitwiseOr:
    case BinaryOp::BitwiseXor:
      if constexpr (is_int) {
        if (op == BinaryOp::BitwiseAnd) return arith([](C x, C y) { return C(x & y); });
        if (op == BinaryOp::BitwiseOr) return arith([](C x, C y) { return C(x | y); });
        return arith([](C x, C y) { return C(x ^ y); });
      }
      break;
    case BinaryOp::ReluGrad:  // a = upstream gradient, b = relu input
      return arith([](C g, C x) { return x > C(0) ? g : C(0); });
    case BinaryOp::SigmoidGradFromOutput:  // a = upstream gradient, b = sigmoid output
      return arith([](C g, C y) { return C(g * y * (C(1) - y)); });
    case BinaryOp::TanhGradFromOutput:
      return arith([](C g, C y) { return C(g * (C(1) - y * y)); });
    case BinaryOp::Atan2:
      if constexpr (!is_int) return arith([](C y, C x) { return C(std::atan2(y, x)); });
      break;
  }
  fail<TypeError>("[", binary_name(op), "] not supported for dtype ", dtype_name(a.dtype()));
}

// The float32 transcendental ops whose contiguous case runs the vectorised kernels of
// elementwise_vec.h (the strided case keeps the scalar functors).
bool vec_unary_of(UnaryOp op, VecUnary* vop) {
  switch (op) {
    case UnaryOp::Exp: *vop = VecUnary::Exp; return true;
    case UnaryOp::Expm1: *vop = VecUnary::Expm1; return true;
    case UnaryOp::Log: *vop = VecUnary::Log; return true;
    case UnaryOp::Log1p: *vop = VecUnary::Log1p; return true;
    case UnaryOp::Tanh: *vop = VecUnary::Tanh; return true;
    case UnaryOp::Sigmoid: *vop = VecUnary::Sigmoid; return true;
    case UnaryOp::Erf: *vop = VecUnary::Erf; return true;
    case UnaryOp::Gelu: *vop = VecUnary::Gelu; return true;
    case UnaryOp::Elu: *vop = VecUnary::Elu; return true;
    case UnaryOp::Selu: *vop = VecUnary::Selu; return true;
    case UnaryOp::Softplus: *vop = VecUnary::Softplus; return true;
    case UnaryOp::Swish: *vop = VecUnary::Swish; return true;
    default: return false;
  }
}

// A vectorised float op over views (a gate's columns of an LSTM block, a transposed tensor):
// contiguous runs go straight to the vector loop, strided ones through a small buffer (the
// scalar functors took ~20x longer than the vector loop on a (64, 64) column slice).
void vec_unary_strided_f32(VecUnary vop, const Tensor& x, const Tensor& out) {
  std::array<char*, 2> base{static_cast<char*>(out.raw_data()), static_cast<char*>(x.raw_data())};
  constexpr int64_t f = sizeof(float);
  for_each_run<2>(out.shape(), base, {out.strides().data(), x.strides().data()}, {f, f},
                  kElementwiseGrain / 4,
                  [&](std::array<char*, 2> p, std::array<int64_t, 2> s, int64_t n) {
                    if (s[0] == f && s[1] == f) {
                      vec_unary_f32(vop, reinterpret_cast<const float*>(p[1]),
                                    reinterpret_cast<float*>(p[0]), n);
                      return;
                    }
                    constexpr int64_t kBuffer = 256;
                    alignas(64) float in[kBuffer];
                    for (int64_t i0 = 0; i0 < n; i0 += kBuffer) {
                      const int64_t m = std::min(kBuffer, n - i0);
                      for (int64_t i = 0; i < m; ++i)
                        in[i] = *reinterpret_cast<const float*>(p[1] + (i0 + i) * s[1]);
                      vec_unary_f32(vop, in, in, m);
                      for (int64_t i = 0; i < m; ++i)
                        *reinterpret_cast<float*>(p[0] + (i0 + i) * s[0]) = in[i];
                    }
                  });
}

template <class T>
void unary_typed(UnaryOp op, const Tensor& x, const Tensor& out) {
  using C = compute_t<T>;
  if constexpr (std::is_same_v<T, float>) {
    VecUnary vop;
    if (vec_unary_of(op, &vop) && x.is_contiguous() && out.is_contiguous() &&
        x.numel() == out.numel()) {
      const float* in = x.data<float>();
      float* o = out.data<float>();
      parallel_for(out.numel(), kElementwiseGrain / 4,
                   [&](int64_t b, int64_t e) { vec_unary_f32(vop, in + b, o + b, e - b); });
      return;
    }
    if (vec_unary_of(op, &vop) && x.numel() == out.numel()) {
      vec_unary_strided_f32(vop, x, out);
      return;
    }
  }
  constexpr bool is_float = !std::is_integral_v<T>;
  auto apply = [&](auto f) { unary_loop<T, T>(x, out, on_storage_unary<T, T>(f)); };
  auto predicate = [&](auto f) { unary_loop<T, bool>(x, out, on_storage_unary<T, bool>(f)); };
  switch (op) {
    case UnaryOp::Neg: return apply([](C v) { return C(-v); });
    case UnaryOp::Abs: return apply([](C v) { return fn::abs_value(v); });
    case UnaryOp::Sign: return apply([](C v) { return fn::sign(v); });
    case UnaryOp::Square: return apply([](C v) { return C(v * v); });
    case UnaryOp::IsNan:
      return predicate([](C v) { if constexpr (is_float) return std::isnan(v); else return (void)v, false; });
    case UnaryOp::IsInf:
      return predicate([](C v) { if constexpr (is_float) return std::isinf(v); else return (void)v, false; });
    case UnaryOp::IsFinite:
      return predicate([](C v) { if constexpr (is_float) return std::isfinite(v); else return (void)v, true; });
    case UnaryOp::LogicalNot: return predicate([](C v) { return !bool(v); });
    case UnaryOp::BitwiseNot:
      if constexpr (!is_float) return apply([](C v) { return C(~v); });
      break;
    // Written so that NaN passes through (comparisons with NaN are false), as TF's relu.
    case UnaryOp::Relu: return apply([](C v) { return v < C(0) ? C(0) : v; });
    case UnaryOp::Relu6: return apply([](C v) { return v < C(0) ? C(0) : (v > C(6) ? C(6) : v); });
    default: break;
  }
  if constexpr (is_float) {
    switch (op) {
      case UnaryOp::Sqrt: return apply([](C v) { return std::sqrt(v); });
      case UnaryOp::Rsqrt: return apply([](C v) { return C(1) / std::sqrt(v); });
      case UnaryOp::Exp: return apply([](C v) { return std::exp(v); });
      case UnaryOp::Expm1: return apply([](C v) { return std::expm1(v); });
      case UnaryOp::Log: return apply([](C v) { return std::log(v); });
      case UnaryOp::Log1p: return apply([](C v) { return std::log1p(v); });
      case UnaryOp::Sin: return apply([](C v) { return std::sin(v); });
      case UnaryOp::Cos: return apply([](C v) { return std::cos(v); });
      case UnaryOp::Tan: return apply([](C v) { return std::tan(v); });
      case UnaryOp::Asin: return apply([](C v) { return std::asin(v); });
      case UnaryOp::Acos: return apply([](C v) { return std::acos(v); });
      case UnaryOp::Atan: return apply([](C v) { return std::atan(v); });
      case UnaryOp::Sinh: return apply([](C v) { return std::sinh(v); });
      case UnaryOp::Cosh: return apply([](C v) { return std::cosh(v); });
      case UnaryOp::Tanh: return apply([](C v) { return fn::tanh(v); });
      case UnaryOp::Asinh: return apply([](C v) { return std::asinh(v); });
      case UnaryOp::Acosh: return apply([](C v) { return std::acosh(v); });
      case UnaryOp::Atanh: return apply([](C v) { return std::atanh(v); });
      case UnaryOp::Sigmoid: return apply([](C v) { return fn::sigmoid(v); });
      case UnaryOp::Floor: return apply([](C v) { return std::floor(v); });
      case UnaryOp::Ceil: return apply([](C v) { return std::ceil(v); });
      case UnaryOp::Round: return apply([](C v) { return fn::round_half_even(v); });
      case UnaryOp::Reciprocal: return apply([](C v) { return C(1) / v; });
      case UnaryOp::Erf: return apply([](C v) { return std::erf(v); });
      case UnaryOp::Erfc: return apply([](C v) { return std::erfc(v); });
      case UnaryOp::Elu: return apply([](C v) { return v > C(0) ? v : std::expm1(v); });
      case UnaryOp::Selu:
        return apply([](C v) {
          return C(fn::kSeluScale) * (v > C(0) ? v : C(fn::kSeluAlpha) * std::expm1(v));
        });
      case UnaryOp::Softplus: return apply([](C v) { return fn::softplus(v); });
      case UnaryOp::Softsign: return apply([](C v) { return v / (C(1) + std::fabs(v)); });
      case UnaryOp::Gelu:
        return apply([](C v) { return C(0.5) * v * (C(1) + std::erf(v * C(0.70710678118654752440))); });
      case UnaryOp::GeluTanh:
        return apply([](C v) {
          return C(0.5) * v *
                 (C(1) + std::tanh(C(0.79788456080286535588) * (v + C(0.044715) * v * v * v)));
        });
      case UnaryOp::Swish: return apply([](C v) { return v * fn::sigmoid(v); });
      default: break;
    }
  }
  fail<TypeError>("[", unary_name(op), "] not supported for dtype ", dtype_name(x.dtype()));
}

}  // namespace

bool binary_returns_bool(BinaryOp op) {
  switch (op) {
    case BinaryOp::Equal: case BinaryOp::NotEqual: case BinaryOp::Less:
    case BinaryOp::LessEqual: case BinaryOp::Greater: case BinaryOp::GreaterEqual:
    case BinaryOp::LogicalAnd: case BinaryOp::LogicalOr: case BinaryOp::LogicalXor:
      return true;
    default:
      return false;
  }
}

bool unary_returns_bool(UnaryOp op) {
  return op == UnaryOp::IsNan || op == UnaryOp::IsInf || op == UnaryOp::IsFinite ||
         op == UnaryOp::LogicalNot;
}

const char* binary_name(BinaryOp op) {
  static const char* names[] = {
      "add", "sub", "mul", "div", "floordiv", "floormod", "pow", "maximum", "minimum",
      "squared_difference", "equal", "not_equal", "less", "less_equal", "greater",
      "greater_equal", "logical_and", "logical_or", "logical_xor", "bitwise_and", "bitwise_or",
      "bitwise_xor", "relu_grad", "sigmoid_grad", "tanh_grad", "atan2"};
  return names[int(op)];
}

const char* unary_name(UnaryOp op) {
  static const char* names[] = {
      "negative", "abs", "sign", "square", "sqrt", "rsqrt", "exp", "expm1", "log", "log1p",
      "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh",
      "atanh", "sigmoid", "floor", "ceil", "round", "reciprocal", "erf", "erfc", "relu", "relu6",
      "elu", "selu", "softplus", "softsign", "gelu", "gelu_tanh", "swish", "is_nan", "is_inf",
      "is_finite", "logical_not", "bitwise_not"};
  return names[int(op)];
}

void binary(BinaryOp op, const Tensor& a, const Tensor& b, const Tensor& out) {
  FASTTF_DISPATCH_ALL(a.dtype(), binary_name(op), [&](auto tag) {
    using T = decltype(tag);
    if constexpr (std::is_same_v<T, bool>) {
      // bool supports only comparisons and logic; route them through uint8 semantics.
      switch (op) {
        case BinaryOp::Equal: case BinaryOp::NotEqual: case BinaryOp::LogicalAnd:
        case BinaryOp::LogicalOr: case BinaryOp::LogicalXor:
          return binary_typed<uint8_t>(op, a, b, out);
        default:
          fail<TypeError>("[", binary_name(op), "] not supported for dtype bool");
      }
    } else {
      binary_typed<T>(op, a, b, out);
    }
  });
}

void unary(UnaryOp op, const Tensor& x, const Tensor& out) {
  FASTTF_DISPATCH_ALL(x.dtype(), unary_name(op), [&](auto tag) {
    using T = decltype(tag);
    if constexpr (std::is_same_v<T, bool>) {
      if (op == UnaryOp::LogicalNot) return unary_typed<uint8_t>(op, x, out);
      fail<TypeError>("[", unary_name(op), "] not supported for dtype bool");
    } else {
      unary_typed<T>(op, x, out);
    }
  });
}

void fill(const Tensor& out, double value) {
  FASTTF_DISPATCH_ALL(out.dtype(), "fill", [&](auto tag) {
    using T = decltype(tag);
    T v;
    if constexpr (std::is_same_v<T, bool>) v = value != 0;
    else v = T(static_cast<compute_t<T>>(value));
    T* p = out.data<T>();
    parallel_for(out.numel(), kElementwiseGrain, [&](int64_t b, int64_t e) {
      for (int64_t i = b; i < e; ++i) p[i] = v;
    });
  });
}

void select(const Tensor& cond, const Tensor& a, const Tensor& b, const Tensor& out) {
  const int64_t isz = int64_t(out.itemsize());
  std::array<char*, 4> base{static_cast<char*>(out.raw_data()), static_cast<char*>(cond.raw_data()),
                            static_cast<char*>(a.raw_data()), static_cast<char*>(b.raw_data())};
  for_each_run<4>(out.shape(), base,
                  {out.strides().data(), cond.strides().data(), a.strides().data(),
                   b.strides().data()},
                  {isz, 1, isz, isz}, kElementwiseGrain,
                  [&](std::array<char*, 4> p, std::array<int64_t, 4> s, int64_t n) {
                    for (int64_t i = 0; i < n; ++i) {
                      const char* src = *reinterpret_cast<const bool*>(p[1] + i * s[1])
                                            ? p[2] + i * s[2] : p[3] + i * s[3];
                      std::memcpy(p[0] + i * s[0], src, size_t(isz));
                    }
                  });
}

void clip(const Tensor& x, const Tensor& lo, const Tensor& hi, const Tensor& out) {
  FASTTF_DISPATCH_ALL(x.dtype(), "clip_by_value", [&](auto tag) {
    using T = decltype(tag);
    using C = compute_t<T>;
    constexpr int64_t s = sizeof(T);
    std::array<char*, 4> base{static_cast<char*>(out.raw_data()), static_cast<char*>(x.raw_data()),
                              static_cast<char*>(lo.raw_data()), static_cast<char*>(hi.raw_data())};
    for_each_run<4>(out.shape(), base,
                    {out.strides().data(), x.strides().data(), lo.strides().data(),
                     hi.strides().data()},
                    {s, s, s, s}, kElementwiseGrain,
                    [&](std::array<char*, 4> p, std::array<int64_t, 4> st, int64_t n) {
                      for (int64_t i = 0; i < n; ++i) {
                        C v = C(*reinterpret_cast<const T*>(p[1] + i * st[1]));
                        C l = C(*reinterpret_cast<const T*>(p[2] + i * st[2]));
                        C h = C(*reinterpret_cast<const T*>(p[3] + i * st[3]));
                        v = v < l ? l : v;
                        v = v > h ? h : v;
                        *reinterpret_cast<T*>(p[0] + i * st[0]) = T(v);
                      }
                    });
  });
}

}  // namespace fasttf::kernels
