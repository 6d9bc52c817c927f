"""BatchNormalization and LayerNormalization, composed from reduce / elementwise ops."""

from ... import _C
from .. import initializers as initializers_mod
from .. import constraints as constraints_mod
from .. import regularizers as regularizers_mod
from .base_layer import Layer
from .input_spec import InputSpec

_R = _C.ReduceOp
_U = _C.UnaryOp


def _moments(x, axes):
    mean = _C.reduce(_R.mean, x, axes, True)
    variance = _C.reduce(_R.mean, _C.unary_op(_U.square, x - _C.stop_gradient(mean)), axes, True)
    # Centering on stop_gradient(mean) keeps the value exact; add back mean's gradient path:
    variance = variance - _C.unary_op(_U.square, mean - _C.stop_gradient(mean))
    return mean, variance


def _weight_configs(layer, names, moving=False):
    """The initializer/regularizer/constraint entries of get_config for beta and gamma (and
    the moving statistics' initializers), as Keras lists them."""
    config = {}
    for name in names:
        config[name + "_initializer"] = initializers_mod.serialize(
            getattr(layer, name + "_initializer"))
        config[name + "_regularizer"] = regularizers_mod.serialize(
            getattr(layer, name + "_regularizer", None))
        config[name + "_constraint"] = constraints_mod.serialize(
            getattr(layer, name + "_constraint", None))
    if moving:
        for name in ("moving_mean", "moving_variance"):
            config[name + "_initializer"] = initializers_mod.serialize(
                getattr(layer, name + "_initializer"))
    return config


class BatchNormalization(Layer):
    """Normalises with the batch statistics in training (and updates the moving averages),
    with the moving averages in inference."""

    def __init__(self, axis=-1, momentum=0.99, epsilon=1e-3, center=True, scale=True,
                 beta_initializer="zeros", gamma_initializer="ones",
                 moving_mean_initializer="zeros", moving_variance_initializer="ones",
                 beta_regularizer=None, gamma_regularizer=None, beta_constraint=None,
                 gamma_constraint=None, synchronized=False, fused=None, renorm=False,
                 virtual_batch_size=None, adjustment=None, **kwargs):
        kwargs.pop("renorm_clipping", None)
        kwargs.pop("renorm_momentum", None)
        super().__init__(**kwargs)
        self._axis_arg = axis   # get_config gives it back as passed (Keras 3: an int)
        self.axis = axis if isinstance(axis, (list, tuple)) else [axis]
        self.momentum, self.epsilon = float(momentum), float(epsilon)
        self.center, self.scale = center, scale
        self.beta_initializer = initializers_mod.get(beta_initializer)
        self.gamma_initializer = initializers_mod.get(gamma_initializer)
        self.moving_mean_initializer = initializers_mod.get(moving_mean_initializer)
        self.moving_variance_initializer = initializers_mod.get(moving_variance_initializer)
        self.beta_regularizer = regularizers_mod.get(beta_regularizer)
        self.gamma_regularizer = regularizers_mod.get(gamma_regularizer)
        self.beta_constraint = constraints_mod.get(beta_constraint)
        self.gamma_constraint = constraints_mod.get(gamma_constraint)
        self.renorm = renorm
        self.synchronized = synchronized
        self.supports_masking = True

    def build(self, input_shape):
        rank = len(input_shape)
        axes = [a % rank for a in self.axis]
        for a in axes:
            if input_shape[a] is None:
                raise ValueError("Axis %d of input tensor should have a defined dimension but the "
                                 "layer received an input with shape %s." % (a, input_shape))
        self._axes = axes
        self._reduce_axes = [i for i in range(rank) if i not in axes]
        param_shape = [input_shape[a] for a in axes]
        self._broadcast_shape = [input_shape[i] if i in axes else 1 for i in range(rank)]
        self.gamma = self.add_weight("gamma", param_shape, initializer=self.gamma_initializer,
                                     regularizer=self.gamma_regularizer,
                                     constraint=self.gamma_constraint) if self.scale else None
        self.beta = self.add_weight("beta", param_shape, initializer=self.beta_initializer,
                                    regularizer=self.beta_regularizer,
                                    constraint=self.beta_constraint) if self.center else None
        self.moving_mean = self.add_weight("moving_mean", param_shape, trainable=False,
                                           initializer=self.moving_mean_initializer)
        self.moving_variance = self.add_weight("moving_variance", param_shape, trainable=False,
                                               initializer=self.moving_variance_initializer)
        self.input_spec = InputSpec(ndim=rank, axes={a: input_shape[a] for a in axes})
        self.built = True

    def _param(self, v):
        return v if len(self._axes) == 1 and self._axes[0] == len(self._broadcast_shape) - 1 \
            else _C.reshape(v, self._broadcast_shape)

    def call(self, inputs, training=None, mask=None):
        if training and self.trainable:
            mean, variance = _moments(inputs, self._reduce_axes)
            flat_mean = _C.reshape(_C.stop_gradient(mean), [-1])
            flat_var = _C.reshape(_C.stop_gradient(variance), [-1])
            decay = 1.0 - self.momentum
            self.moving_mean.assign(self.moving_mean * self.momentum + flat_mean * decay)
            self.moving_variance.assign(self.moving_variance * self.momentum + flat_var * decay)
        else:
            mean = self._param(self.moving_mean)
            variance = self._param(self.moving_variance)
        inv = _C.unary_op(_U.rsqrt, variance + self.epsilon)
        if self.gamma is not None:
            inv = inv * self._param(self.gamma)
        out = (inputs - mean) * inv
        if self.beta is not None:
            out = out + self._param(self.beta)
        return out

    def get_config(self):
        config = super().get_config()
        config.update({"axis": self._axis_arg, "momentum": self.momentum,
                       "epsilon": self.epsilon, "center": self.center, "scale": self.scale})
        # (no renorm/synchronized keys: TF-Keras 2 reads these configs from .h5 files too)
        config.update(_weight_configs(self, ("beta", "gamma"), moving=True))
        return config


class LayerNormalization(Layer):
    def __init__(self, axis=-1, epsilon=1e-3, center=True, scale=True, beta_initializer="zeros",
                 gamma_initializer="ones", beta_regularizer=None, gamma_regularizer=None,
                 beta_constraint=None, gamma_constraint=None, rms_scaling=False, **kwargs):
        super().__init__(**kwargs)
        self._axis_arg = list(axis) if isinstance(axis, (list, tuple)) else axis
        self.axis = list(axis) if isinstance(axis, (list, tuple)) else [axis]
        self.epsilon, self.center, self.scale = float(epsilon), center, scale
        self.beta_constraint = constraints_mod.get(beta_constraint)
        self.gamma_constraint = constraints_mod.get(gamma_constraint)
        self.rms_scaling = rms_scaling
        self.beta_initializer = initializers_mod.get(beta_initializer)
        self.gamma_initializer = initializers_mod.get(gamma_initializer)
        self.beta_regularizer = regularizers_mod.get(beta_regularizer)
        self.gamma_regularizer = regularizers_mod.get(gamma_regularizer)
        self.supports_masking = True

    def build(self, input_shape):
        rank = len(input_shape)
        self._axes = sorted(a % rank for a in self.axis)
        param_shape = [input_shape[a] for a in self._axes]
        self._broadcast_shape = [input_shape[i] if i in self._axes else 1 for i in range(rank)]
        self.gamma = self.add_weight("gamma", param_shape, initializer=self.gamma_initializer,
                                     regularizer=self.gamma_regularizer) if self.scale else None
        self.beta = self.add_weight("beta", param_shape, initializer=self.beta_initializer,
                                    regularizer=self.beta_regularizer) if self.center else None
        self.built = True

    def call(self, inputs):
        if self.rms_scaling:
            ms = _C.reduce(_R.mean, _C.unary_op(_U.square, inputs), self._axes, True)
            out = inputs * _C.unary_op(_U.rsqrt, ms + self.epsilon)
        else:
            mean, variance = _moments(inputs, self._axes)
            out = (inputs - mean) * _C.unary_op(_U.rsqrt, variance + self.epsilon)
        if self.gamma is not None:
            out = out * _C.reshape(self.gamma, self._broadcast_shape)
        if self.beta is not None:
            out = out + _C.reshape(self.beta, self._broadcast_shape)
        return out

    def get_config(self):
        config = super().get_config()
        config.update({"axis": self._axis_arg, "epsilon": self.epsilon, "center": self.center,
                       "scale": self.scale})   # no rms_scaling: TF-Keras 2 reads .h5 configs
        config.update(_weight_configs(self, ("beta", "gamma")))
        return config
