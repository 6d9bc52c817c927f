"""Files move between fasttf and real Keras, for every layer fasttf has.

Keras -> fasttf: fixtures written by Keras 3 (`.keras`, the `model.weights.h5` inside it,
legacy `.h5`) and by TF-Keras 2 (legacy `.h5`, weight names `dense/kernel:0`) load into fasttf
and predict what Keras predicted. fasttf -> Keras: fasttf writes the same datasets, layer names
and config keys Keras writes, and `make_fixtures.py --check-fasttf` (run in a virtualenv with
Keras) loads fasttf-written files with Keras 3 and TF-Keras 2; its record,
keras_reads_fasttf.npz, must show Keras predicting what the original model predicted. The
fixtures and the script that made them live in tests/fixtures/."""

import gzip
import io
import json
import os
import shutil
import zipfile

import numpy as np
import pytest

from fasttf import keras

h5py = pytest.importorskip("h5py")
FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures", "keras_io")
LAYER_MODELS = ["cnn", "seq1d", "embed", "merge", "rnn"]
KERAS_FILES = ["k3_layers_%s.keras" % n for n in LAYER_MODELS] + \
    ["k3_layers_%s.h5" % n for n in LAYER_MODELS] + ["k2_layers_%s.h5" % n for n in LAYER_MODELS]
# Layers that no fixture uses, and why.
NOT_IN_FIXTURES = {
    "Lambda": "holds Python code, which Keras saves as bytecode only with safe_mode off",
    "ThresholdedReLU": "Keras 3 no longer has it",
    "InputLayer": "written implicitly by Input()",
    "SpatialDropout3D": "needs 5-D inputs, which no other fasttf layer takes; same config "
                        "code as SpatialDropout2D",
    **{cell: "a cell: the rnn fixture has it inside an RNN layer's config" for cell in
       ("LSTMCell", "GRUCell", "SimpleRNNCell", "StackedRNNCells")},
}


def unpack(name, directory):
    """The fixture `name` as a plain file in `directory` (layer fixtures are stored gzipped)."""
    path = os.path.join(FIXTURES, name)
    if os.path.exists(path):
        return path
    out = os.path.join(str(directory), name)
    with gzip.open(path + ".gz") as src, open(out, "wb") as dst:
        shutil.copyfileobj(src, dst)
    return out


def expected(name):
    data = np.load(os.path.join(FIXTURES, name.split(".")[0] + ".npz"))
    x = data["x"] if "x" in data else [data["x0"], data["x1"]]
    return x, data["pred"]


def predict(model, x):
    return model.predict(x, verbose=0)


def zero_weights(model):
    for w in model.weights:
        w.assign(np.zeros(w.shape, w.dtype.as_numpy_dtype))


def keras_config(path):
    if path.endswith(".keras"):
        with zipfile.ZipFile(path) as z:
            return json.loads(z.read("config.json"))
    with h5py.File(path, "r") as f:
        return json.loads(f.attrs["model_config"])


def layer_configs(config):
    return {spec["config"]["name"]: spec for spec in config["config"]["layers"]}


def h5_layout(source, group=None):
    """{dataset path: shape} of an HDF5 file (path or bytes), under `group` if given."""
    items = {}
    with h5py.File(io.BytesIO(source) if isinstance(source, bytes) else source, "r") as f:
        root = f[group] if group else f
        root.visititems(lambda n, o: items.__setitem__(n, getattr(o, "shape", None)))
    return items


# -- Keras -> fasttf --------------------------------------------------------------------
@pytest.mark.parametrize("name", KERAS_FILES)
def test_load_model_of_keras_file_predicts_like_keras(tmp_path, name):
    path = unpack(name, tmp_path)
    x, pred = expected(name)
    model = keras.models.load_model(path)
    np.testing.assert_allclose(predict(model, x), pred, rtol=1e-5, atol=1e-6)
    # Compiled as Keras compiled it, with the step count of two epochs of two batches.
    assert type(model.optimizer).__name__ == "SGD"
    assert int(model.optimizer.iterations.numpy()) == 4


@pytest.mark.parametrize("name", KERAS_FILES)
def test_load_weights_of_keras_file_predicts_like_keras(tmp_path, name):
    path = unpack(name, tmp_path)
    x, pred = expected(name)
    model = keras.models.load_model(path, compile=False)
    zero_weights(model)
    model.load_weights(path)
    np.testing.assert_allclose(predict(model, x), pred, rtol=1e-5, atol=1e-6)
    if name.endswith(".keras"):  # the Keras 3 `.weights.h5` file is the one inside `.keras`
        with zipfile.ZipFile(path) as z:
            (tmp_path / "w.weights.h5").write_bytes(z.read("model.weights.h5"))
        zero_weights(model)
        model.load_weights(str(tmp_path / "w.weights.h5"))
        np.testing.assert_allclose(predict(model, x), pred, rtol=1e-5, atol=1e-6)


def test_batch_norm_moving_statistics_come_from_the_file(tmp_path):
    model = keras.models.load_model(unpack("k2_layers_cnn.h5", tmp_path))
    bn = model.get_layer("batch_normalization")
    with h5py.File(unpack("k2_layers_cnn.h5", tmp_path), "r") as f:
        g = f["model_weights/batch_normalization/batch_normalization"]
        np.testing.assert_array_equal(bn.moving_mean.numpy(), g["moving_mean:0"][()])
        np.testing.assert_array_equal(bn.moving_variance.numpy(), g["moving_variance:0"][()])
    assert not np.allclose(bn.moving_mean.numpy(), 0)  # trained: not the initial values


def test_fixtures_cover_every_layer_fasttf_has(tmp_path):
    from fasttf.keras import layers
    from fasttf.keras.layers.base_layer import Layer
    fasttf_layers = {n for n in dir(layers) if isinstance(getattr(layers, n), type) and
                     issubclass(getattr(layers, n), Layer) and not n.startswith("_") and
                     getattr(layers, n).__name__ == n}
    used = set()
    # k3_layers_attn / _images / _volume: tests/fixtures/make_attention_fixtures.py
    for name in KERAS_FILES + ["k3_seq.keras", "k3_func.keras", "k3_conv.keras",
                               "k3_layers_attn.keras", "k3_layers_images.keras",
                               "k3_layers_volume.keras", "k3_layers_masking.keras"]:
        used |= {spec["class_name"] for spec in
                 layer_configs(keras_config(unpack(name, tmp_path))).values()}
    missing = fasttf_layers - used - set(NOT_IN_FIXTURES) - {"Layer"}
    assert not missing, "layers without a Keras fixture: %s" % sorted(missing)


def test_keras_subclassed_model_weights_load_into_the_same_fasttf_class(tmp_path):
    """Keras 3 names a subclassed model's weights by attribute (`hidden/vars`) and by its
    `layers` list (`layers/dense_1/vars`); fasttf walks the model the same way."""

    class TwoDense(keras.Model):  # the class make_fixtures.py defines for Keras
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.hidden = keras.layers.Dense(5, activation="relu")
            self.norm = keras.layers.BatchNormalization()
            self.out = keras.layers.Dense(3)

        def call(self, x, training=False):
            return self.out(self.norm(self.hidden(x), training=training))

    path = unpack("k3_subclassed.weights.h5", tmp_path)
    x, pred = expected("k3_subclassed.npz")
    model = TwoDense()
    model.build((None, 6))
    model.compile(optimizer=keras.optimizers.SGD(0.05), loss="mse")
    model.load_weights(path)
    np.testing.assert_allclose(predict(model, x), pred, rtol=1e-5, atol=1e-6)
    assert int(model.optimizer.iterations.numpy()) == 4
    model.save_weights(str(tmp_path / "again.weights.h5"))
    assert h5_layout(str(tmp_path / "again.weights.h5")) == h5_layout(path)


# -- fasttf -> Keras --------------------------------------------------------------------
@pytest.mark.parametrize("name", KERAS_FILES)
def test_fasttf_writes_the_weights_layout_keras_writes(tmp_path, name):
    path = unpack(name, tmp_path)
    model = keras.models.load_model(path)
    model.save(str(tmp_path / "m.keras"))
    model.save(str(tmp_path / "m.h5"))
    model.save_weights(str(tmp_path / "w.weights.h5"))
    model.save_weights(str(tmp_path / "w.h5"))
    with zipfile.ZipFile(tmp_path / "m.keras") as z:
        ours = z.read("model.weights.h5")
    assert h5_layout(ours) == h5_layout(str(tmp_path / "w.weights.h5"))
    if name.endswith(".keras"):
        with zipfile.ZipFile(path) as z:
            theirs = z.read("model.weights.h5")
        assert h5_layout(ours) == h5_layout(theirs)
        return
    if name.startswith("k2_"):  # the whole group, `top_level_model_weights` included
        assert h5_layout(str(tmp_path / "m.h5"), "model_weights") == \
            h5_layout(path, "model_weights")
    # Legacy: Keras reads weights by `weight_names` order, layer by layer. TF-Keras 2 names
    # them `conv2d/kernel:0` as fasttf does (compared exactly); Keras 3 names differ (no `:0`,
    # the Sequential's name inside, DepthwiseConv2D's `kernel`), so there the layers and the
    # shapes in order are compared.
    with h5py.File(path, "r") as f, h5py.File(str(tmp_path / "m.h5"), "r") as g, \
            h5py.File(str(tmp_path / "w.h5"), "r") as w:
        theirs = legacy_structure(f["model_weights"], exact=name.startswith("k2_"))
        assert legacy_structure(g["model_weights"], exact=name.startswith("k2_")) == theirs
        assert legacy_structure(w, exact=name.startswith("k2_")) == theirs


def legacy_structure(group, exact):
    """[(layer, [(weight name or '', shape)])] for the layers with weights, in file order."""
    out = []
    for layer in group.attrs["layer_names"]:
        layer = layer.decode() if isinstance(layer, bytes) else str(layer)
        names = [n.decode() if isinstance(n, bytes) else str(n)
                 for n in group[layer].attrs["weight_names"]]
        if names:
            out.append((layer, [(n if exact else "", group[layer][n].shape) for n in names]))
    return out


@pytest.mark.parametrize("name", [n for n in KERAS_FILES if n.endswith(".keras")])
def test_fasttf_writes_layer_configs_keras_reads(tmp_path, name):
    """Every key fasttf writes is one Keras writes (Keras rejects unknown constructor
    arguments) and holds the same value, so Keras rebuilds the same layers."""
    path = unpack(name, tmp_path)
    keras.models.load_model(path).save(str(tmp_path / "m.keras"))
    theirs = layer_configs(keras_config(path))
    ours = layer_configs(keras_config(str(tmp_path / "m.keras")))
    for layer_name, spec in ours.items():
        if spec["class_name"] == "InputLayer":
            continue
        assert theirs[layer_name]["class_name"] == spec["class_name"]
        keras_cfg, fasttf_cfg = theirs[layer_name]["config"], spec["config"]
        # Keras 3 accepts both (Embedding's input_length as a deprecated argument).
        extra = set(fasttf_cfg) - set(keras_cfg) - {"activity_regularizer", "input_length"}
        assert not extra, (layer_name, extra)
        for key in set(fasttf_cfg) & set(keras_cfg):
            if key in ("dtype", "cell", "layer", "backward_layer") or \
                    key.endswith("_initializer"):
                continue  # Keras writes these as nested objects; compared by prediction
            assert fasttf_cfg[key] == keras_cfg[key], (layer_name, key)


@pytest.mark.parametrize("name", [n for n in KERAS_FILES if n.startswith("k2_")])
def test_legacy_h5_model_config_has_the_keras2_shape(tmp_path, name):
    """TF-Keras 2 reads only its own config shape (`batch_input_shape`, nodes as
    [[layer, node, tensor, kwargs]]); fasttf writes it into `.h5` the way TF-Keras 2 did."""
    path = unpack(name, tmp_path)
    keras.models.load_model(path).save(str(tmp_path / "m.h5"))
    theirs, ours = keras_config(path), keras_config(str(tmp_path / "m.h5"))
    assert ours["class_name"] == theirs["class_name"]
    for key in ("input_layers", "output_layers"):
        assert ours["config"].get(key) == theirs["config"].get(key)
    their_layers = layer_configs(theirs)
    for layer_name, spec in layer_configs(ours).items():
        if spec["class_name"] == "InputLayer":
            assert "batch_input_shape" in spec["config"]
            continue
        assert spec.get("inbound_nodes") == their_layers[layer_name].get("inbound_nodes")
        # TF-Keras 2 takes these arguments but leaves them out of its own configs.
        accepted = {"activity_regularizer"} | (
            {"data_format"} if spec["class_name"].startswith("SpatialDropout") else set())
        assert set(spec["config"]) <= set(their_layers[layer_name]["config"]) | accepted, \
            layer_name


def test_keras_reads_what_fasttf_writes():
    """The record of the last `make_fixtures.py --check-fasttf`: for every fixture model and
    every file fasttf writes, what Keras 3 and TF-Keras 2 (legacy files) predicted after
    loading it."""
    record = np.load(os.path.join(FIXTURES, "keras_reads_fasttf.npz"))
    bases = [n.split(".")[0] for n in KERAS_FILES if not n.startswith("k3_layers_") or
             n.endswith(".keras")] + ["k3_seq", "k3_func", "k3_conv", "k2_seq"]
    for base in bases:
        readers = [("keras3", ext) for ext in (".keras", ".h5", ".weights.h5", "_weights.h5")]
        readers += [("tf_keras", ".h5")]  # TF-Keras 2 loads the fasttf `.h5` model
        if base.startswith("k2_"):  # and the legacy weights into its own model
            readers += [("tf_keras", ".h5 weights"), ("tf_keras", "_weights.h5")]
        _, pred = expected(base)
        for reader, ext in readers:
            key = "%s|%s|%s" % (base, ext, reader)
            assert key in record, key
            np.testing.assert_allclose(record[key], pred, rtol=1e-5, atol=1e-6, err_msg=key)
