// Bindings of the core ops (creation, elementwise, shape, reduce, matmul). Python-side
// argument normalisation (None axes, TensorShape, lists) lives in python/fasttf.
#include <pybind11/stl.h>

#include "autograd/tape.h"
#include "bindings/bindings.h"
#include "bindings/convert.h"
#include "kernels/copy.h"
#include "ops/ops.h"

namespace fasttf::bindings {
namespace {

// Ops that return views hand variables' users a copy instead: in TF a read of a variable is a
// snapshot, and a later assign must not show through it.
Tensor detach_from_variable(const Tensor& result, const Tensor& input) {
  if (input.impl()->is_variable && result.same_storage(input)) {
    Tensor copy = result.clone();
    if (autograd::is_recording())
      autograd::record("Identity", {&result}, {&copy},
                       [](const autograd::Grads& g) -> autograd::Grads { return {g[0]}; });
    return copy;
  }
  return result;
}

std::vector<ops::SliceDim> to_spec(const std::vector<std::array<int64_t, 4>>& raw) {
  std::vector<ops::SliceDim> spec;
  for (const auto& r : raw) spec.push_back({r[0], r[1], r[2], r[3]});
  return spec;
}

void check_assign(const Tensor& var, const Tensor& value, const char* op) {
  if (var.shape() != value.shape())
    fail("[", op, "] cannot assign a value of shape ", shape_str(value.shape()),
         " to a variable of shape ", shape_str(var.shape()));
}

}  // namespace

void bind_core_ops(py::module_& m) {
  py::enum_<kernels::BinaryOp> binary(m, "BinaryOp");
  for (int i = 0; i <= int(kernels::BinaryOp::Atan2); ++i)
    binary.value(kernels::binary_name(kernels::BinaryOp(i)), kernels::BinaryOp(i));
  py::enum_<kernels::UnaryOp> unary(m, "UnaryOp");
  for (int i = 0; i <= int(kernels::UnaryOp::BitwiseNot); ++i)
    unary.value(kernels::unary_name(kernels::UnaryOp(i)), kernels::UnaryOp(i));
  py::enum_<kernels::ReduceOp>(m, "ReduceOp")
      .value("sum", kernels::ReduceOp::Sum).value("mean", kernels::ReduceOp::Mean)
      .value("max", kernels::ReduceOp::Max).value("min", kernels::ReduceOp::Min)
      .value("prod", kernels::ReduceOp::Prod).value("any", kernels::ReduceOp::Any)
      .value("all", kernels::ReduceOp::All);

  // creation
  m.def("zeros", &ops::zeros);
  m.def("ones", &ops::ones);
  m.def("fill", &ops::full);
  m.def("range", &ops::range);
  m.def("eye", &ops::eye);
  m.def("linspace", &ops::linspace);
  m.def("cast", &ops::cast);
  m.def("identity", &ops::identity);
  m.def("stop_gradient", &ops::stop_gradient);

  // elementwise
  m.def("unary_op", [](kernels::UnaryOp op, const Tensor& x) { return ops::unary(op, x); });
  m.def("truediv", [](py::handle x, py::handle y) {
    Tensor a = to_tensor(x, std::nullopt);
    return ops::truediv(a, operand_like(y, a));
  });
  m.def("where", &ops::where);
  m.def("clip_by_value", [](const Tensor& x, py::handle lo, py::handle hi) {
    return ops::clip_by_value(x, operand_like(lo, x), operand_like(hi, x));
  });

  // shape
  m.def("reshape", [](const Tensor& x, const Shape& s) { return detach_from_variable(ops::reshape(x, s), x); });
  m.def("transpose", [](const Tensor& x, const std::vector<int64_t>& perm) {
    return detach_from_variable(ops::transpose(x, perm), x);
  });
  m.def("expand_dims", [](const Tensor& x, int64_t axis) { return detach_from_variable(ops::expand_dims(x, axis), x); });
  m.def("squeeze", [](const Tensor& x, const std::vector<int64_t>& axes) {
    return detach_from_variable(ops::squeeze(x, axes), x);
  });
  m.def("broadcast_to", &ops::broadcast_to);
  m.def("sum_to", &ops::sum_to);
  m.def("strided_view", [](const Tensor& x, const std::vector<std::array<int64_t, 4>>& spec) {
    return detach_from_variable(ops::strided_view(x, to_spec(spec)), x);
  });
  // A copy of a view is recorded as Identity, so gradients flow through it.
  m.def("contiguous", [](const Tensor& x) { return x.is_contiguous() ? x : ops::identity(x); });

  // reductions
  m.def("reduce", [](kernels::ReduceOp op, const Tensor& x, std::optional<std::vector<int64_t>> axes,
                     bool keepdims) {
    return ops::reduce(op, x, axes ? *axes : ops::all_axes(x.ndim()), keepdims);
  });
  m.def("arg_reduce", &ops::arg_reduce);

  // linear algebra
  m.def("matmul", &ops::matmul, py::arg("a"), py::arg("b"), py::arg("transpose_a") = false,
        py::arg("transpose_b") = false);
  // The Keras Dense layer in one op: relu?(x @ kernel + bias), bias optional.
  m.def("dense", [](const Tensor& x, const Tensor& kernel, const std::optional<Tensor>& bias,
                    bool relu) { return ops::dense(x, kernel, bias ? *bias : Tensor(), relu); },
        py::arg("x"), py::arg("kernel"), py::arg("bias"), py::arg("relu") = false);

  // variables: in-place updates of a variable's own storage
  m.def("assign", [](const Tensor& var, py::handle value) {
    Tensor v = operand_like(value, var);
    check_assign(var, v, "assign");
    kernels::copy_strided(v, var);
  });
  m.def("assign_binary", [](const Tensor& var, py::handle value, kernels::BinaryOp op) {
    Tensor v = operand_like(value, var);
    check_assign(var, v, op == kernels::BinaryOp::Sub ? "assign_sub" : "assign_add");
    Tensor result;
    {
      autograd::NoRecordScope no_record;
      result = ops::binary(op, var, v);
    }
    check_assign(var, result, "assign_add");
    kernels::copy_strided(result, var);
  });
}

}  // namespace fasttf::bindings
