"""The session-wide registry of custom classes that load_model/from_config may name:
get_custom_objects(), custom_object_scope and register_keras_serializable."""

import contextlib

_GLOBAL_CUSTOM_OBJECTS = {}


def get_custom_objects():
    """The global dict itself, so `get_custom_objects()['MyLayer'] = MyLayer` registers."""
    return _GLOBAL_CUSTOM_OBJECTS


@contextlib.contextmanager
def custom_object_scope(*dicts):
    """Objects in `dicts` are known to deserialization inside the `with` block."""
    saved = dict(_GLOBAL_CUSTOM_OBJECTS)
    for d in dicts:
        _GLOBAL_CUSTOM_OBJECTS.update(d or {})
    try:
        yield _GLOBAL_CUSTOM_OBJECTS
    finally:
        _GLOBAL_CUSTOM_OBJECTS.clear()
        _GLOBAL_CUSTOM_OBJECTS.update(saved)


CustomObjectScope = custom_object_scope


def register_keras_serializable(package="Custom", name=None):
    """Decorator registering a class/function as 'package>name' (and by its bare name)."""
    def decorator(obj):
        short = name or obj.__name__
        _GLOBAL_CUSTOM_OBJECTS[f"{package}>{short}"] = obj
        _GLOBAL_CUSTOM_OBJECTS.setdefault(short, obj)
        return obj
    return decorator


def merged_with(custom_objects):
    """The global registry overlaid with a call's own `custom_objects` (which win)."""
    merged = dict(_GLOBAL_CUSTOM_OBJECTS)
    merged.update(custom_objects or {})
    return merged
