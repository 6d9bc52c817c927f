"""save/load options as Keras has them: overwrite=False, load_weights(by_name, skip_mismatch),
subclassed models, and bad files probed in a fresh interpreter (nothing crashes, nothing
changes)."""

import builtins
import os
import shutil
import subprocess
import sys
import textwrap
import warnings

import numpy as np
import pytest

from fasttf import keras

h5py = pytest.importorskip("h5py")
X = np.random.default_rng(0).standard_normal((8, 6)).astype("float32")


def small(units=3, names=("first", "second")):
    model = keras.Sequential([keras.layers.Dense(5, input_shape=(6,), name=names[0]),
                              keras.layers.Dense(units, name=names[1])])
    return model


def snapshot(model):
    return [w.numpy().copy() for w in model.weights]


def assert_unchanged(model, before):
    for w, b in zip(model.weights, before):
        np.testing.assert_array_equal(w.numpy(), b)


# -- overwrite=False --------------------------------------------------------------------
SAVERS = {
    "m.keras": lambda m, p, o: m.save(p, overwrite=o),
    "m.h5": lambda m, p, o: m.save(p, overwrite=o),
    "w.weights.h5": lambda m, p, o: m.save_weights(p, overwrite=o),
    "w.h5": lambda m, p, o: m.save_weights(p, overwrite=o),
    "w.ckpt": lambda m, p, o: m.save_weights(p, overwrite=o),
}


def written(path):
    target = path + ".index" if path.endswith(".ckpt") else path
    with open(target, "rb") as f:
        return f.read()


@pytest.mark.parametrize("name", sorted(SAVERS))
def test_overwrite_false_asks_like_keras(tmp_path, monkeypatch, name):
    """Keras asks "[WARNING] <path> already exists - overwrite? [y/n]" and keeps the file on
    "n"; fasttf does the same."""
    path = str(tmp_path / name)
    first, second = small(), small()
    SAVERS[name](first, path, True)
    old = written(path)
    answers = iter(["maybe", "n"])
    prompts = []
    monkeypatch.setattr(builtins, "input", lambda p: prompts.append(p) or next(answers))
    SAVERS[name](second, path, False)
    assert "already exists - overwrite? [y/n]" in prompts[0] and len(prompts) == 2
    assert written(path) == old
    monkeypatch.setattr(builtins, "input", lambda p: "y")
    SAVERS[name](second, path, False)
    assert written(path) != old
    fresh = small()
    if name.endswith(".keras") or name == "m.h5":
        fresh = keras.models.load_model(path)
    else:
        fresh.load_weights(path)
    np.testing.assert_array_equal(fresh.predict(X, verbose=0), second.predict(X, verbose=0))


@pytest.mark.parametrize("name", sorted(SAVERS))
def test_overwrite_false_without_a_terminal_raises(tmp_path, name):
    """With no one to ask (stdin closed), overwrite=False on an existing file raises
    FileExistsError naming the file, and the file is kept."""
    path = str(tmp_path / name)
    SAVERS[name](small(), path, True)
    old = written(path)
    code = textwrap.dedent("""
        import sys
        from fasttf import keras
        model = keras.Sequential([keras.layers.Dense(5, input_shape=(6,)),
                                  keras.layers.Dense(3)])
        path = sys.argv[1]
        try:
            if path.endswith((".keras", "m.h5")):
                model.save(path, overwrite=False)
            else:
                model.save_weights(path, overwrite=False)
        except FileExistsError as exc:
            print("FileExistsError", exc)
    """)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    out = subprocess.run([sys.executable, "-c", code, path], stdin=subprocess.DEVNULL,
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    # Like Keras, the question is printed first; then there is no answer to read.
    assert "already exists - overwrite? [y/n]FileExistsError" in out.stdout
    assert name in out.stdout.split("FileExistsError")[1]
    assert "overwrite=True" in out.stdout
    assert written(path) == old


def test_overwrite_false_on_a_new_file_just_writes(tmp_path):
    model = small()
    model.save(str(tmp_path / "new.keras"), overwrite=False)
    model.save_weights(str(tmp_path / "new.weights.h5"), overwrite=False)
    assert os.path.exists(tmp_path / "new.keras") and os.path.exists(tmp_path / "new.weights.h5")


# -- by_name / skip_mismatch ------------------------------------------------------------
def test_legacy_h5_by_name_matches_layers_by_name(tmp_path):
    source = keras.Sequential([keras.layers.Dense(5, input_shape=(6,), name="shared"),
                               keras.layers.Dense(4, name="only_in_file"),
                               keras.layers.Dense(2, name="head")])
    source.save_weights(str(tmp_path / "w.h5"))
    # Different order and depth; `shared` and `head` exist, `new` does not.
    inp = keras.Input((6,))
    h = keras.layers.Dense(5, name="shared")(inp)
    new = keras.layers.Dense(3, name="new")(h)
    target = keras.Model(inp, [keras.layers.Dense(2, name="head")(new), new])
    target.build((None, 6))
    new_before = target.get_layer("new").kernel.numpy().copy()
    with pytest.raises(ValueError, match=r"w\.h5.*shape.*only_in_file"):  # by layer order
        target.load_weights(str(tmp_path / "w.h5"))
    with pytest.raises(ValueError, match=r"w\.h5.*shape.*head"):  # head's kernel is (4, 2)
        target.load_weights(str(tmp_path / "w.h5"), by_name=True)
    assert not np.array_equal(target.get_layer("shared").kernel.numpy(),
                              source.get_layer("shared").kernel.numpy())  # nothing assigned
    with pytest.warns(UserWarning, match="Skipping.*head"):
        target.load_weights(str(tmp_path / "w.h5"), by_name=True, skip_mismatch=True)
    np.testing.assert_array_equal(target.get_layer("shared").kernel.numpy(),
                                  source.get_layer("shared").kernel.numpy())
    np.testing.assert_array_equal(target.get_layer("shared").bias.numpy(),
                                  source.get_layer("shared").bias.numpy())
    np.testing.assert_array_equal(target.get_layer("new").kernel.numpy(), new_before)
    assert not np.array_equal(target.get_layer("head").kernel.numpy()[:3],
                              source.get_layer("head").kernel.numpy()[:3])


def test_legacy_h5_by_name_shape_mismatch_changes_nothing(tmp_path):
    small(units=3).save_weights(str(tmp_path / "w.h5"))
    target = small(units=4)
    before = snapshot(target)
    with pytest.raises(ValueError, match=r"w\.h5.*shape.*second"):
        target.load_weights(str(tmp_path / "w.h5"), by_name=True)
    assert_unchanged(target, before)  # `first` matched but was not assigned either


@pytest.mark.parametrize("name", ["w.h5", "w.weights.h5", "m.keras"])
def test_skip_mismatch_loads_the_layers_that_fit(tmp_path, name):
    source = small(units=3)
    path = str(tmp_path / name)
    source.save(path) if name.endswith(".keras") else source.save_weights(path)
    target = small(units=4)
    second_before = snapshot(target)[2:]
    with pytest.raises(ValueError, match="shape"):
        target.load_weights(path)
    with pytest.warns(UserWarning, match="Skipping.*second"):
        target.load_weights(path, skip_mismatch=True)
    for a, b in zip(target.get_layer("first").weights, source.get_layer("first").weights):
        np.testing.assert_array_equal(a.numpy(), b.numpy())
    for w, b in zip(target.get_layer("second").weights, second_before):
        np.testing.assert_array_equal(w.numpy(), b)


def test_by_name_is_for_legacy_h5_only(tmp_path):
    model = small()
    model.save_weights(str(tmp_path / "w.weights.h5"))
    with pytest.raises(ValueError, match="by_name.*legacy"):
        keras.saving.load_weights(model, str(tmp_path / "w.weights.h5"), by_name=True)


def test_skip_mismatch_does_not_hide_a_bad_file(tmp_path):
    (tmp_path / "w.h5").write_bytes(b"not hdf5")
    with pytest.raises(ValueError, match=r"w\.h5"):
        keras.saving.load_weights(small(), str(tmp_path / "w.h5"), by_name=True,
                                  skip_mismatch=True)


# -- subclassed models ------------------------------------------------------------------
class Residual(keras.Model):
    def __init__(self, width=4, outputs=2, **kwargs):
        super().__init__(**kwargs)
        self.width, self.outputs_ = width, outputs
        self.inner = keras.layers.Dense(width, activation="relu")
        self.norm = keras.layers.LayerNormalization()
        self.blocks = [keras.layers.Dense(width) for _ in range(2)]
        self.head = keras.layers.Dense(outputs)

    def call(self, x, training=None):
        h = self.norm(self.inner(x))
        for block in self.blocks:
            h = h + block(h)
        return self.head(h)

    def get_config(self):
        return {"width": self.width, "outputs": self.outputs_, "name": self.name}


def residual():
    model = Residual(width=5, outputs=3)
    model.build((None, 6))
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse")
    return model


@pytest.mark.parametrize("name", ["m.keras", "m.h5", "w.weights.h5", "w.h5", "w.ckpt"])
def test_subclassed_model_round_trip(tmp_path, name):
    model = residual()
    y = np.random.default_rng(1).standard_normal((8, 3)).astype("float32")
    model.fit(X, y, epochs=2, batch_size=4, verbose=0)
    path = str(tmp_path / name)
    if name.startswith("m."):
        model.save(path)
        loaded = keras.models.load_model(path, custom_objects={"Residual": Residual})
        assert isinstance(loaded, Residual) and loaded.width == 5
        assert int(loaded.optimizer.iterations.numpy()) == 4
    else:
        model.save_weights(path)
        loaded = residual()
        loaded.load_weights(path)
    np.testing.assert_array_equal(loaded.predict(X, verbose=0), model.predict(X, verbose=0))


# -- bad files, probed in a fresh interpreter -------------------------------------------
PROBE = textwrap.dedent("""
    import sys, numpy as np
    from fasttf import keras
    how = sys.argv[1]
    model = keras.Sequential([keras.layers.Dense(5, input_shape=(6,)), keras.layers.Dense(3)])
    before = [w.numpy().copy() for w in model.weights]
    for path in sys.argv[2:]:
        try:
            if how == "model":
                keras.models.load_model(path)
            else:
                model.load_weights(path)
            result = "LOADED"
        except ValueError as exc:  # SavingError and shape errors are ValueErrors
            result = "ERROR %s %s" % (type(exc).__name__, exc)
        same = all(np.array_equal(w.numpy(), b) for w, b in zip(model.weights, before))
        print(("UNCHANGED " if same else "CHANGED ") + result.replace("\\n", " "))
        for w, b in zip(model.weights, before):  # the next file starts from the same state
            w.assign(b)
""")


def probe(how, paths):
    """One line per path: UNCHANGED/CHANGED, then LOADED or ERROR <type> <message>."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    out = subprocess.run([sys.executable, "-c", PROBE, how] + list(paths), capture_output=True,
                         text=True, env=env, timeout=120)
    assert out.returncode == 0, (out.returncode, out.stderr[-2000:])  # no crash, no escape
    lines = out.stdout.strip().split("\n")
    assert len(lines) == len(paths)
    return lines


def _good_file(tmp_path, name, units=3):
    model = small(units=units, names=("dense_a", "dense_b"))
    model.compile(optimizer="adam", loss="mse")
    path = str(tmp_path / name)
    model.save(path) if name.startswith("m.") else model.save_weights(path)
    return path


def _corruptions(raw):
    rng = np.random.default_rng(5)
    third = len(raw) // 3
    return {"empty": b"", "truncated_head": raw[:64], "truncated_half": raw[:len(raw) // 2],
            "random": bytes(rng.integers(0, 256, len(raw), dtype=np.uint8)),
            "flipped": raw[:third] + bytes(b ^ 0x5A for b in raw[third:third + 512]) +
            raw[third + 512:],
            "other_format": b"\x89PNG\r\n\x1a\n" + raw[8:200]}


@pytest.mark.parametrize("name", ["m.keras", "m.h5", "w.weights.h5", "w.h5"])
def test_bad_files_raise_clear_errors_in_a_fresh_interpreter(tmp_path, name):
    with open(_good_file(tmp_path, name), "rb") as f:
        raw = f.read()
    paths = []
    for kind, content in _corruptions(raw).items():
        paths.append(str(tmp_path / ("bad_%s_%s" % (kind, name))))
        with open(paths[-1], "wb") as f:
            f.write(content)
    lines = probe("model" if name.startswith("m.") else "weights", paths)
    for path, line in zip(paths, lines):
        if "flipped" in path and line.endswith("LOADED"):
            continue  # the flipped bytes fell on padding or weight values: still a file
        assert line.startswith("UNCHANGED ERROR") and os.path.basename(path) in line, line


@pytest.mark.parametrize("part", [".index", ".data-00000-of-00001"])
def test_bad_checkpoints_raise_clear_errors_in_a_fresh_interpreter(tmp_path, part):
    good = _good_file(tmp_path, "w.ckpt")
    with open(good + part, "rb") as f:
        raw = f.read()
    prefixes = []
    for kind, content in _corruptions(raw).items():
        prefix = str(tmp_path / ("bad_%s.ckpt" % kind))
        for suffix in (".index", ".data-00000-of-00001"):
            shutil.copyfile(good + suffix, prefix + suffix)
        with open(prefix + part, "wb") as f:
            f.write(content)
        prefixes.append(prefix)
    for prefix, line in zip(prefixes, probe("weights", prefixes)):
        assert line.startswith("UNCHANGED ERROR") and os.path.basename(prefix) in line, line
        assert ("checksum" in line) or ("index" in line), line


@pytest.mark.parametrize("name", ["w.weights.h5", "w.h5", "w.ckpt", "m.keras"])
def test_shape_mismatched_file_in_a_fresh_interpreter(tmp_path, name):
    path = _good_file(tmp_path, name, units=4)  # the probe's model has 3 units
    (line,) = probe("weights", [path])
    assert line.startswith("UNCHANGED ERROR") and name in line and "shape" in line, line


def test_no_warnings_for_a_matching_load(tmp_path):
    model = small()
    model.save_weights(str(tmp_path / "w.h5"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        keras.saving.load_weights(small(), str(tmp_path / "w.h5"), by_name=True,
                                  skip_mismatch=True)


def test_layer_settings_survive_a_round_trip(tmp_path):
    """Non-default settings of config-only layers come back from the file (the Keras fixtures
    use some defaults, so they would not notice a setting missing from get_config)."""
    model = keras.Sequential([
        keras.Input((9, 3)), keras.layers.ZeroPadding1D((2, 1)), keras.layers.Cropping1D((3, 1)),
        keras.layers.UpSampling1D(3), keras.layers.SpatialDropout1D(0.4),
        keras.layers.Conv1D(2, 2), keras.layers.Reshape((-1, 2, 1)),
        keras.layers.DepthwiseConv2D((2, 1), depth_multiplier=3),
        keras.layers.SeparableConv2D(2, (1, 1), depth_multiplier=2),
        keras.layers.Conv2DTranspose(2, (2, 1), strides=(2, 1), output_padding=(1, 0)),
        keras.layers.LeakyReLU(0.15)])
    for ext in (".keras", ".h5"):
        model.save(str(tmp_path / ("m" + ext)))
        loaded = keras.models.load_model(str(tmp_path / ("m" + ext)))
        for a, b in zip(model.layers, loaded.layers):
            assert a.get_config() == b.get_config(), (ext, a.name)
        x = np.random.default_rng(2).standard_normal((2, 9, 3)).astype("float32")
        np.testing.assert_array_equal(loaded.predict(x, verbose=0), model.predict(x, verbose=0))
