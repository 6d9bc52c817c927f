"""Dataset.window: elements grouped into windows, each window a (structure of) dataset(s)."""

import collections

from ..framework import errors
from . import structure
from .dataset import INFINITE, UNKNOWN, ElementListDataset
from .sources import int_arg
from .transformations import _UnaryDataset


class WindowDataset(_UnaryDataset):
    """Window k holds the input elements k*shift + i*stride for i < size (fewer at the end,
    dropped when drop_remainder). A tuple element gives a tuple of datasets, as in TF."""

    _tf_name = "_WindowDataset"

    def __init__(self, input_dataset, size, shift, stride, drop_remainder):
        super().__init__(input_dataset)
        self._size = int_arg(size, "window")
        self._shift = self._size if shift is None else int_arg(shift, "window")
        self._stride = int_arg(stride, "window")
        self._drop_remainder = bool(drop_remainder)
        for name, value in (("size", self._size), ("shift", self._shift),
                            ("stride", self._stride)):
            if value <= 0:
                raise errors.InvalidArgumentError("Window %s must be greater than zero, but "
                                                  "got %d." % (name, value))

    def _window(self, elements):
        spec = self._input.element_spec
        if not structure.is_structure(spec):
            return ElementListDataset(elements, spec)
        columns = list(zip(*[structure.flatten(e) for e in elements])) if elements else \
            [[] for _ in structure.flatten(spec)]
        datasets = [ElementListDataset(list(c), s)
                    for c, s in zip(columns, structure.flatten(spec))]
        return structure.pack_as(spec, datasets)

    def _iterate(self):
        span = (self._size - 1) * self._stride + 1
        buffer = collections.deque()
        start = 0  # input position of buffer[0]
        exhausted = False
        source = self._input._iterate()
        next_window = 0
        while True:
            while not exhausted and start + len(buffer) < next_window + span:
                try:
                    buffer.append(next(source))
                except StopIteration:
                    exhausted = True
            while buffer and start < next_window:
                buffer.popleft()
                start += 1
            if start < next_window:  # the window begins past the end of the input
                return
            members = [buffer[i] for i in range(0, min(span, len(buffer)), self._stride)]
            if not members or (len(members) < self._size and self._drop_remainder):
                return
            yield self._window(members)
            next_window += self._shift

    def _compute_element_spec(self):
        from .structure import DatasetSpec
        spec = self._input.element_spec
        return structure.map_specs(lambda s: DatasetSpec(s), spec)

    def _cardinality(self):
        n = self._input._cardinality()
        if n in (INFINITE, UNKNOWN):
            return n
        if self._drop_remainder:
            span = (self._size - 1) * self._stride + 1
            return max(0, (n - span) // self._shift + 1) if n >= span else 0
        return -(-n // self._shift)
