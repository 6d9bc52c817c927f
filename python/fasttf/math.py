"""tf.math: elementwise maths, comparisons, reductions and matmul."""

import numpy as np

from . import _C
from .framework import dtypes
from .framework.constant_op import convert_to_tensor
from .framework.errors import op_dtype_error
from .framework import string_tensor as _strings
from .framework.tensor import Tensor

_B = _C.BinaryOp
_U = _C.UnaryOp
_R = _C.ReduceOp


def _binary(op):
    def fn(x, y, name=None):
        return _C.binary_op(op, x, y)
    fn.__name__ = fn.__qualname__ = op.name
    return fn


def _unary(op, name=None):
    def fn(x, name=None):
        if not isinstance(x, Tensor):
            x = convert_to_tensor(x)
        return _C.unary_op(op, x)
    fn.__name__ = fn.__qualname__ = name or op.name
    return fn


def add(x, y, name=None):
    """tf.add: y takes x's dtype only where it can (tf.add(int32, 1.5) fails in the op, as TF)."""
    # Two set lookups on the numeric path; only string-like classes are inspected further.
    if (x.__class__ in _STRING_CANDIDATES or y.__class__ in _STRING_CANDIDATES) and \
            _strings.any_string_value(x, y):
        return _strings.add(x, y)  # TF's AddV2 concatenates strings
    return _C.add(x, y)


_STRING_CANDIDATES = _strings.CANDIDATE_TYPES


def equal(x, y, name=None):
    if (x.__class__ in _STRING_CANDIDATES or y.__class__ in _STRING_CANDIDATES) and \
            _strings.any_string_value(x, y):
        return _strings.compare(x, y, False)
    return _C.binary_op(_B.equal, x, y)


def not_equal(x, y, name=None):
    if (x.__class__ in _STRING_CANDIDATES or y.__class__ in _STRING_CANDIDATES) and \
            _strings.any_string_value(x, y):
        return _strings.compare(x, y, True)
    return _C.binary_op(_B.not_equal, x, y)


subtract = _binary(_B.sub)
multiply = _binary(_B.mul)
floordiv = _binary(_B.floordiv)
floormod = _binary(_B.floormod)
mod = floormod
pow = _binary(_B.pow)
maximum = _binary(_B.maximum)
minimum = _binary(_B.minimum)
squared_difference = _binary(_B.squared_difference)
less = _binary(_B.less)
less_equal = _binary(_B.less_equal)
greater = _binary(_B.greater)
greater_equal = _binary(_B.greater_equal)


def _logical(op, name):
    # As TF: Python values convert to bool (tf.math.logical_and([1], [0]) raises TypeError) and
    # tensors of other dtypes are refused by the op.
    def fn(x, y, name=None):
        x = x if isinstance(x, Tensor) else convert_to_tensor(x, dtype=dtypes.bool_)
        y = y if isinstance(y, Tensor) else convert_to_tensor(y, dtype=dtypes.bool_)
        for t in (x, y):
            if t.dtype != dtypes.bool_:
                raise op_dtype_error("[%s] expects bool tensors, got %s" % (fn.__name__,
                                                                            t.dtype.name))
        return _C.binary_op(op, x, y)
    fn.__name__ = fn.__qualname__ = name
    return fn


logical_and = _logical(_B.logical_and, "logical_and")
logical_or = _logical(_B.logical_or, "logical_or")
logical_xor = _logical(_B.logical_xor, "logical_xor")
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
    quotient = _C.truediv(x, safe_y)  # integers divide to float64, as TF's truediv
    return _C.where(equal(y, zero), _C.zeros([], quotient.dtype), quotient)


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
_round_float = _unary(_U.round, "round")


def round(x, name=None):
    """tf.round: halves to even; an integer tensor comes back unchanged, as in TF."""
    x = _t(x)
    return x if x.dtype.is_integer else _round_float(x)


rint = round
reciprocal = _unary(_U.reciprocal, "reciprocal")
erf = _unary(_U.erf, "erf")
erfc = _unary(_U.erfc, "erfc")
softplus = _unary(_U.softplus, "softplus")
softsign = _unary(_U.softsign, "softsign")


def _float_predicate(op, name):
    # TF defines is_nan/is_inf/is_finite for floating dtypes only (InvalidArgumentError on ints)
    def fn(x, name=None):
        x = _t(x)
        _require_float(x, fn.__name__)
        return _C.unary_op(op, x)
    fn.__name__ = fn.__qualname__ = name
    return fn


is_nan = _float_predicate(_U.is_nan, "is_nan")
is_inf = _float_predicate(_U.is_inf, "is_inf")
is_finite = _float_predicate(_U.is_finite, "is_finite")


def logical_not(x, name=None):
    x = x if isinstance(x, Tensor) else convert_to_tensor(x, dtype=dtypes.bool_)
    if x.dtype != dtypes.bool_:
        raise op_dtype_error("[logical_not] expects a bool tensor, got %s" % x.dtype.name)
    return _C.unary_op(_U.logical_not, x)


def _axes(axis):
    if axis is None:
        return None
    if isinstance(axis, Tensor):
        axis = axis.numpy().tolist()
    if isinstance(axis, (int, np.integer)) and not isinstance(axis, bool):
        return [int(axis)]
    axes = np.asarray(axis)
    if axes.ndim > 1 or (axes.size and axes.dtype.kind not in "iu"):
        # TF: the reduction-indices attr (Tidx) must be int32 or int64
        raise op_dtype_error("[reduce] axis must be integers, got %r" % (axis,))
    return [int(a) for a in axes.reshape(-1)]


def _check_unique_axes(axes, ndim, op_name):
    """TF rejects a reduction over the same dimension twice (axis=[0, 0] or [1, -1])."""
    if axes is None or len(axes) < 2:
        return
    seen = set()
    for a in axes:
        d = a + ndim if a < 0 else a
        if d in seen:
            from .framework.errors import InvalidArgumentError
            raise InvalidArgumentError("[%s] axes contain duplicate dimension %d: %s"
                                       % (op_name, d, list(axes)))
        seen.add(d)


def _reducer(op, name):
    is_logical = name in ("reduce_all", "reduce_any")

    def fn(input_tensor, axis=None, keepdims=False, name=None):
        if isinstance(input_tensor, Tensor):
            x = input_tensor
        elif is_logical:  # as TF: Python values convert to bool ([1, 0] raises TypeError)
            x = convert_to_tensor(input_tensor, dtype=dtypes.bool_)
        else:
            x = convert_to_tensor(input_tensor)
        axes = _axes(axis)
        _check_unique_axes(axes, x.ndim, fn.__name__)
        return _C.reduce(op, x, axes, bool(keepdims))
    fn.__name__ = fn.__qualname__ = name
    return fn


reduce_sum = _reducer(_R.sum, "reduce_sum")
reduce_mean = _reducer(_R.mean, "reduce_mean")
reduce_max = _reducer(_R.max, "reduce_max")
reduce_min = _reducer(_R.min, "reduce_min")
reduce_prod = _reducer(_R.prod, "reduce_prod")
reduce_any = _reducer(_R.any, "reduce_any")
reduce_all = _reducer(_R.all, "reduce_all")


def _arg_input(input):
    x = convert_to_tensor(input)
    return _C.cast(x, dtypes.int32) if x.dtype == dtypes.bool_ else x  # TF takes bool too


def argmax(input, axis=None, output_type=dtypes.int64, name=None):
    x = _arg_input(input)
    axis = 0 if axis is None else _int_axis(axis)
    return _C.arg_reduce(True, x, axis, dtypes.as_dtype(output_type))


def argmin(input, axis=None, output_type=dtypes.int64, name=None):
    x = _arg_input(input)
    axis = 0 if axis is None else _int_axis(axis)
    return _C.arg_reduce(False, x, axis, dtypes.as_dtype(output_type))


def matmul(a, b, transpose_a=False, transpose_b=False, adjoint_a=False, adjoint_b=False,
           a_is_sparse=False, b_is_sparse=False, output_type=None, name=None):
    ta, tb = transpose_a or adjoint_a, transpose_b or adjoint_b
    try:  # two float tensors first, unchecked: this wrapper's cost is most of a small product's
        return _C.matmul(a, b, ta, tb)
    except TypeError:  # not tensors yet, flags that are not bools, or an integer product
        pass
    a = a if isinstance(a, Tensor) else convert_to_tensor(a)
    if not isinstance(b, Tensor):
        try:  # as TF: a's dtype is only a hint for b, so int @ float fails in the op
            b = _C.convert_to_tensor(b, a.dtype)
        except TypeError:
            b = convert_to_tensor(b)
    ta, tb = bool(ta), bool(tb)
    if a.dtype == b.dtype and a.dtype in (dtypes.float16, dtypes.bfloat16):
        return _in_float32(lambda a32, b32: _C.matmul(a32, b32, ta, tb), a,
                           _C.cast(b, dtypes.float32))
    try:
        return _C.matmul(a, b, ta, tb)
    except TypeError:
        if not (a.dtype.is_integer and a.dtype == b.dtype):
            raise
    # TF multiplies int32/int64 matrices; the GEMM kernels are float-only, and float64 is exact
    # for every product and sum below 2**53.
    out = _C.matmul(_C.cast(a, dtypes.float64), _C.cast(b, dtypes.float64), ta, tb)
    return _C.cast(out, a.dtype)


def clip_by_value(t, clip_value_min, clip_value_max, name=None):
    t = convert_to_tensor(t)
    return _C.clip_by_value(t, clip_value_min, clip_value_max)


# ---------------------------------------------------------------------------------------------
# Scans, n-ary sums, statistics and the numerically careful helpers (tf.math.*).

def _t(x):
    return x if isinstance(x, Tensor) else convert_to_tensor(x)


def _like(value, x):
    """value as a tensor of x's dtype (Python scalars and lists take the tensor's dtype)."""
    return value if isinstance(value, Tensor) else _C.convert_to_tensor(value, x.dtype)


def _require_float(x, op, error=op_dtype_error):
    """TF's kernels refuse other dtypes (InvalidArgumentError); a few Python-level TF functions
    raise TypeError instead (pass error=TypeError)."""
    if not x.dtype.is_floating:
        raise error("[%s] expects a floating-point tensor, got %s" % (op, x.dtype.name))


def _int_axis(axis):
    """A scalar integer axis (TypeError otherwise, as TF's argmax and cumsum)."""
    if isinstance(axis, Tensor):
        axis = axis.numpy()
    if isinstance(axis, (bool, np.bool_)) or not isinstance(axis, (int, np.integer)) and not (
            isinstance(axis, np.ndarray) and axis.ndim == 0 and axis.dtype.kind in "iu"):
        raise TypeError("axis must be int or Tensor with integer datatype, got %r" % (axis,))
    return int(axis)


def cumsum(x, axis=0, exclusive=False, reverse=False, name=None):
    """Cumulative sum along `axis`; exclusive leaves out each element itself."""
    return _C.cumsum(_t(x), _int_axis(axis), bool(exclusive), bool(reverse))


def cumprod(x, axis=0, exclusive=False, reverse=False, name=None):
    """Cumulative product along `axis`; exclusive leaves out each element itself."""
    return _C.cumprod(_t(x), _int_axis(axis), bool(exclusive), bool(reverse))


def add_n(inputs, name=None):
    """Sum of a list of tensors of one shape and dtype."""
    if isinstance(inputs, Tensor) or not inputs:
        if isinstance(inputs, Tensor):
            return inputs
        raise ValueError("inputs must be a list of at least one Tensor with the same dtype and "
                         "shape")
    tensors = [_t(value) for value in inputs]  # each by itself, as TF's AddN
    first = tensors[0]
    for t in tensors[1:]:
        if t.dtype != first.dtype:
            raise op_dtype_error("[add_n] all inputs must have the same dtype, got %s and %s"
                                 % (first.dtype.name, t.dtype.name))
        if t.shape != first.shape:
            from .framework.errors import InvalidArgumentError
            raise InvalidArgumentError("[add_n] all inputs must have the same shape, got %s and %s"
                                       % (first.shape, t.shape))
    total = first
    for t in tensors[1:]:
        total = _C.binary_op(_B.add, total, t)
    return total if len(tensors) > 1 else _C.identity(first)


def scalar_mul(scalar, x, name=None):
    """scalar * x for a 0-d scalar."""
    x = _t(x)
    s = _like(scalar, x)
    if s.ndim != 0:
        raise ValueError("Only scalar multiply works, got shape %s" % (s.shape,))
    return _C.binary_op(_B.mul, s, x)


def reduce_logsumexp(input_tensor, axis=None, keepdims=False, name=None):
    """log(sum(exp(x))) computed with the maximum factored out (stable for large x)."""
    x = _t(input_tensor)
    axes = _axes(axis)
    raw_max = _C.reduce(_R.max, x, axes, True)
    finite = _C.unary_op(_U.is_finite, raw_max)
    shift = _C.stop_gradient(_C.where(finite, raw_max, _C.zeros([], x.dtype)))
    summed = _C.reduce(_R.sum, exp(x - shift), axes, bool(keepdims))
    result = log(summed)
    if not keepdims:
        shift = _C.reshape(shift, result.shape.as_list())
    return result + shift


def reduce_variance(input_tensor, axis=None, keepdims=False, name=None):
    """Mean squared deviation from the mean over `axis` (float only, as TF)."""
    x = _t(input_tensor)
    _require_float(x, "reduce_variance", TypeError)
    axes = _axes(axis)
    means = _C.reduce(_R.mean, x, axes, True)
    return _C.reduce(_R.mean, square(x - means), axes, bool(keepdims))


def reduce_std(input_tensor, axis=None, keepdims=False, name=None):
    """Standard deviation over `axis` (float only, as TF)."""
    x = _t(input_tensor)
    _require_float(x, "reduce_std", TypeError)
    return sqrt(reduce_variance(x, axis, keepdims))


def reduce_euclidean_norm(input_tensor, axis=None, keepdims=False, name=None):
    """sqrt(sum(x**2)) over `axis`; integer inputs give an integer (truncated) result, as TF."""
    x = _t(input_tensor)
    if x.dtype.is_floating:
        return sqrt(_C.reduce(_R.sum, square(x), _axes(axis), bool(keepdims)))
    wide = _C.cast(x, dtypes.float64)
    result = sqrt(_C.reduce(_R.sum, square(wide), _axes(axis), bool(keepdims)))
    return _C.cast(result, x.dtype)


def count_nonzero(input, axis=None, keepdims=None, dtype=dtypes.int64, name=None):
    """Number of non-zero elements over `axis`, as `dtype` (int64 by default)."""
    x = _t(input)
    nonzero = _C.binary_op(_B.not_equal, x, _C.zeros([], x.dtype))
    counts = _C.cast(nonzero, dtypes.int64)
    return _C.cast(_C.reduce(_R.sum, counts, _axes(axis), bool(keepdims)),
                   dtypes.as_dtype(dtype))


def log_sigmoid(x, name=None):
    """log(sigmoid(x)) = -softplus(-x), stable for large |x|."""
    x = _t(x)
    _require_float(x, "log_sigmoid")
    return negative(softplus(negative(x)))


def xlogy(x, y, name=None):
    """x * log(y), and 0 where x == 0 (even where y is 0 or nan)."""
    x = _t(x)
    y = _like(y, x)
    _require_float(x, "xlogy")
    zero_x = _C.binary_op(_B.equal, x, _C.zeros([], x.dtype))
    # y is replaced by 1 where x == 0 so that neither value nor gradient sees log(0).
    safe_y = _C.where(zero_x, _C.ones([], y.dtype), y)
    return _C.where(zero_x, _C.zeros([], x.dtype), x * log(safe_y))


def xdivy(x, y, name=None):
    """x / y, and 0 where x == 0."""
    x = _t(x)
    y = _like(y, x)
    _require_float(x, "xdivy")
    zero_x = _C.binary_op(_B.equal, x, _C.zeros([], x.dtype))
    safe_y = _C.where(zero_x, _C.ones([], y.dtype), y)
    return _C.where(zero_x, _C.zeros([], x.dtype), x / safe_y)


def reciprocal_no_nan(x, name=None):
    """1 / x, and 0 where x == 0."""
    x = _t(x)
    _require_float(x, "reciprocal_no_nan")
    zero = _C.binary_op(_B.equal, x, _C.zeros([], x.dtype))
    safe_x = _C.where(zero, _C.ones([], x.dtype), x)
    return _C.where(zero, _C.zeros([], x.dtype), reciprocal(safe_x))


def multiply_no_nan(x, y, name=None):
    """x * y, and 0 where y == 0 (even where x is inf or nan)."""
    x = _t(x)
    y = _like(y, x)
    zero_y = _C.binary_op(_B.equal, y, _C.zeros([], y.dtype))
    return _C.where(zero_y, _C.zeros([], x.dtype), x * y)


def _in_float32(fn, x, *args):
    """fn on a half-precision x computed in float32 and cast back (TF has half kernels; the
    C++ softmax and GEMM here take float32/float64)."""
    if x.dtype in (dtypes.float16, dtypes.bfloat16):
        return _C.cast(fn(_C.cast(x, dtypes.float32), *args), x.dtype)
    return fn(x, *args)


def softmax(logits, axis=None, name=None):
    """exp(logits) / sum(exp(logits)) along axis (default -1), stable for large logits."""
    return _in_float32(_C.softmax, _t(logits), -1 if axis is None else _int_axis(axis))


def log_softmax(logits, axis=None, name=None):
    """logits - logsumexp(logits) along axis (default -1)."""
    return _in_float32(_C.log_softmax, _t(logits), -1 if axis is None else _int_axis(axis))


def l2_normalize(x, axis=None, epsilon=1e-12, name=None, dim=None):
    """x / sqrt(max(sum(x**2, axis), epsilon))."""
    x = _t(x)
    if axis is None:
        axis = dim
    square_sum = _C.reduce(_R.sum, square(x), _axes(axis), True)
    return x * rsqrt(maximum(square_sum, _C.convert_to_tensor(epsilon, x.dtype)))


# ---------------------------------------------------------------------------------------------
# Norm-based clipping (tf.clip_by_norm, tf.clip_by_global_norm, tf.linalg.global_norm).

def clip_by_norm(t, clip_norm, axes=None, name=None):
    """t * clip_norm / max(l2norm(t, axes), clip_norm): rescales t to an L2 norm <= clip_norm."""
    t = _t(t)
    clip_norm = _like(clip_norm, t)
    l2sum = _C.reduce(_R.sum, t * t, _axes(axes), True)
    positive = _C.binary_op(_B.greater, l2sum, _C.zeros([], t.dtype))
    safe_sum = _C.where(positive, l2sum, _C.ones([], t.dtype))
    l2norm = _C.where(positive, sqrt(safe_sum), l2sum)
    return (t * clip_norm) / maximum(l2norm, clip_norm)


def global_norm(t_list, name=None):
    """sqrt(sum of squared L2 norms) of the tensors in t_list (None entries are skipped)."""
    if isinstance(t_list, Tensor) or not isinstance(t_list, (list, tuple)):
        raise TypeError("t_list should be a sequence of tensors")
    squares = []
    for t in t_list:
        if t is None:
            continue
        t = _t(t)
        squares.append(_C.reduce(_R.sum, t * t, None, False))
    if not squares:
        return _C.zeros([], dtypes.float32)
    return sqrt(add_n(squares) if len(squares) > 1 else squares[0])


def clip_by_global_norm(t_list, clip_norm, use_norm=None, name=None):
    """Scales every tensor by clip_norm / max(global_norm, clip_norm); returns (list, norm).
    A non-finite global norm makes every value nan, as TF."""
    if isinstance(t_list, Tensor) or not isinstance(t_list, (list, tuple)):
        raise TypeError("t_list should be a sequence of tensors")
    if use_norm is None:
        use_norm = global_norm(t_list)
    use_norm = _t(use_norm)
    clip_norm = _like(clip_norm, use_norm)
    one = _C.ones([], use_norm.dtype)
    scale = clip_norm * minimum(one / use_norm, one / clip_norm)
    scale = scale + (use_norm - use_norm)  # nan when the norm is inf or nan
    clipped = []
    for t in t_list:
        if t is None:
            clipped.append(None)
            continue
        t = _t(t)
        clipped.append(t * (scale if scale.dtype == t.dtype else _C.cast(scale, t.dtype)))
    return clipped, use_norm


def in_top_k(targets, predictions, k, name=None):
    """Whether each target class scores among the k highest predictions (ties count as in, a
    non-finite target score as out), as tf.math.in_top_k."""
    from .array_ops import gather
    from .framework.errors import InvalidArgumentError
    predictions = _t(predictions)
    targets = _t(targets)
    if predictions.ndim != 2 or targets.ndim != 1 or targets.shape[0] != predictions.shape[0]:
        raise InvalidArgumentError(
            "[in_top_k] expects predictions (batch, classes) and targets (batch,), got %s and %s"
            % (predictions.shape, targets.shape))
    target_score = gather(predictions, targets, axis=1, batch_dims=1)
    higher = _C.cast(predictions > _C.expand_dims(target_score, -1), dtypes.int32)
    rank = reduce_sum(higher, axis=-1)
    return logical_and(rank < int(k), is_finite(target_score))



def polyval(coeffs, x, name=None):
    """tf.math.polyval: coeffs[0] * x**(n-1) + ... + coeffs[n-1] (Horner's rule)."""
    x = _t(x)
    if not isinstance(coeffs, (list, tuple)):
        raise ValueError("[polyval] coeffs must be a list of coefficients, got %r" % (coeffs,))
    if not coeffs:
        return _C.zeros(list(x._shape_tuple), x.dtype)
    result = _like(coeffs[0], x)
    for c in coeffs[1:]:
        result = result * x + _like(c, x)
    return result


def accumulate_n(inputs, shape=None, tensor_dtype=None, name=None):
    return add_n(inputs)


from .segment_ops import (bincount, confusion_matrix, segment_max, segment_mean,  # noqa: E402, F401
                          segment_min, segment_sum, unsorted_segment_max, unsorted_segment_mean,
                          unsorted_segment_min, unsorted_segment_sqrt_n, unsorted_segment_sum,
                          segment_prod, unsorted_segment_prod)
from .special_math import (cumulative_logsumexp, digamma, lgamma, polygamma,  # noqa: E402, F401
                           zeta)
