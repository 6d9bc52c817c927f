"""keras.saving: model.save / load_model (`.keras`, legacy `.h5`), save_weights /
load_weights (`.weights.h5`, `.h5`, TF-style checkpoints), all written atomically."""

from .errors import SavingError
from .save import load_model, save_model
from .weights import load_weights, save_weights

__all__ = ["load_model", "save_model", "save_weights", "load_weights", "SavingError"]
