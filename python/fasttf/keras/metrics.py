"""`tf.keras.metrics`: stateful metrics (update_state / result / reset_state) and the
per-sample accuracy functions.

Semantics follow Keras 3 (keras/src/metrics/): state lives in non-trainable float32 Variables,
`result()` is a float32 scalar tensor, `reset_states()` (Keras 2) equals `reset_state()`.
Confusion-matrix metrics (Precision, Recall, AUC) bucket the predictions against their sorted
thresholds with one vectorised pass (searchsorted + bincount), not one comparison per threshold.
"""

import numpy as np

import fasttf as tf

from . import _registry
from .backend import to_snake_case
from ..framework import dtypes, keras_mask
from ..framework.tensor import Tensor
from ..framework.variables import Variable
from . import losses as _losses
from .losses import squeeze_or_expand_to_same_rank

EPSILON = 1e-7


def _tensor(x, dtype=None):
    if not isinstance(x, Tensor):
        x = tf.convert_to_tensor(x)
    return x if dtype is None or x.dtype == dtype else tf.cast(x, dtype)


# -- accuracy functions (per-sample values) --------------------------------------------------
def accuracy(y_true, y_pred):
    y_pred = _tensor(y_pred)
    y_true = _tensor(y_true, y_pred.dtype)
    y_true, y_pred = squeeze_or_expand_to_same_rank(y_true, y_pred)
    return tf.cast(tf.equal(y_true, y_pred), tf.float32)


def binary_accuracy(y_true, y_pred, threshold=0.5):
    y_pred = _tensor(y_pred)
    y_true = _tensor(y_true)
    y_true, y_pred = squeeze_or_expand_to_same_rank(y_true, y_pred)
    threshold = tf.convert_to_tensor(threshold, dtype=y_pred.dtype)
    predicted = tf.cast(tf.greater(y_pred, threshold), y_true.dtype)
    return tf.cast(tf.equal(y_true, predicted), tf.float32)


def _sparse_matches(y_true, y_pred):
    """1.0 where argmax(y_pred, -1) equals the integer label y_true, as Keras 3."""
    y_pred = _tensor(y_pred)
    y_true = _tensor(y_true)
    original_shape = list(y_true.shape)
    reshape = False
    if len(y_true.shape) == len(y_pred.shape) and len(y_true.shape) and y_true.shape[-1] == 1:
        y_true = tf.squeeze(y_true, -1)
        reshape = True
    predicted = tf.argmax(y_pred, axis=-1)
    if predicted.dtype != y_true.dtype:
        predicted = tf.cast(predicted, y_true.dtype)
    matches = tf.cast(tf.equal(y_true, predicted), tf.float32)
    if reshape:
        matches = tf.reshape(matches, original_shape)
    if len(matches.shape) > 1 and matches.shape[-1] == 1:
        matches = tf.squeeze(matches, -1)
    return matches


def sparse_categorical_accuracy(y_true, y_pred):
    return _sparse_matches(y_true, y_pred)


def categorical_accuracy(y_true, y_pred):
    return _sparse_matches(tf.argmax(_tensor(y_true), axis=-1), y_pred)


def _in_top_k(targets, predictions, k):
    """True where the target's score is among the k largest of its row (ties count in its
    favour, as tf.math.in_top_k); a non-finite target score is never in the top k."""
    predictions = _tensor(predictions)
    if not predictions.dtype.is_floating:
        predictions = tf.cast(predictions, tf.float32)
    targets = tf.cast(_tensor(targets), tf.int64)
    num_classes = predictions.shape[-1]
    classes = tf.range(num_classes, dtype=tf.int64)
    is_target = tf.equal(tf.expand_dims(targets, -1), classes)
    lowest = tf.fill(list(predictions.shape), float("-inf"))
    lowest = tf.cast(lowest, predictions.dtype)
    target_score = tf.reduce_max(tf.where(is_target, predictions, lowest), axis=-1,
                                 keepdims=True)
    above = tf.reduce_sum(tf.cast(tf.greater(predictions, target_score), tf.int32), axis=-1)
    finite = tf.math.is_finite(tf.squeeze(target_score, -1))
    return tf.logical_and(tf.less(above, k), finite)


def sparse_top_k_categorical_accuracy(y_true, y_pred, k=5):
    y_pred = _tensor(y_pred)
    y_true = _tensor(y_true)
    if len(y_true.shape) == len(y_pred.shape) and y_true.shape[-1] == 1:
        y_true = tf.squeeze(y_true, -1)
    return tf.cast(_in_top_k(y_true, y_pred, k), tf.float32)


def top_k_categorical_accuracy(y_true, y_pred, k=5):
    return tf.cast(_in_top_k(tf.argmax(_tensor(y_true), axis=-1), y_pred, k), tf.float32)


# -- base classes ----------------------------------------------------------------------------
class Metric:
    """Base class: subclasses create state with `add_variable` and implement
    `update_state(...)` and `result()`."""

    # Keras 3 gives the metrics whose `name` defaults to None a unique name ('auc', 'auc_1':
    # a second model's History says 'precision_1'); the others keep theirs ('mean', 'mean').
    _unique_default_name = False

    def __init__(self, name=None, dtype=None):
        if name is None and self._unique_default_name:
            from .backend import unique_object_name
            name = unique_object_name(to_snake_case(self.__class__.__name__))
        self.name = name or to_snake_case(self.__class__.__name__)
        self._dtype = dtypes.as_dtype(dtype) if dtype is not None else tf.float32
        self._variables = []

    @property
    def dtype(self):
        return self._dtype.name

    @property
    def variables(self):
        return list(self._variables)

    weights = variables

    def add_variable(self, shape=(), initializer="zeros", dtype=None, aggregation="sum",
                     name=None):
        dtype = dtypes.as_dtype(dtype) if dtype is not None else self._dtype
        value = np.zeros(tuple(shape), dtype=np.dtype(dtype.name))
        if initializer == "ones":
            value = value + 1
        variable = Variable(value, trainable=False, name=name or "metric_variable")
        variable._metric_initial_value = value
        self._variables.append(variable)
        return variable

    def add_weight(self, name=None, shape=(), initializer="zeros", dtype=None,
                   aggregation="sum", **kwargs):
        return self.add_variable(shape, initializer, dtype, aggregation, name)

    def update_state(self, *args, **kwargs):
        raise NotImplementedError

    def result(self):
        raise NotImplementedError

    def reset_state(self):
        for variable in self._variables:
            variable.assign(variable._metric_initial_value)

    def reset_states(self):  # Keras 2 name, used by the course notes
        self.reset_state()

    def __call__(self, *args, **kwargs):
        self.update_state(*args, **kwargs)
        return self.result()

    def get_config(self):
        return {"name": self.name, "dtype": self.dtype}

    @classmethod
    def from_config(cls, config):
        return cls(**config)

    def __repr__(self):
        return f"<{self.__class__.__name__} name={self.name}>"


def reduce_to_samplewise_values(values, sample_weight, reduce_fn, dtype):
    """Keras 3's reduction of metric values (and weights) to one value per sample."""
    values = _tensor(values, dtype)
    if sample_weight is not None:
        sample_weight = _tensor(sample_weight, dtype)
        values, sample_weight = squeeze_or_expand_to_same_rank(values, sample_weight)
        weight_ndim, values_ndim = len(sample_weight.shape), len(values.shape)
        if values_ndim > weight_ndim:
            values = reduce_fn(values, axis=list(range(weight_ndim, values_ndim)))
        sample_weight = tf.broadcast_to(sample_weight, list(values.shape))
        values = values * sample_weight
        if weight_ndim > 1:
            sample_weight = reduce_fn(sample_weight, axis=list(range(1, weight_ndim)))
    if len(values.shape) > 1:
        values = reduce_fn(values, axis=list(range(1, len(values.shape))))
    return values, sample_weight


class Sum(Metric):
    """The (weighted) sum of the values seen."""

    def __init__(self, name="sum", dtype=None):
        super().__init__(name=name, dtype=dtype)
        self.total = self.add_variable(name="total")

    def update_state(self, values, sample_weight=None):
        values, _ = reduce_to_samplewise_values(values, sample_weight, tf.reduce_sum,
                                                self._dtype)
        self.total.assign_add(tf.reduce_sum(values))

    def result(self):
        return tf.identity(self.total)


class Mean(Metric):
    """The (weighted) mean of the values seen: total / count."""

    def __init__(self, name="mean", dtype=None):
        super().__init__(name=name, dtype=dtype)
        self.total = self.add_variable(name="total")
        self.count = self.add_variable(name="count")

    def update_state(self, values, sample_weight=None):
        values, sample_weight = reduce_to_samplewise_values(values, sample_weight,
                                                            tf.reduce_mean, self._dtype)
        self.total.assign_add(tf.reduce_sum(values))
        if sample_weight is not None:
            self.count.assign_add(tf.reduce_sum(sample_weight))
        else:
            count = values.shape[0] if len(values.shape) >= 1 else 1
            self.count.assign_add(tf.convert_to_tensor(float(count), dtype=self._dtype))

    def result(self):
        return tf.math.divide_no_nan(self.total, self.count)


class MeanMetricWrapper(Mean):
    """Mean of `fn(y_true, y_pred, **kwargs)` over the samples seen."""

    def __init__(self, fn, name=None, dtype=None, **kwargs):
        super().__init__(name=name or getattr(fn, "__name__", None), dtype=dtype)
        self._fn = fn
        self._fn_kwargs = kwargs

    def update_state(self, y_true, y_pred, sample_weight=None):
        mask = keras_mask.get_keras_mask(y_pred) if isinstance(y_pred, Tensor) else None
        values = self._fn(y_true, y_pred, **self._fn_kwargs)
        sample_weight = _losses.apply_mask(sample_weight, mask, self._dtype, "sum")
        return super().update_state(values, sample_weight=sample_weight)

    def get_config(self):
        config = super().get_config()
        config.update(self._fn_kwargs)
        return config


def _wrapper_class(class_name, fn, default_name, doc, **defaults):
    """A MeanMetricWrapper subclass with Keras' keyword arguments and defaults."""
    def __init__(self, *args, name=default_name, dtype=None, **kwargs):
        names = list(defaults)
        options = dict(defaults)
        options.update(zip(names, args))
        for key, value in kwargs.items():
            if key not in defaults:
                raise TypeError(f"{class_name}() got an unexpected keyword argument {key!r}")
            options[key] = value
        MeanMetricWrapper.__init__(self, fn, name=name, dtype=dtype, **options)
    cls = type(class_name, (MeanMetricWrapper,), {"__init__": __init__, "__doc__": doc})
    cls.__module__ = __name__
    return cls


def _positive_cosine(y_true, y_pred, axis=-1):
    return -_losses.cosine_similarity(y_true, y_pred, axis=axis)


Accuracy = _wrapper_class("Accuracy", accuracy, "accuracy",
                          "How often predictions equal labels.")
BinaryAccuracy = _wrapper_class("BinaryAccuracy", binary_accuracy, "binary_accuracy",
                                "How often (y_pred > threshold) equals the 0/1 labels.",
                                threshold=0.5)
CategoricalAccuracy = _wrapper_class("CategoricalAccuracy", categorical_accuracy,
                                     "categorical_accuracy",
                                     "How often argmax(y_pred) equals argmax(y_true).")
SparseCategoricalAccuracy = _wrapper_class(
    "SparseCategoricalAccuracy", sparse_categorical_accuracy, "sparse_categorical_accuracy",
    "How often argmax(y_pred) equals the integer label.")
TopKCategoricalAccuracy = _wrapper_class(
    "TopKCategoricalAccuracy", top_k_categorical_accuracy, "top_k_categorical_accuracy",
    "How often argmax(y_true) is among the k largest predictions.", k=5)
SparseTopKCategoricalAccuracy = _wrapper_class(
    "SparseTopKCategoricalAccuracy", sparse_top_k_categorical_accuracy,
    "sparse_top_k_categorical_accuracy",
    "How often the integer label is among the k largest predictions.", k=5)
MeanSquaredError = _wrapper_class("MeanSquaredError", _losses.mean_squared_error,
                                  "mean_squared_error", "Mean of the squared errors.")
MeanAbsoluteError = _wrapper_class("MeanAbsoluteError", _losses.mean_absolute_error,
                                   "mean_absolute_error", "Mean of the absolute errors.")
MeanAbsolutePercentageError = _wrapper_class(
    "MeanAbsolutePercentageError", _losses.mean_absolute_percentage_error,
    "mean_absolute_percentage_error", "Mean absolute percentage error.")
MeanSquaredLogarithmicError = _wrapper_class(
    "MeanSquaredLogarithmicError", _losses.mean_squared_logarithmic_error,
    "mean_squared_logarithmic_error", "Mean squared logarithmic error.")
LogCoshError = _wrapper_class("LogCoshError", _losses.log_cosh, "logcosh",
                              "Mean of log(cosh(error)).")
BinaryCrossentropy = _wrapper_class(
    "BinaryCrossentropy", _losses.binary_crossentropy, "binary_crossentropy",
    "Mean binary cross-entropy.", from_logits=False, label_smoothing=0.0)
CategoricalCrossentropy = _wrapper_class(
    "CategoricalCrossentropy", _losses.categorical_crossentropy, "categorical_crossentropy",
    "Mean categorical cross-entropy.", from_logits=False, label_smoothing=0.0, axis=-1)
SparseCategoricalCrossentropy = _wrapper_class(
    "SparseCategoricalCrossentropy", _losses.sparse_categorical_crossentropy,
    "sparse_categorical_crossentropy", "Mean sparse categorical cross-entropy.",
    from_logits=False, axis=-1)
KLDivergence = _wrapper_class("KLDivergence", _losses.kl_divergence, "kl_divergence",
                              "Mean KL divergence.")
Poisson = _wrapper_class("Poisson", _losses.poisson, "poisson", "Mean Poisson loss.")
Hinge = _wrapper_class("Hinge", _losses.hinge, "hinge", "Mean hinge loss.")
SquaredHinge = _wrapper_class("SquaredHinge", _losses.squared_hinge, "squared_hinge",
                              "Mean squared hinge loss.")
CategoricalHinge = _wrapper_class("CategoricalHinge", _losses.categorical_hinge,
                                  "categorical_hinge", "Mean categorical hinge loss.")
CosineSimilarity = _wrapper_class("CosineSimilarity", _positive_cosine, "cosine_similarity",
                                  "Mean cosine similarity between labels and predictions.",
                                  axis=-1)


class RootMeanSquaredError(Mean):
    """sqrt(mean((y_pred - y_true)²))."""

    def __init__(self, name="root_mean_squared_error", dtype=None):
        super().__init__(name=name, dtype=dtype)

    def update_state(self, y_true, y_pred, sample_weight=None):
        y_pred = _tensor(y_pred, self._dtype)
        y_true = _tensor(y_true, self._dtype)
        y_true, y_pred = squeeze_or_expand_to_same_rank(y_true, y_pred)
        return super().update_state(tf.square(y_pred - y_true), sample_weight=sample_weight)

    def result(self):
        return tf.sqrt(tf.math.divide_no_nan(self.total, self.count))


# -- confusion-matrix metrics ----------------------------------------------------------------
def _numpy_ranks(y_true, y_pred):
    if y_true.ndim == y_pred.ndim + 1 and y_true.shape[-1] == 1:
        y_true = y_true[..., 0]
    elif y_pred.ndim == y_true.ndim + 1 and y_pred.shape[-1] == 1:
        y_pred = y_pred[..., 0]
    return y_true, y_pred


def _confusion_counts(y_true, y_pred, thresholds, sample_weight=None, top_k=None,
                      class_id=None):
    """(tp, fp, tn, fn) per threshold (a prediction is positive when y_pred > threshold),
    weighted, counting every element of the (possibly multi-label) predictions."""
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred, dtype=np.float64)
    y_true, y_pred = _numpy_ranks(y_true, y_pred)
    if y_true.shape != y_pred.shape:
        raise ValueError(f"Shapes {y_true.shape} (y_true) and {y_pred.shape} (y_pred) are "
                         "incompatible")
    if top_k is not None:
        if y_pred.ndim == 0 or y_pred.shape[-1] < 1:
            raise ValueError("top_k needs predictions with a class axis")
        k = min(int(top_k), y_pred.shape[-1])
        kth = -np.sort(-y_pred, axis=-1)[..., k - 1:k]
        y_pred = np.where(y_pred >= kth, y_pred, -np.inf)
    if class_id is not None:
        y_true = y_true[..., class_id]
        y_pred = y_pred[..., class_id]
    weights = np.ones(y_pred.shape) if sample_weight is None else np.broadcast_to(
        _expand_weight(np.asarray(sample_weight, dtype=np.float64), y_pred.ndim),
        y_pred.shape)
    positive = y_true.astype(bool).ravel()
    preds = y_pred.ravel()
    weights = weights.ravel()
    thresholds = np.asarray(thresholds, dtype=np.float64)
    order = np.argsort(thresholds, kind="stable")
    sorted_thresholds = thresholds[order]
    # bucket[i] = number of thresholds strictly below the prediction: it is "positive" at
    # exactly the thresholds with index < bucket[i]. NaN is positive at no threshold.
    bucket = np.searchsorted(sorted_thresholds, preds, side="left")
    bucket[np.isnan(preds)] = 0
    n = len(thresholds)

    def above(w):
        hist = np.bincount(bucket, weights=w, minlength=n + 1)
        return np.cumsum(hist[::-1])[::-1][1:]  # sum of hist[j+1:] for each threshold j

    pos_w = weights * positive
    neg_w = weights * ~positive
    tp_sorted, fp_sorted = above(pos_w), above(neg_w)
    tp, fp = np.empty(n), np.empty(n)
    tp[order], fp[order] = tp_sorted, fp_sorted
    fn = pos_w.sum() - tp
    tn = neg_w.sum() - fp
    return tp, fp, tn, fn


def _expand_weight(weight, ndim):
    while weight.ndim < ndim:
        weight = weight[..., None]
    return weight


class _ConfusionMetric(Metric):
    _counts = ()  # which of "tp", "fp", "tn", "fn" this metric keeps

    def __init__(self, thresholds, top_k=None, class_id=None, name=None, dtype=None):
        super().__init__(name=name, dtype=dtype)
        self.init_thresholds = thresholds
        self.top_k = top_k
        self.class_id = class_id
        default = 0.5 if top_k is None else -1e30  # with top_k, every kept value counts
        if thresholds is None:
            values, self._single = [default], True
        elif np.ndim(thresholds) == 0:
            values, self._single = [float(thresholds)], True
        else:
            values, self._single = [float(t) for t in thresholds], False
        for t in values:
            if not (top_k is not None and thresholds is None) and not 0 <= t <= 1:
                raise ValueError(f"Threshold values must be in [0, 1]. Received: {t}")
        self.thresholds = values
        names = {"tp": "true_positives", "fp": "false_positives", "tn": "true_negatives",
                 "fn": "false_negatives"}
        for key in self._counts:
            setattr(self, names[key], self.add_variable((len(values),), name=names[key]))

    def update_state(self, y_true, y_pred, sample_weight=None):
        tp, fp, tn, fn = _confusion_counts(y_true, y_pred, self.thresholds, sample_weight,
                                           self.top_k, self.class_id)
        counts = {"tp": tp, "fp": fp, "tn": tn, "fn": fn}
        names = {"tp": "true_positives", "fp": "false_positives", "tn": "true_negatives",
                 "fn": "false_negatives"}
        for key in self._counts:
            getattr(self, names[key]).assign_add(counts[key].astype(np.float32))

    def _finish(self, value):
        return value[0] if self._single else value

    def get_config(self):
        config = super().get_config()
        config.update({"thresholds": self.init_thresholds, "top_k": self.top_k,
                       "class_id": self.class_id})
        return config


class Precision(_ConfusionMetric):
    """tp / (tp + fp) at each threshold (a scalar for a single threshold)."""

    _counts = ("tp", "fp")

    _unique_default_name = True

    def __init__(self, thresholds=None, top_k=None, class_id=None, name=None, dtype=None):
        super().__init__(thresholds, top_k, class_id, name, dtype)

    def result(self):
        return self._finish(tf.math.divide_no_nan(
            self.true_positives, self.true_positives + self.false_positives))


class Recall(_ConfusionMetric):
    """tp / (tp + fn) at each threshold (a scalar for a single threshold)."""

    _counts = ("tp", "fn")

    _unique_default_name = True

    def __init__(self, thresholds=None, top_k=None, class_id=None, name=None, dtype=None):
        super().__init__(thresholds, top_k, class_id, name, dtype)

    def result(self):
        return self._finish(tf.math.divide_no_nan(
            self.true_positives, self.true_positives + self.false_negatives))


class _ThresholdCount(_ConfusionMetric):
    _unique_default_name = True

    def __init__(self, thresholds=None, name=None, dtype=None):
        super().__init__(thresholds, None, None, name, dtype)

    def result(self):
        return self._finish(tf.identity(self._variables[0]))


class TruePositives(_ThresholdCount):
    _counts = ("tp",)


class FalsePositives(_ThresholdCount):
    _counts = ("fp",)


class TrueNegatives(_ThresholdCount):
    _counts = ("tn",)


class FalseNegatives(_ThresholdCount):
    _counts = ("fn",)


def _divide_no_nan(a, b):
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(b == 0, 0.0, a / np.where(b == 0, 1.0, b))


class AUC(Metric):
    """Area under the ROC or PR curve, from confusion counts at `num_thresholds` evenly spaced
    thresholds (Riemann sum with 'interpolation', 'minoring' or 'majoring')."""

    _unique_default_name = True

    def __init__(self, num_thresholds=200, curve="ROC", summation_method="interpolation",
                 name=None, dtype=None, thresholds=None, multi_label=False, num_labels=None,
                 label_weights=None, from_logits=False):
        super().__init__(name=name, dtype=dtype)
        curve = str(curve).upper()
        if curve not in ("ROC", "PR"):
            raise ValueError(f'Invalid curve: "{curve}". Valid options are: "ROC", "PR"')
        summation_method = str(summation_method).lower()
        if summation_method not in ("interpolation", "minoring", "majoring"):
            raise ValueError(f'Invalid summation method: "{summation_method}". Valid options '
                             'are: "interpolation", "minoring", "majoring"')
        if multi_label or label_weights is not None:
            raise NotImplementedError("AUC(multi_label=True) / label_weights are not supported")
        self.curve = curve
        self.summation_method = summation_method
        self.multi_label = multi_label
        self._from_logits = from_logits
        if thresholds is not None:
            inner = sorted(float(t) for t in thresholds)
            self.num_thresholds = len(inner) + 2
        else:
            if num_thresholds <= 1:
                raise ValueError("Argument `num_thresholds` must be an integer > 1. Received: "
                                 f"num_thresholds={num_thresholds}")
            self.num_thresholds = int(num_thresholds)
            inner = [(i + 1) * 1.0 / (self.num_thresholds - 1)
                     for i in range(self.num_thresholds - 2)]
        self.thresholds = [0.0 - EPSILON] + inner + [1.0 + EPSILON]
        shape = (self.num_thresholds,)
        self.true_positives = self.add_variable(shape, name="true_positives")
        self.false_positives = self.add_variable(shape, name="false_positives")
        self.true_negatives = self.add_variable(shape, name="true_negatives")
        self.false_negatives = self.add_variable(shape, name="false_negatives")

    def update_state(self, y_true, y_pred, sample_weight=None):
        if self._from_logits:
            y_pred = tf.sigmoid(_tensor(y_pred))
        tp, fp, tn, fn = _confusion_counts(y_true, y_pred, self.thresholds, sample_weight)
        for variable, value in ((self.true_positives, tp), (self.false_positives, fp),
                                (self.true_negatives, tn), (self.false_negatives, fn)):
            variable.assign_add(value.astype(np.float32))

    def _interpolate_pr_auc(self, tp, fp, fn):
        n = self.num_thresholds
        dtp = tp[:n - 1] - tp[1:]
        p = tp + fp
        dp = p[:n - 1] - p[1:]
        prec_slope = _divide_no_nan(dtp, np.maximum(dp, 0))
        intercept = tp[1:] - prec_slope * p[1:]
        both_positive = (p[:n - 1] > 0) & (p[1:] > 0)
        safe_p_ratio = np.where(both_positive,
                                _divide_no_nan(p[:n - 1], np.maximum(p[1:], 0)), 1.0)
        with np.errstate(divide="ignore", invalid="ignore"):
            log_ratio = np.log(np.where(safe_p_ratio > 0, safe_p_ratio, 1.0))
        increments = _divide_no_nan(prec_slope * (dtp + intercept * log_ratio),
                                    np.maximum(tp[1:] + fn[1:], 0))
        return float(np.sum(increments))

    def result(self):
        tp = self.true_positives.numpy().astype(np.float64)
        fp = self.false_positives.numpy().astype(np.float64)
        tn = self.true_negatives.numpy().astype(np.float64)
        fn = self.false_negatives.numpy().astype(np.float64)
        if self.curve == "PR" and self.summation_method == "interpolation":
            return tf.constant(np.float32(self._interpolate_pr_auc(tp, fp, fn)))
        recall = _divide_no_nan(tp, tp + fn)
        if self.curve == "ROC":
            x, y = _divide_no_nan(fp, fp + tn), recall
        else:
            x, y = recall, _divide_no_nan(tp, tp + fp)
        if self.summation_method == "interpolation":
            heights = (y[:-1] + y[1:]) / 2.0
        elif self.summation_method == "minoring":
            heights = np.minimum(y[:-1], y[1:])
        else:
            heights = np.maximum(y[:-1], y[1:])
        return tf.constant(np.float32(np.sum((x[:-1] - x[1:]) * heights)))

    def get_config(self):
        config = super().get_config()
        config.update({"num_thresholds": self.num_thresholds, "curve": self.curve,
                       "summation_method": self.summation_method,
                       "thresholds": self.thresholds[1:-1], "from_logits": self._from_logits})
        return config


# -- lookup ----------------------------------------------------------------------------------
_CLASSES = [Mean, Sum, Accuracy, BinaryAccuracy, CategoricalAccuracy, SparseCategoricalAccuracy,
            TopKCategoricalAccuracy, SparseTopKCategoricalAccuracy, MeanSquaredError,
            MeanAbsoluteError, MeanAbsolutePercentageError, MeanSquaredLogarithmicError,
            RootMeanSquaredError, LogCoshError, BinaryCrossentropy, CategoricalCrossentropy,
            SparseCategoricalCrossentropy, KLDivergence, Poisson, Hinge, SquaredHinge,
            CategoricalHinge, CosineSimilarity, Precision, Recall, AUC, TruePositives,
            FalsePositives, TrueNegatives, FalseNegatives]
_FUNCTIONS = {
    "accuracy": accuracy, "acc": accuracy, "binary_accuracy": binary_accuracy,
    "categorical_accuracy": categorical_accuracy,
    "sparse_categorical_accuracy": sparse_categorical_accuracy,
    "top_k_categorical_accuracy": top_k_categorical_accuracy,
    "sparse_top_k_categorical_accuracy": sparse_top_k_categorical_accuracy,
    "mean_squared_error": _losses.mean_squared_error, "mse": _losses.mean_squared_error,
    "MSE": _losses.mean_squared_error, "mean_absolute_error": _losses.mean_absolute_error,
    "mae": _losses.mean_absolute_error, "MAE": _losses.mean_absolute_error,
    "mean_absolute_percentage_error": _losses.mean_absolute_percentage_error,
    "mape": _losses.mean_absolute_percentage_error,
    "mean_squared_logarithmic_error": _losses.mean_squared_logarithmic_error,
    "msle": _losses.mean_squared_logarithmic_error,
    "binary_crossentropy": _losses.binary_crossentropy,
    "categorical_crossentropy": _losses.categorical_crossentropy,
    "sparse_categorical_crossentropy": _losses.sparse_categorical_crossentropy,
    "kl_divergence": _losses.kl_divergence, "kld": _losses.kl_divergence,
    "poisson": _losses.poisson, "hinge": _losses.hinge, "squared_hinge": _losses.squared_hinge,
    "categorical_hinge": _losses.categorical_hinge, "log_cosh": _losses.log_cosh,
    "logcosh": _losses.log_cosh,
}
_ALL = dict(_FUNCTIONS)
_ALL.update({cls.__name__: cls for cls in _CLASSES})
# Keras 2 exposed the loss-style functions under these names too.
mse = MSE = mean_squared_error = _losses.mean_squared_error
mae = MAE = mean_absolute_error = _losses.mean_absolute_error
mape = MAPE = mean_absolute_percentage_error = _losses.mean_absolute_percentage_error
msle = MSLE = mean_squared_logarithmic_error = _losses.mean_squared_logarithmic_error
binary_crossentropy = _losses.binary_crossentropy
categorical_crossentropy = _losses.categorical_crossentropy
sparse_categorical_crossentropy = _losses.sparse_categorical_crossentropy
kld = KLD = kl_divergence = _losses.kl_divergence
poisson = _losses.poisson
hinge = _losses.hinge
squared_hinge = _losses.squared_hinge
categorical_hinge = _losses.categorical_hinge


def serialize(metric):
    return _registry.serialize(metric, Metric, _FUNCTIONS, "keras.metrics", "metric")


def deserialize(config, custom_objects=None):
    return _registry.deserialize(config, _ALL, custom_objects, "metric")


_ALIASES = {"acc": "Accuracy", "mse": "MeanSquaredError", "MSE": "MeanSquaredError",
            "mae": "MeanAbsoluteError", "MAE": "MeanAbsoluteError",
            "mape": "MeanAbsolutePercentageError", "MAPE": "MeanAbsolutePercentageError",
            "msle": "MeanSquaredLogarithmicError", "MSLE": "MeanSquaredLogarithmicError",
            "kld": "KLDivergence", "KLD": "KLDivergence", "kl_divergence": "KLDivergence",
            "logcosh": "LogCoshError", "log_cosh": "LogCoshError"}


def _class_for_name(name):
    """Keras 3 resolves a metric function's name to its class ('mae' -> MeanAbsoluteError(),
    'accuracy' -> Accuracy()), so get() of a name always gives a Metric object."""
    target = _ALIASES.get(name) or "".join(part.capitalize() for part in name.split("_"))
    for cls in _CLASSES:
        if cls.__name__.lower() == target.lower():
            return cls
    return None


def get(identifier):
    """A metric from a name ('accuracy', 'AUC', 'mse'), a config dict, a Metric or a callable.
    Class names give an instance, function names the function."""
    if identifier is None:
        return None
    if isinstance(identifier, dict):
        obj = deserialize(identifier)
    elif isinstance(identifier, str):
        obj = _class_for_name(identifier) or _ALL.get(identifier)
        if obj is None:
            raise ValueError(f"Could not interpret metric identifier: {identifier!r} (unknown "
                             "metric)")
    else:
        obj = identifier
    if isinstance(obj, type):
        obj = obj()
    if callable(obj):
        return obj
    raise ValueError(f"Could not interpret metric identifier: {identifier!r}")


from .metrics_iou import IoU, MeanIoU  # noqa: E402 - they build on Metric above
from .metrics_scores import F1Score, FBetaScore, R2Score  # noqa: E402

_CLASSES += [IoU, MeanIoU, F1Score, FBetaScore, R2Score]
_ALL.update({cls.__name__: cls for cls in (IoU, MeanIoU, F1Score, FBetaScore, R2Score)})
