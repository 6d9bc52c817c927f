"""Timing helpers shared by the benchmarks: medians of interleaved runs, ratio tables."""

import json
import statistics
import time


def time_once(fn, number, warmup=False):
    if warmup:
        fn()
    start = time.perf_counter()
    for _ in range(number):
        fn()
    return (time.perf_counter() - start) / number


def calibrate(fn, target_seconds=0.02):
    """How many calls make one timing sample last about target_seconds. Each count is timed
    three times and judged by the fastest: one slow stretch (a peer's threads still spinning
    on the other core) once made PyTorch's 200-us product calibrate to 4 calls, and samples
    of 4 calls after each settle pause then measured mostly its threads waking up (1-8 ms)."""
    fn()
    number = 1
    while True:
        t = min(time_once(fn, number) for _ in range(3))
        if t * number >= target_seconds or number >= 1 << 20:
            return number
        number *= 2


def compare(impls, repeats=11, target_seconds=0.02, settle_seconds=0.05):
    """Median seconds per call for each named callable, sampled in interleaved rounds so that
    machine noise hits every implementation alike. Returns {name: seconds}.

    repeats: samples per callable. On a shared machine a slow stretch (another tenant on the
    memory bus, a helper thread descheduled) lasts a sample or two; with 7 samples two such
    hits on one library moved a median by 10-20%, with 11 it takes three.

    settle_seconds: an idle pause after each sample, for multi-threaded peers. BLAS, OpenMP and
    TensorFlow's workers keep spinning for a while after a call returns (OpenBLAS' for ~0.1 s);
    without the pause they occupy the second core during the next library's sample (measured:
    fasttf's reduce_max over 16M floats 1.65 ms right after TensorFlow's, 1.28 ms alone).
    After the pause each sample starts with one untimed call, so that every library's threads
    are awake as in a training loop, where ops run back to back (waking them after the pause
    took 4-5% of a 20 ms sample of 200-us products, for fasttf and OpenBLAS alike)."""
    numbers = {}
    for name, fn in impls.items():
        numbers[name] = calibrate(fn, target_seconds)
        time.sleep(settle_seconds)  # as between samples: the next library calibrates alone
    samples = {name: [] for name in impls}
    for _ in range(repeats):
        for name, fn in impls.items():
            samples[name].append(time_once(fn, numbers[name], warmup=bool(settle_seconds)))
            if settle_seconds:
                time.sleep(settle_seconds)
    return {name: statistics.median(s) for name, s in samples.items()}


def format_seconds(s):
    if s is None:
        return "-"
    if s < 1e-6:
        return "%.0f ns" % (s * 1e9)
    if s < 1e-3:
        return "%.2f us" % (s * 1e6)
    if s < 1:
        return "%.2f ms" % (s * 1e3)
    return "%.2f s" % s


class Table:
    """Rows of (case, {impl: seconds}); prints fasttf's time and each peer's ratio to it
    (ratio > 1 means fasttf is faster)."""

    def __init__(self, peers):
        self.peers = peers
        self.rows = []

    def add(self, case, times, note=""):
        self.rows.append((case, times, note))
        self._print_row(case, times, note)

    def header(self):
        cols = ["case".ljust(44), "fasttf".rjust(10)]
        for p in self.peers:
            cols += [p.rjust(10), ("%s/ff" % {"tensorflow": "tf"}.get(p, p)).rjust(9)]
        print(" ".join(cols))

    def _print_row(self, case, times, note):
        ff = times.get("fasttf")
        cols = [case.ljust(44), format_seconds(ff).rjust(10)]
        for p in self.peers:
            t = times.get(p)
            ratio = "%.2fx" % (t / ff) if t and ff else "-"
            cols += [format_seconds(t).rjust(10), ratio.rjust(9)]
        print(" ".join(cols) + ("  " + note if note else ""), flush=True)

    def to_json(self):
        return json.dumps([{"case": c, "seconds": t, "note": n} for c, t, n in self.rows],
                          indent=1)
