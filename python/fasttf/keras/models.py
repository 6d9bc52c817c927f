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
    if isinstance(model, Sequential):
        return Sequential.from_config(model.get_config())
    raise NotImplementedError("clone_model supports Sequential models only")


__all__ = ["Model", "Sequential", "load_model", "save_model", "clone_model"]
