"""What compile() builds: per-output loss functions and metric objects, resolved through the
keras.losses / keras.metrics modules (imported lazily: they are written alongside)."""

import numpy as np

from ... import _C
from ...framework import dtypes
from ...framework.tensor import Tensor
from ...util import nest

_R = _C.ReduceOp


def _losses_module():
    from .. import losses
    return losses


def _metrics_module():
    from .. import metrics
    return metrics


def _loss_name(identifier):
    if isinstance(identifier, str):
        return identifier
    return getattr(identifier, "name", None) or getattr(identifier, "__name__", "loss")


class LossFn:
    """loss(y_true, y_pred, sample_weight) -> scalar, for Loss objects (which reduce) and for
    plain functions returning per-sample values (averaged here, weighted if asked)."""

    def __init__(self, identifier):
        self.identifier = identifier
        fn = _losses_module().get(identifier) if not (
            callable(identifier) and not isinstance(identifier, str)
            and not hasattr(identifier, "get_config")) else identifier
        self.fn = fn
        self.reduces = hasattr(fn, "reduction") or hasattr(fn, "get_config")
        self.name = _loss_name(identifier)

    def __call__(self, y_true, y_pred, sample_weight=None):
        if not isinstance(y_true, Tensor):
            y_true = _C.convert_to_tensor(np.asarray(y_true), y_pred.dtype)
        if self.reduces:
            return self.fn(y_true, y_pred, sample_weight=sample_weight)
        values = self.fn(y_true, y_pred)
        if sample_weight is not None:
            sw = sample_weight if sample_weight.dtype == values.dtype else _C.cast(
                sample_weight, values.dtype)
            if sw.ndim < values.ndim:
                sw = _C.reshape(sw, list(sw.shape) + [1] * (values.ndim - sw.ndim))
            values = values * sw
            # sum_over_batch_size: weighted sum divided by the number of elements.
        return _C.reduce(_R.mean, values, None, False)


def _accuracy_class(metrics, y_true, y_pred, loss_identifier):
    """Keras (2 and 3) picks the accuracy by shapes: a last axis of 1 in the predictions is
    binary; labels of lower rank, or of last axis 1 against wider predictions, are sparse;
    anything else is categorical. Without shapes, the loss's name decides."""
    if y_true is not None and y_pred is not None and hasattr(y_true, "shape") and \
            len(y_pred.shape) and len(getattr(y_true, "shape", ())):
        t_shape, p_shape = tuple(y_true.shape), tuple(y_pred.shape)
        if p_shape[-1] == 1:
            return metrics.BinaryAccuracy
        if len(t_shape) < len(p_shape) or (t_shape[-1] == 1 and p_shape[-1] > 1):
            return metrics.SparseCategoricalAccuracy
        return metrics.CategoricalAccuracy
    loss_name = _loss_name(loss_identifier).lower() if loss_identifier is not None else ""
    from_fn = getattr(loss_identifier, "__name__", "") or type(loss_identifier).__name__
    key = (loss_name + " " + from_fn).lower().replace("_", "")
    if "sparsecategorical" in key:
        return metrics.SparseCategoricalAccuracy
    if "binary" in key:
        return metrics.BinaryAccuracy
    return metrics.CategoricalAccuracy


def resolve_metric(identifier, loss_identifier, y_true=None, y_pred=None):
    """A Metric instance for a metrics= entry; 'accuracy'/'acc' chosen as Keras does."""
    metrics = _metrics_module()
    if isinstance(identifier, str) and identifier.lower() in ("accuracy", "acc"):
        cls = _accuracy_class(metrics, y_true, y_pred, loss_identifier)
        return cls(name=identifier)
    metric = metrics.get(identifier)
    if isinstance(metric, type):
        metric = metric()
    if not hasattr(metric, "update_state"):
        name = getattr(identifier, "__name__", str(identifier))
        metric = metrics.MeanMetricWrapper(metric, name=name)
    elif isinstance(identifier, str):
        metric.name = identifier   # logs say 'mae' for metrics=['mae'], as Keras
    return metric


def per_output(structure, output_names, what):
    """Spreads a loss/metrics argument over the outputs: one value for all, a list in order,
    or a dict by output name."""
    n = len(output_names)
    if isinstance(structure, dict):
        unknown = [k for k in structure if k not in output_names]
        if unknown:
            raise ValueError("Unknown entries in %s dictionary: %s. Only expected following keys: "
                             "%s" % (what, unknown, output_names))
        return [structure.get(name) for name in output_names]
    if isinstance(structure, (list, tuple)) and n > 1 and what == "loss":
        if len(structure) != n:
            raise ValueError("When passing a list as loss, it should have one entry per model "
                             "outputs. The model has %d outputs, but you passed loss=%s"
                             % (n, structure))
        return list(structure)
    if what == "metrics" and isinstance(structure, (list, tuple)) and n > 1 and structure and \
            all(isinstance(s, (list, tuple)) for s in structure):
        return list(structure)
    return [structure] * n


def cast_like(y, like):
    if y is None or not isinstance(y, Tensor):
        return y
    if y.dtype != like.dtype and y.dtype.is_floating and like.dtype.is_floating:
        return _C.cast(y, like.dtype)
    return y


def flatten_outputs(y):
    return nest.flatten(y)


__all__ = ["LossFn", "resolve_metric", "per_output", "dtypes"]
