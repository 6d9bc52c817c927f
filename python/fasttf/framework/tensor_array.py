"""tf.TensorArray, eagerly: a list of tensors with TF's functional write (returns the array)."""

from .. import _C
from . import dtypes
from .constant_op import convert_to_tensor
from .errors import InvalidArgumentError, OutOfRangeError
from .tensor import Tensor


class TensorArray:
    def __init__(self, dtype, size=None, dynamic_size=None, clear_after_read=None,
                 tensor_array_name=None, handle=None, flow=None, infer_shape=True,
                 element_shape=None, colocate_with_first_write_call=True, name=None):
        self._dtype = dtypes.as_dtype(dtype)
        self._size = 0 if size is None else int(size)
        self._dynamic = bool(dynamic_size)
        self._items = [None] * self._size
        self._element_shape = element_shape

    @property
    def dtype(self):
        return self._dtype

    @property
    def dynamic_size(self):
        return self._dynamic

    @property
    def element_shape(self):
        from .tensor_shape import TensorShape
        first = next((t for t in self._items if t is not None), None)
        return TensorShape(first.shape if first is not None else self._element_shape)

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
            shape = list(first._shape_tuple) if first is not None else list(
                self._element_shape or [])
            return _C.zeros(shape, self._dtype)
        return value

    def stack(self, name=None):
        if not self._items:
            return _C.zeros([0] + list(self._element_shape or []), self._dtype)
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
