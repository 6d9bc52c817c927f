"""tf.data.TextLineDataset: the lines of text files as scalar tf.string elements."""

from ..framework import dtypes
from ..framework import string_tensor
from ..framework.tensor_spec import TensorSpec
from .dataset import UNKNOWN, DatasetV2


def _filenames(filenames):
    """A str/bytes, a list of them or a string tensor of them, as a list of paths."""
    t = string_tensor.convert(filenames, dtypes.string)  # TypeError for non-strings, as TF
    if t.ndim > 1:
        from ..framework.errors import InvalidArgumentError
        raise InvalidArgumentError("`filenames` must be a scalar or a vector, got shape %s"
                                   % (t.shape,))
    return [name.decode("utf-8") for name in t._value.reshape(-1)]


class TextLineDataset(DatasetV2):
    """Each line of each file in turn, without its line ending ('\\n' or '\\r\\n', as TF);
    a file is opened when the iteration reaches it (NotFoundError then, as TF)."""

    _tf_name = "TextLineDatasetV2"

    def __init__(self, filenames, compression_type=None, buffer_size=None,
                 num_parallel_reads=None, name=None):
        if compression_type not in (None, ""):
            raise NotImplementedError("TextLineDataset: compressed files are not supported")
        self._files = _filenames(filenames)

    def _iterate(self):
        from ..io.gfile import _tf_errors
        convert = string_tensor.convert
        for path in self._files:
            with _tf_errors():
                f = open(path, "rb")
            with f:
                for line in f:
                    if line.endswith(b"\n"):
                        line = line[:-2] if line.endswith(b"\r\n") else line[:-1]
                    yield convert(line)

    def _compute_element_spec(self):
        return TensorSpec([], dtypes.string)

    def _cardinality(self):
        return UNKNOWN


def list_files(file_pattern, shuffle=None, seed=None, name=None):
    """Dataset.list_files: the files matching the pattern(s), sorted, then shuffled unless
    shuffle=False (as TF, whose default is to shuffle)."""
    from ..framework.errors import InvalidArgumentError
    from ..io import gfile
    from .dataset import Dataset
    patterns = _filenames(file_pattern)
    names = sorted(match for pattern in patterns for match in gfile.glob(pattern))
    if not names:
        raise InvalidArgumentError(
            "Expected 'tf.Tensor(False, shape=(), dtype=bool)' to be true. Summarized data: "
            "b'No files matched pattern: %s'" % ", ".join(patterns))
    dataset = Dataset.from_tensor_slices(names)
    if shuffle is None or shuffle:
        dataset = dataset.shuffle(len(names), seed=seed)
    return dataset
