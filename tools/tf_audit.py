"""Differential audit: runs the same snippets under TensorFlow and fasttf and reports differences.

    PYTHONPATH=python VENV/bin/python tools/tf_audit.py [-v] [filter]

Each case is Python source run with `tf` bound to one library and `np` to NumPy; an expression's
value is the result, or for statements the variable `r`. Results are compared by value
(allclose, nan-aware), dtype, shape, str() and repr(); an exception by its class name (TF's
InvalidArgumentError vs fasttf.errors.InvalidArgumentError, TypeError, ValueError). A case
starting with "~" is random: only dtype and shape are compared. A case starting with "=" compares
value/dtype/shape but not the text. Not imported by tests (TensorFlow is no dependency).
"""

import os
import sys
import traceback

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import numpy as np  # noqa: E402

import tensorflow as real_tf  # noqa: E402
import fasttf as fast_tf  # noqa: E402

from tf_audit_cases import CASES  # noqa: E402


def run_case(lib, src):
    env = {"tf": lib, "np": np}
    try:
        try:
            code = compile(src, "<case>", "eval")
            return "ok", eval(code, env)
        except SyntaxError:
            exec(compile(src, "<case>", "exec"), env)
            return "ok", env.get("r")
    except Exception as e:  # noqa: BLE001 - the class is what we compare
        return "err", e


def describe_error(e):
    name = type(e).__name__
    if name in ("InvalidArgumentError", "OutOfRangeError", "ResourceExhaustedError",
                "UnimplementedError", "NotFoundError", "FailedPreconditionError"):
        return name
    return name


def flatten(x):
    if isinstance(x, (list, tuple)):
        # A tuple subclass printing as a tuple (fasttf's KerasTensor.shape) counts as a tuple;
        # namedtuples keep their own name.
        kind = type(x).__name__
        if isinstance(x, tuple) and not hasattr(x, "_fields") and type(x).__repr__ is tuple.__repr__:
            kind = "tuple"
        out = [("seq", kind, len(x))]
        for item in x:
            out.extend(flatten(item))
        return out
    if isinstance(x, dict):
        out = [("dict", tuple(sorted(map(str, x))))]
        for k in sorted(x, key=str):
            out.extend(flatten(x[k]))
        return out
    return [x]


def summarize(v):
    """(kind, dtype, shape, value array or text, str, repr) of a result leaf."""
    if type(v).__name__ == "IndexedSlices":   # TF's sparse gradient of gather: compare dense
        v = real_tf.convert_to_tensor(v)
    if hasattr(v, "numpy") and hasattr(v, "dtype") and hasattr(v, "shape"):
        arr = np.asarray(v.numpy())
        return ("tensor", str(v.dtype.name), tuple(arr.shape), arr, str(v), repr(v))
    if isinstance(v, np.ndarray) or isinstance(v, np.generic):
        arr = np.asarray(v)
        return ("ndarray", str(arr.dtype), arr.shape, arr, str(v), repr(v))
    if hasattr(v, "as_list") and hasattr(v, "rank"):   # TensorShape
        return ("shape", None, None, None, str(v), repr(v))
    if hasattr(v, "is_floating") and hasattr(v, "name"):   # DType
        return ("dtype", None, None, None, str(v), repr(v))
    if isinstance(v, (bool, int, float, str, type(None))):
        return (type(v).__name__, None, None, v, str(v), repr(v))
    return (type(v).__name__, None, None, None, str(v), repr(v))


def values_equal(a, b):
    if isinstance(a, np.ndarray) and isinstance(b, np.ndarray):
        if a.shape != b.shape:
            return False
        if a.dtype.kind in "fc" or b.dtype.kind in "fc":
            try:
                return np.allclose(a.astype(np.float64), b.astype(np.float64), rtol=1e-5,
                                   atol=1e-6, equal_nan=True)
            except (TypeError, ValueError):
                return False
        if a.dtype.kind in "SUO" or b.dtype.kind in "SUO":
            return [str(x) for x in a.ravel()] == [str(x) for x in b.ravel()]
        return np.array_equal(a, b)
    if isinstance(a, float) and isinstance(b, float):
        return np.isclose(a, b, rtol=1e-5, equal_nan=True)
    return a == b


def compare(src):
    mode = ""
    if src[:1] in "~=":
        mode, src = src[0], src[1:]
    kt, rt = run_case(real_tf, src)
    kf, rf = run_case(fast_tf, src)
    if kt == "err" or kf == "err":
        et = describe_error(rt) if kt == "err" else "no error"
        ef = describe_error(rf) if kf == "err" else "no error"
        # fasttf's InvalidArgumentError is also a ValueError, so `except ValueError` still works.
        if et != ef and not (et == "ValueError" and ef == "InvalidArgumentError"):
            detail = str(rt if kt == "err" else rf).splitlines()
            return ["error: tf=%s fasttf=%s (%s)" % (et, ef, detail[0][:150] if detail else "")]
        return []
    lt, lf = flatten(rt), flatten(rf)
    if len(lt) != len(lf):
        return ["structure: tf=%r fasttf=%r" % (lt[:4], lf[:4])]
    diffs = []
    for a, b in zip(lt, lf):
        if isinstance(a, tuple) or isinstance(b, tuple):
            if a != b:
                diffs.append("structure: tf=%r fasttf=%r" % (a, b))
            continue
        sa, sb = summarize(a), summarize(b)
        if sa[0] != sb[0] and not {sa[0], sb[0]} <= {"tensor"}:
            diffs.append("kind: tf=%s fasttf=%s" % (sa[0], sb[0]))
        if sa[1] != sb[1]:
            diffs.append("dtype: tf=%s fasttf=%s" % (sa[1], sb[1]))
        if sa[2] != sb[2]:
            diffs.append("shape: tf=%s fasttf=%s" % (sa[2], sb[2]))
        if mode == "~":
            continue
        if sa[3] is not None or sb[3] is not None:
            if not values_equal(sa[3], sb[3]):
                diffs.append("value: tf=%s fasttf=%s" % (str(sa[3])[:200], str(sb[3])[:200]))
        if mode == "=":
            continue
        if sa[4] != sb[4]:
            diffs.append("str:  tf=%r\n          fasttf=%r" % (sa[4][:300], sb[4][:300]))
        if sa[5] != sb[5] and sa[0] not in ("int", "float", "bool", "str", "NoneType"):
            diffs.append("repr: tf=%r\n          fasttf=%r" % (sa[5][:300], sb[5][:300]))
    return diffs


def main(argv):
    verbose = "-v" in argv
    filters = [a for a in argv if a != "-v"]
    failed = 0
    for src in CASES:
        if filters and not any(f in src for f in filters):
            continue
        real_tf.random.set_seed(0)
        fast_tf.random.set_seed(0)  # the same global seed: seeded shuffles compare exactly
        try:
            diffs = compare(src)
        except Exception:  # noqa: BLE001 - a broken comparison is itself a finding
            diffs = ["audit crash: " + traceback.format_exc().splitlines()[-1]]
        if diffs:
            failed += 1
            print("MISMATCH  %s" % src.replace("\n", "; "))
            for d in diffs[:4]:
                print("    " + d)
        elif verbose:
            print("ok        %s" % src.replace("\n", "; "))
    print("%d cases, %d mismatches" % (len(CASES), failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    sys.exit(main(sys.argv[1:]))
