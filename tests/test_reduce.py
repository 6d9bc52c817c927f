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
        check_op(lambda t, tf_fn=tf_fn: tf_fn(t, axis=axis, keepdims=keepdims),
                 lambda a, np_fn=np_fn: np_fn(a, axis=ax, keepdims=keepdims), [X])


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


# --- the vectorised paths: every tail length, every axis, NaN/inf, all dtypes -----------------

TAILS = [1, 7, 17, 31, 33, 65, 127, 1023, (1 << 16) + 5, (1 << 18) + 3]
NUMERIC_DTYPES = [np.float32, np.float64, np.int32, np.int64, np.int8, np.uint8, np.int16]


def _data(shape, dtype, seed=0):
    rng = np.random.default_rng(seed)
    if np.issubdtype(dtype, np.integer):
        info = np.iinfo(dtype)
        return rng.integers(max(info.min, -100), min(info.max, 100), shape).astype(dtype)
    return rng.standard_normal(shape).astype(dtype)


def tf_argmax_reference(a, axis, is_max=True):
    """TF's ArgMax/ArgMin (Eigen's pair reducer): start from (0, lowest/highest finite value),
    take an element only when strictly better; NaN is never taken, ties keep the first index."""
    a = np.moveaxis(np.asarray(a), axis, -1)
    if np.issubdtype(a.dtype, np.floating):
        info = np.finfo(a.dtype)
    else:
        info = np.iinfo(a.dtype)
    best = np.full(a.shape[:-1], info.min if is_max else info.max, a.dtype)
    idx = np.zeros(a.shape[:-1], np.int64)
    with np.errstate(invalid="ignore"):
        for i in range(a.shape[-1]):
            v = a[..., i]
            take = v > best if is_max else v < best
            best = np.where(take, v, best)
            idx = np.where(take, i, idx)
    return idx


@pytest.mark.parametrize("n", TAILS)
def test_reductions_at_every_tail_length(n):
    x = _data(n, np.float32, n)
    x64 = x.astype(np.float64)
    t = tf.constant(x)
    assert float(tf.reduce_max(t)) == x.max() and float(tf.reduce_min(t)) == x.min()
    assert_close(tf.reduce_sum(t), x64.sum(), rtol=1e-5, atol=1e-4 * np.sqrt(n))
    assert_close(tf.reduce_mean(t), x64.mean(), rtol=1e-5, atol=1e-4)
    assert int(tf.argmax(t)) == x.argmax() and int(tf.argmin(t)) == x.argmin()
    for k in (0, n // 2, n - 1):  # NaN anywhere propagates through max/min, never wins argmax
        y = x.copy()
        y[k] = np.nan
        assert np.isnan(tf.reduce_max(tf.constant(y)).numpy())
        assert np.isnan(tf.reduce_min(tf.constant(y)).numpy())
        assert int(tf.argmax(tf.constant(y))) == tf_argmax_reference(y, 0)
        assert int(tf.argmin(tf.constant(y))) == tf_argmax_reference(y, 0, False)


@pytest.mark.parametrize("shape", [(3, 1), (7, 17), (33, 65), (5, 127), (130, 1023), (2, 3, 129)])
@pytest.mark.parametrize("dtype", NUMERIC_DTYPES)
def test_reductions_along_every_axis(shape, dtype):
    x = _data(shape, dtype)
    for axis in list(range(-len(shape), len(shape))) + [None]:
        for keepdims in (False, True):
            for fn, ref in ((tf.reduce_max, np.max), (tf.reduce_min, np.min)):
                got = fn(tf.constant(x), axis=axis, keepdims=keepdims)
                np.testing.assert_array_equal(got.numpy(), ref(x, axis=axis, keepdims=keepdims))
            got = tf.reduce_sum(tf.constant(x), axis=axis, keepdims=keepdims)
            ref = x.astype(np.float64).sum(axis=axis, keepdims=keepdims)
            if np.issubdtype(dtype, np.integer):
                np.testing.assert_array_equal(got.numpy(), ref.astype(dtype))
            else:
                assert_close(got, ref, rtol=1e-5, atol=1e-4)
        if axis is not None:
            for is_max, fn in ((True, tf.argmax), (False, tf.argmin)):
                got = fn(tf.constant(x), axis=axis)
                assert got.dtype == tf.int64
                np.testing.assert_array_equal(got.numpy(), tf_argmax_reference(x, axis, is_max))
                got32 = fn(tf.constant(x), axis=axis, output_type=tf.int32)
                assert got32.dtype == tf.int32
                np.testing.assert_array_equal(got32.numpy(), tf_argmax_reference(x, axis, is_max))


@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.float16])
def test_argmax_nan_and_inf_follow_tensorflow(dtype):
    nan, inf = np.nan, np.inf
    # Values checked against TensorFlow 2.21.
    cases = [([1, nan, 2], 2, 0), ([nan, 1, 2], 2, 1), ([1, 2, nan], 1, 0), ([nan, nan, 1], 2, 2),
             ([3, nan, 2], 0, 2), ([1, nan, 0.5, nan, 3], 4, 2), ([nan, nan, nan], 0, 0),
             ([-inf, nan], 0, 0), ([inf, nan, inf], 0, 0), ([nan, -inf], 0, 1),
             ([-inf, -3], 1, 0), ([-inf, -inf], 0, 0), ([inf, inf], 0, 0), ([5, 5, 7, 7], 2, 0)]
    for values, want_max, want_min in cases:
        for pad in (0, 40):  # short rows and rows long enough for the vector loop
            x = np.array(values + [-inf] * pad, dtype) if pad else np.array(values, dtype)
            assert int(tf.argmax(tf.constant(x))) == want_max, (values, pad)
            if not pad:
                assert int(tf.argmin(tf.constant(x))) == want_min, values
    # Along a middle axis (the column kernel) and the last axis of a matrix.
    m = np.array([[1, nan, 2], [nan, 1, 0], [nan, nan, -inf]], dtype)
    assert tf.argmax(tf.constant(m), axis=1).numpy().tolist() == [2, 1, 0]
    assert tf.argmax(tf.constant(m), axis=0).numpy().tolist() == [0, 1, 0]
    assert tf.argmin(tf.constant(m), axis=0).numpy().tolist() == [0, 1, 2]


def test_argmax_of_a_long_row_and_non_contiguous_inputs():
    x = _data(3 * (1 << 16) + 11, np.float32)
    x[[5, 1 << 17]] = np.nan
    for ref in (x, x[::-1]):
        t = tf.constant(ref)
        assert int(tf.argmax(t)) == tf_argmax_reference(ref, 0)
        assert int(tf.argmin(t)) == tf_argmax_reference(ref, 0, False)
    ties = np.zeros(200_003, np.float32)
    ties[[70_000, 150_000]] = 1.0
    assert int(tf.argmax(tf.constant(ties))) == 70_000
    assert int(tf.argmin(tf.constant(1 - ties))) == 70_000
    m = _data((65, 33), np.float32)
    t = tf.transpose(tf.constant(m))
    np.testing.assert_array_equal(tf.argmax(t, axis=1).numpy(), m.T.argmax(1))
    np.testing.assert_array_equal(tf.argmin(t, axis=-2).numpy(), m.T.argmin(0))
    np.testing.assert_array_equal(tf.reduce_max(t, axis=0).numpy(), m.T.max(0))
    np.testing.assert_array_equal(tf.reduce_min(t[:, ::2], axis=1).numpy(), m.T[:, ::2].min(1))


def test_reduce_max_min_columns_with_nan_and_inf():
    m = _data((9, 37), np.float32)
    m[3, 5] = np.nan
    m[0, 6] = np.inf
    m[8, 7] = -np.inf
    for axis in (0, 1):
        for fn, ref in ((tf.reduce_max, np.max), (tf.reduce_min, np.min)):
            np.testing.assert_array_equal(fn(tf.constant(m), axis=axis).numpy(), ref(m, axis=axis))


def test_empty_reductions_give_identities():
    for dtype, lo, hi in ((np.float32, -np.inf, np.inf), (np.int32, -2**31, 2**31 - 1),
                          (np.uint8, 0, 255), (np.int64, -2**63, 2**63 - 1)):
        e = tf.constant(np.zeros((0, 3), dtype))
        assert tf.reduce_max(e, axis=0).numpy().tolist() == [lo] * 3
        assert tf.reduce_min(e, axis=0).numpy().tolist() == [hi] * 3
        assert tf.reduce_sum(e, axis=0).numpy().tolist() == [0] * 3
        assert tf.reduce_prod(e, axis=0).numpy().tolist() == [1] * 3
        assert tf.reduce_max(e).numpy() == lo
    assert np.isnan(tf.reduce_mean(tf.zeros([0])).numpy())
    assert tf.argmax(tf.zeros([0, 3]), axis=1).shape == (0,)
    with pytest.raises(tf.errors.InvalidArgumentError, match="empty"):
        tf.argmax(tf.zeros([0, 3]), axis=0)


DETERMINISM_SCRIPT = r"""
import hashlib, json, sys
import numpy as np
sys.path.insert(0, %r)
import fasttf as tf
rng = np.random.default_rng(0)
big = rng.standard_normal((1 << 20) + 7).astype(np.float32)
big[[3, 600_000]] = -0.0
mat = tf.constant(rng.standard_normal((1031, 1543)).astype(np.float32))
out = {"threads": tf._C.get_num_threads()}
def h(t):
    return hashlib.sha256(np.ascontiguousarray(t.numpy()).tobytes()).hexdigest()
for name in ("reduce_sum", "reduce_mean", "reduce_max", "reduce_min"):
    fn = getattr(tf, name)
    out[name] = [h(fn(tf.constant(big))), h(fn(mat, axis=0)), h(fn(mat, axis=1))]
for name in ("argmax", "argmin"):
    fn = getattr(tf, name)
    out[name] = [h(fn(tf.constant(big))), h(fn(mat, axis=0)), h(fn(mat, axis=1))]
print(json.dumps(out))
"""


def run_with_threads(script, threads):
    import json
    import os
    import subprocess
    import sys
    env = dict(os.environ, OMP_NUM_THREADS=str(threads))
    python_dir = os.path.dirname(os.path.dirname(os.path.abspath(tf.__file__)))
    proc = subprocess.run([sys.executable, "-c", script % python_dir], env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_reductions_are_bitwise_equal_for_one_and_two_threads():
    one, two = run_with_threads(DETERMINISM_SCRIPT, 1), run_with_threads(DETERMINISM_SCRIPT, 2)
    assert one.pop("threads") == 1 and two.pop("threads") == 2
    assert one == two
