"""tf.bitwise, tf.test and tf.version: values as TensorFlow 2.21 gives them."""

import numpy as np
import pytest

import fasttf as tf


def test_bitwise_ops_match_numpy_on_every_integer_dtype():
    for dtype in (tf.int8, tf.int16, tf.int32, tf.int64, tf.uint8):
        a = np.array([5, 3, 0, 127], dtype=dtype.as_numpy_dtype)
        b = np.array([1, 6, 7, 64], dtype=dtype.as_numpy_dtype)
        x, y = tf.constant(a), tf.constant(b)
        for fn, ref in ((tf.bitwise.bitwise_and, np.bitwise_and),
                        (tf.bitwise.bitwise_or, np.bitwise_or),
                        (tf.bitwise.bitwise_xor, np.bitwise_xor)):
            out = fn(x, y)
            assert out.dtype == dtype
            np.testing.assert_array_equal(out.numpy(), ref(a, b))
        np.testing.assert_array_equal(tf.bitwise.invert(x).numpy(), np.invert(a))


def test_bitwise_accepts_python_lists_as_int32():
    out = tf.bitwise.bitwise_and([5, 6], [3, 3])
    assert out.dtype == tf.int32
    assert out.numpy().tolist() == [1, 2]


def test_shifts_clamp_the_count_to_the_width_as_tf_does():
    a = tf.constant([5, -3])
    b = tf.constant([1, 2])
    assert tf.bitwise.left_shift(a, b).numpy().tolist() == [10, -12]
    assert tf.bitwise.right_shift(a, b).numpy().tolist() == [2, -1]  # arithmetic shift
    assert tf.bitwise.left_shift(tf.constant([1]), tf.constant([40])).numpy().tolist() == [-2**31]
    assert tf.bitwise.right_shift(tf.constant([-8]), tf.constant([40])).numpy().tolist() == [-1]
    assert tf.bitwise.right_shift(tf.constant([8]), tf.constant([-1])).numpy().tolist() == [8]
    out = tf.bitwise.left_shift(tf.constant([1], tf.int8), tf.constant([7], tf.int8))
    assert out.dtype == tf.int8 and out.numpy().tolist() == [-128]
    assert tf.bitwise.invert(tf.constant([1], tf.uint8)).numpy().tolist() == [254]


@pytest.mark.parametrize("fn", [tf.bitwise.bitwise_and, tf.bitwise.left_shift])
def test_bitwise_rejects_floats_bools_and_mixed_dtypes(fn):
    with pytest.raises(tf.errors.InvalidArgumentError, match="allowed values"):
        fn(tf.constant([1.]), tf.constant([1.]))
    with pytest.raises(tf.errors.InvalidArgumentError, match="allowed values"):
        fn(tf.constant([True]), tf.constant([False]))
    with pytest.raises(tf.errors.InvalidArgumentError, match="int64"):
        fn(tf.constant([1]), tf.constant([1], tf.int64))


def test_gpu_queries_report_a_cpu_only_build():
    assert tf.test.is_gpu_available() is False
    assert tf.test.gpu_device_name() == ""
    assert tf.test.is_built_with_cuda() is False
    assert tf.version.VERSION == tf.__version__


class _Case(tf.test.TestCase):
    def runTest(self):  # noqa: N802 - unittest's name
        pass


def test_testcase_assertions_compare_tensors_by_value():
    case = _Case()
    case.assertAllClose(tf.constant([1., 2.]), [1., 2. + 1e-8])
    case.assertAllEqual(tf.constant([[1, 2]]), np.array([[1, 2]]))
    case.assertNotAllClose(tf.constant([1., 2.]), [1., 3.])
    case.assertAllInRange(tf.constant([0.5, 1.0]), 0., 1.)
    assert case.evaluate({"a": tf.constant(3)})["a"] == 3
    with pytest.raises(AssertionError):
        case.assertAllClose(tf.constant([1., 2.]), [1., 2.5])
    with pytest.raises(AssertionError):
        case.assertAllEqual(tf.constant([1, 2]), [1, 2, 3])  # shapes differ
    with pytest.raises(AssertionError):
        case.assertAllInRange(tf.constant([0.5, 1.0]), 0., 1., open_upper_bound=True)
