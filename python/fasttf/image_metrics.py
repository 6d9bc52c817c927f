"""tf.image quality metrics and image derivatives: psnr, ssim, ssim_multiscale,
total_variation, image_gradients and sobel_edges.

Each follows TF's own composition (image_ops_impl.py) op for op, with recorded fasttf ops, so
values agree with TF's to rounding and gradients flow as in TF.
"""

import numpy as np

from . import _C
from . import math as _math
from .framework import dtypes
from .framework.constant_op import convert_to_tensor
from .framework.errors import InvalidArgumentError
from .framework.tensor import Tensor


def _t(x):
    return x if isinstance(x, Tensor) else convert_to_tensor(x)


def _scalar(value, dtype):
    return _C.convert_to_tensor(value, dtype)


def _check_same_dtype(img1, img2, op):
    if img1.dtype != img2.dtype:
        raise InvalidArgumentError("[%s] both images must have one dtype, got %s and %s"
                                   % (op, img1.dtype.name, img2.dtype.name))


def _check_compatible(img1, img2):
    """TF's _verify_compatible_image_shapes: rank >= 3, equal (H, W, C), broadcastable heads."""
    for img in (img1, img2):
        if img.ndim < 3:
            raise ValueError("Shape %s must have rank at least 3" % (img.shape,))
    tail1, tail2 = img1._shape_tuple[-3:], img2._shape_tuple[-3:]
    if tail1 != tail2:
        raise ValueError("Shapes %s and %s are incompatible" % (img1.shape, img2.shape))
    for d1, d2 in zip(reversed(img1._shape_tuple[:-3]), reversed(img2._shape_tuple[:-3])):
        if not (d1 == 1 or d2 == 1 or d1 == d2):
            raise ValueError("Two images are not compatible: %s and %s" % (img1.shape,
                                                                            img2.shape))


def _max_val_and_images(img1, img2, max_val):
    """max_val and both images as float32 in TF's [0, 1] convention for integer images."""
    from .image import convert_image_dtype
    max_val = _C.cast(_t(max_val), img1.dtype) if isinstance(max_val, Tensor) else \
        _C.convert_to_tensor(max_val, img1.dtype)
    return (convert_image_dtype(max_val, dtypes.float32),
            convert_image_dtype(img1, dtypes.float32), convert_image_dtype(img2, dtypes.float32))


def psnr(a, b, max_val, name=None):
    """Peak signal-to-noise ratio per image: 20 log10(max_val) - 10 log10(mse)."""
    a, b = _t(a), _t(b)
    max_val = _C.cast(_t(max_val), a.dtype) if isinstance(max_val, Tensor) else \
        _C.convert_to_tensor(max_val, a.dtype)
    from .image import convert_image_dtype
    max_val = convert_image_dtype(max_val, dtypes.float32)
    a = convert_image_dtype(a, dtypes.float32)
    b = convert_image_dtype(b, dtypes.float32)
    # TF's ops fail first (InvalidArgumentError); its static shape check comes after
    mse = _math.reduce_mean(_math.squared_difference(a, b), [-3, -2, -1])
    _check_compatible(a, b)
    f32 = dtypes.float32
    return (_scalar(20, f32) * _math.log(max_val) / _math.log(_scalar(10.0, f32))
            - _scalar(np.float32(10 / np.log(10)), f32) * _math.log(mse))


# --- SSIM --------------------------------------------------------------------------------------


def _gaussian_kernel(size, sigma):
    """TF's _fspecial_gauss: a softmax over the squared distances, (size, size, 1, 1)."""
    f32 = dtypes.float32
    coords = _C.convert_to_tensor(np.arange(size, dtype=np.float32), f32)
    coords = coords - _scalar((size - 1) / 2.0, f32)
    g = _math.square(coords)
    g = g * (_scalar(-0.5, f32) / _math.square(_scalar(sigma, f32)))
    g = _C.reshape(g, [1, -1]) + _C.reshape(g, [-1, 1])
    g = _math.softmax(_C.reshape(g, [1, -1]))
    return _C.reshape(g, [size, size, 1, 1])


def _ssim_per_channel(img1, img2, max_val, filter_size, filter_sigma, k1, k2,
                      return_index_map=False):
    from .nn_conv import depthwise_conv2d
    filter_size = int(filter_size)
    for img in (img1, img2):
        if any(d < filter_size for d in img._shape_tuple[-3:-1]):
            raise InvalidArgumentError("[ssim] images of shape %s are smaller than filter_size "
                                       "%d" % (img.shape, filter_size))
    kernel = _C.tile(_gaussian_kernel(filter_size, float(filter_sigma)),
                     [1, 1, img1._shape_tuple[-1], 1])

    def reducer(x):
        shape = list(x._shape_tuple)
        flat = _C.reshape(x, [-1] + shape[-3:])
        y = depthwise_conv2d(flat, kernel, [1, 1, 1, 1], "VALID")
        return _C.reshape(y, shape[:-3] + list(y._shape_tuple[1:]))

    f32 = dtypes.float32
    c1 = _math.square(_scalar(float(k1), f32) * max_val)
    c2 = _math.square(_scalar(float(k2), f32) * max_val)
    mean0, mean1 = reducer(img1), reducer(img2)
    num0 = mean0 * mean1 * _scalar(2.0, f32)
    den0 = _math.square(mean0) + _math.square(mean1)
    luminance = (num0 + c1) / (den0 + c1)
    num1 = reducer(img1 * img2) * _scalar(2.0, f32)
    den1 = reducer(_math.square(img1) + _math.square(img2))
    cs = (num1 - num0 + c2) / (den1 - den0 + c2)
    if return_index_map:
        return luminance * cs, cs
    return (_math.reduce_mean(luminance * cs, [-3, -2]), _math.reduce_mean(cs, [-3, -2]))


def ssim(img1, img2, max_val, filter_size=11, filter_sigma=1.5, k1=0.01, k2=0.03,
         return_index_map=False):
    """Structural similarity per image (mean over pixels and channels)."""
    img1, img2 = _t(img1), _t(img2)
    _check_compatible(img1, img2)
    _check_same_dtype(img1, img2, "ssim")
    max_val, img1, img2 = _max_val_and_images(img1, img2, max_val)
    per_channel, _ = _ssim_per_channel(img1, img2, max_val, filter_size, filter_sigma, k1, k2,
                                       return_index_map)
    return _math.reduce_mean(per_channel, [-1])


_MSSSIM_WEIGHTS = (0.0448, 0.2856, 0.3001, 0.2363, 0.1333)


def _downscale(img, head):
    """Symmetric-pads H and W to even sizes, then 2x2 average pooling (TF's MS-SSIM step)."""
    from .array_ops import pad
    from .nn_conv import avg_pool
    tail = list(img._shape_tuple[-3:])
    flat = _C.reshape(img, [-1] + tail)
    if tail[0] % 2 or tail[1] % 2:
        flat = pad(flat, [[0, 0], [0, tail[0] % 2], [0, tail[1] % 2], [0, 0]], mode="SYMMETRIC")
    pooled = avg_pool(flat, [1, 2, 2, 1], [1, 2, 2, 1], "VALID")
    return _C.reshape(pooled, list(head) + list(pooled._shape_tuple[1:]))


def ssim_multiscale(img1, img2, max_val, power_factors=_MSSSIM_WEIGHTS, filter_size=11,
                    filter_sigma=1.5, k1=0.01, k2=0.03):
    """Multi-scale SSIM: contrast-structure terms of the coarser scales times the last SSIM."""
    img1, img2 = _t(img1), _t(img2)
    _check_compatible(img1, img2)
    _check_same_dtype(img1, img2, "ssim")
    max_val, img1, img2 = _max_val_and_images(img1, img2, max_val)
    images = [img1, img2]
    heads = [img._shape_tuple[:-3] for img in images]
    contrast_structure = []
    per_channel = None
    for k in range(len(power_factors)):
        if k > 0:
            images = [_downscale(img, head) for img, head in zip(images, heads)]
        per_channel, cs = _ssim_per_channel(images[0], images[1], max_val, filter_size,
                                            filter_sigma, k1, k2)
        contrast_structure.append(_C.unary_op(_C.UnaryOp.relu, cs))
    contrast_structure.pop()   # the last scale contributes its SSIM instead
    stacked = _C.stack(contrast_structure + [_C.unary_op(_C.UnaryOp.relu, per_channel)], -1)
    weights = _C.convert_to_tensor(np.asarray(power_factors, np.float32), dtypes.float32)
    return _math.reduce_mean(_math.reduce_prod(_math.pow(stacked, weights), [-1]), [-1])


# --- derivatives ---------------------------------------------------------------------------------


def total_variation(images, name=None):
    """Sum of absolute differences of neighbouring pixels (per image for a batch)."""
    x = _t(images)
    if x.dtype in (dtypes.uint8, dtypes.bool_):
        raise InvalidArgumentError("[total_variation] Value for attr 'T' of %s is not in the "
                                   "list of allowed values (abs has no such kernel)"
                                   % x.dtype.name)
    if x.ndim == 3:
        d1, d2, axis = x[1:, :, :] - x[:-1, :, :], x[:, 1:, :] - x[:, :-1, :], None
    elif x.ndim == 4:
        d1 = x[:, 1:, :, :] - x[:, :-1, :, :]
        d2 = x[:, :, 1:, :] - x[:, :, :-1, :]
        axis = [1, 2, 3]
    else:
        raise ValueError("'images' must be either 3 or 4-dimensional.")
    return (_math.reduce_sum(_math.abs(d1), axis=axis)
            + _math.reduce_sum(_math.abs(d2), axis=axis))


def image_gradients(image):
    """(dy, dx): forward differences, zero in the last row / column, shaped like image."""
    x = _t(image)
    if x.ndim != 4:
        raise ValueError("image_gradients expects a 4D tensor [batch_size, h, w, d], not %s."
                         % (x.shape,))
    n, h, w, c = x._shape_tuple
    dy = _C.concat([x[:, 1:, :, :] - x[:, :-1, :, :], _C.zeros([n, 1, w, c], x.dtype)], 1)
    dx = _C.concat([x[:, :, 1:, :] - x[:, :, :-1, :], _C.zeros([n, h, 1, c], x.dtype)], 2)
    return dy, dx


def sobel_edges(image):
    """(N, H, W, C, 2): the vertical and horizontal Sobel responses, reflect-padded."""
    from .array_ops import pad
    from .nn_conv import depthwise_conv2d
    x = _t(image)
    if x.ndim != 4:
        raise InvalidArgumentError("[sobel_edges] image must be 4-D (N, H, W, C), got shape %s"
                                   % (x.shape,))
    kernels = np.array([[[-1, -2, -1], [0, 0, 0], [1, 2, 1]],
                        [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]])
    kernels = np.expand_dims(np.transpose(kernels, (1, 2, 0)), -2)   # (3, 3, 1, 2)
    filters = _C.tile(_C.convert_to_tensor(kernels, x.dtype), [1, 1, x._shape_tuple[-1], 1])
    padded = pad(x, [[0, 0], [1, 1], [1, 1], [0, 0]], mode="REFLECT")
    out = depthwise_conv2d(padded, filters, [1, 1, 1, 1], "VALID")
    return _C.reshape(out, list(x._shape_tuple) + [2])
