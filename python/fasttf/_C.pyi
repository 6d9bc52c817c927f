"""
fasttf C++ core: tensors, kernels, ops and the gradient tape
"""
from __future__ import annotations
import collections.abc
import typing
__all__: list[str] = ['BinaryOp', 'ReduceOp', 'Tape', 'Tensor', 'UnaryOp', 'apply_adadelta', 'apply_adagrad', 'apply_adam', 'apply_adamax', 'apply_nadam', 'apply_rmsprop', 'apply_sgd', 'arg_reduce', 'argsort', 'assign', 'assign_binary', 'avg_pool2d', 'avg_pool2d_grad', 'binary_op', 'boolean_mask', 'broadcast_to', 'cached_bytes', 'cast', 'clip_by_value', 'concat', 'contiguous', 'conv2d', 'conv2d_backprop_filter', 'conv2d_backprop_input', 'convert_to_tensor', 'cumprod', 'cumsum', 'dense', 'depthwise_conv2d', 'depthwise_conv2d_backprop_filter', 'depthwise_conv2d_backprop_input', 'expand_dims', 'eye', 'fill', 'gather', 'gather_nd', 'get_num_threads', 'identity', 'is_recording', 'isa', 'leaky_relu', 'linspace', 'log_softmax', 'matmul', 'max_pool2d', 'max_pool2d_grad', 'ones', 'pad', 'random_categorical', 'random_normal', 'random_shuffle', 'random_uniform', 'random_uniform_int', 'range', 'record_custom', 'reduce', 'release_cache', 'reshape', 'reverse', 'scatter_nd', 'set_num_threads', 'softmax', 'softmax_cross_entropy_with_logits', 'sort', 'sparse_softmax_cross_entropy_with_logits', 'split', 'split_even', 'squeeze', 'stack', 'stop_gradient', 'strided_view', 'sum_to', 'tensor_scatter_nd', 'tile', 'top_k', 'transpose', 'truediv', 'truncated_normal', 'unary_op', 'unstack', 'where', 'where_indices', 'zeros']
class Tensor:
    __array_priority__: typing.ClassVar[int] = 100
    __hash__: typing.ClassVar[None] = None
    is_tensor_like: typing.ClassVar[bool] = True
    _trainable: bool
    def __abs__(self) -> Tensor:
        ...
    def __add__(self, arg0: typing.Any) -> Tensor:
        ...
    def __and__(self, arg0: typing.Any) -> Tensor:
        ...
    def __array__(self, dtype = None, copy = None):
        ...
    def __bool__(self):
        ...
    def __copy__(self):
        ...
    def __deepcopy__(self, memo):
        ...
    def __eq__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __float__(self):
        ...
    def __floordiv__(self, arg0: typing.Any) -> Tensor:
        ...
    def __format__(self, format_spec):
        ...
    def __ge__(self, arg0: typing.Any) -> Tensor:
        ...
    def __getitem__(self, key):
        ...
    def __gt__(self, arg0: typing.Any) -> Tensor:
        ...
    def __index__(self):
        ...
    def __init__(self, value: typing.Any, dtype: DType | None = None) -> None:
        ...
    def __int__(self):
        ...
    def __invert__(self) -> Tensor:
        ...
    def __iter__(self):
        ...
    def __le__(self, arg0: typing.Any) -> Tensor:
        ...
    def __len__(self):
        ...
    def __lt__(self, arg0: typing.Any) -> Tensor:
        ...
    def __matmul__(self, arg0: typing.Any) -> Tensor:
        ...
    def __mod__(self, arg0: typing.Any) -> Tensor:
        ...
    def __mul__(self, arg0: typing.Any) -> Tensor:
        ...
    def __ne__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __neg__(self) -> Tensor:
        ...
    def __or__(self, arg0: typing.Any) -> Tensor:
        ...
    def __pow__(self, arg0: typing.Any) -> Tensor:
        ...
    def __radd__(self, arg0: typing.Any) -> Tensor:
        ...
    def __rand__(self, arg0: typing.Any) -> Tensor:
        ...
    def __reduce__(self):
        ...
    def __repr__(self):
        ...
    def __rfloordiv__(self, arg0: typing.Any) -> Tensor:
        ...
    def __rmatmul__(self, arg0: typing.Any) -> Tensor:
        ...
    def __rmod__(self, arg0: typing.Any) -> Tensor:
        ...
    def __rmul__(self, arg0: typing.Any) -> Tensor:
        ...
    def __ror__(self, arg0: typing.Any) -> Tensor:
        ...
    def __rpow__(self, arg0: typing.Any) -> Tensor:
        ...
    def __rsub__(self, arg0: typing.Any) -> Tensor:
        ...
    def __rtruediv__(self, arg0: typing.Any) -> Tensor:
        ...
    def __rxor__(self, arg0: typing.Any) -> Tensor:
        ...
    def __str__(self):
        ...
    def __sub__(self, arg0: typing.Any) -> Tensor:
        ...
    def __truediv__(self, arg0: typing.Any) -> Tensor:
        ...
    def __xor__(self, arg0: typing.Any) -> Tensor:
        ...
    def _mark_variable(self, arg0: bool) -> None:
        ...
    def _numel(self) -> int:
        ...
    def _shares_storage_with(self, arg0: Tensor) -> bool:
        ...
    def experimental_ref(self):
        ...
    def get_shape(self):
        ...
    def numpy(self) -> typing.Any:
        """
        A NumPy copy of the tensor's values.
        """
    def ref(self):
        ...
    @property
    def _dtype_enum(self) -> int:
        ...
    @property
    def _id(self) -> int:
        ...
    @property
    def _is_contiguous(self) -> bool:
        ...
    @property
    def _is_variable(self) -> bool:
        ...
    @property
    def _shape_tuple(self) -> tuple:
        ...
    @property
    def _strides(self) -> list[int]:
        ...
    @property
    def assign(self):
        ...
    @property
    def device(self):
        ...
    @property
    def dtype(self):
        ...
    @property
    def ndim(self) -> int:
        ...
    @property
    def shape(self):
        """
        The TensorShape of this tensor.
        """
class BinaryOp:
    """
    Members:
    
      add
    
      sub
    
      mul
    
      div
    
      floordiv
    
      floormod
    
      pow
    
      maximum
    
      minimum
    
      squared_difference
    
      equal
    
      not_equal
    
      less
    
      less_equal
    
      greater
    
      greater_equal
    
      logical_and
    
      logical_or
    
      logical_xor
    
      bitwise_and
    
      bitwise_or
    
      bitwise_xor
    
      relu_grad
    
      sigmoid_grad
    
      tanh_grad
    
      atan2
    """
    __members__: typing.ClassVar[dict[str, BinaryOp]]
    add: typing.ClassVar[BinaryOp]
    atan2: typing.ClassVar[BinaryOp]
    bitwise_and: typing.ClassVar[BinaryOp]
    bitwise_or: typing.ClassVar[BinaryOp]
    bitwise_xor: typing.ClassVar[BinaryOp]
    div: typing.ClassVar[BinaryOp]
    equal: typing.ClassVar[BinaryOp]
    floordiv: typing.ClassVar[BinaryOp]
    floormod: typing.ClassVar[BinaryOp]
    greater: typing.ClassVar[BinaryOp]
    greater_equal: typing.ClassVar[BinaryOp]
    less: typing.ClassVar[BinaryOp]
    less_equal: typing.ClassVar[BinaryOp]
    logical_and: typing.ClassVar[BinaryOp]
    logical_or: typing.ClassVar[BinaryOp]
    logical_xor: typing.ClassVar[BinaryOp]
    maximum: typing.ClassVar[BinaryOp]
    minimum: typing.ClassVar[BinaryOp]
    mul: typing.ClassVar[BinaryOp]
    not_equal: typing.ClassVar[BinaryOp]
    pow: typing.ClassVar[BinaryOp]
    relu_grad: typing.ClassVar[BinaryOp]
    sigmoid_grad: typing.ClassVar[BinaryOp]
    squared_difference: typing.ClassVar[BinaryOp]
    sub: typing.ClassVar[BinaryOp]
    tanh_grad: typing.ClassVar[BinaryOp]
    @typing.overload
    def __eq__(self, other: BinaryOp) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: BinaryOp) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class UnaryOp:
    """
    Members:
    
      negative
    
      abs
    
      sign
    
      square
    
      sqrt
    
      rsqrt
    
      exp
    
      expm1
    
      log
    
      log1p
    
      sin
    
      cos
    
      tan
    
      asin
    
      acos
    
      atan
    
      sinh
    
      cosh
    
      tanh
    
      asinh
    
      acosh
    
      atanh
    
      sigmoid
    
      floor
    
      ceil
    
      round
    
      reciprocal
    
      erf
    
      erfc
    
      relu
    
      relu6
    
      elu
    
      selu
    
      softplus
    
      softsign
    
      gelu
    
      gelu_tanh
    
      swish
    
      is_nan
    
      is_inf
    
      is_finite
    
      logical_not
    
      bitwise_not
    """
    __members__: typing.ClassVar[dict[str, UnaryOp]]
    abs: typing.ClassVar[UnaryOp]
    acos: typing.ClassVar[UnaryOp]
    acosh: typing.ClassVar[UnaryOp]
    asin: typing.ClassVar[UnaryOp]
    asinh: typing.ClassVar[UnaryOp]
    atan: typing.ClassVar[UnaryOp]
    atanh: typing.ClassVar[UnaryOp]
    bitwise_not: typing.ClassVar[UnaryOp]
    ceil: typing.ClassVar[UnaryOp]
    cos: typing.ClassVar[UnaryOp]
    cosh: typing.ClassVar[UnaryOp]
    elu: typing.ClassVar[UnaryOp]
    erf: typing.ClassVar[UnaryOp]
    erfc: typing.ClassVar[UnaryOp]
    exp: typing.ClassVar[UnaryOp]
    expm1: typing.ClassVar[UnaryOp]
    floor: typing.ClassVar[UnaryOp]
    gelu: typing.ClassVar[UnaryOp]
    gelu_tanh: typing.ClassVar[UnaryOp]
    is_finite: typing.ClassVar[UnaryOp]
    is_inf: typing.ClassVar[UnaryOp]
    is_nan: typing.ClassVar[UnaryOp]
    log: typing.ClassVar[UnaryOp]
    log1p: typing.ClassVar[UnaryOp]
    logical_not: typing.ClassVar[UnaryOp]
    negative: typing.ClassVar[UnaryOp]
    reciprocal: typing.ClassVar[UnaryOp]
    relu: typing.ClassVar[UnaryOp]
    relu6: typing.ClassVar[UnaryOp]
    round: typing.ClassVar[UnaryOp]
    rsqrt: typing.ClassVar[UnaryOp]
    selu: typing.ClassVar[UnaryOp]
    sigmoid: typing.ClassVar[UnaryOp]
    sign: typing.ClassVar[UnaryOp]
    sin: typing.ClassVar[UnaryOp]
    sinh: typing.ClassVar[UnaryOp]
    softplus: typing.ClassVar[UnaryOp]
    softsign: typing.ClassVar[UnaryOp]
    sqrt: typing.ClassVar[UnaryOp]
    square: typing.ClassVar[UnaryOp]
    swish: typing.ClassVar[UnaryOp]
    tan: typing.ClassVar[UnaryOp]
    tanh: typing.ClassVar[UnaryOp]
    @typing.overload
    def __eq__(self, other: UnaryOp) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: UnaryOp) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class ReduceOp:
    """
    Members:
    
      sum
    
      mean
    
      max
    
      min
    
      prod
    
      any
    
      all
    """
    __members__: typing.ClassVar[dict[str, ReduceOp]]
    all: typing.ClassVar[ReduceOp]
    any: typing.ClassVar[ReduceOp]
    max: typing.ClassVar[ReduceOp]
    mean: typing.ClassVar[ReduceOp]
    min: typing.ClassVar[ReduceOp]
    prod: typing.ClassVar[ReduceOp]
    sum: typing.ClassVar[ReduceOp]
    @typing.overload
    def __eq__(self, other: ReduceOp) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: ReduceOp) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class Tape:
    def __init__(self, persistent: bool, watch_accessed_variables: bool) -> None:
        ...
    def gradient(self, targets: collections.abc.Sequence[Tensor], sources: collections.abc.Sequence[Tensor], output_gradients: collections.abc.Sequence[Tensor | None], retain: bool = False) -> list[Tensor]:
        ...
    def is_watched(self, arg0: Tensor) -> bool:
        ...
    def pause(self) -> None:
        ...
    def pop(self) -> None:
        ...
    def push(self) -> None:
        ...
    def reset(self) -> None:
        ...
    def resume(self) -> None:
        ...
    def watch(self, arg0: Tensor) -> None:
        ...
    def watched_variables(self) -> list[Tensor]:
        ...
    @property
    def active(self) -> bool:
        ...
    @property
    def recording(self) -> bool:
        ...
def _register_error_classes(arg0: dict) -> None:
    ...
def apply_adadelta(arg0: typing.Any, arg1: typing.Any, arg2: typing.Any, arg3: typing.Any, arg4: typing.SupportsFloat | typing.SupportsIndex, arg5: typing.SupportsFloat | typing.SupportsIndex, arg6: typing.SupportsFloat | typing.SupportsIndex, arg7: typing.Any) -> None:
    ...
def apply_adagrad(arg0: typing.Any, arg1: typing.Any, arg2: typing.Any, arg3: typing.SupportsFloat | typing.SupportsIndex, arg4: typing.SupportsFloat | typing.SupportsIndex, arg5: typing.Any) -> None:
    ...
def apply_adam(arg0: typing.Any, arg1: typing.Any, arg2: typing.Any, arg3: typing.Any, arg4: typing.Any, arg5: typing.SupportsFloat | typing.SupportsIndex, arg6: typing.SupportsFloat | typing.SupportsIndex, arg7: typing.SupportsFloat | typing.SupportsIndex, arg8: typing.SupportsFloat | typing.SupportsIndex, arg9: typing.SupportsInt | typing.SupportsIndex, arg10: typing.Any) -> None:
    ...
def apply_adamax(arg0: typing.Any, arg1: typing.Any, arg2: typing.Any, arg3: typing.Any, arg4: typing.SupportsFloat | typing.SupportsIndex, arg5: typing.SupportsFloat | typing.SupportsIndex, arg6: typing.SupportsFloat | typing.SupportsIndex, arg7: typing.SupportsFloat | typing.SupportsIndex, arg8: typing.SupportsInt | typing.SupportsIndex, arg9: typing.Any) -> None:
    ...
def apply_nadam(arg0: typing.Any, arg1: typing.Any, arg2: typing.Any, arg3: typing.Any, arg4: typing.SupportsFloat | typing.SupportsIndex, arg5: typing.SupportsFloat | typing.SupportsIndex, arg6: typing.SupportsFloat | typing.SupportsIndex, arg7: typing.SupportsFloat | typing.SupportsIndex, arg8: typing.SupportsInt | typing.SupportsIndex, arg9: typing.SupportsFloat | typing.SupportsIndex, arg10: typing.Any) -> None:
    ...
def apply_rmsprop(arg0: typing.Any, arg1: typing.Any, arg2: typing.Any, arg3: typing.Any, arg4: typing.Any, arg5: typing.SupportsFloat | typing.SupportsIndex, arg6: typing.SupportsFloat | typing.SupportsIndex, arg7: typing.SupportsFloat | typing.SupportsIndex, arg8: typing.SupportsFloat | typing.SupportsIndex, arg9: typing.Any) -> None:
    ...
def apply_sgd(arg0: typing.Any, arg1: typing.Any, arg2: typing.Any, arg3: typing.SupportsFloat | typing.SupportsIndex, arg4: typing.SupportsFloat | typing.SupportsIndex, arg5: bool, arg6: typing.Any) -> None:
    ...
def arg_reduce(arg0: bool, arg1: Tensor, arg2: typing.SupportsInt | typing.SupportsIndex, arg3: DType) -> Tensor:
    ...
def argsort(arg0: Tensor, arg1: typing.SupportsInt | typing.SupportsIndex, arg2: bool) -> Tensor:
    ...
def assign(arg0: Tensor, arg1: typing.Any) -> None:
    ...
def assign_binary(arg0: Tensor, arg1: typing.Any, arg2: BinaryOp) -> None:
    ...
def avg_pool2d(arg0: Tensor, arg1: typing.Annotated[collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], "FixedSize(2)"], arg2: typing.Annotated[collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], "FixedSize(2)"], arg3: str, arg4: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> Tensor:
    ...
def avg_pool2d_grad(arg0: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], arg1: Tensor, arg2: typing.Annotated[collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], "FixedSize(2)"], arg3: typing.Annotated[collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], "FixedSize(2)"], arg4: str, arg5: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> Tensor:
    ...
def binary_op(arg0: ..., arg1: typing.Any, arg2: typing.Any) -> Tensor:
    """
    Applies a BinaryOp to two tensors or array-likes.
    """
def boolean_mask(arg0: Tensor, arg1: Tensor, arg2: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
    ...
def broadcast_to(arg0: Tensor, arg1: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> Tensor:
    ...
def cached_bytes() -> int:
    """
    Bytes held by the allocator's free-block cache.
    """
def cast(arg0: Tensor, arg1: DType) -> Tensor:
    ...
def clip_by_value(arg0: Tensor, arg1: typing.Any, arg2: typing.Any) -> Tensor:
    ...
def concat(arg0: collections.abc.Sequence[Tensor], arg1: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
    ...
def contiguous(arg0: Tensor) -> Tensor:
    ...
def conv2d(x: Tensor, w: Tensor, strides: typing.Annotated[collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], "FixedSize(2)"], dilations: typing.Annotated[collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], "FixedSize(2)"], padding: str, explicit_paddings: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], bias: Tensor | None = None, relu: bool = False) -> Tensor:
    ...
def conv2d_backprop_filter(arg0: Tensor, arg1: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], arg2: Tensor, arg3: typing.Annotated[collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], "FixedSize(2)"], arg4: typing.Annotated[collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], "FixedSize(2)"], arg5: str, arg6: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> Tensor:
    ...
def conv2d_backprop_input(arg0: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], arg1: Tensor, arg2: Tensor, arg3: typing.Annotated[collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], "FixedSize(2)"], arg4: typing.Annotated[collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], "FixedSize(2)"], arg5: str, arg6: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> Tensor:
    ...
def convert_to_tensor(value: typing.Any, dtype: DType | None = None) -> Tensor:
    ...
def cumprod(x: Tensor, axis: typing.SupportsInt | typing.SupportsIndex = 0, exclusive: bool = False, reverse: bool = False) -> Tensor:
    ...
def cumsum(x: Tensor, axis: typing.SupportsInt | typing.SupportsIndex = 0, exclusive: bool = False, reverse: bool = False) -> Tensor:
    ...
def dense(x: Tensor, kernel: Tensor, bias: Tensor | None, relu: bool = False) -> Tensor:
    ...
def depthwise_conv2d(arg0: Tensor, arg1: Tensor, arg2: typing.Annotated[collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], "FixedSize(2)"], arg3: typing.Annotated[collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], "FixedSize(2)"], arg4: str, arg5: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> Tensor:
    ...
def depthwise_conv2d_backprop_filter(arg0: Tensor, arg1: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], arg2: Tensor, arg3: typing.Annotated[collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], "FixedSize(2)"], arg4: typing.Annotated[collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], "FixedSize(2)"], arg5: str, arg6: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> Tensor:
    ...
def depthwise_conv2d_backprop_input(arg0: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], arg1: Tensor, arg2: Tensor, arg3: typing.Annotated[collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], "FixedSize(2)"], arg4: typing.Annotated[collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], "FixedSize(2)"], arg5: str, arg6: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> Tensor:
    ...
def expand_dims(arg0: Tensor, arg1: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
    ...
def eye(arg0: typing.SupportsInt | typing.SupportsIndex, arg1: typing.SupportsInt | typing.SupportsIndex, arg2: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], arg3: DType) -> Tensor:
    ...
def fill(arg0: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], arg1: typing.SupportsFloat | typing.SupportsIndex, arg2: DType) -> Tensor:
    ...
def gather(arg0: Tensor, arg1: Tensor, arg2: typing.SupportsInt | typing.SupportsIndex, arg3: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
    ...
def gather_nd(arg0: Tensor, arg1: Tensor, arg2: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
    ...
def get_num_threads() -> int:
    ...
def identity(arg0: Tensor) -> Tensor:
    ...
def is_recording() -> bool:
    ...
def isa() -> str:
    """
    The instruction set the kernels use (avx512, avx2 or scalar).
    """
def leaky_relu(features: Tensor, alpha: typing.SupportsFloat | typing.SupportsIndex = 0.2) -> Tensor:
    ...
def linspace(arg0: typing.SupportsFloat | typing.SupportsIndex, arg1: typing.SupportsFloat | typing.SupportsIndex, arg2: typing.SupportsInt | typing.SupportsIndex, arg3: DType) -> Tensor:
    ...
def log_softmax(logits: Tensor, axis: typing.SupportsInt | typing.SupportsIndex = -1) -> Tensor:
    ...
def matmul(a: Tensor, b: Tensor, transpose_a: bool = False, transpose_b: bool = False) -> Tensor:
    ...
def max_pool2d(arg0: Tensor, arg1: typing.Annotated[collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], "FixedSize(2)"], arg2: typing.Annotated[collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], "FixedSize(2)"], arg3: str, arg4: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> Tensor:
    ...
def max_pool2d_grad(arg0: Tensor, arg1: Tensor, arg2: Tensor, arg3: typing.Annotated[collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], "FixedSize(2)"], arg4: typing.Annotated[collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], "FixedSize(2)"], arg5: str, arg6: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> Tensor:
    ...
def ones(arg0: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], arg1: DType) -> Tensor:
    ...
def pad(arg0: Tensor, arg1: collections.abc.Sequence[typing.Annotated[collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], "FixedSize(2)"]], arg2: str, arg3: typing.Any) -> Tensor:
    ...
def random_categorical(arg0: Tensor, arg1: typing.SupportsInt | typing.SupportsIndex, arg2: DType, arg3: typing.SupportsInt | typing.SupportsIndex, arg4: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
    ...
def random_normal(arg0: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], arg1: DType, arg2: typing.SupportsFloat | typing.SupportsIndex, arg3: typing.SupportsFloat | typing.SupportsIndex, arg4: typing.SupportsInt | typing.SupportsIndex, arg5: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
    ...
def random_shuffle(arg0: Tensor, arg1: typing.SupportsInt | typing.SupportsIndex, arg2: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
    ...
def random_uniform(arg0: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], arg1: DType, arg2: typing.SupportsFloat | typing.SupportsIndex, arg3: typing.SupportsFloat | typing.SupportsIndex, arg4: typing.SupportsInt | typing.SupportsIndex, arg5: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
    ...
def random_uniform_int(arg0: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], arg1: DType, arg2: typing.SupportsInt | typing.SupportsIndex, arg3: typing.SupportsInt | typing.SupportsIndex, arg4: typing.SupportsInt | typing.SupportsIndex, arg5: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
    ...
def range(arg0: typing.SupportsFloat | typing.SupportsIndex, arg1: typing.SupportsFloat | typing.SupportsIndex, arg2: typing.SupportsFloat | typing.SupportsIndex, arg3: DType) -> Tensor:
    ...
def record_custom(arg0: str, arg1: collections.abc.Sequence[Tensor], arg2: collections.abc.Sequence[Tensor], arg3: collections.abc.Callable) -> None:
    ...
def reduce(arg0: ReduceOp, arg1: Tensor, arg2: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex] | None, arg3: bool) -> Tensor:
    ...
def release_cache() -> None:
    """
    Returns cached free blocks to the system.
    """
def reshape(arg0: Tensor, arg1: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> Tensor:
    ...
def reverse(arg0: Tensor, arg1: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> Tensor:
    ...
def scatter_nd(arg0: Tensor, arg1: Tensor, arg2: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> Tensor:
    ...
def set_num_threads(arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
    ...
def softmax(logits: Tensor, axis: typing.SupportsInt | typing.SupportsIndex = -1) -> Tensor:
    ...
def softmax_cross_entropy_with_logits(labels: Tensor, logits: Tensor, axis: typing.SupportsInt | typing.SupportsIndex = -1) -> Tensor:
    ...
def sort(arg0: Tensor, arg1: typing.SupportsInt | typing.SupportsIndex, arg2: bool) -> Tensor:
    ...
def sparse_softmax_cross_entropy_with_logits(labels: Tensor, logits: Tensor) -> Tensor:
    ...
def split(arg0: Tensor, arg1: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], arg2: typing.SupportsInt | typing.SupportsIndex) -> list[Tensor]:
    ...
def split_even(arg0: Tensor, arg1: typing.SupportsInt | typing.SupportsIndex, arg2: typing.SupportsInt | typing.SupportsIndex) -> list[Tensor]:
    ...
def squeeze(arg0: Tensor, arg1: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> Tensor:
    ...
def stack(arg0: collections.abc.Sequence[Tensor], arg1: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
    ...
def stop_gradient(arg0: Tensor) -> Tensor:
    ...
def strided_view(arg0: Tensor, arg1: collections.abc.Sequence[typing.Annotated[collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], "FixedSize(4)"]]) -> Tensor:
    ...
def sum_to(arg0: Tensor, arg1: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> Tensor:
    ...
def tensor_scatter_nd(arg0: str, arg1: Tensor, arg2: Tensor, arg3: typing.Any) -> Tensor:
    ...
def tile(arg0: Tensor, arg1: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> Tensor:
    ...
def top_k(arg0: Tensor, arg1: typing.SupportsInt | typing.SupportsIndex) -> list[Tensor]:
    ...
def transpose(arg0: Tensor, arg1: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> Tensor:
    ...
def truediv(arg0: typing.Any, arg1: typing.Any) -> Tensor:
    ...
def truncated_normal(arg0: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], arg1: DType, arg2: typing.SupportsFloat | typing.SupportsIndex, arg3: typing.SupportsFloat | typing.SupportsIndex, arg4: typing.SupportsInt | typing.SupportsIndex, arg5: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
    ...
def unary_op(arg0: UnaryOp, arg1: Tensor) -> Tensor:
    ...
def unstack(arg0: Tensor, arg1: typing.SupportsInt | typing.SupportsIndex, arg2: typing.SupportsInt | typing.SupportsIndex) -> list[Tensor]:
    ...
def where(arg0: Tensor, arg1: Tensor, arg2: Tensor) -> Tensor:
    ...
def where_indices(arg0: Tensor) -> Tensor:
    ...
def zeros(arg0: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], arg1: DType) -> Tensor:
    ...
