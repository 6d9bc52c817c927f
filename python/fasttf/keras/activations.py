"""tf.keras.activations: activation functions by name, built from fasttf ops (tape-aware)."""

from .. import _C
from ..framework.constant_op import convert_to_tensor
from ..framework.tensor import Tensor

_U = _C.UnaryOp
_B = _C.BinaryOp


def _t(x):
    return x if isinstance(x, Tensor) else convert_to_tensor(x)


def _unary(op, x):
    return _C.unary_op(op, _t(x))


def linear(x):
    return x


def relu(x, alpha=0.0, max_value=None, threshold=0.0):
    x = _t(x)
    if alpha == 0 and threshold == 0:
        out = _C.unary_op(_U.relu, x)
    else:
        from .. import math as tfm
        above = tfm.greater(x, _C.convert_to_tensor(threshold, x.dtype))
        out = _C.where(above, x, (x - threshold) * alpha)
    if max_value is not None:
        out = _C.binary_op(_B.minimum, out, _C.convert_to_tensor(max_value, x.dtype))
    return out


def relu6(x):
    return _unary(_U.relu6, x)


def sigmoid(x):
    return _unary(_U.sigmoid, x)


def tanh(x):
    return _unary(_U.tanh, x)


def elu(x, alpha=1.0):
    x = _t(x)
    if alpha == 1.0:
        return _C.unary_op(_U.elu, x)
    from .. import math as tfm
    return _C.where(tfm.greater(x, _C.zeros([], x.dtype)), x,
                    _C.unary_op(_U.expm1, x) * alpha)


def selu(x):
    return _unary(_U.selu, x)


def softplus(x):
    return _unary(_U.softplus, x)


def softsign(x):
    return _unary(_U.softsign, x)


def swish(x):
    return _unary(_U.swish, x)


silu = swish


def gelu(x, approximate=False):
    return _unary(_U.gelu_tanh if approximate else _U.gelu, x)


def exponential(x):
    return _unary(_U.exp, x)


def hard_sigmoid(x):
    x = _t(x)
    return _C.clip_by_value(x * 0.2 + 0.5, 0.0, 1.0)


def leaky_relu(x, alpha=0.2):
    x = _t(x)
    return _C.binary_op(_B.maximum, x, x * alpha) if 0 <= alpha <= 1 else _C.where(
        _C.binary_op(_B.greater, x, _C.zeros([], x.dtype)), x, x * alpha)


def softmax(x, axis=-1):
    x = _t(x)
    try:
        from .. import nn
        return nn.softmax(x, axis=axis)
    except (ImportError, AttributeError):
        pass
    # exp(x - max) / sum: the max is a constant shift, so it needs no gradient.
    shifted = x - _C.stop_gradient(_C.reduce(_C.ReduceOp.max, x, [axis], True))
    e = _C.unary_op(_U.exp, shifted)
    return e / _C.reduce(_C.ReduceOp.sum, e, [axis], True)


def log_softmax(x, axis=-1):
    x = _t(x)
    shifted = x - _C.stop_gradient(_C.reduce(_C.ReduceOp.max, x, [axis], True))
    return shifted - _C.unary_op(_U.log, _C.reduce(
        _C.ReduceOp.sum, _C.unary_op(_U.exp, shifted), [axis], True))


_BY_NAME = {
    "linear": linear, "relu": relu, "relu6": relu6, "sigmoid": sigmoid, "tanh": tanh,
    "elu": elu, "selu": selu, "softplus": softplus, "softsign": softsign, "swish": swish,
    "silu": swish, "gelu": gelu, "exponential": exponential, "hard_sigmoid": hard_sigmoid,
    "softmax": softmax, "log_softmax": log_softmax, "leaky_relu": leaky_relu,
}


def get(identifier):
    """None -> linear; a name -> the function; a callable -> itself."""
    if identifier is None:
        return linear
    if isinstance(identifier, str):
        fn = _BY_NAME.get(identifier)
        if fn is None:
            raise ValueError("Unknown activation function: '%s'. Please ensure you are using a "
                             "`keras.utils.custom_object_scope` and that this object is included "
                             "in the scope." % identifier)
        return fn
    if isinstance(identifier, dict):
        return get(identifier.get("config", identifier).get("name", identifier.get("class_name")))
    if callable(identifier):
        return identifier
    raise TypeError("Could not interpret activation function identifier: %r" % (identifier,))


def serialize(activation):
    name = getattr(activation, "__name__", None)
    if name in _BY_NAME and _BY_NAME[name] is activation:
        return name
    return name or repr(activation)


def deserialize(name, custom_objects=None):
    if custom_objects and name in custom_objects:
        return custom_objects[name]
    return get(name)
