"""The vectorised kernels: accuracy in ulp against float64 NumPy, the edge values (inf, nan,
overflow/underflow limits, subnormals), every vector tail length, and the instruction-set paths
(FASTTF_ISA=scalar / avx2 / default, each in a subprocess) against each other."""

import json
import math
import os
import subprocess
import sys

import numpy as np
import pytest

import fasttf as tf

TAILS = [1, 7, 17, 31, 33, 65, 127, 1023]
TINY = np.finfo(np.float32).tiny


def ulp_error(got, ref64):
    """|got - ref| in units of the float32 spacing at ref; references below FLT_MIN may flush
    to zero (the kernels run with FTZ/DAZ), and a float32-rounded reference that overflows must
    be matched exactly (inf)."""
    with np.errstate(all="ignore"):
        ref32 = ref64.astype(np.float32)
        # float32 spacing computed in float64: numpy's float32 np.spacing gives 0 for the
        # subnormal spacings once fasttf has turned flush-to-zero on for this thread.
        _, exponent = np.frexp(np.abs(ref32).astype(np.float64))
        spacing = np.maximum(np.ldexp(1.0, exponent - 24), 2.0 ** -149)
        err = np.abs(got.astype(np.float64) - ref64) / spacing
    err[(np.abs(ref64) < TINY) & (np.abs(got) < TINY)] = 0
    err[got == ref32] = 0
    err[~np.isfinite(ref32) & (got != ref32)] = np.inf
    return err


def wide(lo, hi, n=200_003):
    rng = np.random.default_rng(0)
    return rng.uniform(lo, hi, n).astype(np.float32)


def _erf64(x):
    return np.array([math.erf(v) for v in x.astype(np.float64)])


CASES = [
    ("exp", tf.exp, np.exp, wide(-104, 89), 2),
    ("log", tf.math.log, np.log, np.concatenate([wide(0, 10), np.exp(wide(-87, 88))]), 2),
    ("log1p", tf.math.log1p, np.log1p, np.concatenate([wide(-0.999, 10), wide(-1e-4, 1e-4)]), 3),
    ("expm1", tf.math.expm1, np.expm1, np.concatenate([wide(-20, 88), wide(-1e-3, 1e-3)]), 3),
    ("sigmoid", tf.math.sigmoid, lambda x: 1 / (1 + np.exp(-x)), wide(-80, 30), 3),
    # tanh and erf are TF's own float32 rational approximations (Eigen's), kept so results equal
    # TF's; they are within 6-7 ulp, the others within 2-3.
    ("tanh", tf.math.tanh, np.tanh, wide(-10, 10), 7),
    ("erf", tf.math.erf, _erf64, wide(-5, 5, 20_003), 6),
]


@pytest.mark.parametrize("name,op,ref,x,max_ulp", CASES, ids=[c[0] for c in CASES])
def test_accuracy_in_ulp(name, op, ref, x, max_ulp):
    got = op(tf.constant(x)).numpy()
    err = ulp_error(got, ref(x.astype(np.float64)))
    assert err.max() <= max_ulp, (name, x[err.argmax()], got[err.argmax()], err.max())


def test_edge_values_match_the_scalar_semantics():
    specials = np.array([np.inf, -np.inf, np.nan, 0.0, -0.0, 1e-40, -1e-40, 88.8, -104.0, 88.72,
                         -1.0, -2.0, 1.0], np.float32)
    with np.errstate(all="ignore"):
        expect = {
            tf.exp: [np.inf, 0, np.nan, 1, 1, 1, 1, np.inf, 0, None, None, None, None],
            tf.math.log: [np.inf, np.nan, np.nan, -np.inf, -np.inf, -np.inf, None, None, np.nan,
                          None, np.nan, np.nan, 0],
            tf.math.log1p: [np.inf, np.nan, np.nan, 0, 0, 0, 0, None, np.nan, None, -np.inf,
                            np.nan, None],
            tf.math.expm1: [np.inf, -1, np.nan, 0, 0, 0, 0, np.inf, -1, None, None, None, None],
            tf.math.sigmoid: [1, 0, np.nan, 0.5, 0.5, 0.5, 0.5, 1, 0, 1, None, None, None],
            tf.math.tanh: [1, -1, np.nan, 0, 0, 0, 0, 1, -1, 1, None, None, None],
            tf.math.erf: [1, -1, np.nan, 0, 0, 0, 0, 1, -1, 1, None, None, None],
        }
    for op, want in expect.items():
        got = op(tf.constant(specials)).numpy()
        for v, g, w in zip(specials, got, want):
            if w is None:
                continue
            if np.isnan(w):
                assert np.isnan(g), (op, v, g)
            else:
                assert g == np.float32(w), (op, v, g, w)
    assert np.isfinite(tf.exp(tf.constant([88.72], tf.float32)).numpy()).all()


@pytest.mark.parametrize("n", TAILS)
def test_every_tail_length_matches_the_strided_path(n):
    x = np.linspace(-6, 6, n, dtype=np.float32)
    for op, ref in ((tf.exp, np.exp), (tf.math.sigmoid, lambda v: 1 / (1 + np.exp(-v))),
                    (tf.nn.softplus, lambda v: np.logaddexp(0, v)), (tf.nn.elu, None),
                    (tf.nn.gelu, None), (tf.nn.swish, lambda v: v / (1 + np.exp(-v)))):
        # gelu's 1 + erf(x / sqrt 2) cancels for x < -3: compare it on an absolute scale.
        atol = 1e-6 if op is tf.nn.gelu else 3e-7
        contiguous = op(tf.constant(x)).numpy()
        # A strided view (every other element of a doubled array) takes the scalar functors.
        strided = op(tf.constant(np.repeat(x, 2))[::2]).numpy()
        np.testing.assert_allclose(contiguous, strided, rtol=3e-6, atol=atol)
        if ref is not None:
            np.testing.assert_allclose(contiguous, ref(x.astype(np.float64)), rtol=3e-6, atol=atol)
    sm = tf.nn.softmax(tf.constant(np.tile(x, (3, 1)))).numpy()
    e = np.exp(x.astype(np.float64) - x.max())
    np.testing.assert_allclose(sm, np.tile(e / e.sum(), (3, 1)), rtol=2e-6, atol=1e-8)


ISA_SCRIPT = r"""
import json, sys, numpy as np
sys.path.insert(0, %r)
import fasttf as tf
out = {"isa": tf._C.isa()}
for n in %r:
    x = np.linspace(-9, 9, n, dtype=np.float32)
    for name in ("exp", "sigmoid", "tanh", "erf", "softplus", "gelu"):
        fn = {"exp": tf.exp, "sigmoid": tf.math.sigmoid, "tanh": tf.math.tanh, "erf": tf.math.erf,
              "softplus": tf.nn.softplus, "gelu": tf.nn.gelu}[name]
        out["%%s %%d" %% (name, n)] = fn(tf.constant(x)).numpy().tolist()
    out["log %%d" %% n] = tf.math.log(tf.constant(np.abs(x) + 1e-3)).numpy().tolist()
    out["softmax %%d" %% n] = tf.nn.softmax(tf.constant(x[None])).numpy().tolist()
    out["sum %%d" %% n] = float(tf.reduce_sum(tf.constant(x)).numpy())
    rng = np.random.default_rng(n)
    a = rng.standard_normal((n, 37)).astype(np.float32)
    b = rng.standard_normal((37, n)).astype(np.float32)
    out["matmul %%d" %% n] = tf.matmul(a, b).numpy().tolist()
print(json.dumps(out))
"""


def _run_isa(isa):
    env = dict(os.environ)
    env.pop("FASTTF_ISA", None)
    if isa:
        env["FASTTF_ISA"] = isa
    # The subprocess imports the same fasttf as this process (installed or in-tree).
    python_dir = os.path.dirname(os.path.dirname(os.path.abspath(tf.__file__)))
    code = ISA_SCRIPT % (os.path.abspath(python_dir), TAILS[:-1] + [300])
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_instruction_set_paths_agree():
    results = {isa: _run_isa(isa) for isa in ("scalar", "avx2", None)}
    assert results["scalar"]["isa"] == "scalar"
    reference = results[None]
    for isa, res in results.items():
        for key, value in res.items():
            if key == "isa":
                continue
            tol = 2e-5 if key.startswith("matmul") else 2e-6
            np.testing.assert_allclose(np.array(value), np.array(reference[key]), rtol=tol,
                                       atol=tol, err_msg="%s vs default: %s" % (isa, key))
