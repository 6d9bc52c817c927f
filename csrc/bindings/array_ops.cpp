// Bindings of the array and selection ops (ops/array.h, ops/indexing.h). Python-side argument
// normalisation (TF defaults, lists, num_or_size_splits) lives in python/fasttf/array_ops.py.
#include <pybind11/stl.h>

#include "autograd/tape.h"
#include "bindings/bindings.h"
#include "bindings/convert.h"
#include "ops/ops.h"

namespace fasttf::bindings {
namespace {

// Views of a variable are handed out as copies: a variable's reads are snapshots in TF.
std::vector<Tensor> detach_views(std::vector<Tensor> parts, const Tensor& input) {
  if (!input.impl()->is_variable) return parts;
  for (Tensor& p : parts) p = ops::identity(p);
  return parts;
}

ops::ScatterKind scatter_kind(const std::string& name) {
  if (name == "update") return ops::ScatterKind::Update;
  if (name == "add") return ops::ScatterKind::Add;
  if (name == "sub") return ops::ScatterKind::Sub;
  if (name == "max") return ops::ScatterKind::Max;
  if (name == "min") return ops::ScatterKind::Min;
  fail("[tensor_scatter_nd] unknown kind '", name, "'");
}

}  // namespace

void bind_array_ops(py::module_& m) {
  m.def("concat", &ops::concat);
  m.def("stack", &ops::stack);
  m.def("split", [](const Tensor& x, const std::vector<int64_t>& sizes, int64_t axis) {
    return detach_views(ops::split(x, sizes, axis), x);
  });
  m.def("split_even", [](const Tensor& x, int64_t num, int64_t axis) {
    return detach_views(ops::split_even(x, num, axis), x);
  });
  m.def("unstack", [](const Tensor& x, int64_t axis, int64_t num) {
    return detach_views(ops::unstack(x, axis, num), x);
  });
  m.def("tile", &ops::tile);
  m.def("reverse", &ops::reverse);
  m.def("pad", [](const Tensor& x, const ops::Paddings& paddings, const std::string& mode,
                  py::handle constant_value) {
    return ops::pad(x, paddings, ops::pad_mode_from_string(mode), operand_like(constant_value, x));
  });
  m.def("gather", &ops::gather);
  m.def("gather_nd", &ops::gather_nd);
  m.def("tensor_scatter_nd", [](const std::string& kind, const Tensor& tensor,
                                const Tensor& indices, py::handle updates) {
    return ops::tensor_scatter_nd(scatter_kind(kind), tensor, indices, operand_like(updates, tensor));
  });
  m.def("scatter_nd", &ops::scatter_nd);
  m.def("where_indices", &ops::where_indices);
  m.def("boolean_mask", &ops::boolean_mask);
  m.def("sort", &ops::sort);
  m.def("argsort", &ops::argsort);
  m.def("top_k", &ops::top_k);
}

}  // namespace fasttf::bindings
