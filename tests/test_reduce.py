"""Reductions and scans: reduce_*, reduce_logsumexp/variance/std/euclidean_norm,
count_nonzero, cumsum/cumprod, argmax/argmin."""

import numpy as np
import pytest

import fasttf as tf
from helpers import FLOAT_DTYPES, assert_close, check_op

RNG = np.random.default_rng(1)
X = RNG.standard_normal((3, 4, 5))


@pytest.mark.parametrize("axis", [None, 0, 1, -1, [0, 2], (1, 2)])
@pytest.mark.parametrize("keepdims", [False, True])
def test_basic_reductions(axis, keepdims):
    ax = tuple(axis) if isinstance(axis, list) else axis
    for tf_fn, np_fn in [(tf.reduce_sum, np.sum), (tf.reduce_mean, np.mean),
                         (tf.reduce_max, np.max), (tf.reduce_min, np.min),
                         (tf.reduce_prod, np.prod)]:
        check_op(lambda t: tf_fn(t, axis=axis, keepdims=keepdims),
                 lambda a: np_fn(a, axis=ax, keepdims=keepdims), [X])


def test_reductions_on_ints_and_empty():
    x = np.arange(12, dtype=np.int32).reshape(3, 4)
    assert tf.reduce_sum(tf.constant(x), axis=0).numpy().tolist() == x.sum(0).tolist()
    assert tf.reduce_sum(tf.zeros([0, 3]), axis=0).numpy().tolist() == [0, 0, 0]
    # max/min over an empty axis give the identity, as TF
    assert tf.reduce_max(tf.zeros([0])).numpy() == -np.inf
    assert tf.reduce_min(tf.zeros([2, 0]), axis=1).numpy().tolist() == [np.inf, np.inf]
    assert tf.reduce_max(tf.zeros([0], tf.int32)).numpy() == np.iinfo(np.int32).min


def test_reduce_non_contiguous_and_nan():
    t = tf.transpose(tf.constant(X), [2, 0, 1])
    assert_close(tf.reduce_sum(t, axis=[0, 2]), X.transpose(2, 0, 1).sum((0, 2)))
    assert np.isnan(tf.reduce_max(tf.constant([1.0, np.nan, 3.0])).numpy())


@pytest.mark.parametrize("axis", [None, 0, -1, [0, 1]])
def test_logsumexp_variance_std_euclidean(axis):
    ax = tuple(axis) if isinstance(axis, list) else axis

    def lse(a):
        m = a.max(axis=ax, keepdims=True)
        return np.squeeze(np.log(np.exp(a - m).sum(axis=ax, keepdims=True)) + m, axis=ax) \
            if ax is not None else np.log(np.exp(a - a.max()).sum()) + a.max()
    check_op(lambda t: tf.reduce_logsumexp(t, axis=axis), lse, [X])
    check_op(lambda t: tf.math.reduce_variance(t, axis=axis), lambda a: np.var(a, axis=ax), [X])
    check_op(lambda t: tf.math.reduce_std(t, axis=axis), lambda a: np.std(a, axis=ax), [X])
    check_op(lambda t: tf.math.reduce_euclidean_norm(t, axis=axis),
             lambda a: np.sqrt((a ** 2).sum(axis=ax)), [X])
    out = tf.math.reduce_std(tf.constant(X), axis=axis, keepdims=True)
    assert out.shape == np.std(X, axis=ax, keepdims=True).shape


def test_logsumexp_is_stable():
    x = np.array([[1000.0, 1000.0], [-1000.0, -1000.0], [-np.inf, -np.inf], [np.inf, 0.0]])
    for dtype in FLOAT_DTYPES:
        out = tf.reduce_logsumexp(tf.constant(x.astype(dtype)), axis=1).numpy()
        np.testing.assert_allclose(out[:2], [1000 + np.log(2), -1000 + np.log(2)], rtol=1e-6)
        assert out[2] == -np.inf and out[3] == np.inf
    assert tf.reduce_logsumexp(tf.zeros([0])).numpy() == -np.inf
    with pytest.raises(TypeError):
        tf.reduce_logsumexp(tf.constant([1, 2]))


def test_variance_rejects_ints_and_euclidean_norm_keeps_them():
    with pytest.raises(TypeError):
        tf.math.reduce_variance(tf.constant([1, 2]))
    with pytest.raises(TypeError):
        tf.math.reduce_std(tf.constant([1, 2]))
    out = tf.math.reduce_euclidean_norm(tf.constant([[1, 2, 3], [1, 1, 1]]))
    assert out.dtype == tf.int32 and int(out) == 4
    assert tf.math.reduce_euclidean_norm(tf.constant([[1, 2, 3], [1, 1, 1]]), 1).numpy().tolist() \
        == [3, 1]


def test_count_nonzero():
    x = np.array([[0, 1, 7], [0, 0, -2]], dtype=np.int32)
    out = tf.math.count_nonzero(tf.constant(x))
    assert out.dtype == tf.int64 and int(out) == 3
    assert tf.math.count_nonzero(tf.constant(x), axis=1).numpy().tolist() == [2, 1]
    out = tf.math.count_nonzero(tf.constant(x.astype(np.float32)), axis=0, keepdims=True,
                                dtype=tf.int32)
    assert out.dtype == tf.int32 and out.numpy().tolist() == [[0, 1, 2]]
    assert int(tf.math.count_nonzero(tf.constant([True, False, True]))) == 2
    assert int(tf.math.count_nonzero(tf.constant([np.nan, 0.0]))) == 1


def np_cumsum(a, axis, exclusive, reverse, op=np.cumsum, identity=0):
    a = np.flip(a, axis) if reverse else a
    out = op(a, axis=axis)
    if exclusive:
        out = np.concatenate([np.full_like(np.take(out, [0], axis), identity),
                              np.delete(out, -1, axis)], axis)
    return np.flip(out, axis) if reverse else out


@pytest.mark.parametrize("axis", [0, 1, -1])
@pytest.mark.parametrize("exclusive", [False, True])
@pytest.mark.parametrize("reverse", [False, True])
def test_cumsum_cumprod(axis, exclusive, reverse):
    x = RNG.standard_normal((3, 4, 5))
    check_op(lambda t: tf.cumsum(t, axis=axis, exclusive=exclusive, reverse=reverse),
             lambda a: np_cumsum(a, axis, exclusive, reverse), [x])
    check_op(lambda t: tf.math.cumprod(t, axis=axis, exclusive=exclusive, reverse=reverse),
             lambda a: np_cumsum(a, axis, exclusive, reverse, np.cumprod, 1), [x])
    xi = RNG.integers(-3, 4, (3, 4, 5)).astype(np.int64)
    out = tf.math.cumsum(tf.constant(xi), axis, exclusive, reverse)
    assert out.dtype == tf.int64
    np.testing.assert_array_equal(out.numpy(), np_cumsum(xi, axis, exclusive, reverse))


def test_cumsum_edges():
    assert tf.cumsum(tf.constant([1, 2, 3])).numpy().tolist() == [1, 3, 6]
    assert tf.cumsum(tf.zeros([0, 3]), axis=0).shape == (0, 3)
    t = tf.transpose(tf.constant(np.arange(6.0).reshape(2, 3)))
    assert_close(tf.cumsum(t, axis=1), np.cumsum(np.arange(6.0).reshape(2, 3).T, axis=1))
    assert_close(tf.cumsum(tf.constant([1.0, np.inf, np.nan, 2.0])), [1, np.inf, np.nan, np.nan])
    big = RNG.standard_normal((2, 1000))
    assert_close(tf.cumsum(tf.constant(big), axis=0), np.cumsum(big, axis=0), rtol=1e-12)
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.cumsum(tf.constant([1.0, 2.0]), axis=1)
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.cumsum(tf.constant(1.0))
    with pytest.raises(TypeError):
        tf.cumsum(tf.constant([True, False]))


def test_argmax_argmin():
    x = np.array([[1.0, 5.0, 5.0], [7.0, -1.0, 7.0]])
    assert tf.argmax(tf.constant(x), axis=1).numpy().tolist() == [1, 0]
    assert tf.argmin(tf.constant(x), axis=0).numpy().tolist() == [0, 1, 0]
    assert tf.argmax(tf.constant(x)).dtype == tf.int64
