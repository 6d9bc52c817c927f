// Fused optimizer update kernels: each call updates one variable and its slot variables in
// place, in a single pass over memory. The op layer (ops/optim.cpp) has already checked that
// every tensor is contiguous, float32/float64 and of the variable's shape, and has folded the
// step-dependent scalars (bias corrections, learning rate) into the coefficient structs, so
// these loops only stream. Every element is independent, so results do not depend on the
// thread count.
#pragma once
#include "core/tensor.h"

namespace fasttf::kernels {

// Decoupled weight decay (AdamW and any optimizer with weight_decay): before the update,
// var -= var * decay, where decay = weight_decay * learning_rate (0 disables it).
struct SgdCoeffs { double lr, momentum, decay; bool nesterov; };
struct AdamCoeffs { double alpha, one_minus_beta1, one_minus_beta2, epsilon, decay; };
struct RmspropCoeffs { double lr, rho, momentum, epsilon, decay; };
struct AdagradCoeffs { double lr, epsilon, decay; };
struct AdadeltaCoeffs { double lr, rho, epsilon, decay; };
struct AdamaxCoeffs { double step_size, one_minus_beta1, beta2, epsilon, decay; };
// Nadam: m_hat = mhat_m * m + mhat_g * g, v_hat = v * vhat_scale.
struct NadamCoeffs {
  double lr, one_minus_beta1, one_minus_beta2, mhat_m, mhat_g, vhat_scale, epsilon, decay;
};

// momentum (m) is undefined when momentum == 0 (plain gradient descent).
void sgd_update(const Tensor& var, const Tensor& grad, const Tensor& m, const SgdCoeffs& c);
// vhat is undefined unless amsgrad.
void adam_update(const Tensor& var, const Tensor& grad, const Tensor& m, const Tensor& v,
                 const Tensor& vhat, const AdamCoeffs& c);
// mom is undefined when momentum == 0; mean_grad is undefined unless centered.
void rmsprop_update(const Tensor& var, const Tensor& grad, const Tensor& velocity,
                    const Tensor& mom, const Tensor& mean_grad, const RmspropCoeffs& c);
void adagrad_update(const Tensor& var, const Tensor& grad, const Tensor& accumulator,
                    const AdagradCoeffs& c);
void adadelta_update(const Tensor& var, const Tensor& grad, const Tensor& accum_grad,
                     const Tensor& accum_delta, const AdadeltaCoeffs& c);
void adamax_update(const Tensor& var, const Tensor& grad, const Tensor& m, const Tensor& u,
                   const AdamaxCoeffs& c);
void nadam_update(const Tensor& var, const Tensor& grad, const Tensor& m, const Tensor& v,
                  const NadamCoeffs& c);

}  // namespace fasttf::kernels
