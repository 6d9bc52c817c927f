"""tf.linalg: norms, tensordot and einsum (lowered to transpose + reshape + matmul), and the
matrix helpers TF keeps here."""

import numbers
import string

import numpy as np

from . import _C
from . import math as _math
from .framework.constant_op import eye
from .framework.errors import InvalidArgumentError, op_dtype_error
from .framework.tensor import Tensor
from .math import _axes, _t, clip_by_global_norm, global_norm, l2_normalize, matmul

_R = _C.ReduceOp


def _prod(values):
    out = 1
    for v in values:
        out *= int(v)
    return out


def _normalize(axis, rank, op):
    if not -rank <= axis < rank:
        raise InvalidArgumentError("[%s] axis %d is out of range for a tensor of rank %d"
                                   % (op, axis, rank))
    return axis % rank


# ---------------------------------------------------------------------------------------------
# norm

_VECTOR_ORDS = ("euclidean", 1, 2, np.inf)
_MATRIX_ORDS = ("euclidean", "fro", 1, 2, np.inf)


def _spectral_norm(x, axes, keepdims):
    """Largest singular value over the two `axes`. sigma = u1^T A v1 with u1, v1 the leading
    singular vectors (constants), so the gradient u1 v1^T comes from the recorded product."""
    rank = x.ndim
    perm = [i for i in range(rank) if i not in axes] + list(axes)
    a = np.transpose(x.numpy().astype(np.float64), perm)
    weight = np.zeros_like(a)
    if a.size:
        u, _, vh = np.linalg.svd(a)
        weight = u[..., :, :1] * vh[..., :1, :]
    inverse = np.argsort(perm)
    weight = _C.convert_to_tensor(np.ascontiguousarray(np.transpose(weight, inverse))
                                  .astype(x.dtype.as_numpy_dtype), x.dtype)
    return _C.reduce(_R.sum, x * weight, list(axes), bool(keepdims))


def norm(tensor, ord="euclidean", axis=None, keepdims=None, name=None):
    """Vector norm (axis None or an int: with axis None the tensor is flattened) or matrix norm
    (axis a pair): ord 'euclidean'/'fro', 1, 2, np.inf, or any p > 0 for vectors."""
    x = _t(tensor)
    if not x.dtype.is_floating:
        raise op_dtype_error("[norm] expects a floating-point tensor, got %s" % x.dtype.name)
    keepdims = bool(keepdims)
    if isinstance(axis, Tensor):
        axis = axis.numpy().tolist()
    is_matrix = isinstance(axis, (list, tuple)) and len(axis) == 2
    if isinstance(axis, (list, tuple)) and len(axis) not in (1, 2):
        raise ValueError("'axis' must be None, an integer, or a tuple of 2 unique integers, got %r"
                         % (axis,))
    if is_matrix:
        rows, cols = (_normalize(int(a), x.ndim, "norm") for a in axis)
        if rows == cols:
            raise ValueError("'axis' must be None, an integer, or a tuple of 2 unique integers, "
                             "got %r" % (axis,))
        if ord not in _MATRIX_ORDS:
            raise ValueError("'ord' must be a supported matrix norm in %s, got %r"
                             % (_MATRIX_ORDS, ord))
        if ord in ("euclidean", "fro"):
            return _math.sqrt(_C.reduce(_R.sum, x * x, [rows, cols], keepdims))
        if ord == 2:
            return _spectral_norm(x, (rows, cols), keepdims)
        summed_axis, max_axis = (rows, cols) if ord == 1 else (cols, rows)
        sums = _C.reduce(_R.sum, _math.abs(x), [summed_axis], True)
        result = _C.reduce(_R.max, sums, [max_axis], True)
        return result if keepdims else _C.squeeze(result, [rows, cols])
    if ord == "fro" or not (ord == "euclidean" or (isinstance(ord, numbers.Real) and ord > 0)):
        raise ValueError("'ord' must be a supported vector norm, got %r" % (ord,))
    axes = _axes(axis)
    if axes is not None:
        axes = [_normalize(a, x.ndim, "norm") for a in axes]
    if ord in ("euclidean", 2):
        return _math.sqrt(_C.reduce(_R.sum, x * x, axes, keepdims))
    magnitude = _math.abs(x)
    if ord == 1:
        return _C.reduce(_R.sum, magnitude, axes, keepdims)
    if ord == np.inf:
        return _C.reduce(_R.max, magnitude, axes, keepdims)
    p = _C.convert_to_tensor(float(ord), x.dtype)
    return _math.pow(_C.reduce(_R.sum, _math.pow(magnitude, p), axes, keepdims),
                     _C.convert_to_tensor(1.0 / float(ord), x.dtype))


# ---------------------------------------------------------------------------------------------
# tensordot

def tensordot(a, b, axes, name=None):
    """Sums the products of a's and b's elements over the given axes (an int N: a's last N with
    b's first N; or a pair of axis lists)."""
    a = _t(a)
    b = b if isinstance(b, Tensor) else _C.convert_to_tensor(b, a.dtype)
    if isinstance(axes, Tensor):
        axes = axes.numpy().tolist()
    if isinstance(axes, (numbers.Integral, np.integer)):
        n = int(axes)
        if n < 0 or n > a.ndim or n > b.ndim:
            raise ValueError("[tensordot] 'axes' must be in [0, min(rank(a), rank(b))], got %d"
                             % n)
        a_axes, b_axes = list(range(a.ndim - n, a.ndim)), list(range(n))
    else:
        if len(axes) != 2:
            raise ValueError("[tensordot] 'axes' must be an integer or a pair of axis lists")
        a_axes, b_axes = axes
        a_axes = [a_axes] if isinstance(a_axes, (numbers.Integral, np.integer)) else list(a_axes)
        b_axes = [b_axes] if isinstance(b_axes, (numbers.Integral, np.integer)) else list(b_axes)
        if len(a_axes) != len(b_axes):
            raise ValueError("[tensordot] different number of contraction axes: %r and %r"
                             % (a_axes, b_axes))
        a_axes = [_normalize(int(x), a.ndim, "tensordot") for x in a_axes]
        b_axes = [_normalize(int(x), b.ndim, "tensordot") for x in b_axes]
    a_shape, b_shape = a.shape.as_list(), b.shape.as_list()
    for i, j in zip(a_axes, b_axes):
        if a_shape[i] != b_shape[j]:
            raise InvalidArgumentError(
                "[tensordot] contracted dimensions differ: axis %d of %s and axis %d of %s"
                % (i, tuple(a_shape), j, tuple(b_shape)))
    a_free = [i for i in range(a.ndim) if i not in a_axes]
    b_free = [i for i in range(b.ndim) if i not in b_axes]
    k = _prod(a_shape[i] for i in a_axes)
    a2 = _C.reshape(_C.transpose(a, a_free + a_axes), [_prod(a_shape[i] for i in a_free), k])
    b2 = _C.reshape(_C.transpose(b, b_axes + b_free), [k, _prod(b_shape[i] for i in b_free)])
    out = _C.matmul(a2, b2, False, False)
    return _C.reshape(out, [a_shape[i] for i in a_free] + [b_shape[i] for i in b_free])


# ---------------------------------------------------------------------------------------------
# einsum

def _parse_einsum(equation, ranks):
    eq = equation.replace(" ", "")
    if "->" in eq:
        lhs, out = eq.split("->")
        explicit = True
    else:
        lhs, out, explicit = eq, None, False
    specs = lhs.split(",")
    if len(specs) != len(ranks):
        raise ValueError("[einsum] equation %r has %d operand(s) but %d were given"
                         % (equation, len(specs), len(ranks)))
    used = set(c for c in eq if c.isalpha())
    fresh = [c for c in string.ascii_uppercase + string.ascii_lowercase if c not in used]
    ell_rank = 0
    for spec, rank in zip(specs, ranks):
        if "..." in spec:
            ell_rank = max(ell_rank, rank - (len(spec) - 3))
    ell = "".join(fresh[:ell_rank])
    expanded = []
    for spec, rank in zip(specs, ranks):
        if "..." in spec:
            n = rank - (len(spec) - 3)
            if n < 0:
                raise ValueError("[einsum] operand spec %r does not match rank %d" % (spec, rank))
            spec = spec.replace("...", ell[ell_rank - n:])
        if not all(c.isalpha() for c in spec):
            raise ValueError("[einsum] invalid subscripts in %r" % (equation,))
        if len(spec) != rank:
            raise ValueError("[einsum] subscripts %r do not match an operand of rank %d"
                             % (spec, rank))
        expanded.append(spec)
    if explicit:
        out = out.replace("...", ell)
    else:
        counts = {}
        for spec in expanded:
            for c in spec:
                counts[c] = counts.get(c, 0) + 1
        out = ell + "".join(sorted(c for c, n in counts.items() if n == 1 and c not in ell))
    if not all(c.isalpha() for c in out) or len(set(out)) != len(out):
        raise ValueError("[einsum] invalid output subscripts in %r" % (equation,))
    for c in out:
        if not any(c in s for s in expanded):
            raise ValueError("[einsum] output subscript %r does not appear in the inputs of %r"
                             % (c, equation))
    return expanded, out


def _take_diagonals(x, spec):
    """Collapses repeated subscripts of one operand (e.g. 'ii') to their diagonal."""
    while True:
        for i, c in enumerate(spec):
            j = spec.find(c, i + 1)
            if j >= 0:
                break
        else:
            return x, spec
        n = x.shape[i]
        if x.shape[j] != n:
            raise InvalidArgumentError("[einsum] repeated subscript %r has sizes %d and %d"
                                       % (c, n, x.shape[j]))
        mask_shape = [1] * x.ndim
        mask_shape[i] = mask_shape[j] = n
        mask = _C.reshape(_C.eye(n, n, [], x.dtype), mask_shape)
        x = _C.reduce(_R.sum, x * mask, [j], False)
        spec = spec[:j] + spec[j + 1:]


def _sum_unused(x, spec, keep):
    axes = [i for i, c in enumerate(spec) if c not in keep]
    if not axes:
        return x, spec
    return (_C.reduce(_R.sum, x, axes, False),
            "".join(c for c in spec if c in keep))


def _contract(a, sa, b, sb, keep):
    """One pairwise contraction as a (batched) matmul; returns (tensor, subscripts)."""
    sizes = {}
    for t, s in ((a, sa), (b, sb)):
        for c, d in zip(s, t.shape.as_list()):
            if c in sizes and sizes[c] != d and 1 not in (sizes[c], d):
                raise InvalidArgumentError("[einsum] subscript %r has sizes %d and %d"
                                           % (c, sizes[c], d))
            sizes[c] = max(sizes.get(c, d), d)
    batch = [c for c in sa if c in sb and c in keep]
    contracted = [c for c in sa if c in sb and c not in keep]
    a_only = [c for c in sa if c not in sb]
    b_only = [c for c in sb if c not in sa]

    def arrange(t, s, order):
        t = _C.transpose(t, [s.index(c) for c in order])
        target = [sizes[c] for c in order]
        if t.shape.as_list() != target:  # size-1 batch or contracted dims broadcast
            t = _C.broadcast_to(t, target)
        return t

    nb, nm = _prod(sizes[c] for c in batch), _prod(sizes[c] for c in a_only)
    nk, nn = _prod(sizes[c] for c in contracted), _prod(sizes[c] for c in b_only)
    a3 = _C.reshape(arrange(a, sa, batch + a_only + contracted), [nb, nm, nk])
    b3 = _C.reshape(arrange(b, sb, batch + contracted + b_only), [nb, nk, nn])
    out = _C.matmul(a3, b3, False, False)
    order = batch + a_only + b_only
    return _C.reshape(out, [sizes[c] for c in order]), "".join(order)


def einsum(equation, *inputs, **kwargs):
    """Einstein summation: the operands are contracted left to right, each step one (batched)
    matmul; repeated subscripts in one operand take its diagonal ('ii->' is the trace)."""
    kwargs.pop("name", None)
    kwargs.pop("optimize", None)
    if kwargs:
        raise TypeError("[einsum] unexpected keyword arguments %s" % sorted(kwargs))
    if len(inputs) == 1 and isinstance(inputs[0], (list, tuple)):
        inputs = tuple(inputs[0])
    if not inputs:
        raise ValueError("[einsum] needs at least one operand")
    tensors = [_t(inputs[0])]
    for x in inputs[1:]:
        tensors.append(x if isinstance(x, Tensor) else _C.convert_to_tensor(x, tensors[0].dtype))
    for t in tensors[1:]:
        if t.dtype != tensors[0].dtype:
            raise op_dtype_error("[einsum] operands must have one dtype, got %s and %s"
                            % (tensors[0].dtype.name, t.dtype.name))
    specs, out = _parse_einsum(equation, [t.ndim for t in tensors])
    operands = []
    for i, (t, s) in enumerate(zip(tensors, specs)):
        t, s = _take_diagonals(t, s)
        others = set(out).union(*[set(x) for j, x in enumerate(specs) if j != i])
        operands.append(_sum_unused(t, s, others))
    x, sx = operands[0]
    for k in range(1, len(operands)):
        y, sy = operands[k]
        keep = set(out).union(*[set(s) for _, s in operands[k + 1:]])
        x, sx = _sum_unused(x, sx, keep | set(sy))
        x, sx = _contract(x, sx, y, sy, keep)
    x, sx = _sum_unused(x, sx, set(out))
    if sx != out:
        x = _C.transpose(x, [sx.index(c) for c in out])
    return _C.identity(x) if x is tensors[0] else x


# ---------------------------------------------------------------------------------------------
# small matrix helpers

def trace(x, name=None):
    """Sum of the main diagonal over the last two axes."""
    return einsum("...ii->...", _t(x))


def matrix_transpose(a, name="matrix_transpose", conjugate=False):
    a = _t(a)
    if a.ndim < 2:
        raise ValueError("[matrix_transpose] expects a tensor of rank >= 2, got shape %s"
                         % (a.shape,))
    perm = list(range(a.ndim))
    perm[-2], perm[-1] = perm[-1], perm[-2]
    return _C.transpose(a, perm)


def diag(diagonal, name="diag", k=0, num_rows=-1, num_cols=-1, padding_value=0, align=None):
    """A batch of square matrices [..., N, N] with `diagonal` [..., N] on the main diagonal."""
    d = _t(diagonal)
    if k != 0 or num_rows != -1 or num_cols != -1 or padding_value != 0:
        raise NotImplementedError("[diag] only the main diagonal (k=0, no padding) is supported")
    if d.ndim < 1:
        raise ValueError("[diag] expects a tensor of rank >= 1, got shape %s" % (d.shape,))
    n = d.shape[-1]
    return _C.expand_dims(d, -1) * eye(n, dtype=d.dtype)


def diag_part(input, name="diag_part", k=0, padding_value=0, align=None):
    """The main diagonal [..., min(M, N)] of a batch of matrices [..., M, N]."""
    x = _t(input)
    if k != 0:
        raise NotImplementedError("[diag_part] only the main diagonal (k=0) is supported")
    if x.ndim < 2:
        raise ValueError("[diag_part] expects a tensor of rank >= 2, got shape %s" % (x.shape,))
    n = min(x.shape[-2], x.shape[-1])
    return einsum("...ii->...i", x[..., :n, :n])


def band_part(input, num_lower, num_upper, name=None):
    """Keeps the band num_lower below and num_upper above the diagonal (-1: all), zeros the rest."""
    x = _t(input)
    if x.ndim < 2:
        raise ValueError("[band_part] expects a tensor of rank >= 2, got shape %s" % (x.shape,))
    lower, upper = int(num_lower), int(num_upper)
    m, n = x.shape[-2], x.shape[-1]
    if lower > m or upper > n:
        raise InvalidArgumentError("[band_part] num_lower %d must be <= %d and num_upper %d <= %d"
                                   % (lower, m, upper, n))
    rows, cols = np.arange(m)[:, None], np.arange(n)[None, :]
    keep = ((lower < 0) | (rows - cols <= lower)) & ((upper < 0) | (cols - rows <= upper))
    from .array_ops import where
    return where(_C.convert_to_tensor(np.broadcast_to(keep, x.shape).copy(), None), x,
                 _C.convert_to_tensor(np.zeros((), x.dtype.as_numpy_dtype), x.dtype))


# Determinants, inverses, solves and factorisations live in their own modules.
from .linalg_decompositions import (adjoint, cholesky, cholesky_solve, det, inv,  # noqa: E402
                                    logdet, lstsq, matrix_rank, matvec, pinv, set_diag, slogdet,
                                    solve, triangular_solve)
from .linalg_spectral import eigh, eigvalsh, expm, qr, svd  # noqa: E402

__all__ = ["norm", "tensordot", "einsum", "global_norm", "clip_by_global_norm", "l2_normalize",
           "matmul", "eye", "trace", "matrix_transpose", "diag", "diag_part", "band_part",
           "det", "slogdet", "logdet", "inv", "solve", "triangular_solve", "cholesky",
           "cholesky_solve", "lstsq", "pinv", "matrix_rank", "adjoint", "matvec", "set_diag",
           "qr", "svd", "eigh", "eigvalsh", "expm"]
