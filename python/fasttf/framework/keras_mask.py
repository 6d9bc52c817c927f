"""The Keras mask a tensor carries (`tensor._keras_mask`), as TF's eager tensors carry it.

A layer that computes a mask (Embedding(mask_zero=True), Masking, an RNN returning sequences)
attaches it to its output, and the next layer finds it there. fasttf's tensors have no
instance dictionary (one per tensor would cost every op), so masks live in a side table keyed
by the tensor's id, each entry dropped when its tensor dies."""

import weakref

_MASKS = {}  # id(tensor) -> (weak reference to the tensor, mask)


def any_attached():
    """Whether any live tensor carries a mask (layers skip looking when none does)."""
    return bool(_MASKS)


def get_keras_mask(x):
    """The mask attached to x, or None."""
    entry = _MASKS.get(id(x))
    if entry is None or entry[0]() is not x:
        return None
    return entry[1]


def set_keras_mask(x, mask):
    """Attaches mask to x (None detaches it)."""
    key = id(x)
    if mask is None:
        _MASKS.pop(key, None)
        return

    def drop(ref, key=key):
        entry = _MASKS.get(key)
        if entry is not None and entry[0] is ref:
            del _MASKS[key]

    _MASKS[key] = (weakref.ref(x, drop), mask)


def _get(tensor):
    mask = get_keras_mask(tensor)
    if mask is None:  # as TF: the attribute exists only while a mask is attached
        raise AttributeError("'%s' object has no attribute '_keras_mask'"
                             % type(tensor).__name__)
    return mask


def install(tensor_class):
    tensor_class._keras_mask = property(_get, set_keras_mask,
                                        lambda tensor: set_keras_mask(tensor, None))
