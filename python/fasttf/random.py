"""tf.random: seeded random tensors with TF's seed rules, generated in C++ (Philox-4x32-10).

Seed rules (as TF 2 eagerly):
  * global seed set, no op seed: each op call takes the next op seed from a counter that
    set_seed resets, so a program's sequence of random values is reproducible after set_seed;
  * op seed given: the pair (global seed or a default, op seed) names a sequence, and repeated
    calls with that pair walk along it (call k gives the k-th draw) until set_seed resets it;
  * neither: values differ from run to run.
The same seeds give the same values in fasttf on any thread count; they do not reproduce TF's
exact bits (TF's kernels map Philox words to values differently).
"""

import numbers
import os
import random as _py_random
import sys

import numpy as np

from . import _C
from .framework import dtypes
from .framework.constant_op import convert_to_tensor, shape_list
from .framework.tensor import Tensor

_MASK64 = (1 << 64) - 1
_DEFAULT_GRAPH_SEED = 87654321  # TF's seed when only an op seed is given

_global_seed = None
_op_seed_counter = 0  # op seeds handed out while a global seed is set
# As TF's eager context: op seeds for ops without one are drawn from Python's generator seeded
# with the global seed, so seeded tf.data shuffles give TF's order (random ops' bits differ).
_op_seed_source = _py_random.Random(0)
_MAXINT32 = 2**31 - 1
_call_counts = {}  # (seed, seed2) -> calls made so far with that pair
_unseeded_key = int.from_bytes(os.urandom(8), "little")
_unseeded_calls = 0


def _splitmix64(x):
    x = (x + 0x9E3779B97F4A7C15) & _MASK64
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _MASK64
    return x ^ (x >> 31)


def _key_from_pair(seed, seed2):
    return _splitmix64(_splitmix64(int(seed) & _MASK64) ^ (int(seed2) & _MASK64))


def _seed_int(seed, what="seed"):
    if isinstance(seed, Tensor):
        seed = seed.numpy()
    if isinstance(seed, np.ndarray) and seed.ndim == 0:
        seed = seed.item()
    if isinstance(seed, bool) or not isinstance(seed, (numbers.Integral, np.integer)):
        raise TypeError("%s must be an integer, got %r" % (what, seed))
    return int(seed)


def set_seed(seed):
    """tf.random.set_seed: sets the global seed and restarts every seeded sequence."""
    global _global_seed, _op_seed_counter
    _global_seed = None if seed is None else _seed_int(seed)
    _op_seed_counter = 0
    _op_seed_source.seed(_global_seed)
    _call_counts.clear()
    _global_generator[0] = None
    # Keras draws initial weights and dropout masks from its own NumPy generator; seeding it
    # here makes tf.random.set_seed(s) reproduce a model's weights, as in TF.
    keras_backend = sys.modules.get("fasttf.keras.backend")
    if keras_backend is not None and hasattr(keras_backend, "set_seed"):
        keras_backend.set_seed(_global_seed)


def get_global_seed():
    return _global_seed


def get_seed(op_seed):
    """tf.compat.v1.get_seed: the (global seed, op seed) pair an op uses, or (None, None)."""
    global _op_seed_counter
    if _global_seed is not None:
        if op_seed is None:
            op_seed = _op_seed_source.randint(0, _MAXINT32)
            _op_seed_counter += 1
        seeds = _global_seed % _MAXINT32, _seed_int(op_seed, "op seed") % _MAXINT32
        return (0, _MAXINT32) if seeds == (0, 0) else seeds  # (0, 0) means unseeded in TF
    if op_seed is not None:
        return _DEFAULT_GRAPH_SEED, _seed_int(op_seed, "op seed") % _MAXINT32
    return None, None


def _next_key(op_seed):
    """The Philox (key, stream) of the next stateful op call with this op seed."""
    global _unseeded_calls
    seed, seed2 = get_seed(op_seed)
    if seed is None:
        _unseeded_calls += 1
        return _unseeded_key, _unseeded_calls
    pair = (seed, seed2)
    count = _call_counts.get(pair, 0)
    _call_counts[pair] = count + 1
    return _key_from_pair(seed, seed2), count


def _stateless_key(seed):
    values = seed.numpy().tolist() if isinstance(seed, Tensor) else list(np.asarray(seed).tolist())
    if len(values) != 2:
        raise ValueError("seed must be a shape [2] tensor of two integers, got %r" % (seed,))
    return _key_from_pair(_seed_int(values[0]), _seed_int(values[1])), 1 << 63


def _is_scalar_number(v):
    if isinstance(v, Tensor):
        return v.ndim == 0
    return isinstance(v, (numbers.Number, np.number)) or (
        isinstance(v, np.ndarray) and v.ndim == 0)


def _number(v):
    if isinstance(v, Tensor):
        return v.numpy().item()
    return np.asarray(v).item()


def _differentiable(v):
    return isinstance(v, Tensor) and v.dtype.is_floating and _C.is_recording()


def _scale_shift(base, scale, shift, dtype):
    """base * scale + shift with tensor parameters (broadcast, recorded on a tape)."""
    scale = scale if isinstance(scale, Tensor) else convert_to_tensor(scale, dtype)
    shift = shift if isinstance(shift, Tensor) else convert_to_tensor(shift, dtype)
    return base * scale + shift


def _float_dtype(dtype, op):
    dtype = dtypes.as_dtype(dtype)
    if not dtype.is_floating:
        raise TypeError("Invalid dtype %r for %s: a floating point dtype is required"
                        % (dtype, op))
    return dtype


def _normal(shape, mean, stddev, dtype, key, fn, op):
    dtype = _float_dtype(dtype, op)
    shape = shape_list(shape, op)
    if (_is_scalar_number(mean) and _is_scalar_number(stddev) and not _differentiable(mean)
            and not _differentiable(stddev)):
        return fn(shape, dtype, float(_number(mean)), float(_number(stddev)), *key)
    return _scale_shift(fn(shape, dtype, 0.0, 1.0, *key), stddev, mean, dtype)


def _uniform(shape, minval, maxval, dtype, key, op):
    dtype = dtypes.as_dtype(dtype)
    shape = shape_list(shape, op)
    if dtype.is_integer:
        if maxval is None:
            raise ValueError("Must specify maxval for integer dtype %r" % (dtype,))
        if not (_is_scalar_number(minval) and _is_scalar_number(maxval)):
            raise NotImplementedError("[%s] integer minval/maxval must be scalars" % op)
        lo, hi = _number(minval), _number(maxval)
        if int(lo) != lo or int(hi) != hi:
            raise TypeError("[%s] integer dtype needs integer bounds, got %r and %r"
                            % (op, lo, hi))
        return _C.random_uniform_int(shape, dtype, int(lo), int(hi), *key)
    if not dtype.is_floating:
        raise ValueError("Invalid dtype %r for %s" % (dtype, op))
    if maxval is None:
        maxval = 1
    if (_is_scalar_number(minval) and _is_scalar_number(maxval) and not _differentiable(minval)
            and not _differentiable(maxval)):
        return _C.random_uniform(shape, dtype, float(_number(minval)), float(_number(maxval)),
                                 *key)
    unit = _C.random_uniform(shape, dtype, 0.0, 1.0, *key)
    lo = minval if isinstance(minval, Tensor) else convert_to_tensor(minval, dtype)
    hi = maxval if isinstance(maxval, Tensor) else convert_to_tensor(maxval, dtype)
    return unit * (hi - lo) + lo


# -- stateful ops ------------------------------------------------------------------------------

def normal(shape, mean=0.0, stddev=1.0, dtype=dtypes.float32, seed=None, name=None):
    """Samples from N(mean, stddev**2)."""
    return _normal(shape, mean, stddev, dtype, _next_key(seed), _C.random_normal, "random_normal")


def truncated_normal(shape, mean=0.0, stddev=1.0, dtype=dtypes.float32, seed=None, name=None):
    """Samples from N(mean, stddev**2) with values beyond 2 stddev from the mean redrawn."""
    return _normal(shape, mean, stddev, dtype, _next_key(seed), _C.truncated_normal,
                   "truncated_normal")


def uniform(shape, minval=0, maxval=None, dtype=dtypes.float32, seed=None, name=None):
    """Samples from [minval, maxval); integer dtypes need maxval."""
    return _uniform(shape, minval, maxval, dtype, _next_key(seed), "random_uniform")


def _numpy_generator(seed):
    """A NumPy Philox generator on this op's (key, stream): seeded runs repeat, as TF's."""
    key, stream = _next_key(seed)
    return np.random.Generator(np.random.Philox(key=[int(key) & (2 ** 64 - 1),
                                                     int(stream) & (2 ** 64 - 1)]))


def poisson(shape, lam, dtype=dtypes.float32, seed=None, name=None):
    """Poisson samples of shape `shape + lam.shape` (lam's dtype does not decide the output's,
    as TF). No gradient, as in TF."""
    dtype = dtypes.as_dtype(dtype)
    if dtype not in (dtypes.float16, dtypes.float32, dtypes.float64, dtypes.int32, dtypes.int64):
        from .framework.errors import op_dtype_error
        raise op_dtype_error("[random_poisson] dtype must be float16, float32, float64, int32 "
                             "or int64, got %s" % dtype.name)
    shape = shape_list(shape, "random_poisson")
    rate = lam.numpy() if isinstance(lam, Tensor) else np.asarray(lam, np.float64)
    if np.any(rate < 0):
        from .framework.errors import InvalidArgumentError
        raise InvalidArgumentError("[random_poisson] lam must be non-negative")
    samples = _numpy_generator(seed).poisson(np.broadcast_to(rate, shape + list(rate.shape)))
    return convert_to_tensor(samples.astype(dtype.as_numpy_dtype))


def gamma(shape, alpha, beta=None, dtype=dtypes.float32, seed=None, name=None):
    """Gamma(alpha, rate=beta) samples of shape `shape + broadcast(alpha, beta).shape`.
    (TF also differentiates the samples with respect to alpha; fasttf does not.)"""
    dtype = _float_dtype(dtype, "random_gamma")
    alpha = alpha if isinstance(alpha, Tensor) else convert_to_tensor(alpha, dtype)
    a = alpha.numpy().astype(np.float64)
    b = np.ones([], np.float64)
    if beta is not None:
        beta = beta if isinstance(beta, Tensor) else convert_to_tensor(beta, dtype)
        b = beta.numpy().astype(np.float64)
    a, b = np.broadcast_arrays(a, b)
    shape = shape_list(shape, "random_gamma")
    draws = _numpy_generator(seed).standard_gamma(np.broadcast_to(a, shape + list(a.shape)))
    return convert_to_tensor((draws / b).astype(dtype.as_numpy_dtype))


def shuffle(value, seed=None, name=None):
    """A copy of value with its first dimension randomly permuted."""
    value = value if isinstance(value, Tensor) else convert_to_tensor(value)
    return _C.random_shuffle(value, *_next_key(seed))


def categorical(logits, num_samples, dtype=None, seed=None, name=None):
    """[batch, num_samples] class indices drawn from softmax(logits) per row (int64)."""
    logits = logits if isinstance(logits, Tensor) else convert_to_tensor(logits)
    dtype = dtypes.int64 if dtype is None else dtypes.as_dtype(dtype)
    return _C.random_categorical(logits, int(num_samples), dtype, *_next_key(seed))


def multinomial(logits, num_samples, seed=None, name=None, output_dtype=None):
    return categorical(logits, num_samples, output_dtype, seed)


# -- stateless ops: the values are a function of `seed` alone -----------------------------------

def stateless_normal(shape, seed, mean=0.0, stddev=1.0, dtype=dtypes.float32, name=None, alg=None):
    return _normal(shape, mean, stddev, dtype, _stateless_key(seed), _C.random_normal,
                   "stateless_random_normal")


def stateless_truncated_normal(shape, seed, mean=0.0, stddev=1.0, dtype=dtypes.float32,
                               name=None, alg=None):
    return _normal(shape, mean, stddev, dtype, _stateless_key(seed), _C.truncated_normal,
                   "stateless_truncated_normal")


def stateless_uniform(shape, seed, minval=0, maxval=None, dtype=dtypes.float32, name=None,
                      alg=None):
    if dtypes.as_dtype(dtype).is_integer and (minval is None or maxval is None):
        raise ValueError("For integer dtype %r, minval and maxval must be both `None` or both "
                         "non-`None`" % (dtypes.as_dtype(dtype),))
    return _uniform(shape, minval, maxval, dtype, _stateless_key(seed), "stateless_random_uniform")


def stateless_categorical(logits, num_samples, seed, dtype=dtypes.int64, name=None):
    logits = logits if isinstance(logits, Tensor) else convert_to_tensor(logits)
    return _C.random_categorical(logits, int(num_samples), dtypes.as_dtype(dtype),
                                 *_stateless_key(seed))


# -- tf.random.Generator -------------------------------------------------------------------------

class Generator:
    """tf.random.Generator: an explicit random state; each call advances it."""

    def __init__(self, key, counter=0):
        self._key = int(key) & _MASK64
        self._counter = int(counter)

    @classmethod
    def from_seed(cls, seed, alg=None):
        return cls(_key_from_pair(_seed_int(seed), 0x5EED))

    @classmethod
    def from_non_deterministic_state(cls, alg=None):
        return cls(int.from_bytes(os.urandom(8), "little"))

    @property
    def state(self):
        return convert_to_tensor(np.array([self._counter, self._key & (_MASK64 >> 1)],
                                          dtype=np.int64))

    def reset_from_seed(self, seed):
        self._key = _key_from_pair(_seed_int(seed), 0x5EED)
        self._counter = 0

    def _advance(self):
        self._counter += 1
        return self._key, self._counter - 1

    def normal(self, shape, mean=0.0, stddev=1.0, dtype=dtypes.float32, name=None):
        return _normal(shape, mean, stddev, dtype, self._advance(), _C.random_normal,
                       "random_normal")

    def truncated_normal(self, shape, mean=0.0, stddev=1.0, dtype=dtypes.float32, name=None):
        return _normal(shape, mean, stddev, dtype, self._advance(), _C.truncated_normal,
                       "truncated_normal")

    def uniform(self, shape, minval=0, maxval=None, dtype=dtypes.float32, name=None):
        return _uniform(shape, minval, maxval, dtype, self._advance(), "random_uniform")

    def uniform_full_int(self, shape, dtype=None, name=None):
        raise NotImplementedError("uniform_full_int (fasttf has no uint64)")

    def make_seeds(self, count=1):
        key, counter = self._advance()
        return _C.random_uniform_int([2, int(count)], dtypes.int64, 0, 2 ** 62, key, counter)

    def split(self, count=1):
        return [Generator(_splitmix64(self._key ^ _splitmix64(self._advance()[1] * 4 + i + 1)))
                for i in range(count)]


_global_generator = [None]


def get_global_generator():
    if _global_generator[0] is None:
        _global_generator[0] = (Generator.from_seed(_global_seed) if _global_seed is not None
                                else Generator.from_non_deterministic_state())
    return _global_generator[0]


def set_global_generator(generator):
    _global_generator[0] = generator


class experimental:  # noqa: N801 - tf.random.experimental namespace
    Generator = Generator
    get_global_generator = staticmethod(get_global_generator)
    set_global_generator = staticmethod(set_global_generator)
    stateless_split = None


def _stateless_split(seed, num=2):
    key, _ = _stateless_key(seed)
    return _C.random_uniform_int([int(num), 2], dtypes.int64, 0, 2 ** 62, key, 0x5EED)


experimental.stateless_split = staticmethod(_stateless_split)
