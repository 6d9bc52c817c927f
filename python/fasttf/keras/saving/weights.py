"""Model.save_weights / Model.load_weights, dispatched on the file name as Keras does:

- `*.weights.h5`: Keras 3 layout (object paths), with the optimizer state when it exists;
- `*.h5` / `*.hdf5`: the legacy Keras 2 layout (`layer_names` / `weight_names`), by layer order;
- anything else: a TF-style checkpoint prefix (`weights.ckpt` writes `weights.ckpt.index` and
  `weights.ckpt.data-00000-of-00001`); `load_weights("weights.ckpt.index")` names the same one.

Loading checks the whole file against the model before assigning anything. `by_name` (legacy
`.h5` only, as in Keras) matches layers by name; `skip_mismatch` leaves layers whose weights do
not fit as they are, with a warning. `overwrite=False` on an existing file asks as Keras does
(see atomic.may_overwrite).
"""

import os

from . import checkpoint_format, h5_format, object_paths
from .atomic import atomic_path, may_overwrite
from .errors import SavingError


def _is_h5_name(path):
    return path.endswith((".h5", ".hdf5", ".keras.h5"))


def _model_ready(model, filepath, action):
    if not model.built:
        raise ValueError("Unable to %s weights to %r: the model %r has not been built yet (call "
                         "it on data or call `build(input_shape)` first)"
                         % (action, filepath, model.name))


def save_weights(model, filepath, overwrite=True):
    filepath = os.fspath(filepath)
    _model_ready(model, filepath, "save")
    if filepath.endswith(".keras"):
        raise ValueError("save_weights needs a `.weights.h5`, `.h5` or checkpoint path; "
                         "use model.save(%r) to write a `.keras` file" % (filepath,))
    is_h5 = _is_h5_name(filepath)
    target = filepath if is_h5 else checkpoint_format.normalize_prefix(filepath) + ".index"
    if not may_overwrite(target, overwrite):
        return
    if filepath.endswith(".weights.h5"):
        import h5py
        with atomic_path(filepath) as tmp:
            with h5py.File(tmp, "w") as f:
                h5_format.write_keras3(f, model)
        return
    if is_h5:
        import h5py
        with atomic_path(filepath) as tmp:
            with h5py.File(tmp, "w") as f:
                h5_format.write_legacy(f, model)
        return
    checkpoint_format.write(filepath, checkpoint_arrays(model))


def checkpoint_arrays(model, prefix=""):
    """{key: ndarray} of every variable reachable from `model` (optimizer included), keyed by
    its Keras 3 object path."""
    out = {}
    for path, obj in object_paths.walk(model):
        for i, variable in enumerate(object_paths.own_variables(obj)):
            out["%s%s/%d" % (prefix, object_paths.vars_path(path), i)] = variable.numpy()
    return out


def checkpoint_plan(model, arrays, filename, prefix="", build_optimizer=True):
    """[(variable, array)] restoring `model` from `arrays`; raises before assigning anything
    if a layer variable is missing or has the wrong shape. Optimizer state that does not fit
    is skipped."""
    plan, used = [], set()
    for path, obj in object_paths.walk(model):
        vpath = prefix + object_paths.vars_path(path)
        is_optimizer = object_paths._is_optimizer(obj)
        if is_optimizer and build_optimizer and not obj.built and model.built and any(
                k.startswith(vpath + "/") for k in arrays):
            obj.build(model.trainable_variables)
        variables = object_paths.own_variables(obj)
        keys = ["%s/%d" % (vpath, i) for i in range(len(variables))]
        if is_optimizer:
            saved = [k for k in arrays if k.startswith(vpath + "/")]
            if len(saved) != len(variables) or any(k not in arrays for k in keys) or any(
                    tuple(arrays[k].shape) != tuple(v.shape) for k, v in zip(keys, variables)):
                used.update(saved)
                continue
        for key, variable in zip(keys, variables):
            if key not in arrays:
                raise SavingError("%r has no value for %s (key %r); the checkpoint was saved "
                                  "from a different architecture"
                                  % (filename, variable.name, key))
            array = arrays[key]
            h5_format._check(filename, "%s (key %r)" % (variable.name, key), variable, array)
            plan.append((variable, array))
            used.add(key)
    extra = [k for k in arrays if k.startswith(prefix) and k not in used]
    if extra:
        raise SavingError("%r holds variables the model has no place for: %s; the checkpoint "
                          "was saved from a different architecture" % (filename, extra[:5]))
    return plan


def load_weights(model, filepath, skip_mismatch=False, by_name=False, **kwargs):
    filepath = os.fspath(filepath)
    kwargs.pop("options", None)
    if kwargs:
        raise ValueError("Invalid keyword arguments: %s" % (kwargs,))
    _model_ready(model, filepath, "load")
    if by_name and (filepath.endswith(".weights.h5") or not _is_h5_name(filepath)):
        raise ValueError("`by_name` only supports loading legacy '.h5' or '.hdf5' files. "
                         "Received: %s" % (filepath,))
    if filepath.endswith(".keras"):
        from . import keras_format
        plan = keras_format.weights_plan(filepath, model, skip_mismatch)
        h5_format.apply_plan(plan)
        return
    if not _is_h5_name(filepath) and (checkpoint_format.is_checkpoint_prefix(filepath) or
                                      not os.path.exists(filepath)):
        prefix = checkpoint_format.normalize_prefix(filepath)
        arrays = checkpoint_format.read(prefix)
        if any(k.startswith("model/") for k in arrays) and not any(
                k.startswith("vars") or k.startswith("layers") for k in arrays):
            arrays = {k[len("model/"):]: v for k, v in arrays.items() if k.startswith("model/")}
        h5_format.apply_plan(checkpoint_plan(model, arrays, prefix))
        return
    with h5_format.open_h5(filepath) as f:
        if h5_format.is_legacy_layout(f):
            group = f["model_weights"] if "model_weights" in f else f
            plan = h5_format.read_legacy(group, model, filepath, by_name, skip_mismatch)
        elif len(f.keys()) == 0:
            raise SavingError("%r is an empty HDF5 file: it holds no weights" % (filepath,))
        else:
            plan, optimizer_plan = h5_format.read_keras3(f, model, filepath,
                                                         skip_mismatch=skip_mismatch)
            plan += optimizer_plan or []
    h5_format.apply_plan(plan)
