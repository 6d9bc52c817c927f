"""IntegerLookup: integer tokens <-> contiguous indices, as Keras 3's IndexLookup lays them
out: [mask (int mode only)] [num_oov_indices OOV slots] [vocabulary]. The vocabulary comes from
`vocabulary=` / set_vocabulary() or from adapt() (most frequent first, ties by larger token).
TF-IDF output and vocabulary files are not supported."""

import numpy as np

from ... import _C
from ...framework import errors
from ...framework.constant_op import convert_to_tensor
from .base_layer import Layer
from .preprocessing_stats import _batches, encode_categorical

_MODES = ("int", "one_hot", "multi_hot", "count", "tf_idf")
_INT64_MAX = np.iinfo(np.int64).max


def _as_int_array(x):
    x = x.numpy() if isinstance(x, _C.Tensor) else np.asarray(x)
    if x.dtype.kind not in "iub":
        raise ValueError("IntegerLookup expects integer tokens; received dtype %s" % x.dtype)
    return x.astype(np.int64)


class IntegerLookup(Layer):
    def __init__(self, max_tokens=None, num_oov_indices=1, mask_token=None, oov_token=-1,
                 vocabulary=None, vocabulary_dtype="int64", idf_weights=None, invert=False,
                 output_mode="int", sparse=False, pad_to_max_tokens=False,
                 oov_method="floormod", salt=None, name=None, **kwargs):
        vocabulary_size = kwargs.pop("vocabulary_size", None)
        kwargs.pop("has_input_vocabulary", None)
        if max_tokens is not None and max_tokens <= 1:
            raise ValueError("If `max_tokens` is set for `IntegerLookup`, it must be greater "
                             "than 1. Received: max_tokens=%s" % (max_tokens,))
        if num_oov_indices < 0:
            raise ValueError("The value of `num_oov_indices` argument for `IntegerLookup` must "
                             ">= 0. Received: num_oov_indices=%s" % (num_oov_indices,))
        if vocabulary_dtype != "int64":
            raise ValueError("Only `vocabulary_dtype='int64'` is supported at this time. "
                             "Received: vocabulary_dtype=%s" % (vocabulary_dtype,))
        output_mode = {"binary": "multi_hot", "tf-idf": "tf_idf"}.get(output_mode, output_mode)
        if output_mode not in _MODES:
            raise ValueError("Invalid value for argument `output_mode`. Expected one of %s. "
                             "Received: output_mode=%s" % (list(_MODES), output_mode))
        if output_mode == "tf_idf" or idf_weights is not None:
            raise NotImplementedError("IntegerLookup(output_mode='tf_idf') is not supported by "
                                      "fasttf")
        if sparse or oov_method != "floormod" or isinstance(vocabulary, str):
            raise NotImplementedError("IntegerLookup: sparse outputs, oov_method='farmhash' and "
                                      "vocabulary files are not supported by fasttf")
        if invert and output_mode != "int":
            raise ValueError("`output_mode` must be `'int'` when `invert` is true. Received: "
                             "output_mode=%s" % (output_mode,))
        if pad_to_max_tokens and max_tokens is None:
            raise ValueError("If pad_to_max_tokens is True, must set `max_tokens`. Received: "
                             "max_tokens=%s" % (max_tokens,))
        super().__init__(name=name, **kwargs)
        self.max_tokens, self.num_oov_indices = max_tokens, int(num_oov_indices)
        self.mask_token, self.oov_token = mask_token, oov_token
        self.vocabulary_dtype, self.invert = vocabulary_dtype, invert
        self.output_mode, self.sparse, self.pad_to_max_tokens = output_mode, sparse, \
            pad_to_max_tokens
        self.oov_method, self.salt = oov_method, salt
        self.input_vocabulary = vocabulary
        self._has_input_vocabulary = vocabulary is not None
        self._tokens = np.zeros((0,), np.int64)
        self._frozen_vocab_size = vocabulary_size
        if vocabulary is not None:
            self.set_vocabulary(vocabulary)

    # -- vocabulary -----------------------------------------------------------------------
    def _oov_start_index(self):
        return 1 if self.mask_token is not None and self.output_mode == "int" else 0

    def _token_start_index(self):
        return self._oov_start_index() + self.num_oov_indices

    def vocabulary_size(self):
        return len(self._tokens) + self._token_start_index()

    def get_vocabulary(self, include_special_tokens=True):
        vocab = [self.oov_token] * self._token_start_index() + [int(t) for t in self._tokens]
        if self.mask_token is not None and self.output_mode == "int":
            vocab[0] = self.mask_token
        return vocab if include_special_tokens else vocab[self._token_start_index():]

    def set_vocabulary(self, vocabulary, idf_weights=None):
        if idf_weights is not None:
            raise ValueError("`idf_weights` should only be set if output_mode is `'tf_idf'`. "
                             "Received: output_mode=%s and idf_weights=%s"
                             % (self.output_mode, idf_weights))
        vocabulary = _as_int_array(vocabulary).reshape(-1)
        if vocabulary.size == 0:
            raise ValueError("Cannot set an empty vocabulary. Received: vocabulary=%s"
                             % (vocabulary,))
        start = self._token_start_index()
        special = [self.mask_token] * self._oov_start_index() + \
            [self.oov_token] * self.num_oov_indices
        tokens = vocabulary[start:] if len(vocabulary) >= start and \
            list(vocabulary[:start]) == special else vocabulary
        values, counts = np.unique(tokens, return_counts=True)
        if (counts > 1).any():
            raise ValueError("The passed vocabulary has at least one repeated term. Please "
                             "uniquify your dataset. The repeated terms are: %s"
                             % (values[counts > 1].tolist(),))
        if self.mask_token is not None and self.mask_token in tokens:
            raise ValueError("Found reserved mask token at unexpected location in `vocabulary`. "
                             "Received: mask_token=%s" % (self.mask_token,))
        if self.invert and self.oov_token is not None and self.oov_token in tokens:
            raise ValueError("Found reserved OOV token at unexpected location in `vocabulary`. "
                             "Received: oov_token=%s" % (self.oov_token,))
        if self.max_tokens is not None and start + len(tokens) > self.max_tokens:
            raise ValueError("Attempted to set a vocabulary larger than the maximum vocab size. "
                             "Received vocabulary size is %d; `max_tokens` is %d."
                             % (start + len(tokens), self.max_tokens))
        self._tokens = np.asarray(tokens, np.int64)
        self._frozen_vocab_size = self.vocabulary_size()

    def adapt(self, data, steps=None):
        if self._has_input_vocabulary:
            raise ValueError("Cannot adapt layer '%s' after setting a static vocabulary via "
                             "`vocabulary` argument or `set_vocabulary()` method." % self.name)
        counts = {}
        for i, batch in enumerate(_batches(data)):
            if steps is not None and i >= steps:
                break
            values, n = np.unique(_as_int_array(batch), return_counts=True)
            for value, count in zip(values.tolist(), n.tolist()):
                counts[value] = counts.get(value, 0) + count
        for special in (self.mask_token, self.oov_token):
            counts.pop(special, None)
        tokens = np.array(list(counts), np.int64)
        order = np.lexsort((tokens, np.array([counts[t] for t in tokens.tolist()],
                                             np.int64)))[::-1]
        if self.max_tokens:
            order = order[:self.max_tokens - self._token_start_index()]
        self._tokens = tokens[order]
        self._frozen_vocab_size = self.vocabulary_size()

    # -- lookup ---------------------------------------------------------------------------
    def _lookup(self, ids):
        order = np.argsort(self._tokens, kind="stable")
        ordered = self._tokens[order]
        pos = np.minimum(np.searchsorted(ordered, ids), max(len(ordered) - 1, 0))
        found = (ordered[pos] == ids) if len(ordered) else np.zeros(ids.shape, bool)
        out = np.where(found, self._token_start_index() + order[pos] if len(ordered) else 0, -1)
        out = out.astype(np.int64)
        missing = ~found
        if self.mask_token is not None:
            mask = ids == self.mask_token
            out[mask] = 0 if self.output_mode == "int" else _INT64_MAX
            missing &= ~mask
        if missing.any():
            if self.num_oov_indices == 0:
                raise errors.InvalidArgumentError(
                    None, None, "When `num_oov_indices=0` all inputs should be in vocabulary, "
                    "found OOV values %s, consider setting `num_oov_indices=1`."
                    % (ids[missing].tolist(),))
            out[missing] = self._oov_start_index() + np.mod(ids[missing], self.num_oov_indices)
        return out

    def _invert(self, ids):
        vocab = np.array(self.get_vocabulary(), np.int64)
        inside = (ids >= 0) & (ids < len(vocab))
        out = np.where(inside, vocab[np.where(inside, ids, 0)], self.oov_token)
        if self.mask_token is not None:
            out = np.where(ids == 0, self.mask_token, out)
        return out.astype(np.int64)

    def call(self, inputs):
        ids = _as_int_array(inputs)
        if self.invert:
            return convert_to_tensor(self._invert(ids))
        if self.output_mode == "int":
            return convert_to_tensor(self._lookup(ids))
        depth = self.max_tokens if self.pad_to_max_tokens else self.vocabulary_size()
        return encode_categorical(self._lookup(ids), self.output_mode, depth, "int64")

    def _convert_input(self, x):  # tokens stay integers (no float autocast)
        return x

    def compute_output_shape(self, input_shape):
        if self.output_mode == "int":
            return input_shape
        depth = self.max_tokens if self.pad_to_max_tokens else self._frozen_vocab_size
        input_shape = tuple(input_shape)
        if self.output_mode == "one_hot" and not (len(input_shape) > 1 and input_shape[-1] == 1):
            return input_shape + (depth,)
        return input_shape[:-1] + (depth,)

    def get_config(self):
        config = super().get_config()
        vocabulary = self.input_vocabulary
        if vocabulary is not None:
            vocabulary = _as_int_array(vocabulary).reshape(-1).tolist()
        elif len(self._tokens):
            # An adapted vocabulary travels in the config: fasttf's files have no assets
            # (Keras keeps it in the .keras archive's assets instead).
            vocabulary = self._tokens.tolist()
        config.update({
            "invert": self.invert, "max_tokens": self.max_tokens,
            "num_oov_indices": self.num_oov_indices, "oov_token": self.oov_token,
            "mask_token": self.mask_token, "output_mode": self.output_mode,
            "sparse": self.sparse, "pad_to_max_tokens": self.pad_to_max_tokens,
            "vocabulary_dtype": self.vocabulary_dtype, "idf_weights": None,
            "vocabulary": vocabulary, "vocabulary_size": self._frozen_vocab_size,
            "oov_method": self.oov_method, "salt": self.salt})
        return config
