"""tf.keras: layers, models and the training engine on fasttf ops.

Modules written alongside (optimizers, losses, metrics, callbacks, utils, datasets, saving)
are imported lazily, so a missing one never breaks `import fasttf`.
"""

import importlib

from . import activations, backend, initializers, regularizers
from . import layers
from . import models
from .engine.model import Model
from .engine.sequential import Sequential
from .layers.input_layer import Input

_LAZY = ("optimizers", "losses", "metrics", "callbacks", "datasets", "utils", "constraints",
         "saving", "applications", "preprocessing", "mixed_precision", "experimental")


def __getattr__(name):
    if name in _LAZY:
        module = importlib.import_module("." + name, __name__)
        globals()[name] = module
        return module
    raise AttributeError("module 'fasttf.keras' has no attribute %r" % (name,))


__all__ = ["Model", "Sequential", "Input", "layers", "models", "backend", "activations",
           "initializers", "regularizers"] + list(_LAZY)
