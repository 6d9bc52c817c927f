"""EinsumDense: a dense layer whose contraction is an einsum equation (Keras 3's layer, used by
MultiHeadAttention for its projections). Weight shapes follow Keras' equation analysis."""

import re

import numpy as np

from ... import _C
from .. import activations
from .. import initializers as initializers_mod
from .. import regularizers as regularizers_mod
from .base_layer import Layer
from .input_spec import InputSpec


def _split_equation(equation):
    """(input spec, weight spec, output spec, left_elided) of an EinsumDense equation."""
    compact = re.sub(r"\.\.\.", "0", str(equation))
    for pattern, left in (("([a-zA-Z]+),([a-zA-Z]+)->([a-zA-Z]+)$", False),
                          ("0([a-zA-Z]+),([a-zA-Z]+)->0([a-zA-Z]+)$", True),
                          ("([a-zA-Z]{2,})0,([a-zA-Z]+)->([a-zA-Z]+)0$", False)):
        match = re.match(pattern, compact)
        if match:
            return match.group(1), match.group(2), match.group(3), left
    raise ValueError("Invalid einsum equation '%s'. Equations must be in the form [X],[Y]->[Z], "
                     "...[X],[Y]->...[Z], or [X]...,[Y]->[Z]...." % (equation,))


def analyze_einsum(equation, bias_axes, input_shape, partial_output_shape):
    """(kernel_shape, bias_shape or None, full output shape, kernel input axes, kernel output
    axes), as Keras' _analyze_split_string computes them."""
    input_spec, weight_spec, output_spec, left_elided = _split_equation(equation)
    input_shape = list(input_shape)
    elided = len(input_shape) - len(input_spec)
    output_shape = [input_shape[0]] + list(partial_output_shape)
    if elided > 0 and left_elided:
        for i in range(1, elided):
            output_shape.insert(1, input_shape[i])
    elif elided > 0:
        output_shape.extend(input_shape[len(input_shape) - elided:])
    if left_elided:
        input_map = {d: i + elided - len(input_shape) for i, d in enumerate(input_spec)}
        output_map = {d: i + elided for i, d in enumerate(output_spec)}
    else:
        input_map = {d: i for i, d in enumerate(input_spec)}
        output_map = {d: i for i, d in enumerate(output_spec)}
    try:
        return _weight_shapes(input_spec, weight_spec, output_spec, input_shape, output_shape,
                              input_map, output_map, bias_axes, elided, left_elided)
    except IndexError:
        raise ValueError("Einsum equation '%s' does not fit an input of shape %s with "
                         "output_shape %s" % (equation, tuple(input_shape),
                                              tuple(partial_output_shape))) from None


def _weight_shapes(input_spec, weight_spec, output_spec, input_shape, output_shape, input_map,
                   output_map, bias_axes, elided, left_elided):
    for dim in input_spec:
        if dim in output_map:
            out_dim, in_dim = output_shape[output_map[dim]], input_shape[input_map[dim]]
            if out_dim is not None and out_dim != in_dim:
                raise ValueError("Input shape and output shape do not match at shared dimension "
                                 "'%s'. Input shape is %s, and output shape is %s."
                                 % (dim, in_dim, out_dim))
    for dim in output_spec:
        if dim not in input_spec and dim not in weight_spec:
            raise ValueError("Dimension '%s' was specified in the output '%s' but has no "
                             "corresponding dim in the input spec '%s' or weight spec '%s'"
                             % (dim, output_spec, input_spec, output_spec))
    kernel_shape, input_axes, output_axes = [], [], []
    for i, dim in enumerate(weight_spec):
        if dim in output_map:
            kernel_shape.append(output_shape[output_map[dim]])
            output_axes.append(i)
        elif dim in input_map:
            kernel_shape.append(input_shape[input_map[dim]])
            input_axes.append(i)
        else:
            raise ValueError("Weight dimension '%s' did not have a match in either the input spec "
                             "'%s' or the output spec '%s'. For this layer, the weight must be "
                             "fully specified." % (dim, input_spec, output_spec))
    bias_shape = None
    if bias_axes is not None:
        offset = elided if left_elided else 0
        sizes = {c: output_shape[i + offset] for i, c in enumerate(output_spec)}
        for c in bias_axes:
            if c not in output_spec:
                raise ValueError("Bias dimension '%s' was requested, but is not part of the "
                                 "output spec '%s'" % (c, output_spec))
        first = min(output_spec.find(c) for c in bias_axes)
        bias_shape = [sizes[c] if c in bias_axes else 1 for c in output_spec[first:]]
        if not left_elided:
            bias_shape += [1] * max(elided, 0)
    return kernel_shape, bias_shape, output_shape, input_axes, output_axes


def _fan_aware(initializer, input_axes, output_axes):
    """Keras gives VarianceScaling initializers the kernel's input / output axes, so fans are
    products over those axes; drawing a (fan_in, fan_out) matrix and reshaping does the same."""
    if not isinstance(initializer, initializers_mod.VarianceScaling):
        return initializer

    def draw(shape, dtype=None):
        fan_in = int(np.prod([shape[i] for i in input_axes], dtype=np.int64))
        fan_out = int(np.prod([shape[i] for i in output_axes], dtype=np.int64))
        return _C.reshape(initializer((fan_in, fan_out), dtype=dtype), list(shape))
    return draw


class EinsumDense(Layer):
    """outputs = activation(einsum(equation, inputs, kernel) + bias)."""

    def __init__(self, equation, output_shape, activation=None, bias_axes=None,
                 kernel_initializer="glorot_uniform", bias_initializer="zeros",
                 kernel_regularizer=None, bias_regularizer=None, kernel_constraint=None,
                 bias_constraint=None, lora_rank=None, lora_alpha=None, **kwargs):
        kwargs.pop("quantization_config", None)
        kwargs.pop("gptq_unpacked_column_size", None)
        super().__init__(**kwargs)
        _split_equation(equation)  # fail early, as Keras does at build
        self.equation = equation
        self.partial_output_shape = (output_shape,) if isinstance(output_shape, int) \
            else tuple(output_shape)
        self.bias_axes = bias_axes
        self.activation = activations.get(activation)
        self.kernel_initializer = initializers_mod.get(kernel_initializer)
        self.bias_initializer = initializers_mod.get(bias_initializer)
        self.kernel_regularizer = regularizers_mod.get(kernel_regularizer)
        self.bias_regularizer = regularizers_mod.get(bias_regularizer)
        self.kernel_constraint, self.bias_constraint = kernel_constraint, bias_constraint
        if lora_rank:
            raise NotImplementedError("EinsumDense(lora_rank=...) is not supported by fasttf")

    def build(self, input_shape):
        input_shape = tuple(input_shape)
        kernel_shape, bias_shape, _, input_axes, output_axes = analyze_einsum(
            self.equation, self.bias_axes, input_shape, self.partial_output_shape)
        if any(d is None for d in kernel_shape):
            raise ValueError("EinsumDense kernel shape %s has an undefined dimension (input "
                             "shape %s)" % (tuple(kernel_shape), input_shape))
        self.input_spec = InputSpec(ndim=len(input_shape))
        self.kernel = self.add_weight(
            "kernel", kernel_shape,
            initializer=_fan_aware(self.kernel_initializer, input_axes, output_axes),
            regularizer=self.kernel_regularizer, constraint=self.kernel_constraint)
        self.bias = self.add_weight("bias", bias_shape, initializer=self.bias_initializer,
                                    regularizer=self.bias_regularizer,
                                    constraint=self.bias_constraint) \
            if bias_shape is not None else None
        self.built = True

    def call(self, inputs):
        from ...linalg import einsum
        out = einsum(self.equation, inputs, self.kernel)
        if self.bias is not None:
            out = out + self.bias
        if self.activation is not activations.linear:
            out = self.activation(out)
        return out

    def compute_output_shape(self, input_shape):
        return tuple(analyze_einsum(self.equation, self.bias_axes, tuple(input_shape),
                                    self.partial_output_shape)[2])

    def get_config(self):
        config = super().get_config()
        config.update({
            "output_shape": self.partial_output_shape, "equation": self.equation,
            "activation": activations.serialize(self.activation), "bias_axes": self.bias_axes,
            "kernel_initializer": initializers_mod.serialize(self.kernel_initializer),
            "bias_initializer": initializers_mod.serialize(self.bias_initializer),
            "kernel_regularizer": regularizers_mod.serialize(self.kernel_regularizer),
            "bias_regularizer": regularizers_mod.serialize(self.bias_regularizer),
            "activity_regularizer": regularizers_mod.serialize(self.activity_regularizer),
            "kernel_constraint": None, "bias_constraint": None, "quantization_config": None})
        return config
