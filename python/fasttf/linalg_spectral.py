"""tf.linalg factorisations with orthogonal factors (qr, svd, eigh, eigvalsh) and expm.

Forward values from NumPy's LAPACK; each records one tape node whose gradient is TF's formula
(linalg_grad.py) written with fasttf ops. The signs of singular vectors and eigenvectors are
LAPACK's (TF's Eigen may flip single columns); R of the QR factorisation matches TF.
"""

import numpy as np

from . import _C
from .array_ops import concat
from .linalg_decompositions import (SelfAdjointEigV2, Qr, _diag, _values, _matrix, _mm, _record,
                                    _safe_reciprocal, _scalar, _set_diag, _swap, _tensor,
                                    _triangle, solve, triangular_solve)


# ---------------------------------------------------------------------------------------------
# QR

def _times_inverse_transpose(x, r):
    """x @ r^-T... for upper-triangular r: x @ inv(r)^T, via one triangular solve."""
    return _swap(triangular_solve(r, _swap(x), lower=False, adjoint=False))


def _qr_grad_square_and_deep(q, r, dq, dr):
    """TF's QR gradient for M >= N with reduced factors (arXiv 2009.10071)."""
    qdq = _mm(q, dq, transpose_a=True)
    qdq_ = qdq - _swap(qdq)
    rdr = _mm(r, dr, transpose_b=True)
    rdr_ = rdr - _swap(rdr)
    tril = _triangle(qdq_ + rdr_, True)
    grad_a = _mm(q, dr + _times_inverse_transpose(tril, r))
    grad_b = _times_inverse_transpose(dq - _mm(q, qdq), r)
    return grad_a + grad_b


def qr(input, full_matrices=False, name=None):
    """QR factorisation of [..., M, N]: q [..., M, P] with orthonormal columns and upper-
    triangular r [..., P, N]; P = min(M, N), or M when `full_matrices`."""
    a = _matrix(input, "qr", square=False)
    m, n = a.shape[-2], a.shape[-1]
    q_np, r_np = np.linalg.qr(_values(a), mode="complete" if full_matrices else "reduced")
    q, r = _tensor(q_np, a.dtype), _tensor(r_np, a.dtype)

    def backward(grads):
        dq, dr = grads
        if m > n and full_matrices:
            raise NotImplementedError("[qr] the gradient is not implemented when rows > columns "
                                      "and full_matrices=True (as in TF); got shape %s"
                                      % (tuple(a.shape.as_list()),))
        if m >= n:
            return [_qr_grad_square_and_deep(q, r, dq, dr)]
        # Wide matrices: partition a = [x, y], r = [u, v] and reduce to the square case.
        y = a[..., :, m:]
        u = r[..., :, :m]
        dv = dr[..., :, m:]
        du = dr[..., :, :m]
        dy = _mm(q, dv)
        dx = _qr_grad_square_and_deep(q, u, dq + _mm(y, dv, transpose_b=True), du)
        return [concat([dx, dy], axis=-1)]

    _record("Qr", [a], [q, r], backward)
    return Qr(q, r)


# ---------------------------------------------------------------------------------------------
# SVD

def _svd_grad(a, s, u, v, grad_s, grad_u, grad_v, full_matrices):
    """TF's SVD gradient for real matrices (Giles; Townsend for the reduced case)."""
    m, n = a.shape[-2], a.shape[-1]
    grad_s_mat = _diag(grad_s)
    use_adjoint = m > n
    if use_adjoint:  # differentiate A^T = V S U^T and transpose at the end
        m, n = n, m
        u, v = v, u
        grad_u, grad_v = grad_v, grad_u
    if full_matrices and abs(m - n) > 1:
        raise NotImplementedError("[svd] the gradient is not implemented for |M - N| > 1 when "
                                  "full_matrices=True (as in TF); got shape %s"
                                  % (tuple(a.shape.as_list()),))
    s_mat = _diag(s)
    s2 = s * s
    f = _set_diag(_safe_reciprocal(_C.expand_dims(s2, -2) - _C.expand_dims(s2, -1)),
                  s * _scalar(0.0, s.dtype))
    s_inv_mat = _diag(_safe_reciprocal(s))
    v1 = v[..., :, :m]
    grad_v1 = grad_v[..., :, :m]
    f_u = f * _mm(u, grad_u, transpose_a=True)
    f_v = f * _mm(v1, grad_v1, transpose_a=True)
    term1_nouv = grad_s_mat + _mm(f_u + _swap(f_u), s_mat) + _mm(s_mat, f_v + _swap(f_v))
    grad_a = _mm(u, _mm(term1_nouv, v1, transpose_b=True))
    if m != n:
        gv1t = _swap(grad_v1)
        term2_nous = gv1t - _mm(_mm(gv1t, v1), v1, transpose_b=True)
        if full_matrices:
            v2 = v[..., :, m:n]
            grad_v2 = grad_v[..., :, m:n]
            term2_nous = term2_nous - _mm(_mm(v1, grad_v2, transpose_a=True), v2,
                                          transpose_b=True)
        grad_a = grad_a + _mm(_mm(u, s_inv_mat), term2_nous)
    return _swap(grad_a) if use_adjoint else grad_a


def _numpy_svd(a_np, full_matrices, compute_uv):
    """np.linalg.svd, except that matrices with inf or NaN give NaN factors (as TF does)
    instead of failing the whole batch with 'SVD did not converge'."""
    finite = np.all(np.isfinite(a_np), axis=(-2, -1))
    clean = a_np if np.all(finite) else np.where(finite[..., None, None], a_np, 0.0)
    result = np.linalg.svd(clean, full_matrices=full_matrices, compute_uv=compute_uv)
    if np.all(finite):
        return result
    parts = result if compute_uv else (result,)
    parts = [np.where(finite.reshape(finite.shape + (1,) * (p.ndim - finite.ndim)), p, np.nan)
             for p in parts]
    return parts if compute_uv else parts[0]


def svd(tensor, full_matrices=False, compute_uv=True, name=None):
    """Singular values s [..., P] (descending, P = min(M, N)) of [..., M, N] and, when
    `compute_uv`, u [..., M, P] and v [..., N, P] with a = u @ diag(s) @ v^T (v, not v^T, as in
    TF); with `full_matrices` u is [..., M, M] and v [..., N, N]. Returns s alone, or (s, u, v)."""
    a = _matrix(tensor, "svd", square=False)
    a_np = _values(a)
    if not compute_uv:
        s = _tensor(_numpy_svd(a_np, False, False), a.dtype)

        def backward_values(grads):
            _, u, v = svd(a, full_matrices=False, compute_uv=True)
            return [_mm(u, _mm(_diag(grads[0]), v, transpose_b=True))]

        _record("Svd", [a], [s], backward_values)
        return s
    u_np, s_np, vh_np = _numpy_svd(a_np, bool(full_matrices), True)
    s, u, v = (_tensor(s_np, a.dtype), _tensor(u_np, a.dtype),
               _tensor(np.swapaxes(vh_np, -1, -2), a.dtype))

    def backward(grads):
        return [_svd_grad(a, s, u, v, grads[0], grads[1], grads[2], full_matrices)]

    _record("Svd", [a], [s, u, v], backward)
    return s, u, v


# ---------------------------------------------------------------------------------------------
# symmetric eigendecomposition

def eigh(tensor, name=None):
    """Eigenvalues e [..., M] (ascending) and orthonormal eigenvectors v [..., M, M] (columns)
    of the symmetric matrices [..., M, M]; only the lower triangle is read, as in TF."""
    return _eigh(_matrix(tensor, "eigh"), "eigh")


def _eigh(a, op):
    a_np = _values(a)
    if not np.all(np.isfinite(np.tril(a_np))):
        raise _not_successful(op, a)
    e_np, v_np = np.linalg.eigh(a_np)
    e, v = _tensor(e_np, a.dtype), _tensor(v_np, a.dtype)

    def backward(grads):
        grad_e, grad_v = grads
        # f[i, j] = 1 / (e_j - e_i) off the diagonal (broadened so degenerate pairs stay finite).
        f = _set_diag(_safe_reciprocal(_C.expand_dims(e, -2) - _C.expand_dims(e, -1)),
                      e * _scalar(0.0, e.dtype))
        inner = _diag(grad_e) + f * _mm(v, grad_v, transpose_a=True)
        grad_a = _mm(v, _mm(inner, v, transpose_b=True))
        # The forward op reads only the lower triangle: symmetrise and keep that triangle.
        grad_a = _triangle(grad_a + _swap(grad_a), True)
        from .linalg_decompositions import _diag_part
        return [_set_diag(grad_a, _diag_part(grad_a) * _scalar(0.5, grad_a.dtype))]

    _record("SelfAdjointEigV2", [a], [e, v], backward)
    return SelfAdjointEigV2(e, v)


def eigvalsh(tensor, name=None):
    """Eigenvalues [..., M] (ascending) of the symmetric matrices [..., M, M] (lower triangle)."""
    return _eigh(_matrix(tensor, "eigvalsh"), "eigvalsh").e


def _not_successful(op, a):
    from .framework.errors import InvalidArgumentError
    return InvalidArgumentError("[%s] Self-adjoint eigen decomposition was not successful: the "
                                "input of shape %s has non-finite values"
                                % (op, tuple(a.shape.as_list())))


# ---------------------------------------------------------------------------------------------
# matrix exponential

_PADE13 = (64764752532480000.0, 32382376266240000.0, 7771770303897600.0, 1187353796428800.0,
           129060195264000.0, 10559470521600.0, 670442572800.0, 33522128640.0, 1323241920.0,
           40840800.0, 960960.0, 16380.0, 182.0, 1.0)
_THETA13 = 5.371920351148152  # largest 1-norm for which Pade 13 is accurate to double precision


def expm(input, name=None):
    """Matrix exponential of [..., M, M]: Pade 13 with scaling and squaring (Higham 2005), built
    from matmul and solve so it is differentiable. One scaling serves the whole batch."""
    a = _matrix(input, "expm")
    dtype, n = a.dtype, a.shape[-1]
    a_np = _values(a)
    if not np.all(np.isfinite(a_np)):  # TF's result is NaN; the Pade solve would refuse it
        return _tensor(np.full(a_np.shape, np.nan), dtype)
    squarings = 0
    if a_np.size:
        norm1 = float(np.max(np.sum(np.abs(a_np), axis=-2)))
        if norm1 > _THETA13:
            squarings = int(np.ceil(np.log2(norm1 / _THETA13)))
    x = a * _scalar(0.5 ** squarings, dtype) if squarings else a
    b = [_scalar(c, dtype) for c in _PADE13]
    ident = _C.eye(n, n, [], dtype) + _C.zeros(a.shape.as_list(), dtype)
    x2 = _mm(x, x)
    x4 = _mm(x2, x2)
    x6 = _mm(x4, x2)
    u = _mm(x, _mm(x6, b[13] * x6 + b[11] * x4 + b[9] * x2)
            + b[7] * x6 + b[5] * x4 + b[3] * x2 + b[1] * ident)
    v = (_mm(x6, b[12] * x6 + b[10] * x4 + b[8] * x2)
         + b[6] * x6 + b[4] * x4 + b[2] * x2 + b[0] * ident)
    result = solve(v - u, v + u)
    for _ in range(squarings):  # a loop over squarings, not over elements
        result = _mm(result, result)
    return result


__all__ = ["qr", "svd", "eigh", "eigvalsh", "expm"]
