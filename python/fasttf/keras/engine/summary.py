"""Model.summary(): the TF-Keras 2 table (Layer (type) / Output Shape / Param #)."""

import numpy as np


def _count(weights):
    seen, total = set(), 0
    for w in weights:
        if id(w) not in seen:
            seen.add(id(w))
            total += int(np.prod(tuple(w.shape), dtype=np.int64))
    return total


def _shape_text(shape):
    if isinstance(shape, list):
        return "[" + ", ".join(_shape_text(s) for s in shape) + "]"
    return str(tuple(shape)) if len(shape) != 1 else "(%s,)" % (shape[0],)


def _output_shape(layer, model):
    from .functional import Functional
    from .sequential import Sequential
    if type(layer).__name__ == "InputLayer":
        return "[%s]" % _shape_text(tuple(layer._batch_input_shape))
    if isinstance(model, (Functional, Sequential)) or hasattr(model, "_compute_nodes"):
        if layer._inbound_nodes:
            outs = [tuple(t.shape.dims) for t in _flat(layer._inbound_nodes[-1].outputs)]
            return _shape_text(outs[0] if len(outs) == 1 else outs)
        if layer._output_shape_seen is not None:
            return _shape_text(layer._output_shape_seen)
        return "multiple"
    return "multiple"


def _flat(x):
    from ...util import nest
    return nest.flatten(x)


def _row(fields, positions):
    line = ""
    for col, text in enumerate(fields):
        start = positions[col - 1] if col else 0
        space = 2 if col != len(positions) - 1 else 0
        cutoff = positions[col] - start - space
        piece = str(text)[:cutoff]
        if col == 0:
            line += " "
        line += piece + " " * space
        line += " " * (positions[col] - len(line))
    return line


def print_summary(model, line_length=None, positions=None, print_fn=None, expand_nested=False,
                  show_trainable=False):
    print_fn = print_fn or print
    if not model.built:
        raise ValueError("This model has not yet been built. Build the model first by calling "
                         "`build()` or by calling the model on a batch of data.")
    is_graph = hasattr(model, "_compute_nodes") and type(model).__name__ != "Sequential"
    sequential_like = not is_graph or model._is_sequential_like()
    if sequential_like:
        line_length = line_length or 65
        positions = positions or [0.45, 0.85, 1.0]
        header = ["Layer (type)", "Output Shape", "Param #"]
    else:
        line_length = line_length or 98
        positions = positions or [0.33, 0.55, 0.67, 1.0]
        header = ["Layer (type)", "Output Shape", "Param #", "Connected to"]
    if positions[-1] <= 1:
        positions = [int(line_length * p) for p in positions]
    layers = model.layers
    if is_graph:
        layers = list(model._self_layers)
    print_fn('Model: "%s"' % model.name)
    print_fn("_" * line_length)
    print_fn(_row(header, positions))
    print_fn("=" * line_length)
    for i, layer in enumerate(layers):
        name = "%s (%s)" % (layer.name, type(layer).__name__)
        params = layer.count_params() if layer.built else 0
        fields = [name, _output_shape(layer, model), params]
        if not sequential_like:
            connections = []
            for node in layer._inbound_nodes:
                for t in node.keras_inputs:
                    src, node_index, tensor_index = t._keras_history
                    connections.append("'%s[%d][%d]'" % (src.name, node_index, tensor_index))
            fields.append("[" + ", ".join(connections) + "]" if connections else "[]")
        print_fn(_row(fields, positions))
        if not sequential_like and len(fields[-1]) > positions[-1] - positions[-2]:
            pass
        print_fn(" " * line_length)
    print_fn("=" * line_length)
    trainable = _count(model.trainable_weights)
    non_trainable = _count(model.non_trainable_weights)
    print_fn("Total params: {:,}".format(trainable + non_trainable))
    print_fn("Trainable params: {:,}".format(trainable))
    print_fn("Non-trainable params: {:,}".format(non_trainable))
    print_fn("_" * line_length)
