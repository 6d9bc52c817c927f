"""gather, gather_nd, scatter_nd, tensor_scatter_nd_*, where, boolean_mask, sort, top_k..."""

import numpy as np
import pytest

import fasttf as tf
from helpers import assert_close, check_grad, run_isolated

ALL_DTYPES = [np.float32, np.float64, np.int32, np.int64]


def _arr(shape, dtype=np.float64, seed=0):
    rng = np.random.default_rng(seed)
    return (rng.standard_normal(shape) * 10).astype(dtype)


# --- notes' snippets ---------------------------------------------------------------------------

def test_notes_snippets():
    s = tf.scatter_nd(indices=tf.constant([[2], [5]]), updates=tf.constant([2.2, 5.5]), shape=[8])
    assert str(s) == "tf.Tensor([0.  0.  2.2 0.  0.  5.5 0.  0. ], shape=(8,), dtype=float32)"
    cond = tf.constant([[True, False, True], [False, False, True], [True, True, False]])
    w = tf.where(cond)
    assert w.dtype == tf.int64
    assert w.numpy().tolist() == [[0, 0], [0, 2], [1, 2], [2, 0], [2, 1]]
    x = tf.reshape(tf.range(4 * 3 * 5 * 2), [4, 3, 5, 2])
    assert_close(tf.gather(x, [2, 4], axis=2), x.numpy()[:, :, [2, 4]])
    assert_close(tf.gather_nd(x, [[1, 1], [2, 2], [3, 2]]), x.numpy()[[1, 2, 3], [1, 2, 2]])
    assert_close(tf.boolean_mask(x, mask=[True, False, True, True], axis=0),
                 x.numpy()[[0, 2, 3]])
    m = np.array([[True, False, True], [False, True, True], [False, False, False], [True] * 3])
    assert_close(tf.boolean_mask(x, m), x.numpy()[m])


# --- gather ------------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", ALL_DTYPES + [np.bool_])
def test_gather_matches_numpy(dtype):
    x = _arr((4, 5, 3), dtype)
    idx = np.array([[2, 0], [1, 1]])
    for axis in (0, 1, 2, -1):
        assert_close(tf.gather(x, idx, axis=axis), np.take(x, idx, axis=axis))
        assert_close(tf.gather(x, tf.constant(idx, tf.int64), axis=axis),
                     np.take(x, idx, axis=axis))
    assert_close(tf.gather(x, 2), x[2])                              # 0-d index
    assert_close(tf.gather(x, np.zeros([0], np.int32), axis=1), x[:, :0])
    assert_close(tf.gather(tf.transpose(x), [1, 0]), x.T[[1, 0]])    # non-contiguous params


def test_gather_batch_dims():
    x = _arr((2, 4, 3))
    idx = np.array([[0, 3, 3], [2, 1, 0]])
    want = np.stack([np.take(x[b], idx[b], axis=0) for b in range(2)])
    assert_close(tf.gather(x, idx, batch_dims=1), want)
    assert_close(tf.gather(x, idx, axis=1, batch_dims=-1), want)
    idx2 = idx % 3
    want2 = np.stack([np.take(x[b], idx2[b], axis=1) for b in range(2)])
    assert_close(tf.gather(x, idx2, axis=2, batch_dims=1), want2)


def test_gather_errors():
    with pytest.raises(tf.errors.InvalidArgumentError, match=r"indices\[1\] = 7 is not in \[0, 4\)"):
        tf.gather(tf.constant([1, 2, 3, 4]), [0, 7])
    with pytest.raises(tf.errors.InvalidArgumentError, match=r"indices\[0,1\] = -1"):
        tf.gather(tf.zeros([4]), [[0, -1]])
    with pytest.raises(tf.errors.InvalidArgumentError, match="axis"):
        tf.gather(tf.zeros([4]), [0], axis=1)
    with pytest.raises(TypeError, match="int32 or int64"):
        tf.gather(tf.zeros([4]), [0.5])
    with pytest.raises(tf.errors.InvalidArgumentError, match="batch_dims"):
        tf.gather(tf.zeros([2, 4]), [[0], [1]], axis=0, batch_dims=1)
    with pytest.raises(tf.errors.InvalidArgumentError, match="must be equal"):
        tf.gather(tf.zeros([2, 4]), [[0], [1], [1]], batch_dims=1)
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.gather(tf.zeros([0]), [0])


def test_out_of_range_indices_do_not_crash_the_process():
    result = run_isolated("""
        import fasttf as tf
        for fn in (lambda: tf.gather(tf.zeros([4, 1000]), [2**31 - 1]),
                   lambda: tf.gather(tf.zeros([4]), tf.constant([-2**62], tf.int64)),
                   lambda: tf.gather_nd(tf.zeros([4, 4]), [[1, 1 << 20]]),
                   lambda: tf.scatter_nd([[9]], [1.0], [4]),
                   lambda: tf.tensor_scatter_nd_add(tf.zeros([4]), [[-1]], [1.0]),
                   lambda: tf.tensor_scatter_nd_update(tf.zeros([4]), [[4]], [1.0])):
            try:
                fn()
            except tf.errors.InvalidArgumentError:
                pass
            else:
                raise SystemExit("no error")
        print("ok")
    """)
    assert result.returncode == 0 and "ok" in result.stdout, result.stderr


def test_gather_grad_accumulates_duplicates():
    x = _arr((5, 3))
    check_grad(lambda t: tf.gather(t, [[4, 0], [4, 4]], axis=0), [x])
    check_grad(lambda t: tf.gather(t, [2, 2, 0], axis=1), [x])
    check_grad(lambda t: tf.gather(t, [[1, 1], [0, 2], [2, 1], [0, 0], [2, 2]], axis=1,
                                   batch_dims=1), [x])
    v = tf.Variable(np.ones([4, 2]))
    with tf.GradientTape() as tape:
        y = tf.reduce_sum(tf.gather(v, [1, 1, 3]))
    assert tape.gradient(y, v).numpy().tolist() == [[0, 0], [2, 2], [0, 0], [1, 1]]


def test_gather_second_order():
    x = tf.constant(_arr((4,)))
    with tf.GradientTape() as outer:
        outer.watch(x)
        with tf.GradientTape() as inner:
            inner.watch(x)
            y = tf.reduce_sum(tf.gather(x, [0, 0, 3]) ** 3)
        g = inner.gradient(y, x)
    h = outer.gradient(g, x)
    xs = x.numpy()
    assert_close(h, np.array([12 * xs[0], 0, 0, 6 * xs[3]]))


# --- gather_nd ---------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_gather_nd_matches_numpy(dtype):
    x = _arr((3, 4, 2), dtype)
    idx = np.array([[[0, 1], [2, 3]], [[1, 0], [2, 2]]])
    assert_close(tf.gather_nd(x, idx), x[idx[..., 0], idx[..., 1]])
    assert_close(tf.gather_nd(x, [[2, 3, 1]]), x[[2], [3], [1]])
    assert_close(tf.gather_nd(x, [1]), x[1])
    assert_close(tf.gather_nd(x, np.zeros([2, 0], np.int32)), np.stack([x, x]))
    b = np.array([[1], [3], [0]])
    assert_close(tf.gather_nd(x, b, batch_dims=1), x[np.arange(3), b[:, 0]])


def test_gather_nd_errors_and_grad():
    with pytest.raises(tf.errors.InvalidArgumentError,
                       match=r"indices\[1\] = \[1, 7\] does not index into param shape"):
        tf.gather_nd(tf.zeros([3, 4]), [[0, 0], [1, 7]])
    with pytest.raises(tf.errors.InvalidArgumentError, match="innermost"):
        tf.gather_nd(tf.zeros([3, 4]), [[0, 0, 0]])
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.gather_nd(tf.zeros([3, 4]), 1)
    check_grad(lambda t: tf.gather_nd(t, [[1, 1], [2, 2], [1, 1]]), [_arr((3, 4))])
    check_grad(lambda t: tf.gather_nd(t, [[2], [0], [2]]), [_arr((3, 4))])


# --- scatter -----------------------------------------------------------------------------------

def _np_scatter(kind, tensor, indices, updates):
    out = tensor.copy()
    for i in np.ndindex(*indices.shape[:-1]):
        key = tuple(indices[i])
        if kind == "update":
            out[key] = updates[i]
        elif kind == "add":
            out[key] = out[key] + updates[i]
        elif kind == "sub":
            out[key] = out[key] - updates[i]
        elif kind == "max":
            out[key] = np.maximum(out[key], updates[i])
        else:
            out[key] = np.minimum(out[key], updates[i])
    return out


@pytest.mark.parametrize("dtype", ALL_DTYPES)
@pytest.mark.parametrize("kind", ["update", "add", "sub", "max", "min"])
def test_tensor_scatter_matches_numpy(dtype, kind):
    fn = getattr(tf, "tensor_scatter_nd_" + kind)
    t = _arr((4, 3), dtype)
    idx = np.array([[2], [0], [2]])
    upd = _arr((3, 3), dtype, 1)
    assert_close(fn(t, idx, upd), _np_scatter(kind, t, idx, upd))
    idx2 = np.array([[1, 2], [3, 0], [1, 2]])
    assert_close(fn(t, idx2, upd[:, 0]), _np_scatter(kind, t, idx2, upd[:, 0]))
    assert_close(fn(tf.transpose(t), [[1, 3]], upd[:1, 0]),
                 _np_scatter(kind, t.T.copy(), np.array([[1, 3]]), upd[:1, 0]))


def test_scatter_nd_and_errors():
    out = tf.scatter_nd([[1], [3], [1]], [[1, 2], [3, 4], [5, 6]], [4, 2])
    assert out.dtype == tf.int32 and out.numpy().tolist() == [[0, 0], [6, 8], [0, 0], [3, 4]]
    with pytest.raises(tf.errors.InvalidArgumentError,
                       match=r"indices\[1\] = \[7\] does not index into shape \(4,\)"):
        tf.scatter_nd([[1], [7]], [1.0, 2.0], [4])
    with pytest.raises(tf.errors.InvalidArgumentError, match="updates must have shape"):
        tf.tensor_scatter_nd_update(tf.zeros([4, 2]), [[1]], tf.zeros([1, 3]))
    with pytest.raises(tf.errors.InvalidArgumentError, match="depth"):
        tf.tensor_scatter_nd_add(tf.zeros([4]), [[1, 1]], [1.0])
    with pytest.raises((TypeError, tf.errors.InvalidArgumentError), match="dtype"):
        tf.tensor_scatter_nd_add(tf.zeros([4]), [[1]], tf.constant([1], tf.int32))
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.scatter_nd([[1]], [1.0], [-4])


@pytest.mark.parametrize("kind", ["update", "add", "sub", "max", "min"])
def test_tensor_scatter_grad(kind):
    fn = getattr(tf, "tensor_scatter_nd_" + kind)
    t = _arr((4, 3))
    upd = _arr((2, 3), seed=1)
    check_grad(lambda a, u: fn(a, [[2], [0]], u), [t, upd])


def test_scatter_nd_grad():
    check_grad(lambda u: tf.scatter_nd([[1], [3], [1]], u, [5, 2]), [_arr((3, 2))])


# --- where / boolean_mask ----------------------------------------------------------------------

def test_where_one_and_three_arguments():
    x = _arr((3, 4, 2), np.int32) % 3
    assert_close(tf.where(x), np.argwhere(x))
    assert_close(tf.where(tf.transpose(tf.constant(x) > 0)), np.argwhere(x.T > 0))
    assert tf.where(tf.zeros([0, 3], tf.bool)).shape == (0, 2)
    with pytest.raises(tf.errors.InvalidArgumentError):  # TF: WhereOp: Unhandled dimensions: 0
        tf.where(tf.constant(True))
    big = np.random.default_rng(0).random(100000) > 0.5
    assert_close(tf.where(big), np.argwhere(big))
    c = np.array([[True], [False]])
    a, b = _arr((2, 3)), _arr((3,), seed=1)
    assert_close(tf.where(c, a, b), np.where(c, a, b))
    assert tf.where([True, False], 1, 2).numpy().tolist() == [1, 2]
    with pytest.raises(ValueError):
        tf.where(c, a)
    check_grad(lambda p, q: tf.where(c, p, q), [a, b])


@pytest.mark.parametrize("dtype", ALL_DTYPES + [np.bool_])
def test_boolean_mask(dtype):
    x = _arr((3, 4, 2), dtype)
    m = np.array([True, False, True, True])
    assert_close(tf.boolean_mask(x, m, axis=1), x[:, m])
    assert_close(tf.boolean_mask(x, m, axis=-2), x[:, m])
    m2 = np.array([[True, False], [False, False], [True, True], [False, True]])
    assert_close(tf.boolean_mask(x, m2, axis=1), x[:, m2])
    assert_close(tf.boolean_mask(x, np.zeros(3, bool)), x[:0])


def test_boolean_mask_errors_and_grad():
    with pytest.raises(tf.errors.InvalidArgumentError, match="incompatible"):
        tf.boolean_mask(tf.zeros([3, 4]), [True, False])
    with pytest.raises(tf.errors.InvalidArgumentError, match="scalar"):
        tf.boolean_mask(tf.zeros([3]), True)
    # as TF: a numeric mask selects its nonzero entries
    assert tf.boolean_mask(tf.range(3), tf.constant([1, 0, 1])).numpy().tolist() == [0, 2]
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.boolean_mask(tf.zeros([3]), [[True, False, True]])
    m = np.array([[True, False, True], [False, True, True]])
    check_grad(lambda t: tf.boolean_mask(t, m), [_arr((2, 3, 2))])


# --- sort / argsort / top_k --------------------------------------------------------------------

@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_sort_argsort_match_numpy(dtype):
    x = _arr((3, 5, 4), dtype) // 3       # ties exercise stability
    for axis in (-1, 0, 1):
        assert_close(tf.sort(x, axis=axis), np.sort(x, axis=axis))
        assert_close(tf.sort(x, axis=axis, direction="DESCENDING"),
                     -np.sort(-x, axis=axis) if dtype != np.int32 or True else None)
        got = tf.argsort(x, axis=axis)
        assert got.dtype == tf.int32
        assert_close(got, np.argsort(x, axis=axis, kind="stable").astype(np.int32))
        assert_close(tf.argsort(x, axis=axis, direction="DESCENDING"),
                     np.argsort(-x, axis=axis, kind="stable").astype(np.int32))
    assert tf.sort(tf.zeros([0, 3])).shape == (0, 3)
    with pytest.raises(ValueError):
        tf.sort(x, direction="UP")
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.sort(tf.constant(1.0))


def test_sort_nan_and_grad():
    got = tf.sort([3.0, np.nan, 1.0, -np.inf]).numpy()
    assert got[:3].tolist() == [-np.inf, 1.0, 3.0] and np.isnan(got[3])
    check_grad(lambda t: tf.sort(t, axis=0), [_arr((4, 3))])
    check_grad(lambda t: tf.sort(t, direction="DESCENDING"), [_arr((4, 3))])


def test_top_k():
    x = np.array([[1.0, 5.0, 3.0, 5.0], [2.0, -1.0, 0.0, 7.0]])
    res = tf.math.top_k(x, k=2)
    assert res.values.numpy().tolist() == [[5.0, 5.0], [7.0, 2.0]]
    assert res.indices.dtype == tf.int32
    assert res.indices.numpy().tolist() == [[1, 3], [3, 0]]
    values, indices = tf.math.top_k(tf.transpose(x))
    assert values.shape == (4, 1) and indices.numpy()[:, 0].tolist() == [1, 0, 0, 1]
    assert tf.math.top_k(x, k=0).values.shape == (2, 0)
    with pytest.raises(tf.errors.InvalidArgumentError, match="at least k=5"):
        tf.math.top_k(x, k=5)
    with pytest.raises(tf.errors.InvalidArgumentError, match="non-negative"):
        tf.math.top_k(x, k=-1)
    check_grad(lambda t: tf.math.top_k(t, k=2).values, [_arr((3, 5))])


def test_unique_and_searchsorted():
    y, idx = tf.unique([1, 1, 2, 4, 4, 4, 7, 8, 8])
    assert y.numpy().tolist() == [1, 2, 4, 7, 8]
    assert idx.numpy().tolist() == [0, 0, 1, 2, 2, 2, 3, 4, 4]
    y, idx = tf.unique(tf.constant([3.0, 1.0, 3.0, 2.0]))
    assert y.numpy().tolist() == [3.0, 1.0, 2.0] and idx.numpy().tolist() == [0, 1, 0, 2]
    seq = np.array([[0.0, 3.0, 9.0], [1.0, 2.0, 3.0]])
    vals = np.array([[2.0, 9.0], [0.0, 3.0]])
    assert tf.searchsorted(seq, vals).numpy().tolist() == [[1, 2], [0, 2]]
    assert tf.searchsorted(seq, vals, side="right").numpy().tolist() == [[1, 3], [0, 3]]


# --- scatter_nd / gather at sizes that take the parallel and lazily zeroed paths ---------------

def test_scatter_nd_large_with_duplicates_matches_numpy():
    rng = np.random.default_rng(3)
    idx = rng.integers(0, 6000, 300)
    idx[:50] = 7  # many duplicates of one row
    upd = rng.standard_normal((300, 784)).astype(np.float32)
    out = tf.scatter_nd(idx.reshape(-1, 1), upd, [6000, 784])  # 18 MB: fresh zero pages
    ref = np.zeros((6000, 784))
    np.add.at(ref, idx, upd.astype(np.float64))
    assert out.shape == (6000, 784) and out.dtype == tf.float32
    assert_close(out, ref, rtol=1e-5, atol=1e-4)
    # the result is an ordinary tensor: it can be used and written to
    assert_close(tf.reduce_sum(out, axis=1), ref.sum(1), rtol=1e-4, atol=1e-3)
    out2 = tf.scatter_nd(tf.constant([[1, 2], [1, 2], [0, 0]]), tf.constant([1, 2, 3], tf.int64),
                         [3000, 2000])  # 48 MB of int64
    assert int(out2[1, 2]) == 3 and int(out2[0, 0]) == 3 and int(tf.reduce_sum(out2)) == 6


def test_scatter_nd_gradient_of_large_output():
    u = tf.Variable(np.ones((3, 2000), np.float32))
    w = tf.reshape(tf.range(2000, dtype=tf.float32), [1, 2000])
    with tf.GradientTape() as tape:
        out = tf.scatter_nd([[1], [2999], [1]], u, [3000, 2000])  # 24 MB: fresh zero pages
        loss = tf.reduce_sum(out * w)
    assert_close(tape.gradient(loss, u), np.tile(np.arange(2000.0), (3, 1)))


@pytest.mark.parametrize("kind", ["add", "sub", "max", "min", "update"])
def test_scatter_into_narrow_rows_matches_numpy(kind):
    # narrow rows with many updates: the kernel splits the destination rows between threads
    rng = np.random.default_rng(5)
    idx = rng.integers(0, 37, 3000)
    if kind == "update":
        idx = rng.permutation(3000)[:1000] % 3000  # distinct: the last-write order is TF-undefined
        t = np.zeros((3000, 32), np.float32)
        upd = rng.standard_normal((1000, 32)).astype(np.float32)
    else:
        t = rng.standard_normal((37, 8)).astype(np.float32)
        upd = rng.standard_normal((3000, 8)).astype(np.float32)
    out = getattr(tf, "tensor_scatter_nd_" + kind)(t, idx.reshape(-1, 1), upd)
    assert_close(out, _np_scatter(kind, t.astype(np.float64), idx.reshape(-1, 1),
                                  upd.astype(np.float64)), rtol=1e-5, atol=1e-4)


def test_gather_many_rows_matches_numpy():
    data = _arr((3000, 300), np.float32)
    idx = np.random.default_rng(0).integers(0, 3000, 2000)  # 2.4 MB: spread over threads
    assert_close(tf.gather(data, idx), data[idx])
    assert_close(tf.gather(tf.transpose(tf.constant(data)), idx[:7], axis=1), data.T[:, idx[:7]])


SCATTER_DETERMINISM = r"""
import hashlib, json, sys
import numpy as np
sys.path.insert(0, %r)
import fasttf as tf
rng = np.random.default_rng(0)
idx = rng.integers(0, 50, (4000, 1))
upd = rng.standard_normal((4000, 512)).astype(np.float32)
out = {"threads": tf._C.get_num_threads()}
h = lambda t: hashlib.sha256(np.ascontiguousarray(t.numpy()).tobytes()).hexdigest()
out["scatter_nd"] = h(tf.scatter_nd(idx, upd, [50, 512]))
out["tensor_scatter_nd_add"] = h(tf.tensor_scatter_nd_add(tf.ones([50, 512]), idx, upd))
out["narrow rows"] = h(tf.scatter_nd(idx, upd[:, :16], [50, 16]))
params = tf.Variable(rng.standard_normal((50, 512)).astype(np.float32))
with tf.GradientTape() as tape:
    loss = tf.reduce_sum(tf.gather(params, idx[:, 0]) * upd)
out["gather grad"] = h(tape.gradient(loss, params))
print(json.dumps(out))
"""


def test_scatter_add_is_bitwise_equal_for_one_and_two_threads():
    from test_reduce import run_with_threads
    one, two = run_with_threads(SCATTER_DETERMINISM, 1), run_with_threads(SCATTER_DETERMINISM, 2)
    assert one.pop("threads") == 1 and two.pop("threads") == 2
    assert one == two
