"""tf.strings' Unicode and n-gram ops (unicode_decode/encode/transcode, ngrams,
unsorted_segment_join) and tf.io's web-safe base64, as TF 2.21 computes them. unicode_decode of
a vector gives a RaggedTensor (ragged rank 1, python/fasttf/ragged.py); results of higher ragged
rank raise NotImplementedError."""

import base64
import binascii

import numpy as np

from . import _C
from .framework import dtypes
from .framework import string_tensor as st
from .framework.constant_op import convert_to_tensor
from .framework.errors import InvalidArgumentError
from .framework.string_tensor import StringTensor
from .framework.tensor import Tensor

_CODECS = {"UTF8": "utf-8", "UTF16BE": "utf-16-be", "UTF32BE": "utf-32-be"}


def _codec(encoding, what):
    name = _CODECS.get(str(encoding).upper().replace("-", "").replace("_", ""))
    if name is None:
        raise InvalidArgumentError("Could not create converter for %s encoding: %s"
                                   % (what, encoding))
    return name


def _strings(value, op_name):
    t = value if isinstance(value, Tensor) else st.convert(value, dtypes.string)
    if t.__class__ is not StringTensor:
        raise InvalidArgumentError(
            "cannot compute %s as input #0(zero-based) was expected to be a string tensor but "
            "is a %s tensor [Op:%s]" % (op_name, t.dtype.name, op_name))
    return t


def _is_control(code):
    return code < 0x20 or 0x7F <= code < 0xA0


def _code_points(value, codec, errors, replacement_char, replace_control, op_name):
    """The code points of bytes `value` in `codec`, with TF's error handling."""
    if errors == "strict":
        try:
            text = value.decode(codec)
        except UnicodeDecodeError:
            raise InvalidArgumentError("Invalid formatting on input string [Op:%s]"
                                       % op_name) from None
    else:
        text = value.decode(codec, "replace" if errors == "replace" else "ignore")
    points = [ord(c) for c in text]
    if errors == "replace" and replacement_char != 0xFFFD:
        points = [replacement_char if p == 0xFFFD else p for p in points]
    if replace_control:
        points = [replacement_char if _is_control(p) else p for p in points]
    return points


def _encode_points(points, codec, errors, replacement_char):
    chars = []
    for p in points:
        if 0 <= p <= 0x10FFFF and not 0xD800 <= p <= 0xDFFF:
            chars.append(chr(p))
        elif errors == "strict":
            raise InvalidArgumentError("Code point is out of range for Unicode, or is a "
                                       "surrogate. [Op:UnicodeEncode]")
        elif errors == "replace":
            chars.append(chr(replacement_char))
    return "".join(chars).encode(codec)


def unicode_decode(input, input_encoding, errors="replace", replacement_char=65533,
                   replace_control_characters=False, name=None):
    """tf.strings.unicode_decode of a scalar: its code points as an int32 vector."""
    t = _strings(input, "UnicodeDecode")
    codec = _codec(input_encoding, "input")

    def decode(value):
        return _code_points(value, codec, errors, replacement_char, replace_control_characters,
                            "UnicodeDecode")
    if t.ndim == 0:
        return _C.convert_to_tensor(np.asarray(decode(t._value[()]), dtype=np.int32),
                                    dtypes.int32)
    if t.ndim == 1:  # TF: a RaggedTensor of code points
        from .ragged import from_rows
        return from_rows([decode(v) for v in t._value], dtypes.int32)
    raise NotImplementedError("tf.strings.unicode_decode of a rank-%d input returns a "
                              "RaggedTensor of ragged rank %d in TF; fasttf's RaggedTensor has "
                              "ragged rank 1" % (t.ndim, t.ndim))


def unicode_encode(input, output_encoding, errors="replace", replacement_char=65533, name=None):
    """tf.strings.unicode_encode: each row of code points (the last axis) as one string."""
    t = input if isinstance(input, Tensor) else convert_to_tensor(input, dtypes.int32)
    if not t.dtype.is_integer:
        raise TypeError("tf.strings.unicode_encode takes int32 code points, got %s"
                        % t.dtype.name)
    if t.ndim == 0:
        raise ValueError("Rank of input_tensor must be statically known and at least 1.")
    codec = _codec(output_encoding, "output")
    shape = t._shape_tuple
    rows = np.asarray(t.numpy()).reshape(int(np.prod(shape[:-1])), shape[-1])
    out = np.empty(rows.shape[0], dtype=object)
    out[:] = [_encode_points(row.tolist(), codec, errors, replacement_char) for row in rows]
    return st.from_array(out.reshape(shape[:-1]))


def unicode_transcode(input, input_encoding, output_encoding, errors="replace",
                      replacement_char=65533, replace_control_characters=False, name=None):
    """tf.strings.unicode_transcode: each string decoded and encoded again."""
    t = _strings(input, "UnicodeTranscode")
    source, target = _codec(input_encoding, "input"), _codec(output_encoding, "output")
    flat = t._value.reshape(-1)
    out = np.empty(flat.size, dtype=object)
    out[:] = [_encode_points(_code_points(v, source, errors, replacement_char,
                                          replace_control_characters, "UnicodeTranscode"),
                             target, errors, replacement_char) for v in flat]
    return st.from_array(out.reshape(t._value.shape))


def _as_bytes(value):
    return value.encode("utf-8") if isinstance(value, str) else bytes(value)


def ngrams(data, ngram_width, separator=" ", pad_values=None, padding_width=None,
           preserve_short_sequences=False, name=None):
    """tf.strings.ngrams over the last axis: for each width in turn, the joined windows of the
    (optionally padded) sequence. Rows of a dense input give equally many n-grams."""
    t = _strings(data, "StringNGrams")
    if t.ndim == 0:
        raise ValueError("Data must have rank>0")
    widths = [int(w) for w in np.asarray(ngram_width).reshape(-1)]
    if any(w <= 0 for w in widths):
        raise InvalidArgumentError("ngram_width must be greater than 0, got %s"
                                   % (ngram_width,))
    sep = _as_bytes(separator)
    if pad_values is None:
        left = right = None
    elif isinstance(pad_values, (tuple, list)):
        left, right = (_as_bytes(v) for v in pad_values)
    else:
        left = right = _as_bytes(pad_values)
    rows = t._value.reshape(-1, t._value.shape[-1])
    out_rows = []
    for row in rows:
        grams = []
        for width in widths:
            pad = 0 if left is None else (width - 1 if padding_width is None
                                          else min(int(padding_width), width - 1))
            seq = [left] * pad + list(row) + [right] * pad
            grams.extend(sep.join(seq[i:i + width]) for i in range(len(seq) - width + 1))
        if not grams and preserve_short_sequences:
            pad = 0 if left is None else (1 if padding_width is None else int(padding_width))
            grams = [sep.join([left] * pad + list(row) + [right] * pad)]
        out_rows.append(grams)
    out = np.empty((len(out_rows), len(out_rows[0]) if out_rows else 0), dtype=object)
    for i, grams in enumerate(out_rows):
        out[i, :] = grams
    return st.from_array(out.reshape(t._value.shape[:-1] + (out.shape[1],)))


def unsorted_segment_join(inputs, segment_ids, num_segments, separator="", name=None):
    """tf.strings.unsorted_segment_join: strings joined per segment id, in input order."""
    t = _strings(inputs, "UnsortedSegmentJoin")
    ids = np.asarray(segment_ids.numpy() if isinstance(segment_ids, Tensor) else segment_ids)
    num = int(num_segments.numpy() if isinstance(num_segments, Tensor) else num_segments)
    if ids.shape != t._value.shape[:ids.ndim]:
        raise InvalidArgumentError("segment_ids.shape = %s does not match the prefix of "
                                   "inputs.shape = %s [Op:UnsortedSegmentJoin]"
                                   % (list(ids.shape), list(t._value.shape)))
    inner = t._value.shape[ids.ndim:]
    width = int(np.prod(inner))
    out = np.empty((num, width), dtype=object)  # MemoryError at once for a huge num_segments
    out.fill(b"")
    rows = t._value.reshape((ids.size, width))
    parts = {}  # segment -> its rows, in input order
    for segment, row in zip(ids.reshape(-1).tolist(), rows):
        if not 0 <= segment < num:
            raise InvalidArgumentError("segment_ids are not allowed to exceed num_segments or "
                                       "to have negative values. [Op:UnsortedSegmentJoin]")
        parts.setdefault(segment, []).append(row)
    sep = _as_bytes(separator)
    for segment, segment_rows in parts.items():
        out[segment, :] = [sep.join(column) for column in zip(*segment_rows)]
    return st.from_array(out.reshape((num,) + inner))


def encode_base64(input, pad=False, name=None):
    """tf.io.encode_base64: web-safe base64 ('-' and '_'), without '=' unless pad=True."""
    t = _strings(input, "EncodeBase64")

    def encode(value):
        text = base64.urlsafe_b64encode(value)
        return text if pad else text.rstrip(b"=")
    flat = t._value.reshape(-1)
    out = np.empty(flat.size, dtype=object)
    out[:] = [encode(v) for v in flat]
    return st.from_array(out.reshape(t._value.shape))


def decode_base64(input, name=None):
    """tf.io.decode_base64: web-safe base64 with or without padding."""
    t = _strings(input, "DecodeBase64")

    def decode(value):
        body = value.rstrip(b"=")
        try:
            return base64.b64decode(body + b"=" * (-len(body) % 4), altchars=b"-_",
                                    validate=True)
        except (binascii.Error, ValueError):
            raise InvalidArgumentError("Invalid character found in base64. "
                                       "[Op:DecodeBase64]") from None
    flat = t._value.reshape(-1)
    out = np.empty(flat.size, dtype=object)
    out[:] = [decode(v) for v in flat]
    return st.from_array(out.reshape(t._value.shape))
