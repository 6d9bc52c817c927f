"""3-D (volumetric) pooling and reshaping layers: MaxPooling3D, AveragePooling3D,
GlobalMaxPooling3D, GlobalAveragePooling3D, UpSampling3D, ZeroPadding3D and Cropping3D.

A box-shaped pooling window is separable: pooling height and width with the 2-D kernels, then
depth as a (k, 1) window over a (depth, height * width) image, gives max pooling exactly, and
average pooling too, since TF averages over the window's in-bounds part, itself a box."""

from ... import _C
from .. import backend
from ._util import nn, normalize_padding, normalize_tuple
from .base_layer import Layer
from .input_spec import InputSpec
from .pooling import _GlobalPooling
from .reshaping import _pairs, _repeat, _ZeroPadding

_R = _C.ReduceOp


def _channels_last_only(data_format, what):
    data_format = data_format or backend.image_data_format()
    if data_format != "channels_last":
        raise NotImplementedError("fasttf %s supports data_format='channels_last'" % what)
    return data_format


class _Pooling3D(Layer):
    def __init__(self, pool_size=(2, 2, 2), strides=None, padding="valid", data_format=None,
                 **kwargs):
        super().__init__(**kwargs)
        self.pool_size = normalize_tuple(pool_size, 3, "pool_size")
        self.strides = self.pool_size if strides is None else normalize_tuple(strides, 3,
                                                                               "strides")
        self.padding = normalize_padding(padding)
        if self.padding == "causal":
            raise ValueError("`padding` must be 'valid' or 'same' for 3-D pooling.")
        self.data_format = _channels_last_only(data_format, type(self).__name__)
        self.input_spec = InputSpec(ndim=5)

    def call(self, inputs):
        n, depth, height, width, channels = tuple(inputs.shape)
        pool = getattr(nn(), self._op)
        padding = self.padding.upper()
        planes = _C.reshape(inputs, [n * depth, height, width, channels])
        planes = pool(planes, ksize=list(self.pool_size[1:]), strides=list(self.strides[1:]),
                      padding=padding)
        out_h, out_w = planes.shape[1], planes.shape[2]
        columns = _C.reshape(planes, [n, depth, out_h * out_w, channels])
        columns = pool(columns, ksize=[self.pool_size[0], 1], strides=[self.strides[0], 1],
                       padding=padding)
        return _C.reshape(columns, [n, columns.shape[1], out_h, out_w, channels])

    def get_config(self):
        config = super().get_config()
        config.update({"pool_size": self.pool_size, "padding": self.padding,
                       "strides": self.strides, "data_format": self.data_format})
        return config


class MaxPooling3D(_Pooling3D):
    _op = "max_pool2d"


class AveragePooling3D(_Pooling3D):
    _op = "avg_pool2d"


class GlobalAveragePooling3D(_GlobalPooling):
    _ndim = 5
    _reduce = _R.mean


class GlobalMaxPooling3D(_GlobalPooling):
    _ndim = 5
    _reduce = _R.max


class UpSampling3D(Layer):
    def __init__(self, size=(2, 2, 2), data_format=None, **kwargs):
        super().__init__(**kwargs)
        self.size = normalize_tuple(size, 3, "size")
        self.data_format = data_format or backend.image_data_format()
        self.input_spec = InputSpec(ndim=5)

    def call(self, inputs):
        first = 1 if self.data_format == "channels_last" else 2
        for i, times in enumerate(self.size):
            if times != 1:
                inputs = _repeat(inputs, first + i, times)
        return inputs

    def get_config(self):
        config = super().get_config()
        config.update({"size": self.size, "data_format": self.data_format})
        return config


class ZeroPadding3D(_ZeroPadding):
    rank = 3

    def __init__(self, padding=((1, 1), (1, 1), (1, 1)), data_format=None, **kwargs):
        super().__init__(padding, data_format, **kwargs)


class Cropping3D(Layer):
    def __init__(self, cropping=((1, 1), (1, 1), (1, 1)), data_format=None, **kwargs):
        super().__init__(**kwargs)
        self.cropping = _pairs(cropping, 3, "cropping")
        if any(c < 0 for pair in self.cropping for c in pair):
            raise ValueError("`cropping` cannot be negative. Received: cropping=%s"
                             % (self.cropping,))
        self.data_format = data_format or backend.image_data_format()
        self.input_spec = InputSpec(ndim=5)

    def call(self, inputs):
        first = 1 if self.data_format == "channels_last" else 2
        index = [slice(None)] * 5
        for i, (before, after) in enumerate(self.cropping):
            size = inputs.shape[first + i]
            if before + after >= size:
                raise ValueError("`cropping` parameter of `Cropping3D` layer must be smaller "
                                 "than the input size. Received: inputs.shape=%s, cropping=%s"
                                 % (tuple(inputs.shape), self.cropping))
            index[first + i] = slice(before, size - after)
        return inputs[tuple(index)]

    def get_config(self):
        config = super().get_config()
        config.update({"cropping": self.cropping, "data_format": self.data_format})
        return config


MaxPool3D, AvgPool3D = MaxPooling3D, AveragePooling3D
GlobalMaxPool3D, GlobalAvgPool3D = GlobalMaxPooling3D, GlobalAveragePooling3D
