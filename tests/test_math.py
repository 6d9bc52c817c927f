"""tf.math and tf.linalg: add_n, no-nan helpers, xlogy, norms, clipping, tensordot, einsum."""

import numpy as np
import pytest

import fasttf as tf
from helpers import FLOAT_DTYPES, assert_close, check_op

RNG = np.random.default_rng(2)


def test_tf_math_names_exist():
    for name in ["add_n", "cumsum", "cumprod", "reduce_logsumexp", "reduce_std",
                 "reduce_variance", "reduce_euclidean_norm", "count_nonzero", "scalar_mul",
                 "log_sigmoid", "xlogy", "reciprocal_no_nan", "divide_no_nan", "sqrt", "rsqrt",
                 "softmax", "log_softmax", "l2_normalize", "reduce_sum", "reduce_mean",
                 "argmax", "matmul", "clip_by_value", "sigmoid", "tanh", "softplus", "exp"]:
        assert callable(getattr(tf.math, name)), name
    for name in ["add_n", "norm", "einsum", "tensordot", "cumsum", "reduce_logsumexp",
                 "clip_by_norm", "clip_by_global_norm", "scalar_mul"]:
        assert callable(getattr(tf, name)), name
    for name in ["norm", "einsum", "tensordot", "global_norm", "matmul", "l2_normalize"]:
        assert callable(getattr(tf.linalg, name)), name


def test_add_n_and_scalar_mul():
    xs = [RNG.standard_normal((2, 3)) for _ in range(3)]
    check_op(lambda a, b, c: tf.add_n([a, b, c]), lambda a, b, c: a + b + c, xs)
    assert tf.add_n([tf.constant([1, 2])]).numpy().tolist() == [1, 2]
    assert tf.add_n([tf.constant([1, 2]), [3, 4]]).numpy().tolist() == [4, 6]
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.add_n([tf.zeros([2]), tf.zeros([3])])
    with pytest.raises(TypeError):
        tf.add_n([tf.zeros([2]), tf.zeros([2], tf.float64)])
    with pytest.raises(ValueError):
        tf.add_n([])
    assert_close(tf.math.scalar_mul(2.0, tf.constant([1.0, 2.0])), [2.0, 4.0])
    with pytest.raises(ValueError):
        tf.math.scalar_mul(tf.constant([1.0, 2.0]), tf.constant([1.0, 2.0]))


def test_no_nan_helpers_and_xlogy():
    x = np.array([0.0, 1.0, 2.0, 0.0, -3.0])
    y = np.array([0.0, 0.0, 4.0, np.nan, 2.0])
    with np.errstate(all="ignore"):
        check_op(tf.math.divide_no_nan, lambda a, b: np.where(b == 0, 0, a / np.where(b == 0, 1, b)),
                 [x, np.array([0.0, 0.0, 4.0, 2.0, 2.0])])
        check_op(tf.math.reciprocal_no_nan, lambda a: np.where(a == 0, 0, 1 / a), [x])
        check_op(tf.math.xlogy, lambda a, b: np.where(a == 0, 0, a * np.log(b)),
                 [x, np.abs(y)])
        check_op(tf.math.xdivy, lambda a, b: np.where(a == 0, 0, a / b), [x, y])
        check_op(tf.math.multiply_no_nan, lambda a, b: np.where(b == 0, 0, a * b),
                 [np.array([np.inf, 2.0]), np.array([0.0, 3.0])])
    with pytest.raises(TypeError):
        tf.math.reciprocal_no_nan(tf.constant([1, 2]))


def test_sqrt_rsqrt_and_ints_rejected():
    x = np.array([0.0, 0.25, 4.0, np.inf])
    with np.errstate(all="ignore"):
        check_op(tf.sqrt, np.sqrt, [x])
        check_op(tf.math.rsqrt, lambda a: 1 / np.sqrt(a), [x])
    with pytest.raises(TypeError):
        tf.sqrt(tf.constant([4]))


# --- norms -----------------------------------------------------------------------------------

def test_norm_course_notes_values():
    x = tf.ones([2, 2])
    assert float(tf.norm(x, ord=1)) == 4.0
    assert float(tf.norm(x, ord=2)) == 2.0
    assert float(tf.norm(x, ord=np.inf)) == 1.0
    assert float(tf.norm(x)) == 2.0


@pytest.mark.parametrize("ord", ["euclidean", 1, 2, np.inf, 3])
@pytest.mark.parametrize("axis", [None, 0, -1, [1]])
def test_vector_norms(ord, axis):
    x = RNG.standard_normal((3, 4))
    np_ord = 2 if ord == "euclidean" else ord
    ax = axis[0] if isinstance(axis, list) else axis
    ref = (lambda a: np.linalg.norm(a.reshape(-1), np_ord)) if axis is None else \
        (lambda a: np.linalg.norm(a, np_ord, axis=ax))
    check_op(lambda t: tf.norm(t, ord=ord, axis=axis), ref, [x])
    out = tf.linalg.norm(tf.constant(x), ord=ord, axis=axis, keepdims=True)
    assert out.shape == ((1, 1) if axis is None else np.linalg.norm(x, np_ord, axis=ax,
                                                                    keepdims=True).shape)


@pytest.mark.parametrize("ord", ["fro", "euclidean", 1, 2, np.inf])
@pytest.mark.parametrize("axis", [[0, 1], [1, 0], [-2, -1], [0, 2]])
def test_matrix_norms(ord, axis):
    x = RNG.standard_normal((3, 4, 5))
    np_ord = "fro" if ord == "euclidean" else ord
    check_op(lambda t: tf.norm(t, ord=ord, axis=axis),
             lambda a: np.linalg.norm(a, np_ord, axis=tuple(axis)), [x], rtol=1e-5, atol=1e-5)
    out = tf.norm(tf.constant(x), ord=ord, axis=axis, keepdims=True)
    assert out.shape == np.linalg.norm(x, np_ord, axis=tuple(axis), keepdims=True).shape


def test_norm_bad_inputs():
    x = tf.ones([2, 2])
    with pytest.raises(ValueError):
        tf.norm(x, ord="fro")
    with pytest.raises(ValueError):
        tf.norm(x, ord=-1)
    with pytest.raises(ValueError):
        tf.norm(x, ord=3, axis=[0, 1])
    with pytest.raises(ValueError):
        tf.norm(x, axis=[0, 0])
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.norm(x, axis=2)
    with pytest.raises(TypeError):
        tf.norm(tf.constant([1, 2]))


def test_clip_by_norm_and_global_norm():
    x = np.array([[3.0, 4.0], [0.0, 0.0]])
    check_op(lambda t: tf.clip_by_norm(t, 2.5), lambda a: a * 2.5 / 5.0, [x])
    check_op(lambda t: tf.clip_by_norm(t, 10.0), lambda a: a, [x])
    check_op(lambda t: tf.clip_by_norm(t, 1.0, axes=[1]),
             lambda a: a / np.maximum(np.linalg.norm(a, axis=1, keepdims=True), 1.0), [x])
    a, b = np.array([3.0, 0.0]), np.array([[4.0]])
    n = tf.linalg.global_norm([tf.constant(a), None, tf.constant(b)])
    assert_close(n, 5.0)
    clipped, norm = tf.clip_by_global_norm([tf.constant(a), None, tf.constant(b)], 1.0)
    assert clipped[1] is None
    assert_close(clipped[0], a / 5)
    assert_close(clipped[2], b / 5)
    assert_close(norm, 5.0)
    clipped, _ = tf.clip_by_global_norm([tf.constant([np.inf, 1.0])], 1.0)
    assert np.isnan(clipped[0].numpy()).all()


# --- tensordot and einsum --------------------------------------------------------------------

def test_tensordot():
    a, b = RNG.standard_normal((2, 3, 4)), RNG.standard_normal((4, 3, 5))
    check_op(lambda x, y: tf.tensordot(x, y, axes=[[1, 2], [1, 0]]),
             lambda x, y: np.tensordot(x, y, axes=[[1, 2], [1, 0]]), [a, b])
    check_op(lambda x, y: tf.tensordot(x, y, axes=1),
             lambda x, y: np.tensordot(x, y, axes=1), [a, b])
    check_op(lambda x, y: tf.tensordot(x, y, axes=0),
             lambda x, y: np.tensordot(x, y, axes=0), [a[0, 0], b[0, 0]])
    check_op(lambda x, y: tf.linalg.tensordot(x, y, axes=(2, 0)),
             lambda x, y: np.tensordot(x, y, axes=(2, 0)), [a, b])
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.tensordot(tf.constant(a), tf.constant(b), axes=[[0], [0]])
    with pytest.raises(ValueError):
        tf.tensordot(tf.constant(a), tf.constant(b), axes=4)


@pytest.mark.parametrize("equation,shapes", [
    ("ij,jk->ik", [(2, 3), (3, 4)]),
    ("bij,bjk->bik", [(2, 2, 3), (2, 3, 4)]),
    ("ij->ji", [(2, 3)]),
    ("ii->", [(3, 3)]),
    ("ii", [(3, 3)]),
    ("ii->i", [(3, 3)]),
    ("i,j->ij", [(3,), (4,)]),
    ("ij->", [(2, 3)]),
    ("ij->j", [(2, 3)]),
    ("i,i->", [(5,), (5,)]),
    ("ij,ij->ij", [(2, 3), (2, 3)]),
    ("bhqd,bhkd->bhqk", [(2, 2, 3, 4), (2, 2, 5, 4)]),
    ("...ij,...jk->...ik", [(2, 2, 3), (2, 3, 4)]),
    ("ij,jk,kl->il", [(2, 3), (3, 4), (4, 2)]),
    ("ij,jk", [(2, 3), (3, 4)]),
    ("bi,bi->b", [(4, 3), (4, 3)]),
    ("ijk->kji", [(2, 3, 4)]),
])
def test_einsum_matches_numpy(equation, shapes):
    xs = [RNG.standard_normal(s) for s in shapes]
    check_op(lambda *t: tf.einsum(equation, *t), lambda *a: np.einsum(equation, *a), xs)


def test_einsum_bad_inputs():
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.einsum("ij,jk->ik", tf.zeros([2, 3]), tf.zeros([4, 5]))
    with pytest.raises(ValueError):
        tf.einsum("ij,jk->ik", tf.zeros([2, 3]))
    with pytest.raises(ValueError):
        tf.einsum("ij->k", tf.zeros([2, 3]))
    with pytest.raises(ValueError):
        tf.einsum("ijk->i", tf.zeros([2, 3]))


def test_linalg_helpers():
    x = RNG.standard_normal((2, 3, 3))
    assert_close(tf.linalg.trace(tf.constant(x)), np.trace(x, axis1=1, axis2=2))
    assert_close(tf.linalg.matrix_transpose(tf.constant(x)), x.transpose(0, 2, 1))
