"""flat_map and interleave: map each element to a dataset and merge those datasets."""

import os

from ..framework import errors
from . import structure
from .dataset import AUTOTUNE, DatasetV2
from .sources import int_arg
from .transformations import _UnaryDataset


def _dataset_of(func, element):
    result = structure.call_user_function(func, element)
    if not isinstance(result, DatasetV2):
        raise TypeError("The `map_func` argument must return a `Dataset` object. Got %s."
                        % type(result).__name__)
    return result


class _DatasetMapping(_UnaryDataset):
    def __init__(self, input_dataset, map_func):
        super().__init__(input_dataset)
        if not callable(map_func):
            raise TypeError("`map_func` must be callable, got %r" % (map_func,))
        self._func = map_func

    def _compute_element_spec(self):
        for element in self._input._iterate():
            return _dataset_of(self._func, element).element_spec
        raise ValueError("Cannot infer the element_spec of %s over an empty input"
                         % self._tf_name)

    def _cardinality(self):
        from .dataset import UNKNOWN
        return UNKNOWN


class FlatMapDataset(_DatasetMapping):
    _tf_name = "_FlatMapDataset"

    def _iterate(self):
        for element in self._input._iterate():
            yield from _dataset_of(self._func, element)._iterate()


class InterleaveDataset(_DatasetMapping):
    """Cycles over cycle_length open datasets, block_length elements from each in turn; an
    exhausted slot is refilled from the input when the cycle comes back to it (TF's order)."""

    _tf_name = "_InterleaveDataset"

    def __init__(self, input_dataset, map_func, cycle_length, block_length):
        super().__init__(input_dataset, map_func)
        cycle = AUTOTUNE if cycle_length is None else int_arg(cycle_length, "interleave")
        block = 1 if block_length is None else int_arg(block_length, "interleave")
        if cycle == AUTOTUNE:
            cycle = os.cpu_count() or 1
        if cycle <= 0:
            raise errors.InvalidArgumentError("cycle_length must be greater than zero, got %d"
                                              % cycle)
        if block <= 0:
            raise errors.InvalidArgumentError("block_length must be greater than zero, got %d"
                                              % block)
        self._cycle_length, self._block_length = cycle, block

    def _iterate(self):
        source = self._input._iterate()
        slots = [None] * self._cycle_length
        index = block = 0
        open_count = 0
        end_of_input = False
        while not end_of_input or open_count > 0:
            if slots[index] is not None:
                try:
                    element = next(slots[index])
                except StopIteration:
                    slots[index] = None
                    open_count -= 1
                    index, block = (index + 1) % self._cycle_length, 0
                    continue
                yield element
                block += 1
                if block == self._block_length:
                    index, block = (index + 1) % self._cycle_length, 0
            elif not end_of_input:
                try:
                    element = next(source)
                except StopIteration:
                    end_of_input = True
                    continue
                slots[index] = _dataset_of(self._func, element)._iterate()
                open_count += 1
            else:
                index, block = (index + 1) % self._cycle_length, 0
