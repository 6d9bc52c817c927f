// Optimizer update ops: validate the variable, gradient and slots, fold the step-dependent
// scalars into coefficients, and call the fused kernel (kernels/optim.cpp).
#include "ops/optim.h"

#include <cmath>

#include "core/error.h"
#include "kernels/optim.h"

namespace fasttf::ops {
namespace {

void check_var(const Tensor& var, const char* op) {
  if (!var.defined()) fail("[", op, "] the variable is undefined");
  if (var.dtype() != DType::Float32 && var.dtype() != DType::Float64)
    fail<TypeError>("[", op, "] expects a float32 or float64 variable, got ",
                    dtype_name(var.dtype()));
  if (!var.is_contiguous())
    fail("[", op, "] the variable must be contiguous (shape ", shape_str(var.shape()), ")");
}

// A slot must be exactly like the variable, and a separate buffer: the kernel writes both.
void check_slot(const Tensor& var, const Tensor& slot, const char* op, const char* what) {
  if (!slot.defined()) fail("[", op, "] missing slot variable '", what, "'");
  if (slot.shape() != var.shape())
    fail("[", op, "] slot '", what, "' has shape ", shape_str(slot.shape()),
         " but the variable has shape ", shape_str(var.shape()));
  if (slot.dtype() != var.dtype())
    fail<TypeError>("[", op, "] slot '", what, "' is ", dtype_name(slot.dtype()),
                    " but the variable is ", dtype_name(var.dtype()));
  if (!slot.is_contiguous()) fail("[", op, "] slot '", what, "' must be contiguous");
  if (slot.same_storage(var)) fail("[", op, "] slot '", what, "' aliases the variable");
}

void check_optional_slot(const Tensor& var, const Tensor& slot, const char* op,
                         const char* what) {
  if (slot.defined()) check_slot(var, slot, op, what);
}

// The gradient as a contiguous tensor of the variable's shape and dtype.
Tensor checked_grad(const Tensor& var, const Tensor& grad, const char* op) {
  if (!grad.defined()) fail("[", op, "] the gradient is undefined");
  if (grad.shape() != var.shape())
    fail("[", op, "] gradient shape ", shape_str(grad.shape()),
         " does not match variable shape ", shape_str(var.shape()));
  if (grad.dtype() != var.dtype())
    fail<TypeError>("[", op, "] gradient dtype ", dtype_name(grad.dtype()),
                    " does not match variable dtype ", dtype_name(var.dtype()));
  // A gradient sharing the variable's storage would be overwritten while it is read.
  if (grad.same_storage(var) || !grad.is_contiguous()) return grad.clone();
  return grad;
}

void check_step(int64_t step, const char* op) {
  if (step < 1) fail("[", op, "] step must be >= 1, got ", step);
}

// Keras computes a step's scalars (beta powers, bias corrections) in the variable's dtype.
// Doing the same for float32 variables keeps the updates bitwise equal to Keras'; the same
// formula in double differs from it in the last bits, which add up over steps.
template <class Formula>
double in_var_precision(const Tensor& var, Formula formula) {
  if (var.dtype() == DType::Float32) return double(formula(float(0)));
  return formula(double(0));
}

}  // namespace

void apply_sgd(const Tensor& var, const Tensor& grad, const Tensor& m, double lr,
               double momentum, bool nesterov, double decay) {
  const char* op = "apply_sgd";
  check_var(var, op);
  Tensor g = checked_grad(var, grad, op);
  check_optional_slot(var, m, op, "momentum");
  kernels::sgd_update(var, g, m, {lr, momentum, decay, nesterov});
}

void apply_adam(const Tensor& var, const Tensor& grad, const Tensor& m, const Tensor& v,
                const Tensor& vhat, double lr, double beta1, double beta2, double epsilon,
                int64_t step, double decay) {
  const char* op = "apply_adam";
  check_var(var, op);
  Tensor g = checked_grad(var, grad, op);
  check_slot(var, m, op, "momentum");
  check_slot(var, v, op, "velocity");
  check_optional_slot(var, vhat, op, "velocity_hat");
  check_step(step, op);
  const double alpha = in_var_precision(var, [&](auto zero) {
    using T = decltype(zero);
    const T t = T(step), one = T(1);
    return T(lr) * std::sqrt(one - std::pow(T(beta2), t)) / (one - std::pow(T(beta1), t));
  });
  kernels::adam_update(var, g, m, v, vhat, {alpha, 1.0 - beta1, 1.0 - beta2, epsilon, decay});
}

void apply_rmsprop(const Tensor& var, const Tensor& grad, const Tensor& velocity,
                   const Tensor& mom, const Tensor& mean_grad, double lr, double rho,
                   double momentum, double epsilon, double decay) {
  const char* op = "apply_rmsprop";
  check_var(var, op);
  Tensor g = checked_grad(var, grad, op);
  check_slot(var, velocity, op, "velocity");
  check_optional_slot(var, mom, op, "momentum");
  check_optional_slot(var, mean_grad, op, "average_gradient");
  kernels::rmsprop_update(var, g, velocity, mom, mean_grad, {lr, rho, momentum, epsilon, decay});
}

void apply_adagrad(const Tensor& var, const Tensor& grad, const Tensor& accumulator, double lr,
                   double epsilon, double decay) {
  const char* op = "apply_adagrad";
  check_var(var, op);
  Tensor g = checked_grad(var, grad, op);
  check_slot(var, accumulator, op, "accumulator");
  kernels::adagrad_update(var, g, accumulator, {lr, epsilon, decay});
}

void apply_adadelta(const Tensor& var, const Tensor& grad, const Tensor& accum_grad,
                    const Tensor& accum_delta, double lr, double rho, double epsilon,
                    double decay) {
  const char* op = "apply_adadelta";
  check_var(var, op);
  Tensor g = checked_grad(var, grad, op);
  check_slot(var, accum_grad, op, "accumulated_grad");
  check_slot(var, accum_delta, op, "accumulated_delta_var");
  kernels::adadelta_update(var, g, accum_grad, accum_delta, {lr, rho, epsilon, decay});
}

void apply_adamax(const Tensor& var, const Tensor& grad, const Tensor& m, const Tensor& u,
                  double lr, double beta1, double beta2, double epsilon, int64_t step,
                  double decay) {
  const char* op = "apply_adamax";
  check_var(var, op);
  Tensor g = checked_grad(var, grad, op);
  check_slot(var, m, op, "momentum");
  check_slot(var, u, op, "norm");
  check_step(step, op);
  double step_size = lr / (1.0 - std::pow(beta1, double(step)));
  kernels::adamax_update(var, g, m, u, {step_size, 1.0 - beta1, beta2, epsilon, decay});
}

void apply_nadam(const Tensor& var, const Tensor& grad, const Tensor& m, const Tensor& v,
                 double lr, double beta1, double beta2, double epsilon, int64_t step,
                 double u_product, double decay) {
  const char* op = "apply_nadam";
  check_var(var, op);
  Tensor g = checked_grad(var, grad, op);
  check_slot(var, m, op, "momentum");
  check_slot(var, v, op, "velocity");
  check_step(step, op);
  double t = double(step);
  double u_t = beta1 * (1.0 - 0.5 * std::pow(0.96, t));
  double u_t1 = beta1 * (1.0 - 0.5 * std::pow(0.96, t + 1.0));
  double u_product_next = u_product * u_t1;
  kernels::NadamCoeffs c{lr, 1.0 - beta1, 1.0 - beta2,
                         u_t1 / (1.0 - u_product_next), (1.0 - u_t) / (1.0 - u_product),
                         1.0 / (1.0 - std::pow(beta2, t)), epsilon, decay};
  kernels::nadam_update(var, g, m, v, c);
}

}  // namespace fasttf::ops
