"""Tensor operations in a Keras 3 functional graph. Keras writes a `keras.ops` call on Keras
tensors as a node of class keras.src.ops.<module>.<Op> (config: the op's keyword arguments),
and so the masks its layers compute while the graph is built (Embedding(mask_zero=True) gives
`not_equal`, Masking `not_equal` + `any`, a merge `logical_or`), which later layers receive as
`mask=`. Each is rebuilt here as a layer calling fasttf's op, and saved back the same way."""

from ... import _C
from .. import layers


def _tf():
    import fasttf
    return fasttf


def _reduction(name):
    return lambda x, axis=None, keepdims=False: getattr(_tf(), name)(x, axis=axis,
                                                                     keepdims=keepdims)


def _elementwise(name):
    return lambda *args: getattr(_tf().math, name)(*args)


# Keras op class -> function of (call arguments, **config without "name").
_OPS = {
    **{op: _elementwise(fn) for op, fn in (
        ("NotEqual", "not_equal"), ("Equal", "equal"), ("Greater", "greater"),
        ("GreaterEqual", "greater_equal"), ("Less", "less"), ("LessEqual", "less_equal"),
        ("LogicalAnd", "logical_and"), ("LogicalOr", "logical_or"),
        ("LogicalNot", "logical_not"), ("LogicalXor", "logical_xor"), ("Add", "add"),
        ("Subtract", "subtract"), ("Multiply", "multiply"), ("Divide", "divide"),
        ("Negative", "negative"), ("Abs", "abs"), ("Square", "square"), ("Sqrt", "sqrt"),
        ("Exp", "exp"), ("Log", "log"), ("Maximum", "maximum"), ("Minimum", "minimum"))},
    **{op: _reduction(fn) for op, fn in (
        ("Any", "reduce_any"), ("All", "reduce_all"), ("Sum", "reduce_sum"),
        ("Mean", "reduce_mean"), ("Max", "reduce_max"), ("Min", "reduce_min"),
        ("Prod", "reduce_prod"))},
    "Matmul": lambda a, b: _tf().linalg.matmul(a, b),
    "ExpandDims": lambda x, axis: _tf().expand_dims(x, axis),
    "Squeeze": lambda x, axis=None: _tf().squeeze(x, axis),
    "Cast": lambda x, dtype: _tf().cast(x, dtype),
    "Reshape": lambda x, newshape: _tf().reshape(x, [-1 if d is None else d for d in newshape]),
    "Transpose": lambda x, axes=None: _tf().transpose(x, axes),
}

_CLASSES = {}


class _OpNode(layers.Layer):
    """A Keras op as a layer: call(*tensors and constants) -> op(..., **config)."""

    _op = None
    _built_at_init = True

    def __init__(self, name=None, **op_config):
        super().__init__(name=name)
        self._op_config = op_config

    def call(self, *args):
        args = [_C.convert_to_tensor(a) if isinstance(a, list) else a for a in args]
        return _OPS[type(self).__name__](*args, **self._op_config)

    def get_config(self):
        return {"name": self.name, **self._op_config}

    @classmethod
    def from_config(cls, config):
        return cls(**config)


def is_op_spec(spec):
    return str(spec.get("module") or "").startswith("keras.src.ops.")


def op_class(spec):
    """The layer class for a Keras op node (one per op and Keras module, so that saving
    writes the same module and class name back)."""
    name, module = spec["class_name"], spec["module"]
    if name not in _OPS:
        from .errors import SavingError
        raise SavingError("Unknown operation %r (%s) in the model: fasttf rebuilds %s"
                          % (name, module, ", ".join(sorted(_OPS))))
    key = (module, name)
    if key not in _CLASSES:
        _CLASSES[key] = type(name, (_OpNode,), {"__module__": module})
    return _CLASSES[key]
