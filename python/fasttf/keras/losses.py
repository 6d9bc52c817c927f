"""`tf.keras.losses`: loss functions (per-sample values) and Loss objects (reduced).

Formulas follow Keras 3 (keras/src/losses/losses.py and the TF backend's cross-entropies):
probabilities are clipped to [epsilon, 1 - epsilon] with epsilon 1e-7, cross-entropies from
logits use the fused tf.nn kernels, and Loss objects reduce with 'sum_over_batch_size' unless
told otherwise. Inputs keep y_pred's float dtype (y_true is cast to it); integer predictions
become float32.
"""

import math

import numpy as np

import fasttf as tf

from . import _registry
from .backend import to_snake_case
from ..framework import dtypes, keras_mask
from ..framework.tensor import Tensor

EPSILON = 1e-7


# -- input handling --------------------------------------------------------------------------
def _tensor(x, dtype=None):
    if isinstance(x, Tensor):
        return x if dtype is None or x.dtype == dtype else tf.cast(x, dtype)
    x = tf.convert_to_tensor(x)
    return x if dtype is None or x.dtype == dtype else tf.cast(x, dtype)


def _float_pred(y_pred, dtype=None):
    y_pred = _tensor(y_pred)
    if dtype is not None:
        return _tensor(y_pred, dtypes.as_dtype(dtype))
    return y_pred if y_pred.dtype.is_floating else tf.cast(y_pred, tf.float32)


def squeeze_or_expand_to_same_rank(x1, x2, expand_rank_1=True):
    """Makes ranks equal when they differ by one trailing dimension of size 1 (Keras 3)."""
    rank1, rank2 = len(x1.shape), len(x2.shape)
    if rank1 == rank2 + 1 and x1.shape[-1] == 1:
        if rank2 == 1 and expand_rank_1:
            x2 = tf.expand_dims(x2, -1)
        else:
            x1 = tf.squeeze(x1, -1)
    elif rank2 == rank1 + 1 and x2.shape[-1] == 1:
        if rank1 == 1 and expand_rank_1:
            x1 = tf.expand_dims(x1, -1)
        else:
            x2 = tf.squeeze(x2, -1)
    return x1, x2


def _prepare(y_true, y_pred):
    y_pred = _float_pred(y_pred)
    y_true = _tensor(y_true, y_pred.dtype)
    return squeeze_or_expand_to_same_rank(y_true, y_pred)


def _scalar(value, like):
    return tf.convert_to_tensor(value, dtype=like.dtype)


def _clip(x, low, high):
    return tf.clip_by_value(x, _scalar(low, x), _scalar(high, x))


def _check_same_shape(y_true, y_pred, what):
    if tuple(y_true.shape) != tuple(y_pred.shape):
        raise ValueError(
            f"[{what}] Arguments `target` and `output` must have the same shape. Received: "
            f"target.shape={tuple(y_true.shape)}, output.shape={tuple(y_pred.shape)}")


# -- regression losses -----------------------------------------------------------------------
def mean_squared_error(y_true, y_pred):
    y_true, y_pred = _prepare(y_true, y_pred)
    return tf.reduce_mean(tf.square(y_pred - y_true), axis=-1)


def mean_absolute_error(y_true, y_pred):
    y_true, y_pred = _prepare(y_true, y_pred)
    return tf.reduce_mean(tf.abs(y_pred - y_true), axis=-1)


def mean_absolute_percentage_error(y_true, y_pred):
    y_true, y_pred = _prepare(y_true, y_pred)
    diff = tf.abs((y_true - y_pred) / tf.maximum(tf.abs(y_true), _scalar(EPSILON, y_true)))
    return 100.0 * tf.reduce_mean(diff, axis=-1)


def mean_squared_logarithmic_error(y_true, y_pred):
    y_true, y_pred = _prepare(y_true, y_pred)
    eps = _scalar(EPSILON, y_pred)
    first_log = tf.math.log(tf.maximum(y_pred, eps) + 1.0)
    second_log = tf.math.log(tf.maximum(y_true, eps) + 1.0)
    return tf.reduce_mean(tf.square(first_log - second_log), axis=-1)


def huber(y_true, y_pred, delta=1.0):
    """0.5*e² where |e| <= delta, delta*|e| - 0.5*delta² elsewhere, averaged over the last
    axis (written with minimum so its gradient needs no select)."""
    y_true, y_pred = _prepare(y_true, y_pred)
    abs_error = tf.abs(y_pred - y_true)
    quadratic = tf.minimum(abs_error, _scalar(delta, abs_error))
    linear = abs_error - quadratic
    return tf.reduce_mean(0.5 * tf.square(quadratic) + float(delta) * linear, axis=-1)


def log_cosh(y_true, y_pred):
    y_true, y_pred = _prepare(y_true, y_pred)
    x = y_pred - y_true
    return tf.reduce_mean(x + tf.math.softplus(-2.0 * x) - math.log(2.0), axis=-1)


# -- probabilistic losses --------------------------------------------------------------------
def categorical_crossentropy(y_true, y_pred, from_logits=False, label_smoothing=0.0, axis=-1):
    if isinstance(axis, bool):
        raise ValueError(f"`axis` must be of type `int`. Received: axis={axis} of type "
                         f"{type(axis)}")
    y_pred = _float_pred(y_pred)
    y_true = _tensor(y_true, y_pred.dtype)
    _check_same_shape(y_true, y_pred, "categorical_crossentropy")
    if len(y_pred.shape) < 1:
        raise ValueError("[categorical_crossentropy] expects a tensor of rank >= 1, got a "
                         "scalar")
    if label_smoothing:
        num_classes = float(y_true.shape[axis])
        y_true = y_true * (1.0 - label_smoothing) + (label_smoothing / num_classes)
    if from_logits:
        return tf.nn.softmax_cross_entropy_with_logits(labels=y_true, logits=y_pred, axis=axis)
    probs = y_pred / tf.reduce_sum(y_pred, axis=axis, keepdims=True)
    probs = _clip(probs, EPSILON, 1.0 - EPSILON)
    return -tf.reduce_sum(y_true * tf.math.log(probs), axis=axis)


def sparse_categorical_crossentropy(y_true, y_pred, from_logits=False, ignore_class=None,
                                    axis=-1):
    y_pred = _float_pred(y_pred)
    y_true = _tensor(y_true)
    if len(y_true.shape) == len(y_pred.shape) and len(y_true.shape) and y_true.shape[-1] == 1:
        y_true = tf.squeeze(y_true, -1)
    rank = len(y_pred.shape)
    if rank < 1:
        raise ValueError("[sparse_categorical_crossentropy] `output` must be at least rank 1")
    if axis not in (-1, rank - 1):
        raise ValueError("[sparse_categorical_crossentropy] only axis=-1 is supported, got "
                         f"axis={axis}")
    if tuple(y_true.shape) != tuple(y_pred.shape[:-1]):
        raise ValueError(
            "[sparse_categorical_crossentropy] Argument `output` must have rank (ndim) "
            "`target.ndim + 1` and match it up to the last dimension. Received: "
            f"target.shape={tuple(y_true.shape)}, output.shape={tuple(y_pred.shape)}")
    if y_true.dtype not in (tf.int32, tf.int64):  # float, uint8, ... labels: Keras casts them
        y_true = tf.cast(y_true, tf.int64)
    valid = None
    if ignore_class is not None:
        valid = tf.not_equal(y_true, _scalar(ignore_class, y_true))
        y_true = y_true * tf.cast(valid, y_true.dtype)
    logits = y_pred
    if not from_logits:
        logits = tf.math.log(_clip(y_pred, EPSILON, 1.0 - EPSILON))
    if rank == 1:
        result = tf.nn.sparse_softmax_cross_entropy_with_logits(
            labels=tf.reshape(y_true, [1]), logits=tf.reshape(logits, [1, -1]))
        result = tf.reshape(result, [])
    else:
        result = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y_true, logits=logits)
    if valid is not None:
        result = result * tf.cast(valid, result.dtype)
    return result


def binary_crossentropy(y_true, y_pred, from_logits=False, label_smoothing=0.0, axis=-1):
    y_true, y_pred = _prepare(y_true, y_pred)
    _check_same_shape(y_true, y_pred, "binary_crossentropy")
    if label_smoothing:
        y_true = y_true * (1.0 - label_smoothing) + 0.5 * label_smoothing
    if from_logits:
        bce = tf.nn.sigmoid_cross_entropy_with_logits(labels=y_true, logits=y_pred)
    else:
        probs = _clip(y_pred, EPSILON, 1.0 - EPSILON)
        bce = -(y_true * tf.math.log(probs) + (1.0 - y_true) * tf.math.log(1.0 - probs))
    return tf.reduce_mean(bce, axis=axis)


def binary_focal_crossentropy(y_true, y_pred, apply_class_balancing=False, alpha=0.25,
                              gamma=2.0, from_logits=False, label_smoothing=0.0, axis=-1):
    """Binary cross-entropy scaled by (1 - p_t) ** gamma (and alpha balancing if asked)."""
    y_true, y_pred = _prepare(y_true, y_pred)
    _check_same_shape(y_true, y_pred, "binary_focal_crossentropy")
    if label_smoothing:
        y_true = y_true * (1.0 - label_smoothing) + 0.5 * label_smoothing
    if from_logits:
        y_pred = tf.math.sigmoid(y_pred)
    probs = _clip(y_pred, EPSILON, 1.0 - EPSILON)
    bce = -(y_true * tf.math.log(probs) + (1.0 - y_true) * tf.math.log(1.0 - probs))
    p_t = y_true * y_pred + (1.0 - y_true) * (1.0 - y_pred)
    focal = tf.math.pow(1.0 - p_t, gamma) * bce
    if apply_class_balancing:
        focal = (y_true * alpha + (1.0 - y_true) * (1.0 - alpha)) * focal
    return tf.reduce_mean(focal, axis=axis)


def categorical_focal_crossentropy(y_true, y_pred, alpha=0.25, gamma=2.0, from_logits=False,
                                   label_smoothing=0.0, axis=-1):
    """Categorical cross-entropy with each term scaled by alpha * (1 - p) ** gamma."""
    y_true, y_pred = _prepare(y_true, y_pred)
    _check_same_shape(y_true, y_pred, "categorical_focal_crossentropy")
    if label_smoothing:
        classes = float(y_true.shape[-1])
        y_true = y_true * (1.0 - label_smoothing) + label_smoothing / classes
    if from_logits:
        y_pred = tf.nn.softmax(y_pred, axis=axis)
    output = y_pred / tf.reduce_sum(y_pred, axis=axis, keepdims=True)
    output = _clip(output, EPSILON, 1.0 - EPSILON)
    cce = -y_true * tf.math.log(output)
    return tf.reduce_sum(alpha * tf.math.pow(1.0 - output, gamma) * cce, axis=axis)


def dice(y_true, y_pred, axis=None):
    """1 - 2 |y_true * y_pred| / (|y_true| + |y_pred|), summed over `axis` (all by default)."""
    y_pred = _float_pred(y_pred)
    y_true = _tensor(y_true, y_pred.dtype)
    intersection = tf.reduce_sum(y_true * y_pred, axis=axis)
    total = tf.reduce_sum(y_true, axis=axis) + tf.reduce_sum(y_pred, axis=axis)
    return 1.0 - 2.0 * intersection / (total + EPSILON)


def tversky(y_true, y_pred, alpha=0.5, beta=0.5, axis=None):
    """1 - tp / (tp + alpha fp + beta fn), the sums over `axis` (all by default)."""
    y_pred = _float_pred(y_pred)
    y_true = _tensor(y_true, y_pred.dtype)
    intersection = tf.reduce_sum(y_true * y_pred, axis=axis)
    false_pos = tf.reduce_sum((1.0 - y_pred) * y_true, axis=axis)
    false_neg = tf.reduce_sum(y_pred * (1.0 - y_true), axis=axis)
    return 1.0 - intersection / (intersection + false_pos * alpha + false_neg * beta + EPSILON)


def kl_divergence(y_true, y_pred):
    y_true, y_pred = _prepare(y_true, y_pred)
    y_true = _clip(y_true, EPSILON, 1.0)
    y_pred = _clip(y_pred, EPSILON, 1.0)
    return tf.reduce_sum(y_true * tf.math.log(y_true / y_pred), axis=-1)


def poisson(y_true, y_pred):
    y_true, y_pred = _prepare(y_true, y_pred)
    return tf.reduce_mean(y_pred - y_true * tf.math.log(y_pred + EPSILON), axis=-1)


def _hinge_labels(y_true):
    """Binary 0/1 labels become -1/1, as Keras does; other labels are used as they are."""
    is_binary = bool(np.asarray(tf.reduce_all(tf.logical_or(
        tf.equal(y_true, _scalar(0, y_true)), tf.equal(y_true, _scalar(1, y_true))))))
    return 2.0 * y_true - 1.0 if is_binary else y_true


def hinge(y_true, y_pred):
    y_true, y_pred = _prepare(y_true, y_pred)
    y_true = _hinge_labels(y_true)
    return tf.reduce_mean(tf.maximum(1.0 - y_true * y_pred, _scalar(0, y_pred)), axis=-1)


def squared_hinge(y_true, y_pred):
    y_true, y_pred = _prepare(y_true, y_pred)
    y_true = _hinge_labels(y_true)
    return tf.reduce_mean(
        tf.square(tf.maximum(1.0 - y_true * y_pred, _scalar(0, y_pred))), axis=-1)


def categorical_hinge(y_true, y_pred):
    y_true, y_pred = _prepare(y_true, y_pred)
    pos = tf.reduce_sum(y_true * y_pred, axis=-1)
    neg = tf.reduce_max((1.0 - y_true) * y_pred, axis=-1)
    return tf.maximum(neg - pos + 1.0, _scalar(0, y_pred))


def cosine_similarity(y_true, y_pred, axis=-1):
    """-sum(l2_normalize(y_true) * l2_normalize(y_pred)) along `axis` (the loss is negated)."""
    y_true, y_pred = _prepare(y_true, y_pred)
    y_true = tf.nn.l2_normalize(y_true, axis=axis)
    y_pred = tf.nn.l2_normalize(y_pred, axis=axis)
    return -tf.reduce_sum(y_true * y_pred, axis=axis)


# Keras' aliases
mse = MSE = mean_squared_error
mae = MAE = mean_absolute_error
mape = MAPE = mean_absolute_percentage_error
msle = MSLE = mean_squared_logarithmic_error
kld = KLD = kullback_leibler_divergence = kl_divergence
logcosh = log_cosh


# -- reduction -------------------------------------------------------------------------------
class Reduction:
    """TF-Keras 2's reduction names (Keras 3 takes the same strings)."""

    AUTO = "auto"
    NONE = "none"
    SUM = "sum"
    SUM_OVER_BATCH_SIZE = "sum_over_batch_size"

    @classmethod
    def all(cls):
        return (cls.AUTO, cls.NONE, cls.SUM, cls.SUM_OVER_BATCH_SIZE)

    @classmethod
    def validate(cls, key):
        return standardize_reduction(key)


_REDUCTIONS = ("sum_over_batch_size", "sum", None, "none", "mean", "mean_with_sample_weight")


def standardize_reduction(reduction):
    if reduction == "auto":
        return "sum_over_batch_size"
    if reduction not in _REDUCTIONS:
        raise ValueError(f"Invalid value for argument `reduction`. Expected one of "
                         f"{_REDUCTIONS}. Received: reduction={reduction}")
    return reduction


def reduce_values(values, sample_weight=None, reduction="sum_over_batch_size"):
    if reduction is None or reduction == "none" or len(values.shape) == 0 or \
            tuple(values.shape) == (0,):
        return values
    total = tf.reduce_sum(values)
    if reduction in ("sum_over_batch_size", "mean", "mean_with_sample_weight"):
        if reduction == "mean_with_sample_weight" and sample_weight is not None:
            divisor = tf.cast(tf.reduce_sum(sample_weight), total.dtype)
        else:
            divisor = tf.convert_to_tensor(float(np.prod(values.shape)), dtype=total.dtype)
        total = tf.math.divide_no_nan(total, divisor)
    return total


def apply_mask(sample_weight, mask, dtype, reduction):
    """Merges a Keras mask into the sample weights (Keras 3): with a mean reduction the valid
    entries weigh total/valid, so that the mean runs over the valid entries only."""
    if mask is None:
        return sample_weight
    if reduction in ("mean", "sum_over_batch_size"):
        total = tf.cast(tf.size(mask), dtype)
        valid = tf.reduce_sum(tf.cast(mask, dtype))
        float_mask = tf.where(tf.cast(mask, tf.bool), tf.math.divide_no_nan(total, valid),
                              tf.zeros((), dtype))
    else:
        float_mask = tf.cast(mask, dtype)
    if sample_weight is None:
        return float_mask
    float_mask, sample_weight = squeeze_or_expand_to_same_rank(float_mask,
                                                               _tensor(sample_weight, dtype))
    return sample_weight * float_mask


def reduce_weighted_values(values, sample_weight=None, reduction="sum_over_batch_size",
                           mask=None):
    reduction = standardize_reduction(reduction)
    values = _tensor(values)
    sample_weight = apply_mask(sample_weight, mask, values.dtype, reduction)
    if sample_weight is not None:
        sample_weight = _tensor(sample_weight, values.dtype)
        values, sample_weight = squeeze_or_expand_to_same_rank(values, sample_weight)
        values = values * sample_weight
    return reduce_values(values, sample_weight, reduction)


# -- Loss objects ----------------------------------------------------------------------------
class Loss:
    """Base class: subclasses implement `call(y_true, y_pred)` returning per-sample losses."""

    def __init__(self, name=None, reduction="sum_over_batch_size", dtype=None):
        self.name = name or to_snake_case(self.__class__.__name__)
        self.reduction = standardize_reduction(reduction)
        self._dtype = dtypes.as_dtype(dtype) if dtype is not None else None

    @property
    def dtype(self):
        return (self._dtype or tf.float32).name

    def __call__(self, y_true, y_pred, sample_weight=None):
        in_mask = keras_mask.get_keras_mask(y_pred) if isinstance(y_pred, Tensor) else None
        y_pred = _float_pred(y_pred, self._dtype)
        losses = self.call(y_true, y_pred)
        out_mask = keras_mask.get_keras_mask(losses) if isinstance(losses, Tensor) else None
        if in_mask is not None and out_mask is not None:
            mask = tf.logical_and(tf.cast(in_mask, tf.bool), tf.cast(out_mask, tf.bool))
        else:
            mask = in_mask if in_mask is not None else out_mask
        return reduce_weighted_values(losses, sample_weight, self.reduction, mask=mask)

    def call(self, y_true, y_pred):
        raise NotImplementedError

    def get_config(self):
        return {"name": self.name, "reduction": self.reduction}

    @classmethod
    def from_config(cls, config):
        return cls(**config)


class LossFunctionWrapper(Loss):
    """A Loss around a per-sample function `fn(y_true, y_pred, **kwargs)`."""

    def __init__(self, fn, reduction="sum_over_batch_size", name=None, dtype=None, **kwargs):
        super().__init__(name=name, reduction=reduction, dtype=dtype)
        self.fn = fn
        self._fn_kwargs = kwargs

    def call(self, y_true, y_pred):
        return self.fn(y_true, y_pred, **self._fn_kwargs)

    def get_config(self):
        config = super().get_config()
        config.update(self._fn_kwargs)
        return config


def _loss_class(class_name, fn, default_name, doc, **defaults):
    """Builds a LossFunctionWrapper subclass whose keyword arguments (and defaults) are those
    of Keras' class of that name."""
    def __init__(self, *args, reduction="sum_over_batch_size", name=default_name, dtype=None,
                 **kwargs):
        names = list(defaults)
        if len(args) > len(names):
            raise TypeError(f"{class_name}() takes at most {len(names)} positional arguments")
        options = dict(defaults)
        options.update(zip(names, args))
        for key, value in kwargs.items():
            if key not in defaults:
                raise TypeError(f"{class_name}() got an unexpected keyword argument {key!r}")
            options[key] = value
        LossFunctionWrapper.__init__(self, fn, reduction=reduction, name=name, dtype=dtype,
                                     **options)
    cls = type(class_name, (LossFunctionWrapper,), {"__init__": __init__, "__doc__": doc})
    cls.__module__ = __name__
    return cls


MeanSquaredError = _loss_class("MeanSquaredError", mean_squared_error, "mean_squared_error",
                               "mean(square(y_true - y_pred), axis=-1), reduced.")
MeanAbsoluteError = _loss_class("MeanAbsoluteError", mean_absolute_error,
                                "mean_absolute_error", "mean(abs(y_true - y_pred), axis=-1).")
MeanAbsolutePercentageError = _loss_class(
    "MeanAbsolutePercentageError", mean_absolute_percentage_error,
    "mean_absolute_percentage_error", "100 * mean(abs((y_true - y_pred) / y_true)).")
MeanSquaredLogarithmicError = _loss_class(
    "MeanSquaredLogarithmicError", mean_squared_logarithmic_error,
    "mean_squared_logarithmic_error", "mean(square(log(y_pred + 1) - log(y_true + 1))).")
Huber = _loss_class("Huber", huber, "huber_loss", "The Huber loss with threshold `delta`.",
                    delta=1.0)
LogCosh = _loss_class("LogCosh", log_cosh, "log_cosh", "mean(log(cosh(y_pred - y_true))).")
CategoricalCrossentropy = _loss_class(
    "CategoricalCrossentropy", categorical_crossentropy, "categorical_crossentropy",
    "Cross-entropy between one-hot (or soft) labels and probabilities or logits.",
    from_logits=False, label_smoothing=0.0, axis=-1)
SparseCategoricalCrossentropy = _loss_class(
    "SparseCategoricalCrossentropy", sparse_categorical_crossentropy,
    "sparse_categorical_crossentropy",
    "Cross-entropy between integer labels and probabilities or logits.",
    from_logits=False, ignore_class=None)
BinaryCrossentropy = _loss_class(
    "BinaryCrossentropy", binary_crossentropy, "binary_crossentropy",
    "Binary cross-entropy between 0/1 labels and probabilities or logits.",
    from_logits=False, label_smoothing=0.0, axis=-1)
BinaryFocalCrossentropy = _loss_class(
    "BinaryFocalCrossentropy", binary_focal_crossentropy, "binary_focal_crossentropy",
    "Binary cross-entropy down-weighting easy examples by (1 - p_t) ** gamma.",
    apply_class_balancing=False, alpha=0.25, gamma=2.0, from_logits=False,
    label_smoothing=0.0, axis=-1)
CategoricalFocalCrossentropy = _loss_class(
    "CategoricalFocalCrossentropy", categorical_focal_crossentropy,
    "categorical_focal_crossentropy",
    "Categorical cross-entropy down-weighting easy examples by alpha * (1 - p) ** gamma.",
    alpha=0.25, gamma=2.0, from_logits=False, label_smoothing=0.0, axis=-1)
Dice = _loss_class("Dice", dice, "dice", "The Dice loss, 1 - the Dice coefficient.", axis=None)
Tversky = _loss_class("Tversky", tversky, "tversky",
                      "The Tversky loss: Dice with false positives and negatives weighted.",
                      alpha=0.5, beta=0.5, axis=None)
KLDivergence = _loss_class("KLDivergence", kl_divergence, "kl_divergence",
                           "sum(y_true * log(y_true / y_pred), axis=-1).")
Poisson = _loss_class("Poisson", poisson, "poisson", "mean(y_pred - y_true * log(y_pred)).")
Hinge = _loss_class("Hinge", hinge, "hinge", "mean(maximum(1 - y_true * y_pred, 0)).")
SquaredHinge = _loss_class("SquaredHinge", squared_hinge, "squared_hinge",
                           "mean(square(maximum(1 - y_true * y_pred, 0))).")
CategoricalHinge = _loss_class("CategoricalHinge", categorical_hinge, "categorical_hinge",
                               "maximum(max((1 - y_true) * y_pred) - sum(y_true * y_pred) + 1, "
                               "0).")
CosineSimilarity = _loss_class("CosineSimilarity", cosine_similarity, "cosine_similarity",
                               "-sum(l2_normalize(y_true) * l2_normalize(y_pred)).", axis=-1)


# -- lookup ----------------------------------------------------------------------------------
_CLASSES = [MeanSquaredError, MeanAbsoluteError, MeanAbsolutePercentageError,
            MeanSquaredLogarithmicError, Huber, LogCosh, CategoricalCrossentropy,
            SparseCategoricalCrossentropy, BinaryCrossentropy, KLDivergence, Poisson, Hinge,
            SquaredHinge, CategoricalHinge, CosineSimilarity, BinaryFocalCrossentropy,
            CategoricalFocalCrossentropy, Dice, Tversky]
_FUNCTIONS = {
    "mean_squared_error": mean_squared_error, "mse": mse, "MSE": MSE,
    "mean_absolute_error": mean_absolute_error, "mae": mae, "MAE": MAE,
    "mean_absolute_percentage_error": mean_absolute_percentage_error, "mape": mape,
    "MAPE": MAPE, "mean_squared_logarithmic_error": mean_squared_logarithmic_error,
    "msle": msle, "MSLE": MSLE, "huber": huber, "log_cosh": log_cosh, "logcosh": logcosh,
    "categorical_crossentropy": categorical_crossentropy,
    "sparse_categorical_crossentropy": sparse_categorical_crossentropy,
    "binary_crossentropy": binary_crossentropy, "kl_divergence": kl_divergence, "kld": kld,
    "KLD": KLD, "kullback_leibler_divergence": kl_divergence, "poisson": poisson,
    "hinge": hinge, "squared_hinge": squared_hinge, "categorical_hinge": categorical_hinge,
    "cosine_similarity": cosine_similarity,
    "binary_focal_crossentropy": binary_focal_crossentropy,
    "categorical_focal_crossentropy": categorical_focal_crossentropy,
    "dice": dice, "tversky": tversky,
}
_ALL = dict(_FUNCTIONS)
_ALL.update({cls.__name__: cls for cls in _CLASSES})
_ALL["Loss"] = Loss


def serialize(loss):
    return _registry.serialize(loss, Loss, _FUNCTIONS, "keras.losses", "loss")


def deserialize(name, custom_objects=None):
    return _registry.deserialize(name, _ALL, custom_objects, "loss")


def get(identifier):
    """A loss from a name ('mse', 'categorical_crossentropy', 'CategoricalCrossentropy'), a
    config dict, a Loss instance or a callable. Class names give an instance."""
    if identifier is None:
        return None
    if isinstance(identifier, dict):
        obj = deserialize(identifier)
    elif isinstance(identifier, str):
        obj = _ALL.get(identifier)
        if obj is None:
            raise ValueError(f"Could not interpret loss identifier: {identifier!r} (unknown "
                             "loss)")
    else:
        obj = identifier
    if isinstance(obj, type):
        obj = obj()
    if callable(obj):
        return obj
    raise ValueError(f"Could not interpret loss identifier: {identifier!r}")


__all__ = ["Loss", "LossFunctionWrapper", "Reduction", "get", "serialize", "deserialize"] + \
    [cls.__name__ for cls in _CLASSES] + sorted(_FUNCTIONS)
