"""Shared test helpers: compare ops with NumPy float64 references and gradients with central
differences.

    check_op(tf.exp, np.exp, [x])                    forward, every float dtype
    check_grad(lambda a, b: a * b, [a, b])           analytic vs numerical gradient (float64)
"""

import subprocess
import sys
import textwrap

import numpy as np

import fasttf as tf

FLOAT_DTYPES = [np.float32, np.float64]
INT_DTYPES = [np.int32, np.int64]

# Tolerances per dtype for forward comparisons against float64 references.
TOLERANCE = {np.float16: (1e-2, 1e-2), np.float32: (1e-5, 1e-5), np.float64: (1e-12, 1e-12)}


def assert_close(actual, expected, rtol=None, atol=None, dtype=None):
    actual = actual.numpy() if isinstance(actual, tf.Tensor) else np.asarray(actual)
    expected = np.asarray(expected)
    if dtype is None:
        dtype = actual.dtype.type
    default_rtol, default_atol = TOLERANCE.get(dtype, (0, 0))
    assert actual.shape == expected.shape, (actual.shape, expected.shape)
    np.testing.assert_allclose(actual, expected,
                               rtol=default_rtol if rtol is None else rtol,
                               atol=default_atol if atol is None else atol, equal_nan=True)


def check_op(tf_fn, np_fn, inputs, dtypes=FLOAT_DTYPES, rtol=None, atol=None):
    """tf_fn(*tensors) equals np_fn(*float64 arrays) cast to each dtype in `dtypes`."""
    for dtype in dtypes:
        args = [np.asarray(x).astype(dtype) for x in inputs]
        expected = np_fn(*[a.astype(np.float64) if np.issubdtype(a.dtype, np.floating) else a
                           for a in args])
        result = tf_fn(*[tf.constant(a) for a in args])
        assert_close(result, np.asarray(expected).astype(result.numpy().dtype, copy=False)
                     if np.asarray(expected).dtype != np.bool_ else expected,
                     rtol=rtol, atol=atol, dtype=dtype)


def numerical_gradient(f, inputs, eps=1e-6):
    """Central differences of scalar f(list of float64 arrays) w.r.t. each input."""
    grads = []
    for i, x in enumerate(inputs):
        g = np.zeros_like(x, dtype=np.float64)
        flat = x.reshape(-1)
        for j in range(flat.size):
            orig = flat[j]
            flat[j] = orig + eps
            plus = f(inputs)
            flat[j] = orig - eps
            minus = f(inputs)
            flat[j] = orig
            g.reshape(-1)[j] = (plus - minus) / (2 * eps)
        grads.append(g)
    return grads


def check_grad(fn, inputs, rtol=1e-5, atol=1e-6, eps=1e-6, seed=0):
    """The tape's gradient of sum(fn(*inputs) * w) for a random w matches central differences.

    `inputs` are float64 arrays (they may be 0-d); fn takes and returns fasttf tensors.
    """
    rng = np.random.default_rng(seed)
    inputs = [np.array(x, dtype=np.float64) for x in inputs]
    probe = fn(*[tf.constant(x) for x in inputs])
    weights = rng.standard_normal(probe.shape.as_list())

    def scalar_loss(arrays):
        out = fn(*[tf.constant(a) for a in arrays]).numpy().astype(np.float64)
        return float(np.sum(out * weights))

    tensors = [tf.constant(x) for x in inputs]
    with tf.GradientTape() as tape:
        tape.watch(tensors)
        loss = tf.reduce_sum(fn(*tensors) * tf.constant(weights))
    analytic = tape.gradient(loss, tensors)
    numeric = numerical_gradient(scalar_loss, [x.copy() for x in inputs], eps)
    for i, (a, n) in enumerate(zip(analytic, numeric)):
        a = np.zeros_like(n) if a is None else a.numpy()
        np.testing.assert_allclose(a, n, rtol=rtol, atol=atol,
                                   err_msg="gradient of input %d differs" % i)


def run_isolated(code, timeout=60):
    """Runs `code` in a fresh interpreter (for inputs that might crash the process); returns
    the CompletedProcess. A crash shows as a negative return code."""
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, timeout=timeout)
