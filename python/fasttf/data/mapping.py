"""Dataset.map, sequential and in a thread pool (num_parallel_calls)."""

import collections
import concurrent.futures
import os

from ..framework import errors
from ..framework.tensor_spec import TensorSpec
from . import structure
from .dataset import AUTOTUNE, DatasetV2
from .sources import int_arg


def apply_function(func, element):
    return structure.function_output(structure.call_user_function(func, element))


def traced_output_spec(func, input_dataset):
    """The spec of func's output on zero-filled stand-ins of the input's elements (TF's trace
    at construction time), or None where the stand-ins cannot be built or func fails on them
    (the real elements will tell)."""
    examples = structure.example_elements(input_dataset.element_spec)
    if examples is None:
        return None
    try:
        return structure.spec_of(apply_function(func, examples[0]))
    except Exception:  # noqa: BLE001 - zeros may be invalid input; iteration reports errors
        return None


def infer_output_spec(func, input_dataset):
    """The element_spec of func's outputs, found by calling it (TF traces it instead).

    func runs on zero-filled elements of the input's spec, unknown dimensions set once to 1
    and once to 2 so that output dimensions depending on them come out as None; when that is
    impossible or fails, it runs on the input's first element."""
    from ..framework.control_flow import static_shapes
    input_spec = input_dataset.element_spec
    examples = structure.example_elements(input_spec)
    with static_shapes() as static:
        specs = None
        if examples is not None:
            try:
                specs = [_traced_spec(apply_function(func, e), static) for e in examples]
            except Exception:
                specs = None
        if specs is None:
            for element in input_dataset._iterate():
                specs = [_traced_spec(apply_function(func, element), static)]
                break
            else:
                return TensorSpec(None)
    spec = specs[0]
    for other in specs[1:]:
        spec = structure.merge_specs(spec, other)
    return spec


def _traced_spec(output, static):
    """The spec of one output; shapes TF could not infer while tracing (static) as TF has them."""
    def leaf_spec(leaf):
        if id(leaf) in static and static[id(leaf)][0] is leaf:
            return TensorSpec(static[id(leaf)][1], leaf.dtype)
        return structure.spec_of_leaf(leaf)
    return structure.map_structure(leaf_spec, output) if structure.is_structure(output) \
        else leaf_spec(output)


class MapDataset(DatasetV2):
    _tf_name = "_MapDataset"

    def __init__(self, input_dataset, map_func):
        if not callable(map_func):
            raise TypeError("`map_func` must be callable, got %r" % (map_func,))
        self._input = input_dataset
        self._func = map_func

    def _inputs(self):
        return [self._input]

    def _iterate(self):
        func = self._func
        for element in self._input._iterate():
            yield apply_function(func, element)

    def _compute_element_spec(self):
        return infer_output_spec(self._func, self._input)

    def _cardinality(self):
        return self._input._cardinality()


class ParallelMapDataset(MapDataset):
    """map(num_parallel_calls=N): N calls in flight in a thread pool; the output keeps the
    input order unless deterministic=False, which yields results as they complete."""

    _tf_name = "_ParallelMapDataset"

    def __init__(self, input_dataset, map_func, num_parallel_calls, deterministic):
        super().__init__(input_dataset, map_func)
        n = int_arg(num_parallel_calls, "map")
        if n == AUTOTUNE:
            n = os.cpu_count() or 1
        if n <= 0:
            raise errors.InvalidArgumentError(
                "num_parallel_calls must be greater than zero or AUTOTUNE, got %d" % n)
        self._num_parallel_calls = n
        self._deterministic = deterministic

    def _ordered(self):
        if self._deterministic is not None:
            return bool(self._deterministic)
        return self.options().deterministic is not False

    def _iterate(self):
        func = self._func
        workers = self._num_parallel_calls
        ordered = self._ordered()
        source = self._input._iterate()
        pool = concurrent.futures.ThreadPoolExecutor(max_workers=workers,
                                                     thread_name_prefix="tf.data.map")
        pending = collections.deque()
        try:
            exhausted = False
            while True:
                while not exhausted and len(pending) < 2 * workers:
                    try:
                        element = next(source)
                    except StopIteration:
                        exhausted = True
                        break
                    pending.append(pool.submit(apply_function, func, element))
                if not pending:
                    return
                if ordered:
                    future = pending.popleft()
                else:
                    done, _ = concurrent.futures.wait(
                        pending, return_when=concurrent.futures.FIRST_COMPLETED)
                    future = next(f for f in pending if f in done)
                    pending.remove(future)
                yield future.result()  # re-raises func's own exception with its traceback
        finally:
            for future in pending:
                future.cancel()
            pool.shutdown(wait=False)
