"""Where each object's own variables live in a Keras 3 weights file.

Keras 3 (keras/src/saving/saving_lib.py) walks the model: its own variables at `vars`, then for
Sequential / Functional models `layers/<name>` for each layer, then every attribute in sorted
order (public first) that is a layer, an optimizer, or a list / dict of them. Objects inside a
container are named after their class in snake case, made unique with `_1`, `_2`, ... in
order. Reproducing that walk gives the same paths as Keras for the same architecture, so a
file written by either loads in the other.
"""

import re

from ..layers.base_layer import Layer

# Attributes that fasttf's own base classes keep; Keras' skip set plays the same role.
_INTERNAL = {
    "_self_layers", "_inbound_nodes", "_outbound_nodes", "_trainable_weights",
    "_non_trainable_weights", "_metric_objs", "_loss_fns", "_train_vars", "_symbolic_input",
    "_compute_nodes", "_nested_inputs", "_nested_outputs", "_depth_counts", "_initial_weights",
    "_callable_losses", "_eager_losses", "_input_spec", "_layers", "history", "inputs",
    "outputs", "compiled_loss",
}


def snake_case(name):
    name = re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", name)
    name = re.sub(r"([a-z])([A-Z])", r"\1_\2", name).lower()
    return name


def _is_optimizer(obj):
    from ..optimizers.optimizer import Optimizer
    return isinstance(obj, Optimizer)


def _is_saveable(obj):
    return isinstance(obj, Layer) or _is_optimizer(obj)


def own_variables(obj):
    """The variables an object stores under its own `vars` group, in Keras' order."""
    if _is_optimizer(obj):
        return list(obj.variables)
    return list(obj._trainable_weights) + list(obj._non_trainable_weights)


def _children(obj):
    """(attribute name, child) pairs in Keras' visiting order."""
    from ..engine.functional import Functional
    from ..engine.model import Model
    from ..engine.sequential import Sequential
    if isinstance(obj, (Sequential, Functional)):
        yield "layers", list(obj.layers)
        attrs = {}
    else:
        attrs = {}
        if isinstance(obj, Model):
            attrs["layers"] = list(obj.layers)
    if isinstance(obj, Layer):
        for key, value in vars(obj).items():
            if key in _INTERNAL or key.startswith("__"):
                continue
            if _is_saveable(value) or (isinstance(value, (list, tuple, dict)) and any(
                    _is_saveable(v) for v in (value.values() if isinstance(value, dict)
                                              else value))):
                attrs[key] = value
    for key in sorted(attrs, key=lambda k: "~" + k if k.startswith("_") else k):
        yield key, attrs[key]


def walk(root, include_optimizer=True):
    """[(path, object)] for `root` and every saveable reachable from it, each object once.
    `root`'s own path is ''."""
    out, visited = [], set()

    def visit(obj, path):
        if id(obj) in visited:
            return
        if _is_optimizer(obj) and not include_optimizer:
            return
        visited.add(id(obj))
        out.append((path, obj))
        for attr, child in _children(obj):
            child_path = attr if not path else path + "/" + attr
            if _is_saveable(child):
                visit(child, child_path)
            elif isinstance(child, (list, tuple, dict)):
                items = list(child.values()) if isinstance(child, dict) else list(child)
                used = {}
                for item in items:
                    if not _is_saveable(item):
                        continue
                    name = snake_case(type(item).__name__)
                    if name in used:
                        used[name] += 1
                        name = "%s_%d" % (name, used[name])
                    else:
                        used[name] = 0
                    visit(item, child_path + "/" + name)

    visit(root, "")
    return out


def vars_path(path):
    return "vars" if not path else path + "/vars"
