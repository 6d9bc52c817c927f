"""Runs every kernel benchmark and prints fasttf's median time next to NumPy's (and PyTorch's
and TensorFlow's when importable), with ratios peer/fasttf (> 1: fasttf is faster).

    python bench/run.py [--json] [--quick]

NumPy's OpenBLAS is measured at full speed: this script re-executes itself without the
OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE limits, and for matmul also measures OpenBLAS forced to
its SkylakeX (AVX-512) kernels in a subprocess, keeping the faster of the two. That subprocess
loads the same libraries as this one (fasttf, PyTorch, TensorFlow when present: with them
loaded NumPy's 64^3 product takes ~10% longer) and times NumPy side by side with fasttf, so its
ratio is measured like every other one; the table shows that NumPy time scaled by fasttf's time
here (two processes minutes apart on a shared machine differ by 10-20%).
"""

# ruff: noqa: B023  (each closure is timed inside the loop iteration that defines it)
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

try:  # TensorFlow as a peer when importable (e.g. run from a virtualenv that has tensorflow); never a dependency
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import tensorflow as tf_  # noqa: E402
    tf_.config.threading.set_intra_op_parallelism_threads(tf._C.get_num_threads())
    tf_.config.threading.set_inter_op_parallelism_threads(1)
except ImportError:
    tf_ = None


def peer_imports():
    """Source that loads the peers this process has loaded, configured alike, and runs one
    product on each (their thread pools start on first use)."""
    threads = tf._C.get_num_threads()
    lines = ["import fasttf; fasttf.matmul(fasttf.ones((2, 2)), fasttf.ones((2, 2)))"]
    if torch is not None:
        lines.append("import torch; torch.set_num_threads(%d); torch.ones(2, 2) @ torch.ones(2, 2)"
                     % threads)
    if tf_ is not None:
        lines += ["import tensorflow as tf_",
                  "tf_.config.threading.set_intra_op_parallelism_threads(%d)" % threads,
                  "tf_.config.threading.set_inter_op_parallelism_threads(1)",
                  "tf_.matmul(tf_.ones((2, 2)), tf_.ones((2, 2)))"]
    return "\n".join(lines) + "\n"


def skylake_numpy_matmul(m, k, n, ta, tb):
    """(NumPy, fasttf) seconds per product, timed side by side in a fresh process where NumPy's
    OpenBLAS is forced to its SkylakeX kernels and the same peers are loaded as here."""
    code = (
        "import sys; sys.path.insert(0, %r); sys.path.insert(0, %r)\n"
        % (HERE, os.path.join(HERE, "..", "python")) + peer_imports() +
        "import numpy as np; from common import compare\n"
        "a = np.random.rand(*%r).astype(np.float32); b = np.random.rand(*%r).astype(np.float32)\n"
        "fa, fb = fasttf.constant(a), fasttf.constant(b)\n"
        "na = a.T if %r else a; nb = b.T if %r else b\n"
        "t = compare({'numpy': lambda: na @ nb, 'fasttf': lambda: fasttf.matmul(fa, fb, "
        "transpose_a=%r, transpose_b=%r)}, settle_seconds=0.2)\n"
        "print(t['numpy'], t['fasttf'])\n"
        % ((k, m) if ta else (m, k), (n, k) if tb else (k, n), ta, tb, ta, tb))
    env = dict(os.environ, OPENBLAS_CORETYPE="SkylakeX")
    try:
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                             timeout=300)
        numpy_time, fasttf_time = out.stdout.strip().splitlines()[-1].split()
        return float(numpy_time), float(fasttf_time)
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
        if tf_ is not None:
            ya, yb = tf_.constant(a), tf_.constant(b)
            impls["tensorflow"] = lambda: tf_.matmul(ya, yb, transpose_a=ta, transpose_b=tb)
        times = compare(impls, settle_seconds=0.2)  # every peer here is multi-threaded
        sky = skylake_numpy_matmul(m, k, n, ta, tb)
        if sky is not None:
            sky_numpy = sky[0] * times["fasttf"] / sky[1]  # its side-by-side ratio, at our scale
            times["numpy"] = min(times["numpy"], sky_numpy)
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
    if tf_ is not None:
        yx, yy = tf_.constant(x), tf_.constant(y)
        impls["tensorflow"] = lambda: yx + yy
    table.add("add 16M float32", compare(impls), bound + " (add moves 1.5x a copy)")
    impls = {"fasttf": lambda: tf.exp(fx), "numpy": lambda: np.exp(x)}
    if torch is not None:
        impls["torch"] = lambda: torch.exp(tx)
    if tf_ is not None:
        impls["tensorflow"] = lambda: tf_.exp(yx)
    table.add("exp 16M float32", compare(impls), bound)


def bench_full_reductions(table):
    """Reductions over all 16M floats, against the read bound: the fastest that any streaming
    read of these 64 MB ran (NumPy's single-threaded SIMD max and sum, and every fasttf full
    reduction), so "read bound 1.00" is the best this machine was seen to do. The bound and each
    reduction's fraction of it come from one interleaved comparison, so a slow minute on this
    shared machine hits the bound and the reduction alike; the peer ratios come from a
    comparison per reduction, as everywhere else."""
    x = np.random.default_rng(0).random(1 << 24, dtype=np.float32)
    fx = tf.constant(x)
    tx = torch.from_numpy(x) if torch is not None else None
    yx = tf_.constant(x) if tf_ is not None else None
    dst = np.empty_like(x)
    cases = [("reduce_sum", tf.reduce_sum, np.sum, "sum", "reduce_sum"),
             ("reduce_mean", tf.reduce_mean, np.mean, "mean", "reduce_mean"),
             ("reduce_max", tf.reduce_max, np.max, "amax", "reduce_max"),
             ("reduce_min", tf.reduce_min, np.min, "amin", "reduce_min"),
             ("argmax", tf.argmax, np.argmax, "argmax", "argmax"),
             ("argmin", tf.argmin, np.argmin, "argmin", "argmin")]
    reads = {"numpy max": lambda: x.max(), "numpy sum": lambda: x.sum()}
    for name, ff, *_ in cases:
        reads[name] = lambda ff=ff: ff(fx)  # bound now: timed after the loop
    read_times = compare(reads)
    bound = min(read_times.values())
    table.add("bandwidth: read 64 MB (best streaming read)", {"fasttf": bound},
              "%.1f GB/s" % (x.nbytes / bound / 1e9))
    copy = compare({"numpy": lambda: np.copyto(dst, x)})["numpy"]
    table.add("bandwidth: copy 64 MB into a buffer (numpy)", {"fasttf": copy},
              "%.1f GB/s read+write" % (2 * x.nbytes / copy / 1e9))
    for name, ff, npf, torch_name, tf_name in cases:
        impls = {"fasttf": lambda: ff(fx), "numpy": lambda: npf(x)}
        if tx is not None:
            impls["torch"] = lambda: getattr(torch, torch_name)(tx)
        if yx is not None:
            impls["tensorflow"] = lambda: getattr(tf_, tf_name)(yx)
        table.add("%s 16M float32" % name, compare(impls),
                  "read bound %.2f" % (bound / read_times[name]))


def bench_reductions(table, quick):
    bench_full_reductions(table)
    m = np.random.default_rng(0).random((4096, 4096), dtype=np.float32)
    fm = tf.constant(m)
    tm = torch.from_numpy(m) if torch is not None else None
    ym = tf_.constant(m) if tf_ is not None else None
    for axis in (0, 1):
        impls = {"fasttf": lambda: tf.reduce_sum(fm, axis=axis), "numpy": lambda: m.sum(axis=axis)}
        if torch is not None:
            impls["torch"] = lambda: tm.sum(dim=axis)
        if tf_ is not None:
            impls["tensorflow"] = lambda: tf_.reduce_sum(ym, axis=axis)
        table.add("reduce_sum 4096x4096 axis=%d" % axis, compare(impls))
        impls = {"fasttf": lambda: tf.reduce_max(fm, axis=axis), "numpy": lambda: m.max(axis=axis)}
        if torch is not None:
            impls["torch"] = lambda: tm.amax(dim=axis)
        if tf_ is not None:
            impls["tensorflow"] = lambda: tf_.reduce_max(ym, axis=axis)
        table.add("reduce_max 4096x4096 axis=%d" % axis, compare(impls))
    for axis in (0, 1):
        for name in ("argmax", "argmin"):
            impls = {"fasttf": lambda: getattr(tf, name)(fm, axis=axis),
                     "numpy": lambda: getattr(m, name)(axis=axis)}
            if torch is not None:
                impls["torch"] = lambda: getattr(tm, name)(dim=axis)
            if tf_ is not None:
                impls["tensorflow"] = lambda: getattr(tf_, name)(ym, axis=axis)
            table.add("%s 4096x4096 axis=%d" % (name, axis), compare(impls))


def bench_indexing(table, quick):
    if not hasattr(tf, "gather"):
        return
    rng = np.random.default_rng(0)
    data = rng.random((60000, 784), dtype=np.float32)
    idx = rng.integers(0, 60000, 128)
    fd, fi = tf.constant(data), tf.constant(idx)
    impls = {"fasttf": lambda: tf.gather(fd, fi), "numpy": lambda: data[idx]}
    if torch is not None:
        td, ti = torch.from_numpy(data), torch.from_numpy(idx)
        impls["torch"] = lambda: td[ti]
    if tf_ is not None:
        yd, yi = tf_.constant(data), tf_.constant(idx)
        impls["tensorflow"] = lambda: tf_.gather(yd, yi)
    table.add("gather 128 rows of 60000x784", compare(impls))
    if hasattr(tf, "scatter_nd"):
        upd = rng.random((128, 784), dtype=np.float32)
        fu, fidx = tf.constant(upd), tf.constant(idx.reshape(-1, 1))

        def np_scatter():
            out = np.zeros((60000, 784), np.float32)
            np.add.at(out, idx, upd)
            return out
        impls = {"fasttf": lambda: tf.scatter_nd(fidx, fu, [60000, 784]), "numpy": np_scatter}
        if tf_ is not None:
            yu, yidx = tf_.constant(upd), tf_.constant(idx.reshape(-1, 1))
            impls["tensorflow"] = lambda: tf_.scatter_nd(yidx, yu, [60000, 784])
        table.add("scatter_nd 128 rows into 60000x784", compare(impls))


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
        impls = {"fasttf": fasttf_step, "numpy": numpy_step}
        if torch is not None:
            tl, tyl = torch.from_numpy(logits), torch.from_numpy(labels)

            def torch_step():
                leaf = tl.clone().requires_grad_(True)
                loss = torch.nn.functional.cross_entropy(leaf, tyl)
                loss.backward()
                return leaf.grad
            impls["torch"] = torch_step
        if tf_ is not None:
            yl, yy = tf_.constant(logits), tf_.constant(labels)

            def tf_step():
                with tf_.GradientTape() as tape:
                    tape.watch(yl)
                    loss = tf_.reduce_mean(tf_.nn.softmax_cross_entropy_with_logits(yy, yl))
                return tape.gradient(loss, yl)
            impls["tensorflow"] = tf_step
        table.add("softmax-xent fwd+bwd %dx%d" % (n, c), compare(impls))


def bench_overhead(table, quick):
    a, b = tf.ones([16]), tf.ones([16])
    x, y = np.ones(16, np.float32), np.ones(16, np.float32)
    impls = {"fasttf": lambda: a + b, "numpy": lambda: x + y}
    if torch is not None:
        ta, tb = torch.ones(16), torch.ones(16)
        impls["torch"] = lambda: ta + tb
    if tf_ is not None:
        ya, yb = tf_.ones([16]), tf_.ones([16])
        impls["tensorflow"] = lambda: ya + yb
    table.add("per-op overhead a + b (16 floats)", compare(impls, target_seconds=0.05))
    # Recording cost as a training step sees it: a fresh tape holding 100 recorded ops (one
    # long-lived tape would also time the growth of its node list).
    v = tf.Variable(tf.ones([16]))

    def hundred_ops():
        for _ in range(100):
            a + b

    def hundred_recorded_ops():
        with tf.GradientTape():
            for _ in range(100):
                v + b
    per_100 = compare({"plain": hundred_ops, "taped": hundred_recorded_ops},
                      target_seconds=0.05)
    table.add("  ... recorded on a tape (per op)", {"fasttf": per_100["taped"] / 100},
              "+%.0f ns per op for recording" % ((per_100["taped"] - per_100["plain"]) / 100 * 1e9))


def bench_conv(table, quick):
    """The MNIST CNN's convolutions and a ResNet block's, forward and forward+backward (grads
    of x and w), and the CNN's max pool; NHWC for fasttf and TF, channels-last for PyTorch."""
    rng = np.random.default_rng(0)
    cases = [("conv2d MNIST 128x28x28x1->32 3x3", (128, 28, 28, 1), (3, 3, 1, 32), "VALID"),
             ("conv2d MNIST 128x13x13x32->64 3x3", (128, 13, 13, 32), (3, 3, 32, 64), "VALID"),
             ("conv2d ResNet 32x56x56x64->64 3x3 SAME", (32, 56, 56, 64), (3, 3, 64, 64), "SAME")]
    for name, xs, ws, pad in cases:
        x = rng.standard_normal(xs).astype(np.float32)
        w = (rng.standard_normal(ws) * 0.1).astype(np.float32)
        fx, fw = tf.Variable(x), tf.Variable(w)

        def ff_fwd():
            return tf.nn.conv2d(fx, fw, strides=1, padding=pad)

        def ff_step():
            with tf.GradientTape() as tape:
                loss = tf.reduce_sum(tf.nn.conv2d(fx, fw, strides=1, padding=pad))
            return tape.gradient(loss, [fx, fw])
        fwd, step = {"fasttf": ff_fwd}, {"fasttf": ff_step}
        if torch is not None:
            tx = torch.from_numpy(x).permute(0, 3, 1, 2).contiguous(
                memory_format=torch.channels_last).requires_grad_(True)
            tw = torch.from_numpy(w).permute(3, 2, 0, 1).contiguous().requires_grad_(True)
            tpad = 1 if pad == "SAME" else 0

            def torch_fwd():
                with torch.no_grad():
                    return torch.nn.functional.conv2d(tx, tw, padding=tpad)

            def torch_step():
                tx.grad = tw.grad = None
                torch.nn.functional.conv2d(tx, tw, padding=tpad).sum().backward()
                return tx.grad, tw.grad
            fwd["torch"], step["torch"] = torch_fwd, torch_step
        if tf_ is not None:
            yx, yw = tf_.Variable(x), tf_.Variable(w)

            def tf_fwd():
                return tf_.nn.conv2d(yx, yw, strides=1, padding=pad)

            def tf_step():
                with tf_.GradientTape() as tape:
                    loss = tf_.reduce_sum(tf_.nn.conv2d(yx, yw, strides=1, padding=pad))
                return tape.gradient(loss, [yx, yw])
            fwd["tensorflow"], step["tensorflow"] = tf_fwd, tf_step
        table.add(name + " fwd", compare(fwd, repeats=5))
        table.add(name + " fwd+bwd", compare(step, repeats=5))
    x = rng.standard_normal((128, 26, 26, 32)).astype(np.float32)
    fx = tf.constant(x)
    impls = {"fasttf": lambda: tf.nn.max_pool2d(fx, 2, 2, "VALID")}
    if torch is not None:
        tx = torch.from_numpy(x).permute(0, 3, 1, 2).contiguous(memory_format=torch.channels_last)
        impls["torch"] = lambda: torch.nn.functional.max_pool2d(tx, 2)
    if tf_ is not None:
        yx = tf_.constant(x)
        impls["tensorflow"] = lambda: tf_.nn.max_pool2d(yx, 2, 2, "VALID")
    table.add("max_pool 2x2 128x26x26x32", compare(impls))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true", help="also print the table as JSON")
    parser.add_argument("--quick", action="store_true", help="skip the largest cases")
    parser.add_argument("--only", default="",
                        help="comma-separated families to run: matmul, conv, xent, elementwise, "
                             "reduce, indexing, overhead")
    args = parser.parse_args()
    peers = (["numpy"] + (["torch"] if torch is not None else [])
             + (["tensorflow"] if tf_ is not None else []))
    print("fasttf %s, isa=%s, threads=%d" % (tf.__version__, tf._C.isa(), tf._C.get_num_threads()))
    table = Table(peers)
    table.header()
    families = {"matmul": bench_matmul, "conv": bench_conv, "xent": bench_softmax_xent,
                "elementwise": bench_elementwise, "reduce": bench_reductions,
                "indexing": bench_indexing, "overhead": bench_overhead}
    only = [f for f in args.only.split(",") if f]
    unknown = sorted(set(only) - set(families))
    if unknown:
        parser.error("unknown families %s (choose from %s)" % (", ".join(unknown), ", ".join(families)))
    for name, fn in families.items():
        if not only or name in only:
            fn(table, args.quick)
    if args.json:
        print(table.to_json())


if __name__ == "__main__":
    main()
