"""Adam step over the 784-256-10 MLP's variables: fasttf's fused kernels (one C++ call per
step, one pass per variable) against a NumPy implementation of the same formulas (in place,
no temporaries beyond what NumPy needs), and PyTorch's Adam when installed.

    PYTHONPATH=python python bench/bench_optim.py
"""

import time

import numpy as np

import fasttf as tf

SHAPES = [(784, 256), (256,), (256, 10), (10,)]


def best_time(fn, repeat=7, number=50):
    fn()
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        best = min(best, (time.perf_counter() - start) / number)
    return best


def fasttf_step():
    rng = np.random.default_rng(0)
    variables = [tf.Variable(rng.standard_normal(s).astype(np.float32)) for s in SHAPES]
    grads = [tf.constant(rng.standard_normal(s).astype(np.float32)) for s in SHAPES]
    opt = tf.keras.optimizers.Adam(1e-3)
    pairs = list(zip(grads, variables))
    return lambda: opt.apply_gradients(pairs)


def numpy_step():
    rng = np.random.default_rng(0)
    xs = [rng.standard_normal(s).astype(np.float32) for s in SHAPES]
    gs = [rng.standard_normal(s).astype(np.float32) for s in SHAPES]
    ms = [np.zeros_like(x) for x in xs]
    vs = [np.zeros_like(x) for x in xs]
    state = {"t": 0}
    b1, b2, eps, lr = 0.9, 0.999, 1e-7, 1e-3

    def step():
        state["t"] += 1
        t = state["t"]
        alpha = np.float32(lr * np.sqrt(1 - b2 ** t) / (1 - b1 ** t))
        for x, g, m, v in zip(xs, gs, ms, vs):
            m += (g - m) * np.float32(1 - b1)
            v += (g * g - v) * np.float32(1 - b2)
            x -= alpha * m / (np.sqrt(v) + np.float32(eps))
    return step


def torch_step():
    try:
        import torch
    except ImportError:
        return None
    torch.set_num_threads(tf._C.get_num_threads())
    params = [torch.randn(*s, requires_grad=True) for s in SHAPES]
    for p in params:
        p.grad = torch.randn_like(p)
    opt = torch.optim.Adam(params, lr=1e-3, eps=1e-7)
    return opt.step


def main():
    n = sum(int(np.prod(s)) for s in SHAPES)
    results = {"fasttf": best_time(fasttf_step()), "numpy": best_time(numpy_step())}
    torch_fn = torch_step()
    if torch_fn is not None:
        results["torch"] = best_time(torch_fn)
    print(f"Adam step over {n} parameters (784-256-10 MLP), float32")
    for name, seconds in results.items():
        print(f"  {name:7s} {seconds * 1e6:9.1f} us   fasttf speed-up x{seconds / results['fasttf']:.2f}")


if __name__ == "__main__":
    main()
