"""choose_from_datasets and sample_from_datasets."""

import numpy as np

from ..framework import dtypes, errors
from ..framework.tensor import Tensor
from . import structure
from .dataset import UNKNOWN, DatasetV2
from .shuffle import make_rng, op_seed_pair


def _check_datasets(datasets):
    datasets = list(datasets)
    if not datasets or not all(isinstance(d, DatasetV2) for d in datasets):
        raise TypeError("Invalid `datasets`. `datasets` should be a non-empty list of "
                        "`tf.data.Dataset` objects.")
    spec = datasets[0].element_spec
    for d in datasets[1:]:
        spec = structure.merge_specs(spec, d.element_spec)
    return datasets, spec


class ChooseFromDataset(DatasetV2):
    """Element k comes from datasets[choice_k]; an exhausted choice ends the dataset
    (stop_on_empty_dataset) or is skipped."""

    _tf_name = "_DirectedInterleaveDataset"

    def __init__(self, datasets, choice_dataset, stop_on_empty_dataset):
        self._datasets, self._spec = _check_datasets(datasets)
        if not isinstance(choice_dataset, DatasetV2):
            raise TypeError("`choice_dataset` must be a tf.data.Dataset")
        choice_spec = choice_dataset.element_spec
        if getattr(choice_spec, "dtype", None) != dtypes.int64 or choice_spec.shape.rank != 0:
            raise TypeError("Invalid `choice_dataset`. Elements of `choice_dataset` must be "
                            "scalar `tf.int64` tensors. Got %r." % (choice_spec,))
        self._choices = choice_dataset
        self._stop_on_empty = bool(stop_on_empty_dataset)

    def _inputs(self):
        return self._datasets + [self._choices]

    def _iterate(self):
        iterators = [d._iterate() for d in self._datasets]
        exhausted = [False] * len(iterators)
        for choice in self._choices._iterate():
            k = int(structure.as_numpy(choice))
            if not 0 <= k < len(iterators):
                raise errors.InvalidArgumentError(
                    "Selector index out of range: %d >= %d" % (k, len(iterators)))
            if exhausted[k]:
                continue
            try:
                yield next(iterators[k])
            except StopIteration:
                exhausted[k] = True
                if self._stop_on_empty or all(exhausted):
                    return

    def _compute_element_spec(self):
        return self._spec

    def _cardinality(self):
        return UNKNOWN


class SampleFromDataset(DatasetV2):
    """Each element comes from a dataset drawn at random by `weights`; exhausted datasets drop
    out (their weight is redistributed) unless stop_on_empty_dataset."""

    _tf_name = "_DirectedInterleaveDataset"

    def __init__(self, datasets, weights, seed, stop_on_empty_dataset):
        self._datasets, self._spec = _check_datasets(datasets)
        n = len(self._datasets)
        if weights is None:
            weights = np.full(n, 1.0 / n)
        else:
            if isinstance(weights, DatasetV2):
                raise NotImplementedError("sample_from_datasets with a dataset of weights")
            weights = np.asarray(weights.numpy() if isinstance(weights, Tensor) else weights,
                                 dtype=np.float64).reshape(-1)
            if len(weights) != n:
                raise ValueError("Invalid `weights`. The shape of `weights` should be "
                                 "compatible with `[len(datasets)]` but is %s." % (weights.shape,))
            if np.any(weights < 0) or not np.all(np.isfinite(weights)) or weights.sum() <= 0:
                raise errors.InvalidArgumentError("`weights` must be non-negative and finite, "
                                                  "with a positive sum: %s" % (weights,))
        self._weights = weights
        self._seed_pair = op_seed_pair(seed)
        self._stop_on_empty = bool(stop_on_empty_dataset)
        self._epoch = 0

    def _inputs(self):
        return list(self._datasets)

    def _iterate(self):
        rng = make_rng(self._seed_pair, self._epoch)
        self._epoch += 1
        iterators = [d._iterate() for d in self._datasets]
        weights = self._weights.copy()
        while weights.sum() > 0:
            k = int(rng.choice(len(weights), p=weights / weights.sum()))
            try:
                yield next(iterators[k])
            except StopIteration:
                if self._stop_on_empty:
                    return
                weights[k] = 0.0

    def _compute_element_spec(self):
        return self._spec

    def _cardinality(self):
        return UNKNOWN


def sample_from_datasets(datasets, weights=None, seed=None, stop_on_empty_dataset=False):
    return SampleFromDataset(datasets, weights, seed, stop_on_empty_dataset)
