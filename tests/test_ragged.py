"""tf.RaggedTensor (ragged rank 1) and tf.ragged: what TF's string ops return for vectors,
printed and converted as TF 2.21 does."""

import numpy as np
import pytest

import fasttf as tf


def test_split_of_a_vector_is_ragged():
    rt = tf.strings.split(["a b", "c", ""])
    assert isinstance(rt, tf.RaggedTensor)
    assert repr(rt) == "<tf.RaggedTensor [[b'a', b'b'], [b'c'], []]>" and str(rt) == repr(rt)
    assert rt.shape == [3, None] and rt.dtype == tf.string and rt.ragged_rank == 1
    assert rt.values.numpy().tolist() == [b"a", b"b", b"c"]
    assert rt.row_splits.numpy().tolist() == [0, 2, 3, 3] and rt.row_splits.dtype == tf.int64
    assert rt.row_lengths().numpy().tolist() == [2, 1, 0] and rt.nrows().numpy() == 3
    assert rt.value_rowids().numpy().tolist() == [0, 0, 1]
    assert rt.bounding_shape().numpy().tolist() == [3, 2]
    assert rt.to_list() == [[b"a", b"b"], [b"c"], []]
    assert rt.to_tensor().numpy().tolist() == [[b"a", b"b"], [b"c", b""], [b"", b""]]
    padded = rt.to_tensor(default_value="x", shape=[2, 3])
    assert padded.numpy().tolist() == [[b"a", b"b", b"x"], [b"c", b"x", b"x"]]
    assert rt[0].numpy().tolist() == [b"a", b"b"] and rt[-1].shape == [0]
    assert rt[1:].to_list() == [[b"c"], []]
    assert [r.numpy().tolist() for r in rt] == [[b"a", b"b"], [b"c"], []]
    equal_rows = tf.strings.split(["d", "a b c", " a  b "], maxsplit=1)
    assert repr(equal_rows) == ("<tf.RaggedTensor [[b'd', b''],\n [b'a', b'b c'],\n"
                                " [b'a', b'b ']]>")  # TF's maxsplit keeps the rest, even empty
    assert tf.strings.split(["a,b", ""], sep=",").to_list() == [[b"a", b"b"], [b""]]
    assert tf.strings.bytes_split(["ab", "c"]).to_list() == [[b"a", b"b"], [b"c"]]
    assert tf.strings.unicode_split(["h\u00e9", "c"], "UTF-8").to_list() == [
        [b"h", b"\xc3\xa9"], [b"c"]]


def test_string_ops_map_over_ragged_values():
    rt = tf.strings.split(["a bb", "c"])
    assert tf.strings.length(rt).to_list() == [[1, 2], [1]]
    assert tf.strings.upper(rt).to_list() == [[b"A", b"BB"], [b"C"]]
    assert tf.ragged.map_flat_values(tf.strings.upper, rt).to_list() == [[b"A", b"BB"], [b"C"]]
    assert tf.strings.to_number(tf.strings.split(["1 2", "3"])).to_list() == [[1.0, 2.0], [3.0]]


def test_ragged_constructors():
    assert repr(tf.ragged.constant([[1, 2], [3]])) == "<tf.RaggedTensor [[1, 2], [3]]>"
    assert tf.ragged.constant([[1, 2], [3]]).dtype == tf.int32
    assert tf.ragged.constant([[]]).dtype == tf.float32 and repr(tf.ragged.constant([[]])) == \
        "<tf.RaggedTensor [[]]>"
    assert isinstance(tf.ragged.constant([]), tf.Tensor)  # a flat list is a dense tensor
    assert tf.RaggedTensor.from_row_lengths(["a", "b", "c"], [1, 2]).to_list() == [
        [b"a"], [b"b", b"c"]]
    assert tf.RaggedTensor.from_value_rowids([1, 2, 3], [0, 0, 2]).to_list() == [[1, 2], [], [3]]
    dense = tf.RaggedTensor.from_row_splits([1, 2, 3], [0, 1, 3]).to_tensor()
    assert dense.dtype == tf.int32 and dense.numpy().tolist() == [[1, 0], [2, 3]]
    cut = tf.ragged.constant([[1, 2], [3]]).to_tensor(shape=[3, 1])
    assert cut.numpy().tolist() == [[1], [3], [0]]
    square = tf.ragged.constant([["a", "b"], ["c", "d"]])
    assert str(square) == "<tf.RaggedTensor [[b'a', b'b'],\n [b'c', b'd']]>"
    assert isinstance(square.numpy(), np.ndarray) and square.numpy().shape == (2, 2)
    with pytest.raises(tf.errors.InvalidArgumentError, match="do not form a valid RaggedTensor"):
        tf.RaggedTensor.from_row_splits([1, 2, 3], [0, 4])


def test_more_string_ops_on_ragged_and_matching_files(tmp_path):
    words = tf.strings.split(["1 2", "3"])
    assert tf.strings.to_number(string_tensor=words).to_list() == [[1.0, 2.0], [3.0]]
    assert tf.strings.as_string(tf.ragged.constant([[1], [2, 3]])).to_list() == [
        [b"1"], [b"2", b"3"]]
    assert tf.strings.substr(tf.strings.split(["ab cd"]), 0, 1).to_list() == [[b"a", b"c"]]
    for name in ("b.txt", "a.txt", "c.csv"):
        (tmp_path / name).write_text("x")
    found = tf.io.matching_files(str(tmp_path / "*.txt"))
    assert found.dtype == tf.string and [p.decode().rsplit("/", 1)[-1] for p in found.numpy()] \
        == ["a.txt", "b.txt"]
    assert tf.io.matching_files(str(tmp_path / "*.none")).shape == [0]
