"""tf.nn: activations, softmax, cross-entropies, normalisation helpers, dropout, bias_add."""

import numpy as np
import pytest

import fasttf as tf
from helpers import FLOAT_DTYPES, assert_close, check_grad, check_op, run_isolated

RNG = np.random.default_rng(0)


def np_softmax(x, axis=-1):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def np_log_softmax(x, axis=-1):
    m = x.max(axis=axis, keepdims=True)
    return x - m - np.log(np.exp(x - m).sum(axis=axis, keepdims=True))


# --- course-notes values ---------------------------------------------------------------------

def test_softmax_of_linspace_prints_as_in_the_notes():
    out = tf.nn.softmax(tf.linspace(0., 5., 5))
    assert str(out) == ("tf.Tensor([0.00481679 0.01681226 0.05868054 0.20481521 0.7148753 ], "
                        "shape=(5,), dtype=float32)")


def test_tanh_of_linspace_prints_as_in_the_notes():
    out = tf.tanh(tf.linspace(-6., 6., 10))
    assert str(out) == (
        "tf.Tensor(\n[-0.99998784 -0.99982315 -0.9974579  -0.9640276  -0.58278286  0.58278316\n"
        "  0.9640276   0.99745804  0.99982315  0.99998784], shape=(10,), dtype=float32)")
    assert_close(tf.nn.tanh(tf.linspace(-6., 6., 10)), np.tanh(np.linspace(-6, 6, 10)),
                 rtol=1e-6, atol=1e-6)


def test_sigmoid_relu_leaky_relu_of_linspace():
    x = tf.linspace(-6., 6., 10)
    xs = x.numpy().astype(np.float64)
    assert_close(tf.nn.sigmoid(x), 1 / (1 + np.exp(-xs)))
    assert_close(tf.nn.relu(x), np.maximum(xs, 0))
    assert_close(tf.nn.leaky_relu(x, alpha=0.2), np.where(xs > 0, xs, 0.2 * xs))
    with pytest.raises(TypeError):
        tf.nn.tanh(x, alpha=0.2)  # as in TF: tanh takes no alpha


# --- activations -----------------------------------------------------------------------------

X = RNG.standard_normal((3, 4)) * 3
EDGE = np.array([-np.inf, -1e3, -1.0, -0.0, 0.0, 1e-30, 1.0, 1e3, np.inf, np.nan])


@pytest.mark.parametrize("tf_fn,np_fn", [
    (tf.nn.relu, lambda x: np.maximum(x, 0)),
    (tf.nn.relu6, lambda x: np.minimum(np.maximum(x, 0), 6)),
    (tf.nn.elu, lambda x: np.where(x > 0, x, np.expm1(np.minimum(x, 0)))),
    (tf.nn.selu, lambda x: 1.0507009873554805 * np.where(
        x > 0, x, 1.6732632423543772 * np.expm1(np.minimum(x, 0)))),
    (tf.nn.softplus, lambda x: np.logaddexp(0, x)),
    (tf.nn.softsign, lambda x: x / (1 + np.abs(x))),
    (tf.nn.silu, lambda x: x / (1 + np.exp(-x))),
    (tf.nn.swish, lambda x: x / (1 + np.exp(-x))),
    (tf.nn.sigmoid, lambda x: 1 / (1 + np.exp(-x))),
    (tf.nn.tanh, np.tanh),
    (tf.nn.leaky_relu, lambda x: np.where(x > 0, x, 0.2 * x)),
    (tf.math.log_sigmoid, lambda x: -np.logaddexp(0, -x)),
])
def test_activation_forward(tf_fn, np_fn):
    with np.errstate(all="ignore"):
        check_op(tf_fn, np_fn, [X], rtol=2e-6, atol=1e-6)
        check_op(tf_fn, np_fn, [EDGE], rtol=2e-6, atol=1e-6)
        check_op(tf_fn, np_fn, [np.zeros((0, 3))])
        check_op(tf_fn, np_fn, [np.array(0.5)], rtol=2e-6)


def test_gelu_exact_and_approximate():
    from math import erf
    x = X.reshape(-1)
    exact = np.array([0.5 * v * (1 + erf(v / np.sqrt(2))) for v in x])
    approx = 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x ** 3)))
    assert_close(tf.nn.gelu(tf.constant(x)), exact, rtol=1e-12, atol=1e-12)
    assert_close(tf.nn.gelu(tf.constant(x), approximate=True), approx)
    assert_close(tf.nn.gelu(tf.constant(x.astype(np.float32))), exact, rtol=1e-5, atol=1e-6)


def test_leaky_relu_alpha_and_ints():
    x = np.array([-2.0, -0.5, 0.0, 3.0])
    assert_close(tf.nn.leaky_relu(tf.constant(x), alpha=0.01), np.where(x > 0, x, 0.01 * x))
    assert_close(tf.nn.leaky_relu(tf.constant(x), alpha=1.5), np.where(x > 0, x, 1.5 * x))
    out = tf.nn.leaky_relu(tf.constant([-2, 3]))
    assert out.dtype == tf.float32
    assert_close(out, np.array([-0.4, 3.0]))


def test_relu_keeps_integers_and_float_only_ops_reject_them():
    out = tf.nn.relu(tf.constant([-1, 2]))
    assert out.dtype == tf.int32 and out.numpy().tolist() == [0, 2]
    for fn in (tf.nn.softmax, tf.nn.log_softmax, tf.nn.elu, tf.nn.softplus, tf.nn.gelu,
               tf.math.log_sigmoid):
        with pytest.raises((TypeError, tf.errors.InvalidArgumentError)):
            fn(tf.constant([1, 2]))


def test_silu_beta():
    x = X
    assert_close(tf.nn.silu(tf.constant(x), beta=2.0), x / (1 + np.exp(-2 * x)))


# --- softmax ---------------------------------------------------------------------------------

@pytest.mark.parametrize("axis", [-1, 0, 1, 2])
def test_softmax_and_log_softmax_any_axis(axis):
    x = RNG.standard_normal((2, 3, 5)) * 4
    check_op(lambda t: tf.nn.softmax(t, axis=axis), lambda a: np_softmax(a, axis), [x])
    check_op(lambda t: tf.nn.log_softmax(t, axis=axis), lambda a: np_log_softmax(a, axis), [x],
             atol=1e-5)
    assert_close(tf.math.softmax(tf.constant(x), axis), np_softmax(x, axis))


def test_softmax_is_stable_for_huge_logits():
    x = np.array([[1000.0, -1000.0, 0.0], [-1000.0, -1000.0, -1000.0], [1e3, 1e3, 1e3]])
    for dtype in FLOAT_DTYPES:
        assert_close(tf.nn.softmax(tf.constant(x.astype(dtype))), np_softmax(x), dtype=dtype)
        assert_close(tf.nn.log_softmax(tf.constant(x.astype(dtype))), np_log_softmax(x),
                     dtype=dtype)


def test_softmax_edges():
    # inf/nan propagate as in TF; empty and non-contiguous inputs work.
    out = tf.nn.softmax(tf.constant([[np.inf, 0.0], [np.nan, 1.0], [-np.inf, 0.0]])).numpy()
    assert np.isnan(out[0]).all() and np.isnan(out[1]).all()
    np.testing.assert_allclose(out[2], [0.0, 1.0])
    assert tf.nn.softmax(tf.zeros([0, 4])).shape == (0, 4)
    assert tf.nn.softmax(tf.zeros([3, 0])).shape == (3, 0)
    x = RNG.standard_normal((4, 6))
    assert_close(tf.nn.softmax(tf.transpose(tf.constant(x))), np_softmax(x.T))
    assert_close(tf.nn.softmax(tf.constant(x)[:, ::2]), np_softmax(x[:, ::2]))
    big = RNG.standard_normal((3, 700, 5))  # long middle axis: the column kernel
    assert_close(tf.nn.softmax(tf.constant(big), axis=1), np_softmax(big, 1), rtol=1e-12)


def test_softmax_bad_inputs():
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.nn.softmax(tf.constant([1.0, 2.0]), axis=1)
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.nn.softmax(tf.constant(1.0))


# --- cross-entropies -------------------------------------------------------------------------

def test_softmax_cross_entropy_matches_numpy():
    logits = RNG.standard_normal((4, 5)) * 3
    labels = np_softmax(RNG.standard_normal((4, 5)))
    check_op(tf.nn.softmax_cross_entropy_with_logits,
             lambda z, x: -(z * np_log_softmax(x)).sum(-1), [labels, logits])
    # class axis 0, and extreme logits
    x = np.array([[1000.0, -1000.0], [0.0, 0.0]])
    z = np.array([[0.0, 0.5], [1.0, 0.5]])
    assert_close(tf.nn.softmax_cross_entropy_with_logits(tf.constant(z), tf.constant(x), axis=0),
                 -(z * np_log_softmax(x, 0)).sum(0))


def test_sparse_softmax_cross_entropy_matches_numpy():
    logits = RNG.standard_normal((2, 3, 7)) * 3
    labels = RNG.integers(0, 7, (2, 3))
    expected = -np.take_along_axis(np_log_softmax(logits), labels[..., None], -1)[..., 0]
    for ldtype in (np.int32, np.int64):
        check_op(lambda x: tf.nn.sparse_softmax_cross_entropy_with_logits(
            tf.constant(labels.astype(ldtype)), x), lambda x: expected, [logits])
    out = tf.nn.sparse_softmax_cross_entropy_with_logits(
        tf.constant([0, 1]), tf.constant([[1000.0, -1000.0], [1000.0, -1000.0]]))
    assert_close(out, np.array([0.0, 2000.0]))
    assert tf.nn.sparse_softmax_cross_entropy_with_logits(
        tf.zeros([0], tf.int32), tf.zeros([0, 3])).shape == (0,)


def test_cross_entropy_bad_inputs():
    logits = tf.zeros([2, 5])
    with pytest.raises(tf.errors.InvalidArgumentError, match="outside the valid range"):
        tf.nn.sparse_softmax_cross_entropy_with_logits(tf.constant([0, 5]), logits)
    with pytest.raises(tf.errors.InvalidArgumentError, match="outside the valid range"):
        tf.nn.sparse_softmax_cross_entropy_with_logits(tf.constant([-1, 0]), logits)
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.nn.sparse_softmax_cross_entropy_with_logits(tf.constant([0, 1, 2]), logits)
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.nn.sparse_softmax_cross_entropy_with_logits(tf.constant([[0, 1]]), logits)
    with pytest.raises(TypeError):
        tf.nn.sparse_softmax_cross_entropy_with_logits(tf.constant([0.0, 1.0]), logits)
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.nn.softmax_cross_entropy_with_logits(tf.zeros([2, 4]), logits)
    with pytest.raises(TypeError):
        tf.nn.softmax_cross_entropy_with_logits(tf.zeros([2, 5], tf.float64), logits)
    with pytest.raises((TypeError, tf.errors.InvalidArgumentError)):
        tf.nn.softmax_cross_entropy_with_logits(tf.zeros([2, 5], tf.int32),
                                                tf.zeros([2, 5], tf.int32))


def test_sparse_label_out_of_range_does_not_crash():
    result = run_isolated("""
        import fasttf as tf
        try:
            tf.nn.sparse_softmax_cross_entropy_with_logits(tf.constant([2**31 - 1]),
                                                           tf.zeros([1, 0]))
        except tf.errors.InvalidArgumentError:
            print("raised")
    """)
    assert result.returncode == 0 and "raised" in result.stdout, result.stderr


def test_sigmoid_and_weighted_cross_entropy():
    x = np.array([-1000.0, -3.0, 0.0, 2.5, 1000.0])
    z = np.array([0.0, 1.0, 0.5, 0.0, 1.0])
    ref = np.maximum(x, 0) - x * z + np.log1p(np.exp(-np.abs(x)))
    check_op(lambda a, b: tf.nn.sigmoid_cross_entropy_with_logits(labels=a, logits=b),
             lambda a, b: ref, [z, x])
    q = 3.0
    wref = (1 - z) * x + (1 + (q - 1) * z) * (np.log1p(np.exp(-np.abs(x))) + np.maximum(-x, 0))
    check_op(lambda a, b: tf.nn.weighted_cross_entropy_with_logits(a, b, q),
             lambda a, b: wref, [z, x])
    with pytest.raises(ValueError):
        tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.zeros([3]), logits=tf.zeros([4]))


# --- normalisation helpers, l2_loss, dropout, bias_add ---------------------------------------

def test_l2_loss_moments_batch_normalization_l2_normalize():
    x = RNG.standard_normal((4, 3, 2))
    check_op(tf.nn.l2_loss, lambda a: (a ** 2).sum() / 2, [x])
    for dtype in FLOAT_DTYPES:
        mean, var = tf.nn.moments(tf.constant(x.astype(dtype)), axes=[0, 1])
        assert_close(mean, x.mean((0, 1)), dtype=dtype)
        assert_close(var, x.var((0, 1)), dtype=dtype)
    mean, var = tf.nn.moments(tf.constant(x), axes=[0], keepdims=True)
    assert mean.shape == (1, 3, 2) and var.shape == (1, 3, 2)
    m, v = x.mean(0), x.var(0)
    off, sc = RNG.standard_normal(2), RNG.standard_normal(2) + 2
    out = tf.nn.batch_normalization(tf.constant(x), tf.constant(m), tf.constant(v),
                                    tf.constant(off), tf.constant(sc), 1e-3)
    assert_close(out, (x - m) / np.sqrt(v + 1e-3) * sc + off)
    out = tf.nn.batch_normalization(tf.constant(x), tf.constant(m), tf.constant(v), None, None,
                                    1e-3)
    assert_close(out, (x - m) / np.sqrt(v + 1e-3))
    check_op(lambda a: tf.nn.l2_normalize(a, axis=1),
             lambda a: a / np.sqrt(np.maximum((a ** 2).sum(1, keepdims=True), 1e-12)), [x])
    assert_close(tf.nn.l2_normalize(tf.zeros([3])), np.zeros(3))


def test_dropout():
    x = tf.ones([200, 50])
    out = tf.nn.dropout(x, rate=0.25, seed=1).numpy()
    kept = out != 0
    np.testing.assert_allclose(out[kept], 1 / 0.75, rtol=1e-6)
    assert 0.70 < kept.mean() < 0.80
    out = tf.nn.dropout(x, rate=0.5, noise_shape=[200, 1], seed=2).numpy()
    assert ((out == 0).all(1) | (out == 2).all(1)).all()
    assert_close(tf.nn.dropout(x, rate=0.0), np.ones((200, 50)))
    with pytest.raises(ValueError):
        tf.nn.dropout(x, rate=1.0)
    with pytest.raises(ValueError):
        tf.nn.dropout(tf.constant([1, 2]), rate=0.5)


def test_bias_add():
    x = RNG.standard_normal((2, 3, 4))
    b = RNG.standard_normal(4)
    check_op(tf.nn.bias_add, lambda a, c: a + c, [x, b])
    bc = RNG.standard_normal(3)
    assert_close(tf.nn.bias_add(tf.constant(x), tf.constant(bc), data_format="NCHW"),
                 x + bc[:, None])
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.nn.bias_add(tf.constant(x), tf.constant(bc))
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.nn.bias_add(tf.constant(x), tf.constant(x))


# --- gradients -------------------------------------------------------------------------------

@pytest.mark.parametrize("fn", [
    tf.nn.relu6, tf.nn.elu, tf.nn.selu, tf.nn.softplus, tf.nn.softsign, tf.nn.silu,
    tf.nn.sigmoid, tf.nn.tanh, tf.nn.leaky_relu, tf.math.log_sigmoid,
    lambda x: tf.nn.gelu(x), lambda x: tf.nn.gelu(x, approximate=True),
])
def test_activation_gradients(fn):
    x = RNG.standard_normal((3, 4)) * 2
    x[np.abs(x) < 0.05] = 0.3  # away from kinks
    check_grad(fn, [x])
    check_grad(fn, [np.array(0.7)])


@pytest.mark.parametrize("axis", [-1, 0])
def test_softmax_gradients(axis):
    x = RNG.standard_normal((3, 4))
    check_grad(lambda t: tf.nn.softmax(t, axis=axis), [x])
    check_grad(lambda t: tf.nn.log_softmax(t, axis=axis), [x])
    check_grad(lambda t: tf.nn.softmax(tf.transpose(t)), [x])


def test_cross_entropy_gradients():
    x = RNG.standard_normal((3, 4))
    z = np_softmax(RNG.standard_normal((3, 4)))
    check_grad(tf.nn.softmax_cross_entropy_with_logits, [z, x])
    # TF's gradient (softmax - labels) assumes labels that sum to one along the class axis.
    check_grad(lambda a, b: tf.nn.softmax_cross_entropy_with_logits(a, b, axis=0),
               [z / z.sum(0), x])
    labels = tf.constant([3, 0, 1])
    check_grad(lambda b: tf.nn.sparse_softmax_cross_entropy_with_logits(labels, b), [x])
    check_grad(lambda a, b: tf.nn.sigmoid_cross_entropy_with_logits(labels=a, logits=b), [z, x])
    check_grad(lambda a, b: tf.nn.weighted_cross_entropy_with_logits(a, b, 2.0), [z, x])


def test_cross_entropy_second_derivative():
    # d2/dx2 of the sparse xent = diag(p) - p p^T (the softmax Jacobian).
    x0 = RNG.standard_normal((1, 4))
    x = tf.constant(x0)
    with tf.GradientTape() as outer:
        outer.watch(x)
        with tf.GradientTape() as inner:
            inner.watch(x)
            loss = tf.reduce_sum(tf.nn.sparse_softmax_cross_entropy_with_logits(
                tf.constant([2]), x))
        g = inner.gradient(loss, x)
        s = tf.reduce_sum(g * tf.constant([[1.0, 0.0, 0.0, 0.0]], tf.float64))
    h = outer.gradient(s, x).numpy()
    p = np_softmax(x0)[0]
    np.testing.assert_allclose(h[0], (np.diag(p) - np.outer(p, p))[0], rtol=1e-10)


def test_normalisation_gradients():
    x = RNG.standard_normal((4, 3))
    check_grad(lambda t: tf.nn.moments(t, axes=[0])[1], [x])
    check_grad(lambda t: tf.nn.l2_normalize(t, axis=1), [x])
    check_grad(tf.nn.l2_loss, [x])
    check_grad(lambda t, m, v, o, s: tf.nn.batch_normalization(t, m, v, o, s, 1e-3),
               [x, x.mean(0), x.var(0) + 0.5, RNG.standard_normal(3), RNG.standard_normal(3)])
    check_grad(lambda t, b: tf.nn.bias_add(t, b), [x, RNG.standard_normal(3)])
