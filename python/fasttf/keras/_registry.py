"""Name <-> object resolution shared by keras.losses and keras.metrics (serialize/deserialize)."""


def serialize(obj, base_class, functions, module, kind):
    """A Keras config dict for an instance of base_class, or the name of a known function."""
    if isinstance(obj, base_class):
        return {"module": module, "class_name": obj.__class__.__name__,
                "config": obj.get_config(), "registered_name": None}
    if callable(obj) and getattr(obj, "__name__", None) in functions:
        return obj.__name__
    raise ValueError(f"Cannot serialize {kind} {obj!r}")


def deserialize(config, known, custom_objects, kind):
    """The object named by `config` (a name or a config dict) among `known` and
    `custom_objects`; classes named in a dict are built with from_config."""
    objects = dict(known)
    objects.update(custom_objects or {})
    if isinstance(config, dict):
        cls = objects.get(config.get("class_name"))
        if cls is None:
            raise ValueError(f"Could not interpret {kind} identifier: {config}")
        return cls.from_config(config.get("config", {})) if isinstance(cls, type) else cls
    if config not in objects:
        raise ValueError(f"Could not interpret {kind} identifier: {config!r} (unknown {kind})")
    return objects[config]
