"""keras.applications: ResNet50 architecture (layer names/order as Keras'), weights from files
and from the Keras cache ("imagenet", never downloaded here), preprocessing and decoding.

Reference values below were produced by TensorFlow 2.21's tf.keras.applications.ResNet50 with
the same seeded weights and input (see tools/check_resnet_against_keras.py for the full check).
"""

import json
import urllib.error
import urllib.request

import h5py
import numpy as np
import pytest

import fasttf as tf
from fasttf import keras
from fasttf.keras import layers
from fasttf.keras.applications import imagenet_utils
from fasttf.keras.datasets._download import DatasetDownloadError

NOTOP_FILE = "resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5"


@pytest.fixture
def offline(monkeypatch, tmp_path):
    """An empty Keras cache under tmp_path and a network that refuses every connection."""
    def refuse(*args, **kwargs):
        raise urllib.error.URLError("network disabled in tests")
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras_home"))
    monkeypatch.setattr(imagenet_utils, "CLASS_INDEX", None)
    return tmp_path / "keras_home" / "models"


def seeded_weights(model, seed=1234):
    """Deterministic weights, identical to the ones used to get the TF reference values."""
    rng = np.random.default_rng(seed)
    for layer in model.layers:
        kind = type(layer).__name__
        if kind in ("Conv2D", "Dense"):
            kernel, bias = layer.weights
            fan_in = int(np.prod(tuple(kernel.shape)[:-1]))
            kernel.assign(rng.normal(0, np.sqrt(1.0 / fan_in), tuple(kernel.shape))
                          .astype("float32"))
            bias.assign(rng.normal(0, 0.05, tuple(bias.shape)).astype("float32"))
        elif kind == "BatchNormalization":
            gamma, beta, mean, var = layer.weights
            n = gamma.shape[0]
            gamma.assign(rng.uniform(0.8, 1.2, n).astype("float32"))
            beta.assign(rng.normal(0, 0.1, n).astype("float32"))
            mean.assign(rng.normal(0, 0.1, n).astype("float32"))
            var.assign(rng.uniform(0.5, 1.5, n).astype("float32"))
    return model


@pytest.fixture(scope="module")
def seeded_notop():
    """ResNet50(include_top=False) with the seeded weights, built once for the module."""
    return seeded_weights(keras.applications.ResNet50(weights=None, include_top=False))


def small_input():
    return np.random.default_rng(7).uniform(0, 1, (2, 32, 32, 3)).astype("float32")


# -- architecture ---------------------------------------------------------------------------
def test_resnet50_notop_architecture_matches_keras():
    model = keras.applications.ResNet50(weights=None, include_top=False)
    assert model.name == "resnet50"
    assert model.count_params() == 23_587_712
    trainable = sum(int(np.prod(tuple(w.shape))) for w in model.trainable_weights)
    assert trainable == 23_534_592  # 53,120 BN moving statistics are non-trainable
    names = [layer.name for layer in model.layers]
    assert len(names) == 175
    # Keras' order: main branch of a block before its shortcut (weights files rely on it).
    assert names[1:16] == [
        "conv1_pad", "conv1_conv", "conv1_bn", "conv1_relu", "pool1_pad", "pool1_pool",
        "conv2_block1_1_conv", "conv2_block1_1_bn", "conv2_block1_1_relu",
        "conv2_block1_2_conv", "conv2_block1_2_bn", "conv2_block1_2_relu",
        "conv2_block1_0_conv", "conv2_block1_3_conv", "conv2_block1_0_bn"]
    assert names[-1] == "conv5_block3_out"
    assert sum(n.endswith("_add") for n in names) == 16
    bn = model.get_layer("conv4_block6_3_bn")
    assert bn.epsilon == pytest.approx(1.001e-5)
    assert tuple(model.get_layer("conv1_conv").kernel.shape) == (7, 7, 3, 64)
    assert tuple(model.get_layer("conv5_block1_0_conv").kernel.shape) == (1, 1, 1024, 2048)
    assert tuple(model.outputs[0].shape.dims) == (None, None, None, 2048)
    assert tuple(model.get_layer("conv3_block2_out").output.shape.dims) == \
        (None, None, None, 512)


def test_resnet50_with_top_and_pooling_variants():
    model = keras.applications.ResNet50(weights=None, classifier_activation=None)
    assert model.count_params() == 25_636_712
    assert [layer.name for layer in model.layers[-2:]] == ["avg_pool", "predictions"]
    assert tuple(model.inputs[0].shape.dims) == (None, 224, 224, 3)
    assert tuple(model.outputs[0].shape.dims) == (None, 1000)
    small = keras.applications.ResNet50(weights=None, include_top=True, classes=10,
                                        input_shape=(32, 32, 3))
    assert small.count_params() == 23_587_712 + 2048 * 10 + 10
    out = small(small_input()).numpy()
    np.testing.assert_allclose(out.sum(axis=1), 1.0, rtol=1e-5)  # softmax top
    # pooling="avg" gives the same avg_pool layer as the top; check "max".
    m = keras.applications.ResNet50(weights=None, include_top=False, pooling="max",
                                    input_shape=(32, 32, 3))
    assert m.layers[-1].name == "max_pool"
    features = m.get_layer("conv5_block3_out").output
    assert tuple(features.shape.dims) == (None, 1, 1, 2048)
    assert tuple(m(small_input()).shape) == (2, 2048)


def test_resnet50_forward_matches_tensorflow_values(seeded_notop):
    model = seeded_notop
    out = model(tf.constant(small_input()), training=False)
    assert tuple(out.shape) == (2, 1, 1, 2048)
    out = out.numpy().reshape(2, 2048)
    expected = np.array([[1.6582551, 0.8041574, 0.0, 0.3598878, 0.2612496, 0.5122367],
                         [1.9481434, 0.8771247, 0.0, 0.4033003, 0.3052829, 0.6553041]])
    np.testing.assert_allclose(out[:, :6], expected, atol=1e-4, rtol=1e-5)
    np.testing.assert_allclose(out.mean(axis=1), [0.524774, 0.5324359], rtol=1e-5)


def test_input_tensor_and_summary():
    inp = keras.Input(shape=(32, 32, 3))
    model = keras.applications.ResNet50(weights=None, include_top=False, input_tensor=inp)
    assert model.inputs[0] is inp
    lines = []
    model.summary(print_fn=lines.append)
    text = "\n".join(lines)
    assert "Connected to" in text and "conv5_block3_add" in text
    assert " Total params: 23,587,712 (89.98 MB)" in text
    assert "│ (None, 1, 1,      │" in text   # (None, 1, 1, 2048) wrapped as Keras 3 does


def test_argument_errors(tmp_path):
    apps = keras.applications
    with pytest.raises(ValueError, match="weights"):
        apps.ResNet50(weights=str(tmp_path / "missing.h5"))
    with pytest.raises(ValueError, match="classes"):
        apps.ResNet50(weights="imagenet", classes=10)
    with pytest.raises(ValueError, match="at least 32x32"):
        apps.ResNet50(weights=None, include_top=False, input_shape=(16, 16, 3))
    with pytest.raises(ValueError, match="static"):
        apps.ResNet50(weights=None, include_top=True, input_shape=(None, None, 3))
    with pytest.raises(ValueError, match="input_shape"):
        apps.ResNet50(weights="imagenet", include_top=True, input_shape=(64, 64, 3))
    with pytest.raises(ValueError, match="three integers"):
        apps.ResNet50(weights=None, include_top=False, input_shape=(64, 64))
    with pytest.raises(ValueError, match="pooling"):
        apps.ResNet50(weights=None, include_top=False, pooling="mean")
    with pytest.raises(ValueError, match="softmax"):
        apps.ResNet50(weights="imagenet", classifier_activation="relu")


# -- weights ----------------------------------------------------------------------------------
def _write_legacy_h5(model, path, reverse=False):
    """A Keras 2 style weights file (as Keras' pretrained files): layer_names, weight_names."""
    layer_list = list(model.layers)[::-1] if reverse else list(model.layers)
    with h5py.File(path, "w") as f:
        f.attrs["layer_names"] = np.array([layer.name.encode() for layer in layer_list])
        f.attrs["backend"] = b"tensorflow"
        f.attrs["keras_version"] = b"2.2.4"
        for layer in layer_list:
            g = f.create_group(layer.name)
            wnames = ["%s/%s:0" % (layer.name, w.name.split("/")[-1].split(":")[0])
                      for w in layer.weights]
            g.attrs["weight_names"] = np.array([n.encode() for n in wnames])
            for n, w in zip(wnames, layer.weights):
                g.create_dataset(n, data=w.numpy())


def test_imagenet_weights_from_the_keras_cache(offline, seeded_notop):
    source = seeded_notop
    offline.mkdir(parents=True)
    # Layers listed in reverse: loading must go by layer name, not by position.
    _write_legacy_h5(source, offline / NOTOP_FILE, reverse=True)
    model = keras.applications.ResNet50(weights="imagenet", include_top=False)
    x = small_input()
    np.testing.assert_array_equal(model(x).numpy(), source(x).numpy())


def test_imagenet_weights_missing_offline_names_the_file(offline):
    with pytest.raises(DatasetDownloadError) as info:
        keras.applications.ResNet50(weights="imagenet", include_top=False)
    message = str(info.value)
    assert NOTOP_FILE in message and str(offline) in message
    assert "storage.googleapis.com/tensorflow/keras-applications/resnet/" in message
    assert not any(p.name == NOTOP_FILE for p in offline.iterdir())


def test_imagenet_file_of_another_architecture_is_rejected(offline):
    offline.mkdir(parents=True)
    other = keras.Sequential([layers.Dense(3, input_shape=(4,), name="conv1_conv")])
    _write_legacy_h5(other, offline / NOTOP_FILE)
    with pytest.raises(ValueError, match=NOTOP_FILE):
        keras.applications.ResNet50(weights="imagenet", include_top=False)


def test_weights_from_a_weights_h5_path(tmp_path, seeded_notop):
    source = seeded_notop
    path = str(tmp_path / "r.weights.h5")
    source.save_weights(path)
    model = keras.applications.ResNet50(weights=path, include_top=False,
                                        input_shape=(32, 32, 3))
    x = small_input()
    np.testing.assert_array_equal(model(x).numpy(), source(x).numpy())


# -- preprocessing / decoding ---------------------------------------------------------------
def test_preprocess_input_modes():
    rng = np.random.default_rng(3)
    images = rng.uniform(0, 255, (2, 4, 5, 3))
    caffe = images[..., ::-1] - np.array([103.939, 116.779, 123.68])
    torch = (images / 255.0 - np.array([0.485, 0.456, 0.406])) / np.array([0.229, 0.224, 0.225])
    expected = {"caffe": caffe, "tf": images / 127.5 - 1.0, "torch": torch}
    for mode, ref in expected.items():
        got = imagenet_utils.preprocess_input(images.astype("float32"), mode=mode)
        np.testing.assert_allclose(got, ref, rtol=1e-5, atol=1e-4)
        got_t = imagenet_utils.preprocess_input(tf.constant(images.astype("float32")),
                                                mode=mode)
        assert isinstance(got_t, tf.Tensor) and got_t.dtype == tf.float32
        np.testing.assert_allclose(got_t.numpy(), ref, rtol=1e-5, atol=1e-4)
    first = imagenet_utils.preprocess_input(np.transpose(images, (0, 3, 1, 2)).copy(),
                                            data_format="channels_first")
    np.testing.assert_allclose(first, np.transpose(caffe, (0, 3, 1, 2)), atol=1e-9)
    ints = keras.applications.resnet50.preprocess_input(images.astype("uint8"))
    assert ints.dtype == np.float32
    with pytest.raises(ValueError, match="mode"):
        imagenet_utils.preprocess_input(images, mode="bgr")
    with pytest.raises(ValueError, match="data_format"):
        imagenet_utils.preprocess_input(images, data_format="nhwc")


def test_decode_predictions(offline):
    offline.mkdir(parents=True)
    index = {str(i): ["n%08d" % i, "class_%d" % i] for i in range(1000)}
    (offline / "imagenet_class_index.json").write_text(json.dumps(index))
    preds = np.zeros((2, 1000), "float32")
    preds[0, [5, 7, 9]] = [0.2, 0.5, 0.3]
    preds[1, 999] = 1.0
    out = keras.applications.resnet50.decode_predictions(tf.constant(preds), top=3)
    assert [r[1] for r in out[0]] == ["class_7", "class_9", "class_5"]
    assert out[0][0][0] == "n00000007" and out[0][0][2] == pytest.approx(0.5)
    assert out[1][0][:2] == ("n00000999", "class_999")
    with pytest.raises(ValueError, match="samples, 1000"):
        imagenet_utils.decode_predictions(np.zeros((2, 10)))


def test_decode_predictions_offline_without_class_index(offline):
    with pytest.raises(DatasetDownloadError, match="imagenet_class_index.json"):
        imagenet_utils.decode_predictions(np.zeros((1, 1000)))


# -- the course notes, section 7.8 ----------------------------------------------------------
@pytest.mark.slow
def test_notes_section_7_8(offline):
    import time
    source = keras.applications.ResNet50(weights=None, include_top=False)
    offline.mkdir(parents=True)
    source.save_weights(str(offline / NOTOP_FILE))
    resnet = keras.applications.ResNet50(weights="imagenet", include_top=False)
    resnet.summary()
    x = tf.random.normal([4, 224, 224, 3])
    start = time.perf_counter()
    out = resnet(x)
    elapsed = time.perf_counter() - start
    assert tuple(out.shape) == (4, 7, 7, 2048)
    assert elapsed < 10, elapsed
    resnet.trainable = False
    mynet = keras.Sequential([resnet, layers.GlobalAveragePooling2D(), layers.Dense(100)])
    mynet.summary()
    assert tuple(mynet(x).shape) == (4, 100)
    assert len(mynet.trainable_variables) == 2
