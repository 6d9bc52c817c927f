"""Tensor creation and conversion: constant, convert_to_tensor, zeros, ones, fill, range..."""

import numbers

import numpy as np

from .. import _C
from . import dtypes
from . import string_tensor as _strings
from .string_tensor import StringTensor
from .tensor import Tensor
from .tensor_shape import TensorShape


# Value classes that may hold strings; only these pay for is_string_value's inspection.
_STRING_CANDIDATES = _strings.CANDIDATE_TYPES
_STRING = dtypes.string  # one global lookup on the numeric path, not a module attribute too


def _dtype_or_none(dtype):
    return None if dtype is None else dtypes.as_dtype(dtype)


def shape_list(shape, op="shape"):
    """A shape argument (list, tuple, TensorShape, 1-D int tensor, int) as a list of ints."""
    if isinstance(shape, TensorShape):
        shape = shape.as_list()
    elif isinstance(shape, Tensor):
        if shape.dtype not in (dtypes.int32, dtypes.int64) or shape.ndim > 1:
            raise TypeError("[%s] shape must be a 1-D int32/int64 tensor, got %r" % (op, shape))
        shape = shape.numpy().reshape(-1).tolist()
    elif isinstance(shape, np.ndarray):
        shape = shape.reshape(-1).tolist()
    elif isinstance(shape, numbers.Integral):
        shape = [int(shape)]
    out = []
    for d in shape:
        if d is None:
            raise ValueError("[%s] shape %r must be fully defined" % (op, shape))
        if isinstance(d, Tensor):
            d = int(d)
        if not isinstance(d, (numbers.Integral, np.integer)) or isinstance(d, bool):
            raise TypeError("[%s] shape entries must be integers, got %r" % (op, d))
        out.append(int(d))
    return out


def convert_to_tensor(value, dtype=None, dtype_hint=None, name=None):
    """tf.convert_to_tensor: Tensors pass through; array-likes are converted with TF's rules."""
    dtype = _dtype_or_none(dtype)
    if dtype is _STRING or (value.__class__ in _STRING_CANDIDATES
                                  and _strings.is_string_value(value)):
        return _strings.convert(value, dtype)
    if dtype is None and dtype_hint is not None and not isinstance(value, Tensor):
        try:
            return _C.convert_to_tensor(value, dtypes.as_dtype(dtype_hint))
        except (TypeError, ValueError):
            pass
    return _C.convert_to_tensor(value, dtype)


def convert_to_tensor_v2(value, dtype=None, dtype_hint=None, name=None):
    """The public tf.convert_to_tensor: as convert_to_tensor, but a Variable gives a Tensor
    snapshot of its current value (TF reads it), not the Variable itself. Internal code uses
    convert_to_tensor, which lets a Variable through without a copy."""
    if isinstance(value, Tensor) and type(value) is not Tensor and hasattr(value, "read_value"):
        value = value.read_value()
    return convert_to_tensor(value, dtype, dtype_hint, name)


def constant(value, dtype=None, shape=None, name="Const"):
    """tf.constant: a new tensor from a value; `shape` reshapes it or broadcasts a scalar."""
    dtype = _dtype_or_none(dtype)
    if dtype is _STRING or (value.__class__ in _STRING_CANDIDATES
                                  and _strings.is_string_value(value)):
        return _strings.constant(value, dtype, shape)
    if isinstance(value, Tensor):
        t = value if dtype is None or value.dtype == dtype else _C.cast(value, dtype)
    elif isinstance(value, np.ndarray) and dtype is not None:
        t = _C.convert_to_tensor(np.asarray(value).astype(dtype.as_numpy_dtype, copy=False)
                                 if dtype.is_numpy_compatible else value, dtype)
    else:
        t = _C.convert_to_tensor(value, dtype)
    if shape is not None:
        shape = shape_list(shape, "constant")
        if t._numel() == 1 and int(np.prod(shape)) != 1:
            return _C.broadcast_to(_C.reshape(t, []), shape)
        if int(np.prod(shape)) != t._numel():
            raise TypeError("Eager execution of tf.constant with unsupported shape. Tensor %s "
                            "(converted from %r) has %d elements, but got `shape` %s with %d "
                            "elements)." % (t, value, t._numel(), tuple(shape),
                                            int(np.prod(shape))))
        return _C.reshape(t, shape)
    return t


def zeros(shape, dtype=dtypes.float32, name=None, layout=None):
    dtype = dtypes.as_dtype(dtype)
    if dtype is dtypes.string:  # as TF: empty strings
        return _strings.fill(shape, _strings.convert(b""))
    return _C.zeros(shape_list(shape, "zeros"), dtype)


def ones(shape, dtype=dtypes.float32, name=None, layout=None):
    return _C.ones(shape_list(shape, "ones"), dtypes.as_dtype(dtype))


def zeros_like(input, dtype=None, name=None, layout=None):
    input = convert_to_tensor(input)
    dtype = dtypes.as_dtype(dtype) if dtype else input.dtype
    if dtype is dtypes.string:
        return _strings.fill(list(input._shape_tuple), _strings.convert(b""))
    return _C.zeros(list(input._shape_tuple), dtype)


def ones_like(input, dtype=None, name=None, layout=None):
    input = convert_to_tensor(input)
    if input.__class__ is StringTensor and dtype is None:
        from .errors import InvalidArgumentError
        raise InvalidArgumentError("Value for attr 'T' of string is not in the list of allowed "
                                   "values [Op:OnesLike]")
    return _C.ones(list(input._shape_tuple), dtypes.as_dtype(dtype) if dtype else input.dtype)


def fill(dims, value, name=None, layout=None):
    """tf.fill: the dtype is that of `value` (int -> int32, float -> float32)."""
    v = convert_to_tensor(value)
    if v.__class__ is StringTensor:
        return _strings.fill(dims, v)
    if v.ndim != 0:
        raise ValueError("[fill] value must be a scalar, got shape %s" % (v.shape,))
    return _C.broadcast_to(v, shape_list(dims, "fill"))


def range(start, limit=None, delta=1, dtype=None, name="range"):
    """tf.range(limit) or tf.range(start, limit, delta); dtype inferred as TF does."""
    if limit is None:
        start, limit = 0, start
    values = [v.numpy().item() if isinstance(v, Tensor) else v for v in (start, limit, delta)]
    if dtype is None:
        tensor_dtypes = [v.dtype for v in (start, limit, delta) if isinstance(v, Tensor)]
        if any(d.is_floating for d in tensor_dtypes) or any(isinstance(v, float) for v in values):
            order = [dtypes.int32, dtypes.int64, dtypes.float32, dtypes.float64]
            candidates = tensor_dtypes + [dtypes.float32]
            dtype = max(candidates, key=lambda d: order.index(d) if d in order else 0)
        elif any(d == dtypes.int64 for d in tensor_dtypes):
            dtype = dtypes.int64
        else:
            dtype = dtypes.int32
    dtype = dtypes.as_dtype(dtype)
    return _C.range(float(values[0]), float(values[1]), float(values[2]), dtype)


def linspace(start, stop, num, name=None, axis=0):
    # As TF: stop is converted with start's dtype, so tf.linspace(0, 10., 5) raises TypeError
    # while tf.linspace(0., 10, 3) is float32.
    start_t = convert_to_tensor(start)
    stop_t = convert_to_tensor(stop, dtype=start_t.dtype)
    # As TF: integer endpoints give float64 (tf.linspace(0, 10, 5)), float ones keep their dtype.
    dtype = start_t.dtype if start_t.dtype.is_floating else dtypes.float64
    if start_t.ndim or stop_t.ndim:
        return _linspace_nd(start_t, stop_t, int(num), dtype, int(axis))
    return _C.linspace(float(start_t), float(stop_t), int(num), dtype)


def _linspace_nd(start, stop, num, dtype, axis):
    """linspace between tensors of endpoints; the new axis of size num sits at `axis`.
    TF's arithmetic: start + i * ((stop - start) / (num - 1)) inside, stop exact at the end."""
    np_type = dtype.as_numpy_dtype
    a, b = np.broadcast_arrays(start.numpy().astype(np_type), stop.numpy().astype(np_type))
    rank = a.ndim + 1
    if not -rank <= axis < rank:
        raise ValueError("[linspace] axis %d is out of range for rank %d" % (axis, rank))
    axis %= rank
    a, b = np.expand_dims(a, axis), np.expand_dims(b, axis)
    if num <= 1:
        out = a if num == 1 else np.zeros(a.shape[:axis] + (0,) + a.shape[axis + 1:], np_type)
    else:
        shape = [1] * rank
        shape[axis] = num - 2
        steps = np.arange(1, num - 1, dtype=np_type).reshape(shape)
        delta = (b - a) / np_type(num - 1)
        out = np.concatenate([a, a + steps * delta, b], axis=axis)
    return _C.convert_to_tensor(np.ascontiguousarray(out), dtype)


def eye(num_rows, num_columns=None, batch_shape=None, dtype=dtypes.float32, name=None):
    return _C.eye(int(num_rows), -1 if num_columns is None else int(num_columns),
                  shape_list(batch_shape or [], "eye"), dtypes.as_dtype(dtype))


def cast(x, dtype, name=None):
    """tf.cast: float -> int truncates toward zero; NaN/inf give defined values."""
    dtype = dtypes.as_dtype(dtype)
    if not isinstance(x, Tensor):
        x = convert_to_tensor(x)
    if dtype is _STRING or x.__class__ is StringTensor:
        return _strings.cast(x, dtype)  # string -> string only (UnimplementedError), as TF
    return _C.cast(x, dtype)


def identity(input, name=None):
    input = convert_to_tensor(input)
    return input if input.__class__ is StringTensor else _C.identity(input)


def shape(input, out_type=dtypes.int32, name=None):
    input = convert_to_tensor(input)
    return _C.convert_to_tensor(np.array(input._shape_tuple, dtype=np.int64),
                                dtypes.as_dtype(out_type))


def shape_n(input, out_type=dtypes.int32, name=None):
    return [shape(t, out_type) for t in input]


def rank(input, name=None):
    return _C.convert_to_tensor(convert_to_tensor(input).ndim, dtypes.int32)


def size(input, out_type=dtypes.int32, name=None):
    return _C.convert_to_tensor(convert_to_tensor(input)._numel(), dtypes.as_dtype(out_type))


def is_tensor(x):
    return isinstance(x, Tensor)
