"""tf.nn convolutions and pooling: conv1d/conv2d/conv2d_transpose/depthwise_conv2d and
max/avg pooling in 1-D and 2-D.

Only argument normalisation happens here (TF's int-or-list strides, 'SAME'/'VALID'/explicit
padding, channels-first layouts via transposes); the work is done in C++ on NHWC data with HWIO
filters (csrc/ops/conv.cpp, csrc/ops/pool.cpp).
"""

import numbers

from . import _C
from .framework import errors
from .framework.constant_op import convert_to_tensor, shape_list
from .framework.tensor import Tensor

__all__ = [
    "conv1d", "conv1d_transpose", "conv2d", "conv2d_transpose", "depthwise_conv2d",
    "max_pool", "max_pool1d", "max_pool2d", "avg_pool", "avg_pool1d", "avg_pool2d",
]

_TO_CHANNELS_LAST = [0, 2, 3, 1]
_TO_CHANNELS_FIRST = [0, 3, 1, 2]


def _t(x):
    return x if isinstance(x, Tensor) else convert_to_tensor(x)


def _invalid(message):
    return errors.InvalidArgumentError(None, None, message)


def _channels_last(data_format, op, spatial_rank):
    """True for NHWC-like formats, False for NCHW-like ones; raises for anything else."""
    last = {1: ("NWC", "NHWC"), 2: ("NHWC",)}[spatial_rank]
    first = {1: ("NCW", "NCHW"), 2: ("NCHW",)}[spatial_rank]
    if data_format is None or data_format in last:
        return True
    if data_format in first:
        return False
    raise ValueError("[%s] unsupported data_format %r; expected one of %s"
                     % (op, data_format, ", ".join(last + first)))


def _window(value, spatial_rank, name, op, channels_last, default=1):
    """strides/dilations/ksize: an int, or a list of 1, spatial_rank or spatial_rank + 2 ints
    (the batch and channel entries of the long form must be 1, as TF requires)."""
    if value is None:
        return [default] * spatial_rank
    if isinstance(value, Tensor):
        value = value.numpy().tolist()
    if isinstance(value, numbers.Integral):
        return [int(value)] * spatial_rank
    values = [int(v) for v in value]
    if len(values) == 1:
        return values * spatial_rank
    if len(values) == spatial_rank:
        return values
    if len(values) == spatial_rank + 2:
        outer = (values[0], values[-1]) if channels_last else (values[0], values[1])
        if outer != (1, 1):
            raise _invalid("[%s] %s in the batch and channel dimensions must be 1, got %s"
                           % (op, name, values))
        return values[1:-1] if channels_last else values[2:]
    raise ValueError("[%s] %s must be an int or a list of 1, %d or %d ints, got %s"
                     % (op, name, spatial_rank, spatial_rank + 2, value))


def _padding(padding, spatial_rank, op, channels_last):
    """('SAME' | 'VALID' | 'EXPLICIT', [before, after, ...]) from TF's padding argument."""
    if isinstance(padding, str):
        upper = padding.upper()
        if upper not in ("SAME", "VALID"):
            raise ValueError("[%s] padding must be 'SAME', 'VALID' or a list of explicit "
                             "paddings, got %r" % (op, padding))
        return upper, []
    try:
        pairs = [[int(a), int(b)] for a, b in padding]
    except (TypeError, ValueError):
        raise ValueError("[%s] explicit padding must be a list of [before, after] pairs, got %r"
                         % (op, padding)) from None
    if len(pairs) != spatial_rank + 2:
        raise ValueError("[%s] explicit padding needs %d [before, after] pairs, got %r"
                         % (op, spatial_rank + 2, padding))
    outer = [pairs[0], pairs[-1]] if channels_last else pairs[:2]
    if any(p != [0, 0] for p in outer):
        raise _invalid("[%s] explicit padding of the batch and channel dimensions must be 0, "
                       "got %r" % (op, padding))
    spatial = pairs[1:-1] if channels_last else pairs[2:]
    return "EXPLICIT", [v for pair in spatial for v in pair]


def _pair(values):
    """A 1-D window argument as the (height, width) pair of a 1 x W image."""
    return values if len(values) == 2 else [1, values[0]]


def _explicit_2d(mode, pads):
    return pads if mode != "EXPLICIT" or len(pads) == 4 else [0, 0] + pads


# ---- convolutions ----

def conv2d(input, filters, strides, padding, data_format="NHWC", dilations=None, name=None):
    """tf.nn.conv2d: input (N, H, W, C), filters (KH, KW, C, Cout)."""
    last = _channels_last(data_format, "conv2d", 2)
    s = _window(strides, 2, "strides", "conv2d", last)
    d = _window(dilations, 2, "dilations", "conv2d", last)
    mode, pads = _padding(padding, 2, "conv2d", last)
    x = _t(input)
    if not last:
        x = _C.transpose(x, _TO_CHANNELS_LAST)
    y = _grouped_conv2d(x, _t(filters), s, d, mode, pads)
    return y if last else _C.transpose(y, _TO_CHANNELS_FIRST)


def _grouped_conv2d(x, w, s, d, mode, pads):
    """As TF, filters with fewer input channels than the input make a grouped convolution:
    C / filters.shape[2] groups, each with its share of the output channels."""
    in_depth, filter_depth = x._shape_tuple[-1] if x.ndim == 4 else 0, \
        w._shape_tuple[2] if w.ndim == 4 else 0
    groups = in_depth // filter_depth if filter_depth else 1
    if (groups <= 1 or in_depth % filter_depth or w._shape_tuple[3] % groups):
        return _C.conv2d(x, w, s, d, mode, pads)  # the op reports any mismatch
    xs = _C.split_even(x, groups, 3)
    ws = _C.split_even(w, groups, 3)
    return _C.concat([_C.conv2d(xi, wi, s, d, mode, pads) for xi, wi in zip(xs, ws)], 3)


def _conv2d_fused(input, filters, bias, strides=1, padding="VALID", dilations=None, relu=False):
    """conv2d + bias (+ ReLU) in one pass (the bias and ReLU ride in the GEMM store); NHWC only.
    For keras.layers.Conv2D; not a TF name."""
    s = _window(strides, 2, "strides", "conv2d", True)
    d = _window(dilations, 2, "dilations", "conv2d", True)
    mode, pads = _padding(padding, 2, "conv2d", True)
    return _C.conv2d(_t(input), _t(filters), s, d, mode, pads,
                     None if bias is None else _t(bias), bool(relu))


def conv1d(input, filters, stride, padding, data_format="NWC", dilations=None, name=None):
    """tf.nn.conv1d: input (N, W, C), filters (KW, C, Cout); a conv2d on a 1 x W image."""
    last = _channels_last(data_format, "conv1d", 1)
    s = _window(stride, 1, "stride", "conv1d", last)
    d = _window(dilations, 1, "dilations", "conv1d", last)
    mode, pads = _padding(padding, 1, "conv1d", last)
    x, w = _t(input), _t(filters)
    if x.ndim != 3:
        raise _invalid("[conv1d] input must be rank 3 (batch, width, channels), got shape %s"
                       % (tuple(x.shape.as_list()),))
    if w.ndim != 3:
        raise _invalid("[conv1d] filters must be rank 3 (width, in_channels, out_channels), "
                       "got shape %s" % (tuple(w.shape.as_list()),))
    if not last:
        x = _C.transpose(x, [0, 2, 1])
    y = _C.conv2d(_C.expand_dims(x, 1), _C.expand_dims(w, 0), _pair(s), _pair(d), mode,
                  _explicit_2d(mode, pads))
    y = _C.squeeze(y, [1])
    return y if last else _C.transpose(y, [0, 2, 1])


def conv2d_transpose(input, filters, output_shape, strides, padding="SAME", data_format="NHWC",
                     dilations=None, name=None):
    """tf.nn.conv2d_transpose: the input-gradient of conv2d. filters (KH, KW, Cout, Cin),
    input (N, H, W, Cin), output_shape (N, Ho, Wo, Cout)."""
    op = "conv2d_transpose"
    last = _channels_last(data_format, op, 2)
    s = _window(strides, 2, "strides", op, last)
    d = _window(dilations, 2, "dilations", op, last)
    mode, pads = _padding(padding, 2, op, last)
    x, w = _t(input), _t(filters)
    out = shape_list(output_shape, op)
    if len(out) != 4:
        raise _invalid("[%s] output_shape must have 4 entries, got %s" % (op, out))
    if not last:
        x = _C.transpose(x, _TO_CHANNELS_LAST)
        out = [out[0], out[2], out[3], out[1]]
    if x.ndim == 4 and w.ndim == 4 and x.shape[3] != w.shape[3]:
        raise _invalid("[%s] input depth %d does not match filter in_channels %d (filters are "
                       "(height, width, out_channels, in_channels)): input %s filter %s"
                       % (op, x.shape[3], w.shape[3], tuple(x.shape.as_list()),
                          tuple(w.shape.as_list())))
    if x.ndim == 4 and out[0] != x.shape[0]:
        raise _invalid("[%s] output_shape batch %d does not match input batch %d"
                       % (op, out[0], x.shape[0]))
    y = _C.conv2d_backprop_input(out, w, x, s, d, mode, pads)
    return y if last else _C.transpose(y, _TO_CHANNELS_FIRST)


def conv1d_transpose(input, filters, output_shape, strides, padding="SAME", data_format="NWC",
                     dilations=None, name=None):
    """tf.nn.conv1d_transpose: filters (KW, Cout, Cin), output_shape (N, Wo, Cout)."""
    op = "conv1d_transpose"
    last = _channels_last(data_format, op, 1)
    s = _window(strides, 1, "strides", op, last)
    d = _window(dilations, 1, "dilations", op, last)
    if not isinstance(padding, str):
        raise ValueError("[%s] padding must be 'SAME' or 'VALID', got %r" % (op, padding))
    x, w = _t(input), _t(filters)
    out = shape_list(output_shape, op)
    if len(out) != 3 or x.ndim != 3 or w.ndim != 3:
        raise _invalid("[%s] expects rank-3 input and filters and a 3-entry output_shape, got "
                       "%s, %s and %s" % (op, tuple(x.shape.as_list()), tuple(w.shape.as_list()),
                                          out))
    if not last:
        x = _C.transpose(x, [0, 2, 1])
        out = [out[0], out[2], out[1]]
    y = conv2d_transpose(_C.expand_dims(x, 1), _C.expand_dims(w, 0), [out[0], 1, out[1], out[2]],
                         _pair(s), padding, dilations=_pair(d))
    y = _C.squeeze(y, [1])
    return y if last else _C.transpose(y, [0, 2, 1])


def depthwise_conv2d(input, filter, strides, padding, data_format=None, dilations=None,
                     name=None):
    """tf.nn.depthwise_conv2d: filter (KH, KW, C, multiplier); output channel c*multiplier + m
    convolves input channel c with filter[..., c, m]."""
    op = "depthwise_conv2d"
    last = _channels_last(data_format, op, 2)
    s = _window(strides, 2, "strides", op, last)
    d = _window(dilations, 2, "dilations", op, last)
    mode, pads = _padding(padding, 2, op, last)
    x = _t(input)
    if not last:
        x = _C.transpose(x, _TO_CHANNELS_LAST)
    y = _C.depthwise_conv2d(x, _t(filter), s, d, mode, pads)
    return y if last else _C.transpose(y, _TO_CHANNELS_FIRST)


# ---- pooling ----

def _pool2d(kind, op, input, ksize, strides, padding, data_format):
    last = _channels_last(data_format, op, 2)
    k = _window(ksize, 2, "ksize", op, last)
    s = _window(strides, 2, "strides", op, last)
    mode, pads = _padding(padding, 2, op, last)
    x = _t(input)
    if not last:
        x = _C.transpose(x, _TO_CHANNELS_LAST)
    y = kind(x, k, s, mode, pads)
    return y if last else _C.transpose(y, _TO_CHANNELS_FIRST)


def _pool1d(kind, op, input, ksize, strides, padding, data_format):
    last = _channels_last(data_format, op, 1)
    k = _window(ksize, 1, "ksize", op, last)
    s = _window(strides, 1, "strides", op, last)
    mode, pads = _padding(padding, 1, op, last)
    x = _t(input)
    if x.ndim != 3:
        raise _invalid("[%s] input must be rank 3 (batch, width, channels), got shape %s"
                       % (op, tuple(x.shape.as_list())))
    if not last:
        x = _C.transpose(x, [0, 2, 1])
    y = _C.squeeze(kind(_C.expand_dims(x, 1), _pair(k), _pair(s), mode,
                        _explicit_2d(mode, pads)), [1])
    return y if last else _C.transpose(y, [0, 2, 1])


def max_pool2d(input, ksize, strides, padding, data_format="NHWC", name=None):
    """tf.nn.max_pool2d: the maximum of each window (padding never wins)."""
    return _pool2d(_C.max_pool2d, "max_pool2d", input, ksize, strides, padding, data_format)


def avg_pool2d(input, ksize, strides, padding, data_format="NHWC", name=None):
    """tf.nn.avg_pool2d: the mean of each window's valid elements (SAME counts no padding)."""
    return _pool2d(_C.avg_pool2d, "avg_pool2d", input, ksize, strides, padding, data_format)


def max_pool1d(input, ksize, strides, padding, data_format="NWC", name=None):
    return _pool1d(_C.max_pool2d, "max_pool1d", input, ksize, strides, padding, data_format)


def avg_pool1d(input, ksize, strides, padding, data_format="NWC", name=None):
    return _pool1d(_C.avg_pool2d, "avg_pool1d", input, ksize, strides, padding, data_format)


def _pool_by_rank(pool1d, pool2d, op, input, ksize, strides, padding, data_format):
    x = _t(input)
    if x.ndim == 3:
        return pool1d(x, ksize, strides, padding, data_format or "NWC")
    if x.ndim == 4:
        return pool2d(x, ksize, strides, padding, data_format or "NHWC")
    raise errors.UnimplementedError(
        None, None, "[%s] pooling is implemented for rank-3 and rank-4 inputs, got shape %s"
        % (op, tuple(x.shape.as_list())))


def max_pool(input, ksize, strides, padding, data_format=None, name=None):
    """tf.nn.max_pool: 1-D or 2-D by the input's rank."""
    return _pool_by_rank(max_pool1d, max_pool2d, "max_pool", input, ksize, strides, padding,
                         data_format)


def avg_pool(input, ksize, strides, padding, data_format=None, name=None):
    """tf.nn.avg_pool: 1-D or 2-D by the input's rank."""
    return _pool_by_rank(avg_pool1d, avg_pool2d, "avg_pool", input, ksize, strides, padding,
                         data_format)
