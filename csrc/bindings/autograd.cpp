// GradientTape's C++ side and custom gradients from Python.
#include <pybind11/functional.h>
#include <pybind11/stl.h>

#include "autograd/tape.h"
#include "bindings/bindings.h"
#include "bindings/convert.h"

namespace fasttf::bindings {

void bind_autograd(py::module_& m) {
  using autograd::Tape;
  py::class_<Tape>(m, "Tape")
      .def(py::init<bool, bool>(), py::arg("persistent"), py::arg("watch_accessed_variables"))
      .def("push", &Tape::push)
      .def("pop", &Tape::pop)
      .def("watch", &Tape::watch)
      .def("pause", &Tape::pause)
      .def("resume", &Tape::resume)
      .def("reset", &Tape::reset)
      .def_property_readonly("active", &Tape::active)
      .def_property_readonly("recording", &Tape::recording)
      .def("watched_variables", &Tape::watched_variables)
      .def("is_watched", [](const Tape& t, const Tensor& x) { return t.is_watched(x.id()); })
      .def("gradient", [](Tape& tape, const std::vector<Tensor>& targets,
                          const std::vector<Tensor>& sources,
                          const std::vector<std::optional<Tensor>>& output_gradients,
                          bool retain) {
        std::vector<Tensor> og;
        for (const auto& g : output_gradients) og.push_back(g ? *g : Tensor());
        return tape.gradient(targets, sources, og, retain);
      }, py::arg("targets"), py::arg("sources"), py::arg("output_gradients"),
      py::arg("retain") = false);

  m.def("is_recording", &autograd::is_recording);

  // Records a node whose backward pass is a Python callable taking the output gradients (a
  // list of Tensors) and returning one gradient (or None) per input. Used by
  // tf.custom_gradient and by ops written in Python.
  m.def("record_custom", [](const char* name, const std::vector<Tensor>& inputs,
                            const std::vector<Tensor>& outputs, py::function backward) {
    if (!autograd::is_recording()) return;
    std::vector<const Tensor*> in, out;
    for (const Tensor& t : inputs) in.push_back(&t);
    for (const Tensor& t : outputs) out.push_back(&t);
    auto shared_fn = std::make_shared<py::function>(std::move(backward));
    const size_t n_inputs = inputs.size();
    autograd::record(name, in, out, [shared_fn, n_inputs](const autograd::Grads& g) {
      py::gil_scoped_acquire gil;
      py::list grads;
      for (const Tensor& t : g) grads.append(py::cast(t));
      py::object result = (*shared_fn)(grads);
      autograd::Grads in_grads;
      if (!py::isinstance<py::list>(result) && !py::isinstance<py::tuple>(result))
        result = py::make_tuple(result);
      for (py::handle r : result) in_grads.push_back(r.is_none() ? Tensor() : to_tensor(r, std::nullopt));
      if (in_grads.size() != n_inputs)
        fail("custom gradient function returned ", in_grads.size(), " gradients for ", n_inputs,
             " inputs");
      return in_grads;
    });
  });
}

}  // namespace fasttf::bindings
