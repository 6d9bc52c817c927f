"""Bad inputs across the core ops raise clear Python exceptions and never crash the process.

All cases run in one fresh interpreter (a crash there fails every case instead of killing the
test run); each case then reports the exception class it raised and its message.
"""

import json

import pytest

from helpers import run_isolated

IAE = "InvalidArgumentError"
RES = "ResourceExhaustedError"

# (code, accepted exception class names)
CASES = [
    # shapes and sizes
    ("tf.reshape(tf.zeros([6]), [4, -1])", [IAE]),
    ("tf.reshape(tf.zeros([6]), [-1, -1])", [IAE]),
    ("tf.reshape(tf.zeros([6]), [7])", [IAE]),
    ("tf.reshape(tf.zeros([6]), [-2, -3])", [IAE]),
    # (tf.reshape(tf.zeros([0]), [-1, 0]) is valid in TF: shape (1, 0); see
    # test_tf_semantics_more.py)
    ("tf.zeros([-1])", [IAE]),
    ("tf.ones([2, -3])", [IAE]),
    ("tf.zeros([2**40, 2**40])", [RES, IAE]),
    ("tf.zeros([2**62, 4])", [RES, IAE]),
    ("tf.fill([2**31, 2**31, 2**31], 1.0)", [RES, IAE]),
    ("tf.zeros([1] * 33)", [IAE]),
    ("tf.zeros(['a'])", ["TypeError"]),
    ("tf.zeros([2.5])", ["TypeError"]),
    ("tf.eye(-1)", [IAE]),
    ("tf.linspace(0., 1., -1)", [IAE]),
    ("tf.range(0, 10, 0)", [IAE]),
    ("tf.range(10, 0, 1)", [IAE]),
    ("tf.range(0., 1e19)", [IAE, RES]),
    # values that are not numeric tensors
    ("tf.constant(['a', 1])", ["ValueError"]),  # strings are tensors, mixed types are not
    ("tf.constant([['a'], ['b', 'c']])", ["ValueError"]),
    ("tf.constant('a', dtype=tf.float32)", ["TypeError"]),
    ("tf.constant(['a']) - 'b'", [IAE]),
    ("tf.exp(tf.constant(['a']))", [IAE]),  # numeric ops refuse string tensors, as TF
    ("tf.reduce_sum(tf.constant('a'))", [IAE]),
    ("tf.strings.substr('abc', 5, 1)", [IAE]),
    ("tf.strings.to_number('x')", [IAE]),
    ("tf.constant(1 + 2j)", ["TypeError"]),
    ("tf.constant(np.array([1 + 1j]))", ["TypeError"]),
    ("tf.constant(np.array([object()]))", ["ValueError"]),
    ("tf.constant(None)", ["TypeError", "ValueError"]),
    ("tf.constant([[1, 2], [3]])", ["ValueError"]),  # TF: non-rectangular
    ("tf.constant([1, 'a'])", ["ValueError"]),  # TF: mixed types (numbers, then a string)
    ("tf.constant([1, None])", ["ValueError"]),
    ("tf.constant([None])", ["ValueError"]),  # TF names the unsupported type
    ("tf.constant([1, [2]])", ["ValueError"]),
    ("tf.add([1.5, b'x'], 1.)", ["ValueError"]),
    ("tf.constant(2 ** 70)", [IAE, "ValueError", "OverflowError", "TypeError"]),
    ("tf.constant(np.nan, dtype=tf.int32)", ["TypeError"]),
    ("tf.constant(1.5, dtype=tf.int32)", ["TypeError"]),
    ("tf.cast(tf.zeros([2]), 'string')", ["UnimplementedError"]),  # as TF 2.21
    ("tf.constant(np.zeros([1] * 33))", [IAE]),
    # elementwise, broadcasting and dtypes
    ("tf.constant([1, 2]) + tf.constant([1, 2, 3])", [IAE]),
    ("tf.constant(1.) + tf.constant(1., tf.float64)", [IAE]),
    ("tf.constant([1, 2]) + 1.5", [IAE]),  # TF: AddV2 gets a float32 y (also a TypeError here)
    ("tf.constant([1, 2]) * 1.5", ["TypeError"]),  # TF: y must convert to int32
    ("tf.constant([5]) // tf.constant([0])", [IAE]),
    ("tf.constant([5], tf.int64) % 0", [IAE]),
    ("tf.constant([5], tf.uint8) // tf.constant([0], tf.uint8)", [IAE]),
    ("tf.exp(tf.constant([1, 2]))", ["TypeError", IAE]),
    ("tf.where(tf.constant([True]), tf.zeros([2]), tf.zeros([3]))", [IAE]),
    ("tf.where(tf.zeros([2]), tf.zeros([2]), tf.zeros([2]))", ["TypeError", IAE]),
    ("tf.clip_by_value(tf.zeros([3]), tf.zeros([2]), 1.)", [IAE]),
    ("tf.broadcast_to(tf.zeros([3]), [4])", [IAE]),
    ("tf.broadcast_to(tf.zeros([2, 3]), [3])", [IAE]),
    # matmul
    ("tf.matmul(tf.zeros([2, 3]), tf.zeros([4, 5]))", [IAE]),
    ("tf.matmul(tf.zeros([3]), tf.zeros([3]))", [IAE]),
    ("tf.matmul(tf.zeros([2, 2, 3]), tf.zeros([3, 3, 2]))", [IAE]),
    ("tf.matmul(tf.zeros([2, 3]), tf.zeros([3, 2], tf.float64))", [IAE]),
    # axes
    ("tf.transpose(tf.zeros([2, 3]), [0, 0])", [IAE]),
    ("tf.transpose(tf.zeros([2, 3]), [0, 2])", [IAE]),
    ("tf.transpose(tf.zeros([2, 3]), [0])", [IAE]),
    ("tf.expand_dims(tf.zeros([2]), 5)", [IAE]),
    ("tf.squeeze(tf.zeros([2, 3]), [0])", [IAE]),
    ("tf.squeeze(tf.zeros([2]), [3])", [IAE]),
    ("tf.reduce_sum(tf.zeros([2, 3]), axis=2)", [IAE]),
    ("tf.reduce_max(tf.zeros([2, 3]), axis=-3)", [IAE]),
    ("tf.argmax(tf.zeros([2, 3]), axis=2)", [IAE]),
    ("tf.argmax(tf.zeros([0]))", [IAE]),
    # indexing and Python protocol
    ("tf.zeros([2])[5]", [IAE]),
    ("tf.zeros([2])[-3]", [IAE]),
    ("tf.zeros([2])[0, 0]", [IAE]),  # TF's StridedSlice errors
    ("tf.zeros([2])[::0]", [IAE]),
    ("tf.zeros([2])['a']", ["TypeError"]),
    ("float(tf.zeros([2]))", ["ValueError", "TypeError"]),
    ("int(tf.constant([1, 2]))", ["ValueError", "TypeError"]),
    # variables and tapes
    ("tf.Variable([1., 2.]).assign([1., 2., 3.])", [IAE]),
    ("tf.Variable([1., 2.]).assign_add(tf.ones([3]))", [IAE]),
    ("tf.GradientTape().gradient(1.0, tf.Variable(1.))", ["RuntimeError"]),
    # random
    ("tf.random.uniform([2], dtype=tf.int32)", ["ValueError"]),
    ("tf.random.uniform([2], minval=3, maxval=1, dtype=tf.int32)", [IAE]),
    ("tf.random.normal([-2])", [IAE]),
    ("tf.random.normal([2], dtype=tf.int32)", ["ValueError", "TypeError"]),
    ("tf.random.categorical(tf.zeros([2, 0]), 3)", [IAE]),
    ("tf.random.categorical(tf.zeros([2, 2]), -1)", [IAE]),
    ("tf.random.categorical(tf.zeros([2]), 1)", [IAE]),
    ("tf.random.stateless_normal([2], seed=[1])", ["ValueError"]),
    ("tf.random.uniform([2**40, 2**40])", [RES, IAE]),
]

_RUNNER = """
import json, sys
import numpy as np
import fasttf as tf
cases = json.loads(sys.argv[1] if len(sys.argv) > 1 else %r)
out = []
for code in cases:
    try:
        eval(code)
        out.append([code, None, ""])
    except BaseException as e:
        out.append([code, type(e).__name__, str(e)])
print("RESULTS" + json.dumps(out))
"""


@pytest.fixture(scope="module")
def results():
    proc = run_isolated(_RUNNER % json.dumps([c for c, _ in CASES]), timeout=120)
    assert proc.returncode == 0, "the process crashed (%d): %s" % (proc.returncode,
                                                                   proc.stderr[-2000:])
    line = [s for s in proc.stdout.splitlines() if s.startswith("RESULTS")][0]
    return {code: (name, msg) for code, name, msg in json.loads(line[len("RESULTS"):])}


def test_enough_cases():
    assert len(CASES) >= 40


@pytest.mark.parametrize("code,accepted", CASES, ids=[c for c, _ in CASES])
def test_bad_input_raises(results, code, accepted):
    name, message = results[code]
    assert name is not None, "%s did not raise" % code
    assert name in accepted, "%s raised %s: %s" % (code, name, message)
    assert message.strip(), "%s raised %s without a message" % (code, name)


def test_error_classes_are_python_builtins_too():
    import fasttf as tf
    assert issubclass(tf.errors.InvalidArgumentError, ValueError)
    assert issubclass(tf.errors.ResourceExhaustedError, tf.errors.OpError)
    with pytest.raises(ValueError, match=r"\[matmul\]"):
        tf.matmul(tf.zeros([2, 3]), tf.zeros([4, 5]))


@pytest.mark.parametrize("value,message", [
    ([1, "a"], "Can't convert Python sequence with mixed types to Tensor."),
    ([True, "x"], "Can't convert Python sequence with mixed types to Tensor."),
    ([1.0, object()], "Can't convert Python sequence with mixed types to Tensor."),
    ([[1], 2], "Can't convert Python sequence with mixed types to Tensor."),
    ([[1, 2], [3]], "Can't convert non-rectangular Python sequence to Tensor."),
    ([None, None], "Attempt to convert a value (None) with an unsupported type "
                   "(<class 'NoneType'>) to a Tensor."),
])
def test_python_nests_that_are_not_numeric_arrays_get_tfs_messages(value, message):
    import fasttf as tf
    with pytest.raises(ValueError) as caught:
        tf.constant(value)
    assert type(caught.value) is ValueError and str(caught.value) == message
