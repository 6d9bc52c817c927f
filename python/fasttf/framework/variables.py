"""tf.Variable: a tensor with a name, a trainable flag and in-place assignment.

A Variable is a subclass of the C++ Tensor, so every op takes it directly; the C++ core knows
it is a trainable variable, which is how tapes watch it on first use.
"""

import enum
import weakref

import numpy as np

from .. import _C
from . import dtypes
from .function import check_variable_creation
from .tensor import Tensor, _numpy_text

_BinaryOp = _C.BinaryOp


class _PrintedEnum(enum.IntEnum):
    # IntEnum so that code comparing with the plain ints (== 3) keeps working; printed as TF's
    # enum.Enum members are ("VariableSynchronization.AUTO").
    __str__ = enum.Enum.__str__


class VariableSynchronization(_PrintedEnum):
    AUTO = 0
    NONE = 1
    ON_WRITE = 2
    ON_READ = 3


class VariableAggregation(_PrintedEnum):
    NONE = 0
    SUM = 1
    MEAN = 2
    ONLY_FIRST_REPLICA = 3


class Variable(Tensor):
    """tf.Variable(initial_value, trainable=True, name=None, dtype=None, shape=None, ...)."""

    def __init__(self, initial_value=None, trainable=None, validate_shape=True,
                 caching_device=None, name=None, variable_def=None, dtype=None,
                 import_scope=None, constraint=None, synchronization=None, aggregation=None,
                 shape=None, experimental_enable_variable_lifting=True):
        if initial_value is None:
            raise ValueError("The initial value must be specified.")
        check_variable_creation()
        if callable(initial_value):
            initial_value = initial_value()
        if dtype is not None:
            dtype = dtypes.as_dtype(dtype)
            if isinstance(initial_value, Tensor) and initial_value.dtype != dtype:
                # As TF: a tensor is never converted to another dtype (Python values are).
                raise ValueError("initial_value: Tensor conversion requested dtype %s for Tensor"
                                 " with dtype %s: %r" % (dtype.name, initial_value.dtype.name,
                                                         initial_value))
        super().__init__(initial_value, dtype)
        _check_shape_argument(self, shape)
        if synchronization is None:
            synchronization = VariableSynchronization.AUTO
        if aggregation is None:
            aggregation = VariableAggregation.NONE
        if trainable is None:
            trainable = synchronization != VariableSynchronization.ON_READ
        self._trainable_flag = bool(trainable)
        self._mark_variable(self._trainable_flag and self.dtype.is_floating)
        self._name = _scoped_name(name if name is not None else "Variable") + ":0"
        self._constraint = constraint
        self._shape_spec = shape
        self._synchronization = VariableSynchronization(synchronization)
        self._aggregation = VariableAggregation(aggregation)

    # -- identity -------------------------------------------------------------------------
    @property
    def name(self):
        return self._name

    @property
    def trainable(self):
        return self._trainable_flag

    @trainable.setter
    def trainable(self, value):
        self._trainable_flag = bool(value)
        self._mark_variable(self._trainable_flag and self.dtype.is_floating)

    @property
    def constraint(self):
        return self._constraint

    @property
    def synchronization(self):
        return self._synchronization

    @property
    def aggregation(self):
        return self._aggregation

    @property
    def initial_value(self):
        return self.read_value()

    @property
    def handle(self):
        return self

    # -- reading ----------------------------------------------------------------------------
    def read_value(self):
        """A snapshot of the current value (a new Tensor)."""
        return _C.identity(self)

    def value(self):
        return self.read_value()

    def __array__(self, dtype=None, copy=None):
        value = np.asarray(self.numpy())
        return value if dtype is None else value.astype(dtype, copy=False)

    # -- writing ----------------------------------------------------------------------------
    # As TF, the assign methods return the variable's new value as an "UnreadVariable" (a
    # variable-like snapshot whose own assign methods write to this variable), or None with
    # read_value=False.
    def assign(self, value, use_locking=None, name=None, read_value=True):
        _C.assign(self, value)
        return _UnreadVariable(self) if read_value else None

    def assign_add(self, delta, use_locking=None, name=None, read_value=True):
        _C.assign_binary(self, delta, _BinaryOp.add)
        return _UnreadVariable(self) if read_value else None

    def assign_sub(self, delta, use_locking=None, name=None, read_value=True):
        _C.assign_binary(self, delta, _BinaryOp.sub)
        return _UnreadVariable(self) if read_value else None

    def scatter_nd_update(self, indices, updates, name=None):
        from .. import tensor_scatter_nd_update
        return self.assign(tensor_scatter_nd_update(self, indices, updates))

    def scatter_nd_add(self, indices, updates, name=None):
        from .. import tensor_scatter_nd_add
        return self.assign(tensor_scatter_nd_add(self, indices, updates))

    def scatter_nd_sub(self, indices, updates, name=None):
        from .. import tensor_scatter_nd_sub
        return self.assign(tensor_scatter_nd_sub(self, indices, updates))

    def scatter_nd_max(self, indices, updates, name=None):
        from .. import tensor_scatter_nd_max
        return self.assign(tensor_scatter_nd_max(self, indices, updates))

    def scatter_nd_min(self, indices, updates, name=None):
        from .. import tensor_scatter_nd_min
        return self.assign(tensor_scatter_nd_min(self, indices, updates))

    # scatter_update & co. take an IndexedSlices-like `sparse_delta` (values, indices) whose
    # indices address the first dimension.
    def scatter_update(self, sparse_delta, use_locking=False, name=None):
        return self._scatter_rows(sparse_delta, "scatter_update", "scatter_nd_update")

    def scatter_add(self, sparse_delta, use_locking=False, name=None):
        return self._scatter_rows(sparse_delta, "scatter_add", "scatter_nd_add")

    def scatter_sub(self, sparse_delta, use_locking=False, name=None):
        return self._scatter_rows(sparse_delta, "scatter_sub", "scatter_nd_sub")

    def scatter_max(self, sparse_delta, use_locking=False, name=None):
        return self._scatter_rows(sparse_delta, "scatter_max", "scatter_nd_max")

    def scatter_min(self, sparse_delta, use_locking=False, name=None):
        return self._scatter_rows(sparse_delta, "scatter_min", "scatter_nd_min")

    def _scatter_rows(self, sparse_delta, what, nd_method):
        if not (hasattr(sparse_delta, "values") and hasattr(sparse_delta, "indices")):
            raise TypeError("Argument `sparse_delta` must be a `tf.IndexedSlices`. Received arg:"
                            " %r" % (sparse_delta,))
        indices = np.asarray(_C.convert_to_tensor(sparse_delta.indices, None).numpy())
        return getattr(self, nd_method)(indices.reshape(indices.shape + (1,)),
                                        sparse_delta.values)

    def sparse_read(self, indices, name=None):
        from .. import gather
        return gather(self, indices)

    def gather_nd(self, indices, name=None):
        from .. import gather_nd
        return gather_nd(self, indices)

    def __getitem__(self, key):
        """v[key] is a Tensor (a view) with an `assign` method writing the slice back, as TF's
        `v[1:3].assign(...)`; gradients flow to the variable as for any slice."""
        view = Tensor.__getitem__(self, key)
        view_id = id(view)
        _SLICE_ORIGINS[view_id] = (weakref.ref(view, lambda _: _SLICE_ORIGINS.pop(view_id, None)),
                                   self, key)
        return view

    # -- presentation -----------------------------------------------------------------------
    def __repr__(self):
        return "<tf.Variable '%s' shape=%s dtype=%s, numpy=%s>" % (
            self.name, self.shape, self.dtype.name, _numpy_text(self._repr_value(), True))

    __str__ = __repr__

    def __format__(self, format_spec):
        # As TF: f"{v}" is the variable's str(); a format spec applies to its value.
        return str(self) if not format_spec else format(self.numpy(), format_spec)

    def _repr_value(self):
        value = self.numpy()
        return value[()] if value.ndim == 0 else value

    def ref(self):
        from .tensor import _Reference
        return _Reference(self)

    experimental_ref = ref

    def __reduce__(self):
        return (_rebuild_variable, (self.numpy(), self.trainable, self.name))

    def __deepcopy__(self, memo):
        return _rebuild_variable(self.numpy(), self.trainable, self.name)

    def __copy__(self):
        return self

    def __iadd__(self, other):
        raise RuntimeError("`variable += value` with `tf.Variable`s is not supported. Use "
                           "`variable.assign_add(value)` to modify the variable, or `out = "
                           "variable + value` if you need to get a new output Tensor.")

    def __isub__(self, other):
        raise RuntimeError("`variable -= value` with `tf.Variable`s is not supported. Use "
                           "`variable.assign_sub(value)` to modify the variable, or `out = "
                           "variable - value` if you need to get a new output Tensor.")


class _UnreadVariable(Variable):
    """What assign* return: the variable's value right after the write, printed as TF prints
    it (name 'UnreadVariable'); further assign* calls write through to the variable."""

    def __init__(self, variable):  # noqa: D107 - a snapshot, not a new variable
        Tensor.__init__(self, variable, None)
        self._parent = variable
        self._trainable_flag = variable.trainable
        self._name = "UnreadVariable"
        self._constraint = variable.constraint
        self._shape_spec = None
        self._synchronization = variable.synchronization
        self._aggregation = variable.aggregation

    def assign(self, value, use_locking=None, name=None, read_value=True):
        return self._parent.assign(value, use_locking, name, read_value)

    def assign_add(self, delta, use_locking=None, name=None, read_value=True):
        return self._parent.assign_add(delta, use_locking, name, read_value)

    def assign_sub(self, delta, use_locking=None, name=None, read_value=True):
        return self._parent.assign_sub(delta, use_locking, name, read_value)

    def _scatter_rows(self, sparse_delta, what, nd_method):
        return self._parent._scatter_rows(sparse_delta, what, nd_method)

    def __reduce__(self):
        return self._parent.__reduce__()


def _check_shape_argument(variable, shape):
    """tf.Variable(shape=...) must be compatible with the initial value's shape (fasttf keeps
    the value's own shape: a variable's shape never changes)."""
    if shape is None:
        return
    from .tensor_shape import TensorShape
    if not TensorShape(shape).is_compatible_with(TensorShape(variable._shape_tuple)):
        raise ValueError("In this `tf.Variable` creation, the initial value's shape (%s) is not "
                         "compatible with the explicitly supplied `shape` argument (%s)."
                         % (variable._shape_tuple, TensorShape(shape).as_list()
                            if TensorShape(shape).rank is not None else None))


def _scoped_name(name):
    """name under the enclosing tf.name_scope(s), as TF names variables ("outer/v")."""
    from .control_flow import current_name_scope
    scope = current_name_scope()
    return scope + name if scope else name


def _rebuild_variable(value, trainable, name):
    variable = Variable(np.asarray(value), trainable=trainable)
    variable._name = name  # the full name, scope included, as it was
    return variable


# id(slice of a variable) -> (weakref to the slice, variable, key); entries leave with the slice.
_SLICE_ORIGINS = {}


def _slice_index(key):
    """A __getitem__ key with tensors replaced by NumPy values, for NumPy's assignment."""
    if isinstance(key, tuple):
        return tuple(_slice_index(k) for k in key)
    if isinstance(key, slice):
        return slice(*(_slice_index(p) for p in (key.start, key.stop, key.step)))
    if isinstance(key, Tensor):
        return key.numpy()
    return key


def _slice_assign_attribute(self):
    entry = _SLICE_ORIGINS.get(id(self))
    if entry is None or entry[0]() is not self:
        raise AttributeError("'%s' object has no attribute 'assign'" % type(self).__name__)
    variable, key = entry[1], entry[2]

    def assign(value, name=None):
        """Writes `value` (broadcast as NumPy does) into the slice; returns the variable."""
        value = _C.convert_to_tensor(value, variable.dtype).numpy()
        array = variable.numpy().copy()
        try:
            array[_slice_index(key)] = value
        except ValueError as exc:
            from .errors import InvalidArgumentError
            raise InvalidArgumentError("[strided_slice_assign] %s: value shape %s, slice shape "
                                       "%s" % (exc, value.shape, self.shape)) from None
        return variable.assign(array)

    return assign


Tensor.assign = property(_slice_assign_attribute)
