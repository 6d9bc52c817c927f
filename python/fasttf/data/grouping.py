"""Dataset.group_by_window, Dataset.counter, Dataset.random and get_single_element."""

import itertools

import numpy as np

from ..framework import dtypes, errors
from ..framework.function import call_as_traced
from ..framework.tensor_shape import TensorShape
from ..framework.tensor_spec import TensorSpec
from . import structure
from .dataset import INFINITE, UNKNOWN, DatasetV2, ElementListDataset
from .sources import int_arg
from .transformations import _UnaryDataset


class GroupByWindowDataset(_UnaryDataset):
    """group_by_window: elements gathered per key_func(element) into windows of window_size;
    each full window (and at the end each partial one, in order of first appearance) becomes
    reduce_func(key, window_dataset), whose elements are emitted."""

    _tf_name = "_GroupByWindowDataset"

    def __init__(self, input_dataset, key_func, reduce_func, window_size, window_size_func):
        super().__init__(input_dataset)
        if (window_size is None) == (window_size_func is None):
            raise ValueError("Either the `window_size` argument or the `window_size_func` "
                             "argument must be specified.")
        self._key_func = key_func
        self._reduce_func = reduce_func
        self._window_size = None if window_size is None else int_arg(window_size,
                                                                     "group_by_window")
        self._window_size_func = window_size_func

    def _key(self, element):
        key = structure.to_numpy_leaf(structure.call_user_function(self._key_func, element))
        if key.dtype != np.int64 or key.ndim != 0:
            raise ValueError("`key_func` must return a single tf.int64 scalar tensor, got "
                             "%s of shape %s." % (key.dtype, key.shape))
        return int(key)

    def _size(self, key):
        if self._window_size is not None:
            return self._window_size
        size = call_as_traced(self._window_size_func, structure.to_tensor_leaf(
            np.array(key, np.int64)))
        return int(structure.to_numpy_leaf(size))

    def _reduce(self, key, window):
        spec = self._input.element_spec
        result = call_as_traced(self._reduce_func, structure.to_tensor_leaf(
            np.array(key, np.int64)), ElementListDataset(window, spec))
        if not isinstance(result, DatasetV2):
            raise TypeError("`reduce_func` must return a `tf.data.Dataset`, got %r" % (result,))
        return result._iterate()

    def _iterate(self):
        windows = {}
        for element in self._input._iterate():
            key = self._key(element)
            window = windows.setdefault(key, [])
            window.append(element)
            if len(window) >= self._size(key):
                del windows[key]
                yield from self._reduce(key, window)
        for key, window in windows.items():
            yield from self._reduce(key, window)

    def _compute_element_spec(self):
        spec = self._input.element_spec
        example = ElementListDataset([], spec)
        return call_as_traced(self._reduce_func, structure.to_tensor_leaf(
            np.array(0, np.int64)), example).element_spec

    def _cardinality(self):
        return INFINITE if self._input._cardinality() == INFINITE else UNKNOWN


class CounterDataset(DatasetV2):
    """Dataset.counter(start, step): start, start + step, ... without end."""

    _tf_name = "_ScanDataset"  # TF builds it with scan()

    def __init__(self, start, step, dtype):
        self._start = int_arg(start, "counter")
        self._step = int_arg(step, "counter")
        self._dtype = dtypes.as_dtype(dtype)

    def _iterate(self):
        np_dtype = self._dtype.as_numpy_dtype
        for value in itertools.count(self._start, self._step):
            yield np.array(value, np_dtype)

    def _compute_element_spec(self):
        return TensorSpec([], self._dtype)

    def _cardinality(self):
        return INFINITE


class RandomDataset(DatasetV2):
    """Dataset.random(seed): uniform int64 values without end (a seed repeats the stream;
    the values are not TF's)."""

    _tf_name = "_RandomDataset"

    def __init__(self, seed, rerandomize_each_iteration):
        self._seed = seed
        self._rerandomize = bool(rerandomize_each_iteration)
        self._epoch = 0

    def _iterate(self):
        seed = self._seed
        if seed is not None and self._rerandomize:
            seed = (seed, self._epoch)
        self._epoch += 1
        rng = np.random.default_rng(seed)
        while True:
            for value in rng.integers(0, 2**63 - 1, size=256, dtype=np.int64):
                yield np.array(value)

    def _compute_element_spec(self):
        return TensorSpec([], dtypes.int64)

    def _cardinality(self):
        return INFINITE


def get_single_element(dataset):
    """The only element of dataset; InvalidArgumentError when it has none or several."""
    source = dataset._iterate()
    for element in source:
        for _ in source:
            raise errors.InvalidArgumentError("Dataset had more than one element.")
        return structure.to_user(element)
    raise errors.InvalidArgumentError("Dataset was empty.")


def bucket_by_sequence_length(dataset, element_length_func, bucket_boundaries,
                              bucket_batch_sizes, padded_shapes=None, padding_values=None,
                              pad_to_bucket_boundary=False, no_padding=False,
                              drop_remainder=False):
    """TF's bucket_by_sequence_length: group_by_window on the length's bucket (lengths in
    [boundary[i-1], boundary[i])), each bucket batched (padded) with its own batch size."""
    boundaries = [int(b) for b in bucket_boundaries]
    sizes = [int(b) for b in bucket_batch_sizes]
    if len(sizes) != len(boundaries) + 1:
        raise ValueError("len(bucket_batch_sizes) must equal len(bucket_boundaries) + 1")
    if boundaries != sorted(boundaries):
        raise ValueError("bucket_boundaries must be sorted in increasing order")

    def bucket_id(*args):
        length = int(structure.to_numpy_leaf(element_length_func(*args)))
        return np.array(sum(1 for b in boundaries if length >= b), np.int64)

    def batch_bucket(key, window):
        key = int(structure.to_numpy_leaf(key))
        size = sizes[key]
        if no_padding:
            return window.batch(size, drop_remainder=drop_remainder)
        filler = None
        if pad_to_bucket_boundary:
            if key >= len(boundaries):
                raise errors.InvalidArgumentError(
                    "When pad_to_bucket_boundary=True, elements must have length < "
                    "max(bucket_boundaries).")
            filler = boundaries[key] - 1
        shapes = padded_shapes if padded_shapes is not None else structure.map_specs(
            lambda s: s.shape, window.element_spec)
        shapes = structure.map_structure(
            lambda shape: [filler if d is None else d for d in TensorShape(shape).as_list()],
            shapes) if structure.is_structure(shapes) else \
            [filler if d is None else d for d in TensorShape(shapes).as_list()]
        return window.padded_batch(size, shapes, padding_values, drop_remainder=drop_remainder)

    return GroupByWindowDataset(dataset, bucket_id, batch_bucket, None,
                                lambda key: sizes[int(structure.to_numpy_leaf(key))])
