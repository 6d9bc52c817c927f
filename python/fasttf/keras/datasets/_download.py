"""Download, cache and safe-loading helpers shared by the datasets.

The cache layout is Keras' own (`keras.utils.get_file`): files live in
`$KERAS_HOME/datasets` (default `~/.keras/datasets`), so a cache filled by Keras or
tf.keras is used as is, and the other way round.

Downloads go to a temporary file next to the target, are checked against the
expected hash, and only then move into place with `os.replace`: an interrupted or
corrupted download never leaves a file that looks valid.

This module is pure Python + NumPy on purpose: it must not import the rest of fasttf.
"""

import hashlib
import http.client
import io
import os
import pickle
import shutil
import tarfile
import tempfile
import urllib.error
import urllib.parse
import urllib.request
import zipfile

import numpy as np

__all__ = [
    "DatasetDownloadError",
    "get_file",
    "hash_file",
    "keras_home",
    "load_npz",
    "restricted_pickle_load",
    "validate_file",
]

_CHUNK = 1 << 20
_TIMEOUT_S = 60


class DatasetDownloadError(OSError):
    """A dataset file could not be downloaded (no network, HTTP error, ...)."""


# --------------------------------------------------------------------------- cache


def keras_home():
    """`$KERAS_HOME` if set, else `~/.keras` (read at call time, unlike Keras)."""
    home = os.environ.get("KERAS_HOME")
    if home:
        return os.path.expanduser(home)
    return os.path.join(os.path.expanduser("~"), ".keras")


def cache_dirs(cache_subdir="datasets", cache_dir=None):
    """Returns (write_dir, search_dirs) for a cache subdirectory.

    As in Keras, an unwritable cache falls back to `/tmp/.keras`; files already in the
    unwritable cache are still found.
    """
    base = os.path.expanduser(cache_dir) if cache_dir else keras_home()
    primary = os.path.join(base, cache_subdir)
    try:
        os.makedirs(primary, exist_ok=True)
        writable = os.access(primary, os.W_OK)
    except OSError:
        writable = False
    if writable:
        return primary, [primary]
    tmp_root = "/tmp" if os.path.isdir("/tmp") else tempfile.gettempdir()
    fallback = os.path.join(tmp_root, ".keras", cache_subdir)
    os.makedirs(fallback, exist_ok=True)
    return fallback, [primary, fallback]


def is_explicit_path(fname):
    """True when `fname` names a location (absolute or with a directory part)."""
    fname = os.fspath(fname)
    seps = [os.sep] + ([os.altsep] if os.altsep else [])
    return os.path.isabs(fname) or any(s in fname for s in seps) or fname.startswith("~")


# --------------------------------------------------------------------------- hashes


def _hasher(algorithm, file_hash=None):
    if algorithm == "sha256":
        return hashlib.sha256()
    if algorithm == "md5":
        return hashlib.md5()
    if algorithm == "auto":
        # Keras' rule: a 64-hex-digit hash is SHA-256, anything else MD5.
        if file_hash is None or len(file_hash) == 64:
            return hashlib.sha256()
        return hashlib.md5()
    raise ValueError(f"Unknown hash algorithm {algorithm!r}: use 'sha256', 'md5' or 'auto'.")


def hash_file(fpath, algorithm="sha256", file_hash=None):
    """Hex digest of a file (`algorithm`: 'sha256', 'md5' or 'auto')."""
    hasher = _hasher(algorithm, file_hash)
    with open(fpath, "rb") as f:
        for chunk in iter(lambda: f.read(_CHUNK), b""):
            hasher.update(chunk)
    return hasher.hexdigest()


def validate_file(fpath, file_hash, algorithm="auto"):
    """True when the file's hash equals `file_hash`."""
    return hash_file(fpath, algorithm, file_hash) == str(file_hash).lower()


def _hash_name(algorithm, file_hash):
    return _hasher(algorithm, file_hash).name.upper().replace("SHA256", "SHA-256")


# --------------------------------------------------------------------------- download


def _describe(exc):
    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP {exc.code} {exc.reason}"
    if isinstance(exc, urllib.error.URLError):
        return f"{type(exc).__name__}: {exc.reason}"
    return f"{type(exc).__name__}: {exc}"


def download(origin, target, file_hash=None, hash_algorithm="auto", hint=None):
    """Downloads `origin` to `target` atomically, checking `file_hash` when given.

    The data goes to a temporary file in the target's directory; it replaces `target`
    only once complete and verified. On any failure the temporary file is removed and
    `target` is left exactly as it was.
    """
    directory = os.path.dirname(os.path.abspath(target)) or "."
    os.makedirs(directory, exist_ok=True)
    name = os.path.basename(target)
    hasher = _hasher(hash_algorithm, file_hash)
    print(f"Downloading data from {origin}")
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=directory)
    try:
        try:
            url_open = urllib.request.urlopen  # looked up per call: tests replace it
            with os.fdopen(fd, "wb") as out, url_open(origin, timeout=_TIMEOUT_S) as response:
                for chunk in iter(lambda: response.read(_CHUNK), b""):
                    out.write(chunk)
                    hasher.update(chunk)
        except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as e:
            lines = [
                f"Could not download {name!r} from {origin} ({_describe(e)}).",
                "If this machine is offline, download the file elsewhere and put it at:",
                f"    {os.path.abspath(target)}",
            ]
            if file_hash:
                lines.append(f"(expected {_hash_name(hash_algorithm, file_hash)}: {file_hash})")
            if hint:
                lines.append(hint)
            raise DatasetDownloadError("\n".join(lines)) from e
        if file_hash is not None and hasher.hexdigest() != str(file_hash).lower():
            raise ValueError(
                f"The file downloaded from {origin} is incomplete or corrupted: its "
                f"{_hash_name(hash_algorithm, file_hash)} is {hasher.hexdigest()}, expected "
                f"{file_hash}. Nothing was written to {os.path.abspath(target)}."
            )
        os.replace(tmp, target)
    except BaseException:
        # Also on KeyboardInterrupt: never leave a partial file behind.
        try:
            os.remove(tmp)
        except OSError:
            pass
        raise
    return target


def fetch(fname, origin, file_hash=None, cache_subdir="datasets", hint=None):
    """The dataset modules' entry point: a path to `fname`, downloaded if needed.

    * `fname` with a directory part (e.g. an absolute path) is the file itself: an
      existing file is used as given, without a hash check (the user chose it; a
      corrupt one fails to parse with a ValueError naming it); a missing one is
      downloaded to exactly that location.
    * A bare name is looked up in the Keras cache. A cached file whose hash does not
      match is re-downloaded, as Keras does; if that download fails, the error says so
      and the old file stays untouched.
    """
    fname = os.fspath(fname)
    if is_explicit_path(fname):
        target = os.path.abspath(os.path.expanduser(fname))
        if os.path.isfile(target):
            return target
        if os.path.isdir(target):
            raise ValueError(f"{target} is a directory; pass the path of the file itself.")
        return download(origin, target, file_hash, hint=hint)

    write_dir, search_dirs = cache_dirs(cache_subdir)
    stale = None
    for directory in search_dirs:
        candidate = os.path.join(directory, fname)
        if os.path.isfile(candidate):
            if file_hash is None or validate_file(candidate, file_hash):
                return candidate
            stale = stale or candidate
    target = os.path.join(write_dir, fname)
    if stale is not None:
        print(
            f"A local file was found at {stale}, but its hash does not match the "
            f"expected value {file_hash} (incomplete or outdated); re-downloading."
        )
    try:
        return download(origin, target, file_hash, hint=hint)
    except DatasetDownloadError as e:
        if stale is None:
            raise
        raise DatasetDownloadError(
            f"{stale} exists but its {_hash_name('auto', file_hash)} does not match the "
            f"expected {file_hash}, and re-downloading failed.\n{e}"
        ) from e.__cause__


def get_file(
    fname=None,
    origin=None,
    untar=False,
    md5_hash=None,
    file_hash=None,
    cache_subdir="datasets",
    hash_algorithm="auto",
    extract=False,
    archive_format="auto",
    cache_dir=None,
    force_download=False,
):
    """`keras.utils.get_file` with Keras 3's cache layout and an atomic download.

    Returns the path of the file, or of the extraction directory when `extract`.
    """
    if origin is None:
        raise ValueError('Please specify the "origin" argument (URL of the file to download).')
    if md5_hash is not None and file_hash is None:
        file_hash, hash_algorithm = md5_hash, "md5"
    write_dir, search_dirs = cache_dirs(cache_subdir, cache_dir)
    if not fname:
        fname = os.path.basename(urllib.parse.urlsplit(origin).path)
        if not fname:
            raise ValueError(f"Can't parse the file name from origin {origin!r}; pass `fname`.")
    fname = os.fspath(fname)
    if is_explicit_path(fname):
        raise ValueError(
            "`fname` must be a file name; to choose the directory use `cache_dir`. "
            f"Received: fname={fname}"
        )
    extract = extract or untar
    if extract:
        if "." in fname:
            archive_name, dir_name = fname, fname[: fname.find(".")] + "_extracted"
        else:
            archive_name, dir_name = fname + "_archive", fname
    else:
        archive_name, dir_name = fname, None

    target = None
    if not force_download:
        for directory in search_dirs:
            candidate = os.path.join(directory, archive_name)
            if os.path.isfile(candidate) and (
                file_hash is None or validate_file(candidate, file_hash, hash_algorithm)
            ):
                target = candidate
                break
    if target is None:
        target = download(origin, os.path.join(write_dir, archive_name), file_hash, hash_algorithm)
    if not extract:
        return target
    extraction_dir = os.path.join(os.path.dirname(target), dir_name)
    extract_archive(target, extraction_dir, "tar" if untar else archive_format)
    return extraction_dir


# --------------------------------------------------------------------------- archives


def _safe_tar_members(archive, base):
    base = os.path.realpath(base)
    for member in archive.getmembers():
        if not (member.isfile() or member.isdir()):
            continue  # links and devices have no place in a dataset archive
        dest = os.path.realpath(os.path.join(base, member.name))
        if os.path.commonpath([dest, base]) != base:
            continue
        yield member


def extract_archive(file_path, path, archive_format="auto"):
    """Extracts a tar or zip archive into `path` atomically (temp dir, then rename).

    Members that would land outside `path`, links and special files are skipped.
    Raises ValueError naming the file if it is not a readable archive.
    """
    formats = ["tar", "zip"] if archive_format == "auto" else archive_format
    if isinstance(formats, str):
        formats = [formats]
    parent = os.path.dirname(os.path.abspath(path))
    os.makedirs(parent, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix=f".{os.path.basename(path)}.", suffix=".tmp", dir=parent)
    try:
        try:
            if "tar" in formats and tarfile.is_tarfile(file_path):
                with tarfile.open(file_path) as archive:
                    members = list(_safe_tar_members(archive, tmp))
                    if hasattr(tarfile, "data_filter"):  # 3.12+, backported to 3.8.17+
                        archive.extractall(tmp, members=members, filter="data")
                    else:
                        archive.extractall(tmp, members=members)
            elif "zip" in formats and zipfile.is_zipfile(file_path):
                with zipfile.ZipFile(file_path) as archive:
                    base = os.path.realpath(tmp)
                    for info in archive.infolist():
                        dest = os.path.realpath(os.path.join(base, info.filename))
                        if os.path.commonpath([dest, base]) == base:
                            archive.extract(info, tmp)
            else:
                raise ValueError(f"{file_path} is not a {' or '.join(formats)} archive.")
        except (tarfile.TarError, zipfile.BadZipFile, EOFError, OSError) as e:
            raise ValueError(
                f"Could not extract {file_path}: the archive is corrupt or truncated "
                f"({type(e).__name__}: {e}). Delete it and download it again."
            ) from e
        if os.path.isdir(path):
            shutil.rmtree(path)
        os.replace(tmp, path)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return path


# --------------------------------------------------------------------------- safe loading


def _numpy_reconstruct():
    return np.empty(0).__reduce__()[0]


class _RestrictedUnpickler(pickle.Unpickler):
    """Unpickles NumPy arrays, dicts, lists and scalars only, never arbitrary code."""

    def find_class(self, module, name):
        if (module, name) in (("numpy", "ndarray"), ("numpy.core.multiarray", "ndarray")):
            return np.ndarray
        if (module, name) in (("numpy", "dtype"), ("numpy.core.multiarray", "dtype")):
            return np.dtype
        if name == "_reconstruct" and module in (
            "numpy.core.multiarray",
            "numpy._core.multiarray",
        ):
            return _numpy_reconstruct()
        if (module, name) == ("_codecs", "encode"):  # bytes in protocol-2 pickles
            import codecs

            return codecs.encode
        raise pickle.UnpicklingError(f"refusing to load global {module}.{name}")


def restricted_pickle_load(fileobj, encoding="ASCII"):
    """`pickle.load` limited to NumPy arrays and plain Python containers."""
    return _RestrictedUnpickler(fileobj, encoding=encoding).load()


def corrupt_file_error(path, exc, expected_hash=None, what="file"):
    """A ValueError naming the file, its hash status and what went wrong."""
    msg = f"Could not read the {what} {path}: it is corrupt, truncated or not in the "
    msg += f"expected format ({type(exc).__name__}: {exc})."
    if expected_hash is not None:
        try:
            actual = hash_file(path, "auto", expected_hash)
            if actual != expected_hash:
                msg += (
                    f" Its hash is {actual}, expected {expected_hash}: delete it and "
                    "download it again."
                )
        except OSError:
            pass
    return ValueError(msg)


_LOAD_ERRORS = (
    OSError,
    EOFError,
    ValueError,
    KeyError,
    IndexError,
    TypeError,
    AttributeError,
    zipfile.BadZipFile,
    pickle.UnpicklingError,
    tarfile.TarError,
)


def _read_npy(fp):
    try:
        return np.lib.format.read_array(fp, allow_pickle=False)
    except ValueError:
        # An object array (ragged sequences): rewind and unpickle with restrictions.
        fp.seek(0)
        version = np.lib.format.read_magic(fp)
        if version == (1, 0):
            np.lib.format.read_array_header_1_0(fp)
        elif version in ((2, 0), (3, 0)):
            np.lib.format.read_array_header_2_0(fp)
        else:
            raise ValueError(f"unsupported .npy format version {version}")
        return restricted_pickle_load(fp, encoding="latin1")


def load_npz(path, keys, expected_hash=None):
    """Loads `keys` from an .npz file safely; a bad file raises ValueError naming it."""
    arrays = {}
    try:
        with zipfile.ZipFile(path) as archive:
            members = {info.filename: info for info in archive.infolist()}
            for key in keys:
                info = members.get(key + ".npy")
                if info is None:
                    raise KeyError(
                        f"missing array {key!r}; found {sorted(m[:-4] for m in members)}"
                    )
                if info.file_size > (1 << 32) and info.file_size > 100 * info.compress_size:
                    raise ValueError(f"member {key!r} looks like a decompression bomb")
                with archive.open(info) as raw:
                    arrays[key] = _read_npy(io.BytesIO(raw.read()))
    except _LOAD_ERRORS as e:
        raise corrupt_file_error(path, e, expected_hash) from e
    return arrays


def split_train_test(x, y, test_split, seed):
    """Keras' shuffle-then-split used by boston_housing (and digits)."""
    if not 0 <= test_split < 1:
        raise ValueError(f"`test_split` must be in [0, 1). Received: test_split={test_split}")
    rng = np.random.RandomState(seed)
    indices = np.arange(len(x))
    rng.shuffle(indices)
    x = x[indices]
    y = y[indices]
    cut = int(len(x) * (1 - test_split))
    return (np.array(x[:cut]), np.array(y[:cut])), (np.array(x[cut:]), np.array(y[cut:]))
