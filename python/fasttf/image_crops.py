"""tf.image crops, pads and drawing: random_crop and stateless_random_crop, the stateless random
flips, resize_with_pad and draw_bounding_boxes.

Random offsets and coins come from fasttf.random, so tf.random.set_seed, seed= and stateless
seed pairs behave as in the other random ops (the values are fasttf's, not TF's bits).
"""

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
