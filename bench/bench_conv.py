"""Convolution and pooling timings: fasttf against TensorFlow and PyTorch (each when importable),
median of interleaved runs, printed as ratios (fasttf time / other time: below 1 is faster).

    PYTHONPATH=python VENV/bin/python bench/bench_conv.py [--reps 15] [--only mnist,resnet]

mnist: every op of one training step of the MNIST CNN at its real shapes (N=128; conv1
28x28x1 -> 26x26x32, pool -> 13x13x32, conv2 -> 11x11x64, pool -> 5x5x64), one by one:
conv + bias + ReLU forward, input gradient, filter gradient, bias gradient, max pool forward
and backward; then each conv layer's whole step (forward + the gradients
Keras asks for: conv1's input is data, so it has no input gradient), which in fasttf takes the
fused backward (ReLU mask, bias sum and filter gradient in one pass). TensorFlow runs each op
inside a tf.function, as Keras fit does.
resnet: a ResNet block convolution (N=32, 56x56x64 -> 64, 3x3 SAME), forward and fwd+bwd.
(VENV: a virtualenv with tensorflow and torch; neither is a dependency of fasttf.)
"""

import argparse
import os
import statistics
import time

import numpy as np

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import fasttf as ft  # noqa: E402
from fasttf import _C, nn_conv  # noqa: E402

try:
    import tensorflow as tf
except ImportError:  # optional baseline, never a dependency
    tf = None
try:
    import torch
    import torch.nn.functional as F
except ImportError:
    torch = None

RNG = np.random.default_rng(0)


def rand(*shape, scale=1.0):
    return (RNG.standard_normal(shape) * scale).astype(np.float32)


def median_times(fns, reps):
    """Runs every fn once to warm up, then reps rounds interleaving them; medians in ms."""
    for fn in fns.values():
        fn()
    samples = {name: [] for name in fns}
    for _ in range(reps):
        for name, fn in fns.items():
            start = time.perf_counter()
            fn()
            samples[name].append((time.perf_counter() - start) * 1e3)
    return {name: statistics.median(s) for name, s in samples.items()}


def report(label, fns, reps):
    times = median_times({k: v for k, v in fns.items() if v is not None}, reps)
    line = "%-34s fasttf %8.3f ms" % (label, times["fasttf"])
    for other in ("tf", "torch"):
        if other in times:
            line += "   %s %8.3f ms (%.2fx)" % (other, times[other],
                                                 times["fasttf"] / times[other])
    print(line, flush=True)
    return times


def graph(fn):
    """fn as a TensorFlow graph (what Keras fit runs); None without TensorFlow."""
    if tf is None:
        return None
    compiled = tf.function(fn)
    return lambda: compiled()


def conv_ops(name, xs, ws, need_input, reps, totals):
    x, w, b = rand(*xs), rand(*ws, scale=0.1), rand(ws[3])
    fx, fw, fb = ft.constant(x), ft.Variable(w), ft.Variable(b)
    y = nn_conv._conv2d_fused(fx, fw, fb, 1, "VALID", relu=True)
    g = rand(*y.shape.as_list())
    fg = ft.constant(g)
    if tf is not None:
        tx, tw, tb, tg = (tf.constant(a) for a in (x, w, b, g))
        twv, tbv = tf.Variable(w), tf.Variable(b)
    strides, pads = [1, 1], []
    cases = [
        ("fwd+bias+relu", lambda: _C.conv2d(fx, fw, strides, strides, "VALID", pads, fb, True),
         lambda: tf.nn.relu(tf.nn.bias_add(tf.nn.conv2d(tx, tw, 1, "VALID"), tb))),
        ("dinput", lambda: _C.conv2d_backprop_input(list(xs), fw, fg, strides, strides, "VALID",
                                                    pads),
         lambda: tf.raw_ops.Conv2DBackpropInput(input_sizes=list(xs), filter=tw, out_backprop=tg,
                                                strides=[1, 1, 1, 1], padding="VALID")),
        ("dfilter", lambda: _C.conv2d_backprop_filter(fx, list(ws), fg, strides, strides, "VALID",
                                                      pads),
         lambda: tf.raw_ops.Conv2DBackpropFilter(input=tx, filter_sizes=list(ws), out_backprop=tg,
                                                 strides=[1, 1, 1, 1], padding="VALID")),
        ("dbias", lambda: ft.reduce_sum(fg, [0, 1, 2]),
         lambda: tf.raw_ops.BiasAddGrad(out_backprop=tg)),
    ]
    for op, fast, ref in cases:
        report("%s %s" % (name, op), {"fasttf": fast, "tf": graph(ref) if tf else None}, reps)

    def fast_step():
        with ft.GradientTape() as tape:
            if need_input:
                tape.watch(fx)
            out = nn_conv._conv2d_fused(fx, fw, fb, 1, "VALID", relu=True)
        tape.gradient(out, [fx, fw, fb] if need_input else [fw, fb], output_gradients=fg)

    def tf_step():
        with tf.GradientTape() as tape:
            if need_input:
                tape.watch(tx)
            out = tf.nn.relu(tf.nn.bias_add(tf.nn.conv2d(tx, twv, 1, "VALID"), tbv))
        return tape.gradient(out, [tx, twv, tbv] if need_input else [twv, tbv],
                             output_gradients=tg)

    times = report("%s layer fwd+bwd" % name,
                   {"fasttf": fast_step, "tf": graph(tf_step) if tf else None}, reps)
    for k, v in times.items():
        totals[k] = totals.get(k, 0.0) + v


def pool_ops(name, xs, reps, totals):
    x = rand(*xs)
    fx = ft.constant(x)
    y = nn_conv.max_pool2d(fx, 2, 2, "VALID")
    g = rand(*y.shape.as_list())
    fy, fg = ft.constant(y.numpy()), ft.constant(g)
    if tf is not None:
        tx, ty, tg = tf.constant(x), tf.constant(y.numpy()), tf.constant(g)
    fwd = report("%s fwd" % name, {
        "fasttf": lambda: _C.max_pool2d(fx, [2, 2], [2, 2], "VALID", []),
        "tf": graph(lambda: tf.nn.max_pool2d(tx, 2, 2, "VALID")) if tf else None}, reps)
    bwd = report("%s bwd" % name, {
        "fasttf": lambda: _C.max_pool2d_grad(fx, fy, fg, [2, 2], [2, 2], "VALID", []),
        "tf": graph(lambda: tf.raw_ops.MaxPoolGrad(orig_input=tx, orig_output=ty, grad=tg,
                                                   ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1],
                                                   padding="VALID")) if tf else None}, reps)
    for times in (fwd, bwd):
        for k, v in times.items():
            totals[k] = totals.get(k, 0.0) + v


def resnet(reps):
    x_np, w_np = rand(32, 56, 56, 64), rand(3, 3, 64, 64, scale=0.1)
    x, w = ft.constant(x_np), ft.Variable(w_np)

    def fast_step():
        with ft.GradientTape() as tape:
            tape.watch(x)
            loss = ft.reduce_sum(nn_conv.conv2d(x, w, 1, "SAME"))
        tape.gradient(loss, [x, w])

    fns_fwd = {"fasttf": lambda: nn_conv.conv2d(x, w, 1, "SAME")}
    fns_step = {"fasttf": fast_step}
    if tf is not None:
        tx, tw = tf.Variable(x_np), tf.Variable(w_np)  # variables: nothing to constant-fold

        def tf_step():
            with tf.GradientTape() as tape:
                tape.watch(tx)
                loss = tf.reduce_sum(tf.nn.conv2d(tx, tw, 1, "SAME"))
            # The loss is returned too: a graph that returned only the gradients would drop the
            # forward convolution, whose output no gradient of a linear op needs.
            return loss, tape.gradient(loss, [tx, tw])

        fns_fwd["tf"] = graph(lambda: tf.nn.conv2d(tx, tw, 1, "SAME"))
        fns_step["tf"] = graph(tf_step)
    if torch is not None:
        tx_ = torch.tensor(x_np).permute(0, 3, 1, 2).contiguous(
            memory_format=torch.channels_last).requires_grad_(True)
        tw_ = torch.tensor(w_np).permute(3, 2, 0, 1).contiguous().requires_grad_(True)

        def torch_fwd():
            with torch.no_grad():
                F.conv2d(tx_, tw_, padding="same")

        fns_fwd["torch"] = torch_fwd
        fns_step["torch"] = lambda: F.conv2d(tx_, tw_, padding="same").sum().backward()
    report("resnet 32x56x56x64 3x3 SAME fwd", fns_fwd, reps)
    report("resnet 32x56x56x64 3x3 SAME fwd+bwd", fns_step, reps)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=15)
    parser.add_argument("--only", default="mnist,resnet")
    args = parser.parse_args()
    print("tensorflow %s, torch %s" % (tf.__version__ if tf else "not installed",
                                       torch.__version__ if torch else "not installed"))
    only = args.only.split(",")
    if "mnist" in only:
        totals = {}
        conv_ops("conv1", (128, 28, 28, 1), (3, 3, 1, 32), False, args.reps, totals)
        pool_ops("pool1 128x26x26x32", (128, 26, 26, 32), args.reps, totals)
        conv_ops("conv2", (128, 13, 13, 32), (3, 3, 32, 64), True, args.reps, totals)
        pool_ops("pool2 128x11x11x64", (128, 11, 11, 64), args.reps, totals)
        line = "mnist conv layers + pools, one step: fasttf %.2f ms" % totals["fasttf"]
        if "tf" in totals:
            line += "   tf %.2f ms (%.2fx)" % (totals["tf"], totals["fasttf"] / totals["tf"])
        print(line)
    if "resnet" in only:
        resnet(args.reps)


if __name__ == "__main__":
    main()
