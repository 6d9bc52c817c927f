#include "autograd/grad_rules.h"

#include <cmath>

#include "kernels/elementwise_functors.h"
#include "ops/ops.h"
#include "ops/util.h"

namespace fasttf::autograd::rules {

using kernels::BinaryOp;
using kernels::UnaryOp;
using namespace fasttf::ops;

namespace {

Tensor like(double v, const Tensor& t) { return scalar(v, t.dtype()); }
Tensor mask_to(const Tensor& cond, const Tensor& like_t) { return ops::cast(cond, like_t.dtype()); }

}  // namespace

GradFn binary(BinaryOp op, const Tensor& a, const Tensor& b, const Tensor& out) {
  switch (op) {
    case BinaryOp::Add:
      return [](const Grads& g) -> Grads { return {g[0], g[0]}; };
    case BinaryOp::Sub:
      return [](const Grads& g) -> Grads { return {g[0], neg(g[0])}; };
    case BinaryOp::Mul:
      return [a, b](const Grads& g) -> Grads { return {mul(g[0], b), mul(g[0], a)}; };
    case BinaryOp::Div:
      return [a, b](const Grads& g) -> Grads {
        Tensor ga = div(g[0], b);
        return {ga, neg(mul(ga, div(a, b)))};
      };
    case BinaryOp::Pow:
      return [a, b, out](const Grads& g) -> Grads {
        // d/da = b * a^(b-1); d/db = out * log(a), taken as 0 where a <= 0 (TF's convention).
        Tensor ga = mul(g[0], mul(b, pow(a, add_scalar(b, -1.0))));
        Tensor positive = greater(a, like(0.0, a));
        Tensor safe_a = ops::where(positive, a, ones_like(a));
        Tensor log_a = ops::where(positive, log(safe_a), zeros_like(a));
        return {ga, mul(g[0], mul(out, log_a))};
      };
    case BinaryOp::Maximum:
      return [a, b](const Grads& g) -> Grads {
        Tensor m = mask_to(greater_equal(a, b), g[0]);
        return {mul(g[0], m), mul(g[0], sub(like(1.0, m), m))};
      };
    case BinaryOp::Minimum:
      return [a, b](const Grads& g) -> Grads {
        Tensor m = mask_to(less_equal(a, b), g[0]);
        return {mul(g[0], m), mul(g[0], sub(like(1.0, m), m))};
      };
    case BinaryOp::SquaredDifference:
      return [a, b](const Grads& g) -> Grads {
        Tensor d = mul_scalar(mul(g[0], sub(a, b)), 2.0);
        return {d, neg(d)};
      };
    case BinaryOp::FloorMod:
      return [a, b](const Grads& g) -> Grads {
        return {g[0], neg(mul(g[0], ops::binary(BinaryOp::FloorDiv, a, b)))};
      };
    case BinaryOp::Atan2:  // atan2(a, b): d/da = b/(a²+b²), d/db = -a/(a²+b²)
      return [a, b](const Grads& g) -> Grads {
        Tensor inv = div(g[0], add(square(a), square(b)));
        return {mul(inv, b), neg(mul(inv, a))};
      };
    case BinaryOp::ReluGrad:  // (g, x) -> relu_grad: linear in g
      return [b](const Grads& g) -> Grads { return {ops::binary(BinaryOp::ReluGrad, g[0], b), Tensor()}; };
    case BinaryOp::SigmoidGradFromOutput:  // (g, y) -> g*y*(1-y)
      return [a, b](const Grads& g) -> Grads {
        Tensor one_minus = sub(like(1.0, b), b);
        return {mul(g[0], mul(b, one_minus)),
                mul(g[0], mul(a, sub(one_minus, b)))};
      };
    case BinaryOp::TanhGradFromOutput:  // (g, y) -> g*(1-y²)
      return [a, b](const Grads& g) -> Grads {
        return {mul(g[0], sub(like(1.0, b), square(b))), mul(g[0], mul_scalar(mul(a, b), -2.0))};
      };
    default:
      return {};  // comparisons, logic, floordiv: no gradient
  }
}

GradFn unary(UnaryOp op, const Tensor& x, const Tensor& y) {
  switch (op) {
    case UnaryOp::Neg: return [](const Grads& g) -> Grads { return {neg(g[0])}; };
    case UnaryOp::Abs: return [x](const Grads& g) -> Grads { return {mul(g[0], sign(x))}; };
    case UnaryOp::Square:
      return [x](const Grads& g) -> Grads { return {mul(g[0], mul_scalar(x, 2.0))}; };
    case UnaryOp::Sqrt:
      return [y](const Grads& g) -> Grads { return {div(mul_scalar(g[0], 0.5), y)}; };
    case UnaryOp::Rsqrt:  // d/dx x^-1/2 = -1/2 y^3
      return [y](const Grads& g) -> Grads {
        return {mul(g[0], mul_scalar(mul(y, square(y)), -0.5))};
      };
    case UnaryOp::Exp: return [y](const Grads& g) -> Grads { return {mul(g[0], y)}; };
    case UnaryOp::Expm1:
      return [y](const Grads& g) -> Grads { return {mul(g[0], add_scalar(y, 1.0))}; };
    case UnaryOp::Log: return [x](const Grads& g) -> Grads { return {div(g[0], x)}; };
    case UnaryOp::Log1p:
      return [x](const Grads& g) -> Grads { return {div(g[0], add_scalar(x, 1.0))}; };
    case UnaryOp::Sin: return [x](const Grads& g) -> Grads { return {mul(g[0], ops::unary(UnaryOp::Cos, x))}; };
    case UnaryOp::Cos:
      return [x](const Grads& g) -> Grads { return {neg(mul(g[0], ops::unary(UnaryOp::Sin, x)))}; };
    case UnaryOp::Tan:
      return [y](const Grads& g) -> Grads { return {mul(g[0], add_scalar(square(y), 1.0))}; };
    case UnaryOp::Asin:
      return [x](const Grads& g) -> Grads {
        return {div(g[0], sqrt(sub(like(1.0, x), square(x))))};
      };
    case UnaryOp::Acos:
      return [x](const Grads& g) -> Grads {
        return {neg(div(g[0], sqrt(sub(like(1.0, x), square(x)))))};
      };
    case UnaryOp::Atan:
      return [x](const Grads& g) -> Grads { return {div(g[0], add_scalar(square(x), 1.0))}; };
    case UnaryOp::Sinh: return [x](const Grads& g) -> Grads { return {mul(g[0], ops::unary(UnaryOp::Cosh, x))}; };
    case UnaryOp::Cosh: return [x](const Grads& g) -> Grads { return {mul(g[0], ops::unary(UnaryOp::Sinh, x))}; };
    case UnaryOp::Asinh:
      return [x](const Grads& g) -> Grads { return {div(g[0], sqrt(add_scalar(square(x), 1.0)))}; };
    case UnaryOp::Acosh:
      return [x](const Grads& g) -> Grads { return {div(g[0], sqrt(add_scalar(square(x), -1.0)))}; };
    case UnaryOp::Atanh:
      return [x](const Grads& g) -> Grads { return {div(g[0], sub(like(1.0, x), square(x)))}; };
    case UnaryOp::Tanh:
      return [y](const Grads& g) -> Grads {
        return {ops::binary(BinaryOp::TanhGradFromOutput, g[0], y)};
      };
    case UnaryOp::Sigmoid:
      return [y](const Grads& g) -> Grads {
        return {ops::binary(BinaryOp::SigmoidGradFromOutput, g[0], y)};
      };
    case UnaryOp::Reciprocal:
      return [y](const Grads& g) -> Grads { return {neg(mul(g[0], square(y)))}; };
    case UnaryOp::Erf:
      return [x](const Grads& g) -> Grads {
        return {mul(g[0], mul_scalar(exp(neg(square(x))), 2.0 / std::sqrt(M_PI)))};
      };
    case UnaryOp::Erfc:
      return [x](const Grads& g) -> Grads {
        return {mul(g[0], mul_scalar(exp(neg(square(x))), -2.0 / std::sqrt(M_PI)))};
      };
    case UnaryOp::Relu:
      return [x](const Grads& g) -> Grads { return {ops::binary(BinaryOp::ReluGrad, g[0], x)}; };
    case UnaryOp::Relu6:
      return [x](const Grads& g) -> Grads {
        Tensor inside = logical_and(greater(x, like(0.0, x)), less(x, like(6.0, x)));
        return {mul(g[0], mask_to(inside, g[0]))};
      };
    case UnaryOp::Elu:  // x > 0: 1; else y + 1
      return [x, y](const Grads& g) -> Grads {
        return {mul(g[0], ops::where(greater(x, like(0.0, x)), ones_like(x), add_scalar(y, 1.0)))};
      };
    case UnaryOp::Selu:
      return [x, y](const Grads& g) -> Grads {
        const double scale = kernels::fn::kSeluScale, alpha_scale = scale * kernels::fn::kSeluAlpha;
        Tensor neg_part = add_scalar(y, alpha_scale);
        return {mul(g[0], ops::where(greater(x, like(0.0, x)), full(x.shape(), scale, x.dtype()), neg_part))};
      };
    case UnaryOp::Softplus:
      return [x](const Grads& g) -> Grads { return {mul(g[0], sigmoid(x))}; };
    case UnaryOp::Softsign:
      return [x](const Grads& g) -> Grads {
        Tensor d = add_scalar(ops::unary(UnaryOp::Abs, x), 1.0);
        return {div(g[0], square(d))};
      };
    case UnaryOp::Gelu:  // Φ(x) + x φ(x)
      return [x](const Grads& g) -> Grads {
        Tensor cdf = mul_scalar(add_scalar(ops::unary(UnaryOp::Erf, mul_scalar(x, M_SQRT1_2)), 1.0), 0.5);
        Tensor pdf = mul_scalar(exp(mul_scalar(square(x), -0.5)), 1.0 / std::sqrt(2.0 * M_PI));
        return {mul(g[0], add(cdf, mul(x, pdf)))};
      };
    case UnaryOp::GeluTanh:
      return [x](const Grads& g) -> Grads {
        const double c = std::sqrt(2.0 / M_PI);
        Tensor x2 = square(x);
        Tensor inner = mul_scalar(add(x, mul_scalar(mul(x2, x), 0.044715)), c);
        Tensor t = tanh(inner);
        Tensor dinner = mul_scalar(add_scalar(mul_scalar(x2, 3 * 0.044715), 1.0), c);
        Tensor d = add(mul_scalar(add_scalar(t, 1.0), 0.5),
                       mul(mul_scalar(x, 0.5), mul(sub(like(1.0, t), square(t)), dinner)));
        return {mul(g[0], d)};
      };
    case UnaryOp::Swish:  // s + x s (1 - s)
      return [x](const Grads& g) -> Grads {
        Tensor s = sigmoid(x);
        return {mul(g[0], add(s, mul(x, mul(s, sub(like(1.0, s), s)))))};
      };
    default:
      return {};  // sign, floor, ceil, round, predicates: no gradient
  }
}

GradFn cast(const Tensor& x) {
  DType from = x.dtype();
  return [from](const Grads& g) -> Grads {
    if (!is_floating(from)) return {Tensor()};
    return {ops::cast(g[0], from)};
  };
}

GradFn identity() {
  return [](const Grads& g) -> Grads { return {g[0]}; };
}

GradFn where(const Tensor& cond) {
  return [cond](const Grads& g) -> Grads {
    Tensor z = zeros_like(g[0]);
    return {Tensor(), ops::where(cond, g[0], z), ops::where(cond, z, g[0])};
  };
}

GradFn clip(const Tensor& x, const Tensor& lo, const Tensor& hi) {
  return [x, lo, hi](const Grads& g) -> Grads {
    Tensor below = less(x, lo), above = greater(x, hi);
    Tensor z = zeros_like(g[0]);
    Tensor inside = ops::where(below, z, ops::where(above, z, g[0]));
    return {inside, ops::where(below, g[0], z), ops::where(above, g[0], z)};
  };
}

GradFn reshape_back(const Shape& input_shape) {
  return [input_shape](const Grads& g) -> Grads { return {reshape(g[0], input_shape)}; };
}

GradFn transpose(const std::vector<int64_t>& perm) {
  std::vector<int64_t> inverse(perm.size());
  for (size_t i = 0; i < perm.size(); ++i) inverse[perm[i]] = int64_t(i);
  return [inverse](const Grads& g) -> Grads { return {ops::transpose(g[0], inverse)}; };
}

GradFn strided_view(const Shape& input_shape, const std::vector<SliceDim>& spec) {
  return [input_shape, spec](const Grads& g) -> Grads {
    return {ops::strided_view_grad(g[0], input_shape, spec)};
  };
}

GradFn strided_view_grad(const std::vector<SliceDim>& spec) {
  return [spec](const Grads& g) -> Grads { return {ops::strided_view(g[0], spec)}; };
}

GradFn reduce(kernels::ReduceOp op, const Tensor& x, const Tensor& out, const Shape& kept_shape) {
  using kernels::ReduceOp;
  int64_t count = 1;
  for (size_t i = 0; i < kept_shape.size(); ++i)
    if (kept_shape[i] == 1) count *= x.shape()[i];
  switch (op) {
    case ReduceOp::Sum:
      return [kept_shape, shape = x.shape()](const Grads& g) -> Grads {
        return {broadcast_to(reshape(g[0], kept_shape), shape)};
      };
    case ReduceOp::Mean:
      return [kept_shape, count, shape = x.shape()](const Grads& g) -> Grads {
        Tensor scaled = mul_scalar(reshape(g[0], kept_shape), 1.0 / double(std::max<int64_t>(count, 1)));
        return {broadcast_to(scaled, shape)};
      };
    case ReduceOp::Max:
    case ReduceOp::Min:
      // The gradient is split evenly between tied extrema, as TF does.
      return [x, out, kept_shape](const Grads& g) -> Grads {
        Tensor hit = ops::cast(equal(x, reshape(out, kept_shape)), x.dtype());
        std::vector<int64_t> axes;
        for (size_t i = 0; i < kept_shape.size(); ++i)
          if (kept_shape[i] == 1 && x.shape()[i] != 1) axes.push_back(int64_t(i));
        Tensor ties = reduce_sum(hit, axes, true);
        return {mul(div(reshape(g[0], kept_shape), ties), hit)};
      };
    case ReduceOp::Prod:
      // The product of all the other elements, as TF computes it: exclusive cumulative products
      // from both ends over the reduced elements, so zeros in x are handled exactly.
      return [x, kept_shape](const Grads& g) -> Grads {
        std::vector<int64_t> perm, inverse(x.ndim());
        int64_t kept = 1, reduced = 1;
        for (int i = 0; i < x.ndim(); ++i)
          if (kept_shape[i] != 1 || x.shape()[i] == 1) { perm.push_back(i); kept *= x.shape()[i]; }
        for (int i = 0; i < x.ndim(); ++i)
          if (kept_shape[i] == 1 && x.shape()[i] != 1) { perm.push_back(i); reduced *= x.shape()[i]; }
        Shape permuted_shape;
        for (size_t i = 0; i < perm.size(); ++i) {
          inverse[perm[i]] = int64_t(i);
          permuted_shape.push_back(x.shape()[perm[i]]);
        }
        Tensor rows = reshape(ops::transpose(x, perm), {kept, reduced});
        Tensor others = mul(ops::cumprod(rows, 1, true, false), ops::cumprod(rows, 1, true, true));
        Tensor others_x = ops::transpose(reshape(others, permuted_shape), inverse);
        return {mul(reshape(g[0], kept_shape), others_x)};
      };
    default:
      return {};
  }
}

GradFn matmul(const Tensor& a, const Tensor& b, bool ta, bool tb) {
  // C = op(A) op(B). Writing each case so that no transpose is materialised (matmul's
  // transpose flags are free).
  return [a, b, ta, tb](const Grads& g) -> Grads {
    const Tensor& G = g[0];
    // A side the walk needs no gradient for (a batch of data) is skipped.
    const bool want_a = input_needs_grad(0), want_b = input_needs_grad(1);
    Tensor ga, gb;
    if (!ta && !tb) {
      if (want_a) ga = ops::matmul(G, b, false, true);
      if (want_b) gb = ops::matmul(a, G, true, false);
    } else if (!ta && tb) {
      if (want_a) ga = ops::matmul(G, b, false, false);
      if (want_b) gb = ops::matmul(G, a, true, false);
    } else if (ta && !tb) {
      if (want_a) ga = ops::matmul(b, G, false, true);
      if (want_b) gb = ops::matmul(a, G, false, false);
    } else {
      if (want_a) ga = ops::matmul(b, G, true, true);
      if (want_b) gb = ops::matmul(G, a, true, true);
    }
    return {ga, gb};
  };
}

}  // namespace fasttf::autograd::rules
