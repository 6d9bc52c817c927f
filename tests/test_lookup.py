"""tf.lookup: static and mutable tables over string and integer keys, with TF 2.21's ids."""

import pytest

import fasttf as tf


def values(t):
    return t.numpy().tolist()


def table():
    return tf.lookup.StaticHashTable(tf.lookup.KeyValueTensorInitializer(["a", "b"], [1, 2]), -1)


def test_static_hash_table():
    t = table()
    out = t.lookup(tf.constant(["a", "c", "b"]))
    assert out.dtype == tf.int32 and values(out) == [1, -1, 2]
    assert values(t[tf.constant([["a"]])]) == [[1]]  # the keys' shape
    assert t.size().numpy() == 2 and t.size().dtype == tf.int64
    assert t.key_dtype == tf.string and t.value_dtype == tf.int32 and t.default_value.numpy() == -1
    keys, vals = t.export()
    assert sorted(zip(values(keys), values(vals))) == [(b"a", 1), (b"b", 2)]
    ints = tf.lookup.StaticHashTable(tf.lookup.KeyValueTensorInitializer([1, 2], ["x", "y"]), "?")
    assert values(ints.lookup(tf.constant([2, 3]))) == [b"y", b"?"]
    floats = tf.lookup.StaticHashTable(tf.lookup.KeyValueTensorInitializer([1, 2], [0.5, 1.5]), 0.)
    assert values(floats.lookup(tf.constant([2, 3]))) == [1.5, 0.0]


def test_static_hash_table_errors():
    with pytest.raises(TypeError, match="Dtype of argument `keys` must be"):
        table().lookup(tf.constant([1]))
    with pytest.raises(tf.errors.FailedPreconditionError, match="different value for same key"):
        tf.lookup.StaticHashTable(tf.lookup.KeyValueTensorInitializer(["a", "a"], [1, 2]), -1)
    with pytest.raises(TypeError, match="Cannot convert -1.5"):
        tf.lookup.StaticHashTable(tf.lookup.KeyValueTensorInitializer(["a"], [1]), -1.5)


def test_static_vocabulary_table_ids_match_tf():
    init = tf.lookup.KeyValueTensorInitializer(["emerson", "lake"], tf.constant([0, 1], tf.int64))
    vocab = tf.lookup.StaticVocabularyTable(init, 5)
    ids = vocab.lookup(tf.constant(["lake", "palmer", "x", "emerson"]))
    assert ids.dtype == tf.int64 and values(ids) == [1, 4, 2, 0]  # TF 2.21's OOV buckets
    assert vocab.size().numpy() == 7
    numbers = tf.lookup.StaticVocabularyTable(tf.lookup.KeyValueTensorInitializer(
        tf.constant([10, 20], tf.int64), tf.constant([0, 1], tf.int64)), 4)
    assert values(numbers.lookup(tf.constant([20, 7, 99], tf.int64))) == [1, 2, 4]
    with pytest.raises(ValueError, match="num_oov_buckets"):
        tf.lookup.StaticVocabularyTable(init, 0)
    ds = tf.data.Dataset.from_tensor_slices(["lake", "palmer"]).map(vocab.lookup)
    assert [t.numpy() for t in ds] == [1, 4]


def test_text_file_initializers(tmp_path):
    vocab_file = tmp_path / "vocab.txt"
    vocab_file.write_text("emerson\nlake\npalmer\n")
    index = tf.lookup.TextFileIndex
    assert (index.WHOLE_LINE, index.LINE_NUMBER) == (-2, -1)
    init = tf.lookup.TextFileInitializer(str(vocab_file), tf.string, index.WHOLE_LINE, tf.int64,
                                         index.LINE_NUMBER)
    vocab = tf.lookup.StaticVocabularyTable(init, 3)
    assert values(vocab.lookup(tf.constant(["palmer", "zz"]))) == [2, 4] and vocab.size() == 6
    kv = tmp_path / "kv.tsv"
    kv.write_text("a\t10\nb\t20\n")
    pairs = tf.lookup.StaticHashTable(tf.lookup.TextFileInitializer(
        str(kv), tf.string, 0, tf.int64, 1, delimiter="\t"), -1)
    assert values(pairs.lookup(tf.constant(["b", "z"]))) == [20, -1]
    first_two = tf.lookup.StaticHashTable(tf.lookup.TextFileInitializer(
        str(vocab_file), tf.string, index.WHOLE_LINE, tf.int64, index.LINE_NUMBER, vocab_size=2),
        -1)
    assert values(first_two.lookup(tf.constant(["palmer", "lake"]))) == [-1, 1]


def test_mutable_hash_table():
    m = tf.lookup.experimental.MutableHashTable(tf.string, tf.int64, -1)
    m.insert(tf.constant(["a", "b"]), tf.constant([1, 2], tf.int64))
    assert values(m.lookup(tf.constant(["a", "z"]))) == [1, -1] and m.size().numpy() == 2
    m.remove(tf.constant(["a"]))
    assert values(m.lookup(tf.constant(["a", "b"]))) == [-1, 2]
    keys, vals = m.export()
    assert values(keys) == [b"b"] and values(vals) == [2]
    with pytest.raises(ValueError, match="requested dtype int64"):
        m.insert(tf.constant(["a"]), tf.constant([1]))
