"""Row plans: the fast path of tf.data over in-memory data.

A dataset whose elements are rows of in-memory columns (from_tensor_slices, range) and whose
transformations only reorder or select rows (shuffle, repeat, take, skip, shard) is described
by a RowPlan: a function that gathers any set of rows at once, plus a stream of index chunks
(int64 arrays) whose concatenation is the element order. batch() then gathers whole batches
with one vectorised fancy-indexing call per column instead of touching elements one by one.
"""

import numpy as np

from . import structure

CHUNK = 1 << 16  # index arrays are streamed in pieces this long, so repeat() can be infinite


class RowPlan:
    """gather(idx) -> a pipeline element whose leaves have len(idx) rows; chunks() -> index
    arrays in element order (a fresh stream per call, i.e. per iteration)."""

    def __init__(self, gather, chunks):
        self.gather = gather
        self.chunks = chunks

    def with_chunks(self, chunks):
        return RowPlan(self.gather, chunks)

    def elements(self):
        """The per-element iteration of the plan (one row at a time)."""
        for chunk in self.chunks():
            # One gather per chunk, then cheap per-row views of its columns.
            block = self.gather(chunk)
            flat = structure.flatten(block)
            template = block
            for i in range(len(chunk)):
                row = [leaf[i, ...] for leaf in flat]
                yield structure.pack_as(template, row) if structure.is_structure(template) \
                    else row[0]

    def batches(self, batch_size, drop_remainder):
        """Whole batches, each gathered at once."""
        pending = []
        pending_len = 0
        for chunk in self.chunks():
            if not pending and len(chunk) >= batch_size:
                # Common case: cut batches straight out of the chunk.
                full = len(chunk) - len(chunk) % batch_size
                for start in range(0, full, batch_size):
                    yield self.gather(chunk[start:start + batch_size])
                chunk = chunk[full:]
            if len(chunk):
                pending.append(chunk)
                pending_len += len(chunk)
            while pending_len >= batch_size:
                joined = np.concatenate(pending)
                yield self.gather(joined[:batch_size])
                rest = joined[batch_size:]
                pending = [rest] if len(rest) else []
                pending_len = len(rest)
        if pending_len and not drop_remainder:
            yield self.gather(np.concatenate(pending))


def arange_chunks(n):
    def chunks():
        for start in range(0, n, CHUNK):
            yield np.arange(start, min(n, start + CHUNK), dtype=np.int64)
    return chunks
