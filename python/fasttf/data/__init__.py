"""tf.data: input pipelines (Dataset, its transformations, and iterators)."""

from . import experimental
from .dataset import AUTOTUNE, INFINITE as INFINITE_CARDINALITY, UNKNOWN as UNKNOWN_CARDINALITY
from .dataset import Dataset, DatasetV2, NumpyIterator, OwnedIterator as Iterator
from .options import Options, ThreadingOptions
from .structure import DatasetSpec
from .text_line import TextLineDataset

DatasetSpec = DatasetSpec

__all__ = ["AUTOTUNE", "INFINITE_CARDINALITY", "UNKNOWN_CARDINALITY", "Dataset", "DatasetSpec",
           "DatasetV2", "Iterator", "NumpyIterator", "Options", "TextLineDataset", "ThreadingOptions",
           "experimental"]
