"""Hand-written protobuf encoding of the few messages an event file holds.

Field numbers follow tensorflow/core/util/event.proto, framework/summary.proto, tensor.proto,
tensor_shape.proto and types.proto. Fields are emitted in field-number order and proto3
defaults (0, "", empty bytes) are omitted, as the C++ serializer does, so the bytes match what
TensorFlow 2 writes.
"""

import struct

import numpy as np

# types.proto DataType values, keyed by numpy dtype.
_DTYPE_ENUM = {
    np.dtype(np.float32): 1,  # DT_FLOAT
    np.dtype(np.float64): 2,  # DT_DOUBLE
    np.dtype(np.int32): 3,  # DT_INT32
    np.dtype(np.uint8): 4,  # DT_UINT8
    np.dtype(np.int16): 5,  # DT_INT16
    np.dtype(np.int8): 6,  # DT_INT8
    np.dtype(np.complex64): 8,  # DT_COMPLEX64
    np.dtype(np.int64): 9,  # DT_INT64
    np.dtype(np.bool_): 10,  # DT_BOOL
    np.dtype(np.uint16): 17,  # DT_UINT16
    np.dtype(np.complex128): 18,  # DT_COMPLEX128
    np.dtype(np.float16): 19,  # DT_HALF
    np.dtype(np.uint32): 22,  # DT_UINT32
    np.dtype(np.uint64): 23,  # DT_UINT64
}
DT_STRING = 7

_WIRE_VARINT = 0
_WIRE_FIXED64 = 1
_WIRE_LENGTH_DELIMITED = 2


_SMALL_VARINTS = [bytes([i]) for i in range(128)]


def varint(value):
    """Base-128 varint; negative int64 values take ten bytes (two's complement)."""
    if 0 <= value < 128:
        return _SMALL_VARINTS[value]
    value &= 0xFFFFFFFFFFFFFFFF
    out = bytearray()
    while value > 0x7F:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def _key(field, wire_type):
    return _SMALL_VARINTS[(field << 3) | wire_type]  # every field used here is below 16


def field_varint(field, value):
    return _key(field, _WIRE_VARINT) + varint(value) if value else b""


def field_double(field, value):
    return _key(field, _WIRE_FIXED64) + struct.pack("<d", value) if value else b""


def field_bytes(field, value, always=False):
    """A length-delimited field (string, bytes or sub-message); empty ones are omitted unless
    always is set (a present but empty sub-message, e.g. the shape of a scalar)."""
    if isinstance(value, str):
        value = value.encode("utf-8")
    if not value and not always:
        return b""
    return _key(field, _WIRE_LENGTH_DELIMITED) + varint(len(value)) + bytes(value)


def tensor_shape_proto(shape):
    # TensorShapeProto.dim = 2, Dim.size = 1
    return b"".join(field_bytes(2, field_varint(1, int(d)), always=True) for d in shape)


def dtype_enum(dtype):
    dtype = np.dtype(dtype)
    if dtype.kind in "SUO":
        return DT_STRING
    try:
        return _DTYPE_ENUM[dtype.newbyteorder("=")]
    except KeyError:
        raise TypeError(f"[summary] dtype {dtype} has no TensorFlow equivalent") from None


def tensor_proto(array):
    """TensorProto of a numpy array: raw little-endian tensor_content for numbers, repeated
    string_val for strings (as TF's WriteSummary op does, so make_ndarray can read them)."""
    array = np.asarray(array)
    enum = dtype_enum(array.dtype)
    out = field_varint(1, enum) + field_bytes(2, tensor_shape_proto(array.shape), always=True)
    if enum == DT_STRING:
        out += b"".join(field_bytes(8, to_bytes(s), always=True) for s in array.reshape(-1))
    else:
        little = array.astype(array.dtype.newbyteorder("<"), copy=False)
        out += field_bytes(4, np.ascontiguousarray(little).tobytes())
    return out


def to_bytes(value):
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8")
    if isinstance(value, (bytearray, memoryview, np.bytes_)):
        return bytes(value)
    raise TypeError(
        f"[summary] expected str or bytes in a string tensor, got {type(value).__name__}"
    )


def summary_metadata(plugin_name, content=b"", display_name=None, description=None):
    # SummaryMetadata: plugin_data = 1 {plugin_name = 1, content = 2}, display_name = 2,
    # summary_description = 3
    plugin_data = field_bytes(1, plugin_name) + field_bytes(2, content)
    return (
        field_bytes(1, plugin_data, always=True)
        + field_bytes(2, display_name or "")
        + field_bytes(3, description or "")
    )


def summary_value(tag, tensor=b"", metadata=b""):
    # Summary.Value: tag = 1, tensor = 8, metadata = 9. Summary.value = 1.
    value = field_bytes(1, tag) + field_bytes(8, tensor, always=True) + field_bytes(9, metadata)
    return field_bytes(1, value, always=True)


def event(wall_time, step=0, file_version=None, graph_def=None, summary=None, source_writer=None):
    # Event: wall_time = 1 (double), step = 2, file_version = 3, graph_def = 4, summary = 5,
    # source_metadata = 10 {writer = 1}
    out = field_double(1, wall_time) + field_varint(2, step)
    if file_version:
        out += field_bytes(3, file_version)
    if graph_def is not None:
        out += field_bytes(4, graph_def, always=True)
    if summary is not None:
        out += field_bytes(5, summary, always=True)
    if source_writer:
        out += field_bytes(10, field_bytes(1, source_writer), always=True)
    return out
