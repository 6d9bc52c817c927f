"""Runs every kernel benchmark and prints fasttf's median time next to NumPy's (and PyTorch's
and TensorFlow's when importable), with ratios peer/fasttf (> 1: fasttf is faster).

    python bench/run.py [--json] [--quick]

NumPy's OpenBLAS is measured at full speed: this script re-executes itself without the
OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE limits, and for matmul also measures OpenBLAS forced to
its SkylakeX (AVX-512) kernels in a subprocess, keeping the faster of the two.
"""

import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "python"))

if os.environ.get("OPENBLAS_CORETYPE") or os.environ.get("OPENBLAS_L2_SIZE"):
    env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
    os.execve(sys.executable, [sys.executable] + sys.argv, env)

import numpy as np  # noqa: E402

import fasttf as tf  # noqa: E402
from common import Table, compare  # noqa: E402

try:
    import torch  # noqa: E402
    torch.set_num_threads(tf._C.get_num_threads())
except ImportError:
    torch = None


def skylake_numpy_matmul(m, k, n, ta, tb):
    """Seconds per numpy matmul with OpenBLAS forced to SkylakeX kernels (fresh process)."""
    code = (
        "import sys; sys.path.insert(0, %r); import numpy as np; from common import compare\n"
        "a = np.random.rand(*%r).astype(np.float32); b = np.random.rand(*%r).astype(np.float32)\n"
        "a = a.T if %r else a; b = b.T if %r else b\n"
        "print(compare({'numpy': lambda: a @ b})['numpy'])\n"
        % (HERE, (k, m) if ta else (m, k), (n, k) if tb else (k, n), ta, tb))
    env = dict(os.environ, OPENBLAS_CORETYPE="SkylakeX")
    try:
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                             timeout=120)
        return float(out.stdout.strip().splitlines()[-1])
    except Exception:
        return None


def bench_matmul(table, quick):
    shapes = [("matmul 64^3", 64, 64, 64, False, False),
              ("matmul 256^3", 256, 256, 256, False, False),
              ("matmul 1024^3", 1024, 1024, 1024, False, False),
              ("matmul 2048^3", 2048, 2048, 2048, False, False),
              ("matmul 128x784 . 784x256 (fwd)", 128, 784, 256, False, False),
              ("matmul x^T . g 784x128 . 128x256 (dW)", 784, 128, 256, True, False),
              ("matmul g . W^T 128x256 . 256x784 (dx)", 128, 256, 784, False, True),
              ("matmul 128x256 . 256x10", 128, 256, 10, False, False)]
    if quick:
        shapes = [s for s in shapes if "2048" not in s[0]]
    rng = np.random.default_rng(0)
    for name, m, k, n, ta, tb in shapes:
        a = rng.random((k, m) if ta else (m, k), dtype=np.float32)
        b = rng.random((n, k) if tb else (k, n), dtype=np.float32)
        fa, fb = tf.constant(a), tf.constant(b)
        na, nb = (a.T if ta else a), (b.T if tb else b)
        impls = {"fasttf": lambda: tf.matmul(fa, fb, transpose_a=ta, transpose_b=tb),
                 "numpy": lambda: na @ nb}
        if torch is not None:
            xa, xb = torch.from_numpy(na), torch.from_numpy(nb)
            impls["torch"] = lambda: xa @ xb
        times = compare(impls)
        sky = skylake_numpy_matmul(m, k, n, ta, tb)
        if sky is not None and sky < times["numpy"]:
            times["numpy"] = sky
        gflops = 2.0 * m * n * k / times["fasttf"] / 1e9
        table.add(name, times, "%.0f GFLOP/s" % gflops)


def bench_elementwise(table, quick):
    n = 1 << 24
    x = np.random.default_rng(0).random(n, dtype=np.float32)
    y = x[::-1].copy()
    fx, fy = tf.constant(x), tf.constant(y)
    copy = compare({"numpy": lambda: x.copy()})["numpy"]
    bound = "copy %.2f ms" % (copy * 1e3)
    impls = {"fasttf": lambda: fx + fy, "numpy": lambda: x + y}
    if torch is not None:
        tx, ty = torch.from_numpy(x), torch.from_numpy(y)
        impls["torch"] = lambda: tx + ty
    table.add("add 16M float32", compare(impls), bound)
    impls = {"fasttf": lambda: tf.exp(fx), "numpy": lambda: np.exp(x)}
    if torch is not None:
        impls["torch"] = lambda: torch.exp(tx)
    table.add("exp 16M float32", compare(impls))
    impls = {"fasttf": lambda: tf.reduce_sum(fx), "numpy": lambda: x.sum()}
    if torch is not None:
        impls["torch"] = lambda: tx.sum()
    table.add("reduce_sum 16M float32", compare(impls))


def bench_reductions(table, quick):
    m = np.random.default_rng(0).random((4096, 4096), dtype=np.float32)
    fm = tf.constant(m)
    for axis in (0, 1):
        impls = {"fasttf": lambda: tf.reduce_sum(fm, axis=axis), "numpy": lambda: m.sum(axis=axis)}
        if torch is not None:
            tm = torch.from_numpy(m)
            impls["torch"] = lambda: tm.sum(dim=axis)
        table.add("reduce_sum 4096x4096 axis=%d" % axis, compare(impls))
        impls = {"fasttf": lambda: tf.reduce_max(fm, axis=axis), "numpy": lambda: m.max(axis=axis)}
        table.add("reduce_max 4096x4096 axis=%d" % axis, compare(impls))
    impls = {"fasttf": lambda: tf.argmax(fm, axis=1), "numpy": lambda: m.argmax(axis=1)}
    table.add("argmax 4096x4096 axis=1", compare(impls))


def bench_indexing(table, quick):
    if not hasattr(tf, "gather"):
        return
    rng = np.random.default_rng(0)
    data = rng.random((60000, 784), dtype=np.float32)
    idx = rng.integers(0, 60000, 128)
    fd, fi = tf.constant(data), tf.constant(idx)
    table.add("gather 128 rows of 60000x784",
              compare({"fasttf": lambda: tf.gather(fd, fi), "numpy": lambda: data[idx]}))
    if hasattr(tf, "scatter_nd"):
        upd = rng.random((128, 784), dtype=np.float32)
        fu, fidx = tf.constant(upd), tf.constant(idx.reshape(-1, 1))

        def np_scatter():
            out = np.zeros((60000, 784), np.float32)
            np.add.at(out, idx, upd)
            return out
        table.add("scatter_nd 128 rows into 60000x784",
                  compare({"fasttf": lambda: tf.scatter_nd(fidx, fu, [60000, 784]),
                           "numpy": np_scatter}))


def bench_softmax_xent(table, quick):
    nn = getattr(tf, "nn", None)
    if nn is None or not hasattr(nn, "softmax_cross_entropy_with_logits"):
        return
    rng = np.random.default_rng(0)
    for n, c in ((128, 10), (256, 1000)):
        logits = rng.standard_normal((n, c)).astype(np.float32)
        labels = np.eye(c, dtype=np.float32)[rng.integers(0, c, n)]
        fl, fy = tf.constant(logits), tf.constant(labels)

        def fasttf_step():
            with tf.GradientTape() as tape:
                tape.watch(fl)
                loss = tf.reduce_mean(nn.softmax_cross_entropy_with_logits(fy, fl))
            return tape.gradient(loss, fl)

        def numpy_step():
            z = logits - logits.max(axis=1, keepdims=True)
            p = np.exp(z)
            p /= p.sum(axis=1, keepdims=True)
            loss = -(labels * (z - np.log(np.exp(z).sum(axis=1, keepdims=True)))).sum(1).mean()
            return loss, (p - labels) / n
        table.add("softmax-xent fwd+bwd %dx%d" % (n, c),
                  compare({"fasttf": fasttf_step, "numpy": numpy_step}))


def bench_overhead(table, quick):
    a, b = tf.ones([16]), tf.ones([16])
    x, y = np.ones(16, np.float32), np.ones(16, np.float32)
    impls = {"fasttf": lambda: a + b, "numpy": lambda: x + y}
    if torch is not None:
        ta, tb = torch.ones(16), torch.ones(16)
        impls["torch"] = lambda: ta + tb
    table.add("per-op overhead a + b (16 floats)", compare(impls, target_seconds=0.05))
    v = tf.Variable(tf.ones([16]))
    with tf.GradientTape():
        times = compare({"fasttf": lambda: v + b}, target_seconds=0.05)
    table.add("  ... with a tape recording", times)


def bench_conv(table, quick):
    try:
        import bench_conv
    except ImportError:
        return
    if hasattr(bench_conv, "add_cases"):
        bench_conv.add_cases(table, quick)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true", help="also print the table as JSON")
    parser.add_argument("--quick", action="store_true", help="skip the largest cases")
    parser.add_argument("--only", default="", help="comma-separated families to run")
    args = parser.parse_args()
    peers = ["numpy"] + (["torch"] if torch is not None else [])
    print("fasttf %s, isa=%s, threads=%d" % (tf.__version__, tf._C.isa(), tf._C.get_num_threads()))
    table = Table(peers)
    table.header()
    families = {"matmul": bench_matmul, "conv": bench_conv, "xent": bench_softmax_xent,
                "elementwise": bench_elementwise, "reduce": bench_reductions,
                "indexing": bench_indexing, "overhead": bench_overhead}
    only = [f for f in args.only.split(",") if f]
    for name, fn in families.items():
        if not only or name in only:
            fn(table, args.quick)
    if args.json:
        print(table.to_json())


if __name__ == "__main__":
    main()
