"""tf.keras.layers.experimental.preprocessing (Keras 2): the preprocessing layers under their
old names; each is the same class as in tf.keras.layers."""

from ..image_preprocessing import (CenterCrop, RandomContrast, RandomCrop, RandomFlip,
                                   RandomRotation, RandomTranslation, RandomZoom, Resizing)
from ..lookup import IntegerLookup
from ..preprocessing import Rescaling
from ..preprocessing_stats import CategoryEncoding, Discretization, Normalization

__all__ = ["CategoryEncoding", "CenterCrop", "Discretization", "IntegerLookup", "Normalization",
           "RandomContrast", "RandomCrop", "RandomFlip", "RandomRotation", "RandomTranslation",
           "RandomZoom", "Rescaling", "Resizing"]
