"""Optimizers against hand-written NumPy updates (Keras 3 formulas), schedules, clipping,
weight decay, get/serialize, bad inputs, and the course notes' handwritten MNIST loop."""

import os

import numpy as np
import pytest

import fasttf as tf
from fasttf.keras import optimizers
from fasttf.keras.optimizers import schedules
from helpers import assert_close, run_isolated

RNG = np.random.default_rng(0)
SHAPE = (3, 5)
STEPS = 4


def _grads(dtype):
    return [RNG.standard_normal(SHAPE).astype(dtype) for _ in range(STEPS)]


# -- NumPy references: each returns the variable after every step ---------------------------
def ref_sgd(x, grads, lr, momentum=0.0, nesterov=False):
    m = np.zeros_like(x)
    out = []
    for g in grads:
        if momentum:
            m = momentum * m - lr * g
            x = x + (momentum * m - lr * g if nesterov else m)
        else:
            x = x - lr * g
        out.append(x)
    return out


def ref_adam(x, grads, lr, b1=0.9, b2=0.999, eps=1e-7, amsgrad=False, wd=None):
    m, v, vhat = np.zeros_like(x), np.zeros_like(x), np.zeros_like(x)
    out = []
    for t, g in enumerate(grads, 1):
        if wd:
            x = x - x * wd * lr
        alpha = lr * np.sqrt(1 - b2 ** t) / (1 - b1 ** t)
        m = m + (g - m) * (1 - b1)
        v = v + (g * g - v) * (1 - b2)
        if amsgrad:
            vhat = np.maximum(vhat, v)
            x = x - alpha * m / (np.sqrt(vhat) + eps)
        else:
            x = x - alpha * m / (np.sqrt(v) + eps)
        out.append(x)
    return out


def ref_rmsprop(x, grads, lr, rho=0.9, momentum=0.0, eps=1e-7, centered=False):
    v, mom, avg = np.zeros_like(x), np.zeros_like(x), np.zeros_like(x)
    out = []
    for g in grads:
        v = rho * v + (1 - rho) * g * g
        if centered:
            avg = rho * avg + (1 - rho) * g
            denom = v - avg * avg + eps
        else:
            denom = v + eps
        inc = lr * g / np.sqrt(denom)
        if momentum:
            mom = momentum * mom + inc
            x = x - mom
        else:
            x = x - inc
        out.append(x)
    return out


def ref_adagrad(x, grads, lr, init=0.1, eps=1e-7):
    acc = np.full_like(x, init)
    out = []
    for g in grads:
        acc = acc + g * g
        x = x - lr * g / np.sqrt(acc + eps)
        out.append(x)
    return out


def ref_adadelta(x, grads, lr, rho=0.95, eps=1e-7):
    ag, ad = np.zeros_like(x), np.zeros_like(x)
    out = []
    for g in grads:
        ag = rho * ag + (1 - rho) * g * g
        delta = -np.sqrt(ad + eps) * g / np.sqrt(ag + eps)
        ad = rho * ad + (1 - rho) * delta * delta
        x = x + lr * delta
        out.append(x)
    return out


def ref_adamax(x, grads, lr, b1=0.9, b2=0.999, eps=1e-7):
    m, u = np.zeros_like(x), np.zeros_like(x)
    out = []
    for t, g in enumerate(grads, 1):
        m = m + (g - m) * (1 - b1)
        u = np.maximum(b2 * u, np.abs(g))
        x = x - lr * m / ((1 - b1 ** t) * (u + eps))
        out.append(x)
    return out


def ref_nadam(x, grads, lr, b1=0.9, b2=0.999, eps=1e-7):
    m, v, u_product = np.zeros_like(x), np.zeros_like(x), 1.0
    out = []
    for t, g in enumerate(grads, 1):
        u_product = u_product * b1 * (1 - 0.5 * 0.96 ** t)
        u_t = b1 * (1 - 0.5 * 0.96 ** t)
        u_t1 = b1 * (1 - 0.5 * 0.96 ** (t + 1))
        m = m + (g - m) * (1 - b1)
        v = v + (g * g - v) * (1 - b2)
        m_hat = u_t1 * m / (1 - u_product * u_t1) + (1 - u_t) * g / (1 - u_product)
        v_hat = v / (1 - b2 ** t)
        x = x - m_hat * lr / (np.sqrt(v_hat) + eps)
        out.append(x)
    return out


CASES = [
    ("sgd", lambda: optimizers.SGD(0.125), lambda x, g: ref_sgd(x, g, 0.125)),
    ("sgd_momentum", lambda: optimizers.SGD(0.125, momentum=0.9),
     lambda x, g: ref_sgd(x, g, 0.125, 0.9)),
    ("sgd_nesterov", lambda: optimizers.SGD(0.125, momentum=0.9, nesterov=True),
     lambda x, g: ref_sgd(x, g, 0.125, 0.9, True)),
    ("adam", lambda: optimizers.Adam(0.015625), lambda x, g: ref_adam(x, g, 0.015625)),
    ("adam_amsgrad", lambda: optimizers.Adam(0.015625, amsgrad=True),
     lambda x, g: ref_adam(x, g, 0.015625, amsgrad=True)),
    ("adamw", lambda: optimizers.AdamW(0.015625, weight_decay=0.1),
     lambda x, g: ref_adam(x, g, 0.015625, wd=0.1)),
    ("rmsprop", lambda: optimizers.RMSprop(0.015625), lambda x, g: ref_rmsprop(x, g, 0.015625)),
    ("rmsprop_momentum_centered",
     lambda: optimizers.RMSprop(0.015625, rho=0.8, momentum=0.5, centered=True),
     lambda x, g: ref_rmsprop(x, g, 0.015625, 0.8, 0.5, centered=True)),
    ("adagrad", lambda: optimizers.Adagrad(0.125), lambda x, g: ref_adagrad(x, g, 0.125)),
    ("adadelta", lambda: optimizers.Adadelta(1.0), lambda x, g: ref_adadelta(x, g, 1.0)),
    ("adamax", lambda: optimizers.Adamax(0.015625), lambda x, g: ref_adamax(x, g, 0.015625)),
    ("nadam", lambda: optimizers.Nadam(0.015625), lambda x, g: ref_nadam(x, g, 0.015625)),
]


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("name,make,reference", CASES, ids=[c[0] for c in CASES])
def test_optimizer_steps_match_numpy(name, make, reference, dtype):
    x0 = RNG.standard_normal(SHAPE).astype(dtype)
    grads = _grads(dtype)
    # learning rates are powers of two: Keras keeps them in a float32 variable
    expected = reference(x0.astype(np.float64), [g.astype(np.float64) for g in grads])
    var = tf.Variable(x0)
    bias = tf.Variable(np.ones(2, dtype))  # a second variable updated in the same call
    opt = make()
    for step, g in enumerate(grads):
        opt.apply_gradients([(tf.constant(g), var), (tf.constant(np.ones(2, dtype)), bias)])
        tol = 2e-5 if dtype == np.float32 else 1e-12
        assert_close(var, expected[step], rtol=tol, atol=tol)
    assert int(opt.iterations.numpy()) == STEPS
    assert var.dtype == tf.as_dtype(dtype)


def test_sgd_without_momentum_has_no_slots_and_momentum_has_one():
    v = tf.Variable([1.0, 2.0])
    plain = optimizers.SGD(0.1)
    plain.apply_gradients([(tf.constant([1.0, 1.0]), v)])
    assert len(plain.variables) == 2  # iterations, learning_rate
    heavy = optimizers.SGD(0.1, momentum=0.5)
    heavy.apply_gradients([(tf.constant([1.0, 1.0]), v)])
    assert len(heavy.variables()) == 3  # callable too (Keras 2 style)
    assert_close(heavy.get_slot(v, "momentum"), np.float32([-0.1, -0.1]))


def test_large_variable_uses_parallel_path_and_matches():
    n = 300_001  # above the kernel's grain size
    x0 = RNG.standard_normal(n).astype(np.float32)
    g = RNG.standard_normal(n).astype(np.float32)
    var = tf.Variable(x0)
    optimizers.Adam(0.01).apply_gradients([(tf.constant(g), var)])
    assert_close(var, ref_adam(x0.astype(np.float64), [g.astype(np.float64)], 0.01)[0],
                 rtol=2e-5, atol=2e-5)


def test_none_gradients_are_skipped_and_all_none_raises():
    a, b = tf.Variable([1.0]), tf.Variable([2.0])
    opt = optimizers.SGD(1.0)
    opt.apply_gradients([(None, a), (tf.constant([0.5]), b)])
    assert_close(a, np.float32([1.0]))
    assert_close(b, np.float32([1.5]))
    with pytest.raises(ValueError, match="No gradients provided"):
        opt.apply_gradients([(None, a)])


def test_minimize_with_callable_and_with_tape():
    x = tf.Variable(3.0)
    opt = optimizers.SGD(0.1)
    opt.minimize(lambda: x * x, [x])
    assert_close(x, np.float32(3.0 - 0.1 * 6.0))
    with tf.GradientTape() as tape:
        loss = x * x
    opt.minimize(loss, [x], tape=tape)
    assert_close(x, np.float32(2.4 - 0.1 * 4.8))
    with pytest.raises(ValueError, match="tape"):
        opt.minimize(x * x, [x])


def test_nadam_docstring_example():
    var = tf.Variable(10.0)
    opt = optimizers.Nadam(learning_rate=0.2)
    opt.minimize(lambda: (var ** 2) / 2.0, [var])
    assert "{:.1f}".format(var.numpy()) == "9.8"


def test_clipping():
    g = np.float32([3.0, 4.0])  # norm 5
    for kwargs, expected in [({"clipvalue": 1.0}, [1.0, 1.0]),
                             ({"clipnorm": 1.0}, [0.6, 0.8]),
                             ({"clipnorm": 10.0}, [3.0, 4.0])]:
        v = tf.Variable([0.0, 0.0])
        optimizers.SGD(1.0, **kwargs).apply_gradients([(tf.constant(g), v)])
        assert_close(v, -np.float32(expected), rtol=1e-6)
    a, b = tf.Variable([0.0]), tf.Variable([0.0])
    optimizers.SGD(1.0, global_clipnorm=1.0).apply_gradients(
        [(tf.constant([3.0]), a), (tf.constant([4.0]), b)])
    assert_close(a, np.float32([-0.6]), rtol=1e-6)
    assert_close(b, np.float32([-0.8]), rtol=1e-6)
    with pytest.raises(ValueError, match="Only one of"):
        optimizers.SGD(clipnorm=1.0, clipvalue=1.0)


def test_weight_decay_and_exclusion():
    a, b = tf.Variable([1.0]), tf.Variable([1.0], name="bias")
    opt = optimizers.SGD(0.1, weight_decay=0.5)
    opt.exclude_from_weight_decay(var_names=["bias"])
    opt.apply_gradients([(tf.constant([0.0]), a), (tf.constant([0.0]), b)])
    assert_close(a, np.float32([1.0 - 0.05]))
    assert_close(b, np.float32([1.0]))


def test_learning_rate_settable_legacy_lr_and_decay():
    opt = optimizers.Adam(lr=0.5)
    assert_close(opt.learning_rate, np.float32(0.5))
    opt.learning_rate = 0.25
    assert_close(opt.lr, np.float32(0.25))
    opt.lr = 0.125
    assert float(opt.learning_rate.numpy()) == 0.125
    # Keras 2 `decay`: lr / (1 + decay * iterations)
    v = tf.Variable([0.0])
    sgd = optimizers.SGD(1.0, decay=1.0)
    for _ in range(3):
        sgd.apply_gradients([(tf.constant([1.0]), v)])
    assert_close(v, np.float32([-(1.0 + 0.5 + 1.0 / 3.0)]))


def test_schedule_as_learning_rate_is_evaluated_at_iterations():
    schedule = schedules.PiecewiseConstantDecay([1], [1.0, 0.1])
    v = tf.Variable([0.0])
    opt = optimizers.SGD(schedule)
    for _ in range(3):
        opt.apply_gradients([(tf.constant([1.0]), v)])
    assert_close(v, np.float32([-(1.0 + 1.0 + 0.1)]))  # steps 0 and 1 use 1.0
    assert_close(opt.learning_rate, np.float32(0.1))
    with pytest.raises(TypeError, match="not settable"):
        opt.learning_rate = 0.5


def test_schedules_values():
    exp = schedules.ExponentialDecay(0.1, decay_steps=10, decay_rate=0.5)
    stair = schedules.ExponentialDecay(0.1, decay_steps=10, decay_rate=0.5, staircase=True)
    for step in [0, 5, 10, 15, 25]:
        assert_close(exp(step), np.float32(0.1 * 0.5 ** (step / 10)), rtol=1e-6)
        assert_close(stair(step), np.float32(0.1 * 0.5 ** (step // 10)), rtol=1e-6)
    pw = schedules.PiecewiseConstantDecay([10, 20], [1.0, 0.5, 0.1])
    assert [float(pw(s)) for s in (0, 10, 11, 20, 21)] == pytest.approx([1, 1, .5, .5, .1])
    poly = schedules.PolynomialDecay(1.0, 10, end_learning_rate=0.1, power=2.0)
    for step in [0, 3, 10, 20]:
        p = min(step, 10) / 10
        assert_close(poly(step), np.float32(0.9 * (1 - p) ** 2 + 0.1), rtol=1e-6)
    cyc = schedules.PolynomialDecay(1.0, 10, end_learning_rate=0.0, cycle=True)
    assert_close(cyc(15), np.float32(1 - 15 / 20), rtol=1e-6)
    inv = schedules.InverseTimeDecay(1.0, 10, 0.5, staircase=True)
    assert_close(inv(25), np.float32(1 / (1 + 0.5 * 2)), rtol=1e-6)
    cos = schedules.CosineDecay(1.0, 100, alpha=0.1)
    for step in [0, 50, 100, 200]:
        c = 0.5 * (1 + np.cos(np.pi * min(step, 100) / 100))
        assert_close(cos(step), np.float32(0.9 * c + 0.1), rtol=1e-6, atol=1e-7)
    warm = schedules.CosineDecay(0.0, 100, warmup_target=1.0, warmup_steps=10)
    assert_close(warm(5), np.float32(0.5), rtol=1e-6)
    assert_close(warm(10), np.float32(1.0), rtol=1e-6)
    assert exp(3).dtype == tf.float32
    assert_close(exp(tf.Variable(np.int64(10))), np.float32(0.05), rtol=1e-6)
    with pytest.raises(ValueError):
        schedules.PiecewiseConstantDecay([1, 2], [1.0])
    config = schedules.serialize(stair)
    again = schedules.deserialize(config)
    assert again.staircase and float(again(25)) == pytest.approx(float(stair(25)))


def test_get_serialize_deserialize():
    assert isinstance(optimizers.get("adam"), optimizers.Adam)
    assert isinstance(optimizers.get("RMSprop"), optimizers.RMSprop)
    for name in ["sgd", "adagrad", "adadelta", "adamax", "nadam", "adamw"]:
        assert optimizers.get(name).__class__.__name__.lower() == name
    opt = optimizers.Adam(0.01, amsgrad=True, clipnorm=2.0)
    assert optimizers.get(opt) is opt
    config = optimizers.serialize(opt)
    again = optimizers.get(config)
    assert isinstance(again, optimizers.Adam) and again.amsgrad and again.clipnorm == 2.0
    assert float(again.learning_rate.numpy()) == pytest.approx(0.01)
    sched = optimizers.RMSprop(schedules.ExponentialDecay(0.1, 10, 0.9))
    again = optimizers.deserialize(optimizers.serialize(sched))
    assert isinstance(again._learning_rate, schedules.ExponentialDecay)
    with pytest.raises(ValueError, match="nosuchopt"):
        optimizers.get("nosuchopt")
    with pytest.raises(ValueError, match="not recognized"):
        optimizers.Adam(bogus=1)
    assert optimizers.legacy.Adam is optimizers.Adam


def test_bad_inputs_raise_not_crash():
    v = tf.Variable(np.zeros((2, 3), np.float32))
    with pytest.raises(tf.errors.InvalidArgumentError, match=r"\[apply_adam\].*\(2, 3\)"):
        optimizers.Adam().apply_gradients([(tf.constant(np.ones((3, 2), np.float32)), v)])
    iv = tf.Variable([1, 2])
    with pytest.raises(TypeError):
        optimizers.SGD().apply_gradients([(tf.constant([1, 1]), iv)])
    proc = run_isolated("""
        import fasttf as tf, numpy as np
        v = tf.Variable(np.zeros(4, np.float32))
        for bad in [np.ones(5, np.float32), np.ones((2, 2), np.float32), np.ones(0)]:
            try:
                tf._C.apply_adam([v], [bad], [v], [v], None, 0.1, 0.9, 0.999, 1e-7, 1, None)
            except (ValueError, TypeError):
                pass
        try:
            tf._C.apply_adam([v], [np.ones(4, np.float32)], [], [], None, 0.1, .9, .9, 1e-7, 0, None)
        except ValueError:
            pass
        print("ok")
    """)
    assert proc.returncode == 0 and "ok" in proc.stdout, proc.stderr


def test_notes_optimizer_built_every_step_is_cheap_and_works():
    w = tf.Variable(np.ones((4, 2), np.float32))
    for _ in range(3):
        lr = schedules.ExponentialDecay(1e-1, decay_steps=100000, decay_rate=0.96,
                                        staircase=True)
        opt = optimizers.RMSprop(learning_rate=lr)
        opt.apply_gradients(zip([tf.ones([4, 2])], [w]))
    # each fresh RMSprop takes a first step of lr * g / sqrt(0.1 g² + eps)
    step = 0.1 / np.sqrt(0.1 + 1e-7)
    assert_close(w, np.full((4, 2), 1.0 - 3 * step, np.float32), rtol=1e-5)


def _mnist_path():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    return os.path.join(root, "..", "shared", "datasets", "mnist.npz")


@pytest.mark.slow
def test_notes_handwritten_mnist_loop_reaches_85_percent():
    """Section 4.6 of the notes: tf.data pipeline, 784-256-10 MLP, CategoricalCrossentropy from
    logits, RMSprop with an ExponentialDecay schedule (built once here), batch 100."""
    path = _mnist_path()
    if not os.path.exists(path):
        pytest.skip("mnist.npz not available")
    with np.load(path) as data:
        x, y = data["x_train"][:5000], data["y_train"][:5000]
        x_test, y_test = data["x_test"][:2000], data["y_test"][:2000]
    tf.random.set_seed(0)

    def preprocess(x, y):
        x = tf.cast(x, tf.float32)
        x = tf.reshape(x, [-1, 28 * 28])
        x = x / 255
        y = tf.cast(y, dtype=tf.int64)
        y = tf.one_hot(y, depth=10)
        return x, y

    train_db = tf.data.Dataset.from_tensor_slices((x, y)).shuffle(1000).batch(100)
    train_db = train_db.map(preprocess)
    w1 = tf.Variable(tf.random.truncated_normal(shape=[28 * 28, 256], stddev=0.1))
    b1 = tf.Variable(tf.zeros([256]))
    w2 = tf.Variable(tf.random.truncated_normal(shape=(256, 10), stddev=0.1))
    b2 = tf.Variable(tf.zeros([10]))
    variables = [w1, b1, w2, b2]

    def train(x):
        h1 = tf.nn.relu(x @ w1 + b1)
        return h1 @ w2 + b2

    lr_schedule = tf.keras.optimizers.schedules.ExponentialDecay(
        initial_learning_rate=1e-3, decay_steps=100000, decay_rate=0.96, staircase=True)
    optimizer = tf.keras.optimizers.RMSprop(learning_rate=lr_schedule)
    for epoch in range(2):
        for step, (xb, yb) in enumerate(train_db):
            with tf.GradientTape() as tape:
                out = train(xb)
                loss = tf.losses.CategoricalCrossentropy(from_logits=True)(yb, out)
            grads = tape.gradient(loss, variables)
            optimizer.apply_gradients(zip(grads, variables))
    assert int(optimizer.iterations.numpy()) == 100
    out = train(tf.constant(x_test.reshape(-1, 784).astype(np.float32) / 255))
    accuracy = np.mean(np.argmax(out.numpy(), axis=1) == y_test)
    assert accuracy > 0.85, accuracy


def test_custom_keras3_style_optimizer_uses_update_step():
    class PlainSGD(optimizers.Optimizer):
        def __init__(self, learning_rate=0.5):
            super().__init__(learning_rate=learning_rate, name="plain")

        def build(self, var_list):
            super().build(var_list)
            self.counts = [self.add_variable_from_reference(v, "count") for v in var_list]

        def update_step(self, gradient, variable, learning_rate):
            variable.assign_sub(gradient * learning_rate)
            self.counts[self._get_variable_index(variable)].assign_add(tf.ones_like(variable))

    v = tf.Variable([1.0, 2.0])
    opt = PlainSGD()
    opt.apply_gradients([(tf.constant([1.0, 1.0]), v)])
    opt.apply_gradients([(tf.constant([1.0, 1.0]), v)])
    assert_close(v, np.float32([0.0, 1.0]))
    assert_close(opt.counts[0], np.float32([2.0, 2.0]))


def test_exponential_moving_average():
    v = tf.Variable([0.0])
    opt = optimizers.SGD(1.0, use_ema=True, ema_momentum=0.5)
    for _ in range(2):
        opt.apply_gradients([(tf.constant([-1.0]), v)])
    assert_close(v, np.float32([2.0]))
    opt.finalize_variable_values([v])
    assert_close(v, np.float32([(0 * 0.5 + 1 * 0.5) * 0.5 + 2 * 0.5]))  # average 1.25
