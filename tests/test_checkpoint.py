"""tf.train.Checkpoint / CheckpointManager / latest_checkpoint."""

import os

import numpy as np
import pytest

import fasttf as tf
from fasttf import keras

X = np.random.default_rng(0).standard_normal((8, 4)).astype("float32")
Y = np.random.default_rng(1).standard_normal((8, 2)).astype("float32")


def model_and_optimizer():
    model = keras.Sequential([keras.layers.Dense(3, activation="relu", input_shape=(4,)),
                              keras.layers.Dense(2)])
    return model, keras.optimizers.Adam(0.01)


def test_round_trip_restores_weights_and_optimizer_slots(tmp_path):
    model, opt = model_and_optimizer()
    model.compile(opt, "mse")
    model.fit(X, Y, epochs=3, batch_size=4, verbose=0)
    step = tf.Variable(7, dtype=tf.int64)
    ckpt = tf.train.Checkpoint(model=model, optimizer=opt, step=step)
    path = ckpt.save(str(tmp_path / "ckpt"))
    assert path.endswith("ckpt-1") and os.path.exists(path + ".index")
    model2, opt2 = model_and_optimizer()
    step2 = tf.Variable(0, dtype=tf.int64)
    tf.train.Checkpoint(model=model2, optimizer=opt2, step=step2).restore(path)
    assert int(step2.numpy()) == 7
    np.testing.assert_array_equal(model2.predict(X, verbose=0), model.predict(X, verbose=0))
    assert int(opt2.iterations.numpy()) == 6
    for v, v2 in zip(model.trainable_variables, model2.trainable_variables):
        for slot in ("momentum", "velocity"):
            np.testing.assert_array_equal(opt2.get_slot(v2, slot).numpy(),
                                          opt.get_slot(v, slot).numpy())


def test_manager_keeps_max_to_keep(tmp_path):
    model, opt = model_and_optimizer()
    ckpt = tf.train.Checkpoint(model=model)
    manager = tf.train.CheckpointManager(ckpt, str(tmp_path), max_to_keep=2)
    for _ in range(4):
        manager.save()
    names = [os.path.basename(p) for p in manager.checkpoints]
    assert names == ["ckpt-3", "ckpt-4"]
    assert tf.train.latest_checkpoint(str(tmp_path)) == manager.latest_checkpoint
    assert sorted(os.listdir(tmp_path)) == ["checkpoint", "ckpt-3.data-00000-of-00001",
                                            "ckpt-3.index", "ckpt-4.data-00000-of-00001",
                                            "ckpt-4.index"]
    again = tf.train.CheckpointManager(ckpt, str(tmp_path), max_to_keep=2)
    assert [os.path.basename(p) for p in again.checkpoints] == ["ckpt-3", "ckpt-4"]


def test_write_read_and_mismatch(tmp_path):
    v = tf.Variable([1.0, 2.0])
    tf.train.Checkpoint(v=v).write(str(tmp_path / "plain"))
    w = tf.Variable([0.0, 0.0])
    tf.train.Checkpoint(v=w).read(str(tmp_path / "plain"))
    np.testing.assert_array_equal(w.numpy(), [1.0, 2.0])
    bad = tf.Variable([0.0, 0.0, 0.0])
    with pytest.raises(ValueError, match="plain.*shape"):
        tf.train.Checkpoint(v=bad).read(str(tmp_path / "plain"))
    assert tf.train.latest_checkpoint(str(tmp_path / "nowhere")) is None
