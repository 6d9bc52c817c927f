"""3-D convolutions / pooling / reshaping and the remaining 1-D convolutions: float64 NumPy
references, tape gradients against central differences, TF 2.21's weight shapes and parameter
counts, and a Keras 3 fixture that loads and predicts what Keras predicted."""

import os

import numpy as np
import pytest

from fasttf import keras
from fasttf.keras import layers
from helpers import assert_close, check_grad

rng = np.random.default_rng(1)


def setup_function():
    keras.backend.clear_session()


def _conv3d_reference(x, kernel, strides=(1, 1, 1)):
    """VALID cross-correlation, one output position at a time."""
    kd, kh, kw, _, filters = kernel.shape
    n, d, h, w, _ = x.shape
    out_shape = [(size - k) // s + 1 for size, k, s in zip((d, h, w), (kd, kh, kw), strides)]
    out = np.zeros([n] + out_shape + [filters])
    for i in range(out_shape[0]):
        for j in range(out_shape[1]):
            for k in range(out_shape[2]):
                a, b, c = i * strides[0], j * strides[1], k * strides[2]
                window = x[:, a:a + kd, b:b + kh, c:c + kw]
                out[:, i, j, k] = np.einsum("ndhwc,dhwcf->nf", window, kernel)
    return out


def _conv3d_transpose_reference(x, kernel, strides):
    """VALID transposed convolution: each input voxel scatters kernel * value."""
    kd, kh, kw, filters, _ = kernel.shape
    n, d, h, w, _ = x.shape
    out = np.zeros((n, (d - 1) * strides[0] + kd, (h - 1) * strides[1] + kh,
                    (w - 1) * strides[2] + kw, filters))
    for i in range(d):
        for j in range(h):
            for k in range(w):
                a, b, c = i * strides[0], j * strides[1], k * strides[2]
                out[:, a:a + kd, b:b + kh, c:c + kw] += np.einsum("nc,dhwfc->ndhwf",
                                                                   x[:, i, j, k], kernel)
    return out


def test_conv3d_matches_numpy_and_tf_shapes():
    x = rng.standard_normal((2, 4, 5, 6, 2))
    conv = layers.Conv3D(3, (2, 3, 2), strides=(1, 2, 2), dtype="float64")
    out = conv(x)
    assert [(w.path, tuple(w.shape)) for w in conv.weights] == [
        ("conv3d/kernel", (2, 3, 2, 2, 3)), ("conv3d/bias", (3,))]
    assert conv.count_params() == 75
    assert_close(out, _conv3d_reference(x, conv.kernel.numpy(), (1, 2, 2)) + conv.bias.numpy())
    same = layers.Conv3D(2, 3, padding="same", dtype="float64")
    padded = np.pad(x, [(0, 0), (1, 1), (1, 1), (1, 1), (0, 0)])
    out = same(x)
    assert out.shape == (2, 4, 5, 6, 2)
    assert_close(out, _conv3d_reference(padded, same.kernel.numpy()) + same.bias.numpy())
    check_grad(lambda t: same(t), [x[:1, :2, :2, :3]])


def test_conv3d_transpose_matches_the_scatter_reference():
    x = rng.standard_normal((1, 2, 3, 2, 2))
    deconv = layers.Conv3DTranspose(3, (2, 3, 2), strides=(2, 1, 3), dtype="float64")
    out = deconv(x)
    assert tuple(deconv.kernel.shape) == (2, 3, 2, 3, 2) and deconv.count_params() == 75
    ref = _conv3d_transpose_reference(x, deconv.kernel.numpy(), (2, 1, 3))
    # Keras' VALID length is L * s + max(k - s, 0): the stride-3 axis gains one zero column.
    ref = np.pad(ref, [(0, 0), (0, 0), (0, 0), (0, 1), (0, 0)])
    assert_close(out, ref + deconv.bias.numpy())
    same = layers.Conv3DTranspose(2, 3, strides=2, padding="same", dtype="float64")
    assert same(x).shape == (1, 4, 6, 4, 2)
    check_grad(lambda t: same(t), [x[:, :1, :2]])


def test_conv1d_transpose_depthwise_and_separable_conv1d():
    x = rng.standard_normal((2, 6, 3))
    deconv = layers.Conv1DTranspose(4, 3, strides=2, dtype="float64")
    out = deconv(x)
    assert out.shape == (2, 13, 4) and tuple(deconv.kernel.shape) == (3, 4, 3)
    ref = _conv3d_transpose_reference(x[:, :, None, None], deconv.kernel.numpy()[:, None, None],
                                      (2, 1, 1))[:, :, 0, 0]
    assert_close(out, ref + deconv.bias.numpy())
    depthwise = layers.DepthwiseConv1D(3, depth_multiplier=2, dtype="float64")
    out = depthwise(x)
    assert [w.path for w in depthwise.weights] == ["depthwise_conv1d/kernel",
                                                   "depthwise_conv1d/bias"]
    k = depthwise.kernel.numpy()
    windows = np.stack([x[:, i:i + 3] for i in range(4)], 1)  # (n, out, k, c)
    ref = np.einsum("nokc,kcm->nocm", windows, k).reshape(2, 4, 6) + depthwise.bias.numpy()
    assert_close(out, ref)
    separable = layers.SeparableConv1D(4, 3, depth_multiplier=2, dtype="float64")
    out = separable(x)
    assert [tuple(w.shape) for w in separable.weights] == [(3, 3, 2), (1, 6, 4), (4,)]
    assert separable.count_params() == 46
    mid = np.einsum("nokc,kcm->nocm", windows, separable.depthwise_kernel.numpy())
    assert_close(out, mid.reshape(2, 4, 6) @ separable.pointwise_kernel.numpy()[0]
                 + separable.bias.numpy())
    check_grad(lambda t: separable(t), [x[:1, :4]])
    with pytest.raises(ValueError, match="padding"):
        layers.DepthwiseConv1D(3, padding="causal")


def test_3d_pooling_matches_numpy():
    x = rng.standard_normal((2, 4, 6, 5, 3))
    out = layers.MaxPooling3D((2, 3, 2), dtype="float64")(x)
    ref = x[:, :4, :6, :4].reshape(2, 2, 2, 2, 3, 2, 2, 3).max(axis=(2, 4, 6))
    assert_close(out, ref)
    avg = layers.AveragePooling3D(2, padding="same", dtype="float64")(x)
    assert avg.shape == (2, 2, 3, 3, 3)
    assert_close(avg[:, :, :, -1], x[:, :, :, 4:].reshape(2, 2, 2, 3, 2, 1, 3).mean((2, 4, 5)))
    assert_close(layers.GlobalMaxPooling3D(dtype="float64")(x), x.max((1, 2, 3)))
    assert_close(layers.GlobalAveragePooling3D(keepdims=True, dtype="float64")(x),
                 x.mean((1, 2, 3), keepdims=True))
    check_grad(lambda t: layers.AveragePooling3D(2, padding="same", dtype="float64")(t),
               [x[:1, :3, :3, :2, :1]])


def test_3d_reshaping_layers():
    x = rng.standard_normal((1, 2, 3, 4, 2))
    assert_close(layers.UpSampling3D((1, 2, 3), dtype="float64")(x),
                 x.repeat(2, axis=2).repeat(3, axis=3))
    pads = ((1, 0), (2, 1), (0, 3))
    assert_close(layers.ZeroPadding3D(pads, dtype="float64")(x),
                 np.pad(x, [(0, 0)] + list(pads) + [(0, 0)]))
    assert_close(layers.Cropping3D(((1, 0), (1, 1), (0, 2)), dtype="float64")(x),
                 x[:, 1:, 1:2, :2])
    with pytest.raises(ValueError, match="must be smaller than the input size"):
        layers.Cropping3D(((1, 1), (0, 0), (0, 0)))(x)
    with pytest.raises(ValueError, match="cannot be negative"):
        layers.Cropping3D(-1)


def test_keras3_volume_fixture_loads_and_predicts_like_keras(tmp_path):
    """Made by tests/fixtures/make_attention_fixtures.py with TF 2.21 / Keras 3."""
    from test_saving_interop import FIXTURES, unpack
    model = keras.models.load_model(unpack("k3_layers_volume.keras", tmp_path))
    data = np.load(os.path.join(FIXTURES, "k3_layers_volume.npz"))
    x = [data["x0"], data["x1"]]
    assert_close(model.predict(x, verbose=0), data["pred"], rtol=1e-4, atol=1e-5)
    model.save(str(tmp_path / "again.keras"))
    again = keras.models.load_model(str(tmp_path / "again.keras"))
    assert_close(again.predict(x, verbose=0), data["pred"], rtol=1e-4, atol=1e-5)
