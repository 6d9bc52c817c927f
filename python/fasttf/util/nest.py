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


def pack_sequence_as(structure, flat_sequence, expand_composites=False):
    """Rebuilds `structure` with the leaves taken from flat_sequence in order."""
    flat = list(flat_sequence)
    pos = [0]

    def build(s):
        if isinstance(s, dict):
            built = {k: build(s[k]) for k in sorted(s)}
            return type(s)((k, built[k]) for k in s)
        if _is_namedtuple(s):
            return type(s)(*[build(item) for item in s])
        if isinstance(s, (list, tuple)):
            return type(s)(build(item) for item in s)
        value = flat[pos[0]]
        pos[0] += 1
        return value

    result = build(structure)
    if pos[0] != len(flat):
        raise ValueError("Structure had %d leaves but flat_sequence had %d" % (pos[0], len(flat)))
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
