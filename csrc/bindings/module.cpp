// The fasttf._C extension module.
#include <pybind11/pybind11.h>

#include "bindings/bindings.h"

PYBIND11_MODULE(_C, m) {
  m.doc() = "fasttf C++ core: tensors, kernels, ops and the gradient tape";
  using namespace fasttf::bindings;
  bind_errors(m);
  bind_tensor(m);
  bind_core_ops(m);
  bind_autograd(m);
  bind_runtime(m);
  bind_array_ops(m);
  bind_nn_ops(m);
  bind_random_ops(m);
  bind_optim_ops(m);
  bind_conv_ops(m);
}
