"""Symbolic tensors of the functional API (keras.Input) and the graph nodes linking layers."""

from ...framework import dtypes
from ...framework.tensor_shape import TensorShape
from ...util import nest


class KerasShape(tuple):
    """KerasTensor.shape: a plain tuple as in Keras 3 (`(None, 3)`, printed so), which also
    answers the TensorShape methods Keras-2-era code calls on it (as_list(), rank, dims)."""

    __slots__ = ()

    @property
    def rank(self):
        return len(self)

    ndims = rank

    @property
    def dims(self):
        return list(self)

    def as_list(self):
        return list(self)

    def num_elements(self):
        return TensorShape(self).num_elements()

    def is_fully_defined(self):
        return all(d is not None for d in self)

    def is_compatible_with(self, other):
        return TensorShape(self).is_compatible_with(other)

    def merge_with(self, other):
        return KerasShape(TensorShape(self).merge_with(other))

    def concatenate(self, other):
        return KerasShape(tuple(self) + tuple(other))

    def __getitem__(self, key):
        item = tuple.__getitem__(self, key)
        return KerasShape(item) if isinstance(key, slice) else item

    def __add__(self, other):  # shape[:-1] + [units] worked on Keras 2's TensorShape
        return KerasShape(tuple(self) + tuple(other))

    def __radd__(self, other):
        return KerasShape(tuple(other) + tuple(self))


class KerasDType(str):
    """KerasTensor.dtype: the name Keras 3 gives ('float32', printed so), which also answers
    what Keras-2-era code asks of a tf.DType (.name, .is_floating, == tf.float32)."""

    __slots__ = ()

    def __getattr__(self, attr):
        if attr.startswith("__"):
            raise AttributeError(attr)
        return getattr(dtypes.as_dtype(str(self)), attr)

    def __eq__(self, other):
        if isinstance(other, str):
            return str.__eq__(self, other)
        try:
            return dtypes.as_dtype(str(self)) == dtypes.as_dtype(other)
        except (TypeError, ValueError):
            return NotImplemented

    def __ne__(self, other):
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __hash__ = str.__hash__


class KerasTensor:
    """A placeholder with a shape (batch None) and dtype; it remembers the layer call that
    produced it in `_keras_history = (layer, node_index, tensor_index)`."""

    def __init__(self, shape, dtype="float32", name=None, history=None):
        self.shape = shape
        self._dtype = dtypes.as_dtype(dtype)   # the tf.DType the engine computes with
        if name is None:
            from .. import backend
            name = backend.unique_object_name("keras_tensor")
        self.name = name
        self._keras_history = history

    @property
    def shape(self):
        return self._shape

    @shape.setter
    def shape(self, shape):
        dims = TensorShape(shape).dims
        self._shape = TensorShape(None) if dims is None else KerasShape(dims)

    @property
    def dtype(self):
        return KerasDType(self._dtype.name)

    @property
    def ndim(self):
        return self.shape.rank

    def get_shape(self):
        return self.shape

    @property
    def node(self):
        layer, node_index, _ = self._keras_history
        return layer._inbound_nodes[node_index]

    def __repr__(self):
        shape = tuple(self.shape.dims) if self.shape.dims is not None else None
        return "<KerasTensor shape=%s, dtype=%s, sparse=False, ragged=False, name=%s>" % (
            shape, self._dtype.name, self.name)

    def __hash__(self):
        return id(self)

    def __len__(self):
        raise TypeError("Keras symbolic inputs/outputs do not implement `__len__`.")

    def __array__(self, dtype=None):
        raise TypeError("You are passing %r, an intermediate Keras symbolic input/output, to a "
                        "TF API that does not allow registering custom dispatchers. Wrap the "
                        "call in a keras.layers.Lambda layer." % (self,))


def is_symbolic(structure):
    if isinstance(structure, KerasTensor):
        return True
    if isinstance(structure, (list, tuple, dict)):
        return any(isinstance(t, KerasTensor) for t in nest.flatten(structure))
    return False


class Node:
    """One call of `layer` on symbolic inputs: `call_args`/`call_kwargs` keep the KerasTensors
    in place, so the functional model can replay the call with real tensors."""

    def __init__(self, layer, call_args=(), call_kwargs=None, outputs=None):
        self.layer = layer
        self.call_args = call_args
        self.call_kwargs = call_kwargs or {}
        self.outputs = outputs
        self.keras_inputs = [t for t in nest.flatten((call_args, self.call_kwargs))
                             if isinstance(t, KerasTensor)]
        self.is_input = not self.keras_inputs

    @property
    def parent_nodes(self):
        return [t.node for t in self.keras_inputs]
