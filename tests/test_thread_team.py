"""The kernels' thread team under concurrent callers: Python threads (tf.data's, the user's)
calling parallel kernels at the same time get exact results; one of them runs its region while
the others run theirs alone."""

import threading

import numpy as np

import fasttf as tf


def test_concurrent_callers_get_exact_results():
    rng = np.random.default_rng(0)
    a = rng.random((300, 200), dtype=np.float32)
    b = rng.random((200, 250), dtype=np.float32)
    x = rng.random(1 << 20, dtype=np.float32)
    fa, fb, fx = tf.constant(a), tf.constant(b), tf.constant(x)
    # The serial results are the reference: every thread count gives the same bits.
    want_product = tf.matmul(fa, fb).numpy()
    want_sum = tf.reduce_sum(fx).numpy()
    want_exp = tf.exp(fx).numpy()
    failures = []

    def work():
        for _ in range(20):
            if not np.array_equal(tf.matmul(fa, fb).numpy(), want_product):
                failures.append("matmul")
            if tf.reduce_sum(fx).numpy() != want_sum:
                failures.append("reduce_sum")
            if not np.array_equal(tf.exp(fx).numpy(), want_exp):
                failures.append("exp")

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    np.testing.assert_allclose(want_product, a @ b, rtol=1e-4)


def test_kernels_inside_dataset_map_threads():
    data = np.arange(64 * 4096, dtype=np.float32).reshape(64, 4096)
    ds = tf.data.Dataset.from_tensor_slices(data).map(
        lambda r: tf.reduce_sum(tf.exp(r * 0.0)), num_parallel_calls=4)
    assert [float(v) for v in ds] == [4096.0] * 64
