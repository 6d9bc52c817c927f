"""tf.io.gfile on the local file system, with TF's exceptions: a missing path raises
NotFoundError, an existing target AlreadyExistsError, a directory where a file is expected
FailedPreconditionError (all tf.errors.OpError). Paths may be str, bytes or os.PathLike."""

import contextlib
import errno
import glob as _glob
import os
import shutil

from ..framework import errors

__all__ = ["GFile", "copy", "exists", "glob", "isdir", "join", "listdir", "makedirs", "mkdir",
           "remove", "rename", "rmtree", "stat", "walk"]

_ERRNO_CLASSES = {errno.ENOENT: errors.NotFoundError, errno.EEXIST: errors.AlreadyExistsError,
                  errno.EISDIR: errors.FailedPreconditionError,
                  errno.ENOTDIR: errors.FailedPreconditionError,
                  errno.ENOTEMPTY: errors.FailedPreconditionError,
                  errno.EACCES: errors.PermissionDeniedError,
                  errno.EPERM: errors.PermissionDeniedError}


def _path(path):
    return os.fsdecode(os.fspath(path))


@contextlib.contextmanager
def _tf_errors():
    """OSError -> the tf.errors class TF raises for the same failure."""
    try:
        yield
    except OSError as e:
        cls = _ERRNO_CLASSES.get(e.errno, errors.UnknownError)
        detail = "%s; %s" % (e.filename, e.strerror) if e.filename else str(e)
        raise cls(None, None, detail) from e


def exists(path):
    return os.path.exists(_path(path))


def isdir(path):
    return os.path.isdir(_path(path))


def join(path, *paths):
    return os.path.join(_path(path), *[_path(p) for p in paths])


def listdir(path):
    path = _path(path)
    if not os.path.isdir(path):
        raise errors.NotFoundError(None, None, "Could not find directory %s" % path)
    with _tf_errors():
        return os.listdir(path)


def glob(pattern):
    return _glob.glob(_path(pattern))


def mkdir(path):
    """Creates one directory; its parent must exist (an existing directory is fine, as in TF)."""
    path = _path(path)
    if os.path.isdir(path):
        return
    with _tf_errors():
        os.mkdir(path)


def makedirs(path):
    with _tf_errors():
        os.makedirs(_path(path), exist_ok=True)


def remove(path):
    path = _path(path)
    with _tf_errors():
        if os.path.isdir(path):
            raise IsADirectoryError(errno.EISDIR, "Is a directory", path)
        os.remove(path)


def rmtree(path):
    path = _path(path)
    if not os.path.exists(path):
        raise errors.NotFoundError(None, None, "%s not found" % path)
    with _tf_errors():
        shutil.rmtree(path)


def _refuse_existing(path, overwrite):
    if not overwrite and os.path.exists(path):
        raise errors.AlreadyExistsError(None, None, "file already exists")


def copy(src, dst, overwrite=False):
    src, dst = _path(src), _path(dst)
    _refuse_existing(dst, overwrite)
    with _tf_errors():
        shutil.copyfile(src, dst)


def rename(src, dst, overwrite=False):
    src, dst = _path(src), _path(dst)
    _refuse_existing(dst, overwrite)
    with _tf_errors():
        os.replace(src, dst)


def walk(top, topdown=True, onerror=None):
    """(dirname, subdirs, files) tuples like os.walk; a missing top yields nothing."""
    return os.walk(_path(top), topdown=topdown, onerror=onerror)


class FileStatistics:
    def __init__(self, length, mtime_nsec, is_directory):
        self.length = length
        self.mtime_nsec = mtime_nsec
        self.is_directory = is_directory


def stat(path):
    with _tf_errors():
        st = os.stat(_path(path))
    return FileStatistics(st.st_size, st.st_mtime_ns, os.path.isdir(_path(path)))


_MODES = ("r", "w", "a", "r+", "w+", "a+")


class GFile:
    """A file object opened on first use, as TF's: GFile(path) of a missing file raises
    NotFoundError at the first read, not at construction. Text modes read and write str, 'b'
    modes bytes."""

    def __init__(self, name, mode="r"):
        if mode.replace("b", "") not in _MODES:
            raise errors.InvalidArgumentError(
                None, None, "mode is not 'r' or 'w' or 'a' or 'r+' or 'w+' or 'a+'")
        self.name = _path(name)
        self.mode = mode
        self._file = None

    def _open(self):
        if self._file is None:
            with _tf_errors():
                self._file = open(self.name, self.mode)  # noqa: SIM115 - closed by close()
        return self._file

    def _check_writable(self):
        if self.mode.replace("b", "") == "r":
            raise errors.PermissionDeniedError(None, None, "File isn't open for writing")

    def _check_readable(self):
        if self.mode.replace("b", "") in ("w", "a"):
            raise errors.PermissionDeniedError(None, None, "File isn't open for reading")

    def read(self, n=-1):
        self._check_readable()
        return self._open().read(n)

    def readline(self):
        self._check_readable()
        return self._open().readline()

    def readlines(self):
        self._check_readable()
        return self._open().readlines()

    def write(self, file_content):
        self._check_writable()
        f = self._open()
        if "b" in self.mode and isinstance(file_content, str):
            file_content = file_content.encode()
        elif "b" not in self.mode and isinstance(file_content, bytes):
            file_content = file_content.decode()
        f.write(file_content)

    def seek(self, offset=None, whence=0, position=None):
        return self._open().seek(position if offset is None else offset, whence)

    def tell(self):
        return self._open().tell()

    def seekable(self):
        return True

    def size(self):
        return stat(self.name).length

    def flush(self):
        if self._file is not None:
            self._file.flush()

    def close(self):
        if self._file is not None:
            self._file.close()
            self._file = None

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
