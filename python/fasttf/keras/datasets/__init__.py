"""`tf.keras.datasets`: the Keras datasets, loaded as NumPy arrays.

Files are cached where Keras caches them (`$KERAS_HOME/datasets`, default
`~/.keras/datasets`), with Keras' names and hashes, so either library reuses the
other's downloads. `digits` (8x8 UCI handwritten digits) is bundled and needs no
network. This package is pure Python + NumPy and imports nothing else from fasttf.
"""

from . import (
    _download,  # noqa: F401  (tests and keras.utils.get_file use it)
    boston_housing,
    cifar10,
    cifar100,
    digits,
    fashion_mnist,
    imdb,
    mnist,
)
from ._download import DatasetDownloadError

__all__ = [
    "DatasetDownloadError",
    "boston_housing",
    "cifar10",
    "cifar100",
    "digits",
    "fashion_mnist",
    "imdb",
    "mnist",
]
