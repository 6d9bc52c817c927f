"""tf.summary: event files that TensorBoard reads back value for value.

The summary package is loaded on its own (it uses only relative imports and numpy), so these
tests run whatever state the rest of fasttf is in. Files are read back with TensorBoard's
EventAccumulator and with a small reader here that checks both CRCs of every record.
"""

import importlib.util
import io
import os
import pathlib
import re
import socket
import struct
import subprocess
import sys
import threading
import wave
import zlib

import numpy as np
import pytest

pytest.importorskip("tensorboard", reason="tensorboard (a test dependency) reads the files back")

from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
from tensorboard.compat.proto import event_pb2, summary_pb2, tensor_pb2
from tensorboard.compat.tensorflow_stub.pywrap_tensorflow import (
    crc32c as reference_crc32c,
)
from tensorboard.compat.tensorflow_stub.pywrap_tensorflow import (
    masked_crc32c as reference_masked_crc32c,
)
from tensorboard.plugins.histogram import summary_v2 as tb_histogram
from tensorboard.util import tensor_util

SUMMARY_DIR = pathlib.Path(__file__).resolve().parent.parent / "python" / "fasttf" / "summary"
MODULE_NAME = "fasttf_summary_standalone"


def _load_summary_package():
    if MODULE_NAME in sys.modules:
        return sys.modules[MODULE_NAME]
    spec = importlib.util.spec_from_file_location(
        MODULE_NAME, SUMMARY_DIR / "__init__.py", submodule_search_locations=[str(SUMMARY_DIR)]
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[MODULE_NAME] = module
    spec.loader.exec_module(module)
    return module


summary = _load_summary_package()
ops = sys.modules[MODULE_NAME + ".summary_ops"]
crc = sys.modules[MODULE_NAME + "._crc32c"]


@pytest.fixture(autouse=True)
def _clean_state():
    """Each test starts with no default writer, no step and recording on."""
    yield
    ops._state.writer = None
    ops._state.step = None
    ops._state.is_recording = None


# --------------------------------------------------------------------------- helpers


def event_files(logdir):
    return sorted(
        p for p in pathlib.Path(logdir).iterdir() if p.name.startswith("events.out.tfevents.")
    )


def read_records(path):
    """Splits a TFRecord file into records, checking the length and data CRCs of each."""
    blob = pathlib.Path(path).read_bytes()
    records, offset = [], 0
    while offset < len(blob):
        header = blob[offset : offset + 8]
        (length,) = struct.unpack("<Q", header)
        (length_crc,) = struct.unpack("<I", blob[offset + 8 : offset + 12])
        assert length_crc == reference_masked_crc32c(header), f"bad length CRC at {offset}"
        data = blob[offset + 12 : offset + 12 + length]
        assert len(data) == length, "truncated record"
        (data_crc,) = struct.unpack("<I", blob[offset + 12 + length : offset + 16 + length])
        assert data_crc == reference_masked_crc32c(data), f"bad data CRC at {offset}"
        records.append(data)
        offset += 16 + length
    return records


def read_events(logdir):
    """All events of all event files in logdir, CRCs checked."""
    return [event_pb2.Event.FromString(r) for f in event_files(logdir) for r in read_records(f)]


def tensors(logdir, tag):
    """[(step, ndarray)] for tag, as TensorBoard loads them."""
    accumulator = EventAccumulator(str(logdir), size_guidance={"tensors": 0})
    accumulator.Reload()
    return [(e.step, tensor_util.make_ndarray(e.tensor_proto)) for e in accumulator.Tensors(tag)]


def plugin_name(logdir, tag):
    accumulator = EventAccumulator(str(logdir), size_guidance={"tensors": 0})
    accumulator.Reload()
    return accumulator.SummaryMetadata(tag).plugin_data.plugin_name


def decode_png(data):
    """Decodes the non-interlaced 8-bit PNGs our encoder writes (filter 0 rows), by hand."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    offset, idat, header = 8, b"", None
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        payload = data[offset + 8 : offset + 8 + length]
        (chunk_crc,) = struct.unpack(">I", data[offset + 8 + length : offset + 12 + length])
        assert chunk_crc == zlib.crc32(kind + payload)
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", payload)
        elif kind == b"IDAT":
            idat += payload
        offset += 12 + length
    width, height, depth, color_type, _, _, interlace = header
    assert depth == 8 and interlace == 0
    channels = {0: 1, 4: 2, 2: 3, 6: 4}[color_type]
    rows = np.frombuffer(zlib.decompress(idat), np.uint8).reshape(height, 1 + width * channels)
    assert (rows[:, 0] == 0).all()
    return rows[:, 1:].reshape(height, width, channels)


# --------------------------------------------------------------------------- CRC-32C


def test_crc32c_matches_known_vector_and_reference_for_all_sizes():
    assert crc.crc32c(b"123456789") == 0xE3069283
    assert crc.crc32c(b"") == 0
    rng = np.random.default_rng(0)
    for size in [1, 3, 4, 5, 63, 4095, 4096, 4097, 10_000, 65_537, 200_003]:
        data = rng.integers(0, 256, size, dtype=np.uint8).tobytes()
        assert crc.crc32c(data) == reference_crc32c(data), size
        assert crc.masked_crc32c(data) == reference_masked_crc32c(data), size


# --------------------------------------------------------------------------- files and framing


def test_file_name_first_event_and_every_crc(tmp_path):
    logdir = tmp_path / "new" / "run"  # created if missing
    writer = summary.create_file_writer(str(logdir))
    with writer.as_default():
        summary.scalar("loss", 1.5, step=7)
        summary.image(
            "big", np.arange(256 * 256 * 3, dtype=np.uint8).reshape(1, 256, 256, 3), step=7
        )
    writer.close()

    (path,) = event_files(logdir)
    host = re.escape(socket.gethostname())
    assert re.fullmatch(
        rf"events\.out\.tfevents\.\d{{10}}\.{host}\.{os.getpid()}\.\d+\.v2", path.name
    )
    events = read_events(logdir)
    assert events[0].file_version == "brain.Event:2"
    assert events[0].wall_time > 1e9 and events[0].step == 0
    assert [e.summary.value[0].tag for e in events[1:]] == ["loss", "big"]
    assert all(e.step == 7 for e in events[1:])


def test_filename_suffix_and_one_file_per_writer(tmp_path):
    first = summary.create_file_writer(tmp_path, filename_suffix=".mine")
    second = summary.create_file_writer(tmp_path, filename_suffix="other")
    first.close()
    second.close()
    names = sorted(p.name for p in event_files(tmp_path))
    assert len(names) == 2
    assert any(n.endswith(".mine") for n in names) and any(n.endswith(".other") for n in names)


def test_event_bytes_are_what_tensorflow_serializes(tmp_path):
    writer = summary.create_file_writer(tmp_path)
    with writer.as_default():
        summary.scalar("loss", 0.125, step=3, description="training loss")
    writer.close()
    (path,) = event_files(tmp_path)
    first, written = read_records(path)
    parsed = event_pb2.Event.FromString(written)

    expected = event_pb2.Event(wall_time=parsed.wall_time, step=3)
    value = expected.summary.value.add(tag="loss")
    value.tensor.CopyFrom(
        tensor_pb2.TensorProto(dtype=1, tensor_content=np.float32(0.125).tobytes())
    )
    value.tensor.tensor_shape.SetInParent()
    value.metadata.CopyFrom(
        summary_pb2.SummaryMetadata(
            plugin_data=summary_pb2.SummaryMetadata.PluginData(plugin_name="scalars"),
            summary_description="training loss",
        )
    )
    assert written == expected.SerializeToString(deterministic=True)

    header = event_pb2.Event.FromString(first)
    expected_header = event_pb2.Event(wall_time=header.wall_time, file_version="brain.Event:2")
    expected_header.source_metadata.writer = "tensorflow.core.util.events_writer"
    assert first == expected_header.SerializeToString(deterministic=True)


# --------------------------------------------------------------------------- scalar


def test_scalar_values_steps_and_plugin(tmp_path):
    writer = summary.create_file_writer(tmp_path)
    values = [0.5, np.float64(0.25), np.array(3, dtype=np.int32), True, 1e-3]
    with writer.as_default():
        for step, value in enumerate(values):
            assert bool(summary.scalar("loss", value, step=step)) is True
        summary.scalar("lr", 0.1, step=np.int64(100))
    writer.close()

    got = tensors(tmp_path, "loss")
    assert [s for s, _ in got] == [0, 1, 2, 3, 4]
    for (_, array), value in zip(got, values):
        assert array.dtype == np.float32 and array.shape == ()
        assert array == np.float32(value)
    assert tensors(tmp_path, "lr") == [(100, np.float32(0.1))]
    assert plugin_name(tmp_path, "loss") == "scalars"


def test_scalar_rejects_non_scalars_and_non_numbers(tmp_path):
    writer = summary.create_file_writer(tmp_path)
    with writer.as_default(step=0):
        with pytest.raises(ValueError, match="rank 0"):
            summary.scalar("x", [1.0, 2.0])
        with pytest.raises(TypeError, match="real number"):
            summary.scalar("x", "high")
        with pytest.raises(TypeError, match="real number"):
            summary.scalar("x", object())
    # Like TF, the check happens even without a writer.
    with pytest.raises(ValueError):
        summary.scalar("x", np.zeros(3), step=0)
    writer.close()


def test_scalar_accepts_tensor_like_objects(tmp_path):
    class FakeTensor:  # what fasttf tensors offer: .numpy()
        def __init__(self, value):
            self._value = np.asarray(value)

        def numpy(self):
            return self._value

    writer = summary.create_file_writer(tmp_path)
    with writer.as_default():
        summary.scalar("acc", FakeTensor(np.float32(0.75)), step=FakeTensor(np.int64(9)))
    writer.close()
    assert tensors(tmp_path, "acc") == [(9, np.float32(0.75))]


# --------------------------------------------------------------------------- histogram


def test_histogram_counts_and_edges(tmp_path):
    data = np.random.default_rng(1).normal(size=(40, 25))
    writer = summary.create_file_writer(tmp_path)
    with writer.as_default(step=2):
        assert bool(summary.histogram("weights", data)) is True
        summary.histogram("coarse", data, buckets=5)
        summary.histogram("constant", np.full(7, 3.0), buckets=4)
        summary.histogram("empty", np.zeros((0,)), buckets=3)
    writer.close()

    [(step, buckets)] = tensors(tmp_path, "weights")
    assert step == 2 and buckets.dtype == np.float64 and buckets.shape == (30, 3)
    assert buckets[:, 2].sum() == data.size
    assert buckets[0, 0] == data.min() and buckets[-1, 1] == data.max()
    np.testing.assert_array_equal(buckets[1:, 0], buckets[:-1, 1])  # contiguous buckets
    reference = tensor_util.make_ndarray(tb_histogram.histogram_pb("weights", data).value[0].tensor)
    np.testing.assert_array_equal(buckets[:, 2], reference[:, 2])
    assert plugin_name(tmp_path, "weights") == "histograms"

    [(_, coarse)] = tensors(tmp_path, "coarse")
    assert coarse.shape == (5, 3) and coarse[:, 2].sum() == data.size

    [(_, constant)] = tensors(tmp_path, "constant")
    np.testing.assert_array_equal(constant, [[3, 3, 0], [3, 3, 0], [3, 3, 0], [3, 3, 7]])

    [(_, empty)] = tensors(tmp_path, "empty")
    np.testing.assert_array_equal(empty, np.zeros((3, 3)))


def test_histogram_is_computed_only_when_written():
    # No writer: bad data is never looked at, as with TF's lazy tensor.
    assert bool(summary.histogram("h", np.array(["a"]), step=0)) is False
    with pytest.raises(TypeError, match="buckets"):
        summary.histogram("h", [1.0], step=0, buckets=2.5)


# --------------------------------------------------------------------------- image


def test_image_uint8_round_trip_and_max_outputs(tmp_path):
    rng = np.random.default_rng(2)
    rgb = rng.integers(0, 256, (5, 6, 9, 3), dtype=np.uint8)
    gray = rng.integers(0, 256, (1, 4, 3, 1), dtype=np.uint8)
    rgba = rng.integers(0, 256, (2, 3, 2, 4), dtype=np.uint8)
    writer = summary.create_file_writer(tmp_path)
    with writer.as_default(step=1):
        assert bool(summary.image("rgb", rgb)) is True  # max_outputs defaults to 3
        summary.image("gray", gray)
        summary.image("rgba", rgba, max_outputs=1)
        summary.image("none", rgb, max_outputs=0)
    writer.close()

    [(_, strings)] = tensors(tmp_path, "rgb")
    assert strings.dtype == object and strings.shape == (5,)
    assert strings[0] == b"9" and strings[1] == b"6"  # width, height
    for k in range(3):
        np.testing.assert_array_equal(decode_png(strings[2 + k]), rgb[k])
    assert plugin_name(tmp_path, "rgb") == "images"

    [(_, strings)] = tensors(tmp_path, "gray")
    np.testing.assert_array_equal(decode_png(strings[2]), gray[0])
    [(_, strings)] = tensors(tmp_path, "rgba")
    assert strings.shape == (3,)
    np.testing.assert_array_equal(decode_png(strings[2]), rgba[0])
    [(_, strings)] = tensors(tmp_path, "none")
    assert list(strings) == [b"9", b"6"]


def test_image_png_opens_in_pillow(tmp_path):
    image_module = pytest.importorskip("PIL.Image")
    pixels = np.random.default_rng(3).integers(0, 256, (1, 8, 5, 3), dtype=np.uint8)
    writer = summary.create_file_writer(tmp_path)
    with writer.as_default(step=0):
        summary.image("pic", pixels)
    writer.close()
    [(_, strings)] = tensors(tmp_path, "pic")
    decoded = image_module.open(io.BytesIO(strings[2]))
    assert decoded.mode == "RGB" and decoded.size == (5, 8)
    np.testing.assert_array_equal(np.asarray(decoded), pixels[0])


def test_image_float_is_scaled_like_convert_image_dtype(tmp_path):
    floats = np.array([0.0, 0.1, 0.5, 0.999, 1.0, 1.5, -0.2], dtype=np.float32).reshape(1, 1, 7, 1)
    writer = summary.create_file_writer(tmp_path)
    with writer.as_default(step=0):
        summary.image("f", floats)
    writer.close()
    [(_, strings)] = tensors(tmp_path, "f")
    expected = np.clip(floats * np.float32(255.5), 0, 255).astype(np.uint8)  # saturate, truncate
    np.testing.assert_array_equal(decode_png(strings[2]), expected[0])
    assert list(decode_png(strings[2]).ravel()) == [0, 25, 127, 255, 255, 255, 0]


def test_image_bad_inputs(tmp_path):
    writer = summary.create_file_writer(tmp_path)
    with writer.as_default(step=0):
        with pytest.raises(ValueError, match="rank 4"):
            summary.image("x", np.zeros((4, 4, 3)))
        with pytest.raises(ValueError, match="channels"):
            summary.image("x", np.zeros((1, 4, 4, 5)))
        with pytest.raises(ValueError, match="non-negative"):
            summary.image("x", np.zeros((1, 4, 4, 3)), max_outputs=-1)
        with pytest.raises(TypeError, match="max_outputs"):
            summary.image("x", np.zeros((1, 4, 4, 3)), max_outputs=1.5)
        with pytest.raises(TypeError):
            summary.image("x", np.array("abc").reshape(1, 1, 1, 1))
    writer.close()
    assert len(read_events(tmp_path)) == 1  # only the file_version event


# --------------------------------------------------------------------------- text, audio, write


def test_text_scalar_and_vector(tmp_path):
    writer = summary.create_file_writer(tmp_path)
    with writer.as_default(step=4):
        assert bool(summary.text("note", "héllo **world**")) is True
        summary.text("lines", ["a", "b", "c"])
        summary.text("raw", b"\x00bytes")
        with pytest.raises(TypeError, match="string"):
            summary.text("bad", 3.0)
    writer.close()
    [(step, note)] = tensors(tmp_path, "note")
    assert step == 4 and note.shape == () and note.item() == "héllo **world**".encode()
    [(_, lines)] = tensors(tmp_path, "lines")
    assert list(lines) == [b"a", b"b", b"c"]
    [(_, raw)] = tensors(tmp_path, "raw")
    assert raw.item() == b"\x00bytes"
    assert plugin_name(tmp_path, "note") == "text"


def test_audio_is_16_bit_wav(tmp_path):
    clip = np.linspace(-1, 1, 50, dtype=np.float32).reshape(1, 50, 1)
    writer = summary.create_file_writer(tmp_path)
    with writer.as_default(step=0):
        assert bool(summary.audio("sound", clip, sample_rate=8000)) is True
    writer.close()
    [(_, strings)] = tensors(tmp_path, "sound")
    assert strings.shape == (1, 2) and strings[0, 1] == b""
    with wave.open(io.BytesIO(strings[0, 0])) as wav:
        assert (wav.getframerate(), wav.getnchannels(), wav.getsampwidth()) == (8000, 1, 2)
        samples = np.frombuffer(wav.readframes(50), "<i2")
    np.testing.assert_array_equal(samples, np.clip(np.round(clip.ravel() * 32768), -32768, 32767))
    assert plugin_name(tmp_path, "sound") == "audio"


def test_write_generic_tensor_and_lazy_callable(tmp_path):
    calls = []

    def make():
        calls.append(1)
        return np.arange(6, dtype=np.int64).reshape(2, 3)

    metadata = summary_pb2.SummaryMetadata(
        plugin_data=summary_pb2.SummaryMetadata.PluginData(plugin_name="custom")
    )
    writer = summary.create_file_writer(tmp_path)
    with summary.record_if(False), writer.as_default(step=0):
        assert bool(summary.write("t", make, metadata=metadata)) is False
    assert calls == []
    with writer.as_default(step=5):
        assert bool(summary.write("t", make, metadata=metadata)) is True
        summary.write("py", [1, 2, 3])  # Python ints become int32, as in TF
    writer.close()
    [(step, array)] = tensors(tmp_path, "t")
    assert step == 5 and array.dtype == np.int64
    np.testing.assert_array_equal(array, np.arange(6).reshape(2, 3))
    assert plugin_name(tmp_path, "t") == "custom"
    [(_, array)] = tensors(tmp_path, "py")
    assert array.dtype == np.int32 and list(array) == [1, 2, 3]


def test_summary_scope_prefixes_tags(tmp_path):
    writer = summary.create_file_writer(tmp_path)
    with writer.as_default(step=0), summary.experimental.summary_scope("train") as (tag, scope):
        assert tag == "train" and scope == "train/"
        summary.scalar("loss", 1.0)
    writer.close()
    assert [s for s, _ in tensors(tmp_path, "train/loss")] == [0]


# --------------------------------------------------------------------------- recording state


def test_without_writer_nothing_is_written_and_no_step_is_needed():
    assert summary.should_record_summaries() is False
    assert bool(summary.scalar("x", 1.0)) is False  # no step and no writer: no error, as in TF
    assert bool(summary.image("x", np.zeros((1, 2, 2, 3)))) is False
    summary.flush()  # no default writer: a no-op


def test_record_if_false_writes_nothing(tmp_path):
    writer = summary.create_file_writer(tmp_path)
    with writer.as_default(step=0):
        assert summary.should_record_summaries() is True
        with summary.record_if(False):
            assert summary.should_record_summaries() is False
            assert bool(summary.scalar("off", 1.0)) is False
            assert bool(summary.histogram("off", np.arange(5))) is False
            with summary.record_if(True):
                assert bool(summary.scalar("nested_on", 1.0)) is True
            assert bool(summary.scalar("off", 2.0)) is False
        step = {"value": 0}
        with summary.record_if(lambda: step["value"] % 2 == 0):
            for step["value"] in range(4):
                summary.scalar("even", float(step["value"]), step=step["value"])
        assert bool(summary.scalar("on_again", 3.0)) is True
    writer.close()
    tags = {v.tag for e in read_events(tmp_path) for v in e.summary.value}
    assert tags == {"nested_on", "even", "on_again"}
    assert [s for s, _ in tensors(tmp_path, "even")] == [0, 2]


def test_default_step_and_its_error(tmp_path):
    writer = summary.create_file_writer(tmp_path)
    with writer.as_default():
        with pytest.raises(ValueError, match="No step set"):
            summary.scalar("loss", 1.0)
        summary.experimental.set_step(10)
        assert summary.experimental.get_step() == 10
        summary.scalar("loss", 1.0)
        with writer.as_default(step=20):
            assert summary.experimental.get_step() == 20
            summary.scalar("loss", 2.0)
        assert summary.experimental.get_step() == 10  # restored on exit
        summary.scalar("loss", 3.0, step=30)  # an explicit step wins
        with pytest.raises(TypeError, match="integer"):
            summary.scalar("loss", 4.0, step=1.5)
        with pytest.raises(ValueError, match="scalar"):
            summary.scalar("loss", 4.0, step=[1, 2])
    writer.close()
    assert [(s, float(v)) for s, v in tensors(tmp_path, "loss")] == [
        (10, 1.0),
        (20, 2.0),
        (30, 3.0),
    ]


def test_step_variable_is_read_at_each_write(tmp_path):
    class Counter:  # like optimizer.iterations
        value = 0

        def __array__(self, dtype=None, copy=None):
            return np.asarray(self.value, dtype=np.int64)

    counter = Counter()
    summary.experimental.set_step(counter)
    writer = summary.create_file_writer(tmp_path)
    with writer.as_default():
        for counter.value in (1, 2, 3):
            summary.scalar("loss", float(counter.value))
    writer.close()
    assert [s for s, _ in tensors(tmp_path, "loss")] == [1, 2, 3]


def test_set_as_default_and_noop_writer(tmp_path):
    writer = summary.create_file_writer(tmp_path)
    writer.set_as_default(step=1)
    noop = summary.create_noop_writer()
    with noop.as_default():  # a no-op writer does not replace the default
        assert bool(summary.scalar("a", 1.0)) is True
    noop.set_as_default()
    noop.flush()
    noop.close()
    summary.flush()
    assert [s for s, _ in tensors(tmp_path, "a")] == [1]
    writer.close()


def test_default_writer_is_per_thread(tmp_path):
    writer = summary.create_file_writer(tmp_path)
    results = []
    with writer.as_default(step=0):
        thread = threading.Thread(target=lambda: results.append(summary.scalar("t", 1.0)))
        thread.start()
        thread.join()
    writer.close()
    assert results == [False]


# --------------------------------------------------------------------------- buffering and closing


def test_writes_are_buffered_until_flush(tmp_path):
    writer = summary.create_file_writer(tmp_path, max_queue=100, flush_millis=10**9)
    writer.set_as_default(step=0)
    for i in range(5):
        summary.scalar("loss", float(i), step=i)
    assert len(read_events(tmp_path)) == 1  # just the file_version event
    summary.flush()
    assert len(read_events(tmp_path)) == 6
    summary.scalar("loss", 9.0, step=9)
    writer.flush()
    assert len(read_events(tmp_path)) == 7
    writer.close()


def test_queue_limit_and_context_exit_flush(tmp_path):
    writer = summary.create_file_writer(tmp_path, max_queue=2, flush_millis=10**9)
    with writer.as_default(step=0):
        summary.scalar("a", 1.0)
        summary.scalar("a", 2.0)
        assert len(read_events(tmp_path)) == 1
        summary.scalar("a", 3.0)  # queue of 3 > max_queue: written
        assert len(read_events(tmp_path)) == 4
        summary.scalar("a", 4.0)
    assert len(read_events(tmp_path)) == 5  # leaving as_default flushes
    writer.close()


def test_closed_writer(tmp_path):
    writer = summary.create_file_writer(tmp_path)
    with writer.as_default(step=0):
        summary.scalar("a", 1.0)
        writer.close()
        writer.close()  # a second close is a no-op
        writer.flush()  # so is flushing a closed writer
        with pytest.raises(RuntimeError, match="already closed"):
            summary.scalar("a", 2.0)
    with pytest.raises(RuntimeError, match="already closed"):
        writer.as_default()
    with pytest.raises(RuntimeError, match="already closed"):
        writer.set_as_default()
    with pytest.raises(RuntimeError, match="already closed"):
        writer.init()
    assert [float(v) for _, v in tensors(tmp_path, "a")] == [1.0]


def test_deleted_event_file_is_replaced(tmp_path):
    writer = summary.create_file_writer(tmp_path, max_queue=0)
    (first,) = event_files(tmp_path)
    first.unlink()
    with writer.as_default(step=0):
        summary.scalar("after", 1.0)
    writer.close()
    events = read_events(tmp_path)
    assert events[0].file_version == "brain.Event:2"
    assert [v.tag for e in events for v in e.summary.value] == ["after"]


def test_bad_writer_arguments(tmp_path):
    with pytest.raises(ValueError, match="logdir"):
        summary.create_file_writer(None)
    with pytest.raises(ValueError, match="max_queue"):
        summary.create_file_writer(tmp_path, max_queue=-1)
    with pytest.raises(TypeError, match="flush_millis"):
        summary.create_file_writer(tmp_path, flush_millis="soon")
    with pytest.raises(TypeError):
        summary.flush(writer="not a writer")


def test_pending_events_are_written_at_interpreter_exit(tmp_path):
    program = f"""
import importlib.util, sys
spec = importlib.util.spec_from_file_location(
    "s", {str(SUMMARY_DIR / "__init__.py")!r}, submodule_search_locations=[{str(SUMMARY_DIR)!r}])
s = importlib.util.module_from_spec(spec); sys.modules["s"] = s; spec.loader.exec_module(s)
writer = s.create_file_writer({str(tmp_path)!r}, max_queue=1000, flush_millis=10**9)
writer.set_as_default(step=0)
for i in range(3):
    s.scalar("loss", float(i), step=i)
"""  # neither flushed nor closed
    subprocess.run([sys.executable, "-c", program], check=True, timeout=120)
    assert [(s, float(v)) for s, v in tensors(tmp_path, "loss")] == [(0, 0.0), (1, 1.0), (2, 2.0)]
