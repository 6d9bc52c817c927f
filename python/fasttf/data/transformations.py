"""Element-order transformations: filter, repeat, take, skip, shard, enumerate, take_while,
ignore_errors. repeat/take/skip/shard keep a row plan (rows.py) when their input has one."""

import itertools

import numpy as np

from ..framework import dtypes, errors
from ..framework.function import call_as_traced
from ..framework.tensor_spec import TensorSpec
from . import structure
from .dataset import INFINITE, UNKNOWN, DatasetV2
from .sources import int_arg


class _UnaryDataset(DatasetV2):
    def __init__(self, input_dataset):
        self._input = input_dataset

    def _inputs(self):
        return [self._input]

    def _compute_element_spec(self):
        return self._input.element_spec

    def _cardinality(self):
        return self._input._cardinality()


def _predicate_value(predicate, element):
    result = structure.call_user_function(predicate, element)
    value = structure.as_numpy(structure.to_numpy_leaf(result)) if not isinstance(
        result, (bool, np.bool_)) else np.asarray(result)
    if value.dtype != np.bool_ or value.ndim != 0:
        raise ValueError("Invalid `predicate`. `predicate` must return a `tf.bool` scalar "
                         "tensor, but its return type is %s with shape %s."
                         % (dtypes.as_dtype(value.dtype).name, value.shape))
    return bool(value)


def _check_predicate(predicate, input_dataset):
    """As TF's trace of the predicate: it must give a scalar tf.bool (checked on stand-ins)."""
    from .mapping import traced_output_spec
    spec = traced_output_spec(predicate, input_dataset)
    if spec is None:
        return
    if not isinstance(spec, TensorSpec) or spec.dtype != dtypes.bool_ or spec.shape.rank != 0:
        raise ValueError("Invalid `predicate`. `predicate` must return a `tf.bool` scalar "
                         "tensor, but its return type is %r." % (spec,))


class FilterDataset(_UnaryDataset):
    _tf_name = "_FilterDataset"

    def __init__(self, input_dataset, predicate):
        super().__init__(input_dataset)
        self._predicate = predicate
        _check_predicate(predicate, input_dataset)

    def _iterate(self):
        for element in self._input._iterate():
            if _predicate_value(self._predicate, element):
                yield element

    def _cardinality(self):
        return INFINITE if self._input._cardinality() == INFINITE else UNKNOWN


class TakeWhileDataset(FilterDataset):
    _tf_name = "_TakeWhileDataset"

    def _iterate(self):
        for element in self._input._iterate():
            if not _predicate_value(self._predicate, element):
                return
            yield element

    def _cardinality(self):
        return UNKNOWN


class AssertCardinalityDataset(_UnaryDataset):
    """tf.data.experimental.assert_cardinality(n): reports n as the cardinality and raises
    FailedPreconditionError when iteration finds fewer or more elements."""

    _tf_name = "_AssertCardinalityDataset"

    def __init__(self, input_dataset, expected):
        super().__init__(input_dataset)
        self._expected = int_arg(expected, "assert_cardinality")

    def _iterate(self):
        expected, count = self._expected, 0
        for element in self._input._iterate():
            count += 1
            if expected >= 0 and count > expected:
                raise errors.FailedPreconditionError(
                    "Input dataset was expected to contain %d elements but contained at least "
                    "%d elements." % (expected, count))
            yield element
        if expected == INFINITE or count < expected:
            raise errors.FailedPreconditionError(
                "Input dataset was expected to contain %s elements but contained only %d "
                "elements." % ("an infinite number of" if expected == INFINITE else expected,
                               count))

    def _cardinality(self):
        return self._expected


class IgnoreErrorsDataset(_UnaryDataset):
    """ignore_errors: elements whose production raised are dropped (the input continues only
    where its iterator survives the error, as for map())."""

    _tf_name = "_IgnoreErrorsDataset"

    def _iterate(self):
        source = self._input._iterate()
        while True:
            try:
                yield next(source)
            except StopIteration:
                return
            except Exception:  # noqa: BLE001 - that is the point of ignore_errors
                continue

    def _cardinality(self):
        return UNKNOWN


class RepeatDataset(_UnaryDataset):
    _tf_name = "_RepeatDataset"

    def __init__(self, input_dataset, count):
        super().__init__(input_dataset)
        self._count = -1 if count is None else int_arg(count, "repeat")

    def _epochs(self):
        return itertools.count() if self._count < 0 else range(self._count)

    def _row_plan(self):
        plan = self._input._row_plan()
        if plan is None:
            return None

        def chunks():
            for _ in self._epochs():
                produced = False
                for chunk in plan.chunks():
                    produced = produced or len(chunk) > 0
                    yield chunk
                if not produced:
                    return  # repeating an empty dataset gives an empty dataset
        return plan.with_chunks(chunks)

    def _iterate(self):
        for _ in self._epochs():
            produced = False
            for element in self._input._iterate():
                produced = True
                yield element
            if not produced:
                return

    def _cardinality(self):
        n = self._input._cardinality()
        if self._count < 0:
            return 0 if n == 0 else (UNKNOWN if n == UNKNOWN else INFINITE)
        if n in (INFINITE, UNKNOWN):
            return 0 if self._count == 0 else n
        return n * self._count


class TakeDataset(_UnaryDataset):
    _tf_name = "_TakeDataset"

    def __init__(self, input_dataset, count):
        super().__init__(input_dataset)
        self._count = int_arg(count, "take")

    def _row_plan(self):
        plan = self._input._row_plan()
        if plan is None or self._count < 0:
            return plan

        def chunks():
            left = self._count
            if left == 0:
                return
            for chunk in plan.chunks():
                yield chunk[:left]
                left -= len(chunk[:left])
                if left == 0:
                    return
        return plan.with_chunks(chunks)

    def _iterate(self):
        if self._count < 0:
            return self._input._iterate()
        return itertools.islice(self._input._iterate(), self._count)

    def _cardinality(self):
        n = self._input._cardinality()
        if n == UNKNOWN:
            return UNKNOWN
        if self._count < 0:
            return n
        if n == INFINITE:
            return self._count
        return min(n, self._count)


class SkipDataset(_UnaryDataset):
    _tf_name = "_SkipDataset"

    def __init__(self, input_dataset, count):
        super().__init__(input_dataset)
        self._count = int_arg(count, "skip")

    def _row_plan(self):
        plan = self._input._row_plan()
        if plan is None or self._count < 0:
            return None

        def chunks():
            left = self._count
            for chunk in plan.chunks():
                if left:
                    dropped = min(left, len(chunk))
                    chunk = chunk[dropped:]
                    left -= dropped
                if len(chunk):
                    yield chunk
        return plan.with_chunks(chunks)

    def _iterate(self):
        if self._count < 0:  # skip(-1) skips the whole dataset
            for _ in self._input._iterate():
                pass
            return iter(())
        return itertools.islice(self._input._iterate(), self._count, None)

    def _cardinality(self):
        n = self._input._cardinality()
        if n in (INFINITE, UNKNOWN):
            return n
        if self._count < 0:
            return 0
        return max(0, n - self._count)


class ShardDataset(_UnaryDataset):
    _tf_name = "_ShardDataset"

    def __init__(self, input_dataset, num_shards, index):
        super().__init__(input_dataset)
        self._num_shards = int_arg(num_shards, "shard")
        self._index = int_arg(index, "shard")
        if self._num_shards <= 0:
            raise errors.InvalidArgumentError("Number of shards must be greater than zero "
                                              "(currently num_shards = %d)." % self._num_shards)
        if not 0 <= self._index < self._num_shards:
            raise errors.InvalidArgumentError(
                "Index must be between 0 and %d (currently index = %d)."
                % (self._num_shards - 1, self._index))

    def _row_plan(self):
        plan = self._input._row_plan()
        if plan is None:
            return None
        num, index = self._num_shards, self._index

        def chunks():
            position = 0
            for chunk in plan.chunks():
                first = (index - position) % num
                yield chunk[first::num]
                position += len(chunk)
        return plan.with_chunks(chunks)

    def _iterate(self):
        return itertools.islice(self._input._iterate(), self._index, None, self._num_shards)

    def _cardinality(self):
        n = self._input._cardinality()
        if n in (INFINITE, UNKNOWN):
            return n
        return n // self._num_shards + (1 if self._index < n % self._num_shards else 0)


class EnumerateDataset(_UnaryDataset):
    _tf_name = "_EnumerateDataset"

    def __init__(self, input_dataset, start):
        super().__init__(input_dataset)
        self._start = int_arg(start, "enumerate")

    def _iterate(self):
        for i, element in enumerate(self._input._iterate(), self._start):
            yield (np.array(i, dtype=np.int64), element)

    def _compute_element_spec(self):
        return (TensorSpec([], dtypes.int64), self._input.element_spec)


class ScanDataset(_UnaryDataset):
    """scan(initial_state, scan_func): scan_func(state, element) -> (new_state, output)."""

    _tf_name = "_ScanDataset"

    def __init__(self, input_dataset, initial_state, scan_func):
        super().__init__(input_dataset)
        self._initial_state = structure.function_output(initial_state)
        self._func = scan_func

    def _step(self, state, element):
        # As TF: the element is one argument, even a tuple (scan_func(state, (a, b))).
        result = call_as_traced(self._func, state, structure.to_user(element))
        if not isinstance(result, (tuple, list)) or len(result) != 2:
            raise TypeError("`scan_func` must return a pair (new_state, output_element), got %r"
                            % (result,))
        return structure.function_output(result[0]), structure.function_output(result[1])

    def _iterate(self):
        state = self._initial_state
        for element in self._input._iterate():
            state, output = self._step(state, element)
            yield output

    def _compute_element_spec(self):
        for element in self._input._iterate():  # TF traces scan_func; fasttf runs it once
            return structure.spec_of(self._step(self._initial_state, element)[1])
        return TensorSpec(None)


class UniqueDataset(_UnaryDataset):
    """unique(): each distinct (scalar) element once, in order of first appearance."""

    _tf_name = "_UniqueDataset"

    def __init__(self, input_dataset):
        super().__init__(input_dataset)
        spec = input_dataset.element_spec
        dtype = getattr(spec, "dtype", None)
        if dtype not in (dtypes.int32, dtypes.int64, dtypes.string):
            raise TypeError("`tf.data.Dataset.unique` does not support type %s -- only "
                            "`tf.int32`, `tf.int64` and `tf.string` are supported." % (dtype,))

    def _iterate(self):
        seen = set()
        for element in self._input._iterate():
            value = structure.as_numpy(element)
            if value.ndim != 0:
                raise TypeError("Dataset.unique() only supports scalar elements, got shape %s"
                                % (value.shape,))
            key = value.item()
            if key not in seen:
                seen.add(key)
                yield element

    def _cardinality(self):
        return INFINITE if self._input._cardinality() == INFINITE else UNKNOWN
