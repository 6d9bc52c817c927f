"""A model's architecture and compile settings as Keras configs, and back.

Written in the Keras 3 shape ({"module", "class_name", "config", "registered_name",
"build_config", "compile_config"}, functional nodes as {"args": [__keras_tensor__...]}), so
Keras 3 reads it; read from Keras 3 and Keras 2 shapes (inbound_nodes as [[name, node, tensor,
kwargs]], `batch_input_shape` on the first layer). Keras adds config keys fasttf's layers do
not take (`groups`, `synchronized`, `input_axes`, ...): keys a layer's constructor does not
accept are dropped, so a Keras file loads whenever the layers it uses exist here.
"""

import inspect
import json
import re

import numpy as np

from . import op_nodes
from .errors import SavingError


# -- plain JSON ----------------------------------------------------------------------------
def to_json_value(value):
    if isinstance(value, dict):
        return {str(k): to_json_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json_value(v) for v in value]
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    if hasattr(value, "name") and hasattr(value, "as_numpy_dtype"):  # a DType
        return value.name
    if hasattr(value, "get_config") and not isinstance(value, type):
        return {"module": type(value).__module__, "class_name": type(value).__name__,
                "config": to_json_value(value.get_config()), "registered_name": None}
    if callable(value) and hasattr(value, "__name__"):
        return value.__name__
    return value


def dumps(config):
    return json.dumps(to_json_value(config))


# -- layers --------------------------------------------------------------------------------
def _keras_layer_config(layer):
    config = dict(layer.get_config())
    cls_name = type(layer).__name__
    if cls_name == "InputLayer":
        shape = config.pop("batch_input_shape", None)
        config["batch_shape"] = list(shape) if shape is not None else None
        return config
    config.pop("batch_input_shape", None)
    axis = config.get("axis")
    if cls_name in ("BatchNormalization",) and isinstance(axis, (list, tuple)) and len(axis) == 1:
        config["axis"] = axis[0]
    return config


def _module_of(obj):
    module = type(obj).__module__
    return "keras.layers" if module.startswith("fasttf.keras.layers") else module


def _is_builtin(cls):
    return cls.__module__.startswith("fasttf.")


def serialize_layer(layer):
    out = {"module": _module_of(layer), "class_name": type(layer).__name__,
           "config": _keras_layer_config(layer), "registered_name": None
           if _is_builtin(type(layer)) else type(layer).__name__}
    return out


def _accepted_kwargs(cls):
    """Names cls's constructor accepts, following **kwargs up the MRO to Layer."""
    from ..layers.base_layer import Layer
    names = set()
    for klass in cls.__mro__:
        init = klass.__dict__.get("__init__")
        if init is None:
            continue
        params = inspect.signature(init).parameters
        names.update(n for n, p in params.items() if p.kind in (
            p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY) and n != "self")
        if not any(p.kind is p.VAR_KEYWORD for p in params.values()):
            return names, False
        if klass is Layer:
            break
    names.update({"input_shape", "input_dim", "batch_input_shape", "batch_size", "weights",
                  "activity_regularizer", "autocast", "input_length"})
    return names, True


def _clean_nested(key, value):
    """Initializer / regularizer configs from Keras may carry arguments fasttf's do not take."""
    if not (isinstance(value, dict) and "class_name" in value):
        return value
    from .. import initializers, regularizers
    if key.endswith("_initializer"):
        cls = getattr(initializers, value["class_name"], None)
        if cls is not None:
            accepted, _ = _accepted_kwargs(cls) if hasattr(cls, "__mro__") else (set(), False)
            cfg = {k: v for k, v in (value.get("config") or {}).items() if k in accepted}
            return cls(**cfg)
    if key.endswith("_regularizer"):
        cls = getattr(regularizers, value["class_name"], None)
        if cls is not None:
            accepted, _ = _accepted_kwargs(cls)
            cfg = {k: v for k, v in (value.get("config") or {}).items() if k in accepted}
            return cls(**cfg)
    return value


def _lookup_layer_class(class_name, custom_objects):
    from .. import layers as layers_module
    from ..utils.custom_objects import merged_with
    custom_objects = merged_with(custom_objects)  # keras.utils.get_custom_objects() counts too
    if custom_objects and class_name in custom_objects:
        return custom_objects[class_name], True
    short = class_name.split(">")[-1]
    if custom_objects and short in custom_objects:
        return custom_objects[short], True
    cls = getattr(layers_module, short, None)
    if cls is None:
        from .. import models
        cls = {"Sequential": models.Sequential, "Functional": models.Functional,
               "Model": models.Model}.get(short)
    if cls is None:
        raise SavingError("Unknown layer: %r. Please ensure you are using a `keras.utils."
                          "custom_object_scope` and that this object is included in the scope, "
                          "or pass it in `custom_objects`." % (class_name,))
    return cls, False


def deserialize_layer(spec, custom_objects=None):
    class_name = spec["class_name"]
    config = dict(spec.get("config") or {})
    if class_name in ("Sequential", "Functional", "Model") or (
            custom_objects and class_name in custom_objects and _is_model_class(
                custom_objects[class_name])):
        return deserialize_model(spec, custom_objects)
    if op_nodes.is_op_spec(spec):
        return op_nodes.op_class(spec).from_config(config)
    cls, custom = _lookup_layer_class(class_name, custom_objects)
    if isinstance(config.get("dtype"), dict):
        config["dtype"] = (config["dtype"].get("config") or {}).get("name")
    if not custom:
        accepted, _ = _accepted_kwargs(cls)
        config = {k: _clean_nested(k, v) for k, v in config.items() if k in accepted}
        if class_name == "InputLayer" and "batch_shape" in config:
            config["batch_shape"] = tuple(config["batch_shape"])
    while True:
        try:
            return cls.from_config(config)
        except TypeError as exc:
            # A subclass may fix a parent's argument itself (DepthwiseConv2D passes `groups`
            # to the convolution base), so a key Keras writes for it collides: drop it.
            match = re.search(r"multiple values for (?:keyword )?argument '(\w+)'", str(exc))
            if not custom and match and match.group(1) in config:
                del config[match.group(1)]
                continue
            raise SavingError("Could not rebuild layer %r of class %s from its config: %s"
                              % (config.get("name"), class_name, exc)) from None


def _is_model_class(cls):
    from ..engine.model import Model
    return isinstance(cls, type) and issubclass(cls, Model)


# -- models --------------------------------------------------------------------------------
def _build_shape(model):
    shape = getattr(model, "_build_input_shape", None)
    if shape is None and getattr(model, "inputs", None):
        shape = tuple(model.inputs[0].shape.dims) if len(model.inputs) == 1 else \
            [tuple(t.shape.dims) for t in model.inputs]
    return to_json_value(shape) if shape is not None else None


def serialize_model(model, include_compile=True):
    from ..engine.functional import Functional
    from ..engine.sequential import Sequential
    if isinstance(model, Sequential):
        class_name, config = "Sequential", _sequential_config(model)
        registered = None
    elif isinstance(model, Functional) and type(model).__name__ == "Functional":
        class_name, config = "Functional", _functional_config(model)
        registered = None
    else:
        class_name = type(model).__name__
        config = model.get_config()
        registered = class_name
    module = "keras" if registered is None else type(model).__module__
    if class_name == "Functional":  # as Keras 3 writes it
        module, registered = "keras.src.models.functional", "Functional"
    out = {"module": module, "class_name": class_name, "config": to_json_value(config),
           "registered_name": registered}
    shape = _build_shape(model)
    if shape is not None:
        out["build_config"] = {"input_shape": shape}
    if include_compile and getattr(model, "_is_compiled", False):
        out["compile_config"] = compile_config(model)
    return out


def _sequential_config(model):
    layers = []
    shape = model._build_input_shape
    if shape is not None:
        layers.append({"module": "keras.layers", "class_name": "InputLayer",
                       "config": {"batch_shape": list(shape), "dtype": model.dtype,
                                  "sparse": False, "ragged": False,
                                  "name": model.name + "_input"}, "registered_name": None})
    for layer in model.layers:
        layers.append(serialize_nested(layer))
    config = {"name": model.name, "trainable": model.trainable, "dtype": model.dtype,
              "layers": layers}
    if shape is not None:
        config["build_input_shape"] = list(shape)
    return config


def serialize_nested(layer):
    from ..engine.model import Model
    if isinstance(layer, Model):
        return serialize_model(layer, include_compile=False)
    return serialize_layer(layer)


def _functional_config(model):
    from ..engine.keras_tensor import KerasTensor
    from ...util import nest
    layers = model.layers
    # Node numbering local to this model: the k-th call of a layer inside the model.
    local_index = {}
    per_layer = {}
    for layer in layers:
        for node in layer._inbound_nodes:
            if node.is_input or any(node is n for n in model._compute_nodes):
                local_index[id(node)] = per_layer.get(id(layer), 0)
                per_layer[id(layer)] = per_layer.get(id(layer), 0) + 1

    def history(kt):
        layer, node_index, tensor_index = kt._keras_history
        node = layer._inbound_nodes[node_index]
        return [layer.name, local_index.get(id(node), 0), tensor_index]

    def tensor_spec(value):
        if isinstance(value, KerasTensor):
            return {"class_name": "__keras_tensor__", "config": {
                "shape": list(value.shape.dims), "dtype": value.dtype.name,
                "keras_history": history(value)}}
        return to_json_value(value)

    specs = []
    for layer in layers:
        spec = serialize_nested(layer)
        spec["name"] = layer.name
        nodes = []
        for node in layer._inbound_nodes:
            if node.is_input or id(node) not in local_index:
                continue
            nodes.append({"args": [nest.map_structure(tensor_spec, a) for a in node.call_args],
                          "kwargs": {k: nest.map_structure(tensor_spec, v)
                                     for k, v in node.call_kwargs.items()}})
        spec["inbound_nodes"] = nodes
        specs.append(spec)
    inputs = [history(t) for t in model.inputs]
    outputs = [history(t) for t in model.outputs]
    # Keras 3 writes a single input / output unnested.
    return {"name": model.name, "trainable": model.trainable, "layers": specs,
            "input_layers": inputs[0] if len(inputs) == 1 and not isinstance(
                model._nested_inputs, (list, tuple, dict)) else inputs,
            "output_layers": outputs[0] if len(outputs) == 1 and not isinstance(
                model._nested_outputs, (list, tuple, dict)) else outputs}


def deserialize_model(spec, custom_objects=None):
    """A model (Sequential, Functional or a registered subclass) from its config."""
    from ..engine.sequential import Sequential
    class_name = spec.get("class_name")
    config = spec.get("config") or {}
    if class_name == "Sequential":
        model = _sequential_from_config(config, custom_objects)
    elif class_name in ("Functional", "Model"):
        model = _functional_from_config(config, custom_objects)
    else:
        cls = (custom_objects or {}).get(class_name)
        if cls is None:
            raise SavingError(
                "Unknown model class %r: a subclassed model is rebuilt from its get_config(); "
                "pass the class in `custom_objects={%r: %s}`" % (class_name, class_name,
                                                                 class_name))
        try:
            model = cls.from_config(config)
        except TypeError as exc:
            raise SavingError("Could not rebuild %s from its config %s: %s (define get_config "
                              "returning the constructor's arguments)"
                              % (class_name, config, exc)) from None
    build = spec.get("build_config") or {}
    shape = build.get("input_shape")
    if not model.built and shape is not None:
        if isinstance(model, Sequential):
            model.build(tuple(shape))
        else:
            model.build(_to_shape(shape))
    return model


def _to_shape(shape):
    if isinstance(shape, list) and shape and isinstance(shape[0], list):
        return [tuple(s) for s in shape]
    return tuple(shape)


def _sequential_from_config(config, custom_objects):
    from ..engine.sequential import Sequential
    from ..layers.input_layer import InputLayer
    model = Sequential(name=config.get("name"))
    layer_specs = config.get("layers", [])
    for layer_spec in layer_specs:
        layer = deserialize_layer(layer_spec, custom_objects)
        if isinstance(layer, InputLayer):
            model.add(layer)
            continue
        model.add(layer)
    if not model.built and config.get("build_input_shape") is not None:
        model.build(tuple(config["build_input_shape"]))
    return model


def _functional_from_config(config, custom_objects):
    from ..engine.functional import Functional
    from ..layers.input_layer import InputLayer
    from ...util import nest
    layers, pending = {}, []
    outputs_of = {}  # (layer name, local node index) -> flat list of output KerasTensors
    for spec in config["layers"]:
        layer = deserialize_layer(spec, custom_objects)
        name = spec.get("name") or spec["config"].get("name")
        layers[name] = layer
        if isinstance(layer, InputLayer):
            outputs_of[(name, 0)] = [layer.output_tensor]
            continue
        for k, node in enumerate(spec.get("inbound_nodes", [])):
            pending.append((name, k, node))

    def resolve(value):
        if isinstance(value, dict) and value.get("class_name") == "__keras_tensor__":
            hist = value["config"]["keras_history"]
            return outputs_of[(hist[0], hist[1])][hist[2]]
        if isinstance(value, list) and len(value) in (3, 4) and isinstance(value[0], str) and \
                all(isinstance(v, int) for v in value[1:3]):  # Keras 2: [name, node, tensor, kw]
            return outputs_of[(value[0], value[1])][value[2]]
        if isinstance(value, list):
            return [resolve(v) for v in value]
        if isinstance(value, dict):
            return {k: resolve(v) for k, v in value.items()}
        return value

    def call(name, node):
        layer = layers[name]
        if isinstance(node, dict):
            args = [resolve(a) for a in node.get("args", [])]
            kwargs = {k: resolve(v) for k, v in node.get("kwargs", {}).items()}
        else:  # Keras 2: a list of [layer, node, tensor, kwargs]
            inputs = [resolve(entry[:3]) for entry in node]
            kwargs = node[0][3] if node and len(node[0]) > 3 and node[0][3] else {}
            args = [inputs[0] if len(inputs) == 1 else inputs]
        out = layer(*args, **kwargs)
        return nest.flatten(out)

    while pending:
        progressed = False
        for item in list(pending):
            name, k, node = item
            try:
                flat = call(name, node)
            except KeyError:
                continue  # an input is not available yet
            outputs_of[(name, k)] = flat
            pending.remove(item)
            progressed = True
        if not progressed:
            raise SavingError("The functional model config is inconsistent: layers %s refer "
                              "to tensors that no layer produces" % [p[0] for p in pending])

    def ends(specs):
        if specs and isinstance(specs[0], str):
            specs = [specs]
        return [outputs_of[(s[0], s[1])][s[2]] for s in specs]
    inputs = ends(config["input_layers"])
    outputs = ends(config["output_layers"])
    return Functional(inputs if len(inputs) > 1 else inputs[0],
                      outputs if len(outputs) > 1 else outputs[0], name=config.get("name"))


# -- the Keras 2 shape, for legacy .h5 ------------------------------------------------------
def to_keras2(spec):
    """A model config (serialize_model's) in the shape TF-Keras 2 wrote into `.h5` files:
    no module / registered_name / build_config, `batch_input_shape` on InputLayers, functional
    nodes as [[layer, node, tensor, kwargs], ...]. Keras 3 reads this shape too (it is how it
    loads TF-Keras 2 files), so a legacy `.h5` from fasttf loads in both. Anything the Keras 2
    shape cannot express (a node with non-tensor call arguments, a custom class) is left in
    the Keras 3 shape."""
    if not isinstance(spec, dict) or spec.get("registered_name") not in (None, "Functional"):
        return spec
    class_name = spec.get("class_name")
    config = dict(spec.get("config") or {})
    if class_name == "InputLayer" and "batch_shape" in config:
        config["batch_input_shape"] = config.pop("batch_shape")
    if class_name == "LeakyReLU" and "negative_slope" in config:  # Keras 2's name for it
        config["alpha"] = config.pop("negative_slope")
    from ..layers.rnn_wrappers import keras2_config  # recurrent layers' Keras 3-only keys
    config = keras2_config(class_name, config)
    if class_name in ("Sequential", "Functional") and "layers" in config:
        config["layers"] = [_layer_to_keras2(layer) for layer in config["layers"]]
    if class_name == "Functional":
        for key in ("input_layers", "output_layers"):
            ends = config.get(key)
            if ends and isinstance(ends[0], str):
                config[key] = [ends]
    out = {"class_name": class_name, "config": config}
    for key in ("name", "inbound_nodes"):
        if key in spec:
            out[key] = spec[key]
    return out


def _layer_to_keras2(spec):
    nodes = spec.get("inbound_nodes")
    out = to_keras2(spec)
    if not nodes or not isinstance(nodes[0], dict):
        return out
    converted = []
    for node in nodes:
        args, kwargs = node.get("args", []), node.get("kwargs") or {}
        tensors = args[0] if len(args) == 1 else None
        tensors = tensors if isinstance(tensors, list) else [tensors]
        if tensors[0] is None or not all(
                isinstance(t, dict) and t.get("class_name") == "__keras_tensor__"
                for t in tensors) or any(_has_tensor(v) for v in kwargs.values()):
            return to_keras2(dict(spec, inbound_nodes=None)) | {"inbound_nodes": nodes}
        converted.append([list(t["config"]["keras_history"]) + [kwargs] for t in tensors])
    out["inbound_nodes"] = converted
    return out


def _has_tensor(value):
    if isinstance(value, dict):
        return value.get("class_name") == "__keras_tensor__" or any(
            _has_tensor(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_tensor(v) for v in value)
    return False


# -- compile settings ---------------------------------------------------------------------
def _serialize_identifier(value):
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple)):
        return [_serialize_identifier(v) for v in value]
    if isinstance(value, dict):
        return {k: _serialize_identifier(v) for k, v in value.items()}
    if hasattr(value, "get_config"):
        return {"module": "keras.losses" if "loss" in type(value).__module__ else "keras.metrics",
                "class_name": type(value).__name__,
                "config": to_json_value(value.get_config()), "registered_name": None}
    return getattr(value, "__name__", str(value))


def compile_config(model):
    from .. import optimizers
    return {"optimizer": to_json_value(optimizers.serialize(model.optimizer)),
            "loss": _serialize_identifier(getattr(model, "_loss_identifier", None)),
            "loss_weights": to_json_value(getattr(model, "_loss_weights", None)),
            "metrics": _serialize_identifier(getattr(model, "_metrics_identifier", None)),
            "weighted_metrics": _serialize_identifier(
                getattr(model, "_weighted_metrics_identifier", None)),
            "run_eagerly": bool(getattr(model, "_run_eagerly", False) or False),
            "steps_per_execution": 1, "jit_compile": False}


def _deserialize_identifier(value, kind, custom_objects):
    from .. import losses, metrics
    module = losses if kind == "loss" else metrics
    if isinstance(value, list):
        return [_deserialize_identifier(v, kind, custom_objects) for v in value]
    if isinstance(value, dict) and "class_name" in value:
        name = value["class_name"]
        if custom_objects and name in custom_objects:
            cls = custom_objects[name]
            return cls.from_config(value.get("config", {})) if hasattr(cls, "from_config") \
                else cls
        return module.deserialize({"class_name": name, "config": value.get("config", {})})
    if isinstance(value, dict):
        return {k: _deserialize_identifier(v, kind, custom_objects) for k, v in value.items()}
    if isinstance(value, str) and custom_objects and value in custom_objects:
        return custom_objects[value]
    return value


def compile_from_config(model, config, custom_objects=None):
    """model.compile(...) with settings saved by compile_config (Keras 3) or the legacy
    training_config (which has `optimizer_config`)."""
    from .. import optimizers
    opt = config.get("optimizer", config.get("optimizer_config"))
    if isinstance(opt, dict):
        opt = dict(opt)
        classes = dict(custom_objects or {})
        cfg = dict(opt.get("config") or {})
        cls = classes.get(opt.get("class_name"))
        optimizer = cls.from_config(cfg) if cls is not None else \
            _optimizer_from_config(opt, optimizers)
    else:
        optimizer = opt or "rmsprop"
    model.compile(optimizer=optimizer,
                  loss=_deserialize_identifier(config.get("loss"), "loss", custom_objects),
                  metrics=_deserialize_identifier(config.get("metrics"), "metric",
                                                  custom_objects),
                  loss_weights=config.get("loss_weights"),
                  weighted_metrics=_deserialize_identifier(config.get("weighted_metrics"),
                                                           "metric", custom_objects))


def _optimizer_from_config(spec, optimizers):
    name = str(spec.get("class_name")).split(">")[-1]  # tf_keras writes "Custom>Adam"
    cls = optimizers._CLASSES.get(name) or optimizers._BY_LOWER_NAME.get(str(name).lower())
    if cls is None:
        raise SavingError("Unknown optimizer %r in the saved compile settings" % (name,))
    accepted, _ = _accepted_kwargs(cls)
    accepted |= {"lr", "decay", "name"}
    config = {k: v for k, v in (spec.get("config") or {}).items()
              if k in accepted and not (k == "decay" and not v)}
    if isinstance(config.get("learning_rate"), dict):
        from ..optimizers import schedules
        config["learning_rate"] = schedules.deserialize(config["learning_rate"])
    return cls(**config)
