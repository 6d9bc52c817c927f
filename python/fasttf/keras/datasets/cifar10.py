"""CIFAR-10 small images, as `keras.datasets.cifar10`.

Labels: 0 airplane, 1 automobile, 2 bird, 3 cat, 4 deer, 5 dog, 6 frog, 7 horse,
8 ship, 9 truck. The helpers here (pickled batches, cache layouts) serve cifar100 too.
"""

import io
import os
import tarfile
import zlib

import numpy as np

from . import _download

ORIGIN = "https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz"
FILE_HASH = "6d958be074577803d12ecdefd02955f39262c83c16fe9348329d7fe0b5c001ce"
CACHE_NAME = "cifar-10-batches-py-target"  # Keras 3's get_file(fname=...)
INNER_DIR = "cifar-10-batches-py"  # the directory inside the tarball
TRAIN_FILES = [f"data_batch_{i}" for i in range(1, 6)]
TEST_FILES = ["test_batch"]

__all__ = ["load_data"]


def _parse_batch(fileobj, where, label_key):
    """Unpickles one CIFAR batch: (data uint8 (n, 3, 32, 32), labels list)."""
    try:
        batch = _download.restricted_pickle_load(fileobj, encoding="bytes")
        batch = {k.decode("utf8") if isinstance(k, bytes) else k: v for k, v in batch.items()}
        if label_key not in batch:
            raise KeyError(f"no {label_key!r} entry; found {sorted(batch)}")
        data = np.asarray(batch["data"])
        labels = np.asarray(batch[label_key])
        if data.dtype != np.uint8 or data.ndim != 2 or data.shape[1] != 3 * 32 * 32:
            raise ValueError(f"'data' is {data.dtype} {data.shape}, expected uint8 (n, 3072)")
        if labels.shape != (data.shape[0],):
            raise ValueError(f"{labels.shape[0]} labels for {data.shape[0]} images")
    except _download._LOAD_ERRORS as e:
        raise _download.corrupt_file_error(where, e, what="CIFAR batch") from e
    return data.reshape(data.shape[0], 3, 32, 32), labels


def _complete(directory, names):
    return all(os.path.isfile(os.path.join(directory, n)) for n in names)


def _read_batches(source, names, label_key):
    """Reads the named batches from an extracted directory or straight from a tarball."""
    if os.path.isdir(source):
        out = []
        for name in names:
            fpath = os.path.join(source, name)
            try:
                with open(fpath, "rb") as f:
                    out.append(_parse_batch(f, fpath, label_key))
            except OSError as e:
                raise _download.corrupt_file_error(fpath, e, what="CIFAR batch") from e
        return out
    try:
        with tarfile.open(source) as archive:
            members = {
                os.path.basename(m.name): m
                for m in archive.getmembers()
                if m.isfile() and os.path.basename(m.name) in names
            }
            missing = [n for n in names if n not in members]
            if missing:
                raise KeyError(f"no member named {missing} in the archive")
            out = []
            for name in names:
                data = archive.extractfile(members[name]).read()
                out.append(_parse_batch(io.BytesIO(data), f"{source}:{name}", label_key))
            return out
    except (tarfile.TarError, OSError, EOFError, KeyError, zlib.error) as e:
        raise _download.corrupt_file_error(source, e, what="CIFAR archive") from e


def locate(path, origin, file_hash, cache_name, inner_dir, names, loader="load_data"):
    """Where the CIFAR batches are: an extracted directory or (for `path=`) a tarball.

    Looks for, in every cache directory, the layouts Keras has used: Keras 3
    (`<cache_name>/<inner_dir>/`), early Keras 3 (`<inner_dir>/<inner_dir>/`) and
    Keras 2 / tf.keras (`<inner_dir>/`, next to `<inner_dir>.tar.gz`). Failing that it
    extracts a cached archive whose hash matches, or downloads one (Keras 3's name
    `<cache_name>_archive`) and extracts it to `<cache_name>/`.
    """
    if path is not None:
        path = os.path.abspath(os.path.expanduser(os.fspath(path)))
        if os.path.isdir(path):
            for candidate in (path, os.path.join(path, inner_dir)):
                if _complete(candidate, names):
                    return candidate
            raise ValueError(f"{path} holds neither {names} nor {inner_dir}/ with them.")
        if os.path.isfile(path):
            return path  # a tarball, read in place
        raise FileNotFoundError(
            f"{path} does not exist: pass the {os.path.basename(origin)} tarball (from "
            f"{origin}) or the directory it extracts to."
        )

    write_dir, search_dirs = _download.cache_dirs("datasets")
    for directory in search_dirs:
        for candidate in (
            os.path.join(directory, cache_name, inner_dir),
            os.path.join(directory, inner_dir, inner_dir),
            os.path.join(directory, inner_dir),
        ):
            if _complete(candidate, names):
                return candidate

    archive = None
    for directory in search_dirs:
        for name in (
            f"{cache_name}_archive",
            f"{inner_dir}_archive",
            f"{inner_dir}.tar.gz",
            os.path.basename(origin),
        ):
            candidate = os.path.join(directory, name)
            if os.path.isfile(candidate) and _download.validate_file(candidate, file_hash):
                archive = candidate
                break
        if archive:
            break
    if archive is None:
        archive = _download.fetch(
            f"{cache_name}_archive",
            origin,
            file_hash,
            hint=f"(that is {os.path.basename(origin)} under Keras' cache name). Or pass "
            f"its location: {loader}(path='/absolute/path/{os.path.basename(origin)}').",
        )
    target = os.path.join(write_dir, cache_name)
    _download.extract_archive(archive, target, "tar")
    extracted = os.path.join(target, inner_dir)
    if not _complete(extracted, names):
        raise ValueError(f"{archive} did not contain {inner_dir}/ with {names}.")
    return extracted


def load_data(path=None):
    """Loads CIFAR-10: 50,000 32x32 color training images and 10,000 test images,
    labeled over 10 categories.

    Args:
        path: (fasttf extension; Keras' `load_data()` takes no argument.) The
            `cifar-10-python.tar.gz` tarball (read in place) or the
            `cifar-10-batches-py/` directory. By default the data comes from, or is
            downloaded to, the Keras cache (`$KERAS_HOME/datasets`, any Keras layout).

    Returns:
        `(x_train, y_train), (x_test, y_test)`: x uint8 of shape (n, 32, 32, 3)
        (channels last, C-contiguous), y uint8 of shape (n, 1); n is 50000 and 10000.
    """
    names = TRAIN_FILES + TEST_FILES
    source = locate(path, ORIGIN, FILE_HASH, CACHE_NAME, INNER_DIR, names, "cifar10.load_data")
    batches = _read_batches(source, TRAIN_FILES + TEST_FILES, "labels")
    train, test = batches[: len(TRAIN_FILES)], batches[len(TRAIN_FILES) :]
    x_train = np.concatenate([b[0] for b in train])
    y_train = np.concatenate([b[1] for b in train]).astype(np.uint8)
    x_test, y_test = test[0][0], test[0][1].astype(np.uint8)
    x_train = np.ascontiguousarray(x_train.transpose(0, 2, 3, 1))
    x_test = np.ascontiguousarray(x_test.transpose(0, 2, 3, 1))
    return (x_train, y_train.reshape(-1, 1)), (x_test, y_test.reshape(-1, 1))
