"""tf.lookup: key -> value tables over string or integer keys (vocabularies in input pipelines).

StaticHashTable and StaticVocabularyTable are built once from an initializer (tensors or a text
file); StaticVocabularyTable sends unknown keys to `num_oov_buckets` extra ids by TF's
Fingerprint64 of the key (of its decimal text for integers), so ids match TF's exactly.
experimental.MutableHashTable takes insert/remove. Lookups keep the keys' shape.
"""

import enum
import types

import numpy as np

from . import _C, string_hash
from .framework import dtypes
from .framework import string_tensor
from .framework.constant_op import convert_to_tensor
from .framework.errors import FailedPreconditionError, InvalidArgumentError
from .framework.tensor import Tensor


def _tensor(value, dtype=None):
    if isinstance(value, Tensor):
        return value
    if dtype is not None and dtypes.as_dtype(dtype) == dtypes.string:
        return string_tensor.convert(value, dtypes.string)
    return convert_to_tensor(value, dtype)


def _python_values(t):
    """The elements of a tensor as hashable Python values (bytes, int, float), flat."""
    array = t._value if t.dtype == dtypes.string else np.asarray(t.numpy())
    return array.reshape(-1).tolist()


def _make(values, shape, dtype):
    if dtype == dtypes.string:
        out = np.empty(len(values), dtype=object)
        out[:] = values
        return string_tensor.from_array(out.reshape(shape))
    return _C.convert_to_tensor(np.asarray(values, dtype=dtype.as_numpy_dtype).reshape(shape),
                                dtype)


class TextFileIndex(enum.IntEnum):
    WHOLE_LINE = -2
    LINE_NUMBER = -1


class KeyValueTensorInitializer:
    """Keys and values given as tensors (or lists), of equal length."""

    def __init__(self, keys, values, key_dtype=None, value_dtype=None, name=None):
        self._keys = _tensor(keys, key_dtype)
        self._values = _tensor(values, value_dtype)
        self.key_dtype = self._keys.dtype
        self.value_dtype = self._values.dtype

    def _pairs(self):
        keys, values = _python_values(self._keys), _python_values(self._values)
        if len(keys) != len(values):
            raise InvalidArgumentError("Expected shape %s for value, got %s "
                                       "[Op:LookupTableImportV2]"
                                       % (list(self._keys.shape), list(self._values.shape)))
        return zip(keys, values)


class TextFileInitializer:
    """Keys and values from the columns of a text file (or the whole line / its number)."""

    def __init__(self, filename, key_dtype, key_index, value_dtype, value_index, vocab_size=None,
                 delimiter="\t", name=None, value_index_offset=0):
        self._filename = filename
        self.key_dtype = dtypes.as_dtype(key_dtype)
        self.value_dtype = dtypes.as_dtype(value_dtype)
        self._key_index, self._value_index = int(key_index), int(value_index)
        self._vocab_size = vocab_size
        self._delimiter = delimiter.encode("utf-8") if isinstance(delimiter, str) else delimiter
        self._offset = int(value_index_offset)

    def _column(self, line, number, index, dtype):
        if index == TextFileIndex.LINE_NUMBER:
            return number + self._offset
        field = line if index == TextFileIndex.WHOLE_LINE else None
        if field is None:
            columns = line.split(self._delimiter)
            if index >= len(columns):
                raise InvalidArgumentError("Invalid number of columns in %s line %d (%s)"
                                           % (self._filename, number, line.decode("utf-8",
                                                                                  "replace")))
            field = columns[index]
        if dtype == dtypes.string:
            return field
        return int(field) if dtype.is_integer else float(field)

    def _pairs(self):
        from .io.file_io import read_file
        text = read_file(self._filename).numpy()
        lines = text.split(b"\n")
        if lines and lines[-1] == b"":
            lines.pop()
        if self._vocab_size is not None:
            lines = lines[:int(self._vocab_size)]
        return [(self._column(line.rstrip(b"\r"), i, self._key_index, self.key_dtype),
                 self._column(line.rstrip(b"\r"), i, self._value_index, self.value_dtype))
                for i, line in enumerate(lines)]


class _Table:
    """The shared part: a dict from Python keys to values, typed lookups."""

    def __init__(self, key_dtype, value_dtype, default_value):
        self._key_dtype = dtypes.as_dtype(key_dtype)
        self._value_dtype = dtypes.as_dtype(value_dtype)
        self._default = _tensor(default_value, self._value_dtype)
        self._table = {}

    key_dtype = property(lambda self: self._key_dtype)
    value_dtype = property(lambda self: self._value_dtype)
    default_value = property(lambda self: self._default)

    def _keys_tensor(self, keys):
        keys = _tensor(keys, self._key_dtype if not isinstance(keys, Tensor) else None)
        if keys.dtype != self._key_dtype:
            raise TypeError("Dtype of argument `keys` must be %s, received: %s"
                            % (self._key_dtype, keys.dtype))
        return keys

    def lookup(self, keys, name=None):
        keys = self._keys_tensor(keys)
        default = _python_values(self._default)[0]
        found = [self._table.get(k, default) for k in _python_values(keys)]
        return _make(found, keys._shape_tuple, self._value_dtype)

    __getitem__ = lookup

    def size(self, name=None):
        return _C.convert_to_tensor(np.int64(len(self._table)), dtypes.int64)

    def export(self, name=None):
        return (_make(list(self._table), (len(self._table),), self._key_dtype),
                _make(list(self._table.values()), (len(self._table),), self._value_dtype))


class StaticHashTable(_Table):
    """An immutable table built from an initializer; missing keys give default_value."""

    def __init__(self, initializer, default_value, name=None, experimental_is_anonymous=False):
        super().__init__(initializer.key_dtype, initializer.value_dtype, default_value)
        self._initializer = initializer
        for key, value in initializer._pairs():
            if key in self._table and self._table[key] != value:
                shown = key.decode("utf-8", "replace") if isinstance(key, bytes) else key
                raise FailedPreconditionError(
                    None, None, "HashTable has different value for same key. Key %s has %s and "
                    "trying to add value %s [Op:LookupTableImportV2]"
                    % (shown, self._table[key], value))
            self._table[key] = value

    @property
    def initializer(self):
        return self._initializer


class StaticVocabularyTable:
    """Vocabulary ids for known keys; an unknown key gets vocab_size + (TF's Fingerprint64 of
    the key, or of its decimal text for integers) % num_oov_buckets."""

    def __init__(self, initializer, num_oov_buckets, lookup_key_dtype=None, name=None,
                 experimental_is_anonymous=False):
        if num_oov_buckets <= 0:
            raise ValueError("`num_oov_buckets` must be > 0; use StaticHashTable.")
        self._num_oov_buckets = int(num_oov_buckets)
        self._table = StaticHashTable(initializer, _tensor(-1, initializer.value_dtype))
        self._vocab_size = len(self._table._table)
        self._initializer = initializer

    key_dtype = property(lambda self: self._table.key_dtype)
    value_dtype = property(lambda self: dtypes.int64)
    initializer = property(lambda self: self._initializer)

    def lookup(self, keys, name=None):
        keys = self._table._keys_tensor(keys)
        ids = []
        table, vocab, buckets = self._table._table, self._vocab_size, self._num_oov_buckets
        for key in _python_values(keys):
            if key in table:
                ids.append(table[key])
            else:
                text = key if isinstance(key, bytes) else str(key).encode("ascii")
                ids.append(vocab + string_hash.fingerprint64(text) % buckets)
        return _make(ids, keys._shape_tuple, dtypes.int64)

    __getitem__ = lookup

    def size(self, name=None):
        return _C.convert_to_tensor(np.int64(self._vocab_size + self._num_oov_buckets),
                                    dtypes.int64)


class MutableHashTable(_Table):
    """tf.lookup.experimental.MutableHashTable: insert, remove, lookup, export."""

    def __init__(self, key_dtype, value_dtype, default_value, name="MutableHashTable",
                 checkpoint=True, experimental_is_anonymous=False):
        super().__init__(key_dtype, value_dtype, default_value)

    def insert(self, keys, values, name=None):
        keys = _converted(keys, self._key_dtype)  # as TF: convert_to_tensor with the dtype
        values = _converted(values, self._value_dtype)
        for key, value in zip(_python_values(keys), _python_values(values)):
            self._table[key] = value

    def remove(self, keys, name=None):
        for key in _python_values(_converted(keys, self._key_dtype)):
            self._table.pop(key, None)


def _converted(value, dtype):
    """convert_to_tensor(value, dtype): a tensor of another dtype is a ValueError, as TF."""
    if isinstance(value, Tensor) and value.dtype != dtype:
        raise ValueError("Tensor conversion requested dtype %s for Tensor with dtype %s: %r"
                         % (dtype.name, value.dtype.name, value))
    return _tensor(value, dtype)


experimental = types.SimpleNamespace(MutableHashTable=MutableHashTable)  # tf.lookup.experimental


__all__ = ["KeyValueTensorInitializer", "StaticHashTable", "StaticVocabularyTable",
           "TextFileIndex", "TextFileInitializer", "experimental"]
