"""tf.image colour ops: HSV / YIQ / YUV conversions, contrast, gamma, saturation and hue, and
their random and stateless-random variants.

rgb_to_hsv, the YIQ/YUV matrices and adjust_gamma are composed from recorded ops (TF
differentiates them). adjust_contrast, adjust_saturation, adjust_hue (and hsv_to_rgb) have no
gradient in TF; the first three run TF's float32 CPU kernels in NumPy, step for step, so values
match TF's bits.
"""

import numpy as np

from . import _C
from . import math as _math
from .framework import dtypes
from .framework.constant_op import convert_to_tensor
from .framework.errors import FailedPreconditionError, InvalidArgumentError, NotFoundError
from .framework.tensor import Tensor


def _t(x):
    return x if isinstance(x, Tensor) else convert_to_tensor(x)


def _rgb_input(images, op, channel_error=InvalidArgumentError):
    x = _t(images)
    if x.ndim < 1 or x._shape_tuple[-1] != 3:
        raise channel_error("[%s] input must have 3 channels but input only has %s channels."
                            % (op, x._shape_tuple[-1] if x.ndim else 0))
    if not x.dtype.is_floating:
        raise InvalidArgumentError("[%s] Value for attr 'T' of %s is not in the list of allowed "
                                   "values: half, bfloat16, float, double" % (op, x.dtype.name))
    return x


def _channels(x):
    return x[..., 0], x[..., 1], x[..., 2]


def _scalar(value, dtype):
    return _C.convert_to_tensor(value, dtype)


# --- colour spaces -------------------------------------------------------------------------------


def rgb_to_hsv(images, name=None):
    """RGB in [0, 1] to (hue, saturation, value), each in [0, 1], as TF's kernel; the gradient
    is TF's closed form (which, at ties between channels, is not the derivative of this)."""
    x = _rgb_input(images, "rgb_to_hsv", FailedPreconditionError)
    if not _C.is_recording():
        return _rgb_to_hsv(x)
    from .framework.custom_gradient import custom_gradient

    @custom_gradient
    def with_tf_gradient(rgb):
        hsv = _rgb_to_hsv(rgb)
        return hsv, lambda upstream: _rgb_to_hsv_grad(rgb, hsv, upstream)
    return with_tf_gradient(x)


def _rgb_to_hsv_grad(rgb, hsv, upstream):
    """TF's registered RGBToHSV gradient, term by term (image_grad.py)."""
    dtype = rgb.dtype
    r, g, b = _channels(rgb)
    s, v = hsv[..., 1], hsv[..., 2]
    land = _math.logical_and

    def mask(condition):
        return _C.cast(condition, dtype)

    def inv(t):   # TF's _CustomReciprocal: 1 / t, and 0 where t == 0
        return _math.divide_no_nan(_scalar(1, dtype), t)

    def times60(t):
        return _scalar(60, dtype) * t
    r_big, g_big, b_big = (mask(land(r >= b, r >= g)), mask(land(g > r, g >= b)),
                           mask(land(b > r, b > g)))
    r_small, g_small, b_small = (mask(land(r < b, r < g)), mask(land(g <= r, g < b)),
                                 mask(land(b <= r, b <= g)))
    r_pos, g_pos, b_pos = mask(r > 0), mask(g > 0), mask(b > 0)
    minus = _scalar(-1, dtype)
    sq = _math.square
    ds_dr = r_pos * ((r_big * (g_small * g + b_small * b) * inv(sq(r)))
                     + r_small * minus * inv(g_big * g + b_big * b))
    ds_dg = g_pos * ((g_big * (r_small * r + b_small * b) * inv(sq(g)))
                     + g_small * minus * inv(r_big * r + b_big * b))
    ds_db = b_pos * ((b_big * (g_small * g + r_small * r) * inv(sq(b)))
                     + b_small * minus * inv(g_big * g + r_big * r))
    inv_sv = (inv(sq(s)), inv(sq(v)))

    def hue_terms(terms):
        total = terms[0]
        for term in terms[1:]:
            total = total + term
        return total / _scalar(360, dtype)
    dh_dr = hue_terms([
        times60(r_pos * r_big * minus * (g - b) * inv_sv[0] * inv_sv[1]),
        times60(g_pos * g_big * r_small * (b - g) * inv(sq(r - g))),
        times60(g_pos * g_big * b_small * minus * inv(g - b)),
        times60(b_pos * b_big * r_small * (b - g) * inv(sq(b - r))),
        times60(b_pos * b_big * g_small * inv(b - g))])
    dh_dg = hue_terms([
        times60(g_pos * g_big * minus * (b - r) * inv_sv[0] * inv_sv[1]),
        times60(r_pos * r_big * g_small * (r - b) * inv(sq(r - g))),
        times60(r_pos * r_big * b_small * inv(r - b)),
        times60(b_pos * b_big * g_small * (r - b) * inv(sq(b - g))),
        times60(b_pos * b_big * r_small * minus * inv(b - r))])
    dh_db = hue_terms([
        times60(b_pos * b_big * minus * (r - g) * inv_sv[0] * inv_sv[1]),
        times60(r_pos * r_big * b_small * (g - r) * inv(sq(r - b))),
        times60(r_pos * r_big * g_small * minus * inv(r - g)),
        times60(g_pos * g_big * b_small * (g - r) * inv(sq(g - b))),
        times60(g_pos * g_big * r_small * inv(g - r))])
    dh, ds, dv = _channels(upstream)
    dv_drgb = _C.stack([dv * r_big, dv * g_big, dv * b_big], -1)
    ds_drgb = _C.stack([ds * ds_dr, ds * ds_dg, ds * ds_db], -1)
    dh_drgb = _C.stack([dh * dh_dr, dh * dh_dg, dh * dh_db], -1)
    return (dv_drgb + ds_drgb) + dh_drgb


def _rgb_to_hsv(x):
    r, g, b = _channels(x)
    zero, one = _scalar(0, x.dtype), _scalar(1, x.dtype)
    value = _math.reduce_max(x, axis=-1)
    spread = value - _math.reduce_min(x, axis=-1)
    # divisions by a safe denominator, so the unselected branch of where() has no inf/NaN
    # that would leak into the gradient
    safe_value = _C.where(value > zero, value, one)
    saturation = _C.where(value > zero, spread / safe_value, zero)
    safe_spread = _C.where(spread > zero, spread, one)
    norm = (one / safe_spread) * _scalar(1.0 / 6.0, x.dtype)
    hue = _C.where(r == value, norm * (g - b),
                   _C.where(g == value, norm * (b - r) + _scalar(2.0 / 6.0, x.dtype),
                            norm * (r - g) + _scalar(4.0 / 6.0, x.dtype)))
    hue = _C.where(spread > zero, hue, _C.zeros(list(hue._shape_tuple), x.dtype))
    hue = _C.where(hue < zero, hue + one, hue)
    return _C.stack([hue, saturation, value], -1)


def hsv_to_rgb(images, name=None):
    """(hue, saturation, value) in [0, 1] to RGB, as TF's kernel (which has no gradient)."""
    x = _C.stop_gradient(_rgb_input(images, "hsv_to_rgb", FailedPreconditionError))
    h, s, v = _channels(x)
    zero, one = _scalar(0, x.dtype), _scalar(1, x.dtype)
    two, three, four = (_scalar(c, x.dtype) for c in (2, 3, 4))
    dh = h * _scalar(6, x.dtype)

    def clamp(t):
        return _math.minimum(_math.maximum(t, zero), one)
    dr = clamp(_math.abs(dh - three) - one)
    dg = clamp(-_math.abs(dh - two) + two)
    db = clamp(-_math.abs(dh - four) + two)
    one_s = -s + one
    return _C.stack([(one_s + s * dr) * v, (one_s + s * dg) * v, (one_s + s * db) * v], -1)


_RGB_TO_YIQ = [[0.299, 0.59590059, 0.2115], [0.587, -0.27455667, -0.52273617],
               [0.114, -0.32134392, 0.31119955]]
_YIQ_TO_RGB = [[1, 1, 1], [0.95598634, -0.27201283, -1.10674021],
               [0.6208248, -0.64720424, 1.70423049]]
_RGB_TO_YUV = [[0.299, -0.14714119, 0.61497538], [0.587, -0.28886916, -0.51496512],
               [0.114, 0.43601035, -0.10001026]]
_YUV_TO_RGB = [[1, 1, 1], [0, -0.394642334, 2.03206185], [1.13988303, -0.58062185, 0]]


def _mix_channels(images, kernel, op):
    """images[..., 3] @ kernel (TF's tensordot over the last axis)."""
    x = _t(images)
    if not x.dtype.is_floating:
        raise TypeError("[%s] Cannot convert the colour matrix to %s" % (op, x.dtype.name))
    x = _rgb_input(x, op)
    # half-precision images are mixed in float32 (fasttf's matmul takes float32/float64)
    work = _C.cast(x, dtypes.float32) if x.dtype in (dtypes.float16, dtypes.bfloat16) else x
    rows = _C.reshape(work, [-1, 3])
    mixed = _math.matmul(rows, _C.convert_to_tensor(np.array(kernel), work.dtype))
    mixed = _C.reshape(mixed, list(x._shape_tuple))
    return mixed if work is x else _C.cast(mixed, x.dtype)


def rgb_to_yiq(images):
    return _mix_channels(images, _RGB_TO_YIQ, "rgb_to_yiq")


def yiq_to_rgb(images):
    return _mix_channels(images, _YIQ_TO_RGB, "yiq_to_rgb")


def rgb_to_yuv(images):
    return _mix_channels(images, _RGB_TO_YUV, "rgb_to_yuv")


def yuv_to_rgb(images):
    return _mix_channels(images, _YUV_TO_RGB, "yuv_to_rgb")


# --- contrast and gamma --------------------------------------------------------------------------


def _as_float(image):
    """(float image, original dtype): float16/float32 stay, the rest go to float32 as TF."""
    from .image import convert_image_dtype
    x = _t(image)
    if x.dtype in (dtypes.float16, dtypes.float32):
        return x, x.dtype
    return convert_image_dtype(x, dtypes.float32), x.dtype


def _pairwise_channel_means(planes):
    """TF's CPU mean of each image's channels: sums halved pairwise, then * (1 / pixels)."""
    batch, pixels, channels = planes.shape
    means = np.empty((batch, channels), np.float32)
    for i in range(batch):
        plane, scratch = planes[i], np.empty_like(planes[i])
        remaining, first = pixels, True
        while True:   # TF's do-while: runs once even for a single pixel
            right = remaining // 2
            left = remaining - right
            if first:
                scratch[:right] = plane[left:left + right] + plane[:right]
                if left > right:
                    scratch[right] = plane[right]
                first = False
            else:
                scratch[:right] += scratch[left:left + right]
            remaining = left
            if remaining <= 1:
                break
        means[i] = scratch[0] * np.float32(1.0 / pixels) if pixels else 0
    return means


def adjust_contrast(images, contrast_factor):
    """mean + contrast_factor * (x - mean), with the mean per image and channel (TF's kernel,
    which has no gradient)."""
    from .image import convert_image_dtype
    flt, orig = _as_float(images)
    if flt.ndim < 3:
        raise InvalidArgumentError("[adjust_contrast] input must be at least 3-D, got shape %s"
                                   % (flt.shape,))
    if flt.dtype != dtypes.float32:
        raise NotFoundError("[adjust_contrast] no CPU kernel for %s images" % flt.dtype.name)
    factor = np.asarray(contrast_factor.numpy() if isinstance(contrast_factor, Tensor)
                        else contrast_factor, np.float32)
    if factor.ndim != 0:
        raise InvalidArgumentError("[adjust_contrast] contrast_factor must be scalar: %s"
                                   % (list(factor.shape),))
    values = flt.numpy()
    height, width, channels = values.shape[-3:]
    batch = int(np.prod(values.shape[:-3], dtype=np.int64))
    planes = values.reshape(batch, height * width, channels)
    if planes.size:
        means = _pairwise_channel_means(planes)[:, None, :]
        factor = np.float32(factor)
        with np.errstate(all="ignore"):
            planes = means + factor * (planes - means)
    adjusted = convert_to_tensor(planes.reshape(values.shape).astype(np.float32))
    return convert_image_dtype(adjusted, orig, saturate=True)


def adjust_gamma(image, gamma=1, gain=1):
    """gain * image ** gamma (on [0, 1] floats for integer images)."""
    from .image import convert_image_dtype
    flt, orig = _as_float(image)
    gamma_value = float(gamma.numpy()) if isinstance(gamma, Tensor) else float(gamma)
    if gamma_value < 0:
        raise ValueError("Gamma should be a non-negative real number.")
    powered = _math.pow(flt, gamma if isinstance(gamma, Tensor) else _scalar(gamma_value,
                                                                              flt.dtype))
    gain = gain if isinstance(gain, Tensor) else _scalar(float(gain), flt.dtype)
    return convert_image_dtype(gain * powered, orig, saturate=True)


# --- saturation and hue: TF's float32 kernels ----------------------------------------------------


def _wrap(values, low, high, step):
    """TF's `while (v < low) v += step; while (v >= high) v -= step;` on an array."""
    for _ in range(8):
        below = values < low
        if not below.any():
            break
        values = np.where(below, values + step, values)
    for _ in range(8):
        above = values >= high
        if not above.any():
            break
        values = np.where(above, values - step, values)
    return values


def _saturation_kernel(rgb, scale):
    f32 = np.float32
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    v = np.maximum(r, np.maximum(g, b))
    spread = v - np.minimum(r, np.minimum(g, b))
    s = np.where(v > 0, spread / np.where(v > 0, v, f32(1)), f32(0)).astype(f32)
    norm = f32(1) / (f32(6) * spread)
    # `norm * (b - r) + 2.0 / 6.0` adds a double in C++: the sum is rounded once, to float
    h = np.where(r == v, norm * (g - b),
                 np.where(g == v, (norm * (b - r)).astype(np.float64) + 2.0 / 6.0,
                          (norm * (r - g)).astype(np.float64) + 4.0 / 6.0)).astype(f32)
    h = np.where(spread <= 0, f32(0), h)
    h = np.where(h < 0, h + f32(1), h)
    s = np.minimum(f32(1), np.maximum(f32(0), s * f32(scale)))
    c = s * v
    m = v - c
    dh = h * f32(6)
    category = _category(dh)
    fmodu = dh.copy()
    for _ in range(8):   # while (fmodu <= 0) fmodu += 2
        low = fmodu <= 0
        if not low.any():
            break
        fmodu = np.where(low, fmodu + f32(2), fmodu)
    for _ in range(8):   # while (fmodu >= 2) fmodu -= 2
        high = fmodu >= 2
        if not high.any():
            break
        fmodu = np.where(high, fmodu - f32(2), fmodu)
    x = c * (f32(1) - np.abs(fmodu - f32(1)))
    zero = np.zeros_like(c)
    table = {0: (c, x, zero), 1: (x, c, zero), 2: (zero, c, x), 3: (zero, x, c),
             4: (x, zero, c), 5: (c, zero, x)}
    return _by_category(category, table, (zero, zero, zero), m)


def _category(values):
    """static_cast<int>(values), with NaN and out-of-range values mapped to -1."""
    with np.errstate(invalid="ignore"):
        finite = np.isfinite(values) & (np.abs(values) < 2 ** 30)
        return np.where(finite, np.trunc(np.where(finite, values, 0)), -1).astype(np.int64)


def _by_category(category, table, default, offset):
    channels = []
    for i in range(3):
        out = default[i]
        for cat, rgb in table.items():
            out = np.where(category == cat, rgb[i], out)
        channels.append(out + offset)
    return np.stack(channels, -1).astype(np.float32)


def _hue_kernel(rgb, delta):
    f32 = np.float32
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    r_lt_g = r < g
    # (category, v_max, v_mid, v_min) for each ordering of r, g, b, as TF's rgb_to_hv_range
    cases = [
        (r_lt_g & (b < r), 1, g, r, b),
        (r_lt_g & ~(b < r) & (b > g), 3, b, g, r),
        (r_lt_g & ~(b < r) & ~(b > g), 2, g, b, r),
        (~r_lt_g & (b < g), 0, r, g, b),
        (~r_lt_g & ~(b < g) & (b > r), 4, b, r, g),
        (~r_lt_g & ~(b < g) & ~(b > r), 5, r, b, g),
    ]
    category = np.zeros(r.shape, np.int64)
    v_max, v_mid, v_min = np.zeros_like(r), np.zeros_like(r), np.zeros_like(r)
    for cond, cat, hi, mid, lo in cases:
        category = np.where(cond, cat, category)
        v_max, v_mid, v_min = (np.where(cond, hi, v_max), np.where(cond, mid, v_mid),
                               np.where(cond, lo, v_min))
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = (v_mid - v_min) / (v_max - v_min)
    increase = (category & 1) == 0
    h = (category.astype(f32) + np.where(increase, ratio, f32(1) - ratio)).astype(f32)
    h = np.where(v_max == v_min, f32(0), h)
    h = _wrap((h + f32(delta) * f32(6)).astype(f32), f32(0), f32(6), f32(6))
    category = _category(h)
    ratio = h - category.astype(f32)
    ratio = np.where((category & 1) == 0, ratio, f32(1) - ratio)
    mid = v_min + ratio * (v_max - v_min)
    table = {0: (v_max, mid, v_min), 1: (mid, v_max, v_min), 2: (v_min, v_max, mid),
             3: (v_min, mid, v_max), 4: (mid, v_min, v_max)}
    return _by_category(category, table, (v_max, v_min, mid), np.float32(0))


def _pixel_kernel(image, factor, kernel, op):
    """Runs a per-pixel NumPy kernel on TF's float32 view of image, then converts back."""
    from .image import convert_image_dtype
    flt, orig = _as_float(image)
    if flt.ndim < 3:
        raise InvalidArgumentError("[%s] input must be at least 3-D, got shape %s"
                                   % (op, flt.shape))
    if flt._shape_tuple[-1] != 3:
        raise InvalidArgumentError("[%s] input must have 3 channels but instead has %d "
                                   "channels." % (op, flt._shape_tuple[-1]))
    if flt.dtype != dtypes.float32:
        raise NotFoundError("[%s] no CPU kernel for %s images" % (op, flt.dtype.name))
    factor = float(factor.numpy()) if isinstance(factor, Tensor) else float(factor)
    with np.errstate(all="ignore"):
        result = kernel(flt.numpy(), factor)
    return convert_image_dtype(convert_to_tensor(result), orig)


def adjust_saturation(image, saturation_factor, name=None):
    """Scales the HSV saturation by saturation_factor (clamped to [0, 1])."""
    return _pixel_kernel(image, saturation_factor, _saturation_kernel, "adjust_saturation")


def adjust_hue(image, delta, name=None):
    """Rotates the hue by delta (a fraction of the colour circle, in [-1, 1])."""
    value = float(delta.numpy()) if isinstance(delta, Tensor) else float(delta)
    if value < -1 or value > 1:
        raise ValueError("delta must be in the interval [-1, 1]")
    return _pixel_kernel(image, value, _hue_kernel, "adjust_hue")


# --- random variants -----------------------------------------------------------------------------


def _check_range(lower, upper):
    if upper <= lower:
        raise ValueError("upper must be > lower.")
    if lower < 0:
        raise ValueError("lower must be non-negative.")


def _check_hue_delta(max_delta):
    if max_delta > 0.5:
        raise ValueError("max_delta must be <= 0.5.")
    if max_delta < 0:
        raise ValueError("max_delta must be non-negative.")


def _uniform(lower, upper, seed, stateless):
    from . import random
    if stateless:
        return random.stateless_uniform([], seed=seed, minval=lower, maxval=upper)
    return random.uniform([], lower, upper, seed=seed)


def random_brightness(image, max_delta, seed=None):
    from .image import adjust_brightness
    if max_delta < 0:
        raise ValueError("max_delta must be non-negative.")
    return adjust_brightness(image, _uniform(-max_delta, max_delta, seed, False))


def stateless_random_brightness(image, max_delta, seed):
    from .image import adjust_brightness
    if max_delta < 0:
        raise ValueError("max_delta must be non-negative.")
    return adjust_brightness(image, _uniform(-max_delta, max_delta, seed, True))


def random_contrast(image, lower, upper, seed=None):
    _check_range(lower, upper)
    return adjust_contrast(image, _uniform(lower, upper, seed, False))


def stateless_random_contrast(image, lower, upper, seed):
    _check_range(lower, upper)
    return adjust_contrast(image, _uniform(lower, upper, seed, True))


def random_saturation(image, lower, upper, seed=None):
    _check_range(lower, upper)
    return adjust_saturation(image, _uniform(lower, upper, seed, False))


def stateless_random_saturation(image, lower, upper, seed=None):
    _check_range(lower, upper)
    return adjust_saturation(image, _uniform(lower, upper, seed, True))


def random_hue(image, max_delta, seed=None):
    _check_hue_delta(max_delta)
    return adjust_hue(image, _uniform(-max_delta, max_delta, seed, False))


def stateless_random_hue(image, max_delta, seed):
    _check_hue_delta(max_delta)
    return adjust_hue(image, _uniform(-max_delta, max_delta, seed, True))
