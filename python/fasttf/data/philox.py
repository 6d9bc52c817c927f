"""TF's Philox-4x32-10 word stream (random::PhiloxRandom behind a SingleSampleAdapter), in
NumPy: tf.data draws shuffle positions and per-epoch seeds from it, so a seeded shuffle gives
TensorFlow's exact order. Block k is the 128-bit counter (k, seed2) encrypted with key seed."""

import numpy as np

_MASK32 = np.uint64(0xFFFFFFFF)
_MULTIPLIERS = (np.uint64(0xD2511F53), np.uint64(0xCD9E8D57))
_KEY_STEPS = (np.uint64(0x9E3779B9), np.uint64(0xBB67AE85))


def philox_words(seed, seed2, first_block, num_blocks):
    """The uint32 words of blocks first_block .. first_block + num_blocks - 1, in order."""
    seed &= 0xFFFFFFFFFFFFFFFF
    seed2 &= 0xFFFFFFFFFFFFFFFF
    key0, key1 = np.uint64(seed & 0xFFFFFFFF), np.uint64(seed >> 32)
    blocks = np.arange(first_block, first_block + num_blocks, dtype=np.uint64)
    c0, c1 = blocks & _MASK32, blocks >> np.uint64(32)
    c2 = np.full(num_blocks, seed2 & 0xFFFFFFFF, np.uint64)
    c3 = np.full(num_blocks, seed2 >> 32, np.uint64)
    for _ in range(10):
        p0, p1 = _MULTIPLIERS[0] * c0, _MULTIPLIERS[1] * c2
        c0, c1, c2, c3 = ((p1 >> np.uint64(32)) ^ c1 ^ key0, p1 & _MASK32,
                          (p0 >> np.uint64(32)) ^ c3 ^ key1, p0 & _MASK32)
        key0, key1 = (key0 + _KEY_STEPS[0]) & _MASK32, (key1 + _KEY_STEPS[1]) & _MASK32
    return np.stack([c0, c1, c2, c3], axis=1).reshape(-1)


class PhiloxStream:
    """next() gives the stream's uint32 words one by one (as Python ints, for speed)."""

    _BLOCKS = 1024

    def __init__(self, seed, seed2):
        self._seed, self._seed2 = seed, seed2
        self._block = 0
        self._words = []
        self._pos = 0

    def __next__(self):
        if self._pos == len(self._words):
            self._words = philox_words(self._seed, self._seed2, self._block,
                                       self._BLOCKS).tolist()
            self._block += self._BLOCKS
            self._pos = 0
        word = self._words[self._pos]
        self._pos += 1
        return word


def epoch_seeds(seed, seed2, epoch):
    """The iterator seeds TF's reshuffling seed generator gives the epoch-th iterator: the
    (2 * epoch)-th and next words of Philox(seed, seed2)."""
    words = philox_words(seed, seed2, epoch // 2, 1)
    offset = 2 * (epoch % 2)
    return int(words[offset]), int(words[offset + 1])
