"""tf.saved_model.save / load in a directory format of fasttf's own (for a tf.Module that is
not a Keras model, see module_format.py):

    export_dir/saved_model.json     format marker, signature description
    export_dir/model.keras          the Keras model (architecture, weights)
    export_dir/variables/variables.index, .data-00000-of-00001   the variables (checkpoint)

load() returns an object that is callable like the model, has `signatures["serving_default"]`
(keyword tensors in, {"output_0": tensor} out, as TF's concrete functions), `variables`,
`trainable_variables` and `keras_model`. TensorFlow's protobuf SavedModel is not written.
"""

import json
import os

from ..keras.saving import checkpoint_format
from ..keras.saving.atomic import atomic_write
from ..keras.saving.errors import SavingError

MARKER = "saved_model.json"
FORMAT = "fasttf-saved-model"


def save(obj, export_dir, signatures=None, options=None):
    from ..framework.module import Module
    from ..keras.engine.model import Model
    from ..keras.saving import keras_format, weights
    if isinstance(obj, Module) and not isinstance(obj, Model):
        return _save_module(obj, os.fspath(export_dir))
    if not isinstance(obj, Model):
        raise ValueError("Expected an object of type `Trackable`, such as `tf.Module` or a "
                         "subclass of the `Trackable` class, for export. Got %r with type %r."
                         % (obj, type(obj)))
    if not obj.built:
        raise ValueError("Model %r must be built (called on data) before it is exported"
                         % (obj.name,))
    export_dir = os.fspath(export_dir)
    os.makedirs(os.path.join(export_dir, "variables"), exist_ok=True)
    keras_format.save(obj, os.path.join(export_dir, "model.keras"))
    checkpoint_format.write(os.path.join(export_dir, "variables", "variables"),
                            weights.checkpoint_arrays(obj))
    inputs = [{"name": t.node.layer.name, "shape": list(t.shape.dims), "dtype": t.dtype.name}
              for t in getattr(obj, "inputs", None) or []]
    meta = {"format": FORMAT, "version": 1, "signatures": {"serving_default": {
        "inputs": inputs}}}
    # The marker goes last: a directory without it is not a (complete) SavedModel.
    with atomic_write(os.path.join(export_dir, MARKER), "w") as f:
        json.dump(meta, f)


def _save_module(module, export_dir):
    from . import module_format
    os.makedirs(os.path.join(export_dir, "variables"), exist_ok=True)
    tree = module_format.write(module, export_dir)
    with atomic_write(os.path.join(export_dir, MARKER), "w") as f:
        json.dump({"format": FORMAT, "version": 1, "module": tree}, f)


def contains_saved_model(export_dir):
    """True when export_dir holds a (complete) SavedModel written by fasttf."""
    return os.path.isfile(os.path.join(os.fspath(export_dir), MARKER))


class _Signature:
    def __init__(self, model, inputs):
        self._model, self._inputs = model, inputs
        self.structured_input_signature = ((), {i["name"]: i for i in inputs})

    def __call__(self, *args, **kwargs):
        if args and not kwargs:
            value = args[0] if len(args) == 1 else list(args)
        elif len(kwargs) == 1:
            value = next(iter(kwargs.values()))
        else:
            value = [kwargs[i["name"]] for i in self._inputs]
        out = self._model(value, training=False)
        from ..util import nest
        flat = nest.flatten(out)
        return {"output_%d" % i: t for i, t in enumerate(flat)}


class _Loaded:
    def __init__(self, model, meta):
        self.keras_model = model
        self.signatures = {name: _Signature(model, spec.get("inputs", []))
                           for name, spec in meta.get("signatures", {}).items()}

    def __call__(self, *args, **kwargs):
        kwargs.setdefault("training", False)
        return self.keras_model(*args, **kwargs)

    @property
    def variables(self):
        return self.keras_model.variables

    @property
    def trainable_variables(self):
        return self.keras_model.trainable_variables

    def __getattr__(self, name):
        return getattr(self.__dict__["keras_model"], name)


def load(export_dir, tags=None, options=None):
    from ..keras.saving import h5_format, keras_format, weights
    export_dir = os.fspath(export_dir)
    marker = os.path.join(export_dir, MARKER)
    try:
        with open(marker) as f:
            meta = json.load(f)
    except FileNotFoundError:
        raise SavingError("%r is not a fasttf SavedModel directory (no %s)"
                          % (export_dir, MARKER)) from None
    except ValueError as exc:
        raise SavingError("%r: %s is corrupt: %s" % (export_dir, MARKER, exc)) from None
    if meta.get("format") != FORMAT:
        raise SavingError("%r: unknown SavedModel format %r" % (export_dir, meta.get("format")))
    if "module" in meta:
        from . import module_format
        return module_format.restore(meta["module"], export_dir)
    model = keras_format.load(os.path.join(export_dir, "model.keras"), compile=True)
    prefix = os.path.join(export_dir, "variables", "variables")
    h5_format.apply_plan(weights.checkpoint_plan(model, checkpoint_format.read(prefix), prefix))
    return _Loaded(model, meta)


__all__ = ["save", "load", "contains_saved_model"]
