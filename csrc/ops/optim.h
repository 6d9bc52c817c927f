// Optimizer updates: each call updates one variable and its slot variables in place with one
// fused kernel (kernels/optim.h), following the Keras 3 formulas. The variable and the slots
// must be contiguous float32/float64 tensors of one shape and dtype; the gradient must have the
// variable's shape and dtype (any layout). Slots that an option does not use are passed as
// undefined tensors. `decay` is the decoupled weight decay factor weight_decay * lr (0: none),
// applied as var -= var * decay before the update. `step` counts from 1. Nothing is recorded
// on the tape.
#pragma once
#include <cstdint>

#include "core/tensor.h"

namespace fasttf::ops {

// SGD: m = momentum*m - lr*g; var += m (nesterov: var += momentum*m - lr*g); momentum 0 and an
// undefined m: var -= lr*g.
void apply_sgd(const Tensor& var, const Tensor& grad, const Tensor& m, double lr,
               double momentum, bool nesterov, double decay);
// Adam/AdamW (vhat defined: amsgrad): lr_t = lr*sqrt(1-b2^t)/(1-b1^t), m += (g-m)(1-b1),
// v += (g²-v)(1-b2), vhat = max(vhat, v), var -= lr_t*m/(sqrt(v or vhat)+eps).
void apply_adam(const Tensor& var, const Tensor& grad, const Tensor& m, const Tensor& v,
                const Tensor& vhat, double lr, double beta1, double beta2, double epsilon,
                int64_t step, double decay);
// RMSprop: v = rho*v + (1-rho)g²; centered: a = rho*a + (1-rho)g, denom = v - a² + eps, else
// v + eps; inc = lr*g/sqrt(denom); momentum: mom = momentum*mom + inc, var -= mom; else -= inc.
void apply_rmsprop(const Tensor& var, const Tensor& grad, const Tensor& velocity,
                   const Tensor& mom, const Tensor& mean_grad, double lr, double rho,
                   double momentum, double epsilon, double decay);
// Adagrad: acc += g²; var -= lr*g/sqrt(acc + eps).
void apply_adagrad(const Tensor& var, const Tensor& grad, const Tensor& accumulator, double lr,
                   double epsilon, double decay);
// Adadelta: ag = rho*ag + (1-rho)g²; d = -sqrt(ad+eps)*g/sqrt(ag+eps); ad = rho*ad + (1-rho)d²;
// var += lr*d.
void apply_adadelta(const Tensor& var, const Tensor& grad, const Tensor& accum_grad,
                    const Tensor& accum_delta, double lr, double rho, double epsilon,
                    double decay);
// Adamax: m += (g-m)(1-b1); u = max(b2*u, |g|); var -= lr*m/((1-b1^t)(u+eps)).
void apply_adamax(const Tensor& var, const Tensor& grad, const Tensor& m, const Tensor& u,
                  double lr, double beta1, double beta2, double epsilon, int64_t step,
                  double decay);
// Nadam (Keras 3): u_product is the running product of the momentum schedule u_1..u_t,
// already including this step's factor.
void apply_nadam(const Tensor& var, const Tensor& grad, const Tensor& m, const Tensor& v,
                 double lr, double beta1, double beta2, double epsilon, int64_t step,
                 double u_product, double decay);

}  // namespace fasttf::ops
