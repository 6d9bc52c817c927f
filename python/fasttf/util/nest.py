"""tf.nest: flatten and rebuild nested lists, tuples, namedtuples, dicts (and other mappings,
dict views), with TF's structure checks."""

import collections.abc


def _is_namedtuple(x):
    return isinstance(x, tuple) and hasattr(x, "_fields")


def is_nested(structure):
    return isinstance(structure, (list, tuple, dict, collections.abc.Mapping,
                                  collections.abc.MappingView))


def _children(structure):
    """The direct substructures of a nested value, in tf.nest order (mappings by key)."""
    if isinstance(structure, (dict, collections.abc.Mapping)):
        return [structure[key] for key in sorted(structure)]
    return list(structure)


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
    if is_nested(structure):
        out = []
        for item in _children(structure):
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
    if isinstance(s, collections.abc.Mapping):  # other mappings come back as dicts
        built = {k: _build(s[k], leaves) for k in sorted(s)}
        return {k: built[k] for k in s}
    if isinstance(s, collections.abc.MappingView):
        return [_build(item, leaves) for item in s]
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


def map_structure(func, *structures, check_types=True, expand_composites=False):
    """func applied to the leaves of the structures, which must nest the same way."""
    if not structures:
        raise ValueError("Must provide at least one structure")
    for other in structures[1:]:
        assert_same_structure(structures[0], other, check_types=check_types)
    flats = [flatten(s) for s in structures]
    return pack_sequence_as(structures[0], [func(*args) for args in zip(*flats)])


def assert_same_structure(nest1, nest2, check_types=True, expand_composites=False):
    """ValueError when the two nest differently, TypeError when check_types and a sequence
    type differs (list vs tuple), as tf.nest."""
    _check_same(nest1, nest2, check_types, nest1, nest2)


def _check_same(a, b, check_types, whole_a, whole_b):
    a_nested, b_nested = is_nested(a), is_nested(b)
    if a_nested != b_nested or (a_nested and len(a) != len(b)):
        raise ValueError("The two structures don't have the same nested structure.\n\nFirst "
                         "structure: %r\n\nSecond structure: %r" % (whole_a, whole_b))
    if not a_nested:
        return
    if check_types and not _same_sequence_type(a, b):
        raise TypeError("The two structures don't have the same sequence type. Input "
                        "structure has type %r, while shallow structure has type %r."
                        % (type(a), type(b)))
    if isinstance(a, collections.abc.Mapping) and isinstance(b, collections.abc.Mapping):
        if set(a) != set(b):
            raise ValueError("The two dictionaries don't have the same set of keys. First "
                             "structure has keys %s, while second structure has keys %s."
                             % (sorted(a, key=repr), sorted(b, key=repr)))
    for x, y in zip(_children(a), _children(b)):
        _check_same(x, y, check_types, whole_a, whole_b)


def _same_sequence_type(a, b):
    if isinstance(a, collections.abc.Mapping) and isinstance(b, collections.abc.Mapping):
        return True  # TF lets a dict match an OrderedDict or another mapping
    if _is_namedtuple(a) and _is_namedtuple(b):
        return type(a).__name__ == type(b).__name__ and a._fields == b._fields
    return type(a) is type(b)
