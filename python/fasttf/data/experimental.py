"""tf.data.experimental: the names TF kept there (most now also live on Dataset)."""

from .dataset import AUTOTUNE, INFINITE as INFINITE_CARDINALITY, UNKNOWN as UNKNOWN_CARDINALITY
from .dataset import DatasetV2
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
           "unbatch", "rebatch", "take_while"]
