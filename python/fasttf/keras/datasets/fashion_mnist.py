"""Fashion-MNIST (Zalando), as `keras.datasets.fashion_mnist`.

Labels: 0 T-shirt/top, 1 Trouser, 2 Pullover, 3 Dress, 4 Coat, 5 Sandal, 6 Shirt,
7 Sneaker, 8 Bag, 9 Ankle boot. Copyright Zalando SE, MIT license.
"""

import gzip
import os
import zlib

import numpy as np

from . import _download

BASE_URL = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/"
CACHE_SUBDIR = os.path.join("datasets", "fashion-mnist")
FILE_HASHES = {
    "train-labels-idx1-ubyte.gz": (
        "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845"
    ),
    "train-images-idx3-ubyte.gz": (
        "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84"
    ),
    "t10k-labels-idx1-ubyte.gz": (
        "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5"
    ),
    "t10k-images-idx3-ubyte.gz": (
        "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073"
    ),
}
FILES = list(FILE_HASHES)

__all__ = ["load_data"]


def _read_idx(path, ndim):
    """Reads a gzipped IDX file of uint8 (magic 0x0801 / 0x0803), checking its header."""
    try:
        with gzip.open(path, "rb") as f:
            data = f.read()
        if len(data) < 4 + 4 * ndim:
            raise ValueError("shorter than its header")
        magic = int.from_bytes(data[:4], "big")
        if magic != 0x0800 + ndim:
            raise ValueError(f"bad magic number {magic:#x}, expected {0x0800 + ndim:#x}")
        dims = [int.from_bytes(data[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim)]
        offset = 4 + 4 * ndim
        if len(data) - offset != int(np.prod(dims)):
            raise ValueError(f"header says {dims} but holds {len(data) - offset} bytes")
        return np.frombuffer(data, np.uint8, offset=offset).reshape(dims).copy()
    except (OSError, EOFError, ValueError, zlib.error) as e:
        raise _download.corrupt_file_error(path, e, FILE_HASHES[os.path.basename(path)]) from e


def load_data(path=None):
    """Loads Fashion-MNIST: 60,000 28x28 grayscale training images of 10 fashion
    categories and 10,000 test images, a drop-in replacement for MNIST.

    Args:
        path: (fasttf extension; Keras' `load_data()` takes no argument.) A directory
            holding the four `*-idx*-ubyte.gz` files, used as is. By default they are
            taken from, or downloaded to, `$KERAS_HOME/datasets/fashion-mnist/` as in
            Keras.

    Returns:
        `(x_train, y_train), (x_test, y_test)`: uint8 arrays of shapes (60000, 28, 28),
        (60000,), (10000, 28, 28), (10000,).
    """
    paths = []
    for fname in FILES:
        if path is not None:
            fpath = os.path.join(os.path.abspath(os.path.expanduser(os.fspath(path))), fname)
        else:
            fpath = fname
        paths.append(
            _download.fetch(
                fpath,
                BASE_URL + fname,
                FILE_HASHES[fname],
                cache_subdir=CACHE_SUBDIR,
                hint="Or pass the directory holding the four files: "
                "fashion_mnist.load_data(path='/absolute/dir').",
            )
        )
    y_train = _read_idx(paths[0], 1)
    x_train = _read_idx(paths[1], 3)
    y_test = _read_idx(paths[2], 1)
    x_test = _read_idx(paths[3], 3)
    for x, y, xp in ((x_train, y_train, paths[1]), (x_test, y_test, paths[3])):
        if len(x) != len(y):
            raise ValueError(f"{xp} holds {len(x)} images but its labels file {len(y)}.")
    return (x_train, y_train), (x_test, y_test)
