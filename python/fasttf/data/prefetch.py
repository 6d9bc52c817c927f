"""Dataset.prefetch: a background thread produces elements into a bounded queue."""

import queue
import threading

from ..framework import errors
from .dataset import AUTOTUNE
from .sources import int_arg
from .transformations import _UnaryDataset

_AUTOTUNE_BUFFER = 2
_END = object()


class PrefetchDataset(_UnaryDataset):
    _tf_name = "_PrefetchDataset"

    def __init__(self, input_dataset, buffer_size):
        super().__init__(input_dataset)
        size = int_arg(buffer_size, "prefetch")
        if size < AUTOTUNE:
            raise errors.InvalidArgumentError(
                "buffer_size must be at least 0 or AUTOTUNE (-1), got %d" % size)
        self._buffer_size = _AUTOTUNE_BUFFER if size == AUTOTUNE else size

    def _iterate(self):
        if self._buffer_size == 0:
            return self._input._iterate()
        return _prefetched(self._input._iterate(), self._buffer_size)


def _prefetched(source, buffer_size):
    items = queue.Queue(maxsize=buffer_size)
    stop = threading.Event()

    def produce():
        try:
            for element in source:
                while not stop.is_set():
                    try:
                        items.put((True, element), timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            items.put((True, _END))
        except BaseException as e:  # handed to the consumer, raised there
            items.put((False, e))

    worker = threading.Thread(target=produce, name="tf.data.prefetch", daemon=True)
    worker.start()
    try:
        while True:
            ok, element = items.get()
            if not ok:
                raise element
            if element is _END:
                return
            yield element
    finally:
        stop.set()
