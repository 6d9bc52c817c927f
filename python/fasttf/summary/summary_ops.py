"""tf.summary for TF 2: writers, the per-thread default writer / step / record_if state, and the
scalar, histogram, image, audio and text summaries, written exactly as TensorFlow 2 and the
TensorBoard plugins write them.

Values are taken through numpy (``__array__`` or ``.numpy()``), so any tensor type works.
Summaries whose tensor is costly to build (histogram, image, audio) build it only when a
summary is really written, as TensorBoard's LazyTensorCreator does.
"""

import contextlib
import numbers
import os
import re
import threading
import time
import warnings

import numpy as np

from . import _codecs, _proto
from .event_file_writer import EventFileWriter

DEFAULT_BUCKET_COUNT = 30
_INVALID_SCOPE_CHARACTERS = re.compile(r"[^-_/.A-Za-z0-9]")
_AUDIO_WAV_CONTENT = _proto.field_varint(2, 11)  # AudioPluginData{encoding: WAV}


class _SummaryState(threading.local):
    """Default writer, step and recording condition: per thread, as in TF."""

    def __init__(self):
        super().__init__()
        self.writer = None
        self.step = None
        self.is_recording = None  # None: record whenever a writer is set
        self.scopes = []  # names pushed by summary_scope
        self.tracing = False


_state = _SummaryState()

# The package may point this at its tf.name_scope so that tags carry the active name scopes;
# it must return the current scope without a trailing "/" ("" at top level).
get_outer_name_scope = None


def _to_numpy(value):
    if isinstance(value, np.ndarray):
        return value
    if not hasattr(value, "__array__") and hasattr(value, "numpy"):
        value = value.numpy()
    return np.asarray(value)


# --------------------------------------------------------------------------- writers


class SummaryWriter:
    """Interface of summary writers; create one with create_file_writer()."""

    def set_as_default(self, step=None):
        """Makes this the default writer of the thread (and sets the step if given)."""
        _state.writer = self
        if step is not None:
            _state.step = step

    def as_default(self, step=None):
        """Context manager that makes this the default writer (and step, if given) inside it,
        restores the previous ones on exit and flushes this writer."""
        return _WriterContext(self, step)

    def init(self):
        """Initializes the writer (file writers are ready on creation)."""

    def flush(self):
        """Writes buffered summaries to disk."""

    def close(self):
        """Flushes and closes the writer."""

    def _write_event(self, serialized_event):
        pass


class _WriterContext:
    def __init__(self, writer, step):
        self._writer = writer
        self._step = step
        self._saved = []

    def __enter__(self):
        self._saved.append((_state.writer, _state.step))
        _state.writer = self._writer
        if self._step is not None:
            _state.step = self._step
        return self._writer

    def __exit__(self, exc_type, exc_value, traceback):
        old_writer, old_step = self._saved.pop()
        try:
            self._writer.flush()
        finally:
            _state.writer = old_writer
            if self._step is not None:
                _state.step = old_step
        return False


class _FileSummaryWriter(SummaryWriter):
    """Writes summaries to an event file in logdir."""

    def __init__(self, logdir, max_queue, flush_millis, filename_suffix):
        self._closed = False
        self._logdir = logdir
        self._events = EventFileWriter(logdir, max_queue, flush_millis, filename_suffix)

    def __repr__(self):
        state = "closed" if self._closed else "open"
        return f"<SummaryWriter logdir={self._logdir!r} ({state})>"

    @property
    def logdir(self):
        return self._logdir

    def _check_open(self):
        if self._closed:
            raise RuntimeError(f"SummaryWriter {self!r} is already closed")

    def set_as_default(self, step=None):
        self._check_open()
        super().set_as_default(step)

    def as_default(self, step=None):
        self._check_open()
        return super().as_default(step)

    def init(self):
        self._check_open()

    def flush(self):
        if not self._closed:
            self._events.flush()

    def close(self):
        if self._closed:
            return
        try:
            self._events.close()
        finally:
            self._closed = True

    def _write_event(self, serialized_event):
        self._check_open()
        self._events.add_event(serialized_event)


_FileSummaryWriter.__name__ = _FileSummaryWriter.__qualname__ = "_ResourceSummaryWriter"  # TF's


class _NoopSummaryWriter(SummaryWriter):
    """A writer that writes nothing and, as in TF, does not even become the default."""

    def set_as_default(self, step=None):
        pass

    def as_default(self, step=None):
        return contextlib.nullcontext(self)


def create_file_writer(
    logdir,
    max_queue=None,
    flush_millis=None,
    filename_suffix=None,
    name=None,
    experimental_trackable=False,
    experimental_mesh=None,
):
    """Creates a summary writer that writes to an event file in logdir (created if missing).

    max_queue: summaries kept in memory before a write (default 10); flush_millis: longest time
    between writes (default 120000); filename_suffix: appended to the file name (default
    ".v2")."""
    del name, experimental_trackable, experimental_mesh  # graph-mode notions
    if logdir is None:
        raise ValueError("Argument `logdir` cannot be None")
    if isinstance(logdir, bytes):
        logdir = logdir.decode("utf-8")
    if not isinstance(logdir, (str, os.PathLike)):
        raise TypeError(
            f"[create_file_writer] logdir must be a string or path, got {type(logdir).__name__}"
        )
    logdir = os.fspath(logdir)
    max_queue = (
        10 if max_queue is None else _non_negative_int(max_queue, "max_queue", "create_file_writer")
    )
    flush_millis = (
        120000
        if flush_millis is None
        else _non_negative_int(flush_millis, "flush_millis", "create_file_writer")
    )
    if filename_suffix is None:
        filename_suffix = ".v2"
    if not isinstance(filename_suffix, str):
        raise TypeError(
            f"[create_file_writer] filename_suffix must be a string, got {type(filename_suffix).__name__}"
        )
    if "/" in filename_suffix or os.sep in filename_suffix:
        raise ValueError(
            f"[create_file_writer] filename_suffix must not contain a path separator: {filename_suffix!r}"
        )
    return _FileSummaryWriter(logdir, max_queue, flush_millis, filename_suffix)


def create_noop_writer():
    """Returns a writer that writes nothing."""
    return _NoopSummaryWriter()


def flush(writer=None, name=None):
    """Flushes writer, or the default writer when writer is None (a no-op without one)."""
    del name
    if writer is None:
        writer = _state.writer
        if writer is None:
            return
    if not isinstance(writer, SummaryWriter):
        raise TypeError(
            f"[summary.flush] writer must be a SummaryWriter, got {type(writer).__name__}"
        )
    writer.flush()


# --------------------------------------------------------------------------- state


def set_step(step):
    """Sets the default step (an int, or a variable read at each write) for this thread."""
    _state.step = step


def get_step():
    """The default step set with set_step() or as_default(step=...), or None."""
    return _state.step


@contextlib.contextmanager
def record_if(condition):
    """Inside the block, summaries are written only if condition (a bool, a boolean scalar or
    a callable returning one, evaluated at each write) holds."""
    old = _state.is_recording
    _state.is_recording = condition
    try:
        yield
    finally:
        _state.is_recording = old


def _recording_condition_holds():
    condition = _state.is_recording
    if condition is None:
        return True
    if callable(condition):
        condition = condition()
    return bool(_to_numpy(condition))


def should_record_summaries():
    """True when a default writer is set and the record_if condition holds."""
    return _state.writer is not None and _recording_condition_holds()


def _current_scope():
    outer = get_outer_name_scope() if get_outer_name_scope is not None else ""
    parts = ([outer.rstrip("/")] if outer else []) + _state.scopes
    return "/".join(parts)


@contextlib.contextmanager
def summary_scope(name, default_name=None, values=None):
    """Yields (tag, scope): tag is name under the current scopes, scope the opened scope."""
    del values
    name = name or default_name
    if not isinstance(name, str):
        raise TypeError(f"[summary] name must be a string, got {type(name).__name__}")
    current = _current_scope()
    tag = f"{current}/{name}" if current else name
    # Characters illegal in a scope name are dropped from the scope (not from the tag).
    scope_name = _INVALID_SCOPE_CHARACTERS.sub("", name) or default_name or "summary"
    _state.scopes.append(scope_name.rstrip("/"))
    try:
        yield tag, _current_scope() + "/"
    finally:
        _state.scopes.pop()


# --------------------------------------------------------------------------- argument checks


def _non_negative_int(value, what, op):
    array = _to_numpy(value)
    if array.ndim != 0 or array.dtype.kind not in "iu":
        raise TypeError(f"[{op}] {what} must be an integer scalar, got {value!r}")
    result = int(array)
    if result < 0:
        raise ValueError(f"[{op}] {what} must be non-negative, got {result}")
    return result


def _step_value(step):
    array = _to_numpy(step)
    if array.ndim != 0:
        raise ValueError(f"[summary] step must be a scalar, got shape {array.shape}")
    kind = array.dtype.kind
    if kind == "f" and np.isfinite(array) and float(array).is_integer():
        kind = "i"
    if kind not in "iu":
        raise TypeError(f"[summary] step must be an integer (int64-castable), got {step!r}")
    result = int(array)
    if not -(2**63) <= result < 2**63:
        raise ValueError(f"[summary] step {result} does not fit in int64")
    return result


def _check_description(description):
    if description is not None and not isinstance(description, str):
        raise TypeError(f"[summary] description must be a string, got {type(description).__name__}")


_plain_metadata = {}


def _metadata(plugin_name, description=None, content=b""):
    if description is None:
        key = (plugin_name, content)
        if key not in _plain_metadata:
            _plain_metadata[key] = _proto.summary_metadata(plugin_name, content=content)
        return _plain_metadata[key]
    _check_description(description)
    return _proto.summary_metadata(plugin_name, content=content, description=description)


def _metadata_bytes(metadata):
    if metadata is None:
        return b""
    if isinstance(metadata, (bytes, bytearray)):
        return bytes(metadata)
    if hasattr(metadata, "SerializeToString"):
        return metadata.SerializeToString()
    raise TypeError(
        f"[summary.write] metadata must be a SummaryMetadata proto or bytes, got {type(metadata).__name__}"
    )


def _tensor_array(tensor):
    """numpy array of a tensor, with TF's defaults for Python values (float32, int32)."""
    python_value = isinstance(tensor, (numbers.Number, list, tuple)) and not isinstance(
        tensor, np.generic
    )
    if isinstance(tensor, (str, bytes)):
        return np.array(tensor, dtype=object)
    array = _to_numpy(tensor)
    if python_value:
        if array.dtype == np.float64:
            array = array.astype(np.float32)
        elif array.dtype == np.int64 and array.size and np.abs(array).max() < 2**31:
            array = array.astype(np.int32)
    return array


# --------------------------------------------------------------------------- writing


def write(tag, tensor, step=None, metadata=None, name=None):
    """Writes tensor (or the result of calling it) under tag to the default writer.

    Returns True if written, False if there is no default writer or recording is off.
    Raises ValueError if it would write but no step is given and none is set."""
    del name
    writer = _state.writer
    if writer is None or not _recording_condition_holds():
        return _written(False)
    if not isinstance(tag, (str, bytes)):
        raise TypeError(f"[summary.write] tag must be a string, got {type(tag).__name__}")
    step = _resolve_step(step)
    if callable(tensor):
        tensor = tensor()
    tensor_bytes = _proto.tensor_proto(_tensor_array(tensor))
    value = _proto.summary_value(tag, tensor_bytes, _metadata_bytes(metadata))
    writer._write_event(_proto.event(time.time(), step, summary=value))
    return _written(True)


def _written(flag):
    """As TF, the summary ops return whether anything was written as a scalar bool tensor
    (a plain bool where this package is loaded on its own, without fasttf)."""
    try:
        from ..framework.constant_op import constant
    except ImportError:
        return flag
    return constant(flag)


def _resolve_step(step):
    if step is None:
        step = _state.step
        if step is None:
            raise ValueError(
                "No step set. Please specify one either through the `step` argument "
                "or through tf.summary.experimental.set_step()"
            )
    return _step_value(step)


def write_raw_pb(tensor, step=None, name=None):
    """Writes serialized Summary protos (bytes, or a string tensor of them) as events."""
    del name
    writer = _state.writer
    if writer is None or not _recording_condition_holds():
        return _written(False)
    step = _resolve_step(step)
    protos = _tensor_array(tensor)
    if protos.dtype.kind not in "SUO":
        raise TypeError(
            f"[write_raw_pb] tensor must hold serialized Summary protos, got {protos.dtype}"
        )
    wall_time = time.time()
    for serialized in protos.reshape(-1):
        writer._write_event(_proto.event(wall_time, step, summary=_proto.to_bytes(serialized)))
    return _written(True)


def graph(graph_data):
    """Writes a serialized GraphDef (bytes, or a proto with SerializeToString) at step 0."""
    writer = _state.writer
    if writer is None or not _recording_condition_holds():
        return _written(False)
    if isinstance(graph_data, (bytes, bytearray)):
        serialized = bytes(graph_data)
    elif hasattr(graph_data, "SerializeToString"):
        serialized = graph_data.SerializeToString()
    elif hasattr(graph_data, "as_graph_def"):
        serialized = graph_data.as_graph_def().SerializeToString()
    else:
        raise ValueError(
            "Argument 'graph_data' is not a GraphDef or serialized GraphDef. "
            f"Received graph_data={graph_data!r} of type {type(graph_data).__name__}."
        )
    writer._write_event(_proto.event(time.time(), 0, graph_def=serialized))
    return _written(True)


def scalar(name, data, step=None, description=None):
    """Writes a scalar (cast to float32, as TF does). Returns True if written."""
    with summary_scope(name, "scalar_summary") as (tag, _):
        value = _scalar_value(data)
        return write(tag, value, step, _metadata("scalars", description))


def _scalar_value(data):
    array = _to_numpy(data)
    if array.ndim != 0:
        raise ValueError(f"[scalar] data must be a scalar (rank 0), got shape {array.shape}")
    if array.dtype.kind not in "biufc":
        raise TypeError(f"[scalar] data must be a real number, got {data!r} of dtype {array.dtype}")
    with np.errstate(over="ignore"):
        return np.real(array).astype(np.float32)


def histogram(name, data, step=None, buckets=None, description=None):
    """Writes a histogram of data's elements as a float64 [k, 3] tensor of (left edge,
    right edge, count) rows, k = buckets (default 30). Returns True if written."""
    if buckets is None:
        bucket_count = DEFAULT_BUCKET_COUNT
    else:
        array = _to_numpy(buckets)
        if array.ndim != 0 or array.dtype.kind not in "iu":
            raise TypeError(f"[histogram] buckets must be an integer scalar, got {buckets!r}")
        bucket_count = max(0, int(array))  # TF clamps negative counts to 0
    with summary_scope(name, "histogram_summary") as (tag, _):
        return write(
            tag,
            lambda: histogram_buckets(data, bucket_count),
            step,
            _metadata("histograms", description),
        )


def histogram_buckets(data, bucket_count=DEFAULT_BUCKET_COUNT):
    """The [k, 3] float64 bucket tensor of tensorboard's summary_v2 histogram.

    k equal-width buckets from min to max, the max falling in the last one; no data gives k
    all-zero rows; a single distinct value gives k rows at that value with all the count in
    the last. Non-finite elements are left out of the counts, as TF's one_hot drops them."""
    values = _to_numpy(data)
    if values.dtype.kind not in "biufc":
        raise TypeError(f"[histogram] data must be numeric, got dtype {values.dtype}")
    values = np.real(values).astype(np.float64).reshape(-1)
    if bucket_count == 0 or values.size == 0:
        return np.zeros((bucket_count, 3), dtype=np.float64)
    low, high = values.min(), values.max()
    value_range = high - low
    if value_range == 0:
        result = np.zeros((bucket_count, 3), dtype=np.float64)
        result[:, 0] = result[:, 1] = high
        result[-1, 2] = values.size
        return result
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        positions = np.floor((values - low) / (value_range / bucket_count))
        edges = np.linspace(low, high, bucket_count + 1)
    positions = positions[np.isfinite(positions) & (positions >= 0)]
    indices = np.minimum(positions, bucket_count - 1).astype(np.int64)
    counts = np.bincount(indices, minlength=bucket_count).astype(np.float64)
    edges[-1] = high
    return np.stack([edges[:-1], edges[1:], counts], axis=1)


def image(name, data, step=None, max_outputs=3, description=None):
    """Writes up to max_outputs images of data ([k, h, w, c], c in 1..4, uint8 or float in
    [0, 1]) as a string tensor [width, height, png_0, ...]. Returns True if written."""
    max_outputs = _non_negative_int(max_outputs, "max_outputs", "image")
    with summary_scope(name, "image_summary") as (tag, _):
        return write(
            tag, lambda: image_tensor(data, max_outputs), step, _metadata("images", description)
        )


def image_tensor(data, max_outputs=3):
    """The string tensor tensorboard's image summary writes: [b"w", b"h", png, ...]."""
    images = _to_numpy(data)
    if images.ndim != 4:
        raise ValueError(f"[image] data must have rank 4 [k, h, w, c], got shape {images.shape}")
    _, height, width, channels = images.shape
    if channels not in (1, 2, 3, 4):
        raise ValueError(
            f"[image] images must have 1, 2, 3 or 4 channels, got shape {images.shape}"
        )
    encoded = [_codecs.encode_png(img) for img in _to_uint8(images[:max_outputs])]
    result = np.empty(2 + len(encoded), dtype=object)
    result[0] = str(width).encode()
    result[1] = str(height).encode()
    result[2:] = encoded
    return result


def _to_uint8(images):
    """tf.image.convert_image_dtype(images, tf.uint8, saturate=True)."""
    dtype = images.dtype
    if dtype == np.uint8:
        return images
    if dtype.kind == "f":
        with np.errstate(invalid="ignore", over="ignore"):
            scaled = np.clip(images * dtype.type(255.5), 0, 255)  # in the image's precision
        return np.nan_to_num(scaled, nan=0.0).astype(np.uint8)
    if dtype.kind in "iu":
        top = int(np.iinfo(dtype).max)
        if top > 255:
            scaled = images // ((top + 1) // 256)
        else:  # int8: saturate to [0, 127], then scale up by 2
            scaled = images.astype(np.int16) * 2
        return np.clip(scaled, 0, 255).astype(np.uint8)
    raise TypeError(f"[image] data must be an integer or floating-point tensor, got {dtype}")


def audio(name, data, sample_rate, step=None, max_outputs=3, encoding=None, description=None):
    """Writes up to max_outputs clips of data ([k, t, c] floats in [-1, 1]) as 16-bit WAV, in
    a [n, 2] string tensor of (wav, label) rows. Returns True if written."""
    if encoding is None:
        encoding = "wav"
    if encoding != "wav":
        raise ValueError(f"Unknown encoding: {encoding!r}")
    max_outputs = _non_negative_int(max_outputs, "max_outputs", "audio")
    rate = _to_numpy(sample_rate)
    if rate.ndim != 0 or rate.dtype.kind not in "iuf" or not float(rate).is_integer() or rate <= 0:
        raise ValueError(f"[audio] sample_rate must be a positive integer, got {sample_rate!r}")
    rate = int(rate)
    with summary_scope(name, "audio_summary") as (tag, _):
        return write(
            tag,
            lambda: audio_tensor(data, rate, max_outputs),
            step,
            _metadata("audio", description, content=_AUDIO_WAV_CONTENT),
        )


def audio_tensor(data, sample_rate, max_outputs=3):
    clips = _to_numpy(data)
    if clips.ndim != 3:
        raise ValueError(f"[audio] data must have rank 3 [k, t, c], got shape {clips.shape}")
    if clips.dtype.kind not in "iuf":
        raise TypeError(f"[audio] data must be floating point, got {clips.dtype}")
    limited = clips[:max_outputs]
    result = np.empty((limited.shape[0], 2), dtype=object)
    for i, clip in enumerate(limited):
        result[i, 0] = _codecs.encode_wav(clip, sample_rate)
        result[i, 1] = b""
    return result


def text(name, data, step=None, description=None):
    """Writes a string tensor (str, bytes, or an array of them). Returns True if written."""
    with summary_scope(name, "text_summary") as (tag, _):
        strings = _text_array(data)
        return write(tag, strings, step, _metadata("text", description))


def _text_array(data):
    if isinstance(data, (str, bytes)):
        return np.array(data, dtype=object)
    array = _to_numpy(data)
    if array.dtype.kind in "SU":
        return array
    if array.dtype.kind == "O" and all(isinstance(v, (str, bytes)) for v in array.reshape(-1)):
        return array
    raise TypeError(f"[text] data must be a string tensor, got {data!r} of dtype {array.dtype}")


# --------------------------------------------------------------------------- tracing


def trace_on(graph=True, profiler=False, profiler_outdir=None):
    """Starts a trace. fasttf runs eagerly without graphs, so a trace records nothing."""
    del graph, profiler, profiler_outdir
    _state.tracing = True


def trace_off():
    """Stops the current trace, discarding it."""
    _state.tracing = False


def trace_export(name, step=None, profiler_outdir=None):
    """Ends the current trace; there are no graphs to write in an eager engine."""
    del name, step, profiler_outdir
    if not _state.tracing:
        warnings.warn("Cannot export trace because trace has not been started.", stacklevel=2)
        return
    _state.tracing = False
