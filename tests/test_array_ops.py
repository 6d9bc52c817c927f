"""concat, stack, split, unstack, tile, reverse, slice, strided_slice, pad, meshgrid, one_hot."""

import numpy as np
import pytest

import fasttf as tf
from helpers import assert_close, check_grad

ALL_DTYPES = [np.float32, np.float64, np.int32, np.int64]


def _arr(shape, dtype, seed=0):
    rng = np.random.default_rng(seed)
    return (rng.standard_normal(shape) * 10).astype(dtype)


# --- notes' snippets ---------------------------------------------------------------------------

def test_notes_snippets():
    assert str(tf.pad(tf.constant([7, 8, 1, 6]), [[0, 2]])) == \
        "tf.Tensor([7 8 1 6 0 0], shape=(6,), dtype=int32)"
    t = tf.tile(tf.reshape(tf.range(4), [2, 2]), multiples=[2, 3])
    assert t.shape == (4, 6)
    np.testing.assert_array_equal(t.numpy(), np.tile(np.arange(4).reshape(2, 2), [2, 3]))
    parts = tf.split(tf.range(10), num_or_size_splits=[4, 4, 2], axis=0)
    assert [p.numpy().tolist() for p in parts] == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]
    rows = tf.unstack(tf.reshape(tf.range(6), [2, 3]))
    assert [r.numpy().tolist() for r in rows] == [[0, 1, 2], [3, 4, 5]]
    X, Y = tf.meshgrid(tf.linspace(-8., 8, 100), tf.linspace(-8., 8, 50))
    assert X.shape == (50, 100) and Y.shape == (50, 100)


# --- concat / stack ----------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", ALL_DTYPES + [np.bool_])
def test_concat_and_stack_match_numpy(dtype):
    a, b = _arr((2, 3), dtype), _arr((2, 5), dtype, 1)
    assert_close(tf.concat([a, b], axis=1), np.concatenate([a, b], 1))
    assert_close(tf.concat([a, b], axis=-1), np.concatenate([a, b], -1))
    assert_close(tf.concat([a, a.copy()], 0), np.concatenate([a, a], 0))
    for axis in (0, 1, 2, -1, -3):
        assert_close(tf.stack([a, a[::-1].copy()], axis=axis), np.stack([a, a[::-1]], axis))
    assert tf.concat([a, b], 1).dtype == tf.as_dtype(dtype)


def test_concat_noncontiguous_and_empty():
    a = tf.transpose(tf.constant(_arr((3, 4), np.float32)))           # (4, 3) strided
    b = tf.constant(_arr((4, 6), np.float32))[:, ::-2]                  # (4, 3) negative stride
    assert_close(tf.concat([a, b], 0), np.concatenate([a.numpy(), b.numpy()], 0))
    e = tf.zeros([0, 3])
    assert tf.concat([e, a], 0).shape == (4, 3)
    assert tf.concat([e, e], 0).shape == (0, 3)
    assert tf.stack([tf.constant(1.), tf.constant(2.)]).numpy().tolist() == [1., 2.]


def test_concat_stack_errors():
    with pytest.raises(tf.errors.InvalidArgumentError, match=r"\[concat\].*\(2, 3\)"):
        tf.concat([tf.zeros([2, 3]), tf.zeros([3, 4])], 0)
    with pytest.raises(tf.errors.InvalidArgumentError, match="rank"):
        tf.concat([tf.zeros([2, 3]), tf.zeros([5, 3])], 2)
    with pytest.raises(tf.errors.InvalidArgumentError, match="scalars"):
        tf.concat([tf.constant(1.), tf.constant(2.)], 0)
    with pytest.raises(TypeError, match="dtype"):
        tf.concat([tf.zeros([2]), tf.zeros([2], tf.int32)], 0)
    with pytest.raises(tf.errors.InvalidArgumentError, match=r"\[stack\].*must match"):
        tf.stack([tf.zeros([2]), tf.zeros([3])])
    with pytest.raises(tf.errors.InvalidArgumentError, match=r"\[stack\] axis"):
        tf.stack([tf.zeros([2]), tf.zeros([2])], axis=3)
    with pytest.raises(ValueError):
        tf.concat([], 0)


def test_concat_stack_grad():
    check_grad(lambda a, b: tf.concat([a, b, a], axis=1), [_arr((2, 3), np.float64),
                                                           _arr((2, 1), np.float64, 1)])
    check_grad(lambda a, b: tf.stack([a, b], axis=-1), [_arr((2, 3), np.float64),
                                                        _arr((2, 3), np.float64, 1)])


# --- split / unstack ---------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_split_unstack_match_numpy(dtype):
    x = _arr((6, 4), dtype)
    for got, want in zip(tf.split(x, 3), np.split(x, 3)):
        assert_close(got, want)
    for got, want in zip(tf.split(x, [1, -1, 2], axis=1), np.split(x, [1, 2], axis=1)):
        assert_close(got, want)
    for got, want in zip(tf.split(x, [0, 6], axis=-2), [x[:0], x]):
        assert_close(got, want)
    for i, got in enumerate(tf.unstack(x, axis=1)):
        assert_close(got, x[:, i])
    assert len(tf.unstack(x, num=6)) == 6
    assert tf.unstack(tf.zeros([0, 3])) == []


def test_split_errors():
    x = tf.zeros([6, 4])
    with pytest.raises(tf.errors.InvalidArgumentError, match="evenly divide"):
        tf.split(x, 4)
    with pytest.raises(tf.errors.InvalidArgumentError, match=r"\[split\]"):
        tf.split(x, [2, 2, 3])
    with pytest.raises(tf.errors.InvalidArgumentError, match=r"\[split\]"):
        tf.split(x, [2, 3])
    with pytest.raises(tf.errors.InvalidArgumentError, match="one"):
        tf.split(x, [-1, -1, 6])
    with pytest.raises(tf.errors.InvalidArgumentError, match="axis"):
        tf.split(x, 2, axis=2)
    with pytest.raises(tf.errors.InvalidArgumentError, match="num"):
        tf.unstack(x, num=5)
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.unstack(tf.constant(1.))


def test_split_unstack_grad():
    x = _arr((4, 3), np.float64)
    check_grad(lambda t: tf.concat(tf.split(t, [1, 2], axis=1)[::-1], 1) * 2.0, [x])
    check_grad(lambda t: tf.split(t, 2)[1], [x])
    check_grad(lambda t: tf.unstack(t, axis=1)[2] * tf.unstack(t)[0][:1], [x])


def test_split_of_variable_is_a_snapshot():
    v = tf.Variable([1., 2., 3., 4.])
    a, _ = tf.split(v, 2)
    v.assign([9., 9., 9., 9.])
    assert a.numpy().tolist() == [1., 2.]


# --- tile / reverse ----------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", ALL_DTYPES + [np.bool_])
def test_tile_reverse_match_numpy(dtype):
    x = _arr((2, 3), dtype)
    assert_close(tf.tile(x, [2, 3]), np.tile(x, [2, 3]))
    assert_close(tf.tile(x, [1, 0]), np.tile(x, [1, 0]))
    assert_close(tf.tile(tf.transpose(x), [3, 1]), np.tile(x.T, [3, 1]))
    assert_close(tf.reverse(x, [1]), x[:, ::-1])
    assert_close(tf.reverse(x, [0, -1]), x[::-1, ::-1])
    assert_close(tf.reverse(x, []), x)
    assert_close(tf.reverse(tf.transpose(x), [0]), x.T[::-1])
    assert_close(tf.tile(np.array(5, dtype), []), np.array(5, dtype))


def test_tile_reverse_errors():
    x = tf.zeros([2, 3])
    with pytest.raises(tf.errors.InvalidArgumentError, match="multiples"):
        tf.tile(x, [1, -1])
    with pytest.raises(tf.errors.InvalidArgumentError, match="length 2"):
        tf.tile(x, [2])
    with pytest.raises(tf.errors.InvalidArgumentError, match="out of range"):
        tf.reverse(x, [2])
    with pytest.raises(tf.errors.InvalidArgumentError, match="more than once"):
        tf.reverse(x, [0, -2])


def test_tile_reverse_grad():
    x = _arr((2, 3), np.float64)
    check_grad(lambda t: tf.tile(t, [3, 2]), [x])
    check_grad(lambda t: tf.reverse(t, [0, 1]) * t, [x])


# --- slice / strided_slice ---------------------------------------------------------------------

def test_slice_and_strided_slice_match_numpy():
    x = _arr((4, 5, 6), np.float32)
    assert_close(tf.slice(x, [1, 0, 2], [2, -1, 3]), x[1:3, :, 2:5])
    assert_close(tf.slice(x, [4, 0, 0], [0, 5, 6]), x[4:4])
    assert_close(tf.strided_slice(x, [0, 1, 0], [4, 5, 6], [2, 2, 1]), x[0:4:2, 1:5:2])
    assert_close(tf.strided_slice(x, [-1, 0], [0, 0], [-1, 1], end_mask=2), x[-1:0:-1, :])
    assert_close(tf.strided_slice(x, [0, 0], [0, 0], [1, -1], begin_mask=3, end_mask=3),
                 x[:, ::-1])
    assert_close(tf.strided_slice(x, [1, 0, 2], [2, 0, 3], [1, 1, 1], ellipsis_mask=2,
                                  shrink_axis_mask=1), x[1, ..., 2:3])
    assert_close(tf.strided_slice(x, [0, 2], [0, 3], [1, 1], new_axis_mask=1,
                                  shrink_axis_mask=2), x[None, 2])
    assert_close(tf.strided_slice(x, [10], [20]), x[10:20])


def test_slice_errors():
    x = tf.zeros([4, 5])
    with pytest.raises(tf.errors.InvalidArgumentError, match="begin"):
        tf.slice(x, [5, 0], [1, 1])
    with pytest.raises(tf.errors.InvalidArgumentError, match="size"):
        tf.slice(x, [2, 0], [3, 1])
    with pytest.raises(tf.errors.InvalidArgumentError, match="size"):
        tf.slice(x, [0], [1])
    with pytest.raises(tf.errors.InvalidArgumentError, match="out of bounds"):
        tf.strided_slice(x, [4], [5], shrink_axis_mask=1)
    with pytest.raises(tf.errors.InvalidArgumentError, match="non-zero"):
        tf.strided_slice(x, [0], [4], [0])


def test_slice_grad():
    x = _arr((4, 5), np.float64)
    check_grad(lambda t: tf.slice(t, [1, 1], [2, -1]), [x])
    check_grad(lambda t: tf.strided_slice(t, [3, 0], [0, 5], [-2, 2]), [x])


# --- pad ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", ALL_DTYPES)
@pytest.mark.parametrize("mode", ["CONSTANT", "REFLECT", "SYMMETRIC"])
def test_pad_matches_numpy(dtype, mode):
    x = _arr((3, 4), dtype)
    paddings = [[1, 2], [3, 0]] if mode != "REFLECT" else [[2, 1], [3, 0]]
    np_mode = {"CONSTANT": "constant", "REFLECT": "reflect", "SYMMETRIC": "symmetric"}[mode]
    assert_close(tf.pad(x, paddings, mode), np.pad(x, paddings, np_mode))
    assert_close(tf.pad(tf.transpose(x), paddings[::-1], mode.lower()),
                 np.pad(x.T, paddings[::-1], np_mode))
    assert_close(tf.pad(x, [[0, 0], [0, 0]], mode), x)


def test_pad_constant_values_and_edges():
    x = np.arange(6, dtype=np.float32).reshape(2, 3)
    assert_close(tf.pad(x, [[1, 1], [0, 1]], constant_values=-1.5),
                 np.pad(x, [[1, 1], [0, 1]], constant_values=-1.5))
    assert_close(tf.pad(tf.constant(3.0), tf.zeros([0, 2], tf.int32)), np.array(3.0, np.float32))
    assert tf.pad(tf.zeros([0, 2]), [[1, 1], [0, 0]]).shape == (2, 2)
    assert_close(tf.pad(np.array([True]), [[1, 0]]), np.array([False, True]))


def test_pad_errors():
    x = tf.zeros([3, 4])
    with pytest.raises(tf.errors.InvalidArgumentError, match=r"\(2, 2\)"):
        tf.pad(x, [[1, 1]])
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.pad(x, [[1, 1, 1], [0, 0, 0]])
    with pytest.raises(tf.errors.InvalidArgumentError, match="non-negative"):
        tf.pad(x, [[-1, 0], [0, 0]])
    with pytest.raises(tf.errors.InvalidArgumentError, match="REFLECT"):
        tf.pad(x, [[3, 0], [0, 0]], "REFLECT")
    with pytest.raises(tf.errors.InvalidArgumentError, match="SYMMETRIC"):
        tf.pad(x, [[0, 0], [5, 0]], "SYMMETRIC")
    tf.pad(x, [[3, 3], [4, 4]], "SYMMETRIC")   # the limit itself is valid
    with pytest.raises(tf.errors.InvalidArgumentError, match="mode"):
        tf.pad(x, [[0, 0], [0, 0]], "WRAP")


@pytest.mark.parametrize("mode", ["CONSTANT", "REFLECT", "SYMMETRIC"])
def test_pad_grad(mode):
    x = _arr((3, 4), np.float64)
    check_grad(lambda t: tf.pad(t, [[2, 1], [1, 3]], mode), [x])
    # second order: the gradient of pad's gradient is pad again
    v = tf.constant(x)
    with tf.GradientTape() as outer:
        outer.watch(v)
        with tf.GradientTape() as inner:
            inner.watch(v)
            y = tf.reduce_sum(tf.pad(v, [[2, 1], [1, 3]], mode) ** 2)
        g = inner.gradient(y, v)
        z = tf.reduce_sum(g * g)
    gg = outer.gradient(z, v)
    assert gg is not None and gg.shape == (3, 4)


# --- meshgrid / one_hot ------------------------------------------------------------------------

def test_meshgrid_matches_numpy():
    a, b, c = np.arange(3.0), np.arange(4.0), np.arange(2.0)
    for indexing in ("xy", "ij"):
        for got, want in zip(tf.meshgrid(a, b, c, indexing=indexing),
                             np.meshgrid(a, b, c, indexing=indexing)):
            assert_close(got, want)
    check_grad(lambda x, y: tf.meshgrid(x, y)[0] * tf.meshgrid(x, y)[1], [a, b])
    with pytest.raises(ValueError):
        tf.meshgrid(a, b, indexing="yx")


def test_one_hot():
    idx = np.array([[0, 2], [5, -1]])
    want = np.eye(3, dtype=np.float32)[np.clip(idx, 0, 2)] * ((idx >= 0) & (idx < 3))[..., None]
    assert_close(tf.one_hot(idx, 3), want)
    assert_close(tf.one_hot(idx, 3, axis=0), np.moveaxis(want, -1, 0))
    assert_close(tf.one_hot(idx, 3, axis=1), np.moveaxis(want, -1, 1))
    out = tf.one_hot([1, 0], 2, on_value=5, off_value=-1)
    assert out.dtype == tf.int32 and out.numpy().tolist() == [[-1, 5], [5, -1]]
    assert tf.one_hot([1], 2, dtype=tf.float64).dtype == tf.float64
    assert tf.one_hot(tf.constant(1, tf.int64), 4).shape == (4,)
    with pytest.raises(TypeError):
        tf.one_hot([1.0], 2)
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.one_hot([1], -1)
