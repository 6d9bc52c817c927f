"""The functional API: symbolic layer calls (graph construction) and the Functional model
that replays the recorded graph on real tensors."""

import numpy as np

from ... import _C
from ...framework import dtypes
from ...framework.tensor import Tensor
from ...util import nest
from .keras_tensor import KerasTensor, Node
from .layer_order import keras_layer_order
from .model import Model


def _concrete_placeholder(kt):
    shape = [1 if d is None else d for d in kt.shape.dims]
    return _C.zeros(shape, kt._dtype)


def call_symbolic(layer, inputs, args, kwargs):
    """Runs `layer` once on zeros shaped like the KerasTensors (which builds it and gives the
    output shapes), then records a Node and returns KerasTensors for the outputs."""
    concrete_inputs = nest.map_structure(
        lambda t: _concrete_placeholder(t) if isinstance(t, KerasTensor) else t, inputs)
    concrete_args = nest.map_structure(
        lambda t: _concrete_placeholder(t) if isinstance(t, KerasTensor) else t, list(args))
    concrete_kwargs = {k: nest.map_structure(
        lambda t: _concrete_placeholder(t) if isinstance(t, KerasTensor) else t, v)
        for k, v in kwargs.items()}
    unknown_batch = any(isinstance(t, KerasTensor) and t.shape.rank and t.shape[0] is None
                        for t in nest.flatten(inputs))
    outputs = layer(concrete_inputs, *concrete_args, **concrete_kwargs)
    layer._eager_losses = []
    node_index = len(layer._inbound_nodes)
    flat = nest.flatten(outputs)
    symbolic = []
    for i, out in enumerate(flat):
        shape = list(out.shape)
        if unknown_batch and shape:
            shape[0] = None
        symbolic.append(KerasTensor(shape, dtype=out.dtype, history=(layer, node_index, i)))
    symbolic_outputs = nest.pack_sequence_as(outputs, symbolic)
    layer._inbound_nodes.append(Node(layer, (inputs,) + tuple(args), kwargs, symbolic_outputs))
    return symbolic_outputs


def infer_output_shape(layer, input_shape):
    from ..layers.input_layer import Input
    if isinstance(input_shape, (list, tuple)) and input_shape and \
            isinstance(input_shape[0], (list, tuple)):
        inputs = [Input(batch_shape=tuple(s)) for s in input_shape]
    else:
        inputs = Input(batch_shape=tuple(input_shape))
    out = call_symbolic(layer, inputs, (), {})
    layer._inbound_nodes.pop()
    return nest.map_structure(lambda t: tuple(t.shape.dims), out)



class Functional(Model):
    """A model defined by its input and output KerasTensors."""

    _nests_name_scope = False

    def __init__(self, inputs, outputs, name=None, trainable=True, **kwargs):
        if name is None and type(self) is Functional:
            from .. import backend
            # Keras 3 names Model(inputs, outputs) "functional" (Keras 2 said "model")
            name = backend.unique_object_name("functional")
        super().__init__(name=name, trainable=trainable, **kwargs)
        self._init_graph(inputs, outputs)

    def _init_graph(self, inputs, outputs):
        if isinstance(inputs, dict):
            self._input_names = list(inputs.keys())
        self._nested_inputs = inputs
        self._nested_outputs = outputs
        self.inputs = nest.flatten(inputs)
        self.outputs = nest.flatten(outputs)
        for t in self.inputs + self.outputs:
            if not isinstance(t, KerasTensor):
                raise ValueError("Input and output tensors of a functional model must be Keras "
                                 "symbolic tensors (from keras.Input or layer calls). Received: "
                                 "%r" % (t,))
        # Depth-first walk from the outputs gives a topological order of the nodes.
        ordered, state = [], {}

        def visit(node):
            key = id(node)
            if state.get(key) == 2:
                return
            if state.get(key) == 1:
                raise ValueError("The functional graph has a cycle")
            state[key] = 1
            for parent in node.parent_nodes:
                visit(parent)
            state[key] = 2
            ordered.append(node)

        for t in self.outputs:
            visit(t.node)
        input_ids = {id(t) for t in self.inputs}
        for node in ordered:
            if node.is_input and id(node.outputs) not in input_ids:
                raise ValueError("Graph disconnected: cannot obtain value for tensor %r at layer "
                                 '"%s". The following previous layers were accessed without '
                                 "issue: %s" % (node.outputs, node.layer.name,
                                                [n.layer.name for n in ordered if n.is_input and
                                                 id(n.outputs) in input_ids]))
        # Input layers first (in the order of `inputs`), then the rest in topological order.
        input_layers = [t.node.layer for t in self.inputs]
        self._compute_nodes = [n for n in ordered if not n.is_input]
        # Keras' order (by depth, then first meeting): Keras 3 weight files address layers by
        # their position in it, so branching models must list them the same way.
        ordered_layers = keras_layer_order(self.outputs)
        layers = [layer for layer in input_layers
                  if not any(layer is other for other in ordered_layers)] + ordered_layers
        self._self_layers = layers
        self._depth_counts = self._node_depths(ordered)
        self.built = True
        self._batch_input_shape = tuple(self.inputs[0].shape.dims) if len(self.inputs) == 1 \
            else None

    @staticmethod
    def _node_depths(ordered):
        depth = {}
        for node in reversed(ordered):
            for parent in node.parent_nodes:
                depth[id(parent)] = max(depth.get(id(parent), 0), depth.get(id(node), 0) + 1)
            depth.setdefault(id(node), 0)
        counts = {}
        for node in ordered:
            counts.setdefault(depth[id(node)], []).append(node)
        return counts

    def _is_sequential_like(self):
        for nodes in self._depth_counts.values():
            if len(nodes) > 1 or (len(nodes) == 1 and len(nodes[0].keras_inputs) > 1):
                return False
        return True

    @property
    def layers(self):
        return list(self._self_layers)

    def _direct_sublayers(self):
        return list(getattr(self, "_self_layers", [])) + [
            layer for layer in super()._direct_sublayers()
            if not any(layer is own for own in getattr(self, "_self_layers", []))]

    def call(self, inputs, training=None, mask=None):
        values = {}
        if isinstance(inputs, dict) and not isinstance(self._nested_inputs, dict):
            names = [t.node.layer.name for t in self.inputs]
            flat_inputs = [inputs[n] for n in names]
        elif isinstance(inputs, dict):
            flat_inputs = nest.flatten({k: inputs[k] for k in self._nested_inputs})
        else:
            flat_inputs = nest.flatten(inputs)
        if len(flat_inputs) != len(self.inputs):
            raise ValueError('Layer "%s" expects %d input(s), but it received %d input tensors.'
                             % (self.name, len(self.inputs), len(flat_inputs)))
        for kt, value in zip(self.inputs, flat_inputs):
            if not isinstance(value, Tensor):
                value = _C.convert_to_tensor(np.asarray(value), kt._dtype) \
                    if np.asarray(value).dtype.kind == "f" else _C.convert_to_tensor(
                        np.asarray(value), dtypes.as_dtype(np.asarray(value).dtype))
            elif value.dtype.is_floating and kt._dtype.is_floating and value.dtype != kt._dtype:
                value = _C.cast(value, kt._dtype)
            self._check_input_shape(kt, value)
            values[id(kt)] = value
        lookup = values.__getitem__
        for node in self._compute_nodes:
            args = nest.map_structure(
                lambda t: lookup(id(t)) if isinstance(t, KerasTensor) else t, node.call_args)
            kwargs = {k: nest.map_structure(
                lambda t: lookup(id(t)) if isinstance(t, KerasTensor) else t, v)
                for k, v in node.call_kwargs.items()}
            if training is not None and "training" in kwargs:
                # Keras 3 records `training` in saved nodes; the call's own mode wins over it.
                kwargs["training"] = training
            outputs = node.layer(*args, **kwargs)
            for kt, value in zip(nest.flatten(node.outputs), nest.flatten(outputs)):
                values[id(kt)] = value
        return nest.pack_sequence_as(self._nested_outputs,
                                     [values[id(t)] for t in self.outputs])

    def _check_input_shape(self, kt, value):
        expected = kt.shape.dims
        got = tuple(value.shape)
        if len(expected) != len(got) or any(e is not None and e != g
                                            for e, g in zip(expected, got)):
            raise ValueError('Input 0 of layer "%s" is incompatible with the layer: expected '
                             "shape=%s, found shape=%s" % (self.name, tuple(expected), got))

    @property
    def input_shape(self):
        """(None, 4) for one input, a list of such tuples for several (as Keras)."""
        shapes = [tuple(t.shape.dims) for t in self.inputs]
        return shapes[0] if len(shapes) == 1 else shapes

    @property
    def output_shape(self):
        shapes = [tuple(t.shape.dims) for t in self.outputs]
        return shapes[0] if len(shapes) == 1 else shapes

    def get_config(self):
        if type(self).__name__ not in ("Functional", "Model"):
            return super().get_config()
        from ..saving.model_config import _functional_config
        return _functional_config(self)

    @classmethod
    def from_config(cls, config, custom_objects=None):
        if "input_layers" not in config:
            return super().from_config(config)
        from ..saving.model_config import _functional_from_config
        return _functional_from_config(config, custom_objects)
