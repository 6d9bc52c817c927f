"""tf.debugging: assertions that check values eagerly (None when they hold, InvalidArgumentError
when not, as TF in eager mode), check_numerics, and the switches that have nothing to do here."""

import numpy as np

from .framework import dtypes
from .framework.constant_op import convert_to_tensor
from .framework.errors import InvalidArgumentError
from .framework.tensor import Tensor


def _values(x, like=None):
    if isinstance(x, Tensor):
        return x
    return convert_to_tensor(x, like.dtype if isinstance(like, Tensor) else None)


def _compare(x, y, test, what, message, summarize=None):
    x = _values(x, y)
    y = _values(y, x)
    a, b = x.numpy(), y.numpy()
    try:
        ok = bool(np.all(test(a, b)))
    except ValueError:
        raise InvalidArgumentError("%s: shapes %s and %s are incompatible"
                                   % (message or what, x.shape, y.shape)) from None
    if not ok:
        raise InvalidArgumentError("%s\nCondition x %s y did not hold.\nx = %s\ny = %s"
                                   % (message or "", what, a, b))


def assert_equal(x, y, message=None, summarize=None, name=None):
    _compare(x, y, np.equal, "==", message)


def assert_none_equal(x, y, message=None, summarize=None, name=None):
    _compare(x, y, np.not_equal, "!=", message)


def assert_less(x, y, message=None, summarize=None, name=None):
    _compare(x, y, np.less, "<", message)


def assert_less_equal(x, y, message=None, summarize=None, name=None):
    _compare(x, y, np.less_equal, "<=", message)


def assert_greater(x, y, message=None, summarize=None, name=None):
    _compare(x, y, np.greater, ">", message)


def assert_greater_equal(x, y, message=None, summarize=None, name=None):
    _compare(x, y, np.greater_equal, ">=", message)


def assert_positive(x, message=None, summarize=None, name=None):
    _compare(x, 0, np.greater, ">", message)


def assert_negative(x, message=None, summarize=None, name=None):
    _compare(x, 0, np.less, "<", message)


def assert_non_negative(x, message=None, summarize=None, name=None):
    _compare(x, 0, np.greater_equal, ">=", message)


def assert_non_positive(x, message=None, summarize=None, name=None):
    _compare(x, 0, np.less_equal, "<=", message)


def assert_near(x, y, rtol=None, atol=None, message=None, summarize=None, name=None):
    x = _values(x, y)
    y = _values(y, x)
    eps = np.finfo(x.dtype.as_numpy_dtype).eps if x.dtype.is_floating else 0
    rtol = 10 * eps if rtol is None else rtol
    atol = 10 * eps if atol is None else atol
    _compare(x, y, lambda a, b: np.abs(a - b) <= atol + rtol * np.abs(b), "~=", message)


def assert_rank(x, rank, message=None, name=None):
    x = _values(x)
    if x.ndim != int(rank):
        raise ValueError("%sTensor must have rank %d. Received rank %d, shape %s"
                         % (message + " " if message else "", int(rank), x.ndim, x.shape))


def assert_rank_at_least(x, rank, message=None, name=None):
    x = _values(x)
    if x.ndim < int(rank):
        raise ValueError("%sTensor must have rank at least %d. Received rank %d"
                         % (message + " " if message else "", int(rank), x.ndim))


def assert_type(tensor, tf_type, message=None, name=None):
    if _values(tensor).dtype != dtypes.as_dtype(tf_type):
        raise TypeError("%s%s must be of type %s" % (message + " " if message else "",
                                                     tensor, dtypes.as_dtype(tf_type).name))


def assert_all_finite(t, msg, name=None, x=None, message=None):
    return check_numerics(t if x is None else x, msg if message is None else message)


def check_numerics(tensor, message, name=None):
    """Returns tensor, or raises InvalidArgumentError when it holds a NaN or an infinity."""
    t = _values(tensor)
    if t.dtype.is_floating:
        values = t.numpy()
        if np.isnan(values).any() or np.isinf(values).any():
            kind = "NaN" if np.isnan(values).any() else "Inf"
            raise InvalidArgumentError("%s : Tensor had %s values" % (message, kind))
    return t


def is_numeric_tensor(tensor):
    return isinstance(tensor, Tensor) and (tensor.dtype.is_floating or tensor.dtype.is_integer)


def set_log_device_placement(enabled):
    return None


def enable_check_numerics(stack_height_limit=30, path_length_limit=50):
    return None


def disable_check_numerics():
    return None
