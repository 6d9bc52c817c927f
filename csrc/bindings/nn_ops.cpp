// Bindings of the nn ops with dedicated kernels and of the scans (cumsum/cumprod). Argument
// normalisation (dtype conversion of labels, defaults) lives in python/fasttf/nn.py and math.py.
#include <pybind11/stl.h>

#include "bindings/bindings.h"
#include "bindings/convert.h"
#include "ops/ops.h"

namespace fasttf::bindings {

void bind_nn_ops(py::module_& m) {
  m.def("softmax", &ops::softmax, py::arg("logits"), py::arg("axis") = -1);
  m.def("log_softmax", &ops::log_softmax, py::arg("logits"), py::arg("axis") = -1);
  m.def("softmax_cross_entropy_with_logits", &ops::softmax_cross_entropy_with_logits,
        py::arg("labels"), py::arg("logits"), py::arg("axis") = -1);
  m.def("sparse_softmax_cross_entropy_with_logits",
        &ops::sparse_softmax_cross_entropy_with_logits, py::arg("labels"), py::arg("logits"));
  m.def("leaky_relu", &ops::leaky_relu, py::arg("features"), py::arg("alpha") = 0.2);
  m.def("cumsum", &ops::cumsum, py::arg("x"), py::arg("axis") = 0, py::arg("exclusive") = false,
        py::arg("reverse") = false);
  m.def("cumprod", &ops::cumprod, py::arg("x"), py::arg("axis") = 0, py::arg("exclusive") = false,
        py::arg("reverse") = false);
}

}  // namespace fasttf::bindings
