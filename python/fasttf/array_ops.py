"""Shape and combining ops: reshape, transpose, expand_dims, squeeze, broadcast_to, where..."""

from . import _C
from .framework.constant_op import convert_to_tensor, shape_list
from .framework.tensor import Tensor


def _t(x):
    return x if isinstance(x, Tensor) else convert_to_tensor(x)


def reshape(tensor, shape, name=None):
    return _C.reshape(_t(tensor), shape_list(shape, "reshape"))


def transpose(a, perm=None, conjugate=False, name="transpose"):
    return _C.transpose(_t(a), [] if perm is None else shape_list(perm, "transpose"))


def expand_dims(input, axis, name=None):
    return _C.expand_dims(_t(input), int(axis))


def squeeze(input, axis=None, name=None):
    if axis is None:
        axes = []
    elif isinstance(axis, int):
        axes = [axis]
    else:
        axes = [int(a) for a in axis]
    return _C.squeeze(_t(input), axes)


def broadcast_to(input, shape, name=None):
    return _C.broadcast_to(_t(input), shape_list(shape, "broadcast_to"))


def stop_gradient(input, name=None):
    return _C.stop_gradient(_t(input))
