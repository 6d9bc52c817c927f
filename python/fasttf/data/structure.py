"""Element structures of tf.data: nesting, conversion of leaves, and element specs.

As in TF's tf.data, tuples (not namedtuples' subclasses alone) and dicts are structure; a Python
list is one tensor component. Inside a pipeline a leaf is a NumPy array (never a NumPy scalar,
whose float64 would turn into float32 on conversion), a fasttf Tensor, or a Dataset (window()).
Leaves become Tensors only where the user sees them: the iterator's output and map's arguments.
"""

import numpy as np

from .. import _C
from ..framework import dtypes, errors
from ..framework import string_tensor
from ..framework.constant_op import convert_to_tensor
from ..framework.string_tensor import StringTensor
from ..framework.tensor import Tensor
from ..framework.tensor_shape import TensorShape
from ..framework.tensor_spec import TensorSpec, most_specific_shape


def is_structure(value):
    return isinstance(value, (tuple, dict))


def flatten(structure):
    """Leaves in order; dicts by sorted key, as tf.nest."""
    if isinstance(structure, dict):
        out = []
        for key in sorted(structure):
            out.extend(flatten(structure[key]))
        return out
    if isinstance(structure, tuple):
        out = []
        for item in structure:
            out.extend(flatten(item))
        return out
    return [structure]


def _build(s, leaves):
    if isinstance(s, dict):
        built = {k: _build(s[k], leaves) for k in sorted(s)}
        return type(s)((k, built[k]) for k in s) if type(s) is not dict else \
            {k: built[k] for k in s}
    if isinstance(s, tuple):
        items = [_build(item, leaves) for item in s]
        return type(s)(*items) if hasattr(s, "_fields") else type(s)(items)
    return next(leaves)


def pack_as(structure, flat):
    """Rebuilds `structure` with leaves taken in order from the sequence `flat`. (A module-level
    recursion: a nested closure calling itself is a reference cycle that would keep every batch
    alive until the cyclic garbage collector runs.)"""
    return _build(structure, iter(flat))


def map_structure(func, structure):
    return pack_as(structure, [func(leaf) for leaf in flatten(structure)])


def same_structure(a, b):
    """True when a and b nest the same way (the leaves themselves are not compared)."""
    if isinstance(a, dict):
        return isinstance(b, dict) and sorted(a) == sorted(b) and all(
            same_structure(a[k], b[k]) for k in a)
    if isinstance(a, tuple):
        return isinstance(b, tuple) and len(a) == len(b) and all(
            same_structure(x, y) for x, y in zip(a, b))
    return not is_structure(b)


def normalize(value):
    """A user's element (tuple/dict/array-like nests) in pipeline form: NumPy leaves."""
    if isinstance(value, list):
        pass  # a list is one tensor, as in tf.data
    elif is_structure(value):
        return map_structure(to_numpy_leaf, value)
    return to_numpy_leaf(value)


def to_numpy_leaf(value, dtype=None):
    """One leaf as a NumPy array, with tf.constant's dtype rules (Python float -> float32)."""
    from .dataset import DatasetV2
    if isinstance(value, DatasetV2):
        return value
    if isinstance(value, np.ndarray) and dtype is None and value.dtype.name in _NUMPY_OK:
        return value
    if isinstance(value, Tensor):
        if dtype is not None and value.dtype != dtype:
            value = _C.cast(value, dtype)
        return value.numpy()
    t = convert_to_tensor(value, dtype)
    return t.numpy()


_NUMPY_OK = {"bool", "uint8", "int8", "int16", "int32", "int64", "float16", "float32",
             "float64"}


def to_tensor_leaf(leaf):
    """A pipeline leaf as what the user sees: a Tensor (a Dataset stays a Dataset)."""
    if isinstance(leaf, np.ndarray):
        if leaf.dtype.kind in "OSU":  # string leaves are object arrays of bytes
            return string_tensor.convert(leaf)
        return _C.convert_to_tensor(leaf, None)
    if isinstance(leaf, Tensor):
        return leaf
    from .dataset import DatasetV2
    if isinstance(leaf, DatasetV2):
        return leaf
    if isinstance(leaf, np.generic):
        return _C.convert_to_tensor(np.asarray(leaf), None)
    return convert_to_tensor(leaf)


def to_user(element):
    """A pipeline element as the iterator yields it."""
    if is_structure(element):
        return map_structure(to_tensor_leaf, element)
    return to_tensor_leaf(element)


def as_numpy(leaf):
    if isinstance(leaf, np.ndarray):
        return leaf
    if isinstance(leaf, Tensor):
        # A string tensor's own object array: numpy() of a scalar is bytes, which np.stack
        # would turn into a fixed-width 'S' array (dropping trailing NULs).
        return leaf._value if leaf.__class__ is StringTensor else leaf.numpy()
    return np.asarray(leaf)


def leaf_shape(leaf):
    if isinstance(leaf, Tensor):
        return leaf._shape_tuple
    return np.shape(leaf)


def leaf_dtype(leaf):
    if isinstance(leaf, Tensor):
        return leaf.dtype
    return dtypes.as_dtype(np.asarray(leaf).dtype)


def function_output(value):
    """What a user function returned, in pipeline form (a list becomes a tuple, as TF)."""
    if isinstance(value, list):
        value = tuple(value)
    if is_structure(value):
        return map_structure(_function_leaf, value)
    return _function_leaf(value)


def _function_leaf(value):
    from .dataset import DatasetV2
    if isinstance(value, (Tensor, DatasetV2)):
        return value
    if isinstance(value, np.ndarray) and value.dtype.name in _NUMPY_OK:
        return value
    if isinstance(value, list) and value and all(isinstance(v, Tensor) for v in value):
        # A list of tensors packs with their dtype (as tf.stack), e.g. int64 stays int64.
        if len({v.dtype for v in value}) == 1:
            return np.stack([v.numpy() for v in value])
    return convert_to_tensor(value)


def call_user_function(func, element):
    """Calls func with a tuple element's components as separate arguments, as tf.data does."""
    from ..framework.function import call_as_traced
    args = to_user(element)
    if type(args) is tuple:
        return call_as_traced(func, *args)
    return call_as_traced(func, args)


# ------------------------------------------------------------------------------------ specs


class DatasetSpec:
    """The spec of a dataset-valued element (window() yields datasets)."""

    def __init__(self, element_spec, dataset_shape=()):
        self._element_spec = element_spec
        self._dataset_shape = TensorShape(dataset_shape)

    @property
    def element_spec(self):
        return self._element_spec

    @property
    def shape(self):
        return self._dataset_shape

    def __eq__(self, other):
        return (isinstance(other, DatasetSpec) and self._element_spec == other._element_spec
                and self._dataset_shape == other._dataset_shape)

    def __hash__(self):
        return hash(repr(self))

    def __repr__(self):
        return "DatasetSpec(%r, %r)" % (self._element_spec, self._dataset_shape)


def spec_of_leaf(leaf):
    from .dataset import DatasetV2
    if isinstance(leaf, DatasetV2):
        return DatasetSpec(leaf.element_spec)
    return TensorSpec(leaf_shape(leaf), leaf_dtype(leaf))


def spec_of(element):
    """The element_spec of one concrete element."""
    return map_structure(spec_of_leaf, element) if is_structure(element) \
        else spec_of_leaf(element)


def merge_specs(a, b):
    """The most specific spec two elements' specs share (differing dimensions become None)."""
    def merge(x, y):
        if isinstance(x, TensorSpec) and isinstance(y, TensorSpec):
            if x.dtype != y.dtype:
                raise TypeError("Incompatible dtypes %s and %s" % (x.dtype.name, y.dtype.name))
            return TensorSpec(most_specific_shape(x.shape, y.shape), x.dtype)
        return x
    if not same_structure(a, b):
        raise TypeError("Incompatible dataset elements:\n  %r\nvs.\n  %r" % (a, b))
    return pack_as(a, [merge(x, y) for x, y in zip(flatten(a), flatten(b))])


def map_specs(func, spec):
    return map_structure(func, spec) if is_structure(spec) else func(spec)


def batched_spec(spec, batch_dim):
    def batch(s):
        if isinstance(s, TensorSpec):
            return TensorSpec(TensorShape([batch_dim]).concatenate(s.shape), s.dtype, s.name)
        return s
    return map_specs(batch, spec)


def unbatched_spec(spec):
    def unbatch(s):
        if isinstance(s, TensorSpec):
            if s.shape.rank == 0:
                raise ValueError("Cannot unbatch an input with scalar components.")
            return TensorSpec(s.shape[1:] if s.shape.rank is not None else None,
                              s.dtype, s.name)
        return s
    return map_specs(unbatch, spec)


def example_elements(spec):
    """Two zero-filled elements matching spec, unknown dimensions as 1 and as 2, or None when
    a rank is unknown. Running a function on both tells which output dimensions vary: the
    eager stand-in for the tracing TF does to find a map function's output spec."""
    leaves = flatten(spec)
    if any(not isinstance(s, TensorSpec) or s.shape.rank is None for s in leaves):
        return None
    out = []
    # Zeros then ones, so that output shapes depending on values also show up as varying.
    for unknown, fill in ((1, 0), (2, 1)):
        flat = [np.full([unknown if d is None else d for d in s.shape],
                        (b"", b"x")[fill] if s.dtype == dtypes.string else fill,
                        dtype=s.dtype.as_numpy_dtype) for s in leaves]
        out.append(pack_as(spec, flat) if is_structure(spec) else flat[0])
    return out


def check_element_against(element, spec, what):
    """Raises InvalidArgumentError when a produced element does not fit spec (from_generator)."""
    if not same_structure(spec, element):
        raise errors.InvalidArgumentError(
            "TypeError: `%s` yielded an element that did not match the expected structure. "
            "The expected structure was %r, but the yielded element was %r." % (what, spec,
                                                                                  element))
