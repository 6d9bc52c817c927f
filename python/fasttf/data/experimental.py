"""tf.data.experimental: the names TF kept there (most now also live on Dataset)."""

from . import structure
from .dataset import AUTOTUNE, INFINITE as INFINITE_CARDINALITY, UNKNOWN as UNKNOWN_CARDINALITY
from .dataset import DatasetV2, ElementListDataset
from .optional import Optional
from .options import (AutotuneOptions, DistributeOptions, OptimizationOptions,
                      ThreadingOptions)


def cardinality(dataset):
    return dataset.cardinality()


def choose_from_datasets(datasets, choice_dataset, stop_on_empty_dataset=True):
    return DatasetV2.choose_from_datasets(datasets, choice_dataset, stop_on_empty_dataset)


def sample_from_datasets(datasets, weights=None, seed=None, stop_on_empty_dataset=False):
    return DatasetV2.sample_from_datasets(datasets, weights, seed, stop_on_empty_dataset)


def assert_cardinality(expected_cardinality):
    def apply(dataset):
        from .transformations import AssertCardinalityDataset
        return AssertCardinalityDataset(dataset, expected_cardinality)
    return apply


def get_single_element(dataset):
    return dataset.get_single_element()


def group_by_window(key_func, reduce_func, window_size=None, window_size_func=None):
    return lambda dataset: dataset.group_by_window(key_func, reduce_func, window_size,
                                                   window_size_func)


class _ListDataset(ElementListDataset):
    _tf_name = "_ListDataset"


def from_list(elements, name=None):
    """A dataset of the given elements (each a tensor-like or a structure of them)."""
    if not elements:
        raise ValueError("Invalid `elements`. `elements` should not be empty.")
    items = [structure.normalize(e) for e in elements]
    spec = structure.spec_of(items[0])
    for item in items[1:]:
        spec = structure.merge_specs(spec, structure.spec_of(item))
    return _ListDataset(items, spec)


def Counter(start=0, step=1, dtype=None):  # noqa: N802 - TF's name
    from ..framework import dtypes
    return DatasetV2.counter(start, step, dtype or dtypes.int64)


def RandomDataset(seed=None):  # noqa: N802 - TF's name
    return DatasetV2.random(seed)


def map_and_batch(map_func, batch_size, num_parallel_batches=None, drop_remainder=False,
                  num_parallel_calls=None):
    return lambda dataset: dataset.map(map_func, num_parallel_calls).batch(
        batch_size, drop_remainder)


def parallel_interleave(map_func, cycle_length, block_length=1, sloppy=False,
                        buffer_output_elements=None, prefetch_input_elements=None):
    return lambda dataset: dataset.interleave(map_func, cycle_length, block_length)


def shuffle_and_repeat(buffer_size, count=None, seed=None):
    return lambda dataset: dataset.shuffle(buffer_size, seed).repeat(count)


def scan(initial_state, scan_func):
    return lambda dataset: dataset.scan(initial_state, scan_func)


def unique():
    return lambda dataset: dataset.unique()


def bucket_by_sequence_length(element_length_func, bucket_boundaries, bucket_batch_sizes,
                              padded_shapes=None, padding_values=None,
                              pad_to_bucket_boundary=False, no_padding=False,
                              drop_remainder=False):
    return lambda dataset: dataset.bucket_by_sequence_length(
        element_length_func, bucket_boundaries, bucket_batch_sizes, padded_shapes,
        padding_values, pad_to_bucket_boundary, no_padding, drop_remainder)


def save(dataset, path, compression=None, shard_func=None, checkpoint_args=None):
    return dataset.save(path, compression, shard_func, checkpoint_args)


def load(path, element_spec=None, compression=None, reader_func=None):
    return DatasetV2.load(path, element_spec, compression, reader_func)


def snapshot(path, compression="AUTO", reader_func=None, shard_func=None):
    return lambda dataset: dataset.snapshot(path, compression, reader_func, shard_func)


def prefetch_to_device(device, buffer_size=None):
    return lambda dataset: dataset.prefetch(1 if buffer_size is None else buffer_size)


def copy_to_device(target_device, source_device="/cpu:0"):
    return lambda dataset: dataset  # one CPU device: nothing to copy


def get_next_as_optional(iterator):
    return iterator.get_next_as_optional()


def get_structure(dataset_or_iterator):
    return dataset_or_iterator.element_spec


def enumerate_dataset(start=0):
    return lambda dataset: dataset.enumerate(start)


def ignore_errors(log_warning=False):
    return lambda dataset: dataset.ignore_errors(log_warning)


def unbatch():
    return lambda dataset: dataset.unbatch()


def rebatch(batch_size, drop_remainder=False):
    return lambda dataset: dataset.rebatch(batch_size, drop_remainder)


def take_while(predicate):
    return lambda dataset: dataset.take_while(predicate)


__all__ = ["AUTOTUNE", "INFINITE_CARDINALITY", "UNKNOWN_CARDINALITY", "AutotuneOptions",
           "DistributeOptions", "OptimizationOptions", "ThreadingOptions", "cardinality",
           "choose_from_datasets", "sample_from_datasets", "assert_cardinality",
           "enumerate_dataset", "get_single_element", "group_by_window", "ignore_errors",
           "unbatch", "rebatch", "take_while", "from_list", "Counter", "RandomDataset",
           "map_and_batch", "parallel_interleave", "shuffle_and_repeat", "scan", "unique",
           "bucket_by_sequence_length", "save", "load", "snapshot", "prefetch_to_device",
           "copy_to_device", "get_next_as_optional", "get_structure", "Optional"]
