"""Small helpers shared by layer files: argument normalisation and op access."""

import numpy as np

from ... import _C
from ...framework.constant_op import convert_to_tensor
from ...framework.tensor import Tensor


def normalize_tuple(value, n, name):
    if isinstance(value, int):
        return (value,) * n
    value = tuple(int(v) for v in value)
    if len(value) != n:
        raise ValueError("The `%s` argument must be a tuple of %d integers. Received: %s"
                         % (name, n, value))
    return value


def normalize_padding(padding):
    padding = padding.lower() if isinstance(padding, str) else padding
    if padding not in ("valid", "same", "causal"):
        raise ValueError("The `padding` argument must be a string, one of 'valid', 'same' (or "
                         "'causal', only for `Conv1D`). Received: padding=%s" % (padding,))
    return padding


def normalize_data_format(data_format):
    data_format = (data_format or "channels_last").lower()
    if data_format not in ("channels_last", "channels_first"):
        raise ValueError("The `data_format` argument must be one of \"channels_first\", "
                         "\"channels_last\". Received: %s" % (data_format,))
    return data_format


def conv_output_length(length, kernel, padding, stride, dilation=1):
    if length is None:
        return None
    effective = (kernel - 1) * dilation + 1
    if padding == "same":
        out = length
    elif padding == "valid":
        out = length - effective + 1
    else:  # causal
        out = length
    return (out + stride - 1) // stride


def scalar(value, like):
    return _C.convert_to_tensor(value, like.dtype)


def as_tensor(x):
    return x if isinstance(x, Tensor) else convert_to_tensor(np.asarray(x))


def nn():
    """fasttf.nn, imported lazily: it is written alongside this package."""
    from ... import nn as nn_module
    return nn_module
