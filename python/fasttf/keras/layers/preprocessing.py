"""Rescaling (the Keras 3 image-preprocessing layer) and the Gaussian regularisation layers
GaussianNoise / GaussianDropout (identity outside training, as in Keras)."""

import numpy as np

from ... import _C
from .. import backend
from .base_layer import Layer


class Rescaling(Layer):
    """inputs * scale + offset, in the layer's float dtype (integer images are cast first)."""

    def __init__(self, scale, offset=0.0, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True
        self.scale = scale
        self.offset = offset

    def call(self, inputs):
        x = inputs if isinstance(inputs, _C.Tensor) else _C.convert_to_tensor(inputs)
        dtype = x.dtype if x.dtype.is_floating else self.dtype
        from ...framework import dtypes
        dtype = dtypes.as_dtype(dtype)
        if x.dtype != dtype:
            x = _C.cast(x, dtype)
        scale = _C.convert_to_tensor(np.asarray(self.scale, dtype.as_numpy_dtype))
        offset = _C.convert_to_tensor(np.asarray(self.offset, dtype.as_numpy_dtype))
        return x * scale + offset

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = super().get_config()
        config.update({"scale": self.scale, "offset": self.offset})
        return config


class _GaussianLayer(Layer):
    _built_at_init = True

    def __init__(self, rate_or_stddev, seed=None, **kwargs):
        super().__init__(**kwargs)
        self.seed = seed
        self._rng = np.random.default_rng(seed) if seed is not None else None
        self.supports_masking = True
        self._value = float(rate_or_stddev)

    def _normal(self, inputs, stddev, mean=0.0):
        rng = self._rng or backend.rng()
        noise = rng.standard_normal(tuple(inputs.shape)) * stddev + mean
        return _C.convert_to_tensor(noise.astype(inputs.dtype.as_numpy_dtype))

    def compute_output_shape(self, input_shape):
        return input_shape


class GaussianNoise(_GaussianLayer):
    """Adds N(0, stddev^2) noise in training."""

    def __init__(self, stddev, seed=None, **kwargs):
        super().__init__(stddev, seed, **kwargs)
        self.stddev = float(stddev)

    def call(self, inputs, training=None):
        if not training or self.stddev == 0:
            return inputs
        return inputs + self._normal(inputs, self.stddev)

    def get_config(self):
        config = super().get_config()
        config.update({"stddev": self.stddev, "seed": self.seed})
        return config


class GaussianDropout(_GaussianLayer):
    """Multiplies by N(1, rate / (1 - rate)) noise in training."""

    def __init__(self, rate, seed=None, **kwargs):
        super().__init__(rate, seed, **kwargs)
        if not 0 <= rate < 1:
            raise ValueError("Invalid value received for argument `rate`. Expected a float value "
                             "in [0, 1). Received: rate=%s" % (rate,))
        self.rate = float(rate)

    def call(self, inputs, training=None):
        if not training or self.rate == 0:
            return inputs
        stddev = np.sqrt(self.rate / (1.0 - self.rate))
        return inputs * self._normal(inputs, stddev, 1.0)

    def get_config(self):
        config = super().get_config()
        config.update({"rate": self.rate, "seed": self.seed})
        return config
