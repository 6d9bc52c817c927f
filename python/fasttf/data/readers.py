"""tf.data.TextLineDataset and Dataset.list_files: text files as string elements."""

import glob
import gzip
import os
import zlib

import numpy as np

from ..framework import dtypes, errors
from ..framework.tensor import Tensor
from ..framework.tensor_spec import TensorSpec
from .dataset import UNKNOWN, DatasetV2


def _filenames(filenames):
    """File names given as a string, a list of them, a string tensor or a dataset of them."""
    if isinstance(filenames, DatasetV2):
        return [_as_str(f) for f in filenames.as_numpy_iterator()]
    if isinstance(filenames, Tensor):
        filenames = filenames.numpy()
    if isinstance(filenames, (str, bytes, os.PathLike)):
        return [_as_str(filenames)]
    return [_as_str(f) for f in np.asarray(filenames, dtype=object).reshape(-1)]


def _as_str(name):
    if isinstance(name, bytes):
        return name.decode()
    return os.fspath(name) if isinstance(name, os.PathLike) else str(name)


def _open(path, compression_type):
    kind = (compression_type or "").upper()
    if kind == "GZIP":
        return gzip.open(path, "rb")
    if kind == "ZLIB":
        with open(path, "rb") as f:
            import io
            return io.BytesIO(zlib.decompress(f.read()))
    if kind:
        raise errors.InvalidArgumentError("Unsupported compression_type: %r" % compression_type)
    return open(path, "rb")


class TextLineDataset(DatasetV2):
    """The lines of one or more text files (without their line endings), file after file."""

    _tf_name = "TextLineDatasetV2"

    def __init__(self, filenames, compression_type=None, buffer_size=None,
                 num_parallel_reads=None, name=None):
        self._files = _filenames(filenames)
        self._compression = compression_type

    def _iterate(self):
        for path in self._files:
            try:
                stream = _open(path, self._compression)
            except FileNotFoundError:
                raise errors.NotFoundError("%s; No such file or directory" % path) from None
            with stream:
                for line in stream:
                    yield np.array(line.rstrip(b"\n").rstrip(b"\r"), dtype=object)

    def _compute_element_spec(self):
        return TensorSpec([], dtypes.string)

    def _cardinality(self):
        return UNKNOWN


def list_files(file_pattern, shuffle=None, seed=None, name=None):
    """The files matching the pattern(s), sorted, then shuffled unless shuffle=False."""
    from .sources import TensorSliceDataset
    patterns = _filenames(file_pattern)
    matches = sorted({m for p in patterns for m in glob.glob(p)})
    if not matches:
        raise errors.InvalidArgumentError("Expected 'tf.Tensor(False, shape=(), dtype=bool)' to "
                                          "be true. Summarized data: b'No files matched "
                                          "pattern: %s'" % ", ".join(patterns))
    dataset = TensorSliceDataset(np.array([m.encode() for m in matches], dtype=object))
    if shuffle is None or shuffle:
        dataset = dataset.shuffle(len(matches), seed=seed)
    return dataset
