"""keras.utils.to_categorical and keras.utils.normalize, as Keras 3 (TF 2.21) computes them."""

import numpy as np


def to_categorical(x, num_classes=None):
    """One-hot encoding of integer class labels. NumPy/list input gives a float64 NumPy array
    (Keras 3 builds it with np.zeros); a tensor gives a float32 tensor. A trailing axis of size
    1 is dropped first."""
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
    out = np.zeros((labels.size, num_classes), dtype=np.float32 if is_tensor else np.float64)
    out[np.arange(labels.size), labels] = 1.0
    out = out.reshape(tuple(shape) + (num_classes,))
    if is_tensor:
        from ...framework.constant_op import constant
        return constant(out)
    return out


def normalize(x, axis=-1, order=2):
    """x divided by its `order`-norm along `axis` (a zero norm divides by 1). A NumPy array stays
    a NumPy array (integers become float64); anything else becomes a tensor, as in Keras 3."""
    if isinstance(x, np.ndarray):
        norm = np.atleast_1d(np.linalg.norm(x, order, axis))
        norm[norm == 0] = 1
        # Keras 3 writes `axis = axis or -1` here, so axis=0 also expands the last axis.
        return x / np.expand_dims(norm, axis or -1)
    return _normalize_tensor(x, axis, order)


def _normalize_tensor(x, axis, order):
    """Keras 3's ops.nn.normalize: x * min(rsqrt(sum x^2), 1/epsilon) for L2, else x divided
    by max(norm, epsilon). Integer tensors are refused by rsqrt, as in TF."""
    from ... import math as tf_math
    from ...array_ops import expand_dims
    from ...framework.constant_op import convert_to_tensor
    from .. import backend
    if not isinstance(order, int) or order < 1:
        raise ValueError(f"Argument `order` must be an int >= 1. Received: order={order}")
    x = convert_to_tensor(x)
    if x.shape.rank == 0:
        x = expand_dims(x, 0)
    epsilon = backend.epsilon()
    if order == 2:
        inv_norm = tf_math.rsqrt(tf_math.reduce_sum(tf_math.square(x), axis=axis, keepdims=True))
        return x * tf_math.minimum(inv_norm, 1.0 / epsilon)
    norm = tf_math.reduce_sum(tf_math.abs(x) ** order, axis=axis, keepdims=True) ** (1.0 / order)
    return x / tf_math.maximum(norm, epsilon)
