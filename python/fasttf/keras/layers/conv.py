"""Convolution layers (channels_last): Conv1D, Conv2D, DepthwiseConv2D, SeparableConv2D,
Conv2DTranspose, on top of tf.nn.conv2d / depthwise_conv2d / conv2d_transpose."""

from ... import _C
from .. import activations, backend
from .. import initializers as initializers_mod
from .. import regularizers as regularizers_mod
from ._util import conv_output_length, nn, normalize_padding, normalize_tuple
from .base_layer import Layer
from .input_spec import InputSpec
from .core import _serialize_constraint


class _Conv(Layer):
    rank = 2

    def __init__(self, filters, kernel_size, strides=1, padding="valid", data_format=None,
                 dilation_rate=1, groups=1, activation=None, use_bias=True,
                 kernel_initializer="glorot_uniform", bias_initializer="zeros",
                 kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 kernel_constraint=None, bias_constraint=None, **kwargs):
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        n = self.rank
        self.filters = int(filters) if filters is not None else None
        if self.filters is not None and self.filters <= 0:
            raise ValueError("Invalid value for argument `filters`. Expected a strictly positive "
                             "value. Received filters=%s." % (filters,))
        self.kernel_size = normalize_tuple(kernel_size, n, "kernel_size")
        self.strides = normalize_tuple(strides, n, "strides")
        self.padding = normalize_padding(padding)
        self.data_format = data_format or backend.image_data_format()
        if self.data_format != "channels_last":
            raise NotImplementedError("fasttf convolutions support data_format='channels_last'")
        self.dilation_rate = normalize_tuple(dilation_rate, n, "dilation_rate")
        self.groups = groups
        if groups != 1:
            raise NotImplementedError("grouped convolutions (groups > 1) are not supported")
        self.activation = activations.get(activation)
        self.use_bias = use_bias
        self.kernel_initializer = initializers_mod.get(kernel_initializer)
        self.bias_initializer = initializers_mod.get(bias_initializer)
        self.kernel_regularizer = regularizers_mod.get(kernel_regularizer)
        self.bias_regularizer = regularizers_mod.get(bias_regularizer)
        from .. import constraints
        self.kernel_constraint = constraints.get(kernel_constraint)
        self.bias_constraint = constraints.get(bias_constraint)
        self.input_spec = InputSpec(min_ndim=n + 2)

    def _kernel_shape(self, channels):
        return self.kernel_size + (channels, self.filters)

    def build(self, input_shape):
        channels = input_shape[-1]
        if channels is None:
            raise ValueError("The channel dimension of the inputs should be defined. The input_shape "
                             "received is %s" % (input_shape,))
        self.kernel = self.add_weight("kernel", self._kernel_shape(channels),
                                      initializer=self.kernel_initializer,
                                      regularizer=self.kernel_regularizer,
                                      constraint=self.kernel_constraint)
        self.bias = self.add_weight("bias", (self._bias_size(channels),),
                                    initializer=self.bias_initializer,
                                    regularizer=self.bias_regularizer,
                                    constraint=self.bias_constraint) if self.use_bias else None
        self.input_spec = InputSpec(min_ndim=self.rank + 2, axes={-1: channels})
        self.built = True

    def _bias_size(self, channels):
        return self.filters

    def _finish(self, out):
        if self.bias is not None:
            out = out + self.bias
        if self.activation is not activations.linear:
            out = self.activation(out)
        return out

    def _tf_padding(self):
        return self.padding.upper()

    def get_config(self):
        config = super().get_config()
        config.update({
            "filters": self.filters, "kernel_size": self.kernel_size, "strides": self.strides,
            "padding": self.padding, "data_format": self.data_format,
            "dilation_rate": self.dilation_rate, "groups": self.groups,
            "activation": activations.serialize(self.activation), "use_bias": self.use_bias,
            "kernel_initializer": initializers_mod.serialize(self.kernel_initializer),
            "bias_initializer": initializers_mod.serialize(self.bias_initializer),
            "kernel_regularizer": regularizers_mod.serialize(self.kernel_regularizer),
            "bias_regularizer": regularizers_mod.serialize(self.bias_regularizer),
            "activity_regularizer": regularizers_mod.serialize(self.activity_regularizer),
            "kernel_constraint": _serialize_constraint(self.kernel_constraint),
            "bias_constraint": _serialize_constraint(self.bias_constraint)})
        return config


class Conv2D(_Conv):
    rank = 2

    def __init__(self, filters, kernel_size, strides=(1, 1), padding="valid", data_format=None,
                 dilation_rate=(1, 1), groups=1, activation=None, use_bias=True, **kwargs):
        super().__init__(filters, kernel_size, strides, padding, data_format, dilation_rate,
                         groups, activation, use_bias, **kwargs)
        if self.padding == "causal":
            raise ValueError("Causal padding is only supported for `Conv1D`.")

    def call(self, inputs):
        if not inputs.dtype.is_floating:   # integer images: Keras 3 promotes to the kernel's
            inputs = _C.cast(inputs, self.kernel.dtype)
        if self.data_format == "channels_last" and self.bias is not None and \
                self.activation in (activations.linear, activations.relu):
            # bias + ReLU ride in the GEMM store: one pass, one tape node.
            from ...nn_conv import _conv2d_fused
            return _conv2d_fused(inputs, self.kernel, self.bias, strides=list(self.strides),
                                 padding=self._tf_padding(), dilations=list(self.dilation_rate),
                                 relu=self.activation is activations.relu)
        out = nn().conv2d(inputs, self.kernel, strides=list(self.strides),
                          padding=self._tf_padding(), dilations=list(self.dilation_rate))
        return self._finish(out)


class Conv1D(_Conv):
    rank = 1

    def call(self, inputs):
        if self.padding == "causal":
            import fasttf
            left = (self.kernel_size[0] - 1) * self.dilation_rate[0]
            inputs = fasttf.pad(inputs, [[0, 0], [left, 0], [0, 0]])
            padding = "VALID"
        else:
            padding = self._tf_padding()
        x = _C.expand_dims(inputs, 1)
        kernel = _C.expand_dims(self.kernel, 0)
        out = nn().conv2d(x, kernel, strides=[1, self.strides[0]], padding=padding,
                          dilations=[1, self.dilation_rate[0]])
        return self._finish(_C.squeeze(out, [1]))


class DepthwiseConv2D(_Conv):
    rank = 2

    def __init__(self, kernel_size, strides=(1, 1), padding="valid", depth_multiplier=1,
                 data_format=None, dilation_rate=(1, 1), activation=None, use_bias=True,
                 depthwise_initializer="glorot_uniform", bias_initializer="zeros",
                 depthwise_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 depthwise_constraint=None, bias_constraint=None, **kwargs):
        super().__init__(None, kernel_size, strides, padding, data_format, dilation_rate, 1,
                         activation, use_bias, kernel_initializer=depthwise_initializer,
                         bias_initializer=bias_initializer,
                         kernel_regularizer=depthwise_regularizer,
                         bias_regularizer=bias_regularizer,
                         activity_regularizer=activity_regularizer,
                         kernel_constraint=depthwise_constraint, bias_constraint=bias_constraint,
                         **kwargs)
        self.depth_multiplier = int(depth_multiplier)

    def build(self, input_shape):
        channels = input_shape[-1]
        self.depthwise_kernel = self.add_weight(
            "depthwise_kernel", self.kernel_size + (channels, self.depth_multiplier),
            initializer=self.kernel_initializer, regularizer=self.kernel_regularizer,
            constraint=self.kernel_constraint)
        self.bias = self.add_weight("bias", (channels * self.depth_multiplier,),
                                    initializer=self.bias_initializer,
                                    regularizer=self.bias_regularizer) if self.use_bias else None
        self.input_spec = InputSpec(ndim=4, axes={-1: channels})
        self.built = True

    def call(self, inputs):
        out = nn().depthwise_conv2d(inputs, self.depthwise_kernel,
                                    strides=[1, self.strides[0], self.strides[1], 1],
                                    padding=self._tf_padding(), dilations=list(self.dilation_rate))
        return self._finish(out)

    def get_config(self):
        config = _depthwise_names(super().get_config())
        config.pop("filters")
        config["depth_multiplier"] = self.depth_multiplier
        return config


class SeparableConv2D(_Conv):
    rank = 2

    def __init__(self, filters, kernel_size, strides=(1, 1), padding="valid", data_format=None,
                 dilation_rate=(1, 1), depth_multiplier=1, activation=None, use_bias=True,
                 depthwise_initializer="glorot_uniform", pointwise_initializer="glorot_uniform",
                 bias_initializer="zeros", depthwise_regularizer=None, pointwise_regularizer=None,
                 bias_regularizer=None, activity_regularizer=None, depthwise_constraint=None,
                 pointwise_constraint=None, bias_constraint=None, **kwargs):
        super().__init__(filters, kernel_size, strides, padding, data_format, dilation_rate, 1,
                         activation, use_bias, kernel_initializer=depthwise_initializer,
                         bias_initializer=bias_initializer,
                         kernel_regularizer=depthwise_regularizer,
                         bias_regularizer=bias_regularizer,
                         activity_regularizer=activity_regularizer, **kwargs)
        self.depth_multiplier = int(depth_multiplier)
        self.pointwise_initializer = initializers_mod.get(pointwise_initializer)
        self.pointwise_regularizer = regularizers_mod.get(pointwise_regularizer)

    def build(self, input_shape):
        channels = input_shape[-1]
        self.depthwise_kernel = self.add_weight(
            "depthwise_kernel", self.kernel_size + (channels, self.depth_multiplier),
            initializer=self.kernel_initializer, regularizer=self.kernel_regularizer)
        self.pointwise_kernel = self.add_weight(
            "pointwise_kernel", (1, 1, channels * self.depth_multiplier, self.filters),
            initializer=self.pointwise_initializer, regularizer=self.pointwise_regularizer)
        self.bias = self.add_weight("bias", (self.filters,), initializer=self.bias_initializer,
                                    regularizer=self.bias_regularizer) if self.use_bias else None
        self.input_spec = InputSpec(ndim=4, axes={-1: channels})
        self.built = True

    def call(self, inputs):
        depthwise = nn().depthwise_conv2d(inputs, self.depthwise_kernel,
                                          strides=[1, self.strides[0], self.strides[1], 1],
                                          padding=self._tf_padding(),
                                          dilations=list(self.dilation_rate))
        out = nn().conv2d(depthwise, self.pointwise_kernel, strides=[1, 1], padding="VALID")
        return self._finish(out)

    def get_config(self):
        config = _depthwise_names(super().get_config())
        config.update({"depth_multiplier": self.depth_multiplier,
                       "pointwise_initializer": initializers_mod.serialize(
                           self.pointwise_initializer),
                       "pointwise_regularizer": regularizers_mod.serialize(
                           self.pointwise_regularizer)})
        return config


def _depthwise_names(config):
    """Keras names the depthwise kernel's settings `depthwise_*` and has no `groups` here."""
    config.pop("groups", None)
    for what in ("initializer", "regularizer", "constraint"):
        if "kernel_" + what in config:
            config["depthwise_" + what] = config.pop("kernel_" + what)
    return config


class Conv2DTranspose(_Conv):
    rank = 2

    def __init__(self, filters, kernel_size, strides=(1, 1), padding="valid",
                 output_padding=None, data_format=None, dilation_rate=(1, 1), activation=None,
                 use_bias=True, **kwargs):
        super().__init__(filters, kernel_size, strides, padding, data_format, dilation_rate, 1,
                         activation, use_bias, **kwargs)
        self.output_padding = None if output_padding is None else \
            normalize_tuple(output_padding, 2, "output_padding")
        self.input_spec = InputSpec(ndim=4)

    def _kernel_shape(self, channels):
        return self.kernel_size + (self.filters, channels)

    def _output_size(self, length, axis):
        k, s, d = self.kernel_size[axis], self.strides[axis], self.dilation_rate[axis]
        k = (k - 1) * d + 1
        pad = None if self.output_padding is None else self.output_padding[axis]
        if pad is None:
            return length * s if self.padding == "same" else length * s + max(k - s, 0)
        return (length - 1) * s + k - 2 * ((k // 2) if self.padding == "same" else 0) + pad

    def call(self, inputs):
        n, h, w, _ = tuple(inputs.shape)
        out_shape = [n, self._output_size(h, 0), self._output_size(w, 1), self.filters]
        out = nn().conv2d_transpose(inputs, self.kernel, out_shape,
                                    strides=[1, self.strides[0], self.strides[1], 1],
                                    padding=self._tf_padding(),
                                    dilations=list(self.dilation_rate))
        return self._finish(out)

    def get_config(self):
        config = super().get_config()
        config.pop("groups", None)  # Keras' Conv2DTranspose takes no `groups`
        config["output_padding"] = self.output_padding
        return config


Convolution1D, Convolution2D = Conv1D, Conv2D
Conv2DTranspose.__doc__ = "Transposed 2-D convolution (the gradient of Conv2D w.r.t. its input)."
_ = conv_output_length
