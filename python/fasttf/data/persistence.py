"""Dataset.save / Dataset.load / Dataset.snapshot in a directory format of fasttf's own:

    path/fasttf_dataset.json   the element_spec and the element count
    path/elements.npy          every element's leaves, one .npy record after another

Records are read back with allow_pickle=False, so a saved dataset never runs code on load.
TF's snapshot format is not written.
"""

import json
import os

import numpy as np

from ..framework import dtypes
from ..framework.tensor_spec import TensorSpec
from . import structure
from .dataset import UNKNOWN, DatasetV2

_SPEC_FILE = "fasttf_dataset.json"
_DATA_FILE = "elements.npy"


def save(dataset, path):
    path = os.fspath(path)
    os.makedirs(path, exist_ok=True)
    spec = _encode_spec(dataset.element_spec)
    count = 0
    with open(os.path.join(path, _DATA_FILE), "wb") as f:
        for element in dataset._iterate():
            for leaf in structure.flatten(element):
                np.lib.format.write_array(f, np.asarray(structure.as_numpy(leaf)),
                                          allow_pickle=False)
            count += 1
    with open(os.path.join(path, _SPEC_FILE), "w") as f:  # last: marks a complete save
        json.dump({"element_spec": spec, "cardinality": count}, f)


def _encode_spec(spec):
    if isinstance(spec, TensorSpec):
        dims = None if spec.shape.rank is None else list(spec.shape.as_list())
        return {"shape": dims, "dtype": spec.dtype.name}
    if isinstance(spec, tuple):
        return {"tuple": [_encode_spec(s) for s in spec]}
    if isinstance(spec, dict):
        return {"dict": {str(k): _encode_spec(v) for k, v in spec.items()}}
    raise TypeError("Dataset.save supports elements of tensors, tuples and dicts; got %r"
                    % (spec,))


def _decode_spec(node):
    if "tuple" in node:
        return tuple(_decode_spec(n) for n in node["tuple"])
    if "dict" in node:
        return {k: _decode_spec(v) for k, v in node["dict"].items()}
    return TensorSpec(node["shape"], dtypes.as_dtype(node["dtype"]))


class LoadDataset(DatasetV2):
    _tf_name = "_LoadDataset"

    def __init__(self, path, element_spec=None):
        self._path = os.fspath(path)
        try:
            with open(os.path.join(self._path, _SPEC_FILE)) as f:
                meta = json.load(f)
        except FileNotFoundError:
            from ..framework.errors import NotFoundError
            raise NotFoundError("Could not find a dataset saved with Dataset.save in %r"
                                % (self._path,)) from None
        self._element_spec_cache = (element_spec if element_spec is not None
                                    else _decode_spec(meta["element_spec"]))
        self._count = int(meta.get("cardinality", UNKNOWN))

    def _iterate(self):
        spec = self._element_spec_cache
        num_leaves = len(structure.flatten(spec))
        with open(os.path.join(self._path, _DATA_FILE), "rb") as f:
            for _ in range(self._count):
                leaves = [np.lib.format.read_array(f, allow_pickle=False)
                          for _ in range(num_leaves)]
                yield structure.pack_as(spec, leaves) if structure.is_structure(spec) \
                    else leaves[0]

    def _compute_element_spec(self):
        return self._element_spec_cache

    def _cardinality(self):
        return self._count
