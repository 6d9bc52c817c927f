"""fasttf's TF-style checkpoint files: `prefix.index`, `prefix.data-00000-of-00001` and a
`checkpoint` state file beside them, as tf.train.Checkpoint and save_weights("w.ckpt") write.

The index holds, as JSON after a magic line, each tensor's dtype, shape, offset in the data file
and CRC-32, plus the CRC of the whole data file. Saving keeps the previous data file as
`.prev` until the new index is in place, so a save killed at any point leaves a loadable
checkpoint: either the old one (old index + .prev data) or the new one.
"""

import json
import os
import re
import zlib

import numpy as np

from .atomic import _fsync_directory, atomic_write
from .errors import SavingError

MAGIC = b"FASTTF-CHECKPOINT 1\n"
DATA_SUFFIX = ".data-00000-of-00001"
_ALIGN = 64


class CheckpointError(SavingError):
    """A checkpoint file is missing, truncated, corrupt or does not match the model."""


def normalize_prefix(path):
    """`weights.ckpt`, `weights.ckpt.index` and `weights.ckpt.data-00000-of-00001` all name the
    prefix `weights.ckpt`."""
    path = os.fspath(path)
    for suffix in (".index", DATA_SUFFIX):
        if path.endswith(suffix):
            return path[: -len(suffix)]
    return path


def is_checkpoint_prefix(path):
    return os.path.exists(normalize_prefix(path) + ".index")


def write(prefix, named_arrays):
    """Writes {name: ndarray} under `prefix` and updates the directory's `checkpoint` file."""
    prefix = normalize_prefix(prefix)
    entries, chunks, offset = {}, [], 0
    for name, array in named_arrays.items():
        array = np.asarray(array)  # (ascontiguousarray would make 0-d arrays 1-d)
        if not array.flags.c_contiguous:
            array = array.copy(order="C")
        raw = array.tobytes()
        pad = (-offset) % _ALIGN
        if pad:
            chunks.append(b"\0" * pad)
            offset += pad
        entries[name] = {"dtype": array.dtype.str, "shape": list(array.shape), "offset": offset,
                         "nbytes": len(raw), "crc32": zlib.crc32(raw)}
        chunks.append(raw)
        offset += len(raw)
    data = b"".join(chunks)
    header = {"version": 1, "data_size": len(data), "data_crc32": zlib.crc32(data),
              "tensors": entries}
    data_path = prefix + DATA_SUFFIX
    prev_path = data_path + ".prev"
    if os.path.exists(data_path):
        # Keep the old data reachable until the new index replaces the old one.
        if os.path.exists(prev_path):
            os.unlink(prev_path)
        os.link(data_path, prev_path)
    with atomic_write(data_path) as f:
        f.write(data)
    with atomic_write(prefix + ".index") as f:
        f.write(MAGIC + json.dumps(header).encode("utf-8"))
    if os.path.exists(prev_path):
        os.unlink(prev_path)
        _fsync_directory(os.path.dirname(os.path.abspath(data_path)))
    update_state_file(prefix)
    return prefix


def _read_header(prefix):
    index_path = prefix + ".index"
    try:
        with open(index_path, "rb") as f:
            raw = f.read()
    except FileNotFoundError:
        raise CheckpointError("Checkpoint index file %r not found" % index_path) from None
    if not raw.startswith(MAGIC):
        raise CheckpointError("%r is not a fasttf checkpoint index (bad header; it may be "
                              "empty, truncated, or written by another program)" % index_path)
    try:
        header = json.loads(raw[len(MAGIC):].decode("utf-8"))
        header["tensors"]
    except (ValueError, KeyError, UnicodeDecodeError):
        raise CheckpointError("Checkpoint index %r is corrupt or truncated" % index_path) from None
    return header


def _read_data(prefix, header):
    data_path = prefix + DATA_SUFFIX
    for candidate in (data_path, data_path + ".prev"):
        try:
            with open(candidate, "rb") as f:
                data = f.read()
        except FileNotFoundError:
            continue
        if len(data) == header["data_size"] and zlib.crc32(data) == header["data_crc32"]:
            return data
    raise CheckpointError("Checkpoint data file %r is missing, truncated or does not match its "
                          "index (checksum mismatch)" % data_path)


def read(prefix):
    """{name: ndarray} of the checkpoint at `prefix`, every tensor's checksum verified."""
    prefix = normalize_prefix(prefix)
    header = _read_header(prefix)
    data = _read_data(prefix, header)
    out = {}
    for name, e in header["tensors"].items():
        try:
            raw = data[e["offset"]: e["offset"] + e["nbytes"]]
            if len(raw) != e["nbytes"] or zlib.crc32(raw) != e["crc32"]:
                raise CheckpointError("Tensor %r in checkpoint %r fails its checksum"
                                      % (name, prefix))
            out[name] = np.frombuffer(raw, dtype=np.dtype(e["dtype"])).reshape(e["shape"]).copy()
        except (TypeError, ValueError, KeyError) as exc:
            if isinstance(exc, CheckpointError):
                raise
            raise CheckpointError("Tensor %r in checkpoint %r has a corrupt entry" % (name, prefix)) from None
    return out


def update_state_file(prefix, all_prefixes=None):
    """Writes the `checkpoint` file (TF's text format) naming `prefix` as the latest."""
    directory = os.path.dirname(os.path.abspath(prefix))
    name = os.path.basename(prefix)
    all_names = [os.path.basename(p) for p in (all_prefixes or [prefix])]
    lines = ['model_checkpoint_path: "%s"' % name]
    lines += ['all_model_checkpoint_paths: "%s"' % n for n in all_names]
    with atomic_write(os.path.join(directory, "checkpoint"), "w") as f:
        f.write("\n".join(lines) + "\n")


def latest_checkpoint(directory):
    """tf.train.latest_checkpoint: the prefix named by `directory/checkpoint`, or None."""
    try:
        with open(os.path.join(directory, "checkpoint")) as f:
            text = f.read()
    except OSError:
        return None
    match = re.search(r'^model_checkpoint_path:\s*"([^"]*)"', text, re.M)
    if not match:
        return None
    path = match.group(1)
    if not os.path.isabs(path):
        path = os.path.join(directory, path)
    return path if os.path.exists(path + ".index") else None


def remove(prefix):
    prefix = normalize_prefix(prefix)
    for suffix in (".index", DATA_SUFFIX, DATA_SUFFIX + ".prev"):
        try:
            os.unlink(prefix + suffix)
        except FileNotFoundError:
            pass
