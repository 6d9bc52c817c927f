"""Callbacks driven by a tiny fake model (an object with an optimizer, weights and
stop_training), and the progress bar's text."""

import csv
import re

import numpy as np
import pytest

import fasttf as tf
from fasttf.keras import callbacks, optimizers
from fasttf.keras.utils import Progbar, to_categorical


class FakeModel:
    def __init__(self, lr=0.1):
        self.optimizer = optimizers.SGD(lr)
        self.stop_training = False
        self.weights = [np.zeros(2)]

    def get_weights(self):
        return [w.copy() for w in self.weights]

    def set_weights(self, weights):
        self.weights = [w.copy() for w in weights]


def run_epochs(cbs, model, epoch_logs, batches=2):
    """A minimal fit loop: the engine's calling sequence with the given per-epoch logs."""
    cb_list = callbacks.CallbackList(cbs, add_history=True, model=model, verbose=0,
                                     epochs=len(epoch_logs), steps=batches)
    cb_list.on_train_begin()
    for epoch, logs in enumerate(epoch_logs):
        cb_list.on_epoch_begin(epoch)
        for batch in range(batches):
            cb_list.on_train_batch_begin(batch)
            cb_list.on_train_batch_end(batch, dict(logs))
        model.weights = [np.full(2, float(epoch))]
        cb_list.on_epoch_end(epoch, dict(logs))
        if model.stop_training:
            break
    cb_list.on_train_end()
    return cb_list


def test_history_and_callback_hooks_order():
    calls = []

    class Recorder(callbacks.Callback):
        def on_train_begin(self, logs=None):
            calls.append("train_begin")

        def on_epoch_begin(self, epoch, logs=None):
            calls.append(f"epoch_begin{epoch}")

        def on_batch_end(self, batch, logs=None):  # Keras 2 alias still called
            calls.append(f"batch_end{batch}")

        def on_epoch_end(self, epoch, logs=None):
            calls.append(f"epoch_end{epoch}")

        def on_train_end(self, logs=None):
            calls.append("train_end")

    model = FakeModel()
    recorder = Recorder()
    run_epochs([recorder], model, [{"loss": 1.0}, {"loss": 0.5}], batches=1)
    assert calls == ["train_begin", "epoch_begin0", "batch_end0", "epoch_end0", "epoch_begin1",
                     "batch_end0", "epoch_end1", "train_end"]
    assert recorder.model is model and recorder.params["epochs"] == 2
    assert model.history.history == {"loss": [1.0, 0.5]}
    assert model.history.epoch == [0, 1]


def test_early_stopping_patience_and_restore():
    model = FakeModel()
    stop = callbacks.EarlyStopping(monitor="loss", patience=2, restore_best_weights=True)
    logs = [{"loss": v} for v in [1.0, 0.5, 0.6, 0.7, 0.4, 0.3]]
    run_epochs([stop], model, logs)
    assert model.stop_training and stop.stopped_epoch == 3 and stop.best_epoch == 1
    assert np.array_equal(model.weights[0], np.full(2, 1.0))  # epoch 1's weights restored
    model = FakeModel()
    run_epochs([callbacks.EarlyStopping(monitor="val_accuracy", min_delta=0.1, patience=1)],
               model, [{"val_accuracy": a} for a in [0.5, 0.55, 0.8, 0.85]])
    assert model.stop_training  # 0.55 is not an improvement of more than 0.1
    model = FakeModel()
    run_epochs([callbacks.EarlyStopping(monitor="loss", patience=0, start_from_epoch=3)],
               model, [{"loss": v} for v in [1.0, 2.0, 3.0, 4.0, 5.0]])
    assert model.stop_training
    model = FakeModel()
    run_epochs([callbacks.EarlyStopping(monitor="loss", baseline=0.1, patience=2)],
               model, [{"loss": v} for v in [0.9, 0.95, 0.97, 0.99]])
    # the first epoch is the best but misses the baseline, so patience keeps counting
    assert model.stop_training and model.history.epoch == [0, 1]


def test_learning_rate_scheduler_and_reduce_on_plateau():
    model = FakeModel(lr=1.0)
    sched = callbacks.LearningRateScheduler(lambda epoch, lr: lr * 0.5)
    cbs = run_epochs([sched], model, [{"loss": 1.0}] * 3)
    assert float(model.optimizer.learning_rate.numpy()) == pytest.approx(0.125)
    assert model.history.history["learning_rate"] == pytest.approx([0.5, 0.25, 0.125])
    model = FakeModel(lr=1.0)
    run_epochs([callbacks.LearningRateScheduler(lambda epoch: 0.01 * (epoch + 1))], model,
               [{"loss": 1.0}] * 2)
    assert float(model.optimizer.learning_rate.numpy()) == pytest.approx(0.02)
    model = FakeModel(lr=1.0)
    plateau = callbacks.ReduceLROnPlateau(monitor="loss", factor=0.5, patience=1, min_lr=0.3)
    run_epochs([plateau], model, [{"loss": v} for v in [1.0, 1.0, 1.0, 1.0, 1.0]])
    assert float(model.optimizer.learning_rate.numpy()) == pytest.approx(0.3)
    with pytest.raises(ValueError):
        callbacks.ReduceLROnPlateau(factor=1.5)
    del cbs


def test_csv_logger_lambda_and_terminate_on_nan(tmp_path):
    path = tmp_path / "log.csv"
    seen = []
    lam = callbacks.LambdaCallback(on_epoch_end=lambda epoch, logs: seen.append(epoch))
    model = FakeModel()
    run_epochs([callbacks.CSVLogger(str(path)), lam], model,
               [{"loss": 0.5, "accuracy": 0.75}, {"loss": 0.25, "accuracy": 1.0}])
    rows = list(csv.reader(open(path)))
    # Keras 3 (TF 2.21) adds val_ columns, NA without validation data
    assert rows == [["epoch", "accuracy", "loss", "val_accuracy", "val_loss"],
                    ["0", "0.75", "0.5", "NA", "NA"], ["1", "1.0", "0.25", "NA", "NA"]]
    assert seen == [0, 1]
    model = FakeModel()
    run_epochs([callbacks.TerminateOnNaN()], model, [{"loss": 1.0}, {"loss": float("nan")},
                                                     {"loss": 1.0}])
    assert model.stop_training and model.history.epoch == [0, 1]


def test_progbar_verbose1_format(capsys):
    bar = Progbar(target=10)
    bar._dynamic_display = False
    for step in range(1, 11):
        bar.update(step, [("loss", 0.2), ("accuracy", 0.9)])
    out = capsys.readouterr().out
    last = out.strip().split("\n")[-1]
    # Keras 3 (TF 2.21): bold count, green done part of a 20-wide bar, white rest
    assert re.fullmatch(r"\x1b\[1m10/10\x1b\[0m \x1b\[32m━{20}\x1b\[0m\x1b\[37m\x1b\[0m "
                        r"\x1b\[1m\d+s\x1b\[0m \d+(us|ms|s)/step - loss: 0\.2000 - "
                        r"accuracy: 0\.9000", last), last
    bar = Progbar(target=100, interval=0)
    bar._dynamic_display = False
    bar.update(50, [("loss", 1.0)])
    line = capsys.readouterr().out.strip("\n")
    assert re.fullmatch(r"\x1b\[1m 50/100\x1b\[0m \x1b\[32m━{10}\x1b\[0m\x1b\[37m━{10}\x1b\[0m "
                        r"\x1b\[1m\d+s\x1b\[0m \d+(us|ms|s)/step - loss: 1\.0000", line), line


def test_progbar_logger_in_fit_loop(capsys):
    model = FakeModel()
    cb_list = callbacks.CallbackList(None, add_history=True, add_progbar=True, model=model,
                                     verbose=1, epochs=2, steps=3)
    cb_list.on_train_begin()
    for epoch in range(2):
        cb_list.on_epoch_begin(epoch)
        for batch in range(3):
            cb_list.on_train_batch_end(batch, {"loss": 0.5 - 0.1 * batch})
        cb_list.on_epoch_end(epoch, {"loss": 0.3, "val_loss": 0.4})
    cb_list.on_train_end()
    out = capsys.readouterr().out
    assert "Epoch 1/2" in out and "Epoch 2/2" in out
    final = [line.split("\r")[-1] for line in out.split("\n") if "val_loss" in line]
    assert len(final) == 2
    assert re.fullmatch(r"\x1b\[1m3/3\x1b\[0m \x1b\[32m━{20}\x1b\[0m\x1b\[37m\x1b\[0m "
                        r"\x1b\[1m\d+s\x1b\[0m \d+(us|ms|s)/step - loss: 0\.3000 - "
                        r"val_loss: 0\.4000 *", final[0]), final[0]
    # verbose=2: one line per epoch
    cb_list = callbacks.CallbackList(None, add_progbar=True, model=model, verbose=2, epochs=1,
                                     steps=2)
    cb_list.on_train_begin()
    cb_list.on_epoch_begin(0)
    cb_list.on_train_batch_end(0, {"loss": 1.0})
    cb_list.on_train_batch_end(1, {"loss": 1.0})
    cb_list.on_epoch_end(0, {"loss": 1.0})
    out = capsys.readouterr().out
    assert re.fullmatch(r"2/2 - \d+s - \d+(us|ms|s)/step - loss: 1\.0000\n", out), out


def test_utils():
    assert np.array_equal(to_categorical([0, 2, 1]), np.eye(3, dtype=np.float32)[[0, 2, 1]])
    assert to_categorical(np.array([[1], [0]]), num_classes=3).shape == (2, 3)
    t = to_categorical(tf.constant([1, 0]), 2)
    assert isinstance(t, tf.Tensor) and t.dtype == tf.float32
    with pytest.raises(ValueError):
        to_categorical([0, 3], num_classes=3)
    from fasttf.keras import utils
    utils.set_random_seed(3)
    a = np.random.rand()
    utils.set_random_seed(3)
    assert np.random.rand() == a
