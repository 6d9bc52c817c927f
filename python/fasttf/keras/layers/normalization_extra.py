"""Keras 3 normalization extras: UnitNormalization (L2 rows), GroupNormalization (statistics per
group of channels; groups=-1 is instance normalization) and Identity."""

import numpy as np

from ... import _C
from .. import initializers as initializers_mod
from .. import regularizers as regularizers_mod
from .base_layer import Layer
from .input_spec import InputSpec
from .normalization import _moments

_R = _C.ReduceOp
_U = _C.UnaryOp


def _const(value, like):
    return _C.convert_to_tensor(np.asarray(value, like.dtype.as_numpy_dtype))


class UnitNormalization(Layer):
    """x / ||x||_2 along `axis` (Keras' ops.normalize: x * min(rsqrt(sum x^2), 1 / 1e-12))."""

    def __init__(self, axis=-1, **kwargs):
        super().__init__(**kwargs)
        if isinstance(axis, (list, tuple)):
            self.axis = list(axis)
        elif isinstance(axis, int):
            self.axis = axis
        else:
            raise TypeError("Invalid value for `axis` argument: expected an int or a list/tuple "
                            "of ints. Received: axis=%r" % (axis,))
        self.supports_masking = True

    def call(self, inputs):
        axes = self.axis if isinstance(self.axis, list) else [self.axis]
        squares = _C.reduce(_R.sum, _C.unary_op(_U.square, inputs), axes, True)
        # min(rsqrt(s), 1e12) == rsqrt(max(s, 1e-24)), and the latter never forms an inf.
        floor = _const(1e-24, squares)
        squares = _C.binary_op(_C.BinaryOp.maximum, squares, floor)
        return inputs * _C.unary_op(_U.rsqrt, squares)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = super().get_config()
        config["axis"] = self.axis
        return config


class GroupNormalization(Layer):
    """Splits the channels on `axis` into `groups` and normalises each group (over it and all
    other non-batch axes) to zero mean and unit variance, then applies gamma and beta."""

    def __init__(self, groups=32, axis=-1, epsilon=1e-3, center=True, scale=True,
                 beta_initializer="zeros", gamma_initializer="ones", beta_regularizer=None,
                 gamma_regularizer=None, beta_constraint=None, gamma_constraint=None, **kwargs):
        if not isinstance(groups, int) or isinstance(groups, bool) or \
                (groups <= 0 and groups != -1):
            raise ValueError("Received an invalid value for argument `groups`, expected a "
                             "positive integer (or `-1` for instance normalization). Received: "
                             "groups=%r" % (groups,))
        super().__init__(**kwargs)
        self.groups, self.axis, self.epsilon = groups, axis, epsilon
        self.center, self.scale = center, scale
        self.beta_initializer = initializers_mod.get(beta_initializer)
        self.gamma_initializer = initializers_mod.get(gamma_initializer)
        self.beta_regularizer = regularizers_mod.get(beta_regularizer)
        self.gamma_regularizer = regularizers_mod.get(gamma_regularizer)
        self.beta_constraint, self.gamma_constraint = beta_constraint, gamma_constraint
        self.supports_masking = True

    def build(self, input_shape):
        rank = len(input_shape)
        if not -rank <= self.axis < rank:
            raise ValueError("Axis %s is out of bounds for input shape %s."
                             % (self.axis, tuple(input_shape)))
        dim = input_shape[self.axis]
        if dim is None:
            raise ValueError("Axis %s of input tensor should have a defined dimension but the "
                             "layer received an input with shape %s." % (self.axis, input_shape))
        if self.groups == -1:
            self.groups = dim
        if dim < self.groups:
            raise ValueError("Number of groups (%d) cannot be more than the number of channels "
                             "(%d)." % (self.groups, dim))
        if dim % self.groups != 0:
            raise ValueError("Number of groups (%d) must be a multiple of the number of channels "
                             "(%d)." % (self.groups, dim))
        self.input_spec = InputSpec(ndim=rank, axes={self.axis: dim})
        self.gamma = self.add_weight("gamma", (dim,), initializer=self.gamma_initializer,
                                     regularizer=self.gamma_regularizer,
                                     constraint=self.gamma_constraint) if self.scale else None
        self.beta = self.add_weight("beta", (dim,), initializer=self.beta_initializer,
                                    regularizer=self.beta_regularizer,
                                    constraint=self.beta_constraint) if self.center else None
        self.built = True

    def _group_shape(self, shape):
        """`shape` with the channel axis split into (groups, channels per group)."""
        axis = self.axis % len(shape)
        return shape[:axis] + [self.groups, shape[axis] // self.groups] + shape[axis + 1:], axis

    def call(self, inputs):
        shape = list(inputs.shape)
        grouped_shape, axis = self._group_shape(shape)
        grouped = _C.reshape(inputs, grouped_shape)
        # Statistics over every axis but the batch and the group axis.
        reduce_axes = [i for i in range(1, len(grouped_shape)) if i != axis]
        mean, variance = _moments(grouped, reduce_axes)
        inv = _C.unary_op(_U.rsqrt, variance + _const(self.epsilon, variance))
        broadcast = [1] * len(grouped_shape)
        broadcast[axis], broadcast[axis + 1] = self.groups, shape[axis] // self.groups
        if self.gamma is not None:
            inv = inv * _C.reshape(self.gamma, broadcast)
        out = grouped * inv - mean * inv
        if self.beta is not None:
            out = out + _C.reshape(self.beta, broadcast)
        return _C.reshape(out, shape)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = super().get_config()
        config.update({
            "groups": self.groups, "axis": self.axis, "epsilon": self.epsilon,
            "center": self.center, "scale": self.scale,
            "beta_initializer": initializers_mod.serialize(self.beta_initializer),
            "gamma_initializer": initializers_mod.serialize(self.gamma_initializer),
            "beta_regularizer": regularizers_mod.serialize(self.beta_regularizer),
            "gamma_regularizer": regularizers_mod.serialize(self.gamma_regularizer),
            "beta_constraint": None, "gamma_constraint": None})
        return config


class Identity(Layer):
    """Returns its inputs unchanged (a placeholder layer)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True

    def call(self, inputs):
        return inputs

    def compute_output_shape(self, input_shape):
        return input_shape
