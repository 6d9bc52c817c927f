"""keras.callbacks.TensorBoard and ModelCheckpoint inside model.fit."""

import os

import numpy as np
import pytest

from fasttf import keras

pytest.importorskip("tensorboard")
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator  # noqa
from tensorboard.util import tensor_util  # noqa: E402

RNG = np.random.default_rng(0)
X = RNG.standard_normal((32, 4)).astype("float32")
Y = np.eye(3, dtype="float32")[RNG.integers(0, 3, 32)]


def model():
    m = keras.Sequential([keras.layers.Dense(8, activation="relu", input_shape=(4,)),
                          keras.layers.Dense(3, activation="softmax")])
    m.compile(keras.optimizers.Adam(0.01), "categorical_crossentropy", metrics=["accuracy"])
    return m


def scalars(directory):
    acc = EventAccumulator(str(directory), size_guidance={"tensors": 0, "histograms": 0})
    acc.Reload()
    out = {}
    for tag in acc.Tags()["tensors"]:
        values = [(e.step, tensor_util.make_ndarray(e.tensor_proto)) for e in acc.Tensors(tag)]
        if all(v.ndim == 0 for _, v in values):  # scalars (histograms are 2-d)
            out[tag] = [(step, float(v)) for step, v in values]
    return out, acc


def test_tensorboard_writes_epoch_scalars(tmp_path):
    m = model()
    history = m.fit(X, Y, epochs=3, batch_size=8, validation_split=0.25, verbose=0,
                    callbacks=[keras.callbacks.TensorBoard(str(tmp_path), histogram_freq=1)])
    train, acc = scalars(tmp_path / "train")
    val, _ = scalars(tmp_path / "validation")
    assert [s for s, _ in train["epoch_loss"]] == [0, 1, 2]
    np.testing.assert_allclose([v for _, v in train["epoch_loss"]], history.history["loss"],
                               rtol=1e-6)
    np.testing.assert_allclose([v for _, v in train["epoch_accuracy"]],
                               history.history["accuracy"], rtol=1e-6)
    np.testing.assert_allclose([v for _, v in val["epoch_loss"]], history.history["val_loss"],
                               rtol=1e-6)
    assert any("kernel" in tag for tag in acc.Tags()["tensors"])  # the weight histograms


def test_model_checkpoint_best_only_weights(tmp_path):
    m = model()
    path = str(tmp_path / "best.weights.h5")
    seen = []

    class Record(keras.callbacks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            seen.append((logs["val_loss"], os.path.getmtime(path) if os.path.exists(path)
                         else None))

    cb = keras.callbacks.ModelCheckpoint(path, monitor="val_loss", save_best_only=True,
                                         save_weights_only=True)
    history = m.fit(X, Y, epochs=4, batch_size=8, validation_data=(X[:8], Y[:8]), verbose=0,
                    callbacks=[cb])
    assert cb.best == pytest.approx(min(history.history["val_loss"]))
    fresh = model()
    fresh.load_weights(path)
    assert fresh.evaluate(X[:8], Y[:8], verbose=0)[0] == pytest.approx(cb.best, rel=1e-5)


def test_model_checkpoint_every_epoch_whole_model(tmp_path):
    m = model()
    pattern = str(tmp_path / "model-{epoch:02d}.keras")
    m.fit(X, Y, epochs=2, batch_size=8, verbose=0,
          callbacks=[keras.callbacks.ModelCheckpoint(pattern, monitor="loss")])
    assert sorted(os.listdir(tmp_path)) == ["model-01.keras", "model-02.keras"]
    loaded = keras.models.load_model(str(tmp_path / "model-02.keras"))
    np.testing.assert_array_equal(loaded.predict(X, verbose=0), m.predict(X, verbose=0))
