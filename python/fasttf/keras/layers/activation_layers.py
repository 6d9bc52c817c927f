"""Activation layers: ReLU, LeakyReLU, PReLU, ELU, ThresholdedReLU, Softmax."""

from ... import _C
from .. import activations
from .. import initializers as initializers_mod
from .. import regularizers as regularizers_mod
from ._util import scalar
from .base_layer import Layer

_B = _C.BinaryOp


class ReLU(Layer):
    _built_at_init = True

    def __init__(self, max_value=None, negative_slope=0.0, threshold=0.0, **kwargs):
        super().__init__(**kwargs)
        if max_value is not None and max_value < 0:
            raise ValueError("max_value of a ReLU layer cannot be a negative value. Received: %s"
                             % (max_value,))
        if negative_slope is None or negative_slope < 0:
            raise ValueError("negative_slope of a ReLU layer cannot be a negative value. "
                             "Received: %s" % (negative_slope,))
        self.max_value, self.negative_slope, self.threshold = max_value, negative_slope, threshold
        self.supports_masking = True

    def call(self, inputs):
        return activations.relu(inputs, alpha=self.negative_slope, max_value=self.max_value,
                                threshold=self.threshold)

    def get_config(self):
        config = super().get_config()
        config.update({"max_value": self.max_value, "negative_slope": self.negative_slope,
                       "threshold": self.threshold})
        return config


class LeakyReLU(Layer):
    """max(x, alpha * x); accepts Keras 2's `alpha` (default 0.3) and Keras 3's
    `negative_slope`."""
    _built_at_init = True

    def __init__(self, alpha=None, negative_slope=None, **kwargs):
        super().__init__(**kwargs)
        slope = negative_slope if negative_slope is not None else alpha
        slope = 0.3 if slope is None else float(slope)
        if slope < 0:
            raise ValueError("The negative_slope value of a Leaky ReLU layer cannot be None or "
                             "negative. Received: %s" % (slope,))
        self.alpha = self.negative_slope = slope
        self.supports_masking = True

    def call(self, inputs):
        return activations.leaky_relu(inputs, alpha=self.negative_slope)

    def get_config(self):
        config = super().get_config()
        config["negative_slope"] = self.negative_slope
        return config


class PReLU(Layer):
    """max(x, 0) + alpha * min(x, 0) with a learned alpha per feature."""

    def __init__(self, alpha_initializer="zeros", alpha_regularizer=None, alpha_constraint=None,
                 shared_axes=None, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True
        self.alpha_initializer = initializers_mod.get(alpha_initializer)
        self.alpha_regularizer = regularizers_mod.get(alpha_regularizer)
        self.alpha_constraint = alpha_constraint
        if shared_axes is None:
            self.shared_axes = None
        elif isinstance(shared_axes, int):
            self.shared_axes = [shared_axes]
        else:
            self.shared_axes = list(shared_axes)

    def build(self, input_shape):
        shape = list(input_shape)[1:]
        for axis in self.shared_axes or []:
            shape[axis - 1] = 1
        self.alpha = self.add_weight("alpha", shape=shape, initializer=self.alpha_initializer,
                                     regularizer=self.alpha_regularizer,
                                     constraint=self.alpha_constraint)
        self.built = True

    def call(self, inputs):
        zero = scalar(0, inputs)
        pos = _C.binary_op(_B.maximum, inputs, zero)
        neg = _C.binary_op(_B.minimum, inputs, zero)
        return pos + self.alpha * neg

    def get_config(self):
        config = super().get_config()
        config.update({"alpha_initializer": initializers_mod.serialize(self.alpha_initializer),
                       "shared_axes": self.shared_axes})
        return config


class ELU(Layer):
    _built_at_init = True

    def __init__(self, alpha=1.0, **kwargs):
        super().__init__(**kwargs)
        self.alpha = float(alpha)
        self.supports_masking = True

    def call(self, inputs):
        return activations.elu(inputs, self.alpha)

    def get_config(self):
        config = super().get_config()
        config["alpha"] = self.alpha
        return config


class ThresholdedReLU(Layer):
    def __init__(self, theta=1.0, **kwargs):
        super().__init__(**kwargs)
        self.theta = float(theta)

    def call(self, inputs):
        keep = _C.binary_op(_B.greater, inputs, scalar(self.theta, inputs))
        return _C.where(keep, inputs, _C.zeros([], inputs.dtype))

    def get_config(self):
        config = super().get_config()
        config["theta"] = self.theta
        return config


class Softmax(Layer):
    _built_at_init = True

    def __init__(self, axis=-1, **kwargs):
        super().__init__(**kwargs)
        self.axis = axis
        self.supports_masking = True

    def call(self, inputs, mask=None):
        if mask is not None:
            # Masked positions get a large negative logit, so they receive ~0 probability.
            big = scalar(-1e9 if inputs.dtype.name != "float16" else -6e4, inputs)
            inputs = _C.where(mask, inputs, big)
        if isinstance(self.axis, (list, tuple)):
            from ... import math as tfm
            shifted = inputs - _C.stop_gradient(tfm.reduce_max(inputs, self.axis, keepdims=True))
            e = tfm.exp(shifted)
            return e / tfm.reduce_sum(e, self.axis, keepdims=True)
        return activations.softmax(inputs, axis=self.axis)

    def get_config(self):
        config = super().get_config()
        config["axis"] = self.axis
        return config
