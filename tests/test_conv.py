"""tf.nn convolutions against straightforward NumPy float64 references, their gradients against
central differences, thread-count determinism, and the errors bad arguments raise."""

import itertools
import json
import os
import subprocess
import sys

import numpy as np
import pytest

import fasttf as tf
from fasttf import nn_conv as nn
from helpers import assert_close, check_grad, run_isolated

RNG = np.random.default_rng(1234)


def same_pads(size, k, stride, dilation):
    """TF's SAME padding: (before, after)."""
    effective = (k - 1) * dilation + 1
    out = -(-size // stride)
    total = max((out - 1) * stride + effective - size, 0)
    return total // 2, total - total // 2


def ref_conv2d(x, w, strides=(1, 1), padding="VALID", dilations=(1, 1)):
    """NHWC x, HWIO w; padding 'SAME', 'VALID' or ((top, bottom), (left, right))."""
    (sh, sw), (dh, dw) = strides, dilations
    _, H, W, _ = x.shape
    KH, KW, _, _ = w.shape
    if padding == "SAME":
        padding = (same_pads(H, KH, sh, dh), same_pads(W, KW, sw, dw))
    elif padding == "VALID":
        padding = ((0, 0), (0, 0))
    xp = np.pad(x, ((0, 0), padding[0], padding[1], (0, 0)))
    Ho = (xp.shape[1] - ((KH - 1) * dh + 1)) // sh + 1
    Wo = (xp.shape[2] - ((KW - 1) * dw + 1)) // sw + 1
    out = np.zeros((x.shape[0], Ho, Wo, w.shape[3]))
    for kh in range(KH):
        for kw in range(KW):
            patch = xp[:, kh * dh:kh * dh + (Ho - 1) * sh + 1:sh,
                       kw * dw:kw * dw + (Wo - 1) * sw + 1:sw, :]
            out += np.einsum("nhwc,co->nhwo", patch, w[kh, kw])
    return out


def ref_conv2d_transpose(x, w, out_shape, strides, padding):
    """The adjoint of ref_conv2d: w is (KH, KW, Cout, Cin)."""
    N, Ho, Wo, Cout = out_shape
    KH, KW = w.shape[:2]
    (sh, sw) = strides
    if padding == "SAME":
        pt, pl = same_pads(Ho, KH, sh, 1)[0], same_pads(Wo, KW, sw, 1)[0]
    else:
        pt = pl = 0
    big = np.zeros((N, Ho + 2 * KH + sh * x.shape[1], Wo + 2 * KW + sw * x.shape[2], Cout))
    for i in range(x.shape[1]):
        for j in range(x.shape[2]):
            for kh in range(KH):
                for kw in range(KW):
                    big[:, i * sh + kh, j * sw + kw, :] += x[:, i, j, :] @ w[kh, kw].T
    return big[:, pt:pt + Ho, pl:pl + Wo, :]


def ref_depthwise(x, w, strides, padding, dilations=(1, 1)):
    C, M = w.shape[2:]
    outs = [ref_conv2d(x[..., c:c + 1], w[:, :, c:c + 1, :], strides, padding, dilations)
            for c in range(C)]
    return np.concatenate(outs, axis=-1)


CASES = list(itertools.product([1, 2], ["SAME", "VALID"], [1, 2], [1, 3, 5], [1, 3, 8], [1, 3]))


@pytest.mark.parametrize("stride,padding,dilation,k,cin,batch", CASES)
def test_conv2d_matches_numpy(stride, padding, dilation, k, cin, batch):
    x = RNG.standard_normal((batch, 11, 9, cin))
    w = RNG.standard_normal((k, k, cin, 5))
    expected = ref_conv2d(x, w, (stride, stride), padding, (dilation, dilation))
    got64 = nn.conv2d(x, w, stride, padding, dilations=dilation)
    assert_close(got64, expected)
    got32 = nn.conv2d(x.astype(np.float32), w.astype(np.float32), [stride, stride], padding,
                      dilations=[dilation, dilation])
    assert_close(got32, expected, rtol=1e-4, atol=1e-4)


def test_conv2d_rectangular_strides_dilations_and_explicit_padding():
    x = RNG.standard_normal((2, 10, 13, 4))
    w = RNG.standard_normal((3, 2, 4, 6))
    got = nn.conv2d(x, w, [1, 2, 3, 1], [[0, 0], [2, 1], [0, 3], [0, 0]], dilations=[1, 2, 1, 1])
    assert_close(got, ref_conv2d(x, w, (2, 3), ((2, 1), (0, 3)), (2, 1)))


def test_conv2d_large_tiled_and_pointwise():
    # Big enough for several im2col tiles and the threaded filter-gradient groups.
    x = RNG.standard_normal((3, 23, 21, 16)).astype(np.float32)
    w = RNG.standard_normal((3, 3, 16, 24)).astype(np.float32)
    assert_close(nn.conv2d(x, w, 1, "SAME"), ref_conv2d(x.astype(np.float64), w, (1, 1), "SAME"),
                 rtol=1e-4, atol=1e-4)
    w1 = RNG.standard_normal((1, 1, 16, 8))
    assert_close(nn.conv2d(x.astype(np.float64), w1, 1, "VALID"),
                 ref_conv2d(x.astype(np.float64), w1))


@pytest.mark.parametrize("dtype,tol", [(np.float32, 2e-4), (np.float64, 1e-10)])
def test_conv2d_filter_packed_once_over_several_k_blocks(dtype, tol):
    # K = 3*3*50 = 450 spans two of the GEMM's K blocks (384 floats / 256 doubles) and Cout = 37
    # a full and a partial column panel: the filter packed once for all tiles must be laid out
    # as the GEMM reads each block. Forward, and the input gradient by both of its GEMM forms
    # (stride 1: the flipped-filter convolution; stride 2: dy·wᵀ and col2im).
    x = RNG.standard_normal((2, 9, 10, 50))
    w = RNG.standard_normal((3, 3, 50, 37)) * 0.1
    for strides in ((1, 1), (2, 2)):
        y_ref = ref_conv2d(x, w, strides, "SAME")
        dy = RNG.standard_normal(y_ref.shape)
        xt = tf.constant(x.astype(dtype))
        with tf.GradientTape() as tape:
            tape.watch(xt)
            y = nn.conv2d(xt, tf.constant(w.astype(dtype)), list(strides), "SAME")
            loss = tf.reduce_sum(y * tf.constant(dy.astype(dtype)))
        assert_close(y, y_ref, rtol=tol, atol=tol)
        dx_ref = ref_fused_gradients(x, w, np.zeros(37), dy, False, strides=strides,
                                     padding="SAME")[0]
        assert_close(tape.gradient(loss, xt), dx_ref, rtol=tol, atol=tol)


def test_conv2d_nchw_matches_nhwc():
    x = RNG.standard_normal((2, 3, 8, 7))  # NCHW
    w = RNG.standard_normal((3, 3, 3, 4))
    got = nn.conv2d(x, w, [1, 1, 2, 2], "SAME", data_format="NCHW")
    expected = ref_conv2d(x.transpose(0, 2, 3, 1), w, (2, 2), "SAME").transpose(0, 3, 1, 2)
    assert_close(got, expected)


def test_conv2d_float16_and_variables():
    x = RNG.standard_normal((1, 6, 6, 2)).astype(np.float16)
    w = RNG.standard_normal((3, 3, 2, 3)).astype(np.float16)
    got = nn.conv2d(x, w, 1, "SAME")
    assert got.dtype == tf.float16
    assert_close(got, ref_conv2d(x.astype(np.float64), w.astype(np.float64), padding="SAME"),
                 rtol=2e-2, atol=2e-2)
    v = tf.Variable(w.astype(np.float32))
    assert_close(nn.conv2d(x.astype(np.float32), v, 1, "VALID"),
                 ref_conv2d(x.astype(np.float64), w.astype(np.float64)), rtol=1e-4, atol=1e-4)


def test_conv2d_empty_batch():
    y = nn.conv2d(np.zeros((0, 5, 5, 2)), np.ones((3, 3, 2, 4)), 1, "SAME")
    assert y.shape == (0, 5, 5, 4)


def test_conv1d():
    x = RNG.standard_normal((2, 17, 3))
    w = RNG.standard_normal((4, 3, 5))
    for stride, padding, dilation in [(1, "SAME", 1), (2, "VALID", 1), (1, "VALID", 2), (3, "SAME", 1)]:
        got = nn.conv1d(x, w, stride, padding, dilations=dilation)
        expected = ref_conv2d(x[:, None], w[None], (1, stride), padding, (1, dilation))[:, 0]
        assert_close(got, expected)
    got = nn.conv1d(x.transpose(0, 2, 1), w, 2, "SAME", data_format="NCW")
    assert_close(got, ref_conv2d(x[:, None], w[None], (1, 2), "SAME")[:, 0].transpose(0, 2, 1))


@pytest.mark.parametrize("stride,padding,k", [(1, "SAME", 3), (2, "SAME", 3), (2, "VALID", 3),
                                              (2, "SAME", 4), (3, "VALID", 2), (1, "VALID", 1)])
def test_conv2d_transpose(stride, padding, k):
    x = RNG.standard_normal((2, 4, 5, 3))
    w = RNG.standard_normal((k, k, 6, 3))  # (KH, KW, out_channels, in_channels)
    if padding == "SAME":
        out_shape = [2, 4 * stride, 5 * stride, 6]
    else:
        out_shape = [2, (4 - 1) * stride + k, (5 - 1) * stride + k, 6]
    got = nn.conv2d_transpose(x, w, out_shape, stride, padding)
    assert_close(got, ref_conv2d_transpose(x, w, out_shape, (stride, stride), padding))


@pytest.mark.parametrize("cin", [3, 7])
def test_conv2d_transpose_is_the_adjoint_of_conv2d(cin):
    x = RNG.standard_normal((2, 9, 8, cin))
    w = RNG.standard_normal((3, 3, cin, 4))
    y = RNG.standard_normal(nn.conv2d(x, w, 2, "SAME").shape.as_list())
    lhs = np.sum(nn.conv2d(x, w, 2, "SAME").numpy() * y)
    rhs = np.sum(x * nn.conv2d_transpose(y, w, x.shape, 2, "SAME").numpy())
    np.testing.assert_allclose(lhs, rhs, rtol=1e-10)


def test_conv1d_transpose():
    x = RNG.standard_normal((2, 5, 3))
    w = RNG.standard_normal((3, 4, 3))
    got = nn.conv1d_transpose(x, w, [2, 10, 4], 2, "SAME")
    expected = ref_conv2d_transpose(x[:, None], w[None], (2, 1, 10, 4), (1, 2), "SAME")[:, 0]
    assert_close(got, expected)


@pytest.mark.parametrize("mult,stride,padding,dilation", [(1, 1, "SAME", 1), (2, 2, "VALID", 1),
                                                         (3, 1, "SAME", 2), (1, 2, "SAME", 1)])
def test_depthwise_conv2d(mult, stride, padding, dilation):
    x = RNG.standard_normal((2, 9, 10, 4))
    w = RNG.standard_normal((3, 3, 4, mult))
    got = nn.depthwise_conv2d(x, w, [1, stride, stride, 1], padding, dilations=[dilation, dilation])
    assert_close(got, ref_depthwise(x, w, (stride, stride), padding, (dilation, dilation)))


# ---- gradients ----

GRAD_CASES = [
    dict(strides=1, padding="SAME"),
    dict(strides=2, padding="SAME"),
    dict(strides=2, padding="VALID"),
    dict(strides=1, padding="VALID", dilations=2),
    dict(strides=[2, 1], padding=[[0, 0], [1, 2], [2, 0], [0, 0]]),
    dict(strides=3, padding="SAME", dilations=1),
]


@pytest.mark.parametrize("kwargs", GRAD_CASES)
@pytest.mark.parametrize("cin", [2, 6])  # direct gather kernel (few channels) and GEMM paths
def test_conv2d_gradients(kwargs, cin):
    x = RNG.standard_normal((2, 6, 5, cin))
    w = RNG.standard_normal((3, 3, cin, 3))
    check_grad(lambda a, b: nn.conv2d(a, b, **kwargs), [x, w])


def test_conv2d_pointwise_gradient():
    check_grad(lambda a, b: nn.conv2d(a, b, 1, "VALID"),
               [RNG.standard_normal((2, 3, 4, 3)), RNG.standard_normal((1, 1, 3, 2))])


def test_fused_bias_relu_forward_and_gradient():
    x = RNG.standard_normal((2, 5, 5, 2))
    w = RNG.standard_normal((3, 3, 2, 4))
    b = RNG.standard_normal(4)
    got = nn._conv2d_fused(x, w, b, 1, "SAME", relu=True)
    assert_close(got, np.maximum(ref_conv2d(x, w, padding="SAME") + b, 0))
    check_grad(lambda a, f, c: nn._conv2d_fused(a, f, c, 2, "SAME", relu=True), [x, w, b])


def ref_fused_gradients(x, w, b, dy, relu, **kwargs):
    """Float64 gradients of relu?(conv2d(x, w) + b) for the upstream gradient dy, by the
    adjoint identities: the input gradient from conv2d_transpose's reference, the filter
    gradient as the correlation of x with the masked dy."""
    y = ref_conv2d(x, w, **kwargs) + b
    d = dy * (y > 0) if relu else dy
    KH, KW = w.shape[:2]
    (sh, sw), (dh, dw) = kwargs.get("strides", (1, 1)), kwargs.get("dilations", (1, 1))
    padding = kwargs.get("padding", "VALID")
    H, W = x.shape[1:3]
    if padding == "SAME":
        padding = (same_pads(H, KH, sh, dh), same_pads(W, KW, sw, dw))
    elif padding == "VALID":
        padding = ((0, 0), (0, 0))
    xp = np.pad(x, ((0, 0), padding[0], padding[1], (0, 0)))
    Ho, Wo = d.shape[1:3]
    dw_ = np.zeros_like(w)
    dxp = np.zeros_like(xp)
    for kh in range(KH):
        for kw in range(KW):
            rows = slice(kh * dh, kh * dh + (Ho - 1) * sh + 1, sh)
            cols = slice(kw * dw, kw * dw + (Wo - 1) * sw + 1, sw)
            dw_[kh, kw] = np.einsum("nhwc,nhwo->co", xp[:, rows, cols, :], d)
            dxp[:, rows, cols, :] += np.einsum("nhwo,co->nhwc", d, w[kh, kw])
    dx = dxp[:, padding[0][0]:padding[0][0] + H, padding[1][0]:padding[1][0] + W, :]
    return dx, dw_, d.sum(axis=(0, 1, 2))


FUSED_CASES = [
    dict(strides=(1, 1), padding="VALID"),
    dict(strides=(1, 1), padding="SAME"),
    dict(strides=(2, 2), padding="SAME"),
    dict(strides=(2, 1), padding="VALID", dilations=(1, 2)),
    dict(strides=(1, 1), padding=((2, 0), (1, 3)), dilations=(2, 2)),
    dict(strides=(3, 2), padding=((1, 1), (0, 2))),
]


def _tf_padding(padding):
    return padding if isinstance(padding, str) else [[0, 0], *map(list, padding), [0, 0]]


@pytest.mark.parametrize("kwargs", FUSED_CASES)
@pytest.mark.parametrize("cin,cout", [(1, 32), (3, 5), (2, 40), (1, 16), (4, 48), (6, 7)])
@pytest.mark.parametrize("relu", [True, False])
@pytest.mark.parametrize("watch_input", [True, False])
def test_fused_conv_gradients_match_numpy(kwargs, cin, cout, relu, watch_input):
    # tape.gradient after the tape stopped recording takes the fused backward kernels: the ReLU
    # mask and bias sum in the filter gradient's pass (direct loops for few input channels).
    x = RNG.standard_normal((3, 9, 8, cin))
    w = RNG.standard_normal((3, 2, cin, cout))
    b = RNG.standard_normal(cout) * 0.5
    y_ref = ref_conv2d(x, w, **kwargs) + b
    dy = RNG.standard_normal(y_ref.shape)
    dx_ref, dw_ref, db_ref = ref_fused_gradients(x, w, b, dy, relu, **kwargs)
    call = dict(strides=list(kwargs["strides"]), padding=_tf_padding(kwargs["padding"]),
                dilations=list(kwargs.get("dilations", (1, 1))), relu=relu)
    for dtype, tol in ((np.float64, 1e-10), (np.float32, 1e-4)):
        xt = tf.constant(x.astype(dtype))
        wv, bv = tf.Variable(w.astype(dtype)), tf.Variable(b.astype(dtype))
        with tf.GradientTape() as tape:
            if watch_input:
                tape.watch(xt)
            y = nn._conv2d_fused(xt, wv, bv, **call)
            loss = tf.reduce_sum(y * tf.constant(dy.astype(dtype)))
        assert_close(y, np.maximum(y_ref, 0) if relu else y_ref, rtol=tol, atol=tol)
        dx, dw, db = tape.gradient(loss, [xt, wv, bv])
        assert (dx is not None) == watch_input
        if watch_input:
            assert_close(dx, dx_ref, rtol=tol, atol=tol)
        assert_close(dw, dw_ref, rtol=tol, atol=tol)
        assert_close(db, db_ref, rtol=tol, atol=tol)


def test_fused_and_recorded_backward_paths_agree():
    # Inside the `with` (a tape records the backward pass) the rule uses the public ops.
    x = tf.constant(RNG.standard_normal((4, 12, 11, 1)).astype(np.float32))
    w = tf.Variable(RNG.standard_normal((3, 3, 1, 16)).astype(np.float32))
    b = tf.Variable(RNG.standard_normal(16).astype(np.float32))
    grads = []
    for inside in (True, False):
        with tf.GradientTape(persistent=True) as tape:
            y = nn._conv2d_fused(x, w, b, 1, "SAME", relu=True)
            loss = tf.reduce_sum(y * y)
            if inside:
                grads.append(tape.gradient(loss, [w, b]))
        if not inside:
            grads.append(tape.gradient(loss, [w, b]))
    for a, c in zip(*grads):
        assert_close(a, c.numpy(), rtol=1e-5, atol=1e-4)


ISA_SCRIPT = """
import json, sys
import numpy as np
sys.path.insert(0, %r)
import fasttf as tf
from fasttf import nn_conv as nn
rng = np.random.default_rng(5)
out = {}
for cin, pad in ((1, "VALID"), (3, "SAME"), (8, "SAME")):
    x = tf.constant(rng.standard_normal((3, 10, 9, cin)).astype(np.float32))
    w = tf.Variable(rng.standard_normal((3, 3, cin, 20)).astype(np.float32))
    b = tf.Variable(rng.standard_normal(20).astype(np.float32))
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = nn._conv2d_fused(x, w, b, 1, pad, relu=True)
        loss = tf.reduce_sum(y * y)
    out[str(cin)] = [t.numpy().tolist() for t in [y, *tape.gradient(loss, [x, w, b])]]
print(json.dumps(out))
"""


def test_instruction_set_paths_agree():
    # The direct loops are compiled per ISA (conv_direct_*.cpp): FASTTF_ISA forces the lower ones.
    python_dir = os.path.dirname(os.path.dirname(os.path.abspath(tf.__file__)))
    results = {}
    for isa in ("scalar", "avx2", None):
        env = dict(os.environ)
        env.pop("FASTTF_ISA", None)
        if isa:
            env["FASTTF_ISA"] = isa
        proc = subprocess.run([sys.executable, "-c", ISA_SCRIPT % python_dir], capture_output=True,
                              text=True, env=env, timeout=120)
        assert proc.returncode == 0, proc.stderr
        results[isa] = json.loads(proc.stdout.strip().splitlines()[-1])
    for isa in ("scalar", "avx2"):
        for key, parts in results[None].items():
            for a, c in zip(parts, results[isa][key]):
                np.testing.assert_allclose(np.array(c), np.array(a), rtol=1e-4, atol=1e-3)


def test_conv2d_transpose_and_depthwise_gradients():
    x = RNG.standard_normal((1, 3, 4, 2))
    w = RNG.standard_normal((3, 3, 3, 2))
    check_grad(lambda a, b: nn.conv2d_transpose(a, b, [1, 6, 8, 3], 2, "SAME"), [x, w])
    xd = RNG.standard_normal((2, 5, 6, 3))
    wd = RNG.standard_normal((3, 3, 3, 2))
    check_grad(lambda a, b: nn.depthwise_conv2d(a, b, [1, 2, 2, 1], "SAME"), [xd, wd])
    check_grad(lambda a, b: nn.depthwise_conv2d(a, b, [1, 1, 1, 1], "VALID", dilations=[2, 1]),
               [xd, wd])


def test_conv1d_gradient():
    check_grad(lambda a, b: nn.conv1d(a, b, 2, "SAME"),
               [RNG.standard_normal((2, 7, 2)), RNG.standard_normal((3, 2, 3))])


def test_second_order_gradient():
    # d/dx of sum((dL/dw)^2) where L = sum(conv(x, w) * y): the backprop ops are differentiable.
    x0 = RNG.standard_normal((1, 5, 5, 2))
    w0 = RNG.standard_normal((3, 3, 2, 2))
    y0 = RNG.standard_normal((1, 3, 3, 2))

    def grad_norm(xv):
        x, w = tf.constant(xv), tf.constant(w0)
        with tf.GradientTape() as inner:
            inner.watch(w)
            loss = tf.reduce_sum(nn.conv2d(x, w, 1, "VALID") * tf.constant(y0))
        return tf.reduce_sum(inner.gradient(loss, w) ** 2)

    x = tf.constant(x0)
    with tf.GradientTape() as outer:
        outer.watch(x)
        value = grad_norm(x)
    analytic = outer.gradient(value, x).numpy()
    eps, numeric = 1e-6, np.zeros_like(x0)
    for i in range(x0.size):
        d = np.zeros(x0.size)
        d[i] = eps
        d = d.reshape(x0.shape)
        numeric.reshape(-1)[i] = (float(grad_norm(x0 + d)) - float(grad_norm(x0 - d))) / (2 * eps)
    np.testing.assert_allclose(analytic, numeric, rtol=1e-5, atol=1e-5)


# ---- determinism and errors ----

DETERMINISM_SCRIPT = """
import hashlib, json, numpy as np, fasttf as tf
from fasttf import nn_conv as nn
rng = np.random.default_rng(0)
x = tf.constant(rng.standard_normal((4, 21, 19, 16)).astype(np.float32))
w = tf.constant(rng.standard_normal((3, 3, 16, 12)).astype(np.float32))
wd = tf.constant(rng.standard_normal((3, 3, 16, 2)).astype(np.float32))
digest = {}
for name, kw in [("s1", dict(strides=1, padding="SAME")), ("s2", dict(strides=2, padding="VALID"))]:
    with tf.GradientTape(persistent=True) as tape:
        tape.watch([x, w, wd])
        y = nn.conv2d(x, w, **kw)
        loss = tf.reduce_sum(y * y)
        yd = nn.depthwise_conv2d(x, wd, kw["strides"], kw["padding"])
        loss_d = tf.reduce_sum(yd * yd)
        p = nn.max_pool2d(x, 3, 2, "SAME")
        loss_p = tf.reduce_sum(p * p)
    parts = [y, *tape.gradient(loss, [x, w]), yd, *tape.gradient(loss_d, [x, wd]),
             tape.gradient(loss_p, x)]
    digest[name] = [hashlib.sha1(t.numpy().tobytes()).hexdigest() for t in parts]
print(json.dumps(digest))
"""


def test_bitwise_deterministic_across_thread_counts():
    results = []
    for threads in ("1", "2"):
        env_code = "import os; os.environ['OMP_NUM_THREADS'] = '%s'\n" % threads
        proc = run_isolated(env_code + DETERMINISM_SCRIPT, timeout=120)
        assert proc.returncode == 0, proc.stderr
        results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    assert results[0] == results[1]


def test_errors_are_clear():
    x = np.zeros((1, 5, 5, 3), np.float32)
    with pytest.raises(tf.errors.InvalidArgumentError,
                       match=r"\[conv2d\] input depth 3 does not match filter in_channels 4: "
                             r"input \(1, 5, 5, 3\) filter \(3, 3, 4, 2\)"):
        nn.conv2d(x, np.zeros((3, 3, 4, 2), np.float32), 1, "SAME")
    with pytest.raises(tf.errors.InvalidArgumentError, match=r"\[conv2d\] input must be rank 4"):
        nn.conv2d(np.zeros((5, 5, 3), np.float32), np.zeros((3, 3, 3, 2), np.float32), 1, "SAME")
    with pytest.raises(tf.errors.InvalidArgumentError, match=r"\[conv2d\] filter must be rank 4"):
        nn.conv2d(x, np.zeros((3, 3, 3), np.float32), 1, "SAME")
    with pytest.raises(tf.errors.InvalidArgumentError, match="strides must be positive"):
        nn.conv2d(x, np.zeros((3, 3, 3, 2), np.float32), 0, "SAME")
    with pytest.raises(tf.errors.InvalidArgumentError, match="dilations must be positive"):
        nn.conv2d(x, np.zeros((3, 3, 3, 2), np.float32), 1, "SAME", dilations=-1)
    with pytest.raises(tf.errors.InvalidArgumentError, match="larger than the input"):
        nn.conv2d(x, np.zeros((6, 3, 3, 2), np.float32), 1, "VALID")
    with pytest.raises(tf.errors.InvalidArgumentError, match="larger than the input"):
        nn.conv2d(x, np.zeros((3, 3, 3, 2), np.float32), 1, "VALID", dilations=3)
    with pytest.raises(ValueError, match="data_format"):
        nn.conv2d(x, np.zeros((3, 3, 3, 2), np.float32), 1, "SAME", data_format="NWHC")
    with pytest.raises(ValueError, match="padding"):
        nn.conv2d(x, np.zeros((3, 3, 3, 2), np.float32), 1, "FULL")
    with pytest.raises(tf.errors.InvalidArgumentError, match="batch and channel"):
        nn.conv2d(x, np.zeros((3, 3, 3, 2), np.float32), [2, 1, 1, 1], "SAME")
    with pytest.raises(TypeError, match=r"\[conv2d\] expects a float"):
        nn.conv2d(np.zeros((1, 5, 5, 3), np.int32), np.zeros((3, 3, 3, 2), np.int32), 1, "SAME")
    with pytest.raises(tf.errors.InvalidArgumentError, match="same dtype"):
        nn.conv2d(x, np.zeros((3, 3, 3, 2), np.float64), 1, "SAME")
    with pytest.raises(tf.errors.InvalidArgumentError, match="conv2d_transpose"):
        nn.conv2d_transpose(x, np.zeros((3, 3, 2, 4), np.float32), [1, 10, 10, 2], 2, "SAME")
    with pytest.raises(tf.errors.InvalidArgumentError, match="grad shape"):
        nn.conv2d_transpose(x, np.zeros((3, 3, 2, 3), np.float32), [1, 7, 7, 2], 2, "SAME")


def test_hostile_arguments_never_crash():
    proc = run_isolated("""
        import numpy as np
        from fasttf import nn_conv as nn
        from fasttf import _C
        x = np.zeros((1, 5, 5, 3), np.float32)
        w = np.zeros((3, 3, 3, 2), np.float32)
        calls = [
            lambda: nn.conv2d(x, w, 2**62, "SAME"),
            lambda: nn.conv2d(x, w, 1, "SAME", dilations=2**62),
            lambda: nn.conv2d(x, w, 1, [[0, 0], [2**62, 2**62], [0, 0], [0, 0]]),
            lambda: nn.conv2d(x, w, 1, [[0, 0], [-5, 0], [0, 0], [0, 0]]),
            lambda: nn.conv2d(x, np.zeros((2**40, 3, 3, 0), np.float32), 1, "SAME"),
            lambda: _C.conv2d_backprop_input([1, -5, 5, 3], w, np.zeros((1, 5, 5, 2), np.float32),
                                             [1, 1], [1, 1], "SAME", []),
            lambda: _C.conv2d_backprop_input([2**40, 2**40, 5, 3], w,
                                             np.zeros((1, 5, 5, 2), np.float32), [1, 1], [1, 1], "SAME", []),
            lambda: _C.conv2d_backprop_filter(x, [3, 3, 3, 2], np.zeros((1, 4, 5, 2), np.float32),
                                              [1, 1], [1, 1], "SAME", []),
            lambda: _C.conv2d(x, w, [1, 1], [1, 1], "EXPLICIT", [1]),
            lambda: nn.depthwise_conv2d(x, np.zeros((3, 3, 2, 1), np.float32), 1, "SAME"),
            lambda: nn.conv2d_transpose(x, w, [1, 2**40, 5, 2], 1, "SAME"),
            lambda: nn.conv1d(x, w, 1, "SAME"),
        ]
        for call in calls:
            try:
                call()
                print("no error")
            except (ValueError, TypeError, NotImplementedError, MemoryError) as e:
                print(type(e).__name__, str(e)[:80])
        print("survived")
    """)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert lines[-1] == "survived"
    assert "no error" not in lines, proc.stdout
