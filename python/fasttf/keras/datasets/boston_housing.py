"""Boston Housing price regression, as `keras.datasets.boston_housing`.

**Warning** (from Keras): this dataset has an ethical problem: the authors included a
variable, "B", that may appear to assume that racial self-segregation influences house
prices. Use it only to illustrate ethical issues in data science and machine learning.
"""

from . import _download

ORIGIN = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/boston_housing.npz"
FILE_HASH = "f553886a1f8d56431e820c5b82552d9d95cfcb96d1e678153f8839538947dff5"

__all__ = ["load_data"]


def load_data(path="boston_housing.npz", test_split=0.2, seed=113):
    """Loads the Boston Housing dataset (StatLib, CMU): 506 samples of 13 attributes.

    Args:
        path: file name in the cache (`$KERAS_HOME/datasets`), or a path with a directory
            part to an existing copy, used as is.
        test_split: fraction of the data reserved as the test set, in [0, 1).
        seed: seed for the shuffle done before the split (NumPy RandomState, as Keras).

    Returns:
        `(x_train, y_train), (x_test, y_test)`: float64 arrays, x of shape
        (num_samples, 13), y of shape (num_samples,) (median home values in k$).
        The defaults give 404 training and 102 test samples, the same as Keras.
    """
    if not 0 <= test_split < 1:
        raise ValueError(f"`test_split` must be in [0, 1). Received: test_split={test_split}")
    fpath = _download.fetch(
        path,
        ORIGIN,
        FILE_HASH,
        hint="Or pass its location: boston_housing.load_data(path='/absolute/path/"
        "boston_housing.npz').",
    )
    arrays = _download.load_npz(fpath, ["x", "y"], FILE_HASH)
    x, y = arrays["x"], arrays["y"]
    if len(x) != len(y):
        raise ValueError(f"{fpath}: x has {len(x)} rows but y has {len(y)}.")
    return _download.split_train_test(x, y, test_split, seed)
