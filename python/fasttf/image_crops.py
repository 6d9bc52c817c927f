"""tf.image crops, pads and drawing: random_crop and stateless_random_crop, the stateless random
flips, resize_with_pad and draw_bounding_boxes.

Random offsets and coins come from fasttf.random, so tf.random.set_seed, seed= and stateless
seed pairs behave as in the other random ops (the values are fasttf's, not TF's bits).
"""

import collections

import numpy as np

from . import _C
from .framework import dtypes
from .framework.constant_op import convert_to_tensor
from .framework.errors import InvalidArgumentError
from .framework.tensor import Tensor

_INT32_MAX = np.iinfo(np.int32).max


def _t(x):
    return x if isinstance(x, Tensor) else convert_to_tensor(x)


# --- random crops --------------------------------------------------------------------------------


def _crop(value, size, draw_offsets, op):
    """value[offset:offset + size] with offset = draw(rank) % (shape - size + 1), as TF."""
    x = _t(value)
    size = [int(s) for s in (size.numpy() if isinstance(size, Tensor) else np.asarray(size))
            .reshape(-1)]
    shape = list(x._shape_tuple)
    if len(size) != len(shape):
        raise InvalidArgumentError("[%s] size must have one entry per dimension of value "
                                   "(%d), got %s" % (op, len(shape), size))
    if any(s > d for s, d in zip(size, shape)):
        raise InvalidArgumentError("[%s] Need value.shape >= size, got %s %s"
                                   % (op, shape, size))
    if any(s < -1 for s in size):
        raise InvalidArgumentError("[%s] size must be non-negative (or -1), got %s"
                                   % (op, size))
    limit = np.asarray(shape, np.int64) - np.asarray(size, np.int64) + 1
    offsets = draw_offsets(len(shape)).numpy().astype(np.int64) % limit
    # tf.slice: a size of -1 takes the rest of the dimension from the offset
    for o, s, d in zip(offsets, size, shape):
        if s == -1 and o > d:
            raise InvalidArgumentError("[%s] Expected begin[i] in [0, %d], but got %d"
                                       % (op, d, o))
    return x[tuple(slice(int(o), None if s == -1 else int(o) + s)
                   for o, s in zip(offsets, size))]


def random_crop(value, size, seed=None, name=None):
    """A random size-shaped slice of value (any rank)."""
    from . import random
    return _crop(value, size, lambda n: random.uniform([n], maxval=_INT32_MAX,
                                                       dtype=dtypes.int32, seed=seed),
                 "random_crop")


def stateless_random_crop(value, size, seed, name=None):
    """random_crop whose offsets are a function of the seed pair alone."""
    from . import random
    return _crop(value, size, lambda n: random.stateless_uniform(
        [n], seed=seed, minval=0, maxval=_INT32_MAX, dtype=dtypes.int32),
        "stateless_random_crop")


# --- stateless flips -----------------------------------------------------------------------------


def _stateless_flip(image, axis_from_end, seed, op):
    """TF's _random_flip: one coin per image (u < 0.5 flips a single image; a batch flips
    where round(u) is 1)."""
    from . import random
    from .image import _image
    x = _image(image, op)
    flipped = _C.reverse(x, [x.ndim - axis_from_end])
    if x.ndim == 3:
        coin = float(random.stateless_uniform([], seed=seed, minval=0, maxval=1.0))
        return flipped if coin < 0.5 else x
    coins = random.stateless_uniform([x._shape_tuple[0]], seed=seed, minval=0, maxval=1.0)
    flips = np.round(coins.numpy()).astype(bool).reshape(-1, 1, 1, 1)
    mask = convert_to_tensor(np.broadcast_to(flips, x._shape_tuple).copy())
    return _C.where(mask, flipped, x)


def stateless_random_flip_left_right(image, seed):
    return _stateless_flip(image, 2, seed, "stateless_random_flip_left_right")


def stateless_random_flip_up_down(image, seed):
    return _stateless_flip(image, 3, seed, "stateless_random_flip_up_down")


# --- resize_with_pad -----------------------------------------------------------------------------


def resize_with_pad(image, target_height, target_width, method="bilinear", antialias=False):
    """Resizes keeping the aspect ratio to fit target_height x target_width, then pads the
    rest with zeros, centred (TF's float32 arithmetic for the sizes and offsets)."""
    from .image import _as_batch, _image, _unbatch, pad_to_bounding_box, resize
    x = _image(image, "resize_with_pad")
    target_height, target_width = int(target_height), int(target_width)
    if target_width <= 0:
        raise ValueError("target_width must be > 0.")
    if target_height <= 0:
        raise ValueError("target_height must be > 0.")
    batch, was_3d = _as_batch(x)
    f32 = np.float32
    height, width = f32(batch._shape_tuple[1]), f32(batch._shape_tuple[2])
    f_target_h, f_target_w = f32(target_height), f32(target_width)
    ratio = max(width / f_target_w, height / f_target_h)
    resized_h, resized_w = height / ratio, width / ratio
    pad_h = max(0, int(np.floor((f_target_h - resized_h) / f32(2))))
    pad_w = max(0, int(np.floor((f_target_w - resized_w) / f32(2))))
    resized = resize(batch, [int(np.floor(resized_h)), int(np.floor(resized_w))], method,
                     antialias=antialias)
    return _unbatch(pad_to_bounding_box(resized, pad_h, pad_w, target_height, target_width),
                    was_3d)


# --- draw_bounding_boxes -------------------------------------------------------------------------

_DEFAULT_COLORS = [[1, 1, 0, 1], [0, 0, 1, 1], [1, 0, 0, 1], [0, 1, 0, 1], [0.5, 0, 0.5, 1],
                   [0.5, 0.5, 0, 1], [0.5, 0, 0, 1], [0, 0, 0.5, 1], [0, 1, 1, 1], [1, 0, 1, 1]]


def _color_table(colors, depth):
    table = None
    if colors is not None:
        colors = np.asarray(colors.numpy() if isinstance(colors, Tensor) else colors,
                            np.float32)
        if colors.ndim != 2:
            raise InvalidArgumentError("[draw_bounding_boxes] colors must be a 2-D matrix")
        if colors.shape[1] < depth:
            raise InvalidArgumentError("[draw_bounding_boxes] colors must have equal or more "
                                       "channels than the image provided: %s"
                                       % (list(colors.shape),))
        if colors.size:
            table = colors[:, :depth]
    if table is None:
        table = np.array(_DEFAULT_COLORS, np.float32)[:, :depth].copy()
        if depth == 1:
            table[:, 0] = 1
    return table


def draw_bounding_boxes(images, boxes, colors, name=None):
    """Draws one-pixel box outlines (normalised y1, x1, y2, x2) on a float batch of images,
    box k in colors[k % len(colors)], as TF's kernel (no gradient)."""
    x = _t(images)
    if x.dtype not in (dtypes.float32, dtypes.float16):
        raise InvalidArgumentError("[draw_bounding_boxes] Value for attr 'T' of %s is not in "
                                   "the list of allowed values: float, half" % x.dtype.name)
    box_values = np.asarray(_t(boxes).numpy(), np.float32)
    if x.ndim != 4:
        raise InvalidArgumentError("[draw_bounding_boxes] The rank of the images should be 4")
    if box_values.ndim != 3:
        raise InvalidArgumentError("[draw_bounding_boxes] The rank of the boxes tensor should "
                                   "be 3")
    batch, height, width, depth = x._shape_tuple
    if box_values.shape[0] != batch:
        raise InvalidArgumentError("[draw_bounding_boxes] The batch sizes should be the same")
    if depth not in (1, 3, 4):
        raise InvalidArgumentError("[draw_bounding_boxes] Channel depth should be either 1 "
                                   "(GRY), 3 (RGB), or 4 (RGBA)")
    if box_values.shape[2] != 4:
        raise InvalidArgumentError("[draw_bounding_boxes] The size of the third dimension of "
                                   "the box must be 4. Received: %d" % box_values.shape[2])
    table = _color_table(colors, depth)
    canvas = x.numpy().copy()
    for b in range(batch):
        for k, box in enumerate(box_values[b]):
            _draw_box(canvas[b], box, table[k % len(table)].astype(canvas.dtype))
    return convert_to_tensor(canvas)


def _draw_box(canvas, box, color):
    height, width = canvas.shape[:2]
    # float coordinate times (size - 1), truncated toward zero into int64, as the C++ kernel;
    # x86 turns NaN and out-of-range values into INT64_MIN
    def coordinate(value, size):
        scaled = np.float32(value) * np.float32(size - 1)
        if not np.isfinite(scaled) or abs(float(scaled)) >= 2.0 ** 63:
            return -2 ** 63
        return int(np.trunc(scaled))
    top, left, bottom, right = (coordinate(v, size)
                                for v, size in zip(box, (height, width, height, width)))
    if top > bottom or left > right:
        return   # inverted boxes are skipped
    if top >= height or bottom < 0 or left >= width or right < 0:
        return   # entirely outside
    row_lo, row_hi = max(top, 0), min(bottom, height - 1)
    col_lo, col_hi = max(left, 0), min(right, width - 1)
    if top >= 0:
        canvas[top, col_lo:col_hi + 1] = color
    if bottom < height:
        canvas[bottom, col_lo:col_hi + 1] = color
    if left >= 0:
        canvas[row_lo:row_hi + 1, left] = color
    if right < width:
        canvas[row_lo:row_hi + 1, right] = color


# --- sample_distorted_bounding_box ---------------------------------------------------------------


def _distortion_args(image_size, bounding_boxes, min_object_covered, aspect_ratio_range,
                     area_range, max_attempts, op):
    size = _t(image_size)
    if size.dtype not in (dtypes.uint8, dtypes.int8, dtypes.int16, dtypes.int32, dtypes.int64):
        raise InvalidArgumentError("[%s] Value for attr 'T' of %s is not in the list of allowed "
                                   "values: uint8, int8, int16, int32, int64"
                                   % (op, size.dtype.name))
    if size.ndim != 1 or size._shape_tuple[0] != 3:
        raise InvalidArgumentError("[%s] image_size must contain 3 elements, got shape %s"
                                   % (op, size.shape))
    boxes = np.asarray(_t(bounding_boxes).numpy(), np.float32)
    if boxes.ndim != 3 or boxes.shape[-1] != 4:
        raise InvalidArgumentError("[%s] input boxes must be 3-dimensional [batch, num_boxes, "
                                   "coords] with 4 coordinates, got shape %s"
                                   % (op, list(boxes.shape)))
    aspect = [float(v) for v in (aspect_ratio_range or (0.75, 1.33))]
    area = [float(v) for v in (area_range or (0.05, 1.0))]
    attempts = 100 if max_attempts is None else int(max_attempts)
    covered = float(min_object_covered.numpy() if isinstance(min_object_covered, Tensor)
                    else min_object_covered)
    checks = [(len(aspect) == 2 and min(aspect) > 0, "Aspect ratio range must be positive"),
              (len(area) == 2 and min(area) > 0 and max(area) <= 1,
               "Area range must be in (0, 1]"),
              (attempts > 0, "Max attempts must be positive"),
              (covered >= 0, "Min object covered must be non-negative")]
    for ok, message in checks:
        if not ok:
            raise InvalidArgumentError("[%s] %s" % (op, message))
    flat = boxes.reshape(-1, 4)
    if flat.size and not ((flat >= 0) & (flat <= 1)).all():
        raise InvalidArgumentError("[%s] All bounding box coordinates must be in [0.0, 1.0]"
                                   % op)
    return size, flat, covered, aspect, area, attempts


def _rect_area(rect):
    return float((rect[2] - rect[0]) * (rect[3] - rect[1]))


def _covers_an_object(crop, boxes, min_covered):
    """TF's SatisfiesOverlapConstraints (rectangles are (min_x, min_y, max_x, max_y))."""
    if _rect_area(crop) < 1:
        return False
    for box in boxes:
        area = _rect_area(box)
        if area < 1:
            continue
        inter = (max(crop[0], box[0]), max(crop[1], box[1]), min(crop[2], box[2]),
                 min(crop[3], box[3]))
        inter_area = 0.0 if inter[0] > inter[2] or inter[1] > inter[3] else _rect_area(inter)
        if inter_area / area >= min_covered:
            return True
    return False


def _random_crop_rect(width, height, min_rel, max_rel, aspect, rng):
    """TF's GenerateRandomCrop: a crop of the given aspect ratio and area range, or None."""
    f32 = np.float32
    if max_rel <= 0 or aspect <= 0 or width <= 0 or height <= 0 or min_rel > max_rel:
        return None
    min_area = f32(min_rel) * f32(width) * f32(height)
    max_area = f32(max_rel) * f32(width) * f32(height)
    aspect = f32(aspect)
    crop_h = int(np.rint(np.sqrt(f32(min_area / aspect))))
    max_h = int(np.rint(np.sqrt(f32(max_area / aspect))))
    if np.rint(f32(max_h) * aspect) > width:
        max_h = int((width + 0.5 - 1e-7) / aspect)
        if np.rint(f32(max_h) * aspect) > width:
            max_h -= 1
    max_h = min(max_h, height)
    crop_h = min(crop_h, max_h)
    if crop_h < max_h:
        crop_h += int(rng.integers(0, max_h - crop_h + 1))
    crop_w = int(np.rint(f32(crop_h) * aspect))
    area = float(crop_w * crop_h)
    if area < min_area:
        crop_h += 1
        crop_w = int(np.rint(f32(crop_h) * aspect))
        area = float(crop_w * crop_h)
    if area > max_area:
        crop_h -= 1
        crop_w = int(np.rint(f32(crop_h) * aspect))
        area = float(crop_w * crop_h)
    if (area < min_area or area > max_area or crop_w > width or crop_h > height or crop_w <= 0
            or crop_h <= 0):
        return None
    y = int(rng.integers(0, height - crop_h)) if crop_h < height else 0
    x = int(rng.integers(0, width - crop_w)) if crop_w < width else 0
    return (x, y, x + crop_w, y + crop_h)


SampleDistortedBoundingBox = collections.namedtuple("SampleDistortedBoundingBoxV2",
                                                    ["begin", "size", "bboxes"])
StatelessSampleDistortedBoundingBox = collections.namedtuple(
    "StatelessSampleDistortedBoundingBox", ["begin", "size", "bboxes"])


def _sample_distorted(image_size, bounding_boxes, seed_words, min_object_covered,
                      aspect_ratio_range, area_range, max_attempts,
                      use_image_if_no_bounding_boxes, op, result=SampleDistortedBoundingBox):
    size, boxes, covered, aspect, area, attempts = _distortion_args(
        image_size, bounding_boxes, min_object_covered, aspect_ratio_range, area_range,
        max_attempts, op)
    height, width = (int(v) for v in size.numpy()[:2])
    f32 = np.float32   # pixel rectangles truncate float32 products, as TF's kernel
    rects = [(int(f32(b[1]) * f32(width)), int(f32(b[0]) * f32(height)),
              int(f32(b[3]) * f32(width)), int(f32(b[2]) * f32(height))) for b in boxes]
    image_rect = (0, 0, width, height)
    if not rects:
        if not use_image_if_no_bounding_boxes:
            raise InvalidArgumentError("[%s] No bounding boxes provided as input. One must "
                                       "enable use_image_if_no_bounding_boxes if you wish to "
                                       "not provide any bounding boxes." % op)
        rects = [image_rect]
    rng = np.random.default_rng([int(w) & 0xFFFFFFFF for w in seed_words])
    crop = image_rect
    for _ in range(attempts):
        ratio = rng.random(dtype=np.float32) * np.float32(aspect[1] - aspect[0]) + \
            np.float32(aspect[0])
        candidate = _random_crop_rect(width, height, area[0], area[1], ratio, rng)
        if candidate is not None and _covers_an_object(candidate, rects, covered):
            crop = candidate
            break
    np_dtype = size.dtype.as_numpy_dtype
    begin = np.array([crop[1], crop[0], 0], np_dtype)
    extent = np.array([crop[3] - crop[1], crop[2] - crop[0], -1]).astype(np_dtype)
    bboxes = np.array([[[f32(crop[1]) / f32(height), f32(crop[0]) / f32(width),
                         f32(crop[3]) / f32(height), f32(crop[2]) / f32(width)]]], np.float32)
    return result(_C.cast(convert_to_tensor(begin), size.dtype),
                  _C.cast(convert_to_tensor(extent), size.dtype), convert_to_tensor(bboxes))


def sample_distorted_bounding_box(image_size, bounding_boxes, seed=0, min_object_covered=0.1,
                                  aspect_ratio_range=None, area_range=None, max_attempts=None,
                                  use_image_if_no_bounding_boxes=None, name=None):
    """A random crop (begin, size, bboxes) covering enough of one of the boxes, drawn as TF's
    kernel draws it (up to max_attempts tries, else the whole image)."""
    from . import random
    words = random.uniform([2], maxval=_INT32_MAX, dtype=dtypes.int32,
                           seed=None if not seed else seed).numpy()
    return _sample_distorted(image_size, bounding_boxes, words, min_object_covered,
                             aspect_ratio_range, area_range, max_attempts,
                             use_image_if_no_bounding_boxes, "sample_distorted_bounding_box")


def stateless_sample_distorted_bounding_box(image_size, bounding_boxes, seed,
                                            min_object_covered=0.1, aspect_ratio_range=None,
                                            area_range=None, max_attempts=None,
                                            use_image_if_no_bounding_boxes=None, name=None):
    """sample_distorted_bounding_box as a function of the seed pair alone."""
    from . import random
    words = random.stateless_uniform([2], seed=seed, minval=0, maxval=_INT32_MAX,
                                     dtype=dtypes.int32).numpy()
    return _sample_distorted(image_size, bounding_boxes, words, min_object_covered,
                             aspect_ratio_range, area_range, max_attempts,
                             use_image_if_no_bounding_boxes,
                             "stateless_sample_distorted_bounding_box",
                             StatelessSampleDistortedBoundingBox)
