"""tf.keras.preprocessing: the Keras-2-era home of pad_sequences (still exported by TF 2.21)."""

from . import sequence

__all__ = ["sequence"]
