"""model.save / keras.models.save_model and load_model: `.keras` (Keras 3 zip) or `.h5`
(legacy HDF5: `model_config` and `training_config` attributes, `model_weights`,
`optimizer_weights`). Every write goes to a temp file renamed over the target."""

import json
import os

from . import h5_format, keras_format, model_config
from .atomic import atomic_path, may_overwrite
from .errors import SavingError


def save_model(model, filepath, overwrite=True, include_optimizer=True, save_format=None,
               **kwargs):
    filepath = os.fspath(filepath)
    if not model.built:
        raise ValueError("Model %r cannot be saved because it has not been built yet; call it on "
                         "data or call `build(input_shape)` first" % (model.name,))
    target = filepath
    if save_format == "tf" or not (os.path.splitext(filepath)[1] or save_format):
        target = os.path.join(filepath, "saved_model.json")
    if not may_overwrite(target, overwrite):
        return None
    if save_format in ("h5", "hdf5") or filepath.endswith((".h5", ".hdf5")):
        return _save_h5(model, filepath, include_optimizer)
    if filepath.endswith(".keras") or save_format == "keras":
        return keras_format.save(model, filepath, include_optimizer)
    if save_format == "tf" or not os.path.splitext(filepath)[1]:
        from ...saved_model import save as saved_model_save
        return saved_model_save(model, filepath)
    raise ValueError("Invalid filepath extension for saving. Please add either a `.keras` "
                     "extension for the native Keras format (recommended) or a `.h5` extension. "
                     "Received: filepath=%s" % (filepath,))


def _save_h5(model, filepath, include_optimizer):
    import h5py
    config = model_config.serialize_model(model, include_compile=False)
    if config["class_name"] in ("Sequential", "Functional"):
        legacy = model_config.to_keras2(config)
    else:  # a subclassed model: its own config, rebuilt from build_config
        legacy = {"class_name": config["class_name"], "config": config["config"]}
        if "build_config" in config:
            legacy["build_config"] = config["build_config"]
    with atomic_path(filepath) as tmp:
        with h5py.File(tmp, "w") as f:
            f.attrs["backend"] = "tensorflow"
            f.attrs["keras_version"] = "2.15.0"
            f.attrs["model_config"] = json.dumps(model_config.to_json_value(legacy))
            if getattr(model, "_is_compiled", False) and model.optimizer is not None:
                training = model_config.compile_config(model)
                training["optimizer_config"] = {
                    "class_name": type(model.optimizer).__name__,
                    "config": _legacy_optimizer_config(model.optimizer)}
                del training["optimizer"]
                f.attrs["training_config"] = json.dumps(training)
            h5_format.write_legacy(f.create_group("model_weights"), model)
            if include_optimizer and getattr(model, "optimizer", None) is not None and \
                    getattr(model, "_is_compiled", False):
                h5_format.write_legacy_optimizer(f, model.optimizer)


def _load_h5(filepath, custom_objects, compile):
    with h5_format.open_h5(filepath) as f:
        raw = f.attrs.get("model_config")
        if raw is None:
            raise SavingError("No model config found in the file at %r: it holds weights only; "
                              "build the model and call `load_weights` instead" % (filepath,))
        try:
            spec = json.loads(raw.decode("utf-8") if isinstance(raw, bytes) else raw)
        except ValueError as exc:
            raise SavingError("%r: model_config is not valid JSON: %s" % (filepath, exc)) \
                from None
        model = model_config.deserialize_model(spec, custom_objects)
        plan = h5_format.read_legacy(f["model_weights"] if "model_weights" in f else f, model,
                                     filepath)
        training = f.attrs.get("training_config")
        if compile and training is not None:
            training = json.loads(training.decode("utf-8") if isinstance(training, bytes)
                                  else training)
            model_config.compile_from_config(model, training, custom_objects)
            plan += h5_format.read_legacy_optimizer(f, model.optimizer, model, filepath) or []
    h5_format.apply_plan(plan)
    return model


def _legacy_optimizer_config(optimizer):
    """The optimizer config TF-Keras 2 writes into .h5: marked as a new (not legacy)
    optimizer, without the Keras-3-only arguments TF-Keras 2 refuses."""
    config = dict(model_config.to_json_value(optimizer.get_config()))
    config.pop("loss_scale_factor", None)
    config.pop("gradient_accumulation_steps", None)
    config["is_legacy_optimizer"] = False
    return config


def load_model(filepath, custom_objects=None, compile=True, safe_mode=True, **kwargs):
    filepath = os.fspath(filepath)
    if os.path.isdir(filepath):
        from ...saved_model import load as saved_model_load
        loaded = saved_model_load(filepath)
        model = getattr(loaded, "keras_model", None)
        if model is None:
            raise SavingError("%r is a SavedModel without a Keras model" % (filepath,))
        return model
    if not os.path.exists(filepath):
        raise SavingError("File not found: filepath=%s. Please ensure the file is an accessible "
                          "`.keras` zip file or `.h5` file." % (filepath,))
    with open(filepath, "rb") as f:
        head = f.read(8)
    if head.startswith(b"PK"):
        return keras_format.load(filepath, custom_objects, compile)
    if head.startswith(b"\x89HDF\r\n\x1a\n"):
        return _load_h5(filepath, custom_objects, compile)
    if filepath.endswith(".keras"):
        return keras_format.load(filepath, custom_objects, compile)
    if filepath.endswith((".h5", ".hdf5")):
        return _load_h5(filepath, custom_objects, compile)
    raise SavingError("%r is neither a `.keras` zip nor an HDF5 file (%s)"
                      % (filepath, "it is empty" if not head else "unknown format"))
