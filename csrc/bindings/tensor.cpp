// The Tensor class as Python sees it: construction, metadata, NumPy export and the operators
// (defined here in C++ to keep per-op overhead low). Presentation (repr, TensorShape, DType
// objects, __getitem__) is added in python/fasttf/framework/tensor.py.
#include "autograd/tape.h"
#include "bindings/bindings.h"
#include "bindings/convert.h"
#include "kernels/copy.h"
#include "ops/ops.h"
#include "ops/util.h"

namespace fasttf::bindings {
namespace {

using kernels::BinaryOp;

// Resolves the operands of a binary op or operator: a non-Tensor takes the Tensor's dtype.
std::pair<Tensor, Tensor> binary_operands(py::handle x, py::handle y) {
  py::detail::make_caster<Tensor> cx, cy;
  bool x_tensor = py::isinstance<TensorImpl>(x), y_tensor = py::isinstance<TensorImpl>(y);
  if (x_tensor && y_tensor) return {to_tensor(x, std::nullopt), to_tensor(y, std::nullopt)};
  if (x_tensor) {
    Tensor a = to_tensor(x, std::nullopt);
    return {a, operand_like(y, a)};
  }
  if (y_tensor) {
    Tensor b = to_tensor(y, std::nullopt);
    return {operand_like(x, b), b};
  }
  Tensor a = to_tensor(x, std::nullopt);
  return {a, operand_like(y, a)};
}

// tf.add and `+` convert like TF's math_ops.add: x by itself, then y with x's dtype as a mere
// hint, so that int32 + 1.5 reaches the op and fails there (InvalidArgumentError) instead of
// in the conversion (TypeError, as every other operator gives).
std::pair<Tensor, Tensor> add_operands(py::handle x, py::handle y) {
  Tensor a = to_tensor(x, std::nullopt);
  if (py::isinstance<TensorImpl>(y)) return {a, to_tensor(y, std::nullopt)};
  try {
    return {a, operand_like(y, a)};
  } catch (const ConversionError&) {
    return {a, to_tensor(y, std::nullopt)};
  }
}

Tensor apply_binary(BinaryOp op, py::handle x, py::handle y) {
  auto [a, b] = binary_operands(x, y);
  return ops::binary(op, a, b);
}

// &, |, ^ are logical on bool tensors and bitwise on integers, as in TF.
Tensor apply_bitwise_or_logical(BinaryOp logical, BinaryOp bitwise, py::handle x, py::handle y) {
  auto [a, b] = binary_operands(x, y);
  return ops::binary(a.dtype() == DType::Bool ? logical : bitwise, a, b);
}

py::tuple shape_tuple(const Tensor& t) {
  py::tuple out(t.ndim());
  for (int i = 0; i < t.ndim(); ++i) out[i] = py::int_(t.shape()[i]);
  return out;
}

}  // namespace

void bind_tensor(py::module_& m) {
  py::class_<TensorImpl, std::shared_ptr<TensorImpl>> cls(m, "Tensor");
  cls.def(py::init([](py::handle value, std::optional<DType> dtype) {
            // Always a fresh tensor: variables are built on this and must own their storage.
            return to_tensor(value, dtype).clone().impl_ptr();
          }),
          py::arg("value"), py::arg("dtype") = py::none());
  cls.def_property_readonly("_shape_tuple", [](const Tensor& t) { return shape_tuple(t); });
  cls.def_property_readonly("_dtype_enum", [](const Tensor& t) { return int(t.dtype()); });
  cls.def_property_readonly("ndim", [](const Tensor& t) { return t.ndim(); });
  cls.def_property_readonly("_id", [](const Tensor& t) { return t.id(); });
  cls.def_property_readonly("_is_contiguous", [](const Tensor& t) { return t.is_contiguous(); });
  cls.def_property_readonly("_strides", [](const Tensor& t) { return t.strides(); });
  cls.def("_shares_storage_with", [](const Tensor& a, const Tensor& b) { return a.same_storage(b); });
  // As TF: a 0-d tensor gives a NumPy scalar (np.float32(2.0)), others a fresh ndarray.
  cls.def("numpy", [](const Tensor& t) -> py::object {
            py::array out = to_numpy(t);
            if (t.ndim() == 0) return out[py::tuple()];
            return std::move(out);
          },
          "A NumPy copy of the tensor's values.");
  cls.def("_numel", [](const Tensor& t) { return t.numel(); });
  cls.def_property("_trainable", [](const Tensor& t) { return t.impl()->trainable; },
                   [](const Tensor& t, bool v) { t.impl()->trainable = v && t.impl()->is_variable; });
  cls.def("_mark_variable", [](const Tensor& t, bool trainable) {
    t.impl()->is_variable = true;
    t.impl()->trainable = trainable;
  });
  cls.def_property_readonly("_is_variable", [](const Tensor& t) { return t.impl()->is_variable; });

  // Arithmetic operators: the other operand takes this tensor's dtype when it is not a Tensor.
  auto bin = [&](const char* name, BinaryOp op) {
    cls.def(name, [op](py::handle self, py::handle other) { return apply_binary(op, self, other); },
            py::is_operator());
  };
  auto rbin = [&](const char* name, BinaryOp op) {
    cls.def(name, [op](py::handle self, py::handle other) { return apply_binary(op, other, self); },
            py::is_operator());
  };
  cls.def("__add__", [](py::handle self, py::handle other) {
    auto [a, b] = add_operands(self, other);
    return ops::binary(BinaryOp::Add, a, b);
  }, py::is_operator());
  rbin("__radd__", BinaryOp::Add);
  bin("__sub__", BinaryOp::Sub);           rbin("__rsub__", BinaryOp::Sub);
  bin("__mul__", BinaryOp::Mul);           rbin("__rmul__", BinaryOp::Mul);
  bin("__floordiv__", BinaryOp::FloorDiv); rbin("__rfloordiv__", BinaryOp::FloorDiv);
  bin("__mod__", BinaryOp::FloorMod);      rbin("__rmod__", BinaryOp::FloorMod);
  bin("__pow__", BinaryOp::Pow);           rbin("__rpow__", BinaryOp::Pow);
  bin("__lt__", BinaryOp::Less);
  bin("__le__", BinaryOp::LessEqual);
  bin("__gt__", BinaryOp::Greater);
  bin("__ge__", BinaryOp::GreaterEqual);
  cls.def("__truediv__", [](py::handle self, py::handle other) {
    auto [a, b] = binary_operands(self, other);
    return ops::truediv(a, b);
  }, py::is_operator());
  cls.def("__rtruediv__", [](py::handle self, py::handle other) {
    auto [a, b] = binary_operands(other, self);
    return ops::truediv(a, b);
  }, py::is_operator());
  cls.def("__matmul__", [](py::handle self, py::handle other) {
    auto [a, b] = binary_operands(self, other);
    return ops::matmul(a, b);
  }, py::is_operator());
  cls.def("__rmatmul__", [](py::handle self, py::handle other) {
    auto [a, b] = binary_operands(other, self);
    return ops::matmul(a, b);
  }, py::is_operator());
  cls.def("__and__", [](py::handle s, py::handle o) { return apply_bitwise_or_logical(BinaryOp::LogicalAnd, BinaryOp::BitwiseAnd, s, o); }, py::is_operator());
  cls.def("__rand__", [](py::handle s, py::handle o) { return apply_bitwise_or_logical(BinaryOp::LogicalAnd, BinaryOp::BitwiseAnd, o, s); }, py::is_operator());
  cls.def("__or__", [](py::handle s, py::handle o) { return apply_bitwise_or_logical(BinaryOp::LogicalOr, BinaryOp::BitwiseOr, s, o); }, py::is_operator());
  cls.def("__ror__", [](py::handle s, py::handle o) { return apply_bitwise_or_logical(BinaryOp::LogicalOr, BinaryOp::BitwiseOr, o, s); }, py::is_operator());
  cls.def("__xor__", [](py::handle s, py::handle o) { return apply_bitwise_or_logical(BinaryOp::LogicalXor, BinaryOp::BitwiseXor, s, o); }, py::is_operator());
  cls.def("__rxor__", [](py::handle s, py::handle o) { return apply_bitwise_or_logical(BinaryOp::LogicalXor, BinaryOp::BitwiseXor, o, s); }, py::is_operator());
  cls.def("__neg__", [](const Tensor& t) { return ops::neg(t); });
  cls.def("__abs__", [](const Tensor& t) { return ops::unary(kernels::UnaryOp::Abs, t); });
  cls.def("__invert__", [](const Tensor& t) {
    return ops::unary(t.dtype() == DType::Bool ? kernels::UnaryOp::LogicalNot
                                               : kernels::UnaryOp::BitwiseNot, t);
  });
  // == and != are elementwise (TF 2): None gives False / True, a value that does not convert to
  // the tensor's dtype raises TypeError (tf.constant(3) == 3.0), tensors of different dtypes
  // InvalidArgumentError, and shapes that do not broadcast a scalar False / True tensor
  // (TF's Equal with incompatible_shape_error=False).
  auto eq = [](py::handle self, py::handle other, bool negate) -> py::object {
    if (other.is_none()) return py::bool_(negate);
    auto [a, b] = binary_operands(self, other);
    try {
      ops::broadcast_shapes(a.shape(), b.shape(), "equal");
    } catch (const InvalidArgument&) {
      Tensor out = Tensor::empty({}, DType::Bool);
      *out.data<bool>() = negate;
      return py::cast(out);
    }
    return py::cast(ops::binary(negate ? BinaryOp::NotEqual : BinaryOp::Equal, a, b));
  };
  cls.def("__eq__", [eq](py::handle s, py::handle o) { return eq(s, o, false); }, py::is_operator());
  cls.def("__ne__", [eq](py::handle s, py::handle o) { return eq(s, o, true); }, py::is_operator());
  cls.attr("__hash__") = py::none();

  m.def("binary_op", &apply_binary, "Applies a BinaryOp to two tensors or array-likes.");
  m.def("add", [](py::handle x, py::handle y) {
    auto [a, b] = add_operands(x, y);
    return ops::binary(BinaryOp::Add, a, b);
  }, "tf.add: y converts with x's dtype as a hint only (see add_operands).");
  m.def("convert_to_tensor", [](py::handle value, std::optional<DType> dtype) {
    return to_tensor(value, dtype);
  }, py::arg("value"), py::arg("dtype") = py::none());
}

}  // namespace fasttf::bindings
