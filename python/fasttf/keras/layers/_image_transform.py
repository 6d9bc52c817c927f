"""Projective image sampling with TF's ImageProjectiveTransformV3 semantics (the kernel behind
Keras' affine_transform): for each output pixel (x, y) the input is read at
((a0 x + a1 y + a2) / k, (b0 x + b1 y + b2) / k), k = c0 x + c1 y + 1, after the coordinate
is mapped by the fill mode. The sampling positions and weights are computed in NumPy (they do
not depend on pixel values); pixels are read with gather, so gradients reach the input."""

import numpy as np

from ... import _C
from ...framework.constant_op import convert_to_tensor

FILL_MODES = ("reflect", "wrap", "constant", "nearest")
INTERPOLATIONS = ("nearest", "bilinear")


def _trunc(v):
    return np.trunc(v)


def _map_reflect(c, length):
    """[abcd] -> [dcba|abcd|dcba], as TF's MapCoordinate<REFLECT>."""
    if length <= 1:
        return np.zeros_like(c)
    sz2 = 2.0 * length
    c = c.copy()
    neg, pos = c < 0, c > length - 1  # TF's if / else-if: each coordinate is mapped once
    cn = c[neg]
    cn = np.where(cn < sz2, sz2 * _trunc(-cn / sz2) + cn, cn)
    c[neg] = np.where(cn < -length, cn + sz2, -cn - 1)
    cp = c[pos]
    cp = cp - sz2 * _trunc(cp / sz2)
    c[pos] = np.where(cp >= length, sz2 - cp - 1, cp)
    return np.clip(c, 0, length - 1)


def _map_wrap(c, length):
    """[abcd] -> [abcd|abcd|abcd], as TF's MapCoordinate<WRAP>."""
    if length <= 1:
        return np.zeros_like(c)
    sz = length - 1.0
    c = c.copy()
    neg, pos = c < 0, c > length - 1
    c[neg] = c[neg] + length * (_trunc(-c[neg] / sz) + 1)
    c[pos] = c[pos] - length * _trunc(c[pos] / sz)
    return np.clip(c, 0, length - 1)


def _map(c, length, fill_mode):
    if fill_mode == "reflect":
        return _map_reflect(c, length)
    if fill_mode == "wrap":
        return _map_wrap(c, length)
    if fill_mode == "nearest":
        return np.clip(c, 0, length - 1)
    return c  # constant: out-of-range reads take the fill value


def _round_half_away(v):
    return np.sign(v) * np.floor(np.abs(v) + 0.5)


def _source_coordinates(transforms, height, width):
    """(N, H, W) float32 input x and y coordinates, and where the projection is 0."""
    t = np.asarray(transforms, np.float32).reshape(-1, 8)
    ys, xs = np.meshgrid(np.arange(height, dtype=np.float32),
                         np.arange(width, dtype=np.float32), indexing="ij")
    a = [t[:, i, None, None] for i in range(8)]
    k = a[6] * xs + a[7] * ys + np.float32(1)
    degenerate = k == 0
    k = np.where(degenerate, np.float32(1), k)
    x_in = (a[0] * xs + a[1] * ys + a[2]) / k
    y_in = (a[3] * xs + a[4] * ys + a[5]) / k
    return x_in, y_in, degenerate


def _taps(x, y, height, width, interpolation):
    """[(row, col, weight)] sampling taps; each is an (N, H, W) array."""
    if interpolation == "nearest":
        return [(_round_half_away(y), _round_half_away(x), np.ones_like(x))]
    y0, x0 = np.floor(y), np.floor(x)
    y1, x1 = y0 + 1, x0 + 1
    return [(y0, x0, (y1 - y) * (x1 - x)), (y0, x1, (y1 - y) * (x - x0)),
            (y1, x0, (y - y0) * (x1 - x)), (y1, x1, (y - y0) * (x - x0))]


def affine_transform(images, transforms, interpolation="bilinear", fill_mode="constant",
                     fill_value=0.0):
    """Samples NHWC float `images` (a Tensor) at the projective `transforms` (N x 8 or 8)."""
    n, height, width, channels = tuple(images.shape)
    x_in, y_in, degenerate = _source_coordinates(transforms, height, width)
    if x_in.shape[0] == 1 and n != 1:
        x_in, y_in, degenerate = (np.broadcast_to(a, (n, height, width))
                                  for a in (x_in, y_in, degenerate))
    x = _map(x_in, width, fill_mode)
    y = _map(y_in, height, fill_mode)
    flat = _C.reshape(images, [n * height * width, channels])
    base = (np.arange(n) * height * width)[:, None, None]
    dtype = images.dtype.as_numpy_dtype
    out, fill_weight = None, np.zeros((n, height, width), np.float64)
    for row, col, weight in _taps(x, y, height, width, interpolation):
        inside = (row >= 0) & (row < height) & (col >= 0) & (col < width) & ~degenerate
        index = base + np.where(inside, row, 0).astype(np.int64) * width \
            + np.where(inside, col, 0).astype(np.int64)
        w = np.where(inside, weight, 0).astype(dtype)
        fill_weight += np.where(inside, 0, np.where(degenerate, 1.0 / _tap_count(interpolation),
                                                    weight))
        tap = _C.gather(flat, convert_to_tensor(index.reshape(-1).astype(np.int32)), 0, 0) * \
            convert_to_tensor(w.reshape(-1, 1))
        out = tap if out is None else out + tap
    if fill_value:
        out = out + convert_to_tensor((fill_weight.reshape(-1, 1) * fill_value).astype(dtype))
    return _C.reshape(out, [n, height, width, channels])


def _tap_count(interpolation):
    return 1 if interpolation == "nearest" else 4
