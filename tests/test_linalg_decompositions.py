"""tf.linalg determinants, inverses, solves and factorisations: values against NumPy float64,
gradients against central differences, and the errors TF raises (checked against TF 2.21)."""

import numpy as np
import pytest

import fasttf as tf
from helpers import assert_close, check_grad, check_op

InvalidArgumentError = tf.errors.InvalidArgumentError
L = tf.linalg
rng = np.random.default_rng(7)


def well_conditioned(*shape):
    return rng.standard_normal(shape) + 3.0 * np.eye(shape[-1])


def spd(*shape):
    a = rng.standard_normal(shape)
    return a @ np.swapaxes(a, -1, -2) + shape[-1] * np.eye(shape[-1])


def rhs(*shape):
    return rng.standard_normal(shape)


def sym(a):
    return (a + L.adjoint(a)) * 0.5


BATCH_SHAPES = [(3, 3), (2, 4, 4), (2, 1, 3, 3)]
LOOSE = dict(rtol=2e-4, atol=2e-5)  # float32 LAPACK-free reference path still rounds to float32


# ---------------------------------------------------------------------------------------------
# forward values, every float dtype, batch dimensions

@pytest.mark.parametrize("shape", BATCH_SHAPES)
def test_det_slogdet_inv_match_numpy(shape):
    a = well_conditioned(*shape)
    check_op(L.det, np.linalg.det, [a], **LOOSE)
    check_op(lambda x: L.slogdet(x).log_abs_determinant, lambda x: np.linalg.slogdet(x)[1], [a],
             **LOOSE)
    check_op(lambda x: L.slogdet(x).sign, lambda x: np.linalg.slogdet(x)[0], [a])
    check_op(L.inv, np.linalg.inv, [a], **LOOSE)
    check_op(lambda x: L.inv(x, adjoint=True), lambda x: np.swapaxes(np.linalg.inv(x), -1, -2),
             [a], **LOOSE)
    check_op(L.logdet, lambda x: np.linalg.slogdet(x)[1], [spd(*shape)], **LOOSE)


@pytest.mark.parametrize("shape", BATCH_SHAPES)
def test_solves_match_numpy(shape):
    a, b = well_conditioned(*shape), rhs(*shape[:-1], 2)
    check_op(L.solve, np.linalg.solve, [a, b], **LOOSE)
    check_op(lambda x, y: L.solve(x, y, adjoint=True),
             lambda x, y: np.linalg.solve(np.swapaxes(x, -1, -2), y), [a, b], **LOOSE)
    for lower in (True, False):
        tri = np.tril if lower else np.triu
        for adjoint in (False, True):
            def expected(x, y, tri=tri, adjoint=adjoint):
                t = tri(x)
                return np.linalg.solve(np.swapaxes(t, -1, -2) if adjoint else t, y)
            check_op(lambda x, y, lower=lower, adjoint=adjoint:
                     L.triangular_solve(x, y, lower=lower, adjoint=adjoint),
                     expected, [a, b], **LOOSE)
    s = spd(*shape)
    check_op(L.cholesky, np.linalg.cholesky, [s], **LOOSE)
    check_op(L.cholesky_solve, lambda c, y: np.linalg.solve(c @ np.swapaxes(c, -1, -2), y),
             [np.linalg.cholesky(s), b], **LOOSE)


def test_triangular_and_cholesky_solve_broadcast_batch_dimensions():
    a, b = well_conditioned(2, 3, 3), rhs(3, 2)
    assert_close(L.triangular_solve(a, b), np.linalg.solve(np.tril(a), b))
    c = np.linalg.cholesky(spd(2, 3, 3))
    assert_close(L.cholesky_solve(c, b), np.linalg.solve(c @ np.swapaxes(c, -1, -2), b))


def test_cholesky_and_eigh_read_only_the_lower_triangle():
    a = np.array([[4.0, 100.0], [1.0, 4.0]])
    assert_close(L.cholesky(a), [[2.0, 0.0], [0.5, np.sqrt(3.75)]])
    assert_close(L.eigvalsh(np.array([[2.0, 1.0], [5.0, 3.0]])),
                 np.linalg.eigvalsh(np.array([[2.0, 5.0], [5.0, 3.0]])))


@pytest.mark.parametrize("shape", [(4, 3), (3, 4), (3, 3), (2, 5, 3), (2, 3, 5)])
@pytest.mark.parametrize("full_matrices", [False, True])
def test_qr_matches_numpy(shape, full_matrices):
    a = rng.standard_normal(shape)
    mode = "complete" if full_matrices else "reduced"
    q, r = L.qr(a, full_matrices=full_matrices)
    q_ref, r_ref = np.linalg.qr(a, mode=mode)
    assert_close(q, q_ref)  # LAPACK's and TF's sign conventions agree for QR
    assert_close(r, r_ref)
    q32, r32 = L.qr(a.astype(np.float32), full_matrices=full_matrices)
    assert q32.dtype == tf.float32
    assert_close(q32 @ r32, a.astype(np.float32), rtol=1e-5, atol=1e-5)
    assert L.qr(a).q is L.qr(a)[0] or L.qr(a)._fields == ("q", "r")


@pytest.mark.parametrize("shape", [(4, 3), (3, 4), (3, 3), (2, 5, 3), (2, 3, 5)])
@pytest.mark.parametrize("full_matrices", [False, True])
def test_svd_returns_s_u_v_with_v_not_transposed(shape, full_matrices):
    a = rng.standard_normal(shape)
    s, u, v = L.svd(a, full_matrices=full_matrices)
    s_ref = np.linalg.svd(a, compute_uv=False)
    assert_close(s, s_ref)
    m, n = shape[-2:]
    p = min(m, n)
    assert u.shape == shape[:-2] + ((m, m) if full_matrices else (m, p))
    assert v.shape == shape[:-2] + ((n, n) if full_matrices else (n, p))
    reconstructed = (u.numpy()[..., :, :p] * s.numpy()[..., None, :]) @ np.swapaxes(
        v.numpy()[..., :, :p], -1, -2)
    assert_close(reconstructed, a)
    assert_close(L.matrix_transpose(u) @ u, np.broadcast_to(np.eye(u.shape[-1]),
                                                            u.shape[:-2] + (u.shape[-1],) * 2),
                 atol=1e-12)
    check_op(lambda x: L.svd(x, compute_uv=False), lambda x: np.linalg.svd(x, compute_uv=False),
             [a], **LOOSE)


def test_eigh_values_and_vectors():
    a = spd(2, 4, 4)
    e, v = L.eigh(a)
    assert_close(e, np.linalg.eigvalsh(a))
    assert_close((v.numpy() * e.numpy()[..., None, :]) @ np.swapaxes(v.numpy(), -1, -2), a)
    check_op(L.eigvalsh, np.linalg.eigvalsh, [a], **LOOSE)
    assert L.eigh(a)._fields == ("e", "v")


@pytest.mark.parametrize("shape", [(5, 3), (3, 5), (2, 4, 4)])
def test_lstsq_and_pinv_match_numpy(shape):
    a, b = rng.standard_normal(shape), rhs(*shape[:-1], 2)
    check_op(L.pinv, np.linalg.pinv, [a], **LOOSE)
    min_norm = np.linalg.pinv(a) @ b
    check_op(L.lstsq, lambda x, y: min_norm, [a, b], rtol=1e-3, atol=1e-4)
    check_op(lambda x, y: L.lstsq(x, y, fast=False), lambda x, y: min_norm, [a, b], **LOOSE)
    l2 = 0.3
    at = np.swapaxes(a, -1, -2)
    if shape[-2] >= shape[-1]:
        ridge = np.linalg.solve(at @ a + l2 * np.eye(shape[-1]), at @ b)
    else:
        ridge = at @ np.linalg.solve(a @ at + l2 * np.eye(shape[-2]), b)
    check_op(lambda x, y: L.lstsq(x, y, l2_regularizer=l2), lambda x, y: ridge, [a, b],
             rtol=1e-3, atol=1e-4)


def test_lstsq_broadcasts_the_matrix_over_rhs_batches():
    a, b = rng.standard_normal((2, 5, 3)), rhs(5, 2)
    assert_close(L.lstsq(a, b), np.linalg.pinv(a) @ b, rtol=1e-9, atol=1e-10)


def test_pinv_and_matrix_rank_of_a_singular_matrix():
    a = np.array([[1.0, 2.0], [2.0, 4.0]])
    assert_close(L.pinv(a), [[0.04, 0.08], [0.08, 0.16]])
    assert L.matrix_rank(a).numpy() == 1 and L.matrix_rank(a).dtype == tf.int32
    assert L.matrix_rank(a, tol=10.0).numpy() == 0
    assert L.matrix_rank(np.zeros((2, 3, 3))).numpy().tolist() == [0, 0]
    assert L.matrix_rank(well_conditioned(4, 4)).numpy() == 4


def test_expm_against_a_rotation_and_a_series():
    theta = 0.7
    assert_close(L.expm(np.array([[0.0, theta], [-theta, 0.0]])),
                 [[np.cos(theta), np.sin(theta)], [-np.sin(theta), np.cos(theta)]])
    a = rng.standard_normal((2, 3, 3)) * 2.0  # norm large enough to need scaling and squaring
    term, series = np.broadcast_to(np.eye(3), a.shape).copy(), np.zeros_like(a)
    for k in range(1, 80):
        series += term
        term = term @ a / k
    assert_close(L.expm(a), series, rtol=1e-10, atol=1e-10)
    assert_close(L.expm(a.astype(np.float32)), series.astype(np.float32), rtol=1e-4, atol=1e-4)


def test_matrix_helpers():
    a = rng.standard_normal((2, 3, 4))
    assert_close(L.adjoint(a), np.swapaxes(a, -1, -2))
    x = rng.standard_normal((2, 4))
    assert_close(L.matvec(a, x), np.einsum("bij,bj->bi", a, x))
    assert_close(L.set_diag(np.zeros((2, 2)), [1.0, 2.0]), np.diag([1.0, 2.0]))


def test_singular_and_degenerate_values_as_in_tf():
    ones = np.ones((3, 3), np.float32)
    assert L.det(ones).numpy() == 0.0
    sign, logabs = L.slogdet(ones)
    assert sign.numpy() == 0.0 and logabs.numpy() == -np.inf
    # TF 2.x on CPU returns NaN for a matrix that is not positive definite, batch-wise.
    chol = L.cholesky(np.stack([np.eye(2), -np.eye(2)])).numpy()
    assert_close(chol[0], np.eye(2))
    assert np.isnan(chol[1][np.tril_indices(2)]).all()
    # A zero on the diagonal of a triangular system gives IEEE infinities, not an error.
    out = L.triangular_solve(np.array([[1.0, 0.0], [5.0, 0.0]]), np.ones((2, 1))).numpy()
    assert out[0, 0] == 1.0 and out[1, 0] == -np.inf
    assert np.isnan(L.svd(np.full((2, 2), np.nan), compute_uv=False).numpy()).all()
    assert np.isnan(L.expm(np.full((2, 2), np.nan)).numpy()).all()


def test_empty_matrices():
    assert_close(L.det(np.zeros((2, 0, 0))), [1.0, 1.0])
    assert L.inv(np.zeros((2, 0, 0))).shape == (2, 0, 0)
    assert L.cholesky(np.zeros((2, 0, 0))).shape == (2, 0, 0)
    s, u, v = L.svd(np.zeros((2, 0, 3)))
    assert (s.shape, u.shape, v.shape) == ((2, 0), (2, 0, 0), (2, 3, 0))
    assert L.eigvalsh(np.zeros((2, 0, 0))).shape == (2, 0)
    assert L.pinv(np.zeros((2, 0, 0))).shape == (2, 0, 0)


# ---------------------------------------------------------------------------------------------
# errors

@pytest.mark.parametrize("fn", [L.det, L.slogdet, L.logdet, L.inv, L.cholesky, L.eigh,
                                L.eigvalsh, L.expm])
def test_square_functions_reject_non_square_low_rank_and_integer_input(fn):
    name = fn.__name__
    with pytest.raises(InvalidArgumentError, match=r"\[%s\].*square.*\(3, 4\)" % name):
        fn(np.ones((3, 4), np.float32))
    with pytest.raises(InvalidArgumentError, match=r"\[%s\].*rank >= 2.*\(3,\)" % name):
        fn(np.ones(3, np.float32))
    with pytest.raises(TypeError, match=r"\[%s\] not supported for dtype int32" % name):
        fn(np.eye(3, dtype=np.int32))


@pytest.mark.parametrize("fn", [L.qr, L.svd, L.pinv, L.matrix_rank])
def test_rectangular_functions_reject_low_rank_input(fn):
    with pytest.raises(InvalidArgumentError, match=r"rank >= 2.*\(3,\)"):
        fn(np.ones(3, np.float32))


def test_inverse_and_solve_of_singular_matrices_raise():
    singular = np.ones((3, 3), np.float32)
    with pytest.raises(InvalidArgumentError, match=r"\[inv\] Input is not invertible"):
        L.inv(singular)
    with pytest.raises(InvalidArgumentError, match=r"\[inv\] Input is not invertible"):
        L.inv(np.stack([np.eye(3, dtype=np.float32), singular]))
    with pytest.raises(InvalidArgumentError, match=r"\[inv\] Input is not invertible"):
        L.inv(np.full((2, 2), np.nan))
    with pytest.raises(InvalidArgumentError, match=r"\[solve\] Input matrix is not invertible"):
        L.solve(singular, np.ones((3, 2), np.float32))
    with pytest.raises(InvalidArgumentError, match="Self-adjoint eigen decomposition"):
        L.eigh(np.full((2, 2), np.nan))


def test_solve_shape_and_dtype_errors():
    eye = np.eye(3, dtype=np.float32)
    with pytest.raises(InvalidArgumentError, match=r"\[solve\].*incompatible.*\(3, 3\).*\(4, 2\)"):
        L.solve(eye, np.ones((4, 2), np.float32))
    with pytest.raises(InvalidArgumentError, match=r"\[solve\].*same batch dimensions"):
        L.solve(np.ones((2, 3, 3), np.float32), np.ones((3, 2), np.float32))  # TF: no broadcast
    with pytest.raises(InvalidArgumentError, match=r"\[solve\] rhs must have rank >= 2"):
        L.solve(eye, np.ones(3, np.float32))
    with pytest.raises(InvalidArgumentError, match=r"\[solve\].*same dtype.*float32.*float64"):
        L.solve(tf.constant(eye), tf.constant(np.ones((3, 2))))
    with pytest.raises(InvalidArgumentError, match=r"\[triangular_solve\].*incompatible"):
        L.triangular_solve(eye, np.ones((4, 2), np.float32))
    with pytest.raises(InvalidArgumentError, match=r"\[triangular_solve\].*do not broadcast"):
        L.triangular_solve(np.ones((2, 3, 3), np.float32), np.ones((3, 3, 2), np.float32))
    with pytest.raises(InvalidArgumentError, match=r"\[lstsq\].*same number of rows"):
        L.lstsq(np.ones((3, 4), np.float32), np.ones((4, 2), np.float32))


# ---------------------------------------------------------------------------------------------
# gradients (float64 central differences)

@pytest.mark.parametrize("shape", [(3, 3), (2, 3, 3)])
def test_gradients_of_determinants_and_inverse(shape):
    a = well_conditioned(*shape)
    check_grad(L.det, [a])
    check_grad(lambda x: L.slogdet(x).log_abs_determinant, [a])
    check_grad(L.inv, [a])
    check_grad(lambda x: L.inv(x, adjoint=True), [a])
    check_grad(lambda x: L.logdet(sym(x)), [spd(*shape)])


@pytest.mark.parametrize("adjoint", [False, True])
def test_gradients_of_solves(adjoint):
    a, b = well_conditioned(2, 3, 3), rhs(2, 3, 2)
    check_grad(lambda x, y: L.solve(x, y, adjoint=adjoint), [a, b])
    for lower in (True, False):
        check_grad(lambda x, y, lower=lower: L.triangular_solve(x, y, lower=lower,
                                                                adjoint=adjoint), [a, b])
    check_grad(lambda x, y: L.triangular_solve(x, y, adjoint=adjoint), [a, rhs(3, 2)])


def test_gradients_of_cholesky_and_cholesky_solve():
    # TF's Cholesky gradient is symmetric, so the check differentiates through a symmetric input.
    check_grad(lambda x: L.cholesky(sym(x)), [spd(2, 3, 3)])
    check_grad(L.cholesky_solve, [np.linalg.cholesky(spd(3, 3)), rhs(3, 2)])
    # Without the symmetrising input the gradient is still TF's symmetric one.
    a = tf.constant(spd(3, 3))
    with tf.GradientTape() as tape:
        tape.watch(a)
        loss = tf.reduce_sum(L.cholesky(a) * tf.constant(rng.standard_normal((3, 3))))
    grad = tape.gradient(loss, a).numpy()
    assert_close(grad, grad.T)
    assert np.abs(grad - np.tril(grad)).max() > 1e-3


@pytest.mark.parametrize("shape", [(4, 3), (3, 4), (3, 3)])
def test_gradients_of_qr_svd_lstsq_pinv(shape):
    a = rng.standard_normal(shape)
    check_grad(lambda x: L.qr(x).q, [a])
    check_grad(lambda x: L.qr(x).r, [a])
    check_grad(lambda x: L.svd(x, compute_uv=False), [a])
    # Singular vectors are defined up to sign: differentiate sign-free functions of them.
    check_grad(lambda x: tf.square(L.svd(x)[1]), [a])
    check_grad(lambda x: tf.square(L.svd(x)[2]), [a])
    check_grad(L.pinv, [a])
    check_grad(lambda x, y: L.lstsq(x, y), [a, rhs(shape[0], 2)])
    check_grad(lambda x, y: L.lstsq(x, y, l2_regularizer=0.5), [a, rhs(shape[0], 2)])


def test_gradients_of_eigh_use_the_lower_triangle():
    a = rng.standard_normal((2, 4, 4))  # not symmetric: eigh reads only the lower triangle
    check_grad(L.eigvalsh, [a])
    check_grad(lambda x: tf.square(L.eigh(x).v), [a])


def test_gradient_of_expm():
    check_grad(L.expm, [rng.standard_normal((2, 3, 3)) * 0.5])
    check_grad(L.expm, [rng.standard_normal((3, 3)) * 3.0], rtol=1e-4, atol=1e-5)


def test_second_order_gradients():
    def grad_of(fn):
        def gradient(x):
            with tf.GradientTape() as tape:
                tape.watch(x)
                y = tf.reduce_sum(fn(x))
            return tape.gradient(y, x)
        return gradient

    a = well_conditioned(3, 3)
    check_grad(grad_of(L.det), [a])
    check_grad(grad_of(L.inv), [a], rtol=1e-4, atol=1e-6)
    check_grad(grad_of(lambda x: L.cholesky(sym(x))), [spd(3, 3)], rtol=1e-4, atol=1e-6)


def test_gradient_errors_that_tf_also_raises():
    a = tf.constant(rng.standard_normal((4, 2)))
    with tf.GradientTape() as tape:
        tape.watch(a)
        q, r = L.qr(a, full_matrices=True)
        loss = tf.reduce_sum(q)
    with pytest.raises(NotImplementedError, match=r"\[qr\].*full_matrices"):
        tape.gradient(loss, a)
    with tf.GradientTape() as tape:
        tape.watch(a)
        loss = tf.reduce_sum(L.svd(a, full_matrices=True)[1])
    with pytest.raises(NotImplementedError, match=r"\[svd\].*full_matrices"):
        tape.gradient(loss, a)
