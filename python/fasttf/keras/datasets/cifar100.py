"""CIFAR-100 small images, as `keras.datasets.cifar100`."""

import numpy as np

from . import cifar10

ORIGIN = "https://www.cs.toronto.edu/~kriz/cifar-100-python.tar.gz"
FILE_HASH = "85cd44d02ba6437773c5bbd22e183051d648de2e7d6b014e1ef29b855ba677a7"
CACHE_NAME = "cifar-100-python-target"  # Keras 3's get_file(fname=...)
INNER_DIR = "cifar-100-python"  # the directory inside the tarball
FILES = ["train", "test"]

__all__ = ["load_data"]


def load_data(label_mode="fine", path=None):
    """Loads CIFAR-100: 50,000 32x32 color training images and 10,000 test images,
    labeled over 100 fine classes grouped into 20 coarse superclasses.

    Args:
        label_mode: `"fine"` (100 classes) or `"coarse"` (20 superclasses).
        path: (fasttf extension.) The `cifar-100-python.tar.gz` tarball (read in place)
            or the `cifar-100-python/` directory. By default the Keras cache is used.

    Returns:
        `(x_train, y_train), (x_test, y_test)`: x uint8 of shape (n, 32, 32, 3)
        (channels last), y int64 of shape (n, 1) (int64 as in Keras, whose cifar100
        labels come from Python lists).
    """
    if label_mode not in ("fine", "coarse"):
        raise ValueError(
            f'`label_mode` must be one of "fine", "coarse". Received: label_mode={label_mode}.'
        )
    source = cifar10.locate(
        path, ORIGIN, FILE_HASH, CACHE_NAME, INNER_DIR, FILES, "cifar100.load_data"
    )
    (x_train, y_train), (x_test, y_test) = cifar10._read_batches(
        source, FILES, label_mode + "_labels"
    )
    x_train = np.ascontiguousarray(x_train.transpose(0, 2, 3, 1))
    x_test = np.ascontiguousarray(x_test.transpose(0, 2, 3, 1))
    y_train = y_train.astype(np.int64).reshape(-1, 1)
    y_test = y_test.astype(np.int64).reshape(-1, 1)
    return (x_train, y_train), (x_test, y_test)
