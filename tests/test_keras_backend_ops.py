"""tf.keras.backend's tensor functions, with Keras 2's semantics (values checked against the
Keras 2 backend of TensorFlow and against NumPy here)."""

import numpy as np
import pytest

import fasttf as tf

K = tf.keras.backend

X = np.arange(-6, 6, dtype=np.float32).reshape(3, 4) / 3
P = np.linspace(0.05, 0.95, 12, dtype=np.float32).reshape(3, 4)
T = (np.arange(12).reshape(3, 4) % 2).astype(np.float32)


def close(a, b, tol=1e-6):
    np.testing.assert_allclose(np.asarray(a.numpy() if hasattr(a, "numpy") else a),
                               np.asarray(b), rtol=tol, atol=tol)


def test_a_keras2_custom_loss_runs_unchanged():
    def mse(y_true, y_pred):
        return K.mean(K.square(y_pred - y_true), axis=-1)
    close(mse(tf.constant(P), tf.constant(X)), np.mean((X - P) ** 2, axis=-1))
    close(K.mean(K.equal(T, 1.)), 0.5)  # booleans average as floatx
    assert K.mean(K.equal(T, 1.)).dtype == tf.float32


def test_reductions_and_statistics():
    close(K.sum(X, axis=0, keepdims=True), X.sum(0, keepdims=True))
    close(K.max(X), X.max())
    close(K.min(X, 1), X.min(1))
    close(K.prod(P, 1), P.prod(1), 1e-5)
    close(K.std(X, 1), X.std(1))
    close(K.var(X), X.var(), 1e-5)
    assert bool(K.any(X > 1).numpy()) and K.all(X > -3, axis=1).numpy().tolist() == [1, 1, 1]
    close(K.cumsum(X, 1), np.cumsum(X, 1), 1e-5)
    assert K.argmax(P).numpy().tolist() == [3, 3, 3]


def test_keras_specific_elementwise_forms():
    close(K.sqrt(tf.constant([-1e-9, 4.])), [0., 2.])  # clipped at zero first
    close(K.clip(X, 0.5, 0.1), np.full_like(X, 0.5))  # max below min is raised to it
    close(K.clip(X, None, 0.5), np.minimum(X, 0.5))
    close(K.hard_sigmoid(X), np.clip(0.2 * X + 0.5, 0, 1))
    relu = np.where(X > 0.5, X, 0.1 * (X - 0.5))
    close(K.relu(X, alpha=0.1, max_value=1.0, threshold=0.5), np.minimum(relu, 1.0))
    close(K.elu(X, 0.5), np.where(X > 0, X, 0.5 * (np.exp(X) - 1)))
    close(K.softsign(X), X / (1 + np.abs(X)))


def test_losses_are_elementwise_or_per_sample():
    eps = 1e-7
    clipped = np.clip(P, eps, 1 - eps)
    bce = -(T * np.log(clipped + eps) + (1 - T) * np.log(1 - clipped + eps))
    close(K.binary_crossentropy(T, P), bce, 1e-5)
    close(K.binary_crossentropy(T, X, from_logits=True),
          np.maximum(X, 0) - X * T + np.log1p(np.exp(-np.abs(X))), 1e-5)
    probs = P / P.sum(1, keepdims=True)
    close(K.categorical_crossentropy(tf.one_hot([1, 2, 0], 4), P),
          -np.log(probs[[0, 1, 2], [1, 2, 0]]), 1e-5)
    close(K.sparse_categorical_crossentropy([1, 2, 0], P), -np.log(probs[[0, 1, 2], [1, 2, 0]]),
          1e-5)


def test_dot_and_batch_dot_follow_keras2_shapes():
    a = np.arange(24, dtype=np.float32).reshape(2, 3, 4)
    b = np.arange(20, dtype=np.float32).reshape(4, 5)
    close(K.dot(a, b), a @ b)
    c = np.arange(60, dtype=np.float32).reshape(4, 3, 5)
    close(K.dot(np.ones((2, 3), np.float32), c), np.einsum("ij,kjl->ikl", np.ones((2, 3)), c))
    close(K.batch_dot(X, P), np.sum(X * P, axis=1, keepdims=True), 1e-5)
    d = np.arange(40, dtype=np.float32).reshape(2, 4, 5)
    close(K.batch_dot(a, d), np.einsum("bij,bjk->bik", a, d))
    e = np.arange(30, dtype=np.float32).reshape(2, 3, 5)
    close(K.batch_dot(a, e, axes=[1, 1]), np.einsum("bji,bjk->bik", a, e))
    with pytest.raises(ValueError):
        K.batch_dot(a, d, axes=[1, 1])  # 3 vs 4
    with pytest.raises(ValueError):
        K.batch_dot(a, d, axes=[0, 0])


def test_shapes_and_creation():
    assert K.repeat(X, 2).shape == (3, 2, 4)
    close(K.repeat_elements(X, 2, 1), np.repeat(X, 2, 1))
    assert K.batch_flatten(np.ones((2, 3, 4))).shape == (2, 12)
    close(K.concatenate([X, P]), np.concatenate([X, P], -1))
    assert K.permute_dimensions(np.ones((2, 3, 4)), (2, 0, 1)).shape == (4, 2, 3)
    close(K.reverse(X, 1), X[:, ::-1])
    assert K.arange(-3).numpy().tolist() == []
    close(K.arange(1, 7, 2, dtype="float32"), [1., 3., 5.])
    z = K.zeros((2, 2))
    assert isinstance(z, tf.Variable) and z.dtype == tf.float32
    assert K.constant([1, 2]).dtype == tf.float32 and K.dtype(K.constant(1)) == "float32"
    assert K.ndim(X) == 2 and K.eval(K.constant(2.)) == 2.0
    v = K.variable([1, 2])
    assert v.dtype == tf.float32
    close(K.update_add(v, [1., 1.]), [2., 3.])
    close(v, [2., 3.])


def test_switch_and_top_k():
    close(K.switch(K.greater(X[:, 0], 0), X, -X), np.where(X[:, :1] > 0, X, -X))
    close(K.switch(True, lambda: X, lambda: P), X)
    assert K.in_top_k(P, [3, 3, 0], 2).numpy().tolist() == [True, True, False]
