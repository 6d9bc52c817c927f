"""tf.print: TF's text for tensors (not NumPy's): floats in the shortest of %.6g/%.9g
(%.15g/%.17g for float64) that reads back exactly, bools as 1/0, the first and last
`summarize` entries of each long dimension around '...'. Written to stderr by default."""

import sys

import numpy as np

from . import dtypes
from .tensor import Tensor


def _float_text(value, short, full, np_type):
    text = "%.*g" % (short, value)
    if np_type(float(text)) != np_type(value) and not np.isnan(value):
        text = "%.*g" % (full, value)
    return {"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(text, text)


def _string_text(value):
    return value.decode("utf-8", "backslashreplace")


def _scalar_text(value, dtype):
    if dtype == dtypes.string:  # elements of a string tensor in double quotes, as TF
        return '"%s"' % _string_text(value).replace('"', '\\"')
    if dtype == dtypes.bool_:
        return "1" if value else "0"
    if dtype.is_floating:
        if dtype == dtypes.float64:
            return _float_text(float(value), 15, 17, np.float64)
        return _float_text(float(value), 6, 9, np.float32)
    return str(int(value))


def _array_text(array, dtype, summarize, indent):
    if not hasattr(array, "ndim"):  # an element of a string (object) array: bytes
        return _scalar_text(array, dtype)
    if array.ndim == 0:
        return _scalar_text(array[()], dtype)
    n = array.shape[0]
    if 0 <= summarize and n > 2 * summarize:
        rows = list(range(summarize)) + [None] + list(range(n - summarize, n))
    else:
        rows = list(range(n))
    parts = ["..." if i is None else _array_text(array[i], dtype, summarize, indent + 1)
             for i in rows]
    if array.ndim == 1:
        return "[" + " ".join(parts) + "]"
    # As NumPy: blocks of rank k are separated by k - 1 line breaks (blank lines from rank 3).
    return "[" + ("\n" * (array.ndim - 1) + " " * (indent + 1)).join(parts) + "]"


def format_value(value, summarize=3, nested=False):
    """One tf.print input as TF writes it: tensors in TF's format; structures as Python prints
    them (dicts in sorted key order, as tf.nest); other values by repr(), except a top-level
    string, which is written as it is."""
    if isinstance(value, Tensor):
        if value.dtype == dtypes.string and value.ndim == 0:
            return _string_text(value.numpy())  # a scalar string prints bare, as TF
        return _array_text(np.asarray(value.numpy()), value.dtype,
                           3 if summarize is None else summarize, 0)
    if isinstance(value, dict):
        return "{" + ", ".join("%r: %s" % (k, format_value(value[k], summarize, True))
                               for k in sorted(value)) + "}"
    if isinstance(value, (list, tuple)):
        inner = ", ".join(format_value(v, summarize, True) for v in value)
        if isinstance(value, list):
            return "[%s]" % inner
        return "(%s,)" % inner if len(value) == 1 else "(%s)" % inner
    if isinstance(value, str) and not nested:
        return value
    return repr(value)


def print_v2(*inputs, output_stream=None, summarize=3, sep=" ", end="\n", name=None):
    """tf.print(*inputs): tensors in TF's format, other values as str()."""
    from .function import unwrap_stream
    stream = unwrap_stream(sys.stderr if output_stream is None else output_stream)
    text = sep.join(format_value(v, summarize) for v in inputs) + end
    if isinstance(stream, str):
        _write_to_named_stream(stream, text)
    elif hasattr(stream, "write"):
        stream.write(text)
        if hasattr(stream, "flush"):
            stream.flush()
    else:  # TF also takes logging functions such as absl's logging.info
        stream(text.rstrip("\n"))


def _write_to_named_stream(stream, text):
    """TF's string streams: 'file://PATH' appends to PATH; 'stdout' and 'stderr'."""
    if stream.startswith("file://"):
        with open(stream[len("file://"):], "a") as f:
            f.write(text)
    elif stream in ("stdout", "stderr"):
        target = getattr(sys, stream)
        target.write(text)
        target.flush()
    else:
        raise ValueError("Unsupported output stream, logging level, or file. %r. Supported "
                         "streams are sys.stdout, sys.stderr, tf.compat.v1.logging levels "
                         "and strings of the form 'file://<path>'." % (stream,))
