"""fasttf: a fast CPU tensor engine with a TensorFlow-2 API.  `import fasttf as tf`."""

from . import _C
from .framework import dtypes, errors
from .framework.dtypes import (DType, as_dtype, bfloat16, bool_ as bool, double, float16,
                               float32, float64, half, int8, int16, int32, int64, uint8)
from .framework.tensor import Tensor, newaxis
from .framework.tensor_shape import TensorShape
from .framework.variables import Variable, VariableAggregation, VariableSynchronization
from .framework.backprop import GradientTape, UnconnectedGradients
from .framework.constant_op import (cast, constant, convert_to_tensor, eye, fill, identity,
                                    is_tensor, linspace, ones, ones_like, range, rank, shape,
                                    shape_n, size, zeros, zeros_like)
from . import math
from .math import (abs, add, argmax, argmin, clip_by_value, cos, divide, equal, exp,
                   greater, greater_equal, less, less_equal, logical_and, logical_not,
                   logical_or, logical_xor, matmul, maximum, minimum, multiply, negative,
                   not_equal, pow, reduce_all, reduce_any, reduce_max, reduce_mean, reduce_min,
                   reduce_prod, reduce_sum, round, rsqrt, sigmoid, sign, sin, sqrt, square,
                   squared_difference, subtract, tan, tanh, truediv, floordiv, floormod)
from .array_ops import (broadcast_to, expand_dims, reshape, squeeze, stop_gradient, transpose)
from .util import nest

_C._register_error_classes({
    "InvalidArgumentError": errors.InvalidArgumentError,
    "OutOfRangeError": errors.OutOfRangeError,
    "ResourceExhaustedError": errors.ResourceExhaustedError,
    "UnimplementedError": errors.UnimplementedError,
})

__version__ = "0.1.0"
