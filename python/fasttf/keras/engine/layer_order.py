"""Keras' order of a functional model's layers (keras/src/ops/function.py `map_graph`).

Keras lists layers by decreasing depth (distance to the outputs), ties broken by the order a
depth-first walk from the outputs first meets them. For a residual block that puts the main
branch's first convolutions before the shortcut convolution. Keras 3 `.weights.h5` files name
each layer's group by its position in that list (`layers/conv2d_3/vars`), so a functional
model lists its layers in exactly this order for Keras' weight files to load.
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
