"""Vectorised float unary ops on views (column slices, transposes, steps) give the values of
the contiguous path."""

import numpy as np
import pytest

import fasttf as tf
from fasttf import _C

OPS = [(tf.sigmoid, lambda v: 1 / (1 + np.exp(-v))), (tf.tanh, np.tanh), (tf.exp, np.exp),
       (tf.math.log1p, np.log1p), (tf.math.softplus, lambda v: np.logaddexp(0, v))]


@pytest.mark.parametrize("op,ref", OPS)
def test_unary_on_views_matches_numpy_and_the_contiguous_result(op, ref):
    x = np.random.default_rng(0).uniform(0.1, 3, (64, 600)).astype(np.float32)
    t = tf.constant(x)
    views = [(t[:, 64:128], x[:, 64:128]), (tf.transpose(t), x.T), (t[::2, ::3], x[::2, ::3]),
             (t[:, 599:], x[:, 599:]), (t[5], x[5])]
    for view, expect in views:
        got = op(view).numpy()
        np.testing.assert_allclose(got, ref(expect.astype(np.float64)), rtol=3e-6, atol=1e-6)
        np.testing.assert_array_equal(got, op(tf.constant(np.ascontiguousarray(expect))).numpy())


def test_a_contiguous_copy_of_a_view_passes_gradients_through():
    # The recurrent layers copy gate slices to contiguous memory; the copy is on the tape.
    x = tf.Variable(np.arange(6.0).reshape(2, 3))
    with tf.GradientTape() as tape:
        copy = _C.contiguous(_C.transpose(tf.convert_to_tensor(x), [1, 0]))
        loss = tf.reduce_sum(copy * copy)
    np.testing.assert_array_equal(tape.gradient(loss, x).numpy(),
                                  2 * np.arange(6.0).reshape(2, 3))
    same = tf.constant([1.0, 2.0])
    assert _C.contiguous(same) is same  # already contiguous: no copy
