"""Losses against NumPy formulas (Keras 3): per-sample functions, Loss objects with
sample_weight and every reduction, lookup by name, and bad inputs."""

import numpy as np
import pytest

import fasttf as tf
from fasttf.keras import losses
from helpers import assert_close

RNG = np.random.default_rng(1)
EPS = 1e-7


def _softmax(z):
    e = np.exp(z - z.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def _hinge_labels(y):
    return 2 * y - 1 if np.all((y == 0) | (y == 1)) else y


def np_cce(y, p):
    p = np.clip(p / p.sum(-1, keepdims=True), EPS, 1 - EPS)
    return -(y * np.log(p)).sum(-1)


def np_bce(y, p):
    p = np.clip(p, EPS, 1 - EPS)
    return -(y * np.log(p) + (1 - y) * np.log(1 - p)).mean(-1)


def np_huber(y, p, d=1.0):
    e = np.abs(p - y)
    return np.where(e <= d, 0.5 * e ** 2, d * e - 0.5 * d ** 2).mean(-1)


def np_cosine(y, p):
    y = y / np.sqrt(np.maximum((y * y).sum(-1, keepdims=True), 1e-12))
    p = p / np.sqrt(np.maximum((p * p).sum(-1, keepdims=True), 1e-12))
    return -(y * p).sum(-1)


PROBS = _softmax(RNG.standard_normal((4, 5)))
ONEHOT = np.eye(5)[[0, 3, 1, 4]]
REAL_T = RNG.uniform(0.1, 2, (4, 5))
REAL_P = RNG.uniform(0.1, 2, (4, 5))
BINARY_T = RNG.integers(0, 2, (4, 5)).astype(np.float64)
SIGNED_P = RNG.standard_normal((4, 5))

FUNCTION_CASES = [
    ("mse", losses.mse, REAL_T, REAL_P, lambda y, p: ((y - p) ** 2).mean(-1)),
    ("MSE", losses.MSE, REAL_T, REAL_P, lambda y, p: ((y - p) ** 2).mean(-1)),
    ("mae", losses.mae, REAL_T, REAL_P, lambda y, p: np.abs(y - p).mean(-1)),
    ("mape", losses.mape, REAL_T, REAL_P,
     lambda y, p: 100 * np.abs((y - p) / np.maximum(np.abs(y), EPS)).mean(-1)),
    ("msle", losses.msle, REAL_T, REAL_P,
     lambda y, p: ((np.log(np.maximum(p, EPS) + 1) - np.log(np.maximum(y, EPS) + 1)) ** 2)
     .mean(-1)),
    ("huber", losses.huber, REAL_T, REAL_P * 3, np_huber),
    ("log_cosh", losses.log_cosh, REAL_T, REAL_P, lambda y, p: np.log(np.cosh(p - y)).mean(-1)),
    ("cce", losses.categorical_crossentropy, ONEHOT, PROBS, np_cce),
    ("bce", losses.binary_crossentropy, BINARY_T, PROBS, np_bce),
    ("kld", losses.kld, PROBS[::-1].copy(), PROBS,
     lambda y, p: (np.clip(y, EPS, 1) * np.log(np.clip(y, EPS, 1) / np.clip(p, EPS, 1))).sum(-1)),
    ("poisson", losses.poisson, REAL_T, REAL_P, lambda y, p: (p - y * np.log(p + EPS)).mean(-1)),
    ("hinge", losses.hinge, BINARY_T, SIGNED_P,
     lambda y, p: np.maximum(1 - _hinge_labels(y) * p, 0).mean(-1)),
    ("squared_hinge", losses.squared_hinge, BINARY_T, SIGNED_P,
     lambda y, p: (np.maximum(1 - _hinge_labels(y) * p, 0) ** 2).mean(-1)),
    ("categorical_hinge", losses.categorical_hinge, ONEHOT, SIGNED_P,
     lambda y, p: np.maximum(((1 - y) * p).max(-1) - (y * p).sum(-1) + 1, 0)),
    ("cosine_similarity", losses.cosine_similarity, REAL_T, SIGNED_P, np_cosine),
]


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("name,fn,y,p,ref", FUNCTION_CASES, ids=[c[0] for c in FUNCTION_CASES])
def test_loss_functions_match_numpy(name, fn, y, p, ref, dtype):
    out = fn(tf.constant(y.astype(dtype)), tf.constant(p.astype(dtype)))
    assert out.dtype == tf.as_dtype(dtype)
    tol = 1e-5 if dtype == np.float32 else 1e-10
    assert_close(out, ref(y, p), rtol=tol, atol=tol)


def test_cross_entropies_from_logits_and_sparse():
    logits = RNG.standard_normal((4, 5))
    labels = np.array([0, 3, 1, 4])
    expected = -np.log(_softmax(logits)[np.arange(4), labels])
    assert_close(losses.categorical_crossentropy(ONEHOT, logits, from_logits=True), expected,
                 rtol=1e-10, atol=1e-10)
    assert_close(losses.sparse_categorical_crossentropy(labels, logits, from_logits=True),
                 expected, rtol=1e-10, atol=1e-10)
    # labels of shape (N, 1) are squeezed; probabilities are clipped and renormalised
    assert_close(losses.sparse_categorical_crossentropy(labels[:, None], PROBS),
                 -np.log(PROBS[np.arange(4), labels]), rtol=1e-10, atol=1e-10)
    assert_close(losses.binary_crossentropy(BINARY_T, logits, from_logits=True),
                 np_bce(BINARY_T, 1 / (1 + np.exp(-logits))), rtol=1e-8, atol=1e-8)
    # ignore_class zeroes those samples
    out = losses.sparse_categorical_crossentropy(np.array([0, -1, 1, -1]), logits,
                                                 from_logits=True, ignore_class=-1)
    ref = -np.log(_softmax(logits)[np.arange(4), [0, 0, 1, 0]]) * np.array([1, 0, 1, 0])
    assert_close(out, ref, rtol=1e-10, atol=1e-10)


def test_label_smoothing():
    y, ls = ONEHOT, 0.2
    assert_close(losses.categorical_crossentropy(y, PROBS, label_smoothing=ls),
                 np_cce(y * (1 - ls) + ls / 5, PROBS), rtol=1e-10)
    assert_close(losses.binary_crossentropy(BINARY_T, PROBS, label_smoothing=ls),
                 np_bce(BINARY_T * (1 - ls) + 0.5 * ls, PROBS), rtol=1e-10)


def test_notes_mse_and_cce_give_per_sample_values():
    output = tf.random.normal([2, 10])
    y_onehot = tf.one_hot(tf.constant([1, 3]), depth=10)
    loss = tf.keras.losses.MSE(y_onehot, output)
    assert loss.shape == (2,)
    assert_close(loss, ((y_onehot.numpy() - output.numpy()) ** 2).mean(-1))
    cce = tf.keras.losses.categorical_crossentropy(y_onehot, output, from_logits=True)
    assert cce.shape == (2,) and cce.dtype == tf.float32
    criterion = tf.keras.losses.CategoricalCrossentropy(from_logits=True)
    assert_close(criterion(y_onehot, output), cce.numpy().mean(), rtol=1e-6)


def test_reductions_and_sample_weight():
    y, p = REAL_T.astype(np.float32), REAL_P.astype(np.float32)
    per_sample = ((y - p) ** 2).mean(-1)
    w = np.array([1.0, 0.0, 2.0, 0.5], np.float32)
    assert_close(losses.MeanSquaredError()(y, p), per_sample.mean(), rtol=1e-6)
    assert_close(losses.MeanSquaredError()(y, p, sample_weight=w), (per_sample * w).mean(),
                 rtol=1e-6)
    assert_close(losses.MeanSquaredError(reduction="sum")(y, p, sample_weight=w),
                 (per_sample * w).sum(), rtol=1e-6)
    assert_close(losses.MeanSquaredError(reduction=None)(y, p, sample_weight=w),
                 per_sample * w, rtol=1e-6)
    assert_close(losses.MeanSquaredError(reduction="none")(y, p), per_sample, rtol=1e-6)
    assert_close(losses.MeanSquaredError(reduction="mean_with_sample_weight")(
        y, p, sample_weight=w), (per_sample * w).sum() / w.sum(), rtol=1e-6)
    # TF-Keras 2 spellings
    R = tf.keras.losses.Reduction
    assert_close(losses.MeanSquaredError(reduction=R.SUM)(y, p), per_sample.sum(), rtol=1e-6)
    assert_close(losses.MeanSquaredError(reduction=R.AUTO)(y, p), per_sample.mean(), rtol=1e-6)
    assert_close(losses.MeanSquaredError(reduction=R.SUM_OVER_BATCH_SIZE)(y, p, 2.0),
                 2 * per_sample.mean(), rtol=1e-6)
    # a (N, 1) weight matches (N,) losses
    assert_close(losses.MeanSquaredError()(y, p, sample_weight=w[:, None]),
                 (per_sample * w).mean(), rtol=1e-6)
    with pytest.raises(ValueError, match="reduction"):
        losses.MeanSquaredError(reduction="average")


def test_loss_objects_have_keras_configs_and_names():
    loss = losses.CategoricalCrossentropy(from_logits=True, label_smoothing=0.1)
    config = loss.get_config()
    assert config["from_logits"] and config["label_smoothing"] == 0.1
    assert config["name"] == "categorical_crossentropy"
    again = losses.CategoricalCrossentropy.from_config(config)
    assert_close(again(ONEHOT, PROBS), loss(ONEHOT, PROBS))
    assert losses.Huber(delta=2.0).get_config()["delta"] == 2.0
    assert_close(losses.Huber(2.0)(REAL_T, REAL_P * 3), np_huber(REAL_T, REAL_P * 3, 2.0).mean(),
                 rtol=1e-10)
    assert losses.BinaryCrossentropy().name == "binary_crossentropy"


def test_regression_losses_squeeze_trailing_axis():
    y = np.array([1.0, 2.0, 3.0], np.float32)
    p = np.array([[1.5], [2.0], [2.0]], np.float32)
    assert_close(losses.mse(y, p), np.float32([0.25, 0.0, 1.0]))
    assert_close(losses.BinaryCrossentropy()(np.float32([0, 1]), np.float32([[0.2], [0.7]])),
                 np_bce(np.float32([[0], [1]]), np.float32([[0.2], [0.7]])).mean(), rtol=1e-6)


def test_get_and_unknown_names():
    assert losses.get("mse") is losses.mean_squared_error
    assert losses.get("categorical_crossentropy") is losses.categorical_crossentropy
    assert isinstance(losses.get("CategoricalCrossentropy"), losses.CategoricalCrossentropy)
    assert losses.get(None) is None
    fn = lambda y, p: y  # noqa: E731
    assert losses.get(fn) is fn
    config = losses.serialize(losses.SparseCategoricalCrossentropy(from_logits=True))
    assert losses.get(config).get_config()["from_logits"]
    with pytest.raises(ValueError, match="no_such_loss"):
        losses.get("no_such_loss")


def test_bad_inputs():
    with pytest.raises(tf.errors.InvalidArgumentError, match="outside the valid range"):
        losses.sparse_categorical_crossentropy(np.array([0, 5]), np.zeros((2, 5), np.float32),
                                               from_logits=True)
    with pytest.raises(tf.errors.InvalidArgumentError):
        losses.sparse_categorical_crossentropy(np.array([-1, 0]), np.zeros((2, 5), np.float32))
    with pytest.raises(ValueError, match="same shape"):
        losses.categorical_crossentropy(np.zeros((2, 4)), np.zeros((2, 5)))
    with pytest.raises(ValueError):
        losses.sparse_categorical_crossentropy(np.array([0, 1, 2]), np.zeros((2, 5)))
    with pytest.raises(ValueError):  # incompatible shapes do not broadcast silently
        losses.mse(np.zeros((2, 4), np.float32), np.zeros((2, 5), np.float32))


def test_gradient_flows_through_losses():
    logits = tf.Variable(RNG.standard_normal((3, 4)))
    labels = np.eye(4)[[0, 2, 3]]
    with tf.GradientTape() as tape:
        loss = losses.CategoricalCrossentropy(from_logits=True)(labels, logits)
    grad = tape.gradient(loss, logits)
    assert_close(grad, (_softmax(logits.numpy()) - labels) / 3, rtol=1e-8, atol=1e-10)
    x = tf.Variable(np.array([[0.5, 3.0]]))
    with tf.GradientTape() as tape:
        loss = losses.Huber()(np.array([[0.0, 0.0]]), x)
    assert_close(tape.gradient(loss, x), np.array([[0.25, 0.5]]), rtol=1e-12)


def test_sparse_categorical_crossentropy_takes_any_integer_label_dtype():
    # Keras casts labels: MNIST's uint8 labels go straight into the loss.
    logits = np.array([[2.0, 1.0, 0.1], [0.5, 2.5, 0.0]], np.float32)
    expected = -np.log(np.exp(logits[[0, 1], [0, 1]]) / np.exp(logits).sum(1)).mean()
    loss = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    for labels in (np.array([0, 1], np.uint8), np.array([0, 1], np.int16), np.array([0.0, 1.0])):
        np.testing.assert_allclose(float(loss(labels, logits)), expected, rtol=1e-6)
