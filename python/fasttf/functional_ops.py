"""tf.foldl, tf.foldr, tf.scan and tf.vectorized_map, run eagerly as Python loops over the
slices of elems along axis 0 (the ops inside are recorded, so gradients flow through them)."""

from .framework.constant_op import convert_to_tensor
from .framework.errors import OutOfRangeError
from .framework.tensor import Tensor
from .util import nest
from . import _C


def _as_tensor(x):
    return x if isinstance(x, Tensor) else convert_to_tensor(x)


def _slices(elems, op):
    """(number of slices, slice(i) -> the i-th element with elems' structure)."""
    flat = [_as_tensor(e) for e in nest.flatten(elems)]
    if not flat:
        raise ValueError("[%s] elems must be a tensor or a (nested) sequence of tensors" % op)
    if any(e.ndim == 0 for e in flat):
        # TF reads the static shape's first entry and fails the same way (a Python list of
        # numbers is a structure of scalars there)
        raise IndexError("[%s] elems must have at least one dimension (they are sliced along "
                         "axis 0), got a scalar" % op)
    n = flat[0]._shape_tuple[0]
    if any(e._shape_tuple[0] != n for e in flat):
        raise ValueError("[%s] elems must all have the same first dimension, got %s"
                         % (op, [e._shape_tuple[0] for e in flat]))

    def slice_at(i):
        return nest.pack_sequence_as(elems, [e[i] for e in flat])
    return n, slice_at


def _fold(fn, elems, initializer, order, op):
    n, slice_at = _slices(elems, op)
    steps = list(order(n))
    if initializer is None:
        if n == 0:
            raise OutOfRangeError("[%s] Tried to read from index 0 but array size is: 0" % op)
        acc = slice_at(steps[0])
        steps = steps[1:]
    else:
        acc = nest.map_structure(_as_tensor, initializer)
    for i in steps:
        acc = _same_structure(acc, fn(acc, slice_at(i)))
    return nest.map_structure(_as_tensor, acc)


def _same_structure(previous, new):
    """new, after checking that fn kept the accumulator's structure (TF requires it)."""
    try:
        nest.assert_same_structure(previous, new, check_types=False)
    except (ValueError, TypeError):
        raise ValueError("The two structures don't have the same nested structure.\n\nFirst "
                         "structure: %s\n\nSecond structure: %s" % (previous, new)) from None
    return new


def foldl(fn, elems, initializer=None, parallel_iterations=10, back_prop=True,
          swap_memory=False, name=None):
    """fn(...fn(fn(initializer, elems[0]), elems[1])..., elems[n-1]) (initializer: elems[0])."""
    return _fold(fn, elems, initializer, range, "foldl")


def foldr(fn, elems, initializer=None, parallel_iterations=10, back_prop=True,
          swap_memory=False, name=None):
    """foldl from the last element to the first."""
    return _fold(fn, elems, initializer, lambda n: range(n - 1, -1, -1), "foldr")


def _stack(values, like):
    """Stacks a list of structures like `like` leaf by leaf along a new axis 0."""
    flat_like = [_as_tensor(v) for v in nest.flatten(like)]
    if not values:
        leaves = [_C.zeros([0] + list(v._shape_tuple), v.dtype) for v in flat_like]
    else:
        columns = zip(*[[_as_tensor(v) for v in nest.flatten(value)] for value in values])
        leaves = [_C.stack(list(column), 0) for column in columns]
    return nest.pack_sequence_as(like, leaves)


def scan(fn, elems, initializer=None, parallel_iterations=10, back_prop=True, swap_memory=False,
         infer_shape=True, reverse=False, name=None):
    """The stacked accumulators of a fold: out[i] = fn(out[i-1], elems[i])."""
    n, slice_at = _slices(elems, "scan")
    steps = list(range(n - 1, -1, -1) if reverse else range(n))
    outputs = []
    if initializer is None:
        if n == 0:
            raise OutOfRangeError("[scan] Tried to read from index 0 but array size is: 0")
        acc = slice_at(steps[0])
        outputs.append(acc)
        steps = steps[1:]
    else:
        acc = nest.map_structure(_as_tensor, initializer)
    for i in steps:
        acc = _same_structure(acc, fn(acc, slice_at(i)))
        outputs.append(acc)
    if reverse:
        outputs.reverse()  # out[i] belongs to elems[i] either way
    return _stack(outputs, acc)


def vectorized_map(fn, elems, fallback_to_while_loop=True, warn=True):
    """fn on each slice of elems along axis 0, the results stacked (a loop here, not pfor)."""
    n, slice_at = _slices(elems, "vectorized_map")
    results = [fn(slice_at(i)) for i in range(n)]
    if not results:
        raise ValueError("[vectorized_map] elems have no elements along axis 0, so the output "
                         "structure is unknown")
    return _stack(results, results[0])
