"""Gradients of the maths ops against float64 central differences, with 0-d, broadcast and
non-contiguous inputs, and TF's conventions at ties."""

import numpy as np
import pytest

import fasttf as tf
from helpers import check_grad

RNG = np.random.default_rng(3)


def pos(*shape):
    return RNG.uniform(0.5, 2.0, shape)


@pytest.mark.parametrize("fn,inputs", [
    (tf.sqrt, [pos(3, 2)]),
    (tf.math.rsqrt, [pos(3, 2)]),
    (tf.math.log_sigmoid, [RNG.standard_normal((4,))]),
    (tf.math.reciprocal_no_nan, [pos(3)]),
    (lambda a, b: tf.math.xlogy(a, b), [RNG.standard_normal((2, 3)), pos(2, 3)]),
    (lambda a, b: tf.math.xlogy(a, b), [RNG.standard_normal((2, 3)), pos(3)]),  # broadcast
    (lambda a, b: tf.math.divide_no_nan(a, b), [RNG.standard_normal((3,)), pos(3)]),
    (lambda a, b, c: tf.add_n([a, b, c]), [RNG.standard_normal((2, 2)) for _ in range(3)]),
    (lambda a: tf.math.scalar_mul(3.0, a), [RNG.standard_normal((2,))]),
    (lambda a: tf.reduce_logsumexp(a, axis=1), [RNG.standard_normal((3, 4))]),
    (lambda a: tf.reduce_logsumexp(a), [np.array(0.3)]),
    (lambda a: tf.math.reduce_variance(a, axis=0), [RNG.standard_normal((4, 3))]),
    (lambda a: tf.math.reduce_std(a, axis=[0, 1]), [RNG.standard_normal((4, 3))]),
    (lambda a: tf.math.reduce_euclidean_norm(a, axis=1), [RNG.standard_normal((2, 3))]),
    (lambda a: tf.cumsum(a, axis=1), [RNG.standard_normal((2, 3))]),
    (lambda a: tf.cumsum(a, axis=0, exclusive=True, reverse=True), [RNG.standard_normal((3, 2))]),
    (lambda a: tf.math.cumprod(a, axis=1), [pos(2, 3)]),
    (lambda a: tf.math.cumprod(a, axis=0, exclusive=True, reverse=True), [pos(3, 2)]),
    (lambda a: tf.cumsum(tf.transpose(a), axis=1), [RNG.standard_normal((3, 2))]),
    (lambda a: tf.norm(a), [RNG.standard_normal((2, 3))]),
    (lambda a: tf.norm(a, ord=1, axis=1), [RNG.standard_normal((2, 3))]),
    (lambda a: tf.norm(a, ord=3, axis=0), [RNG.standard_normal((2, 3))]),
    (lambda a: tf.norm(a, ord="fro", axis=[0, 1]), [RNG.standard_normal((2, 3))]),
    (lambda a: tf.norm(a, ord=2, axis=[0, 1]), [RNG.standard_normal((3, 3))]),
    (lambda a: tf.norm(a, ord=np.inf, axis=[-2, -1]), [RNG.standard_normal((2, 3, 3))]),
    (lambda a: tf.clip_by_norm(a, 1.0), [RNG.standard_normal((2, 3))]),
    (lambda a: tf.clip_by_global_norm([a, a * 2.0], 1.0)[0][1], [RNG.standard_normal((3,))]),
    (lambda a, b: tf.tensordot(a, b, axes=[[1], [0]]), [RNG.standard_normal((2, 3)),
                                                        RNG.standard_normal((3, 2))]),
    (lambda a, b: tf.einsum("bij,bjk->bik", a, b), [RNG.standard_normal((2, 2, 3)),
                                                    RNG.standard_normal((2, 3, 2))]),
    (lambda a: tf.einsum("ii->", a), [RNG.standard_normal((3, 3))]),
    (lambda a, b: tf.einsum("i,j->ij", a, b), [RNG.standard_normal(3), RNG.standard_normal(2)]),
    (lambda a: tf.nn.softmax(a[:, ::2]), [RNG.standard_normal((2, 6))]),  # strided slice
    (lambda a: tf.reduce_prod(a, axis=1), [pos(2, 3)]),
])
def test_gradients(fn, inputs):
    check_grad(fn, inputs)


def test_max_min_ties_split_evenly_as_tf():
    x = tf.constant([[1.0, 3.0, 3.0], [2.0, 2.0, 2.0]])
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = tf.reduce_sum(tf.reduce_max(x, axis=1))
    np.testing.assert_allclose(tape.gradient(y, x).numpy(),
                               [[0, 0.5, 0.5], [1 / 3, 1 / 3, 1 / 3]])
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = tf.reduce_min(x)
    np.testing.assert_allclose(tape.gradient(y, x).numpy(), [[1, 0, 0], [0, 0, 0]])
    # tf.maximum gives a tie to its first argument
    a, b = tf.constant([1.0, 2.0]), tf.constant([1.0, 3.0])
    with tf.GradientTape(persistent=True) as tape:
        tape.watch([a, b])
        y = tf.maximum(a, b)
    np.testing.assert_allclose(tape.gradient(y, a).numpy(), [1, 0])
    np.testing.assert_allclose(tape.gradient(y, b).numpy(), [0, 1])


def test_xlogy_gradient_at_zero_is_finite():
    x, y = tf.constant([0.0, 1.0]), tf.constant([0.0, 2.0])
    with tf.GradientTape(persistent=True) as tape:
        tape.watch([x, y])
        z = tf.reduce_sum(tf.math.xlogy(x, y))
    np.testing.assert_allclose(tape.gradient(z, x).numpy(), [0, np.log(2)])
    np.testing.assert_allclose(tape.gradient(z, y).numpy(), [0, 0.5])


def test_softmax_second_derivative():
    x0 = RNG.standard_normal(3)
    x = tf.constant(x0)
    with tf.GradientTape() as outer:
        outer.watch(x)
        with tf.GradientTape() as inner:
            inner.watch(x)
            y = tf.nn.softmax(x)[0]
        g = inner.gradient(y, x)
    h = outer.jacobian(g, x) if hasattr(outer, "jacobian") else None
    if h is None:
        pytest.skip("GradientTape.jacobian not available")
    p = np.exp(x0) / np.exp(x0).sum()
    # d2 p0 / dxi dxj, by differentiating dp0/dxi = p0 (delta_0i - p_i)
    d = np.eye(3)[0]
    expected = np.outer(d - p, p[0] * (d - p)) - p[0] * (np.diag(p) - np.outer(p, p))
    np.testing.assert_allclose(h.numpy(), expected, rtol=1e-8, atol=1e-10)


def test_gradients_of_many_slices_of_one_tensor_sum_in_place_correctly():
    # unstack, split and x[:, i:i+3] in a loop: the tape adds each slice's gradient into one
    # buffer (in place) instead of a full-size tensor per slice. Overlapping slices, a tensor
    # that is both sliced and used whole, and a slice of a slice.
    rng = np.random.default_rng(0)
    x = tf.Variable(rng.standard_normal((3, 40, 2)))
    with tf.GradientTape(persistent=True) as tape:
        y = x * 2.0
        steps = tf.unstack(y, axis=1)
        halves = tf.split(y, 2, axis=1)
        windows = [y[:, i:i + 3] for i in range(0, 36, 2)]
        loss = (tf.add_n([tf.reduce_sum(s) * float(i) for i, s in enumerate(steps)])
                + tf.reduce_sum(halves[1] ** 2)
                + tf.add_n([tf.reduce_sum(w * w) for w in windows])
                + tf.reduce_sum(y[:, ::2][:, 1:4]) + tf.reduce_sum(y))
    yv = 2 * x.numpy()
    ref = np.ones_like(yv) + np.arange(40.0)[None, :, None]
    ref[:, 20:] += 2 * yv[:, 20:]
    for i in range(0, 36, 2):
        ref[:, i:i + 3] += 2 * yv[:, i:i + 3]
    ref[:, 2:8:2] += 1
    gy, gx = tape.gradient(loss, [y, x])
    np.testing.assert_allclose(gy.numpy(), ref, rtol=1e-12)
    np.testing.assert_allclose(gx.numpy(), 2 * ref, rtol=1e-12)


def test_second_derivative_through_slices_still_records_the_first():
    # While an outer tape records the inner gradient, the slices' gradients must be ops it
    # can see (no in-place sums): d/dx of d/dx sum(x[i]^3) over slices is 6 x.
    x = tf.Variable([1.0, 2.0, 3.0, 4.0])
    with tf.GradientTape() as outer:
        with tf.GradientTape() as inner:
            loss = tf.add_n([tf.reduce_sum(s ** 3) for s in tf.unstack(x)]) + \
                tf.reduce_sum(x[1:3] ** 3)
        first = inner.gradient(loss, x)
    second = outer.gradient(first, x)
    np.testing.assert_allclose(first.numpy(), 3 * x.numpy() ** 2 * [1, 2, 2, 1])
    np.testing.assert_allclose(second.numpy(), 6 * x.numpy() * [1, 2, 2, 1])
