"""batch, padded_batch, unbatch and rebatch."""

import itertools

import numpy as np

from ..framework import dtypes, errors
from ..framework.tensor import Tensor
from ..framework.tensor_shape import TensorShape
from ..framework.tensor_spec import TensorSpec
from . import structure
from .dataset import INFINITE, UNKNOWN, DatasetV2
from .sources import int_arg


def _batch_size_arg(batch_size):
    batch_size = int_arg(batch_size, "batch")
    if batch_size <= 0:
        raise errors.InvalidArgumentError("batch_size must be greater than zero, got %d"
                                          % batch_size)
    return batch_size


def _batched_cardinality(n, batch_size, drop_remainder):
    if n in (INFINITE, UNKNOWN):
        return n
    return n // batch_size if drop_remainder else -(-n // batch_size)


def stack_component(values, index):
    """np.stack of one component over a batch, with TF's error for differing shapes."""
    arrays = [structure.as_numpy(v) for v in values]
    first = arrays[0].shape
    for i, a in enumerate(arrays):
        if a.shape != first:
            raise errors.InvalidArgumentError(
                "Cannot batch tensors with different shapes in component %d. First element "
                "had shape %s and element %d had shape %s." % (index, list(first), i,
                                                                list(a.shape)))
    return np.stack(arrays)


def stack_elements(elements):
    template = elements[0]
    flat = [structure.flatten(e) for e in elements]
    for leaf in flat[0]:
        if isinstance(leaf, DatasetV2):
            raise TypeError("Cannot batch a dataset whose elements are datasets")
    columns = [stack_component([f[i] for f in flat], i) for i in range(len(flat[0]))]
    return structure.pack_as(template, columns) if structure.is_structure(template) \
        else columns[0]


class BatchDataset(DatasetV2):
    _tf_name = "_BatchDataset"

    def __init__(self, input_dataset, batch_size, drop_remainder):
        self._input = input_dataset
        self._batch_size = _batch_size_arg(batch_size)
        self._drop_remainder = bool(drop_remainder)

    def _inputs(self):
        return [self._input]

    def _iterate(self):
        plan = self._input._row_plan()
        if plan is not None:
            return plan.batches(self._batch_size, self._drop_remainder)
        return self._iterate_elements()

    def _iterate_elements(self):
        batch = []
        for element in self._input._iterate():
            batch.append(element)
            if len(batch) == self._batch_size:
                yield stack_elements(batch)
                batch = []
        if batch and not self._drop_remainder:
            yield stack_elements(batch)

    def _compute_element_spec(self):
        return structure.batched_spec(self._input.element_spec,
                                      self._batch_size if self._drop_remainder else None)

    def _cardinality(self):
        return _batched_cardinality(self._input._cardinality(), self._batch_size,
                                    self._drop_remainder)


class PaddedBatchDataset(DatasetV2):
    """padded_batch: components padded (at the end of each dimension) to a common shape."""

    _tf_name = "_PaddedBatchDataset"

    def __init__(self, input_dataset, batch_size, padded_shapes, padding_values,
                 drop_remainder):
        self._input = input_dataset
        self._batch_size = _batch_size_arg(batch_size)
        self._drop_remainder = bool(drop_remainder)
        spec = input_dataset.element_spec
        flat_spec = structure.flatten(spec)
        if padded_shapes is None:
            shapes = [s.shape for s in flat_spec]
            for s in shapes:
                if s.rank is None:
                    raise ValueError("You must provide `padded_shapes` argument because "
                                     "component has unknown rank.")
        else:
            shapes = _flatten_up_to(spec, padded_shapes)
            shapes = [TensorShape([None if d is None or int(d) == -1 else int(d)
                                   for d in structure.as_numpy(s).reshape(-1).tolist()]
                                  if not isinstance(s, (TensorShape, list, tuple))
                                  else [None if d is None or d == -1 else int(d) for d in s])
                      for s in shapes]
            for s, shape in zip(flat_spec, shapes):
                if not s.shape.is_compatible_with(shape) and s.shape.rank is not None and \
                        s.shape.rank != shape.rank:
                    raise ValueError("The padded shape %s is not compatible with the shape %s "
                                     "of the corresponding input component." % (shape, s.shape))
        if padding_values is None:  # zeros, and b'' for strings (as TF)
            values = [np.array(b"", dtype=object) if s.dtype == dtypes.string else
                      np.zeros((), s.dtype.as_numpy_dtype) for s in flat_spec]
        else:
            values = _flatten_up_to(spec, padding_values)
            values = [np.asarray(structure.as_numpy(structure.to_numpy_leaf(v)),
                                 dtype=s.dtype.as_numpy_dtype) for v, s in zip(values, flat_spec)]
            for v in values:
                if v.ndim != 0:
                    raise ValueError("Padding value must be a scalar, got shape %s" % (v.shape,))
        self._spec = spec
        self._shapes = shapes
        self._values = values

    def _inputs(self):
        return [self._input]

    def _pad_batch(self, elements):
        flat = [structure.flatten(e) for e in elements]
        columns = []
        for i, (shape, value) in enumerate(zip(self._shapes, self._values)):
            arrays = [structure.as_numpy(f[i]) for f in flat]
            rank = arrays[0].ndim
            if any(a.ndim != rank for a in arrays) or len(shape) != rank:
                raise errors.InvalidArgumentError(
                    "Cannot pad tensors of different ranks in component %d" % i)
            target = []
            for d in range(rank):
                biggest = max(a.shape[d] for a in arrays)
                if shape[d] is None:
                    target.append(biggest)
                else:
                    if biggest > shape[d]:  # TF reports this one as DataLossError
                        raise errors.DataLossError(
                            "Attempted to pad to a smaller size than the input element: "
                            "component %d has dimension %d of size %d but the padded shape "
                            "is %s." % (i, d, biggest, shape))
                    target.append(shape[d])
            out = np.full([len(arrays)] + target, value, dtype=arrays[0].dtype)
            for j, a in enumerate(arrays):
                out[(j,) + tuple(slice(0, n) for n in a.shape)] = a
            columns.append(out)
        return structure.pack_as(self._spec, columns) if structure.is_structure(self._spec) \
            else columns[0]

    def _iterate(self):
        batch = []
        for element in self._input._iterate():
            batch.append(element)
            if len(batch) == self._batch_size:
                yield self._pad_batch(batch)
                batch = []
        if batch and not self._drop_remainder:
            yield self._pad_batch(batch)

    def _compute_element_spec(self):
        dim = self._batch_size if self._drop_remainder else None
        flat = [TensorSpec(TensorShape([dim]).concatenate(shape), s.dtype)
                for s, shape in zip(structure.flatten(self._spec), self._shapes)]
        return structure.pack_as(self._spec, flat) if structure.is_structure(self._spec) \
            else flat[0]

    def _cardinality(self):
        return _batched_cardinality(self._input._cardinality(), self._batch_size,
                                    self._drop_remainder)


def _flatten_up_to(spec, value):
    """value's subtrees at the positions of spec's leaves (a shape list is one leaf)."""
    if isinstance(spec, dict):
        if not isinstance(value, dict):
            return [value] * len(structure.flatten(spec))  # one value for every component
        out = []
        for k in sorted(spec):
            out.extend(_flatten_up_to(spec[k], value[k]))
        return out
    if isinstance(spec, tuple):
        if not isinstance(value, (tuple, list)) or len(value) != len(spec):
            return [value] * len(structure.flatten(spec))
        out = []
        for s, v in zip(spec, value):
            out.extend(_flatten_up_to(s, v))
        return out
    return [value]


class UnbatchDataset(DatasetV2):
    _tf_name = "_UnbatchDataset"

    def __init__(self, input_dataset):
        self._input = input_dataset
        structure.unbatched_spec(input_dataset.element_spec)  # raises on scalar components

    def _inputs(self):
        return [self._input]

    def _iterate(self):
        for element in self._input._iterate():
            flat = [structure.as_numpy(leaf) for leaf in structure.flatten(element)]
            sizes = {a.shape[0] if a.ndim else None for a in flat}
            if None in sizes:
                raise errors.InvalidArgumentError("Input element must have a non-scalar value "
                                                  "in each component.")
            if len(sizes) != 1:
                raise errors.InvalidArgumentError(
                    "Input element must have the same batch size in each component. Got "
                    "sizes %s" % sorted(sizes))
            for i in range(sizes.pop()):
                rows = [a[i, ...] for a in flat]
                yield structure.pack_as(element, rows) if structure.is_structure(element) \
                    else rows[0]

    def _compute_element_spec(self):
        return structure.unbatched_spec(self._input.element_spec)

    def _cardinality(self):
        return INFINITE if self._input._cardinality() == INFINITE else UNKNOWN


class RebatchDataset(BatchDataset):
    """rebatch(N): the input's rows regrouped into batches of N, as unbatch().batch(N);
    rebatch([n1, n2, ...]): batch sizes taken from the list in turn, cycling."""

    _tf_name = "_RebatchDataset"

    def __init__(self, input_dataset, batch_size, drop_remainder):
        sizes = _batch_sizes_arg(batch_size)
        super().__init__(UnbatchDataset(input_dataset), sizes[0], drop_remainder)
        self._sizes = sizes

    def _iterate(self):
        if len(self._sizes) == 1:
            return super()._iterate()
        return self._iterate_cycling()

    def _iterate_cycling(self):
        sizes = itertools.cycle(self._sizes)
        size, batch = next(sizes), []
        for element in self._input._iterate():
            batch.append(element)
            if len(batch) == size:
                yield stack_elements(batch)
                size, batch = next(sizes), []
        if batch and not self._drop_remainder:
            yield stack_elements(batch)

    def _compute_element_spec(self):
        if len(self._sizes) == 1:
            return super()._compute_element_spec()
        return structure.batched_spec(self._input.element_spec, None)

    def _cardinality(self):
        n = self._input._cardinality()
        return n if n == INFINITE else UNKNOWN


def _batch_sizes_arg(batch_size):
    """rebatch's batch_size: one size, or a list of them (a list, tuple, array or 1-D tensor)."""
    if isinstance(batch_size, Tensor) and batch_size.ndim == 1:
        batch_size = batch_size.numpy()
    if isinstance(batch_size, (list, tuple, np.ndarray)):
        sizes = [int_arg(int(b) if isinstance(b, np.integer) else b, "rebatch")
                 for b in batch_size]
        if not sizes or any(b <= 0 for b in sizes):
            raise errors.InvalidArgumentError("rebatch: batch sizes must be positive, got %r"
                                              % (sizes,))
        return sizes
    return [_batch_size_arg(batch_size)]
