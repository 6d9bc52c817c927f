"""tf.keras.datasets: Keras' cache layouts, hashes, atomic downloads, offline errors.

No test touches the network: `urllib.request.urlopen` is replaced for every test, and
the files are small fakes written in each Keras layout under a temporary `KERAS_HOME`.
"""

import gzip
import hashlib
import importlib.util
import io
import json
import os
import pickle
import sys
import tarfile
import urllib.error
import urllib.request

import numpy as np
import pytest

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATASETS_DIR = os.path.join(REPO_ROOT, "python", "fasttf", "keras", "datasets")
REAL_MNIST = os.path.join(REPO_ROOT, "..", "shared", "datasets", "mnist.npz")


def _load_datasets():
    try:
        import fasttf as tf

        return tf.keras.datasets
    except Exception:  # noqa: BLE001  (core not built or wired yet: load the package alone)
        name = "fasttf_datasets_standalone"
        if name in sys.modules:
            return sys.modules[name]
        spec = importlib.util.spec_from_file_location(
            name,
            os.path.join(DATASETS_DIR, "__init__.py"),
            submodule_search_locations=[DATASETS_DIR],
        )
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        return module


ds = _load_datasets()
MNIST_URL = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz"


# --------------------------------------------------------------------------- fixtures


class FakeResponse:
    """What urlopen returns: serves `data`, optionally failing after `fail_after` bytes."""

    def __init__(self, data, fail_after=None):
        self.stream = io.BytesIO(data)
        self.fail_after = fail_after

    def read(self, n=-1):
        if self.fail_after is not None and self.stream.tell() >= self.fail_after:
            raise ConnectionResetError("connection reset by peer")
        if self.fail_after is not None:
            n = min(n if n >= 0 else self.fail_after, self.fail_after - self.stream.tell())
        return self.stream.read(n)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class FakeNetwork:
    """Stands in for urlopen: offline by default, or serving fixed bytes per URL."""

    def __init__(self):
        self.files = {}
        self.calls = []

    def __call__(self, url, *args, **kwargs):
        self.calls.append(url)
        if url not in self.files:
            raise urllib.error.URLError("[Errno -3] Temporary failure in name resolution")
        data, fail_after = self.files[url]
        return FakeResponse(data, fail_after)


@pytest.fixture(autouse=True)
def network(monkeypatch):
    net = FakeNetwork()
    monkeypatch.setattr(urllib.request, "urlopen", net)
    return net


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """An empty Keras cache: returns its `datasets` directory."""
    home = tmp_path / "keras_home"
    monkeypatch.setenv("KERAS_HOME", str(home))
    return home / "datasets"


def sha256(path_or_bytes):
    if isinstance(path_or_bytes, (bytes, bytearray)):
        return hashlib.sha256(path_or_bytes).hexdigest()
    with open(path_or_bytes, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def read(path):
    with open(path, "rb") as f:
        return f.read()


def listing(directory):
    return sorted(os.listdir(directory)) if os.path.isdir(directory) else []


# --------------------------------------------------------------------------- fake files

rng = np.random.RandomState(0)
MNIST = {
    "x_train": rng.randint(0, 256, (6, 28, 28)).astype(np.uint8),
    "y_train": np.array([5, 0, 4, 1, 9, 2], np.uint8),
    "x_test": rng.randint(0, 256, (3, 28, 28)).astype(np.uint8),
    "y_test": np.array([7, 2, 1], np.uint8),
}


def write_npz(path, **arrays):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        np.savez_compressed(f, **arrays)
    return str(path)


def npz_bytes(**arrays):
    buf = io.BytesIO()
    np.savez_compressed(buf, **arrays)
    return buf.getvalue()


def cifar_batch(n, seed, **labels):
    r = np.random.RandomState(seed)
    batch = {b"batch_label": b"fake", b"data": r.randint(0, 256, (n, 3072)).astype(np.uint8)}
    batch.update({k.encode(): v for k, v in labels.items()})
    return pickle.dumps(batch, protocol=2)


def cifar10_files(n=2):
    files = {f"data_batch_{i}": cifar_batch(n, i, labels=[i, 9 - i][:n]) for i in range(1, 6)}
    files["test_batch"] = cifar_batch(n, 6, labels=[3, 8][:n])
    return files


def cifar100_files():
    return {
        "train": cifar_batch(3, 1, fine_labels=[99, 0, 42], coarse_labels=[19, 0, 7]),
        "test": cifar_batch(2, 2, fine_labels=[5, 77], coarse_labels=[3, 11]),
    }


def write_dir(directory, files):
    os.makedirs(directory, exist_ok=True)
    for name, data in files.items():
        with open(os.path.join(directory, name), "wb") as f:
            f.write(data)
    return str(directory)


def tar_bytes(inner, files):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(f"{inner}/{name}")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def expected_cifar10(files):
    def load(name):
        d = pickle.loads(files[name])
        return d[b"data"].reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1), d[b"labels"]

    train = [load(f"data_batch_{i}") for i in range(1, 6)]
    x_test, y_test = load("test_batch")
    return (
        (np.concatenate([t[0] for t in train]), np.concatenate([t[1] for t in train])),
        (x_test, np.array(y_test)),
    )


def idx_gz(array):
    header = (0x0800 + array.ndim).to_bytes(4, "big")
    header += b"".join(d.to_bytes(4, "big") for d in array.shape)
    return gzip.compress(header + array.astype(np.uint8).tobytes())


# --------------------------------------------------------------------------- package


def test_modules_are_exported():
    for name in [
        "mnist",
        "fashion_mnist",
        "cifar10",
        "cifar100",
        "imdb",
        "boston_housing",
        "digits",
    ]:
        assert callable(getattr(ds, name).load_data)
    assert callable(ds.imdb.get_word_index)


# --------------------------------------------------------------------------- digits


def test_digits_bundled_shapes_and_values():
    (x_train, y_train), (x_test, y_test) = ds.digits.load_data()
    assert x_train.shape == (1437, 8, 8) and x_test.shape == (360, 8, 8)
    assert y_train.shape == (1437,) and y_test.shape == (360,)
    assert x_train.dtype == np.uint8 and y_train.dtype == np.uint8
    x = np.concatenate([x_train, x_test])
    y = np.concatenate([y_train, y_test])
    assert x.min() == 0 and x.max() == 16
    assert np.bincount(y).tolist() == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]
    assert os.path.getsize(os.path.join(DATASETS_DIR, "_bundled", "digits.npz")) < 100_000
    for name in ("README.md", "LICENSE"):
        with open(os.path.join(DATASETS_DIR, "_bundled", name)) as f:
            text = f.read()
        assert "CC BY 4.0" in text or "Attribution 4.0" in text


def test_digits_split_is_deterministic_and_complete():
    (a, b), (_, d) = ds.digits.load_data(test_split=0.2, seed=113)
    (a2, _), (_, d2) = ds.digits.load_data(test_split=0.2, seed=113)
    assert np.array_equal(a, a2) and np.array_equal(d, d2)
    (e, _), _ = ds.digits.load_data(seed=1)
    assert not np.array_equal(a, e)
    # The split is a shuffle of all 1797 images: the first image of the file (a 0)
    # lands in exactly one of the two parts.
    (x_all, y_all), (x_none, _) = ds.digits.load_data(test_split=0.0)
    assert x_all.shape == (1797, 8, 8) and x_none.shape == (0, 8, 8)
    assert sorted(np.concatenate([b, d]).tolist()) == sorted(y_all.tolist())
    with pytest.raises(ValueError, match="test_split"):
        ds.digits.load_data(test_split=1.0)


# --------------------------------------------------------------------------- mnist


def test_mnist_reads_the_keras_cache(cache, monkeypatch):
    path = write_npz(cache / "mnist.npz", **MNIST)
    monkeypatch.setattr(ds.mnist, "FILE_HASH", sha256(path))
    (x_train, y_train), (x_test, y_test) = ds.mnist.load_data()
    assert np.array_equal(x_train, MNIST["x_train"]) and x_train.dtype == np.uint8
    assert y_train.tolist() == [5, 0, 4, 1, 9, 2]
    assert x_test.shape == (3, 28, 28) and y_test.tolist() == [7, 2, 1]


def test_mnist_absolute_path_is_used_as_is(tmp_path, cache, network):
    path = write_npz(tmp_path / "elsewhere" / "my_mnist.npz", **MNIST)
    (x_train, _), (_, y_test) = ds.mnist.load_data(path=path)
    assert np.array_equal(x_train, MNIST["x_train"]) and y_test.tolist() == [7, 2, 1]
    assert network.calls == [] and listing(cache) == []


def test_truncated_local_file_raises_value_error_naming_it(tmp_path):
    good = npz_bytes(**MNIST)
    path = tmp_path / "mnist.npz"
    path.write_bytes(good[: len(good) // 2])
    with pytest.raises(ValueError, match="mnist.npz.*corrupt"):
        ds.mnist.load_data(path=str(path))
    path.write_bytes(b"not a zip file at all")
    with pytest.raises(ValueError, match=str(path)):
        ds.mnist.load_data(path=str(path))
    write_npz(path, x_train=MNIST["x_train"])  # a readable npz that lacks arrays
    with pytest.raises(ValueError, match="y_train"):
        ds.mnist.load_data(path=str(path))


# --------------------------------------------------------------------------- downloads


def test_offline_error_names_file_url_and_destination(cache, network):
    with pytest.raises(OSError) as info:
        ds.mnist.load_data()
    message = str(info.value)
    assert isinstance(info.value, ds.DatasetDownloadError)
    assert "'mnist.npz'" in message
    assert MNIST_URL in message
    assert str(cache / "mnist.npz") in message
    assert "Temporary failure in name resolution" in message
    assert network.calls == [MNIST_URL]
    assert listing(cache) == []  # no temporary file left behind


def test_offline_error_for_a_missing_explicit_path_names_that_path(tmp_path):
    target = tmp_path / "data" / "mnist.npz"
    with pytest.raises(ds.DatasetDownloadError, match=str(target)):
        ds.mnist.load_data(path=str(target))
    assert listing(tmp_path / "data") == []


def test_download_is_verified_cached_and_not_repeated(cache, network, monkeypatch):
    data = npz_bytes(**MNIST)
    monkeypatch.setattr(ds.mnist, "FILE_HASH", sha256(data))
    network.files[MNIST_URL] = (data, None)
    (x_train, _), _ = ds.mnist.load_data()
    assert np.array_equal(x_train, MNIST["x_train"])
    assert listing(cache) == ["mnist.npz"] and sha256(cache / "mnist.npz") == sha256(data)
    ds.mnist.load_data()
    assert network.calls == [MNIST_URL]  # the second call used the cache


def test_download_failing_half_way_leaves_nothing(cache, network, monkeypatch):
    data = npz_bytes(**MNIST)
    monkeypatch.setattr(ds.mnist, "FILE_HASH", sha256(data))
    network.files[MNIST_URL] = (data, len(data) // 2)
    with pytest.raises(ds.DatasetDownloadError, match="ConnectionResetError"):
        ds.mnist.load_data()
    assert listing(cache) == []


def test_download_with_wrong_hash_leaves_nothing(cache, network):
    network.files[MNIST_URL] = (npz_bytes(**MNIST), None)  # not Keras' real file
    with pytest.raises(ValueError, match="incomplete or corrupted"):
        ds.mnist.load_data()
    assert listing(cache) == []


def test_cached_file_with_wrong_hash_is_redownloaded(cache, network, monkeypatch):
    good = npz_bytes(**MNIST)
    stale = write_npz(cache / "mnist.npz", x_train=MNIST["x_train"][:1])
    stale_bytes = read(stale)
    monkeypatch.setattr(ds.mnist, "FILE_HASH", sha256(good))

    # Offline: the mismatch is reported and the cached file is left as it was.
    with pytest.raises(ds.DatasetDownloadError, match="does not match") as info:
        ds.mnist.load_data()
    assert str(cache / "mnist.npz") in str(info.value)
    assert read(stale) == stale_bytes and listing(cache) == ["mnist.npz"]

    # Online: Keras' behaviour, the file is downloaded again and replaces the stale one.
    network.files[MNIST_URL] = (good, None)
    (x_train, _), _ = ds.mnist.load_data()
    assert x_train.shape == (6, 28, 28)
    assert sha256(cache / "mnist.npz") == sha256(good) and listing(cache) == ["mnist.npz"]


def test_get_file_keras_layout(cache, network, tmp_path):
    data = b"hello dataset"
    network.files["https://example.com/a/file.txt"] = (data, None)
    path = ds._download.get_file(origin="https://example.com/a/file.txt", file_hash=sha256(data))
    assert path == str(cache / "file.txt") and read(path) == data

    archive = tar_bytes("inner", {"x.bin": b"123"})
    network.files["https://example.com/b.tar.gz"] = (archive, None)
    out = ds._download.get_file(
        "thing", "https://example.com/b.tar.gz", file_hash=sha256(archive), extract=True
    )
    assert out == str(cache / "thing")
    assert read(cache / "thing" / "inner" / "x.bin") == b"123"
    assert os.path.isfile(cache / "thing_archive")
    with pytest.raises(ValueError, match="cache_dir"):
        ds._download.get_file(str(tmp_path / "abs.txt"), "https://example.com/a/file.txt")


# --------------------------------------------------------------------------- fashion-mnist


def test_fashion_mnist_reads_the_keras_cache(cache, monkeypatch):
    arrays = [MNIST["y_train"], MNIST["x_train"], MNIST["y_test"], MNIST["x_test"]]
    for name, array in zip(ds.fashion_mnist.FILES, arrays):
        data = idx_gz(array)
        write_dir(cache / "fashion-mnist", {name: data})
        monkeypatch.setitem(ds.fashion_mnist.FILE_HASHES, name, sha256(data))
    (x_train, y_train), (x_test, y_test) = ds.fashion_mnist.load_data()
    assert np.array_equal(x_train, MNIST["x_train"]) and x_train.dtype == np.uint8
    assert y_train.tolist() == [5, 0, 4, 1, 9, 2] and y_test.tolist() == [7, 2, 1]
    assert x_test.shape == (3, 28, 28)


def test_fashion_mnist_rejects_a_corrupt_idx_file(tmp_path):
    arrays = [MNIST["y_train"], MNIST["x_train"], MNIST["y_test"], MNIST["x_test"]]
    files = {n: idx_gz(a) for n, a in zip(ds.fashion_mnist.FILES, arrays)}
    files["train-images-idx3-ubyte.gz"] = files["train-images-idx3-ubyte.gz"][:-30]
    write_dir(tmp_path, files)
    with pytest.raises(ValueError, match="train-images-idx3-ubyte.gz"):
        ds.fashion_mnist.load_data(path=str(tmp_path))


# --------------------------------------------------------------------------- cifar


@pytest.mark.parametrize(
    "layout",
    [
        "cifar-10-batches-py-target/cifar-10-batches-py",  # Keras 3
        "cifar-10-batches-py/cifar-10-batches-py",  # early Keras 3 (extract=True)
        "cifar-10-batches-py",  # Keras 2 / tf.keras (untar=True)
    ],
)
def test_cifar10_reads_every_keras_cache_layout(cache, network, layout):
    files = cifar10_files()
    write_dir(cache / layout, files)
    (x_train, y_train), (x_test, y_test) = ds.cifar10.load_data()
    (ex_train, ey_train), (ex_test, _) = expected_cifar10(files)
    assert x_train.shape == (10, 32, 32, 3) and x_train.dtype == np.uint8
    assert y_train.shape == (10, 1) and y_train.dtype == np.uint8
    assert x_test.shape == (2, 32, 32, 3) and y_test.shape == (2, 1) and y_test.dtype == np.uint8
    assert np.array_equal(x_train, ex_train) and np.array_equal(x_test, ex_test)
    assert y_train[:, 0].tolist() == ey_train.tolist() and y_test[:, 0].tolist() == [3, 8]
    assert x_train.flags.c_contiguous
    assert network.calls == []


def test_cifar10_extracts_a_cached_archive(cache, monkeypatch):
    files = cifar10_files()
    archive = tar_bytes("cifar-10-batches-py", files)
    (cache).mkdir(parents=True)
    (cache / "cifar-10-batches-py-target_archive").write_bytes(archive)
    monkeypatch.setattr(ds.cifar10, "FILE_HASH", sha256(archive))
    (x_train, _), (_, y_test) = ds.cifar10.load_data()
    assert np.array_equal(x_train, expected_cifar10(files)[0][0])
    assert y_test[:, 0].tolist() == [3, 8]
    assert sorted(os.listdir(cache / "cifar-10-batches-py-target" / "cifar-10-batches-py")) == (
        sorted(files)
    )
    assert listing(cache) == ["cifar-10-batches-py-target", "cifar-10-batches-py-target_archive"]


def test_cifar10_offline_names_the_archive_path(cache):
    with pytest.raises(ds.DatasetDownloadError) as info:
        ds.cifar10.load_data()
    message = str(info.value)
    assert "https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz" in message
    assert str(cache / "cifar-10-batches-py-target_archive") in message
    assert listing(cache) == []


def test_cifar10_tarball_path_is_read_in_place(tmp_path, cache):
    files = cifar10_files()
    tarball = tmp_path / "cifar-10-python.tar.gz"
    tarball.write_bytes(tar_bytes("cifar-10-batches-py", files))
    (x_train, _), (x_test, _) = ds.cifar10.load_data(path=str(tarball))
    assert np.array_equal(x_test, expected_cifar10(files)[1][0])
    assert x_train.shape == (10, 32, 32, 3) and listing(cache) == []


def test_cifar_corrupt_inputs_raise_value_error(tmp_path):
    tarball = tmp_path / "cifar-10-python.tar.gz"
    data = tar_bytes("cifar-10-batches-py", cifar10_files())
    tarball.write_bytes(data[: len(data) // 2])
    with pytest.raises(ValueError, match="cifar-10-python.tar.gz"):
        ds.cifar10.load_data(path=str(tarball))

    files = cifar10_files()
    files["data_batch_3"] = pickle.dumps({b"data": eval, b"labels": []})  # a code global
    write_dir(tmp_path / "evil", files)
    with pytest.raises(ValueError, match="data_batch_3.*builtins"):
        ds.cifar10.load_data(path=str(tmp_path / "evil"))


def test_cifar100_fine_and_coarse(cache):
    files = cifar100_files()
    write_dir(cache / "cifar-100-python-target" / "cifar-100-python", files)
    (x_train, y_train), (x_test, y_test) = ds.cifar100.load_data()
    assert x_train.shape == (3, 32, 32, 3) and x_test.shape == (2, 32, 32, 3)
    assert y_train.shape == (3, 1) and y_train.dtype == np.int64  # as Keras
    assert y_train[:, 0].tolist() == [99, 0, 42] and y_test[:, 0].tolist() == [5, 77]
    (_, y_train), (_, y_test) = ds.cifar100.load_data(label_mode="coarse")
    assert y_train[:, 0].tolist() == [19, 0, 7] and y_test[:, 0].tolist() == [3, 11]
    with pytest.raises(ValueError, match="label_mode"):
        ds.cifar100.load_data(label_mode="medium")


def test_cifar100_keras2_layout_and_tarball(cache, tmp_path):
    files = cifar100_files()
    write_dir(cache / "cifar-100-python", files)
    (x_train, _), _ = ds.cifar100.load_data()
    tarball = tmp_path / "cifar-100-python.tar.gz"
    tarball.write_bytes(tar_bytes("cifar-100-python", files))
    (x_train2, _), (_, y_test) = ds.cifar100.load_data("coarse", path=str(tarball))
    assert np.array_equal(x_train, x_train2) and y_test[:, 0].tolist() == [3, 11]


# --------------------------------------------------------------------------- imdb


def imdb_arrays():
    def objects(seqs):
        out = np.empty(len(seqs), dtype=object)
        out[:] = [list(s) for s in seqs]
        return out

    return {
        "x_train": objects([[1, 2, 3], [4, 5, 6, 7, 8], [9], [2, 2]]),
        "y_train": np.array([1, 0, 1, 0]),
        "x_test": objects([[3, 1], [10, 4, 4, 4, 4, 4]]),
        "y_test": np.array([0, 1]),
    }


def keras_shuffle(arrays, seed):
    rng = np.random.RandomState(seed)
    out = []
    for x, y in (("x_train", "y_train"), ("x_test", "y_test")):
        idx = np.arange(len(arrays[x]))
        rng.shuffle(idx)
        out.append(([list(s) for s in arrays[x][idx]], arrays[y][idx].tolist()))
    return out


def test_imdb_defaults_match_keras(tmp_path):
    arrays = imdb_arrays()
    path = write_npz(tmp_path / "imdb.npz", **arrays)
    (x_train, y_train), (x_test, y_test) = ds.imdb.load_data(path=path)
    assert x_train.dtype == object and x_train.shape == (4,) and x_test.shape == (2,)
    assert y_train.dtype == np.int64
    (train, train_labels), (test, test_labels) = keras_shuffle(arrays, 113)
    # start_char=1, index_from=3; with num_words=None the largest index (13) is OOV (2).
    expect = [[1] + [w + 3 if w + 3 < 13 else 2 for w in s] for s in train]
    assert x_train.tolist() == expect and y_train.tolist() == train_labels
    assert x_test.tolist() == [[1] + [w + 3 if w + 3 < 13 else 2 for w in s] for s in test]
    assert y_test.tolist() == test_labels


def test_imdb_options(tmp_path):
    arrays = imdb_arrays()
    path = write_npz(tmp_path / "imdb.npz", **arrays)
    (train, labels), _ = keras_shuffle(arrays, 7)
    (x_train, y_train), _ = ds.imdb.load_data(
        path=path, num_words=8, skip_top=2, seed=7, start_char=None, oov_char=0, index_from=0
    )
    assert x_train.tolist() == [[w if 2 <= w < 8 else 0 for w in s] for s in train]
    assert y_train.tolist() == labels
    (x_train, _), _ = ds.imdb.load_data(path=path, num_words=6, oov_char=None, seed=7)
    assert x_train.tolist() == [[w for w in [1] + [v + 3 for v in s] if w < 6] for s in train]
    # maxlen drops (does not truncate) sequences of maxlen or more words
    (x_train, y_train), (x_test, _) = ds.imdb.load_data(path=path, maxlen=4)
    (train, labels), _ = keras_shuffle(arrays, 113)
    kept = [i for i, s in enumerate(train) if len(s) + 1 < 4]
    assert [len(s) for s in x_train] == [len(train[i]) + 1 for i in kept] and len(kept) == 2
    assert y_train.tolist() == [labels[i] for i in kept] and len(x_test) == 1
    with pytest.raises(ValueError, match="maxlen"):
        ds.imdb.load_data(path=path, maxlen=1)
    with pytest.raises(TypeError, match="num_words"):
        ds.imdb.load_data(path=path, nb_words=10)


def test_imdb_word_index_from_the_cache(cache, monkeypatch):
    cache.mkdir(parents=True)
    text = json.dumps({"the": 1, "and": 2, "film": 19}).encode()
    (cache / "imdb_word_index.json").write_bytes(text)
    monkeypatch.setattr(ds.imdb, "WORD_INDEX_HASH", hashlib.md5(text).hexdigest())
    assert ds.imdb.get_word_index() == {"the": 1, "and": 2, "film": 19}


# --------------------------------------------------------------------------- boston


def test_boston_housing_split_matches_keras(cache, monkeypatch):
    x = np.arange(10 * 13, dtype=np.float64).reshape(10, 13)
    y = np.arange(10, dtype=np.float64) + 20
    path = write_npz(cache / "boston_housing.npz", x=x, y=y)
    monkeypatch.setattr(ds.boston_housing, "FILE_HASH", sha256(path))
    (x_train, y_train), (x_test, y_test) = ds.boston_housing.load_data()
    order = np.arange(10)
    np.random.RandomState(113).shuffle(order)
    assert x_train.shape == (8, 13) and x_test.shape == (2, 13) and y_train.dtype == np.float64
    assert np.array_equal(x_train, x[order[:8]]) and np.array_equal(y_test, y[order[8:]])
    (x_train, _), (x_test, _) = ds.boston_housing.load_data(test_split=0.5, seed=1)
    assert len(x_train) == 5 and len(x_test) == 5
    with pytest.raises(ValueError, match="test_split"):
        ds.boston_housing.load_data(test_split=1.5)


# --------------------------------------------------------------------------- real data


@pytest.mark.slow
def test_real_mnist_copy():
    if not os.path.isfile(REAL_MNIST):
        pytest.skip(f"{REAL_MNIST} not present")
    (x_train, y_train), (x_test, y_test) = ds.mnist.load_data(path=os.path.abspath(REAL_MNIST))
    assert x_train.shape == (60000, 28, 28) and x_train.dtype == np.uint8
    assert y_train.shape == (60000,) and y_train.dtype == np.uint8
    assert x_test.shape == (10000, 28, 28) and y_test.shape == (10000,)
    assert y_train[:8].tolist() == [5, 0, 4, 1, 9, 2, 1, 3]
    assert x_train.max() == 255 and set(np.unique(y_test).tolist()) == set(range(10))
