// One registration function per binding file; module.cpp calls them in order.
#pragma once
#include <pybind11/pybind11.h>

namespace fasttf::bindings {

void bind_errors(pybind11::module_& m);
void bind_tensor(pybind11::module_& m);
void bind_core_ops(pybind11::module_& m);
void bind_autograd(pybind11::module_& m);
void bind_runtime(pybind11::module_& m);
void bind_array_ops(pybind11::module_& m);
void bind_nn_ops(pybind11::module_& m);
void bind_random_ops(pybind11::module_& m);
void bind_optim_ops(pybind11::module_& m);
void bind_conv_ops(pybind11::module_& m);

}  // namespace fasttf::bindings
