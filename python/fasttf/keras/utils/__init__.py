"""`tf.keras.utils`: Progbar, to_categorical, set_random_seed, get_file."""

import random as _random

import numpy as np

from ..datasets._download import get_file
from .progbar import Progbar


def to_categorical(x, num_classes=None):
    """One-hot encoding of integer class labels (a NumPy array for NumPy/list input, a tensor
    for a tensor), float32; a trailing axis of size 1 is dropped first, as Keras does."""
    from ...framework.tensor import Tensor
    is_tensor = isinstance(x, Tensor)
    labels = np.asarray(x.numpy() if is_tensor else x)
    if labels.dtype.kind == "f":
        if not np.all(np.isfinite(labels)) or np.any(labels != np.round(labels)):
            raise ValueError("to_categorical expects integer class labels")
    labels = labels.astype(np.int64)
    shape = labels.shape
    if len(shape) > 1 and shape[-1] == 1:
        shape = shape[:-1]
    labels = labels.reshape(-1)
    if labels.size and labels.min() < 0:
        raise ValueError(f"to_categorical expects non-negative labels, got {labels.min()}")
    if num_classes is None:
        num_classes = int(labels.max()) + 1 if labels.size else 0
    if labels.size and labels.max() >= num_classes:
        raise ValueError(f"Label {labels.max()} is out of range for num_classes={num_classes}")
    out = np.zeros((labels.size, num_classes), dtype=np.float32)
    out[np.arange(labels.size), labels] = 1.0
    out = out.reshape(tuple(shape) + (num_classes,))
    if is_tensor:
        from ...framework.constant_op import constant
        return constant(out)
    return out


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


__all__ = ["Progbar", "get_file", "set_random_seed", "to_categorical"]
