"""IMDB movie-review sentiment, as `keras.datasets.imdb`."""

import json

import numpy as np

from . import _download

BASE_URL = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/"
FILE_HASH = "69664113be75683a8fe16e3ed0ab59fda8886cb3cd7ada244f7d9544e4676b9f"
# Keras only publishes an MD5 for the word index; it is checked as such.
WORD_INDEX_HASH = "bfafd718b763782e994055a2d397834f"

__all__ = ["get_word_index", "load_data"]


def _object_array(sequences):
    """A 1-D object array of lists (np.array would make a 2-D array of equal lengths)."""
    out = np.empty(len(sequences), dtype=object)
    for i, seq in enumerate(sequences):
        out[i] = seq
    return out


def load_data(
    path="imdb.npz",
    num_words=None,
    skip_top=0,
    maxlen=None,
    seed=113,
    start_char=1,
    oov_char=2,
    index_from=3,
    **kwargs,
):
    """Loads the IMDB dataset: 25,000 training and 25,000 test reviews labeled by
    sentiment (1 positive, 0 negative), each a list of word indices ranked by frequency.

    Args:
        path: file name in the cache (`$KERAS_HOME/datasets`), or a path with a directory
            part to an existing `imdb.npz`, used as is.
        num_words: keep only the `num_words` most frequent words (smaller indices); any
            other becomes `oov_char`. None keeps all words (as in Keras, the single
            largest index then also counts as out of range).
        skip_top: the `skip_top` most frequent words become `oov_char` too.
        maxlen: drop (not truncate, as Keras) sequences of `maxlen` words or more.
        seed: seed for the shuffle of each split (NumPy RandomState, as Keras).
        start_char: index marking the start of each sequence (None: no marker).
        oov_char: index of cut-out words (None: they are removed).
        index_from: offset added to every word index.

    Returns:
        `(x_train, y_train), (x_test, y_test)`: x 1-D object arrays of Python lists of
        ints, y int64 arrays of 0/1 labels.
    """
    if "nb_words" in kwargs:
        raise TypeError("`nb_words` was renamed `num_words` (Keras 2); use `num_words`.")
    if kwargs:
        raise TypeError(f"Unrecognized keyword arguments: {sorted(kwargs)}")
    fpath = _download.fetch(
        path,
        BASE_URL + "imdb.npz",
        FILE_HASH,
        hint="Or pass its location: imdb.load_data(path='/absolute/path/imdb.npz').",
    )
    arrays = _download.load_npz(fpath, ["x_train", "y_train", "x_test", "y_test"], FILE_HASH)
    x_train, labels_train = arrays["x_train"], arrays["y_train"]
    x_test, labels_test = arrays["x_test"], arrays["y_test"]
    if len(x_train) != len(labels_train) or len(x_test) != len(labels_test):
        raise ValueError(f"{fpath}: sequences and labels differ in number.")

    rng = np.random.RandomState(seed)
    indices = np.arange(len(x_train))
    rng.shuffle(indices)
    x_train, labels_train = x_train[indices], labels_train[indices]
    indices = np.arange(len(x_test))
    rng.shuffle(indices)
    x_test, labels_test = x_test[indices], labels_test[indices]

    prefix = [start_char] if start_char is not None else []
    shift = index_from or 0
    x_train = [prefix + [int(w) + shift for w in x] for x in x_train]
    x_test = [prefix + [int(w) + shift for w in x] for x in x_test]

    if maxlen:
        keep = [i for i, x in enumerate(x_train) if len(x) < maxlen]
        x_train, labels_train = [x_train[i] for i in keep], labels_train[keep]
        keep = [i for i, x in enumerate(x_test) if len(x) < maxlen]
        x_test, labels_test = [x_test[i] for i in keep], labels_test[keep]
        if not x_train or not x_test:
            raise ValueError(
                f"After filtering for sequences shorter than maxlen={maxlen}, no sequence "
                "was kept. Increase maxlen."
            )

    xs = x_train + x_test
    if not num_words:
        num_words = max((max(x) for x in xs if x), default=0)
    if oov_char is not None:
        xs = [[w if skip_top <= w < num_words else oov_char for w in x] for x in xs]
    else:
        xs = [[w for w in x if skip_top <= w < num_words] for x in xs]

    split = len(x_train)
    return (
        (_object_array(xs[:split]), np.asarray(labels_train)),
        (_object_array(xs[split:]), np.asarray(labels_test)),
    )


def get_word_index(path="imdb_word_index.json"):
    """A dict mapping each word to its index in the IMDB dataset (before `index_from`).

    Args:
        path: file name in the cache (`$KERAS_HOME/datasets`), or a path with a directory
            part to an existing `imdb_word_index.json`, used as is.
    """
    fpath = _download.fetch(
        path,
        BASE_URL + "imdb_word_index.json",
        WORD_INDEX_HASH,
        hint="Or pass its location: imdb.get_word_index(path='/absolute/path/"
        "imdb_word_index.json').",
    )
    try:
        with open(fpath, encoding="utf-8") as f:
            index = json.load(f)
        if not isinstance(index, dict):
            raise TypeError(f"expected a JSON object, found {type(index).__name__}")
    except (OSError, ValueError, TypeError) as e:
        raise _download.corrupt_file_error(fpath, e, WORD_INDEX_HASH) from e
    return index
