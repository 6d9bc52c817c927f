// Fused optimizer updates (see optim.h). Each kernel reads the gradient once and reads and
// writes the variable and its slots once; the loops are branch-free in the element index so
// the compiler vectorises them. Formulas follow Keras 3 (keras/src/optimizers/*.py).
#include "kernels/optim.h"

#include <algorithm>
#include <cmath>

#include "core/dtype.h"
#include "core/parallel.h"

namespace fasttf::kernels {
namespace {

constexpr int64_t kGrain = 1 << 15;

template <class T>
T* ptr(const Tensor& t) { return t.defined() ? t.data<T>() : nullptr; }

// Runs body(begin, end) over the variable's elements in parallel chunks.
template <class F>
void for_elements(const Tensor& var, const F& body) {
  parallel_for(var.numel(), kGrain, body);
}

template <class T>
inline T decayed(T x, T decay) { return x - x * decay; }

}  // namespace

void sgd_update(const Tensor& var, const Tensor& grad, const Tensor& m, const SgdCoeffs& c) {
  FASTTF_DISPATCH_FLOAT(var.dtype(), "sgd_update", [&](auto tag) {
    using T = decltype(tag);
    T* x = ptr<T>(var);
    const T* g = ptr<T>(grad);
    T* mom = ptr<T>(m);
    const T lr = T(c.lr), mu = T(c.momentum), decay = T(c.decay);
    for_elements(var, [&](int64_t b, int64_t e) {
      if (decay != T(0))
        for (int64_t i = b; i < e; ++i) x[i] = decayed(x[i], decay);
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
    });
  });
}

void adam_update(const Tensor& var, const Tensor& grad, const Tensor& m, const Tensor& v,
                 const Tensor& vhat, const AdamCoeffs& c) {
  FASTTF_DISPATCH_FLOAT(var.dtype(), "adam_update", [&](auto tag) {
    using T = decltype(tag);
    T* x = ptr<T>(var);
    const T* g = ptr<T>(grad);
    T *mp = ptr<T>(m), *vp = ptr<T>(v), *vh = ptr<T>(vhat);
    const T alpha = T(c.alpha), b1c = T(c.one_minus_beta1), b2c = T(c.one_minus_beta2);
    const T eps = T(c.epsilon), decay = T(c.decay);
    for_elements(var, [&](int64_t b, int64_t e) {
      if (decay != T(0))
        for (int64_t i = b; i < e; ++i) x[i] = decayed(x[i], decay);
      if (vh) {
        for (int64_t i = b; i < e; ++i) {
          T gi = g[i];
          T mi = mp[i] + (gi - mp[i]) * b1c;
          T vi = vp[i] + (gi * gi - vp[i]) * b2c;
          T hi = std::max(vh[i], vi);
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
    });
  });
}

namespace {

// One RMSprop loop per configuration, so each is branch-free and vectorises.
template <class T, bool kCentered, bool kMomentum>
void rmsprop_loop(T* x, const T* g, T* vel, T* mo, T* avg, int64_t b, int64_t e, T lr, T rho,
                  T mu, T eps) {
  const T one_minus_rho = T(1) - rho;
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

void rmsprop_update(const Tensor& var, const Tensor& grad, const Tensor& velocity,
                    const Tensor& mom, const Tensor& mean_grad, const RmspropCoeffs& c) {
  FASTTF_DISPATCH_FLOAT(var.dtype(), "rmsprop_update", [&](auto tag) {
    using T = decltype(tag);
    T* x = ptr<T>(var);
    const T* g = ptr<T>(grad);
    T *vel = ptr<T>(velocity), *mo = ptr<T>(mom), *avg = ptr<T>(mean_grad);
    const T lr = T(c.lr), rho = T(c.rho), mu = T(c.momentum), eps = T(c.epsilon);
    const T decay = T(c.decay);
    for_elements(var, [&](int64_t b, int64_t e) {
      if (decay != T(0))
        for (int64_t i = b; i < e; ++i) x[i] = decayed(x[i], decay);
      if (avg && mo)
        rmsprop_loop<T, true, true>(x, g, vel, mo, avg, b, e, lr, rho, mu, eps);
      else if (avg)
        rmsprop_loop<T, true, false>(x, g, vel, mo, avg, b, e, lr, rho, mu, eps);
      else if (mo)
        rmsprop_loop<T, false, true>(x, g, vel, mo, avg, b, e, lr, rho, mu, eps);
      else
        rmsprop_loop<T, false, false>(x, g, vel, mo, avg, b, e, lr, rho, mu, eps);
    });
  });
}

void adagrad_update(const Tensor& var, const Tensor& grad, const Tensor& accumulator,
                    const AdagradCoeffs& c) {
  FASTTF_DISPATCH_FLOAT(var.dtype(), "adagrad_update", [&](auto tag) {
    using T = decltype(tag);
    T* x = ptr<T>(var);
    const T* g = ptr<T>(grad);
    T* acc = ptr<T>(accumulator);
    const T lr = T(c.lr), eps = T(c.epsilon), decay = T(c.decay);
    for_elements(var, [&](int64_t b, int64_t e) {
      if (decay != T(0))
        for (int64_t i = b; i < e; ++i) x[i] = decayed(x[i], decay);
      for (int64_t i = b; i < e; ++i) {
        T gi = g[i];
        T ai = acc[i] + gi * gi;
        acc[i] = ai;
        x[i] -= lr * gi / std::sqrt(ai + eps);
      }
    });
  });
}

void adadelta_update(const Tensor& var, const Tensor& grad, const Tensor& accum_grad,
                     const Tensor& accum_delta, const AdadeltaCoeffs& c) {
  FASTTF_DISPATCH_FLOAT(var.dtype(), "adadelta_update", [&](auto tag) {
    using T = decltype(tag);
    T* x = ptr<T>(var);
    const T* g = ptr<T>(grad);
    T *ag = ptr<T>(accum_grad), *ad = ptr<T>(accum_delta);
    const T lr = T(c.lr), rho = T(c.rho), one_minus_rho = T(1) - T(c.rho);
    const T eps = T(c.epsilon), decay = T(c.decay);
    for_elements(var, [&](int64_t b, int64_t e) {
      if (decay != T(0))
        for (int64_t i = b; i < e; ++i) x[i] = decayed(x[i], decay);
      for (int64_t i = b; i < e; ++i) {
        T gi = g[i];
        T agi = rho * ag[i] + one_minus_rho * (gi * gi);
        ag[i] = agi;
        T delta = -std::sqrt(ad[i] + eps) * gi / std::sqrt(agi + eps);
        ad[i] = rho * ad[i] + one_minus_rho * (delta * delta);
        x[i] += lr * delta;
      }
    });
  });
}

void adamax_update(const Tensor& var, const Tensor& grad, const Tensor& m, const Tensor& u,
                   const AdamaxCoeffs& c) {
  FASTTF_DISPATCH_FLOAT(var.dtype(), "adamax_update", [&](auto tag) {
    using T = decltype(tag);
    T* x = ptr<T>(var);
    const T* g = ptr<T>(grad);
    T *mp = ptr<T>(m), *up = ptr<T>(u);
    const T step = T(c.step_size), b1c = T(c.one_minus_beta1), b2 = T(c.beta2);
    const T eps = T(c.epsilon), decay = T(c.decay);
    for_elements(var, [&](int64_t b, int64_t e) {
      if (decay != T(0))
        for (int64_t i = b; i < e; ++i) x[i] = decayed(x[i], decay);
      for (int64_t i = b; i < e; ++i) {
        T gi = g[i];
        T mi = mp[i] + (gi - mp[i]) * b1c;
        T ui = std::max(b2 * up[i], std::abs(gi));
        mp[i] = mi;
        up[i] = ui;
        x[i] -= (step * mi) / (ui + eps);
      }
    });
  });
}

void nadam_update(const Tensor& var, const Tensor& grad, const Tensor& m, const Tensor& v,
                  const NadamCoeffs& c) {
  FASTTF_DISPATCH_FLOAT(var.dtype(), "nadam_update", [&](auto tag) {
    using T = decltype(tag);
    T* x = ptr<T>(var);
    const T* g = ptr<T>(grad);
    T *mp = ptr<T>(m), *vp = ptr<T>(v);
    const T lr = T(c.lr), b1c = T(c.one_minus_beta1), b2c = T(c.one_minus_beta2);
    const T cm = T(c.mhat_m), cg = T(c.mhat_g), vs = T(c.vhat_scale);
    const T eps = T(c.epsilon), decay = T(c.decay);
    for_elements(var, [&](int64_t b, int64_t e) {
      if (decay != T(0))
        for (int64_t i = b; i < e; ++i) x[i] = decayed(x[i], decay);
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
    });
  });
}

}  // namespace fasttf::kernels
