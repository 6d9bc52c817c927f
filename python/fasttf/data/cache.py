"""Dataset.cache: in memory (filename='') or in a file, filled by the first full iteration.

The file format is `<filename>.data-00000-of-00001` (a magic header, then for each element its
leaves as NumPy .npy records) plus `<filename>.index`, written last, whose presence marks a
complete cache. A damaged file raises DataLossError instead of yielding garbage.
"""

import io
import os

import numpy as np

from ..framework import errors
from . import structure
from .transformations import _UnaryDataset

_MAGIC = b"FASTTF-DATA-CACHE-1\n"


class CacheDataset(_UnaryDataset):
    _tf_name = "_CacheDataset"

    def __init__(self, input_dataset, filename):
        super().__init__(input_dataset)
        self._filename = os.fspath(filename) if filename is not None else ""
        self._memory = None

    def _iterate(self):
        if not self._filename:
            return self._memory_iterate()
        if os.path.exists(self._filename + ".index"):
            return self._read_file()
        return self._write_file()

    def _memory_iterate(self):
        if self._memory is not None:
            yield from self._memory
            return
        recorded = []
        for element in self._input._iterate():
            recorded.append(structure.map_structure(structure.as_numpy, element)
                            if structure.is_structure(element) else structure.as_numpy(element))
            yield element
        self._memory = recorded  # only a complete pass becomes the cache

    def _write_file(self):
        data_path = self._filename + ".data-00000-of-00001"
        count = 0
        try:
            with open(data_path, "wb") as f:
                f.write(_MAGIC)
                for element in self._input._iterate():
                    leaves = [structure.as_numpy(x) for x in structure.flatten(element)]
                    f.write(np.int64(len(leaves)).tobytes())
                    for leaf in leaves:
                        np.lib.format.write_array(f, np.ascontiguousarray(leaf),
                                                  allow_pickle=False)
                    count += 1
                    yield element
        except OSError as e:
            raise errors.NotFoundError("Failed to write cache file %s: %s" % (data_path, e)) \
                from e
        with open(self._filename + ".index", "w") as f:
            f.write("%d\n" % count)

    def _read_file(self):
        data_path = self._filename + ".data-00000-of-00001"
        spec = self._input.element_spec
        n_leaves = len(structure.flatten(spec))
        try:
            with open(self._filename + ".index") as f:
                count = int(f.read().strip())
            with open(data_path, "rb") as f:
                blob = f.read()
        except (OSError, ValueError) as e:
            raise errors.DataLossError("Cache file %s is unreadable or corrupt: %s"
                                       % (self._filename, e)) from e
        if not blob.startswith(_MAGIC):
            raise errors.DataLossError("Cache file %s is corrupt: bad header" % data_path)
        stream = io.BytesIO(blob)
        stream.seek(len(_MAGIC))
        for _ in range(count):
            try:
                header = stream.read(8)
                if len(header) != 8 or int(np.frombuffer(header, np.int64)[0]) != n_leaves:
                    raise ValueError("element header does not match the dataset")
                leaves = [np.lib.format.read_array(stream, allow_pickle=False)
                          for _ in range(n_leaves)]
            except Exception as e:  # noqa: BLE001 - any parse failure is data loss
                raise errors.DataLossError("Cache file %s is corrupt: %s" % (data_path, e)) \
                    from None
            yield structure.pack_as(spec, leaves) if structure.is_structure(spec) else leaves[0]
