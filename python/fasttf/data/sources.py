"""Dataset sources: from_tensor_slices, from_tensors, range, from_generator, zip, concatenate."""

import numbers

import numpy as np

from ..framework import dtypes, errors
from ..framework.tensor import Tensor
from ..framework.tensor_shape import TensorShape
from ..framework.tensor_spec import TensorSpec
from . import structure
from .dataset import INFINITE, UNKNOWN, DatasetV2
from .rows import RowPlan, arange_chunks


class TensorSliceDataset(DatasetV2):
    """Dataset.from_tensor_slices: the rows of each component, all of the same length."""

    _tf_name = "_TensorSliceDataset"

    def __init__(self, tensors):
        element = structure.normalize(tensors)
        self._template = element
        self._columns = structure.flatten(element)
        if not self._columns:
            raise ValueError("Invalid `element`. `element` should not be empty.")
        for column in self._columns:
            if isinstance(column, DatasetV2):
                raise TypeError("from_tensor_slices does not accept datasets as components")
            if column.ndim == 0:
                raise ValueError("Unbatching a tensor is only supported for rank >= 1")
        lengths = {c.shape[0] for c in self._columns}
        if len(lengths) > 1:
            shapes = ", ".join(str(tuple(c.shape)) for c in self._columns)
            first = self._columns[0].shape[0]
            other = next(c.shape[0] for c in self._columns if c.shape[0] != first)
            raise errors.InvalidArgumentError(
                "[from_tensor_slices] all components must have the same size in the first "
                "dimension; got shapes %s (Dimensions %d and %d are not compatible)"
                % (shapes, first, other))
        self._n = self._columns[0].shape[0]

    def _gather(self, idx):
        flat = [column[idx] for column in self._columns]
        return structure.pack_as(self._template, flat) if structure.is_structure(
            self._template) else flat[0]

    def _row_plan(self):
        return RowPlan(self._gather, arange_chunks(self._n))

    def _iterate(self):
        template, columns = self._template, self._columns
        if structure.is_structure(template):
            for i in range(self._n):
                yield structure.pack_as(template, [c[i, ...] for c in columns])
        else:
            column = columns[0]
            for i in range(self._n):
                yield column[i, ...]

    def _compute_element_spec(self):
        flat = [TensorSpec(c.shape[1:], dtypes.as_dtype(c.dtype)) for c in self._columns]
        return structure.pack_as(self._template, flat) if structure.is_structure(
            self._template) else flat[0]

    def _cardinality(self):
        return self._n


class TensorDataset(DatasetV2):
    """Dataset.from_tensors: one element, the whole input."""

    _tf_name = "_TensorDataset"

    def __init__(self, tensors):
        self._element = structure.normalize(tensors)

    def _iterate(self):
        yield self._element

    def _compute_element_spec(self):
        return structure.spec_of(self._element)

    def _cardinality(self):
        return 1


class RangeDataset(DatasetV2):
    """Dataset.range(stop) / (start, stop) / (start, stop, step), int64 by default."""

    _tf_name = "_RangeDataset"

    def __init__(self, args, output_type):
        values = [int_arg(a, "range") for a in args]
        if len(values) == 1:
            start, stop, step = 0, values[0], 1
        elif len(values) == 2:
            start, stop, step = values[0], values[1], 1
        elif len(values) == 3:
            start, stop, step = values
        else:
            raise ValueError("Invalid arguments to RangeDataset: %r" % (args,))
        if step == 0:
            raise errors.InvalidArgumentError("step must be a non-zero integer.")
        self._start, self._stop, self._step = start, stop, step
        self._dtype = dtypes.as_dtype(output_type)
        self._n = max(0, len(range(start, stop, step)))

    def _gather(self, idx):
        return (self._start + idx * self._step).astype(self._dtype.as_numpy_dtype)

    def _row_plan(self):
        return RowPlan(self._gather, arange_chunks(self._n))

    def _iterate(self):
        np_dtype = self._dtype.as_numpy_dtype
        for v in range(self._start, self._stop, self._step):
            yield np.array(v, dtype=np_dtype)

    def _compute_element_spec(self):
        return TensorSpec([], self._dtype)

    def _cardinality(self):
        return self._n


def int_arg(value, op):
    """An integer argument given as int, NumPy integer or scalar integer tensor."""
    if isinstance(value, Tensor):
        if not value.dtype.is_integer or value.ndim != 0:
            raise TypeError("[%s] expected a scalar integer, got %r" % (op, value))
        return int(value.numpy())
    if isinstance(value, (numbers.Integral, np.integer)) and not isinstance(value, bool):
        return int(value)
    if isinstance(value, np.ndarray) and value.ndim == 0 and value.dtype.kind in "iu":
        return int(value)
    raise TypeError("[%s] expected an integer, got %r" % (op, value))


class GeneratorDataset(DatasetV2):
    """Dataset.from_generator: elements produced by a Python generator, checked against the
    declared signature."""

    _tf_name = "_FlatMapDataset"

    def __init__(self, generator, output_types, output_shapes, args, output_signature):
        if not callable(generator):
            raise TypeError("`generator` must be a Python callable.")
        if output_signature is not None:
            if output_types is not None or output_shapes is not None:
                raise TypeError("The `output_types` and `output_shapes` arguments can only be "
                                "used without `output_signature`.")
            spec = _normalize_signature(output_signature)
        else:
            if output_types is None:
                raise TypeError("To specify the output signature you need to provide either "
                                "the `output_signature` argument or the `output_types` "
                                "argument.")
            spec = _spec_from_types(output_types, output_shapes)
        self._generator = generator
        self._args = tuple(structure.as_numpy(structure.to_numpy_leaf(a))
                           for a in (args or ()))
        self._element_spec_cache = spec

    def _iterate(self):
        spec = self._element_spec_cache
        flat_spec = structure.flatten(spec)
        for value in _generated(self._generator, self._args):
            if isinstance(value, list) and isinstance(spec, tuple):
                value = tuple(value)
            if structure.is_structure(spec) and not structure.same_structure(spec, value):
                raise errors.InvalidArgumentError(
                    "TypeError: `generator` yielded an element that did not match the expected "
                    "structure. The expected structure was %r, but the yielded element was %r."
                    % (spec, value))
            flat_values = structure.flatten(value) if structure.is_structure(spec) else [value]
            leaves = [_checked_leaf(v, s) for v, s in zip(flat_values, flat_spec)]
            yield structure.pack_as(spec, leaves) if structure.is_structure(spec) else leaves[0]

    def _compute_element_spec(self):
        return self._element_spec_cache

    def _cardinality(self):
        return UNKNOWN


def _generated(generator, args):
    """The generator's values; its exceptions come out as TF's OpErrors (py_function's rule)."""
    from ..framework.control_flow import raise_as_op_error
    try:
        source = iter(generator(*args))
    except Exception as exc:  # noqa: BLE001 - re-raised as TF's class for it
        raise_as_op_error(exc)
    while True:
        try:
            value = next(source)
        except StopIteration:
            return
        except Exception as exc:  # noqa: BLE001 - re-raised as TF's class for it
            raise_as_op_error(exc)
        yield value


def _checked_leaf(value, spec):
    np_dtype = spec.dtype.as_numpy_dtype
    try:
        if spec.dtype == dtypes.string:  # str is encoded to bytes, as TF
            from ..framework import string_tensor
            array = string_tensor.convert(value, dtypes.string)._value
        else:
            if isinstance(value, Tensor):
                value = value.numpy()
            array = np.asarray(value, dtype=np_dtype)
            if array.dtype.kind in "OSU":
                raise TypeError
    except (TypeError, ValueError):
        raise errors.InvalidArgumentError(
            "TypeError: `generator` yielded an element that could not be converted to the "
            "expected type. The expected type was %s, but the yielded element was %r."
            % (spec.dtype.name, value)) from None
    if not spec.shape.is_compatible_with(array.shape):
        raise errors.InvalidArgumentError(
            "`generator` yielded an element of shape %s where an element of shape %s was "
            "expected." % (TensorShape(array.shape), spec.shape))
    return array


def _normalize_signature(signature):
    if isinstance(signature, list):
        signature = tuple(signature)

    def check(s):
        if not isinstance(s, TensorSpec):
            raise TypeError("`output_signature` must contain objects that are subclass of "
                            "`tf.TypeSpec` but found %s which is not." % type(s).__name__)
        return s
    return structure.map_specs(check, signature)


def _spec_from_types(output_types, output_shapes):
    if isinstance(output_types, list):
        output_types = tuple(output_types)

    def build(types, shapes):
        if isinstance(types, dict):
            return {k: build(types[k], None if shapes is None else shapes[k]) for k in types}
        if isinstance(types, tuple):
            return tuple(build(t, None if shapes is None else shapes[i])
                         for i, t in enumerate(types))
        return TensorSpec(TensorShape(shapes), dtypes.as_dtype(types))
    return build(output_types, output_shapes)


class ZipDataset(DatasetV2):
    """Dataset.zip: elements of several datasets side by side, ending with the shortest."""

    _tf_name = "_ZipDataset"

    def __init__(self, datasets):
        if isinstance(datasets, list):
            datasets = tuple(datasets)
        flat = structure.flatten(datasets)
        if not flat or not all(isinstance(d, DatasetV2) for d in flat):
            raise TypeError("Invalid `datasets`. `datasets` is expected to be a (nested) "
                            "structure of `tf.data.Dataset` objects. Encountered %r" % (datasets,))
        self._datasets = datasets
        self._flat = flat

    def _inputs(self):
        return list(self._flat)

    def _iterate(self):
        iterators = [d._iterate() for d in self._flat]
        while True:
            elements = []
            for it in iterators:
                try:
                    elements.append(next(it))
                except StopIteration:
                    return
            yield structure.pack_as(self._datasets, elements) if structure.is_structure(
                self._datasets) else elements[0]

    def _compute_element_spec(self):
        specs = [d.element_spec for d in self._flat]
        return structure.pack_as(self._datasets, specs) if structure.is_structure(
            self._datasets) else specs[0]

    def _cardinality(self):
        result = INFINITE
        for d in self._flat:
            n = d._cardinality()
            if n == UNKNOWN:
                return UNKNOWN
            if n != INFINITE and (result == INFINITE or n < result):
                result = n
        return result


class ConcatenateDataset(DatasetV2):
    """a.concatenate(b): all of a's elements, then b's; the two must have compatible specs."""

    _tf_name = "_ConcatenateDataset"

    def __init__(self, first, second):
        if not isinstance(second, DatasetV2):
            raise TypeError("concatenate expects a tf.data.Dataset, got %r" % (second,))
        self._first, self._second = first, second
        try:
            self._element_spec_cache = structure.merge_specs(first.element_spec,
                                                             second.element_spec)
        except TypeError as e:
            raise TypeError("Incompatible dataset elements:\n  %r\nvs.\n  %r"
                            % (first.element_spec, second.element_spec)) from e

    def _inputs(self):
        return [self._first, self._second]

    def _iterate(self):
        yield from self._first._iterate()
        yield from self._second._iterate()

    def _compute_element_spec(self):
        return self._element_spec_cache

    def _cardinality(self):
        a, b = self._first._cardinality(), self._second._cardinality()
        if a == INFINITE or b == INFINITE:
            return INFINITE
        if a == UNKNOWN or b == UNKNOWN:
            return UNKNOWN
        return a + b
