"""A process forked after fasttf ran parallel kernels must still compute (GNU OpenMP's thread
pool does not survive fork: without care the child's first parallel region waits forever)."""

import sys

import pytest

from helpers import run_isolated

CHILD_COMPUTES = """
import os
import numpy as np
import fasttf as tf

a = np.random.default_rng(0).random((300, 300), dtype=np.float32)
x = tf.constant(a)
ones = tf.constant(np.ones(1 << 22, np.float32))
tf.matmul(x, x)          # the parent's OpenMP team exists now
tf.reduce_sum(ones)
pid = os.fork()
if pid == 0:
    product = tf.matmul(x, x).numpy()
    total = float(tf.reduce_sum(ones))
    ok = np.allclose(product, a.astype(np.float64) @ a, rtol=1e-4) and total == float(1 << 22)
    os._exit(0 if ok else 3)
_, status = os.waitpid(pid, 0)
print("child", os.waitstatus_to_exitcode(status))
# the parent keeps its threads
print("parent", np.allclose(tf.matmul(x, x).numpy(), a.astype(np.float64) @ a, rtol=1e-4),
      tf._C.get_num_threads())
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork")
def test_forked_child_computes_and_parent_keeps_its_threads():
    result = run_isolated(CHILD_COMPUTES, timeout=60)  # a hang fails here
    assert result.returncode == 0, result.stderr
    lines = result.stdout.split("\n")
    assert "child 0" in lines
    parent = [line for line in lines if line.startswith("parent")][0].split()
    assert parent[1] == "True" and int(parent[2]) >= 1
