"""Graph-era control flow and scoping, run eagerly: tf.cond, tf.while_loop, tf.map_fn,
tf.switch_case, tf.case, tf.py_function/numpy_function, tf.ensure_shape, and the scopes that
are no-ops without graphs (name_scope, device, control_dependencies, init_scope)."""

import contextlib
import logging
import threading

import numpy as np

from .. import _C
from ..util import nest
from . import dtypes
from .constant_op import convert_to_tensor
from .errors import InvalidArgumentError
from .tensor import Tensor
from .tensor_shape import TensorShape


def _truth(pred):
    return bool(pred.numpy()) if isinstance(pred, Tensor) else bool(pred)


def cond(pred, true_fn=None, false_fn=None, name=None):
    """Calls true_fn() or false_fn() and returns what it returns, as TF does eagerly."""
    if not callable(true_fn) or not callable(false_fn):
        raise TypeError("true_fn and false_fn must be callable")
    return true_fn() if _truth(pred) else false_fn()


def _as_loop_value(value):
    if isinstance(value, (bool, int, float, np.ndarray, np.generic)):
        return convert_to_tensor(value)
    return value


def while_loop(cond, body, loop_vars, shape_invariants=None, parallel_iterations=10,
               back_prop=True, swap_memory=False, maximum_iterations=None, name=None):
    """Runs body while cond holds, as TF 2 eagerly: loop_vars is a list/tuple whose structure
    body must return (as a list or tuple); the last body result is returned."""
    if isinstance(loop_vars, (list, tuple)):
        if not loop_vars:
            raise ValueError("'loop_vars' must be provided.")
    elif loop_vars is None or not _truth(loop_vars):
        raise ValueError("'loop_vars' must be provided.")  # TF tests `not loop_vars`
    else:
        raise TypeError("loop_vars must be a list or tuple of loop variables, got %r"
                        % (loop_vars,))
    values = type(loop_vars)(nest.map_structure(_as_loop_value, v) for v in loop_vars)
    iterations = 0
    while _truth(cond(*values)):
        if maximum_iterations is not None and iterations >= int(maximum_iterations):
            break
        result = body(*values)
        if not isinstance(result, (list, tuple)):
            # TF takes list(result): a scalar cannot be iterated (TypeError); a dict or a
            # vector gives a list that does not match the loop variables (ValueError).
            if isinstance(result, Tensor) and result.ndim == 0 or not hasattr(result, "__iter__"):
                raise TypeError("The body of tf.while_loop must return a list or tuple of the "
                                "loop variables, got %r" % (result,))
            result = list(result)
        nest.assert_same_structure(list(loop_vars), list(result), check_types=False)
        values = type(result)(nest.map_structure(_as_loop_value, v) for v in result)
        iterations += 1
    return values


def map_fn(fn, elems, dtype=None, parallel_iterations=None, back_prop=True, swap_memory=False,
           infer_shape=True, name=None, fn_output_signature=None):
    """fn applied to each slice of elems along axis 0, the results stacked."""
    flat = [e if isinstance(e, Tensor) else convert_to_tensor(e) for e in nest.flatten(elems)]
    if not flat:
        raise ValueError("elems must be a tensor or a (nested) sequence of tensors")
    n = flat[0]._shape_tuple[0] if flat[0].ndim else None
    if n is None or any(not e.ndim or e._shape_tuple[0] != n for e in flat):
        raise ValueError("elems must all have the same first dimension")
    results = []
    for i in range(n):
        item = nest.pack_sequence_as(elems, [e[i] for e in flat]) if not isinstance(
            elems, Tensor) else flat[0][i]
        results.append(fn(item))
    signature = fn_output_signature if fn_output_signature is not None else dtype
    if not results:
        spec = signature if signature is not None else flat[0].dtype
        return nest.map_structure(
            lambda d: _C.zeros([0], dtypes.as_dtype(getattr(d, "dtype", d))), spec)
    first = results[0]
    stacked = [_C.stack([convert_to_tensor(r) for r in column], 0)
               for column in zip(*[nest.flatten(r) for r in results])]
    return nest.pack_sequence_as(first, stacked) if isinstance(first, (list, tuple, dict)) \
        else stacked[0]


def switch_case(branch_index, branch_fns, default=None, name="switch_case"):
    """Calls branch_fns[branch_index]() (a list or dict); out of range: default, else the last."""
    if not isinstance(branch_index, Tensor):
        raise TypeError("'branch_index' must be a Tensor, got %s" % type(branch_index))
    if not branch_index.dtype.is_integer:
        raise TypeError("'branch_index' must be an integer Tensor, got %r" % branch_index.dtype)
    index = int(branch_index.numpy())
    fns = dict(branch_fns) if isinstance(branch_fns, dict) else dict(enumerate(branch_fns))
    if index in fns:
        return fns[index]()
    return default() if default is not None else fns[max(fns)]()


def case(pred_fn_pairs, default=None, exclusive=False, strict=False, name="case"):
    """Calls the fn of the first true predicate, else default(); without a default one
    predicate must hold. (Run eagerly, TF does not enforce `exclusive`.)"""
    pairs = list(pred_fn_pairs.items()) if isinstance(pred_fn_pairs, dict) else list(pred_fn_pairs)
    if not pairs and default is None:
        raise ValueError("pred_fn_pairs must not be empty without a default")
    for pred, fn in pairs:
        if _truth(pred):
            return fn()
    if default is None:
        raise InvalidArgumentError("Input error: None of conditions evaluated as True: %s"
                                   % ", ".join(str(_truth(p)) for p, _ in pairs))
    return default()


def group(*inputs, **kwargs):
    return None


def py_function(func, inp, Tout, name=None):
    """Calls func on tensors and converts its results to Tout (a dtype or a list of them).
    As TF, an exception func raises comes out as the OpError TF maps it to."""
    args = [x if isinstance(x, Tensor) else convert_to_tensor(x) for x in inp]
    try:
        result = func(*args)
    except Exception as exc:  # noqa: BLE001 - re-raised as TF's class for it
        raise_as_op_error(exc)
    outputs = _convert_results(result, Tout)
    for output in outputs if isinstance(outputs, list) else [outputs]:
        _note_static_shape(output, TensorShape(None))  # TF cannot infer it while tracing
    return outputs


# -- static shapes while tf.data traces a function --------------------------------------------

_STATIC = threading.local()  # .shapes: id(tensor) -> (tensor, TensorShape), or None


@contextlib.contextmanager
def static_shapes():
    """While tf.data works out a function's element_spec: collects the shapes TF's trace would
    give tensors whose shape it cannot infer (py_function / numpy_function outputs), as later
    refined by set_shape or ensure_shape. Yields {id(tensor): (tensor, shape)}."""
    previous = getattr(_STATIC, "shapes", None)
    _STATIC.shapes = {}
    try:
        yield _STATIC.shapes
    finally:
        _STATIC.shapes = previous


def _note_static_shape(tensor, shape):
    shapes = getattr(_STATIC, "shapes", None)
    if shapes is not None and isinstance(tensor, Tensor):
        shapes[id(tensor)] = (tensor, shape)  # the tensor is kept so that its id stays its own


def _refine_static_shape(tensor, shape):
    shapes = getattr(_STATIC, "shapes", None)
    if shapes is not None and id(tensor) in shapes:
        _note_static_shape(tensor, shapes[id(tensor)][1].merge_with(shape))


def _set_shape(self, shape):
    """Tensor.set_shape: checks the shape is compatible (eagerly the shape is known)."""
    shape = TensorShape(shape)
    if not shape.is_compatible_with(TensorShape(self._shape_tuple)):
        raise ValueError("Tensor's shape %s is not compatible with supplied shape %s."
                         % (TensorShape(self._shape_tuple), shape))
    _refine_static_shape(self, shape)


Tensor.set_shape = _set_shape  # as Tensor.assign in variables.py: a method TF tensors have


def raise_as_op_error(exc):
    """Re-raises a Python exception from user code TF runs as an op (py_function, a
    from_generator generator) as the OpError TF reports: ValueError and TypeError as
    InvalidArgumentError, StopIteration as OutOfRangeError, MemoryError as
    ResourceExhaustedError, NotImplementedError as UnimplementedError, others as UnknownError;
    OpErrors stay as they are. The original is chained as the cause."""
    from . import errors
    if isinstance(exc, errors.OpError):
        raise exc
    classes = ((ValueError, errors.InvalidArgumentError), (TypeError, errors.InvalidArgumentError),
               (StopIteration, errors.OutOfRangeError), (MemoryError, errors.ResourceExhaustedError),
               (NotImplementedError, errors.UnimplementedError))
    op_class = next((op for python, op in classes if isinstance(exc, python)),
                    errors.UnknownError)
    raise op_class("%s: %s" % (type(exc).__name__, exc)) from exc


eager_py_func = py_function


def numpy_function(func, inp, Tout, stateful=True, name=None):
    """Calls func on NumPy arrays and converts its results to Tout."""
    args = [x.numpy() if isinstance(x, Tensor) else np.asarray(x) for x in inp]
    outputs = _convert_results(func(*args), Tout)
    for output in outputs if isinstance(outputs, list) else [outputs]:
        _note_static_shape(output, TensorShape(None))
    return outputs


def _convert_results(result, Tout):
    if Tout is None:
        return None
    if isinstance(Tout, (list, tuple)):
        if not isinstance(result, (list, tuple)):
            result = [result]
        if len(result) != len(Tout):
            raise InvalidArgumentError("the function returned %d values, Tout names %d"
                                       % (len(result), len(Tout)))
        return [convert_to_tensor(r, dtypes.as_dtype(t)) for r, t in zip(result, Tout)]
    return convert_to_tensor(result, dtypes.as_dtype(Tout))


def ensure_shape(x, shape, name=None):
    x = x if isinstance(x, Tensor) else convert_to_tensor(x)
    if not TensorShape(shape).is_compatible_with(x.shape):
        raise InvalidArgumentError("Shape of tensor %s is not compatible with expected shape %s."
                                   % (x.shape, TensorShape(shape)))
    _refine_static_shape(x, TensorShape(shape))
    return x


_SCOPES = threading.local()  # .stack: the full names ("outer/inner/") of the open scopes


def current_name_scope():
    """The innermost open tf.name_scope as 'outer/inner/' ('' outside any)."""
    stack = getattr(_SCOPES, "stack", None)
    return stack[-1] if stack else ""


class name_scope:
    """tf.name_scope(name): nests as in TF ('outer/inner/'); a name ending in '/' is absolute,
    '' or None resets to the top. Variables created inside take the scope as a prefix."""

    def __init__(self, name):
        if name is not None and not isinstance(name, str):
            raise ValueError("name for name_scope must be a string.")
        self._name = name

    @property
    def name(self):
        return self._name

    def __enter__(self):
        if not self._name:
            full = ""
        elif self._name.endswith("/"):
            full = self._name
        else:
            full = current_name_scope() + self._name + "/"
        if getattr(_SCOPES, "stack", None) is None:
            _SCOPES.stack = []
        _SCOPES.stack.append(full)
        return full

    def __exit__(self, *exc):
        _SCOPES.stack.pop()
        return False


def device(device_name):
    return contextlib.nullcontext()


def control_dependencies(control_inputs):
    return contextlib.nullcontext()


def init_scope():
    return contextlib.nullcontext()


def no_gradient(op_type):
    return None


def get_logger():
    return logging.getLogger("tensorflow")
