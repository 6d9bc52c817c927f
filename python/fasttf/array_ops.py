"""Array ops: reshape/transpose/..., concat/stack/split/tile/pad, slicing, gather/scatter,
where, boolean_mask, sort/top_k. Argument normalisation only; the work is in C++."""

import builtins
import collections
import numbers

import numpy as np

from . import _C
from .framework import dtypes
from .framework.constant_op import convert_to_tensor, shape_list
from .framework.errors import InvalidArgumentError, op_dtype_error
from .framework.string_tensor import StringTensor
from .framework.tensor import Tensor
from . import string_array_ops as _strings


def _t(x):
    return x if isinstance(x, Tensor) else convert_to_tensor(x)


def reshape(tensor, shape, name=None):
    tensor = _t(tensor)
    if tensor.__class__ is StringTensor:  # strings: the op runs on their positions
        return _strings.on_positions(reshape, tensor, shape)
    dims = shape_list(shape, "reshape")
    if -1 in dims and 0 in dims and tensor._numel() == 0:
        dims = _empty_reshape_dims(tensor._shape_tuple, dims)
    return _C.reshape(tensor, dims)


def _empty_reshape_dims(in_shape, dims):
    # TF's rule for an empty input whose target has both -1 and 0: zero sizes are left out of
    # both products, so tf.reshape(tf.zeros([0, 3]), [-1, 0]) has shape (3, 0).
    known = 1
    for d in dims:
        if d > 0:
            known *= d
    have = 1
    for d in in_shape:
        if d > 0:
            have *= d
    dims = list(dims)
    dims[dims.index(-1)] = have // known
    return dims


def transpose(a, perm=None, conjugate=False, name="transpose"):
    a = _t(a)
    if a.__class__ is StringTensor:
        return _strings.on_positions(transpose, a, perm)
    return _C.transpose(a, [] if perm is None else shape_list(perm, "transpose"))


def expand_dims(input, axis, name=None):
    input = _t(input)
    if input.__class__ is StringTensor:
        return _strings.on_positions(expand_dims, input, axis)
    return _C.expand_dims(input, int(axis))


def squeeze(input, axis=None, name=None):
    if axis is None:
        axes = []
    elif isinstance(axis, int):
        axes = [axis]
    else:
        axes = [int(a) for a in axis]
    input = _t(input)
    if input.__class__ is StringTensor:
        return _strings.on_positions(squeeze, input, axes)
    return _C.squeeze(input, axes)


def broadcast_to(input, shape, name=None):
    input = _t(input)
    if input.__class__ is StringTensor:
        return _strings.on_positions(broadcast_to, input, shape)
    return _C.broadcast_to(input, shape_list(shape, "broadcast_to"))


def stop_gradient(input, name=None):
    input = _t(input)
    if input.__class__ is StringTensor:
        return input  # strings carry no gradient
    return _C.stop_gradient(input)


# ---------------------------------------------------------------------------------------------
# Combining and splitting


def _axis(axis, op):
    if isinstance(axis, (Tensor, np.ndarray)):
        if np.ndim(axis) != 0:
            raise InvalidArgumentError("[%s] axis must be a scalar, got %r" % (op, axis))
        axis = int(np.asarray(axis))
    if isinstance(axis, bool) or not isinstance(axis, numbers.Integral):
        raise op_dtype_error("[%s] axis must be an integer, got %r" % (op, axis))
    return int(axis)


def _int_list(value, op, what):
    if isinstance(value, Tensor):
        value = value.numpy()
    arr = np.asarray(value)
    if arr.dtype.kind not in "iu" and arr.size:
        raise op_dtype_error("[%s] %s must be integers, got %r" % (op, what, value))
    return [int(v) for v in arr.reshape(-1)]


def _tensor_list(values, op):
    """Converts a list of tensors/array-likes; non-tensors take the first tensor's dtype."""
    if isinstance(values, Tensor):
        return list(unstack(values))
    values = list(values)
    if not values:
        raise ValueError("[%s] expects a non-empty list of tensors" % op)
    # As TF's eager inference of a list attribute: the first tensor's dtype, else the first
    # value's own; a value that does not convert to it raises TypeError.
    first = next((v for v in values if isinstance(v, Tensor)), None)
    dtype = first.dtype if first is not None else convert_to_tensor(values[0]).dtype
    return [v if isinstance(v, Tensor) else convert_to_tensor(v, dtype=dtype) for v in values]


def concat(values, axis, name="concat"):
    """tf.concat: joins tensors along an existing axis."""
    if isinstance(values, (list, tuple)) and len(values) <= 1:
        if not values:
            raise InvalidArgumentError("[concat] expects at least one tensor, got an empty list")
        # As TF: one value is returned as is (only the axis must be a scalar).
        _axis(axis, "concat")
        value = _t(values[0])
        return value if value.__class__ is StringTensor else _C.identity(value)
    tensors = _tensor_list(values, "concat")
    # The ends decide (two checks, not a scan): the others were converted to their dtype.
    if tensors[0].__class__ is StringTensor or tensors[-1].__class__ is StringTensor:
        return _strings.on_joined_positions(concat, tensors, "ConcatV2", axis)
    return _C.concat(tensors, _axis(axis, "concat"))


def stack(values, axis=0, name="stack"):
    """tf.stack: joins equally shaped tensors along a new axis."""
    if isinstance(values, (list, tuple)) and axis == 0:
        if not values:
            return convert_to_tensor(values)  # as TF: tf.stack([]) is tf.constant([])
        if not any(isinstance(v, Tensor) for v in values):
            try:  # as TF: a list of Python values is one constant (tf.stack([1, 2.5]) is float)
                return convert_to_tensor(values)
            except (TypeError, ValueError):
                pass
    elif isinstance(values, (list, tuple)) and not values:
        raise IndexError("list index out of range")  # TF reads values[0] for the rank
    tensors = _tensor_list(values, "stack")
    # The ends decide (two checks, not a scan): the others were converted to their dtype.
    if tensors[0].__class__ is StringTensor or tensors[-1].__class__ is StringTensor:
        return _strings.on_joined_positions(stack, tensors, "Pack", axis)
    return _C.stack(tensors, _axis(axis, "stack"))


def unstack(value, num=None, axis=0, name="unstack"):
    """tf.unstack: the slices of `value` along `axis`, as a list."""
    value = _t(value)
    if value.__class__ is StringTensor:
        return _strings.on_positions(unstack, value, num, axis)
    return _C.unstack(value, _axis(axis, "unstack"), -1 if num is None else int(num))


def split(value, num_or_size_splits, axis=0, num=None, name="split"):
    """tf.split: a count of equal pieces, or a list of sizes (one may be -1)."""
    value = _t(value)
    if value.__class__ is StringTensor:
        return _strings.on_positions(split, value, num_or_size_splits, axis, num)
    axis = _axis(axis, "split")
    splits = num_or_size_splits
    if isinstance(splits, Tensor) and splits.ndim == 0:
        splits = int(splits)
    if isinstance(splits, numbers.Integral) and not isinstance(splits, bool):
        return _C.split_even(value, int(splits), axis)
    sizes = _int_list(splits, "split", "size_splits")
    if num is not None and int(num) != len(sizes):
        raise ValueError("[split] num=%d does not match %d size_splits" % (num, len(sizes)))
    return _C.split(value, sizes, axis)


def tile(input, multiples, name=None):
    """tf.tile: repeats `input` multiples[i] times along axis i."""
    input = _t(input)
    if input.__class__ is StringTensor:
        return _strings.on_positions(tile, input, multiples)
    return _C.tile(input, _int_list(multiples, "tile", "multiples"))


def reverse(tensor, axis, name=None):
    """tf.reverse: flips the given axes."""
    tensor = _t(tensor)
    if tensor.__class__ is StringTensor:
        return _strings.on_positions(reverse, tensor, axis)
    return _C.reverse(tensor, _int_list(axis, "reverse", "axis"))


reverse_v2 = reverse


def slice(input_, begin, size, name=None):
    """tf.slice: size[i] elements from begin[i] along each axis (-1: to the end)."""
    x = _t(input_)
    if x.__class__ is StringTensor:
        return _strings.on_positions(slice, x, begin, size)
    shape = x._shape_tuple
    begin = _int_list(begin, "slice", "begin")
    size = _int_list(size, "slice", "size")
    if len(begin) != len(shape) or len(size) != len(shape):
        raise InvalidArgumentError(
            "[slice] expected begin and size arguments to be 1-D tensors of size %d, but got "
            "shapes (%d,) and (%d,) instead" % (len(shape), len(begin), len(size)))
    spec = []
    for d, (b, s, n) in enumerate(zip(begin, size, shape)):
        if s == -1:
            s = n - b
        if b < 0 or b > n:
            raise InvalidArgumentError("[slice] expected begin[%d] in [0, %d], but got %d"
                                       % (d, n, b))
        if s < 0 or b + s > n:
            raise InvalidArgumentError("[slice] expected size[%d] in [0, %d], but got %d"
                                       % (d, n - b, s))
        spec.append((0, b if s else 0, s, 1))
    return _C.strided_view(x, spec)


def strided_slice(input_, begin, end=None, strides=None, begin_mask=0, end_mask=0,
                  ellipsis_mask=0, new_axis_mask=0, shrink_axis_mask=0, var=None, name=None):
    """tf.strided_slice with TF's masks; a view (differentiable) of input_."""
    x = _t(input_)
    if x.__class__ is StringTensor:
        return _strings.on_positions(strided_slice, x, begin, end, strides, begin_mask,
                                     end_mask, ellipsis_mask, new_axis_mask, shrink_axis_mask)
    shape = x._shape_tuple
    begin = _int_list(begin, "strided_slice", "begin")
    end = [0] * len(begin) if end is None else _int_list(end, "strided_slice", "end")
    strides = [1] * len(begin) if strides is None else _int_list(strides, "strided_slice",
                                                                  "strides")
    if not len(begin) == len(end) == len(strides):
        raise InvalidArgumentError("[strided_slice] begin, end and strides must have the same "
                                   "length, got %d, %d and %d" % (len(begin), len(end),
                                                                  len(strides)))
    if bin(ellipsis_mask).count("1") > 1:
        raise InvalidArgumentError("[strided_slice] multiple ellipses in slice spec not allowed")
    consumed = sum(1 for i in builtins.range(len(begin))
                   if not (ellipsis_mask >> i) & 1 and not (new_axis_mask >> i) & 1)
    spec, dim = [], 0
    for i in builtins.range(len(begin)):
        if (ellipsis_mask >> i) & 1:
            for _ in builtins.range(len(shape) - consumed):
                spec.append((0, 0, shape[dim], 1))
                dim += 1
            continue
        if (new_axis_mask >> i) & 1:
            spec.append((2, 0, 0, 0))
            continue
        if dim >= len(shape):
            raise InvalidArgumentError("[strided_slice] index %d out of range for a tensor of "
                                       "rank %d" % (i, len(shape)))
        n = shape[dim]
        if (shrink_axis_mask >> i) & 1:
            index = begin[i] + n if begin[i] < 0 else begin[i]
            if index < 0 or index >= n:
                raise InvalidArgumentError("[strided_slice] slice index %d of dimension %d out "
                                           "of bounds" % (begin[i], dim))
            spec.append((1, index, 1, 1))
        else:
            if strides[i] == 0:
                raise InvalidArgumentError("[strided_slice] strides[%d] must be non-zero" % i)
            start = None if (begin_mask >> i) & 1 else begin[i]
            stop = None if (end_mask >> i) & 1 else end[i]
            start, stop, step = builtins.slice(start, stop, strides[i]).indices(n)
            count = len(builtins.range(start, stop, step))
            spec.append((0, start if count else 0, count, step))
        dim += 1
    return _C.strided_view(x, spec)


def pad(tensor, paddings, mode="CONSTANT", constant_values=0, name=None):
    """tf.pad in CONSTANT, REFLECT or SYMMETRIC mode."""
    x = _t(tensor)
    p = paddings.numpy() if isinstance(paddings, Tensor) else np.asarray(paddings)
    if p.size and p.dtype.kind not in "iu":
        raise op_dtype_error("[pad] paddings must be integers, got %r" % (paddings,))
    if p.ndim != 2 or p.shape[1] != 2 or p.shape[0] != x.ndim:
        raise InvalidArgumentError(
            "[pad] paddings must be a matrix of shape (%d, 2) for an input of shape %s, got "
            "shape %s" % (x.ndim, tuple(x._shape_tuple), tuple(p.shape)))
    if type(constant_values) is int and constant_values == 0:
        constant_values = False if x.dtype == dtypes.bool_ else 0  # TF's default pads any dtype
    return _C.pad(x, [(int(a), int(b)) for a, b in p.reshape(-1, 2)], str(mode),
                  constant_values)


def meshgrid(*args, **kwargs):
    """tf.meshgrid(*args, indexing='xy'|'ij'): N-D coordinate grids from 1-D inputs."""
    indexing = kwargs.pop("indexing", "xy")
    kwargs.pop("name", None)
    if kwargs:
        raise TypeError("[meshgrid] unexpected keyword arguments %s" % sorted(kwargs))
    if indexing not in ("xy", "ij"):
        raise ValueError("[meshgrid] indexing must be 'xy' or 'ij', got %r" % (indexing,))
    tensors = [_C.reshape(t, [-1]) for t in _tensor_list(args, "meshgrid")] if args else []
    sizes = [t._shape_tuple[0] for t in tensors]
    ndim = len(tensors)
    order = builtins.list(builtins.range(ndim))
    if indexing == "xy" and ndim >= 2:
        order[0], order[1] = 1, 0   # the output's axis of input i
    shape = [0] * ndim
    for i, n in enumerate(sizes):
        shape[order[i]] = n
    outputs = []
    for i, t in enumerate(tensors):
        view_shape = [1] * ndim
        view_shape[order[i]] = sizes[i]
        outputs.append(_C.broadcast_to(_C.reshape(t, view_shape), shape))
    return outputs


def one_hot(indices, depth, on_value=None, off_value=None, axis=None, dtype=None, name=None):
    """tf.one_hot: indices outside [0, depth) give rows of off_value."""
    indices = _t(indices)
    if not indices.dtype.is_integer:
        raise op_dtype_error("[one_hot] indices must be an integer tensor, got %s"
                             % indices.dtype.name)
    depth = int(depth)
    if depth < 0:
        raise InvalidArgumentError("[one_hot] depth must be non-negative, got %d" % depth)
    given = [v.dtype if isinstance(v, Tensor) else convert_to_tensor(v).dtype
             for v in (on_value, off_value) if v is not None]
    if dtype is None and len(given) == 2 and given[0] != given[1]:
        raise TypeError("dtype %r of on_value does not match dtype %r of off_value"
                        % (given[0], given[1]))
    dtype = dtypes.as_dtype(dtype if dtype is not None else given[0] if given else
                            dtypes.float32)
    on = convert_to_tensor(1 if on_value is None else on_value, dtype=dtype)
    off = convert_to_tensor(0 if off_value is None else off_value, dtype=dtype)
    rank = indices.ndim
    axis = -1 if axis is None else int(axis)
    if axis < -1 or axis > rank:
        raise InvalidArgumentError("[one_hot] axis must be -1 or in [0, %d], got %d"
                                   % (rank, axis))
    position = rank if axis == -1 else axis
    positions = _C.range(0.0, float(depth), 1.0, dtypes.int64)
    positions = _C.reshape(positions, [depth] + [1] * (rank - position))
    hit = _C.binary_op(_C.BinaryOp.equal,
                       _C.expand_dims(_C.cast(indices, dtypes.int64), position), positions)
    return _C.where(hit, on, off)


# ---------------------------------------------------------------------------------------------
# Selection


def _indices(indices):
    if isinstance(indices, Tensor):
        return indices
    t = convert_to_tensor(indices)
    if t.dtype == dtypes.float32 and t._numel() == 0:   # [] converts to float32, as in TF
        t = _C.cast(t, dtypes.int32)
    return t


def gather(params, indices, validate_indices=None, axis=None, batch_dims=0, name=None):
    """tf.gather: slices of params along axis at the given indices (validated)."""
    params = _t(params)
    if params.__class__ is StringTensor:
        return _strings.on_positions(gather, params, indices, axis=axis, batch_dims=batch_dims)
    batch_dims = int(batch_dims)
    axis = batch_dims if axis is None else _axis(axis, "gather")
    return _C.gather(params, _indices(indices), axis, batch_dims)


def gather_nd(params, indices, batch_dims=0, name=None):
    """tf.gather_nd: elements or slices of params addressed by index tuples."""
    params = _t(params)
    if params.__class__ is StringTensor:
        return _strings.on_positions(gather_nd, params, indices, batch_dims)
    return _C.gather_nd(params, _indices(indices), int(batch_dims))


def boolean_mask(tensor, mask, axis=None, name="boolean_mask"):
    """tf.boolean_mask: the entries of tensor where mask (over axes axis..) is True."""
    mask = _t(mask)
    if mask.dtype != dtypes.bool_:  # as TF (it takes where(mask)): nonzero entries are True
        mask = _C.binary_op(_C.BinaryOp.not_equal, mask, _C.zeros([], mask.dtype))
    tensor = _t(tensor)
    if tensor.__class__ is StringTensor:
        return _strings.on_positions(boolean_mask, tensor, mask, axis)
    return _C.boolean_mask(tensor, mask, 0 if axis is None else _axis(axis, "boolean_mask"))


def where(condition, x=None, y=None, name=None):
    """tf.where: coordinates of true elements (one argument), or an elementwise select."""
    if (x is None) != (y is None):
        raise ValueError("x and y must both be non-None or both be None.")
    cond = condition if isinstance(condition, Tensor) else convert_to_tensor(condition)
    if x is None:
        if cond.ndim == 0:
            raise InvalidArgumentError("[where] the condition must have rank >= 1, got a scalar")
        return _C.where_indices(cond)
    if not isinstance(condition, Tensor) and cond.dtype != dtypes.bool_:
        # as TF: a Python condition converts to bool ([1, 0] raises TypeError)
        cond = convert_to_tensor(condition, dtype=dtypes.bool_)
    if cond.dtype != dtypes.bool_:
        raise op_dtype_error("[where] condition must be a bool tensor, got %s" % cond.dtype.name)
    if isinstance(x, Tensor) or not isinstance(y, Tensor):
        x = _t(x)
        y = y if isinstance(y, Tensor) else convert_to_tensor(y, dtype=x.dtype)
    else:
        x = convert_to_tensor(x, dtype=y.dtype)
    if x.__class__ is StringTensor or y.__class__ is StringTensor:
        return _strings.where(cond, x, y)
    return _C.where(cond, x, y)


def scatter_nd(indices, updates, shape, name=None):
    """tf.scatter_nd: zeros of `shape` with updates summed in at indices."""
    return _C.scatter_nd(_indices(indices), _t(updates), shape_list(shape, "scatter_nd"))


def _tensor_scatter(kind):
    def fn(tensor, indices, updates, name=None):
        return _C.tensor_scatter_nd(kind, _t(tensor), _indices(indices), updates)
    fn.__name__ = "tensor_scatter_nd_" + kind
    fn.__doc__ = "tf.tensor_scatter_nd_%s: a copy of tensor with updates applied at indices." % kind
    return fn


tensor_scatter_nd_update = _tensor_scatter("update")
tensor_scatter_nd_add = _tensor_scatter("add")
tensor_scatter_nd_sub = _tensor_scatter("sub")
tensor_scatter_nd_max = _tensor_scatter("max")
tensor_scatter_nd_min = _tensor_scatter("min")


def _descending(direction):
    if direction not in ("ASCENDING", "DESCENDING"):
        raise ValueError('`direction` should be one of {"ASCENDING", "DESCENDING"}, got %r'
                         % (direction,))
    return direction == "DESCENDING"


def sort(values, axis=-1, direction="ASCENDING", name=None):
    """tf.sort: values sorted along axis (differentiable)."""
    return _C.sort(_t(values), _axis(axis, "sort"), _descending(direction))


def argsort(values, axis=-1, direction="ASCENDING", stable=False, name=None):
    """tf.argsort: int32 indices that sort values along axis (always stable here)."""
    return _C.argsort(_t(values), _axis(axis, "argsort"), _descending(direction))


TopKV2 = collections.namedtuple("TopKV2", ["values", "indices"])


def top_k(input, k=1, sorted=True, index_type=dtypes.int32, name=None):
    """tf.math.top_k: the k largest entries of the last axis and their int32 indices."""
    values, indices = _C.top_k(_t(input), int(k))
    index_type = dtypes.as_dtype(index_type)
    if index_type != dtypes.int32:
        indices = _C.cast(indices, index_type)
    return TopKV2(values, indices)


UniqueOutput = collections.namedtuple("Unique", ["y", "idx"])


def unique(x, out_idx=dtypes.int32, name=None):
    """tf.unique: the distinct values of a 1-D tensor in order of first appearance."""
    x = _t(x)
    if x.__class__ is StringTensor:
        return _strings.unique(x, out_idx)
    if x.ndim != 1:
        raise InvalidArgumentError("[unique] x must be a vector, got shape %s" % (x.shape,))
    values = x.numpy()
    _, first, inverse = np.unique(values, return_index=True, return_inverse=True)
    order = np.argsort(first, kind="stable")        # unique values by first appearance
    rank_of = np.empty_like(order)
    rank_of[order] = np.arange(order.size)
    y = _C.gather(x, _C.convert_to_tensor(first[order].astype(np.int64), dtypes.int64), 0, 0)
    idx = rank_of[inverse.reshape(-1)].astype(dtypes.as_dtype(out_idx).as_numpy_dtype)
    return UniqueOutput(y, _C.convert_to_tensor(idx, dtypes.as_dtype(out_idx)))


def searchsorted(sorted_sequence, values, side="left", out_type=dtypes.int32, name=None):
    """tf.searchsorted: insertion points of values in each row of sorted_sequence."""
    if side not in ("left", "right"):
        raise ValueError("[searchsorted] side must be 'left' or 'right', got %r" % (side,))
    seq, vals = _t(sorted_sequence), _t(values)
    if seq.dtype != vals.dtype:
        raise op_dtype_error("[searchsorted] sorted_sequence and values must have the same dtype, "
                        "got %s and %s" % (seq.dtype.name, vals.dtype.name))
    s, v = seq.numpy(), vals.numpy()
    if s.ndim == 0 or v.ndim == 0 or s.shape[:-1] != v.shape[:-1]:
        raise InvalidArgumentError("[searchsorted] leading dimensions of sorted_sequence %s and "
                                   "values %s must match" % (s.shape, v.shape))
    rows_s, rows_v = s.reshape(-1, s.shape[-1]), v.reshape(-1, v.shape[-1])
    out = np.empty(rows_v.shape, dtype=np.int64)
    for r in builtins.range(rows_s.shape[0]):     # one vectorised search per row
        out[r] = np.searchsorted(rows_s[r], rows_v[r], side=side)
    return _C.convert_to_tensor(out.reshape(v.shape), dtypes.as_dtype(out_type))


# ---------------------------------------------------------------------------------------------
# Composites of the ops above (no kernels of their own; gradients come from the parts)


def roll(input, shift, axis, name=None):
    """tf.roll: elements shifted along axis (wrapping around); shift/axis may be lists."""
    x = _t(input)
    shifts = _int_list(shift, "roll", "shift")
    axes = _int_list(axis, "roll", "axis")
    if len(shifts) != len(axes):
        raise InvalidArgumentError("[roll] shift and axis must have the same size, got %d and %d"
                                   % (len(shifts), len(axes)))
    total = collections.OrderedDict()
    for s, a in zip(shifts, axes):
        if not -x.ndim <= a < x.ndim:
            raise InvalidArgumentError("[roll] axis %d is out of range for rank %d" % (a, x.ndim))
        a %= x.ndim
        total[a] = total.get(a, 0) + s  # as TF: shifts on the same axis add up
    for a, s in total.items():
        n = x._shape_tuple[a]
        if n == 0 or s % n == 0:
            continue
        s %= n
        head, tail = _C.split(x, [n - s, s], a)
        x = _C.concat([tail, head], a)
    return x


def repeat(input, repeats, axis=None, name=None):
    """tf.repeat: each element repeated `repeats` times along axis (flattened when axis=None)."""
    x = _t(input)
    if axis is None:
        x = _C.reshape(x, [-1])
        axis = 0
    axis = _axis(axis, "repeat")
    if not -x.ndim <= axis < max(x.ndim, 1):
        raise InvalidArgumentError("[repeat] axis %d is out of range for rank %d" % (axis, x.ndim))
    axis %= max(x.ndim, 1)
    counts = _int_list(repeats, "repeat", "repeats")
    n = x._shape_tuple[axis]
    if len(counts) == 1:
        counts = counts * n
    if len(counts) != n or builtins.any(c < 0 for c in counts):
        raise InvalidArgumentError("[repeat] repeats must be non-negative and one per element "
                                   "along axis %d (size %d), got %s" % (axis, n, counts))
    index = np.repeat(np.arange(n, dtype=np.int32), counts)
    return _C.gather(x, convert_to_tensor(index), axis, 0)


def sequence_mask(lengths, maxlen=None, dtype=dtypes.bool_, name=None):
    """tf.sequence_mask: mask[..., j] = j < lengths[...]; maxlen defaults to max(lengths)."""
    lengths = _t(lengths)
    if lengths.dtype == dtypes.bool_:
        raise op_dtype_error("[sequence_mask] lengths must be numbers, got bool")
    if maxlen is None:  # float lengths are allowed, as TF: row j is kept while j < length
        maxlen = np.max(lengths.numpy()) if lengths._numel() else 0
    maxlen = float(maxlen) if lengths.dtype.is_floating else int(maxlen)
    row = _C.range(0., float(maxlen), 1., lengths.dtype)
    mask = row < _C.expand_dims(lengths, -1)
    dtype = dtypes.as_dtype(dtype)
    return mask if dtype == dtypes.bool_ else _C.cast(mask, dtype)


UniqueWithCountsOutput = collections.namedtuple("UniqueWithCounts", ["y", "idx", "count"])


def unique_with_counts(x, out_idx=dtypes.int32, name=None):
    """tf.unique_with_counts: tf.unique plus how often each distinct value occurs."""
    y, idx = unique(x, out_idx)
    count = np.bincount(idx.numpy(), minlength=y._shape_tuple[0])
    return UniqueWithCountsOutput(y, idx, convert_to_tensor(count.astype(
        dtypes.as_dtype(out_idx).as_numpy_dtype)))


def broadcast_static_shape(shape_x, shape_y):
    """tf.broadcast_static_shape: the broadcast TensorShape (None where unknown)."""
    from .framework.tensor_shape import TensorShape
    a, b = TensorShape(shape_x).as_list(), TensorShape(shape_y).as_list()
    n = builtins.max(len(a), len(b))
    a, b = [1] * (n - len(a)) + a, [1] * (n - len(b)) + b
    out = []
    for da, db in zip(a, b):
        if da == 1 or db == 1:
            out.append(db if da == 1 else da)
        elif da is None or db is None:
            out.append(da if db is None else db)
        elif da == db:
            out.append(da)
        else:
            raise ValueError("Incompatible shapes for broadcasting: %s and %s"
                             % (TensorShape(shape_x), TensorShape(shape_y)))
    return TensorShape(out)


def broadcast_dynamic_shape(shape_x, shape_y):
    """tf.broadcast_dynamic_shape: the broadcast shape as an int tensor."""
    sx, sy = _t(shape_x), _t(shape_y)
    try:
        out = np.broadcast_shapes(tuple(sx.numpy().tolist()), tuple(sy.numpy().tolist()))
    except ValueError:
        raise InvalidArgumentError("[broadcast_dynamic_shape] incompatible shapes: %s and %s"
                                   % (sx.numpy().tolist(), sy.numpy().tolist())) from None
    return convert_to_tensor(np.array(out, dtype=sx.dtype.as_numpy_dtype))
