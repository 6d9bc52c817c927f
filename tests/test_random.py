"""tf.random: distributions, TF's seed rules, determinism and bad arguments."""

import os
import subprocess
import sys

import numpy as np
import pytest

import fasttf as tf


def test_normal_moments_and_dtype():
    tf.random.set_seed(1)
    x = tf.random.normal([200000], mean=10, stddev=2)
    assert x.dtype == tf.float32 and x.shape == [200000]
    v = x.numpy().astype(np.float64)
    assert abs(v.mean() - 10) < 0.03 and abs(v.std() - 2) < 0.03
    # standard normal: about 68.3% within one stddev, symmetric
    z = (v - 10) / 2
    assert abs(np.mean(np.abs(z) < 1) - 0.6827) < 0.01
    assert abs(np.mean(z > 0) - 0.5) < 0.01


def test_normal_float64_and_half():
    tf.random.set_seed(2)
    x = tf.random.normal([100000], dtype=tf.float64).numpy()
    assert x.dtype == np.float64 and abs(x.mean()) < 0.02 and abs(x.std() - 1) < 0.02
    h = tf.random.normal([1000], dtype=tf.float16)
    assert h.dtype == tf.float16
    b = tf.random.normal([1000], dtype=tf.bfloat16)
    assert b.dtype == tf.bfloat16 and abs(b.numpy().mean()) < 0.2


def test_uniform_float_range_and_mean():
    tf.random.set_seed(3)
    a = tf.random.uniform([4, 4], minval=0, maxval=100)
    assert a.shape == (4, 4) and a.dtype == tf.float32
    x = tf.random.uniform([100000], minval=-2, maxval=3, dtype=tf.float64).numpy()
    assert x.min() >= -2 and x.max() < 3
    assert abs(x.mean() - 0.5) < 0.03
    # ten equal bins each hold about a tenth
    counts = np.histogram(x, bins=10, range=(-2, 3))[0]
    assert np.all(np.abs(counts / x.size - 0.1) < 0.01)
    u = tf.random.uniform([2, 2]).numpy()
    assert np.all((u >= 0) & (u < 1))


def test_uniform_int():
    tf.random.set_seed(4)
    x = tf.random.uniform([100000], minval=0, maxval=10, dtype=tf.int64)
    assert x.dtype == tf.int64
    v = x.numpy()
    assert v.min() == 0 and v.max() == 9
    assert np.all(np.abs(np.bincount(v) / v.size - 0.1) < 0.01)
    y = tf.random.uniform([1000], minval=-5, maxval=-2, dtype=tf.int32).numpy()
    assert y.dtype == np.int32 and set(np.unique(y)) == {-5, -4, -3}
    z = tf.random.uniform([1000], minval=-2**62, maxval=2**62, dtype=tf.int64).numpy()
    assert z.min() < -2**60 and z.max() > 2**60


def test_uniform_int_needs_maxval_and_order():
    with pytest.raises(ValueError, match="maxval"):
        tf.random.uniform([3], dtype=tf.int32)
    with pytest.raises(ValueError, match="minval < maxval"):
        tf.random.uniform([3], minval=5, maxval=5, dtype=tf.int32)
    with pytest.raises((TypeError, ValueError)):
        tf.random.normal([3], dtype=tf.int32)
    with pytest.raises(ValueError):
        tf.random.normal([-1, 3])


def test_truncated_normal_within_two_stddev():
    tf.random.set_seed(5)
    x = tf.random.truncated_normal([100000], mean=1.0, stddev=3.0).numpy().astype(np.float64)
    assert np.all(np.abs(x - 1.0) <= 6.0 + 1e-5)
    # truncated at 2 sigma the standard deviation is 0.8796 sigma
    assert abs(x.std() - 0.8796 * 3) < 0.03
    assert abs(x.mean() - 1.0) < 0.03


def test_global_seed_reproduces_program_sequence():
    tf.random.set_seed(1234)
    a1, b1 = tf.random.uniform([5]), tf.random.normal([5])
    tf.random.set_seed(1234)
    a2, b2 = tf.random.uniform([5]), tf.random.normal([5])
    np.testing.assert_array_equal(a1.numpy(), a2.numpy())
    np.testing.assert_array_equal(b1.numpy(), b2.numpy())
    # consecutive calls differ
    assert not np.array_equal(a1.numpy(), tf.random.uniform([5]).numpy())
    tf.random.set_seed(4321)
    assert not np.array_equal(a1.numpy(), tf.random.uniform([5]).numpy())


def test_op_seed_sequence_per_call_count():
    tf.random.set_seed(7)
    first, second = tf.random.uniform([4], seed=1), tf.random.uniform([4], seed=1)
    assert not np.array_equal(first.numpy(), second.numpy())
    tf.random.set_seed(7)
    np.testing.assert_array_equal(tf.random.uniform([4], seed=1).numpy(), first.numpy())
    np.testing.assert_array_equal(tf.random.uniform([4], seed=1).numpy(), second.numpy())


def test_no_seed_is_random():
    tf.random.set_seed(None)
    a, b = tf.random.normal([8]).numpy(), tf.random.normal([8]).numpy()
    assert not np.array_equal(a, b)


def test_stateless_is_deterministic():
    a = tf.random.stateless_normal([3, 4], seed=[1, 2])
    b = tf.random.stateless_normal([3, 4], seed=[1, 2])
    c = tf.random.stateless_normal([3, 4], seed=[1, 3])
    np.testing.assert_array_equal(a.numpy(), b.numpy())
    assert not np.array_equal(a.numpy(), c.numpy())
    u = tf.random.stateless_uniform([1000], seed=tf.constant([5, 6]), minval=2, maxval=4)
    assert u.numpy().min() >= 2 and u.numpy().max() < 4
    np.testing.assert_array_equal(
        u.numpy(), tf.random.stateless_uniform([1000], seed=[5, 6], minval=2, maxval=4).numpy())
    i = tf.random.stateless_uniform([10], seed=[1, 1], minval=0, maxval=3, dtype=tf.int32)
    assert set(i.numpy().tolist()) <= {0, 1, 2}
    with pytest.raises(ValueError):
        tf.random.stateless_normal([2], seed=[1, 2, 3])


def test_prefix_property_and_large_parallel_output():
    # Counter-based: element i depends only on i, so a longer draw starts with the shorter one
    # (thread-count independence in practice).
    a = tf.random.stateless_normal([10], seed=[9, 9]).numpy()
    b = tf.random.stateless_normal([1 << 20], seed=[9, 9]).numpy()
    np.testing.assert_array_equal(a, b[:10])
    assert abs(b.astype(np.float64).mean()) < 0.005
    u = tf.random.stateless_uniform([2, 5], seed=[9, 9]).numpy().reshape(-1)
    np.testing.assert_array_equal(
        u, tf.random.stateless_uniform([10], seed=[9, 9]).numpy())


def test_shuffle():
    tf.random.set_seed(11)
    x = tf.reshape(tf.range(20), [10, 2])
    y = tf.random.shuffle(x)
    assert y.shape == (10, 2) and y.dtype == tf.int32
    rows = y.numpy()
    assert sorted(rows[:, 0].tolist()) == list(range(0, 20, 2))
    np.testing.assert_array_equal(rows[:, 1], rows[:, 0] + 1)  # rows moved whole
    tf.random.set_seed(11)
    np.testing.assert_array_equal(tf.random.shuffle(x).numpy(), rows)
    # a shuffle of 1000 elements is almost surely not the identity
    big = tf.random.shuffle(tf.range(1000)).numpy()
    assert sorted(big.tolist()) == list(range(1000)) and not np.array_equal(big, np.arange(1000))
    # non-contiguous input, scalar, empty
    t = tf.transpose(tf.reshape(tf.range(6), [2, 3]))
    assert sorted(tf.random.shuffle(t).numpy().tolist()) == [[0, 3], [1, 4], [2, 5]]
    assert int(tf.random.shuffle(tf.constant(5))) == 5
    assert tf.random.shuffle(tf.zeros([0, 3])).shape == (0, 3)


def test_categorical():
    tf.random.set_seed(12)
    logits = tf.math.log(tf.constant([[0.1, 0.2, 0.7], [1.0, 0.0, 0.0]]))
    s = tf.random.categorical(logits, 20000)
    assert s.dtype == tf.int64 and s.shape == (2, 20000)
    freq = np.bincount(s.numpy()[0], minlength=3) / 20000
    np.testing.assert_allclose(freq, [0.1, 0.2, 0.7], atol=0.015)
    assert np.all(s.numpy()[1] == 0)  # log(0) = -inf never drawn
    s32 = tf.random.categorical(tf.zeros([3, 4]), 5, dtype=tf.int32)
    assert s32.dtype == tf.int32 and s32.shape == (3, 5)
    with pytest.raises(ValueError):
        tf.random.categorical(tf.zeros([4]), 2)


def test_generator():
    g1, g2 = tf.random.Generator.from_seed(3), tf.random.Generator.from_seed(3)
    a = g1.normal([4])
    np.testing.assert_array_equal(a.numpy(), g2.normal([4]).numpy())
    assert not np.array_equal(a.numpy(), g1.normal([4]).numpy())
    u = g1.uniform([100], minval=1, maxval=2).numpy()
    assert u.min() >= 1 and u.max() < 2


def test_tensor_mean_stddev_and_shape_tensor():
    tf.random.set_seed(13)
    x = tf.random.normal(tf.constant([3, 2]), mean=tf.constant([0.0, 100.0]),
                         stddev=tf.constant(0.001))
    assert x.shape == (3, 2)
    np.testing.assert_allclose(x.numpy()[:, 1], 100.0, atol=0.1)
    np.testing.assert_allclose(x.numpy()[:, 0], 0.0, atol=0.1)


def test_gradient_through_mean_and_stddev():
    mean, std = tf.Variable(1.0), tf.Variable(2.0)
    with tf.GradientTape() as tape:
        x = tf.random.normal([1000], mean=mean, stddev=std, seed=1)
        loss = tf.reduce_sum(x)
    gm, gs = tape.gradient(loss, [mean, std])
    assert float(gm) == 1000.0
    z = (x.numpy() - 1.0) / 2.0
    np.testing.assert_allclose(float(gs), z.sum(), rtol=1e-3, atol=1e-2)


def test_same_values_for_any_thread_count():
    code = ("import fasttf as tf, hashlib;"
            "x = tf.random.stateless_normal([1 << 20], seed=[4, 2]).numpy();"
            "y = tf.random.stateless_uniform([300001], seed=[4, 2], maxval=9,"
            "                                dtype=tf.int64).numpy();"
            "print(hashlib.sha1(x.tobytes() + y.tobytes()).hexdigest())")
    digests = set()
    for threads in ("1", "2", "3"):
        env = dict(os.environ, OMP_NUM_THREADS=threads)
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              env=env, timeout=60)
        assert proc.returncode == 0, proc.stderr
        digests.add(proc.stdout.strip())
    assert len(digests) == 1
