"""Casts between all ten dtypes, half-precision round trips and DType objects."""

import warnings

import numpy as np
import pytest

import fasttf as tf

ALL = [tf.bool, tf.uint8, tf.int8, tf.int16, tf.int32, tf.int64, tf.float16, tf.bfloat16,
       tf.float32, tf.float64]
SMALL_VALUES = np.array([0, 1, 2, 5, 7, 100, 127], np.float64)


@pytest.mark.parametrize("src", ALL, ids=lambda d: d.name)
@pytest.mark.parametrize("dst", ALL, ids=lambda d: d.name)
def test_cast_between_all_dtypes(src, dst):
    values = (SMALL_VALUES != 0) if src == tf.bool else SMALL_VALUES
    x = tf.cast(tf.constant(values.astype(np.float64)), src)
    y = tf.cast(x, dst)
    assert y.dtype == dst and y.shape == (len(values),)
    expected = values.astype(np.float64)
    if dst == tf.bool:
        expected = expected != 0
    np.testing.assert_array_equal(y.numpy().astype(np.float64), expected.astype(np.float64))


def test_float_to_int_truncates_toward_zero():
    x = tf.constant([-2.7, -0.5, 0.5, 2.7, 3.0])
    for dt in (tf.int8, tf.int16, tf.int32, tf.int64):
        np.testing.assert_array_equal(tf.cast(x, dt).numpy(), [-2, 0, 0, 2, 3])
    np.testing.assert_array_equal(tf.cast(tf.constant([2.9], tf.float64), tf.uint8).numpy(), [2])


def test_nan_inf_to_int_match_tf_on_x86():
    # TF (CPU, x86) gives the conversion's "integer indefinite" INT_MIN; we define it the same.
    x = tf.constant([np.nan, np.inf, -np.inf, 1e10, -1e10])
    np.testing.assert_array_equal(tf.cast(x, tf.int32).numpy(), [-2 ** 31] * 5)
    np.testing.assert_array_equal(tf.cast(x, tf.int64).numpy()[:3], [-2 ** 63] * 3)
    assert tf.cast(tf.constant(1e10), tf.int64).numpy() == 10 ** 10
    # narrower integers keep the low bits of the 32-bit conversion (as TF: 100000 -> -31072)
    assert int(tf.cast(tf.constant(100000.), tf.int16)) == -31072
    np.testing.assert_array_equal(tf.cast(tf.constant([300., -1.]), tf.uint8).numpy(), [44, 255])
    assert int(tf.cast(tf.constant(np.nan), tf.int16)) == 0
    # the same as NumPy's astype on this platform
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = np.array([np.nan, np.inf, -np.inf, 1e10], np.float32)
        np.testing.assert_array_equal(tf.cast(tf.constant(ref), tf.int32).numpy(),
                                      ref.astype(np.int32))


def test_casts_to_bool_and_from_bool():
    np.testing.assert_array_equal(
        tf.cast(tf.constant([0., -0., 0.1, np.nan, -3.]), tf.bool).numpy(),
        [False, False, True, True, True])
    np.testing.assert_array_equal(tf.cast(tf.constant([0, 5, -1]), tf.bool).numpy(),
                                  [False, True, True])
    np.testing.assert_array_equal(tf.cast(tf.constant([True, False]), tf.float32).numpy(), [1., 0.])
    np.testing.assert_array_equal(tf.cast(tf.constant([True, False]), tf.int64).numpy(), [1, 0])


def test_integer_wraparound():
    np.testing.assert_array_equal(tf.cast(tf.constant([256, 257, -1]), tf.uint8).numpy(),
                                  [0, 1, 255])
    np.testing.assert_array_equal(tf.cast(tf.constant([128]), tf.int8).numpy(), [-128])
    big = tf.constant([2 ** 40 + 5], tf.int64)
    assert tf.cast(big, tf.int32).numpy()[0] == 5
    assert tf.cast(big, tf.float64).numpy()[0] == 2 ** 40 + 5


def test_float16_round_trip():
    x = np.array([1.5, 3.14159, -2.0, 65504., 1e5, 1e-8, 6e-5], np.float32)
    h = tf.cast(tf.constant(x), tf.float16)
    assert h.dtype == tf.float16 and h.numpy().dtype == np.float16
    with np.errstate(over="ignore"):
        ref = x.astype(np.float16)
    np.testing.assert_array_equal(h.numpy(), ref)
    back = tf.cast(h, tf.float32).numpy()
    np.testing.assert_array_equal(back, ref.astype(np.float32))
    assert np.isinf(back[4])
    assert tf.constant(np.array([1.5], np.float16)).dtype == tf.float16


def test_bfloat16_round_trip():
    x = np.array([1.5, 3.14159, -2.0, 1e30, 1.0 + 2 ** -9, 256.5], np.float32)
    b = tf.cast(tf.constant(x), tf.bfloat16)
    assert b.dtype == tf.bfloat16 and b.numpy().dtype == np.float32  # no NumPy bfloat16
    back = tf.cast(b, tf.float32).numpy()
    # round to nearest even on the top 16 bits
    bits = x.view(np.uint32)
    rounded = ((bits + 0x7FFF + ((bits >> 16) & 1)) & 0xFFFF0000).astype(np.uint32)
    np.testing.assert_array_equal(back, rounded.view(np.float32))
    assert back[0] == 1.5 and back[1] == 3.140625 and back[4] == 1.0
    assert str(tf.constant([1.5], tf.bfloat16)) == "tf.Tensor([1.5], shape=(1,), dtype=bfloat16)"
    assert float(tf.reduce_sum(tf.ones([4], tf.bfloat16))) == 4.0


def test_half_arithmetic_keeps_dtype():
    h = tf.constant([1.5, 2.5], tf.float16)
    assert (h + h).dtype == tf.float16 and (h * 2).numpy().tolist() == [3.0, 5.0]
    b = tf.constant([1.5, 2.5], tf.bfloat16)
    assert (b + b).dtype == tf.bfloat16 and (b + b).numpy().tolist() == [3.0, 5.0]


def test_dtype_objects():
    assert tf.float32.name == "float32" and repr(tf.float32) == "tf.float32"
    assert tf.float32.is_floating and tf.bfloat16.is_floating and not tf.int32.is_floating
    assert tf.int32.is_integer and tf.uint8.is_unsigned and not tf.int8.is_unsigned
    assert tf.as_dtype("float32") == tf.float32 and tf.as_dtype(np.float64) == tf.float64
    assert tf.as_dtype(float) == tf.float32
    with pytest.raises(TypeError):  # as TF 2.21: the builtin int is not a dtype
        tf.as_dtype(int)
    assert tf.float32 == "float32" and tf.float32 != tf.float64
    assert tf.float32.as_numpy_dtype == np.float32 and tf.double == tf.float64
    assert tf.int8.max == 127 and tf.uint8.min == 0 and tf.float16.max == 65504
    assert tf.float64.size == 8 and tf.bool.size == 1
    assert {tf.float32: 1}[tf.as_dtype("float32")] == 1
    with pytest.raises(TypeError):
        tf.as_dtype("complex64")
    assert tf.as_dtype("string") == tf.string  # string tensors live in Python


def test_constant_dtype_conversion_rules():
    assert tf.constant(1, dtype=tf.float32).numpy() == 1.0
    with pytest.raises(TypeError):  # TF: a Python float never converts to an int dtype
        tf.constant(2.0, dtype=tf.int32)
    assert tf.constant(np.array([1.7]), dtype=tf.int32).numpy()[0] == 1  # ndarray: a cast
    with pytest.raises(TypeError):
        tf.constant(1.5, dtype=tf.int32)
    with pytest.raises(TypeError):
        tf.constant([1.5, 2.0], dtype=tf.int32)
    # Python ints wrap into narrower integer dtypes, as in TF 2.21 (older TF raised TypeError)
    assert tf.constant(300, dtype=tf.uint8).numpy() == 44
    assert tf.constant([1, 300], dtype=tf.int8).numpy().tolist() == [1, 44]
    assert tf.constant(2 ** 40, dtype=tf.int32).numpy() == 0
    with pytest.raises(TypeError):
        tf.constant(3e9, dtype=tf.int32)
    with pytest.raises(TypeError):
        tf.constant(float("inf"), dtype=tf.int64)
    with pytest.raises((TypeError, ValueError)):
        tf.convert_to_tensor(tf.constant(1.), dtype=tf.float64)
