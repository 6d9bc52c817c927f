"""TF's everyday extras: top-level index/cast/histogram ops, folds and scans, tf.nn extras and
tf.image colour, metrics and boxes. Expected values are NumPy references or the values TF 2
gives; gradients are checked against float64 central differences."""

import numpy as np
import pytest

import fasttf as tf
from helpers import assert_close, check_grad

# --- division, casts, histograms -----------------------------------------------------------------


def test_truncatediv_and_truncatemod_round_toward_zero():
    a, b = tf.constant([-7, 7, -7]), tf.constant([2, -2, -2])
    assert tf.truncatediv(a, b).numpy().tolist() == [-3, -3, 3]
    assert tf.truncatemod(a, b).numpy().tolist() == [-1, 1, -1]
    assert tf.truncatediv(tf.constant([-7., 7.]), 2.).numpy().tolist() == [-3., 3.]
    assert tf.truncatemod(tf.constant([-7.5, 7.]), tf.constant([2., -2.])).numpy().tolist() \
        == [-1.5, 1.]
    with pytest.raises(tf.errors.InternalError):   # TF's kernel error for integer / 0
        tf.truncatediv(a, tf.constant([0, 1, 1]))
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.truncatediv(a, tf.constant([1., 2., 3.]))


def test_realdiv_takes_floats_only():
    assert tf.realdiv(tf.constant([-7., 7.]), 2).numpy().tolist() == [-3.5, 3.5]
    with pytest.raises(tf.errors.NotFoundError):
        tf.realdiv(tf.constant([1]), tf.constant([2]))
    check_grad(lambda x, y: tf.realdiv(x, y), [np.array([1., -2.]), np.array([3., 0.5])])


def test_saturate_cast_clamps_as_tf():
    out = tf.saturate_cast([-300., 3.7, 300., np.nan, np.inf], tf.uint8)
    assert out.dtype == tf.uint8 and out.numpy().tolist() == [0, 3, 255, 0, 255]
    # float32 cannot hold 2**31 - 1: TF clamps to the float just below it
    assert tf.saturate_cast([-3e10, 3e10], tf.int32).numpy().tolist() == [-2147483648,
                                                                          2147483520]
    assert tf.saturate_cast(tf.constant([-1, 200], tf.uint8), tf.int8).numpy().tolist() == \
        [127, 127]
    assert tf.dtypes.saturate_cast(tf.constant([1e40], tf.float64), tf.float16).numpy()[0] \
        == np.float16(65504)
    with pytest.raises(TypeError):
        tf.saturate_cast([1, 2], tf.bool)
    x = tf.constant([1., -2., 3e39], tf.float64)
    with tf.GradientTape() as tape:   # clamped entries get no gradient, as through clip
        tape.watch(x)
        y = tf.reduce_sum(tf.saturate_cast(x, tf.float32) * tf.constant([2., 3., 4.]))
    assert tape.gradient(y, x).numpy().tolist() == [2., 3., 0.]


def test_histogram_fixed_width_and_bins():
    values = [-1., 0., 0.5, 1., 1.5, 5., 6.]
    assert tf.histogram_fixed_width(values, [0., 5.], nbins=5).numpy().tolist() == [3, 2, 0, 0, 2]
    assert tf.histogram_fixed_width([1, 2, 3, 4], [0, 5], nbins=5,
                                    dtype=tf.int64).dtype == tf.int64
    bins = tf.histogram_fixed_width_bins([[-1., 0.5], [1.5, np.inf]], [0., 5.], nbins=5)
    assert bins.dtype == tf.int32 and bins.numpy().tolist() == [[0, 0], [1, 4]]
    grid = np.linspace(0., 1., 101).astype(np.float32)
    assert tf.histogram_fixed_width(grid, [0., 1.], nbins=7).numpy().tolist() == \
        [15, 14, 14, 15, 14, 14, 15]   # TF's values
    for bad in ([1., np.nan], ):
        with pytest.raises(tf.errors.InvalidArgumentError):
            tf.histogram_fixed_width(bad, [0., 5.], nbins=5)
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.histogram_fixed_width([1., 2.], [5., 0.], nbins=5)
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.histogram_fixed_width([1., 2.], [0., 5.], nbins=0)


# --- index bookkeeping ---------------------------------------------------------------------------


def test_unravel_index():
    assert tf.unravel_index([1, 5, 7], [3, 3]).numpy().tolist() == [[0, 1, 2], [1, 2, 1]]
    assert tf.unravel_index(5, [3, 3]).numpy().tolist() == [1, 2]
    assert tf.unravel_index(tf.constant([23], tf.int64), [2, 3, 4]).dtype == tf.int64
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.unravel_index([9], [3, 3])
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.unravel_index([1.], [3, 3])


def test_dynamic_partition_and_stitch_round_trip():
    data = tf.constant([[1., 2.], [3., 4.], [5., 6.]])
    parts = tf.dynamic_partition(data, [1, 1, 0], 2)
    assert [p.numpy().tolist() for p in parts] == [[[5., 6.]], [[1., 2.], [3., 4.]]]
    back = tf.dynamic_stitch([[2], [0, 1]], parts)
    assert back.numpy().tolist() == data.numpy().tolist()
    # repeated index: the last write wins, unwritten rows are zeros
    assert tf.dynamic_stitch([[0, 2], [2, 4]], [[10, 30], [20, 40]]).numpy().tolist() == \
        [10, 0, 20, 0, 40]
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.dynamic_partition([10, 20], [0, 3], 3)
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.dynamic_stitch([[0, -1]], [[10, 30]])
    check_grad(lambda x: tf.dynamic_partition(x, [1, 0, 1, 1], 2)[1],
               [np.array([1., 2., 3., 4.])])


def test_dynamic_stitch_gradient_reaches_overwritten_slices_as_in_tf():
    x = tf.constant([1., 2., 3., 4.])
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = tf.dynamic_stitch([[0, 1], [1, 2]], [x[:2], x[2:]])
        loss = tf.reduce_sum(y * tf.constant([1., 2., 3.]))
    assert tape.gradient(loss, x).numpy().tolist() == [1., 2., 2., 3.]


def test_reverse_sequence():
    x = tf.constant([[1, 2, 3], [4, 5, 6]])
    out = tf.reverse_sequence(x, [2, 3], seq_axis=1, batch_axis=0)
    assert out.numpy().tolist() == [[2, 1, 3], [6, 5, 4]]
    out = tf.reverse_sequence(tf.transpose(x), [2, 0], seq_axis=0, batch_axis=1)
    assert out.numpy().tolist() == [[2, 4], [1, 5], [3, 6]]
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.reverse_sequence(x, [2, 4], seq_axis=1, batch_axis=0)
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.reverse_sequence(x, [0, 3], seq_axis=1, batch_axis=1)
    check_grad(lambda v: tf.reverse_sequence(v, [1, 3], seq_axis=2, batch_axis=0),
               [np.arange(24.).reshape(2, 3, 4)])


def _space_to_batch_reference(x, block, pads):
    x = np.pad(x, [(0, 0)] + list(pads) + [(0, 0)] * (x.ndim - 1 - len(block)))
    b, m = x.shape[0], len(block)
    shape = [b]
    for size, blk in zip(x.shape[1:1 + m], block):
        shape += [size // blk, blk]
    y = x.reshape(shape + list(x.shape[1 + m:]))
    perm = [2 + 2 * i for i in range(m)] + [0] + [1 + 2 * i for i in range(m)]
    y = y.transpose(perm + list(range(1 + 2 * m, y.ndim)))
    return y.reshape([-1] + [s // k for s, k in zip(x.shape[1:1 + m], block)]
                     + list(x.shape[1 + m:]))


def test_space_to_batch_and_back():
    x = np.arange(2 * 3 * 4 * 5, dtype=np.float32).reshape(2, 3, 4, 5)
    block, pads = [2, 3], [[1, 0], [1, 1]]
    out = tf.space_to_batch_nd(x, block, pads)
    assert_close(out, _space_to_batch_reference(x, block, pads))
    assert_close(tf.batch_to_space(out, block, pads), x)
    assert tf.space_to_batch(tf.reshape(tf.range(16), [1, 4, 4, 1]), [2, 2],
                             [[0, 0], [0, 0]])[:, :, :, 0].numpy()[1].tolist() == [[1, 3], [9, 11]]
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.space_to_batch_nd(x, [2, 2], [[0, 0], [0, 0]])   # 3 rows do not split in 2
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.batch_to_space(tf.zeros([3, 2, 2, 1]), [2, 2], [[0, 0], [0, 0]])
    check_grad(lambda v: tf.space_to_batch_nd(v, [2], [[1, 1]]), [np.arange(8.).reshape(2, 4)])
    check_grad(lambda v: tf.batch_to_space(v, [2], [[0, 1]]), [np.arange(8.).reshape(2, 4)])


def test_eager_helpers():
    assert tf.no_op() is None
    a = tf.constant(1)
    assert tf.tuple([a, None])[1] is None
    assert [t.numpy().tolist() for t in tf.identity_n([a, [2., 3.]])] == [1, [2., 3.]]
    assert tf.get_static_value(tf.constant([1, 2])).tolist() == [1, 2]
    assert tf.get_static_value(tf.Variable(3.)) is None
    stamp = tf.timestamp()
    assert stamp.dtype == tf.float64 and stamp.shape == []
    assert tf.assert_equal(a, 1) is None
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.assert_less(a, 0)


# --- folds and scans -----------------------------------------------------------------------------


def test_folds_and_scan():
    x = tf.constant([1, 2, 3])
    assert int(tf.foldl(lambda a, v: a * 10 + v, x)) == 123
    assert int(tf.foldr(lambda a, v: a * 10 + v, x)) == 321
    assert int(tf.foldl(lambda a, v: a + v, x, initializer=10)) == 16
    assert tf.scan(lambda a, v: a + v, x).numpy().tolist() == [1, 3, 6]
    assert tf.scan(lambda a, v: a + v, x, reverse=True).numpy().tolist() == [6, 5, 3]
    total, prod = tf.scan(lambda a, v: (a[0] + v, a[1] * v), x, initializer=(0, 1))
    assert total.numpy().tolist() == [1, 3, 6] and prod.numpy().tolist() == [1, 2, 6]
    assert tf.scan(lambda a, v: a + v, tf.constant([], tf.int32), initializer=0).shape == [0]
    with pytest.raises(tf.errors.OutOfRangeError):
        tf.foldl(lambda a, v: a + v, tf.constant([], tf.int32))
    check_grad(lambda v: tf.scan(lambda a, e: a * e, v), [np.array([1.5, 2., -3.])])
    check_grad(lambda v: tf.foldr(lambda a, e: a * e + 1., v), [np.array([1.5, 2., -3.])])


def test_vectorized_map():
    out = tf.vectorized_map(lambda v: (v[0] + v[1], v[0]), (tf.constant([1, 2]),
                                                             tf.constant([3, 4])))
    assert [o.numpy().tolist() for o in out] == [[4, 6], [1, 2]]
    check_grad(lambda v: tf.vectorized_map(lambda r: tf.reduce_sum(r * r), v),
               [np.arange(6.).reshape(3, 2)])


# --- tf.nn extras --------------------------------------------------------------------------------


def test_space_to_depth_and_depth_to_space():
    x = np.arange(2 * 4 * 6 * 3, dtype=np.float32).reshape(2, 4, 6, 3)
    expected = x.reshape(2, 2, 2, 3, 2, 3).transpose(0, 1, 3, 2, 4, 5).reshape(2, 2, 3, 12)
    packed = tf.nn.space_to_depth(x, 2)
    assert_close(packed, expected)
    assert_close(tf.nn.depth_to_space(packed, 2), x)
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.nn.space_to_depth(x, 4)           # 6 columns do not split in 4
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.nn.space_to_depth(x, 1)
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.nn.depth_to_space(x[0], 2)
    check_grad(lambda v: tf.nn.space_to_depth(v, 2), [np.arange(16.).reshape(1, 2, 4, 2)])


def _lrn_reference(x, r, bias, alpha, beta):
    sq = np.pad(x * x, [(0, 0)] * 3 + [(r, r)])
    window = sum(sq[..., k:k + x.shape[-1]] for k in range(2 * r + 1))
    return x / (bias + alpha * window) ** beta


def test_local_response_normalization():
    x = np.sin(np.arange(2 * 3 * 2 * 7.)).reshape(2, 3, 2, 7).astype(np.float32)
    for r, bias, alpha, beta in [(5, 1., 1., .5), (1, 2., .5, .75), (0, 1., 1., 1.), (9, 1., .3, 2.)]:
        assert_close(tf.nn.lrn(x, r, bias, alpha, beta),
                     _lrn_reference(x.astype(np.float64), r, bias, alpha, beta), rtol=1e-5)
    with pytest.raises(tf.errors.InvalidArgumentError):    # TF's LRN has no float64 kernel
        tf.nn.local_response_normalization(x.astype(np.float64))
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.nn.lrn(x[0])
    xt = tf.constant(x)
    with tf.GradientTape() as tape:
        tape.watch(xt)
        y = tf.reduce_sum(tf.nn.lrn(xt, 2, 1.5, 0.3, 0.75) * tf.constant(x))
    analytic = tape.gradient(y, xt).numpy()
    eps, flat = 1e-6, x.astype(np.float64).reshape(-1)
    for j in (0, 5, 17, 40):   # float64 central differences of the reference at a few entries
        plus, minus = flat.copy(), flat.copy()
        plus[j] += eps
        minus[j] -= eps
        f = [np.sum(_lrn_reference(v.reshape(x.shape), 2, 1.5, .3, .75) * x) for v in (plus, minus)]
        assert abs(analytic.reshape(-1)[j] - (f[0] - f[1]) / (2 * eps)) < 1e-4


def test_separable_and_dilated_convolutions():
    x = np.random.default_rng(0).standard_normal((1, 5, 5, 2))
    depthwise = np.random.default_rng(1).standard_normal((3, 3, 2, 2))
    pointwise = np.random.default_rng(2).standard_normal((1, 1, 4, 3))
    expected = tf.nn.conv2d(tf.nn.depthwise_conv2d(x, depthwise, [1, 1, 1, 1], "SAME"),
                            pointwise, 1, "VALID")
    assert_close(tf.nn.separable_conv2d(x, depthwise, pointwise, [1, 1, 1, 1], "SAME"),
                 expected.numpy())
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.nn.separable_conv2d(x, depthwise, pointwise[:, :, :3], [1, 1, 1, 1], "SAME")
    check_grad(lambda a, d, p: tf.nn.separable_conv2d(a, d, p, [1, 1, 1, 1], "VALID"),
               [x[:, :4, :4], depthwise[:2, :2], pointwise])
    image = np.arange(25.).reshape(1, 5, 5, 1)
    atrous = tf.nn.atrous_conv2d(image, np.ones((2, 2, 1, 1)), 2, "VALID")
    assert atrous.numpy()[0, :, :, 0].tolist() == [[24., 28., 32.], [44., 48., 52.],
                                                   [64., 68., 72.]]
    assert_close(tf.nn.convolution(image, np.ones((2, 2, 1, 1)), padding="VALID", dilations=2),
                 atrous.numpy())
    assert tf.nn.convolution(np.arange(8.).reshape(1, 8, 1), np.ones((2, 1, 1)), strides=2,
                             padding="SAME").numpy().reshape(-1).tolist() == [1., 5., 9., 13.]
    assert tf.nn.conv_transpose(tf.ones([1, 2, 1]), tf.ones([2, 3, 1]), [1, 4, 3], 2,
                                "SAME").shape == [1, 4, 3]
    with pytest.raises(ValueError):
        tf.nn.atrous_conv2d(image, np.ones((2, 2, 1, 1)), 0, "SAME")


def test_weighted_moments_and_sufficient_statistics():
    x = np.array([[1., 2., 5.], [3., 4., -1.]], np.float32)
    w = np.array([[1.], [2.]], np.float32)
    mean, var = tf.nn.weighted_moments(x, [1], w)
    assert_close(mean, [8. / 3, 2.])
    assert_close(var, [np.mean((x[0] - 8. / 3) ** 2), np.mean((x[1] - 2.) ** 2)])
    mean, var = tf.nn.weighted_moments(x, [0, 1], np.zeros((2, 3), np.float32))
    assert float(mean) == 0. and float(var) == 0.     # 0 / 0 gives 0, as TF's div_no_nan
    count, sums, squares, shift = tf.nn.sufficient_statistics(x, [0], shift=1.)
    assert float(count) == 2. and float(shift) == 1.
    assert_close(sums, (x - 1).sum(0))
    assert_close(squares, ((x - 1) ** 2).sum(0))
    assert tf.nn.sufficient_statistics(x, [0, 1], keepdims=True)[1].shape == [1, 1]
    assert tf.nn.sufficient_statistics(x, [0])[3] is None
    check_grad(lambda v: tf.stack(tf.nn.weighted_moments(v, [1], tf.constant([[1.], [2.]],
                                                                              tf.float64))),
               [x.astype(np.float64)])


def test_pool_and_max_pool_with_argmax():
    image = np.arange(16.).reshape(1, 4, 4, 1)
    assert tf.nn.pool(image, [2, 2], "MAX", strides=[2, 2]).numpy().reshape(-1).tolist() == \
        [5., 7., 13., 15.]
    assert tf.nn.pool(image, [2, 2], "AVG", dilations=[2, 2]).numpy().reshape(-1).tolist() == \
        [5., 6., 9., 10.]
    with pytest.raises(ValueError):
        tf.nn.pool(image, [2, 2], "MAX", padding="SAME", dilations=[2, 2])
    check_grad(lambda v: tf.nn.pool(v, [2, 2], "MAX", dilations=[2, 1]),
               [np.sin(np.arange(25.)).reshape(1, 5, 5, 1)])
    x = np.cos(np.arange(2 * 5 * 5 * 3.)).reshape(2, 5, 5, 3).astype(np.float32)
    output, argmax = tf.nn.max_pool_with_argmax(x, 3, 2, "SAME", include_batch_in_index=True)
    assert_close(output, tf.nn.max_pool2d(x, 3, 2, "SAME").numpy())
    assert argmax.dtype == tf.int64
    assert_close(np.take(x.reshape(-1), argmax.numpy()), output.numpy())
    _, argmax = tf.nn.max_pool_with_argmax(tf.ones([1, 2, 2, 1]), 2, 2, "VALID",
                                           output_dtype=tf.int32)
    assert argmax.dtype == tf.int32 and argmax.numpy().reshape(-1).tolist() == [0]   # first max


# --- tf.image colour -----------------------------------------------------------------------------

_PIXELS = np.array([[[0.2, 0.5, 0.7], [0.9, 0.1, 0.4]]], np.float32)


def test_hsv_round_trip_and_values():
    hsv = tf.image.rgb_to_hsv(_PIXELS)
    np.testing.assert_array_equal(hsv.numpy(), np.array(
        [[[0.5666666626930237, 0.7142857313156128, 0.7], [0.9375, 0.8888888359069824, 0.9]]],
        np.float32))   # TF's values
    assert_close(tf.image.hsv_to_rgb(hsv), _PIXELS, atol=1e-6)
    gray = tf.image.rgb_to_hsv(tf.constant([[0.3, 0.3, 0.3], [0., 0., 0.]]))
    assert gray.numpy().tolist() == [[0., 0., np.float32(0.3)], [0., 0., 0.]]
    with pytest.raises(tf.errors.FailedPreconditionError):
        tf.image.rgb_to_hsv(tf.ones([2, 2]))
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.image.rgb_to_hsv(tf.ones([2, 3], tf.int32))
    # TF's closed-form gradient; away from channel ties it is the true derivative
    check_grad(tf.image.rgb_to_hsv, [np.array([[0.2, 0.5, 0.7], [0.9, 0.1, 0.4],
                                               [0.3, 0.8, 0.6]])], rtol=1e-4, atol=1e-6)


def test_yiq_and_yuv_are_inverse_matrices():
    x = np.random.default_rng(3).uniform(size=(2, 3, 3)).astype(np.float64)
    yiq = np.array([[0.299, 0.59590059, 0.2115], [0.587, -0.27455667, -0.52273617],
                    [0.114, -0.32134392, 0.31119955]])
    assert_close(tf.image.rgb_to_yiq(x), x @ yiq)
    # TF's matrices are inverses to about 1e-5
    assert_close(tf.image.yiq_to_rgb(tf.image.rgb_to_yiq(x)), x, atol=1e-4)
    assert_close(tf.image.yuv_to_rgb(tf.image.rgb_to_yuv(x)), x, atol=1e-4)
    with pytest.raises(TypeError):
        tf.image.rgb_to_yuv(tf.ones([2, 3], tf.int32))
    check_grad(tf.image.rgb_to_yuv, [x])


def test_adjust_hue_saturation_contrast_match_tf_kernels():
    hue = tf.image.adjust_hue(_PIXELS, 0.3).numpy()
    np.testing.assert_array_equal(hue, np.array(
        [[[0.699999988079071, 0.20000000298023224, 0.5999998450279236],
          [0.5599998235702515, 0.8999999761581421, 0.10000000149011612]]], np.float32))
    saturation = tf.image.adjust_saturation(_PIXELS, 0.4).numpy()
    np.testing.assert_array_equal(saturation, np.array(
        [[[0.5, 0.6200000047683716, 0.699999988079071],
          [0.8999999761581421, 0.5800000429153442, 0.7000000476837158]]], np.float32))
    image = np.arange(12, dtype=np.uint8).reshape(2, 2, 3) * 20
    contrast = tf.image.adjust_contrast(image, 1.5)
    assert contrast.dtype == tf.uint8
    assert contrast.numpy().tolist() == [[[0, 0, 0], [45, 65, 85]], [[135, 155, 175],
                                                                     [225, 245, 255]]]
    with pytest.raises(ValueError):
        tf.image.adjust_hue(_PIXELS, 1.5)
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.image.adjust_saturation(tf.ones([2, 2, 4]), 2.)
    with pytest.raises(tf.errors.NotFoundError):      # no float16 CPU kernel in TF
        tf.image.adjust_hue(tf.ones([2, 2, 3], tf.float16), 0.1)


def test_adjust_gamma():
    x = np.linspace(0, 1, 12, dtype=np.float32).reshape(2, 2, 3)
    assert_close(tf.image.adjust_gamma(x, 2.2, gain=0.5), 0.5 * x.astype(np.float64) ** 2.2,
                 rtol=1e-5, atol=1e-6)
    assert tf.image.adjust_gamma(tf.constant([[[255, 128, 0]]], tf.uint8), 2.).numpy()\
        .tolist() == [[[255, 64, 0]]]
    with pytest.raises(ValueError):
        tf.image.adjust_gamma(x, -1.)
    xt = tf.constant(x + 0.1)   # float64 images are computed in float32, as TF
    with tf.GradientTape() as tape:
        tape.watch(xt)
        y = tf.reduce_sum(tf.image.adjust_gamma(xt, 1.7, 0.8))
    assert_close(tape.gradient(y, xt), 0.8 * 1.7 * (x + 0.1).astype(np.float64) ** 0.7,
                 rtol=1e-5)


def test_random_colour_ops_honour_seeds():
    image = np.random.default_rng(0).uniform(size=(4, 4, 3)).astype(np.float32)
    ops = [lambda s: tf.image.random_brightness(image, 0.3, seed=s),
           lambda s: tf.image.random_contrast(image, 0.2, 1.8, seed=s),
           lambda s: tf.image.random_saturation(image, 0.2, 1.8, seed=s),
           lambda s: tf.image.random_hue(image, 0.4, seed=s)]
    for op in ops:
        tf.random.set_seed(7)
        first = op(5).numpy()
        tf.random.set_seed(7)
        np.testing.assert_array_equal(op(5).numpy(), first)
        assert first.shape == image.shape and first.dtype == np.float32
    stateless = [lambda s: tf.image.stateless_random_brightness(image, 0.3, seed=s),
                 lambda s: tf.image.stateless_random_contrast(image, 0.2, 1.8, seed=s),
                 lambda s: tf.image.stateless_random_saturation(image, 0.2, 1.8, seed=s),
                 lambda s: tf.image.stateless_random_hue(image, 0.4, seed=s)]
    for op in stateless:
        np.testing.assert_array_equal(op((1, 2)).numpy(), op((1, 2)).numpy())
        assert not np.array_equal(op((1, 2)).numpy(), op((3, 4)).numpy())
    delta = tf.image.stateless_random_brightness(image, 0.3, seed=(1, 2)).numpy() - image
    assert np.ptp(delta) < 1e-6 and abs(delta.flat[0]) <= 0.3
    for bad in (lambda: tf.image.random_contrast(image, 0.8, 0.2),
                lambda: tf.image.random_saturation(image, -0.1, 0.2),
                lambda: tf.image.random_hue(image, 0.6),
                lambda: tf.image.random_brightness(image, -0.1)):
        with pytest.raises(ValueError):
            bad()


# --- tf.image metrics and derivatives ------------------------------------------------------------

_A = np.abs(np.sin(np.arange(1., 1 + 16 * 16 * 3) * 0.37)).reshape(16, 16, 3).astype(np.float32)
_B = np.abs(np.cos(np.arange(1., 1 + 16 * 16 * 3) * 0.11)).reshape(16, 16, 3).astype(np.float32)


def test_psnr():
    mse = np.mean((_A.astype(np.float64) - _B) ** 2)
    assert_close(tf.image.psnr(_A, _B, 1.0), 20 * np.log10(1.0) - 10 * np.log10(mse), rtol=1e-6)
    assert abs(float(tf.image.psnr(_A, _B, 1.0)) - 7.247959136962891) < 1e-5   # TF's value
    as_u8 = (_A * 255).astype(np.uint8), (_B * 255).astype(np.uint8)
    assert tf.image.psnr(*as_u8, 255).dtype == tf.float32
    assert tf.image.psnr(np.stack([_A, _B]), _B, 1.0).shape == [2]
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.image.psnr(_A, _B[:8], 1.0)
    x = tf.constant(_A)
    with tf.GradientTape() as tape:   # d psnr / d a = -10 / ln 10 * 2 (a - b) / (N * mse)
        tape.watch(x)
        value = tf.image.psnr(x, _B, 1.0)
    expected = -10 / np.log(10) * 2 * (_A.astype(np.float64) - _B) / (_A.size * mse)
    assert_close(tape.gradient(value, x), expected, rtol=1e-4, atol=1e-7)


def test_ssim_matches_tf_and_its_definition():
    assert abs(float(tf.image.ssim(_A, _B, 1.0)) - 0.026691755279898643) < 1e-5   # TF's values
    assert abs(float(tf.image.ssim(_A, _A * 0.9 + 0.05, 1.0, filter_size=7))
               - 0.9942697882652283) < 1e-5
    assert abs(float(tf.image.ssim(_A, _A, 1.0)) - 1.0) < 1e-6
    assert tf.image.ssim(_A, _B, 1.0, return_index_map=True).shape == [6, 6]
    ms = tf.image.ssim_multiscale(_A, _B, 1.0, power_factors=(0.5, 0.5), filter_size=3)
    assert ms.shape == [] and 0 < float(ms) < 1
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.image.ssim(_A, _B, 1.0, filter_size=17)      # larger than the image
    with pytest.raises(ValueError):
        tf.image.ssim(_A, _B[:, :8], 1.0)
    x = tf.constant(_A)
    with tf.GradientTape() as tape:
        tape.watch(x)
        value = tf.image.ssim(x, _B, 1.0, filter_size=5)
    grad = tape.gradient(value, x).numpy()
    eps, j = 1e-3, (3, 4, 1)
    bumped = [_A.copy(), _A.copy()]
    bumped[0][j] += eps
    bumped[1][j] -= eps
    numeric = (float(tf.image.ssim(bumped[0], _B, 1.0, filter_size=5))
               - float(tf.image.ssim(bumped[1], _B, 1.0, filter_size=5))) / (2 * eps)
    assert abs(grad[j] - numeric) < 1e-3 * max(1., abs(numeric))


def test_total_variation_gradients_and_sobel():
    x = np.arange(24.).reshape(2, 3, 4, 1) ** 1.5
    expected = (np.abs(np.diff(x, axis=1)).sum(axis=(1, 2, 3))
                + np.abs(np.diff(x, axis=2)).sum(axis=(1, 2, 3)))
    assert_close(tf.image.total_variation(x), expected)
    assert_close(tf.image.total_variation(x[0]), expected[0])
    check_grad(tf.image.total_variation, [np.sin(np.arange(24.)).reshape(2, 3, 4, 1)])
    dy, dx = tf.image.image_gradients(x)
    assert_close(dy[:, :-1], np.diff(x, axis=1))
    assert_close(dx[:, :, :-1], np.diff(x, axis=2))
    assert float(tf.reduce_sum(tf.abs(dy[:, -1]))) == 0. and dx.shape == x.shape
    with pytest.raises(ValueError):
        tf.image.image_gradients(x[0])
    edges = tf.image.sobel_edges(x)
    assert edges.shape == [2, 3, 4, 1, 2]
    padded = np.pad(x, [(0, 0), (1, 1), (1, 1), (0, 0)], mode="reflect")
    vertical = (padded[:, 2:, :-2] + 2 * padded[:, 2:, 1:-1] + padded[:, 2:, 2:]
                - padded[:, :-2, :-2] - 2 * padded[:, :-2, 1:-1] - padded[:, :-2, 2:])
    assert_close(edges[..., 0], vertical)
    check_grad(tf.image.sobel_edges, [np.sin(np.arange(12.)).reshape(1, 3, 4, 1)])


# --- tf.image boxes and patches ------------------------------------------------------------------

_IMG4 = np.arange(2 * 4 * 5 * 2, dtype=np.float32).reshape(2, 4, 5, 2)


def _bilinear_reference(image, box, crop_h, crop_w, extrapolation=0.):
    """float64 reference of TF's crop_and_resize for one box."""
    height, width = image.shape[:2]
    y1, x1, y2, x2 = box
    ys = (y1 * (height - 1) + np.arange(crop_h) * (y2 - y1) * (height - 1) / (crop_h - 1)
          if crop_h > 1 else np.array([0.5 * (y1 + y2) * (height - 1)]))
    xs = (x1 * (width - 1) + np.arange(crop_w) * (x2 - x1) * (width - 1) / (crop_w - 1)
          if crop_w > 1 else np.array([0.5 * (x1 + x2) * (width - 1)]))
    out = np.full((crop_h, crop_w, image.shape[2]), extrapolation)
    for i, y in enumerate(ys):
        for j, x in enumerate(xs):
            if 0 <= y <= height - 1 and 0 <= x <= width - 1:
                y0, x0, dy, dx = int(np.floor(y)), int(np.floor(x)), y - np.floor(y), x - np.floor(x)
                y1_, x1_ = int(np.ceil(y)), int(np.ceil(x))
                top = image[y0, x0] + (image[y0, x1_] - image[y0, x0]) * dx
                bottom = image[y1_, x0] + (image[y1_, x1_] - image[y1_, x0]) * dx
                out[i, j] = top + (bottom - top) * dy
    return out


def test_crop_and_resize():
    boxes = np.array([[0, 0, 1, 1], [0.1, 0.2, 0.6, 0.9], [0.5, 0.5, 0.2, 0.1],
                      [-0.2, 0.3, 1.3, 0.8]], np.float32)
    out = tf.image.crop_and_resize(_IMG4, boxes, [0, 1, 0, 1], [5, 4], extrapolation_value=-1.)
    assert out.shape == [4, 5, 4, 2] and out.dtype == tf.float32
    for i, b in enumerate([0, 1, 0, 1]):
        assert_close(out[i], _bilinear_reference(_IMG4[b].astype(np.float64),
                                                 boxes[i].astype(np.float64), 5, 4, -1.),
                     rtol=1e-5, atol=1e-4)
    centre = tf.image.crop_and_resize(_IMG4, boxes, [0, 1, 0, 1], [1, 1])
    assert_close(centre[:, 0, 0, 0], [19., 54.9, 12.9, 60.9], atol=1e-4)   # TF's values
    nearest = tf.image.crop_and_resize(_IMG4, boxes[:1], [0], [3, 2], method="nearest")
    assert nearest.numpy()[0, :, :, 0].tolist() == [[0., 8.], [20., 28.], [30., 38.]]
    with pytest.raises(tf.errors.OutOfRangeError):
        tf.image.crop_and_resize(_IMG4, boxes, [0, 1, 0, 2], [3, 2])
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.image.crop_and_resize(_IMG4, boxes, [0, 1, 0], [3, 2])
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.image.crop_and_resize(_IMG4, boxes, [0, 1, 0, 1], [0, 2])
    inside = np.array([[0.13, 0.27, 0.91, 0.66], [0.9, 0.8, 0.05, 0.3]])
    # the crop is linear in the image: its gradient is the crop's adjoint, probed per pixel
    weights = np.random.default_rng(0).standard_normal((2, 3, 4, 2)).astype(np.float32)

    def loss(image):
        return tf.reduce_sum(tf.image.crop_and_resize(image, inside.astype(np.float32), [1, 0],
                                                      [3, 4]) * weights)
    image = tf.constant(np.sin(_IMG4))
    with tf.GradientTape() as tape:
        tape.watch(image)
        value = loss(image)
    grad = tape.gradient(value, image).numpy()
    for index in [(0, 0, 0, 0), (0, 3, 4, 1), (1, 1, 2, 0), (1, 2, 3, 1), (0, 2, 2, 0)]:
        bump = np.zeros_like(_IMG4)
        bump[index] = 1.
        numeric = float(loss(np.sin(_IMG4) + bump)) - float(value)
        assert abs(grad[index] - numeric) < 1e-4


def test_non_max_suppression():
    boxes = [[0, 0, 1, 1], [0, 0.1, 1, 1.1], [0, -0.1, 1, 0.9], [0, 10, 1, 11],
             [0, 10.1, 1, 11.1], [0, 100, 1, 101]]
    scores = [0.9, 0.75, 0.6, 0.95, 0.5, 0.3]
    kept = tf.image.non_max_suppression(boxes, scores, 3, 0.5)
    assert kept.dtype == tf.int32 and kept.numpy().tolist() == [3, 0, 5]
    assert tf.image.non_max_suppression(boxes, scores, 10, 0.5,
                                        score_threshold=0.4).numpy().tolist() == [3, 0]
    # identical boxes survive an IoU threshold of 1 (suppression needs IoU > threshold)
    assert tf.image.non_max_suppression([[0, 0, 1, 1]] * 2, [0.9, 0.9], 10, 1.0).numpy()\
        .tolist() == [0, 1]
    indices, soft = tf.image.non_max_suppression_with_scores(boxes, scores, 6, 1.0,
                                                             soft_nms_sigma=0.5)
    assert indices.numpy().tolist() == [3, 0, 1, 5, 4, 2]    # TF's order
    assert_close(soft, [0.95, 0.9, 0.38400355, 0.3, 0.2560026, 0.19697244], rtol=1e-5)
    padded, count = tf.image.non_max_suppression_padded(boxes, scores, 5, 0.5,
                                                        pad_to_max_output_size=True)
    assert padded.numpy().tolist() == [3, 0, 5, 0, 0] and int(count) == 3
    overlaps = [[1, 0.8, 0.1], [0.8, 1, 0.2], [0.1, 0.2, 1]]
    assert tf.image.non_max_suppression_overlaps(overlaps, [0.5, 0.9, 0.3], 3, 0.5).numpy()\
        .tolist() == [1, 2]
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.image.non_max_suppression(boxes, scores, 3, 1.5)
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.image.non_max_suppression(boxes, scores[:2], 3, 0.5)
    assert tf.image.non_max_suppression(tf.zeros([0, 4]), tf.zeros([0]), 3).shape == [0]


def test_extract_patches():
    out = tf.image.extract_patches(_IMG4, [1, 2, 2, 1], [1, 2, 2, 1], [1, 1, 1, 1], "VALID")
    assert out.shape == [2, 2, 2, 8]
    assert out.numpy()[0, 0, 1].tolist() == [4., 5., 6., 7., 14., 15., 16., 17.]
    same = tf.image.extract_patches(_IMG4, [1, 3, 2, 1], [1, 1, 2, 1], [1, 1, 2, 1], "SAME")
    assert same.shape == [2, 4, 3, 12]
    assert same.numpy()[0, 0, 1].tolist() == [0., 0., 0., 0., 2., 3., 6., 7., 12., 13., 16., 17.]
    with pytest.raises(tf.errors.UnimplementedError):
        tf.image.extract_patches(_IMG4, [2, 2, 2, 1], [1, 2, 2, 1], [1, 1, 1, 1], "VALID")
    check_grad(lambda v: tf.image.extract_patches(v, [1, 2, 2, 1], [1, 1, 2, 1], [1, 1, 1, 1],
                                                  "SAME"), [np.sin(np.arange(24.)).reshape(1, 3, 4, 2)])


# --- tf.image crops, pads, drawing ---------------------------------------------------------------


def test_random_crops_honour_seeds_and_stay_inside():
    image = tf.constant(_IMG4)
    tf.random.set_seed(11)
    first = tf.image.random_crop(image, [1, 2, 3, 2], seed=4)
    tf.random.set_seed(11)
    np.testing.assert_array_equal(tf.image.random_crop(image, [1, 2, 3, 2], seed=4).numpy(),
                                  first.numpy())
    values = first.numpy()
    b, y, x = [int(v) for v in np.argwhere(_IMG4 == values[0, 0, 0, 0])[0][:3]]
    np.testing.assert_array_equal(values, _IMG4[b:b + 1, y:y + 2, x:x + 3])
    crop = tf.image.stateless_random_crop(image, [2, 3, 3, 1], seed=(1, 2))
    np.testing.assert_array_equal(crop.numpy(), tf.image.stateless_random_crop(
        image, [2, 3, 3, 1], seed=(1, 2)).numpy())
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.image.random_crop(image, [1, 5, 3, 2])
    with tf.GradientTape() as tape:
        tape.watch(image)
        total = tf.reduce_sum(tf.image.random_crop(image, [1, 2, 3, 2], seed=1))
    assert float(tf.reduce_sum(tape.gradient(total, image))) == 12.


def test_stateless_flips():
    image = tf.constant(_IMG4)
    for flip, axis in ((tf.image.stateless_random_flip_left_right, 2),
                       (tf.image.stateless_random_flip_up_down, 1)):
        outs = [flip(image, seed=(s, 0)).numpy() for s in range(8)]
        for out in outs:   # every image is either itself or its mirror
            for b in range(2):
                assert (np.array_equal(out[b], _IMG4[b])
                        or np.array_equal(out[b], np.flip(_IMG4[b], axis - 1)))
        np.testing.assert_array_equal(flip(image, seed=(5, 0)).numpy(), outs[5])
        assert any(not np.array_equal(out, _IMG4) for out in outs)


def test_resize_with_pad():
    out = tf.image.resize_with_pad(_IMG4[0], 3, 8)
    assert_close(out[..., 0], [[0., 0., 2.3333334922790527, 5.6666669845581055, 9., 0., 0., 0.],
                               [0., 0., 15.666666030883789, 19., 22.333332061767578, 0., 0., 0.],
                               [0., 0., 29., 32.333335876464844, 35.66666793823242, 0., 0., 0.]])
    assert tf.image.resize_with_pad(_IMG4, 6, 6).shape == [2, 6, 6, 2]
    assert tf.image.resize_with_pad(tf.cast(_IMG4, tf.uint8), 3, 8,
                                    method="nearest").dtype == tf.uint8
    with pytest.raises(ValueError):
        tf.image.resize_with_pad(_IMG4, 0, 8)


def test_draw_bounding_boxes():
    drawn = tf.image.draw_bounding_boxes(tf.zeros([1, 5, 5, 1]),
                                         [[[0.1, 0.1, 0.9, 0.9], [0.9, 0.1, 0.1, 0.9]]],
                                         tf.zeros([0, 4]))   # default colours; inverted skipped
    assert drawn.numpy()[0, ..., 0].tolist() == [[1., 1., 1., 1., 0.], [1., 0., 0., 1., 0.],
                                                 [1., 0., 0., 1., 0.], [1., 1., 1., 1., 0.],
                                                 [0., 0., 0., 0., 0.]]
    rgb = tf.image.draw_bounding_boxes(tf.zeros([1, 4, 4, 3]), [[[0., 0., 1., 1.]]],
                                       [[0.2, 0.4, 0.6]])
    assert_close(rgb[0, 0, 0], [0.2, 0.4, 0.6])
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.image.draw_bounding_boxes(tf.zeros([1, 5, 5, 2]), [[[0.1, 0.1, 0.9, 0.9]]], [[1., 1.]])
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.image.draw_bounding_boxes(tf.zeros([1, 5, 5, 3], tf.uint8), [[[0., 0., 1., 1.]]],
                                     [[1., 1., 1.]])


# --- edge cases TF defines -----------------------------------------------------------------------


def test_edge_cases_follow_tf():
    assert [int(v) for v in tf.identity_n(tf.constant([1, 2]))] == [1, 2]   # rows of a tensor
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.identity_n([])
    with pytest.raises(tf.errors.InvalidArgumentError):   # no uint8/int8/int16 kernel
        tf.truncatemod(tf.constant([7], tf.uint8), tf.constant([3], tf.uint8))
    assert tf.truncatediv(tf.constant([7], tf.uint8), tf.constant([3], tf.uint8)).numpy()[0] == 2
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.unravel_index(tf.constant([], tf.int32), [2, 3])
    bins = tf.histogram_fixed_width_bins([np.nan, 1.], [0., 2.], nbins=4)
    assert bins.numpy().tolist() == [-2147483648, 2]    # NaN casts to INT_MIN, as in TF
    with pytest.raises(ValueError):    # fn must keep the accumulator's structure
        tf.foldl(lambda a, x: a + x[0] - x[1], (tf.constant([1, 2]), tf.constant([3, 4])))
    with pytest.raises(IndexError):    # a list of numbers is a structure of scalars
        tf.scan(lambda a, x: a + x, [1, 2, 3])
    with pytest.raises(ValueError):
        tf.dynamic_stitch([tf.constant([0, 1], tf.int64)], [[5, 6]])
    with pytest.raises(TypeError):
        tf.nn.convolution(tf.ones([1, 4, 4, 1]), tf.ones([2, 2, 1, 1]),
                          padding=[[0, 0], [1, 1], [1, 1], [0, 0]])


def test_max_pool_with_argmax_nan_and_integers():
    out, argmax = tf.nn.max_pool_with_argmax(tf.constant([[[[np.nan], [1.]], [[2.], [0.]]]]),
                                             2, 2, "VALID")
    assert np.isnan(out.numpy()).all() and argmax.numpy().tolist() == [[[[0]]]]  # first NaN
    out, argmax = tf.nn.max_pool_with_argmax(tf.reshape(tf.range(16), [1, 4, 4, 1]), 2, 2,
                                             "VALID")
    assert out.dtype == tf.int32 and out.numpy().reshape(-1).tolist() == [5, 7, 13, 15]
    assert argmax.numpy().reshape(-1).tolist() == [5, 7, 13, 15]
    x = tf.constant(np.sin(np.arange(32.)).reshape(2, 4, 2, 2).astype(np.float32))
    with tf.GradientTape() as tape:
        tape.watch(x)
        output, argmax = tf.nn.max_pool_with_argmax(x, 2, 2, "SAME", include_batch_in_index=True)
        total = tf.reduce_sum(output * 3.)
    grad = tape.gradient(total, x).numpy().reshape(-1)
    assert sorted(np.flatnonzero(grad).tolist()) == sorted(argmax.numpy().reshape(-1).tolist())
    assert set(grad[grad != 0].tolist()) == {3.}


def test_image_edge_cases_follow_tf():
    assert tf.image.rgb_to_yiq(tf.constant([0.2, 0.4, 0.6], tf.float16)).dtype == tf.float16
    assert tf.image.adjust_contrast(tf.zeros([2, 0, 3]), 2.).shape == [2, 0, 3]
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.image.adjust_contrast(tf.ones([2, 2, 3]), [2.])
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.image.ssim(tf.ones([11, 11, 1]), tf.ones([11, 11, 1], tf.float64), 1.)
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.image.sobel_edges(tf.zeros([4, 4, 1]))
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.image.crop_and_resize(tf.ones([1, 2, 2, 1]), [[np.nan, 0., 1., 1.]], [0], [2, 2])
    with pytest.raises(tf.errors.OutOfRangeError):
        tf.image.extract_patches(tf.zeros([1, 2, 2, 1]), [1, 1, 1, 1], [1, 0, 1, 1],
                                 [1, 1, 1, 1], "VALID")
    # a NaN corner truncates to INT64_MIN in TF's kernel: the box loses its top edge only
    drawn = tf.image.draw_bounding_boxes(tf.zeros([1, 5, 5, 1]), [[[np.nan, 0., 1., 1.]]],
                                         [[1.]])
    assert drawn.numpy()[0, ..., 0].tolist() == [[1., 0., 0., 0., 1.]] * 4 + [[1.] * 5]


def test_combined_non_max_suppression():
    boxes = np.array([[[[0, 0, 1, 1]], [[0, 0.1, 1, 1.1]], [[0, 2, 1, 3]], [[-1, -1, 0.5, 0.5]]]],
                     np.float32)
    scores = np.array([[[0.9, 0.1], [0.8, 0.7], [0.3, 0.95], [0.6, 0.2]]], np.float32)
    result = tf.image.combined_non_max_suppression(boxes, scores, 2, 5)
    assert int(result.valid_detections[0]) == 4
    # class 0 keeps boxes 0 and 3 (box 1 overlaps box 0), class 1 keeps boxes 2 and 1
    assert_close(result.nmsed_scores[0], [0.95, 0.9, 0.7, 0.6, 0.])
    assert result.nmsed_classes.numpy()[0].tolist() == [1., 0., 1., 0., 0.]
    assert_close(result.nmsed_boxes[0, 3], [0., 0., 0.5, 0.5])     # clipped to [0, 1]
    unclipped = tf.image.combined_non_max_suppression(boxes, scores, 2, 3, clip_boxes=False)
    assert unclipped.nmsed_boxes.shape == [1, 3, 4]
    padded = tf.image.combined_non_max_suppression(boxes, scores, 1, 10, pad_per_class=True)
    assert padded.nmsed_scores.shape == [1, 2] and int(padded.valid_detections[0]) == 2
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.image.combined_non_max_suppression(boxes, scores, 0, 5)


def test_more_nn_extras():
    targets = np.array([0., 0.5, 2., 4.])
    log_input = np.array([0.1, -0.3, 0.7, 1.2])
    expected = np.exp(log_input) - log_input * targets
    stirling = targets * np.log(np.maximum(targets, 1e-300)) - targets + 0.5 * np.log(
        2 * np.pi * np.maximum(targets, 1e-300))
    full = expected + np.where((targets >= 0) & (targets <= 1), 0, stirling)
    assert_close(tf.nn.log_poisson_loss(targets, log_input), expected)
    assert_close(tf.nn.log_poisson_loss(targets, log_input, compute_full_loss=True), full)
    check_grad(lambda v: tf.nn.log_poisson_loss(tf.constant(targets), v, True), [log_input])
    with pytest.raises(ValueError):
        tf.nn.log_poisson_loss([1., 2.], [0.1, 0.2, 0.3])
    x = np.arange(12.).reshape(2, 2, 3)
    mean, var = np.array([1., 2., 3.]), np.array([0.5, 1., 2.])
    beta, gamma = np.array([0.1, 0.2, 0.3]), np.array([2., 3., 4.])
    assert_close(tf.nn.batch_norm_with_global_normalization(x, mean, var, beta, gamma, 1e-3, True),
                 (x - mean) / np.sqrt(var + 1e-3) * gamma + beta)
    values, indices = tf.nn.approx_max_k(tf.constant([[1., 5., 3., 4.]]), 2)
    assert values.numpy().tolist() == [[5., 4.]] and indices.numpy().tolist() == [[1, 3]]
    values, indices = tf.nn.approx_min_k(tf.constant([[1., 5., 3., 4.]]), 2)
    assert values.numpy().tolist() == [[1., 3.]] and indices.numpy().tolist() == [[0, 2]]
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.nn.approx_max_k(tf.constant([[1, 5]]), 1)
    dy = np.random.default_rng(0).standard_normal((1, 3, 3, 2)).astype(np.float32)
    w = np.random.default_rng(1).standard_normal((2, 2, 2, 1)).astype(np.float32)
    x = tf.constant(np.random.default_rng(2).standard_normal((1, 4, 4, 2)).astype(np.float32))
    with tf.GradientTape(persistent=True) as tape:   # the backprops are conv's gradients
        tape.watch(x)
        wt = tf.constant(w)
        tape.watch(wt)
        y = tf.reduce_sum(tf.nn.depthwise_conv2d(x, wt, [1, 1, 1, 1], "VALID") * dy)
    assert_close(tf.nn.depthwise_conv2d_backprop_input([1, 4, 4, 2], w, dy, [1, 1, 1, 1],
                                                       "VALID"), tape.gradient(y, x).numpy())
    assert_close(tf.nn.depthwise_conv2d_backprop_filter(x, [2, 2, 2, 1], dy, [1, 1, 1, 1],
                                                        "VALID"), tape.gradient(y, wt).numpy(),
                 rtol=1e-5, atol=1e-5)
    paddings, crops = tf.required_space_to_batch_paddings([5, 7], [2, 3], [[1, 1], [0, 2]])
    assert paddings.numpy().tolist() == [[1, 2], [0, 2]]    # TF's values
    assert crops.numpy().tolist() == [[0, 1], [0, 0]]


# --- 3-D convolution and pooling -----------------------------------------------------------------


def _conv3d_reference(x, w, stride, pads):
    """float64 direct 3-D convolution (NDHWC, DHWIO) with explicit zero padding."""
    x = np.pad(x, [(0, 0)] + list(pads) + [(0, 0)])
    kd, kh, kw = w.shape[:3]
    out = [(x.shape[1 + i] - w.shape[i]) // stride[i] + 1 for i in range(3)]
    y = np.zeros([x.shape[0]] + out + [w.shape[4]])
    for a in range(kd):
        for b in range(kh):
            for c in range(kw):
                patch = x[:, a:a + (out[0] - 1) * stride[0] + 1:stride[0],
                          b:b + (out[1] - 1) * stride[1] + 1:stride[1],
                          c:c + (out[2] - 1) * stride[2] + 1:stride[2]]
                y += patch @ w[a, b, c]
    return y


def test_conv3d_and_3d_pools():
    rng = np.random.default_rng(0)
    x = rng.standard_normal((2, 5, 4, 4, 2))
    w = rng.standard_normal((2, 3, 2, 2, 3))
    assert_close(tf.nn.conv3d(x, w, [1, 1, 1, 1, 1], "VALID"),
                 _conv3d_reference(x, w, [1, 1, 1], [(0, 0)] * 3))
    # SAME with strides (2, 1, 2): depth pads (0, 1), height (1, 1), width (0, 0)
    assert_close(tf.nn.conv3d(x, w, [1, 2, 1, 2, 1], "SAME"),
                 _conv3d_reference(x, w, [2, 1, 2], [(0, 1), (1, 1), (0, 0)]))
    assert_close(tf.nn.convolution(x, w, padding="VALID"),
                 _conv3d_reference(x, w, [1, 1, 1], [(0, 0)] * 3))
    check_grad(lambda a, b: tf.nn.conv3d(a, b, [1, 2, 1, 1, 1], "SAME"),
               [x[:1, :3, :3, :3], w[:, :2, :2]])
    pooled = tf.nn.max_pool3d(x, [1, 3, 2, 2, 1], [1, 2, 1, 2, 1], "SAME")
    padded = np.pad(x, [(0, 0), (1, 1), (0, 1), (0, 0), (0, 0)], constant_values=-np.inf)
    expected = np.stack([np.stack([np.stack([
        padded[:, 2 * d:2 * d + 3, h:h + 2, 2 * c:2 * c + 2].max(axis=(1, 2, 3))
        for c in range(2)], 1) for h in range(4)], 1) for d in range(3)], 1)
    assert_close(pooled, expected)
    averaged = tf.nn.avg_pool3d(x, 2, 2, "VALID")
    assert_close(averaged, x[:, :4].reshape(2, 2, 2, 2, 2, 2, 2, 2).mean(axis=(2, 4, 6)))
    # SAME averages count only the real voxels
    assert_close(tf.nn.avg_pool3d(np.ones((1, 3, 3, 3, 1)), 2, 2, "SAME"), np.ones((1, 2, 2, 2, 1)))
    check_grad(lambda a: tf.nn.avg_pool3d(a, [1, 3, 2, 2, 1], [1, 2, 1, 2, 1], "SAME"),
               [x[:1, :, :3, :3]])
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.nn.conv3d(x, w, [1, 1, 1, 1], "SAME")
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.nn.conv3d(x, w[:, :, :, :1], [1, 1, 1, 1, 1], "SAME")


def test_conv3d_transpose_is_conv3d_input_gradient():
    rng = np.random.default_rng(1)
    w = rng.standard_normal((2, 3, 2, 2, 3)).astype(np.float32)     # (KD, KH, KW, Cout, Cin)
    for strides, padding, out_shape, dilations in [
            ([1, 2, 1, 2, 1], "SAME", [2, 5, 4, 4, 2], None),
            ([1, 1, 1, 1, 1], "VALID", [1, 5, 4, 4, 2], None),
            ([1, 1, 1, 1, 1], "SAME", [1, 5, 4, 4, 2], [1, 2, 1, 2, 1]),
            ([1, 3, 2, 3, 1], "VALID", [1, 6, 5, 5, 2], None)]:
        probe = tf.zeros(out_shape)
        with tf.GradientTape() as tape:
            tape.watch(probe)
            y = tf.nn.conv3d(probe, w, strides, padding,
                             dilations=dilations)
        dy = tf.constant(rng.standard_normal(y.shape.as_list()).astype(np.float32))
        expected = tape.gradient(y, probe, output_gradients=dy)
        got = tf.nn.conv3d_transpose(dy, w, out_shape, strides, padding, dilations=dilations)
        assert_close(got, expected.numpy(), rtol=1e-4, atol=1e-4)
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.nn.conv3d_transpose(tf.ones([2, 3, 4, 2, 3]), w, [2, 7, 4, 4, 2], [1, 2, 1, 2, 1], "SAME")


def test_sample_distorted_bounding_box():
    box = [[[0.1, 0.2, 0.5, 0.7]]]     # rows 2..10, columns 6..21 of a 20 x 30 image
    for seed in range(5):
        tf.random.set_seed(seed)
        begin, size, bboxes = tf.image.sample_distorted_bounding_box(
            [20, 30, 3], box, min_object_covered=0.3, area_range=(0.05, 1.0))
        (y, x, c), (h, w, last) = begin.numpy().tolist(), size.numpy().tolist()
        assert c == 0 and last == -1 and 0 <= y and y + h <= 20 and 0 <= x and x + w <= 30
        covered = max(0, min(y + h, 10) - max(y, 2)) * max(0, min(x + w, 21) - max(x, 6))
        assert covered / (8 * 15) >= 0.3 and 0.05 * 600 <= h * w <= 600
        assert_close(bboxes[0, 0], [y / 20, x / 30, (y + h) / 20, (x + w) / 30])
    tf.random.set_seed(3)
    first = tf.image.sample_distorted_bounding_box([20, 30, 3], box, seed=7).begin.numpy()
    tf.random.set_seed(3)
    np.testing.assert_array_equal(
        tf.image.sample_distorted_bounding_box([20, 30, 3], box, seed=7).begin.numpy(), first)
    stateless = [tf.image.stateless_sample_distorted_bounding_box(
        tf.constant([20, 30, 3], tf.int64), box, seed=(1, 2)) for _ in range(2)]
    assert stateless[0].begin.dtype == tf.int64
    np.testing.assert_array_equal(stateless[0].size.numpy(), stateless[1].size.numpy())
    whole = tf.image.sample_distorted_bounding_box([20, 30, 3], box, area_range=[0.5, 0.1])
    assert whole.size.numpy().tolist() == [20, 30, -1]     # no crop possible: the whole image
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.image.sample_distorted_bounding_box([20, 30, 3], tf.zeros([1, 0, 4]))
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.image.sample_distorted_bounding_box([20, 30, 3], [[[0.1, 0.2, 1.5, 0.7]]])


def test_huge_sizes_raise_instead_of_exhausting_memory():
    with pytest.raises(tf.errors.ResourceExhaustedError):
        tf.histogram_fixed_width([1.], [0., 1.], nbins=2 ** 50)
    with pytest.raises(tf.errors.ResourceExhaustedError):
        tf.dynamic_stitch([[0, 2 ** 31 - 1]], [tf.zeros([2, 1024])])
    with pytest.raises(tf.errors.ResourceExhaustedError):
        tf.image.crop_and_resize(tf.zeros([1, 2, 2, 1]), [[0., 0., 1., 1.]], [0], [10 ** 6, 10 ** 6])
    assert tf.nn.max_pool3d(tf.ones([1, 2, 3, 3, 1]), [1, 10 ** 9, 1, 1, 1], 1,
                            "VALID").shape == [1, 0, 3, 3, 1]
