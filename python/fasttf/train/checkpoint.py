"""tf.train.Checkpoint and CheckpointManager on fasttf's checkpoint files.

A Checkpoint tracks keyword objects (models, layers, optimizers, variables, tf.Modules, other
Checkpoints). Each variable is stored under its object path: `model/layers/dense/vars/0`,
`optimizer/vars/3`, `step`, and for a tf.Module its attribute path as in TF (`m/sub/w`,
`m/lst/0`). Restoring checks every saved value against its variable before assigning any. An
optimizer whose slots do not exist yet is built on the model's variables. As in TF, variables
the checkpoint has no value for are left alone; the returned status's assert_consumed() and
assert_existing_objects_matched() raise AssertionError about them.
"""

import os
import re

import numpy as np

from ..framework import errors
from ..framework.module import Module
from ..framework.variables import Variable
from ..keras.saving import checkpoint_format, h5_format, object_paths
from ..keras.saving.errors import SavingError

# TF's checkpoint keys end in this; fasttf's files store the object path alone.
_TF_KEY_SUFFIX = "/.ATTRIBUTES/VARIABLE_VALUE"


class CheckpointLoadStatus:
    """What restore() returns: which tracked variables had no value in the checkpoint and
    which checkpoint values matched no tracked variable."""

    def __init__(self, unmatched_objects=(), unused_keys=()):
        self._unmatched = list(unmatched_objects)
        self._unused = sorted(unused_keys)

    def assert_consumed(self):
        self.assert_existing_objects_matched()
        if self._unused:
            raise AssertionError("Unresolved object in checkpoint: %s"
                                 % ", ".join(k + _TF_KEY_SUFFIX for k in self._unused))
        return self

    def assert_existing_objects_matched(self):
        if self._unmatched:
            raise AssertionError("Found %d Python objects that were not bound to checkpointed "
                                 "values, likely due to changes in the Python program: %s"
                                 % (len(self._unmatched), self._unmatched))
        return self

    def expect_partial(self):
        return self

    def assert_nontrivial_match(self):
        return self

    def run_restore_ops(self, session=None):
        return None

    def initialize_or_restore(self, session=None):
        return None


class InitializationOnlyStatus(CheckpointLoadStatus):
    """restore(None): nothing was restored."""

    def assert_consumed(self):
        raise AssertionError("No checkpoint specified (save_path=None); nothing is being "
                             "restored.")

    def assert_existing_objects_matched(self):
        raise AssertionError("No checkpoint specified (save_path=None); nothing is being "
                             "restored.")


class Checkpoint:
    def __init__(self, root=None, **kwargs):
        self._objects = dict(kwargs)
        if root is not None:
            self._objects["root"] = root
        for name, obj in self._objects.items():
            if name.startswith("_"):
                raise ValueError("Checkpoint attribute names may not start with '_': %r" % name)
            _check_trackable(name, obj)
        self._save_counter = None

    def __getattr__(self, name):
        objects = self.__dict__.get("_objects", {})
        if name in objects:
            return objects[name]
        raise AttributeError(name)

    def __setattr__(self, name, value):
        if name.startswith("_"):
            object.__setattr__(self, name, value)
        else:
            _check_trackable(name, value)
            self._objects[name] = value

    @property
    def save_counter(self):
        if self._save_counter is None:
            self._save_counter = Variable(np.int64(0), trainable=False, name="save_counter")
        return self._save_counter

    # -- the variables, by path ------------------------------------------------------------
    def _arrays(self):
        out = {}
        for name, obj in self._objects.items():
            out.update(_object_arrays(obj, name))
        if self._save_counter is not None:
            out["save_counter"] = self._save_counter.numpy()
        return out

    def _plan(self, arrays, filename, unmatched):
        plan = []
        for name, obj in self._objects.items():
            plan += _object_plan(obj, name, arrays, filename, self._objects, unmatched)
        if "save_counter" in arrays:
            plan.append((self.save_counter, arrays["save_counter"]))
        return plan

    # -- API -------------------------------------------------------------------------------
    def write(self, file_prefix, options=None):
        return checkpoint_format.write(os.fspath(file_prefix), self._arrays())

    def save(self, file_prefix, options=None):
        counter = self.save_counter
        counter.assign_add(np.int64(1))
        prefix = "%s-%d" % (os.fspath(file_prefix), int(counter.numpy()))
        return self.write(prefix)

    def read(self, save_path, options=None):
        return self.restore(save_path)

    def restore(self, save_path, options=None):
        if save_path is None:  # as TF: nothing to restore, a no-op status
            return InitializationOnlyStatus()
        prefix = checkpoint_format.normalize_prefix(os.fspath(save_path))
        if os.path.isdir(prefix):
            latest = checkpoint_format.latest_checkpoint(prefix)
            if latest is None:
                raise errors.NotFoundError("No checkpoint found in directory %r" % (prefix,))
            prefix = latest
        arrays = _read_arrays(prefix)
        unmatched = []
        plan = self._plan(arrays, prefix, unmatched)
        h5_format.apply_plan(plan)
        used = {id(a) for _, a in plan}
        return CheckpointLoadStatus(unmatched, [k for k, a in arrays.items() if id(a) not in used])


def _read_arrays(prefix):
    if not os.path.exists(prefix + ".index"):
        raise errors.NotFoundError("Error when restoring from checkpoint or SavedModel at %s: "
                                   "Failed to find any matching files for %s" % (prefix, prefix))
    return checkpoint_format.read(prefix)


def _check_trackable(name, obj):
    if not (isinstance(obj, (Variable, Checkpoint, Module)) or _is_model_like(obj)):
        raise ValueError("`Checkpoint` was expecting %s to be a trackable object (an object "
                         "derived from `Trackable`), got %r." % (name, obj))


def _is_model_like(obj):
    from ..keras.layers.base_layer import Layer
    from ..keras.optimizers.optimizer import Optimizer
    return isinstance(obj, (Layer, Optimizer))


def _object_arrays(obj, name):
    if isinstance(obj, Variable):
        return {name: obj.numpy()}
    if isinstance(obj, Checkpoint):
        return {"%s/%s" % (name, k): v for k, v in obj._arrays().items()}
    if isinstance(obj, Module):
        return {path: v.numpy() for path, v in _module_variables(obj, name)}
    if _is_model_like(obj):
        out = {}
        for path, child in object_paths.walk(obj):
            for i, variable in enumerate(object_paths.own_variables(child)):
                out["%s/%s/%d" % (name, object_paths.vars_path(path), i)] = variable.numpy()
        return out
    raise TypeError("Checkpoint can track models, layers, optimizers, variables and "
                    "checkpoints; got %r for %r" % (type(obj).__name__, name))


def _object_plan(obj, name, arrays, filename, siblings, unmatched):
    if isinstance(obj, Variable):
        return _variable_plan(obj, name, arrays, filename, unmatched)
    if isinstance(obj, Checkpoint):
        prefix = name + "/"
        sub = {k[len(prefix):]: v for k, v in arrays.items() if k.startswith(prefix)}
        return obj._plan(sub, filename, unmatched)
    if isinstance(obj, Module):
        plan = []
        for path, variable in _module_variables(obj, name):
            plan += _variable_plan(variable, path, arrays, filename, unmatched)
        return plan
    from ..keras.optimizers.optimizer import Optimizer
    if isinstance(obj, Optimizer) and not obj.built:
        saved = [k for k in arrays if k.startswith(name + "/")]
        if len(saved) > len(obj.variables):
            models = [m for m in siblings.values() if _is_model_like(m) and
                      not isinstance(m, Optimizer) and getattr(m, "built", False)]
            if models:
                obj.build([v for m in models for v in m.trainable_variables])
    plan = []
    for path, child in object_paths.walk(obj):
        variables = object_paths.own_variables(child)
        base = "%s/%s" % (name, object_paths.vars_path(path))
        if object_paths._is_optimizer(child) and child is not obj:
            if not any(k.startswith(base + "/") for k in arrays):
                continue
        for i, variable in enumerate(variables):
            key = "%s/%d" % (base, i)
            if key not in arrays:
                raise SavingError("%r has no value for %s (key %r): the checkpoint was saved "
                                  "from a different object structure"
                                  % (filename, variable.name, key))
            h5_format._check(filename, "%s (key %r)" % (variable.name, key), variable,
                             arrays[key])
            plan.append((variable, arrays[key]))
    return plan


def _variable_plan(variable, key, arrays, filename, unmatched):
    if key not in arrays:
        unmatched.append(variable)  # as TF: left alone, reported by the status
        return []
    if tuple(arrays[key].shape) != tuple(variable._shape_tuple):
        raise ValueError("%s: Received incompatible tensor with shape %s when attempting to "
                         "restore variable with shape %s and name %s." % (
                             filename, tuple(arrays[key].shape), tuple(variable._shape_tuple),
                             variable.name))
    h5_format._check(filename, repr(key), variable, arrays[key])
    return [(variable, arrays[key])]


def _module_variables(module, name):
    """(path, variable) for each variable a tf.Module holds, by TF's attribute paths."""
    out, seen = [], set()

    def visit(value, path):
        if id(value) in seen:
            return
        if isinstance(value, Variable):
            seen.add(id(value))
            out.append((path, value))
        elif isinstance(value, Module):
            seen.add(id(value))
            for key in sorted(vars(value)):
                if key not in _MODULE_INTERNALS:
                    visit(getattr(value, key), "%s/%s" % (path, key))
        elif isinstance(value, (list, tuple)):
            for i, item in enumerate(value):
                visit(item, "%s/%d" % (path, i))
        elif isinstance(value, dict):
            for key in sorted(value, key=str):
                visit(value[key], "%s/%s" % (path, key))

    visit(module, name)
    return out


_MODULE_INTERNALS = {"_name", "_scope"}


def list_variables(ckpt_dir_or_file):
    """[(name, shape)] of a checkpoint's values, named as TF names them."""
    arrays = _read_arrays(_resolve(ckpt_dir_or_file))
    names = [("_CHECKPOINTABLE_OBJECT_GRAPH", [])]
    names += [(k + _TF_KEY_SUFFIX, list(a.shape)) for k, a in arrays.items()]
    return sorted(names)


def load_variable(ckpt_dir_or_file, name):
    """The NumPy value stored under `name` (TF's key, or fasttf's object path)."""
    arrays = _read_arrays(_resolve(ckpt_dir_or_file))
    key = name[:-len(_TF_KEY_SUFFIX)] if name.endswith(_TF_KEY_SUFFIX) else name
    if key not in arrays:
        raise errors.NotFoundError("Key %s not found in checkpoint" % name)
    value = arrays[key]
    return value[()] if value.ndim == 0 else value


def _resolve(ckpt_dir_or_file):
    path = checkpoint_format.normalize_prefix(os.fspath(ckpt_dir_or_file))
    if os.path.isdir(path):
        latest = checkpoint_format.latest_checkpoint(path)
        if latest is None:
            raise ValueError("Couldn't find 'checkpoint' file or checkpoints in given directory "
                             "%s" % (path,))
        return latest
    return path


def latest_checkpoint(checkpoint_dir, latest_filename=None):
    return checkpoint_format.latest_checkpoint(os.fspath(checkpoint_dir))


class CheckpointManager:
    """Numbered saves `directory/ckpt-N`, keeping the newest `max_to_keep`."""

    def __init__(self, checkpoint, directory, max_to_keep, keep_checkpoint_every_n_hours=None,
                 checkpoint_name="ckpt", step_counter=None, checkpoint_interval=None,
                 init_fn=None):
        self._checkpoint = checkpoint
        self._directory = os.fspath(directory)
        self._max_to_keep = max_to_keep
        self._name = checkpoint_name
        os.makedirs(self._directory, exist_ok=True)
        self._checkpoints = self._existing()

    def _existing(self):
        pattern = re.compile(re.escape(self._name) + r"-(\d+)\.index$")
        found = []
        for entry in os.listdir(self._directory):
            match = pattern.match(entry)
            if match:
                found.append((int(match.group(1)), os.path.join(self._directory,
                                                                entry[:-len(".index")])))
        return [p for _, p in sorted(found)]

    @property
    def directory(self):
        return self._directory

    @property
    def checkpoints(self):
        return list(self._checkpoints)

    @property
    def latest_checkpoint(self):
        return self._checkpoints[-1] if self._checkpoints else None

    def save(self, checkpoint_number=None, check_interval=True, options=None):
        prefix = os.path.join(self._directory, self._name)
        if checkpoint_number is None:
            path = self._checkpoint.save(prefix)
        else:
            path = self._checkpoint.write("%s-%d" % (prefix, int(checkpoint_number)))
        if path in self._checkpoints:
            self._checkpoints.remove(path)
        self._checkpoints.append(path)
        if self._max_to_keep is not None:
            while len(self._checkpoints) > self._max_to_keep:
                checkpoint_format.remove(self._checkpoints.pop(0))
        checkpoint_format.update_state_file(path, self._checkpoints)
        return path

    def restore_or_initialize(self):
        if self.latest_checkpoint:
            self._checkpoint.restore(self.latest_checkpoint)
            return self.latest_checkpoint
        return None
