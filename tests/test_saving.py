"""Saving and loading Keras models: save_weights / load_weights (`.weights.h5`, legacy `.h5`,
TF-style checkpoints), model.save / load_model (`.keras`, `.h5`), interop with files written
by real Keras (fixtures made by tests/fixtures/make_fixtures.py), crash safety and clear errors
for bad files."""

import os
import signal
import subprocess
import sys
import textwrap
import time
import zipfile

import numpy as np
import pytest

import fasttf as tf
from fasttf import keras

h5py = pytest.importorskip("h5py")
FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures", "keras_io")
RNG = np.random.default_rng(0)
X = RNG.standard_normal((16, 6)).astype("float32")
Y = RNG.standard_normal((16, 3)).astype("float32")


def sequential():
    model = keras.Sequential([keras.layers.Dense(5, activation="relu", input_shape=(6,)),
                              keras.layers.BatchNormalization(), keras.layers.Dense(3)])
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse", metrics=["mae"])
    return model


def functional():
    inp = keras.Input((6,))
    a = keras.layers.Dense(4, activation="tanh")(inp)
    b = keras.layers.Dense(4)(inp)
    out = keras.layers.Dense(3)(keras.layers.Concatenate()([a, b]))
    model = keras.Model(inp, out)
    model.compile(optimizer=keras.optimizers.SGD(0.05, momentum=0.9), loss="mse")
    return model


class TwoLayers(keras.Model):
    def __init__(self, hidden=5, **kwargs):
        super().__init__(**kwargs)
        self.hidden = hidden
        self.d1 = keras.layers.Dense(hidden, activation="relu")
        self.d2 = keras.layers.Dense(3)

    def call(self, x, training=None):
        return self.d2(self.d1(x))

    def get_config(self):
        return {"hidden": self.hidden, "name": self.name}


def subclassed():
    model = TwoLayers(hidden=7)
    model.build((None, 6))
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse")
    return model


def trained(make):
    model = make()
    model.fit(X, Y, epochs=2, batch_size=8, verbose=0)
    return model


def predict(model, x=X):
    return model.predict(x, verbose=0)


# -- weights --------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["w.weights.h5", "w.h5", "w.ckpt"])
@pytest.mark.parametrize("make", [sequential, functional, subclassed])
def test_save_load_weights_round_trip(tmp_path, name, make):
    model = trained(make)
    path = str(tmp_path / name)
    model.save_weights(path)
    fresh = make()
    assert not np.allclose(predict(fresh), predict(model))
    fresh.load_weights(path)
    np.testing.assert_array_equal(predict(fresh), predict(model))
    for a, b in zip(fresh.weights, model.weights):
        np.testing.assert_array_equal(a.numpy(), b.numpy())


def test_checkpoint_prefix_spellings(tmp_path):
    model = trained(sequential)
    model.save_weights(str(tmp_path / "weights.ckpt"))
    assert sorted(os.listdir(tmp_path)) == ["checkpoint", "weights.ckpt.data-00000-of-00001",
                                            "weights.ckpt.index"]
    for spelling in ("weights.ckpt", "weights.ckpt.index"):
        fresh = sequential()
        fresh.load_weights(str(tmp_path / spelling))
        np.testing.assert_array_equal(predict(fresh), predict(model))


def test_weights_h5_keeps_optimizer_state(tmp_path):
    model = trained(sequential)
    model.save_weights(str(tmp_path / "w.weights.h5"))
    fresh = sequential()
    fresh.load_weights(str(tmp_path / "w.weights.h5"))
    assert int(fresh.optimizer.iterations.numpy()) == 4
    for a, b in zip(fresh.optimizer.variables, model.optimizer.variables):
        np.testing.assert_array_equal(a.numpy(), b.numpy())


@pytest.mark.parametrize("name", ["w.weights.h5", "w.h5", "w.ckpt"])
def test_mismatched_load_changes_nothing(tmp_path, name):
    small = keras.Sequential([keras.layers.Dense(5, input_shape=(6,)), keras.layers.Dense(3)])
    path = str(tmp_path / name)
    small.save_weights(path)
    other = keras.Sequential([keras.layers.Dense(5, input_shape=(6,)), keras.layers.Dense(4)])
    before = [w.numpy().copy() for w in other.weights]
    with pytest.raises(ValueError, match=r"w\.(weights\.h5|h5|ckpt).*(shape|expects)"):
        other.load_weights(path)
    for w, b in zip(other.weights, before):  # the first layer matched but was not assigned
        np.testing.assert_array_equal(w.numpy(), b)
    deeper = keras.Sequential([keras.layers.Dense(5, input_shape=(6,)), keras.layers.Dense(3),
                               keras.layers.Dense(2)])
    with pytest.raises(ValueError, match="w\\."):
        deeper.load_weights(path)


def test_legacy_h5_layout_matches_keras2(tmp_path):
    model = trained(sequential)
    model.save_weights(str(tmp_path / "w.h5"))
    with h5py.File(tmp_path / "w.h5", "r") as f:
        assert [n.decode() for n in f.attrs["layer_names"]] == [lay.name for lay in model.layers]
        names = [n.decode() for n in f[model.layers[0].name].attrs["weight_names"]]
        assert names == [model.layers[0].name + "/kernel:0", model.layers[0].name + "/bias:0"]
        np.testing.assert_array_equal(f[model.layers[0].name][names[0]][()],
                                      model.layers[0].kernel.numpy())


# -- whole models ---------------------------------------------------------------------------
@pytest.mark.parametrize("ext", [".keras", ".h5"])
@pytest.mark.parametrize("make", [sequential, functional, subclassed])
def test_save_load_model_predicts_and_resumes(tmp_path, ext, make):
    model = trained(make)
    path = str(tmp_path / ("model" + ext))
    model.save(path)
    loaded = keras.models.load_model(path, custom_objects={"TwoLayers": TwoLayers})
    assert type(loaded).__name__ == type(model).__name__
    np.testing.assert_array_equal(predict(loaded), predict(model))
    assert type(loaded.optimizer) is type(model.optimizer)
    assert int(loaded.optimizer.iterations.numpy()) == int(model.optimizer.iterations.numpy())
    for a, b in zip(loaded.optimizer.variables, model.optimizer.variables):
        np.testing.assert_array_equal(a.numpy(), b.numpy())
    # Resuming gives exactly what continuing the original gives.
    h1 = model.fit(X, Y, epochs=1, batch_size=8, shuffle=False, verbose=0).history["loss"]
    h2 = loaded.fit(X, Y, epochs=1, batch_size=8, shuffle=False, verbose=0).history["loss"]
    np.testing.assert_allclose(h1, h2, rtol=1e-6)
    np.testing.assert_allclose(predict(loaded), predict(model), rtol=1e-5, atol=1e-6)


def test_subclassed_without_custom_objects_is_a_clear_error(tmp_path):
    trained(subclassed).save(str(tmp_path / "m.keras"))
    with pytest.raises(ValueError, match="TwoLayers.*custom_objects"):
        keras.models.load_model(str(tmp_path / "m.keras"))


def test_keras_file_layout(tmp_path):
    trained(sequential).save(str(tmp_path / "m.keras"))
    with zipfile.ZipFile(tmp_path / "m.keras") as z:
        assert sorted(z.namelist()) == ["config.json", "metadata.json", "model.weights.h5"]


# -- the course notes, section 7.6 ----------------------------------------------------------
def test_notes_section_7_6(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    network = trained(sequential)
    network.save_weights("weights.ckpt")
    expected = predict(network)
    for w in network.weights:
        w.assign(np.zeros(w.shape, "float32"))
    network.load_weights("weights.ckpt.index")
    np.testing.assert_array_equal(predict(network), expected)
    network.save("model.h5")
    network2 = keras.models.load_model("model.h5")
    np.testing.assert_array_equal(predict(network2), expected)
    tf.saved_model.save(network, "model-savedmodel")
    imported = tf.saved_model.load("model-savedmodel")
    np.testing.assert_array_equal(imported(tf.constant(X)).numpy(), expected)
    out = imported.signatures["serving_default"](tf.constant(X))
    np.testing.assert_array_equal(out["output_0"].numpy(), expected)


# -- interop with real Keras ----------------------------------------------------------------
def _conv_available():
    return hasattr(tf.nn, "conv2d")


@pytest.mark.parametrize("name", ["seq", "func", "conv"])
@pytest.mark.parametrize("ext", [".keras", ".h5"])
def test_loads_files_written_by_keras3(name, ext):
    if name == "conv" and not _conv_available():
        pytest.skip("Conv2D needs tf.nn.conv2d")
    data = np.load(os.path.join(FIXTURES, "k3_%s.npz" % name))
    model = keras.models.load_model(os.path.join(FIXTURES, "k3_%s%s" % (name, ext)))
    np.testing.assert_allclose(predict(model, data["x"]), data["pred"], rtol=1e-5, atol=1e-5)
    assert int(model.optimizer.iterations.numpy()) == 4  # two epochs of two batches
    model.fit(data["x"], data["y"], epochs=1, verbose=0)  # resumes
    # load_weights from Keras' .weights.h5 into a zeroed copy of the architecture
    fresh = keras.models.load_model(os.path.join(FIXTURES, "k3_%s.keras" % name), compile=False)
    for w in fresh.weights:
        w.assign(np.zeros(w.shape, w.dtype.as_numpy_dtype))
    fresh.load_weights(os.path.join(FIXTURES, "k3_%s.weights.h5" % name))
    np.testing.assert_allclose(predict(fresh, data["x"]), data["pred"], rtol=1e-5, atol=1e-5)


def test_loads_files_written_by_tf_keras2():
    data = np.load(os.path.join(FIXTURES, "k2_seq.npz"))
    model = keras.models.load_model(os.path.join(FIXTURES, "k2_seq.h5"))
    np.testing.assert_allclose(predict(model, data["x"]), data["pred"], rtol=1e-5, atol=1e-6)
    assert int(model.optimizer.iterations.numpy()) == 4
    for w in model.weights:
        w.assign(np.zeros(w.shape, "float32"))
    model.load_weights(os.path.join(FIXTURES, "k2_seq_weights.h5"))
    np.testing.assert_allclose(predict(model, data["x"]), data["pred"], rtol=1e-5, atol=1e-6)


def _h5_layout(path):
    items = {}
    with h5py.File(path, "r") as f:
        f.visititems(lambda n, o: items.__setitem__(n, getattr(o, "shape", None)))
    return items


@pytest.mark.parametrize("name", ["seq", "func"])
def test_files_written_by_fasttf_have_keras_layout(tmp_path, name):
    """fasttf -> Keras: the weights files have exactly the datasets Keras writes, and the
    committed record of Keras 3.15 loading these fasttf-written files (make_fixtures.py
    --check-fasttf; every fixture model is checked in test_saving_interop.py) predicts what
    the original model predicts."""
    data = np.load(os.path.join(FIXTURES, "k3_%s.npz" % name))
    model = keras.models.load_model(os.path.join(FIXTURES, "k3_%s.keras" % name))
    model.save_weights(str(tmp_path / "w.weights.h5"))
    model.save(str(tmp_path / "m.keras"))
    assert _h5_layout(tmp_path / "w.weights.h5") == \
        _h5_layout(os.path.join(FIXTURES, "k3_%s.weights.h5" % name))
    with zipfile.ZipFile(tmp_path / "m.keras") as z:
        (tmp_path / "inner.h5").write_bytes(z.read("model.weights.h5"))
    assert _h5_layout(tmp_path / "inner.h5") == \
        _h5_layout(os.path.join(FIXTURES, "k3_%s.weights.h5" % name))
    keras_read = np.load(os.path.join(FIXTURES, "keras_reads_fasttf.npz"))
    for ext in (".keras", ".h5", ".weights.h5", "_weights.h5"):
        np.testing.assert_allclose(keras_read["k3_%s|%s|keras3" % (name, ext)], data["pred"],
                                   rtol=1e-5, atol=1e-5)


# -- bad files -----------------------------------------------------------------------------
BAD_CONTENTS = {"empty": b"", "random": bytes(RNG.integers(0, 256, 4096, dtype=np.uint8)),
                "text": b"not a model\n"}


@pytest.mark.parametrize("kind", sorted(BAD_CONTENTS))
@pytest.mark.parametrize("name", ["m.keras", "m.h5", "w.weights.h5"])
def test_bad_files_raise_clear_errors(tmp_path, kind, name):
    path = tmp_path / name
    path.write_bytes(BAD_CONTENTS[kind])
    with pytest.raises(ValueError, match=name.replace(".", r"\.")):
        if name.startswith("w"):
            trained(sequential).load_weights(str(path))
        else:
            keras.models.load_model(str(path))


@pytest.mark.parametrize("name", ["m.keras", "m.h5", "w.weights.h5"])
def test_truncated_files_raise_clear_errors(tmp_path, name):
    model = trained(sequential)
    path = tmp_path / name
    model.save_weights(str(path)) if name.startswith("w") else model.save(str(path))
    raw = path.read_bytes()
    for cut in (len(raw) // 2, len(raw) - 100):
        path.write_bytes(raw[:cut])
        with pytest.raises(ValueError, match=name.replace(".", r"\.")):
            if name.startswith("w"):
                sequential().load_weights(str(path))
            else:
                keras.models.load_model(str(path))


def test_corrupt_checkpoint_raises(tmp_path):
    model = trained(sequential)
    model.save_weights(str(tmp_path / "w.ckpt"))
    data = tmp_path / "w.ckpt.data-00000-of-00001"
    raw = bytearray(data.read_bytes())
    raw[10] ^= 0xFF
    data.write_bytes(bytes(raw))
    with pytest.raises(ValueError, match="w.ckpt.*checksum"):
        sequential().load_weights(str(tmp_path / "w.ckpt"))
    with pytest.raises(ValueError, match="missing.ckpt.index.*not found"):
        sequential().load_weights(str(tmp_path / "missing.ckpt"))


def test_unbuilt_model_cannot_save(tmp_path):
    model = keras.Sequential([keras.layers.Dense(2)])
    with pytest.raises(ValueError, match="not been built"):
        model.save_weights(str(tmp_path / "w.weights.h5"))


# -- crash safety -------------------------------------------------------------------------
KILL_SCRIPT = textwrap.dedent("""
    import sys, numpy as np
    from fasttf import keras
    model = keras.Sequential([keras.layers.Dense(1024, input_shape=(1024,)),
                              keras.layers.Dense(1024)])
    path = sys.argv[1]
    i = 0
    while True:
        for w in model.weights:
            w.assign(np.full(w.shape, float(i), "float32"))
        model.save(path) if path.endswith((".keras", ".h5")) and "weights" not in path \\
            else model.save_weights(path)
        i += 1
        if i == 1:
            print("saved", flush=True)
""")


@pytest.mark.parametrize("name", ["m.keras", "w.weights.h5", "w.ckpt"])
def test_killed_during_save_leaves_a_loadable_file(tmp_path, name):
    path = str(tmp_path / name)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    proc = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, path], env=env,
                            stdout=subprocess.PIPE)
    try:
        assert proc.stdout.readline().strip() == b"saved"
        time.sleep(0.3 + 0.2 * RNG.random())  # somewhere inside a later save
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    model = keras.Sequential([keras.layers.Dense(1024, input_shape=(1024,)),
                              keras.layers.Dense(1024)])
    if name.endswith(".keras"):
        model = keras.models.load_model(path)
    else:
        model.load_weights(path)
    values = {float(w.numpy().flat[0]) for w in model.weights}
    assert len(values) == 1  # one complete save, not a mix of two
    for w in model.weights:
        assert np.all(w.numpy() == w.numpy().flat[0])
    leftovers = [f for f in os.listdir(tmp_path) if f.endswith(".tmp")]
    assert len(leftovers) <= 1  # at most the temp file of the interrupted save
