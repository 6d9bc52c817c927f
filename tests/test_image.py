"""tf.image: expected values printed by TensorFlow 2.21 (half-pixel-centre resize)."""

import numpy as np
import pytest

import fasttf as tf

GRID = tf.reshape(tf.range(12.), [1, 3, 4, 1])


def test_resize_bilinear_matches_tf():
    up = tf.image.resize(GRID, [6, 8])
    assert up.dtype == tf.float32 and up.shape == (1, 6, 8, 1)
    np.testing.assert_allclose(up[0, :, :, 0].numpy()[:2], [
        [0.0, 0.25, 0.75, 1.25, 1.75, 2.25, 2.75, 3.0],
        [1.0, 1.25, 1.75, 2.25, 2.75, 3.25, 3.75, 4.0]], rtol=1e-6)
    np.testing.assert_allclose(tf.image.resize(GRID, [2, 3])[0, :, :, 0].numpy(),
                               [[1.1667, 2.5, 3.8333], [7.1667, 8.5, 9.8333]], atol=1e-4)
    assert tf.image.resize(tf.constant([[[1], [2]]], tf.uint8), [2, 2]).dtype == tf.float32


def test_resize_nearest_keeps_dtype_and_matches_tf():
    x = tf.reshape(tf.range(12), [3, 4, 1])
    out = tf.image.resize(x, [3, 2], method="nearest")
    assert out.dtype == tf.int32
    np.testing.assert_array_equal(out[:, :, 0].numpy(), [[1, 3], [5, 7], [9, 11]])
    np.testing.assert_array_equal(
        tf.image.resize(x, [2, 3], method=tf.image.ResizeMethod.NEAREST_NEIGHBOR)[:, :, 0],
        [[0, 2, 3], [8, 10, 11]])
    with pytest.raises(NotImplementedError):
        tf.image.resize(x, [2, 2], method="bicubic")


def test_resize_gradient_is_the_transposed_interpolation():
    # resize is linear: d/dx_i sum(resize(x) * w) = sum(resize(e_i) * w)
    rng = np.random.default_rng(0)
    w = tf.constant(rng.standard_normal((1, 5, 3, 2)).astype(np.float32))
    x = tf.Variable(rng.standard_normal((1, 3, 4, 2)).astype(np.float32))
    with tf.GradientTape() as tape:
        y = tf.reduce_sum(tf.image.resize(x, [5, 3]) * w)
    expected = np.zeros(x.shape, np.float32)
    for i in np.ndindex(*x.shape):
        e = np.zeros(x.shape, np.float32)
        e[i] = 1.
        expected[i] = tf.reduce_sum(tf.image.resize(e, [5, 3]) * w).numpy()
    np.testing.assert_allclose(tape.gradient(y, x).numpy(), expected, rtol=1e-5, atol=1e-6)


def test_flips_rotations_crops():
    x = tf.reshape(tf.range(6), [2, 3, 1])
    np.testing.assert_array_equal(tf.image.flip_left_right(x)[:, :, 0], [[2, 1, 0], [5, 4, 3]])
    np.testing.assert_array_equal(tf.image.flip_up_down(x)[:, :, 0], [[3, 4, 5], [0, 1, 2]])
    np.testing.assert_array_equal(tf.image.rot90(x)[:, :, 0], [[2, 5], [1, 4], [0, 3]])
    np.testing.assert_array_equal(tf.image.rot90(x, k=3)[:, :, 0], [[3, 0], [4, 1], [5, 2]])
    sq = tf.reshape(tf.range(16), [4, 4, 1])
    np.testing.assert_array_equal(tf.image.resize_with_crop_or_pad(sq, 3, 5)[:, :, 0],
                                  [[0, 1, 2, 3, 0], [4, 5, 6, 7, 0], [8, 9, 10, 11, 0]])
    np.testing.assert_array_equal(
        tf.image.central_crop(tf.reshape(tf.range(25), [5, 5, 1]), 0.6)[:, :, 0],
        [[6, 7, 8], [11, 12, 13], [16, 17, 18]])
    np.testing.assert_array_equal(tf.image.pad_to_bounding_box(tf.ones([1, 1, 1]), 1, 0, 2, 2)
                                  [:, :, 0], [[0., 0.], [1., 0.]])
    with pytest.raises(ValueError):
        tf.image.crop_to_bounding_box(tf.ones([4, 4, 1]), 3, 3, 2, 2)
    flipped = tf.image.random_flip_left_right(tf.ones([3, 2, 2, 1]), seed=1)
    assert flipped.shape == (3, 2, 2, 1)


def test_pixel_maths():
    np.testing.assert_array_equal(
        tf.image.convert_image_dtype(tf.constant([0.5, 1.0]), tf.uint8).numpy(), [127, 255])
    assert tf.image.convert_image_dtype(tf.constant([255], tf.uint8), tf.float32).numpy()[0] == 1.
    np.testing.assert_array_equal(
        tf.image.convert_image_dtype(tf.constant([1.5, -0.5]), tf.uint8, saturate=True), [255, 0])
    np.testing.assert_allclose(tf.image.rgb_to_grayscale(tf.constant([[[1., 2., 3.]]])).numpy(),
                               [[[1.8149]]], rtol=1e-6)
    assert tf.image.adjust_brightness(tf.constant([[[1]]], tf.uint8), 0.1).numpy()[0, 0, 0] == 26
    s = tf.image.per_image_standardization(tf.constant([[[1], [2]]], tf.uint8))
    assert s.dtype == tf.float32
    np.testing.assert_allclose(s.numpy().ravel(), [-0.70710677, 0.70710677], rtol=1e-6)
    assert tf.image.grayscale_to_rgb(tf.ones([2, 2, 1])).shape == (2, 2, 3)
