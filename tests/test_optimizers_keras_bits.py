"""Float32 optimizer updates equal Keras 3's to the last bit.

Keras computes each update with separate float32 operations (no fused multiply-adds), its step
scalars (beta powers, bias corrections) in float32 too, and constants such as `1 - rho` in
Python's double precision before rounding them. The references below replay exactly those
operations in NumPy float32, in Keras' order (keras/src/optimizers/*.py); fasttf's fused kernels
must give the same bits after many steps, on every instruction set."""

import numpy as np
import pytest

import fasttf as tf

f32 = np.float32
STEPS = 25


def powf(base, exponent):
    """C's powf, which TF's pow runs: correctly rounded here via double precision. (NumPy's
    float32 power takes a shortcut for small integer exponents that rounds differently.)"""
    return f32(np.float64(f32(base)) ** float(exponent))


def keras_adam(x, grads, lr=0.1, beta_1=0.9, beta_2=0.999, eps=1e-7, amsgrad=False):
    m, v, v_hat = np.zeros_like(x), np.zeros_like(x), np.zeros_like(x)
    for step, g in enumerate(grads, start=1):
        alpha = f32(lr) * np.sqrt(f32(1) - powf(beta_2, step)) / (f32(1) - powf(beta_1, step))
        m = m + (g - m) * f32(1 - beta_1)
        v = v + (g * g - v) * f32(1 - beta_2)
        if amsgrad:
            v_hat = np.maximum(v_hat, v)
            x = x - (m * alpha) / (np.sqrt(v_hat) + f32(eps))
        else:
            x = x - (m * alpha) / (np.sqrt(v) + f32(eps))
    return x


def keras_sgd(x, grads, lr=0.1, momentum=0.9, nesterov=False):
    m = np.zeros_like(x)
    for g in grads:
        m = m * f32(momentum) - g * f32(lr)
        x = x + (m * f32(momentum) - g * f32(lr) if nesterov else m)
    return x


def keras_rmsprop(x, grads, lr=0.1, rho=0.9, momentum=0.0, eps=1e-7, centered=False):
    velocity, mom, average = np.zeros_like(x), np.zeros_like(x), np.zeros_like(x)
    for g in grads:
        velocity = f32(rho) * velocity + f32(1 - rho) * (g * g)
        if centered:
            average = f32(rho) * average + f32(1 - rho) * g
            denominator = velocity - average * average + f32(eps)
        else:
            denominator = velocity + f32(eps)
        increment = f32(lr) * g / np.sqrt(denominator)
        if momentum > 0:
            mom = f32(momentum) * mom + increment
            x = x - mom
        else:
            x = x - increment
    return x


def keras_adagrad(x, grads, lr=0.1, initial=0.1, eps=1e-7):
    accumulator = np.full_like(x, f32(initial))
    for g in grads:
        accumulator = accumulator + g * g
        x = x - f32(lr) * g / np.sqrt(accumulator + f32(eps))
    return x


def keras_adadelta(x, grads, lr=0.1, rho=0.95, eps=1e-7):
    acc_grad, acc_delta = np.zeros_like(x), np.zeros_like(x)
    for g in grads:
        acc_grad = f32(rho) * acc_grad + f32(1 - rho) * (g * g)
        delta = -(np.sqrt(acc_delta + f32(eps)) * g) / np.sqrt(acc_grad + f32(eps))
        acc_delta = f32(rho) * acc_delta + f32(1 - rho) * (delta * delta)
        x = x + f32(lr) * delta
    return x


CASES = {
    "adam": (lambda: tf.keras.optimizers.Adam(0.1), keras_adam),
    "adam_amsgrad": (lambda: tf.keras.optimizers.Adam(0.1, amsgrad=True),
                     lambda x, g: keras_adam(x, g, amsgrad=True)),
    "sgd_momentum": (lambda: tf.keras.optimizers.SGD(0.1, momentum=0.9), keras_sgd),
    "sgd_nesterov": (lambda: tf.keras.optimizers.SGD(0.1, momentum=0.9, nesterov=True),
                     lambda x, g: keras_sgd(x, g, nesterov=True)),
    "rmsprop": (lambda: tf.keras.optimizers.RMSprop(0.1), keras_rmsprop),
    "rmsprop_centered_momentum": (
        lambda: tf.keras.optimizers.RMSprop(0.1, momentum=0.5, centered=True),
        lambda x, g: keras_rmsprop(x, g, momentum=0.5, centered=True)),
    "adagrad": (lambda: tf.keras.optimizers.Adagrad(0.1), keras_adagrad),
    "adadelta": (lambda: tf.keras.optimizers.Adadelta(0.1), keras_adadelta),
}


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("size", [7, 4099])  # a vector tail, and the parallel path
def test_float32_updates_equal_keras_bits(name, size):
    make, reference = CASES[name]
    rng = np.random.default_rng(0)
    x0 = rng.uniform(-1, 1, size).astype(f32)
    grads = [(rng.standard_normal(size) * (1 + i % 3)).astype(f32) for i in range(STEPS)]
    variable = tf.Variable(x0)
    optimizer = make()
    for g in grads:
        optimizer.apply_gradients([(tf.constant(g), variable)])
    expected = reference(x0.copy(), grads)
    np.testing.assert_array_equal(variable.numpy(), expected)
