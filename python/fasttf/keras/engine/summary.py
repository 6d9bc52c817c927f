"""Model.summary(): the Keras 3 table (TF 2.21), drawn as `rich` draws it without colours.

    Model: "sequential"
    ┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
    ┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
    ┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
    │ dense (Dense)                   │ (None, 2)              │             8 │
    └─────────────────────────────────┴────────────────────────┴───────────────┘
     Total params: 8 (32.00 B)
     Trainable params: 8 (32.00 B)
     Non-trainable params: 0 (0.00 B)

Column widths follow Keras (positions of a line of min(88 or 108, terminal columns - 4)) and
rich's reduction of fixed-width columns to the table width.
"""

import shutil

import numpy as np

from .summary_table import render_table


def _count(weights):
    return sum(int(np.prod(tuple(w.shape), dtype=np.int64)) for w in _unique(weights))


def _unique(weights):
    return list({id(w): w for w in weights}.values())


def _memory(weights):
    bits = 0
    for w in _unique(weights):
        dtype = np.dtype(getattr(w.dtype, "name", str(w.dtype)))
        bits += int(np.prod(tuple(w.shape), dtype=np.int64)) * dtype.itemsize * 8
    return bits / 8


def _readable(size):
    for unit in ["B", "KB", "MB", "GB", "TB", "PB"]:
        if size / 1024 < 1:
            return "{:.2f} {}".format(size, unit)
        size /= 1024
    return "{:.2f} PB".format(size)


def _shape_text(shape):
    return "(" + ", ".join(str(d) for d in shape) + ")"


def _output_shape(layer):
    """'(None, 2)' from the layer's symbolic call (or its first eager output), '?' when the
    layer never ran."""
    from ...util import nest
    if type(layer).__name__ == "InputLayer":
        return _shape_text(layer._batch_input_shape)
    if layer._inbound_nodes:
        outputs = layer._inbound_nodes[-1].outputs
        flat = [_shape_text(t.shape.dims) for t in nest.flatten(outputs)]
        if len(flat) == 1:
            return flat[0]
        packed = nest.pack_sequence_as(outputs, flat)
        if isinstance(packed, tuple):  # Keras prints a layer's several outputs as a list
            packed = list(packed)
        return str(packed).replace("'", "")
    # Keras 3 knows an eagerly called layer's shape from its build(); layers built from the
    # start (Dropout, pooling, ...) never ran one, so they show '?'
    if layer._output_shape_seen is not None and not layer._built_at_init:
        return _shape_text(layer._output_shape_seen)
    return "?"


def _params(layer):
    if not layer.built:
        return "0 (unbuilt)"
    return "{:,}".format(layer.count_params())


def _connections(layer, model):
    own = {id(n) for n in model._compute_nodes}
    parts = []
    for node in layer._inbound_nodes:
        if id(node) not in own:
            continue
        for t in node.keras_inputs:
            src, node_index, tensor_index = t._keras_history
            parts.append("%s[%d][%d]" % (src.name, node_index, tensor_index))
    return ", ".join(parts) or "-"


def _is_functional(model):
    return hasattr(model, "_compute_nodes") and type(model).__name__ != "Sequential"


def _column_widths(line_length, positions):
    widths, current = [], 0
    for pos in positions:
        width = int(pos * line_length) - current if pos <= 1 else int(pos) - current
        if width < 4:
            raise ValueError("Insufficient console width to print summary.")
        widths.append(width)
        current += width
    return widths


def _layer_rows(layer, fields_of, expand_nested, level=0):
    prefix = "   " * level + "└ " if level else ""
    rows = [fields_of(layer, prefix)]
    if expand_nested and getattr(layer, "layers", None):
        for inner in layer.layers:
            rows.extend(_layer_rows(inner, fields_of, expand_nested, level + 1))
    return rows


def _layer_range(layers, layer_range):
    import re
    if layer_range is None:
        return layers
    if len(layer_range) != 2 or not all(isinstance(n, str) for n in layer_range):
        raise ValueError("layer_range must be a list or tuple of 2 strings. Received: "
                         "layer_range = %s" % (layer_range,))
    lower = [i for i, layer in enumerate(layers) if re.match(layer_range[0], layer.name)]
    upper = [i for i, layer in enumerate(layers) if re.match(layer_range[1], layer.name)]
    if not lower or not upper:
        raise ValueError("Passed layer_names do not match the layer names in the model. "
                         "Received: %s" % (layer_range,))
    if min(lower) > max(upper):
        return layers[min(upper):max(lower) + 1]
    return layers[min(lower):max(upper) + 1]


def print_summary(model, line_length=None, positions=None, print_fn=None, expand_nested=False,
                  show_trainable=False, layer_range=None):
    functional = _is_functional(model)
    sequential_like = not functional or model._is_sequential_like()
    if sequential_like:
        default_length, header = 88, ["Layer (type)", "Output Shape", "Param #"]
        positions = positions or [0.45, 0.80, 1.0]
        align = ["left", "left", "right"]
    else:
        default_length = 108
        header = ["Layer (type)", "Output Shape", "Param #", "Connected to"]
        positions = positions or [0.3, 0.56, 0.74, 1.0]
        align = ["left", "left", "right", "left"]
    if show_trainable:
        default_length += 12
        positions = [p * 0.90 for p in positions] + [1.0]
        header, align = header + ["Trainable"], align + ["center"]
    default_length = min(default_length, shutil.get_terminal_size().columns - 4)
    line_length = line_length or default_length
    widths = _column_widths(line_length, positions)

    def fields_of(layer, prefix):
        fields = ["%s%s (%s)" % (prefix, layer.name, type(layer).__name__),
                  _output_shape(layer), _params(layer)]
        if not sequential_like:
            fields.append(_connections(layer, model))
        if show_trainable:
            fields.append(("Y" if layer.trainable else "N") if layer.weights else "-")
        return fields

    layers = list(model._self_layers) if functional else model.layers
    rows = []
    for layer in _layer_range(layers, layer_range):
        rows.extend(_layer_rows(layer, fields_of, expand_nested))

    trainable, non_trainable = model.trainable_weights, model.non_trainable_weights
    optimizer = getattr(model, "optimizer", None)
    optimizer_vars = list(optimizer.variables) if getattr(model, "_is_compiled", False) and \
        optimizer is not None and getattr(optimizer, "_trainable_variables", None) else []
    lines = ['Model: "%s"' % model.name]
    lines += render_table(header, rows, widths, align, line_length)
    every = list(trainable) + list(non_trainable) + optimizer_vars
    lines.append(" Total params: {:,} ({})".format(_count(every), _readable(_memory(every))))
    lines.append(" Trainable params: {:,} ({})".format(_count(trainable),
                                                       _readable(_memory(trainable))))
    lines.append(" Non-trainable params: {:,} ({})".format(
        _count(non_trainable), _readable(_memory(non_trainable))))
    if optimizer_vars:
        lines.append(" Optimizer params: {:,} ({})".format(
            _count(optimizer_vars), _readable(_memory(optimizer_vars))))
    text = "\n".join(lines) + "\n"
    if print_fn is None:
        print(text, end="")
    else:
        print_fn(text)   # Keras 3 hands print_fn the whole table at once
