"""Attention layers as in Keras 3: MultiHeadAttention (EinsumDense projections named query / key
/ value / attention_output), Attention (Luong dot or concat scores) and AdditiveAttention
(Bahdanau scores). Everything is composed from differentiable ops, so the tape sees it all."""

import math
import string

import numpy as np

from ... import _C
from ...framework import dtypes
from .. import initializers as initializers_mod
from .. import regularizers as regularizers_mod
from . import base_layer
from .base_layer import Layer
from .core import Dropout
from .einsum_dense import EinsumDense

_R = _C.ReduceOp


def _large_negative(dtype):
    return -3e4 if dtypes.as_dtype(dtype).name == "float16" else -1e9


def _as_bool_mask(mask):
    """Keras keeps positions where a mask is True or > 0.5."""
    mask = mask if isinstance(mask, _C.Tensor) else _C.convert_to_tensor(np.asarray(mask))
    if mask.dtype != dtypes.bool_:
        mask = mask > _C.convert_to_tensor(np.asarray(0.5, mask.dtype.as_numpy_dtype))
    return mask


def masked_softmax(scores, axes, mask=None, zero_masked=True):
    """Softmax over `axes`; masked positions get a large negative logit and, like Keras' Softmax
    layer (zero_masked), an exact 0 afterwards, so a fully masked row gives zeros."""
    if mask is not None:
        big = _C.convert_to_tensor(np.asarray(_large_negative(scores.dtype),
                                              scores.dtype.as_numpy_dtype))
        scores = _C.where(mask, scores, big)
    shifted = scores - _C.stop_gradient(_C.reduce(_R.max, scores, list(axes), True))
    e = _C.unary_op(_C.UnaryOp.exp, shifted)
    out = e / _C.reduce(_R.sum, e, list(axes), True)
    if mask is not None and zero_masked:
        out = _C.where(mask, out, out * 0)
    return out


def _and(a, b):
    return _C.binary_op(_C.BinaryOp.logical_and, a, b)


def _letters(i):
    return string.ascii_lowercase[i]


def build_attention_equation(rank, attn_axes):
    """(dot-product equation, combine equation, scores rank) for projected tensors shaped
    (batch dims, attention dims, heads, channels), as Keras' _build_attention_equation."""
    target = "".join(_letters(i) for i in range(rank))
    batch_dims = [i for i in range(rank) if i not in attn_axes and i != rank - 1]
    offset, source = rank, ""
    for i in range(rank):
        if i in batch_dims or i == rank - 1:
            source += target[i]
        else:
            source += _letters(offset)
            offset += 1
    product = "".join([target[i] for i in batch_dims] + [target[i] for i in attn_axes]
                      + [source[i] for i in attn_axes])
    return ("%s,%s->%s" % (source, target, product), "%s,%s->%s" % (product, source, target),
            len(product))


def build_proj_equation(free_dims, bound_dims, output_dims):
    """(equation, bias axes, output rank) of a projection inside multi-head attention."""
    free = "".join(_letters(i) for i in range(free_dims))
    bound = "".join(_letters(free_dims + i) for i in range(bound_dims))
    out = "".join(_letters(free_dims + bound_dims + i) for i in range(output_dims))
    return "%s%s,%s%s->%s%s" % (free, bound, bound, out, free, out), out, free_dims + output_dims


def _partial_shape(output_rank, known_last_dims):
    return [None] * (output_rank - len(known_last_dims)) + list(known_last_dims)


def _positive_int(value, name, allow_none=False):
    if allow_none and value is None:
        return
    if not isinstance(value, (int, np.integer)) or isinstance(value, bool) or value <= 0:
        raise ValueError("Received an invalid value for argument `%s`, expected a positive "
                         "integer%s. Received: %s=%r"
                         % (name, " or `None`" if allow_none else "", name, value))


class MultiHeadAttention(Layer):
    """Multi-head scaled dot-product attention (Vaswani et al., 2017) with Keras 3's weights:
    query/key/value kernels (dim, num_heads, head_dim), attention_output (num_heads, value_dim,
    output dim)."""

    def __init__(self, num_heads, key_dim, value_dim=None, dropout=0.0, use_bias=True,
                 output_shape=None, attention_axes=None, kernel_initializer="glorot_uniform",
                 bias_initializer="zeros", kernel_regularizer=None, bias_regularizer=None,
                 activity_regularizer=None, kernel_constraint=None, bias_constraint=None,
                 seed=None, **kwargs):
        for unsupported in ("use_gate", "sliding_window", "flash_attention"):
            if kwargs.pop(unsupported, None):
                raise NotImplementedError("MultiHeadAttention(%s=...) is not supported by fasttf"
                                          % unsupported)
        _positive_int(num_heads, "num_heads")
        _positive_int(key_dim, "key_dim")
        _positive_int(value_dim, "value_dim", allow_none=True)
        super().__init__(**kwargs)
        self._num_heads, self._key_dim = int(num_heads), int(key_dim)
        self._value_dim = int(value_dim) if value_dim else self._key_dim
        self._dropout, self._use_bias, self.seed = float(dropout), use_bias, seed
        if output_shape:
            output_shape = (output_shape,) if isinstance(output_shape, int) else output_shape
            if not isinstance(output_shape, (list, tuple)):
                raise ValueError("Invalid `output_shape`: %r. When specified, the `output_shape` "
                                 "should be of type tuple, list, or int." % (output_shape,))
            output_shape = tuple(output_shape)
        self._output_shape = output_shape or None
        if isinstance(attention_axes, int):
            attention_axes = (attention_axes,)
        elif attention_axes and not isinstance(attention_axes, (list, tuple)):
            raise ValueError("`attention_axes` must be an int, list, or tuple.Received: "
                             "attention_axes=%r" % (attention_axes,))
        self._attention_axes = tuple(attention_axes) if attention_axes else None
        self._kernel_initializer = initializers_mod.get(kernel_initializer)
        self._bias_initializer = initializers_mod.get(bias_initializer)
        self._kernel_regularizer = regularizers_mod.get(kernel_regularizer)
        self._bias_regularizer = regularizers_mod.get(bias_regularizer)
        self._kernel_constraint, self._bias_constraint = kernel_constraint, bias_constraint
        self._activity_regularizer_config = activity_regularizer
        self._inverse_sqrt_key_dim = 1.0 / math.sqrt(float(self._key_dim))
        self._projections_built = False
        self.supports_masking = True

    num_heads = property(lambda self: self._num_heads)
    key_dim = property(lambda self: self._key_dim)
    value_dim = property(lambda self: self._value_dim)
    dropout = property(lambda self: self._dropout)
    use_bias = property(lambda self: self._use_bias)
    attention_axes = property(lambda self: self._attention_axes)

    # -- building -------------------------------------------------------------------------
    def build(self, query_shape, value_shape=None, key_shape=None):
        # Layer.__call__ builds from the query alone; the projections wait for the value's
        # shape (first call), unless the caller passes both as Keras 3 code does.
        if value_shape is None:
            self.built = True
            return
        self._build_projections(tuple(query_shape), tuple(value_shape),
                                None if key_shape is None else tuple(key_shape))

    def _sublayer_kwargs(self):
        def fresh(initializer):  # a new instance per sub-layer, so seeds are not reused
            config = initializers_mod.serialize(initializer)
            return initializers_mod.get(config) if isinstance(config, (dict, str)) \
                else initializer
        return dict(kernel_regularizer=self._kernel_regularizer,
                    bias_regularizer=self._bias_regularizer,
                    activity_regularizer=self._activity_regularizer_config,
                    kernel_constraint=self._kernel_constraint,
                    bias_constraint=self._bias_constraint, dtype=self.dtype,
                    kernel_initializer=fresh(self._kernel_initializer),
                    bias_initializer=fresh(self._bias_initializer))

    def _projection(self, input_rank, heads_dim, name):
        equation, bias_axes, output_rank = build_proj_equation(input_rank - 1, 1, 2)
        return EinsumDense(equation, _partial_shape(output_rank - 1, [self._num_heads, heads_dim]),
                           bias_axes=bias_axes if self._use_bias else None, name=name,
                           **self._sublayer_kwargs())

    def _build_projections(self, query_shape, value_shape, key_shape):
        key_shape = value_shape if key_shape is None else key_shape
        if tuple(value_shape[1:-1]) != tuple(key_shape[1:-1]):
            raise ValueError("All dimensions of `value` and `key`, except the last one, must be "
                             "equal. Received: value_shape=%s and key_shape=%s"
                             % (value_shape, key_shape))
        scope = base_layer._NAME_SCOPE
        pushed = not scope or scope[-1] != self.name
        if pushed:  # sub-layer variables are named "<this layer>/query/kernel", as in Keras
            scope.append(self.name)
        try:
            self._query_dense = self._projection(len(query_shape), self._key_dim, "query")
            self._query_dense.build(query_shape)
            self._key_dense = self._projection(len(key_shape), self._key_dim, "key")
            self._key_dense.build(key_shape)
            self._value_dense = self._projection(len(value_shape), self._value_dim, "value")
            self._value_dense.build(value_shape)
            self._build_attention(len(query_shape) + 1)
            self._output_dense = self._make_output_dense(query_shape)
            projected = list(self._query_dense.compute_output_shape(query_shape))
            projected[-1] = self._value_dim
            self._output_dense.build(tuple(projected))
            # Keras exposes these as public properties too, and its weights files name them
            # that way ('query_dense/vars'); public attributes give fasttf's walk the same paths.
            self.query_dense, self.key_dense = self._query_dense, self._key_dense
            self.value_dense, self.output_dense = self._value_dense, self._output_dense
        finally:
            if pushed:
                scope.pop()
        self._projections_built = True
        self.built = True

    def _make_output_dense(self, query_shape):
        output_shape = self._output_shape or [query_shape[-1]]
        equation, bias_axes, output_rank = build_proj_equation(len(query_shape) - 1, 2,
                                                               len(output_shape))
        return EinsumDense(equation, _partial_shape(output_rank - 1, output_shape),
                           bias_axes=bias_axes if self._use_bias else None,
                           name="attention_output", **self._sublayer_kwargs())

    def _build_attention(self, rank):
        if self._attention_axes is None:
            self._attention_axes = tuple(range(1, rank - 2))
        else:
            self._attention_axes = tuple(a if a >= 0 else (rank - 1) + a
                                         for a in self._attention_axes)
        for axis in self._attention_axes:
            if not 0 < axis < rank - 2:
                raise ValueError("Invalid `attention_axes` %s for inputs of rank %d"
                                 % (self._attention_axes, rank - 1))
        self._dot_product_equation, self._combine_equation, scores_rank = \
            build_attention_equation(rank, self._attention_axes)
        n = len(self._attention_axes)
        self._norm_axes = tuple(range(scores_rank - n, scores_rank))
        self._dropout_layer = Dropout(rate=self._dropout, seed=self.seed, dtype=self.dtype)

    # -- calling --------------------------------------------------------------------------
    def call(self, query, value, key=None, query_mask=None, value_mask=None, key_mask=None,
             attention_mask=None, return_attention_scores=False, training=None,
             use_causal_mask=False):
        value = self._convert_input(value)
        key = value if key is None else self._convert_input(key)
        if not self._projections_built:
            self._build_projections(tuple(query.shape), tuple(value.shape), tuple(key.shape))
        attention_mask = self._compute_attention_mask(query, value, query_mask, value_mask,
                                                      key_mask, attention_mask, use_causal_mask)
        query = self._query_dense(query)
        key = self._key_dense(key)
        value = self._value_dense(value)
        output, scores = self._compute_attention(query, key, value, attention_mask, training,
                                                 return_attention_scores)
        output = self._output_dense(output)
        return (output, scores) if return_attention_scores else output

    def _compute_attention(self, query, key, value, attention_mask=None, training=None,
                           return_attention_scores=False):
        query = query * _C.convert_to_tensor(np.asarray(self._inverse_sqrt_key_dim,
                                                        query.dtype.as_numpy_dtype))
        from ...linalg import einsum
        scores = einsum(self._dot_product_equation, key, query)
        if attention_mask is not None:
            expand_at = -len(self._attention_axes) * 2 - 1
            for _ in range(scores.ndim - attention_mask.ndim):
                attention_mask = _C.expand_dims(attention_mask, expand_at)
        # Keras takes a fused path (no zeroing of fully masked rows) for rank-4 projections
        # without dropout or returned scores; the Softmax-layer path zeroes masked positions.
        fused = not (self._dropout > 0 or return_attention_scores or query.ndim != 4)
        scores = masked_softmax(scores, self._norm_axes, attention_mask, zero_masked=not fused)
        dropped = self._dropout_layer(scores, training=training) if self._dropout > 0 else scores
        return einsum(self._combine_equation, dropped, value), scores

    def _compute_attention_mask(self, query, value, query_mask=None, value_mask=None,
                                key_mask=None, attention_mask=None, use_causal_mask=False):
        auto = None
        for mask, axis in ((query_mask, -1), (value_mask, -2), (key_mask, -2)):
            if mask is not None:
                mask = _C.expand_dims(_as_bool_mask(mask), axis)
                auto = mask if auto is None else _and(auto, mask)
        if use_causal_mask:
            mask = self._compute_causal_mask(query, value)
            auto = mask if auto is None else _and(auto, mask)
        if attention_mask is not None:
            attention_mask = _as_bool_mask(attention_mask)
        if auto is not None:
            attention_mask = auto if attention_mask is None \
                else _and(attention_mask, auto)
        return attention_mask

    def _compute_causal_mask(self, query, value=None):
        """(1, T, S) lower-triangular boolean mask."""
        t = query.shape[1]
        s = t if value is None else value.shape[1]
        return _C.convert_to_tensor(np.tril(np.ones((t, s), bool))[None])

    def compute_output_shape(self, query_shape, value_shape=None, key_shape=None):
        query_shape = tuple(query_shape)
        if self._output_shape:
            return query_shape[:-1] + tuple(self._output_shape)
        return query_shape

    def get_config(self):
        config = super().get_config()
        config.update({
            "num_heads": self._num_heads, "key_dim": self._key_dim,
            "value_dim": self._value_dim, "dropout": self._dropout, "use_bias": self._use_bias,
            "use_gate": False, "sliding_window": None, "output_shape": self._output_shape, "attention_axes": self._attention_axes,
            "kernel_initializer": initializers_mod.serialize(self._kernel_initializer),
            "bias_initializer": initializers_mod.serialize(self._bias_initializer),
            "kernel_regularizer": regularizers_mod.serialize(self._kernel_regularizer),
            "bias_regularizer": regularizers_mod.serialize(self._bias_regularizer),
            "activity_regularizer": regularizers_mod.serialize(
                regularizers_mod.get(self._activity_regularizer_config)),
            "kernel_constraint": None, "bias_constraint": None, "seed": self.seed})
        return config


class Attention(Layer):
    """Dot-product (Luong) attention over [query, value] or [query, value, key]:
    softmax(query @ key^T [* scale]) @ value; score_mode='concat' uses
    sum(tanh(query + key)) scores instead."""

    def __init__(self, use_scale=False, score_mode="dot", dropout=0.0, seed=None, **kwargs):
        # Keras 2 took `causal` here; Keras 3 takes use_causal_mask in call. Both work.
        self.causal = bool(kwargs.pop("causal", False))
        super().__init__(**kwargs)
        if score_mode not in ("dot", "concat"):
            raise ValueError("Invalid value for argument score_mode. Expected one of {'dot', "
                             "'concat'}. Received: score_mode=%s" % (score_mode,))
        self.use_scale, self.score_mode = use_scale, score_mode
        self.dropout, self.seed = float(dropout), seed
        self._dropout_rng = np.random.default_rng(seed) if seed is not None else None
        self.supports_masking = True

    def build(self, input_shape):
        self._validate_inputs(input_shape)
        self.scale = self.add_weight("scale", (), initializer="ones") if self.use_scale \
            else None
        self.concat_score_weight = self.add_weight("concat_score_weight", (),
                                                   initializer="ones") \
            if self.score_mode == "concat" else None
        self.built = True

    def _calculate_scores(self, query, key):
        if self.score_mode == "dot":
            scores = _C.matmul(query, key, False, True)
            return scores * self.scale if self.scale is not None else scores
        summed = _C.expand_dims(query, -2) + _C.expand_dims(key, -3)
        if self.scale is not None:
            summed = summed * self.scale
        return self.concat_score_weight * _C.reduce(
            _R.sum, _C.unary_op(_C.UnaryOp.tanh, summed), [-1], False)

    def _apply_scores(self, scores, value, scores_mask=None, training=False):
        if scores_mask is not None:
            if scores_mask.ndim == 2:
                scores_mask = _C.expand_dims(scores_mask, -2)
            big = -65504.0 if scores.dtype.name == "float16" else -1.0e9
            scores = _C.where(scores_mask, scores,
                              scores + _C.convert_to_tensor(np.asarray(
                                  big, scores.dtype.as_numpy_dtype)))
        weights = masked_softmax(scores, [-1])
        if training and self.dropout > 0:
            weights = _dropout(weights, self.dropout, self._dropout_rng)
        return _C.matmul(weights, value, False, False), weights

    def _score_mask(self, scores, value_mask, use_causal_mask):
        if not use_causal_mask:
            return value_mask
        tq, tv = scores.shape[-2], scores.shape[-1]
        causal = _C.convert_to_tensor(np.tril(np.ones((tq, tv), bool))[None])
        if value_mask is not None:
            return _and(_C.expand_dims(value_mask, -2), causal)
        return causal

    def call(self, inputs, mask=None, training=False, return_attention_scores=False,
             use_causal_mask=False):
        self._validate_inputs(inputs, mask)
        use_causal_mask = use_causal_mask or self.causal
        query, value = inputs[0], inputs[1]
        key = inputs[2] if len(inputs) > 2 else value
        query_mask = _as_bool_mask(mask[0]) if mask and mask[0] is not None else None
        value_mask = _as_bool_mask(mask[1]) if mask and mask[1] is not None else None
        scores = self._calculate_scores(query, key)
        output, weights = self._apply_scores(
            scores, value, self._score_mask(scores, value_mask, use_causal_mask), training)
        if query_mask is not None:
            output = _C.where(_C.expand_dims(query_mask, -1), output, output * 0)
        return (output, weights) if return_attention_scores else output

    def compute_mask(self, inputs, mask=None):
        self._validate_inputs(inputs, mask)
        if mask is None or mask[0] is None:
            return None
        return _as_bool_mask(mask[0])

    def _validate_inputs(self, inputs, mask=None):
        name = type(self).__name__
        if not isinstance(inputs, list):
            raise ValueError("%s layer must be called on a list of inputs, namely [query, value] "
                             "or [query, value, key]. Received: inputs=%r." % (name, inputs))
        if not 2 <= len(inputs) <= 3:
            raise ValueError("%s layer accepts inputs list of length 2 or 3, namely [query, "
                             "value] or [query, value, key]. Received length: %d."
                             % (name, len(inputs)))
        if mask is not None:
            if not isinstance(mask, list):
                raise ValueError("%s layer mask must be a list, namely [query_mask, value_mask]. "
                                 "Received: mask=%r." % (name, mask))
            if not 2 <= len(mask) <= 3:
                raise ValueError("%s layer accepts mask list of length 2 or 3. Received: "
                                 "mask=%r." % (name, mask))

    def compute_output_shape(self, input_shape):
        return tuple(input_shape[0][:-1]) + (input_shape[1][-1],)

    def get_config(self):
        config = super().get_config()
        config.update({"use_scale": self.use_scale, "score_mode": self.score_mode,
                       "dropout": self.dropout, "seed": self.seed})
        if self.causal:  # a Keras 2 model's setting; Keras 3 configs never carry it
            config["causal"] = True
        return config


def _dropout(x, rate, rng):
    from .. import backend
    rng = rng or backend.rng()
    keep = rng.random(tuple(x.shape)) >= rate
    scale = keep.astype(x.dtype.as_numpy_dtype) / (1.0 - rate)
    return x * _C.convert_to_tensor(scale)


class AdditiveAttention(Attention):
    """Bahdanau attention: scores = sum(scale * tanh(query + key)) over the feature axis, with a
    trainable `scale` vector of the feature size."""

    def __init__(self, use_scale=True, dropout=0.0, **kwargs):
        kwargs.pop("score_mode", None)
        super().__init__(use_scale=use_scale, dropout=dropout, **kwargs)

    def build(self, input_shape):
        self._validate_inputs(input_shape)
        dim = input_shape[0][-1]
        self.scale = self.add_weight("scale", (dim,), initializer="glorot_uniform") \
            if self.use_scale else None
        self.concat_score_weight = None
        self.built = True

    def _calculate_scores(self, query, key):
        summed = _C.unary_op(_C.UnaryOp.tanh, _C.expand_dims(query, -2) + _C.expand_dims(key, -3))
        if self.scale is not None:
            summed = summed * self.scale
        return _C.reduce(_R.sum, summed, [-1], False)

    def get_config(self):
        config = super().get_config()
        del config["score_mode"]
        return config
