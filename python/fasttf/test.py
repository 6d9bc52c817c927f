"""tf.test: the queries scripts make at start-up (fasttf has no GPU) and a TestCase with TF's
assertion helpers, on top of unittest."""

import unittest

import numpy as np


def is_gpu_available(cuda_only=False, min_cuda_compute_capability=None):
    return False


def gpu_device_name():
    return ""


def is_built_with_cuda():
    return False


def is_built_with_rocm():
    return False


def is_built_with_gpu_support():
    return False


def is_built_with_xla():
    return False


def is_cpu_target_available(cpu_target):
    return True


def _numpy(value):
    """A tensor, variable, nested list or scalar as a NumPy array."""
    if hasattr(value, "numpy"):
        return np.asarray(value.numpy())
    return np.asarray(value)


class TestCase(unittest.TestCase):
    """unittest.TestCase with TF's assertions; tensors are compared by value."""

    def evaluate(self, tensors):
        from .util import nest
        return nest.map_structure(lambda t: _numpy(t) if hasattr(t, "numpy") else t, tensors)

    def assertAllClose(self, a, b, rtol=1e-6, atol=1e-6, msg=None):  # noqa: N802 - TF's name
        a, b = _numpy(a), _numpy(b)
        self.assertEqual(a.shape, b.shape, msg)
        np.testing.assert_allclose(a, b, rtol=rtol, atol=atol, err_msg=msg or "")

    def assertNotAllClose(self, a, b, rtol=1e-6, atol=1e-6, msg=None):  # noqa: N802
        a, b = _numpy(a), _numpy(b)
        if a.shape == b.shape and np.allclose(a, b, rtol=rtol, atol=atol):
            self.fail(msg or "the arrays are close: %r and %r" % (a, b))

    def assertAllEqual(self, a, b, msg=None):  # noqa: N802
        a, b = _numpy(a), _numpy(b)
        self.assertEqual(a.shape, b.shape, msg)
        np.testing.assert_array_equal(a, b, err_msg=msg or "")

    def assertNotAllEqual(self, a, b, msg=None):  # noqa: N802
        a, b = _numpy(a), _numpy(b)
        if a.shape == b.shape and np.array_equal(a, b):
            self.fail(msg or "the arrays are equal: %r" % (a,))

    def assertAllGreater(self, a, comparison_target):  # noqa: N802
        self.assertTrue(np.all(_numpy(a) > comparison_target))

    def assertAllLess(self, a, comparison_target):  # noqa: N802
        self.assertTrue(np.all(_numpy(a) < comparison_target))

    def assertAllGreaterEqual(self, a, comparison_target):  # noqa: N802
        self.assertTrue(np.all(_numpy(a) >= comparison_target))

    def assertAllLessEqual(self, a, comparison_target):  # noqa: N802
        self.assertTrue(np.all(_numpy(a) <= comparison_target))

    def assertAllInRange(self, target, lower_bound, upper_bound, open_lower_bound=False,  # noqa: N802
                         open_upper_bound=False):
        t = _numpy(target)
        low = t > lower_bound if open_lower_bound else t >= lower_bound
        high = t < upper_bound if open_upper_bound else t <= upper_bound
        self.assertTrue(np.all(low & high), "%r not in [%r, %r]" % (t, lower_bound, upper_bound))

    def assertShapeEqual(self, np_array, tf_tensor, msg=None):  # noqa: N802
        self.assertEqual(tuple(np.shape(np_array)), tuple(tf_tensor.shape), msg)

    def assertDTypeEqual(self, target, expected_dtype):  # noqa: N802
        from .framework import dtypes
        self.assertEqual(dtypes.as_dtype(_numpy(target).dtype), dtypes.as_dtype(expected_dtype))


def main(argv=None):
    """Runs the TestCases of the __main__ module, as tf.test.main() does."""
    return unittest.main(argv=argv)
