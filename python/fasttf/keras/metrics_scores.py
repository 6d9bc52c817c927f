"""keras.metrics FBetaScore / F1Score and R2Score, as Keras 3 computes them (float32 state
created on the first update, when the number of classes is known)."""

import warnings

import numpy as np

from ..framework.constant_op import constant
from .metrics import Metric

_EPSILON = np.float32(1e-7)


def _as_2d(x, name, what):
    array = np.asarray(x.numpy() if hasattr(x, "numpy") else x, dtype=np.float32)
    if array.ndim != 2:
        raise ValueError(f"{name} expects 2D inputs with shape (batch_size, output_dim). "
                         f"Received input shapes: {what}.shape={array.shape}")
    return array


class FBetaScore(Metric):
    """F-beta of predictions thresholded at `threshold` (or the row's maximum), per class or
    averaged ('micro', 'macro', 'weighted')."""

    def __init__(self, average=None, beta=1.0, threshold=None, name="fbeta_score",
                 dtype=None):
        super().__init__(name=name, dtype=dtype)
        if average not in (None, "micro", "macro", "weighted"):
            raise ValueError("Invalid `average` argument value. Expected one of: {None, "
                             f"'micro', 'macro', 'weighted'}}. Received: average={average}")
        if not isinstance(beta, float) or beta <= 0.0:
            raise ValueError("Invalid `beta` argument value. It should be a Python float > 0. "
                             f"Received: beta={beta}")
        if threshold is not None and (not isinstance(threshold, float) or
                                      not 0.0 < threshold <= 1.0):
            raise ValueError("Invalid `threshold` argument value. It should be a Python float "
                             f"with 0 < threshold <= 1. Received: threshold={threshold}")
        self.average, self.beta, self.threshold = average, beta, threshold
        self.axis = None if average == "micro" else 0
        self._counts = None

    def _build(self, classes):
        shape = () if self.average == "micro" else (classes,)
        self._counts = {name: self.add_variable(shape, name=name) for name in (
            "true_positives", "false_positives", "false_negatives", "intermediate_weights")}

    def update_state(self, y_true, y_pred, sample_weight=None):
        y_true = _as_2d(y_true, "FBetaScore", "y_true")
        y_pred = _as_2d(y_pred, "FBetaScore", "y_pred")
        if self._counts is None:
            self._build(y_pred.shape[-1])
        if self.threshold is None:
            hit = (y_pred >= y_pred.max(axis=-1, keepdims=True)) & (np.abs(y_pred) > 1e-9)
        else:
            hit = y_pred > self.threshold
        y_pred = hit.astype(np.float32)
        weight = None if sample_weight is None else np.asarray(
            sample_weight.numpy() if hasattr(sample_weight, "numpy") else sample_weight,
            np.float32)[:, None]

        def weighted_sum(values):
            return (values if weight is None else values * weight).sum(axis=self.axis)

        for name, values in (("true_positives", y_pred * y_true),
                             ("false_positives", y_pred * (1 - y_true)),
                             ("false_negatives", (1 - y_pred) * y_true),
                             ("intermediate_weights", y_true)):
            variable = self._counts[name]
            variable.assign(constant(variable.numpy() + weighted_sum(values).astype(np.float32)))

    def result(self):
        if self._counts is None:
            return constant(np.float32(0))
        tp, fp, fn, weights = (self._counts[n].numpy() for n in (
            "true_positives", "false_positives", "false_negatives", "intermediate_weights"))
        precision = tp / (tp + fp + _EPSILON)
        recall = tp / (tp + fn + _EPSILON)
        beta2 = np.float32(self.beta ** 2)
        score = precision * recall / (beta2 * precision + recall + _EPSILON) * (1 + beta2)
        if self.average == "weighted":
            score = np.sum(score * (weights / (weights.sum() + _EPSILON)))
        elif self.average is not None:
            score = np.mean(score)
        return constant(np.asarray(score, np.float32))

    def reset_state(self):
        super().reset_state()

    def get_config(self):
        return {"name": self.name, "dtype": self.dtype, "average": self.average,
                "beta": self.beta, "threshold": self.threshold}


class F1Score(FBetaScore):
    """FBetaScore with beta = 1."""

    def __init__(self, average=None, threshold=None, name="f1_score", dtype=None):
        super().__init__(average=average, beta=1.0, threshold=threshold, name=name, dtype=dtype)

    def get_config(self):
        config = super().get_config()
        del config["beta"]
        return config


class R2Score(Metric):
    """The coefficient of determination per output column, averaged uniformly (default), by
    variance, or not at all; adjusted for `num_regressors` when given."""

    def __init__(self, class_aggregation="uniform_average", num_regressors=0,
                 name="r2_score", dtype=None):
        super().__init__(name=name, dtype=dtype)
        if class_aggregation not in (None, "uniform_average", "variance_weighted_average"):
            raise ValueError("Invalid value for argument `class_aggregation`. Expected one of "
                             "(None, 'uniform_average', 'variance_weighted_average'). "
                             f"Received: class_aggregation={class_aggregation}")
        if num_regressors < 0:
            raise ValueError("Invalid value for argument `num_regressors`. Expected a value "
                             f">= 0. Received: num_regressors={num_regressors}")
        self.class_aggregation, self.num_regressors = class_aggregation, num_regressors
        self.num_samples = self.add_variable((), name="num_samples")
        self._sums = None

    def update_state(self, y_true, y_pred, sample_weight=None):
        y_true = np.asarray(y_true.numpy() if hasattr(y_true, "numpy") else y_true, np.float32)
        y_pred = np.asarray(y_pred.numpy() if hasattr(y_pred, "numpy") else y_pred, np.float32)
        if y_true.ndim == 1:
            y_true = y_true[:, None]
        if y_pred.ndim == 1:
            y_pred = y_pred[:, None]
        y_true, y_pred = _as_2d(y_true, "R2Score", "y_true"), _as_2d(y_pred, "R2Score", "y_pred")
        if self._sums is None:
            self._sums = {n: self.add_variable((y_pred.shape[-1],), name=n)
                          for n in ("squared_sum", "sum", "residual", "count")}
        weight = np.float32(1) if sample_weight is None else np.asarray(
            sample_weight.numpy() if hasattr(sample_weight, "numpy") else sample_weight,
            np.float32)
        if np.ndim(weight) == 1:
            weight = weight[:, None]
        weight = np.broadcast_to(weight, y_true.shape)
        updates = {"sum": (y_true * weight).sum(0), "squared_sum": (y_true * y_true * weight).sum(0),
                   "residual": ((y_true - y_pred) ** 2 * weight).sum(0), "count": weight.sum(0)}
        for name, value in updates.items():
            self._sums[name].assign(constant(self._sums[name].numpy() + value.astype(np.float32)))
        self.num_samples.assign(constant(np.float32(self.num_samples.numpy() + y_true.size)))

    def result(self):
        if self._sums is None:
            return constant(np.float32(0))
        values = {n: v.numpy() for n, v in self._sums.items()}
        with np.errstate(divide="ignore", invalid="ignore"):
            mean = values["sum"] / values["count"]
            total = values["squared_sum"] - values["sum"] * mean
            raw = 1 - values["residual"] / total
        raw = np.where(np.isinf(raw), np.float32(0), raw).astype(np.float32)
        if self.class_aggregation == "uniform_average":
            score = np.mean(raw)
        elif self.class_aggregation == "variance_weighted_average":
            score = np.sum(total * raw) / np.sum(total)
        else:
            score = raw
        n, p = float(self.num_samples.numpy()), self.num_regressors
        if p:
            if p >= n - 1:
                warnings.warn("More independent predictors than datapoints in adjusted R2 score. "
                              "Falling back to standard R2 score.", stacklevel=2)
            else:
                score = 1 - (1 - score) * ((n - 1) / (n - p - 1))
        return constant(np.asarray(score, np.float32))

    def get_config(self):
        return {"name": self.name, "dtype": self.dtype,
                "class_aggregation": self.class_aggregation,
                "num_regressors": self.num_regressors}
