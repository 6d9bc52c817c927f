"""tf.strings' Unicode ops, n-grams and segment joins, and tf.io's base64 (TF 2.21's values)."""

import pytest

import fasttf as tf

IAE = tf.errors.InvalidArgumentError


def values(t):
    out = t.numpy()
    return out if isinstance(out, bytes) else out.tolist()


def test_unicode_decode_encode_transcode():
    points = tf.strings.unicode_decode("h\u00e9llo", "UTF-8")
    assert points.dtype == tf.int32 and values(points) == [104, 233, 108, 108, 111]
    assert values(tf.strings.unicode_decode(b"a\xffb", "UTF-8")) == [97, 65533, 98]
    assert values(tf.strings.unicode_decode(b"a\xffb", "UTF-8", errors="ignore")) == [97, 98]
    assert values(tf.strings.unicode_decode(b"a\xffb", "UTF-8", replacement_char=63)) == [97, 63, 98]
    assert values(tf.strings.unicode_decode(b"a\x01", "UTF-8",
                                            replace_control_characters=True)) == [97, 65533]
    assert values(tf.strings.unicode_decode("h\u00e9llo", "UTF-16-BE")) == [26819, 43372, 27759]
    with pytest.raises(IAE, match="Invalid formatting on input string"):
        tf.strings.unicode_decode(b"a\xffb", "UTF-8", errors="strict")
    assert tf.strings.unicode_decode(["ab", "c"], "UTF-8").to_list() == [[97, 98], [99]]
    with pytest.raises(NotImplementedError, match="ragged rank"):
        tf.strings.unicode_decode([["ab"]], "UTF-8")
    assert tf.strings.unicode_encode([104, 233], "UTF-8").numpy() == b"h\xc3\xa9"
    assert values(tf.strings.unicode_encode([[104, 233], [97, 98]], "UTF-8")) == [b"h\xc3\xa9",
                                                                                    b"ab"]
    assert tf.strings.unicode_encode([104, -1], "UTF-8").numpy() == b"h\xef\xbf\xbd"
    assert tf.strings.unicode_encode(tf.constant([], tf.int32), "UTF-8").numpy() == b""
    with pytest.raises(IAE, match="Code point is out of range for Unicode"):
        tf.strings.unicode_encode([104, 0x110000], "UTF-8", errors="strict")
    out = tf.strings.unicode_transcode(["h\u00e9llo"], "UTF-8", "UTF-16-BE")
    assert values(out) == [b"\x00h\x00\xe9\x00l\x00l\x00o"]


def test_ngrams():
    assert values(tf.strings.ngrams(["a", "b", "c"], 2)) == [b"a b", b"b c"]
    assert values(tf.strings.ngrams(["a", "b", "c"], [1, 3], separator="_")) == [
        b"a", b"b", b"c", b"a_b_c"]
    assert values(tf.strings.ngrams(["a", "b"], 3)) == []
    assert values(tf.strings.ngrams(["a", "b"], 3, preserve_short_sequences=True)) == [b"a b"]
    assert values(tf.strings.ngrams(["a", "b", "c"], 2, pad_values=("<", ">"))) == [
        b"< a", b"a b", b"b c", b"c >"]
    assert values(tf.strings.ngrams(["a", "b", "c"], 3, pad_values="#", padding_width=1)) == [
        b"# a b", b"a b c", b"b c #"]
    assert values(tf.strings.ngrams([["a", "b", "c"], ["d", "e", "f"]], 2)) == [
        [b"a b", b"b c"], [b"d e", b"e f"]]


def test_unsorted_segment_join():
    joined = tf.strings.unsorted_segment_join(["a", "b", "c"], [1, 0, 1], 2, separator="-")
    assert values(joined) == [b"b", b"a-c"]
    assert values(tf.strings.unsorted_segment_join([["a", "b"], ["c", "d"]], [0, 0], 1)) == [
        [b"ac", b"bd"]]
    with pytest.raises(IAE, match="segment_ids are not allowed to exceed num_segments"):
        tf.strings.unsorted_segment_join(["a", "b"], [0, -1], 2)


def test_base64_is_web_safe():
    assert values(tf.io.encode_base64(["hello?>"])) == [b"aGVsbG8_Pg"]
    assert tf.io.encode_base64("ab", pad=True).numpy() == b"YWI="
    assert tf.io.decode_base64("aGVsbG8_Pg").numpy() == b"hello?>"
    assert tf.io.decode_base64("aGVsbG8_Pg==").numpy() == b"hello?>"
    data = [b"\x00\xff\xfe", b"xyz"]
    assert values(tf.io.decode_base64(tf.io.encode_base64(data))) == data
    with pytest.raises(IAE, match="Invalid character found in base64"):
        tf.io.decode_base64("!!")
