"""The remaining Keras convolutions (channels_last): Conv1DTranspose, Conv3D, Conv3DTranspose,
DepthwiseConv1D and SeparableConv1D.

fasttf has 2-D convolution kernels only, so the 3-D ones are composed: a 3-D convolution is a
sum over the kernel's depth taps of 2-D convolutions of depth slices (folded into the batch),
and a transposed convolution is the VALID convolution of the stride-dilated, padded input with
the flipped kernel, cropped as TF crops it. Every step is a differentiable op."""

from ... import _C
from .. import initializers as initializers_mod
from .. import regularizers as regularizers_mod
from ._util import nn, normalize_tuple
from .base_layer import Layer  # noqa: F401  (documentation: these are Layers)
from .conv import _Conv, _depthwise_names
from .input_spec import InputSpec


def _same_padding(length, kernel, stride, dilation):
    """TF's SAME padding (before, after) of one spatial axis."""
    effective = (kernel - 1) * dilation + 1
    out = -(-length // stride)
    total = max((out - 1) * stride + effective - length, 0)
    return total // 2, total - total // 2


def _pad(x, pads):
    import fasttf
    if not any(before or after for before, after in pads):
        return x
    return fasttf.pad(x, [[0, 0]] + [list(p) for p in pads] + [[0, 0]])


def conv3d_valid(x, kernel, strides, dilations):
    """VALID 3-D cross-correlation of NDHWC `x` with a (KD, KH, KW, Cin, Cout) kernel."""
    n, depth, height, width, channels = tuple(x.shape)
    kd = kernel.shape[0]
    out_depth = (depth - (kd - 1) * dilations[0] - 1) // strides[0] + 1
    if out_depth <= 0:
        raise ValueError("Conv3D: the input depth %d is smaller than the dilated kernel depth %d"
                         % (depth, (kd - 1) * dilations[0] + 1))
    total = None
    for tap in range(kd):
        start = tap * dilations[0]
        slices = x[:, start:start + (out_depth - 1) * strides[0] + 1:strides[0]]
        folded = _C.reshape(slices, [n * out_depth, height, width, channels])
        out = nn().conv2d(folded, kernel[tap], strides=list(strides[1:]), padding="VALID",
                          dilations=list(dilations[1:]))
        total = out if total is None else total + out
    return _C.reshape(total, [n, out_depth] + list(total.shape)[1:])


def _dilate(x, axis, stride):
    """Inserts stride - 1 zeros between neighbours along `axis` (length L -> (L - 1) s + 1)."""
    if stride == 1:
        return x
    import fasttf
    shape = list(x.shape)
    expanded = _C.expand_dims(x, axis + 1)
    zeros_shape = shape[:axis + 1] + [stride - 1] + shape[axis + 1:]
    zeros = fasttf.zeros(zeros_shape, dtype=x.dtype)
    woven = fasttf.concat([expanded, zeros], axis + 1)
    flat = _C.reshape(woven, shape[:axis] + [shape[axis] * stride] + shape[axis + 1:])
    index = [slice(None)] * len(shape)
    index[axis] = slice(0, (shape[axis] - 1) * stride + 1)
    return flat[tuple(index)]


def deconv_length(length, kernel, padding, output_padding, stride, dilation):
    """Keras' _deconv_output_length."""
    kernel = kernel + (kernel - 1) * (dilation - 1)
    if output_padding is None:
        return length * stride + max(kernel - stride, 0) if padding == "valid" \
            else length * stride
    pad = kernel // 2 if padding == "same" else 0
    return (length - 1) * stride + kernel - 2 * pad + output_padding


def conv_transpose_nd(x, kernel, out_sizes, strides, dilations, padding, conv_valid):
    """Transposed convolution of N...C `x` with a (K..., Cout, Cin) kernel to `out_sizes`."""
    spatial = len(strides)
    in_sizes = list(x.shape)[1:1 + spatial]
    flipped = kernel[tuple([slice(None, None, -1)] * spatial)]
    flipped = _C.transpose(flipped, list(range(spatial)) + [spatial + 1, spatial])
    pads, crops = [], []
    for axis in range(spatial):
        x = _dilate(x, axis + 1, strides[axis])
        effective = (kernel.shape[axis] - 1) * dilations[axis] + 1
        full = (in_sizes[axis] - 1) * strides[axis] + effective
        before = 0
        if padding == "same":
            before = max((in_sizes[axis] - 1) * strides[axis] + effective - out_sizes[axis],
                         0) // 2
        extra = max(before + out_sizes[axis] - full, 0)  # output_padding past the full output
        pads.append((effective - 1, effective - 1 + extra))
        crops.append(slice(before, before + out_sizes[axis]))
    full_out = conv_valid(_pad(x, pads), flipped, [1] * spatial, dilations)
    return full_out[(slice(None),) + tuple(crops) + (slice(None),)]


class Conv3D(_Conv):
    rank = 3

    def __init__(self, filters, kernel_size, strides=(1, 1, 1), padding="valid",
                 data_format=None, dilation_rate=(1, 1, 1), groups=1, activation=None,
                 use_bias=True, **kwargs):
        super().__init__(filters, kernel_size, strides, padding, data_format, dilation_rate,
                         groups, activation, use_bias, **kwargs)
        if self.padding == "causal":
            raise ValueError("Causal padding is only supported for `Conv1D`.")
        self.input_spec = InputSpec(ndim=5)

    def call(self, inputs):
        if self.padding == "same":
            inputs = _pad(inputs, [_same_padding(inputs.shape[i + 1], self.kernel_size[i],
                                                 self.strides[i], self.dilation_rate[i])
                                   for i in range(3)])
        return self._finish(conv3d_valid(inputs, self.kernel, self.strides, self.dilation_rate))


class _ConvTranspose(_Conv):
    def __init__(self, filters, kernel_size, strides, padding, output_padding, data_format,
                 dilation_rate, activation, use_bias, **kwargs):
        super().__init__(filters, kernel_size, strides, padding, data_format, dilation_rate, 1,
                         activation, use_bias, **kwargs)
        if self.padding == "causal":
            raise ValueError("Causal padding is not supported for transposed convolutions.")
        self.output_padding = None if output_padding is None else \
            normalize_tuple(output_padding, self.rank, "output_padding")
        if self.output_padding is not None:
            for pad, stride in zip(self.output_padding, self.strides):
                if pad >= stride:
                    raise ValueError("Strides %s must be greater than output padding %s."
                                     % (self.strides, self.output_padding))
        self.input_spec = InputSpec(ndim=self.rank + 2)

    def _kernel_shape(self, channels):
        return self.kernel_size + (self.filters, channels)

    def _out_sizes(self, inputs):
        return [deconv_length(inputs.shape[i + 1], self.kernel_size[i], self.padding,
                              None if self.output_padding is None else self.output_padding[i],
                              self.strides[i], self.dilation_rate[i])
                for i in range(self.rank)]

    def get_config(self):
        config = super().get_config()
        config.pop("groups", None)  # Keras' transposed convolutions take no `groups`
        config["output_padding"] = self.output_padding
        return config


class Conv3DTranspose(_ConvTranspose):
    rank = 3

    def __init__(self, filters, kernel_size, strides=(1, 1, 1), padding="valid",
                 output_padding=None, data_format=None, dilation_rate=(1, 1, 1), activation=None,
                 use_bias=True, **kwargs):
        super().__init__(filters, kernel_size, strides, padding, output_padding, data_format,
                         dilation_rate, activation, use_bias, **kwargs)

    def call(self, inputs):
        out = conv_transpose_nd(inputs, self.kernel, self._out_sizes(inputs), self.strides,
                                self.dilation_rate, self.padding, conv3d_valid)
        return self._finish(out)


class Conv1DTranspose(_ConvTranspose):
    rank = 1

    def __init__(self, filters, kernel_size, strides=1, padding="valid", output_padding=None,
                 data_format=None, dilation_rate=1, activation=None, use_bias=True, **kwargs):
        super().__init__(filters, kernel_size, strides, padding, output_padding, data_format,
                         dilation_rate, activation, use_bias, **kwargs)

    def call(self, inputs):
        n = inputs.shape[0]
        out = nn().conv1d_transpose(inputs, self.kernel, [n] + self._out_sizes(inputs)
                                    + [self.filters], strides=list(self.strides),
                                    padding=self.padding.upper(),
                                    dilations=list(self.dilation_rate))
        return self._finish(out)


class DepthwiseConv1D(_Conv):
    """Per-channel 1-D convolution (depth_multiplier outputs per channel); Keras 3 names the
    kernel `kernel`, shape (k, channels, depth_multiplier)."""

    rank = 1

    def __init__(self, kernel_size, strides=1, padding="valid", depth_multiplier=1,
                 data_format=None, dilation_rate=1, activation=None, use_bias=True,
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
        if self.padding == "causal":
            raise ValueError("The `padding` argument must be a list/tuple or one of {'same', "
                             "'valid'}. Received: causal")
        self.depth_multiplier = int(depth_multiplier)
        self.input_spec = InputSpec(ndim=3)

    def build(self, input_shape):
        channels = input_shape[-1]
        self.kernel = self.add_weight(
            "kernel", self.kernel_size + (channels, self.depth_multiplier),
            initializer=self.kernel_initializer, regularizer=self.kernel_regularizer,
            constraint=self.kernel_constraint)
        self.bias = self.add_weight("bias", (channels * self.depth_multiplier,),
                                    initializer=self.bias_initializer,
                                    regularizer=self.bias_regularizer) if self.use_bias else None
        self.input_spec = InputSpec(ndim=3, axes={-1: channels})
        self.built = True

    def _depthwise(self, inputs, kernel):
        out = nn().depthwise_conv2d(_C.expand_dims(inputs, 1), _C.expand_dims(kernel, 0),
                                    strides=[1, 1, self.strides[0], 1],
                                    padding=self.padding.upper(),
                                    dilations=[1, self.dilation_rate[0]])
        return _C.squeeze(out, [1])

    def call(self, inputs):
        return self._finish(self._depthwise(inputs, self.kernel))

    def get_config(self):
        config = _depthwise_names(super().get_config())
        config.pop("filters")
        config["depth_multiplier"] = self.depth_multiplier
        return config


class SeparableConv1D(DepthwiseConv1D):
    """A DepthwiseConv1D followed by a pointwise (1, channels * depth_multiplier, filters)
    convolution."""

    def __init__(self, filters, kernel_size, strides=1, padding="valid", data_format=None,
                 dilation_rate=1, depth_multiplier=1, activation=None, use_bias=True,
                 depthwise_initializer="glorot_uniform", pointwise_initializer="glorot_uniform",
                 bias_initializer="zeros", depthwise_regularizer=None, pointwise_regularizer=None,
                 bias_regularizer=None, activity_regularizer=None, depthwise_constraint=None,
                 pointwise_constraint=None, bias_constraint=None, **kwargs):
        super().__init__(kernel_size, strides, padding, depth_multiplier, data_format,
                         dilation_rate, activation, use_bias, depthwise_initializer,
                         bias_initializer, depthwise_regularizer, bias_regularizer,
                         activity_regularizer, depthwise_constraint, bias_constraint, **kwargs)
        self.filters = int(filters)
        self.pointwise_initializer = initializers_mod.get(pointwise_initializer)
        self.pointwise_regularizer = regularizers_mod.get(pointwise_regularizer)
        self.pointwise_constraint = pointwise_constraint

    def build(self, input_shape):
        channels = input_shape[-1]
        self.depthwise_kernel = self.add_weight(
            "depthwise_kernel", self.kernel_size + (channels, self.depth_multiplier),
            initializer=self.kernel_initializer, regularizer=self.kernel_regularizer)
        self.pointwise_kernel = self.add_weight(
            "pointwise_kernel", (1, channels * self.depth_multiplier, self.filters),
            initializer=self.pointwise_initializer, regularizer=self.pointwise_regularizer)
        self.bias = self.add_weight("bias", (self.filters,), initializer=self.bias_initializer,
                                    regularizer=self.bias_regularizer) if self.use_bias else None
        self.input_spec = InputSpec(ndim=3, axes={-1: channels})
        self.built = True

    def call(self, inputs):
        depthwise = self._depthwise(inputs, self.depthwise_kernel)
        out = _C.matmul(_C.reshape(depthwise, [-1, depthwise.shape[-1]]),
                        self.pointwise_kernel[0], False, False)
        return self._finish(_C.reshape(out, list(depthwise.shape[:-1]) + [self.filters]))

    def get_config(self):
        config = super().get_config()
        config.update({"filters": self.filters,
                       "pointwise_initializer": initializers_mod.serialize(
                           self.pointwise_initializer),
                       "pointwise_regularizer": regularizers_mod.serialize(
                           self.pointwise_regularizer),
                       "pointwise_constraint": None})
        return config


Convolution3D, Convolution3DTranspose = Conv3D, Conv3DTranspose
Convolution1DTranspose = Conv1DTranspose
