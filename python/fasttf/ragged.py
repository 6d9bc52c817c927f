"""tf.RaggedTensor and tf.ragged, ragged rank 1: rows of different lengths over a flat values
tensor cut by row_splits. Enough for what the string ops return in TF (tf.strings.split,
bytes_split, unicode_split and unicode_decode of vectors) and the usual ways out of it
(to_tensor, to_list, indexing, iteration, map_flat_values); printing as TF 2.21."""

import numpy as np

from . import _C
from .framework import dtypes
from .framework import string_tensor as st
from .framework.constant_op import convert_to_tensor
from .framework.errors import InvalidArgumentError
from .framework.tensor import Tensor
from .framework.tensor_shape import TensorShape


def _values(values):
    return values if isinstance(values, Tensor) else convert_to_tensor(values)


def _array(t):
    return t._value if t.dtype == dtypes.string else np.asarray(t.numpy())


def _tensor_of(array, dtype):
    if dtype == dtypes.string:
        return st.from_array(np.asarray(array, dtype=object))
    return _C.convert_to_tensor(np.ascontiguousarray(array), dtype)


def _formatter(x):
    # TF's: arrays with ', ' between elements, an empty one by its nested list
    if isinstance(x, np.ndarray):
        return np.array2string(x, separator=", ") if x.size else repr(x.tolist())
    return str(x)


class RaggedTensor:
    """Rows values[row_splits[i]:row_splits[i + 1]] (ragged rank 1)."""

    def __init__(self, values, row_splits):
        self._values_tensor = values
        self._splits = row_splits  # a NumPy int64 vector, validated by the constructors

    # ------------------------------------------------------------------ construction

    @classmethod
    def from_row_splits(cls, values, row_splits, name=None, validate=True):
        values = _values(values)
        splits = np.asarray(row_splits.numpy() if isinstance(row_splits, Tensor) else row_splits,
                            dtype=np.int64).reshape(-1)
        if splits.size == 0 or splits[0] != 0 or np.any(np.diff(splits) < 0) or \
                splits[-1] != values._shape_tuple[0]:
            raise InvalidArgumentError("Arguments to _from_row_partition do not form a valid "
                                       "RaggedTensor")
        return cls(values, splits)

    @classmethod
    def from_row_lengths(cls, values, row_lengths, name=None, validate=True):
        lengths = np.asarray(row_lengths.numpy() if isinstance(row_lengths, Tensor)
                             else row_lengths, dtype=np.int64).reshape(-1)
        if np.any(lengths < 0):
            raise InvalidArgumentError("Arguments to from_row_lengths do not form a valid "
                                       "RaggedTensor")
        return cls.from_row_splits(values, np.concatenate([[0], np.cumsum(lengths)]))

    @classmethod
    def from_value_rowids(cls, values, value_rowids, nrows=None, name=None, validate=True):
        ids = np.asarray(value_rowids.numpy() if isinstance(value_rowids, Tensor)
                         else value_rowids, dtype=np.int64).reshape(-1)
        if ids.size and (np.any(np.diff(ids) < 0) or ids[0] < 0):
            raise InvalidArgumentError("Arguments to from_value_rowids do not form a valid "
                                       "RaggedTensor")
        n = int(nrows) if nrows is not None else (int(ids[-1]) + 1 if ids.size else 0)
        return cls.from_row_lengths(values, np.bincount(ids, minlength=n)[:n])

    # ------------------------------------------------------------------ properties

    values = property(lambda self: self._values_tensor)
    flat_values = property(lambda self: self._values_tensor)
    dtype = property(lambda self: self._values_tensor.dtype)
    ragged_rank = property(lambda self: 1)
    row_splits = property(lambda self: _C.convert_to_tensor(self._splits, dtypes.int64))

    @property
    def shape(self):
        return TensorShape([len(self._splits) - 1, None] + list(self._values_tensor.shape[1:]))

    def row_lengths(self, axis=1, name=None):
        return _C.convert_to_tensor(np.diff(self._splits), dtypes.int64)

    def nrows(self, out_type=dtypes.int64, name=None):
        return _C.convert_to_tensor(np.asarray(len(self._splits) - 1),
                                    dtypes.as_dtype(out_type))

    def value_rowids(self, name=None):
        return _C.convert_to_tensor(np.repeat(np.arange(len(self._splits) - 1),
                                              np.diff(self._splits)), dtypes.int64)

    def bounding_shape(self, axis=None, name=None, out_type=dtypes.int64):
        lengths = np.diff(self._splits)
        shape = [len(lengths), int(lengths.max()) if lengths.size else 0]
        shape += list(self._values_tensor._shape_tuple[1:])
        out = np.asarray(shape if axis is None else shape[axis])
        return _C.convert_to_tensor(out, dtypes.as_dtype(out_type))

    # ------------------------------------------------------------------ conversion

    def _rows(self):
        values = _array(self._values_tensor)
        return [values[a:b] for a, b in zip(self._splits[:-1], self._splits[1:])]

    def numpy(self):
        """As TF: a 2-D array when the rows have equal lengths, else an object vector of rows."""
        rows = self._rows()
        values = _array(self._values_tensor)
        if not rows:
            return np.zeros((0, 0) + values.shape[1:], dtype=values.dtype)
        if any(len(r) != len(rows[0]) for r in rows):
            out = np.empty(len(rows), dtype=object)
            out[:] = rows
            return out
        return np.array(rows, dtype=values.dtype)

    def to_list(self):
        return [row.tolist() for row in self._rows()]

    def to_tensor(self, default_value=None, name=None, shape=None):
        """A dense tensor: rows padded with default_value (0 or b''), cut or padded to `shape`."""
        dtype = self.dtype
        lengths = np.diff(self._splits)
        inner = tuple(self._values_tensor._shape_tuple[1:])
        dense = [len(lengths), int(lengths.max()) if lengths.size else 0]
        if shape is not None:
            dense = [d if s is None or s == -1 else int(s)
                     for d, s in zip(dense, list(shape)[:2])]
        if default_value is None:
            fill = b"" if dtype == dtypes.string else 0
        else:
            fill = _array(_values(default_value) if dtype != dtypes.string
                          else st.convert(default_value)).reshape(-1)[0]
        np_type = object if dtype == dtypes.string else dtype.as_numpy_dtype
        out = np.full(tuple(dense) + inner, fill, dtype=np_type)
        for i, row in enumerate(self._rows()[:dense[0]]):
            row = row[:dense[1]]
            out[i, :len(row)] = row
        return _tensor_of(out, dtype)

    # ------------------------------------------------------------------ rows

    def __getitem__(self, key):
        if isinstance(key, slice):
            starts = range(len(self._splits) - 1)[key]
            rows = [self._splits[i] for i in starts]
            lengths = [self._splits[i + 1] - self._splits[i] for i in starts]
            flat = _array(self._values_tensor)
            values = np.concatenate([flat[a:a + n] for a, n in zip(rows, lengths)]) \
                if rows else flat[:0]
            return RaggedTensor.from_row_lengths(_tensor_of(values, self.dtype), lengths)
        index = int(key)
        n = len(self._splits) - 1
        if not -n <= index < n:
            raise InvalidArgumentError("slice index %d of dimension 0 out of bounds." % index)
        index %= n
        return _tensor_of(_array(self._values_tensor)[self._splits[index]:
                                                      self._splits[index + 1]], self.dtype)

    def __iter__(self):
        for i in range(len(self._splits) - 1):
            yield self[i]

    def __repr__(self):
        with np.printoptions(formatter={"all": _formatter}):
            text = _formatter(self.numpy())
        return "<tf.RaggedTensor %s>" % text

    __str__ = __repr__

    def with_values(self, new_values):
        return RaggedTensor.from_row_splits(_values(new_values), self._splits)

    with_flat_values = with_values


def constant(pylist, dtype=None, ragged_rank=None, inner_shape=None, name=None,
             row_splits_dtype=dtypes.int64):
    """tf.ragged.constant of a list of rows (ragged rank 1); a flat list is a dense tensor."""
    if not isinstance(pylist, (list, tuple)) or not pylist or \
            not all(isinstance(r, (list, tuple)) for r in pylist):
        return convert_to_tensor(pylist, dtype)
    flat = [v for row in pylist for v in row]
    if any(isinstance(v, (list, tuple)) for v in flat):
        raise NotImplementedError("tf.ragged.constant: fasttf's RaggedTensor has ragged rank 1")
    if flat:
        values = convert_to_tensor(flat, dtype)
    else:
        values = _C.convert_to_tensor(np.zeros(0, np.float32),
                                      dtypes.as_dtype(dtype) if dtype else dtypes.float32)
    return RaggedTensor.from_row_lengths(values, [len(row) for row in pylist])


def map_flat_values(op, *args, **kwargs):
    """op applied to the flat values of the RaggedTensor arguments, with their row splits."""
    ragged = next(a for a in list(args) + list(kwargs.values()) if isinstance(a, RaggedTensor))
    args = [a.flat_values if isinstance(a, RaggedTensor) else a for a in args]
    kwargs = {k: v.flat_values if isinstance(v, RaggedTensor) else v for k, v in kwargs.items()}
    return ragged.with_values(op(*args, **kwargs))


def from_rows(rows, dtype):
    """A RaggedTensor from a list of Python rows of bytes / numbers (for the string ops)."""
    flat = [v for row in rows for v in row]
    if dtype == dtypes.string:
        array = np.empty(len(flat), dtype=object)
        array[:] = flat
        values = st.from_array(array)
    else:
        values = _C.convert_to_tensor(np.asarray(flat, dtype=dtype.as_numpy_dtype), dtype)
    return RaggedTensor.from_row_lengths(values, [len(row) for row in rows])
