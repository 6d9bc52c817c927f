"""Keras' order of a functional model's layers (keras/src/ops/function.py `map_graph`).

Keras lists layers by decreasing depth (distance to the outputs), ties broken by the order a
depth-first walk from the outputs first meets them. For a residual block that puts the main
branch's first convolutions before the shortcut convolution. Keras 3 `.weights.h5` files name
each layer's group by its position in that list (`layers/conv2d_3/vars`), so an application
model must list its layers in exactly this order for Keras' weight files to load.

(fasttf's Functional lists layers in plain topological order; this module re-orders the layer
list of the application models only.)
"""


def keras_layer_order(outputs):
    """The layers reachable from the KerasTensors `outputs`, in Keras' `model.layers` order."""
    finished, nodes, first_seen = set(), [], {}
    layers_by_id = {}
    # Iterative DFS (ResNet152 is ~500 layers deep) reproducing Keras' recursive walk:
    # pre-order numbering of layers, post-order list of nodes.
    stack = [(t, False) for t in reversed(outputs)]
    in_progress = set()
    while stack:
        tensor, expanded = stack.pop()
        layer, node_index, _ = tensor._keras_history
        node = layer._inbound_nodes[node_index]
        if expanded:
            in_progress.discard(id(node))
            if id(node) not in finished:
                finished.add(id(node))
                nodes.append(node)
            continue
        if id(node) in finished:
            continue
        if id(node) in in_progress:
            raise ValueError("Tensor %r from layer %r is part of a cycle." % (tensor, layer.name))
        first_seen.setdefault(id(layer), len(first_seen))
        layers_by_id[id(layer)] = layer
        in_progress.add(id(node))
        stack.append((tensor, True))
        if not node.is_input:
            stack.extend((t, False) for t in reversed(node.keras_inputs))
    node_depth, layer_depth = {}, {}
    for node in reversed(nodes):
        depth = max(node_depth.setdefault(id(node), 0), layer_depth.get(id(node.layer), 0))
        layer_depth[id(node.layer)] = depth
        node_depth[id(node)] = depth
        for parent in node.parent_nodes:
            node_depth[id(parent)] = max(depth + 1, node_depth.get(id(parent), 0))
    ordered = sorted(layer_depth, key=lambda lid: (-layer_depth[lid], first_seen[lid]))
    return [layers_by_id[lid] for lid in ordered]


def use_keras_layer_order(model):
    """Re-orders `model.layers` (a fasttf Functional) into Keras' order."""
    ordered = keras_layer_order(model.outputs)
    if len(ordered) != len(model._self_layers) or \
            {id(x) for x in ordered} != {id(x) for x in model._self_layers}:
        raise AssertionError("layer re-ordering lost layers")  # pragma: no cover
    model._self_layers = ordered
    return model


def mark_unknown_dims(model, probe_size):
    """Sets to None the dimensions of the model's symbolic tensors that follow an input
    dimension given as None (e.g. an image model built for any height and width).

    fasttf's functional API builds layers on placeholders whose unknown dimensions are 1 and
    records the resulting shapes, so without this the summary would show (None, 1, 1, 64)
    where Keras shows (None, None, None, 64). Replaying the graph once with the unknown
    dimensions set to `probe_size` shows which recorded dimensions depend on them."""
    from ... import _C
    from ...framework.tensor_shape import TensorShape
    from ...util import nest
    if not any(d is None for t in model.inputs for d in t.shape.dims[1:]):
        return model
    values = {}
    for kt in model.inputs:
        shape = [1] + [probe_size if d is None else d for d in kt.shape.dims[1:]]
        values[id(kt)] = _C.zeros(shape, kt.dtype)

    def lookup(t):
        return values[id(t)] if hasattr(t, "_keras_history") and id(t) in values else t

    for node in model._compute_nodes:
        args = nest.map_structure(lookup, node.call_args)
        kwargs = {k: nest.map_structure(lookup, v) for k, v in node.call_kwargs.items()}
        outputs = node.layer(*args, **kwargs)
        for kt, value in zip(nest.flatten(node.outputs), nest.flatten(outputs)):
            values[id(kt)] = value
            probed = tuple(value.shape)
            dims = list(kt.shape.dims)
            if len(dims) == len(probed):
                kt.shape = TensorShape([None if i == 0 or d != p else d
                                        for i, (d, p) in enumerate(zip(dims, probed))])
    return model
