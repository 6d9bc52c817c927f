"""The tensor core's TF semantics: dtype inference, operators, printing, shapes, views and
0-sized tensors."""

import numpy as np
import pytest

import fasttf as tf
from helpers import assert_close


# -- dtype inference -------------------------------------------------------------------------

def test_constant_dtypes_follow_tf():
    assert tf.constant(1).dtype == tf.int32
    assert tf.constant(1.).dtype == tf.float32
    assert tf.constant(True).dtype == tf.bool
    assert tf.constant([1, 2.5]).dtype == tf.float32
    assert tf.constant(2 ** 40).dtype == tf.int64
    assert tf.constant(np.array([1., 2.])).dtype == tf.float64
    assert tf.constant(np.array([1, 2], np.int16)).dtype == tf.int16
    assert tf.constant(np.float16(1.5)).dtype == tf.float16
    assert tf.convert_to_tensor([1, 2]).dtype == tf.int32
    assert tf.convert_to_tensor(np.array([[1, 2.], [3, 4]])).dtype == tf.float64


def test_constant_with_dtype_and_shape():
    t = tf.constant(3., shape=[2, 3])
    assert t.shape == (2, 3)
    np.testing.assert_array_equal(t.numpy(), np.full((2, 3), 3, np.float32))
    t = tf.constant([1, 2, 3, 4], shape=[2, 2], dtype=tf.float64)
    assert t.dtype == tf.float64
    np.testing.assert_array_equal(t.numpy(), [[1, 2], [3, 4]])
    with pytest.raises(TypeError):
        tf.constant([1, 2, 3], shape=[2, 2])
    assert tf.constant(1, dtype=tf.float32).dtype == tf.float32


# -- arithmetic semantics --------------------------------------------------------------------

def test_integer_truediv_gives_float():
    r = tf.constant([7, -7]) / tf.constant(2)
    assert r.dtype == tf.float64
    np.testing.assert_array_equal(r.numpy(), [3.5, -3.5])
    for dt in (tf.int8, tf.int16, tf.uint8):
        r = tf.constant([7], dt) / tf.constant([2], dt)
        assert r.dtype == tf.float32 and r.numpy()[0] == 3.5
    assert (tf.constant([7], tf.int64) / 2).dtype == tf.float64
    assert (tf.constant(1.) / 2).dtype == tf.float32


def test_floordiv_and_floormod_with_negatives():
    a = tf.constant([-7, 7, -7, 7])
    b = tf.constant([2, -2, -2, 2])
    np.testing.assert_array_equal((a // b).numpy(), [-4, -4, 3, 3])
    # TF's floormod takes the divisor's sign, as Python's %
    np.testing.assert_array_equal((a % b).numpy(), [1, -1, -1, 1])
    x = tf.constant([-7.5, 7.5])
    np.testing.assert_array_equal((x % 2).numpy(), [0.5, 1.5])
    np.testing.assert_array_equal((x // 2).numpy(), [-4., 3.])
    np.testing.assert_array_equal((x % -2).numpy(), [-1.5, -0.5])


def test_mixed_float_dtypes_raise():
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.constant(1.) + tf.constant(1., tf.float64)
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.constant([1]) * tf.constant([1], tf.int64)
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.add(tf.constant([1.]), tf.constant([1]))


def test_python_scalars_take_the_tensor_dtype():
    assert (tf.constant([1, 2]) + 1).dtype == tf.int32
    assert (tf.constant([1., 2.], tf.float64) * 2).dtype == tf.float64
    assert (2 * tf.constant([1.], tf.float16)).dtype == tf.float16
    assert (tf.constant([1, 2], tf.int64) - 1).dtype == tf.int64
    with pytest.raises(TypeError):
        tf.constant([1, 2]) + 1.5
    # a Python int wraps into a narrower integer dtype, as in TF 2.21
    assert (tf.constant([1, 2], tf.uint8) + 300).numpy().tolist() == [45, 46]


def test_ndarray_and_tensor_mix():
    r = np.array([1., 2.], np.float32) + tf.constant([1., 2.])
    assert isinstance(r, tf.Tensor)
    np.testing.assert_array_equal(r.numpy(), [2., 4.])
    r = tf.constant([1., 2.]) * np.array([3., 4.], np.float32)
    assert isinstance(r, tf.Tensor) and r.numpy().tolist() == [3., 8.]


def test_comparisons_and_logical_operators():
    x = tf.constant([1, 2, 3])
    np.testing.assert_array_equal((x < 2).numpy(), [True, False, False])
    np.testing.assert_array_equal((x >= 2).numpy(), [False, True, True])
    np.testing.assert_array_equal((x == 2).numpy(), [False, True, False])
    np.testing.assert_array_equal((x != 2).numpy(), [True, False, True])
    a, b = tf.constant([True, True, False]), tf.constant([True, False, False])
    np.testing.assert_array_equal((a & b).numpy(), [True, False, False])
    np.testing.assert_array_equal((a | b).numpy(), [True, True, False])
    np.testing.assert_array_equal((a ^ b).numpy(), [False, True, False])
    np.testing.assert_array_equal((~a).numpy(), [False, False, True])
    assert (a & b).dtype == tf.bool
    np.testing.assert_array_equal((tf.constant([6]) & tf.constant([3])).numpy(), [2])
    np.testing.assert_array_equal((~tf.constant([0], tf.int8)).numpy(), [-1])
    assert (x == None) is False  # noqa: E711  (TF 2 returns False for None)


def test_integer_division_by_zero_raises():
    with pytest.raises(tf.errors.InvalidArgumentError, match="division by zero"):
        tf.constant([5]) // tf.constant([0])
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.constant([5], tf.int64) % 0
    assert np.isinf((tf.constant(1.) / 0.).numpy())


# -- printing ---------------------------------------------------------------------------------

def test_print_formats_like_tf():
    assert str(tf.constant([[1., 0., 1.]])) == \
        "tf.Tensor([[1. 0. 1.]], shape=(1, 3), dtype=float32)"
    assert str(tf.constant(1)) == "tf.Tensor(1, shape=(), dtype=int32)"
    assert str(tf.constant(2.5)) == "tf.Tensor(2.5, shape=(), dtype=float32)"
    assert str(tf.constant([[1, 2], [3, 4]])) == \
        "tf.Tensor(\n[[1 2]\n [3 4]], shape=(2, 2), dtype=int32)"
    assert str(tf.constant([True, False])) == \
        "tf.Tensor([ True False], shape=(2,), dtype=bool)"
    assert str(tf.range(9)) == "tf.Tensor([0 1 2 3 4 5 6 7 8], shape=(9,), dtype=int32)"
    assert str(tf.constant([1, 2], tf.int64)) == "tf.Tensor([1 2], shape=(2,), dtype=int64)"


def test_repr_formats_like_tf():
    assert repr(tf.constant(1.5)) == "<tf.Tensor: shape=(), dtype=float32, numpy=1.5>"
    assert repr(tf.constant(3)) == "<tf.Tensor: shape=(), dtype=int32, numpy=3>"
    assert repr(tf.constant([1, 2], tf.int64)) == \
        "<tf.Tensor: shape=(2,), dtype=int64, numpy=array([1, 2])>"
    assert repr(tf.constant([1., 2.], tf.float64)) == \
        "<tf.Tensor: shape=(2,), dtype=float64, numpy=array([1., 2.])>"
    assert repr(tf.constant([True, False])) == \
        "<tf.Tensor: shape=(2,), dtype=bool, numpy=array([ True, False])>"
    assert repr(tf.reshape(tf.range(6), [2, 3])) == (
        "<tf.Tensor: shape=(2, 3), dtype=int32, numpy=\n"
        "array([[0, 1, 2],\n"
        "       [3, 4, 5]], dtype=int32)>")


# -- Python protocol ----------------------------------------------------------------------------

def test_shape_dtype_and_python_protocol():
    t = tf.zeros([2, 3])
    assert isinstance(t.shape, tf.TensorShape)
    assert t.shape == [2, 3] and t.shape == (2, 3) and t.shape != [3, 2]
    assert t.shape.as_list() == [2, 3] and t.shape.rank == 2 and t.ndim == 2
    assert t.shape[0] == 2 and list(t.shape) == [2, 3]
    assert t.dtype.name == "float32" and t.dtype.is_floating and not t.dtype.is_integer
    assert tf.constant([1]).dtype.is_integer
    assert len(t) == 2
    rows = list(tf.constant([[1, 2], [3, 4]]))
    assert [r.numpy().tolist() for r in rows] == [[1, 2], [3, 4]]
    assert int(tf.constant(3)) == 3 and float(tf.constant(3.5)) == 3.5
    assert bool(tf.constant(True)) and not bool(tf.constant(0.))
    with pytest.raises(ValueError):
        bool(tf.constant([True, False]))
    with pytest.raises(TypeError):
        len(tf.constant(1))
    with pytest.raises(TypeError):
        iter(tf.constant(1)).__next__()
    np.testing.assert_array_equal(np.asarray(tf.constant([1, 2])), np.array([1, 2], np.int32))
    assert np.asarray(tf.constant([1, 2])).dtype == np.int32
    assert "%.2f" % float(tf.constant(1.234)) == "1.23" and f"{tf.constant(2.5):.1f}" == "2.5"
    assert list(range(10))[tf.constant(3)] == 3  # __index__


def test_numpy_is_a_copy():
    t = tf.constant([1., 2., 3.])
    a = t.numpy()
    a[0] = 100
    assert t.numpy()[0] == 1.0
    arr = np.array([1., 2.], np.float32)
    c = tf.constant(arr)
    arr[0] = 50
    assert c.numpy()[0] == 1.0


# -- views --------------------------------------------------------------------------------------

def test_views_share_storage_and_stay_correct():
    x = tf.constant(np.arange(24, dtype=np.float32))
    r = tf.reshape(x, [2, 3, 4])
    assert r._shares_storage_with(x)
    tr = tf.transpose(r, [2, 0, 1])
    assert tr._shares_storage_with(x) and not tr._is_contiguous
    s = r[:, 1:, ::2]
    assert s._shares_storage_with(x)
    e = tf.expand_dims(x, 0)
    assert e._shares_storage_with(x)
    ref = np.arange(24, dtype=np.float32).reshape(2, 3, 4)
    np.testing.assert_array_equal(tr.numpy(), ref.transpose(2, 0, 1))
    np.testing.assert_array_equal(s.numpy(), ref[:, 1:, ::2])
    # a reshape of a non-contiguous tensor is a correct copy
    rr = tf.reshape(tr, [4, 6])
    np.testing.assert_array_equal(rr.numpy(), ref.transpose(2, 0, 1).reshape(4, 6))
    # ops on views read through the strides
    assert_close(tf.reduce_sum(tr, axis=0), ref.transpose(2, 0, 1).sum(0))
    assert_close(tr * 2 + 1, ref.transpose(2, 0, 1) * 2 + 1)
    del x, r
    np.testing.assert_array_equal(s.numpy(), ref[:, 1:, ::2])  # the view keeps the storage


def test_view_of_variable_is_a_snapshot():
    v = tf.Variable(np.arange(6, dtype=np.float32))
    r = tf.reshape(v, [2, 3])
    s = v[1:3]
    v.assign(tf.zeros([6]))
    np.testing.assert_array_equal(r.numpy(), np.arange(6).reshape(2, 3))
    np.testing.assert_array_equal(s.numpy(), [1, 2])


# -- 0-sized tensors --------------------------------------------------------------------------

def test_zero_sized_tensors_in_core_ops():
    z = tf.zeros([0, 3])
    assert (z + 1).shape == (0, 3)
    assert (z * tf.ones([3])).shape == (0, 3)
    assert tf.exp(z).shape == (0, 3)
    assert tf.reduce_sum(z, 0).numpy().tolist() == [0., 0., 0.]
    assert tf.reduce_sum(z, 1).shape == (0,)
    assert float(tf.reduce_sum(z)) == 0.0
    assert float(tf.reduce_prod(z)) == 1.0
    assert np.isnan(float(tf.reduce_mean(tf.zeros([0]))))
    assert tf.transpose(z).shape == (3, 0)
    assert tf.reshape(z, [3, 0, 5]).shape == (3, 0, 5)
    assert tf.cast(z, tf.int8).shape == (0, 3)
    assert tf.matmul(tf.zeros([2, 0]), tf.zeros([0, 3])).numpy().tolist() == [[0.] * 3] * 2
    assert tf.matmul(z, tf.zeros([3, 4])).shape == (0, 4)
    assert z[1:].shape == (0, 3)
    assert tf.expand_dims(z, 1).shape == (0, 1, 3)
    assert tf.broadcast_to(tf.zeros([1, 3]), [0, 3]).shape == (0, 3)
    assert tf.where(tf.zeros([0], tf.bool), tf.zeros([0]), tf.ones([0])).shape == (0,)
    assert tf.range(0).shape == (0,)
    assert tf.constant([]).shape == (0,) and tf.constant([]).dtype == tf.float32
    assert str(tf.zeros([0])) == "tf.Tensor([], shape=(0,), dtype=float32)"
    assert tf.fill([0, 2], 1).shape == (0, 2)
    assert tf.reduce_max(tf.zeros([0, 2]), axis=1).shape == (0,)


def test_creation_ops():
    np.testing.assert_array_equal(tf.fill([2, 3], 10).numpy(), np.full((2, 3), 10))
    assert tf.fill([2, 3], 10).dtype == tf.int32
    np.testing.assert_array_equal(tf.range(1, 10, delta=2).numpy(), [1, 3, 5, 7, 9])
    assert tf.range(0., 1., 0.25).dtype == tf.float32
    np.testing.assert_array_equal(tf.eye(2).numpy(), np.eye(2))
    b = tf.zeros_like(tf.constant(np.array([[2, 4], [5, 6]])))
    assert b.dtype == tf.int64 and b.numpy().tolist() == [[0, 0], [0, 0]]
    assert tf.ones_like(tf.zeros([2], tf.float16)).dtype == tf.float16
