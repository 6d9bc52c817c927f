"""Appends framed Event records to an events.out.tfevents.* file, as TF's EventsWriter does.

Record framing (TFRecord): uint64 length, masked CRC-32C of those 8 bytes, the data, masked
CRC-32C of the data, all little-endian. Events are queued in memory and written when the queue
grows past max_queue, when flush_millis have passed since the last flush, on flush()/close(),
and at interpreter exit. Each record is built whole before it is queued, so a failed write of
one event never leaves half a record behind it.
"""

import atexit
import itertools
import logging
import os
import socket
import struct
import threading
import time
import weakref

from . import _proto
from ._crc32c import masked_crc32c

FILE_VERSION = "brain.Event:2"
_WRITER_SOURCE = "tensorflow.core.util.events_writer"
_file_counter = itertools.count()  # TF's per-process file_id_counter
_live_writers = weakref.WeakSet()
_logger = logging.getLogger(__name__)


def frame_record(data):
    header = struct.pack("<Q", len(data))
    return (
        header
        + struct.pack("<I", masked_crc32c(header))
        + data
        + struct.pack("<I", masked_crc32c(data))
    )


class EventFileWriter:
    """Thread-safe writer of one event file (a new one if the current file is deleted)."""

    def __init__(self, logdir, max_queue=10, flush_millis=120000, filename_suffix=".v2"):
        self._logdir = os.fspath(logdir)
        self._max_queue = int(max_queue)
        self._flush_seconds = flush_millis / 1000.0
        # As TF's SummaryFileWriter: "<pid>.<counter>" leads the suffix to avoid collisions
        # between and within processes; the suffix gets a "." unless it has one.
        separator = "" if not filename_suffix or filename_suffix.startswith(".") else "."
        self._suffix = f".{os.getpid()}.{next(_file_counter)}{separator}{filename_suffix}"
        self._lock = threading.Lock()
        self._queue = []
        self._file = None
        self._path = None
        self._closed = False
        if self._logdir:
            os.makedirs(self._logdir, exist_ok=True)
        self._open_new_file()
        self._last_flush = time.monotonic()
        _live_writers.add(self)

    @property
    def path(self):
        """Path of the event file being written."""
        return self._path

    @property
    def closed(self):
        return self._closed

    def _open_new_file(self):
        now = time.time()
        name = f"events.out.tfevents.{int(now):010d}.{socket.gethostname()}{self._suffix}"
        path = os.path.join(self._logdir, name)
        new_file = open(path, "wb")  # noqa: SIM115 - held open until close()
        first = _proto.event(
            wall_time=float(int(now)), file_version=FILE_VERSION, source_writer=_WRITER_SOURCE
        )
        new_file.write(frame_record(first))
        new_file.flush()
        if self._file is not None:
            try:
                self._file.close()
            except OSError:
                pass
        self._file, self._path = new_file, path

    def add_event(self, serialized_event):
        """Queues one serialized Event; writes the queue out when it is due."""
        record = frame_record(serialized_event)
        with self._lock:
            if self._closed:
                raise RuntimeError(
                    f"[summary] the event file writer for {self._logdir!r} is closed"
                )
            self._queue.append(record)
            if (
                len(self._queue) > self._max_queue
                or time.monotonic() - self._last_flush > self._flush_seconds
            ):
                self._flush_locked()

    def _flush_locked(self):
        self._last_flush = time.monotonic()
        if not self._queue:
            return
        if not os.path.exists(self._path):
            # Someone removed the file: start a new one rather than write into the void.
            _logger.warning("Event file %s has disappeared; opening a new one.", self._path)
            self._open_new_file()
        self._file.write(b"".join(self._queue))
        self._queue.clear()
        self._file.flush()

    def flush(self):
        with self._lock:
            if not self._closed:
                self._flush_locked()

    def close(self):
        with self._lock:
            if self._closed:
                return
            self._closed = True
            _live_writers.discard(self)
            if self._file is None:  # construction failed before the file was opened
                return
            try:
                self._flush_locked()
                os.fsync(self._file.fileno())
            finally:
                self._file.close()

    def __del__(self):
        try:
            self.close()
        except Exception:  # noqa: BLE001, S110 - never raise from a finalizer
            pass


@atexit.register
def _close_all_at_exit():
    for writer in list(_live_writers):
        try:
            writer.close()
        except Exception:  # best effort at interpreter exit
            _logger.exception("Failed to close an event file at exit")
