"""Pooling layers (channels_last): Max/AveragePooling1D/2D and the global poolings."""

from ... import _C
from .. import backend
from ._util import nn, normalize_padding, normalize_tuple
from .base_layer import Layer
from .input_spec import InputSpec

_R = _C.ReduceOp


class _Pooling2D(Layer):
    _built_at_init = True

    def __init__(self, pool_size=(2, 2), strides=None, padding="valid", data_format=None,
                 **kwargs):
        super().__init__(**kwargs)
        self.pool_size = normalize_tuple(pool_size, 2, "pool_size")
        self.strides = self.pool_size if strides is None else normalize_tuple(strides, 2,
                                                                               "strides")
        self.padding = normalize_padding(padding)
        self.data_format = data_format or backend.image_data_format()
        if self.data_format != "channels_last":
            raise NotImplementedError("fasttf pooling supports data_format='channels_last'")
        self.input_spec = InputSpec(ndim=4)

    def call(self, inputs):
        return getattr(nn(), self._op)(inputs, ksize=list(self.pool_size),
                                       strides=list(self.strides), padding=self.padding.upper())

    def get_config(self):
        config = super().get_config()
        config.update({"pool_size": self.pool_size, "strides": self.strides,
                       "padding": self.padding, "data_format": self.data_format})
        return config


class MaxPooling2D(_Pooling2D):
    _op = "max_pool2d"


class AveragePooling2D(_Pooling2D):
    _op = "avg_pool2d"


class _Pooling1D(Layer):
    _built_at_init = True

    def __init__(self, pool_size=2, strides=None, padding="valid", data_format=None, **kwargs):
        super().__init__(**kwargs)
        self.pool_size = normalize_tuple(pool_size, 1, "pool_size")
        self.strides = self.pool_size if strides is None else normalize_tuple(strides, 1,
                                                                               "strides")
        self.padding = normalize_padding(padding)
        self.data_format = data_format or "channels_last"
        self.input_spec = InputSpec(ndim=3)

    def call(self, inputs):
        x = _C.expand_dims(inputs, 1)
        out = getattr(nn(), self._op)(x, ksize=[1, self.pool_size[0]],
                                      strides=[1, self.strides[0]], padding=self.padding.upper())
        return _C.squeeze(out, [1])

    def get_config(self):
        config = super().get_config()
        config.update({"pool_size": self.pool_size, "strides": self.strides,
                       "padding": self.padding, "data_format": self.data_format})
        return config


class MaxPooling1D(_Pooling1D):
    _op = "max_pool2d"


class AveragePooling1D(_Pooling1D):
    _op = "avg_pool2d"


class _GlobalPooling(Layer):
    _built_at_init = True
    _ndim = 4

    def __init__(self, data_format=None, keepdims=False, **kwargs):
        super().__init__(**kwargs)
        self.data_format = data_format or backend.image_data_format()
        self.keepdims = keepdims
        self.input_spec = InputSpec(ndim=self._ndim)

    def call(self, inputs):
        rank = self._ndim
        axes = list(range(1, rank - 1)) if self.data_format == "channels_last" \
            else list(range(2, rank))
        return _C.reduce(self._reduce, inputs, axes, bool(self.keepdims))

    def get_config(self):
        config = super().get_config()
        config.update({"data_format": self.data_format, "keepdims": self.keepdims})
        return config


class GlobalAveragePooling2D(_GlobalPooling):
    _reduce = _R.mean


class GlobalMaxPooling2D(_GlobalPooling):
    _reduce = _R.max


class GlobalAveragePooling1D(_GlobalPooling):
    """The mean over steps; with a mask (batch, steps), over the unmasked steps only."""

    _ndim = 3
    _reduce = _R.mean

    def __init__(self, data_format=None, keepdims=False, **kwargs):
        super().__init__(data_format=data_format, keepdims=keepdims, **kwargs)
        self.supports_masking = True

    def call(self, inputs, mask=None):
        if mask is None:
            return super().call(inputs)
        channels_last = self.data_format == "channels_last"
        steps_axis = 1 if channels_last else 2
        weights = _C.cast(mask, inputs.dtype)
        weights = _C.expand_dims(weights, 2 if channels_last else 1)
        total = _C.reduce(_R.sum, inputs * weights, [steps_axis], bool(self.keepdims))
        count = _C.reduce(_R.sum, weights, [steps_axis], bool(self.keepdims))
        return total / count

    def compute_mask(self, inputs, mask=None):
        return None


class GlobalMaxPooling1D(_GlobalPooling):
    _ndim = 3
    _reduce = _R.max


MaxPool1D, MaxPool2D = MaxPooling1D, MaxPooling2D
AvgPool1D, AvgPool2D = AveragePooling1D, AveragePooling2D
GlobalAvgPool1D, GlobalAvgPool2D = GlobalAveragePooling1D, GlobalAveragePooling2D
GlobalMaxPool1D, GlobalMaxPool2D = GlobalMaxPooling1D, GlobalMaxPooling2D
