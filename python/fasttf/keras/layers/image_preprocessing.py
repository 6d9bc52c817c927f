"""Keras 3 image preprocessing and augmentation layers: Resizing, CenterCrop, RandomCrop,
RandomFlip, RandomRotation, RandomZoom, RandomTranslation, RandomContrast, RandomBrightness.

As in Keras 3, `call(..., training=True)` is the default: called directly an augmentation layer
augments; inside fit it augments, inside predict / evaluate (training=False) it is the identity.
Random draws come from a NumPy generator seeded by `seed` (or the global Keras one), so the
values differ from TensorFlow's while the distributions and the geometry match it exactly."""

import math

import numpy as np

from ... import _C
from ...framework import dtypes
from ...framework.constant_op import convert_to_tensor
from .. import backend
from ._image_transform import FILL_MODES, INTERPOLATIONS, affine_transform
from .base_layer import Layer

_RESIZE_INTERPOLATIONS = ("bilinear", "nearest")


def _data_format(data_format):
    data_format = (data_format or backend.image_data_format()).lower()
    if data_format not in ("channels_last", "channels_first"):
        raise ValueError("The `data_format` argument must be one of {'channels_first', "
                         "'channels_last'}. Received: data_format=%s" % (data_format,))
    return data_format


def _check_choice(value, choices, name):
    if value not in choices:
        raise NotImplementedError("Unknown `%s` %s. Expected of one %s." % (name, value, choices))


class _ImageLayer(Layer):
    """Shared plumbing: rank-3 / rank-4 inputs, channels_first via transposes, casting to the
    layer's float dtype, and a seeded generator."""

    def __init__(self, seed=None, data_format=None, **kwargs):
        super().__init__(**kwargs)
        self.data_format = _data_format(data_format)
        self.seed = seed
        self._generator = np.random.default_rng(seed) if seed is not None else None

    def _rng(self):
        return self._generator or backend.rng()

    def _float(self, x):
        x = x if isinstance(x, _C.Tensor) else convert_to_tensor(np.asarray(x))
        target = dtypes.as_dtype(self.dtype)
        return x if x.dtype == target else _C.cast(x, target)

    @staticmethod
    def _check_rank(x):
        if x.ndim not in (3, 4):
            raise ValueError("Expected the input image to be rank 3 or 4. Received "
                             "inputs.shape=%s" % (tuple(x.shape),))

    def _per_image_uniform(self, x, low, high, scale=1.0):
        """scale * U(low, high), one draw per image of x, shaped to broadcast over it."""
        n = x.shape[0] if x.ndim == 4 else 1
        draw = self._rng().uniform(low, high, size=n) * scale
        shape = (n, 1, 1, 1) if x.ndim == 4 else (1, 1, 1)
        return convert_to_tensor(draw.reshape(shape).astype(x.dtype.as_numpy_dtype))

    def _to_nhwc(self, x):
        self._check_rank(x)
        was_3d = x.ndim == 3
        if was_3d:
            x = _C.expand_dims(x, 0)
        if self.data_format == "channels_first":
            x = _C.transpose(x, [0, 2, 3, 1])
        return x, was_3d

    def _from_nhwc(self, x, was_3d):
        if self.data_format == "channels_first":
            x = _C.transpose(x, [0, 3, 1, 2])
        return _C.squeeze(x, [0]) if was_3d else x

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = super().get_config()
        config["data_format"] = self.data_format
        return config


def _crop(x, top, left, height, width):
    """NHWC crop by slicing (a view where fasttf can)."""
    return x[:, top:top + height, left:left + width, :]


def _aspect_crop_box(height, width, target_height, target_width):
    """Keras' centred crop box with the target's aspect ratio: (top, left, h, w)."""
    crop_h = max(min(height, int(float(width * target_height) / target_width)), 1)
    crop_w = max(min(width, int(float(height * target_width) / target_height)), 1)
    return int(float(height - crop_h) / 2), int(float(width - crop_w) / 2), crop_h, crop_w


def _resize(x, height, width, interpolation="bilinear"):
    from ... import image
    method = "nearest" if interpolation == "nearest" else "bilinear"
    return image.resize(x, [height, width], method=method)


class Resizing(_ImageLayer):
    """Resizes images to (height, width); crop_to_aspect_ratio / pad_to_aspect_ratio first crop
    or pad (with fill_value) to the target's aspect ratio. Integer images come back rounded in
    their own dtype, as in Keras."""

    def __init__(self, height, width, interpolation="bilinear", crop_to_aspect_ratio=False,
                 pad_to_aspect_ratio=False, fill_mode="constant", fill_value=0.0,
                 antialias=False, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self.height, self.width = int(height), int(width)
        if self.height <= 0 or self.width <= 0:
            raise ValueError("`height` and `width` must be positive. Received: height=%s, "
                             "width=%s" % (height, width))
        _check_choice(interpolation, _RESIZE_INTERPOLATIONS, "interpolation")
        self.interpolation = interpolation
        self.crop_to_aspect_ratio, self.pad_to_aspect_ratio = crop_to_aspect_ratio, \
            pad_to_aspect_ratio
        self.fill_mode, self.fill_value, self.antialias = fill_mode, fill_value, bool(antialias)

    def call(self, inputs):
        x = inputs if isinstance(inputs, _C.Tensor) else convert_to_tensor(np.asarray(inputs))
        in_dtype = x.dtype
        x, was_3d = self._to_nhwc(x)
        height, width = x.shape[1], x.shape[2]
        if self.crop_to_aspect_ratio:
            x = _crop(x, *_aspect_crop_box(height, width, self.height, self.width))
        elif self.pad_to_aspect_ratio:
            x = self._pad_to_aspect(x, height, width)
        out = _resize(x, self.height, self.width, self.interpolation)
        if out.dtype != in_dtype:
            if in_dtype.is_integer:
                from ... import math as tf_math
                info = np.iinfo(in_dtype.as_numpy_dtype)  # Keras rounds, then saturates
                out = _clip(tf_math.round(out), (float(info.min), float(info.max)))
            out = _C.cast(out, in_dtype)
        return self._from_nhwc(out, was_3d)

    def _pad_to_aspect(self, x, height, width):
        pad_h = max(height, int(float(width * self.height) / self.width))
        pad_w = max(width, int(float(height * self.width) / self.height))
        top, left = int(float(pad_h - height) / 2), int(float(pad_w - width) / 2)
        from ... import array_ops
        # Keras pads `top` rows on both sides (and `left` columns), as here.
        if top > 0 or left > 0:
            mode_value = float(self.fill_value)
            x = array_ops.pad(x, [[0, 0], [top, top], [left, left], [0, 0]],
                              constant_values=mode_value)
        return x

    def compute_output_shape(self, input_shape):
        shape = list(input_shape)
        h, w = (-3, -2) if self.data_format == "channels_last" else (-2, -1)
        shape[h], shape[w] = self.height, self.width
        return tuple(shape)

    def get_config(self):
        config = super().get_config()
        config.update({"height": self.height, "width": self.width,
                       "interpolation": self.interpolation,
                       "crop_to_aspect_ratio": self.crop_to_aspect_ratio,
                       "pad_to_aspect_ratio": self.pad_to_aspect_ratio,
                       "fill_mode": self.fill_mode, "fill_value": self.fill_value,
                       "antialias": self.antialias})
        return config


class CenterCrop(_ImageLayer):
    """Crops the central (height, width) window; a smaller image is cropped to the target's
    aspect ratio and resized up, as in Keras."""

    def __init__(self, height, width, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self.height, self.width = int(height), int(width)

    def call(self, inputs):
        x, was_3d = self._to_nhwc(self._float(inputs))
        height, width = x.shape[1], x.shape[2]
        if height >= self.height and width >= self.width:
            out = _crop(x, (height - self.height) // 2, (width - self.width) // 2,
                        self.height, self.width)
        else:
            out = _crop(x, *_aspect_crop_box(height, width, self.height, self.width))
            out = self._float(_resize(out, self.height, self.width))
        return self._from_nhwc(out, was_3d)

    compute_output_shape = Resizing.compute_output_shape

    def get_config(self):
        config = super().get_config()
        config.update({"height": self.height, "width": self.width})
        return config


class RandomCrop(_ImageLayer):
    """In training, a random (height, width) window when the image is larger in both dimensions;
    otherwise the window starts at Keras' centred aspect-ratio box and is resized to the
    target. Outside training the images pass through unchanged, as in Keras 3."""

    def __init__(self, height, width, seed=None, data_format=None, name=None, **kwargs):
        super().__init__(seed=seed, data_format=data_format, name=name, **kwargs)
        self.height, self.width = int(height), int(width)

    def call(self, inputs, training=True):
        x = self._float(inputs)
        if not training:
            return x
        x, was_3d = self._to_nhwc(x)
        height, width = x.shape[1], x.shape[2]
        if height > self.height and width > self.width:
            rng = self._rng()
            top = int(rng.uniform(0, height - self.height + 1))
            left = int(rng.uniform(0, width - self.width + 1))
        else:
            top, left = _aspect_crop_box(height, width, self.height, self.width)[:2]
        out = _crop(x, top, left, self.height, self.width)
        if (out.shape[1], out.shape[2]) != (self.height, self.width):
            out = self._float(_resize(out, self.height, self.width))
        return self._from_nhwc(out, was_3d)

    compute_output_shape = Resizing.compute_output_shape

    def get_config(self):
        config = super().get_config()
        config.update({"height": self.height, "width": self.width, "seed": self.seed})
        return config


_FLIP_MODES = ("horizontal", "vertical", "horizontal_and_vertical")


class RandomFlip(_ImageLayer):
    """Flips each image with probability 1/2 (one draw per image, used for both axes in
    'horizontal_and_vertical' mode, as in Keras 3)."""

    def __init__(self, mode="horizontal_and_vertical", seed=None, data_format=None, **kwargs):
        super().__init__(seed=seed, data_format=data_format, **kwargs)
        if mode not in _FLIP_MODES:
            raise ValueError("RandomFlip layer %s received an unknown mode argument %s"
                             % (self.name, mode))
        self.mode = mode

    def call(self, inputs, training=True):
        x = self._float(inputs)
        if not training:
            return x
        x, was_3d = self._to_nhwc(x)
        n, height, width = x.shape[0], x.shape[1], x.shape[2]
        flips = self._rng().uniform(size=(n, 1, 1, 1)) <= 0.5
        flips = convert_to_tensor(flips)
        if self.mode in ("horizontal", "horizontal_and_vertical"):
            x = _C.where(flips, _reverse(x, 2, width), x)
        if self.mode in ("vertical", "horizontal_and_vertical"):
            x = _C.where(flips, _reverse(x, 1, height), x)
        return self._from_nhwc(x, was_3d)

    def get_config(self):
        config = super().get_config()
        config.update({"seed": self.seed, "mode": self.mode})
        return config


def _reverse(x, axis, size):
    index = convert_to_tensor(np.arange(size - 1, -1, -1, dtype=np.int32))
    return _C.gather(x, index, axis, 0)


def _factor_pair(factor, bounds, name, error=None):
    """Keras' factor normalisation: a number f gives (max(-|f|, low), |f|), a pair is sorted."""
    error = error or ("The `%s` argument should be a number (or a list of two numbers) in the "
                      "range [%s, %s]. Received: %s=%r" % (name, bounds[0], bounds[1], name,
                                                           factor))
    if isinstance(factor, (tuple, list)):
        if len(factor) != 2 or factor[0] > bounds[1] or factor[1] < bounds[0]:
            raise ValueError(error)
        return tuple(sorted(factor))
    if isinstance(factor, (int, float)) and not isinstance(factor, bool):
        if not bounds[0] <= factor <= bounds[1]:
            raise ValueError(error)
        factor = abs(factor)
        return (max(-factor, bounds[0]), factor)
    raise ValueError(error)


class _AffineLayer(_ImageLayer):
    """Base of the geometric augmentations: draws one projective transform per image and
    samples it with TF's fill modes and interpolations."""

    def __init__(self, fill_mode="reflect", interpolation="bilinear", seed=None, fill_value=0.0,
                 data_format=None, **kwargs):
        super().__init__(seed=seed, data_format=data_format, **kwargs)
        _check_choice(fill_mode, FILL_MODES, "fill_mode")
        _check_choice(interpolation, INTERPOLATIONS, "interpolation")
        self.fill_mode, self.interpolation = fill_mode, interpolation
        self.fill_value = fill_value

    def call(self, inputs, training=True):
        x = self._float(inputs)
        if not training:
            return x
        x, was_3d = self._to_nhwc(x)
        transforms = self._transforms(x.shape[0], x.shape[1], x.shape[2])
        out = affine_transform(x, transforms, self.interpolation, self.fill_mode,
                               float(self.fill_value))
        return self._from_nhwc(out, was_3d)

    def get_config(self):
        config = super().get_config()
        config.update({"fill_mode": self.fill_mode, "interpolation": self.interpolation,
                       "seed": self.seed, "fill_value": self.fill_value})
        return config


def rotation_matrix(angles_degrees, height, width):
    """Keras' _compute_affine_matrix for a rotation about the image centre, (N, 8) float32."""
    angle = np.asarray(angles_degrees, np.float32) * np.float32(math.pi / 180.0)
    cx, cy = np.float32(0.5 * (width - 1)), np.float32(0.5 * (height - 1))
    cos, sin = np.cos(angle), np.sin(angle)
    a0, a1, b0, b1 = cos, -sin, sin, cos
    a2 = cx - cx * a0 - cy * a1
    b2 = cy - cx * b0 - cy * b1
    zeros = np.zeros_like(angle)
    return np.stack([a0, a1, a2, b0, b1, b2, zeros, zeros], axis=1).astype(np.float32)


class RandomRotation(_AffineLayer):
    """Rotates by an angle drawn uniformly from factor * 360 degrees (counter-clockwise for a
    positive angle, about the image centre)."""

    def __init__(self, factor, fill_mode="reflect", interpolation="bilinear", seed=None,
                 fill_value=0.0, data_format=None, **kwargs):
        super().__init__(fill_mode, interpolation, seed, fill_value, data_format, **kwargs)
        self.factor = _factor_pair(factor, (-1, 1), "factor")

    def _transforms(self, n, height, width):
        angles = self._rng().uniform(self.factor[0] * 360.0, self.factor[1] * 360.0, size=n)
        return rotation_matrix(angles, height, width)

    def get_config(self):
        config = super().get_config()
        config["factor"] = self.factor
        return config


def _signed_pair(factor, name, lower_open):
    """RandomZoom / RandomTranslation factors: in [-1, 1] (zoom: (-1, 1]), a number f gives
    (-|f|, |f|)."""
    if lower_open:
        error = ("The `height_factor` and `width_factor` arguments should be a number (or a list "
                 "of two numbers) in the range (-1.0, 1.0]. Received: %s=%r" % (name, factor))
    else:
        error = ("The `factor` argument should be a number (or a list of two numbers) in the "
                 "range [-1.0, 1.0]. Received: %s=%r" % (name, factor))

    def check(v):
        if isinstance(v, bool) or not isinstance(v, (int, float)) or v > 1.0 or \
                (v <= -1.0 if lower_open else v < -1.0):
            raise ValueError(error)
    if isinstance(factor, (tuple, list)):
        if len(factor) != 2:
            raise ValueError(error)
        check(factor[0])
        check(factor[1])
        return tuple(sorted(factor))
    check(factor)
    return (-abs(factor), abs(factor))


class RandomZoom(_AffineLayer):
    """Zooms by 1 + u, u ~ U(height_factor) (and width_factor, or the same draw): a negative
    factor zooms in, a positive one zooms out."""

    def __init__(self, height_factor, width_factor=None, fill_mode="reflect",
                 interpolation="bilinear", seed=None, fill_value=0.0, data_format=None,
                 **kwargs):
        super().__init__(fill_mode, interpolation, seed, fill_value, data_format, **kwargs)
        self.height_factor, self.width_factor = height_factor, width_factor
        self.height_lower, self.height_upper = _signed_pair(height_factor, "height_factor", True)
        if width_factor is not None:
            self.width_lower, self.width_upper = _signed_pair(width_factor, "width_factor", True)

    def _transforms(self, n, height, width):
        rng = self._rng()
        zy = rng.uniform(1.0 + self.height_lower, 1.0 + self.height_upper, size=n)
        zx = zy if self.width_factor is None else \
            rng.uniform(1.0 + self.width_lower, 1.0 + self.width_upper, size=n)
        return zoom_matrix(zx, zy, height, width)

    def get_config(self):
        config = super().get_config()
        config.update({"height_factor": self.height_factor, "width_factor": self.width_factor})
        return config


def zoom_matrix(zoom_x, zoom_y, height, width):
    zx, zy = np.asarray(zoom_x, np.float32), np.asarray(zoom_y, np.float32)
    x_offset = (np.float32(width) - 1) / 2 * (1 - zx)
    y_offset = (np.float32(height) - 1) / 2 * (1 - zy)
    zeros = np.zeros_like(zx)
    return np.stack([zx, zeros, x_offset, zeros, zy, y_offset, zeros, zeros], 1).astype(np.float32)


class RandomTranslation(_AffineLayer):
    """Shifts by u * height and v * width pixels, u ~ U(height_factor), v ~ U(width_factor)."""

    def __init__(self, height_factor, width_factor, fill_mode="reflect",
                 interpolation="bilinear", seed=None, fill_value=0.0, data_format=None,
                 **kwargs):
        super().__init__(fill_mode, interpolation, seed, fill_value, data_format, **kwargs)
        self.height_factor, self.width_factor = height_factor, width_factor
        self.height_lower, self.height_upper = _signed_pair(height_factor, "height_factor", False)
        self.width_lower, self.width_upper = _signed_pair(width_factor, "width_factor", False)

    def _transforms(self, n, height, width):
        rng = self._rng()
        dy = rng.uniform(self.height_lower, self.height_upper, size=n) * height
        dx = rng.uniform(self.width_lower, self.width_upper, size=n) * width
        return translation_matrix(dx, dy)

    def get_config(self):
        config = super().get_config()
        config.update({"height_factor": self.height_factor, "width_factor": self.width_factor})
        return config


def translation_matrix(dx, dy):
    dx, dy = np.asarray(dx, np.float32), np.asarray(dy, np.float32)
    ones, zeros = np.ones_like(dx), np.zeros_like(dx)
    return np.stack([ones, zeros, -dx, zeros, ones, -dy, zeros, zeros], 1).astype(np.float32)


def _value_range(value_range):
    if not isinstance(value_range, (tuple, list)) or len(value_range) != 2:
        raise ValueError("The `value_range` argument should be a list of two numbers. Received: "
                         "value_range=%r" % (value_range,))
    return value_range


class RandomContrast(_ImageLayer):
    """(x - mean over H, W) * c + mean, c ~ U(1 - factor[0], 1 + factor[1]) per image, clipped
    to value_range. Keras bounds the factor to [0, 1], so a number f gives c in [1, 1 + f]."""

    def __init__(self, factor, value_range=(0, 255), seed=None, **kwargs):
        super().__init__(seed=seed, **kwargs)
        self.factor = _factor_pair(factor, (0, 1), "factor")
        self.value_range = _value_range(value_range)

    def call(self, inputs, training=True):
        x = self._float(inputs)
        self._check_rank(x)
        if not training:
            return x
        c = self._per_image_uniform(x, 1.0 - self.factor[0], 1.0 + self.factor[1])
        axes = [-3, -2] if self.data_format == "channels_last" else [-2, -1]
        mean = _C.reduce(_C.ReduceOp.mean, x, axes, True)
        return _clip((x - mean) * c + mean, self.value_range)

    def get_config(self):
        config = super().get_config()
        config.update({"factor": self.factor, "value_range": self.value_range,
                       "seed": self.seed})
        return config


def _clip(x, value_range):
    lo = convert_to_tensor(np.asarray(value_range[0], x.dtype.as_numpy_dtype))
    hi = convert_to_tensor(np.asarray(value_range[1], x.dtype.as_numpy_dtype))
    return _C.binary_op(_C.BinaryOp.minimum, _C.binary_op(_C.BinaryOp.maximum, x, lo), hi)


class RandomBrightness(_ImageLayer):
    """Adds u * (value_range width), u ~ U(factor) per image, then clips to value_range."""

    def __init__(self, factor, value_range=(0, 255), seed=None, **kwargs):
        super().__init__(seed=seed, **kwargs)
        self.factor = _factor_pair(factor, (-1, 1), "factor")
        self.value_range = sorted(_value_range(value_range))

    def call(self, inputs, training=True):
        x = self._float(inputs)
        self._check_rank(x)
        if not training:
            return x
        delta = self._per_image_uniform(x, self.factor[0], self.factor[1],
                                        scale=self.value_range[1] - self.value_range[0])
        return _clip(x + delta, self.value_range)

    def get_config(self):
        config = super().get_config()
        config.update({"factor": self.factor, "value_range": self.value_range,
                       "seed": self.seed})
        return config
