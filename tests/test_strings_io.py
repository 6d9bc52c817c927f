"""String parsing and text input: tf.io.decode_csv, tf.io.decode_raw, tf.data.TextLineDataset
(TF 2.21's values and errors), and GradientTape.watch of a string tensor."""

import numpy as np
import pytest

import fasttf as tf

IAE = tf.errors.InvalidArgumentError


def values(t):
    out = t.numpy()
    return out if isinstance(out, (bytes, np.generic)) else out.tolist()


def test_decode_csv_columns_take_the_defaults_dtypes():
    name, count, score = tf.io.decode_csv(['a,1,2.5', '"c,d",4,'], [[""], [0], [1.0]])
    assert name.dtype == tf.string and values(name) == [b"a", b"c,d"]
    assert count.dtype == tf.int32 and values(count) == [1, 4]
    assert score.dtype == tf.float32 and values(score) == [2.5, 1.0]  # empty: the default
    scalar = tf.io.decode_csv("a,1,2.5", [[""], [0], [1.0]])
    assert [t.shape for t in scalar] == [[], [], []]
    wide = tf.io.decode_csv(["a,1,2"], [tf.constant([""]), tf.constant([0], tf.int64),
                                        tf.constant([0.0], tf.float64)])
    assert [t.dtype for t in wide] == [tf.string, tf.int64, tf.float64]
    assert values(tf.io.decode_csv(['"a""b",1'], [[""], [0]])[0]) == [b'a"b']
    picked = tf.io.decode_csv(["a,1,2.5,7"], [[""], [0.0]], select_cols=[0, 2])
    assert values(picked[1]) == [2.5]
    assert values(tf.io.decode_csv(["a,NA,2.5"], [[""], [5], [0.0]], na_value="NA")[1]) == [5]
    assert values(tf.io.decode_csv(["a;1;2"], [[""], [0], [1.0]], ";")[2]) == [2.0]
    grid = tf.io.decode_csv([["a,1"], ["b,2"]], [[""], [0]])
    assert grid[1].shape == [2, 1] and values(grid[1]) == [[1], [2]]


@pytest.mark.parametrize("records,defaults,kwargs,message", [
    (["a,1"], [[""], [0], [1.0]], {}, "Expect 3 fields but have 2 in record 0"),
    ([""], [["z"]], {}, "Expect 1 fields but have 0 in record 0"),
    (["a,,2"], [[""], tf.constant([], tf.int32), [1.0]], {},
     "Field 1 is required but missing in record 0!"),
    (["a,x,2"], [[""], [0], [1.0]], {}, "Field 1 in record 0 is not a valid int32: x"),
    (["a,1,x"], [[""], [0], [1.0]], {}, "Field 2 in record 0 is not a valid float: x"),
    (["a,3000000000"], [[""], [0]], {}, "is not a valid int32"),
    (['"a"b,1'], [[""], [0]], {}, "Quote inside a string has to be escaped by another quote"),
    (['a"b,1'], [[""], [0]], {}, "Unquoted fields cannot have quotes/CRLFs inside"),
    (['"ab,1'], [[""], [0]], {}, "Quoted field has to end with quote followed by delim or end"),
    (["a,1,2"], [[""], [0]], {"field_delim": ";;"}, "field_delim should be only 1 char"),
    (["a,1"], [[""], [[0, 1]]], {}, "Each record default should be at most rank 1"),
    (["a,1"], [[""], [0.0]], {"select_cols": [0, 2]}, "Expect 2 fields but have 1 in record 0"),
])
def test_decode_csv_errors(records, defaults, kwargs, message):
    with pytest.raises(IAE, match=message):
        tf.io.decode_csv(records, defaults, **kwargs)


def test_decode_csv_argument_errors():
    with pytest.raises(ValueError, match="select_cols is not strictly increasing"):
        tf.io.decode_csv(["a,1,2"], [[""], [0.0]], select_cols=[2, 0])
    with pytest.raises(TypeError):
        tf.io.decode_csv([1], [[0]])
    assert values(tf.io.decode_csv(["a, 1 ,2"], [[""], [0], [0.0]])[1]) == [1]  # spaces pass


def test_decode_raw():
    out = tf.io.decode_raw(tf.constant([b"\x01\x00\x02\x00"]), tf.int16)
    assert out.dtype == tf.int16 and values(out) == [[1, 2]]
    assert values(tf.io.decode_raw(b"ab", tf.uint8)) == [97, 98]
    assert values(tf.io.decode_raw([b"\x00\x01"], tf.int16, little_endian=False)) == [[1]]
    assert values(tf.io.decode_raw([b"\x00\x00\x80\x3f"], tf.float32)) == [[1.0]]
    assert tf.io.decode_raw([[b"ab"], [b"cd"]], tf.uint8).shape == [2, 1, 2]
    padded = tf.io.decode_raw([b"abc", b"d"], tf.uint8, fixed_length=4)
    assert values(padded) == [[97, 98, 99, 0], [100, 0, 0, 0]]
    with pytest.raises(IAE, match="element 1 has size 2 != 3"):
        tf.io.decode_raw([b"ab", b"cde"], tf.uint8)
    with pytest.raises(IAE, match="length 3 that is not a multiple of 2, the size of int16"):
        tf.io.decode_raw([b"abc"], tf.int16)
    with pytest.raises(IAE):
        tf.io.decode_raw([b"abc"], tf.int16, fixed_length=3)


def test_text_line_dataset(tmp_path):
    csv = tmp_path / "f.csv"
    csv.write_bytes(b'a,1,2.5\r\nb,,3\n"c,d",4,\nlast,5,6')
    txt = tmp_path / "g.txt"
    txt.write_bytes(b"x\n\ny\n")
    ds = tf.data.TextLineDataset([str(csv), str(txt)])
    assert type(ds).__name__ == "TextLineDatasetV2"
    assert ds.element_spec == tf.TensorSpec([], tf.string)
    assert ds.cardinality().numpy() == tf.data.UNKNOWN_CARDINALITY
    assert [t.numpy() for t in ds] == [b"a,1,2.5", b"b,,3", b'"c,d",4,', b"last,5,6", b"x",
                                       b"", b"y"]  # '\r\n' and '\n' endings both removed
    rows = tf.data.TextLineDataset(str(csv)).map(
        lambda line: tf.io.decode_csv(line, [[""], [0], [0.0]])).batch(2)
    first = next(iter(rows))
    assert values(first[0]) == [b"a", b"b"] and values(first[1]) == [1, 0]
    with pytest.raises(tf.errors.NotFoundError):
        list(tf.data.TextLineDataset(str(tmp_path / "missing")))


def test_watching_a_string_tensor_is_a_no_op():
    with tf.GradientTape() as tape:
        tape.watch(tf.constant("a"))
        x = tf.constant(2.0)
        tape.watch(x)
        y = x * x
    assert tape.gradient(y, x).numpy() == 4.0


def test_string_datasets_pad_generate_and_deduplicate():
    words = tf.data.Dataset.from_tensor_slices(["a", "bb", "ccc"])
    chars = words.map(tf.strings.bytes_split)
    assert chars.element_spec == tf.TensorSpec([None], tf.string)  # varies with the value
    first = next(iter(chars.padded_batch(2)))
    assert values(first) == [[b"a", b""], [b"b", b"b"]]  # padded with b'', as TF
    dashes = tf.data.Dataset.from_tensor_slices([["a"], ["b"]]).padded_batch(
        2, padded_shapes=[2], padding_values="-")
    assert values(next(iter(dashes))) == [[b"a", b"-"], [b"b", b"-"]]

    def gen():
        yield "x"
        yield b"y"
    generated = tf.data.Dataset.from_generator(gen, output_signature=tf.TensorSpec((), tf.string))
    assert [t.numpy() for t in generated] == [b"x", b"y"]
    assert [t.numpy() for t in tf.data.Dataset.from_tensor_slices(["a", "b", "a"]).unique()] == [
        b"a", b"b"]
    assert words.reduce(tf.constant(""), lambda acc, s: acc + s).numpy() == b"abbccc"
    assert list(words.batch(2).as_numpy_iterator())[1].tolist() == [b"ccc"]


def test_list_files(tmp_path):
    for name in ("b.txt", "a.txt", "c.csv"):
        (tmp_path / name).write_bytes(b"line\n")
    listed = tf.data.Dataset.list_files(str(tmp_path / "*.txt"), shuffle=False)
    assert listed.element_spec == tf.TensorSpec([], tf.string)
    assert [t.numpy() for t in listed] == [str(tmp_path / n).encode() for n in ("a.txt", "b.txt")]
    both = tf.data.Dataset.list_files([str(tmp_path / "*.txt"), str(tmp_path / "*.csv")],
                                      shuffle=False)
    assert both.cardinality().numpy() == 3
    shuffled = sorted(t.numpy() for t in tf.data.Dataset.list_files(str(tmp_path / "*")))
    assert len(shuffled) == 3
    lines = listed.interleave(tf.data.TextLineDataset)
    assert [t.numpy() for t in lines] == [b"line", b"line"]
    with pytest.raises(IAE, match="No files matched pattern"):
        tf.data.Dataset.list_files(str(tmp_path / "*.none"))
