"""Turns fit/evaluate/predict inputs (NumPy arrays, tensors, lists/dicts of them, tf.data
Datasets, Python iterators) into per-epoch iterators of (x, y, sample_weight) batches."""

import math

import numpy as np

from ... import _C
from ...framework import dtypes
from ...framework.tensor import Tensor
from ...util import nest
from .. import backend

_NARROW_INTS = {np.dtype(t) for t in (np.uint8, np.int8, np.int16, np.uint16, np.uint32)}


def _as_array(x):
    """A NumPy array with Keras' dtype rules: floats become floatx, small ints int32."""
    if isinstance(x, Tensor):
        x = x.numpy()
    x = np.asarray(x)
    if x.dtype.kind == "f" and x.dtype != np.dtype(backend.floatx()):
        x = x.astype(backend.floatx())
    elif x.dtype in _NARROW_INTS:
        x = x.astype(np.int32)
    elif x.dtype == np.bool_:
        x = x.astype(backend.floatx())
    return x


def is_array_like(x):
    return isinstance(x, (np.ndarray, Tensor, list, tuple, dict, float, int)) or x is None


def _to_tensor(array):
    return _C.convert_to_tensor(array, dtypes.as_dtype(array.dtype))


class ArrayData:
    """In-memory arrays, sliced into batches (optionally shuffled every epoch)."""

    def __init__(self, x, y=None, sample_weight=None, batch_size=None, shuffle=False,
                 steps=None):
        self.x = nest.map_structure(_as_array, x)
        self.y = None if y is None else nest.map_structure(_as_array, y)
        self.sample_weight = None if sample_weight is None else _as_array(sample_weight)
        lengths = {a.shape[0] for a in nest.flatten((self.x, self.y, self.sample_weight))
                   if a is not None and a.ndim}
        if len(lengths) > 1:
            parts = ["x sizes: %s" % ", ".join(str(a.shape[0]) for a in nest.flatten(self.x))]
            if self.y is not None:
                parts.append("y sizes: %s" % ", ".join(str(a.shape[0])
                                                        for a in nest.flatten(self.y)))
            raise ValueError("Data cardinality is ambiguous:\n  %s\nMake sure all arrays "
                             "contain the same number of samples." % "\n  ".join(parts))
        self.size = lengths.pop() if lengths else 0
        self.batch_size = int(batch_size or 32)
        self.shuffle = shuffle
        self.steps = math.ceil(self.size / self.batch_size) if steps is None else int(steps)

    def split(self, validation_split):
        """The last `validation_split` fraction as validation data (before any shuffling)."""
        if not 0 < validation_split < 1:
            raise ValueError("`validation_split` must be between 0 and 1, got %s"
                             % (validation_split,))
        cut = int(self.size * (1.0 - validation_split))
        if cut == 0 or cut == self.size:
            raise ValueError("Training data contains %d samples, which is not sufficient to split "
                             "it into a validation and training set as specified by "
                             "`validation_split=%s`." % (self.size, validation_split))

        def part(a, sl):
            return None if a is None else nest.map_structure(lambda v: v[sl], a)
        train = ArrayData(part(self.x, slice(0, cut)), part(self.y, slice(0, cut)),
                          part(self.sample_weight, slice(0, cut)), self.batch_size,
                          self.shuffle)
        val = ArrayData(part(self.x, slice(cut, None)), part(self.y, slice(cut, None)),
                        part(self.sample_weight, slice(cut, None)), self.batch_size, False)
        return train, val

    def batches(self):
        n, bs = self.size, self.batch_size
        order = backend.rng().permutation(n) if self.shuffle else None
        for step in range(self.steps):
            start = (step * bs) % n if n else 0
            if order is None:
                index = slice(start, min(start + bs, n))
            else:
                index = order[start:start + bs]

            def take(a):
                return _to_tensor(np.ascontiguousarray(a[index]))
            x = nest.map_structure(take, self.x)
            y = None if self.y is None else nest.map_structure(take, self.y)
            sw = None if self.sample_weight is None else take(self.sample_weight)
            yield x, y, sw


def unpack(element):
    """(x,), (x, y) or (x, y, sample_weight) from a dataset element."""
    if isinstance(element, tuple):
        if len(element) == 1:
            return element[0], None, None
        if len(element) == 2:
            return element[0], element[1], None
        if len(element) == 3:
            return element
        raise ValueError("Data is expected to be in format `x`, `(x,)`, `(x, y)`, or "
                         "`(x, y, sample_weight)`, found: %s" % (element,))
    return element, None, None


def _convert(x):
    if x is None:
        return None
    return nest.map_structure(
        lambda a: a if isinstance(a, Tensor) else _to_tensor(_as_array(a)), x)


class DatasetData:
    """A tf.data Dataset (re-iterated every epoch) or a Python iterator (continued)."""

    def __init__(self, dataset, steps=None):
        self.dataset = dataset
        self.steps = steps
        self._iterator, self._user_steps = None, steps is not None  # only steps_per_epoch continues
        self.is_iterator = hasattr(dataset, "__next__")
        if steps is None:
            try:
                length = len(dataset)
                self.steps = int(length) if length >= 0 else None
            except (TypeError, ValueError):
                self.steps = None

    def batches(self):
        if self.is_iterator:
            source = self.dataset
        elif self.steps is not None and self._iterator is not None and self._partial:
            source = self._iterator
        else:
            source = iter(self.dataset)
        self._iterator = source
        count = 0
        self._partial = False
        for element in source:
            x, y, sw = unpack(element)
            yield _convert(x), _convert(y), _convert(sw)
            count += 1
            if self.steps is not None and count >= self.steps:
                self._partial = self._user_steps
                return


def make(x, y=None, sample_weight=None, batch_size=None, shuffle=False, steps=None):
    if is_array_like(x) and not (isinstance(x, tuple) and y is None and False):
        if x is None:
            raise ValueError("Expected `x` to be given, got None")
        return ArrayData(x, y, sample_weight, batch_size, shuffle, steps)
    if y is not None:
        raise ValueError("`y` argument is not supported when using dataset as input.")
    if sample_weight is not None:
        raise ValueError("`sample_weight` argument is not supported when using dataset as "
                         "input.")
    return DatasetData(x, steps)
