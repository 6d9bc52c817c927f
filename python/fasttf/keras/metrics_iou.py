"""keras.metrics.MeanIoU / IoU: intersection over union from an accumulated confusion matrix,
computed as Keras 3 does (an int64 matrix by default, so float sample weights truncate)."""

import numpy as np

from ..framework.constant_op import constant
from .metrics import Metric


def _numpy(x):
    return np.asarray(x.numpy() if hasattr(x, "numpy") else x)


class IoU(Metric):
    """Mean over `target_class_ids` of tp / (tp + fp + fn); classes never seen count 0 and
    are left out of the mean."""

    _unique_default_name = True

    def __init__(self, num_classes, target_class_ids, name=None, dtype=None,
                 ignore_class=None, sparse_y_true=True, sparse_y_pred=True, axis=-1):
        super().__init__(name=name, dtype=dtype or "int64")
        if max(target_class_ids, default=0) >= num_classes:
            raise ValueError(f"Target class id {max(target_class_ids)} is out of range, which is "
                             f"[0, {num_classes}).")
        self.num_classes = int(num_classes)
        self.target_class_ids = list(target_class_ids)
        self.ignore_class = ignore_class
        self.sparse_y_true, self.sparse_y_pred, self.axis = sparse_y_true, sparse_y_pred, axis
        self.total_cm = self.add_variable((num_classes, num_classes), dtype=self._dtype,
                                          name="total_confusion_matrix")

    def update_state(self, y_true, y_pred, sample_weight=None):
        y_true, y_pred = _numpy(y_true), _numpy(y_pred)
        if not self.sparse_y_true:
            y_true = np.argmax(y_true, axis=self.axis)
        if not self.sparse_y_pred:
            y_pred = np.argmax(y_pred, axis=self.axis)
        dtype = np.dtype(self._dtype.name)
        y_true, y_pred = y_true.astype(dtype).reshape(-1), y_pred.astype(dtype).reshape(-1)
        if y_true.shape != y_pred.shape:
            raise ValueError(f"y_true and y_pred have different sizes: {y_true.size} vs "
                             f"{y_pred.size}")
        weights = np.ones_like(y_true) if sample_weight is None else np.broadcast_to(
            _numpy(sample_weight).astype(dtype).reshape(-1), y_true.shape)
        keep = (y_true >= 0) & (y_true < self.num_classes) & (y_pred >= 0) & \
            (y_pred < self.num_classes)
        if self.ignore_class is not None:
            keep &= y_true != self.ignore_class
        matrix = np.zeros((self.num_classes, self.num_classes), dtype)
        np.add.at(matrix, (y_true[keep].astype(np.int64), y_pred[keep].astype(np.int64)),
                  weights[keep])
        self.total_cm.assign(constant(_numpy(self.total_cm) + matrix))

    def result(self):
        cm = _numpy(self.total_cm)
        true_positives = np.diag(cm)
        denominator = cm.sum(axis=0) + cm.sum(axis=1) - true_positives
        ids = self.target_class_ids
        tp = true_positives[ids].astype(np.float32)
        den = denominator[ids].astype(np.float32)
        valid = den > 1e-9
        eps = np.float32(1e-7)
        iou = np.where(valid, tp / (den + eps), np.float32(0))
        return constant(np.float32(iou.sum(dtype=np.float32) / (np.float32(valid.sum()) + eps)))

    def get_config(self):
        return {"num_classes": self.num_classes, "target_class_ids": self.target_class_ids,
                "name": self.name, "dtype": self.dtype, "ignore_class": self.ignore_class,
                "sparse_y_true": self.sparse_y_true, "sparse_y_pred": self.sparse_y_pred,
                "axis": self.axis}


class MeanIoU(IoU):
    """IoU averaged over every class."""

    def __init__(self, num_classes, name=None, dtype=None, ignore_class=None,
                 sparse_y_true=True, sparse_y_pred=True, axis=-1):
        super().__init__(num_classes, list(range(num_classes)), name=name, dtype=dtype,
                         ignore_class=ignore_class, sparse_y_true=sparse_y_true,
                         sparse_y_pred=sparse_y_pred, axis=axis)

    def get_config(self):
        config = super().get_config()
        config.pop("target_class_ids")
        return config
