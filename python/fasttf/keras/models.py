"""tf.keras.models: Sequential, Model, and model loading."""

from .engine.functional import Functional  # noqa: F401
from .engine.model import Model
from .engine.sequential import Sequential


def load_model(filepath, custom_objects=None, compile=True, options=None, safe_mode=True):
    try:
        from .saving import load_model as _load_model
    except ImportError:
        raise NotImplementedError("keras.models.load_model is not available yet in fasttf "
                                  "(model saving has not landed)")
    return _load_model(filepath, custom_objects=custom_objects, compile=compile)


def save_model(model, filepath, overwrite=True, **kwargs):
    return model.save(filepath, overwrite=overwrite, **kwargs)


def clone_model(model, input_tensors=None, clone_function=None):
    """A new model of the same architecture with freshly initialised weights (built when the
    original was), for Sequential and functional models."""
    if isinstance(model, Sequential) or isinstance(model, Functional):
        return type(model).from_config(model.get_config())
    raise ValueError("Arguments `clone_function` and `input_tensors` are only supported for "
                     "Sequential and functional models; a subclassed model cannot be cloned "
                     "from its config. Received model=%r" % (model,))


def model_from_json(json_string, custom_objects=None):
    """The model described by `model.to_json()` (weights freshly initialised)."""
    import json
    from .saving.model_config import deserialize_model
    return deserialize_model(json.loads(json_string), custom_objects)


def model_from_config(config, custom_objects=None):
    from .saving.model_config import deserialize_model
    return deserialize_model(config, custom_objects)


__all__ = ["Model", "Sequential", "load_model", "save_model", "clone_model", "model_from_json",
           "model_from_config"]
