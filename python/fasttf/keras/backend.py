"""tf.keras.backend: session-wide Keras state (layer name counters, epsilon, floatx, RNG)."""

import collections
import re

import numpy as np

_EPSILON = 1e-7
_FLOATX = "float32"
_IMAGE_DATA_FORMAT = "channels_last"
# Per-prefix counters that make layer names unique ("dense", "dense_1", ...), as Keras 2.
_NAME_UIDS = collections.defaultdict(int)
_RNG = [np.random.default_rng()]


def epsilon():
    return _EPSILON


def set_epsilon(value):
    global _EPSILON
    _EPSILON = float(value)


def floatx():
    return _FLOATX


def set_floatx(value):
    global _FLOATX
    if value not in ("float16", "bfloat16", "float32", "float64"):
        raise ValueError("Unknown floatx type: %s" % (value,))
    _FLOATX = str(value)


def image_data_format():
    return _IMAGE_DATA_FORMAT


def set_image_data_format(data_format):
    global _IMAGE_DATA_FORMAT
    if data_format not in ("channels_last", "channels_first"):
        raise ValueError("Unknown data_format: %s" % (data_format,))
    _IMAGE_DATA_FORMAT = data_format


def get_uid(prefix=""):
    """1 for the first call with `prefix`, then 2, 3, ..."""
    _NAME_UIDS[prefix] += 1
    return _NAME_UIDS[prefix]


def unique_object_name(base):
    """'dense' the first time, then 'dense_1', 'dense_2', ... (Keras 2 naming)."""
    uid = get_uid(base)
    return base if uid == 1 else "%s_%d" % (base, uid - 1)


def reset_uids():
    _NAME_UIDS.clear()


def clear_session():
    """Resets the name counters (so the next Dense is 'dense' again)."""
    reset_uids()
    try:
        from .utils import _reset_session_hooks  # noqa: F401  (other engineers' state, if any)
    except ImportError:
        pass


def to_snake_case(name):
    intermediate = re.sub("(.)([A-Z][a-z0-9]+)", r"\1_\2", name)
    insecure = re.sub("([a-z])([A-Z])", r"\1_\2", intermediate).lower()
    return insecure if insecure[0] != "_" else "private" + insecure


def rng():
    """The NumPy generator used for weight initialisation and dropout masks."""
    return _RNG[0]


def set_seed(seed):
    _RNG[0] = np.random.default_rng(seed)


def int_shape(x):
    return tuple(x.shape)


def count_params(x):
    return int(np.prod(x.shape, dtype=np.int64))


def get_value(x):
    return x.numpy()


def set_value(x, value):
    x.assign(np.asarray(value))


def batch_get_value(tensors):
    return [t.numpy() for t in tensors]


def batch_set_value(tuples):
    for x, value in tuples:
        x.assign(np.asarray(value))


def is_keras_tensor(x):
    """True for the symbolic tensors of the functional API (keras.Input and layer outputs)."""
    from .engine.keras_tensor import KerasTensor
    return isinstance(x, KerasTensor)


def cast_to_floatx(x):
    """A NumPy array (or tensor) cast to floatx(), as Keras returns it."""
    from ..framework.tensor import Tensor
    if isinstance(x, Tensor):
        from ..math import cast
        return cast(x, _FLOATX)
    return np.asarray(x, dtype=_FLOATX)


# The tensor functions (K.mean, K.square, K.binary_crossentropy, ...) live in backend_ops.
from .backend_ops import *  # noqa: E402,F401,F403
