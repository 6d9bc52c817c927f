"""Recurrent layers: Keras fit and predict of a small LSTM / GRU model, the same TF-2 code run by
fasttf and (when importable) TensorFlow, interleaved in one run.

  model  Input (T, D) -> LSTM or GRU (units) -> Dense 1, Adam, MSE, batch B
  sizes  B=64, T=20, D=32, units=64 by default (--batch --steps --features --units)

Prints milliseconds per training step and per predicted batch, and the ratio fasttf / TF
(below 1: fasttf faster). The best of --repeats timings is kept for each.

  PYTHONPATH=python VENV/bin/python bench/bench_rnn.py [--threads N] [--only lstm,gru]
(VENV: a virtualenv with tensorflow; it is never a dependency of fasttf.)
"""

import argparse
import os
import time


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, default=0, help="threads for every library (0: all)")
    p.add_argument("--only", default="lstm,gru")
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--steps", type=int, default=20)
    p.add_argument("--features", type=int, default=32)
    p.add_argument("--units", type=int, default=64)
    p.add_argument("--batches", type=int, default=50, help="batches per timed epoch")
    return p.parse_args()


ARGS = parse_args()
if ARGS.threads:
    os.environ["OMP_NUM_THREADS"] = str(ARGS.threads)  # before any OpenMP runtime loads
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np  # noqa: E402


def libraries():
    import fasttf
    out = [("fasttf", fasttf)]
    try:
        import tensorflow
        if ARGS.threads:
            tensorflow.config.threading.set_intra_op_parallelism_threads(ARGS.threads)
            tensorflow.config.threading.set_inter_op_parallelism_threads(ARGS.threads)
        out.append(("tf", tensorflow))
    except ImportError:
        pass
    return out


def model(tf, kind):
    layers = tf.keras.layers
    recurrent = {"lstm": layers.LSTM, "gru": layers.GRU}[kind]
    m = tf.keras.Sequential([layers.Input((ARGS.steps, ARGS.features)), recurrent(ARGS.units),
                             layers.Dense(1)])
    m.compile(optimizer="adam", loss="mse")
    return m


def time_one(tf, kind, x, y):
    """(ms per fit step, ms per predicted batch), best of --repeats."""
    m = model(tf, kind)
    m.fit(x[:ARGS.batch * 4], y[:ARGS.batch * 4], batch_size=ARGS.batch, verbose=0)  # warm up
    m.predict(x[:ARGS.batch * 2], batch_size=ARGS.batch, verbose=0)
    fit = predict = float("inf")
    for _ in range(ARGS.repeats):
        start = time.perf_counter()
        m.fit(x, y, batch_size=ARGS.batch, epochs=1, verbose=0)
        fit = min(fit, (time.perf_counter() - start) / ARGS.batches * 1e3)
        start = time.perf_counter()
        m.predict(x, batch_size=ARGS.batch, verbose=0)
        predict = min(predict, (time.perf_counter() - start) / ARGS.batches * 1e3)
    return fit, predict


def main():
    rng = np.random.default_rng(0)
    n = ARGS.batch * ARGS.batches
    x = rng.standard_normal((n, ARGS.steps, ARGS.features)).astype("float32")
    y = rng.standard_normal((n, 1)).astype("float32")
    libs = libraries()
    print("B=%d T=%d D=%d units=%d threads=%s" % (ARGS.batch, ARGS.steps, ARGS.features,
                                                   ARGS.units, ARGS.threads or "all"))
    for kind in ARGS.only.split(","):
        times = {name: time_one(lib, kind, x, y) for name, lib in libs}
        fasttf_fit, fasttf_predict = times["fasttf"]
        line = "%-4s fasttf fit %7.2f ms/step predict %7.2f ms/batch" % (
            kind, fasttf_fit, fasttf_predict)
        if "tf" in times:
            tf_fit, tf_predict = times["tf"]
            line += " | tf fit %7.2f predict %7.2f | ratio fit %.2f predict %.2f" % (
                tf_fit, tf_predict, fasttf_fit / tf_fit, fasttf_predict / tf_predict)
        print(line)


if __name__ == "__main__":
    main()
