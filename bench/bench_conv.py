"""Convolution and pooling timings: fasttf against PyTorch (when importable), median of
interleaved runs.

    PYTHONPATH=python python bench/bench_conv.py [--reps 7] [--quick]

Cases: the MNIST CNN's two convolutions (N=128, 28x28x1->32 and 13x13x32->64, 3x3 VALID), a
ResNet block convolution (N=32, 56x56x64->64, 3x3 SAME) and 2x2 max pooling; forward alone and
forward + backward (gradients wrt input and filter).
"""

import argparse
import statistics
import time

import numpy as np

import fasttf as tf
from fasttf import nn_conv

try:
    import torch
    import torch.nn.functional as F
except ImportError:  # optional baseline, never a dependency
    torch = None

CONV_CASES = [
    ("mnist conv1 128x28x28x1 -> 32, 3x3 VALID", (128, 28, 28, 1), (3, 3, 1, 32), "VALID"),
    ("mnist conv2 128x13x13x32 -> 64, 3x3 VALID", (128, 13, 13, 32), (3, 3, 32, 64), "VALID"),
    ("resnet 32x56x56x64 -> 64, 3x3 SAME", (32, 56, 56, 64), (3, 3, 64, 64), "SAME"),
]
POOL_CASES = [
    ("maxpool 2x2 128x26x26x32", (128, 26, 26, 32)),
    ("maxpool 2x2 32x56x56x64", (32, 56, 56, 64)),
]


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


def fasttf_conv(x_np, w_np, padding):
    x, w = tf.constant(x_np), tf.Variable(w_np)

    def forward():
        nn_conv.conv2d(x, w, 1, padding).numpy

    def train_step():
        with tf.GradientTape() as tape:
            tape.watch(x)
            loss = tf.reduce_sum(nn_conv.conv2d(x, w, 1, padding))
        tape.gradient(loss, [x, w])

    return forward, train_step


def torch_conv(x_np, w_np, padding):
    x = torch.tensor(x_np).permute(0, 3, 1, 2).contiguous(memory_format=torch.channels_last)
    x.requires_grad_(True)
    w = torch.tensor(w_np).permute(3, 2, 0, 1).contiguous().requires_grad_(True)
    pad = "same" if padding == "SAME" else 0

    def forward():
        with torch.no_grad():
            F.conv2d(x, w, padding=pad)

    def train_step():
        F.conv2d(x, w, padding=pad).sum().backward()

    return forward, train_step


def fasttf_pool(x_np):
    x = tf.constant(x_np)

    def forward():
        nn_conv.max_pool2d(x, 2, 2, "VALID")

    def train_step():
        with tf.GradientTape() as tape:
            tape.watch(x)
            loss = tf.reduce_sum(nn_conv.max_pool2d(x, 2, 2, "VALID"))
        tape.gradient(loss, x)

    return forward, train_step


def torch_pool(x_np):
    x = torch.tensor(x_np).permute(0, 3, 1, 2).contiguous(memory_format=torch.channels_last)
    x.requires_grad_(True)

    def forward():
        with torch.no_grad():
            F.max_pool2d(x, 2, 2)

    def train_step():
        F.max_pool2d(x, 2, 2).sum().backward()

    return forward, train_step


def report(label, kind, times):
    line = "%-46s %-9s fasttf %8.2f ms" % (label, kind, times["fasttf"])
    if "torch" in times:
        line += "   torch %8.2f ms   torch/fasttf %5.2fx" % (times["torch"],
                                                           times["torch"] / times["fasttf"])
    print(line, flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=7)
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    if torch is not None:
        print("torch %s, %d threads" % (torch.__version__, torch.get_num_threads()))
    else:
        print("torch not installed: fasttf times only")
    for label, xs, ws, padding in CONV_CASES:
        x = rng.standard_normal(xs).astype(np.float32)
        w = (rng.standard_normal(ws) * 0.1).astype(np.float32)
        impls = {"fasttf": fasttf_conv(x, w, padding)}
        if torch is not None:
            impls["torch"] = torch_conv(x, w, padding)
        for i, kind in enumerate(["forward", "fwd+bwd"]):
            report(label, kind, median_times({k: v[i] for k, v in impls.items()}, args.reps))
    for label, xs in POOL_CASES:
        x = rng.standard_normal(xs).astype(np.float32)
        impls = {"fasttf": fasttf_pool(x)}
        if torch is not None:
            impls["torch"] = torch_pool(x)
        for i, kind in enumerate(["forward", "fwd+bwd"]):
            report(label, kind, median_times({k: v[i] for k, v in impls.items()}, args.reps))


if __name__ == "__main__":
    main()
