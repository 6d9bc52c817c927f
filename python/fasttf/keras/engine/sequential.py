"""keras.Sequential: a plain stack of layers."""

from ...framework.tensor_shape import TensorShape
from ..layers.base_layer import Layer
from .keras_tensor import KerasTensor
from .model import Model


class Sequential(Model):
    _nests_name_scope = False

    def __init__(self, layers=None, name=None, **kwargs):
        super().__init__(name=name, **kwargs)
        self._self_layers = []
        self._build_input_shape = None
        for layer in layers or []:
            self.add(layer, rebuild=False)
        if self._build_input_shape is not None and self.layers:
            self._build_symbolic()   # once for the whole list, as Keras 3

    @property
    def layers(self):
        # An Input() given to add() is not a layer of the model (as Keras).
        return [layer for layer in self._self_layers if type(layer).__name__ != "InputLayer"]

    def _direct_sublayers(self):
        return list(getattr(self, "_self_layers", []))

    def add(self, layer, rebuild=True):
        if isinstance(layer, KerasTensor):
            layer = layer._keras_history[0]
        if not isinstance(layer, Layer):
            raise TypeError("The added layer must be an instance of class Layer. Received: "
                            "layer=%s of type %s." % (layer, type(layer)))
        if any(existing.name == layer.name for existing in self._self_layers):
            raise ValueError('All layers added to a Sequential model should have unique names. '
                             'Name "%s" is already the name of a layer in this model. Update the '
                             "`name` argument to pass a unique name." % (layer.name,))
        self._self_layers.append(layer)
        if type(layer).__name__ == "InputLayer" or (
                len(self._self_layers) == 1 and layer._batch_input_shape is not None):
            self._build_input_shape = layer._batch_input_shape
            if rebuild:
                self._build_symbolic()
        elif self._build_input_shape is not None and (self.built or not rebuild):
            if rebuild:
                self._build_symbolic()

    def pop(self):
        if not self.layers:
            raise TypeError("There are no layers in the model.")
        layer = self._self_layers.pop()
        return layer

    def build(self, input_shape=None):
        if input_shape is None:
            input_shape = self._build_input_shape
        if input_shape is None:
            raise ValueError("You must provide an `input_shape` argument.")
        self._build_input_shape = tuple(TensorShape(input_shape).dims)
        self._build_symbolic()

    def _build_symbolic(self):
        """Runs the stack on a symbolic input to build every layer and record output shapes."""
        from .. import backend
        from ..layers.input_layer import Input
        if self.layers:
            # Keras 3 builds a Sequential through an inner Functional each time, which takes
            # a "functional" name: Model(...) made afterwards is "functional_1", as in TF.
            backend.get_uid("functional")
        x = Input(batch_shape=self._build_input_shape)
        self._symbolic_input = x
        for layer in self.layers:
            x = layer(x)
        self.inputs, self.outputs = [self._symbolic_input], [x]
        self.built = True

    def _maybe_build(self, inputs):
        """A first call without a known input shape builds the stack symbolically with the
        batch axis left open, as Keras does, so summary() shows (None, ...)."""
        from ...framework.tensor import Tensor
        if not self.built and self._build_input_shape is None and isinstance(inputs, Tensor) \
                and inputs.shape.rank and self.layers:
            self._build_input_shape = (None,) + tuple(inputs.shape)[1:]
            try:
                self._build_symbolic()
                return
            except Exception:  # noqa: BLE001 - a stack that cannot run symbolically runs eagerly
                self._build_input_shape = None
        self.built = True

    def call(self, inputs, training=None, mask=None):
        x = inputs
        for layer in self.layers:
            x = layer(x)
        return x

    def _output_names(self, n):
        return [self.layers[-1].name] if n == 1 and self.layers else super()._output_names(n)

    @property
    def input_shape(self):
        if self._build_input_shape is None:
            raise AttributeError("The model has not been built yet.")
        return tuple(self._build_input_shape)

    @property
    def output_shape(self):
        return tuple(self.outputs[0].shape.dims)

    def get_config(self):
        """Keras 3's layout: an InputLayer entry first when the input shape is known, each
        layer as {module, class_name, config, registered_name}, and build_input_shape."""
        from ..saving.model_config import _sequential_config
        return _sequential_config(self)

    @classmethod
    def from_config(cls, config, custom_objects=None):
        from ..saving.model_config import _sequential_from_config
        return _sequential_from_config(config, custom_objects)
