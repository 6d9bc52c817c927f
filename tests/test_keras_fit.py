"""The training engine: compile / fit / evaluate / predict (notes 7.3-7.5 and 9)."""

import os

import numpy as np
import pytest

import fasttf as tf
from fasttf import keras
from fasttf.keras import layers

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MNIST = os.path.join(ROOT, "..", "shared", "datasets", "mnist.npz")


def setup_function():
    keras.backend.clear_session()
    keras.backend.set_seed(0)


def make_moons(n, noise=0.25, seed=100):
    rng = np.random.default_rng(seed)
    t = rng.uniform(0, np.pi, n)
    label = rng.integers(0, 2, n)
    outer = np.c_[np.cos(t), np.sin(t)]
    inner = np.c_[1 - np.cos(t), 0.5 - np.sin(t)]
    x = np.where(label[:, None] == 0, outer, inner) + rng.normal(0, noise, (n, 2))
    return x, label


def _metric(name):
    metrics = pytest.importorskip("fasttf.keras.metrics")
    return getattr(metrics, name)


def test_notes_9_regularized_moons_fit_and_evaluate():
    binary_accuracy = _metric("binary_accuracy")
    x, y = make_moons(1000)
    x_train, x_test, y_train, y_test = x[:800], x[800:], y[:800], y[800:]
    model = tf.keras.Sequential()
    model.add(layers.Dense(8, input_dim=2, activation=tf.nn.relu))
    for _ in range(3):
        model.add(layers.Dense(256, activation=tf.nn.relu,
                               kernel_regularizer=tf.keras.regularizers.l2(0.01)))
    model.add(layers.Dense(1, activation=tf.nn.sigmoid))
    model.compile(loss=keras.losses.binary_crossentropy, optimizer=keras.optimizers.Adam(),
                  metrics=[binary_accuracy])
    history = model.fit(x_train, y_train, epochs=10, batch_size=64, verbose=0)
    assert len(history.history["loss"]) == 10
    assert history.history["loss"][-1] < history.history["loss"][0]
    loss, acc = model.evaluate(x_test, y_test, verbose=0)
    assert acc > 0.8
    assert len(model.losses) == 3


def test_fit_converges_with_validation_and_sparse_accuracy():
    _metric("SparseCategoricalAccuracy")
    rng = np.random.default_rng(0)
    x = rng.standard_normal((600, 4)).astype(np.float32)
    y = (x[:, 0] + x[:, 1] > 0).astype(np.int64) + 2 * (x[:, 2] > 0.5)
    model = keras.Sequential([layers.Dense(32, activation="relu"), layers.Dense(4)])
    model.compile(optimizer=keras.optimizers.Adam(0.01),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    history = model.fit(x, y, batch_size=32, epochs=8, validation_split=0.2, verbose=0)
    h = history.history
    assert set(h) >= {"loss", "accuracy", "val_loss", "val_accuracy"}
    assert h["accuracy"][-1] > 0.9 and h["val_accuracy"][-1] > 0.85
    result = model.evaluate(x, y, verbose=0, return_dict=True)
    assert set(result) == {"loss", "accuracy"}
    pred = model.predict(x, batch_size=64, verbose=0)
    assert isinstance(pred, np.ndarray) and pred.shape == (600, 4)
    assert (pred.argmax(1) == y).mean() > 0.9


def test_mse_regression_loss_decreases_and_train_on_batch():
    rng = np.random.default_rng(1)
    x = rng.standard_normal((256, 3))
    y = x @ np.array([[1.0], [-2.0], [0.5]]) + 0.3
    model = keras.Sequential([layers.Dense(1, input_shape=(3,))])
    model.compile(optimizer="sgd", loss="mse")
    first = model.evaluate(x, y, verbose=0)
    model.fit(x, y, epochs=20, batch_size=16, verbose=0)
    last = model.evaluate(x, y, verbose=0)
    assert last < 0.01 < first
    loss = model.train_on_batch(x[:8], y[:8])
    assert isinstance(loss, float)
    assert model.predict_on_batch(x[:4]).shape == (4, 1)
    assert isinstance(model.test_on_batch(x[:8], y[:8]), float)


def test_length_mismatch_and_uncompiled():
    model = keras.Sequential([layers.Dense(1)])
    with pytest.raises(RuntimeError, match="compile"):
        model.fit(np.zeros((4, 2)), np.zeros(4), verbose=0)
    model.compile(optimizer="sgd", loss="mse")
    with pytest.raises(ValueError, match="Data cardinality is ambiguous"):
        model.fit(np.zeros((4, 2)), np.zeros(5), verbose=0)


def test_dropout_and_batchnorm_get_training_flag_in_fit():
    seen = []

    class Probe(layers.Layer):
        def call(self, x, training=None):
            seen.append(training)
            return x

    model = keras.Sequential([layers.Dense(2), Probe(), layers.Dropout(0.5)])
    model.compile(optimizer="sgd", loss="mse")
    model.fit(np.ones((4, 2)), np.ones((4, 2)), batch_size=4, verbose=0)
    model.predict(np.ones((4, 2)), verbose=0)
    model(np.ones((1, 2)))
    # TF 2.21 too: None first, from building the Sequential symbolically on the first batch
    assert seen == [None, True, False, None]


def test_functional_two_outputs_fit():
    inputs = keras.Input(shape=(2,))
    hidden = layers.Dense(8, activation="tanh")(inputs)
    a = layers.Dense(1, name="a")(hidden)
    b = layers.Dense(1, name="b")(hidden)
    model = keras.Model(inputs, [a, b])
    model.compile(optimizer=keras.optimizers.Adam(0.05), loss=["mse", "mse"],
                  loss_weights=[1.0, 0.5])
    x = np.random.default_rng(2).standard_normal((64, 2))
    ya, yb = x.sum(1, keepdims=True), x[:, :1] - x[:, 1:]
    history = model.fit(x, [ya, yb], epochs=30, batch_size=16, verbose=0)
    assert history.history["loss"][-1] < 0.2 * history.history["loss"][0]


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists(MNIST), reason="MNIST not available")
def test_mnist_mlp_reaches_97_percent():
    _metric("SparseCategoricalAccuracy")
    with np.load(MNIST) as data:
        x_train, y_train = data["x_train"] / 255.0, data["y_train"]
        x_test, y_test = data["x_test"] / 255.0, data["y_test"]
    model = keras.Sequential([layers.Flatten(input_shape=(28, 28)),
                              layers.Dense(256, activation="relu"),
                              layers.Dense(128, activation="relu"), layers.Dense(10)])
    model.compile(optimizer="adam",
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    model.fit(x_train, y_train, batch_size=128, epochs=4, verbose=0)
    _, acc = model.evaluate(x_test, y_test, verbose=0)
    assert acc >= 0.97
