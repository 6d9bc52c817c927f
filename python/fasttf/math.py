"""tf.math: elementwise maths, comparisons, reductions and matmul."""

import numpy as np

from . import _C
from .framework import dtypes
from .framework.constant_op import convert_to_tensor
from .framework.tensor import Tensor

_B = _C.BinaryOp
_U = _C.UnaryOp
_R = _C.ReduceOp


def _binary(op):
    def fn(x, y, name=None):
        return _C.binary_op(op, x, y)
    fn.__name__ = op.name
    return fn


def _unary(op, name=None):
    def fn(x, name=None):
        if not isinstance(x, Tensor):
            x = convert_to_tensor(x)
        return _C.unary_op(op, x)
    fn.__name__ = name or op.name
    return fn


add = _binary(_B.add)
subtract = _binary(_B.sub)
multiply = _binary(_B.mul)
floordiv = _binary(_B.floordiv)
floormod = _binary(_B.floormod)
mod = floormod
pow = _binary(_B.pow)
maximum = _binary(_B.maximum)
minimum = _binary(_B.minimum)
squared_difference = _binary(_B.squared_difference)
equal = _binary(_B.equal)
not_equal = _binary(_B.not_equal)
less = _binary(_B.less)
less_equal = _binary(_B.less_equal)
greater = _binary(_B.greater)
greater_equal = _binary(_B.greater_equal)
logical_and = _binary(_B.logical_and)
logical_or = _binary(_B.logical_or)
logical_xor = _binary(_B.logical_xor)
atan2 = _binary(_B.atan2)


def truediv(x, y, name=None):
    """x / y; integer inputs are divided in floating point (int32 -> float64), as TF."""
    return _C.truediv(x, y)


def divide(x, y, name=None):
    return _C.truediv(x, y)


def divide_no_nan(x, y, name=None):
    x = convert_to_tensor(x)
    y = _C.convert_to_tensor(y, x.dtype) if not isinstance(y, Tensor) else y
    zero = _C.zeros([], y.dtype)
    safe_y = _C.where(equal(y, zero), _C.ones([], y.dtype), y)
    return _C.where(equal(y, zero), _C.zeros([], x.dtype), _C.truediv(x, safe_y))


negative = _unary(_U.negative, "negative")
abs = _unary(_U.abs, "abs")
sign = _unary(_U.sign, "sign")
square = _unary(_U.square, "square")
sqrt = _unary(_U.sqrt, "sqrt")
rsqrt = _unary(_U.rsqrt, "rsqrt")
exp = _unary(_U.exp, "exp")
expm1 = _unary(_U.expm1, "expm1")
log = _unary(_U.log, "log")
log1p = _unary(_U.log1p, "log1p")
sin = _unary(_U.sin, "sin")
cos = _unary(_U.cos, "cos")
tan = _unary(_U.tan, "tan")
asin = _unary(_U.asin, "asin")
acos = _unary(_U.acos, "acos")
atan = _unary(_U.atan, "atan")
sinh = _unary(_U.sinh, "sinh")
cosh = _unary(_U.cosh, "cosh")
tanh = _unary(_U.tanh, "tanh")
asinh = _unary(_U.asinh, "asinh")
acosh = _unary(_U.acosh, "acosh")
atanh = _unary(_U.atanh, "atanh")
sigmoid = _unary(_U.sigmoid, "sigmoid")
floor = _unary(_U.floor, "floor")
ceil = _unary(_U.ceil, "ceil")
round = _unary(_U.round, "round")
rint = round
reciprocal = _unary(_U.reciprocal, "reciprocal")
erf = _unary(_U.erf, "erf")
erfc = _unary(_U.erfc, "erfc")
softplus = _unary(_U.softplus, "softplus")
softsign = _unary(_U.softsign, "softsign")
is_nan = _unary(_U.is_nan, "is_nan")
is_inf = _unary(_U.is_inf, "is_inf")
is_finite = _unary(_U.is_finite, "is_finite")
logical_not = _unary(_U.logical_not, "logical_not")


def _axes(axis):
    if axis is None:
        return None
    if isinstance(axis, Tensor):
        axis = axis.numpy().tolist()
    if isinstance(axis, (int, np.integer)):
        return [int(axis)]
    return [int(a) for a in axis]


def _reducer(op, name):
    def fn(input_tensor, axis=None, keepdims=False, name=None):
        x = input_tensor if isinstance(input_tensor, Tensor) else convert_to_tensor(input_tensor)
        return _C.reduce(op, x, _axes(axis), bool(keepdims))
    fn.__name__ = name
    return fn


reduce_sum = _reducer(_R.sum, "reduce_sum")
reduce_mean = _reducer(_R.mean, "reduce_mean")
reduce_max = _reducer(_R.max, "reduce_max")
reduce_min = _reducer(_R.min, "reduce_min")
reduce_prod = _reducer(_R.prod, "reduce_prod")
reduce_any = _reducer(_R.any, "reduce_any")
reduce_all = _reducer(_R.all, "reduce_all")


def argmax(input, axis=None, output_type=dtypes.int64, name=None):
    x = convert_to_tensor(input)
    return _C.arg_reduce(True, x, 0 if axis is None else int(axis), dtypes.as_dtype(output_type))


def argmin(input, axis=None, output_type=dtypes.int64, name=None):
    x = convert_to_tensor(input)
    return _C.arg_reduce(False, x, 0 if axis is None else int(axis), dtypes.as_dtype(output_type))


def matmul(a, b, transpose_a=False, transpose_b=False, adjoint_a=False, adjoint_b=False,
           a_is_sparse=False, b_is_sparse=False, output_type=None, name=None):
    a = convert_to_tensor(a)
    b = b if isinstance(b, Tensor) else _C.convert_to_tensor(b, a.dtype)
    return _C.matmul(a, b, bool(transpose_a or adjoint_a), bool(transpose_b or adjoint_b))


def clip_by_value(t, clip_value_min, clip_value_max, name=None):
    t = convert_to_tensor(t)
    return _C.clip_by_value(t, clip_value_min, clip_value_max)
