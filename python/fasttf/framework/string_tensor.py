"""String tensors (dtype tf.string), kept in Python: the C++ core stays numeric.

A StringTensor holds a read-only NumPy object array of `bytes` (str is encoded UTF-8, as TF
does). It is a Python subclass of tf.Tensor so that `isinstance(x, tf.Tensor)` and
`tf.is_tensor` hold, but it is made with Tensor.__new__ and never runs Tensor.__init__: its
C++ part (the holder of a TensorImpl) is never constructed, so a C++ op handed one cannot read
numbers from it: pybind11 refuses the conversion, and the bindings (csrc/bindings/convert.h)
turn that into TF's InvalidArgumentError ("Value for attr 'T' of string is not in the list of
allowed values"). Everything a tensor shows in Python (shape, dtype, printing,
indexing, ==, +) is defined here instead; the array ops that TF runs on strings dispatch to
python/fasttf/string_array_ops.py.
"""

import numpy as np

from .. import _C
from . import dtypes
from .errors import InvalidArgumentError
from .tensor import Tensor, _numpy_text
from .tensor_shape import TensorShape

_new_instance = Tensor.__new__


class StringTensor(Tensor):
    """A tf.Tensor of dtype tf.string (see the module docstring)."""

    def __init__(self, *args, **kwargs):
        # Tensor.__init__ would build a numeric C++ tensor behind this object; refuse it.
        raise TypeError("string tensors are made with tf.constant or tf.convert_to_tensor")

    # ---------------------------------------------------------------- metadata

    shape = property(lambda self: TensorShape._from_ints(self._value.shape))
    dtype = property(lambda self: dtypes.string)
    ndim = property(lambda self: self._value.ndim)
    _shape_tuple = property(lambda self: self._value.shape)
    # A key for caches (tf.function's signature); a str, so it is never taken as a C++ enum.
    _dtype_enum = property(lambda self: "string")
    _is_variable = property(lambda self: False)
    _trainable = property(lambda self: False)
    _is_contiguous = property(lambda self: True)
    _id = property(lambda self: -id(self))  # never equal to a C++ tensor's (positive) id

    def _numel(self):
        return self._value.size

    def get_shape(self):
        return self.shape

    def numpy(self):
        """bytes for a scalar, else a fresh object array of bytes (as TF)."""
        if self._value.ndim == 0:
            return self._value[()]
        return self._value.copy()

    def _mark_variable(self, trainable):
        raise TypeError("fasttf variables do not hold strings")

    def _shares_storage_with(self, other):
        return isinstance(other, StringTensor) and other._value is self._value

    # ---------------------------------------------------------------- presentation

    def __str__(self):
        return "tf.Tensor(%s, shape=%s, dtype=string)" % (
            _numpy_text(self._value, False), self.shape)

    def __repr__(self):
        # A scalar shows as its bytes (not through np.asarray, which would drop trailing NULs).
        text = repr(self._value[()]) if self._value.ndim == 0 else _numpy_text(self._value, True)
        return "<tf.Tensor: shape=%s, dtype=string, numpy=%s>" % (self.shape, text)

    def __format__(self, format_spec):
        return self.numpy().__format__(format_spec)

    def __array__(self, dtype=None, copy=None):
        return self._value.copy() if dtype is None else self._value.astype(dtype)

    def __reduce__(self):
        return constant, (self._value.copy(),)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    # ---------------------------------------------------------------- sequence protocol

    def __len__(self):
        if self._value.ndim == 0:
            raise TypeError("Scalar tensor has no `len()`")
        return self._value.shape[0]

    def __iter__(self):
        if self._value.ndim == 0:
            raise TypeError("Cannot iterate over a scalar tensor.")
        for i in range(self._value.shape[0]):
            yield from_array(self._value[i, ...])

    def __getitem__(self, key):
        # The key is applied to a tensor of element positions, so that indexing, slicing,
        # boolean masks and their errors are exactly those of numeric tensors.
        return take(self, positions(self)[key])

    def __bool__(self):
        return bool(self._scalar())

    def __float__(self):
        return float(self._scalar())

    def __int__(self):
        return int(self._scalar())

    def __index__(self):
        raise TypeError("Only scalar integer tensors can be used as an index")

    def _scalar(self):
        if self._value.size != 1:
            raise ValueError("The truth value of an array with more than one element is "
                             "ambiguous.")
        return self._value.reshape(-1)[0]

    # ---------------------------------------------------------------- operators

    def __eq__(self, other):
        if other is None:
            return False
        return compare(self, other, False, incompatible_shape_error=False)

    def __ne__(self, other):
        if other is None:
            return True
        return compare(self, other, True, incompatible_shape_error=False)

    __hash__ = None

    def __add__(self, other):
        return add(self, other)

    def __radd__(self, other):
        return add(other, self)


def _unsupported(op_name):
    def operator(self, *other):
        for value in other:  # as TF: the operand converts to string first (TypeError)
            if not isinstance(value, StringTensor):
                convert(value, dtypes.string)
        raise InvalidArgumentError(
            "Value for attr 'T' of string is not in the list of allowed values [Op:%s]"
            % op_name)
    operator.__name__ = op_name
    return operator


# Every numeric operator Tensor defines in C++ is replaced, so that none reaches C++ with a
# string tensor; TF's kernels for these ops refuse strings with InvalidArgumentError.
for _name, _op in [("sub", "Sub"), ("mul", "Mul"), ("truediv", "RealDiv"),
                   ("floordiv", "FloorDiv"), ("mod", "FloorMod"), ("pow", "Pow"),
                   ("matmul", "MatMul"), ("and", "BitwiseAnd"), ("or", "BitwiseOr"),
                   ("xor", "BitwiseXor")]:
    setattr(StringTensor, "__%s__" % _name, _unsupported(_op))
    setattr(StringTensor, "__r%s__" % _name, _unsupported(_op))
for _name, _op in [("lt", "Less"), ("le", "LessEqual"), ("gt", "Greater"),
                   ("ge", "GreaterEqual"), ("neg", "Neg"), ("abs", "Abs"),
                   ("invert", "Invert")]:
    setattr(StringTensor, "__%s__" % _name, _unsupported(_op))


# -------------------------------------------------------------------- construction


def from_array(array):
    """A StringTensor over `array` (an object array of bytes, taken as is, not copied)."""
    array.flags.writeable = False
    t = _new_instance(StringTensor)
    t._value = array
    return t


def _encode(item):
    if isinstance(item, bytes):
        return bytes(item)  # np.bytes_ -> bytes
    if isinstance(item, str):
        return item.encode("utf-8")
    return None


def _object_array(shape, items):
    out = np.empty(len(items), dtype=object)
    out[:] = items
    return out.reshape(shape)


def _from_numpy(value):
    kind = value.dtype.kind
    if kind == "S":
        items = [bytes(v) for v in value.reshape(-1).tolist()]
    elif kind == "U":
        items = [v.encode("utf-8") for v in value.reshape(-1).tolist()]
    else:
        items = []
        for v in value.reshape(-1):
            b = _encode(v)
            if b is None:
                raise ValueError("Failed to convert a NumPy array to a Tensor (Unsupported "
                                 "object type %s)." % type(v).__name__)
            items.append(b)
    return _object_array(value.shape, items)


def _from_nested(value):
    """A nested list/tuple of str/bytes (or string scalars) as an object array, with TF's
    errors for ragged nests and mixed types."""
    value = _unpack_tensors(value)
    shape = []
    probe = value
    while isinstance(probe, (list, tuple)):
        shape.append(len(probe))
        if not probe:
            break
        probe = probe[0]
    items = []

    def walk(node, depth):
        if depth == len(shape):
            if isinstance(node, (list, tuple)):
                raise ValueError("Can't convert non-rectangular Python sequence to Tensor.")
            b = _encode(node)
            if b is None:
                raise ValueError("Can't convert Python sequence with mixed types to Tensor.")
            items.append(b)
            return
        if not isinstance(node, (list, tuple)) or len(node) != shape[depth]:
            raise ValueError("Can't convert non-rectangular Python sequence to Tensor.")
        for child in node:
            walk(child, depth + 1)

    walk(value, 0)
    return _object_array(shape, items)


def _unpack_tensors(value):
    # String tensors inside a nest stand for their values (tf.constant([t1, t2]) packs them).
    if isinstance(value, StringTensor):
        return value._value.tolist()
    if isinstance(value, (list, tuple)):
        return [_unpack_tensors(v) for v in value]
    return value


def _first_leaf(value):
    while isinstance(value, (list, tuple)):
        if not value:
            return None
        value = value[0]
    return value


def is_string_value(value):
    """Whether a value converts to a string tensor (its first leaf decides for a nest)."""
    if isinstance(value, (str, bytes, StringTensor)):
        return True
    if isinstance(value, np.ndarray):
        return value.dtype.kind in "OSU"
    if isinstance(value, (list, tuple)):
        leaf = _first_leaf(value)
        return isinstance(leaf, (str, bytes, StringTensor))
    return False


def any_string_value(x, y):
    return is_string_value(x) or is_string_value(y)


# The classes for which constant/convert_to_tensor ask is_string_value: one set lookup keeps
# the check off the numeric fast path (Tensors, Python numbers).
CANDIDATE_TYPES = frozenset({str, bytes, np.str_, np.bytes_, list, tuple, np.ndarray,
                             StringTensor})


def convert(value, dtype=None):
    """tf.convert_to_tensor for a string value, or any value with dtype=tf.string."""
    if isinstance(value, Tensor) and dtype is not None and value.dtype != dtype:
        raise ValueError("Tensor conversion requested dtype %s for Tensor with dtype %s: %r"
                         % (dtype.name, value.dtype.name, value))
    if dtype is not None and dtype != dtypes.string:
        raise TypeError("Cannot convert %r to EagerTensor of dtype %s"
                        % (value, "float" if dtype == dtypes.float32 else dtype.name))
    if isinstance(value, StringTensor):
        return value
    if isinstance(value, Tensor):
        raise TypeError("Cannot convert %r to EagerTensor of dtype string" % (value,))
    b = _encode(value)
    if b is not None:
        return from_array(_object_array((), [b]))
    if isinstance(value, np.ndarray):
        if value.dtype.kind not in "OSU":
            raise TypeError("Cannot convert %r to EagerTensor of dtype string" % (value,))
        return from_array(_from_numpy(value))
    if isinstance(value, (list, tuple)):
        leaf = _first_leaf(value)
        if leaf is not None and _encode(leaf) is None and not isinstance(leaf, StringTensor):
            raise TypeError("Cannot convert %r to EagerTensor of dtype string" % (value,))
        return from_array(_from_nested(value))
    raise TypeError("Cannot convert %r to EagerTensor of dtype string" % (value,))


def constant(value, dtype=None, shape=None):
    """tf.constant for strings: as convert, plus `shape` (reshape, or broadcast a scalar)."""
    if isinstance(value, Tensor) and dtype is not None and \
            (value.dtype == dtypes.string) != (dtype == dtypes.string):
        raise TypeError("Expected tensor %s with dtype %r, but got dtype %r."
                        % (value.numpy(), dtype, value.dtype))
    t = convert(value, dtype)
    if shape is None:
        return t
    from .constant_op import shape_list
    dims = shape_list(shape, "constant")
    count = int(np.prod(dims))
    if t._value.size == 1 and count != 1:
        return from_array(np.broadcast_to(t._value.reshape(()), dims).copy())
    if count != t._value.size:
        raise TypeError("Eager execution of tf.constant with unsupported shape. Tensor %s "
                        "(converted from %r) has %d elements, but got `shape` %s with %d "
                        "elements)." % (t, value, t._value.size, tuple(dims), count))
    return from_array(t._value.reshape(dims))


# -------------------------------------------------------------------- positions


def positions(t):
    """An int64 tensor of t's flat element positions, shaped like t: array ops run on it with
    the numeric kernels (and their checks), and take() maps the result back to strings."""
    return _C.convert_to_tensor(np.arange(t._value.size, dtype=np.int64).reshape(
        t._value.shape), dtypes.int64)


def take(source, index):
    """The strings of `source` (a StringTensor or flat object array) at the positions in
    `index` (an int64 tensor from positions())."""
    flat = source._value.reshape(-1) if isinstance(source, StringTensor) else source
    idx = index.numpy()
    return from_array(flat[idx.reshape(-1)].reshape(idx.shape))


# -------------------------------------------------------------------- ==, !=, +


def _operands(x, y, op_name):
    """Both operands as string tensors, converted as TF's binary ops do (a non-tensor takes
    the tensor's dtype: TypeError if it is not a string; a numeric tensor: InvalidArgument)."""
    pair = []
    for index, value in enumerate((x, y)):
        if isinstance(value, StringTensor):
            pair.append(value)
        elif isinstance(value, Tensor):
            raise InvalidArgumentError(
                "cannot compute %s as input #%d(zero-based) was expected to be a string tensor "
                "but is a %s tensor [Op:%s]" % (op_name, index, value.dtype.name, op_name))
        else:
            pair.append(convert(value, dtypes.string))
    return pair


def _broadcast(a, b, op_name, incompatible_shape_error=True):
    try:
        return np.broadcast_arrays(a._value, b._value)
    except ValueError:
        if not incompatible_shape_error:
            return None
        raise InvalidArgumentError("Incompatible shapes: %s vs. %s [Op:%s]" % (
            list(a._value.shape), list(b._value.shape), op_name)) from None


def compare(x, y, negate, incompatible_shape_error=True):
    """tf.equal / tf.not_equal (and ==, != with incompatible_shape_error=False, which give a
    scalar False / True for shapes that do not broadcast, as TF)."""
    op_name = "NotEqual" if negate else "Equal"
    a, b = _operands(x, y, op_name)
    pair = _broadcast(a, b, op_name, incompatible_shape_error)
    if pair is None:
        return _C.convert_to_tensor(negate, dtypes.bool_)
    out = np.frompyfunc(lambda u, v: u == v, 2, 1)(*pair)
    out = np.asarray(out, dtype=bool)
    return _C.convert_to_tensor(~out if negate else out, dtypes.bool_)


def add(x, y):
    """tf.add / + on strings: elementwise concatenation with broadcasting (TF's AddV2)."""
    if is_string_value(x) and not isinstance(y, Tensor) and not is_string_value(y):
        # As TF's math_ops.add: y's conversion with x's dtype is a mere hint; y converts by
        # itself and the op refuses it (tf.constant('a') + 1 is an InvalidArgumentError).
        from .constant_op import convert_to_tensor
        y = convert_to_tensor(y)
    a, b = _operands(x, y, "AddV2")
    pair = _broadcast(a, b, "AddV2")
    out = np.frompyfunc(lambda u, v: u + v, 2, 1)(*pair)
    return from_array(np.asarray(out, dtype=object))


def cast(x, dtype):
    """tf.cast with tf.string on either side: only string -> string, as TF (the conversions
    are tf.strings.to_number and tf.strings.as_string)."""
    from .errors import UnimplementedError
    source = x.dtype
    if source == dtypes.string and dtype == dtypes.string:
        return x
    raise UnimplementedError("Cast %s to %s is not supported [Op:Cast]" % (
        "float" if source == dtypes.float32 else source.name,
        "float" if dtype == dtypes.float32 else dtype.name))


def fill(dims, value):
    """tf.fill / tf.zeros with a string value: every element the same bytes."""
    from .constant_op import shape_list
    dims = shape_list(dims, "fill")
    if any(d < 0 for d in dims):
        raise InvalidArgumentError("[fill] dims must be non-negative, got %s" % (dims,))
    if value._value.ndim > 1 or value._value.size != 1:  # as TF, a [1] value is a scalar
        raise InvalidArgumentError("value must represent a scalar, got shape %s [Op:Fill]"
                                   % (list(value._value.shape),))
    count = 1
    for d in dims:  # Python ints: no silent overflow (np.prod wraps around)
        count *= d
    if count > (1 << 59):  # 8-byte references, the C++ core's 2**62-byte limit
        from .errors import ResourceExhaustedError
        raise ResourceExhaustedError(None, None, "[fill] shape %s is too large to allocate"
                                     % (tuple(dims),))
    out = np.empty(count, dtype=object)
    out.fill(value._value.reshape(-1)[0])  # no temporary list as long as the array
    return from_array(out.reshape(dims))

