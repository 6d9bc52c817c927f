"""tf.data: element sequences as TensorFlow produces them (worked out from TF's documented
semantics), specs, cardinality, errors, and the notes' section 4 snippets."""

import numpy as np
import pytest

import fasttf as tf
from fasttf.data import Dataset


def values(ds):
    """The dataset's elements as nested Python lists (tuples/dicts kept)."""
    def conv(x):
        if isinstance(x, tuple):
            return tuple(conv(v) for v in x)
        if isinstance(x, dict):
            return {k: conv(v) for k, v in x.items()}
        assert isinstance(x, tf.Tensor), type(x)
        return x.numpy().tolist()
    return [conv(e) for e in ds]


# ------------------------------------------------------------------------------- sources

def test_range_batch_and_remainder():
    assert values(Dataset.range(10).batch(3)) == [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]]
    assert values(Dataset.range(10).batch(3, drop_remainder=True)) == [[0, 1, 2], [3, 4, 5],
                                                                       [6, 7, 8]]
    assert values(Dataset.range(2, 11, 3)) == [2, 5, 8]
    assert values(Dataset.range(5, 0, -2)) == [5, 3, 1]
    assert next(iter(Dataset.range(3))).dtype == tf.int64
    assert next(iter(Dataset.range(3, output_type=tf.int32))).dtype == tf.int32


def test_from_tensor_slices_structures_and_dtypes():
    ds = Dataset.from_tensor_slices({"a": np.arange(3), "b": (np.ones((3, 2)), [1., 2., 3.])})
    first = next(iter(ds))
    assert first["a"].dtype == tf.int64 and first["b"][0].dtype == tf.float64
    assert first["b"][1].dtype == tf.float32  # Python floats become float32, as tf.constant
    assert values(ds)[2] == {"a": 2, "b": ([1.0, 1.0], 3.0)}
    assert values(Dataset.from_tensor_slices([[1, 2], [3, 4]])) == [[1, 2], [3, 4]]
    assert values(Dataset.from_tensors(([1, 2], 3))) == [([1, 2], 3)]


def test_from_tensor_slices_repr_and_spec():
    x = np.zeros((600, 28, 28), np.float32)
    y = np.zeros(600, np.int32)
    ds = Dataset.from_tensor_slices((x, y))
    assert repr(ds) == ("<_TensorSliceDataset element_spec=(TensorSpec(shape=(28, 28), "
                        "dtype=tf.float32, name=None), TensorSpec(shape=(), dtype=tf.int32, "
                        "name=None))>")
    assert ds.batch(20).element_spec[0] == tf.TensorSpec([None, 28, 28], tf.float32)
    assert ds.batch(20, drop_remainder=True).element_spec[1].shape == [20]


def test_mismatched_first_dimension_raises():
    with pytest.raises(tf.errors.InvalidArgumentError, match=r"\(3,\).*\(4, 2\)"):
        Dataset.from_tensor_slices((np.zeros(3), np.zeros((4, 2))))
    with pytest.raises(ValueError, match="rank >= 1"):
        Dataset.from_tensor_slices(np.float32(1))


def test_from_generator_checks_shape_and_dtype():
    def gen():
        yield [1, 2]
        yield [3, 4, 5]
    ds = Dataset.from_generator(gen, output_signature=tf.TensorSpec([2], tf.int32))
    it = iter(ds)
    assert it.get_next().numpy().tolist() == [1, 2]
    with pytest.raises(tf.errors.InvalidArgumentError, match=r"shape \(3,\).*shape \(2,\)"):
        next(it)
    bad = Dataset.from_generator(lambda: iter(["x"]), output_types=tf.int32)
    with pytest.raises(tf.errors.InvalidArgumentError, match="expected type was int32"):
        list(bad)
    pairs = Dataset.from_generator(lambda n: ((i, float(i)) for i in range(n)), args=(3,),
                                   output_types=(tf.int64, tf.float32),
                                   output_shapes=((), ()))
    assert values(pairs) == [(0, 0.0), (1, 1.0), (2, 2.0)]
    assert pairs.cardinality().numpy() == tf.data.UNKNOWN_CARDINALITY
    with pytest.raises(TypeError):
        Dataset.from_generator(lambda: iter([]))


def test_zip_concatenate_choose_sample():
    a, b = Dataset.range(3), Dataset.range(10, 15)
    assert values(Dataset.zip((a, b))) == [(0, 10), (1, 11), (2, 12)]
    assert values(Dataset.zip({"x": a, "y": b}).take(1)) == [{"x": 0, "y": 10}]
    assert values(a.concatenate(b)) == [0, 1, 2, 10, 11, 12, 13, 14]
    with pytest.raises(TypeError):
        a.concatenate(Dataset.from_tensor_slices([1.0, 2.0]))
    choice = Dataset.from_tensor_slices(np.array([0, 1, 1, 0, 1], np.int64))
    assert values(Dataset.choose_from_datasets([a, b], choice)) == [0, 10, 11, 1, 12]
    mixed = tf.data.experimental.sample_from_datasets([a, b], [0.5, 0.5], seed=1)
    assert sorted(values(mixed)) == [0, 1, 2, 10, 11, 12, 13, 14]


# ------------------------------------------------------------------------ transformations

def test_shuffle_is_a_permutation_reproducible_with_seed():
    ds = Dataset.range(100).shuffle(10, seed=7, reshuffle_each_iteration=False)
    first, second = values(ds), values(ds)
    assert sorted(first) == list(range(100)) and first == second and first != list(range(100))
    again = values(Dataset.range(100).shuffle(10, seed=7, reshuffle_each_iteration=False))
    assert again == first
    reshuffled = Dataset.range(100).shuffle(100, seed=7)
    assert values(reshuffled) != values(reshuffled)


@pytest.mark.parametrize("batched", [False, True])
def test_shuffle_buffer_window_semantics(batched):
    # With a buffer of B, output k is one of input elements 0..k+B-1: elements move up at
    # most B-1 places earlier; the first output is among the first B inputs.
    n, buffer_size = 2000, 50
    if batched:  # the vectorised row-plan path
        ds = Dataset.range(n).shuffle(buffer_size, seed=3)
        out = np.concatenate([b.numpy() for b in ds.batch(64)])
    else:  # map hides the row plan: the element-by-element buffer
        ds = Dataset.range(n).map(lambda v: v).shuffle(buffer_size, seed=3)
        out = np.array(values(ds))
    assert sorted(out.tolist()) == list(range(n))
    assert np.all(out <= np.arange(n) + buffer_size - 1)
    assert out[0] < buffer_size
    assert np.abs(out - np.arange(n)).mean() > 3  # it did shuffle


def test_shuffle_batch_pairs_stay_together():
    x = np.arange(1000)
    ds = Dataset.from_tensor_slices((x, x * 10)).shuffle(100, seed=0).batch(128)
    batches = list(ds)
    assert [b[0].shape[0] for b in batches] == [128] * 7 + [104]
    for bx, by in batches:
        assert np.array_equal(by.numpy(), bx.numpy() * 10)


def test_batch_errors():
    with pytest.raises(tf.errors.InvalidArgumentError):
        Dataset.range(3).batch(0)
    with pytest.raises(tf.errors.InvalidArgumentError):
        Dataset.range(3).shuffle(0)
    ragged = Dataset.from_generator(lambda: iter([[1], [1, 2]]),
                                    output_signature=tf.TensorSpec([None], tf.int32))
    with pytest.raises(tf.errors.InvalidArgumentError, match="different shapes"):
        list(ragged.batch(2))


def test_padded_batch():
    ds = Dataset.range(1, 5).map(lambda x: tf.fill([x], x))
    assert values(ds.padded_batch(2)) == [[[1, 0], [2, 2]], [[3, 3, 3, 0], [4, 4, 4, 4]]]
    assert values(ds.padded_batch(2, padded_shapes=[5], padding_values=tf.constant(
        -1, tf.int64)))[0] == [[1, -1, -1, -1, -1], [2, 2, -1, -1, -1]]
    assert ds.padded_batch(2).element_spec.shape == [None, None]
    with pytest.raises(tf.errors.DataLossError, match="smaller"):
        list(ds.padded_batch(2, padded_shapes=[3]))


def test_map_arguments_parallel_and_errors():
    ds = Dataset.from_tensor_slices((np.arange(5), np.arange(5) * 2))
    assert values(ds.map(lambda a, b: a + b)) == [0, 3, 6, 9, 12]
    d = Dataset.from_tensor_slices({"a": np.arange(3)}).map(lambda e: e["a"] * 2)
    assert values(d) == [0, 2, 4]
    assert values(Dataset.range(50).map(lambda v: v * v, num_parallel_calls=4)) == \
        [i * i for i in range(50)]
    assert sorted(values(Dataset.range(50).map(lambda v: v + 1, num_parallel_calls=tf.data.AUTOTUNE,
                                               deterministic=False))) == list(range(1, 51))
    spec = ds.map(lambda a, b: (tf.cast(a, tf.float32), [b, b])).element_spec
    assert spec == (tf.TensorSpec([], tf.float32), tf.TensorSpec([2], tf.int64))

    class Boom(RuntimeError):
        pass

    def explode(v):
        if int(v) == 3:
            raise Boom("bad element")
        return v
    for kwargs in ({}, {"num_parallel_calls": 2}):
        with pytest.raises(Boom, match="bad element"):
            list(Dataset.range(5).map(explode, **kwargs))


def test_filter_repeat_take_skip_enumerate_shard():
    r = Dataset.range(10)
    assert values(r.filter(lambda v: v % 3 == 0)) == [0, 3, 6, 9]
    assert values(Dataset.range(3).repeat(2)) == [0, 1, 2, 0, 1, 2]
    assert values(r.take(3)) == [0, 1, 2] and values(r.skip(7)) == [7, 8, 9]
    assert values(r.take(-1)) == list(range(10)) and values(r.skip(-1)) == []
    assert values(Dataset.range(3).repeat().take(7)) == [0, 1, 2, 0, 1, 2, 0]
    assert values(Dataset.range(10, 13).enumerate(start=5)) == [(5, 10), (6, 11), (7, 12)]
    assert values(r.shard(3, 1)) == [1, 4, 7]
    assert values(r.shard(3, 1).batch(2)) == [[1, 4], [7]]  # row-plan path
    assert values(r.repeat(2).skip(8).take(4).batch(3)) == [[8, 9, 0], [1]]
    assert values(r.take_while(lambda v: v < 4)) == [0, 1, 2, 3]
    with pytest.raises(tf.errors.InvalidArgumentError):
        r.shard(2, 2)
    with pytest.raises(ValueError, match="tf.bool"):
        list(r.filter(lambda v: v))


def test_prefetch_cache_unbatch_rebatch():
    assert values(Dataset.range(7).prefetch(2)) == list(range(7))
    assert values(Dataset.range(7).batch(3).prefetch(tf.data.AUTOTUNE).unbatch()) == \
        list(range(7))
    assert values(Dataset.range(7).batch(3).rebatch(2)) == [[0, 1], [2, 3], [4, 5], [6]]
    calls = []
    cached = Dataset.range(4).map(lambda v: calls.append(1) or v).cache()
    assert values(cached) == values(cached) == [0, 1, 2, 3]
    assert len(calls) == 4


def test_prefetch_surfaces_errors():
    def gen():
        yield 1
        raise KeyError("from the generator")
    ds = Dataset.from_generator(gen, output_types=tf.int32).prefetch(1)
    with pytest.raises(tf.errors.UnknownError, match="KeyError"):
        list(ds)


def test_file_cache_and_corrupt_file(tmp_path):
    path = str(tmp_path / "cache")
    ds = Dataset.from_tensor_slices((np.arange(4), np.arange(4.0))).cache(path)
    assert values(ds) == [(0, 0.0), (1, 1.0), (2, 2.0), (3, 3.0)]
    fresh = Dataset.from_tensor_slices((np.arange(4) * 0, np.arange(4.0))).cache(path)
    assert values(fresh) == values(ds)  # read back from the file
    with open(path + ".data-00000-of-00001", "r+b") as f:
        f.seek(30)
        f.write(b"\xff" * 40)
    with pytest.raises(tf.errors.DataLossError):
        list(fresh)


def test_flat_map_interleave_window():
    r = Dataset.range(1, 6)
    out = r.interleave(lambda x: Dataset.from_tensors(x).repeat(6), cycle_length=2,
                       block_length=4)
    assert values(out) == [1, 1, 1, 1, 2, 2, 2, 2, 1, 1, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 3, 3,
                           4, 4, 5, 5, 5, 5, 5, 5]
    assert values(Dataset.range(3).flat_map(lambda x: Dataset.range(x))) == [0, 0, 1]
    windows = Dataset.range(7).window(3, shift=2)
    assert [values(w) for w in windows] == [[0, 1, 2], [2, 3, 4], [4, 5, 6], [6]]
    assert [values(w) for w in Dataset.range(7).window(2, 1, 2, drop_remainder=True)] == \
        [[0, 2], [1, 3], [2, 4], [3, 5], [4, 6]]
    pairs = Dataset.from_tensor_slices((np.arange(4), np.arange(4) * 10)).window(2)
    assert values(pairs.flat_map(lambda a, b: Dataset.zip((a.batch(2), b.batch(2))))) == \
        [([0, 1], [0, 10]), ([2, 3], [20, 30])]
    assert len(Dataset.range(7).window(3, 2)) == 4
    with pytest.raises(tf.errors.InvalidArgumentError):
        Dataset.range(3).window(0)


def test_reduce_apply_options_numpy_iterator():
    assert int(Dataset.range(5).reduce(np.int64(0), lambda s, v: s + v)) == 10
    assert values(Dataset.range(4).apply(lambda d: d.skip(2))) == [2, 3]
    options = tf.data.Options()
    options.deterministic = False
    assert Dataset.range(3).with_options(options).options().deterministic is False
    out = list(Dataset.from_tensor_slices((np.arange(2), [[1, 2], [3, 4]])).as_numpy_iterator())
    assert out[1][0] == 1 and isinstance(out[1][1], np.ndarray)


# --------------------------------------------------------------- iteration and cardinality

def test_iterator_protocol_and_end_of_sequence():
    it = iter(Dataset.range(2))
    assert int(it.get_next()) == 0 and int(next(it)) == 1
    with pytest.raises(tf.errors.OutOfRangeError):
        it.get_next()
    with pytest.raises(StopIteration):
        next(it)


def test_cardinality_and_len():
    r = Dataset.range(10)
    assert r.cardinality().dtype == tf.int64 and int(r.cardinality()) == 10
    assert len(r.batch(3)) == 4 and len(r.batch(3, True)) == 3 and len(r.shard(3, 0)) == 4
    assert int(r.repeat().cardinality()) == tf.data.INFINITE_CARDINALITY == -1
    assert int(r.filter(lambda v: True).cardinality()) == tf.data.UNKNOWN_CARDINALITY == -2
    assert len(r.repeat().take(5)) == 5 and len(r.skip(4)) == 6
    with pytest.raises(TypeError, match="infinite"):
        len(r.repeat())
    with pytest.raises(TypeError, match="unknown"):
        len(r.filter(lambda v: True))
    assert tf.data.AUTOTUNE == -1


# ---------------------------------------------------------------- the notes' section 4

def _preprocess(x, y):
    x = tf.cast(x, dtype=tf.float32)
    x = tf.reshape(x, [-1, 28 * 28])
    y = tf.cast(y, dtype=tf.int32)
    if hasattr(tf, "one_hot"):
        y = tf.one_hot(y, depth=10)
    else:
        y = tf.constant(np.eye(10, dtype=np.float32)[y.numpy()])
    return x, y


def test_notes_section_4():
    rng = np.random.default_rng(0)
    x = rng.standard_normal((600, 28, 28)).astype(np.float32)
    y = rng.integers(0, 9, 600).astype(np.int32)
    train_db = Dataset.from_tensor_slices((x, y))
    assert repr(train_db).startswith("<_TensorSliceDataset element_spec=(TensorSpec(shape="
                                     "(28, 28), dtype=tf.float32")
    shapes = [(bx.shape, by.shape) for bx, by in train_db.shuffle(buffer_size=1000).batch(20)]
    assert len(shapes) == 30 and all(s == ((20, 28, 28), (20,)) for s in shapes)
    for bx, by in train_db.map(_preprocess):
        assert bx.shape == (1, 784) and by.shape == (10,)
        assert np.allclose(bx.numpy(), x[0].reshape(1, 784))
        assert by.numpy().argmax() == y[0]
        break
    assert len(train_db.repeat(20)) == 12000
    batched = Dataset.from_tensor_slices((x, y)).shuffle(1000).batch(100).map(_preprocess)
    seen = np.concatenate([b[1].numpy().argmax(1) for b in batched])
    assert sorted(seen.tolist()) == sorted(y.tolist())
