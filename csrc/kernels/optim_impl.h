// The fused optimizer loops declared in optim_loops.h, compiled once per instruction set:
// optim.cpp, optim_avx2.cpp and optim_avx512.cpp include this file with FASTTF_OPTIM_ISA set to
// their namespace. Raw pointers only, no calls into shared inline code (see optim_loops.h).
// Formulas follow Keras 3 (keras/src/optimizers/*.py); the loops are branch-free in the element
// index so the compiler vectorises them.
#include <cmath>

#include "kernels/optim_loops.h"

namespace fasttf::kernels::optim_detail::FASTTF_OPTIM_ISA {
namespace {

template <class T>
inline void apply_decay(T* x, int64_t b, int64_t e, T decay) {
  if (decay != T(0))
    for (int64_t i = b; i < e; ++i) x[i] = x[i] - x[i] * decay;
}

template <class T, bool kCentered, bool kMomentum>
inline void rmsprop_loop(T* x, const T* g, T* vel, T* mo, T* avg, int64_t b, int64_t e, T lr,
                         T rho, T one_minus_rho, T mu, T eps) {
  for (int64_t i = b; i < e; ++i) {
    T gi = g[i];
    T vi = rho * vel[i] + one_minus_rho * (gi * gi);
    vel[i] = vi;
    T denominator = vi + eps;
    if constexpr (kCentered) {
      T ai = rho * avg[i] + one_minus_rho * gi;
      avg[i] = ai;
      denominator = vi - ai * ai + eps;
    }
    T increment = lr * gi / std::sqrt(denominator);
    if constexpr (kMomentum) {
      T mi = mu * mo[i] + increment;
      mo[i] = mi;
      x[i] -= mi;
    } else {
      x[i] -= increment;
    }
  }
}

}  // namespace

template <class T>
void sgd(T* x, const T* g, T* mom, int64_t b, int64_t e, const SgdCoeffs& c) {
  const T lr = T(c.lr), mu = T(c.momentum);
  apply_decay(x, b, e, T(c.decay));
  if (!mom) {
    for (int64_t i = b; i < e; ++i) x[i] -= g[i] * lr;
  } else if (c.nesterov) {
    for (int64_t i = b; i < e; ++i) {
      T mi = -g[i] * lr + mom[i] * mu;
      mom[i] = mi;
      x[i] += -g[i] * lr + mi * mu;
    }
  } else {
    for (int64_t i = b; i < e; ++i) {
      T mi = -g[i] * lr + mom[i] * mu;
      mom[i] = mi;
      x[i] += mi;
    }
  }
}

template <class T>
void adam(T* x, const T* g, T* mp, T* vp, T* vh, int64_t b, int64_t e, const AdamCoeffs& c) {
  const T alpha = T(c.alpha), b1c = T(c.one_minus_beta1), b2c = T(c.one_minus_beta2);
  const T eps = T(c.epsilon);
  apply_decay(x, b, e, T(c.decay));
  if (vh) {
    for (int64_t i = b; i < e; ++i) {
      T gi = g[i];
      T mi = mp[i] + (gi - mp[i]) * b1c;
      T vi = vp[i] + (gi * gi - vp[i]) * b2c;
      T hi = vh[i] < vi ? vi : vh[i];
      mp[i] = mi;
      vp[i] = vi;
      vh[i] = hi;
      x[i] -= (mi * alpha) / (std::sqrt(hi) + eps);
    }
  } else {
    for (int64_t i = b; i < e; ++i) {
      T gi = g[i];
      T mi = mp[i] + (gi - mp[i]) * b1c;
      T vi = vp[i] + (gi * gi - vp[i]) * b2c;
      mp[i] = mi;
      vp[i] = vi;
      x[i] -= (mi * alpha) / (std::sqrt(vi) + eps);
    }
  }
}

template <class T>
void rmsprop(T* x, const T* g, T* vel, T* mo, T* avg, int64_t b, int64_t e,
             const RmspropCoeffs& c) {
  // Keras takes 1 - rho in double precision (rho is a Python float), then rounds it.
  const T lr = T(c.lr), rho = T(c.rho), one_minus_rho = T(1.0 - c.rho);
  const T mu = T(c.momentum), eps = T(c.epsilon);
  apply_decay(x, b, e, T(c.decay));
  if (avg && mo)
    rmsprop_loop<T, true, true>(x, g, vel, mo, avg, b, e, lr, rho, one_minus_rho, mu, eps);
  else if (avg)
    rmsprop_loop<T, true, false>(x, g, vel, mo, avg, b, e, lr, rho, one_minus_rho, mu, eps);
  else if (mo)
    rmsprop_loop<T, false, true>(x, g, vel, mo, avg, b, e, lr, rho, one_minus_rho, mu, eps);
  else
    rmsprop_loop<T, false, false>(x, g, vel, mo, avg, b, e, lr, rho, one_minus_rho, mu, eps);
}

template <class T>
void adagrad(T* x, const T* g, T* acc, int64_t b, int64_t e, const AdagradCoeffs& c) {
  const T lr = T(c.lr), eps = T(c.epsilon);
  apply_decay(x, b, e, T(c.decay));
  for (int64_t i = b; i < e; ++i) {
    T gi = g[i];
    T ai = acc[i] + gi * gi;
    acc[i] = ai;
    x[i] -= lr * gi / std::sqrt(ai + eps);
  }
}

template <class T>
void adadelta(T* x, const T* g, T* ag, T* ad, int64_t b, int64_t e, const AdadeltaCoeffs& c) {
  const T lr = T(c.lr), rho = T(c.rho), one_minus_rho = T(1.0 - c.rho), eps = T(c.epsilon);
  apply_decay(x, b, e, T(c.decay));
  for (int64_t i = b; i < e; ++i) {
    T gi = g[i];
    T agi = rho * ag[i] + one_minus_rho * (gi * gi);
    ag[i] = agi;
    T delta = -std::sqrt(ad[i] + eps) * gi / std::sqrt(agi + eps);
    ad[i] = rho * ad[i] + one_minus_rho * (delta * delta);
    x[i] += lr * delta;
  }
}

template <class T>
void adamax(T* x, const T* g, T* mp, T* up, int64_t b, int64_t e, const AdamaxCoeffs& c) {
  const T step = T(c.step_size), b1c = T(c.one_minus_beta1), b2 = T(c.beta2);
  const T eps = T(c.epsilon);
  apply_decay(x, b, e, T(c.decay));
  for (int64_t i = b; i < e; ++i) {
    T gi = g[i];
    T mi = mp[i] + (gi - mp[i]) * b1c;
    T scaled = b2 * up[i], magnitude = std::fabs(gi);
    T ui = scaled < magnitude ? magnitude : scaled;
    mp[i] = mi;
    up[i] = ui;
    x[i] -= (step * mi) / (ui + eps);
  }
}

template <class T>
void nadam(T* x, const T* g, T* mp, T* vp, int64_t b, int64_t e, const NadamCoeffs& c) {
  const T lr = T(c.lr), b1c = T(c.one_minus_beta1), b2c = T(c.one_minus_beta2);
  const T cm = T(c.mhat_m), cg = T(c.mhat_g), vs = T(c.vhat_scale), eps = T(c.epsilon);
  apply_decay(x, b, e, T(c.decay));
  for (int64_t i = b; i < e; ++i) {
    T gi = g[i];
    T mi = mp[i] + (gi - mp[i]) * b1c;
    T vi = vp[i] + (gi * gi - vp[i]) * b2c;
    mp[i] = mi;
    vp[i] = vi;
    T m_hat = cm * mi + cg * gi;
    T v_hat = vi * vs;
    x[i] -= (m_hat * lr) / (std::sqrt(v_hat) + eps);
  }
}

#define FASTTF_INSTANTIATE_OPTIM_LOOPS(T)                                                     \
  template void sgd<T>(T*, const T*, T*, int64_t, int64_t, const SgdCoeffs&);                 \
  template void adam<T>(T*, const T*, T*, T*, T*, int64_t, int64_t, const AdamCoeffs&);       \
  template void rmsprop<T>(T*, const T*, T*, T*, T*, int64_t, int64_t, const RmspropCoeffs&); \
  template void adagrad<T>(T*, const T*, T*, int64_t, int64_t, const AdagradCoeffs&);         \
  template void adadelta<T>(T*, const T*, T*, T*, int64_t, int64_t, const AdadeltaCoeffs&);   \
  template void adamax<T>(T*, const T*, T*, T*, int64_t, int64_t, const AdamaxCoeffs&);       \
  template void nadam<T>(T*, const T*, T*, T*, int64_t, int64_t, const NadamCoeffs&);
FASTTF_INSTANTIATE_OPTIM_LOOPS(float)
FASTTF_INSTANTIATE_OPTIM_LOOPS(double)
#undef FASTTF_INSTANTIATE_OPTIM_LOOPS

}  // namespace fasttf::kernels::optim_detail::FASTTF_OPTIM_ISA
