"""keras.Input / InputLayer: the entry points of a functional model."""

from ...framework import dtypes
from .. import backend
from ..engine.keras_tensor import KerasTensor, Node
from .base_layer import Layer


class InputLayer(Layer):
    def __init__(self, input_shape=None, batch_size=None, dtype=None, input_tensor=None,
                 sparse=None, name=None, ragged=None, type_spec=None, batch_input_shape=None,
                 batch_shape=None, **kwargs):
        tensor_name = name   # an unnamed Input's tensor is 'keras_tensor_N' (Keras 3)
        if name is None:
            name = backend.unique_object_name("input_layer")  # Keras 3 (Keras 2: "input_1")
        batch_shape = batch_shape if batch_shape is not None else batch_input_shape
        if batch_shape is None:
            if input_shape is None:
                raise ValueError("You must pass an `input_shape` or a `batch_shape` argument.")
            input_shape = (input_shape,) if isinstance(input_shape, int) else tuple(input_shape)
            batch_shape = (batch_size,) + input_shape
        super().__init__(name=name, dtype=dtype)
        self._batch_input_shape = tuple(batch_shape)
        self.built = True
        self.is_placeholder = True
        output = KerasTensor(self._batch_input_shape, dtype=self._dtype, name=tensor_name,
                             history=(self, 0, 0))
        self._inbound_nodes.append(Node(self, (), {}, output))
        self.output_tensor = output

    def get_config(self):
        return {"batch_input_shape": self._batch_input_shape, "dtype": self._dtype,
                "sparse": False, "ragged": False, "name": self._name}


def Input(shape=None, batch_size=None, name=None, dtype=None, sparse=None, tensor=None,
          ragged=None, type_spec=None, batch_shape=None, **kwargs):
    """A symbolic tensor of shape (batch_size,) + shape to start a functional model."""
    if shape is None and batch_shape is None and "batch_input_shape" in kwargs:
        batch_shape = kwargs.pop("batch_input_shape")
    if dtype is not None:
        dtype = dtypes.as_dtype(dtype).name
    layer = InputLayer(input_shape=shape, batch_size=batch_size, name=name, dtype=dtype,
                       batch_shape=batch_shape)
    return layer.output_tensor
