"""tf.train.Checkpoint and CheckpointManager on fasttf's checkpoint files.

A Checkpoint tracks keyword objects (models, layers, optimizers, variables, other
Checkpoints). Each variable is stored under its object path: `model/layers/dense/vars/0`,
`optimizer/vars/3`, `step`. Restoring checks every saved value against its variable before
assigning any. An optimizer whose slots do not exist yet is built on the model's variables.
"""

import os
import re

import numpy as np

from ..framework.variables import Variable
from ..keras.saving import checkpoint_format, h5_format, object_paths
from ..keras.saving.errors import SavingError


class _Status:
    """What restore() returns; the assert methods exist for TF code that calls them."""

    def assert_consumed(self):
        return self

    def assert_existing_objects_matched(self):
        return self

    def expect_partial(self):
        return self

    def assert_nontrivial_match(self):
        return self


class Checkpoint:
    def __init__(self, root=None, **kwargs):
        self._objects = dict(kwargs)
        if root is not None:
            self._objects["root"] = root
        for name in self._objects:
            if name.startswith("_"):
                raise ValueError("Checkpoint attribute names may not start with '_': %r" % name)
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

    def _plan(self, arrays, filename):
        plan = []
        for name, obj in self._objects.items():
            plan += _object_plan(obj, name, arrays, filename, self._objects)
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
            return _Status()
        prefix = checkpoint_format.normalize_prefix(os.fspath(save_path))
        if os.path.isdir(prefix):
            latest = checkpoint_format.latest_checkpoint(prefix)
            if latest is None:
                raise SavingError("No checkpoint found in directory %r" % (prefix,))
            prefix = latest
        arrays = checkpoint_format.read(prefix)
        h5_format.apply_plan(self._plan(arrays, prefix))
        return _Status()


def _is_model_like(obj):
    from ..keras.layers.base_layer import Layer
    from ..keras.optimizers.optimizer import Optimizer
    return isinstance(obj, (Layer, Optimizer))


def _object_arrays(obj, name):
    if isinstance(obj, Variable):
        return {name: obj.numpy()}
    if isinstance(obj, Checkpoint):
        return {"%s/%s" % (name, k): v for k, v in obj._arrays().items()}
    if _is_model_like(obj):
        out = {}
        for path, child in object_paths.walk(obj):
            for i, variable in enumerate(object_paths.own_variables(child)):
                out["%s/%s/%d" % (name, object_paths.vars_path(path), i)] = variable.numpy()
        return out
    raise TypeError("Checkpoint can track models, layers, optimizers, variables and "
                    "checkpoints; got %r for %r" % (type(obj).__name__, name))


def _object_plan(obj, name, arrays, filename, siblings):
    if isinstance(obj, Variable):
        if name not in arrays:
            raise SavingError("%r has no value for %r" % (filename, name))
        h5_format._check(filename, repr(name), obj, arrays[name])
        return [(obj, arrays[name])]
    if isinstance(obj, Checkpoint):
        prefix = name + "/"
        sub = {k[len(prefix):]: v for k, v in arrays.items() if k.startswith(prefix)}
        return obj._plan(sub, filename)
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
