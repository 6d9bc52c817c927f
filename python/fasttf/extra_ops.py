"""Top-level tf ops that the core modules lack: truncating division, saturating casts,
histograms, index bookkeeping (unravel_index, dynamic_partition/stitch, reverse_sequence) and
the space <-> batch shuffles, plus the small eager helpers (no_op, tuple, identity_n, ...).

Differentiable ops are composed from recorded ops (gather, reshape, transpose, pad, clip), so
the tape differentiates them; index and integer ops compute in NumPy, as they have no gradient.
"""

import builtins
import os
import time

import numpy as np

from . import _C
from . import math as _math
from .framework import dtypes
from .framework.constant_op import convert_to_tensor, identity
from .framework.errors import (InternalError, InvalidArgumentError, NotFoundError,
                               ResourceExhaustedError)
from .framework.tensor import Tensor


def _t(x, dtype=None):
    if isinstance(x, Tensor):
        return x
    if dtype is not None:
        return _C.convert_to_tensor(x, dtype)
    return convert_to_tensor(x)


def _same_dtype_pair(x, y, op):
    """x and y as tensors of one dtype (a Python value takes the other's dtype), as TF's ops."""
    if not isinstance(x, Tensor) and isinstance(y, Tensor):
        x = _t(x, y.dtype)
    x = _t(x)
    y = _t(y, x.dtype)
    if x.dtype != y.dtype:
        raise InvalidArgumentError("[%s] both inputs must have one dtype, got %s and %s"
                                   % (op, x.dtype.name, y.dtype.name))
    return x, y


def _memory_budget():
    """Half the machine's physical memory (8 GiB where it cannot be read)."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2
    except (ValueError, OSError, AttributeError):
        return 8 << 30


_SCRATCH_BUDGET = _memory_budget()


def check_scratch_size(elements, op, bytes_per_element=8):
    """NumPy scratch arrays sized by a user's numbers (an index, nbins, a patch grid) are
    checked before they are allocated: filling tens of GB would get the process killed by the
    OS instead of raising."""
    needed = int(elements) * bytes_per_element
    if needed > _SCRATCH_BUDGET:
        raise ResourceExhaustedError("[%s] the result would need %d elements (%.1f GiB), more "
                                     "than this machine can hold" % (op, elements,
                                                                     needed / (1 << 30)))


def _int_values(x, what, op):
    """x as an int32/int64 NumPy array (TF's index attributes allow only those)."""
    x = _t(x)
    if x.dtype not in (dtypes.int32, dtypes.int64):
        raise InvalidArgumentError("[%s] %s must be int32 or int64, got %s"
                                   % (op, what, x.dtype.name))
    return x, x.numpy()


# --- division ------------------------------------------------------------------------------------


def _integer_divisor_check(y, op):
    if (y.numpy() == 0).any():
        # TF's kernel reports this as an internal error, not an argument error
        raise InternalError("[%s] Unexpected error in binary operator (only integer div and "
                            "mod should have errors): integer division by zero" % op)


def truncatediv(x, y, name=None):
    """Division rounding toward zero (C semantics); on floats trunc(x / y)."""
    x, y = _same_dtype_pair(x, y, "truncatediv")
    if x.dtype.is_floating:
        return _trunc(x / y)
    if x.dtype.is_bool:
        raise InvalidArgumentError("[truncatediv] bool tensors are not supported")
    _integer_divisor_check(y, "truncatediv")
    a, b = np.broadcast_arrays(x.numpy(), y.numpy())
    with np.errstate(all="ignore"):
        quotient = np.abs(a) // np.abs(b) if x.dtype.is_unsigned else _c_div(a, b)
    return convert_to_tensor(np.asarray(quotient, dtype=a.dtype))


def _c_div(a, b):
    # int64 holds every int8..int32 quotient exactly; C truncates toward zero
    q = np.abs(a.astype(np.int64)) // np.abs(b.astype(np.int64))
    return np.where((a < 0) != (b < 0), -q, q).astype(a.dtype)


def _trunc(x):
    # trunc = sign(x) * floor(|x|); floor and sign are recorded, but trunc has no gradient in TF
    return _C.stop_gradient(_math.sign(x) * _math.floor(_math.abs(x)))


def truncatemod(x, y, name=None):
    """Remainder of truncating division: the sign follows x (C's %, std::fmod on floats)."""
    x, y = _same_dtype_pair(x, y, "truncatemod")
    if x.dtype not in (dtypes.int32, dtypes.int64, dtypes.float32, dtypes.float64,
                       dtypes.float16, dtypes.bfloat16):
        raise InvalidArgumentError("[truncatemod] Value for attr 'T' of %s is not in the list of "
                                   "allowed values: int32, int64, bfloat16, half, float, double"
                                   % x.dtype.name)
    if x.dtype in (dtypes.float16, dtypes.bfloat16):
        raise NotFoundError("[truncatemod] no CPU kernel for %s" % x.dtype.name)
    if x.dtype.is_integer:
        _integer_divisor_check(y, "truncatemod")
    a, b = np.broadcast_arrays(x.numpy(), y.numpy())
    with np.errstate(all="ignore"):
        result = np.fmod(a, b)
    return convert_to_tensor(np.asarray(result, dtype=a.dtype))


def realdiv(x, y, name=None):
    """x / y for floating-point tensors (TF registers no integer kernel)."""
    x, y = _same_dtype_pair(x, y, "realdiv")
    if not x.dtype.is_floating:
        raise NotFoundError("[realdiv] no kernel for %s inputs (RealDiv takes floating-point "
                            "tensors)" % x.dtype.name)
    return x / y


# --- casts and histograms ------------------------------------------------------------------------


def _limits(dtype):
    if dtype.is_bool:
        raise TypeError("Cannot find minimum value of %r with type %r." % (dtype, dtype))
    if dtype == dtypes.bfloat16:
        return -3.3895313892515355e38, 3.3895313892515355e38
    info = np.finfo(dtype.as_numpy_dtype) if dtype.is_floating else np.iinfo(
        dtype.as_numpy_dtype)
    return info.min, info.max


def _clip_limits(in_dtype, out_dtype):
    """TF's clamp bounds: the narrower range, nudged toward 0 where in_dtype rounds it out."""
    np_in = in_dtype.as_numpy_dtype
    in_min, in_max = _limits(in_dtype)
    out_min, out_max = _limits(out_dtype)
    try:
        promoted = np.promote_types(np_in, out_dtype.as_numpy_dtype)
    except TypeError:
        promoted = np.float64
    lo = np_in(max(in_min, out_min))
    if np.array([lo, out_min], dtype=promoted)[0] < np.array([lo, out_min], dtype=promoted)[1]:
        lo = np.nextafter(lo, np_in(0), dtype=np_in)
    hi = np_in(min(float(in_max), float(out_max)))
    if np.array([hi, out_max], dtype=promoted)[0] > np.array([hi, out_max], dtype=promoted)[1]:
        hi = np.nextafter(hi, np_in(0), dtype=np_in)
    return lo, hi


def saturate_cast(value, dtype, name=None):
    """Clamps value into dtype's range, then casts (no overflow or wrap-around)."""
    x = _t(value)
    dtype = dtypes.as_dtype(dtype)
    lo, hi = _clip_limits(x.dtype, dtype)
    if x.dtype.is_floating and dtype.is_floating:
        # recorded ops, so float -> float casts stay differentiable
        clipped = _math.clip_by_value(x, _C.convert_to_tensor(float(lo), x.dtype),
                                      _C.convert_to_tensor(float(hi), x.dtype))
        return _C.cast(clipped, dtype)
    values = x.numpy()
    with np.errstate(invalid="ignore"):
        clipped = np.clip(values, lo, hi)
        if x.dtype.is_floating and not dtype.is_floating:
            clipped = np.where(np.isnan(clipped), 0, clipped)  # TF's cast turns NaN into 0
    return _C.cast(convert_to_tensor(np.asarray(clipped, dtype=values.dtype)), dtype)


def _histogram_args(values, value_range, nbins, op):
    x = _t(values)
    if x.dtype.is_bool:
        raise InvalidArgumentError("[%s] values must be numeric, got bool" % op)
    value_range = _t(value_range, x.dtype)
    if value_range.dtype != x.dtype:
        raise InvalidArgumentError("[%s] value_range must have the dtype of values (%s), got %s"
                                   % (op, x.dtype.name, value_range.dtype.name))
    if value_range.ndim != 1 or value_range._shape_tuple[0] != 2:
        raise InvalidArgumentError("[%s] value_range should be a vector of 2 elements." % op)
    nbins = int(nbins.numpy() if isinstance(nbins, Tensor) else nbins)
    check_scratch_size(nbins, op)
    if nbins <= 0:
        raise InvalidArgumentError("[%s] nbins should be a positive number, but got '%d'"
                                   % (op, nbins))
    return x, value_range, nbins


def histogram_fixed_width(values, value_range, nbins=100, dtype=dtypes.int32, name=None):
    """Counts of values in nbins equal bins over value_range; outliers go to the end bins."""
    x, value_range, nbins = _histogram_args(values, value_range, nbins, "histogram_fixed_width")
    v = x.numpy().reshape(-1)
    lo, hi = value_range.numpy()
    if not lo < hi:
        raise InvalidArgumentError("[histogram_fixed_width] value_range should satisfy "
                                   "value_range[0] < value_range[1], but got '[%s, %s]'" % (lo, hi))
    if x.dtype.is_floating and np.isnan(v).any():
        raise InvalidArgumentError("[histogram_fixed_width] Histogram values must not contain NaN")
    # TF's kernel: (max(v, lo) - lo) in the values' dtype, then double arithmetic, truncated
    step = (float(hi) - float(lo)) / nbins
    with np.errstate(all="ignore"):
        shifted = (np.maximum(v, lo) - lo).astype(np.float64)
    bins = (np.minimum(shifted, (nbins - 1) * step) / step).astype(np.int64)
    bins = np.clip(bins, 0, nbins - 1)
    counts = np.bincount(bins, minlength=nbins)
    return convert_to_tensor(counts.astype(dtypes.as_dtype(dtype).as_numpy_dtype))


def histogram_fixed_width_bins(values, value_range, nbins=100, dtype=dtypes.int32, name=None):
    """The bin index of every value (shape of values, int32), as TF computes it."""
    x = _t(values)
    if isinstance(value_range, Tensor) or not x.dtype.is_floating:
        x, value_range, nbins = _histogram_args(x, value_range, nbins,
                                                "histogram_fixed_width_bins")
    else:
        # TF converts value_range on its own (Python floats become float32), so float64
        # values with a Python range fail in the subtraction, as here
        x, value_range, nbins = _histogram_args(x, convert_to_tensor(value_range), nbins,
                                                "histogram_fixed_width_bins")
    if not x.dtype.is_floating:
        # TF's composition multiplies an int32 bin count by a float64 quotient and fails
        raise InvalidArgumentError("[histogram_fixed_width_bins] cannot compute Mul as input "
                                   "#1(zero-based) was expected to be a %s tensor but is a "
                                   "double tensor" % x.dtype.name)
    np_dtype = x.dtype.as_numpy_dtype
    lo, hi = value_range.numpy().astype(np_dtype)
    v = x.numpy().astype(np_dtype)
    with np.errstate(all="ignore"):
        scaled = (v - lo) / np_dtype(hi - lo)
        indices = np.floor(np_dtype(nbins) * scaled)
        indices = np.clip(indices, np_dtype(0), np_dtype(nbins - 1))
    # casting NaN to int32 gives INT_MIN on x86, as TF's cast does
    indices = np.where(np.isnan(indices), np.iinfo(np.int32).min, indices)
    return convert_to_tensor(indices.astype(np.int32))


# --- index bookkeeping ---------------------------------------------------------------------------


def unravel_index(indices, dims, name=None):
    """The coordinates of flat indices in an array of shape dims ((len(dims),) + indices.shape)."""
    idx_t, idx = _int_values(indices, "indices", "unravel_index")
    dims_t, dims_v = _int_values(_t(dims, idx_t.dtype), "dims", "unravel_index")
    if dims_t.dtype != idx_t.dtype:
        raise InvalidArgumentError("[unravel_index] dims must have the dtype of indices (%s)"
                                   % idx_t.dtype.name)
    if dims_t.ndim != 1:
        raise InvalidArgumentError("[unravel_index] dims must be a vector, got shape %s"
                                   % (dims_t.shape,))
    if idx_t.ndim > 1:
        raise InvalidArgumentError("[unravel_index] indices must be a scalar or a vector, got "
                                   "shape %s" % (idx_t.shape,))
    if idx.size == 0:
        raise InvalidArgumentError("[unravel_index] received empty tensor indices")
    dims_v = dims_v.astype(np.int64)
    if (dims_v <= 0).any() and idx.size:
        raise InvalidArgumentError("[unravel_index] dims must be positive, got %s" % dims_v)
    if idx.size and (idx.astype(np.int64) >= np.prod(dims_v)).any():
        raise InvalidArgumentError("[unravel_index] index is out of bound as with dims")
    strides = np.concatenate([np.cumprod(dims_v[::-1])[::-1][1:], [1]]).astype(np.int64)
    flat = idx.astype(np.int64)
    # C's / and % (truncating): a negative index unravels as TF's kernel does
    strides = strides.reshape((-1,) + (1,) * flat.ndim)
    quotient = _c_div(np.broadcast_to(flat, strides.shape[:1] + flat.shape),
                      np.broadcast_to(strides, strides.shape[:1] + flat.shape))
    coords = np.fmod(quotient, dims_v.reshape((-1,) + (1,) * flat.ndim))
    return convert_to_tensor(coords.astype(idx.dtype))


def dynamic_partition(data, partitions, num_partitions, name=None):
    """Splits data into num_partitions tensors: slice i goes to output partitions[i]."""
    x = _t(data)
    part_t, parts = _int_values(partitions, "partitions", "dynamic_partition")
    if part_t.dtype != dtypes.int32:
        raise InvalidArgumentError("[dynamic_partition] partitions must be int32, got %s"
                                   % part_t.dtype.name)
    num_partitions = int(num_partitions)
    if num_partitions < 1:
        raise InvalidArgumentError("[dynamic_partition] num_partitions must be at least 1")
    lead = x._shape_tuple[:parts.ndim]
    if lead != parts.shape:
        raise InvalidArgumentError("[dynamic_partition] data.shape must start with "
                                   "partitions.shape, got data.shape = %s, partitions.shape = %s"
                                   % (list(x._shape_tuple), list(parts.shape)))
    flat_parts = parts.reshape(-1)
    bad = np.flatnonzero((flat_parts < 0) | (flat_parts >= num_partitions))
    if bad.size:
        raise InvalidArgumentError("[dynamic_partition] partitions[%d] = %d is not in [0, %d)"
                                   % (bad[0], flat_parts[bad[0]], num_partitions))
    rows = _C.reshape(x, [flat_parts.size] + list(x._shape_tuple[parts.ndim:]))
    return [_C.gather(rows, convert_to_tensor(np.flatnonzero(flat_parts == p).astype(np.int32)),
                      0, 0) for p in range(num_partitions)]


def dynamic_stitch(indices, data, name=None):
    """merged[indices[m][i]] = data[m][i]; where an index repeats, the last write wins."""
    index_arrays = [_stitch_indices(i) for i in indices]
    pieces = _stitch_data(data)
    if len(index_arrays) != len(pieces) or not pieces:
        raise InvalidArgumentError("[dynamic_stitch] expects as many indices as data tensors "
                                   "(and at least one), got %d and %d"
                                   % (len(index_arrays), len(pieces)))
    dtype = pieces[0].dtype
    inner = None
    rows = []
    for m, (idx, piece) in enumerate(zip(index_arrays, pieces)):
        if piece.dtype != dtype:
            raise InvalidArgumentError("[dynamic_stitch] data tensors must share a dtype, got "
                                       "%s and %s" % (dtype.name, piece.dtype.name))
        if piece._shape_tuple[:idx.ndim] != idx.shape:
            raise InvalidArgumentError("[dynamic_stitch] data[%d].shape = %s does not start with "
                                       "indices[%d].shape = %s"
                                       % (m, list(piece._shape_tuple), m, list(idx.shape)))
        piece_inner = piece._shape_tuple[idx.ndim:]
        if inner is None:
            inner = piece_inner
        elif piece_inner != inner:
            raise InvalidArgumentError("[dynamic_stitch] data[%d] has inner shape %s, data[0] "
                                       "%s" % (m, list(piece_inner), list(inner)))
        rows.append(_C.reshape(piece, [idx.size] + list(inner)))
    flat_idx = np.concatenate([i.reshape(-1).astype(np.int64) for i in index_arrays])
    if (flat_idx < 0).any():
        raise InvalidArgumentError("[dynamic_stitch] indices[%d] is out of range"
                                   % np.flatnonzero(flat_idx < 0)[0])
    size = int(flat_idx.max()) + 1 if flat_idx.size else 0
    check_scratch_size(size, "dynamic_stitch",
                       4 + int(np.prod(inner, dtype=np.int64)) * dtype.as_numpy_dtype().itemsize)
    # source row of each output row: the last writer, or an appended zero row where none wrote
    source = np.full(size, flat_idx.size, dtype=np.int32)
    source[flat_idx] = np.arange(flat_idx.size)  # NumPy keeps the last of repeated writes
    source = convert_to_tensor(source)
    if not (dtype.is_floating and _C.is_recording()):
        stacked = _C.concat(rows + [_C.zeros([1] + list(inner), dtype)], 0)
        return _C.gather(stacked, source, 0, 0)
    return _stitch_with_tf_gradient(pieces, index_arrays, source, inner, dtype)


def _stitch_with_tf_gradient(pieces, index_arrays, source, inner, dtype):
    """TF's DynamicStitch gradient gathers the upstream gradient at every index, so a slice
    that a later one overwrote still gets the gradient of the slot it aimed at."""
    from .framework.custom_gradient import custom_gradient

    @custom_gradient
    def stitch(*data):
        flat = [_C.reshape(d, [idx.size] + list(inner)) for d, idx in zip(data, index_arrays)]
        stacked = _C.concat(flat + [_C.zeros([1] + list(inner), dtype)], 0)

        def grad(upstream):
            return [_C.reshape(_C.gather(upstream, convert_to_tensor(
                idx.astype(np.int32)), 0, 0), list(d._shape_tuple))
                for d, idx in zip(data, index_arrays)]
        return _C.gather(stacked, source, 0, 0), grad
    return stitch(*pieces)


def _stitch_indices(indices):
    """int32 indices, as TF converts them (an int64 tensor is refused with a ValueError)."""
    if isinstance(indices, Tensor):
        if indices.dtype != dtypes.int32:
            raise ValueError("[dynamic_stitch] Tensor conversion requested dtype int32 for "
                             "Tensor with dtype %s" % indices.dtype.name)
        return indices.numpy()
    values = np.asarray(indices)
    if values.size and values.dtype.kind not in "iu":
        raise TypeError("[dynamic_stitch] indices must be integers, got %r" % (indices,))
    return values.astype(np.int32)


def _stitch_data(data):
    """The data tensors; Python values take the first one's dtype, as TF converts them."""
    pieces = []
    for d in data:
        if isinstance(d, Tensor) or not pieces:
            pieces.append(_t(d))
            continue
        dtype = pieces[0].dtype
        values = np.asarray(d)
        if dtype.is_integer and values.dtype.kind == "f":
            raise TypeError("[dynamic_stitch] Cannot convert %r to EagerTensor of dtype %s"
                            % (d, dtype.name))
        pieces.append(_C.convert_to_tensor(d, dtype))
    return pieces


def reverse_sequence(input, seq_lengths, seq_axis=None, batch_axis=None, name=None):  # noqa: A002
    """Reverses the first seq_lengths[b] entries along seq_axis of each batch entry b."""
    x = _t(input)
    len_t, lengths = _int_values(seq_lengths, "seq_lengths", "reverse_sequence")
    seq_axis = int(seq_axis) if seq_axis is not None else 0
    batch_axis = int(batch_axis) if batch_axis is not None else 0
    if not 0 <= seq_axis < x.ndim:
        raise InvalidArgumentError("[reverse_sequence] Invalid seq_dim %d" % seq_axis)
    if not 0 <= batch_axis < x.ndim:
        raise InvalidArgumentError("[reverse_sequence] Invalid batch_dim %d" % batch_axis)
    if seq_axis == batch_axis:
        raise InvalidArgumentError("[reverse_sequence] batch_dim == seq_dim == %d" % seq_axis)
    batch, steps = x._shape_tuple[batch_axis], x._shape_tuple[seq_axis]
    if lengths.ndim != 1 or lengths.shape[0] != batch:
        raise InvalidArgumentError("[reverse_sequence] Length of seq_lengths != input.dims(%d), "
                                   "(%d vs. %d)" % (batch_axis, lengths.size, batch))
    if (lengths < 0).any():
        raise InvalidArgumentError("[reverse_sequence] seq_lens(%d) < 0"
                                   % np.flatnonzero(lengths < 0)[0])
    if (lengths > steps).any():
        raise InvalidArgumentError("[reverse_sequence] seq_lens(%d) > input.dims(%d)"
                                   % (np.flatnonzero(lengths > steps)[0], seq_axis))
    # bring (batch, seq) to the front, gather rows of the flattened pair, put the axes back
    rest = [a for a in range(x.ndim) if a not in (batch_axis, seq_axis)]
    perm = [batch_axis, seq_axis] + rest
    moved = _C.transpose(x, perm)
    t = np.arange(steps)
    src = np.where(t[None, :] < lengths[:, None], lengths[:, None] - 1 - t[None, :], t[None, :])
    flat_src = (np.arange(batch)[:, None] * steps + src).reshape(-1).astype(np.int32)
    rows = _C.reshape(moved, [batch * steps] + [x._shape_tuple[a] for a in rest])
    gathered = _C.reshape(_C.gather(rows, convert_to_tensor(flat_src), 0, 0),
                          list(moved._shape_tuple))
    return _C.transpose(gathered, list(np.argsort(perm)))


# --- space <-> batch -----------------------------------------------------------------------------


def _block_args(x, block_shape, pairs, what, op):
    """block sizes and (before, after) pairs as int lists, checked against x's rank."""
    block = np.asarray(block_shape.numpy() if isinstance(block_shape, Tensor) else block_shape)
    pairs = np.asarray(pairs.numpy() if isinstance(pairs, Tensor) else pairs)
    if block.ndim != 1:
        raise InvalidArgumentError("[%s] block_shape rank should be 1 instead of %d"
                                   % (op, block.ndim))
    if block.dtype.kind not in "iu" or (pairs.size and pairs.dtype.kind not in "iu"):
        raise InvalidArgumentError("[%s] block_shape and %s must be integers" % (op, what))
    block = block.reshape(-1).astype(np.int64)
    m = block.size
    if m < 1 or pairs.shape != (m, 2):
        raise InvalidArgumentError("[%s] %s must have shape [%d, 2], got %s"
                                   % (op, what, m, list(pairs.shape)))
    if x.ndim < m + 1:
        raise InvalidArgumentError("[%s] input rank should be >= %d instead of %d"
                                   % (op, m + 1, x.ndim))
    if (block < 1).any():
        raise InvalidArgumentError("[%s] All values in block_shape must be positive, got value, "
                                   "%d" % (op, block.min()))
    if (pairs < 0).any():
        raise InvalidArgumentError("[%s] %s must be non-negative" % (op, what.capitalize()))
    return [int(b) for b in block], [[int(a), int(b)] for a, b in pairs]


def space_to_batch_nd(input, block_shape, paddings, name=None):  # noqa: A002
    """Pads the spatial dims, then moves each block_shape offset into the batch dimension."""
    x = _t(input)
    block, pads = _block_args(x, block_shape, paddings, "paddings", "space_to_batch_nd")
    m = len(block)
    shape = list(x._shape_tuple)
    padded = [shape[1 + i] + pads[i][0] + pads[i][1] for i in range(m)]
    for i in range(m):
        if padded[i] % block[i]:
            raise InvalidArgumentError("[space_to_batch_nd] padded_shape[%d]=%d is not divisible "
                                       "by block_shape[%d]=%d" % (i, padded[i], i, block[i]))
    if any(p for pair in pads for p in pair):
        from .array_ops import pad
        x = pad(x, [[0, 0]] + pads + [[0, 0]] * (x.ndim - 1 - m))
    batch, rest = shape[0], shape[1 + m:]
    # [B, S1/b1, b1, ..., Sm/bm, bm, R...] -> [b1, ..., bm, B, S1/b1, ..., Sm/bm, R...]
    split = [batch]
    for i in range(m):
        split += [padded[i] // block[i], block[i]]
    x = _C.reshape(x, split + rest)
    perm = ([2 + 2 * i for i in range(m)] + [0] + [1 + 2 * i for i in range(m)]
            + list(range(1 + 2 * m, 1 + 2 * m + len(rest))))
    x = _C.transpose(x, perm)
    return _C.reshape(x, [batch * int(np.prod(block))] + [padded[i] // block[i]
                                                          for i in range(m)] + rest)


def space_to_batch(input, block_shape, paddings, name=None):  # noqa: A002
    """TF 2's tf.space_to_batch: space_to_batch_nd."""
    return space_to_batch_nd(input, block_shape, paddings)


def batch_to_space(input, block_shape, crops, name=None):  # noqa: A002
    """The inverse of space_to_batch_nd: batch blocks back into space, then crops."""
    x = _t(input)
    block, crops = _block_args(x, block_shape, crops, "crops", "batch_to_space")
    m = len(block)
    shape = list(x._shape_tuple)
    prod = int(np.prod(block))
    if shape[0] % prod:
        raise InvalidArgumentError("[batch_to_space] Input batch dimension (%d) is not divisible "
                                   "by product of block sizes (%d)" % (shape[0], prod))
    batch, spatial, rest = shape[0] // prod, shape[1:1 + m], shape[1 + m:]
    for i in range(m):
        if spatial[i] * block[i] - crops[i][0] - crops[i][1] < 0:
            raise InvalidArgumentError("[batch_to_space] cropped_shape[%d]=%d must be "
                                       "non-negative" % (i, spatial[i] * block[i] - crops[i][0]
                                                         - crops[i][1]))
    # [b1, ..., bm, B, S1, ..., Sm, R...] -> [B, S1, b1, ..., Sm, bm, R...]
    x = _C.reshape(x, block + [batch] + spatial + rest)
    perm = [m]
    for i in range(m):
        perm += [m + 1 + i, i]
    perm += list(range(2 * m + 1, 2 * m + 1 + len(rest)))
    x = _C.reshape(_C.transpose(x, perm), [batch] + [spatial[i] * block[i] for i in range(m)]
                   + rest)
    if any(c for pair in crops for c in pair):
        index = [slice(None)] + [slice(crops[i][0], spatial[i] * block[i] - crops[i][1])
                                 for i in range(m)]
        x = x[builtins.tuple(index)]  # this module's `tuple` is tf.tuple
    return x


# --- eager helpers -------------------------------------------------------------------------------


def no_op(name=None):
    """Does nothing (eagerly there is nothing to order)."""
    return None


def tuple(tensors, control_inputs=None, name=None):  # noqa: A001 - tf.tuple
    """The tensors, as a list (eagerly they are already computed)."""
    return list(tensors)


def identity_n(input, name=None):  # noqa: A002
    """A list of identities of the inputs."""
    # a tensor is a sequence of its rows, as TF converts it
    values = list(input) if not isinstance(input, Tensor) else [input[i] for i in range(
        input._shape_tuple[0])] if input.ndim else [input]
    if not values:
        raise InvalidArgumentError("[identity_n] Length for attr 'T' of 0 must be at least "
                                   "minimum 1")
    return [identity(v) for v in values]  # constant_op.identity: strings too


def get_static_value(tensor, partial=False):
    """The value of tensor as NumPy; eagerly every tensor is constant, a Variable is not."""
    from .framework.variables import Variable
    if isinstance(tensor, Variable):
        return None
    if isinstance(tensor, Tensor):
        return tensor.numpy()
    return tensor


def timestamp(name=None):
    """Seconds since the epoch, as a float64 scalar."""
    return _C.convert_to_tensor(time.time(), dtypes.float64)


def required_space_to_batch_paddings(input_shape, block_shape, base_paddings=None, name=None):
    """(paddings, crops) that make input_shape + base_paddings divisible by block_shape: the
    extra padding goes at the end and is cropped again after batch_to_space."""
    shape = np.asarray(input_shape.numpy() if isinstance(input_shape, Tensor) else input_shape,
                       np.int64).reshape(-1)
    block = np.asarray(block_shape.numpy() if isinstance(block_shape, Tensor) else block_shape,
                       np.int64)
    if block.ndim != 1:
        raise ValueError("Shape %s must have rank 1" % (list(block.shape),))
    m = block.size
    if m == 0:
        empty = _C.zeros([0, 2], dtypes.int32)
        return empty, empty
    if shape.size != m:
        raise ValueError("Shapes %s and %s are incompatible" % ([shape.size], [m]))
    base = (np.zeros((m, 2), np.int64) if base_paddings is None else np.asarray(
        base_paddings.numpy() if isinstance(base_paddings, Tensor) else base_paddings,
        np.int64))
    if base.shape != (m, 2):
        raise ValueError("Shapes %s and %s are incompatible" % (list(base.shape), [m, 2]))
    full = shape + base[:, 0] + base[:, 1]
    with np.errstate(divide="ignore", invalid="ignore"):
        extra = (block - full % block) % block
    paddings = np.stack([base[:, 0], base[:, 1] + extra], 1)
    crops = np.stack([np.zeros(m, np.int64), extra], 1)
    return (convert_to_tensor(paddings.astype(np.int32)),
            convert_to_tensor(crops.astype(np.int32)))
