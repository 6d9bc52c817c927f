"""tf.data: input pipelines (Dataset, its transformations, and iterators)."""

from . import experimental
from .dataset import AUTOTUNE, INFINITE as INFINITE_CARDINALITY, UNKNOWN as UNKNOWN_CARDINALITY
from .dataset import Dataset, DatasetV2, OwnedIterator as Iterator
from .options import Options, ThreadingOptions
from .structure import DatasetSpec

DatasetSpec = DatasetSpec

__all__ = ["AUTOTUNE", "INFINITE_CARDINALITY", "UNKNOWN_CARDINALITY", "Dataset", "DatasetSpec",
           "DatasetV2", "Iterator", "Options", "ThreadingOptions", "experimental"]
