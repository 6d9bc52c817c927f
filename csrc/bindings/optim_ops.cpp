// Bindings of the fused optimizer updates. Each function takes parallel lists (variables,
// gradients, slots, per-variable weight-decay factors) and updates every variable in one call,
// so an optimizer step costs one Python->C++ crossing; the GIL is released while the kernels
// run. Variables and slots must be fasttf tensors (never converted: an update of a temporary
// copy would be lost); gradients may be anything convertible.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <vector>

#include "bindings/bindings.h"
#include "bindings/convert.h"
#include "ops/optim.h"

namespace fasttf::bindings {
namespace {

// A list of n tensors from a Python sequence; None entries (or a None sequence, when
// allow_none) become undefined tensors.
std::vector<Tensor> tensor_list(py::handle seq, size_t n, const char* op, const char* what,
                                bool convert, bool allow_none) {
  std::vector<Tensor> out(n);
  if (seq.is_none()) {
    if (!allow_none) fail("[", op, "] ", what, " must be a list, got None");
    return out;
  }
  py::sequence items = py::reinterpret_borrow<py::sequence>(seq);
  if (items.size() != n)
    fail("[", op, "] expected ", n, " ", what, ", got ", items.size());
  for (size_t i = 0; i < n; ++i) {
    py::handle item = items[i];
    if (item.is_none()) {
      if (!allow_none) fail("[", op, "] ", what, " ", i, " is None");
      continue;
    }
    py::detail::make_caster<Tensor> caster;
    if (!caster.load(item, convert))
      fail<TypeError>("[", op, "] ", what, " ", i, " must be a fasttf tensor, got ",
                      std::string(py::str(py::type::of(item).attr("__name__"))));
    out[i] = py::detail::cast_op<Tensor>(caster);
  }
  return out;
}

std::vector<double> decay_list(py::handle seq, size_t n, const char* op) {
  if (seq.is_none()) return std::vector<double>(n, 0.0);
  auto values = seq.cast<std::vector<double>>();
  if (values.size() != n) fail("[", op, "] expected ", n, " decay factors, got ", values.size());
  return values;
}

struct Batch {
  std::vector<Tensor> vars, grads;
  std::vector<double> decays;
};

Batch batch(py::handle vars, py::handle grads, py::handle decays, const char* op) {
  size_t n = py::len(vars);
  return {tensor_list(vars, n, op, "variables", false, false),
          tensor_list(grads, n, op, "gradients", true, false), decay_list(decays, n, op)};
}

std::vector<Tensor> slots(py::handle seq, size_t n, const char* op, const char* what,
                          bool optional) {
  return tensor_list(seq, n, op, what, false, optional);
}

}  // namespace

void bind_optim_ops(py::module_& m) {
  m.def("apply_sgd", [](py::handle vars, py::handle grads, py::handle momentums, double lr,
                        double momentum, bool nesterov, py::handle decays) {
    Batch b = batch(vars, grads, decays, "apply_sgd");
    auto ms = slots(momentums, b.vars.size(), "apply_sgd", "momentums", true);
    py::gil_scoped_release release;
    for (size_t i = 0; i < b.vars.size(); ++i)
      ops::apply_sgd(b.vars[i], b.grads[i], ms[i], lr, momentum, nesterov, b.decays[i]);
  });
  m.def("apply_adam", [](py::handle vars, py::handle grads, py::handle m1, py::handle v1,
                         py::handle vhat1, double lr, double beta1, double beta2, double eps,
                         int64_t step, py::handle decays) {
    Batch b = batch(vars, grads, decays, "apply_adam");
    size_t n = b.vars.size();
    auto ms = slots(m1, n, "apply_adam", "momentums", false);
    auto vs = slots(v1, n, "apply_adam", "velocities", false);
    auto vh = slots(vhat1, n, "apply_adam", "velocity_hats", true);
    py::gil_scoped_release release;
    for (size_t i = 0; i < n; ++i)
      ops::apply_adam(b.vars[i], b.grads[i], ms[i], vs[i], vh[i], lr, beta1, beta2, eps, step,
                      b.decays[i]);
  });
  m.def("apply_rmsprop", [](py::handle vars, py::handle grads, py::handle velocities,
                            py::handle momentums, py::handle mean_grads, double lr, double rho,
                            double momentum, double eps, py::handle decays) {
    Batch b = batch(vars, grads, decays, "apply_rmsprop");
    size_t n = b.vars.size();
    auto vel = slots(velocities, n, "apply_rmsprop", "velocities", false);
    auto mom = slots(momentums, n, "apply_rmsprop", "momentums", true);
    auto avg = slots(mean_grads, n, "apply_rmsprop", "average_gradients", true);
    py::gil_scoped_release release;
    for (size_t i = 0; i < n; ++i)
      ops::apply_rmsprop(b.vars[i], b.grads[i], vel[i], mom[i], avg[i], lr, rho, momentum, eps,
                         b.decays[i]);
  });
  m.def("apply_adagrad", [](py::handle vars, py::handle grads, py::handle accumulators,
                            double lr, double eps, py::handle decays) {
    Batch b = batch(vars, grads, decays, "apply_adagrad");
    auto acc = slots(accumulators, b.vars.size(), "apply_adagrad", "accumulators", false);
    py::gil_scoped_release release;
    for (size_t i = 0; i < b.vars.size(); ++i)
      ops::apply_adagrad(b.vars[i], b.grads[i], acc[i], lr, eps, b.decays[i]);
  });
  m.def("apply_adadelta", [](py::handle vars, py::handle grads, py::handle accum_grads,
                             py::handle accum_deltas, double lr, double rho, double eps,
                             py::handle decays) {
    Batch b = batch(vars, grads, decays, "apply_adadelta");
    size_t n = b.vars.size();
    auto ag = slots(accum_grads, n, "apply_adadelta", "accumulated_grads", false);
    auto ad = slots(accum_deltas, n, "apply_adadelta", "accumulated_delta_vars", false);
    py::gil_scoped_release release;
    for (size_t i = 0; i < n; ++i)
      ops::apply_adadelta(b.vars[i], b.grads[i], ag[i], ad[i], lr, rho, eps, b.decays[i]);
  });
  m.def("apply_adamax", [](py::handle vars, py::handle grads, py::handle m1, py::handle u1,
                           double lr, double beta1, double beta2, double eps, int64_t step,
                           py::handle decays) {
    Batch b = batch(vars, grads, decays, "apply_adamax");
    size_t n = b.vars.size();
    auto ms = slots(m1, n, "apply_adamax", "momentums", false);
    auto us = slots(u1, n, "apply_adamax", "norms", false);
    py::gil_scoped_release release;
    for (size_t i = 0; i < n; ++i)
      ops::apply_adamax(b.vars[i], b.grads[i], ms[i], us[i], lr, beta1, beta2, eps, step,
                        b.decays[i]);
  });
  m.def("apply_nadam", [](py::handle vars, py::handle grads, py::handle m1, py::handle v1,
                          double lr, double beta1, double beta2, double eps, int64_t step,
                          double u_product, py::handle decays) {
    Batch b = batch(vars, grads, decays, "apply_nadam");
    size_t n = b.vars.size();
    auto ms = slots(m1, n, "apply_nadam", "momentums", false);
    auto vs = slots(v1, n, "apply_nadam", "velocities", false);
    py::gil_scoped_release release;
    for (size_t i = 0; i < n; ++i)
      ops::apply_nadam(b.vars[i], b.grads[i], ms[i], vs[i], lr, beta1, beta2, eps, step,
                       u_product, b.decays[i]);
  });
}

}  // namespace fasttf::bindings
