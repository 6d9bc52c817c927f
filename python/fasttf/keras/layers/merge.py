"""Merge layers: Add, Subtract, Multiply, Average, Maximum, Minimum, Concatenate, Dot."""

from ... import _C
from .base_layer import Layer

_B = _C.BinaryOp


class _Merge(Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True

    def _check(self, inputs):
        if not isinstance(inputs, (list, tuple)):
            raise ValueError("A merge layer should be called on a list of inputs. Received: "
                             "inputs=%s (not a list of tensors)" % (inputs,))
        if len(inputs) < 1:
            raise ValueError("A merge layer should be called on a list of at least 1 input. "
                             "Got %d inputs." % len(inputs))

    def build(self, input_shape):
        if not isinstance(input_shape, (list, tuple)):
            raise ValueError("A merge layer should be called on a list of inputs. Received: "
                             "input_shape=%s (not a list of shapes)" % (input_shape,))
        self.built = True

    def call(self, inputs):
        self._check(inputs)
        out = inputs[0]
        for x in inputs[1:]:
            out = self._merge(out, x)
        return self._finish(out, len(inputs))

    def _finish(self, out, count):
        return out

    def compute_mask(self, inputs, mask=None):
        """Keras 3: the OR of the inputs' masks, None unless every input has one."""
        masks = _check_masks(inputs, mask)
        if masks is None or any(m is None for m in masks):
            return None
        out = masks[0]
        for m in masks[1:]:
            out = _C.binary_op(_B.logical_or, out, m)
        return out


def _check_masks(inputs, mask):
    if mask is None:
        return None
    if not isinstance(mask, (tuple, list)):
        raise ValueError(f"`mask` should be a list. Received: mask={mask}")
    if not isinstance(inputs, (tuple, list)):
        raise ValueError(f"`inputs` should be a list. Received: inputs={inputs}")
    if len(mask) != len(inputs):
        raise ValueError("The lists `inputs` and `mask` should have the same length. Received: "
                         f"inputs={inputs} of length {len(inputs)}, and mask={mask} of length "
                         f"{len(mask)}")
    return list(mask)


class Add(_Merge):
    def _merge(self, a, b):
        return a + b


class Subtract(_Merge):
    def call(self, inputs):
        self._check(inputs)
        if len(inputs) != 2:
            raise ValueError("A `Subtract` layer should be called on exactly 2 inputs. Received: "
                             "inputs=%s" % (inputs,))
        return inputs[0] - inputs[1]


class Multiply(_Merge):
    def _merge(self, a, b):
        return a * b


class Average(_Merge):
    def _merge(self, a, b):
        return a + b

    def _finish(self, out, count):
        return out * (1.0 / count)


class Maximum(_Merge):
    def _merge(self, a, b):
        return _C.binary_op(_B.maximum, a, b)


class Minimum(_Merge):
    def _merge(self, a, b):
        return _C.binary_op(_B.minimum, a, b)


class Concatenate(_Merge):
    def __init__(self, axis=-1, **kwargs):
        super().__init__(**kwargs)
        self.axis = axis

    def build(self, input_shape):
        super().build(input_shape)
        shapes = [tuple(s) for s in input_shape]
        if len(shapes) < 1:
            raise ValueError("A `Concatenate` layer should be called on a list of at least 1 "
                             "input. Received: input_shape=%s" % (input_shape,))
        ranks = {len(s) for s in shapes}
        if len(ranks) != 1:
            raise ValueError("A `Concatenate` layer requires inputs with matching shapes except "
                             "for the concatenation axis. Received: input_shape=%s" % (shapes,))
        rank = ranks.pop()
        axis = self.axis % rank
        for s in shapes[1:]:
            for i, (a, b) in enumerate(zip(shapes[0], s)):
                if i != axis and a is not None and b is not None and a != b:
                    raise ValueError("A `Concatenate` layer requires inputs with matching shapes "
                                     "except for the concatenation axis. Received: input_shape=%s"
                                     % (shapes,))

    def call(self, inputs):
        self._check(inputs)
        import fasttf
        return fasttf.concat(list(inputs), axis=self.axis)

    def compute_mask(self, inputs, mask=None):
        """Keras 3: the masks (all-True for an unmasked input, broadcast to the input's rank)
        concatenated, then any() over the last axis."""
        import fasttf
        masks = _check_masks(inputs, mask)
        if masks is None or all(m is None for m in masks):
            return None
        full = []
        for x, m in zip(inputs, masks):
            if m is None:
                full.append(fasttf.ones_like(x, dtype=fasttf.bool))
            elif len(m.shape) < len(x.shape):
                full.append(fasttf.logical_or(fasttf.expand_dims(m, -1),
                                              fasttf.zeros_like(x, dtype=fasttf.bool)))
            else:
                full.append(m)
        return fasttf.reduce_any(fasttf.concat(full, axis=self.axis), axis=-1)

    def get_config(self):
        config = super().get_config()
        config["axis"] = self.axis
        return config


class Dot(_Merge):
    def __init__(self, axes, normalize=False, **kwargs):
        super().__init__(**kwargs)
        self.axes, self.normalize = axes, normalize

    def compute_mask(self, inputs, mask=None):
        return None

    def call(self, inputs):
        self._check(inputs)
        a, b = inputs
        if self.normalize:
            a, b = _l2_normalize(a), _l2_normalize(b)
        axes = self.axes if isinstance(self.axes, (list, tuple)) else (self.axes, self.axes)
        if a.ndim == 2 and b.ndim == 2 and axes[0] % 2 == 1 and axes[1] % 2 == 1:
            return _C.reduce(_C.ReduceOp.sum, a * b, [1], True)
        raise NotImplementedError("Dot supports 2-D inputs with axes=1 only")

    def get_config(self):
        config = super().get_config()
        config.update({"axes": self.axes, "normalize": self.normalize})
        return config


def _l2_normalize(x):
    norm = _C.reduce(_C.ReduceOp.sum, _C.unary_op(_C.UnaryOp.square, x), [-1], True)
    return x * _C.unary_op(_C.UnaryOp.rsqrt, _C.binary_op(_B.maximum, norm,
                                                           _C.convert_to_tensor(1e-12, x.dtype)))


def add(inputs, **kwargs):
    return Add(**kwargs)(inputs)


def subtract(inputs, **kwargs):
    return Subtract(**kwargs)(inputs)


def multiply(inputs, **kwargs):
    return Multiply(**kwargs)(inputs)


def average(inputs, **kwargs):
    return Average(**kwargs)(inputs)


def maximum(inputs, **kwargs):
    return Maximum(**kwargs)(inputs)


def minimum(inputs, **kwargs):
    return Minimum(**kwargs)(inputs)


def concatenate(inputs, axis=-1, **kwargs):
    return Concatenate(axis=axis, **kwargs)(inputs)
