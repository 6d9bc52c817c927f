"""Tensor.__getitem__: TF's basic indexing (ints, slices, Ellipsis, newaxis) and its gradient."""

import numpy as np
import pytest

import fasttf as tf
from helpers import assert_close, check_grad, run_isolated

X = np.arange(3 * 4 * 5 * 6, dtype=np.float32).reshape(3, 4, 5, 6)

KEYS = [
    2, -1, (1, 2), (2, 1, 0, 1), (-3, -4, -5, -6),
    slice(None), slice(1, 3), slice(None, None, -1), slice(-1, -4, -1), slice(10, 20),
    slice(None, None, 2), slice(3, 0, -2), slice(-100, 100),
    (Ellipsis, 1), (1, Ellipsis), (Ellipsis,), (0, Ellipsis, slice(None, None, -2)),
    (None, 1), (1, None, slice(1, 3), None), (Ellipsis, None), (None, Ellipsis, None, 2),
    (slice(None), 2, slice(None, None, -1)), (1, slice(2, 2)),
]


@pytest.mark.parametrize("key", KEYS, ids=[repr(k) for k in KEYS])
def test_getitem_matches_numpy(key):
    assert_close(tf.constant(X)[key], X[key])


@pytest.mark.parametrize("dtype", [np.float64, np.int32, np.int64, np.bool_])
def test_getitem_dtypes_and_noncontiguous(dtype):
    x = (X % 7).astype(dtype)
    t = tf.constant(x)
    assert_close(t[1, ::-1, 2:], x[1, ::-1, 2:])
    tt = tf.transpose(t)                                    # strided input
    assert_close(tt[::2, 1, ..., -1], x.T[::2, 1, ..., -1])
    assert_close(tt[1:][::-1][0], x.T[1:][::-1][0])         # views of views


def test_chained_indexing_equals_tuple_indexing():
    t = tf.constant(X)
    assert t[2][1][0][1].numpy() == t[2, 1, 0, 1].numpy() == X[2, 1, 0, 1]
    assert t[2, 1, 0, 1].shape == ()


def test_index_with_scalar_tensors_and_numpy_ints():
    t = tf.constant(X)
    assert_close(t[tf.constant(1), np.int64(2)], X[1, 2])
    assert_close(t[tf.constant(1, tf.int64):tf.constant(3)], X[1:3])


def test_zero_sized_and_scalar():
    assert tf.constant(X)[3:].shape == (0, 4, 5, 6)
    assert tf.zeros([0, 2])[:, 1].shape == (0,)
    s = tf.constant(5.0)
    assert s[...].numpy() == 5.0 and s[None].shape == (1,)


def test_bad_indices_raise():
    t = tf.constant(X)
    with pytest.raises(tf.errors.InvalidArgumentError, match="out of bounds"):
        t[3]
    with pytest.raises(tf.errors.InvalidArgumentError, match="out of bounds"):
        t[0, -5]
    with pytest.raises((IndexError, ValueError)):
        t[0, 0, 0, 0, 0]
    with pytest.raises(ValueError, match="ellipsis"):
        t[..., 0, ...]
    with pytest.raises(ValueError, match="zero"):
        t[::0]
    with pytest.raises(TypeError):
        t[1.5]
    with pytest.raises(ValueError, match="mask cannot be scalar"):  # TF: a bool is a mask
        t[True]
    with pytest.raises(TypeError):
        t["a"]
    with pytest.raises((IndexError, ValueError)):
        tf.constant(1.0)[0]


def test_out_of_range_index_in_subprocess():
    result = run_isolated("""
        import fasttf as tf
        t = tf.zeros([4, 4])
        for key in [(2**62,), (0, -2**62), (slice(2**62, None), 0)]:
            try:
                t[key]
            except (ValueError, IndexError):
                pass
        print("ok")
    """)
    assert result.returncode == 0 and "ok" in result.stdout, result.stderr


def test_getitem_gradient():
    x = np.random.default_rng(0).standard_normal((3, 4, 5))
    check_grad(lambda t: t[1, ::-2, None, 1:4], [x])
    check_grad(lambda t: t[..., -1] * t[:, :, 0], [x])
    check_grad(lambda t: t[2][1] * 3.0, [x])
    v = tf.Variable(np.ones([3, 2]))
    with tf.GradientTape() as tape:
        y = tf.reduce_sum(v[1:] * v[:-1])
    assert tape.gradient(y, v).numpy().tolist() == [[1, 1], [2, 2], [1, 1]]


def test_slice_of_variable_is_a_snapshot():
    v = tf.Variable([1.0, 2.0, 3.0])
    head = v[:2]
    v.assign([7.0, 8.0, 9.0])
    assert head.numpy().tolist() == [1.0, 2.0]
