"""`tf.keras.utils`: Progbar, to_categorical, normalize, pad_sequences, set_random_seed, get_file,
the custom-object registry."""

import random as _random

import numpy as np

from ..datasets._download import get_file
from .custom_objects import (CustomObjectScope, custom_object_scope, get_custom_objects,
                             register_keras_serializable)
from .numerical_utils import normalize, to_categorical
from .progbar import Progbar
from .sequence_utils import pad_sequences


def set_random_seed(seed):
    """Seeds Python's `random`, NumPy and fasttf's global generator (tf.random.set_seed)."""
    if not isinstance(seed, (int, np.integer)):
        raise ValueError(f"Expected `seed` argument to be an integer. Received: seed={seed} "
                         f"(of type {type(seed)})")
    _random.seed(seed)
    np.random.seed(seed)
    try:
        import fasttf
        set_seed = getattr(getattr(fasttf, "random", None), "set_seed", None)
    except ImportError:  # pragma: no cover
        set_seed = None
    if set_seed is not None:
        set_seed(seed)


__all__ = ["CustomObjectScope", "Progbar", "custom_object_scope", "get_custom_objects", "get_file",
           "normalize", "pad_sequences", "register_keras_serializable", "set_random_seed",
           "to_categorical"]
