"""Minimal tf.nest: flatten and rebuild nested lists, tuples, namedtuples and dicts."""


def _is_namedtuple(x):
    return isinstance(x, tuple) and hasattr(x, "_fields")


def is_nested(structure):
    return isinstance(structure, (list, tuple, dict))


def flatten(structure, expand_composites=False):
    """The leaves of `structure` in order (dicts by sorted key, as tf.nest)."""
    if isinstance(structure, dict):
        out = []
        for key in sorted(structure):
            out.extend(flatten(structure[key]))
        return out
    if isinstance(structure, (list, tuple)):
        out = []
        for item in structure:
            out.extend(flatten(item))
        return out
    return [structure]


def _build(s, leaves):
    if isinstance(s, dict):
        built = {k: _build(s[k], leaves) for k in sorted(s)}
        return type(s)((k, built[k]) for k in s)
    if _is_namedtuple(s):
        return type(s)(*[_build(item, leaves) for item in s])
    if isinstance(s, (list, tuple)):
        return type(s)(_build(item, leaves) for item in s)
    leaf = next(leaves, _MISSING)
    if leaf is _MISSING:
        raise ValueError("The structure has more leaves than flat_sequence")
    return leaf


_MISSING = object()


def pack_sequence_as(structure, flat_sequence, expand_composites=False):
    """Rebuilds `structure` with the leaves taken from flat_sequence in order.

    A module-level recursion, not a nested closure: a closure that calls itself is a reference
    cycle, which would keep every leaf (gradients, batches) alive until the cyclic garbage
    collector runs, so their memory could not be reused by the next step."""
    flat = list(flat_sequence)
    leaves = iter(flat)
    result = _build(structure, leaves)
    unused = sum(1 for _ in leaves)
    if unused:
        raise ValueError("Structure had %d leaves but flat_sequence had %d"
                         % (len(flat) - unused, len(flat)))
    return result


def map_structure(func, *structures, **kwargs):
    flats = [flatten(s) for s in structures]
    if any(len(f) != len(flats[0]) for f in flats):
        raise ValueError("The structures passed to map_structure do not match")
    return pack_sequence_as(structures[0], [func(*args) for args in zip(*flats)])


def assert_same_structure(a, b, check_types=True, expand_composites=False):
    if len(flatten(a)) != len(flatten(b)):
        raise ValueError("The two structures don't have the same nested structure: %r and %r"
                         % (a, b))
