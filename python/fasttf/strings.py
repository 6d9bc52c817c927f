"""tf.strings: elementwise string functions on string tensors (NumPy object arrays of bytes).

Each op follows TF 2.21's kernel: bytes in, bytes out, ASCII-only case mapping unless an
encoding is given, RE2-style patterns run with Python's `re` on bytes, and TF's error classes
and messages for bad arguments.
"""

import re

import numpy as np

from . import _C, string_hash
from .framework import dtypes
from .framework import string_tensor as st
from .framework.constant_op import convert_to_tensor
from .framework.errors import InvalidArgumentError, OutOfRangeError
from .framework.string_tensor import StringTensor
from .framework.tensor import Tensor
from . import ragged
from .strings_unicode import (ngrams, unicode_decode, unicode_encode,  # noqa: F401 - tf.strings
                              unicode_transcode, unsorted_segment_join)


def _strings(value, op_name):
    """value as a StringTensor: other values convert with dtype string (TypeError), as in TF's
    op wrappers; a numeric tensor is refused as TF's kernels refuse it."""
    t = value if isinstance(value, Tensor) else st.convert(value, dtypes.string)
    if t.__class__ is not StringTensor:
        raise InvalidArgumentError(
            "cannot compute %s as input #0(zero-based) was expected to be a string tensor but "
            "is a %s tensor [Op:%s]" % (op_name, t.dtype.name, op_name))
    return t


def _map(t, fn, otype=object):
    """fn applied to every element; a StringTensor for object results, else a numeric one."""
    flat = t._value.reshape(-1)
    if otype is object:
        out = np.empty(flat.size, dtype=object)
        out[:] = [fn(v) for v in flat]
        return st.from_array(out.reshape(t._value.shape))
    with np.errstate(over="ignore"):  # '1e40' is inf in float32, as TF
        out = np.fromiter((fn(v) for v in flat), dtype=otype, count=flat.size)
    return _C.convert_to_tensor(out.reshape(t._value.shape), dtypes.as_dtype(otype))


def _ragged_elementwise(op):
    """Lets an elementwise op take a RaggedTensor (applied to its flat values), as TF does.
    The data argument may come by position or by its name (to_number(string_tensor=...))."""
    first = op.__code__.co_varnames[0]

    def wrapper(*args, **kwargs):
        data = args[0] if args else kwargs.get(first)
        if isinstance(data, ragged.RaggedTensor):
            if args:
                return ragged.map_flat_values(op, *args, **kwargs)
            kwargs[first] = data.flat_values
            return data.with_values(op(**kwargs))
        return op(*args, **kwargs)
    wrapper.__name__ = wrapper.__qualname__ = op.__name__
    wrapper.__doc__ = op.__doc__
    wrapper.__wrapped__ = op
    return wrapper


def _check_unit(unit, op_name):
    if unit not in ("BYTE", "UTF8_CHAR"):
        raise InvalidArgumentError("Value for attr 'unit' of \"%s\" is not in the list of allowed "
                                   "values: \"BYTE\", \"UTF8_CHAR\" [Op:%s]" % (unit, op_name))


def _decode(value, op_name):
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidArgumentError("Invalid UTF-8 in %r [Op:%s]" % (value, op_name)) from None


# -------------------------------------------------------------------- case, length, strip


@_ragged_elementwise
def lower(input, encoding="", name=None):
    """tf.strings.lower: ASCII letters only, unless encoding='utf-8' (then Unicode rules)."""
    t = _strings(input, "StringLower")
    if encoding:
        return _map(t, lambda v: _decode(v, "StringLower").lower().encode("utf-8"))
    return _map(t, bytes.lower)


@_ragged_elementwise
def upper(input, encoding="", name=None):
    """tf.strings.upper: ASCII letters only, unless encoding='utf-8' (then Unicode rules)."""
    t = _strings(input, "StringUpper")
    if encoding:
        return _map(t, lambda v: _decode(v, "StringUpper").upper().encode("utf-8"))
    return _map(t, bytes.upper)


def _utf8_length(value):
    # Characters are the bytes that do not continue a sequence (0b10xxxxxx), as TF counts.
    return sum(1 for b in value if b & 0xC0 != 0x80)


@_ragged_elementwise
def length(input, unit="BYTE", name=None):
    """tf.strings.length: int32 lengths in bytes or UTF-8 characters."""
    _check_unit(unit, "StringLength")
    t = _strings(input, "StringLength")
    return _map(t, len if unit == "BYTE" else _utf8_length, np.int32)


@_ragged_elementwise
def strip(input, name=None):
    """tf.strings.strip: leading and trailing ASCII whitespace removed."""
    return _map(_strings(input, "StringStrip"), bytes.strip)


# -------------------------------------------------------------------- joining


def _separator(separator):
    return separator.encode("utf-8") if isinstance(separator, str) else bytes(separator)


def join(inputs, separator="", name=None):
    """tf.strings.join: elementwise concatenation of equally shaped tensors (scalars repeat)."""
    if isinstance(inputs, (str, bytes, Tensor)):
        raise TypeError("tf.strings.join expects a list of string tensors, got %r" % (inputs,))
    tensors = [_strings(v, "StringJoin") for v in inputs]
    sep = _separator(separator)
    shapes = [t._value.shape for t in tensors if t._value.ndim]
    for shape in shapes[1:]:
        if shape != shapes[0]:
            raise InvalidArgumentError("Input shapes do not match: %s vs. %s [Op:StringJoin]"
                                       % (list(shapes[0]), list(shape)))
    if not tensors:
        return st.convert(b"")  # as TF
    shape = shapes[0] if shapes else ()
    columns = [np.broadcast_to(t._value, shape).reshape(-1) for t in tensors]
    out = np.empty(int(np.prod(shape)), dtype=object)
    out[:] = [sep.join(parts) for parts in zip(*columns)] if columns else []
    return st.from_array(out.reshape(shape))


def reduce_join(inputs, axis=None, keepdims=False, separator="", name=None):
    """tf.strings.reduce_join: joins along axes (all of them by default), in order."""
    t = _strings(inputs, "ReduceJoin")
    sep = _separator(separator)
    rank = t._value.ndim
    if axis is None:
        order = list(range(rank))  # all axes, the last one varying fastest
    else:
        raw = axis.numpy() if isinstance(axis, Tensor) else np.asarray(axis)
        given = [int(a) for a in raw.reshape(-1)]
        for a in given:
            if not -rank <= a < rank:
                raise OutOfRangeError("Invalid reduction dimension %d for input with %d "
                                      "dimension(s) [Op:ReduceJoin]" % (a, rank))
        seen = set()
        for a in given:
            if a % rank in seen:
                raise InvalidArgumentError("Duplicate reduction dimension %d [Op:ReduceJoin]"
                                           % a)
            seen.add(a % rank)
        # TF joins along the given axes one after the other: the first varies fastest.
        order = [a % rank for a in reversed(given)]
    axes = set(order)
    kept = [d for d in range(rank) if d not in axes]
    # Move the reduced axes last, so each output element joins one C-order run.
    moved = np.transpose(t._value, kept + order)
    out_shape = moved.shape[:len(kept)]
    rows = moved.reshape(int(np.prod(out_shape)), int(np.prod(moved.shape[len(kept):])))
    out = np.empty(rows.shape[0], dtype=object)
    out[:] = [sep.join(row) for row in rows]
    out = out.reshape(out_shape)
    if keepdims:
        out = out.reshape([1 if d in axes else n for d, n in enumerate(t._value.shape)])
    return st.from_array(out)


# -------------------------------------------------------------------- substrings and regexes


def _broadcast_ints(value, shape, what):
    arr = value.numpy() if isinstance(value, Tensor) else np.asarray(value)
    if arr.dtype.kind not in "iu":
        raise TypeError("tf.strings.substr: %s must be integers, got %r" % (what, value))
    try:
        return np.broadcast_to(arr, shape).reshape(-1)
    except ValueError:
        raise InvalidArgumentError("[Substr] %s of shape %s does not broadcast to the input "
                                   "shape %s" % (what, list(arr.shape), list(shape))) from None


@_ragged_elementwise
def substr(input, pos, len, unit="BYTE", name=None):  # noqa: A002 - TF's argument name
    """tf.strings.substr: `len` bytes (or UTF-8 characters) from `pos` (negative: from the
    end); pos outside [-length, length] is an InvalidArgumentError, as in TF."""
    _check_unit(unit, "Substr")
    t = _strings(input, "Substr")
    shape = t._value.shape
    positions = _broadcast_ints(pos, shape, "pos")
    lengths = _broadcast_ints(len, shape, "len")
    flat = t._value.reshape(-1)
    out = np.empty(flat.size, dtype=object)
    for i, value in enumerate(flat):
        text = value if unit == "BYTE" else _decode(value, "Substr")
        p, n = int(positions[i]), int(lengths[i])
        size = text.__len__()
        if p < -size or p > size:
            raise InvalidArgumentError("pos %d out of range for string %s at index %d "
                                       "[Op:Substr]" % (p, value, i))
        if p < 0:
            p += size
        # A negative length: the rest of the string in bytes (std::string::substr), nothing
        # in characters, as TF.
        piece = text[p:] if n < 0 and unit == "BYTE" else text[p:p + max(n, 0)]
        out[i] = piece if unit == "BYTE" else piece.encode("utf-8")
    return st.from_array(out.reshape(shape))


def _compile(pattern, op_name):
    if isinstance(pattern, Tensor):
        pattern = pattern.numpy()
    source = pattern.encode("utf-8") if isinstance(pattern, str) else bytes(pattern)
    try:
        return re.compile(source)
    except RecursionError:  # a pattern nested too deeply for Python's parser
        raise InvalidArgumentError("Invalid pattern: pattern too deeply nested [Op:%s]"
                                   % op_name) from None
    except re.error as e:
        raise InvalidArgumentError("Invalid pattern: %s, error: %s [Op:%s]"
                                   % (source.decode("utf-8", "replace"), e, op_name)) from None


@_ragged_elementwise
def regex_replace(input, pattern, rewrite, replace_global=True, name=None):
    """tf.strings.regex_replace: RE2's rewrite syntax (\\0 is the whole match, \\1.. groups)."""
    t = _strings(input, "StaticRegexReplace")
    regex = _compile(pattern, "StaticRegexReplace")
    if isinstance(rewrite, Tensor):
        rewrite = rewrite.numpy()
    template = rewrite.encode("utf-8") if isinstance(rewrite, str) else bytes(rewrite)
    # Python's template reads \0 as an octal escape; RE2 means the whole match.
    template = re.sub(rb"\\(\d)", rb"\\g<\1>", template)
    if replace_global:
        return _map(t, lambda v: _global_replace(regex, template, v))
    return _map(t, lambda v: regex.sub(template, v, count=1))


def _utf8_step(value, i):
    lead = value[i]
    step = 1 if lead < 0xC0 else 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
    return min(step, len(value) - i)


def _global_replace(regex, template, value):
    """RE2::GlobalReplace: like re.sub, except that an empty match right where the previous
    match ended is skipped (re.sub takes it: 'aaa' with a* is 'X' in TF, 'XX' in Python),
    and a skip moves by one UTF-8 character."""
    out, pos, last_end, count, n = [], 0, -1, 0, len(value)
    while pos <= n:
        match = regex.search(value, pos)
        if match is None:
            break
        start, end = match.span()
        out.append(value[pos:start])
        if start == end == last_end:
            step = _utf8_step(value, pos) if pos < n else 1
            out.append(value[pos:pos + step])
            pos += step
            continue
        out.append(match.expand(template))
        pos = last_end = end
        count += 1
    if count == 0:
        return value
    out.append(value[pos:])
    return b"".join(out)


@_ragged_elementwise
def regex_full_match(input, pattern, name=None):
    """tf.strings.regex_full_match: whether each whole string matches the pattern."""
    t = _strings(input, "StaticRegexFullMatch")
    regex = _compile(pattern, "StaticRegexFullMatch")
    return _map(t, lambda v: regex.fullmatch(v) is not None, np.bool_)


# -------------------------------------------------------------------- numbers


_INTEGER = re.compile(rb"\s*[+-]?\d+\s*")
_FLOAT = re.compile(rb"\s*[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?|inf|infinity|nan)"
                    rb"\s*", re.IGNORECASE)


@_ragged_elementwise
def to_number(string_tensor, out_type=dtypes.float32, name=None):
    """tf.strings.to_number: decimal text to float32/float64/int32/int64, as TF parses it
    (surrounding whitespace allowed; no underscores; ints must fit out_type)."""
    out_type = dtypes.as_dtype(out_type)
    if out_type not in (dtypes.float32, dtypes.float64, dtypes.int32, dtypes.int64):
        raise InvalidArgumentError("Value for attr 'out_type' of %s is not in the list of "
                                   "allowed values: float, double, int32, int64 "
                                   "[Op:StringToNumber]" % out_type.name)
    t = _strings(string_tensor, "StringToNumber")
    np_type = out_type.as_numpy_dtype
    integer = out_type.is_integer
    info = np.iinfo(np_type) if integer else None

    def parse(value):
        if integer:
            ok = _INTEGER.fullmatch(value) is not None and len(value) < 64  # no 5000 digits
            number = int(value) if ok else None
            ok = ok and info.min <= number <= info.max
        else:
            ok = _FLOAT.fullmatch(value) is not None
            number = float(value) if ok else None
        if not ok:
            raise InvalidArgumentError("StringToNumberOp could not correctly convert string: "
                                       "%s [Op:StringToNumber]" % value.decode("utf-8", "replace"))
        return number

    return _map(t, parse, np_type)


@_ragged_elementwise
def as_string(input, precision=-1, scientific=False, shortest=False, width=-1, fill="",
              name=None):
    """tf.strings.as_string: C printf formatting as TF's AsString ('%f' for floats by default,
    'true'/'false' for bools, `fill` '0' or ' ' padding up to `width`)."""
    t = input if isinstance(input, Tensor) else convert_to_tensor(input)
    if t.__class__ is StringTensor:
        return t
    fill = fill.decode() if isinstance(fill, bytes) else fill
    if len(fill) > 1:
        raise InvalidArgumentError("Fill string must be one or fewer characters [Op:AsString]")
    if fill not in ("", "0", " "):
        raise InvalidArgumentError('Fill argument not supported: "%s" [Op:AsString]' % fill)
    if scientific and shortest:
        raise InvalidArgumentError("Cannot select both scientific and shortest notation "
                                   "[Op:AsString]")
    dtype = t.dtype
    if not dtype.is_floating and (precision > -1 or scientific or shortest):
        what = "precision" if precision > -1 else "scientific" if scientific else "shortest"
        raise InvalidArgumentError("%s not supported for datatype %s [Op:AsString]"
                                   % (what, dtype.name))
    spec = "%" + fill + (str(width) if width > -1 else "")
    if dtype == dtypes.bool_:
        spec, convert = "%s", lambda v: "true" if v else "false"
    elif dtype.is_floating:
        spec += ("." + str(precision) if precision > -1 else "") + \
            ("e" if scientific else "g" if shortest else "f")
        convert = float
    else:
        spec += "d"
        convert = int
    values = np.asarray(t.numpy())
    return _map(st.from_array(values.astype(object)),
                lambda v: (spec % convert(v)).encode("ascii"))



def format(template, inputs, placeholder="{}", summarize=3, name=None):
    """tf.strings.format: each placeholder replaced by a tensor printed as tf.print does
    (strings in double quotes, the first and last `summarize` entries of long dimensions)."""
    from .framework.printing import _array_text
    if not isinstance(inputs, (list, tuple)):
        inputs = [inputs]
    if template.count(placeholder) != len(inputs):
        raise ValueError("The template expects %d tensors, but the inputs only has %d. Please "
                         "ensure the number of placeholders in template matches inputs length."
                         % (template.count(placeholder), len(inputs)))
    pieces = template.split(placeholder)
    out = [pieces[0]]
    for value, piece in zip(inputs, pieces[1:]):
        t = value if isinstance(value, Tensor) else convert_to_tensor(value)
        array = t._value if t.__class__ is StringTensor else np.asarray(t.numpy())
        out.append(_array_text(array, t.dtype, -1 if summarize is None else summarize, 0))
        out.append(piece)
    return st.convert("".join(out))


# -------------------------------------------------------------------- hashing


def _buckets(num_buckets, op_name):
    num_buckets = int(num_buckets)
    if num_buckets < 1:
        raise InvalidArgumentError("Value for attr 'num_buckets' of %d must be at least minimum "
                                   "1 [Op:%s]" % (num_buckets, op_name))
    return num_buckets


@_ragged_elementwise
def to_hash_bucket_fast(input, num_buckets, name=None):
    """tf.strings.to_hash_bucket_fast: FarmHash Fingerprint64 modulo num_buckets (int64)."""
    buckets = _buckets(num_buckets, "StringToHashBucketFast")
    t = _strings(input, "StringToHashBucketFast")
    return _map(t, lambda v: string_hash.fingerprint64(v) % buckets, np.int64)


@_ragged_elementwise
def to_hash_bucket(string_tensor, num_buckets, name=None):
    """tf.strings.to_hash_bucket (deprecated in TF for the _fast one): TF's Hash64."""
    buckets = _buckets(num_buckets, "StringToHashBucket")
    t = _strings(string_tensor, "StringToHashBucket")
    return _map(t, lambda v: string_hash.hash64(v) % buckets, np.int64)


@_ragged_elementwise
def to_hash_bucket_strong(input, num_buckets, key, name=None):
    """tf.strings.to_hash_bucket_strong: SipHash-2-4 keyed by two 64-bit words."""
    buckets = _buckets(num_buckets, "StringToHashBucketStrong")
    t = _strings(input, "StringToHashBucketStrong")
    key = [int(k) & ((1 << 64) - 1) for k in key]  # int64 attrs read as uint64, as TF
    if len(key) != 2:
        raise InvalidArgumentError("Key must have 2 elements [Op:StringToHashBucketStrong]")
    return _map(t, lambda v: string_hash.siphash24(key, v) % buckets, np.int64)


# -------------------------------------------------------------------- splitting


def _split_each(t, op_name, split_one):
    """split_one of a scalar as a 1-D tensor; of a vector, a RaggedTensor of the pieces (as
    TF); higher ranks (TF: ragged rank 2) raise NotImplementedError."""
    if t._value.ndim == 0:
        return _vector(split_one(t._value[()]))
    if t._value.ndim == 1:
        return ragged.from_rows([split_one(v) for v in t._value], dtypes.string)
    raise NotImplementedError("tf.strings.%s of a rank-%d input returns a RaggedTensor of "
                              "ragged rank %d in TF; fasttf's RaggedTensor has ragged rank 1"
                              % (op_name, t._value.ndim, t._value.ndim))


def _vector(items):
    out = np.empty(len(items), dtype=object)
    out[:] = items
    return st.from_array(out)


def _split_whitespace(value, maxsplit):
    # TF's whitespace split: after maxsplit pieces, the rest (past the whitespace that follows)
    # is one more piece, even when empty ('d' with maxsplit=1 is [b'd', b'']).
    if maxsplit <= 0:
        return value.split(None, maxsplit)
    pieces, rest = [], value.lstrip()
    while rest and len(pieces) < maxsplit:
        parts = rest.split(None, 1)
        pieces.append(parts[0])
        rest = parts[1] if len(parts) > 1 else b""
        if len(pieces) == maxsplit:
            pieces.append(rest)
    return pieces


def split(input, sep=None, maxsplit=-1, name=None):
    """tf.strings.split: a scalar gives a 1-D string tensor, a vector a RaggedTensor (sep=None
    splits on whitespace runs, dropping empty pieces; a given sep keeps them)."""
    t = _strings(input, "StringSplitV2")
    if sep is not None:
        sep = _separator(sep)
        if sep == b"":
            sep = None
    maxsplit = int(maxsplit)
    if sep is None:
        return _split_each(t, "split", lambda v: _split_whitespace(v, maxsplit))
    return _split_each(t, "split", lambda v: v.split(sep, maxsplit))


def bytes_split(input, name=None):
    """tf.strings.bytes_split: the bytes of each string, one per element."""
    return _split_each(_strings(input, "StringSplit"), "bytes_split",
                       lambda v: [v[i:i + 1] for i in range(len(v))])


def unicode_split(input, input_encoding, errors="replace", replacement_char=65533, name=None):
    """tf.strings.unicode_split: the characters of each string, each encoded back as UTF-8."""
    if input_encoding.upper().replace("-", "") not in ("UTF8",):
        raise NotImplementedError("tf.strings.unicode_split: only UTF-8 input is supported")

    def characters(value):
        if errors == "strict":
            text = _decode(value, "UnicodeDecodeWithOffsets")
        else:
            text = value.decode("utf-8", "replace" if errors == "replace" else "ignore")
            if errors == "replace" and replacement_char != 65533:
                text = text.replace("\ufffd", chr(replacement_char))
        return [c.encode("utf-8") for c in text]
    return _split_each(_strings(input, "UnicodeDecodeWithOffsets"), "unicode_split",
                       characters)


__all__ = ["as_string", "bytes_split", "format", "join", "length", "lower", "reduce_join",
           "regex_full_match", "regex_replace", "split", "strip", "substr", "to_hash_bucket",
           "to_hash_bucket_fast", "to_hash_bucket_strong", "to_number", "ngrams",
           "unicode_decode", "unicode_encode", "unicode_split", "unicode_transcode",
           "unsorted_segment_join", "upper"]
