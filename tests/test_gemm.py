"""GEMM paths that tf.matmul and the fused Dense op reach by shape: a last row panel covered
exactly by a shorter edge kernel (A read in place) or with padding (packed first), the narrow
tile for C at most one vector wide, the small-product tile (B read in place in whole 64-column
panels), every ISA, and the task grid that shares C between
threads (same bits for any thread count, including odd ones)."""

import json
import os
import subprocess
import sys

import numpy as np
import pytest

import fasttf as tf
from fasttf import _C
from helpers import assert_close

# Row counts around the micro-kernel heights of every ISA: AVX-512 14 rows (edges 4, 8),
# narrow 28 (edges 4, 8, 16) and small 6 (edges 1, 2, 4), AVX2 6 (edges 2, 4) and narrow 12
# (edges 4, 8).
EDGE_ROWS = [1, 2, 4, 8, 16, 18, 22, 36, 44, 60, 128, 1026]


def _operands(m, k, n, ta, tb, dtype, seed):
    rng = np.random.default_rng(seed)
    a = rng.standard_normal((k, m) if ta else (m, k)).astype(dtype)
    b = rng.standard_normal((n, k) if tb else (k, n)).astype(dtype)
    return a, b


def _reference(a, b, ta, tb):
    a64, b64 = a.astype(np.float64), b.astype(np.float64)
    return (a64.T if ta else a64) @ (b64.T if tb else b64)


def _tolerance(dtype, k):
    # float32 sums of k products of standard normals: error grows like sqrt(k) * eps * |c|.
    return (1e-5, 1e-5 * np.sqrt(k)) if dtype == np.float32 else (1e-12, 1e-12 * np.sqrt(k))


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("n", [10, 33])
@pytest.mark.parametrize("m", EDGE_ROWS)
def test_matmul_edge_rows_every_transpose(m, n, dtype):
    k = 129
    for ta in (False, True):
        for tb in (False, True):
            a, b = _operands(m, k, n, ta, tb, dtype, seed=m * 7 + n)
            out = tf.matmul(tf.constant(a), tf.constant(b), transpose_a=ta, transpose_b=tb)
            rtol, atol = _tolerance(dtype, k)
            assert_close(out, _reference(a, b, ta, tb), rtol=rtol, atol=atol)


@pytest.mark.parametrize("m,k,n", [(2, 700, 300), (130, 784, 256), (1026, 40, 33),
                                   (44, 1000, 16), (60, 3, 1030)])
def test_matmul_large_k_and_wide_c_with_edge_rows(m, k, n):
    # Several K blocks (accumulating into C between blocks) and several column chunks.
    a, b = _operands(m, k, n, False, False, np.float32, seed=m + k + n)
    rtol, atol = _tolerance(np.float32, k)
    assert_close(tf.matmul(tf.constant(a), tf.constant(b)), _reference(a, b, False, False),
                 rtol=rtol, atol=atol)


@pytest.mark.parametrize("n", [64, 128])
@pytest.mark.parametrize("m", [1, 2, 3, 4, 5, 6, 7, 11, 64, 130])
def test_small_product_tile_edge_rows_and_a_layouts(m, n):
    # B row-major and at most 64 KB with whole 64-column panels: the 6×64 tile, with A read in
    # place (row-major or transposed) and the edges of 1, 2 and 4 rows (3 and 5 rows pack).
    for k in (1, 64, 125):
        for ta in (False, True):
            a, b = _operands(m, k, n, ta, False, np.float32, seed=m * 5 + k + n)
            out = tf.matmul(tf.constant(a), tf.constant(b), transpose_a=ta)
            rtol, atol = _tolerance(np.float32, k)
            assert_close(out, _reference(a, b, ta, False), rtol=rtol, atol=atol)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("ta", [False, True])
@pytest.mark.parametrize("n", [784, 33, 8])
def test_half_width_last_tile_gives_the_full_tile_bits(n, ta, dtype):
    # A last column panel of at most half a tile runs the half-width tile; widening B to a
    # whole number of tiles (full tiles there, padding included) must not change a bit.
    rng = np.random.default_rng(n)
    m, k, wide = 130, 129, (n + 31) // 32 * 32 + 32
    a = rng.standard_normal((k, m) if ta else (m, k)).astype(dtype)
    b = rng.standard_normal((k, wide)).astype(dtype)
    narrow = tf.matmul(tf.constant(a), tf.constant(np.ascontiguousarray(b[:, :n])),
                       transpose_a=ta).numpy()
    full = tf.matmul(tf.constant(a), tf.constant(b), transpose_a=ta).numpy()
    np.testing.assert_array_equal(narrow, full[:, :n])
    rtol, atol = _tolerance(dtype, k)
    assert_close(narrow, _reference(a, b[:, :n], ta, False), rtol=rtol, atol=atol)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("m,k,n", [(786, 128, 256), (44, 129, 100), (28, 7, 1030),
                                   (130, 500, 70)])
def test_transposed_a_packed_on_the_fly_gives_the_row_major_bits(m, k, n, dtype):
    # A^T read in place: the first tile of each row panel copies the panel as it goes and the
    # tiles to its right read that copy. The arithmetic is the row-major product's, bit for
    # bit, including several K blocks (k = 500), partial last column tiles and edge rows.
    rng = np.random.default_rng(m + k + n)
    a = rng.standard_normal((m, k)).astype(dtype)
    b = rng.standard_normal((k, n)).astype(dtype)
    row_major = tf.matmul(tf.constant(a), tf.constant(b)).numpy()
    transposed = tf.matmul(tf.constant(np.ascontiguousarray(a.T)), tf.constant(b),
                           transpose_a=True).numpy()
    np.testing.assert_array_equal(transposed, row_major)
    rtol, atol = _tolerance(dtype, k)
    assert_close(row_major, _reference(a, b, False, False), rtol=rtol, atol=atol)


@pytest.mark.parametrize("relu", [False, True])
@pytest.mark.parametrize("m", [2, 8, 18, 44, 128])
def test_fused_dense_bias_relu_on_edge_rows(m, relu):
    rng = np.random.default_rng(m)
    for k, n in ((784, 256), (256, 10), (100, 64)):
        x = rng.standard_normal((m, k)).astype(np.float32)
        kernel = rng.standard_normal((k, n)).astype(np.float32)
        bias = rng.standard_normal(n).astype(np.float32)
        out = _C.dense(tf.constant(x), tf.constant(kernel), tf.constant(bias), relu)
        expected = x.astype(np.float64) @ kernel + bias
        if relu:
            expected = np.maximum(expected, 0)
        rtol, atol = _tolerance(np.float32, k)
        assert_close(out, expected, rtol=rtol, atol=atol)


SUBPROCESS_SCRIPT = r"""
import hashlib, json, sys
import numpy as np
sys.path.insert(0, %r)
import fasttf as tf
shapes = %r
out = {"threads": tf._C.get_num_threads(), "isa": tf._C.isa()}
for m, k, n, ta, tb in shapes:
    rng = np.random.default_rng(m * 31 + k * 7 + n)
    a = rng.standard_normal((k, m) if ta else (m, k)).astype(np.float32)
    b = rng.standard_normal((n, k) if tb else (k, n)).astype(np.float32)
    for _ in range(3):  # repeated: the serial/parallel choice may change between calls
        c = tf.matmul(tf.constant(a), tf.constant(b), transpose_a=ta, transpose_b=tb).numpy()
        key = "%%d %%d %%d %%d %%d" %% (m, k, n, ta, tb)
        digest = hashlib.sha256(np.ascontiguousarray(c).tobytes()).hexdigest()
        assert out.setdefault(key, digest) == digest, key
    ref = (a.T if ta else a).astype(np.float64) @ (b.T if tb else b).astype(np.float64)
    out["err " + key] = float(np.abs(c - ref).max() / max(1.0, np.abs(ref).max()))
print(json.dumps(out))
"""

# Shapes whose thread tasks cut C along rows, columns or both, with edge panels in each task.
GRID_SHAPES = [(130, 784, 256, False, False), (786, 128, 256, True, False),
               (130, 256, 786, False, True), (600, 500, 700, False, False),
               (1030, 300, 130, True, True), (97, 97, 97, False, False),
               (1000, 64, 128, False, False)]


def _run(env_update, shapes):
    env = dict(os.environ)
    env.pop("FASTTF_ISA", None)
    env.update(env_update)
    python_dir = os.path.dirname(os.path.dirname(os.path.abspath(tf.__file__)))
    proc = subprocess.run([sys.executable, "-c", SUBPROCESS_SCRIPT % (python_dir, shapes)],
                          env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_task_grid_gives_the_same_bits_for_one_two_and_three_threads():
    runs = [_run({"OMP_NUM_THREADS": str(t)}, GRID_SHAPES) for t in (1, 2, 3)]
    assert [r.pop("threads") for r in runs] == [1, 2, 3]
    for r in runs:  # the float64 references themselves may differ in the last bits
        errors = [r.pop(key) for key in [key for key in r if key.startswith("err")]]
        assert len(errors) == len(GRID_SHAPES) and max(errors) < 1e-5, errors
    assert runs[0] == runs[1] == runs[2]


@pytest.mark.parametrize("isa", ["avx2", "scalar"])
def test_forced_instruction_sets_compute_edge_rows(isa):
    shapes = [(m, 129, n, ta, tb) for m in (2, 4, 8, 18, 22, 44, 128) for n in (10, 33)
              for ta, tb in ((False, False), (True, True))]
    result = _run({"FASTTF_ISA": isa, "OMP_NUM_THREADS": "2"}, shapes)
    assert result["isa"] == isa
    errors = {key: v for key, v in result.items() if key.startswith("err")}
    assert len(errors) == len(shapes) and all(v < 1e-5 for v in errors.values()), errors

