"""tf.DType objects (tf.float32, ...) mirroring the C++ enum in csrc/core/dtype.h."""

import numpy as np

_NAMES = ["bool", "uint8", "int8", "int16", "int32", "int64", "float16", "bfloat16",
          "float32", "float64"]
_NUMPY = [np.bool_, np.uint8, np.int8, np.int16, np.int32, np.int64, np.float16, np.float32,
          np.float32, np.float64]


class DType:
    """An element type, as tf.DType: `name`, `as_numpy_dtype`, `is_floating`, `min`/`max`..."""

    __slots__ = ("_enum",)

    def __init__(self, enum):
        self._enum = enum

    @property
    def name(self):
        return _NAMES[self._enum]

    @property
    def as_numpy_dtype(self):
        return _NUMPY[self._enum]

    @property
    def as_datatype_enum(self):
        return self._enum

    @property
    def base_dtype(self):
        return self

    @property
    def real_dtype(self):
        return self

    @property
    def is_floating(self):
        return self.name.startswith("float") or self.name == "bfloat16"

    @property
    def is_integer(self):
        return self.name.startswith("int") or self.name.startswith("uint")

    @property
    def is_unsigned(self):
        return self.name.startswith("uint") or self.name == "bool"

    @property
    def is_bool(self):
        return self._enum == 0

    @property
    def is_complex(self):
        return False

    @property
    def is_numpy_compatible(self):
        return self.name != "bfloat16"

    @property
    def size(self):
        return {"bool": 1, "uint8": 1, "int8": 1, "int16": 2, "int32": 4, "int64": 8,
                "float16": 2, "bfloat16": 2, "float32": 4, "float64": 8}[self.name]

    @property
    def min(self):
        if self.is_bool:  # as TF
            raise TypeError("Cannot find minimum value of %s with type %s." % (self, self))
        if self.name == "bfloat16":
            return float(-3.3895313892515355e38)
        info = np.finfo if self.is_floating else np.iinfo
        return info(self.as_numpy_dtype).min

    @property
    def max(self):
        if self.is_bool:
            raise TypeError("Cannot find maximum value of %s with type %s." % (self, self))
        if self.name == "bfloat16":
            return float(3.3895313892515355e38)
        info = np.finfo if self.is_floating else np.iinfo
        return info(self.as_numpy_dtype).max

    def is_compatible_with(self, other):
        return self == as_dtype(other)

    def __eq__(self, other):
        if other is None:
            return False
        try:
            return self._enum == as_dtype(other)._enum
        except (TypeError, AttributeError):  # AttributeError: tf.string has no numeric enum
            return False

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return self._enum

    def __repr__(self):
        return "tf." + self.name

    def __str__(self):
        return "<dtype: '%s'>" % self.name

    def __reduce__(self):
        return as_dtype, (self.name,)


bool_ = DType(0)
uint8 = DType(1)
int8 = DType(2)
int16 = DType(3)
int32 = DType(4)
int64 = DType(5)
float16 = DType(6)
half = float16
bfloat16 = DType(7)
float32 = DType(8)
float64 = DType(9)
double = float64

_BY_ENUM = [bool_, uint8, int8, int16, int32, int64, float16, bfloat16, float32, float64]
_BY_NAME = {d.name: d for d in _BY_ENUM}
_BY_NAME.update({"half": float16, "float": float32, "double": float64})


class _StringDType(DType):
    """tf.string. It lives only in Python (string tensors are NumPy object arrays of bytes), so
    it has no `_enum`: the C++ dtype converter reads that attribute as a numeric enum without a
    range check, and without it tf.string reaching C++ is refused there with TypeError."""

    __slots__ = ()

    def __init__(self):
        pass  # the `_enum` slot stays unset on purpose (see the class docstring)

    name = property(lambda self: "string")
    as_numpy_dtype = property(lambda self: object)
    is_floating = is_integer = is_unsigned = is_bool = property(lambda self: False)
    is_numpy_compatible = property(lambda self: True)
    size = property(lambda self: 0)  # as TF

    @property
    def as_datatype_enum(self):
        raise AttributeError("tf.string has no numeric dtype enum in fasttf")

    @property
    def min(self):
        raise TypeError("Cannot find minimum value of %s with type %s." % (self, self))

    @property
    def max(self):
        raise TypeError("Cannot find maximum value of %s with type %s." % (self, self))

    def __eq__(self, other):
        if other is None:
            return False
        try:
            return as_dtype(other) is self
        except TypeError:
            return False

    def __hash__(self):
        return hash("string")


string = _StringDType()
_BY_NAME["string"] = string


def from_enum(enum):
    return _BY_ENUM[enum]


def as_dtype(type_value):
    """tf.as_dtype: DType, name, NumPy dtype or type, or the builtins float/int/bool."""
    if isinstance(type_value, DType):
        return type_value
    if type_value is float:
        return float32
    if type_value is bool:
        return bool_
    if any(type_value is t for t in (str, bytes, int)):  # as TF: these types are not dtypes
        # (identity: a NumPy dtype compares equal to int)
        raise TypeError("Cannot convert the argument `type_value`: %r to a TensorFlow DType."
                        % (type_value,))
    if isinstance(type_value, str):
        if type_value in _BY_NAME:
            return _BY_NAME[type_value]
        raise TypeError("Cannot convert value %r to a TensorFlow DType." % (type_value,))
    enum = getattr(type_value, "_enum", None)
    if isinstance(enum, int):
        return _BY_ENUM[enum]
    try:
        np_dtype = np.dtype(type_value)
    except TypeError:
        raise TypeError("Cannot convert value %r to a TensorFlow DType." % (type_value,)) from None
    if np_dtype.name in _BY_NAME:
        return _BY_NAME[np_dtype.name]
    if np_dtype.kind in "OSU":  # np.object_, np.bytes_, np.str_: TF's string
        return string
    raise TypeError("Cannot convert value %r to a TensorFlow DType: fasttf supports %s."
                    % (type_value, ", ".join(_NAMES)))
