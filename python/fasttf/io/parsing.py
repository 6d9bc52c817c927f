"""tf.io.decode_csv and tf.io.decode_raw: string tensors parsed into numeric ones, as TF's
DecodeCSV and DecodeRaw kernels do (RFC 4180 quoting, TF's error messages)."""

import re

import numpy as np

from .. import _C
from ..framework import dtypes
from ..framework import string_tensor
from ..framework.errors import InvalidArgumentError
from ..framework.tensor import Tensor

_CSV_TYPES = (dtypes.float32, dtypes.float64, dtypes.int32, dtypes.int64, dtypes.string)
_INT = re.compile(rb"\s*[+-]?\d+\s*")
_FLOAT = re.compile(rb"\s*[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?|inf|infinity|nan)"
                    rb"\s*", re.IGNORECASE)


def _strings(value, what):
    t = value if isinstance(value, Tensor) else string_tensor.convert(value, dtypes.string)
    if t.dtype != dtypes.string:
        raise InvalidArgumentError("cannot compute %s as input #0(zero-based) was expected to "
                                   "be a string tensor but is a %s tensor [Op:%s]"
                                   % (what, t.dtype.name, what))
    return t


def _split_record(record, delim, use_quote):
    """The fields of one CSV record (bytes), quotes removed ("" inside quotes is a quote)."""
    fields, i, n = [], 0, len(record)
    if n == 0:
        return fields  # as TF: an empty record has no fields
    while True:
        if use_quote and i < n and record[i:i + 1] == b'"':
            out = bytearray()
            i += 1
            while True:
                if i >= n:
                    raise InvalidArgumentError("Quoted field has to end with quote followed by "
                                               "delim or end [Op:DecodeCSV]")
                if record[i:i + 1] == b'"':
                    if record[i + 1:i + 2] == b'"':
                        out += b'"'
                        i += 2
                        continue
                    i += 1
                    break
                out += record[i:i + 1]
                i += 1
            if i < n and record[i:i + 1] != delim:
                raise InvalidArgumentError("Quote inside a string has to be escaped by another "
                                           "quote [Op:DecodeCSV]")
            fields.append(bytes(out))
        else:
            end = record.find(delim, i)
            end = n if end < 0 else end
            field = record[i:end]
            if use_quote and b'"' in field:
                raise InvalidArgumentError("Unquoted fields cannot have quotes/CRLFs inside "
                                           "[Op:DecodeCSV]")
            fields.append(field)
            i = end
        if i >= n:
            return fields
        i += 1  # past the delimiter
        if i == n:
            fields.append(b"")
            return fields


def _default(value, column):
    """(dtype, default value or None when the field is required) of one record_defaults entry."""
    t = value if isinstance(value, Tensor) else (
        string_tensor.convert(value) if string_tensor.is_string_value(value) else
        _C.convert_to_tensor(value, None))
    if t.dtype not in _CSV_TYPES:
        raise TypeError("record_defaults[%d] has dtype %s; DecodeCSV takes float32, float64, "
                        "int32, int64 and string" % (column, t.dtype.name))
    if t.ndim > 1:
        raise InvalidArgumentError("Each record default should be at most rank 1 "
                                   "[Op:DecodeCSV]")
    if t._numel() > 1:
        raise InvalidArgumentError("First dimension of record_defaults[%d] must be 0 or 1 "
                                   "[Op:DecodeCSV]" % column)
    if t._numel() == 0:
        return t.dtype, None
    return t.dtype, np.asarray(t.numpy()).reshape(-1)[0]


def _parse(field, dtype, column, record):
    if dtype == dtypes.string:
        return field
    name = "float" if dtype == dtypes.float32 else "double" if dtype == dtypes.float64 \
        else dtype.name
    ok = (_INT if dtype.is_integer else _FLOAT).fullmatch(field) is not None
    if ok and dtype.is_integer:
        number = int(field)
        info = np.iinfo(dtype.as_numpy_dtype)
        ok = info.min <= number <= info.max
    if not ok:
        raise InvalidArgumentError("Field %d in record %d is not a valid %s: %s [Op:DecodeCSV]"
                                   % (column, record, name, field.decode("utf-8", "replace")))
    return number if dtype.is_integer else float(field)


def decode_csv(records, record_defaults, field_delim=",", use_quote_delim=True, name=None,
               na_value="", select_cols=None):
    """tf.io.decode_csv: one tensor per column, shaped like `records`, typed by the column's
    default (an empty default makes the field required)."""
    t = _strings(records, "DecodeCSV")
    delim = field_delim.encode("utf-8") if isinstance(field_delim, str) else bytes(field_delim)
    if len(delim) != 1:
        raise InvalidArgumentError("field_delim should be only 1 char [Op:DecodeCSV]")
    na = na_value.encode("utf-8") if isinstance(na_value, str) else bytes(na_value)
    columns = [_default(v, i) for i, v in enumerate(record_defaults)]
    if select_cols is not None:
        select_cols = [int(c) for c in select_cols]
        if any(b <= a for a, b in zip(select_cols, select_cols[1:])) or \
                (select_cols and select_cols[0] < 0):
            raise ValueError("select_cols is not strictly increasing.")
        if len(select_cols) != len(columns):
            raise ValueError("Length of select_cols and record_defaults do not match.")
    flat = t._value.reshape(-1)
    out = [[] for _ in columns]
    for r, record in enumerate(flat):
        fields = _split_record(record, delim, use_quote_delim)
        if select_cols is None:
            if len(fields) != len(columns):
                raise InvalidArgumentError("Expect %d fields but have %d in record %d "
                                           "[Op:DecodeCSV]" % (len(columns), len(fields), r))
            chosen = fields
        else:
            if len(fields) <= select_cols[-1]:
                present = sum(1 for c in select_cols if c < len(fields))
                raise InvalidArgumentError("Expect %d fields but have %d in record %d "
                                           "[Op:DecodeCSV]" % (len(select_cols), present, r))
            chosen = [fields[c] for c in select_cols]
        for c, (field, (dtype, default)) in enumerate(zip(chosen, columns)):
            if field == na or (field == b"" and dtype != dtypes.string):
                if default is None:
                    raise InvalidArgumentError("Field %d is required but missing in record %d! "
                                               "[Op:DecodeCSV]" % (c, r))
                out[c].append(default)
            else:
                out[c].append(_parse(field, dtype, c, r))
    shape = t._value.shape
    result = []
    for values, (dtype, _) in zip(out, columns):
        if dtype == dtypes.string:
            array = np.empty(len(values), dtype=object)
            array[:] = values
            result.append(string_tensor.from_array(array.reshape(shape)))
        else:
            array = np.array(values, dtype=dtype.as_numpy_dtype).reshape(shape)
            result.append(_C.convert_to_tensor(array, dtype))
    return result


def decode_raw(input_bytes, out_type, little_endian=True, fixed_length=None, name=None):
    """tf.io.decode_raw: each string's bytes reinterpreted as a vector of out_type."""
    t = _strings(input_bytes, "DecodeRaw")
    out_type = dtypes.as_dtype(out_type)
    if out_type == dtypes.string or out_type == dtypes.bfloat16:
        raise TypeError("tf.io.decode_raw does not decode to %s" % out_type.name)
    np_type = np.dtype(out_type.as_numpy_dtype).newbyteorder("<" if little_endian else ">")
    size = np_type.itemsize
    flat = t._value.reshape(-1)
    if fixed_length is not None:
        fixed_length = int(fixed_length)
        if fixed_length % size:
            raise InvalidArgumentError("fixed_length (%d) must be a multiple of the size of "
                                       "out_type (%d) [Op:DecodePaddedRaw]" % (fixed_length, size))
        flat = [bytes(v[:fixed_length]).ljust(fixed_length, b"\0") for v in flat]
    width = len(flat[0]) if len(flat) else 0
    for i, value in enumerate(flat):
        if len(value) != width:
            raise InvalidArgumentError("DecodeRaw requires input strings to all be the same "
                                       "size, but element %d has size %d != %d [Op:DecodeRaw]"
                                       % (i, width, len(value)))
    if width % size:
        raise InvalidArgumentError("Input to DecodeRaw has length %d that is not a multiple of "
                                   "%d, the size of %s [Op:DecodeRaw]" % (width, size,
                                                                          out_type.name))
    joined = b"".join(flat)
    array = np.frombuffer(joined, dtype=np_type).astype(out_type.as_numpy_dtype)
    array = array.reshape(t._value.shape + (width // size,))
    return _C.convert_to_tensor(np.ascontiguousarray(array), out_type)
