import numpy as np

import fasttf as tf
from helpers import check_grad


def test_chain_rule_example_from_the_notes():
    x, w1, b1, w2, b2 = (tf.constant(v) for v in (1.0, 2.0, 1.0, 2.0, 1.0))
    with tf.GradientTape(persistent=True) as tape:
        tape.watch([w1, b1, w2, b2])
        y1 = x * w1 + b1
        y2 = y1 * w2 + b2
    dy2_dy1 = tape.gradient(y2, [y1])[0]
    dy1_dw1 = tape.gradient(y1, [w1])[0]
    dy2_dw1 = tape.gradient(y2, [w1])[0]
    assert str(dy2_dy1 * dy1_dw1) == "tf.Tensor(2.0, shape=(), dtype=float32)"
    assert str(dy2_dw1) == "tf.Tensor(2.0, shape=(), dtype=float32)"


def test_matmul_bias_relu_gradient():
    rng = np.random.default_rng(1)
    x, w, b = rng.standard_normal((3, 4)), rng.standard_normal((4, 5)), rng.standard_normal(5)
    check_grad(lambda x, w, b: tf.maximum(tf.matmul(x, w) + b, tf.constant(0.0, tf.float64)),
               [x, w, b])
