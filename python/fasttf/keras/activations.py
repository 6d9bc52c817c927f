"""tf.keras.activations: activation functions by name, built from fasttf ops (tape-aware)."""

from .. import _C
from ..framework.constant_op import convert_to_tensor, zeros_like
from ..framework.tensor import Tensor

_U = _C.UnaryOp
_B = _C.BinaryOp


def _t(x):
    return x if isinstance(x, Tensor) else convert_to_tensor(x)


def _unary(op, x):
    return _C.unary_op(op, _t(x))


def linear(x):
    return x


def relu(x, negative_slope=0.0, max_value=None, threshold=0.0, alpha=None):
    """Keras 3's relu(x, negative_slope, max_value, threshold); Keras 2's `alpha` is accepted
    as the same slope. Below the threshold the result is +0 (not -0) without a slope."""
    if alpha is not None:
        negative_slope = alpha
    x = _t(x)
    if negative_slope == 0 and threshold == 0:
        out = _C.unary_op(_U.relu, x)
    else:
        from .. import math as tfm
        above = tfm.greater(x, _C.convert_to_tensor(threshold, x.dtype))
        below = (x - threshold) * negative_slope if negative_slope else zeros_like(x)
        out = _C.where(above, x, below)
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
    """relu6(x + 3) / 6, as Keras 3 (Keras 2 used clip(0.2 x + 0.5, 0, 1))."""
    x = _t(x)
    return _C.unary_op(_U.relu6, x + 3.0) / 6.0


def hard_silu(x):
    x = _t(x)
    return x * hard_sigmoid(x)


hard_swish = hard_silu


def leaky_relu(x, negative_slope=0.2, alpha=None):
    """max(x, slope * x); Keras 2's `alpha` is accepted as the slope."""
    slope = negative_slope if alpha is None else alpha
    x = _t(x)
    return _C.binary_op(_B.maximum, x, x * slope) if 0 <= slope <= 1 else _C.where(
        _C.binary_op(_B.greater, x, _C.zeros([], x.dtype)), x, x * slope)


def mish(x):
    x = _t(x)
    return x * tanh(softplus(x))


def log_sigmoid(x):
    return -softplus(-_t(x))


def celu(x, alpha=1.0):
    x = _t(x)
    from .. import math as tfm
    return tfm.maximum(x, 0.0) + tfm.minimum(alpha * tfm.expm1(x / alpha), 0.0)


def hard_tanh(x):
    return _C.clip_by_value(_t(x), -1.0, 1.0)


def tanh_shrink(x):
    x = _t(x)
    return x - tanh(x)


def squareplus(x, b=4):
    x = _t(x)
    from .. import math as tfm
    return (x + tfm.sqrt(x * x + b)) / 2.0


def soft_shrink(x, threshold=0.5):
    x = _t(x)
    from .. import math as tfm
    return _C.where(tfm.greater(x, threshold), x - threshold,
                    _C.where(tfm.less(x, -threshold), x + threshold, zeros_like(x)))


def hard_shrink(x, threshold=0.5):
    x = _t(x)
    from .. import math as tfm
    return _C.where(tfm.greater(tfm.abs(x), threshold), x, zeros_like(x))


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
    "hard_silu": hard_silu, "hard_swish": hard_silu, "mish": mish, "log_sigmoid": log_sigmoid,
    "celu": celu, "hard_tanh": hard_tanh, "tanh_shrink": tanh_shrink, "squareplus": squareplus,
    "soft_shrink": soft_shrink, "hard_shrink": hard_shrink,
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
