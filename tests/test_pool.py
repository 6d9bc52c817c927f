"""tf.nn max/avg pooling (1-D, 2-D, generic names) against NumPy float64 references, their
gradients (max routes to the first maximum, avg spreads over valid elements) and bad inputs."""

import itertools

import numpy as np
import pytest

import fasttf as tf
from fasttf import nn_conv as nn
from helpers import assert_close, check_grad, run_isolated

RNG = np.random.default_rng(7)


def pads_for(size, k, stride, padding):
    if padding == "VALID":
        return 0, 0
    out = -(-size // stride)
    total = max((out - 1) * stride + k - size, 0)
    return total // 2, total - total // 2


def ref_pool2d(x, ksize, strides, padding, kind):
    (kh, kw), (sh, sw) = ksize, strides
    N, H, W, C = x.shape
    pt, pb = pads_for(H, kh, sh, padding)
    pl, pr = pads_for(W, kw, sw, padding)
    fill = -np.inf if kind == "max" else np.nan
    xp = np.pad(x, ((0, 0), (pt, pb), (pl, pr), (0, 0)), constant_values=fill)
    Ho = (H + pt + pb - kh) // sh + 1
    Wo = (W + pl + pr - kw) // sw + 1
    out = np.zeros((N, Ho, Wo, C))
    for i in range(Ho):
        for j in range(Wo):
            win = xp[:, i * sh:i * sh + kh, j * sw:j * sw + kw, :]
            out[:, i, j] = win.max(axis=(1, 2)) if kind == "max" else np.nanmean(win, axis=(1, 2))
    return out


CASES = list(itertools.product(["max", "avg"], [(2, 2), (3, 3), (2, 3), (1, 1)],
                               [(1, 1), (2, 2), (3, 1)], ["SAME", "VALID"], [1, 3]))


@pytest.mark.parametrize("kind,ksize,strides,padding,batch", CASES)
def test_pool2d_matches_numpy(kind, ksize, strides, padding, batch):
    x = RNG.standard_normal((batch, 7, 8, 5))
    fn = nn.max_pool2d if kind == "max" else nn.avg_pool2d
    expected = ref_pool2d(x, ksize, strides, padding, kind)
    assert_close(fn(x, list(ksize), list(strides), padding), expected)
    assert_close(fn(x.astype(np.float32), list(ksize), list(strides), padding), expected,
                 rtol=1e-5, atol=1e-5)


def test_pool_forms_of_arguments():
    x = RNG.standard_normal((2, 9, 9, 70))  # more channels than one kernel block
    expected = ref_pool2d(x, (3, 3), (2, 2), "SAME", "max")
    assert_close(nn.max_pool2d(x, 3, 2, "SAME"), expected)
    assert_close(nn.max_pool2d(x, [1, 3, 3, 1], [1, 2, 2, 1], "SAME"), expected)
    assert_close(nn.max_pool(x, [3], [2], "SAME"), expected)
    xc = x.transpose(0, 3, 1, 2)
    assert_close(nn.avg_pool2d(xc, 3, 2, "SAME", data_format="NCHW"),
                 ref_pool2d(x, (3, 3), (2, 2), "SAME", "avg").transpose(0, 3, 1, 2))


def test_avg_pool_same_counts_only_valid_elements():
    x = np.ones((1, 3, 3, 1))
    # Every window average is exactly 1 when padding is not counted.
    assert_close(nn.avg_pool2d(x, 2, 1, "SAME"), np.ones((1, 3, 3, 1)))
    x = np.arange(9.0).reshape(1, 3, 3, 1)
    assert nn.avg_pool2d(x, 2, 2, "SAME").numpy()[0, 1, 1, 0] == 8.0


def test_pool1d_and_generic_names():
    x = RNG.standard_normal((2, 11, 3))
    expected = ref_pool2d(x[:, None], (1, 3), (1, 2), "SAME", "max")[:, 0]
    assert_close(nn.max_pool1d(x, 3, 2, "SAME"), expected)
    assert_close(nn.max_pool(x, 3, 2, "SAME"), expected)
    expected = ref_pool2d(x[:, None], (1, 2), (1, 2), "VALID", "avg")[:, 0]
    assert_close(nn.avg_pool1d(x, 2, 2, "VALID"), expected)
    assert_close(nn.avg_pool(x, [2], [2], "VALID"), expected)
    assert_close(nn.avg_pool1d(x.transpose(0, 2, 1), 2, 2, "VALID", data_format="NCW"),
                 expected.transpose(0, 2, 1))


def test_max_pool_explicit_padding():
    x = RNG.standard_normal((1, 5, 6, 2))
    got = nn.max_pool2d(x, 3, 2, [[0, 0], [1, 1], [2, 0], [0, 0]])
    xp = np.pad(x, ((0, 0), (1, 1), (2, 0), (0, 0)), constant_values=-np.inf)
    assert_close(got, ref_pool2d(xp, (3, 3), (2, 2), "VALID", "max"))


def test_pool_float16():
    x = RNG.standard_normal((1, 4, 4, 3)).astype(np.float16)
    got = nn.max_pool2d(x, 2, 2, "VALID")
    assert got.dtype == tf.float16
    assert_close(got, ref_pool2d(x.astype(np.float64), (2, 2), (2, 2), "VALID", "max"),
                 rtol=1e-3, atol=1e-3)


@pytest.mark.parametrize("ksize,strides,padding", [(2, 2, "VALID"), (3, 2, "SAME"),
                                                   (3, 1, "SAME"), ([2, 3], [1, 2], "VALID")])
def test_pool_gradients(ksize, strides, padding):
    # Distinct values keep the max pool's central differences away from ties.
    x = RNG.permutation(2 * 6 * 7 * 3).reshape(2, 6, 7, 3) / 10.0
    check_grad(lambda a: nn.max_pool2d(a, ksize, strides, padding), [x])
    check_grad(lambda a: nn.avg_pool2d(a, ksize, strides, padding), [x])


def test_max_pool_gradient_goes_to_the_first_maximum():
    x = tf.constant(np.array([[1.0, 3.0, 3.0], [3.0, 0.0, 3.0], [0.0, 0.0, 0.0]]).reshape(1, 3, 3, 1))
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = nn.max_pool2d(x, 2, 1, "VALID")
    g = tape.gradient(y, x).numpy().reshape(3, 3)
    # Windows (0,0) and (0,1) both pick position (0,1); windows (1,0) picks (1,0), (1,1) picks (1,2).
    np.testing.assert_array_equal(g, [[0, 2, 0], [1, 0, 1], [0, 0, 0]])


def test_avg_pool_gradient_spreads_and_second_order():
    x = tf.constant(np.ones((1, 3, 3, 1)))
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = nn.avg_pool2d(x, 2, 2, "SAME")
    g = tape.gradient(y, x).numpy().reshape(3, 3)
    np.testing.assert_allclose(g, [[0.25, 0.25, 0.5], [0.25, 0.25, 0.5], [0.5, 0.5, 1.0]])
    check_grad(lambda d: tf._C.avg_pool2d_grad([1, 5, 5, 2], d, [3, 3], [2, 2], "SAME", []),
               [RNG.standard_normal((1, 3, 3, 2))])


def test_pool_errors():
    x = np.zeros((1, 4, 4, 2), np.float32)
    with pytest.raises(tf.errors.InvalidArgumentError, match=r"\[max_pool2d\] input must be rank 4"):
        nn.max_pool2d(np.zeros((4, 4, 2), np.float32), 2, 2, "VALID")
    with pytest.raises(tf.errors.InvalidArgumentError, match="larger than the input"):
        nn.max_pool2d(x, 5, 1, "VALID")
    with pytest.raises(tf.errors.InvalidArgumentError, match="strides must be positive"):
        nn.avg_pool2d(x, 2, 0, "VALID")
    with pytest.raises(tf.errors.InvalidArgumentError, match="window height must be positive"):
        nn.avg_pool2d(x, 0, 1, "VALID")
    with pytest.raises(tf.errors.InvalidArgumentError, match="batch and channel"):
        nn.max_pool2d(x, [2, 2, 2, 1], 1, "VALID")
    with pytest.raises(TypeError, match=r"\[avg_pool2d\] expects a float"):
        nn.avg_pool2d(np.zeros((1, 4, 4, 2), np.int32), 2, 2, "VALID")
    with pytest.raises(tf.errors.InvalidArgumentError, match="smaller than the window"):
        nn.max_pool2d(x, 2, 1, [[0, 0], [2, 0], [0, 0], [0, 0]])
    with pytest.raises(tf.errors.InvalidArgumentError, match="explicit padding is not supported"):
        nn.avg_pool2d(x, 2, 1, [[0, 0], [1, 0], [0, 0], [0, 0]])
    with pytest.raises(ValueError, match="data_format"):
        nn.max_pool2d(x, 2, 2, "VALID", data_format="NHCW")
    with pytest.raises(NotImplementedError):
        nn.max_pool(np.zeros((1, 2, 2, 2, 1), np.float32), 2, 2, "VALID")


def test_hostile_pool_arguments_never_crash():
    proc = run_isolated("""
        import numpy as np
        from fasttf import _C
        x = np.zeros((1, 4, 4, 2), np.float32)
        calls = [
            lambda: _C.max_pool2d(x, [2**62, 2], [1, 1], "SAME", []),
            lambda: _C.max_pool2d(x, [2, 2], [2**62, 1], "SAME", []),
            lambda: _C.max_pool2d(x, [2, 2], [1, 1], "EXPLICIT", [-1, 0, 0, 0]),
            lambda: _C.max_pool2d(x, [2, 2], [1, 1], "EXPLICIT", [0, 0]),
            lambda: _C.max_pool2d_grad(x, x, np.zeros((1, 2, 2, 2), np.float32), [2, 2], [1, 1], "VALID", []),
            lambda: _C.max_pool2d_grad(x, np.zeros((1, 3, 3, 2), np.float32), np.zeros((1, 3, 3, 2), np.float64), [2, 2], [1, 1], "VALID", []),
            lambda: _C.max_pool2d_grad(x, np.zeros((1, 2, 3, 2), np.float32), np.zeros((1, 3, 3, 2), np.float32), [2, 2], [1, 1], "VALID", []),
            lambda: _C.avg_pool2d_grad([1, -4, 4, 2], np.zeros((1, 3, 3, 2), np.float32), [2, 2], [1, 1], "VALID", []),
            lambda: _C.avg_pool2d_grad([1, 4], np.zeros((1, 3, 3, 2), np.float32), [2, 2], [1, 1], "VALID", []),
        ]
        for call in calls:
            try:
                call()
                print("no error")
            except (ValueError, TypeError) as e:
                print(type(e).__name__, str(e)[:80])
        print("survived")
    """)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert lines[-1] == "survived" and "no error" not in lines, proc.stdout
