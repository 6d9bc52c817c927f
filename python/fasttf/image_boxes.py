"""tf.image box ops: crop_and_resize, the non-max-suppression family and extract_patches.

crop_and_resize and extract_patches gather pixels with recorded ops, so gradients reach the
image (and, for crop_and_resize, the boxes) as in TF. Non-max suppression is TF's greedy
kernel (priority queue, backwards scan of the selected boxes, soft-NMS re-queueing), in
float32 NumPy; it has no gradient in TF either.
"""

import collections
import heapq

import numpy as np

from . import _C
from .framework import dtypes
from .framework.constant_op import convert_to_tensor
from .framework.errors import InvalidArgumentError, OutOfRangeError, UnimplementedError
from .framework.tensor import Tensor
from .extra_ops import check_scratch_size


def _t(x, dtype=None):
    if isinstance(x, Tensor):
        return x
    return convert_to_tensor(x) if dtype is None else _C.convert_to_tensor(x, dtype)


def _ints(value):
    return [int(v) for v in (value.numpy() if isinstance(value, Tensor) else value)]


# --- crop_and_resize -----------------------------------------------------------------------------


def _crop_and_resize_args(image, boxes, box_indices, crop_size, method):
    x = _t(image)
    if x.ndim != 4:
        raise InvalidArgumentError("[crop_and_resize] input image must be 4-D, got shape %s"
                                   % (x.shape,))
    boxes = _t(boxes, dtypes.float32)
    if boxes.dtype != dtypes.float32:
        boxes = _C.cast(boxes, dtypes.float32)
    if boxes.ndim != 2 or boxes._shape_tuple[1] != 4:
        raise InvalidArgumentError("[crop_and_resize] boxes must be 2-D [num_boxes, 4], got "
                                   "shape %s" % (boxes.shape,))
    if not np.isfinite(boxes.numpy()).all():
        raise InvalidArgumentError("[crop_and_resize] Boxes contains at least one element that "
                                   "is not finite")
    index = np.asarray(_t(box_indices, dtypes.int32).numpy())
    if index.shape != (boxes._shape_tuple[0],):
        raise InvalidArgumentError("[crop_and_resize] box_index has incompatible shape")
    if index.size and (index.min() < 0 or index.max() >= x._shape_tuple[0]):
        raise OutOfRangeError("[crop_and_resize] box_index has values outside [0, batch_size)")
    size = _ints(crop_size)
    if len(size) != 2:
        raise InvalidArgumentError("[crop_and_resize] crop_size must be [crop_height, "
                                   "crop_width], got %s" % (size,))
    if size[0] <= 0 or size[1] <= 0:
        raise InvalidArgumentError("[crop_and_resize] crop dimensions must be positive")
    # four corner gathers plus their int64 indices per output pixel
    check_scratch_size(boxes._shape_tuple[0] * size[0] * size[1] * x._shape_tuple[3],
                       "crop_and_resize", 48)
    if method not in ("bilinear", "nearest"):
        raise InvalidArgumentError("[crop_and_resize] method must be 'bilinear' or 'nearest', "
                                   "got %r" % (method,))
    return x, boxes, index, size


def _sample_positions(low, high, in_size, out_size):
    """TF's float32 source coordinates along one axis, (num_boxes, out_size), as tensors.
    A single output row samples the box centre, computed in double as TF's kernel does."""
    f32 = dtypes.float32
    span = _C.convert_to_tensor(float(in_size - 1), f32)
    if out_size > 1:
        scale = (high - low) * span / _C.convert_to_tensor(float(out_size - 1), f32)
        steps = _C.convert_to_tensor(np.arange(out_size, dtype=np.float32)[None, :], f32)
        return _C.expand_dims(low * span, 1) + steps * _C.expand_dims(scale, 1)
    centre = (_C.cast(low, dtypes.float64) + _C.cast(high, dtypes.float64)) * \
        _C.convert_to_tensor(0.5 * (in_size - 1), dtypes.float64)
    return _C.expand_dims(_C.cast(centre, f32), 1)


def crop_and_resize(image, boxes, box_indices, crop_size, method="bilinear",
                    extrapolation_value=0.0, name=None):
    """Crops each box (normalised y1, x1, y2, x2) from image[box_indices[i]] and resizes it to
    crop_size; float32 output, extrapolation_value where a sample falls outside the image."""
    x, boxes, index, (crop_h, crop_w) = _crop_and_resize_args(image, boxes, box_indices,
                                                              crop_size, method)
    batch, height, width, channels = x._shape_tuple
    num_boxes = boxes._shape_tuple[0]
    flt = x if x.dtype == dtypes.float32 else _C.cast(x, dtypes.float32)
    in_y = _sample_positions(boxes[:, 0], boxes[:, 2], height, crop_h)   # (boxes, crop_h)
    in_x = _sample_positions(boxes[:, 1], boxes[:, 3], width, crop_w)    # (boxes, crop_w)
    y_np, x_np = in_y.numpy(), in_x.numpy()
    valid = (((y_np >= 0) & (y_np <= height - 1))[:, :, None]
             & ((x_np >= 0) & (x_np <= width - 1))[:, None, :])          # (boxes, h, w)
    rows = _C.reshape(flt, [batch * height * width, channels])
    base = (index.astype(np.int64) * height * width)[:, None, None]

    def pixel(ys, xs):
        flat = base + np.clip(ys, 0, height - 1)[:, :, None] * width + np.clip(
            xs, 0, width - 1)[:, None, :]
        picked = _C.gather(rows, convert_to_tensor(flat.reshape(-1).astype(np.int64)), 0, 0)
        return _C.reshape(picked, [num_boxes, crop_h, crop_w, channels])

    with np.errstate(invalid="ignore"):
        if method == "nearest":
            # roundf on the in-range (non-negative) coordinates
            out = pixel(np.floor(y_np + 0.5).astype(np.int64),
                        np.floor(x_np + 0.5).astype(np.int64))
        else:
            top_y, left_x = np.floor(y_np), np.floor(x_np)
            y_lerp = _C.expand_dims(_C.expand_dims(in_y - _C.convert_to_tensor(
                top_y, dtypes.float32), 2), 3)
            x_lerp = _C.expand_dims(_C.expand_dims(in_x - _C.convert_to_tensor(
                left_x, dtypes.float32), 1), 3)
            top_y, bottom_y = top_y.astype(np.int64), np.ceil(y_np).astype(np.int64)
            left_x, right_x = left_x.astype(np.int64), np.ceil(x_np).astype(np.int64)
            top_left, top_right = pixel(top_y, left_x), pixel(top_y, right_x)
            bottom_left, bottom_right = pixel(bottom_y, left_x), pixel(bottom_y, right_x)
            top = top_left + (top_right - top_left) * x_lerp
            bottom = bottom_left + (bottom_right - bottom_left) * x_lerp
            out = top + (bottom - top) * y_lerp
    mask = _C.convert_to_tensor(np.broadcast_to(valid[..., None], (num_boxes, crop_h, crop_w,
                                                                   channels)).copy())
    fill = _C.zeros([num_boxes, crop_h, crop_w, channels], dtypes.float32) + \
        _C.convert_to_tensor(float(extrapolation_value), dtypes.float32)
    return _C.where(mask, out, fill)


# --- non-max suppression -------------------------------------------------------------------------


class _IoU:
    """TF's float32 IoU of one box with a list of others (0 where either has no area),
    computed on demand: a full n x n matrix of thousands of anchors would not fit."""

    def __init__(self, boxes):
        self.y_min = np.minimum(boxes[:, 0], boxes[:, 2])
        self.x_min = np.minimum(boxes[:, 1], boxes[:, 3])
        self.y_max = np.maximum(boxes[:, 0], boxes[:, 2])
        self.x_max = np.maximum(boxes[:, 1], boxes[:, 3])
        self.area = (self.y_max - self.y_min) * (self.x_max - self.x_min)

    def __call__(self, i, others):
        j = np.asarray(others, np.int64)
        zero = np.float32(0)
        inter_h = np.maximum(np.minimum(self.y_max[i], self.y_max[j])
                             - np.maximum(self.y_min[i], self.y_min[j]), zero)
        inter_w = np.maximum(np.minimum(self.x_max[i], self.x_max[j])
                             - np.maximum(self.x_min[i], self.x_min[j]), zero)
        inter = inter_h * inter_w
        with np.errstate(divide="ignore", invalid="ignore"):
            iou = inter / (self.area[i] + self.area[j] - inter)
        return np.where((self.area[i] <= 0) | (self.area[j] <= 0), zero, iou)


def _greedy_nms(similarity, scores, max_output_size, threshold, score_threshold, soft_sigma):
    """TF's DoNonMaxSuppressionOp: (selected indices, their possibly soft-suppressed scores).
    similarity(i, js) gives the candidate's overlaps with the boxes js."""
    f32 = np.float32
    threshold, score_threshold = f32(threshold), f32(score_threshold)
    soft = soft_sigma > 0
    scale = f32(-0.5) / f32(soft_sigma) if soft else f32(0)
    # heapq is a min-heap: (-score, index) pops the highest score, then the lowest index
    queue = [(-scores[i], i, 0) for i in range(len(scores)) if scores[i] > score_threshold]
    heapq.heapify(queue)
    selected, selected_scores = [], []
    while len(selected) < max_output_size and queue:
        neg_score, box, begin = heapq.heappop(queue)
        original = score = f32(-neg_score)
        hard = False
        overlaps = similarity(box, selected[begin:]) if len(selected) > begin else ()
        for j in range(len(selected) - 1, begin - 1, -1):
            sim = f32(overlaps[j - begin])
            weight = f32(np.exp(scale * sim * sim))
            score = f32(score * (weight if soft or sim <= threshold else f32(0)))
            if not soft and sim > threshold:
                hard = True
                break
            if score <= score_threshold:
                break
        if hard:
            continue
        if score == original:
            selected.append(box)
            selected_scores.append(score)
        elif score > score_threshold:
            heapq.heappush(queue, (-score, box, len(selected)))
    return selected, selected_scores


def _nms_inputs(boxes, scores, max_output_size, iou_threshold, op):
    boxes, scores = _t(boxes, dtypes.float32), _t(scores, dtypes.float32)
    for what, t in (("boxes", boxes), ("scores", scores)):
        if t.dtype not in (dtypes.float32, dtypes.float16):
            raise InvalidArgumentError("[%s] Value for attr 'T' of %s is not in the list of "
                                       "allowed values: half, float (%s)" % (op, t.dtype.name,
                                                                             what))
    if boxes.ndim != 2 or boxes._shape_tuple[1] != 4:
        raise InvalidArgumentError("[%s] boxes must be 2-D with 4 columns, got shape %s"
                                   % (op, boxes.shape))
    if scores.ndim != 1:
        raise InvalidArgumentError("[%s] scores must be 1-D, got shape %s" % (op, scores.shape))
    if scores._shape_tuple[0] != boxes._shape_tuple[0]:
        raise InvalidArgumentError("[%s] scores has incompatible shape (Dimensions must be "
                                   "equal, but are %d and %d)" % (op, boxes._shape_tuple[0],
                                                                  scores._shape_tuple[0]))
    size = int(max_output_size.numpy() if isinstance(max_output_size, Tensor)
               else max_output_size)
    if size < 0:
        raise InvalidArgumentError("[%s] output size must be non-negative" % op)
    threshold = float(iou_threshold.numpy() if isinstance(iou_threshold, Tensor)
                      else iou_threshold)
    if not 0 <= threshold <= 1:
        raise InvalidArgumentError("[%s] iou_threshold must be in [0, 1]" % op)
    return (boxes.numpy().astype(np.float32), scores.numpy().astype(np.float32), size,
            threshold, scores.dtype)


def _float(value):
    return float(value.numpy() if isinstance(value, Tensor) else value)


def non_max_suppression(boxes, scores, max_output_size, iou_threshold=0.5,
                        score_threshold=float("-inf"), name=None):
    """Indices (int32) of the boxes greedy NMS keeps, highest score first."""
    box_values, score_values, size, threshold, _ = _nms_inputs(
        boxes, scores, max_output_size, iou_threshold, "non_max_suppression")
    selected, _ = _greedy_nms(_IoU(box_values), score_values, size, threshold,
                              _float(score_threshold), 0.0)
    return convert_to_tensor(np.asarray(selected, np.int32))


def non_max_suppression_with_scores(boxes, scores, max_output_size, iou_threshold=0.5,
                                    score_threshold=float("-inf"), soft_nms_sigma=0.0,
                                    name=None):
    """(indices, scores) of greedy NMS; soft_nms_sigma > 0 decays overlapping scores instead
    of dropping the boxes (Soft-NMS, Gaussian)."""
    box_values, score_values, size, threshold, dtype = _nms_inputs(
        boxes, scores, max_output_size, iou_threshold, "non_max_suppression_with_scores")
    sigma = _float(soft_nms_sigma)
    if sigma < 0:
        raise InvalidArgumentError("[non_max_suppression_with_scores] soft_nms_sigma must be "
                                   "non-negative")
    selected, kept = _greedy_nms(_IoU(box_values), score_values, size, threshold,
                                 _float(score_threshold), sigma)
    return (convert_to_tensor(np.asarray(selected, np.int32)),
            _C.cast(convert_to_tensor(np.asarray(kept, np.float32)), dtype))


def non_max_suppression_padded(boxes, scores, max_output_size, iou_threshold=0.5,
                               score_threshold=float("-inf"), pad_to_max_output_size=False,
                               name=None, sorted_input=False, canonicalized_coordinates=False,
                               tile_size=512):
    """(indices, number of valid indices); with pad_to_max_output_size the indices are padded
    with zeros to max_output_size. Boxes may carry leading batch dimensions."""
    boxes, scores = _t(boxes, dtypes.float32), _t(scores, dtypes.float32)
    if boxes.ndim == 2:
        selected = non_max_suppression(boxes, scores, max_output_size, iou_threshold,
                                       score_threshold).numpy()
        count = len(selected)
        if pad_to_max_output_size:
            selected = np.pad(selected, [(0, int(max_output_size) - count)])
        return convert_to_tensor(selected.astype(np.int32)), _C.convert_to_tensor(
            count, dtypes.int32)
    lead = boxes._shape_tuple[:-2]
    flat_boxes = _C.reshape(boxes, [-1] + list(boxes._shape_tuple[-2:]))
    flat_scores = _C.reshape(scores, [-1, scores._shape_tuple[-1]])
    size = int(max_output_size)
    indices, counts = [], []
    for b in range(flat_boxes._shape_tuple[0]):
        selected = non_max_suppression(flat_boxes[b], flat_scores[b], size, iou_threshold,
                                       score_threshold).numpy()
        counts.append(len(selected))
        indices.append(np.pad(selected, [(0, size - len(selected))]))
    return (convert_to_tensor(np.asarray(indices, np.int32).reshape(lead + (size,))),
            convert_to_tensor(np.asarray(counts, np.int32).reshape(lead)))


def non_max_suppression_overlaps(overlaps, scores, max_output_size, overlap_threshold=0.5,
                                 score_threshold=float("-inf"), name=None):
    """Greedy NMS with a given [n, n] overlap matrix in place of box IoUs."""
    overlaps = _t(overlaps, dtypes.float32)
    if overlaps.ndim != 2 or overlaps._shape_tuple[0] != overlaps._shape_tuple[1]:
        raise InvalidArgumentError("[non_max_suppression_overlaps] overlaps must be a square "
                                   "matrix, got shape %s" % (overlaps.shape,))
    score_values = _t(scores, dtypes.float32).numpy().astype(np.float32)
    if score_values.shape != (overlaps._shape_tuple[0],):
        raise InvalidArgumentError("[non_max_suppression_overlaps] scores has incompatible "
                                   "shape")
    matrix = overlaps.numpy().astype(np.float32)
    size = int(max_output_size.numpy() if isinstance(max_output_size, Tensor)
               else max_output_size)
    if size < 0:
        raise InvalidArgumentError("[non_max_suppression_overlaps] output size must be "
                                   "non-negative")
    selected, _ = _greedy_nms(lambda i, js: matrix[i, np.asarray(js, np.int64)], score_values,
                              size, _float(overlap_threshold), _float(score_threshold), 0.0)
    return convert_to_tensor(np.asarray(selected, np.int32))


def _per_class_nms(boxes, scores, size_per_class, iou_threshold, score_threshold):
    """TF's DoNMSPerClass: (box index, score) kept for one class, best first."""
    order = sorted((i for i in range(len(scores)) if scores[i] > score_threshold),
                   key=lambda i: (-scores[i], i))
    iou = _IoU(boxes)
    kept = []
    for i in order:
        if len(kept) >= size_per_class:
            break
        if not kept or (iou(i, kept) <= iou_threshold).all():
            kept.append(i)
    return [(i, scores[i]) for i in kept]


CombinedNonMaxSuppression = collections.namedtuple(
    "CombinedNonMaxSuppression",
    ["nmsed_boxes", "nmsed_scores", "nmsed_classes", "valid_detections"])


def combined_non_max_suppression(boxes, scores, max_output_size_per_class, max_total_size,
                                 iou_threshold=0.5, score_threshold=float("-inf"),
                                 pad_per_class=False, clip_boxes=True, name=None):
    """Per-class greedy NMS over a batch, merged by score: (nmsed_boxes, nmsed_scores,
    nmsed_classes, valid_detections) as TF's CombinedNonMaxSuppression."""
    op = "combined_non_max_suppression"
    box_values = np.asarray(_t(boxes, dtypes.float32).numpy(), np.float32)
    score_values = np.asarray(_t(scores, dtypes.float32).numpy(), np.float32)
    if box_values.ndim != 4 or box_values.shape[3] != 4:
        raise InvalidArgumentError("[%s] boxes must be 4-D [batch, num_boxes, q, 4], got "
                                   "shape %s" % (op, list(box_values.shape)))
    if score_values.ndim != 3 or score_values.shape[:2] != box_values.shape[:2]:
        raise InvalidArgumentError("[%s] scores must be 3-D [batch, num_boxes, num_classes] "
                                   "matching boxes, got shape %s" % (op, list(score_values.shape)))
    batch, num_boxes, q, _ = box_values.shape
    num_classes = score_values.shape[2]
    if q not in (1, num_classes):
        raise InvalidArgumentError("[%s] third dimension of boxes must be either 1 or num "
                                   "classes" % op)
    per_class = int(_float(max_output_size_per_class))
    total = int(_float(max_total_size))
    if per_class <= 0 or total <= 0:
        raise InvalidArgumentError("[%s] max_size_per_class and max_total_size must be "
                                   "positive" % op)
    iou_threshold, score_threshold = _float(iou_threshold), _float(score_threshold)
    if not 0 <= iou_threshold <= 1:
        raise InvalidArgumentError("[%s] iou_threshold must be in [0, 1]" % op)
    size_per_class = min(per_class, num_boxes)
    per_batch = min(total, per_class * num_classes) if pad_per_class else total
    out_boxes = np.zeros((batch, per_batch, 4), np.float32)
    out_scores = np.zeros((batch, per_batch), np.float32)
    out_classes = np.zeros((batch, per_batch), np.float32)
    valid = np.zeros(batch, np.int32)
    for b in range(batch):
        found = []   # (score, class, box index), class-major as TF fills its candidate list
        for c in range(num_classes):
            class_boxes = box_values[b, :, c if q > 1 else 0]
            for i, score in _per_class_nms(class_boxes, score_values[b, :, c], size_per_class,
                                           np.float32(iou_threshold),
                                           np.float32(score_threshold)):
                found.append((score, c, i))
        found.sort(key=lambda item: -item[0])   # stable: ties keep class order
        count = min(len(found), total if not pad_per_class else per_batch)
        valid[b] = count
        for k, (score, c, i) in enumerate(found[:count]):
            box = box_values[b, i, c if q > 1 else 0]
            out_boxes[b, k] = np.clip(box, 0, 1) if clip_boxes else box
            out_scores[b, k], out_classes[b, k] = score, c
    return CombinedNonMaxSuppression(convert_to_tensor(out_boxes), convert_to_tensor(out_scores),
                                     convert_to_tensor(out_classes), convert_to_tensor(valid))


# --- patches -------------------------------------------------------------------------------------


def _space_only(values, what, op):
    values = _ints(values)
    if len(values) != 4:
        raise InvalidArgumentError("[%s] %s must have 4 entries, got %s" % (op, what, values))
    if values[0] != 1 or values[3] != 1:
        raise UnimplementedError("[%s] Only support %s across space." % (op, what))
    return values[1], values[2]


def _patch_grid(size, k, stride, rate, padding):
    """(output size, padding before) along one axis for dilated windows, as TF's conv rules."""
    effective = k + (k - 1) * (rate - 1)
    if padding == "VALID":
        return max((size - effective) // stride + 1, 0), 0
    out = -(-size // stride)
    total = max((out - 1) * stride + effective - size, 0)
    return out, total // 2


def extract_patches(images, sizes, strides, rates, padding, name=None):
    """(N, out_rows, out_cols, ksize_rows * ksize_cols * C): each (dilated) window flattened
    in (row, column, channel) order; SAME pads with zeros."""
    x = _t(images)
    if x.ndim != 4:
        raise InvalidArgumentError("[extract_patches] input must be 4-D, got shape %s"
                                   % (x.shape,))
    op = "extract_patches"
    k = _space_only(sizes, "ksizes", op)
    s = _space_only(strides, "strides", op)
    r = _space_only(rates, "rates", op)
    padding = str(padding).upper()
    if padding not in ("SAME", "VALID"):
        raise ValueError("[extract_patches] padding must be 'SAME' or 'VALID', got %r"
                         % (padding,))
    for what, values in (("ksizes", k), ("strides", s), ("rates", r)):
        if min(values) < 1:
            raise OutOfRangeError("[extract_patches] %s is out of range." % what)
    n, height, width, channels = x._shape_tuple
    out_h, pad_top = _patch_grid(height, k[0], s[0], r[0], padding)
    out_w, pad_left = _patch_grid(width, k[1], s[1], r[1], padding)
    check_scratch_size(n * out_h * out_w * k[0] * k[1], "extract_patches",
                       16 + channels * x.dtype.as_numpy_dtype().itemsize)
    # rows of (oy, ox, ky, kx) in the input, or an appended zero pixel where they fall outside
    ys = (np.arange(out_h)[:, None] * s[0] - pad_top + np.arange(k[0])[None, :] * r[0])
    xs = (np.arange(out_w)[:, None] * s[1] - pad_left + np.arange(k[1])[None, :] * r[1])
    inside = (((ys >= 0) & (ys < height))[:, None, :, None]
              & ((xs >= 0) & (xs < width))[None, :, None, :])
    flat = ys[:, None, :, None] * width + xs[None, :, None, :]
    flat = np.where(inside, flat, height * width).reshape(-1)
    pixels = _C.reshape(x, [n, height * width, channels])
    pixels = _C.concat([pixels, _C.zeros([n, 1, channels], x.dtype)], 1)
    picked = _C.gather(pixels, convert_to_tensor(flat.astype(np.int64)), 1, 0)
    return _C.reshape(picked, [n, out_h, out_w, k[0] * k[1] * channels])
