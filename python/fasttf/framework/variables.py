"""tf.Variable: a tensor with a name, a trainable flag and in-place assignment.

A Variable is a subclass of the C++ Tensor, so every op takes it directly; the C++ core knows
it is a trainable variable, which is how tapes watch it on first use.
"""

import weakref

import numpy as np

from .. import _C
from . import dtypes
from .tensor import Tensor, _numpy_text

_BinaryOp = _C.BinaryOp


class VariableSynchronization:
    AUTO = 0
    NONE = 1
    ON_WRITE = 2
    ON_READ = 3


class VariableAggregation:
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
        if callable(initial_value):
            initial_value = initial_value()
        if dtype is not None:
            dtype = dtypes.as_dtype(dtype)
            if isinstance(initial_value, Tensor) and initial_value.dtype != dtype:
                initial_value = _C.cast(initial_value, dtype)
        super().__init__(initial_value, dtype)
        if trainable is None:
            trainable = synchronization != VariableSynchronization.ON_READ
        self._trainable_flag = bool(trainable)
        self._mark_variable(self._trainable_flag and self.dtype.is_floating)
        base = name if name is not None else "Variable"
        self._name = base if base.endswith(":0") else base + ":0"
        self._constraint = constraint
        self._shape_spec = shape
        self._synchronization = synchronization
        self._aggregation = aggregation

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
    def assign(self, value, use_locking=None, name=None, read_value=True):
        _C.assign(self, value)
        return self if read_value else None

    def assign_add(self, delta, use_locking=None, name=None, read_value=True):
        _C.assign_binary(self, delta, _BinaryOp.add)
        return self if read_value else None

    def assign_sub(self, delta, use_locking=None, name=None, read_value=True):
        _C.assign_binary(self, delta, _BinaryOp.sub)
        return self if read_value else None

    def scatter_nd_update(self, indices, updates, name=None):
        from .. import tensor_scatter_nd_update
        return self.assign(tensor_scatter_nd_update(self, indices, updates))

    def scatter_nd_add(self, indices, updates, name=None):
        from .. import tensor_scatter_nd_add
        return self.assign(tensor_scatter_nd_add(self, indices, updates))

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
        return self + other

    def __isub__(self, other):
        return self - other


def _rebuild_variable(value, trainable, name):
    return Variable(np.asarray(value), trainable=trainable, name=name[:-2] if name.endswith(":0")
                    else name)


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
        variable.assign(array)
        return variable

    return assign


Tensor.assign = property(_slice_assign_attribute)
