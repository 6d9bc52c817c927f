"""Dataset.shuffle with TF's buffer semantics, and the seeds of tf.data's random transformations.

A seeded shuffle (an op seed, or a global seed set with tf.random.set_seed) reproduces TF's
order exactly: TF's ring buffer (fill to buffer_size, emit the slot at a Philox draw modulo the
fill, move the oldest element into it) and TF's seeds (the pair itself, or with
reshuffle_each_iteration a fresh pair per iterator from a Philox stream on it). Unseeded
shuffles use the faster equivalent below, with NumPy's generator.

TF fills a buffer with the first buffer_size elements, then repeatedly emits a uniformly chosen
buffer slot and refills that slot with the next input element; once the input is exhausted the
buffer is drained in random order. So an element can only move up to about buffer_size places
earlier: it is a sliding-window shuffle, not a global permutation.

Over a row plan the same process runs on index arrays, vectorised per chunk: with the slot
choices of a chunk drawn at once, the element emitted at step t is the one last written to
that slot before t: either the chunk's input at the previous step that chose the same slot, or
what the buffer held when the chunk began. A stable argsort of the slot choices finds both.
"""

import random as py_random

import numpy as np

from ..framework import errors
from .dataset import DatasetV2
from .philox import PhiloxStream, epoch_seeds
from .sources import int_arg

def op_seed_pair(seed):
    """(global_seed, op_seed) as tf.random's get_seed gives them, or None when unseeded."""
    try:
        from .. import random as tf_random
    except Exception:  # absent or broken: tf.data then has only its own op seeds
        tf_random = None
    get_seed = getattr(tf_random, "get_seed", None)
    if get_seed is not None:
        try:
            pair = get_seed(seed)
            if pair is not None and any(s is not None for s in pair):
                return tuple(0 if s is None else int(s) for s in pair)
        except Exception:  # an incompatible hook: fall back to the plain op seed
            pass
    global_seed = None
    for name in ("_global_seed", "global_seed", "_GLOBAL_SEED"):
        value = getattr(tf_random, name, None)
        if isinstance(value, int):
            global_seed = value
    if seed is None and global_seed is None:
        return None
    return (0 if global_seed is None else global_seed, 0 if seed is None else int(seed))


def make_rng(seed_pair, epoch):
    if seed_pair is None:
        return np.random.default_rng()
    return np.random.default_rng([s & 0xFFFFFFFFFFFFFFFF for s in seed_pair] + [epoch])


class ShuffleDataset(DatasetV2):
    _tf_name = "_ShuffleDataset"

    def __init__(self, input_dataset, buffer_size, seed, reshuffle_each_iteration):
        self._input = input_dataset
        self._buffer_size = int_arg(buffer_size, "shuffle")
        if self._buffer_size == -1:  # AUTOTUNE: TF sizes the buffer itself
            self._buffer_size = 10000
        if self._buffer_size <= 0:
            raise errors.InvalidArgumentError(
                "buffer_size must be greater than zero or AUTOTUNE, got %d" % self._buffer_size)
        self._seed_pair = op_seed_pair(None if seed is None else int_arg(seed, "shuffle"))
        self._reshuffle = bool(reshuffle_each_iteration)
        self._epoch = 0

    def _inputs(self):
        return [self._input]

    def _next_rng(self):
        epoch = self._epoch if self._reshuffle else 0
        self._epoch += 1
        return make_rng(self._seed_pair, epoch)

    def _next_tf_seeds(self):
        """The Philox seeds of TF's next iterator over this dataset."""
        epoch = self._epoch
        self._epoch += 1
        return epoch_seeds(*self._seed_pair, epoch) if self._reshuffle else self._seed_pair

    def _row_plan(self):
        plan = self._input._row_plan()
        if plan is None:
            return None
        buffer_size = self._buffer_size

        def chunks():
            if self._seed_pair is not None:
                indices = (int(i) for chunk in plan.chunks() for i in chunk.tolist())
                shuffled = tf_shuffle(indices, buffer_size, self._next_tf_seeds())
                yield from _chunked(shuffled)
            else:
                yield from shuffle_index_chunks(plan.chunks(), buffer_size, self._next_rng())
        return plan.with_chunks(chunks)

    def _iterate(self):
        plan = self._row_plan()
        if plan is not None:
            return plan.elements()
        if self._seed_pair is not None:
            return tf_shuffle(self._input._iterate(), self._buffer_size, self._next_tf_seeds())
        return shuffle_elements(self._input._iterate(), self._buffer_size, self._next_rng())

    def _compute_element_spec(self):
        return self._input.element_spec

    def _cardinality(self):
        return self._input._cardinality()


def tf_shuffle(source, buffer_size, seeds):
    """TF's shuffle iterator: a ring buffer of buffer_size filled from source; each output is
    the slot at (Philox word modulo the fill) past the oldest, and the oldest element moves
    into that slot."""
    words = PhiloxStream(*seeds)
    buffer = [None] * buffer_size
    start = end = 0
    for element in source:
        buffer[end % buffer_size] = element
        end += 1
        if end - start < buffer_size:
            continue
        yield _take(buffer, start, end, next(words))
        start += 1
    while start < end:
        yield _take(buffer, start, end, next(words))
        start += 1


def _take(buffer, start, end, word):
    size = len(buffer)
    slot = (start + word % (end - start)) % size
    out = buffer[slot]
    buffer[slot] = buffer[start % size]
    buffer[start % size] = None
    return out


def _chunked(indices, size=4096):
    chunk = []
    for i in indices:
        chunk.append(i)
        if len(chunk) == size:
            yield np.array(chunk, dtype=np.int64)
            chunk = []
    if chunk:
        yield np.array(chunk, dtype=np.int64)


def shuffle_elements(source, buffer_size, rng):
    """The element-by-element shuffle buffer, for inputs that are not row plans."""
    chooser = py_random.Random(int(rng.integers(0, 2**63)))
    buffer = []
    for element in source:
        if len(buffer) < buffer_size:
            buffer.append(element)
            continue
        slot = chooser.randrange(buffer_size)
        out = buffer[slot]
        buffer[slot] = element
        yield out
    while buffer:
        slot = chooser.randrange(len(buffer))
        buffer[slot], buffer[-1] = buffer[-1], buffer[slot]
        yield buffer.pop()


def shuffle_index_chunks(chunks, buffer_size, rng):
    """The same process over a stream of index arrays, vectorised per chunk."""
    buffer = np.empty(0, dtype=np.int64)
    for chunk in chunks:
        if len(buffer) < buffer_size:
            take = buffer_size - len(buffer)
            buffer = np.concatenate([buffer, chunk[:take]])
            chunk = chunk[take:]
        if len(chunk):
            yield _steady_steps(buffer, chunk, rng)
    if len(buffer):
        yield rng.permutation(buffer)


def _steady_steps(buffer, chunk, rng):
    """Emits len(chunk) elements from the full `buffer` (updated in place), refilling each
    chosen slot with the chunk's next input."""
    slots = rng.integers(0, len(buffer), size=len(chunk))
    order = np.argsort(slots, kind="stable")  # steps grouped by slot, in time order
    sorted_slots = slots[order]
    repeat = np.zeros(len(chunk), dtype=bool)
    repeat[1:] = sorted_slots[1:] == sorted_slots[:-1]
    previous_step = np.empty_like(order)
    previous_step[1:] = order[:-1]
    previous_step[0] = 0
    out = np.empty(len(chunk), dtype=np.int64)
    out[order] = np.where(repeat, chunk[previous_step], buffer[sorted_slots])
    last = np.ones(len(chunk), dtype=bool)
    last[:-1] = ~repeat[1:]
    buffer[sorted_slots[last]] = chunk[order[last]]
    return out

