"""tf.image: the everyday image ops (flips, rotations, crops and pads, resize, dtype conversion,
standardisation), composed from array and math ops, so gradients flow where TF's do.

Images are (H, W, C) or batches (N, H, W, C), as in TF. resize follows TF 2's arithmetic
(half-pixel centres, no antialiasing): bilinear interpolates along the width first, then the
height, in float32, as TF's kernel does, so values match TF's to the last bit or so.
"""

import numpy as np

from . import _C
from . import math as _math
from .framework import dtypes
from .framework.constant_op import convert_to_tensor, shape_list
from .framework.tensor import Tensor


class ResizeMethod:
    BILINEAR = "bilinear"
    NEAREST_NEIGHBOR = "nearest"
    BICUBIC = "bicubic"
    AREA = "area"
    LANCZOS3 = "lanczos3"
    LANCZOS5 = "lanczos5"
    GAUSSIAN = "gaussian"
    MITCHELLCUBIC = "mitchellcubic"


def _image(image, op):
    x = image if isinstance(image, Tensor) else convert_to_tensor(image)
    if x.ndim not in (3, 4):
        raise ValueError("[%s] image must be 3-D (H, W, C) or 4-D (N, H, W, C), got shape %s"
                         % (op, x.shape))
    return x


def _as_batch(x):
    """(batch, was_3d): a 4-D view of a 3-D or 4-D image."""
    return (_C.expand_dims(x, 0), True) if x.ndim == 3 else (x, False)


def _unbatch(x, was_3d):
    return _C.squeeze(x, [0]) if was_3d else x


# --- flips, rotations, transpose ----------------------------------------------------------------


def flip_left_right(image):
    x = _image(image, "flip_left_right")
    return _C.reverse(x, [x.ndim - 2])


def flip_up_down(image):
    x = _image(image, "flip_up_down")
    return _C.reverse(x, [x.ndim - 3])


def _random_flip(image, axis_from_end, seed, op):
    from .random import uniform
    x = _image(image, op)
    flipped = _C.reverse(x, [x.ndim - axis_from_end])
    if x.ndim == 3:
        return flipped if float(uniform([], seed=seed)) < 0.5 else x
    coin = uniform([x._shape_tuple[0], 1, 1, 1], seed=seed) < 0.5  # one coin per image
    return _C.where(_C.broadcast_to(coin, list(x._shape_tuple)), flipped, x)


def random_flip_left_right(image, seed=None):
    return _random_flip(image, 2, seed, "random_flip_left_right")


def random_flip_up_down(image, seed=None):
    return _random_flip(image, 3, seed, "random_flip_up_down")


def transpose(image, name=None):
    x = _image(image, "transpose")
    perm = [1, 0, 2] if x.ndim == 3 else [0, 2, 1, 3]
    return _C.transpose(x, perm)


def rot90(image, k=1, name=None):
    """Rotates counter-clockwise by k * 90 degrees (TF's composition of reverse/transpose)."""
    x = _image(image, "rot90")
    h, w = x.ndim - 3, x.ndim - 2
    k = int(k) % 4
    if k == 1:
        return transpose(_C.reverse(x, [w]))
    if k == 2:
        return _C.reverse(x, [h, w])
    if k == 3:
        return _C.reverse(transpose(x), [w])
    return x


# --- crops and pads -----------------------------------------------------------------------------


def _hw(x):
    return x._shape_tuple[-3], x._shape_tuple[-2]


def crop_to_bounding_box(image, offset_height, offset_width, target_height, target_width):
    x = _image(image, "crop_to_bounding_box")
    height, width = _hw(x)
    oh, ow, th, tw = (int(v) for v in (offset_height, offset_width, target_height, target_width))
    if oh < 0 or ow < 0 or th <= 0 or tw <= 0 or oh + th > height or ow + tw > width:
        raise ValueError("[crop_to_bounding_box] box (offset %d, %d; size %d, %d) does not fit "
                         "an image of %d x %d" % (oh, ow, th, tw, height, width))
    return x[..., oh:oh + th, ow:ow + tw, :]


def pad_to_bounding_box(image, offset_height, offset_width, target_height, target_width):
    x = _image(image, "pad_to_bounding_box")
    height, width = _hw(x)
    oh, ow, th, tw = (int(v) for v in (offset_height, offset_width, target_height, target_width))
    after_h, after_w = th - oh - height, tw - ow - width
    if oh < 0 or ow < 0 or after_h < 0 or after_w < 0:
        raise ValueError("[pad_to_bounding_box] an image of %d x %d at offset (%d, %d) does not "
                         "fit %d x %d" % (height, width, oh, ow, th, tw))
    paddings = [[oh, after_h], [ow, after_w], [0, 0]]
    if x.ndim == 4:
        paddings = [[0, 0]] + paddings
    from .array_ops import pad
    return pad(x, paddings)


def resize_with_crop_or_pad(image, target_height, target_width):
    x = _image(image, "resize_with_crop_or_pad")
    height, width = _hw(x)
    th, tw = int(target_height), int(target_width)
    dh, dw = th - height, tw - width
    cropped = crop_to_bounding_box(x, max(-dh // 2, 0), max(-dw // 2, 0), min(th, height),
                                   min(tw, width))
    return pad_to_bounding_box(cropped, max(dh // 2, 0), max(dw // 2, 0), th, tw)


def central_crop(image, central_fraction):
    x = _image(image, "central_crop")
    if not 0.0 < central_fraction <= 1.0:
        raise ValueError("central_fraction must be within (0, 1]")
    if central_fraction == 1.0:
        return x
    height, width = _hw(x)
    offset = int(1 / ((1 - central_fraction) / 2.0))
    top, left = height // offset, width // offset
    return x[..., top:height - top, left:width - left, :]


# --- resize -------------------------------------------------------------------------------------


def _nearest_index(out_size, in_size):
    scale = np.float32(in_size) / np.float32(out_size)
    src = np.floor((np.arange(out_size, dtype=np.float32) + np.float32(0.5)) * scale)
    return np.minimum(src.astype(np.int64), in_size - 1).astype(np.int32)


def _bilinear_weights(out_size, in_size):
    scale = np.float32(in_size) / np.float32(out_size)
    src = (np.arange(out_size, dtype=np.float32) + np.float32(0.5)) * scale - np.float32(0.5)
    floor = np.floor(src)
    lower = np.maximum(floor.astype(np.int64), 0).astype(np.int32)
    upper = np.minimum(np.ceil(src).astype(np.int64), in_size - 1).astype(np.int32)
    return lower, upper, (src - floor).astype(np.float32)


def _lerp(a, b, t):
    return a + (b - a) * t


def resize(images, size, method=ResizeMethod.BILINEAR, preserve_aspect_ratio=False,
           antialias=False, name=None):
    """tf.image.resize: bilinear gives float32; nearest keeps the dtype."""
    x = _image(images, "resize")
    out_h, out_w = shape_list(size, "resize")
    method = getattr(method, "value", method)
    height, width = _hw(x)
    if preserve_aspect_ratio:
        scale = min(out_h / height, out_w / width)
        out_h, out_w = int(round(height * scale)), int(round(width * scale))
    if out_h <= 0 or out_w <= 0:
        raise ValueError("[resize] size must be positive, got %s" % ([out_h, out_w],))
    batch, was_3d = _as_batch(x)
    if method == ResizeMethod.NEAREST_NEIGHBOR:
        rows = convert_to_tensor(_nearest_index(out_h, height))
        cols = convert_to_tensor(_nearest_index(out_w, width))
        out = _C.gather(_C.gather(batch, rows, 1, 0), cols, 2, 0)
        return _unbatch(out, was_3d)
    if method != ResizeMethod.BILINEAR:
        raise NotImplementedError("[resize] method %r is not implemented in fasttf (bilinear "
                                  "and nearest are)" % (method,))
    if antialias and (out_h < height or out_w < width):
        raise NotImplementedError("[resize] antialiased downscaling is not implemented")
    if batch.dtype != dtypes.float32:
        batch = _C.cast(batch, dtypes.float32)
    y0, y1, ylerp = _bilinear_weights(out_h, height)
    x0, x1, xlerp = _bilinear_weights(out_w, width)
    x0, x1 = convert_to_tensor(x0), convert_to_tensor(x1)
    xlerp = convert_to_tensor(xlerp.reshape(1, 1, out_w, 1))
    ylerp = convert_to_tensor(ylerp.reshape(1, out_h, 1, 1))

    def along_width(rows):
        return _lerp(_C.gather(rows, x0, 2, 0), _C.gather(rows, x1, 2, 0), xlerp)

    top = along_width(_C.gather(batch, convert_to_tensor(y0), 1, 0))
    bottom = along_width(_C.gather(batch, convert_to_tensor(y1), 1, 0))
    return _unbatch(_lerp(top, bottom, ylerp), was_3d)


# --- dtype conversion and pixel maths ------------------------------------------------------------


def _max_value(dtype):
    return np.iinfo(dtype.as_numpy_dtype).max


def convert_image_dtype(image, dtype, saturate=False, name=None):
    """Integers span [0, MAX] and floats [0, 1], as TF scales between them."""
    x = image if isinstance(image, Tensor) else convert_to_tensor(image)
    dtype = dtypes.as_dtype(dtype)
    if x.dtype == dtype:
        return x
    if x.dtype.is_integer and dtype.is_integer:
        max_in, max_out = _max_value(x.dtype), _max_value(dtype)
        if max_in > max_out:
            scale = (max_in + 1) // (max_out + 1)
            return _C.cast(x // _C.convert_to_tensor(scale, x.dtype), dtype)
        scale = (max_out + 1) // (max_in + 1)
        return _C.cast(x, dtype) * _C.convert_to_tensor(scale, dtype)
    if x.dtype.is_floating and dtype.is_floating:
        return _C.cast(x, dtype)
    if x.dtype.is_integer:  # int -> float
        return _C.cast(x, dtype) * _C.convert_to_tensor(1.0 / _max_value(x.dtype), dtype)
    scale = _C.convert_to_tensor(_max_value(dtype) + 0.5, x.dtype)  # float -> int
    scaled = x * scale
    if saturate:
        scaled = _math.clip_by_value(scaled, 0.0, float(_max_value(dtype)))
    return _C.cast(scaled, dtype)


def adjust_brightness(image, delta):
    x = image if isinstance(image, Tensor) else convert_to_tensor(image)
    orig = x.dtype
    flt = convert_image_dtype(x, dtypes.float32) if not orig.is_floating else x
    out = flt + _C.convert_to_tensor(float(delta), flt.dtype)
    return convert_image_dtype(out, orig, saturate=True) if not orig.is_floating else out


def rgb_to_grayscale(images, name=None):
    x = images if isinstance(images, Tensor) else convert_to_tensor(images)
    orig = x.dtype
    flt = convert_image_dtype(x, dtypes.float32)
    weights = _C.convert_to_tensor(np.array([0.2989, 0.5870, 0.1140], np.float32))
    gray = _math.reduce_sum(flt * weights, axis=-1, keepdims=True)
    return convert_image_dtype(gray, orig)


def grayscale_to_rgb(images, name=None):
    x = images if isinstance(images, Tensor) else convert_to_tensor(images)
    if x.ndim < 2 or x._shape_tuple[-1] != 1:
        raise ValueError("[grayscale_to_rgb] the last dimension must be 1, got shape %s"
                         % (x.shape,))
    return _C.tile(x, [1] * (x.ndim - 1) + [3])


def per_image_standardization(image):
    """(x - mean) / max(stddev, 1 / sqrt(pixels)) per image, in float32."""
    x = _image(image, "per_image_standardization")
    orig = x.dtype
    flt = _C.cast(x, dtypes.float32) if orig != dtypes.float32 else x
    axes = [-1, -2, -3]
    pixels = int(np.prod(x._shape_tuple[-3:]))
    mean = _math.reduce_mean(flt, axis=axes, keepdims=True)
    std = _math.reduce_std(flt, axis=axes, keepdims=True)
    floor = _C.convert_to_tensor(np.float32(1.0) / np.sqrt(np.float32(pixels)), dtypes.float32)
    out = (flt - mean) / _math.maximum(std, floor)
    return _C.cast(out, orig) if orig == dtypes.float16 else out



# Colour spaces and colour adjustments live in image_color.py (imported last: they use the
# helpers above).
from .image_color import (adjust_contrast, adjust_gamma, adjust_hue,  # noqa: E402, F401
                          adjust_saturation, hsv_to_rgb, random_brightness, random_contrast,
                          random_hue, random_saturation, rgb_to_hsv, rgb_to_yiq, rgb_to_yuv,
                          stateless_random_brightness, stateless_random_contrast,
                          stateless_random_hue, stateless_random_saturation, yiq_to_rgb,
                          yuv_to_rgb)
from .image_metrics import (image_gradients, psnr, sobel_edges, ssim,  # noqa: E402, F401
                            ssim_multiscale, total_variation)
from .image_boxes import (combined_non_max_suppression, crop_and_resize,  # noqa: E402, F401
                          extract_patches, non_max_suppression, non_max_suppression_overlaps,
                          non_max_suppression_padded, non_max_suppression_with_scores)
from .image_crops import (draw_bounding_boxes, random_crop, resize_with_pad,  # noqa: E402, F401
                          sample_distorted_bounding_box, stateless_random_crop,
                          stateless_random_flip_left_right, stateless_random_flip_up_down,
                          stateless_sample_distorted_bounding_box)
