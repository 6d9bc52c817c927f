"""MNIST handwritten digits, as `keras.datasets.mnist`."""

from . import _download

ORIGIN = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz"
FILE_HASH = "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1"

__all__ = ["load_data"]


def load_data(path="mnist.npz"):
    """Loads the MNIST dataset: 60,000 28x28 grayscale training images of the 10 digits
    and 10,000 test images.

    Args:
        path: file name in the cache (`$KERAS_HOME/datasets`, default
            `~/.keras/datasets`), or a path with a directory part (e.g. absolute) to an
            existing copy of `mnist.npz`, used as is.

    Returns:
        `(x_train, y_train), (x_test, y_test)`: uint8 arrays of shapes (60000, 28, 28),
        (60000,), (10000, 28, 28), (10000,); pixels 0..255, labels 0..9.

    License: Yann LeCun and Corinna Cortes hold the copyright of MNIST, a derivative of
    the NIST datasets, made available under CC BY-SA 3.0.
    """
    fpath = _download.fetch(
        path,
        ORIGIN,
        FILE_HASH,
        hint="Or pass its location: mnist.load_data(path='/absolute/path/mnist.npz').",
    )
    arrays = _download.load_npz(fpath, ["x_train", "y_train", "x_test", "y_test"], FILE_HASH)
    return (arrays["x_train"], arrays["y_train"]), (arrays["x_test"], arrays["y_test"])
