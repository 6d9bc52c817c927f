"""`tf.keras.optimizers`: the optimizers, `get`/`serialize`/`deserialize`, `schedules`, and
`legacy` (the Keras 2 names, which here are the same classes: they accept `lr=` and `decay=`)."""

from . import schedules
from .adadelta import Adadelta
from .adagrad import Adagrad
from .adam import Adam, AdamW
from .adamax import Adamax
from .ftrl import Ftrl
from .lion import Lion
from .nadam import Nadam
from .optimizer import Optimizer
from .rmsprop import RMSprop
from .sgd import SGD

_CLASSES = {cls.__name__: cls for cls in (
    Adadelta, Adagrad, Adam, AdamW, Adamax, Ftrl, Lion, Nadam, RMSprop, SGD)}
_BY_LOWER_NAME = {name.lower(): cls for name, cls in _CLASSES.items()}


def serialize(optimizer):
    """A dict config {'class_name', 'config', 'module', 'registered_name'}."""
    if optimizer is None:
        return None
    if not isinstance(optimizer, Optimizer):
        raise TypeError(f"Expected an Optimizer instance, got {optimizer!r}")
    return {"module": "keras.optimizers", "class_name": optimizer.__class__.__name__,
            "config": optimizer.get_config(), "registered_name": None}


def deserialize(config, custom_objects=None, use_legacy_optimizer=False):
    """An optimizer from a config dict (or a class name string)."""
    classes = dict(_CLASSES)
    classes.update(custom_objects or {})
    if isinstance(config, str):
        config = {"class_name": config, "config": {}}
    if not isinstance(config, dict) or "class_name" not in config:
        raise ValueError(f"Could not interpret optimizer identifier: {config}")
    name = config["class_name"]
    cls = classes.get(name) or _BY_LOWER_NAME.get(str(name).lower())
    if cls is None:
        raise ValueError(f"Could not interpret optimizer identifier: {name!r} (unknown "
                         f"optimizer; expected one of {sorted(_BY_LOWER_NAME)})")
    return cls.from_config(config.get("config", {}))


def get(identifier):
    """An optimizer from a name ('adam'), a config dict, or an instance (returned as is)."""
    if isinstance(identifier, Optimizer):
        return identifier
    if isinstance(identifier, dict):
        return deserialize(identifier)
    if isinstance(identifier, str):
        cls = _BY_LOWER_NAME.get(identifier.lower())
        if cls is None:
            raise ValueError(f"Could not interpret optimizer identifier: {identifier!r} "
                             f"(unknown optimizer; expected one of {sorted(_BY_LOWER_NAME)})")
        return cls()
    raise ValueError(f"Could not interpret optimizer identifier: {identifier!r}")


from . import legacy  # noqa: E402  (needs the classes above)

__all__ = ["Optimizer", "SGD", "Adam", "AdamW", "RMSprop", "Adagrad", "Adadelta", "Adamax",
           "Ftrl", "Lion", "Nadam", "schedules", "legacy", "get", "serialize", "deserialize"]
