"""tf.nn.conv3d, max_pool3d and avg_pool3d, composed from the 2-D kernels.

Depth is handled by taps: for each depth offset of the window, the strided depth slice of the
input is folded into the batch and run through the 2-D op (which does height, width, their
strides, dilations and padding); the taps are then summed (conv), maxed or averaged (pools).
Every step is a recorded op, so gradients come from the 2-D kernels' rules.
"""

import numbers

import numpy as np

from . import _C
from . import math as _math
from . import nn_conv
from .framework.constant_op import convert_to_tensor
from .framework.errors import InvalidArgumentError
from .framework.tensor import Tensor


def _t(x):
    return x if isinstance(x, Tensor) else convert_to_tensor(x)


def _channels_last(data_format, op):
    if data_format in (None, "NDHWC"):
        return True
    if data_format == "NCDHW":
        return False
    raise ValueError("[%s] data_format must be 'NDHWC' or 'NCDHW', got %r" % (op, data_format))


def _triple(value, what, op, last, default=1):
    """An int or a list of 1, 3 or 5 ints (batch and channel entries 1) as (d, h, w)."""
    if value is None:
        return [default] * 3
    if isinstance(value, Tensor):
        value = value.numpy().tolist()
    if isinstance(value, numbers.Integral):
        return [int(value)] * 3
    values = [int(v) for v in value]
    if len(values) == 1:
        return values * 3
    if len(values) == 3:
        return values
    if len(values) == 5:
        outer = (values[0], values[4]) if last else (values[0], values[1])
        if outer != (1, 1):
            raise InvalidArgumentError("[%s] %s in the batch and depth dimensions must be 1, "
                                       "got %s" % (op, what, values))
        return values[1:4] if last else values[2:5]
    raise InvalidArgumentError("[%s] %s must be an int or a list of 1, 3 or 5 ints, got %s"
                               % (op, what, value))


def _depth_taps(depth, k, stride, dilation, padding, op):
    """(output depth, padding before, padding after) along depth, as TF's SAME/VALID rules."""
    effective = (k - 1) * dilation + 1
    if padding == "VALID":
        out = (depth - effective) // stride + 1 if depth >= effective else 0
        return out, 0, 0
    if padding != "SAME":
        raise ValueError("[%s] padding must be 'SAME' or 'VALID', got %r" % (op, padding))
    out = -(-depth // stride)
    total = max((out - 1) * stride + effective - depth, 0)
    return out, total // 2, total - total // 2


def _to_last(x, last):
    return x if last else _C.transpose(x, [0, 2, 3, 4, 1])


def _from_last(y, last):
    return y if last else _C.transpose(y, [0, 4, 1, 2, 3])


def _tap(x, start, out_depth, stride):
    """x[:, start : start + (out_depth - 1) * stride + 1 : stride] folded into the batch."""
    n, _, h, w, c = x._shape_tuple
    sliced = x[:, start:start + max(out_depth - 1, 0) * stride + 1:stride][:, :out_depth]
    return _C.reshape(sliced, [n * out_depth, h, w, c])


def _unfold(y, n, out_depth):
    return _C.reshape(y, [n, out_depth] + list(y._shape_tuple[1:]))


def _tap_count(taps, out_depth):
    """Depth taps worth running: an empty output needs one (for its shape), not thousands."""
    return taps if out_depth else 1


def _pad_depth(x, before, after, value=0):
    if not (before or after):
        return x
    from .extra_ops import check_scratch_size
    n, depth, h, w, c = x._shape_tuple
    check_scratch_size(n * (depth + before + after) * h * w * c, "pad",
                       x.dtype.as_numpy_dtype().itemsize)
    from .array_ops import pad
    return pad(x, [[0, 0], [before, after], [0, 0], [0, 0], [0, 0]], constant_values=value)


def conv3d(input, filters, strides, padding, data_format="NDHWC", dilations=None,  # noqa: A002
           name=None):
    """3-D convolution: input (N, D, H, W, C), filters (KD, KH, KW, C, Cout)."""
    op = "conv3d"
    last = _channels_last(data_format, op)
    s = _triple(strides, "strides", op, last)
    d = _triple(dilations, "dilations", op, last)
    x, w = _to_last(_t(input), last), _t(filters)
    if x.ndim != 5 or w.ndim != 5:
        raise InvalidArgumentError("[conv3d] input and filter must be 5-dimensional, got %s "
                                   "and %s" % (x.shape, w.shape))
    if x._shape_tuple[4] != w._shape_tuple[3]:
        raise InvalidArgumentError("[conv3d] input depth must be evenly divisible by filter "
                                   "depth: %d vs %d" % (x._shape_tuple[4], w._shape_tuple[3]))
    padding = str(padding).upper()
    n, depth = x._shape_tuple[0], x._shape_tuple[1]
    out_depth, before, after = _depth_taps(depth, w._shape_tuple[0], s[0], d[0], padding, op)
    x = _pad_depth(x, before, after)
    total = None
    for kd in range(_tap_count(w._shape_tuple[0], out_depth)):
        tap = nn_conv.conv2d(_tap(x, kd * d[0], out_depth, s[0]), w[kd], [1, s[1], s[2], 1],
                             padding, "NHWC", [1, d[1], d[2], 1])
        total = tap if total is None else total + tap
    return _from_last(_unfold(total, n, out_depth), last)


def _pool3d(input, ksize, strides, padding, data_format, op, kind):
    last = _channels_last(data_format, op)
    k = _triple(ksize, "ksize", op, last)
    s = _triple(strides, "strides", op, last)
    x = _to_last(_t(input), last)
    if x.ndim != 5:
        raise InvalidArgumentError("[%s] input must be 5-dimensional, got shape %s"
                                   % (op, x.shape))
    padding = str(padding).upper()
    n, depth = x._shape_tuple[0], x._shape_tuple[1]
    out_depth, before, after = _depth_taps(depth, k[0], s[0], 1, padding, op)
    pool2d = nn_conv.max_pool2d if kind == "max" else nn_conv.avg_pool2d
    # padded depth slices hold the lowest value (max) or zeros (average) and are not counted
    fill = float(np.finfo(x.dtype.as_numpy_dtype).min) if kind == "max" and \
        x.dtype.is_floating else 0
    x = _pad_depth(x, before, after, fill)
    result = None
    for kd in range(_tap_count(k[0], out_depth)):
        tap = pool2d(_tap(x, kd, out_depth, s[0]), [1, k[1], k[2], 1], [1, s[1], s[2], 1],
                     padding)
        if result is None:
            result = tap
        else:
            result = _math.maximum(result, tap) if kind == "max" else result + tap
    result = _unfold(result, n, out_depth)
    if kind == "avg":
        starts = np.arange(out_depth) * s[0] - before
        counts = np.minimum(starts + k[0], depth) - np.maximum(starts, 0)
        result = result / _C.convert_to_tensor(
            np.maximum(counts, 1).reshape(1, -1, 1, 1, 1).astype(x.dtype.as_numpy_dtype),
            x.dtype)
    return _from_last(result, last)


def max_pool3d(input, ksize, strides, padding, data_format="NDHWC", name=None):  # noqa: A002
    """The maximum over each (depth, height, width) window."""
    return _pool3d(input, ksize, strides, padding, data_format, "max_pool3d", "max")


def avg_pool3d(input, ksize, strides, padding, data_format="NDHWC", name=None):  # noqa: A002
    """The mean over each window's valid elements (SAME padding is not counted)."""
    x = _t(input)
    if not x.dtype.is_floating:
        raise InvalidArgumentError("[avg_pool3d] expects a floating-point input, got %s"
                                   % x.dtype.name)
    return _pool3d(x, ksize, strides, padding, data_format, "avg_pool3d", "avg")



def conv3d_transpose(input, filters, output_shape, strides, padding="SAME",  # noqa: A002
                     data_format="NDHWC", dilations=None, name=None):
    """The input-gradient of conv3d: filters (KD, KH, KW, Cout, Cin), input (N, D, H, W, Cin),
    output_shape (N, Do, Ho, Wo, Cout). Each depth tap is a 2-D transposed convolution whose
    result lands at depth id * stride + kd * dilation of the padded output."""
    op = "conv3d_transpose"
    last = _channels_last(data_format, op)
    s = _triple(strides, "strides", op, last)
    d = _triple(dilations, "dilations", op, last)
    x, w = _to_last(_t(input), last), _t(filters)
    from .framework.constant_op import shape_list
    out = shape_list(output_shape, op)
    if len(out) != 5 or x.ndim != 5 or w.ndim != 5:
        raise InvalidArgumentError("[%s] expects rank-5 input and filters and a 5-entry "
                                   "output_shape, got %s, %s and %s"
                                   % (op, x.shape, w.shape, out))
    if not last:
        out = [out[0], out[2], out[3], out[4], out[1]]
    n, in_depth = x._shape_tuple[:2]
    if x._shape_tuple[4] != w._shape_tuple[4] or out[4] != w._shape_tuple[3] or out[0] != n:
        raise InvalidArgumentError("[%s] shapes do not match: input %s, filters %s (KD, KH, KW, "
                                   "out_channels, in_channels), output_shape %s"
                                   % (op, x.shape, w.shape, out))
    padding = str(padding).upper()
    taps = w._shape_tuple[0]
    conv_depth, before, after = _depth_taps(out[1], taps, s[0], d[0], padding, op)
    if conv_depth != in_depth:
        raise InvalidArgumentError("[%s] input depth %d does not match the %d that a conv3d of "
                                   "output_shape %s gives" % (op, in_depth, conv_depth, out))
    padded_depth = out[1] + before + after
    folded = _C.reshape(x, [n * in_depth] + list(x._shape_tuple[2:]))
    total = None
    for kd in range(taps):
        plane = nn_conv.conv2d_transpose(folded, w[kd], [n * in_depth, out[2], out[3], out[4]],
                                         [1, s[1], s[2], 1], padding, "NHWC",
                                         [1, d[1], d[2], 1])
        plane = _C.reshape(plane, [n, in_depth] + list(plane._shape_tuple[1:]))
        placed = _place_depth(plane, s[0], kd * d[0], padded_depth)
        total = placed if total is None else total + placed
    return _from_last(total[:, before:before + out[1]], last)


def _place_depth(planes, stride, offset, length):
    """planes[:, i] at depth offset + i * stride of a zero volume `length` deep."""
    from .array_ops import pad
    n, count = planes._shape_tuple[:2]
    rest = list(planes._shape_tuple[2:])
    if stride > 1:
        gaps = _C.zeros([n, count, stride - 1] + rest, planes.dtype)
        planes = _C.reshape(_C.concat([_C.expand_dims(planes, 2), gaps], 2),
                            [n, count * stride] + rest)
    planes = planes[:, :max(length - offset, 0)]
    tail = length - offset - planes._shape_tuple[1]
    return pad(planes, [[0, 0], [offset, tail]] + [[0, 0]] * len(rest))
