"""Bitwise determinism across thread counts: matmul (incl. the MNIST training shapes), conv2d
forward and backward, reductions and softmax cross-entropy give the same bits under
OMP_NUM_THREADS=1 and 2 (each run in its own process, results compared by hash)."""

import json
import os
import subprocess
import sys

import fasttf as tf

SCRIPT = r"""
import hashlib, json, sys
import numpy as np
sys.path.insert(0, %r)
import fasttf as tf

def h(t):
    return hashlib.sha256(np.ascontiguousarray(t.numpy()).tobytes()).hexdigest()

rng = np.random.default_rng(0)
def r(*shape):
    return tf.constant(rng.standard_normal(shape).astype(np.float32))

out = {"threads": tf._C.get_num_threads()}
for m, k, n in ((128, 784, 256), (784, 128, 256), (128, 256, 784), (128, 256, 10), (64, 64, 64),
                (257, 300, 129), (1, 1000, 1), (1000, 1, 1000)):
    out["matmul %%d %%d %%d" %% (m, k, n)] = h(tf.matmul(r(m, k), r(k, n)))
a, b = r(300, 128), r(256, 300)
out["matmul ta tb"] = h(tf.matmul(a, b, transpose_a=True, transpose_b=True))
for shape, filt, pad in (((16, 28, 28, 1), (3, 3, 1, 32), "VALID"),
                         ((16, 13, 13, 32), (3, 3, 32, 64), "VALID"),
                         ((2, 20, 20, 16), (3, 3, 16, 16), "SAME")):
    x, w = tf.Variable(r(*shape)), tf.Variable(r(*filt))
    with tf.GradientTape() as tape:
        y = tf.nn.conv2d(x, w, strides=1, padding=pad)
        loss = tf.reduce_sum(y * y)
    gx, gw = tape.gradient(loss, [x, w])
    out["conv %%s fwd" %% (shape,)] = h(y)
    out["conv %%s dx" %% (shape,)] = h(gx)
    out["conv %%s dw" %% (shape,)] = h(gw)
big = r(1 << 20)
mat = r(1024, 1536)
for name, fn in (("sum", tf.reduce_sum), ("mean", tf.reduce_mean), ("max", tf.reduce_max)):
    out[name + " all"] = h(fn(big))
    out[name + " axis0"] = h(fn(mat, axis=0))
    out[name + " axis1"] = h(fn(mat, axis=1))
out["argmax"] = h(tf.argmax(mat, axis=1))
for rows, classes in ((128, 10), (256, 1000), (4096, 37)):
    logits = tf.Variable(r(rows, classes))
    labels = tf.constant(np.eye(classes, dtype=np.float32)[rng.integers(0, classes, rows)])
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels, logits))
    out["xent %%d %%d loss" %% (rows, classes)] = h(loss)
    out["xent %%d %%d grad" %% (rows, classes)] = h(tape.gradient(loss, logits))
    out["softmax %%d %%d" %% (rows, classes)] = h(tf.nn.softmax(logits))
print(json.dumps(out))
"""


def _run(threads):
    env = dict(os.environ, OMP_NUM_THREADS=str(threads))
    # The subprocess imports the same fasttf as this process (installed or in-tree).
    python_dir = os.path.dirname(os.path.dirname(os.path.abspath(tf.__file__)))
    proc = subprocess.run([sys.executable, "-c", SCRIPT % python_dir], env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_results_are_bitwise_equal_for_one_and_two_threads():
    one, two = _run(1), _run(2)
    assert one.pop("threads") == 1 and two.pop("threads") == 2
    differing = sorted(k for k in one if one[k] != two[k])
    assert not differing, differing
