"""tf.bitwise: and, or, xor, invert and shifts of integer tensors.

and/or/xor/invert run on the elementwise kernels (the `&`, `|`, `^`, `~` operators); the shifts
are rare enough to compute with NumPy. As in TF, only integer dtypes are accepted (bool raises:
`&` on bools is a logical and, which tf.bitwise does not offer), both operands must share the
dtype, and a shift count is clamped to [0, bits - 1]: `left_shift(1, 40)` on int32 gives
-2**31, `right_shift(-8, 40)` gives -1.
"""

import numpy as np

from .framework import errors
from .framework.constant_op import constant, convert_to_tensor

__all__ = ["bitwise_and", "bitwise_or", "bitwise_xor", "invert", "left_shift", "right_shift"]


def _integer(x, op, position=0):
    x = convert_to_tensor(x)
    if not x.dtype.is_integer:
        raise errors.InvalidArgumentError(
            None, None, "Value for attr 'T' of %s is not in the list of allowed values: int8, "
            "int16, int32, int64, uint8, uint16, uint32, uint64 [Op:%s]" % (x.dtype.name, op))
    return x


def _integer_pair(x, y, op):
    x, y = _integer(x, op), _integer(y, op)
    if x.dtype != y.dtype:
        raise errors.InvalidArgumentError(
            None, None, "cannot compute %s as input #1(zero-based) was expected to be a %s tensor "
            "but is a %s tensor [Op:%s]" % (op, x.dtype.name, y.dtype.name, op))
    return x, y


def bitwise_and(x, y, name=None):
    x, y = _integer_pair(x, y, "BitwiseAnd")
    return x & y


def bitwise_or(x, y, name=None):
    x, y = _integer_pair(x, y, "BitwiseOr")
    return x | y


def bitwise_xor(x, y, name=None):
    x, y = _integer_pair(x, y, "BitwiseXor")
    return x ^ y


def invert(x, name=None):
    return ~_integer(x, "Invert")


def _shift(x, y, op, np_shift):
    x, y = _integer_pair(x, y, op)
    bits = x.dtype.size * 8
    count = np.clip(y.numpy(), 0, bits - 1).astype(x.dtype.as_numpy_dtype)
    return constant(np_shift(x.numpy(), count), dtype=x.dtype)


def left_shift(x, y, name=None):
    return _shift(x, y, "LeftShift", np.left_shift)


def right_shift(x, y, name=None):
    return _shift(x, y, "RightShift", np.right_shift)

