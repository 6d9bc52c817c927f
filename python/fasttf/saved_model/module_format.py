"""tf.saved_model.save / load of a tf.Module (Keras models have their own path, __init__.py).

fasttf has no graphs to serialize, so the export stores the module's object tree (attribute
names, nested modules, lists, dicts and variables; other Python values are dropped, as TF drops
them) in saved_model.json, the variables in variables/variables.*, and the module classes by
import path. load() rebuilds the tree on instances of those classes made without __init__, so
their tf.function methods run on the restored variables. A class that cannot be imported at
load time (defined in a function, or in another program's __main__) is replaced by a plain
restored object that holds the variables and submodules; its functions are then not
available. Classes exported earlier in the same process are always found.
"""

import importlib
import os

import numpy as np

from ..framework.control_flow import name_scope
from ..framework.module import Module
from ..framework.variables import Variable
from ..keras.saving import checkpoint_format

# Classes exported in this process, by import path: a class defined inside a function cannot be
# imported again, but the program that exported it can still load it.
_EXPORTED_CLASSES = {}
_SKIPPED_ATTRIBUTES = {"_name", "_scope"}


def describe(module):
    """(tree, arrays): the JSON description of module's object tree and its variables' values
    keyed by object path."""
    arrays, seen = {}, {}

    def visit(value, path):
        if id(value) in seen:  # shared objects are stored once, referenced after
            return {"ref": seen[id(value)]}
        if isinstance(value, Variable):
            seen[id(value)] = path
            arrays[path] = value.numpy()
            return {"variable": path, "name": value.name[:-2] if value.name.endswith(":0")
                    else value.name, "trainable": value.trainable}
        if isinstance(value, Module):
            seen[id(value)] = path
            cls = type(value)
            class_path = "%s:%s" % (cls.__module__, cls.__qualname__)
            _EXPORTED_CLASSES[class_path] = cls
            attrs = {}
            for key in sorted(vars(value)):
                if key in _SKIPPED_ATTRIBUTES:
                    continue
                child = visit(getattr(value, key), "%s/%s" % (path, key))
                if child is not None:
                    attrs[key] = child
            return {"module": class_path, "path": path, "name": value.name, "attributes": attrs}
        if isinstance(value, (list, tuple)):
            items = [visit(v, "%s/%d" % (path, i)) for i, v in enumerate(value)]
            return {"list" if isinstance(value, list) else "tuple": items}
        if isinstance(value, dict) and all(isinstance(k, str) for k in value):
            return {"dict": {k: visit(v, "%s/%s" % (path, k)) for k, v in value.items()}}
        return None  # not trackable: not part of a SavedModel

    return visit(module, "root"), arrays


def write(module, export_dir):
    tree, arrays = describe(module)
    checkpoint_format.write(os.path.join(export_dir, "variables", "variables"), arrays)
    return tree


def restore(tree, export_dir):
    arrays = checkpoint_format.read(os.path.join(export_dir, "variables", "variables"))
    built = {}

    def build(node):
        if node is None:
            return None
        if "ref" in node:
            return built[node["ref"]]
        if "variable" in node:
            variable = Variable(np.asarray(arrays[node["variable"]]),
                                trainable=node["trainable"], name=node["name"])
            built[node["variable"]] = variable
            return variable
        if "module" in node:
            return build_module(node)
        if "list" in node:
            return [build(item) for item in node["list"]]
        if "tuple" in node:
            return tuple(build(item) for item in node["tuple"])
        return {k: build(v) for k, v in node["dict"].items()}

    def build_module(node):
        obj = _new_instance(node["module"])
        obj._name = node["name"]
        with name_scope(node["name"]) as scope:
            obj._scope = name_scope(scope)
        built[node["path"]] = obj
        for key, child in node["attributes"].items():
            object.__setattr__(obj, key, build(child))
        return obj

    return build(tree)


class _RestoredModule(Module):
    """Stands in for a module class that cannot be imported: variables and submodules only."""


def _new_instance(class_path):
    cls = _EXPORTED_CLASSES.get(class_path)
    if cls is None:
        module_name, _, qualname = class_path.partition(":")
        try:
            cls = importlib.import_module(module_name)
            for part in qualname.split("."):
                cls = getattr(cls, part)
        except (ImportError, AttributeError):
            cls = _RestoredModule
    if not (isinstance(cls, type) and issubclass(cls, Module)):
        cls = _RestoredModule
    return cls.__new__(cls)
