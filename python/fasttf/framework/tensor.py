"""The Python face of fasttf._C.Tensor: TF-style shape/dtype, printing, indexing, NumPy.

The class and its arithmetic operators are defined in C++ (csrc/bindings/tensor.cpp) to keep
per-op overhead low; this module adds what is presentation or argument parsing.
"""

import numbers

import numpy as np

from .. import _C
from . import dtypes, keras_mask
from .tensor_shape import TensorShape

Tensor = _C.Tensor
newaxis = None


def _numpy_text(array, is_repr):
    # As TF's ops.numpy_text: repr shows a scalar as its Python value (2.0, not np.float32(2.0)
    # or 2.0 rounded to float32 digits), an array as NumPy's current repr does.
    array = np.asarray(array)
    if is_repr:
        text = repr(array.item()) if array.ndim == 0 else repr(array)
    else:
        text = str(array)
    if "\n" in text:
        text = "\n" + text
    return text


def _tensor_str(self):
    return "tf.Tensor(%s, shape=%s, dtype=%s)" % (
        _numpy_text(self.numpy(), False), self.shape, self.dtype.name)


def _tensor_repr(self):
    value = self.numpy()
    if value.ndim == 0:
        value = value[()]
    return "<tf.Tensor: shape=%s, dtype=%s, numpy=%s>" % (
        self.shape, self.dtype.name, _numpy_text(value, True))


def _normalize_index(key, shape):
    """Turns a __getitem__ key into the C++ strided_view spec [(kind, start, count, step)]."""
    if not isinstance(key, tuple):
        key = (key,)
    consumed = sum(1 for k in key if k is not None and k is not Ellipsis)
    if sum(1 for k in key if k is Ellipsis) > 1:
        raise ValueError("An index can only have a single ellipsis ('...')")
    if consumed > len(shape):
        from .errors import InvalidArgumentError  # TF's StridedSlice error (a ValueError)
        raise InvalidArgumentError("Index out of range: %d indices for a tensor of rank %d: %r"
                                   % (consumed, len(shape), key))
    spec = []
    dim = 0
    for k in key:
        if k is Ellipsis:
            for _ in range(len(shape) - consumed):
                spec.append((0, 0, shape[dim], 1))
                dim += 1
        elif k is None:
            spec.append((2, 0, 0, 0))
        elif isinstance(k, slice):
            start, stop, step = _slice_part(k.start), _slice_part(k.stop), _slice_part(k.step)
            if step == 0:
                from .errors import InvalidArgumentError
                raise InvalidArgumentError("strides[%d] must be non-zero" % dim)
            start, stop, step = slice(start, stop, step).indices(shape[dim])
            count = len(range(start, stop, step))
            spec.append((0, start if count else 0, count, step))
            dim += 1
        else:
            index = _index_value(k)
            n = shape[dim]
            if index < -n or index >= n:
                from .errors import InvalidArgumentError
                raise InvalidArgumentError(
                    "slice index %d of dimension %d out of bounds (size %d)" % (index, dim, n))
            spec.append((1, index + n if index < 0 else index, 1, 1))
            dim += 1
    return spec


def _slice_part(value):
    if value is None:
        return None
    return _index_value(value)


def _index_value(k):
    if isinstance(k, (bool, np.bool_)):
        raise TypeError("Only integers, slices (`:`), ellipsis (`...`), tf.newaxis (`None`) and "
                        "scalar tf.int32/tf.int64 tensors are valid indices, got %r" % (k,))
    if isinstance(k, numbers.Integral):
        return int(k)
    if isinstance(k, Tensor) and k.ndim == 0 and k.dtype.is_integer:
        return int(k.numpy())
    if isinstance(k, np.ndarray) and k.ndim == 0 and k.dtype.kind in "iu":
        return int(k)
    raise TypeError("Only integers, slices (`:`), ellipsis (`...`), tf.newaxis (`None`) and "
                    "scalar tf.int32/tf.int64 tensors are valid indices, got %r" % (k,))


def _getitem(self, key):
    if isinstance(key, (Tensor, np.ndarray)) and key.dtype in _BOOL_DTYPES:
        from ..array_ops import boolean_mask  # as TF: a bool tensor key is a boolean mask
        return boolean_mask(self, key)
    if isinstance(key, (bool, np.bool_)):
        raise ValueError("mask cannot be scalar.")  # TF takes a bool as a (scalar) mask too
    if isinstance(key, list):
        key = tuple(key)  # as TF: x[[1, 2]] is x[1, 2], not a gather
    return _C.strided_view(self, _normalize_index(key, self._shape_tuple))


_BOOL_DTYPES = (dtypes.bool_, np.dtype(bool))


def _iter(self):
    if self.ndim == 0:
        raise TypeError("Cannot iterate over a scalar tensor.")
    for i in range(self._shape_tuple[0]):
        yield _C.strided_view(self, [(1, i, 1, 1)])


def _len(self):
    if self.ndim == 0:
        raise TypeError("len is not well defined for a rank-0 tensor")
    return self._shape_tuple[0]


def _scalar_value(self, kind):
    if kind is not bool and self.ndim != 0:
        # as TF (NumPy's rule): float(tf.constant([1.])) raises, even for one element
        raise TypeError("only 0-dimensional arrays can be converted to Python scalars, got a "
                        "tensor of shape %s" % (self.shape,))
    if kind is bool and self._numel() == 0:
        return False  # as TF (NumPy's truth value of an empty array)
    if self._numel() != 1:
        raise ValueError("The truth value of an array with more than one element is ambiguous."
                         if kind is bool else
                         "Only size-1 tensors can be converted to Python scalars")
    return kind(self.numpy().reshape(()))


def _index(self):
    if not self.dtype.is_integer or self.ndim != 0:
        raise TypeError("Only scalar integer tensors can be used as an index")
    return int(self.numpy())


def _array(self, dtype=None, copy=None):
    value = np.asarray(self.numpy())  # numpy() of a 0-d tensor is a NumPy scalar
    return value if dtype is None else value.astype(dtype, copy=False)


def _format(self, format_spec):
    # As TF's EagerTensor.__format__: NumPy formats the value ("{}" of a tensor is its array).
    return self.numpy().__format__(format_spec)


class _Reference:
    """tensor.ref(): a hashable handle comparing by identity (tensors themselves are not)."""

    __slots__ = ("_tensor",)

    def __init__(self, tensor):
        self._tensor = tensor

    def deref(self):
        return self._tensor

    def __hash__(self):
        return id(self._tensor)

    def __eq__(self, other):
        return isinstance(other, _Reference) and other._tensor is self._tensor


def _install():
    from_ints, by_enum = TensorShape._from_ints, dtypes._BY_ENUM
    Tensor.shape = property(lambda self: from_ints(self._shape_tuple),
                            doc="The TensorShape of this tensor.")
    Tensor.dtype = property(lambda self: by_enum[self._dtype_enum])
    Tensor.device = property(lambda self: "/job:localhost/replica:0/task:0/device:CPU:0")
    Tensor.get_shape = lambda self: self.shape
    Tensor.__str__ = _tensor_str
    Tensor.__repr__ = _tensor_repr
    Tensor.__getitem__ = _getitem
    Tensor.__iter__ = _iter
    Tensor.__len__ = _len
    Tensor.__bool__ = lambda self: _scalar_value(self, bool)
    Tensor.__int__ = lambda self: _scalar_value(self, int)
    Tensor.__float__ = lambda self: _scalar_value(self, float)
    Tensor.__index__ = _index
    Tensor.__array__ = _array
    Tensor.__array_priority__ = 100
    Tensor.__format__ = _format
    Tensor.__copy__ = lambda self: self
    Tensor.__deepcopy__ = lambda self, memo: self
    Tensor.__reduce__ = lambda self: (_C.convert_to_tensor, (self.numpy(),))
    Tensor.ref = lambda self: _Reference(self)
    Tensor.experimental_ref = Tensor.ref
    Tensor.is_tensor_like = True
    keras_mask.install(Tensor)


_install()
