"""The array ops TF runs on strings (reshape, concat, gather, where, ...), for StringTensor.

Each is the numeric op applied to the int64 positions of the strings (string_tensor.positions),
then mapped back to the strings: shapes, broadcasting, index checks and error messages are
those of the numeric ops, and no string ever reaches C++. The wrappers in array_ops.py branch
here when their input is a StringTensor.
"""

import collections

import numpy as np

from . import _C
from .framework import dtypes
from .framework import string_tensor as st
from .framework.errors import InvalidArgumentError
from .framework.string_tensor import StringTensor


def on_positions(op, tensor, *args, **kwargs):
    """op (a public array op returning one tensor or a list) applied to tensor's positions."""
    out = op(st.positions(tensor), *args, **kwargs)
    if isinstance(out, (list, tuple)):
        return [st.take(tensor, o) for o in out]
    return st.take(tensor, out)


def _check_all_strings(tensors, op_name):
    for index, t in enumerate(tensors):
        if t.__class__ is not StringTensor:
            raise InvalidArgumentError(
                "cannot compute %s as input #%d(zero-based) was expected to be a string tensor "
                "but is a %s tensor [Op:%s]" % (op_name, index, t.dtype.name, op_name))


def _joined(tensors):
    """All strings in one flat array, and each tensor's positions offset into it."""
    flat = np.concatenate([t._value.reshape(-1) for t in tensors]) if tensors else \
        np.empty(0, dtype=object)
    offsets = np.cumsum([0] + [t._value.size for t in tensors[:-1]])
    index = [_C.convert_to_tensor(np.arange(t._value.size, dtype=np.int64).reshape(
        t._value.shape) + int(offset), dtypes.int64) for t, offset in zip(tensors, offsets)]
    return flat, index


def on_joined_positions(op, tensors, op_name, *args, **kwargs):
    """op over a list of string tensors (concat, stack), each as its offset positions."""
    _check_all_strings(tensors, op_name)
    flat, index = _joined(tensors)
    return st.take(flat, op(index, *args, **kwargs))


def where(cond, x, y):
    """tf.where(cond, x, y) with strings: the select runs on positions (with broadcasting)."""
    _check_all_strings([x, y], "SelectV2")
    flat, (px, py) = _joined([x, y])
    return st.take(flat, _C.where(cond, px, py))


UniqueOutput = collections.namedtuple("Unique", ["y", "idx"])


def unique(x, out_idx=dtypes.int32):
    """tf.unique of a string vector: values in order of first appearance, and each one's
    index among them."""
    if x.ndim != 1:
        raise InvalidArgumentError("[unique] x must be a vector, got shape %s" % (x.shape,))
    first = {}
    idx = np.empty(x._value.size, dtype=np.int64)
    for i, value in enumerate(x._value):
        idx[i] = first.setdefault(value, len(first))
    y = np.empty(len(first), dtype=object)
    y[:] = list(first)
    out_idx = dtypes.as_dtype(out_idx)
    return UniqueOutput(st.from_array(y), _C.convert_to_tensor(
        idx.astype(out_idx.as_numpy_dtype), out_idx))


__all__ = ["on_positions", "on_joined_positions", "where", "unique"]
