"""tf.io.read_file / tf.io.write_file: a whole file as a scalar string tensor and back."""

import os

from ..framework import dtypes
from ..framework import string_tensor
from ..framework.errors import InvalidArgumentError
from .gfile import _tf_errors


def _scalar_string(value, what, op_name):
    t = string_tensor.convert(value, dtypes.string)  # TypeError for non-strings, as TF
    if t.ndim != 0:
        raise InvalidArgumentError("%s tensor must be scalar, but had shape: %s [Op:%s]"
                                   % (what, list(t.shape), op_name))
    return t.numpy()


def read_file(filename, name=None):
    """The bytes of a file as a scalar tf.string tensor (NotFoundError if it is missing)."""
    path = os.fsdecode(_scalar_string(filename, "Input filename", "ReadFile"))
    with _tf_errors():
        with open(path, "rb") as f:
            data = f.read()
    return string_tensor.convert(data)


def write_file(filename, contents, name=None):
    """Writes a scalar string tensor's bytes to a file, creating its directories as TF does."""
    path = os.fsdecode(_scalar_string(filename, "Filename", "WriteFile"))
    data = _scalar_string(contents, "Contents", "WriteFile")
    with _tf_errors():
        parent = os.path.dirname(path)
        if parent:
            os.makedirs(parent, exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)


def matching_files(pattern, name=None):
    """The files matching a glob pattern (or each of a vector of patterns), sorted, as a 1-D
    string tensor."""
    from . import gfile
    patterns = string_tensor.convert(pattern, dtypes.string)
    if patterns.ndim > 1:
        raise InvalidArgumentError("Input patterns tensor must be scalar or vector, but had "
                                   "shape: %s [Op:MatchingFiles]" % (list(patterns.shape),))
    names = sorted(match for p in patterns._value.reshape(-1)
                   for match in gfile.glob(os.fsdecode(p)))
    return string_tensor.constant(names, dtypes.string) if names else \
        string_tensor.fill([0], string_tensor.convert(b""))
