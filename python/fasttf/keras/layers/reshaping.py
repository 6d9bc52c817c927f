"""Spatial reshaping layers: ZeroPadding1D/2D, Cropping1D/2D, UpSampling1D/2D."""

from ... import _C
from .. import backend
from .base_layer import Layer
from .input_spec import InputSpec


def _pairs(value, n, name):
    """int -> ((v, v),)*n; (a, b) -> ((a, a), (b, b)); ((a, b), (c, d)) as is."""
    if isinstance(value, int):
        return ((value, value),) * n
    value = tuple(value)
    if len(value) != n:
        raise ValueError("`%s` should have %d elements. Received: %s" % (name, n, value))
    out = []
    for v in value:
        if isinstance(v, int):
            out.append((v, v))
        else:
            v = tuple(v)
            if len(v) != 2:
                raise ValueError("`%s` should have two elements per dimension. Received: %s"
                                 % (name, value))
            out.append((int(v[0]), int(v[1])))
    return tuple(out)


class _ZeroPadding(Layer):
    """Zeros around the `rank` spatial axes (ZeroPadding2D, ZeroPadding3D)."""

    rank = 2

    def __init__(self, padding, data_format=None, **kwargs):
        super().__init__(**kwargs)
        self.padding = _pairs(padding, self.rank, "padding")
        self.data_format = data_format or backend.image_data_format()
        self.input_spec = InputSpec(ndim=self.rank + 2)

    def call(self, inputs):
        import fasttf
        spatial = [list(p) for p in self.padding]
        pads = [[0, 0]] + spatial + [[0, 0]] if self.data_format == "channels_last" \
            else [[0, 0], [0, 0]] + spatial
        return fasttf.pad(inputs, pads)

    def get_config(self):
        config = super().get_config()
        config.update({"padding": self.padding, "data_format": self.data_format})
        return config


class ZeroPadding2D(_ZeroPadding):
    rank = 2

    def __init__(self, padding=(1, 1), data_format=None, **kwargs):
        super().__init__(padding, data_format, **kwargs)


class ZeroPadding1D(Layer):
    def __init__(self, padding=1, **kwargs):
        super().__init__(**kwargs)
        self.padding = (padding, padding) if isinstance(padding, int) else tuple(padding)
        self.input_spec = InputSpec(ndim=3)

    def call(self, inputs):
        import fasttf
        return fasttf.pad(inputs, [[0, 0], list(self.padding), [0, 0]])

    def get_config(self):
        config = super().get_config()
        config["padding"] = self.padding
        return config


class Cropping2D(Layer):
    def __init__(self, cropping=((0, 0), (0, 0)), data_format=None, **kwargs):
        super().__init__(**kwargs)
        self.cropping = _pairs(cropping, 2, "cropping")
        self.data_format = data_format or backend.image_data_format()
        self.input_spec = InputSpec(ndim=4)

    def call(self, inputs):
        (top, bottom), (left, right) = self.cropping
        axes = (1, 2) if self.data_format == "channels_last" else (2, 3)
        h, w = inputs.shape[axes[0]], inputs.shape[axes[1]]
        if top + bottom >= h or left + right >= w:
            raise ValueError("Cropping %s is too large for an input of shape %s"
                             % (self.cropping, tuple(inputs.shape)))
        if self.data_format == "channels_last":
            return inputs[:, top:h - bottom, left:w - right, :]
        return inputs[:, :, top:h - bottom, left:w - right]

    def get_config(self):
        config = super().get_config()
        config.update({"cropping": self.cropping, "data_format": self.data_format})
        return config


class Cropping1D(Layer):
    def __init__(self, cropping=(1, 1), **kwargs):
        super().__init__(**kwargs)
        self.cropping = (cropping, cropping) if isinstance(cropping, int) else tuple(cropping)
        self.input_spec = InputSpec(ndim=3)

    def call(self, inputs):
        n = inputs.shape[1]
        return inputs[:, self.cropping[0]:n - self.cropping[1], :]

    def get_config(self):
        config = super().get_config()
        config["cropping"] = self.cropping
        return config


def _repeat(x, axis, times):
    """Each element repeated `times` times along `axis` (nearest-neighbour upsampling)."""
    shape = list(x.shape)
    expanded = _C.expand_dims(x, axis + 1)
    target = shape[:axis + 1] + [times] + shape[axis + 1:]
    tiled = _C.broadcast_to(expanded, target)
    return _C.reshape(tiled * 1, shape[:axis] + [shape[axis] * times] + shape[axis + 1:])


class UpSampling2D(Layer):
    def __init__(self, size=(2, 2), data_format=None, interpolation="nearest", **kwargs):
        super().__init__(**kwargs)
        self.size = (size, size) if isinstance(size, int) else tuple(size)
        self.data_format = data_format or backend.image_data_format()
        if interpolation != "nearest":
            raise NotImplementedError("UpSampling2D supports interpolation='nearest' only")
        self.interpolation = interpolation
        self.input_spec = InputSpec(ndim=4)

    def call(self, inputs):
        h_axis, w_axis = (1, 2) if self.data_format == "channels_last" else (2, 3)
        return _repeat(_repeat(inputs, h_axis, self.size[0]), w_axis, self.size[1])

    def get_config(self):
        config = super().get_config()
        config.update({"size": self.size, "data_format": self.data_format,
                       "interpolation": self.interpolation})
        return config


class UpSampling1D(Layer):
    def __init__(self, size=2, **kwargs):
        super().__init__(**kwargs)
        self.size = int(size)
        self.input_spec = InputSpec(ndim=3)

    def call(self, inputs):
        return _repeat(inputs, 1, self.size)

    def get_config(self):
        config = super().get_config()
        config["size"] = self.size
        return config
