"""The training fast paths: max-pool backward for non-overlapping windows (row-parallel, first
maximum wins), gradient rules skipping inputs that need no gradient, Conv2D's fused bias+ReLU."""

import numpy as np
import pytest

import fasttf as tf
from fasttf import _C
from fasttf.keras import layers


def _max_pool_grad_reference(x, dy, k, s, pad_top, pad_left, Ho, Wo):
    N, H, W, C = x.shape
    ref = np.zeros_like(x)
    for n in range(N):
        for oh in range(Ho):
            for ow in range(Wo):
                for c in range(C):
                    best = None
                    for ih in range(max(oh * s - pad_top, 0), min(oh * s - pad_top + k, H)):
                        for iw in range(max(ow * s - pad_left, 0), min(ow * s - pad_left + k, W)):
                            if best is None or x[n, ih, iw, c] > x[n, best[0], best[1], c]:
                                best = (ih, iw)
                    ref[n, best[0], best[1], c] += dy[n, oh, ow, c]
    return ref


@pytest.mark.parametrize("H,W,k,s,padding", [(5, 7, 2, 2, "SAME"), (5, 7, 2, 2, "VALID"),
                                             (6, 6, 2, 3, "VALID"), (7, 5, 3, 3, "SAME"),
                                             (6, 6, 3, 2, "SAME")])
def test_max_pool_grad_with_ties_matches_first_maximum_rule(H, W, k, s, padding):
    r = np.random.RandomState(1)
    x = r.randint(0, 3, size=(2, H, W, 3)).astype(np.float32)  # many ties
    y = _C.max_pool2d(tf.constant(x), [k, k], [s, s], padding, [])
    Ho, Wo = y.shape[1], y.shape[2]
    dy = r.rand(2, Ho, Wo, 3).astype(np.float32)
    dx = _C.max_pool2d_grad(tf.constant(x), y, tf.constant(dy), [k, k], [s, s], padding, [])
    pad_top = max((Ho - 1) * s + k - H, 0) // 2 if padding == "SAME" else 0
    pad_left = max((Wo - 1) * s + k - W, 0) // 2 if padding == "SAME" else 0
    np.testing.assert_array_equal(dx.numpy(),
                                  _max_pool_grad_reference(x, dy, k, s, pad_top, pad_left, Ho, Wo))


def test_skipped_input_gradients_leave_the_others_unchanged():
    r = np.random.RandomState(0)
    x = tf.constant(r.randn(3, 8, 8, 2).astype(np.float32))
    w = tf.Variable(r.randn(3, 3, 2, 4).astype(np.float32))
    m = tf.Variable(r.randn(144, 5).astype(np.float32))

    def loss():
        h = tf.reshape(tf.nn.relu(tf.nn.conv2d(x, w, 1, "VALID")), [3, -1])
        return tf.reduce_sum(tf.square(h @ m))

    with tf.GradientTape() as tape:  # x is plain data: its gradients are skipped
        data_only = loss()
    gw, gm = tape.gradient(data_only, [w, m])
    with tf.GradientTape() as tape:
        tape.watch(x)
        watched = loss()
    gx, gw2, gm2 = tape.gradient(watched, [x, w, m])
    np.testing.assert_array_equal(gw.numpy(), gw2.numpy())
    np.testing.assert_array_equal(gm.numpy(), gm2.numpy())
    # The input gradient, when asked for, is still computed: compare with float64 differences.
    assert gx.shape == x.shape and np.abs(gx.numpy()).sum() > 0
    h = np.maximum(0, tf.nn.conv2d(x, w, 1, "VALID").numpy().astype(np.float64)).reshape(3, -1)
    np.testing.assert_allclose(gm.numpy(), 2 * h.T @ (h @ m.numpy().astype(np.float64)),
                               rtol=1e-4, atol=1e-3)


def test_conv2d_layer_fused_bias_relu_matches_separate_ops():
    r = np.random.RandomState(0)
    x = tf.constant(r.randn(2, 7, 7, 3).astype(np.float32))
    layer = layers.Conv2D(4, 3, activation="relu")
    layer.build((2, 7, 7, 3))
    layer.bias.assign(r.randn(4).astype(np.float32))
    with tf.GradientTape(persistent=True) as tape:
        tape.watch(x)
        fused = tf.reduce_sum(tf.square(layer(x)))
        separate = tf.reduce_sum(tf.square(
            tf.nn.relu(tf.nn.conv2d(x, layer.kernel, 1, "VALID") + layer.bias)))
    np.testing.assert_allclose(fused.numpy(), separate.numpy(), rtol=1e-6)
    for a, b in zip(tape.gradient(fused, [x, layer.kernel, layer.bias]),
                    tape.gradient(separate, [x, layer.kernel, layer.bias])):
        np.testing.assert_allclose(a.numpy(), b.numpy(), rtol=1e-5, atol=1e-5)
