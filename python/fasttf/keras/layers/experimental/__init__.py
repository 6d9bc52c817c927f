"""tf.keras.layers.experimental: where Keras 2 (TF <= 2.15) kept EinsumDense and the
preprocessing layers. TF 2.21's Keras 3 dropped the namespace; code of that era still uses
it, so the same classes are reachable here."""

from ..einsum_dense import EinsumDense
from . import preprocessing

__all__ = ["EinsumDense", "preprocessing"]
