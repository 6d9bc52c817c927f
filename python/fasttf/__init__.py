"""fasttf: a fast CPU tensor engine with a TensorFlow-2 API.  `import fasttf as tf`."""

from . import _C
from .framework import dtypes, errors
from .framework.dtypes import (DType, as_dtype, bfloat16, bool_ as bool, double, float16,
                               float32, float64, half, int8, int16, int32, int64, string,
                               uint8)
from .framework.tensor import Tensor, newaxis
from .framework.tensor_shape import TensorShape
from .framework.tensor_spec import TensorSpec
from .framework.variables import Variable, VariableAggregation, VariableSynchronization
from .framework.backprop import GradientTape, UnconnectedGradients
from .framework.constant_op import (cast, constant, eye, fill, identity, is_tensor, linspace,
                                    ones, ones_like, range, rank, shape, shape_n, size, zeros,
                                    zeros_like)
# The public name snapshots a Variable (TF reads it); internal code keeps the no-copy version.
from .framework.constant_op import convert_to_tensor_v2 as convert_to_tensor
from . import math
from .math import (abs, add, argmax, argmin, clip_by_value, cos, divide, equal, exp,
                   greater, greater_equal, less, less_equal, logical_and, logical_not,
                   logical_or, logical_xor, matmul, maximum, minimum, multiply, negative,
                   not_equal, pow, reduce_all, reduce_any, reduce_max, reduce_mean, reduce_min,
                   reduce_prod, reduce_sum, round, rsqrt, sigmoid, sign, sin, sqrt, square,
                   squared_difference, subtract, tan, tanh, truediv, floordiv, floormod)
from .array_ops import (broadcast_to, expand_dims, reshape, squeeze, stop_gradient, transpose)
from .array_ops import (argsort, boolean_mask, concat, gather, gather_nd, meshgrid, one_hot, pad,
                        reverse, reverse_v2, scatter_nd, searchsorted, slice, sort, split, stack,
                        strided_slice, tensor_scatter_nd_add, tensor_scatter_nd_max,
                        tensor_scatter_nd_min, tensor_scatter_nd_sub, tensor_scatter_nd_update,
                        tile, unique, unstack, where)
math.top_k = array_ops.top_k  # tf.math.top_k (tf.nn.top_k too, where nn.py exports it)
from .array_ops import (broadcast_dynamic_shape, broadcast_static_shape, repeat, roll,
                        sequence_mask, unique_with_counts)
from .math import (acos, acosh, add_n, asin, asinh, atan, atan2, atanh, clip_by_global_norm,
                   clip_by_norm, cosh, cumsum, floor, reduce_logsumexp, scalar_mul, sinh)
from . import image, nn, linalg
from .linalg import einsum, norm, tensordot
from .util import nest
from . import random
from .framework.custom_gradient import custom_gradient, recompute_grad
from .framework.function import executing_eagerly, function
from .framework.control_flow import (case, cond, control_dependencies, device, eager_py_func,
                                     ensure_shape, get_logger, group, init_scope, map_fn,
                                     name_scope, no_gradient, numpy_function, py_function,
                                     switch_case, while_loop)
from .framework.printing import print_v2 as print  # noqa: A001 - tf.print
from .framework.module import Module
from .framework.tensor_array import TensorArray
from .initializers import (constant_initializer, glorot_normal_initializer,
                           glorot_uniform_initializer, ones_initializer,
                           random_normal_initializer, random_uniform_initializer,
                           zeros_initializer)
from . import config, debugging
from .debugging import assert_equal, assert_greater, assert_less, assert_rank
from .extra_ops import (batch_to_space, dynamic_partition, dynamic_stitch, get_static_value,
                        histogram_fixed_width, histogram_fixed_width_bins, identity_n, no_op,
                        realdiv, required_space_to_batch_paddings, reverse_sequence,
                        saturate_cast, space_to_batch, space_to_batch_nd, timestamp,
                        truncatediv, truncatemod, tuple, unravel_index)  # (shadows builtin)
from .functional_ops import foldl, foldr, scan, vectorized_map
from . import ragged
from .ragged import RaggedTensor
dtypes.saturate_cast = saturate_cast  # tf.dtypes.saturate_cast
dtypes.cast = cast  # tf.dtypes.cast
from . import data

# Imported on first use (module __getattr__, PEP 562): Keras (which tf.train and tf.saved_model
# import) and tf.summary cost tens of milliseconds that a script using only tensors should not
# pay. `tf.keras`, `tf.losses`, ... behave as attributes all the same.
_LAZY_MODULES = {"keras": ".keras", "losses": ".keras.losses", "metrics": ".keras.metrics",
                 "optimizers": ".keras.optimizers", "summary": ".summary",
                 "train": ".train", "saved_model": ".saved_model", "bitwise": ".bitwise",
                 "test": ".test", "version": ".version", "io": ".io",
                 "strings": ".strings", "lookup": ".lookup"}


def __getattr__(name):
    target = _LAZY_MODULES.get(name)
    if target is None:
        raise AttributeError("module 'fasttf' has no attribute %r" % name)
    import importlib
    module = importlib.import_module(target, __name__)
    globals()[name] = module
    return module


def __dir__():
    return sorted(set(globals()) | set(_LAZY_MODULES))


_C._register_error_classes({
    "InvalidArgumentError": errors.InvalidArgumentError,
    "OpDTypeError": errors._OpDTypeError,
    "OutOfRangeError": errors.OutOfRangeError,
    "ResourceExhaustedError": errors.ResourceExhaustedError,
    "UnimplementedError": errors.UnimplementedError,
})

__version__ = "0.1.0"
