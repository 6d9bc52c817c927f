"""The fused Dense op (_C.dense: relu?(x @ kernel + bias)) that keras.layers.Dense runs on."""

import numpy as np
import pytest

import fasttf as tf
from fasttf import _C
from helpers import assert_close, check_grad


def reference(x, kernel, bias, relu):
    out = x.astype(np.float64) @ kernel.astype(np.float64)
    if bias is not None:
        out = out + bias
    return np.maximum(out, 0) if relu else out


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("relu", [False, True])
@pytest.mark.parametrize("with_bias", [False, True])
@pytest.mark.parametrize("m,k,n", [(1, 1, 1), (7, 17, 33), (128, 31, 10), (0, 5, 3), (4, 0, 6)])
def test_dense_matches_numpy(dtype, relu, with_bias, m, k, n):
    rng = np.random.default_rng(m * 100 + k * 10 + n)
    x = rng.standard_normal((m, k)).astype(dtype)
    kernel = rng.standard_normal((k, n)).astype(dtype)
    bias = rng.standard_normal(n).astype(dtype) if with_bias else None
    out = _C.dense(tf.constant(x), tf.constant(kernel),
                   tf.constant(bias) if with_bias else None, relu)
    assert out.dtype == tf.as_dtype(dtype)
    assert_close(out, reference(x, kernel, bias, relu))


def test_dense_on_non_contiguous_operands():
    rng = np.random.default_rng(1)
    x = rng.standard_normal((9, 6)).astype(np.float32)
    kernel = rng.standard_normal((4, 5)).astype(np.float32)
    out = _C.dense(tf.transpose(tf.constant(x))[:, ::2], tf.transpose(tf.constant(kernel)),
                   tf.constant(np.ones(4, np.float32)), True)
    assert_close(out, reference(x.T[:, ::2], kernel.T, np.ones(4), True))


@pytest.mark.parametrize("relu", [False, True])
@pytest.mark.parametrize("with_bias", [False, True])
def test_dense_gradients(relu, with_bias):
    rng = np.random.default_rng(2)
    # Pre-activations kept away from 0 so that ReLU's kink does not meet the differences.
    x = rng.uniform(0.5, 1.5, (4, 3)) * rng.choice([-1, 1], (4, 3))
    kernel = rng.standard_normal((3, 5))
    bias = rng.standard_normal(5)
    if with_bias:
        check_grad(lambda a, w, b: _C.dense(a, w, b, relu), [x, kernel, bias])
    else:
        check_grad(lambda a, w: _C.dense(a, w, None, relu), [x, kernel])


def test_dense_skips_the_data_gradient_but_gives_the_rest():
    x = tf.constant(np.ones((2, 3), np.float32))
    kernel = tf.Variable(np.full((3, 4), 0.5, np.float32))
    bias = tf.Variable(np.array([-2.0, 0.0, 1.0, 2.0], np.float32))
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(_C.dense(x, kernel, bias, True))
    d_kernel, d_bias, d_x = tape.gradient(loss, [kernel, bias, x])
    # pre-activation = 1.5 + bias: only the unit with bias -2 is cut by the ReLU
    assert_close(d_bias, [0.0, 2.0, 2.0, 2.0])
    assert_close(d_kernel, np.tile([0.0, 2.0, 2.0, 2.0], (3, 1)))
    assert d_x is None  # a constant that is not watched


@pytest.mark.parametrize("args, error", [
    (((2, 3), (4, 5), (5,)), ValueError),      # inner dimensions differ
    (((2, 3), (3, 5), (4,)), ValueError),      # bias length
    (((2, 3, 1), (3, 5), (5,)), ValueError),   # rank of x
    (((2, 3), (3, 5), (1, 5)), ValueError),    # rank of bias
])
def test_dense_rejects_bad_shapes(args, error):
    xs, ks, bs = args
    with pytest.raises(error, match=r"\[dense\]"):
        _C.dense(tf.zeros(xs), tf.zeros(ks), tf.zeros(bs), False)


def test_dense_rejects_bad_dtypes():
    with pytest.raises(ValueError, match=r"\[dense\].*dtype"):
        _C.dense(tf.zeros((2, 3)), tf.zeros((3, 4), tf.float64), None, False)
    with pytest.raises(TypeError, match=r"\[dense\]"):
        _C.dense(tf.zeros((2, 3), tf.int32), tf.zeros((3, 4), tf.int32), None, False)


def test_keras_dense_runs_fused_and_unfused_alike():
    rng = np.random.default_rng(3)
    x = rng.standard_normal((6, 2, 4)).astype(np.float32)
    fused = tf.keras.layers.Dense(3, activation="relu")
    composed = tf.keras.layers.Dense(3, activation=lambda t: tf.nn.relu(t))  # not fused
    fused.build((None, 2, 4))
    composed.build((None, 2, 4))
    composed.set_weights(fused.get_weights())
    kernel, bias = fused.get_weights()
    expected = np.maximum(x.astype(np.float64) @ kernel + bias, 0)
    assert_close(fused(x), expected)
    assert_close(composed(x), expected)
