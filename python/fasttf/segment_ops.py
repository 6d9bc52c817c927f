"""tf.math segment reductions, bincount and confusion_matrix, composed from scatter ops.

unsorted_segment_sum is a scatter_nd (so it is differentiable through scatter_nd's rule);
max/min scatter into a tensor filled with the dtype's lowest/highest value, as TF leaves empty
segments. Segment ids are checked here, where the message can name the op.
"""

import numpy as np

from . import _C
from .framework import dtypes
from .framework.constant_op import convert_to_tensor
from .framework.errors import InvalidArgumentError, op_dtype_error
from .framework.tensor import Tensor


def _t(x):
    return x if isinstance(x, Tensor) else convert_to_tensor(x)


def _segment_args(op, data, segment_ids, num_segments):
    data, ids = _t(data), _t(segment_ids)
    if not ids.dtype.is_integer:
        raise op_dtype_error("[%s] segment_ids must be integers, got %s" % (op, ids.dtype.name))
    if data._shape_tuple[:ids.ndim] != ids._shape_tuple:
        raise InvalidArgumentError("[%s] segment_ids shape %s must be a prefix of data shape %s"
                                   % (op, ids.shape, data.shape))
    ids_np = ids.numpy().astype(np.int64)
    if num_segments is None:  # sorted segment_* ops: ids must be sorted, the count is implied
        flat = ids_np.reshape(-1)
        if ids.ndim != 1 or np.any(flat[1:] < flat[:-1]) or np.any(flat < 0):
            raise InvalidArgumentError("[%s] segment_ids must be a sorted 1-D vector of "
                                       "non-negative ids" % op)
        num_segments = int(flat[-1]) + 1 if flat.size else 0
    num_segments = int(num_segments)
    if np.any(ids_np >= num_segments):
        raise InvalidArgumentError("[%s] segment_ids must be < num_segments = %d, got max %d"
                                   % (op, num_segments, int(ids_np.max())))
    keep = ids_np >= 0  # as TF: negative ids drop their rows
    if not keep.all():
        data = _C.boolean_mask(data, convert_to_tensor(keep), 0)
        ids_np = ids_np[keep]
    index = convert_to_tensor(ids_np.reshape(-1, 1).astype(np.int32))
    rows = _C.reshape(data, [-1] + list(data._shape_tuple[ids.ndim:])) if keep.all() else data
    return rows, index, [num_segments] + list(data._shape_tuple[ids.ndim:] if keep.all()
                                              else data._shape_tuple[1:])


def unsorted_segment_sum(data, segment_ids, num_segments, name=None):
    rows, index, shape = _segment_args("unsorted_segment_sum", data, segment_ids, num_segments)
    return _C.scatter_nd(index, rows, shape)


def _segment_count(index, shape, dtype):
    ones = _C.ones([index._shape_tuple[0]], dtype)
    count = _C.scatter_nd(index, ones, shape[:1])
    return _C.reshape(count, shape[:1] + [1] * (len(shape) - 1))


def unsorted_segment_mean(data, segment_ids, num_segments, name=None):
    rows, index, shape = _segment_args("unsorted_segment_mean", data, segment_ids, num_segments)
    count = _segment_count(index, shape, rows.dtype)
    return _C.scatter_nd(index, rows, shape) / (count + _C.cast(count == 0, rows.dtype))


def unsorted_segment_sqrt_n(data, segment_ids, num_segments, name=None):
    rows, index, shape = _segment_args("unsorted_segment_sqrt_n", data, segment_ids,
                                       num_segments)
    count = _segment_count(index, shape, rows.dtype)
    count = count + _C.cast(count == 0, rows.dtype)
    return _C.scatter_nd(index, rows, shape) / count ** 0.5


def _extreme(kind, op, data, segment_ids, num_segments):
    rows, index, shape = _segment_args(op, data, segment_ids, num_segments)
    dtype = rows.dtype
    info = np.finfo if dtype.is_floating else np.iinfo
    fill = info(dtype.as_numpy_dtype).min if kind == "max" else info(dtype.as_numpy_dtype).max
    start = convert_to_tensor(np.full(shape, fill, dtype.as_numpy_dtype))
    return _C.tensor_scatter_nd(kind, start, index, rows)


def unsorted_segment_max(data, segment_ids, num_segments, name=None):
    return _extreme("max", "unsorted_segment_max", data, segment_ids, num_segments)


def unsorted_segment_min(data, segment_ids, num_segments, name=None):
    return _extreme("min", "unsorted_segment_min", data, segment_ids, num_segments)


def _prod(op, data, segment_ids, num_segments):
    """Products per segment (1 for an empty segment, as TF). The gradient is TF's: each element
    gets the product of the other elements of its segment (exact with zeros present)."""
    from .framework.custom_gradient import custom_gradient
    rows, index, shape = _segment_args(op, data, segment_ids, num_segments)
    ids = index.numpy().reshape(-1)
    dtype = rows.dtype

    @custom_gradient
    def prod(rows):
        values = rows.numpy()
        out = np.ones(shape, values.dtype)
        np.multiply.at(out, ids, values)

        def grad(upstream):
            zeros = (values == 0)
            zero_count = np.zeros(shape, np.int64)
            np.add.at(zero_count, ids, zeros.astype(np.int64))
            nonzero_prod = np.ones(shape, values.dtype)
            np.multiply.at(nonzero_prod, ids, np.where(zeros, 1, values))
            with np.errstate(divide="ignore", invalid="ignore"):
                others = np.where(zeros, np.where(zero_count[ids] == 1, nonzero_prod[ids], 0),
                                  np.where(zero_count[ids] > 0, 0, out[ids] / values))
            return _C.gather(upstream, index.__class__(ids.astype(np.int32)), 0, 0) * \
                convert_to_tensor(others.astype(values.dtype))
        return convert_to_tensor(out), grad
    if not dtype.is_floating:  # integer products: no gradient to carry
        values = rows.numpy()
        out = np.ones(shape, values.dtype)
        np.multiply.at(out, ids, values)
        return convert_to_tensor(out)
    return prod(rows)


def unsorted_segment_prod(data, segment_ids, num_segments, name=None):
    return _prod("unsorted_segment_prod", data, segment_ids, num_segments)


def segment_prod(data, segment_ids, name=None):
    return _prod("segment_prod", data, segment_ids, None)


def segment_sum(data, segment_ids, name=None):
    rows, index, shape = _segment_args("segment_sum", data, segment_ids, None)
    return _C.scatter_nd(index, rows, shape)


def segment_mean(data, segment_ids, name=None):
    rows, index, shape = _segment_args("segment_mean", data, segment_ids, None)
    count = _segment_count(index, shape, rows.dtype)
    return _C.scatter_nd(index, rows, shape) / (count + _C.cast(count == 0, rows.dtype))


def _sorted_extreme(kind, op, data, segment_ids):
    # The sorted segment_max/min give 0 for an id that no row has (the unsorted ops give the
    # dtype's lowest/highest value).
    result = _extreme(kind, op, data, segment_ids, None)
    ids = _t(segment_ids).numpy().reshape(-1)
    present = np.zeros(result._shape_tuple[0], bool)
    present[ids[ids >= 0]] = True
    if present.all():
        return result
    keep = convert_to_tensor(present.reshape([-1] + [1] * (result.ndim - 1)))
    return _C.where(keep, result, _C.zeros([], result.dtype))


def segment_max(data, segment_ids, name=None):
    return _sorted_extreme("max", "segment_max", data, segment_ids)


def segment_min(data, segment_ids, name=None):
    return _sorted_extreme("min", "segment_min", data, segment_ids)


def bincount(arr, weights=None, minlength=None, maxlength=None, dtype=dtypes.int32, name=None,
             axis=None, binary_output=False):
    """tf.math.bincount over the flattened input: counts (or summed weights) per value."""
    values = _t(arr)
    if values.dtype == dtypes.bool_:
        raise op_dtype_error("[bincount] arr must be numbers, got bool")
    with np.errstate(invalid="ignore"):  # as TF: floats truncate (NaN is refused below)
        flat = values.numpy().reshape(-1).astype(np.int64)
    if np.any(flat < 0):
        raise InvalidArgumentError("[bincount] input arr must be non-negative")
    length = int(flat.max()) + 1 if flat.size else 0
    if minlength is not None:
        length = max(length, int(minlength))
    if maxlength is not None:
        length = min(length, int(maxlength))
    keep = flat < length
    if weights is not None:
        w = _t(weights)
        wf = w.numpy().reshape(-1)
        if wf.shape != flat.shape:
            raise InvalidArgumentError("[bincount] weights shape %s must match arr shape %s"
                                       % (w.shape, values.shape))
        out = np.bincount(flat[keep], weights=wf[keep].astype(np.float64), minlength=length)
        return convert_to_tensor(out[:length].astype(w.dtype.as_numpy_dtype))
    out = np.bincount(flat[keep], minlength=length)[:length]
    if binary_output:
        out = np.minimum(out, 1)
    return convert_to_tensor(out.astype(dtypes.as_dtype(dtype).as_numpy_dtype))


def confusion_matrix(labels, predictions, num_classes=None, weights=None, dtype=dtypes.int32,
                     name=None):
    """tf.math.confusion_matrix: matrix[label, prediction] counts (or summed weights)."""
    lab = _t(labels).numpy().reshape(-1).astype(np.int64)
    pred = _t(predictions).numpy().reshape(-1).astype(np.int64)
    if lab.shape != pred.shape:
        raise InvalidArgumentError("[confusion_matrix] labels %s and predictions %s differ in size"
                                   % (lab.shape, pred.shape))
    if np.any(lab < 0) or np.any(pred < 0):
        raise InvalidArgumentError("[confusion_matrix] labels and predictions must be >= 0")
    n = int(max(lab.max(initial=-1), pred.max(initial=-1))) + 1 if num_classes is None \
        else int(num_classes)
    if np.any(lab >= n) or np.any(pred >= n):
        raise InvalidArgumentError("[confusion_matrix] labels and predictions must be < "
                                   "num_classes = %d" % n)
    dtype = dtypes.as_dtype(dtype)
    w = np.ones(lab.shape) if weights is None else _t(weights).numpy().reshape(-1)
    out = np.zeros((n, n), np.float64)
    np.add.at(out, (lab, pred), w)
    return convert_to_tensor(out.astype(dtype.as_numpy_dtype))
