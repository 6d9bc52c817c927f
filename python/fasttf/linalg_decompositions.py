"""tf.linalg matrix functions: determinants, inverses, solves and factorisations.

These are not training hot paths, so the forward values come from NumPy's LAPACK in the tensor's
own precision (batch dimensions handled by numpy.linalg, no Python loop over batch entries). Each
primitive records one tape node whose gradient is written with fasttf ops (TF's formulas from
linalg_grad.py), so gradients of gradients work too. Functions TF builds from other ops
(logdet, cholesky_solve, lstsq, pinv, expm) are built the same way here and need no rule.

Where TF's results are not unique (the signs of singular vectors and eigenvectors), fasttf gives
LAPACK's choice: each column may differ from TF's by a factor -1; products such as
u @ diag(s) @ v^T agree.
"""

import collections

import numpy as np

from . import _C
from .framework import dtypes
from .framework.errors import InvalidArgumentError, op_dtype_error
from .framework.tensor import Tensor
from .math import _t

_R = _C.ReduceOp
_U = _C.UnaryOp

LogMatrixDeterminant = collections.namedtuple("LogMatrixDeterminant",
                                              ["sign", "log_abs_determinant"])
Qr = collections.namedtuple("Qr", ["q", "r"])
SelfAdjointEigV2 = collections.namedtuple("SelfAdjointEigV2", ["e", "v"])


# ---------------------------------------------------------------------------------------------
# argument checks and NumPy round trips

def _check_float(x, op):
    if x.dtype not in (dtypes.float32, dtypes.float64):
        raise op_dtype_error("[%s] not supported for dtype %s (expects float32 or float64)"
                        % (op, x.dtype.name))


def _matrix(x, op, square=True):
    """x as a float tensor of rank >= 2 ([..., M, M] when `square`)."""
    x = _t(x)
    _check_float(x, op)
    shape = tuple(x.shape.as_list())
    if len(shape) < 2:
        raise InvalidArgumentError("[%s] expects a tensor of rank >= 2, got shape %s"
                                   % (op, shape))
    if square and shape[-1] != shape[-2]:
        raise InvalidArgumentError("[%s] expects square matrices [..., M, M], got shape %s"
                                   % (op, shape))
    return x


def _rhs(matrix, rhs, op):
    """rhs as a tensor of matrix's dtype and rank >= 2."""
    rhs = rhs if isinstance(rhs, Tensor) else _C.convert_to_tensor(rhs, matrix.dtype)
    if rhs.dtype != matrix.dtype:
        raise InvalidArgumentError("[%s] matrix and rhs must have the same dtype, got %s and %s"
                                   % (op, matrix.dtype.name, rhs.dtype.name))
    if rhs.ndim < 2:
        raise InvalidArgumentError("[%s] rhs must have rank >= 2 ([..., M, K]), got shape %s"
                                   % (op, tuple(rhs.shape.as_list())))
    return rhs


def _broadcast_batch(a, b, op):
    try:
        return np.broadcast_shapes(tuple(a.shape.as_list()[:-2]), tuple(b.shape.as_list()[:-2]))
    except ValueError:
        raise InvalidArgumentError("[%s] batch dimensions do not broadcast: %s and %s"
                                   % (op, tuple(a.shape.as_list()), tuple(b.shape.as_list()))
                                   ) from None


def _values(x):
    """x's values for LAPACK: float32 stays float32 (TF's precision, twice the speed of a
    float64 copy); other dtypes become float64."""
    values = x.numpy()
    return values if values.dtype in (np.float32, np.float64) else values.astype(np.float64)


def _tensor(array, dtype):
    # np.array, not np.ascontiguousarray: the latter turns 0-d results into shape (1,).
    return _C.convert_to_tensor(np.array(array, dtype=dtype.as_numpy_dtype, order="C"), dtype)


def _record(name, inputs, outputs, backward):
    """One tape node: backward(list of output grads) -> list of input grads."""
    if _C.is_recording():
        _C.record_custom(name, list(inputs), list(outputs), backward)


def _has_zero_or_nan_pivot(a_np):
    """TF's invertibility test: an LU pivot that is 0 or NaN (slogdet's sign 0 or log NaN)."""
    if a_np.size == 0:
        return False
    with np.errstate(invalid="ignore"):
        sign, logabs = np.linalg.slogdet(a_np)
    return bool(np.any(sign == 0) or np.any(np.isnan(logabs)))


# ---------------------------------------------------------------------------------------------
# small differentiable helpers, written with fasttf ops

def _swap(x):
    """Transpose of the last two axes (the adjoint, for real matrices)."""
    perm = list(range(x.ndim))
    perm[-2], perm[-1] = perm[-1], perm[-2]
    return _C.transpose(x, perm)


def _mm(a, b, transpose_a=False, transpose_b=False):
    return _C.matmul(a, b, bool(transpose_a), bool(transpose_b))


def _eye(n, dtype):
    return _C.eye(n, n, [], dtype)


def _diag(d):
    """[..., N] -> [..., N, N] with d on the diagonal."""
    return _C.expand_dims(d, -1) * _eye(d.shape[-1], d.dtype)


def _diag_part(x):
    """Main diagonal of square matrices [..., N, N] -> [..., N]."""
    return _C.reduce(_R.sum, x * _eye(x.shape[-1], x.dtype), [x.ndim - 1], False)


def _set_diag(x, d):
    n = x.shape[-1]
    return x * _C.convert_to_tensor(1.0 - np.eye(n), x.dtype) + _diag(d)


def _triangle(x, lower):
    """The lower (or upper) triangle of x with the diagonal; zeros elsewhere."""
    m, n = x.shape[-2], x.shape[-1]
    mask = np.tril(np.ones((m, n))) if lower else np.triu(np.ones((m, n)))
    return x * _C.convert_to_tensor(mask, x.dtype)


def _scalar(value, dtype):
    return _C.convert_to_tensor(np.asarray(value, dtype=dtype.as_numpy_dtype), dtype)


def _safe_reciprocal(x, epsilon=1e-20):
    """x / (x^2 + eps): TF's Lorentz broadening, finite for degenerate values."""
    return x / (x * x + _scalar(epsilon, x.dtype))


def _unbroadcast(grad, shape):
    shape = list(shape)
    return grad if grad.shape.as_list() == shape else _C.sum_to(grad, shape)


# ---------------------------------------------------------------------------------------------
# determinants

def det(input, name=None):
    """Determinant of each matrix in [..., M, M] -> [...]."""
    a = _matrix(input, "det")
    with np.errstate(invalid="ignore"):  # NaN inputs give NaN, as in TF, without a warning
        out = _tensor(np.linalg.det(_values(a)), a.dtype)

    def backward(grads):
        multipliers = _C.expand_dims(_C.expand_dims(grads[0] * out, -1), -1)
        return [multipliers * inv(a, adjoint=True)]

    _record("MatrixDeterminant", [a], [out], backward)
    return out


def slogdet(input, name=None):
    """(sign, log|det|) of each matrix in [..., M, M]; sign 0 and -inf for singular ones."""
    a = _matrix(input, "slogdet")
    with np.errstate(invalid="ignore"):
        sign, logabs = np.linalg.slogdet(_values(a))
    sign, logabs = _tensor(sign, a.dtype), _tensor(logabs, a.dtype)

    def backward(grads):
        multipliers = _C.expand_dims(_C.expand_dims(grads[1], -1), -1)
        return [multipliers * inv(a, adjoint=True)]

    _record("LogMatrixDeterminant", [a], [sign, logabs], backward)
    return LogMatrixDeterminant(sign, logabs)


def logdet(matrix, name=None):
    """log det of Hermitian positive-definite matrices: 2 * sum(log(diag(cholesky(A))))."""
    chol = cholesky(_matrix(matrix, "logdet"))
    log_diagonal = _C.unary_op(_U.log, _diag_part(chol))
    return _C.reduce(_R.sum, log_diagonal, [chol.ndim - 2], False) * _scalar(2.0, chol.dtype)


# ---------------------------------------------------------------------------------------------
# inverse and solves

def inv(input, adjoint=False, name=None):
    """Inverse of each matrix in [..., M, M] (of its adjoint when `adjoint`)."""
    a = _matrix(input, "inv")
    a_np = _values(a)
    try:
        result = np.linalg.inv(a_np)
    except np.linalg.LinAlgError:
        result = None
    if result is None or (not np.all(np.isfinite(a_np)) and _has_zero_or_nan_pivot(a_np)):
        raise InvalidArgumentError("[inv] Input is not invertible (shape %s)"
                                   % (tuple(a.shape.as_list()),))
    if adjoint:
        result = np.swapaxes(result, -1, -2)
    out = _tensor(result, a.dtype)

    def backward(grads):
        inner = _mm(grads[0], out, transpose_a=adjoint, transpose_b=not adjoint)
        return [-_mm(out, inner, transpose_a=not adjoint)]

    _record("MatrixInverse", [a], [out], backward)
    return out


def solve(matrix, rhs, adjoint=False, name=None):
    """X with matrix @ X = rhs (matrix^T @ X = rhs when `adjoint`) for [..., M, M] and
    [..., M, K] with the same batch dimensions (TF does not broadcast here)."""
    a = _matrix(matrix, "solve")
    b = _rhs(a, rhs, "solve")
    a_shape, b_shape = tuple(a.shape.as_list()), tuple(b.shape.as_list())
    if a.ndim != b.ndim or a_shape[:-2] != b_shape[:-2]:
        raise InvalidArgumentError("[solve] matrix and rhs must have the same batch dimensions, "
                                   "got shapes %s and %s" % (a_shape, b_shape))
    if a_shape[-1] != b_shape[-2]:
        raise InvalidArgumentError("[solve] matrix and rhs are incompatible: %s and %s"
                                   % (a_shape, b_shape))
    a_np = _values(a)
    if adjoint:
        a_np = np.swapaxes(a_np, -1, -2)
    try:
        result = np.linalg.solve(a_np, _values(b)) if a_np.size else np.zeros(b_shape)
    except np.linalg.LinAlgError:
        result = None
    if result is None or (not np.all(np.isfinite(a_np)) and _has_zero_or_nan_pivot(a_np)):
        raise InvalidArgumentError("[solve] Input matrix is not invertible (shape %s)"
                                   % (a_shape,))
    out = _tensor(result, a.dtype)

    def backward(grads):
        grad_b = solve(a, grads[0], adjoint=not adjoint)
        if adjoint:
            grad_a = -_mm(out, grad_b, transpose_b=True)
        else:
            grad_a = -_mm(grad_b, out, transpose_b=True)
        return [grad_a, grad_b]

    _record("MatrixSolve", [a, b], [out], backward)
    return out


def _substitute(t_np, b_np, lower):
    """Row-by-row substitution for triangular systems LAPACK's LU refuses (a zero on the
    diagonal): gives TF's IEEE infinities and NaNs. Vectorised over batch and columns."""
    m = t_np.shape[-1]
    x = np.zeros(np.broadcast_shapes(t_np.shape[:-2], b_np.shape[:-2]) + b_np.shape[-2:])
    rows = range(m) if lower else range(m - 1, -1, -1)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        for i in rows:
            known = slice(0, i) if lower else slice(i + 1, m)
            partial = np.einsum("...j,...jk->...k", t_np[..., i, known], x[..., known, :])
            x[..., i, :] = (b_np[..., i, :] - partial) / t_np[..., i, i][..., None]
    return x


def triangular_solve(matrix, rhs, lower=True, adjoint=False, name=None):
    """X with T @ X = rhs (T^T @ X = rhs when `adjoint`), T the lower (or upper) triangle of
    matrix [..., M, M]; rhs [..., M, K]; batch dimensions broadcast."""
    a = _matrix(matrix, "triangular_solve")
    b = _rhs(a, rhs, "triangular_solve")
    a_shape, b_shape = tuple(a.shape.as_list()), tuple(b.shape.as_list())
    if a_shape[-1] != b_shape[-2]:
        raise InvalidArgumentError("[triangular_solve] matrix and rhs are incompatible: %s and %s"
                                   % (a_shape, b_shape))
    batch = _broadcast_batch(a, b, "triangular_solve")
    a_np = _values(a)
    t_np = np.tril(a_np) if lower else np.triu(a_np)
    if adjoint:
        t_np, lower = np.swapaxes(t_np, -1, -2), not lower
    b_np = _values(b)
    out_shape = batch + b_shape[-2:]
    if t_np.size == 0 or b_np.size == 0:
        result = np.zeros(out_shape)
    else:
        try:
            result = np.linalg.solve(np.broadcast_to(t_np, batch + a_shape[-2:]),
                                     np.broadcast_to(b_np, out_shape))
        except np.linalg.LinAlgError:
            result = _substitute(t_np, b_np, lower)
    out = _tensor(result, a.dtype)
    lower_a = not lower if adjoint else lower

    def backward(grads):
        grad_b = triangular_solve(a, grads[0], lower=lower_a, adjoint=not adjoint)
        if adjoint:
            grad_a = -_mm(out, grad_b, transpose_b=True)
        else:
            grad_a = -_mm(grad_b, out, transpose_b=True)
        grad_a = _triangle(grad_a, lower_a)
        return [_unbroadcast(grad_a, a_shape), _unbroadcast(grad_b, b_shape)]

    _record("MatrixTriangularSolve", [a, b], [out], backward)
    return out


# ---------------------------------------------------------------------------------------------
# Cholesky

def _cholesky_or_nan(a_np):
    """np.linalg.cholesky, except that (as TF 2.x on CPU) a matrix that is not positive
    definite gives NaN in its lower triangle instead of failing the whole batch."""
    try:
        return np.linalg.cholesky(a_np)
    except np.linalg.LinAlgError:
        pass
    with np.errstate(invalid="ignore"):
        lowest = np.linalg.eigvalsh(np.where(np.isfinite(a_np), a_np, 0.0))[..., 0]
    failed = (lowest <= 0) | ~np.all(np.isfinite(a_np), axis=(-2, -1))
    n = a_np.shape[-1]
    try:
        result = np.linalg.cholesky(np.where(failed[..., None, None], np.eye(n), a_np))
    except np.linalg.LinAlgError:  # borderline cases the eigenvalues did not flag
        failed = np.ones_like(failed)
        result = np.zeros_like(a_np)
    return np.where(failed[..., None, None], np.where(np.tril(np.ones((n, n))) > 0, np.nan, 0.0),
                    result)


def cholesky(input, name=None):
    """Lower-triangular L with L @ L^T = A for each symmetric positive-definite A in [..., M, M];
    only A's lower triangle is read. Matrices that are not positive definite give NaN (as TF 2.x
    on CPU does; it does not raise)."""
    a = _matrix(input, "cholesky")
    chol = _tensor(_cholesky_or_nan(_values(a)), a.dtype)

    def backward(grads):
        # TF: l^-T ((l^T grad) * (tril(ones) - eye / 2)) l^-1, then symmetrised.
        n = chol.shape[-1]
        l_inverse = triangular_solve(chol, _eye(n, chol.dtype) + _C.zeros(chol.shape.as_list(),
                                                                          chol.dtype))
        middle = _mm(chol, grads[0], transpose_a=True)
        middle = _triangle(_set_diag(middle, _diag_part(middle) * _scalar(0.5, chol.dtype)),
                           True)
        grad_a = _mm(_mm(l_inverse, middle, transpose_a=True), l_inverse)
        return [(grad_a + _swap(grad_a)) * _scalar(0.5, chol.dtype)]

    _record("Cholesky", [a], [chol], backward)
    return chol


def cholesky_solve(chol, rhs, name=None):
    """X with A @ X = rhs given A's Cholesky factor `chol` [..., M, M]; rhs [..., M, K]."""
    chol = _matrix(chol, "cholesky_solve")
    rhs = _rhs(chol, rhs, "cholesky_solve")
    y = triangular_solve(chol, rhs, lower=True, adjoint=False)
    return triangular_solve(chol, y, lower=True, adjoint=True)


# ---------------------------------------------------------------------------------------------
# least squares and pseudo-inverse (compositions, as in TF)

def lstsq(matrix, rhs, l2_regularizer=0.0, fast=True, name=None):
    """Least-squares solutions X of matrix [..., M, N] @ X = rhs [..., M, K].

    fast=True (TF's default) solves the regularised normal equations with a Cholesky
    factorisation: (A^T A + l2 I)^-1 A^T B when M >= N, A^T (A A^T + l2 I)^-1 B otherwise.
    fast=False returns the minimum-norm solution pinv(A) @ B (l2_regularizer is ignored, as in
    TF's documentation)."""
    a = _matrix(matrix, "lstsq", square=False)
    b = _rhs(a, rhs, "lstsq")
    a_shape, b_shape = tuple(a.shape.as_list()), tuple(b.shape.as_list())
    if a_shape[-2] != b_shape[-2]:
        raise InvalidArgumentError("[lstsq] matrix and rhs must have the same number of rows, "
                                   "got shapes %s and %s" % (a_shape, b_shape))
    _broadcast_batch(a, b, "lstsq")
    if not fast:
        return _mm(pinv(a), b)
    m, n = a_shape[-2], a_shape[-1]
    overdetermined = m >= n
    gramian = _mm(a, a, transpose_a=overdetermined, transpose_b=not overdetermined)
    if isinstance(l2_regularizer, Tensor) or l2_regularizer != 0:
        l2 = l2_regularizer if isinstance(l2_regularizer, Tensor) else _scalar(l2_regularizer,
                                                                               a.dtype)
        gramian = gramian + _C.cast(l2, a.dtype) * _eye(min(m, n), a.dtype)
    chol = cholesky(gramian)
    if overdetermined:
        return cholesky_solve(chol, _mm(a, b, transpose_a=True))
    return _mm(a, cholesky_solve(chol, b), transpose_a=True)


def pinv(a, rcond=None, validate_args=False, name=None):
    """Moore-Penrose pseudo-inverse [..., N, M] of a [..., M, N] through the SVD; singular
    values below rcond * the largest (default 10 * max(M, N) * eps) count as zero."""
    a = _matrix(a, "pinv", square=False)
    dtype = a.dtype
    if rcond is None:
        rcond = 10.0 * max(a.shape[-2], a.shape[-1]) * np.finfo(dtype.as_numpy_dtype).eps
    from .linalg_spectral import svd  # it builds on this module's helpers
    s, u, v = svd(a, full_matrices=False, compute_uv=True)
    if s.shape[-1] == 0:
        return _C.zeros(a.shape.as_list()[:-2] + [a.shape[-1], a.shape[-2]], dtype)
    rcond = rcond if isinstance(rcond, Tensor) else _scalar(rcond, dtype)
    cutoff = _C.reduce(_R.max, s, [s.ndim - 1], True) * rcond
    # Small singular values become inf, so 1/s is 0 and its gradient is not NaN.
    s = _C.where(_C.binary_op(_C.BinaryOp.greater, s, cutoff), s, _scalar(np.inf, dtype))
    return _mm(v / _C.expand_dims(s, -2), u, transpose_b=True)


def matrix_rank(a, tol=None, validate_args=False, name=None):
    """Number of singular values above tol (default eps * max(M, N) * largest), int32."""
    a = _t(a)
    if a.ndim < 2:
        raise InvalidArgumentError("[matrix_rank] expects a tensor of rank >= 2, got shape %s"
                                   % (tuple(a.shape.as_list()),))
    from .linalg_spectral import _numpy_svd
    s = _numpy_svd(_values(a), False, False)
    if tol is None:
        eps = np.finfo(a.dtype.as_numpy_dtype if a.dtype.is_floating else np.float64).eps
        largest = s.max(axis=-1, keepdims=True) if s.shape[-1] else np.zeros(s.shape[:-1] + (1,))
        tol = eps * max(a.shape[-2], a.shape[-1]) * largest
    else:
        tol = tol.numpy() if isinstance(tol, Tensor) else np.asarray(tol)
    with np.errstate(invalid="ignore"):
        rank = np.sum(s > tol, axis=-1)
    return _C.convert_to_tensor(np.array(rank, dtype=np.int32), dtypes.int32)


# ---------------------------------------------------------------------------------------------
# small matrix utilities TF keeps in tf.linalg

def adjoint(matrix, name=None):
    """Conjugate transpose of the last two axes (the transpose, for real matrices)."""
    x = _t(matrix)
    if x.ndim < 2:
        raise InvalidArgumentError("[adjoint] expects a tensor of rank >= 2, got shape %s"
                                   % (tuple(x.shape.as_list()),))
    return _swap(x)


def matvec(a, b, transpose_a=False, adjoint_a=False, a_is_sparse=False, b_is_sparse=False,
           name=None):
    """a [..., M, N] times vectors b [..., N] -> [..., M]."""
    from .math import matmul
    a = _t(a)
    b = b if isinstance(b, Tensor) else _C.convert_to_tensor(b, a.dtype)
    if b.ndim < 1:
        raise InvalidArgumentError("[matvec] b must have rank >= 1, got a scalar")
    product = matmul(a, _C.expand_dims(b, -1), transpose_a=transpose_a or adjoint_a)
    return _C.squeeze(product, [product.ndim - 1])


def set_diag(input, diagonal, name="set_diag", k=0, align="RIGHT_LEFT"):
    """input [..., N, N] with its main diagonal replaced by `diagonal` [..., N] (k=0 only)."""
    x = _t(input)
    if k != 0:
        raise NotImplementedError("[set_diag] only the main diagonal (k=0) is supported")
    if x.ndim < 2 or x.shape[-1] != x.shape[-2]:
        raise InvalidArgumentError("[set_diag] expects square matrices [..., N, N], got shape %s"
                                   % (tuple(x.shape.as_list()),))
    d = diagonal if isinstance(diagonal, Tensor) else _C.convert_to_tensor(diagonal, x.dtype)
    if d.shape.as_list() != x.shape.as_list()[:-1]:
        raise InvalidArgumentError("[set_diag] diagonal must have shape %s, got %s"
                                   % (tuple(x.shape.as_list()[:-1]), tuple(d.shape.as_list())))
    return _set_diag(x, d)


__all__ = ["det", "slogdet", "logdet", "inv", "solve", "triangular_solve", "cholesky",
           "cholesky_solve", "lstsq", "pinv", "matrix_rank", "adjoint", "matvec", "set_diag"]
