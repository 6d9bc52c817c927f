"""Crash-safe file writes: a temp file in the target's directory, flushed and fsynced, then
renamed over the target. A process killed mid-save leaves the previous file intact."""

import contextlib
import os
import tempfile


def _fsync_directory(directory):
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_write(path, mode="wb"):
    """Yields a file object; on success it replaces `path` atomically, on error nothing of the
    partial write remains."""
    path = os.fspath(path)
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=".tmp",
                               dir=directory)
    try:
        with os.fdopen(fd, mode) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        _fsync_directory(directory)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def atomic_path(path):
    """Like atomic_write, for writers that need a file name (h5py): yields a temp path that is
    renamed over `path` when the block succeeds."""
    path = os.fspath(path)
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=".tmp",
                               dir=directory)
    os.close(fd)
    try:
        yield tmp
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, path)
        _fsync_directory(directory)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def may_overwrite(path, overwrite):
    """False when `path` exists, overwrite=False and the user declines. Keras asks with input()
    ("[WARNING] ... already exists - overwrite? [y/n]"); where no one can answer (stdin closed
    or captured) fasttf raises FileExistsError instead of blocking or guessing."""
    if overwrite or not os.path.exists(path):
        return True
    try:
        answer = input("[WARNING] %s already exists - overwrite? [y/n]" % path).strip().lower()
        while answer not in ("y", "n"):
            answer = input('Enter "y" (overwrite) or "n" (cancel).').strip().lower()
    except (EOFError, OSError):
        raise FileExistsError(
            "%r already exists and overwrite=False, and there is no terminal to ask whether to "
            "overwrite it: pass overwrite=True or choose another path" % (path,)) from None
    if answer == "n":
        return False
    print("[TIP] Next time specify overwrite=True!")
    return True
