"""tf.nn extras composed from existing ops: space_to_depth/depth_to_space, local response
normalisation, separable and generic convolutions, weighted moments and sufficient statistics,
pooling by name (tf.nn.pool) and max_pool_with_argmax.

Each is written with recorded ops (reshape, transpose, pad, slices, convolutions, pools), so the
tape differentiates them as TF does; only argmax indices are computed in NumPy.
"""

import collections

import numpy as np

from . import _C
from . import math as _math
from . import nn_conv
from .framework import dtypes
from .framework.constant_op import convert_to_tensor
from .framework.errors import InvalidArgumentError, NotFoundError
from .framework.tensor import Tensor


def _t(x):
    return x if isinstance(x, Tensor) else convert_to_tensor(x)


# --- space <-> depth -----------------------------------------------------------------------------


def _block_input(input, block_size, data_format, op):
    x = _t(input)
    block_size = int(block_size)
    if block_size < 2:
        raise InvalidArgumentError("[%s] Value for attr 'block_size' of %d must be at least "
                                   "minimum 2" % (op, block_size))
    if data_format not in ("NHWC", None):
        # TF registers only NHWC kernels on the CPU
        raise NotFoundError("[%s] no CPU kernel for data_format=%r (only NHWC)"
                            % (op, data_format))
    if x.ndim != 4:
        raise InvalidArgumentError("[%s] Input rank should be 4 instead of %d" % (op, x.ndim))
    return x, block_size


def space_to_depth(input, block_size, data_format="NHWC", name=None):  # noqa: A002
    """Moves block_size x block_size spatial blocks into the channels: (N, H/b, W/b, b*b*C)."""
    x, b = _block_input(input, block_size, data_format, "space_to_depth")
    n, h, w, c = x._shape_tuple
    if h % b or w % b:
        raise InvalidArgumentError("[space_to_depth] Image width %d and height %d should be "
                                   "divisible by block_size: %d" % (w, h, b))
    x = _C.reshape(x, [n, h // b, b, w // b, b, c])
    return _C.reshape(_C.transpose(x, [0, 1, 3, 2, 4, 5]), [n, h // b, w // b, b * b * c])


def depth_to_space(input, block_size, data_format="NHWC", name=None):  # noqa: A002
    """The inverse of space_to_depth: (N, H*b, W*b, C/(b*b))."""
    x, b = _block_input(input, block_size, data_format, "depth_to_space")
    n, h, w, c = x._shape_tuple
    if c % (b * b):
        raise InvalidArgumentError("[depth_to_space] Input depth dimension %d should be "
                                   "divisible by: %d" % (c, b * b))
    x = _C.reshape(x, [n, h, w, b, b, c // (b * b)])
    return _C.reshape(_C.transpose(x, [0, 1, 3, 2, 4, 5]), [n, h * b, w * b, c // (b * b)])


# --- local response normalisation ----------------------------------------------------------------


def local_response_normalization(input, depth_radius=5, bias=1.0, alpha=1.0, beta=0.5,  # noqa: A002
                                 name=None):
    """input / (bias + alpha * sum of squares over channels d-r..d+r) ** beta."""
    x = _t(input)
    if x.dtype not in (dtypes.float16, dtypes.bfloat16, dtypes.float32):
        raise InvalidArgumentError("[lrn] Value for attr 'T' of %s is not in the list of "
                                   "allowed values: half, bfloat16, float" % x.dtype.name)
    if x.ndim != 4:
        raise InvalidArgumentError("[lrn] in must be 4-dimensional, got shape %s" % (x.shape,))
    radius = int(depth_radius)
    if radius < 0:
        raise InvalidArgumentError("[lrn] depth_radius must be non-negative, got %d" % radius)
    channels = x._shape_tuple[3]
    # windows reaching past the channels see zeros; a radius beyond them adds nothing more
    r = min(radius, max(channels - 1, 0))
    squares = _math.square(x)
    from .array_ops import pad
    padded = pad(squares, [[0, 0], [0, 0], [0, 0], [r, r]]) if r else squares
    window_sum = padded[..., 0:channels]
    for k in range(1, 2 * r + 1):
        window_sum = window_sum + padded[..., k:k + channels]
    scale = _C.convert_to_tensor(float(bias), x.dtype) + _C.convert_to_tensor(
        float(alpha), x.dtype) * window_sum
    # TF's kernel: 1 / scale, rsqrt(scale), or exp(-beta * log(scale)) by beta
    if float(beta) == 1.0:
        return x / scale
    if float(beta) == 0.5:
        return x * _math.rsqrt(scale)
    return x * _math.exp(_math.log(scale) * _C.convert_to_tensor(-float(beta), x.dtype))


lrn = local_response_normalization


# --- convolutions by rank --------------------------------------------------------------------------


def convolution(input, filters, strides=None, padding="VALID", data_format=None,  # noqa: A002
                dilations=None, name=None):
    """conv1d or conv2d by the input's rank (3 or 4)."""
    if not isinstance(padding, str):
        raise TypeError("Expected string for argument 'padding' not %r." % (padding,))
    x = _t(input)
    if x.ndim == 3:
        return nn_conv.conv1d(x, filters, 1 if strides is None else strides, padding,
                              data_format or "NWC", dilations)
    if x.ndim == 4:
        return nn_conv.conv2d(x, filters, 1 if strides is None else strides, padding,
                              data_format or "NHWC", dilations)
    if x.ndim == 5:
        from .nn_3d import conv3d
        return conv3d(x, filters, 1 if strides is None else strides, padding,
                      data_format or "NDHWC", dilations)
    raise NotImplementedError("[convolution] fasttf implements 1-D, 2-D and 3-D convolutions "
                              "(rank 3, 4 or 5 inputs), got shape %s" % (x.shape,))


def conv_transpose(input, filters, output_shape, strides, padding="SAME",  # noqa: A002
                   data_format=None, dilations=None, name=None):
    """conv1d_transpose or conv2d_transpose by the length of output_shape."""
    rank = len(output_shape.numpy() if isinstance(output_shape, Tensor) else output_shape)
    if rank == 3:
        return nn_conv.conv1d_transpose(input, filters, output_shape, strides, padding,
                                        data_format or "NWC", dilations)
    if rank == 4:
        return nn_conv.conv2d_transpose(input, filters, output_shape, strides, padding,
                                        data_format or "NHWC", dilations)
    if rank == 5:
        from .nn_3d import conv3d_transpose
        return conv3d_transpose(input, filters, output_shape, strides, padding,
                                data_format or "NDHWC", dilations)
    raise NotImplementedError("[conv_transpose] fasttf implements 1-D, 2-D and 3-D transposed "
                              "convolutions, got an output_shape of rank %d" % rank)


def atrous_conv2d(value, filters, rate, padding, name=None):
    """conv2d with the filter dilated by rate (holes between its taps)."""
    rate = int(rate)
    if rate < 1:
        raise ValueError("rate %d should be >= 1" % rate)
    return nn_conv.conv2d(value, filters, 1, padding, "NHWC", [rate, rate])


def atrous_conv2d_transpose(value, filters, output_shape, rate, padding, name=None):
    """The transpose of atrous_conv2d (conv2d_transpose with dilations=rate)."""
    rate = int(rate)
    if rate < 1:
        raise ValueError("rate %d should be >= 1" % rate)
    return nn_conv.conv2d_transpose(value, filters, output_shape, 1, padding, "NHWC",
                                    [rate, rate])


def separable_conv2d(input, depthwise_filter, pointwise_filter, strides, padding,  # noqa: A002
                     data_format=None, dilations=None, name=None):
    """A depthwise convolution, then a 1x1 convolution mixing the channels."""
    depthwise, pointwise = _t(depthwise_filter), _t(pointwise_filter)
    if pointwise.ndim != 4 or pointwise._shape_tuple[:2] != (1, 1):
        raise ValueError("[separable_conv2d] pointwise_filter must have shape [1, 1, channels * "
                         "multiplier, out_channels], got %s" % (pointwise.shape,))
    if depthwise.ndim == 4:
        mid = depthwise._shape_tuple[2] * depthwise._shape_tuple[3]
        if pointwise._shape_tuple[2] != mid:
            raise InvalidArgumentError("[separable_conv2d] input depth must be evenly divisible "
                                       "by filter depth: %d vs %d"
                                       % (mid, pointwise._shape_tuple[2]))
    data_format = data_format or "NHWC"
    y = nn_conv.depthwise_conv2d(input, depthwise, strides, padding, data_format, dilations)
    return nn_conv.conv2d(y, pointwise, 1, "VALID", data_format)


# --- moments -------------------------------------------------------------------------------------


def _axis_list(axes):
    if isinstance(axes, Tensor):
        axes = axes.numpy().tolist()
    return [int(a) for a in ([axes] if np.ndim(axes) == 0 else axes)]


def weighted_moments(x, axes, frequency_weights, keepdims=False, name=None):
    """(mean, variance) of x over axes with each element counted frequency_weights times
    (TF's two-pass formula; 0/0 gives 0)."""
    x = _t(x)
    orig = x.dtype
    if orig == dtypes.float16:
        x = _C.cast(x, dtypes.float32)
    w = _t(frequency_weights)
    if w.dtype != x.dtype:
        w = _C.cast(w, x.dtype)
    axes = _axis_list(axes)
    weighted_sum = _math.reduce_sum(w * x, axes, keepdims=True)
    sum_of_weights = _math.reduce_sum(w + _C.zeros(list(x._shape_tuple), x.dtype), axes,
                                      keepdims=True)
    mean = _math.divide_no_nan(weighted_sum, sum_of_weights)
    distsq = _math.reduce_sum(w * _math.squared_difference(x, mean), axes, keepdims=True)
    variance = _math.divide_no_nan(distsq, sum_of_weights)
    if not keepdims:
        positive = [a % x.ndim for a in axes]
        mean, variance = _C.squeeze(mean, positive), _C.squeeze(variance, positive)
    if orig == dtypes.float16:
        mean, variance = _C.cast(mean, orig), _C.cast(variance, orig)
    return mean, variance


def sufficient_statistics(x, axes, shift=None, keepdims=False, name=None):
    """(count, sum of x - shift, sum of (x - shift)^2, shift) over axes, as TF returns them."""
    x = _t(x)
    axes = sorted(set(_axis_list(axes)))
    count = 1
    for a in axes:
        count *= x._shape_tuple[a]
    counts = _C.convert_to_tensor(count, x.dtype)
    if shift is not None:
        shift = _t(shift)
        mean_ss, var_ss = x - shift, _math.squared_difference(x, shift)
    else:
        mean_ss, var_ss = x, _math.square(x)
    return (counts, _math.reduce_sum(mean_ss, axes, keepdims=keepdims),
            _math.reduce_sum(var_ss, axes, keepdims=keepdims), shift)


# --- pooling -------------------------------------------------------------------------------------


def _dilated_pool(x, window, pooling_type, dilations):
    """Stride-1 VALID pooling with dilated windows: a reduction over the window's shifted views."""
    spatial = x.ndim - 2
    out = [x._shape_tuple[1 + i] - (window[i] - 1) * dilations[i] for i in range(spatial)]
    if any(o <= 0 for o in out):
        raise ValueError("[pool] the dilated window is larger than the input")
    result = None
    for offsets in np.ndindex(*window):
        index = (slice(None),) + tuple(slice(k * d, k * d + o) for k, d, o in
                                       zip(offsets, dilations, out)) + (slice(None),)
        tap = x[index]
        if result is None:
            result = tap
        elif pooling_type == "MAX":
            result = _math.maximum(result, tap)
        else:
            result = result + tap
    if pooling_type == "AVG":
        result = result / _C.convert_to_tensor(float(np.prod(window)), x.dtype)
    return result


def pool(input, window_shape, pooling_type, strides=None, padding="VALID",  # noqa: A002
         data_format=None, dilations=None, name=None):
    """Max or average pooling of a rank 3 or 4 input, optionally with dilated windows."""
    x = _t(input)
    window = [int(w) for w in (window_shape.numpy() if isinstance(window_shape, Tensor)
                               else window_shape)]
    spatial = len(window)
    if x.ndim != spatial + 2:
        raise ValueError("[pool] input must have rank %d for a %d-D window, got shape %s"
                         % (spatial + 2, spatial, x.shape))
    if pooling_type not in ("MAX", "AVG"):
        raise ValueError("[pool] pooling_type must be 'MAX' or 'AVG', got %r" % (pooling_type,))
    strides = [1] * spatial if strides is None else [int(s) for s in strides]
    dilations = [1] * spatial if dilations is None else [int(d) for d in dilations]
    if len(strides) != spatial or len(dilations) != spatial:
        raise ValueError("[pool] strides and dilations need %d entries" % spatial)
    if any(d > 1 for d in dilations):
        if any(s > 1 for s in strides):
            raise ValueError("strides > window_shape not supported due to inconsistency "
                             "between CPU and GPU implementations")
        if data_format not in (None, "NWC", "NHWC", "NDHWC"):
            raise NotImplementedError("[pool] dilated pooling needs channels-last data")
        if str(padding).upper() == "SAME":
            raise ValueError("pooling with 'SAME' padding is not implemented for `dilation_rate` "
                             "> 1. Received: padding=SAME and dilation_rate=%s" % (dilations,))
        return _dilated_pool(x, window, pooling_type, dilations)
    if spatial == 3:
        from . import nn_3d
        kind = nn_3d.max_pool3d if pooling_type == "MAX" else nn_3d.avg_pool3d
        return kind(x, window, strides, padding, data_format or "NDHWC")
    kind = nn_conv.max_pool if pooling_type == "MAX" else nn_conv.avg_pool
    return kind(x, window, strides, padding, data_format)


MaxPoolWithArgmax = collections.namedtuple("MaxPoolWithArgmax", ["output", "argmax"])


def _argmax_indices(values, k, s, padding):
    """Flat index ((b * H + y) * W + x) * C + c of each window's maximum, as TF's kernel picks
    it: the first pixel of the window, then any strictly greater one (so a NaN that comes
    first stays, and later NaNs never win)."""
    n, h, w, c = values.shape
    if padding == "SAME":
        out_h, out_w = -(-h // s[0]), -(-w // s[1])
        top = max((out_h - 1) * s[0] + k[0] - h, 0) // 2
        left = max((out_w - 1) * s[1] + k[1] - w, 0) // 2
    else:
        out_h, out_w = (h - k[0]) // s[0] + 1, (w - k[1]) // s[1] + 1
        top = left = 0
    best = np.zeros((n, out_h, out_w, c), values.dtype)
    have = np.zeros((n, out_h, out_w, c), bool)
    index = np.zeros((n, out_h, out_w, c), np.int64)
    rows = np.arange(out_h) * s[0] - top
    cols = np.arange(out_w) * s[1] - left
    for ky in range(k[0]):
        for kx in range(k[1]):
            y, x = np.clip(rows + ky, 0, h - 1), np.clip(cols + kx, 0, w - 1)
            valid = ((rows + ky >= 0) & (rows + ky < h))[:, None] & (
                (cols + kx >= 0) & (cols + kx < w))[None, :]
            tap = values[:, y][:, :, x]
            with np.errstate(invalid="ignore"):
                better = valid[None, :, :, None] & (~have | (tap > best))
            best = np.where(better, tap, best)
            have |= better
            flat = y[:, None] * w + x[None, :]
            index = np.where(better, flat[None, :, :, None] * c + np.arange(c), index)
    return index + (np.arange(n) * h * w * c)[:, None, None, None]


def max_pool_with_argmax(input, ksize, strides, padding, data_format="NHWC",  # noqa: A002
                         output_dtype=dtypes.int64, include_batch_in_index=False, name=None):
    """(max_pool2d output, flat index of each maximum) for NHWC input."""
    if data_format != "NHWC":
        raise ValueError("[max_pool_with_argmax] Data formats other than 'NHWC' are not "
                         "yet supported")
    x = _t(input)
    if x.ndim != 4:
        raise InvalidArgumentError("[max_pool_with_argmax] input must be 4-dimensional, got "
                                   "shape %s" % (x.shape,))
    if not x.dtype.is_floating and not x.dtype.is_integer:
        raise InvalidArgumentError("[max_pool_with_argmax] input must be numeric")
    k = nn_conv._window(ksize, 2, "ksize", "max_pool_with_argmax", True)
    s = nn_conv._window(strides, 2, "strides", "max_pool_with_argmax", True)
    if not isinstance(padding, str) or padding.upper() not in ("SAME", "VALID"):
        raise ValueError("[max_pool_with_argmax] padding must be 'SAME' or 'VALID', got %r"
                         % (padding,))
    index = _argmax_indices(x.numpy(), k, s, padding.upper())
    # the output gathers the argmax pixels: TF's values (NaN included) and its gradient,
    # which scatters to the argmax positions
    output = _C.reshape(_C.gather(_C.reshape(x, [-1]), convert_to_tensor(index.reshape(-1)),
                                  0, 0), list(index.shape))
    if not include_batch_in_index:
        n, h, w, c = x._shape_tuple
        index = index - (np.arange(n, dtype=np.int64) * h * w * c)[:, None, None, None]
    argmax = convert_to_tensor(index.astype(dtypes.as_dtype(output_dtype).as_numpy_dtype))
    return MaxPoolWithArgmax(output, argmax)


# --- losses, normalisation, top-k ----------------------------------------------------------------


def log_poisson_loss(targets, log_input, compute_full_loss=False, name=None):
    """exp(log_input) - log_input * targets (+ Stirling's term for targets > 1 when full)."""
    log_input = _t(log_input)
    targets = _t(targets) if isinstance(targets, Tensor) else _C.convert_to_tensor(
        targets, log_input.dtype)
    if targets._shape_tuple != log_input._shape_tuple:
        raise ValueError("`log_input` and `targets` must have the same shape, received (%s vs "
                         "%s)." % (log_input.shape, targets.shape))
    result = _math.exp(log_input) - log_input * targets
    if compute_full_loss:
        dtype = targets.dtype
        stirling = (targets * _math.log(targets) - targets
                    + _C.convert_to_tensor(0.5, dtype) * _math.log(
                        _C.convert_to_tensor(2 * np.pi, dtype) * targets))
        zeros = _C.zeros(list(targets._shape_tuple), dtype)
        inside = _math.logical_and(targets >= zeros, targets <= zeros + _C.convert_to_tensor(
            1, dtype))
        result = result + _C.where(inside, zeros, stirling)
    return result


def batch_norm_with_global_normalization(input, mean, variance, beta, gamma,  # noqa: A002
                                         variance_epsilon, scale_after_normalization,
                                         name=None):
    """(input - mean) / sqrt(variance + epsilon) * (gamma if scale_after_normalization) + beta."""
    from .nn import batch_normalization
    return batch_normalization(input, mean, variance, beta,
                               gamma if scale_after_normalization else None, variance_epsilon)


ApproxTopK = collections.namedtuple("ApproxTopK", ["values", "indices"])


def _approx_k(operand, k, reduction_dimension, largest, op):
    from .array_ops import top_k
    x = _t(operand)
    if x.dtype not in (dtypes.float16, dtypes.bfloat16, dtypes.float32):
        raise InvalidArgumentError("[%s] Value for attr 'T' of %s is not in the list of "
                                   "allowed values: half, bfloat16, float" % (op, x.dtype.name))
    if x.ndim == 0:
        raise InvalidArgumentError("[%s] operand must have at least one dimension" % op)
    axis = int(reduction_dimension) % x.ndim
    k = int(k)
    if not 0 <= k <= x._shape_tuple[axis]:
        raise InvalidArgumentError("[%s] k must be in [0, %d], got %d"
                                   % (op, x._shape_tuple[axis], k))
    perm = [a for a in range(x.ndim) if a != axis] + [axis]
    moved = _C.transpose(x, perm) if axis != x.ndim - 1 else x
    # TF's CPU kernel is the exact top-k (and exists only for max_k over the last axis;
    # fasttf does the other cases the same way)
    values, indices = top_k(moved if largest else -moved, k)
    if not largest:
        values = -values
    if axis != x.ndim - 1:
        back = list(np.argsort(perm))
        values, indices = _C.transpose(values, back), _C.transpose(indices, back)
    return ApproxTopK(values, indices)


def approx_max_k(operand, k, reduction_dimension=-1, recall_target=0.95,
                 reduction_input_size_override=-1, aggregate_to_topk=True, name=None):
    """(values, indices) of the k largest entries along reduction_dimension, largest first."""
    return _approx_k(operand, k, reduction_dimension, True, "approx_max_k")


def approx_min_k(operand, k, reduction_dimension=-1, recall_target=0.95,
                 reduction_input_size_override=-1, aggregate_to_topk=True, name=None):
    """(values, indices) of the k smallest entries along reduction_dimension, smallest first."""
    return _approx_k(operand, k, reduction_dimension, False, "approx_min_k")


# --- depthwise backprops -------------------------------------------------------------------------


def _depthwise_backprop(kind, op, sizes, tensor, out_backprop, strides, padding, data_format,
                        dilations):
    last = nn_conv._channels_last(data_format, op, 2)
    s = nn_conv._window(strides, 2, "strides", op, last)
    d = nn_conv._window(dilations, 2, "dilations", op, last)
    mode, pads = nn_conv._padding(padding, 2, op, last)
    from .framework.constant_op import shape_list
    sizes = shape_list(sizes, op)
    dy = _t(out_backprop)
    tensor = _t(tensor)
    if not last:
        dy = _C.transpose(dy, [0, 2, 3, 1])
        if kind == "input":
            sizes = [sizes[0], sizes[2], sizes[3], sizes[1]]
        else:
            tensor = _C.transpose(tensor, [0, 2, 3, 1])
    if kind == "input":
        y = _C.depthwise_conv2d_backprop_input(sizes, tensor, dy, s, d, mode, pads)
        return y if last else _C.transpose(y, [0, 3, 1, 2])
    return _C.depthwise_conv2d_backprop_filter(tensor, sizes, dy, s, d, mode, pads)


def depthwise_conv2d_backprop_input(input_sizes, filter, out_backprop, strides,  # noqa: A002
                                    padding, data_format="NHWC", dilations=(1, 1, 1, 1),
                                    name=None):
    """The gradient of depthwise_conv2d with respect to its input (of shape input_sizes)."""
    return _depthwise_backprop("input", "depthwise_conv2d_backprop_input", input_sizes, filter,
                               out_backprop, strides, padding, data_format, dilations)


def depthwise_conv2d_backprop_filter(input, filter_sizes, out_backprop, strides,  # noqa: A002
                                     padding, data_format="NHWC", dilations=(1, 1, 1, 1),
                                     name=None):
    """The gradient of depthwise_conv2d with respect to its filter (of shape filter_sizes)."""
    return _depthwise_backprop("filter", "depthwise_conv2d_backprop_filter", filter_sizes,
                               input, out_backprop, strides, padding, data_format, dilations)
