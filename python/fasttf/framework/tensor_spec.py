"""tf.TensorSpec: the shape and dtype a tensor is expected to have (tf.data's element_spec)."""

from . import dtypes
from .tensor_shape import TensorShape


class TensorSpec:
    """Describes a tensor: a (possibly partially known) shape, a dtype and an optional name."""

    __slots__ = ("_shape", "_dtype", "_name")

    def __init__(self, shape, dtype=dtypes.float32, name=None):
        self._shape = TensorShape(shape)
        self._dtype = dtypes.as_dtype(dtype)
        self._name = name

    @classmethod
    def from_tensor(cls, tensor, name=None):
        return cls(tensor.shape, tensor.dtype, name)

    @classmethod
    def from_spec(cls, spec, name=None):
        return cls(spec.shape, spec.dtype, spec.name if name is None else name)

    @property
    def shape(self):
        return self._shape

    @property
    def dtype(self):
        return self._dtype

    @property
    def name(self):
        return self._name

    @property
    def value_type(self):
        from .tensor import Tensor
        return Tensor

    def is_compatible_with(self, spec_or_tensor):
        """True when the dtypes match and the shapes are compatible (None matches anything)."""
        dtype = getattr(spec_or_tensor, "dtype", None)
        shape = getattr(spec_or_tensor, "shape", None)
        if dtype is None or shape is None:
            return False
        return self._dtype == dtype and self._shape.is_compatible_with(shape)

    def most_specific_compatible_type(self, other):
        """The spec both specs satisfy: dimensions that differ become None."""
        if self._dtype != other.dtype:
            raise ValueError("No TypeSpec is compatible with both %r and %r" % (self, other))
        return TensorSpec(most_specific_shape(self._shape, other.shape), self._dtype, self._name)

    def __eq__(self, other):
        return (isinstance(other, TensorSpec) and self._shape == other._shape
                and self._dtype == other._dtype and self._name == other._name)

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash((self._shape, self._dtype, self._name))

    def __repr__(self):
        return "TensorSpec(shape=%s, dtype=%r, name=%r)" % (self._shape, self._dtype, self._name)

    def __reduce__(self):
        return TensorSpec, (self._shape, self._dtype, self._name)


def most_specific_shape(a, b):
    """The most specific TensorShape compatible with both: unknown rank if ranks differ."""
    a, b = TensorShape(a), TensorShape(b)
    if a.rank is None or b.rank is None or a.rank != b.rank:
        return TensorShape(None)
    return TensorShape([x if x == y else None for x, y in zip(a, b)])
