"""Core layers: Dense, Activation, Flatten, Reshape, Permute, RepeatVector, Lambda, Dropout,
SpatialDropout1D/2D/3D, ActivityRegularization."""

import numpy as np

from ... import _C
from ...framework import dtypes, keras_mask
from .. import activations, backend
from .. import initializers as initializers_mod
from .. import regularizers as regularizers_mod
from .base_layer import Layer
from .input_spec import InputSpec

_R = _C.ReduceOp
# Dense layers these cover run as one fused op (_C.dense); others compose matmul, add, activation.
_FUSED_ACTIVATIONS = (activations.linear, activations.relu)
_FUSED_DTYPES = (dtypes.float32, dtypes.float64)


def _get_constraint(c):
    if c is None or callable(c):
        return c
    try:
        from .. import constraints
        return constraints.get(c)
    except ImportError:
        raise ValueError("Unknown constraint: %r" % (c,))


def _serialize_constraint(c):
    from .. import constraints
    return constraints.serialize(c) if hasattr(c, "get_config") else None


class Dense(Layer):
    """outputs = activation(inputs @ kernel + bias) on the last axis."""

    def __init__(self, units, activation=None, use_bias=True, kernel_initializer="glorot_uniform",
                 bias_initializer="zeros", kernel_regularizer=None, bias_regularizer=None,
                 activity_regularizer=None, kernel_constraint=None, bias_constraint=None,
                 **kwargs):
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        self.units = int(units) if not isinstance(units, int) else units
        if self.units <= 0:
            raise ValueError("Received an invalid value for `units`, expected a positive integer. "
                             "Received: units=%s" % (units,))
        self.activation = activations.get(activation)
        self.use_bias = use_bias
        self.kernel_initializer = initializers_mod.get(kernel_initializer)
        self.bias_initializer = initializers_mod.get(bias_initializer)
        self.kernel_regularizer = regularizers_mod.get(kernel_regularizer)
        self.bias_regularizer = regularizers_mod.get(bias_regularizer)
        self.kernel_constraint = _get_constraint(kernel_constraint)
        self.bias_constraint = _get_constraint(bias_constraint)
        self.input_spec = InputSpec(min_ndim=2)
        self.supports_masking = True

    def build(self, input_shape):
        last = input_shape[-1]
        if last is None:
            raise ValueError("The last dimension of the inputs to a Dense layer should be "
                             "defined. Found None. Full input shape received: %s" % (input_shape,))
        self.kernel = self.add_weight("kernel", shape=[last, self.units],
                                      initializer=self.kernel_initializer,
                                      regularizer=self.kernel_regularizer,
                                      constraint=self.kernel_constraint)
        self.bias = self.add_weight("bias", shape=[self.units], initializer=self.bias_initializer,
                                    regularizer=self.bias_regularizer,
                                    constraint=self.bias_constraint) if self.use_bias else None
        self.input_spec = InputSpec(min_ndim=2, axes={-1: last})
        self.built = True

    def call(self, inputs):
        if not inputs.dtype.is_floating:   # integer features: Keras 3 promotes to the kernel's
            inputs = _C.cast(inputs, self.kernel.dtype)
        shape = tuple(inputs.shape)
        flat = inputs if len(shape) == 2 else _C.reshape(inputs, [-1, shape[-1]])
        if self.activation in _FUSED_ACTIVATIONS and inputs.dtype in _FUSED_DTYPES:
            # x @ kernel + bias and the ReLU in one GEMM pass (and one tape node)
            out = _C.dense(flat, self.kernel, self.bias, self.activation is activations.relu)
        else:
            out = _C.matmul(flat, self.kernel, False, False)
            if self.bias is not None:
                out = out + self.bias
            if self.activation is not activations.linear:
                out = self.activation(out)
        return out if len(shape) == 2 else _C.reshape(out, list(shape[:-1]) + [self.units])

    def get_config(self):
        config = super().get_config()
        config.update({
            "units": self.units, "activation": activations.serialize(self.activation),
            "use_bias": self.use_bias,
            "kernel_initializer": initializers_mod.serialize(self.kernel_initializer),
            "bias_initializer": initializers_mod.serialize(self.bias_initializer),
            "kernel_regularizer": regularizers_mod.serialize(self.kernel_regularizer),
            "bias_regularizer": regularizers_mod.serialize(self.bias_regularizer),
            "activity_regularizer": regularizers_mod.serialize(self.activity_regularizer),
            "kernel_constraint": _serialize_constraint(self.kernel_constraint),
            "bias_constraint": _serialize_constraint(self.bias_constraint)})
        return config


class Activation(Layer):
    _built_at_init = True

    def __init__(self, activation, **kwargs):
        super().__init__(**kwargs)
        self.activation = activations.get(activation)
        self.supports_masking = True

    def call(self, inputs):
        return self.activation(inputs)

    def get_config(self):
        config = super().get_config()
        config["activation"] = activations.serialize(self.activation)
        return config


class Flatten(Layer):
    def __init__(self, data_format=None, **kwargs):
        super().__init__(**kwargs)
        self.data_format = data_format or backend.image_data_format()
        self.input_spec = InputSpec(min_ndim=1)

    def call(self, inputs):
        shape = tuple(inputs.shape)
        if len(shape) == 1:
            return _C.reshape(inputs, [shape[0], 1])
        if self.data_format == "channels_first" and len(shape) > 2:
            inputs = _C.transpose(inputs, [0] + list(range(2, len(shape))) + [1])
        return _C.reshape(inputs, [shape[0], int(np.prod(shape[1:], dtype=np.int64))])

    def get_config(self):
        config = super().get_config()
        config["data_format"] = self.data_format
        return config


class Reshape(Layer):
    _built_at_init = True

    def __init__(self, target_shape, **kwargs):
        super().__init__(**kwargs)
        self.target_shape = tuple(target_shape)
        if sum(1 for d in self.target_shape if d == -1) > 1:
            raise ValueError("There must be at most one unknown dimension (-1) in target_shape. "
                             "Received: target_shape=%s" % (self.target_shape,))

    def call(self, inputs):
        batch = inputs.shape[0]
        total = int(np.prod(tuple(inputs.shape)[1:], dtype=np.int64))
        known = int(np.prod([d for d in self.target_shape if d != -1], dtype=np.int64))
        if (-1 not in self.target_shape and known != total) or \
                (-1 in self.target_shape and (known == 0 or total % known)):
            raise ValueError("total size of new array must be unchanged, input_shape = %s, "
                             "output_shape = %s" % (list(inputs.shape)[1:],
                                                    list(self.target_shape)))
        return _C.reshape(inputs, [batch] + list(self.target_shape))

    def get_config(self):
        config = super().get_config()
        config["target_shape"] = self.target_shape
        return config


class Permute(Layer):
    def __init__(self, dims, **kwargs):
        super().__init__(**kwargs)
        self.dims = tuple(dims)
        if sorted(self.dims) != list(range(1, len(self.dims) + 1)):
            raise ValueError("Invalid permutation argument `dims` for Permute Layer. The set of "
                             "indices in `dims` must be consecutive and start from 1. Received "
                             "dims=%s" % (self.dims,))
        self.input_spec = InputSpec(ndim=len(self.dims) + 1)

    def call(self, inputs):
        return _C.transpose(inputs, [0] + list(self.dims))

    def get_config(self):
        config = super().get_config()
        config["dims"] = self.dims
        return config


class RepeatVector(Layer):
    def __init__(self, n, **kwargs):
        super().__init__(**kwargs)
        self.n = int(n)
        self.input_spec = InputSpec(ndim=2)

    def call(self, inputs):
        batch, features = tuple(inputs.shape)
        expanded = _C.expand_dims(inputs, 1)
        # broadcast_to then a copy through identity; multiply by ones keeps the tape simple.
        return _C.broadcast_to(expanded, [batch, self.n, features]) * 1

    def get_config(self):
        config = super().get_config()
        config["n"] = self.n
        return config


class Lambda(Layer):
    def __init__(self, function, output_shape=None, mask=None, arguments=None, **kwargs):
        super().__init__(**kwargs)
        self.function = function
        self.arguments = arguments or {}
        self._lambda_output_shape = output_shape
        # `mask`: the output mask, or a function (inputs, mask) -> mask; without it the layer
        # drops masks (Keras 3).
        self.mask = mask
        self.supports_masking = mask is not None

    def call(self, inputs, mask=None, training=None):
        import inspect
        params = inspect.signature(self.function).parameters
        kwargs = dict(self.arguments)
        if "mask" in params:
            kwargs["mask"] = mask
        if "training" in params:
            kwargs["training"] = training
        return self.function(inputs, **kwargs)

    def compute_mask(self, inputs, mask=None):
        if callable(self.mask):
            return self.mask(inputs, mask)
        return self.mask

    def get_config(self):
        config = super().get_config()
        config.update({"function": getattr(self.function, "__name__", repr(self.function)),
                       "arguments": self.arguments})
        return config


class Dropout(Layer):
    """Zeroes a fraction `rate` of the inputs in training and scales the rest by 1/(1-rate)."""

    _built_at_init = True

    def __init__(self, rate, noise_shape=None, seed=None, **kwargs):
        super().__init__(**kwargs)
        if not 0 <= rate <= 1:
            raise ValueError("Invalid value received for argument `rate`. Expected a float value "
                             "between 0 and 1. Received: rate=%s" % (rate,))
        self.rate = float(rate)
        self.noise_shape = noise_shape
        self.seed = seed
        self._rng = np.random.default_rng(seed) if seed is not None else None
        self.supports_masking = True

    def _noise_shape(self, inputs):
        if self.noise_shape is None:
            return tuple(inputs.shape)
        return tuple(s if n is None else n for s, n in zip(tuple(inputs.shape), self.noise_shape))

    def call(self, inputs, training=None):
        if not training or self.rate == 0:
            return inputs
        if self.rate == 1:
            return inputs * 0
        rng = self._rng or backend.rng()
        keep = rng.random(self._noise_shape(inputs), dtype=np.float32) >= self.rate
        scale = keep.astype(inputs.dtype.as_numpy_dtype) * (1.0 / (1.0 - self.rate))
        return inputs * _C.convert_to_tensor(scale, inputs.dtype)

    def get_config(self):
        config = super().get_config()
        config.update({"rate": self.rate, "noise_shape": self.noise_shape, "seed": self.seed})
        return config


def _spatial_dropout_config(config):
    """Keras' SpatialDropout layers take neither `noise_shape` (it is fixed) nor `trainable`."""
    config.pop("noise_shape", None)
    config.pop("trainable", None)
    return config


class SpatialDropout1D(Dropout):
    """Drops whole channels: the noise is shared along the steps axis."""

    def __init__(self, rate, **kwargs):
        super().__init__(rate, **kwargs)
        self.input_spec = InputSpec(ndim=3)

    def _noise_shape(self, inputs):
        shape = tuple(inputs.shape)
        return (shape[0], 1, shape[2])

    def get_config(self):
        return _spatial_dropout_config(super().get_config())


class SpatialDropout2D(Dropout):
    def __init__(self, rate, data_format=None, **kwargs):
        super().__init__(rate, **kwargs)
        self.data_format = data_format or backend.image_data_format()
        self.input_spec = InputSpec(ndim=4)

    def _noise_shape(self, inputs):
        n, a, b, c = tuple(inputs.shape)
        return (n, 1, 1, c) if self.data_format == "channels_last" else (n, a, 1, 1)

    def get_config(self):
        config = _spatial_dropout_config(super().get_config())
        config["data_format"] = self.data_format
        return config


class SpatialDropout3D(Dropout):
    def __init__(self, rate, data_format=None, **kwargs):
        super().__init__(rate, **kwargs)
        self.data_format = data_format or backend.image_data_format()
        self.input_spec = InputSpec(ndim=5)

    def _noise_shape(self, inputs):
        shape = tuple(inputs.shape)
        if self.data_format == "channels_last":
            return (shape[0], 1, 1, 1, shape[4])
        return (shape[0], shape[1], 1, 1, 1)

    def get_config(self):
        config = _spatial_dropout_config(super().get_config())
        config["data_format"] = self.data_format
        return config


class Masking(Layer):
    """Masks the steps whose features all equal `mask_value`: they are zeroed, and the mask
    (batch, steps) rides on the output for the layers downstream (RNNs skip those steps)."""

    _built_at_init = True

    def __init__(self, mask_value=0.0, **kwargs):
        super().__init__(**kwargs)
        self.mask_value = mask_value
        self.supports_masking = True

    def _keep(self, inputs, keepdims):
        import fasttf
        return fasttf.reduce_any(fasttf.not_equal(inputs, self.mask_value), axis=-1,
                                 keepdims=keepdims)

    def compute_mask(self, inputs, mask=None):
        return self._keep(inputs, False)

    def call(self, inputs):
        import fasttf
        keep = self._keep(inputs, True)
        outputs = inputs * fasttf.cast(keep, inputs.dtype)
        keras_mask.set_keras_mask(outputs, fasttf.squeeze(keep, axis=-1))
        return outputs

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)

    def get_config(self):
        config = super().get_config()
        config["mask_value"] = self.mask_value
        return config


class ActivityRegularization(Layer):
    _built_at_init = True

    def __init__(self, l1=0.0, l2=0.0, **kwargs):
        super().__init__(activity_regularizer=regularizers_mod.L1L2(l1=l1, l2=l2), **kwargs)
        self.supports_masking = True
        self.l1, self.l2 = l1, l2

    def get_config(self):
        config = super().get_config()
        config.update({"l1": self.l1, "l2": self.l2})
        return config


def _dtype_name(dtype):
    return dtypes.as_dtype(dtype).name
