"""Keras 3 data preprocessing layers with state learned by adapt(): Normalization (feature mean
and variance), Discretization (quantile bin boundaries), and CategoryEncoding (one-hot,
multi-hot and count encodings of integer ids)."""

import math

import numpy as np

from ... import _C
from ...framework import dtypes, errors
from ...framework.constant_op import convert_to_tensor
from .. import backend
from .base_layer import Layer


def _batches(data):
    """Yields NumPy batches from an array, a tensor, a tf.data.Dataset or any iterable of
    batches; (x, y[, w]) tuples give their x, as Keras' _extract_batch."""
    if isinstance(data, np.ndarray):
        yield data
        return
    if isinstance(data, _C.Tensor):
        yield data.numpy()
        return
    if not hasattr(data, "__iter__"):
        raise TypeError("Unsupported data type: %s. `adapt` supports `np.ndarray`, backend "
                        "tensors, `tf.data.Dataset`, and iterables of batches (e.g. list, "
                        "generator)." % (type(data),))
    for batch in data:
        if isinstance(batch, tuple):
            batch = batch[0]
        yield batch.numpy() if isinstance(batch, _C.Tensor) else np.asarray(batch)


def _is_unbatched_dataset(data):
    from ...data import Dataset
    if not isinstance(data, Dataset):
        return False
    spec = data.element_spec
    spec = spec[0] if isinstance(spec, tuple) else spec
    return len(tuple(spec.shape)) == 1


class Normalization(Layer):
    """(x - mean) / max(sqrt(variance), epsilon) with statistics per position of `axis` (or
    x * that + mean with invert=True). Statistics come from `mean` / `variance` or adapt()."""

    def __init__(self, axis=-1, mean=None, variance=None, invert=False, **kwargs):
        super().__init__(**kwargs)
        if axis is None:
            axis = ()
        elif isinstance(axis, int):
            axis = (axis,)
        else:
            axis = tuple(axis)
        self.axis, self.invert = axis, invert
        self.input_mean, self.input_variance = mean, variance
        if (mean is not None) != (variance is not None):
            raise ValueError("When setting values directly, both `mean` and `variance` must be "
                             "set. Received: mean=%s and variance=%s" % (mean, variance))
        if mean is not None:
            if np.shape(mean) != np.shape(variance):
                raise ValueError("When setting values directly, `mean` and `variance` must have "
                                 "the same shape. Received: mean shape %s and variance shape %s"
                                 % (np.shape(mean), np.shape(variance)))
            if len(np.shape(mean)) > len(self.axis):
                raise ValueError("The rank of `mean` must be less than or equal to the number of "
                                 "axes (%d). Received: mean shape %s for axis %s"
                                 % (len(self.axis), np.shape(mean), self.axis))
        self._build_input_shape = None
        self.supports_masking = True

    def build(self, input_shape):
        ndim = len(input_shape)
        if any(a < -ndim or a >= ndim for a in self.axis):
            raise ValueError("All `axis` values must be in the range [-ndim, ndim). Received "
                             "inputs with ndim=%d, while axis=%s" % (ndim, self.axis))
        self._build_input_shape = tuple(input_shape)
        self._keep_axis = tuple(sorted(a % ndim for a in self.axis))
        for d in self._keep_axis:
            if input_shape[d] is None:
                raise ValueError("All `axis` values to be kept must have a known shape. Received "
                                 "axis=%s, inputs.shape=%s, with unknown axis at index %d"
                                 % (self.axis, tuple(input_shape), d))
        self._reduce_axis = tuple(d for d in range(ndim) if d not in self._keep_axis)
        self._broadcast_shape = [input_shape[d] if d in self._keep_axis else 1
                                 for d in range(ndim)]
        self._mean_and_var_shape = tuple(input_shape[d] for d in self._keep_axis)
        if self.input_mean is None:
            self.adapt_mean = self.add_weight("mean", self._mean_and_var_shape,
                                              initializer="zeros", trainable=False)
            self.adapt_variance = self.add_weight("variance", self._mean_and_var_shape,
                                                  initializer="ones", trainable=False)
            # Keras 3 keeps a `count` weight it never updates; kept for identical files.
            self.count = self.add_weight("count", (), dtype="int64", initializer="zeros",
                                         trainable=False)
        else:
            self._fixed = tuple(self._broadcast_constant(v, ndim)
                                for v in (self.input_mean, self.input_variance))
        self.built = True

    def _broadcast_constant(self, value, ndim):
        value = np.asarray(value, dtypes.as_dtype(self.dtype).as_numpy_dtype)
        if value.ndim:
            expanded = [1] * ndim
            for i in range(1, value.ndim + 1):
                expanded[self._keep_axis[-i]] = value.shape[-i]
            value = value.reshape(expanded)
        return convert_to_tensor(np.ascontiguousarray(np.broadcast_to(value,
                                                                      self._broadcast_shape)))

    def adapt(self, data, batch_size=None, steps=None):
        if _is_unbatched_dataset(data):
            data = data.batch(128)
        batches = iter(_batches(data))
        first = next(batches, None)
        if first is None:
            raise ValueError("adapt() received an empty iterable (no batches). Expected at least "
                             "one batch.")
        if not self.built:
            self.build(first.shape)
        else:
            for d in self._keep_axis:
                if first.shape[d] != self._build_input_shape[d]:
                    raise ValueError("The layer was built with input_shape=%s, but adapt() is "
                                     "being called with data with an incompatible shape, "
                                     "data.shape=%s" % (self._build_input_shape, first.shape))
        if self.input_mean is not None:
            return
        mean, variance = self._running_moments(first, batches)
        self.adapt_mean.assign(np.asarray(mean, self.adapt_mean.dtype.as_numpy_dtype))
        self.adapt_variance.assign(np.asarray(variance,
                                              self.adapt_variance.dtype.as_numpy_dtype))

    def _running_moments(self, first, rest):
        """Keras' pooled mean / variance across batches (one batch: plain np.mean / np.var)."""
        total_mean = total_var = None
        total_count = 0
        for batch in _chain(first, rest):
            batch = np.asarray(batch, dtypes.as_dtype(self.dtype).as_numpy_dtype)
            for d in self._keep_axis:
                if batch.shape[d] != self._build_input_shape[d]:
                    raise ValueError("adapt() yielded a batch with incompatible shape. Expected "
                                     "%s, got %s." % (self._build_input_shape, batch.shape))
            batch_mean = np.mean(batch, axis=self._reduce_axis)
            batch_var = np.var(batch, axis=self._reduce_axis)
            count = math.prod(batch.shape[d] for d in self._reduce_axis)
            if total_mean is None:
                total_mean, total_var, total_count = batch_mean, batch_var, count
                continue
            total_count += count
            w = float(count) / total_count
            new_mean = total_mean * (1 - w) + batch_mean * w
            total_var = (total_var + (total_mean - new_mean) ** 2) * (1 - w) + \
                (batch_var + (batch_mean - new_mean) ** 2) * w
            total_mean = new_mean
        return total_mean, total_var

    def _statistics(self):
        if self.input_mean is not None:
            return self._fixed
        return (_C.reshape(self.adapt_mean, self._broadcast_shape),
                _C.reshape(self.adapt_variance, self._broadcast_shape))

    @property
    def mean(self):
        return self._statistics()[0] if self.built else None

    @property
    def variance(self):
        return self._statistics()[1] if self.built else None

    def call(self, inputs):
        target = dtypes.as_dtype(self.dtype)
        x = inputs if inputs.dtype == target else _C.cast(inputs, target)
        mean, variance = self._statistics()
        std = _C.binary_op(_C.BinaryOp.maximum, _C.unary_op(_C.UnaryOp.sqrt, variance),
                           convert_to_tensor(np.asarray(backend.epsilon(),
                                                        target.as_numpy_dtype)))
        return mean + x * std if self.invert else (x - mean) / std

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = super().get_config()
        config.update({"axis": self.axis, "invert": self.invert,
                       "mean": np.array(self.input_mean).tolist(),
                       "variance": np.array(self.input_variance).tolist()})
        return config


def _chain(first, rest):
    yield first
    yield from rest


# -- Discretization ----------------------------------------------------------------------------
# Keras' streaming quantile summaries: (2, k) arrays of values and weights.

def _summarize(values, epsilon):
    values = np.sort(np.reshape(values, [-1]))
    step = max(values.size / (1.0 / epsilon), 1)
    boundaries = values[int(step - 1)::int(step)]
    return np.stack([boundaries, np.ones_like(boundaries) * step])


def _compress_summary(summary, epsilon):
    if summary.shape[1] * epsilon < 1:
        return summary
    percents = epsilon + np.arange(0.0, 1.0, epsilon)
    cum_weights = summary[1].cumsum()
    cum_percents = cum_weights / cum_weights[-1]
    new_bins = np.interp(percents, cum_percents, summary[0])
    cum_weights = np.interp(percents, cum_percents, cum_weights)
    new_weights = cum_weights - np.concatenate((np.array([0]), cum_weights[:-1]))
    return np.stack((new_bins, new_weights)).astype(np.float32)


def _merge_summaries(prev_summary, next_summary, epsilon):
    merged = np.concatenate((prev_summary, next_summary), axis=1)
    merged = np.take(merged, np.argsort(merged[0]), axis=1)
    return _compress_summary(merged, epsilon)


_ENCODINGS = ("int", "one_hot", "multi_hot", "count")


class Discretization(Layer):
    """Buckets values by `bin_boundaries` (bucket i holds boundaries[i-1] <= x < boundaries[i])
    or by `num_bins` quantile boundaries learned with adapt()."""

    def __init__(self, bin_boundaries=None, num_bins=None, epsilon=0.01, output_mode="int",
                 sparse=False, dtype=None, name=None, **kwargs):
        super().__init__(name=name, dtype=dtype, **kwargs)
        if sparse:
            raise ValueError("`sparse=True` is not supported by fasttf's Discretization")
        if output_mode not in _ENCODINGS:
            raise ValueError("Invalid value for argument `output_mode`. Expected one of %s. "
                             "Received: output_mode=%s" % (list(_ENCODINGS), output_mode))
        if num_bins is not None and num_bins < 0:
            raise ValueError("`num_bins` must be greater than or equal to 0. Received: "
                             "`num_bins=%s`" % (num_bins,))
        if num_bins is not None and bin_boundaries is not None:
            raise ValueError("Both `num_bins` and `bin_boundaries` should not be set. Received: "
                             "`num_bins=%s` and `bin_boundaries=%s`" % (num_bins, bin_boundaries))
        if num_bins is None and bin_boundaries is None:
            raise ValueError("You need to set either `num_bins` or `bin_boundaries`.")
        self.bin_boundaries = list(bin_boundaries) if bin_boundaries is not None else None
        self.num_bins, self.epsilon = num_bins, epsilon
        self.output_mode, self.sparse = output_mode, sparse
        self.summary = None if self.bin_boundaries else np.array([[], []], np.float32)

    def adapt(self, data, steps=None):
        if self.num_bins is None:
            raise ValueError("Cannot adapt a Discretization layer that has been initialized with "
                             "`bin_boundaries`, use `num_bins` instead.")
        self.summary = np.array([[], []], np.float32)
        for i, batch in enumerate(_batches(data)):
            if steps is not None and i >= steps:
                break
            summary = _summarize(np.asarray(batch, np.float32), self.epsilon)
            self.summary = _merge_summaries(summary, self.summary, self.epsilon)
        self.bin_boundaries = _compress_summary(self.summary, 1.0 / self.num_bins)[0, :-1] \
            .tolist()

    def call(self, inputs):
        if self.bin_boundaries is None:
            raise ValueError("You need to either pass the `bin_boundaries` argument at "
                             "construction time or call `adapt(dataset)` before you can start "
                             "using the `Discretization` layer.")
        values = inputs.numpy() if isinstance(inputs, _C.Tensor) else np.asarray(inputs)
        # Keras buckets in floatx: values and boundaries as float32.
        indices = np.digitize(values.astype(np.float32),
                              np.asarray(self.bin_boundaries, np.float32))
        out_dtype = "int32" if self.output_mode == "int" else self.dtype
        return encode_categorical(indices, self.output_mode, len(self.bin_boundaries) + 1,
                                  out_dtype)

    def get_config(self):
        return {"bin_boundaries": self.bin_boundaries, "num_bins": self.num_bins,
                "epsilon": self.epsilon, "output_mode": self.output_mode,
                "sparse": self.sparse, "name": self.name, "dtype": self.dtype}

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        if config.get("bin_boundaries") is not None and config.get("num_bins") is not None:
            boundaries = config.pop("bin_boundaries")
            layer = cls(**config)
            layer.bin_boundaries = boundaries
            return layer
        return cls(**config)


# -- CategoryEncoding --------------------------------------------------------------------------

def encode_categorical(ids, output_mode, depth, dtype, count_weights=None):
    """Keras' encode_categorical_inputs on NumPy ids: one_hot adds a depth axis (squeezing a
    trailing 1), multi_hot / count reduce the last axis of a rank-2 batch (a rank-1 input is
    one sample); ids >= depth are dropped, negative ids raise as TF's bincount does."""
    ids = np.asarray(ids)
    np_dtype = dtypes.as_dtype(dtype).as_numpy_dtype
    if ids.dtype.kind == "f" and output_mode != "int":
        if not np.isfinite(ids).all():
            raise errors.InvalidArgumentError(
                None, None, "CategoryEncoding ids must be finite numbers; received %s" % (ids,))
        ids = ids.astype(np.int64)  # TF casts float ids to integers (truncating)
    elif ids.dtype.kind not in "iub" and output_mode != "int":
        raise TypeError("CategoryEncoding expects integer ids; received dtype %s" % ids.dtype)
    if output_mode == "int":
        return convert_to_tensor(ids.astype(np_dtype))
    if ids.ndim == 0:
        ids = ids[None]
    if output_mode == "one_hot":
        if ids.ndim > 1 and ids.shape[-1] == 1:
            ids = ids[..., 0]
        out = (ids[..., None] == np.arange(depth)).astype(np_dtype)
        return convert_to_tensor(out)
    if ids.ndim > 2:
        raise ValueError("CategoryEncoding multi_hot / count inputs must have rank 1 or 2; "
                         "received shape %s" % (ids.shape,))
    if ids.size and ids.min() < 0:
        raise errors.InvalidArgumentError(
            None, None, "Input arr must be non-negative! (CategoryEncoding received %d)"
            % ids.min())
    rows = ids.reshape(-1, ids.shape[-1]) if ids.ndim == 2 else ids.reshape(1, -1)
    weights = np.ones(rows.shape) if count_weights is None else \
        np.asarray(count_weights, np.float64).reshape(rows.shape)
    out = np.zeros((rows.shape[0], depth), np.float64)
    keep = rows < depth
    np.add.at(out, (np.nonzero(keep)[0], rows[keep]), weights[keep])
    if output_mode == "multi_hot":
        out = (out > 0).astype(np.float64)
    out = out.astype(np_dtype)
    return convert_to_tensor(out if ids.ndim == 2 else out[0])


class CategoryEncoding(Layer):
    """Encodes integer ids in [0, num_tokens) as one-hot, multi-hot or count vectors."""

    def __init__(self, num_tokens=None, output_mode="multi_hot", sparse=False, **kwargs):
        super().__init__(**kwargs)
        if output_mode == "binary":
            output_mode = "multi_hot"
        if output_mode not in ("count", "one_hot", "multi_hot"):
            raise ValueError("Unknown arg for output_mode: %s" % (output_mode,))
        if num_tokens is None:
            raise ValueError("num_tokens must be set to use this layer. If the number of tokens "
                             "is not known beforehand, use the IntegerLookup layer instead.")
        if num_tokens < 1:
            raise ValueError("`num_tokens` must be >= 1. Received: num_tokens=%s." % num_tokens)
        if sparse:
            raise ValueError("`sparse=True` is not supported by fasttf's CategoryEncoding")
        self.num_tokens, self.output_mode, self.sparse = num_tokens, output_mode, sparse

    def _convert_input(self, x):  # ids stay integers (no float autocast)
        return x

    def call(self, inputs, count_weights=None):
        ids = inputs.numpy() if isinstance(inputs, _C.Tensor) else np.asarray(inputs)
        if count_weights is not None:
            if self.output_mode != "count":
                raise ValueError("`count_weights` is not used when `output_mode` is not "
                                 "`'count'`. Received `count_weights=%s`." % (count_weights,))
            count_weights = count_weights.numpy() if isinstance(count_weights, _C.Tensor) \
                else np.asarray(count_weights)
        return encode_categorical(ids, self.output_mode, self.num_tokens, self.dtype,
                                  count_weights)

    def compute_output_shape(self, input_shape):
        input_shape = tuple(input_shape)
        if not input_shape:
            return (self.num_tokens,)
        if self.output_mode == "one_hot" and input_shape[-1] != 1:
            return input_shape + (self.num_tokens,)
        return input_shape[:-1] + (self.num_tokens,)

    def get_config(self):
        config = super().get_config()
        config.update({"num_tokens": self.num_tokens, "output_mode": self.output_mode})
        return config
