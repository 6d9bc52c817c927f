"""tf.nn: activations, softmax and the cross-entropies, normalisation helpers and dropout.

softmax, log_softmax and the softmax cross-entropies run dedicated C++ kernels
(csrc/kernels/softmax.cpp); the rest is composed from recorded ops, so gradients (and
gradients of gradients) come from the ops' own rules.
"""

import numbers

import numpy as np

from . import _C
from . import math as _math
from .framework import dtypes
from .framework.errors import InvalidArgumentError, op_dtype_error
from .framework.tensor import Tensor
from .math import (_axes, _int_axis, _like, _require_float, _t, l2_normalize, log_softmax,
                   sigmoid, softmax, softplus, softsign, tanh)
from .nn_conv import (avg_pool, avg_pool1d, avg_pool2d, conv1d, conv1d_transpose,  # noqa: F401
                      conv2d, conv2d_transpose, depthwise_conv2d, max_pool, max_pool1d,
                      max_pool2d)
from .nn_extras import (approx_max_k, approx_min_k, atrous_conv2d,  # noqa: F401
                        atrous_conv2d_transpose, batch_norm_with_global_normalization,
                        conv_transpose, convolution, depth_to_space,
                        depthwise_conv2d_backprop_filter, depthwise_conv2d_backprop_input,
                        local_response_normalization, log_poisson_loss, lrn,
                        max_pool_with_argmax, pool, separable_conv2d, space_to_depth,
                        sufficient_statistics, weighted_moments)
from .nn_3d import avg_pool3d, conv3d, conv3d_transpose, max_pool3d  # noqa: F401
from .extra_ops import space_to_batch  # noqa: F401 - tf.nn.space_to_batch (TF 2: the _nd op)

_U = _C.UnaryOp
_R = _C.ReduceOp

__all__ = [
    "relu", "relu6", "leaky_relu", "elu", "selu", "gelu", "softplus", "softsign", "silu",
    "swish", "sigmoid", "tanh", "softmax", "log_softmax", "softmax_cross_entropy_with_logits",
    "sparse_softmax_cross_entropy_with_logits", "sigmoid_cross_entropy_with_logits",
    "weighted_cross_entropy_with_logits", "l2_loss", "moments", "batch_normalization",
    "l2_normalize", "dropout", "bias_add", "crelu", "zero_fraction", "compute_average_loss",
    "scale_regularization_loss", "normalize_moments", "in_top_k",
]


def relu(features, name=None):
    return _C.unary_op(_U.relu, _t(features))


def relu6(features, name=None):
    return _C.unary_op(_U.relu6, _t(features))


def elu(features, name=None):
    return _C.unary_op(_U.elu, _t(features))


def selu(features, name=None):
    return _C.unary_op(_U.selu, _t(features))


def gelu(features, approximate=False, name=None):
    """x * Phi(x); approximate=True uses the tanh formula."""
    return _C.unary_op(_U.gelu_tanh if approximate else _U.gelu, _t(features))


def leaky_relu(features, alpha=0.2, name=None):
    """features where positive, alpha * features elsewhere. Integer inputs become float32."""
    x = _t(features)
    if x.dtype.is_integer:
        x = _C.cast(x, dtypes.float32)
    return _C.leaky_relu(x, float(alpha))


def silu(features, beta=1.0):
    """features * sigmoid(beta * features)."""
    x = _t(features)
    if beta == 1.0 or beta == 1:
        return _C.unary_op(_U.swish, x)
    return x * sigmoid(x * _like(beta, x))


swish = silu


def softmax_cross_entropy_with_logits(labels, logits, axis=-1, name=None):
    """Per-row cross-entropy between the distributions `labels` and softmax(`logits`)."""
    logits = _t(logits)
    labels = _like(labels, logits)
    return _C.softmax_cross_entropy_with_logits(labels, logits, _int_axis(axis))


def sparse_softmax_cross_entropy_with_logits(labels, logits, name=None):
    """Cross-entropy for integer class labels of shape logits.shape[:-1]; labels must lie in
    [0, classes) (InvalidArgumentError otherwise, as TF on CPU)."""
    logits = _t(logits)
    labels = _t(labels)
    return _C.sparse_softmax_cross_entropy_with_logits(labels, logits)


def _same_shape(labels, logits, op):
    if labels.shape != logits.shape:
        raise ValueError("[%s] logits and labels must have the same shape (%s vs %s)"
                         % (op, logits.shape, labels.shape))


def sigmoid_cross_entropy_with_logits(labels=None, logits=None, name=None):
    """max(x, 0) - x * z + log(1 + exp(-|x|)): the stable form of z * -log(sigmoid(x)) +
    (1 - z) * -log(1 - sigmoid(x))."""
    if labels is None or logits is None:
        raise ValueError("sigmoid_cross_entropy_with_logits needs both labels and logits")
    logits = _t(logits)
    labels = _t(labels)  # as TF: int labels are not cast (the op refuses mixed dtypes)
    _require_float(logits, "sigmoid_cross_entropy_with_logits")
    if labels.dtype != logits.dtype:
        raise op_dtype_error("[sigmoid_cross_entropy_with_logits] labels (%s) and logits (%s) "
                             "must have the same dtype" % (labels.dtype.name, logits.dtype.name))
    _same_shape(labels, logits, "sigmoid_cross_entropy_with_logits")
    zeros = _C.zeros([], logits.dtype)
    relu_logits = _C.where(_C.binary_op(_C.BinaryOp.greater_equal, logits, zeros), logits, zeros)
    neg_abs = _C.where(_C.binary_op(_C.BinaryOp.greater_equal, logits, zeros), -logits, logits)
    return relu_logits - logits * labels + _math.log1p(_math.exp(neg_abs))


def weighted_cross_entropy_with_logits(labels, logits, pos_weight, name=None):
    """Sigmoid cross-entropy with the positive term weighted by pos_weight."""
    logits = _t(logits)
    labels = _like(labels, logits)
    _require_float(logits, "weighted_cross_entropy_with_logits")
    _same_shape(labels, logits, "weighted_cross_entropy_with_logits")
    pos_weight = _like(pos_weight, logits)
    log_weight = 1 + (pos_weight - 1) * labels
    softplus_neg_abs = _math.log1p(_math.exp(-_math.abs(logits)))
    return (1 - labels) * logits + log_weight * (softplus_neg_abs + relu(-logits))


def l2_loss(t, name=None):
    """sum(t ** 2) / 2."""
    t = _t(t)
    _require_float(t, "l2_loss")
    return _C.reduce(_R.sum, _math.square(t), None, False) * _C.convert_to_tensor(0.5, t.dtype)


def moments(x, axes, shift=None, keepdims=False, name=None):
    """(mean, variance) of x over `axes`."""
    x = _t(x)
    axes = _axes(axes)
    # Half-precision inputs are summed in float32, as TF does.
    y = _C.cast(x, dtypes.float32) if x.dtype in (dtypes.float16, dtypes.bfloat16) else x
    mean = _C.reduce(_R.mean, y, axes, True)
    # The mean in the deviation carries no gradient: d variance / d mean is zero at the mean.
    variance = _C.reduce(_R.mean, _math.squared_difference(y, _C.stop_gradient(mean)), axes, True)
    if not keepdims:
        mean = _C.squeeze(mean, axes if axes is not None else list(range(x.ndim)))
        variance = _C.squeeze(variance, axes if axes is not None else list(range(x.ndim)))
    if y is not x:
        mean, variance = _C.cast(mean, x.dtype), _C.cast(variance, x.dtype)
    return mean, variance


def batch_normalization(x, mean, variance, offset, scale, variance_epsilon, name=None):
    """(x - mean) * scale / sqrt(variance + epsilon) + offset, written as x * inv + (offset -
    mean * inv) so that the large tensor is touched twice."""
    x = _t(x)
    mean, variance = _like(mean, x), _like(variance, x)
    inv = _math.rsqrt(variance + _C.convert_to_tensor(variance_epsilon, x.dtype))
    if scale is not None:
        inv = inv * _like(scale, x)
    shift = (_like(offset, x) - mean * inv) if offset is not None else -mean * inv
    return x * inv + shift


def _random_uniform(shape, dtype, seed):
    # TODO: use fasttf.random's seeded generator once python/fasttf/random.py exists.
    try:
        from . import random as _random
        uniform = getattr(_random, "uniform", None)
    except ImportError:
        uniform = None
    if uniform is not None:
        return uniform(shape, dtype=dtype, seed=seed)
    rng = np.random.default_rng(seed)
    return _C.convert_to_tensor(rng.random(shape).astype(dtype.as_numpy_dtype), dtype)


def dropout(x, rate, noise_shape=None, seed=None, name=None):
    """Zeroes each element with probability `rate` and scales the rest by 1 / (1 - rate)."""
    x = _t(x)
    if not x.dtype.is_floating:
        raise ValueError("x has to be a floating point tensor since it's going to be scaled. "
                         "Got a %s tensor instead." % x.dtype.name)
    if isinstance(rate, Tensor):
        rate = float(rate.numpy())
    if isinstance(rate, numbers.Real) and not 0 <= rate < 1:
        raise ValueError("rate must be a scalar tensor or a float in the range [0, 1), got %g"
                         % rate)
    if rate == 0:
        return _C.identity(x)
    shape = x.shape.as_list() if noise_shape is None else [
        int(d) if d is not None else x.shape[i] for i, d in enumerate(
            noise_shape.as_list() if hasattr(noise_shape, "as_list") else list(noise_shape))]
    draws = _random_uniform(shape, x.dtype, seed)
    keep = _C.cast(_C.binary_op(_C.BinaryOp.greater_equal, draws,
                                _C.convert_to_tensor(rate, x.dtype)), x.dtype)
    return x * (keep * _C.convert_to_tensor(1.0 / (1.0 - rate), x.dtype))


def bias_add(value, bias, data_format=None, name=None):
    """value + bias along the channel axis: the last one (NHWC, default) or axis 1 (NC...)."""
    value = _t(value)
    bias = _like(bias, value)
    if bias.ndim != 1:
        raise InvalidArgumentError("[bias_add] bias must be 1-D, got shape %s" % (bias.shape,))
    if value.ndim < 2:
        raise InvalidArgumentError("[bias_add] value must be at least 2-D, got shape %s"
                                   % (value.shape,))
    channels_first = data_format is not None and data_format.startswith("NC")
    axis = 1 if channels_first else value.ndim - 1
    if value.shape[axis] != bias.shape[0]:
        raise InvalidArgumentError(
            "[bias_add] must provide as many biases as the channel dimension of the input "
            "tensor: %s vs. %s" % (bias.shape, value.shape))
    if channels_first:
        bias = _C.reshape(bias, [bias.shape[0]] + [1] * (value.ndim - 2))
    return value + bias


def embedding_lookup(params, ids, max_norm=None, name=None):
    """Rows of `params` picked by `ids`. As TF, a Python list of params is a list of shards
    (even a list of lists: [[1., 2.], [3., 4.]] is two 1-D shards), split by TF 2's "div"
    strategy: shard i holds a contiguous block of ids, so joining the shards in order and
    gathering from the whole is the same lookup. max_norm clips each looked-up row's L2 norm."""
    from .array_ops import concat, gather
    if isinstance(params, (list, tuple)):
        if not params:
            raise ValueError("Need at least one param")
        shards = [_t(p) for p in params]
        params = shards[0] if len(shards) == 1 else concat(shards, 0)
    ids = _t(ids)
    result = gather(params, ids)
    if max_norm is not None:
        result = _math.clip_by_norm(result, max_norm,
                                    axes=list(range(ids.ndim, result.ndim)))
    return result


def top_k(input, k=1, sorted=True, index_type=dtypes.int32, name=None):
    """tf.nn.top_k, the same op as tf.math.top_k."""
    from .array_ops import top_k as _top_k
    return _top_k(input, k=k, sorted=sorted, index_type=index_type, name=name)



def crelu(features, axis=-1, name=None):
    """tf.nn.crelu: concat([relu(x), relu(-x)], axis)."""
    x = _t(features)
    return _C.concat([relu(x), relu(-x)], _int_axis(axis))


def zero_fraction(value, name=None):
    """tf.nn.zero_fraction: the fraction of zeros in value, as float32."""
    x = _t(value)
    return _math.reduce_mean(_C.cast(x == 0, dtypes.float32))


def compute_average_loss(per_example_loss, sample_weight=None, global_batch_size=None):
    """tf.nn.compute_average_loss: sum(loss * weight) / global batch size (one replica here:
    the batch size is the loss's first dimension)."""
    loss = _t(per_example_loss)
    if sample_weight is not None:
        loss = loss * _like(sample_weight, loss)
    if global_batch_size is None:
        global_batch_size = loss._shape_tuple[0] if loss.ndim else 1
    return _math.truediv(_math.reduce_sum(loss), _like(global_batch_size, loss))


def scale_regularization_loss(regularization_loss):
    """tf.nn.scale_regularization_loss: the summed loss divided by the replica count (1)."""
    return _math.reduce_sum(_t(regularization_loss))


def normalize_moments(counts, mean_ss, variance_ss, shift, name=None):
    """tf.nn.normalize_moments: (mean, variance) from sufficient statistics."""
    mean_ss = _t(mean_ss)
    divisor = _math.reciprocal(_like(counts, mean_ss))
    shifted_mean = mean_ss * divisor
    mean = shifted_mean if shift is None else shifted_mean + _like(shift, mean_ss)
    variance = _like(variance_ss, mean_ss) * divisor - _math.square(shifted_mean)
    return mean, variance


def in_top_k(targets, predictions, k, name=None):
    """tf.nn.in_top_k (TF 2 argument order: targets, predictions, k)."""
    return _math.in_top_k(targets, predictions, k)
