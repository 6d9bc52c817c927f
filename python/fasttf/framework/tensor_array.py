"""tf.TensorArray, eagerly: a list of tensors with TF's functional write (returns the array)."""

from .. import _C
from . import dtypes
from .constant_op import convert_to_tensor
from .errors import InvalidArgumentError, OutOfRangeError
from .tensor import Tensor
from .tensor_shape import TensorShape


class TensorArray:
    def __init__(self, dtype, size=None, dynamic_size=None, clear_after_read=None,
                 tensor_array_name=None, handle=None, flow=None, infer_shape=True,
                 element_shape=None, colocate_with_first_write_call=True, name=None):
        self._dtype = dtypes.as_dtype(dtype)
        self._size = 0 if size is None else int(size)
        self._dynamic = bool(dynamic_size)
        self._items = [None] * self._size
        self._infer_shape = bool(infer_shape)
        # As TF: the shape every element must have, known from element_shape or (with
        # infer_shape) the first write; TensorShape(None) while unknown.
        self._shape = TensorShape(element_shape)

    @property
    def dtype(self):
        return self._dtype

    @property
    def dynamic_size(self):
        return self._dynamic

    @property
    def element_shape(self):
        return self._shape

    def _known_shape(self):
        return self._shape.as_list() if self._shape.is_fully_defined() else []

    def _check_shape(self, value):
        if not self._infer_shape:
            return
        shape = TensorShape(value._shape_tuple)
        if not self._shape.is_compatible_with(shape):
            raise ValueError("Incompatible shape for value (%s), expected (%s)"
                             % (shape, self._shape))
        self._shape = self._shape.merge_with(shape)

    def size(self, name=None):
        return convert_to_tensor(len(self._items), dtypes.int32)

    def write(self, index, value, name=None):
        index = int(index)
        value = value if isinstance(value, Tensor) else convert_to_tensor(value, self._dtype)
        if value.dtype != self._dtype:
            raise InvalidArgumentError("TensorArray dtype is %s but Op is trying to write dtype "
                                       "%s" % (self._dtype.name, value.dtype.name))
        if index < 0 or (index >= len(self._items) and not self._dynamic):
            raise OutOfRangeError("Tried to write to index %d but array is not resizeable "
                                       "and size is: %d" % (index, len(self._items)))
        self._check_shape(value)
        if index >= len(self._items):
            self._items.extend([None] * (index + 1 - len(self._items)))
        self._items[index] = value
        return self

    def read(self, index, name=None):
        index = int(index)
        if not 0 <= index < len(self._items):
            raise OutOfRangeError("Tried to read from index %d but array size is: %d"
                                       % (index, len(self._items)))
        return self._item(index)

    def _item(self, index):
        value = self._items[index]
        if value is None:  # unwritten slots read as zeros of the written elements' shape
            first = next((t for t in self._items if t is not None), None)
            shape = list(first._shape_tuple) if first is not None else self._known_shape()
            return _C.zeros(shape, self._dtype)
        return value

    def stack(self, name=None):
        if not self._items:
            return _C.zeros([0] + self._known_shape(), self._dtype)
        return _C.stack([self._item(i) for i in range(len(self._items))], 0)

    def gather(self, indices, name=None):
        idx = [int(i) for i in (indices.numpy().reshape(-1) if isinstance(indices, Tensor)
                                else indices)]
        return _C.stack([self.read(i) for i in idx], 0)

    def concat(self, name=None):
        return _C.concat([self._item(i) for i in range(len(self._items))], 0)

    def unstack(self, value, name=None):
        value = value if isinstance(value, Tensor) else convert_to_tensor(value, self._dtype)
        rows = _C.unstack(value, 0, -1)
        if len(rows) > len(self._items) and not self._dynamic and self._items:
            raise InvalidArgumentError("unstack: array of size %d cannot take %d elements"
                                       % (len(self._items), len(rows)))
        self._items = list(rows) + self._items[len(rows):]
        return self

    def scatter(self, indices, value, name=None):
        value = value if isinstance(value, Tensor) else convert_to_tensor(value, self._dtype)
        for i, row in zip(indices, _C.unstack(value, 0, -1)):
            self.write(int(i), row)
        return self

    def split(self, value, lengths, name=None):
        value = value if isinstance(value, Tensor) else convert_to_tensor(value, self._dtype)
        self._items = list(_C.split(value, [int(n) for n in lengths], 0))
        return self

    def close(self, name=None):
        return None

    def identity(self):
        return self
