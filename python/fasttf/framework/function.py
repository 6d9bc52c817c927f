"""tf.function: fasttf has no graphs, so a tf.function runs its Python function on every call.

What TF users see of tracing is kept: a call whose arguments match an earlier call's "trace key"
(tensors by shape and dtype, Python values by value, other objects by identity; the
input_signature when there is one) is what TF serves from its graph cache, so the Python
`print`s of the function are not shown again (tf.print's are); inside a tf.function,
`tf.executing_eagerly()` is False; dtype clashes raise TypeError as at graph construction;
Python numbers returned come back as tensors. `tf.config.run_functions_eagerly(True)` turns
all of that off, as in TF. Code written for graphs (tensor `if`s and `for` loops that AutoGraph
would convert) runs as ordinary Python.
"""

import functools
import inspect
import sys
import threading

import numpy as np

from . import errors
from .tensor import Tensor
from .tensor_spec import TensorSpec

_THREAD = threading.local()  # .depth: tf.function calls in progress; .quiet: prints hidden


def executing_eagerly():
    return getattr(_THREAD, "depth", 0) == 0


def check_variable_creation():
    """Called by tf.Variable(): TF lets a tf.function create variables only while it is first
    traced, so creating one in a later call is the ValueError TF raises. (A function that
    creates a variable on every call is refused by TF on its first call already, which fasttf,
    running the function once, cannot tell.)"""
    calls = getattr(_THREAD, "calls", None)
    if calls and calls[-1]:
        raise ValueError("tf.function only supports singleton tf.Variables created on the "
                         "first call. Make sure the tf.Variable is only created once or "
                         "created outside tf.function. See "
                         "https://www.tensorflow.org/guide/function#creating_tfvariables for "
                         "more information.")


def call_as_traced(func, *args, **kwargs):
    """func(*args, **kwargs) with the error classes of TF's tracing: where TF builds a graph (a
    tf.function, a tf.data function), an op refusing its operands' dtypes raises TypeError,
    while the same op run eagerly raises InvalidArgumentError."""
    try:
        return func(*args, **kwargs)
    except errors.InvalidArgumentError as exc:
        if isinstance(exc, TypeError) or "same dtype" in str(exc):
            raise TypeError(str(exc)).with_traceback(exc.__traceback__) from None
        raise


# ----------------------------------------------------------------------------- trace keys


def _trace_key(value):
    """What TF's function cache tells calls apart by (a hashable value)."""
    if isinstance(value, Tensor):
        return ("tensor", value._shape_tuple, value._dtype_enum, value._is_variable)
    if isinstance(value, np.ndarray):
        return ("tensor", value.shape, str(value.dtype), False)
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, tuple(_trace_key(v) for v in value))
    if isinstance(value, dict):
        return ("dict", tuple((k, _trace_key(value[k])) for k in sorted(value, key=repr)))
    try:
        hash(value)
    except TypeError:
        return ("id", id(value))
    if isinstance(value, (bool, int, float, str, bytes, type(None), np.generic)):
        return ("value", value)  # 1, 1.0 and True are one key in TF too
    return ("id", id(value))


# ------------------------------------------------------------------- hidden Python prints


class _QuietStdout:
    """Stands in for sys.stdout while some thread runs a cached tf.function call: writes from
    such a thread are dropped, other threads' writes go through."""

    def __init__(self, original):
        self.original = original

    def write(self, text):
        if getattr(_THREAD, "quiet", 0):
            return len(text)
        return self.original.write(text)

    def flush(self):
        return self.original.flush()

    def __getattr__(self, name):
        return getattr(self.original, name)


_QUIET_LOCK = threading.Lock()
_QUIET_USERS = [0]


class _PrintsHidden:
    def __enter__(self):
        with _QUIET_LOCK:
            if _QUIET_USERS[0] == 0 and not isinstance(sys.stdout, _QuietStdout):
                sys.stdout = _QuietStdout(sys.stdout)
            _QUIET_USERS[0] += 1
        _THREAD.quiet = getattr(_THREAD, "quiet", 0) + 1

    def __exit__(self, *exc):
        _THREAD.quiet -= 1
        with _QUIET_LOCK:
            _QUIET_USERS[0] -= 1
            if _QUIET_USERS[0] == 0 and isinstance(sys.stdout, _QuietStdout):
                sys.stdout = sys.stdout.original
        return False


def unwrap_stream(stream):
    """tf.print(..., output_stream=sys.stdout) inside a cached call still prints (as TF)."""
    return stream.original if isinstance(stream, _QuietStdout) else stream


# ------------------------------------------------------------------------ the Function


def _check_signature(name, signature, args):
    if len(args) != len(signature):
        raise TypeError("%s: expected %d positional arguments from input_signature, got %d"
                        % (name, len(signature), len(args)))
    from .constant_op import convert_to_tensor
    out = []
    for spec, arg in zip(signature, args):
        if isinstance(spec, TensorSpec):
            arg = convert_to_tensor(arg, dtype=spec.dtype if not isinstance(arg, Tensor) else None)
            if not spec.is_compatible_with(arg):
                raise TypeError("%s: argument %r is not compatible with %r" % (name, arg, spec))
        out.append(arg)
    return out


def _as_tensors(outputs, function):
    """A traced function's outputs as TF returns them: Python numbers, strings, NumPy values
    and fully known shapes as tensors; tensors, datasets, TensorArrays and None as they are;
    anything else is the TypeError TF raises."""
    from ..data.dataset import DatasetV2
    from ..util import nest
    from .constant_op import convert_to_tensor
    from .tensor_array import TensorArray
    from .tensor_shape import TensorShape

    def convert(value):
        if value is None or isinstance(value, (Tensor, DatasetV2, TensorArray)):
            return value
        if isinstance(value, (bool, int, float, str, bytes, np.ndarray, np.generic)):
            return convert_to_tensor(value)
        if isinstance(value, TensorShape) and value.is_fully_defined():
            return convert_to_tensor(value.as_list(), np.int32)
        raise TypeError("To be compatible with tf.function, Python functions must return zero "
                        "or more Tensors or ExtensionTypes or None values; in compilation of "
                        "%r, found return value of type %s, which is not a Tensor or "
                        "ExtensionType." % (function, type(value).__name__))
    return nest.map_structure(convert, outputs)


class Function:
    """The object tf.function returns: callable like the wrapped function."""

    def __init__(self, python_function, input_signature=None, jit_compile=None, **options):
        self._python_function = python_function
        self.input_signature = None if input_signature is None else list(input_signature)
        self._jit_compile = jit_compile
        self._traces = set()  # trace keys seen (shared with the bound copies of a method)
        self._called = set()  # instance keys that completed a call (variables now refused)
        self._instance_key = None
        functools.update_wrapper(self, python_function)

    @property
    def python_function(self):
        return self._python_function

    def __call__(self, *args, **kwargs):
        from .. import config
        if config.functions_run_eagerly():
            return self._python_function(*args, **kwargs)
        if self.input_signature is not None:
            args = _check_signature(self.__name__, self.input_signature, args)
            key = ("signature", self._instance_key)
        else:
            key = (self._instance_key, _trace_key(args), _trace_key(kwargs))
        cached = key in self._traces
        _THREAD.depth = getattr(_THREAD, "depth", 0) + 1
        calls = _THREAD.__dict__.setdefault("calls", [])
        calls.append(self._instance_key in self._called)  # variables may not be created now
        try:
            if cached:
                with _PrintsHidden():
                    outputs = call_as_traced(self._python_function, *args, **kwargs)
            else:
                outputs = call_as_traced(self._python_function, *args, **kwargs)
                self._traces.add(key)
            self._called.add(self._instance_key)
        finally:
            _THREAD.depth -= 1
            calls.pop()
        return _as_tensors(outputs, self._python_function)

    def __get__(self, instance, owner):
        # Decorated methods: bind like a function would, keeping the Function wrapper.
        if instance is None:
            return self
        bound = Function(self._python_function.__get__(instance, owner), self.input_signature,
                         self._jit_compile)
        bound._traces = self._traces
        bound._called = self._called
        bound._instance_key = id(instance)
        return bound

    def get_concrete_function(self, *args, **kwargs):
        signature = self.input_signature if self.input_signature is not None else args
        return ConcreteFunction(self, _named_specs(self._python_function, signature), kwargs)

    def experimental_get_tracing_count(self):
        return len(self._traces)


def _named_specs(python_function, specs):
    """The TensorSpecs of a concrete function, named after the parameters (as TF)."""
    try:
        names = list(inspect.signature(python_function).parameters)
    except (TypeError, ValueError):
        names = []
    out = []
    for i, spec in enumerate(specs):
        if isinstance(spec, Tensor):
            spec = TensorSpec(spec.shape, spec.dtype)
        if isinstance(spec, TensorSpec) and spec.name is None and i < len(names):
            spec = TensorSpec(spec.shape, spec.dtype, names[i])
        out.append(spec)
    return tuple(out)


class ConcreteFunction:
    """f.get_concrete_function(specs): callable with tensors that fit the specs."""

    def __init__(self, function, specs, kwargs):
        self._function = function
        self._specs = specs
        self._kwargs = kwargs

    @property
    def structured_input_signature(self):
        return (self._specs, dict(self._kwargs))

    @property
    def inputs(self):
        return [s for s in self._specs if isinstance(s, TensorSpec)]

    def __call__(self, *args, **kwargs):
        tensor_specs = [s for s in self._specs if isinstance(s, TensorSpec)]
        if len(args) != len(tensor_specs):
            raise TypeError("%s(...) takes %d positional arguments, got %d"
                            % (self._function.__name__, len(tensor_specs), len(args)))
        args = _check_signature(self._function.__name__, tensor_specs, args)
        return self._function(*args, **{**self._kwargs, **kwargs})


def function(func=None, input_signature=None, autograph=True, jit_compile=None,
             reduce_retracing=False, experimental_implements=None,
             experimental_autograph_options=None, experimental_attributes=None,
             experimental_relax_shapes=None, experimental_compile=None,
             experimental_follow_type_hints=None):
    """tf.function(f) or @tf.function(...): runs f eagerly (fasttf has no graphs)."""
    def decorate(f):
        return Function(f, input_signature, jit_compile)
    return decorate if func is None else decorate(func)
