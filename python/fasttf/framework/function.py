"""tf.function: fasttf runs eagerly, so a tf.function is the Python function itself, called
directly (with `input_signature` checked as TF checks it). Code written for graphs (tensor
`if`s and `for` loops that AutoGraph would convert) runs as ordinary Python."""

import functools

import numpy as np

from . import errors
from .tensor import Tensor
from .tensor_spec import TensorSpec


def executing_eagerly():
    return True


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


def _as_tensors(outputs):
    # As a traced function: Python numbers and NumPy values come back as tensors.
    from ..util import nest
    from .constant_op import convert_to_tensor

    def convert(value):
        if isinstance(value, (bool, int, float, np.ndarray, np.generic)):
            return convert_to_tensor(value)
        return value
    return nest.map_structure(convert, outputs)


class Function:
    """The object tf.function returns: callable like the wrapped function."""

    def __init__(self, python_function, input_signature=None, jit_compile=None, **options):
        self._python_function = python_function
        self.input_signature = None if input_signature is None else list(input_signature)
        self._jit_compile = jit_compile
        functools.update_wrapper(self, python_function)

    @property
    def python_function(self):
        return self._python_function

    def __call__(self, *args, **kwargs):
        if self.input_signature is not None:
            args = _check_signature(self.__name__, self.input_signature, args)
        return _as_tensors(self._python_function(*args, **kwargs))

    def __get__(self, instance, owner):
        # Decorated methods: bind like a function would, keeping the Function wrapper.
        if instance is None:
            return self
        bound = Function(self._python_function.__get__(instance, owner), self.input_signature,
                         self._jit_compile)
        return bound

    def get_concrete_function(self, *args, **kwargs):
        return self

    def experimental_get_tracing_count(self):
        return 0


def function(func=None, input_signature=None, autograph=True, jit_compile=None,
             reduce_retracing=False, experimental_implements=None,
             experimental_autograph_options=None, experimental_attributes=None,
             experimental_relax_shapes=None, experimental_compile=None,
             experimental_follow_type_hints=None):
    """tf.function(f) or @tf.function(...): runs f eagerly (fasttf has no graphs)."""
    def decorate(f):
        return Function(f, input_signature, jit_compile)
    return decorate if func is None else decorate(func)
