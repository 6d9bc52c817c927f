"""tf.Variable, tf.GradientTape and tf.custom_gradient."""

import gc

import numpy as np
import pytest

import fasttf as tf
from helpers import assert_close


# -- Variable -------------------------------------------------------------------------------

def test_variable_basics_and_print():
    v = tf.Variable(tf.ones([3, 4]))
    assert v.name == "Variable:0" and v.trainable and v.dtype == tf.float32
    assert v.shape == (3, 4) and isinstance(v, tf.Tensor)
    assert repr(v) == ("<tf.Variable 'Variable:0' shape=(3, 4) dtype=float32, numpy=\n"
                       "array([[1., 1., 1., 1.],\n"
                       "       [1., 1., 1., 1.],\n"
                       "       [1., 1., 1., 1.]], dtype=float32)>")
    assert str(v) == repr(v)
    w = tf.Variable(1.5, name="w", trainable=False)
    assert w.name == "w:0" and not w.trainable
    assert repr(w) == "<tf.Variable 'w:0' shape=() dtype=float32, numpy=1.5>"
    assert tf.Variable([1, 2]).dtype == tf.int32
    assert tf.Variable([1, 2], dtype=tf.float64).dtype == tf.float64
    with pytest.raises(ValueError):  # as TF: a tensor initial value keeps its dtype
        tf.Variable(tf.constant([1, 2]), dtype=tf.float32)
    assert tf.Variable(lambda: tf.zeros([2])).shape == (2,)
    with pytest.raises(ValueError):
        tf.Variable(None)


def test_assign_in_place_and_returns_variable():
    v = tf.Variable([1., 2., 3.])
    storage_before = v.numpy()
    r = v.assign([4., 5., 6.])
    assert r.name == "UnreadVariable" and isinstance(r, tf.Variable)  # as TF
    np.testing.assert_array_equal(v.numpy(), [4., 5., 6.])
    v.assign_add([1., 1., 1.])
    np.testing.assert_array_equal(v.numpy(), [5., 6., 7.])
    np.testing.assert_array_equal(v.assign_sub(tf.constant([5., 5., 5.])).numpy(), [0., 1., 2.])
    np.testing.assert_array_equal(v.numpy(), [0., 1., 2.])
    with pytest.raises(ValueError):
        v.assign_add(1.0)  # TF's AssignAddVariableOp needs the variable's shape
    np.testing.assert_array_equal(storage_before, [1., 2., 3.])  # numpy() was a copy


def test_assign_wrong_shape_or_dtype_raises():
    v = tf.Variable([1., 2., 3.])
    with pytest.raises(ValueError):
        v.assign([1., 2.])
    with pytest.raises(ValueError):
        v.assign(tf.zeros([3, 1]))
    with pytest.raises((TypeError, ValueError)):
        v.assign(tf.constant([1., 2., 3.], tf.float64))
    np.testing.assert_array_equal(v.numpy(), [1., 2., 3.])


def test_read_value_is_snapshot_and_used_in_ops():
    v = tf.Variable([[1., 2.], [3., 4.]])
    snap = v.read_value()
    row = v[0]
    v.assign_add(tf.ones([2, 2]))
    np.testing.assert_array_equal(snap.numpy(), [[1., 2.], [3., 4.]])
    np.testing.assert_array_equal(row.numpy(), [1., 2.])
    assert_close(tf.matmul(v, v), np.array([[2., 3.], [4., 5.]]) @ np.array([[2., 3.], [4., 5.]]))
    assert_close(v * 2 + 1, np.array([[5., 7.], [9., 11.]]))
    assert isinstance(v + 1, tf.Tensor) and not isinstance(v + 1, tf.Variable)


# -- GradientTape -----------------------------------------------------------------------------

def test_gradient_of_variable_and_watched_constant():
    w = tf.Variable([1., 2.])
    x = tf.constant([3., 4.])
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = tf.reduce_sum(w * w * x)
    gw, gx = tape.gradient(y, [w, x])
    assert_close(gw, [6., 16.])
    assert_close(gx, [1., 4.])


def test_non_persistent_tape_second_call_raises():
    x = tf.Variable(2.)
    with tf.GradientTape() as tape:
        y = x * x
    assert float(tape.gradient(y, x)) == 4.0
    with pytest.raises(RuntimeError):
        tape.gradient(y, x)


def test_persistent_tape():
    x = tf.Variable(3.)
    with tf.GradientTape(persistent=True) as tape:
        y = x * x
        z = y * x
    assert float(tape.gradient(y, x)) == 6.0
    assert float(tape.gradient(z, x)) == 27.0
    del tape


def test_nested_tapes_second_derivative():
    x = tf.Variable(2.)
    with tf.GradientTape() as outer:
        with tf.GradientTape() as inner:
            y = x * x * x
        dy = inner.gradient(y, x)
    d2y = outer.gradient(dy, x)
    assert float(dy) == 12.0 and float(d2y) == 12.0  # 3x^2, 6x at x=2
    xs = tf.constant([1., -2., 0.5])
    with tf.GradientTape() as outer:
        outer.watch(xs)
        with tf.GradientTape() as inner:
            inner.watch(xs)
            y = xs * xs * xs
        dy = inner.gradient(y, xs)
    assert_close(outer.gradient(dy, xs), 6 * np.array([1., -2., 0.5]))


def test_watch_accessed_variables_false_and_untrainable():
    a, b = tf.Variable(1.), tf.Variable(2.)
    with tf.GradientTape(watch_accessed_variables=False) as tape:
        tape.watch(a)
        y = a * b
    ga, gb = tape.gradient(y, [a, b])
    assert float(ga) == 2.0 and gb is None
    c = tf.Variable(3., trainable=False)
    with tf.GradientTape() as tape:
        y = c * a
    gc_, ga = tape.gradient(y, [c, a])
    assert gc_ is None and float(ga) == 3.0
    assert [v.name for v in tape.watched_variables()] == [a.name]


def test_unconnected_gradients():
    x, y = tf.Variable(1.), tf.Variable([1., 2.])
    with tf.GradientTape(persistent=True) as tape:
        z = x * 2
    assert tape.gradient(z, y) is None
    g = tape.gradient(z, y, unconnected_gradients=tf.UnconnectedGradients.ZERO)
    np.testing.assert_array_equal(g.numpy(), [0., 0.])
    g = tape.gradient(z, y, unconnected_gradients="zero")
    assert g.shape == (2,)


def test_stop_gradient_and_stop_recording():
    x = tf.Variable(3.)
    with tf.GradientTape(persistent=True) as tape:
        y = x * tf.stop_gradient(x)
        with tape.stop_recording():
            z = x * x
    assert float(tape.gradient(y, x)) == 3.0
    assert tape.gradient(z, x) is None


def test_dict_and_nested_sources_and_targets():
    a, b, c = tf.Variable(1.), tf.Variable(2.), tf.Variable(3.)
    with tf.GradientTape() as tape:
        y = a * b + c
    g = tape.gradient(y, {"a": a, "bc": [b, (c,)]})
    assert float(g["a"]) == 2.0 and float(g["bc"][0]) == 1.0 and float(g["bc"][1][0]) == 1.0
    with tf.GradientTape() as tape:
        y1, y2 = a * 2, a * 3
    assert float(tape.gradient([y1, y2], a)) == 5.0


def test_output_gradients():
    x = tf.Variable([1., 2.])
    with tf.GradientTape() as tape:
        y = x * x
    g = tape.gradient(y, x, output_gradients=tf.constant([10., 100.]))
    assert_close(g, [20., 400.])


def test_long_chain_has_no_recursion_limit():
    x = tf.Variable(1.0)
    with tf.GradientTape() as tape:
        y = x
        for _ in range(100_000):
            y = y + 0.0
    assert float(tape.gradient(y, x)) == 1.0


def _rss_pages():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1])


def test_repeated_tapes_do_not_leak():
    w = tf.Variable(tf.ones([64, 64]))
    x = tf.ones([8, 64])

    def step():
        with tf.GradientTape() as tape:
            loss = tf.reduce_sum(tf.matmul(x, w) * 2.0)
        return tape.gradient(loss, w)

    for _ in range(500):
        step()
    gc.collect()
    before = _rss_pages()
    for _ in range(10_000):
        step()
    gc.collect()
    grown_mb = (_rss_pages() - before) * 4096 / 2 ** 20
    assert grown_mb < 20, "RSS grew by %.1f MB over 10,000 tape uses" % grown_mb


def test_jacobian_and_batch_jacobian():
    x = tf.constant([1., 2., 3.])
    with tf.GradientTape(persistent=True) as tape:
        tape.watch(x)
        y = x * x
    j = tape.jacobian(y, x)
    assert_close(j, np.diag([2., 4., 6.]))
    xb = tf.constant([[1., 2.], [3., 4.]])
    w = tf.constant([[1., 2., 3.], [4., 5., 6.]])
    with tf.GradientTape() as tape:
        tape.watch(xb)
        yb = tf.matmul(xb, w)
    bj = tape.batch_jacobian(yb, xb)
    assert bj.shape == (2, 3, 2)
    assert_close(bj, np.stack([w.numpy().T, w.numpy().T]))


def test_integer_source_gives_none():
    x = tf.constant(2)
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = x * x
    with pytest.warns(UserWarning):
        assert tape.gradient(y, x) is None


# -- custom_gradient -------------------------------------------------------------------------

@tf.custom_gradient
def _log1pexp(x):
    e = tf.exp(x)

    def grad(upstream):
        return upstream * (1 - 1 / (1 + e))
    return tf.math.log(1 + e), grad


def test_custom_gradient_replaces_gradient():
    x = tf.constant(100.)
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = _log1pexp(x)
    assert float(tape.gradient(y, x)) == 1.0  # the naive gradient is nan at x = 100
    assert float(_log1pexp(tf.constant(0.))) == pytest.approx(np.log(2.0))


def test_custom_gradient_clip_and_multiple_inputs():
    @tf.custom_gradient
    def scaled_product(a, b):
        def grad(dy):
            return dy * 10.0, dy * 20.0
        return a * b, grad

    a, b = tf.Variable([1., 2.]), tf.constant([3., 4.])
    with tf.GradientTape() as tape:
        tape.watch(b)
        y = tf.reduce_sum(scaled_product(a, b) * 2.0)
    ga, gb = tape.gradient(y, [a, b])
    assert_close(ga, [20., 20.])
    assert_close(gb, [40., 40.])


def test_custom_gradient_with_variables():
    w = tf.Variable(3.)

    @tf.custom_gradient
    def f(x):
        def grad(dy, variables=None):
            return dy * 7.0, [dy * 11.0 for _ in variables]
        return x * w, grad

    x = tf.constant(2.)
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = f(x)
    gx, gw = tape.gradient(y, [x, w])
    assert float(gx) == 7.0 and float(gw) == 11.0

    @tf.custom_gradient
    def g(x):
        return x * w, lambda dy: dy
    with tf.GradientTape() as tape:
        with pytest.raises(TypeError, match="variables"):
            g(x)


def test_custom_gradient_second_order():
    @tf.custom_gradient
    def cube(x):
        def grad(dy):
            return dy * 3.0 * x * x
        return x * x * x, grad

    x = tf.Variable(2.)
    with tf.GradientTape() as outer:
        with tf.GradientTape() as inner:
            y = cube(x)
        dy = inner.gradient(y, x)
    assert float(dy) == 12.0
    assert float(outer.gradient(dy, x)) == 12.0
