"""tf.data.Dataset: the base class, its public methods, and the iterator.

A dataset subclass implements three things: `_iterate()` (a Python generator of pipeline
elements, see structure.py), `_compute_element_spec()` and `_cardinality()` (a Python int,
INFINITE or UNKNOWN). Datasets whose elements are rows of in-memory arrays also implement
`_row_plan()`, which lets batch() gather a whole batch with one fancy-indexing call.
"""

import numpy as np

from .. import _C
from ..framework import dtypes, errors
from ..framework.function import call_as_traced
from . import structure

AUTOTUNE = -1
INFINITE = -1
UNKNOWN = -2


class DatasetV2:
    """Base class of every dataset; the public methods build new datasets from this one."""

    _element_spec_cache = None
    _options = None

    def __init_subclass__(cls, **kwargs):
        # type(ds).__name__ reads as TF 2.21's class names ("_MapDataset"); the modules keep
        # their descriptive Python names for imports.
        super().__init_subclass__(**kwargs)
        if "_tf_name" in cls.__dict__:
            cls.__name__ = cls.__qualname__ = cls._tf_name

    # ------------------------------------------------------------------ subclass interface

    def _iterate(self):
        raise NotImplementedError

    def _compute_element_spec(self):
        raise NotImplementedError

    def _cardinality(self):
        return UNKNOWN

    def _row_plan(self):
        """None, or a RowPlan (batching.py): this dataset is rows of in-memory columns."""
        return None

    def _inputs(self):
        return []

    # ---------------------------------------------------------------------- introspection

    @property
    def element_spec(self):
        if self._element_spec_cache is None:
            self._element_spec_cache = self._compute_element_spec()
        return self._element_spec_cache

    def cardinality(self):
        return _C.convert_to_tensor(np.array(self._cardinality(), dtype=np.int64), None)

    def __len__(self):
        n = self._cardinality()
        if n == INFINITE:
            raise TypeError("The dataset is infinite.")
        if n == UNKNOWN:
            raise TypeError("The dataset length is unknown.")
        return n

    def __bool__(self):
        return True

    def __iter__(self):
        return OwnedIterator(self)

    def __repr__(self):
        name = type(self).__name__
        return "<%s element_spec=%r>" % (name, self.element_spec)

    def as_numpy_iterator(self):
        return NumpyIterator(self)

    def options(self):
        from .options import Options
        for ds in [self] + self._all_inputs():
            if ds._options is not None:
                return ds._options
        return Options()

    def _all_inputs(self):
        out = []
        for ds in self._inputs():
            out.append(ds)
            out.extend(ds._all_inputs())
        return out

    # ---------------------------------------------------------------------------- sources

    @staticmethod
    def from_tensor_slices(tensors, name=None):
        from .sources import TensorSliceDataset
        return TensorSliceDataset(tensors)

    @staticmethod
    def from_tensors(tensors, name=None):
        from .sources import TensorDataset
        return TensorDataset(tensors)

    @staticmethod
    def range(*args, output_type=dtypes.int64, dtype=None, name=None):
        from .sources import RangeDataset
        return RangeDataset(args, dtype if dtype is not None else output_type)

    @staticmethod
    def from_generator(generator, output_types=None, output_shapes=None, args=None,
                       output_signature=None, name=None):
        from .sources import GeneratorDataset
        return GeneratorDataset(generator, output_types, output_shapes, args, output_signature)

    @staticmethod
    def list_files(file_pattern, shuffle=None, seed=None, name=None):
        from .text_line import list_files
        return list_files(file_pattern, shuffle, seed)

    @staticmethod
    def counter(start=0, step=1, dtype=dtypes.int64, name=None):
        from .grouping import CounterDataset
        return CounterDataset(start, step, dtype)

    @staticmethod
    def random(seed=None, rerandomize_each_iteration=None, name=None):
        from .grouping import RandomDataset
        return RandomDataset(seed, rerandomize_each_iteration)

    @staticmethod
    def zip(*datasets, name=None):
        from .sources import ZipDataset
        if len(datasets) == 1 and not isinstance(datasets[0], DatasetV2):
            datasets = datasets[0]
        return ZipDataset(datasets)

    def concatenate(self, dataset, name=None):
        from .sources import ConcatenateDataset
        return ConcatenateDataset(self, dataset)

    @staticmethod
    def choose_from_datasets(datasets, choice_dataset, stop_on_empty_dataset=True):
        from .sampling import ChooseFromDataset
        return ChooseFromDataset(datasets, choice_dataset, stop_on_empty_dataset)

    @staticmethod
    def sample_from_datasets(datasets, weights=None, seed=None, stop_on_empty_dataset=False,
                             rerandomize_each_iteration=None):
        from .sampling import sample_from_datasets
        return sample_from_datasets(datasets, weights, seed, stop_on_empty_dataset)

    # -------------------------------------------------------------------- transformations

    def shuffle(self, buffer_size, seed=None, reshuffle_each_iteration=None, name=None):
        from .shuffle import ShuffleDataset
        return ShuffleDataset(self, buffer_size, seed,
                              True if reshuffle_each_iteration is None
                              else reshuffle_each_iteration)

    def batch(self, batch_size, drop_remainder=False, num_parallel_calls=None,
              deterministic=None, name=None):
        from .batching import BatchDataset
        return BatchDataset(self, batch_size, drop_remainder)

    def padded_batch(self, batch_size, padded_shapes=None, padding_values=None,
                     drop_remainder=False, name=None):
        from .batching import PaddedBatchDataset
        return PaddedBatchDataset(self, batch_size, padded_shapes, padding_values,
                                  drop_remainder)

    def unbatch(self, name=None):
        from .batching import UnbatchDataset
        return UnbatchDataset(self)

    def rebatch(self, batch_size, drop_remainder=False, name=None):
        from .batching import RebatchDataset
        return RebatchDataset(self, batch_size, drop_remainder)

    def map(self, map_func, num_parallel_calls=None, deterministic=None, name=None):
        from .mapping import MapDataset, ParallelMapDataset
        if num_parallel_calls is None:
            return MapDataset(self, map_func)
        return ParallelMapDataset(self, map_func, num_parallel_calls, deterministic)

    def filter(self, predicate, name=None):
        from .transformations import FilterDataset
        return FilterDataset(self, predicate)

    def repeat(self, count=None, name=None):
        from .transformations import RepeatDataset
        return RepeatDataset(self, count)

    def take(self, count, name=None):
        from .transformations import TakeDataset
        return TakeDataset(self, count)

    def skip(self, count, name=None):
        from .transformations import SkipDataset
        return SkipDataset(self, count)

    def shard(self, num_shards, index, name=None):
        from .transformations import ShardDataset
        return ShardDataset(self, num_shards, index)

    def enumerate(self, start=0, name=None):
        from .transformations import EnumerateDataset
        return EnumerateDataset(self, start)

    def take_while(self, predicate, name=None):
        from .transformations import TakeWhileDataset
        return TakeWhileDataset(self, predicate)

    def scan(self, initial_state, scan_func, name=None):
        from .transformations import ScanDataset
        return ScanDataset(self, initial_state, scan_func)

    def unique(self, name=None):
        from .transformations import UniqueDataset
        return UniqueDataset(self)

    def ignore_errors(self, log_warning=False, name=None):
        from .transformations import IgnoreErrorsDataset
        return IgnoreErrorsDataset(self)

    def group_by_window(self, key_func, reduce_func, window_size=None, window_size_func=None,
                        name=None):
        from .grouping import GroupByWindowDataset
        return GroupByWindowDataset(self, key_func, reduce_func, window_size, window_size_func)

    def bucket_by_sequence_length(self, element_length_func, bucket_boundaries,
                                  bucket_batch_sizes, padded_shapes=None, padding_values=None,
                                  pad_to_bucket_boundary=False, no_padding=False,
                                  drop_remainder=False, name=None):
        from .grouping import bucket_by_sequence_length
        return bucket_by_sequence_length(self, element_length_func, bucket_boundaries,
                                         bucket_batch_sizes, padded_shapes, padding_values,
                                         pad_to_bucket_boundary, no_padding, drop_remainder)

    def save(self, path, compression=None, shard_func=None, checkpoint_args=None):
        from .persistence import save
        save(self, path)

    @staticmethod
    def load(path, element_spec=None, compression=None, reader_func=None):
        from .persistence import LoadDataset
        return LoadDataset(path, element_spec)

    def snapshot(self, path, compression="AUTO", reader_func=None, shard_func=None,
                 name=None):
        return self  # the persistence of TF's snapshot is an optimisation; elements are equal

    def get_single_element(self, name=None):
        from .grouping import get_single_element
        return get_single_element(self)

    def prefetch(self, buffer_size, name=None):
        from .prefetch import PrefetchDataset
        return PrefetchDataset(self, buffer_size)

    def cache(self, filename="", name=None):
        from .cache import CacheDataset
        return CacheDataset(self, filename)

    def flat_map(self, map_func, name=None):
        from .interleave import FlatMapDataset
        return FlatMapDataset(self, map_func)

    def interleave(self, map_func, cycle_length=None, block_length=None,
                   num_parallel_calls=None, deterministic=None, name=None):
        from .interleave import InterleaveDataset
        return InterleaveDataset(self, map_func, cycle_length, block_length)

    def window(self, size, shift=None, stride=1, drop_remainder=False, name=None):
        from .windowing import WindowDataset
        return WindowDataset(self, size, shift, stride, drop_remainder)

    def apply(self, transformation_func):
        dataset = transformation_func(self)
        if not isinstance(dataset, DatasetV2):
            raise TypeError("`transformation_func` must return a `tf.data.Dataset` object. "
                            "Got %s." % type(dataset).__name__)
        return dataset

    def with_options(self, options, name=None):
        from .options import OptionsDataset
        return OptionsDataset(self, options)

    def reduce(self, initial_state, reduce_func, name=None):
        state = structure.normalize(initial_state)
        for element in self._iterate():
            args = structure.to_user(state)
            value = structure.to_user(element)
            new_state = call_as_traced(reduce_func, args, *value) if type(value) is tuple \
                else call_as_traced(reduce_func, args, value)
            new_state = structure.function_output(new_state)
            if not structure.same_structure(state, new_state):
                raise TypeError("The element types for the new state must match the initial "
                                "state. Expected %r; got %r." % (state, new_state))
            state = new_state
        return structure.to_user(state)


Dataset = DatasetV2


class OwnedIterator:
    """iter(dataset): `next()`, `get_next()` (OutOfRangeError at the end) and Python iteration."""

    def __init__(self, dataset):
        self._dataset = dataset
        self._source = dataset._iterate()

    @property
    def element_spec(self):
        return self._dataset.element_spec

    def __iter__(self):
        return self

    def __next__(self):
        element = next(self._source)
        return structure.to_user(element)

    next = __next__

    def get_next(self, name=None):
        try:
            return self.__next__()
        except StopIteration:
            raise errors.OutOfRangeError("End of sequence") from None

    def get_next_as_optional(self):
        from .optional import Optional
        try:
            return Optional.from_value(self.__next__())
        except StopIteration:
            return Optional.empty(self._dataset.element_spec)


class NumpyIterator:
    """as_numpy_iterator(): the elements as NumPy values (0-d ones as NumPy scalars)."""

    def __init__(self, dataset):
        self._source = dataset._iterate()

    def __iter__(self):
        return self

    def __next__(self):
        element = next(self._source)
        if structure.is_structure(element):
            return structure.map_structure(_numpy_leaf, element)
        return _numpy_leaf(element)

    next = __next__

    def __repr__(self):
        return "NumpyIterator(iterator=%s)" % object.__repr__(self._source)


def _numpy_leaf(leaf):
    value = structure.as_numpy(leaf)
    if value.ndim:
        return value
    return value.item() if value.dtype.kind == "S" else value[()]  # TF: bytes for strings


class ElementListDataset(DatasetV2):
    """A finite dataset over a list of pipeline elements (window() members, caches)."""

    _tf_name = "_VariantDataset"

    def __init__(self, elements, element_spec=None):
        self._elements = elements
        if element_spec is not None:
            self._element_spec_cache = element_spec

    def _iterate(self):
        return iter(self._elements)

    def _compute_element_spec(self):
        if not self._elements:
            raise ValueError("The element spec of an empty element list is unknown")
        return structure.spec_of(self._elements[0])

    def _cardinality(self):
        return len(self._elements)

