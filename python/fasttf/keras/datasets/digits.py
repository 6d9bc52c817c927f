"""The 8x8 UCI handwritten digits (bundled, no download).

1,797 images of 8x8 pixels with integer values 0..16, 10 classes, from the UCI ML
repository "Optical Recognition of Handwritten Digits" (E. Alpaydin, C. Kaynak, 1998;
CC BY 4.0), the same copy scikit-learn ships as `load_digits`. It is small enough to
live inside the package, so tests and examples can train on real data offline.
See `_bundled/README.md` for the source and the conversion.
"""

import os

from . import _download

__all__ = ["load_data"]

_BUNDLED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_bundled", "digits.npz")
NUM_SAMPLES = 1797


def load_data(test_split=0.2, seed=113):
    """Loads the bundled 8x8 digits with a deterministic shuffle-and-split.

    Args:
        test_split: fraction of the data reserved as the test set, in [0, 1).
        seed: seed of the shuffle before the split (NumPy RandomState, as
            `boston_housing`), so the same arguments always give the same split.

    Returns:
        `(x_train, y_train), (x_test, y_test)`: x uint8 of shape (n, 8, 8) with values
        0..16, y uint8 of shape (n,) with labels 0..9. The defaults give 1437 training
        and 360 test images.
    """
    if not 0 <= test_split < 1:
        raise ValueError(f"`test_split` must be in [0, 1). Received: test_split={test_split}")
    arrays = _download.load_npz(_BUNDLED, ["images", "labels"])
    return _download.split_train_test(arrays["images"], arrays["labels"], test_split, seed)
