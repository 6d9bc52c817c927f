"""The training path creates no reference cycles: a tensor dropped by the user is freed at once,
so the allocator reuses its memory in the next step. (A cycle would keep gradients and batches
alive until Python's cyclic collector runs; a 11 MB gradient then cost fresh, zeroed pages on
every step.) gc.collect() returns how many unreachable objects it found: zero means no cycle."""

import gc

import numpy as np
import pytest

import fasttf as tf
from fasttf.util import nest


@pytest.fixture
def no_automatic_gc():
    gc.collect()
    gc.disable()
    yield
    gc.enable()


def test_gradient_and_its_structure_make_no_cycle(no_automatic_gc):
    v = tf.Variable(np.ones((4, 6, 6, 2), np.float32))
    w = {"a": tf.Variable([1.0, 2.0]), "b": [tf.Variable(3.0)]}
    for _ in range(3):
        with tf.GradientTape() as tape:
            y = tf.reduce_sum(tf.nn.max_pool2d(v, 2, 2, "VALID")) + w["a"][0] * w["b"][0]
        grads = tape.gradient(y, [v, w])
        assert float(grads[1]["b"][0]) == 1.0
        del tape, y, grads
    assert gc.collect() == 0


def test_nest_pack_sequence_as_makes_no_cycle(no_automatic_gc):
    packed = nest.pack_sequence_as({"x": [0, (0, 0)], "y": 0}, [1, 2, 3, 4])
    assert packed == {"x": [1, (2, 3)], "y": 4}
    del packed
    assert gc.collect() == 0


def test_dataset_batches_and_a_fit_step_make_no_cycle(no_automatic_gc):
    x = np.random.default_rng(0).random((64, 5)).astype(np.float32)
    y = (x.sum(1) > 2.5).astype(np.int32)
    for features, labels in tf.data.Dataset.from_tensor_slices((x, {"l": y})).batch(16):
        assert features.shape == (16, 5) and labels["l"].shape == (16,)
    del features, labels
    assert gc.collect() == 0
