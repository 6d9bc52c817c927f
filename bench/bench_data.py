"""tf.data throughput: one MNIST-shaped epoch through
from_tensor_slices -> shuffle(10000) -> batch(128) -> map(preprocess), iterated to the end.

Prints fasttf's time and that of a plain NumPy loop doing the same work (shuffle permutation,
gather, cast, reshape, scale, one-hot). TensorFlow's time is printed too when it is installed.
Run: PYTHONPATH=python python bench/bench_data.py
"""

import os
import time

import numpy as np

import fasttf as tf

HERE = os.path.dirname(os.path.abspath(__file__))
MNIST = os.path.join(HERE, "..", "..", "shared", "datasets", "mnist.npz")


def load():
    if os.path.exists(MNIST):
        with np.load(MNIST) as f:
            return f["x_train"], f["y_train"].astype(np.uint8)
    rng = np.random.default_rng(0)
    return (rng.integers(0, 256, (60000, 28, 28), dtype=np.uint8),
            rng.integers(0, 10, 60000, dtype=np.uint8))


def one_hot(module, y, depth):
    if hasattr(module, "one_hot"):
        return module.one_hot(y, depth=depth)
    return module.constant(np.eye(depth, dtype=np.float32)[np.asarray(y)])


def make_preprocess(module):
    def preprocess(x, y):
        x = module.cast(x, module.float32)
        x = module.reshape(x, [-1, 28 * 28]) / 255.0
        y = one_hot(module, module.cast(y, module.int32), 10)
        return x, y
    return preprocess


def epoch(module, x, y):
    ds = module.data.Dataset.from_tensor_slices((x, y))
    ds = ds.shuffle(10000).batch(128).map(make_preprocess(module))
    n = 0
    for bx, _by in ds:  # the labels are part of the work measured
        n += bx.shape[0]
    assert n == len(x), n
    return n


def numpy_epoch(x, y):
    eye = np.eye(10, dtype=np.float32)
    order = np.random.default_rng().permutation(len(x))
    n = 0
    for start in range(0, len(x), 128):
        idx = order[start:start + 128]
        bx = x[idx].astype(np.float32).reshape(-1, 784) / np.float32(255.0)
        _by = eye[y[idx].astype(np.int32)]  # the one-hot labels are part of the work
        n += bx.shape[0]
    return n


def best_of(fn, repeats=5):
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main():
    x, y = load()
    results = {"fasttf": best_of(lambda: epoch(tf, x, y)),
               "numpy loop": best_of(lambda: numpy_epoch(x, y))}
    try:
        import tensorflow as real_tf
        results["tensorflow"] = best_of(lambda: epoch(real_tf, x, y), 3)
    except ImportError:
        pass
    print("one epoch of MNIST (60000x28x28 uint8), shuffle(10000).batch(128).map(preprocess):")
    for name, seconds in results.items():
        print("  %-12s %7.1f ms  (fasttf is %.2fx)" % (name, seconds * 1e3,
                                                     seconds / results["fasttf"]))


if __name__ == "__main__":
    main()
