"""The tensor functions of tf.keras.backend (`K.mean`, `K.square`, `K.binary_crossentropy`...),
with Keras 2's semantics: custom losses and metrics written as `K.mean(K.square(y_pred - y_true),
axis=-1)` run unchanged. Most are thin aliases of the tf ops; the comments mark where Keras
differs from the op of the same name (defaults of floatx, clipping with epsilon, Variables
returned by K.zeros/K.ones/K.eye)."""

import numpy as np

from .. import array_ops
from .. import math as tf_math
from .. import nn as tf_nn
from .. import random as tf_random
from ..framework import constant_op, dtypes
from ..framework.tensor import Tensor
from ..framework.variables import Variable
from . import backend

__all__ = [
    "abs", "all", "any", "arange", "argmax", "argmin", "batch_dot", "batch_flatten", "bias_add",
    "binary_crossentropy", "cast", "categorical_crossentropy", "clip", "concatenate", "constant",
    "conv2d", "cos", "cumprod", "cumsum", "dot", "dropout", "dtype", "elu", "equal", "eval",
    "exp", "expand_dims", "eye", "flatten", "foldl", "foldr", "gather", "greater",
    "greater_equal", "hard_sigmoid", "in_top_k", "is_sparse", "l2_normalize", "learning_phase",
    "less", "less_equal", "log", "map_fn", "max", "maximum", "mean", "min", "minimum",
    "moving_average_update", "name_scope", "ndim", "not_equal", "one_hot", "ones", "ones_like",
    "permute_dimensions", "pool2d", "pow", "print_tensor", "prod", "random_bernoulli",
    "random_normal", "random_uniform", "relu", "repeat", "repeat_elements", "reshape", "reverse",
    "round", "shape", "sigmoid", "sign", "sin", "softmax", "softplus", "softsign",
    "sparse_categorical_crossentropy", "sqrt", "square", "squeeze", "stack", "std",
    "stop_gradient", "sum", "switch", "tanh", "tile", "to_dense", "transpose", "truncated_normal",
    "update", "update_add", "update_sub", "var", "variable", "zeros", "zeros_like",
]


def _tensor(x):
    return x if isinstance(x, (Tensor, Variable)) else constant_op.convert_to_tensor(x)


def _floatx_if_bool(x):
    """Keras averages booleans (accuracy-style metrics) as floatx numbers."""
    x = _tensor(x)
    return constant_op.cast(x, backend.floatx()) if x.dtype == dtypes.bool_ else x


# --- creation -----------------------------------------------------------------------------

def constant(value, dtype=None, shape=None, name=None):
    return constant_op.constant(value, dtype=dtype or backend.floatx(), shape=shape)


def variable(value, dtype=None, name=None, constraint=None):
    value = np.asarray(value.numpy() if hasattr(value, "numpy") else value,
                       dtype=dtype or backend.floatx())
    return Variable(value, name=name, constraint=constraint)


def _variable_if_static(t, dtype, name):
    # Keras 2 returns a Variable from K.zeros / K.ones / K.eye (they initialise state).
    return variable(t, dtype=dtype, name=name)


def zeros(shape, dtype=None, name=None):
    dtype = dtype or backend.floatx()
    return _variable_if_static(constant_op.zeros(shape, dtype=dtype), dtype, name)


def ones(shape, dtype=None, name=None):
    dtype = dtype or backend.floatx()
    return _variable_if_static(constant_op.ones(shape, dtype=dtype), dtype, name)


def eye(size, dtype=None, name=None):
    dtype = dtype or backend.floatx()
    rows, cols = (size, size) if np.ndim(size) == 0 else tuple(size)
    return _variable_if_static(constant_op.eye(rows, cols, dtype=dtype), dtype, name)


def zeros_like(x, dtype=None, name=None):
    return constant_op.zeros_like(x, dtype=dtype)


def ones_like(x, dtype=None, name=None):
    return constant_op.ones_like(x, dtype=dtype)


def arange(start, stop=None, step=1, dtype="int32"):
    if stop is None and start < 0:  # Keras 2: arange(-3) is empty, not an error
        start = 0
    return constant_op.cast(constant_op.range(start, limit=stop, delta=step, dtype=dtypes.int32),
                        dtype)


def random_normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None):
    return tf_random.normal(shape, mean, stddev, dtype=dtype or backend.floatx(), seed=seed)


def random_uniform(shape, minval=0.0, maxval=1.0, dtype=None, seed=None):
    return tf_random.uniform(shape, minval, maxval, dtype=dtype or backend.floatx(), seed=seed)


def truncated_normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None):
    return tf_random.truncated_normal(shape, mean, stddev, dtype=dtype or backend.floatx(),
                                      seed=seed)


def random_bernoulli(shape, p=0.0, dtype=None, seed=None):
    dtype = dtype or backend.floatx()
    draw = tf_random.uniform(shape, dtype=dtype, seed=seed)
    return constant_op.cast(tf_math.less(draw, p), dtype)


# --- properties and state -----------------------------------------------------------------

def dtype(x):
    return _tensor(x).dtype.name


def ndim(x):
    return len(_tensor(x).shape)


def shape(x):
    return constant_op.shape(x)


def eval(x):  # noqa: A001 - Keras' name
    return _tensor(x).numpy()


def is_sparse(tensor):
    return False


def to_dense(tensor):
    return tensor


def learning_phase():
    return 0


def update(x, new_x):
    return x.assign(new_x)


def update_add(x, increment):
    return x.assign_add(increment)


def update_sub(x, decrement):
    return x.assign_sub(decrement)


def moving_average_update(x, value, momentum):
    return x.assign(x * momentum + _tensor(value) * (1.0 - momentum))


def print_tensor(x, message="", summarize=3):
    from ..framework.printing import print_v2
    print_v2(message, x, summarize=summarize)
    return x


# --- reductions (axis=None reduces everything; booleans average as floatx) ------------------

def sum(x, axis=None, keepdims=False):  # noqa: A001 - Keras' name
    return tf_math.reduce_sum(x, axis=axis, keepdims=keepdims)


def prod(x, axis=None, keepdims=False):
    return tf_math.reduce_prod(x, axis=axis, keepdims=keepdims)


def mean(x, axis=None, keepdims=False):
    return tf_math.reduce_mean(_floatx_if_bool(x), axis=axis, keepdims=keepdims)


def max(x, axis=None, keepdims=False):  # noqa: A001 - Keras' name
    return tf_math.reduce_max(x, axis=axis, keepdims=keepdims)


def min(x, axis=None, keepdims=False):  # noqa: A001 - Keras' name
    return tf_math.reduce_min(x, axis=axis, keepdims=keepdims)


def var(x, axis=None, keepdims=False):
    return tf_math.reduce_variance(_floatx_if_bool(x), axis=axis, keepdims=keepdims)


def std(x, axis=None, keepdims=False):
    return tf_math.reduce_std(_floatx_if_bool(x), axis=axis, keepdims=keepdims)


def any(x, axis=None, keepdims=False):  # noqa: A001 - Keras' name
    return tf_math.reduce_any(constant_op.cast(x, dtypes.bool_), axis=axis, keepdims=keepdims)


def all(x, axis=None, keepdims=False):  # noqa: A001 - Keras' name
    return tf_math.reduce_all(constant_op.cast(x, dtypes.bool_), axis=axis, keepdims=keepdims)


def argmax(x, axis=-1):
    return tf_math.argmax(x, axis)


def argmin(x, axis=-1):
    return tf_math.argmin(x, axis)


def cumsum(x, axis=0):
    return tf_math.cumsum(x, axis=axis)


def cumprod(x, axis=0):
    return tf_math.cumprod(x, axis=axis)


# --- elementwise ----------------------------------------------------------------------------

# Functions that are the tf op of the same name, argument for argument.
abs = tf_math.abs  # noqa: A001 - Keras' name
round = tf_math.round  # noqa: A001 - Keras' name
square, exp, log, sign = tf_math.square, tf_math.exp, tf_math.log, tf_math.sign
sin, cos, tanh, sigmoid = tf_math.sin, tf_math.cos, tf_math.tanh, tf_math.sigmoid
softplus, maximum, minimum = tf_math.softplus, tf_math.maximum, tf_math.minimum
equal, not_equal = tf_math.equal, tf_math.not_equal
greater, greater_equal = tf_math.greater, tf_math.greater_equal
less, less_equal = tf_math.less, tf_math.less_equal
cast = constant_op.cast


def sqrt(x):
    # Keras 2 clips at zero first, so a tiny negative rounding error gives 0, not nan.
    x = _tensor(x)
    return tf_math.sqrt(tf_math.maximum(x, constant_op.zeros([], dtype=x.dtype)))


def pow(x, a):  # noqa: A001 - Keras' name
    return tf_math.pow(x, a)


def hard_sigmoid(x):
    # Keras 2's piecewise-linear form: clip(0.2 x + 0.5, 0, 1).
    x = _tensor(x)
    return tf_math.clip_by_value(x * 0.2 + 0.5, 0.0, 1.0)


def softsign(x):
    return tf_nn.softsign(x)


def elu(x, alpha=1.0):
    res = tf_nn.elu(x)
    return res if alpha == 1 else array_ops.where(_tensor(x) > 0, res, alpha * res)


def relu(x, alpha=0.0, max_value=None, threshold=0.0):
    """Keras 2's relu: slope `alpha` below `threshold`, capped at `max_value`."""
    x = _tensor(x)
    if alpha == 0 and max_value is None and threshold == 0:
        return tf_nn.relu(x)
    out = array_ops.where(x > threshold, x, alpha * (x - threshold) if alpha else x * 0)
    if max_value is not None:
        out = tf_math.minimum(out, max_value)
    return out


def softmax(x, axis=-1):
    return tf_nn.softmax(x, axis=axis)


def l2_normalize(x, axis=None):
    return tf_math.l2_normalize(x, axis=axis)


def clip(x, min_value, max_value):
    # Keras 2: None bounds are open, and a max below the min is raised to it.
    if max_value is not None and min_value is not None and max_value < min_value:
        max_value = min_value
    if min_value is None:
        min_value = -np.inf
    if max_value is None:
        max_value = np.inf
    return tf_math.clip_by_value(x, min_value, max_value)


def stop_gradient(variables):
    from ..array_ops import stop_gradient as op
    if isinstance(variables, (list, tuple)):
        return [op(v) for v in variables]
    return op(variables)


# --- shapes ----------------------------------------------------------------------------------

def reshape(x, shape):
    from ..array_ops import reshape as op
    return op(x, shape)


def flatten(x):
    return reshape(x, [-1])


def batch_flatten(x):
    x = _tensor(x)
    return reshape(x, [-1, int(np.prod(x.shape[1:], dtype=np.int64))])


def expand_dims(x, axis=-1):
    from ..array_ops import expand_dims as op
    return op(x, axis)


def squeeze(x, axis):
    from ..array_ops import squeeze as op
    return op(x, [axis])


def transpose(x):
    from ..array_ops import transpose as op
    return op(x)


def permute_dimensions(x, pattern):
    from ..array_ops import transpose as op
    return op(x, list(pattern))


def concatenate(tensors, axis=-1):
    from ..array_ops import concat
    if axis < 0:
        rank = ndim(tensors[0])
        axis = axis % rank if rank else 0
    return concat(list(tensors), axis)


def stack(x, axis=0):
    from ..array_ops import stack as op
    return op(x, axis=axis)


def tile(x, n):
    from ..array_ops import tile as op
    return op(x, [n] if np.ndim(n) == 0 else list(n))


def repeat(x, n):
    """(samples, dim) -> (samples, n, dim)."""
    x = _tensor(x)
    if len(x.shape) != 2:
        raise ValueError("K.repeat expects a 2-D tensor, got shape %s" % (tuple(x.shape),))
    return tile(expand_dims(x, 1), [1, n, 1])


def repeat_elements(x, rep, axis):
    from ..array_ops import repeat as op
    return op(x, rep, axis=axis)


def reverse(x, axes):
    from ..array_ops import reverse as op
    return op(x, [axes] if np.ndim(axes) == 0 else list(axes))


def gather(reference, indices):
    from ..array_ops import gather as op
    return op(reference, indices)


def one_hot(indices, num_classes):
    from ..array_ops import one_hot as op
    return op(indices, depth=num_classes, axis=-1)


def switch(condition, then_expression, else_expression):
    """tf.where with Keras' conveniences: callables are evaluated, a scalar condition picks one
    branch, and a condition of lower rank than the branches applies to their leading axes."""
    then_value = then_expression() if callable(then_expression) else then_expression
    else_value = else_expression() if callable(else_expression) else else_expression
    condition = _tensor(condition)
    if len(condition.shape) == 0:
        return then_value if bool(condition.numpy()) else else_value
    then_value, else_value = _tensor(then_value), _tensor(else_value)
    while len(condition.shape) < len(then_value.shape):
        condition = expand_dims(condition, -1)
    return array_ops.where(condition, then_value, else_value)


# --- products --------------------------------------------------------------------------------

def dot(x, y):
    """Matrix product; for N-D operands, Theano's rule: the last axis of x against the
    second-to-last of y, (2, 3, 4) . (4, 5) -> (2, 3, 5), (2, 3) . (4, 3, 5) -> (2, 4, 5)."""
    from ..linalg import matmul
    x, y = _tensor(x), _tensor(y)
    if len(x.shape) <= 2 and len(y.shape) <= 2:
        return matmul(x, y)
    x_shape, y_shape = list(x.shape), list(y.shape)
    y_axes = list(range(len(y_shape)))
    perm = [y_axes.pop(-2)] + y_axes
    y_flat = reshape(permute_dimensions(y, perm), [y_shape[-2], -1])
    out = matmul(reshape(x, [-1, x_shape[-1]]), y_flat)
    return reshape(out, x_shape[:-1] + y_shape[:-2] + y_shape[-1:])


def batch_dot(x, y, axes=None):
    """Per-sample dot product over `axes` (x's and y's contracted axis; Keras 2 defaults: the
    last of x against the second-to-last of y, or the last of both when y is 2-D). The result
    has x's remaining axes then y's; a 1-D result becomes (batch, 1)."""
    from ..linalg import matmul
    x, y = _tensor(x), _tensor(y)
    x_rank, y_rank = len(x.shape), len(y.shape)
    if x_rank < 2 or y_rank < 2:
        raise ValueError("batch_dot needs inputs of rank >= 2, got shapes %s and %s"
                         % (tuple(x.shape), tuple(y.shape)))
    if axes is None:
        axes = [x_rank - 1, y_rank - 1] if y_rank == 2 else [x_rank - 1, y_rank - 2]
    elif np.ndim(axes) == 0:
        axes = [axes, axes]
    ax, ay = [a % r for a, r in zip(axes, (x_rank, y_rank))]
    if ax == 0 or ay == 0:
        raise ValueError("batch_dot cannot contract the batch axis (axes=%s)" % (axes,))
    if x.shape[ax] != y.shape[ay]:
        raise ValueError("batch_dot: contracted dimensions differ: %s axis %d vs %s axis %d"
                         % (tuple(x.shape), ax, tuple(y.shape), ay))
    # x -> (batch, rest_x, k), y -> (batch, k, rest_y), then one batched product.
    x_rest = [a for a in range(1, x_rank) if a != ax]
    y_rest = [a for a in range(1, y_rank) if a != ay]
    x_moved = permute_dimensions(x, [0] + x_rest + [ax])
    y_moved = permute_dimensions(y, [0, ay] + y_rest)
    k = x.shape[ax]
    x_dims = [x.shape[a] for a in x_rest]
    y_dims = [y.shape[a] for a in y_rest]
    out = matmul(reshape(x_moved, [-1, int(np.prod(x_dims, dtype=np.int64)), k]),
                 reshape(y_moved, [-1, k, int(np.prod(y_dims, dtype=np.int64))]))
    out = reshape(out, [-1] + x_dims + y_dims)
    return expand_dims(out, 1) if len(out.shape) == 1 else out


# --- losses (elementwise or per-sample, as Keras 2's backend) -------------------------------

def binary_crossentropy(target, output, from_logits=False):
    """Elementwise (no mean over the last axis, unlike keras.losses.binary_crossentropy)."""
    target, output = _tensor(target), _tensor(output)
    if from_logits:
        return tf_nn.sigmoid_cross_entropy_with_logits(labels=target, logits=output)
    eps = backend.epsilon()
    output = tf_math.clip_by_value(output, eps, 1.0 - eps)
    bce = target * tf_math.log(output + eps) + (1 - target) * tf_math.log(1 - output + eps)
    return -bce


def categorical_crossentropy(target, output, from_logits=False, axis=-1):
    from .losses import categorical_crossentropy as loss
    return loss(target, output, from_logits=from_logits, axis=axis)


def sparse_categorical_crossentropy(target, output, from_logits=False, axis=-1,
                                    ignore_class=None):
    from .losses import sparse_categorical_crossentropy as loss
    if ignore_class is not None:
        return loss(target, output, from_logits=from_logits, axis=axis,
                    ignore_class=ignore_class)
    return loss(target, output, from_logits=from_logits, axis=axis)


def in_top_k(predictions, targets, k):
    return tf_math.in_top_k(targets, predictions, k)


def dropout(x, level, noise_shape=None, seed=None):
    return tf_nn.dropout(x, rate=level, noise_shape=noise_shape, seed=seed)


# --- layers' building blocks ------------------------------------------------------------------

def bias_add(x, bias, data_format=None):
    return tf_nn.bias_add(x, bias, data_format="NCHW" if data_format == "channels_first"
                          else None)


def _padding(padding):
    if padding not in ("valid", "same"):
        raise ValueError("Unknown padding: %r (expected 'valid' or 'same')" % (padding,))
    return padding.upper()


def conv2d(x, kernel, strides=(1, 1), padding="valid", data_format=None, dilation_rate=(1, 1)):
    if data_format == "channels_first":
        raise ValueError("fasttf's K.conv2d supports channels_last only")
    return tf_nn.conv2d(x, kernel, strides=list(strides), padding=_padding(padding),
                        dilations=list(dilation_rate))


def pool2d(x, pool_size, strides=(1, 1), padding="valid", data_format=None, pool_mode="max"):
    if data_format == "channels_first":
        raise ValueError("fasttf's K.pool2d supports channels_last only")
    if pool_mode not in ("max", "avg"):
        raise ValueError("Invalid pool_mode: %r" % (pool_mode,))
    pool = tf_nn.max_pool2d if pool_mode == "max" else tf_nn.avg_pool2d
    return pool(x, list(pool_size), list(strides), _padding(padding))


# --- control flow ------------------------------------------------------------------------------

def map_fn(fn, elems, name=None, dtype=None):
    from ..framework.control_flow import map_fn as op
    return op(fn, elems, dtype=dtype)


def foldl(fn, elems, initializer=None, name=None):
    from .. import foldl as op
    return op(fn, elems, initializer=initializer)


def foldr(fn, elems, initializer=None, name=None):
    from .. import foldr as op
    return op(fn, elems, initializer=initializer)


def name_scope(name):
    from .. import name_scope as scope
    return scope(name)
