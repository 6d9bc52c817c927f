"""Weights in HDF5 files, in the two layouts Keras writes.

Keras 3 (`.weights.h5`, and `model.weights.h5` inside `.keras`): one group per object path
(see object_paths), its variables as datasets `vars/0`, `vars/1`, ... in the object's order.

Keras 2 / legacy `.h5` (what `save_weights("w.h5")` and `save("m.h5")` wrote up to TF 2.15,
and what Keras 3 still writes for `.h5`): attribute `layer_names` lists the layers; each
layer's group has attribute `weight_names` (`dense/kernel:0`, ...) naming datasets under it.
Layers are matched by order, among the layers that have weights, as Keras 2 does.

Reading never assigns anything: it returns a plan [(variable, array)] that has been checked
against the model completely, so a mismatched file changes no weight.
"""

import contextlib
import warnings

import numpy as np

from .errors import SavingError
from . import object_paths


def _h5py():
    try:
        import h5py
    except ImportError:  # pragma: no cover - h5py is a dependency
        raise ImportError("Saving to or loading from HDF5 files needs the `h5py` package "
                          "(pip install h5py)") from None
    return h5py


@contextlib.contextmanager
def open_h5(source, filename=None):
    """h5py.File opened for reading, as a context; a clear SavingError naming the file for
    anything that is not HDF5, and for HDF5 errors raised while reading a damaged file (h5py
    raises OSError, RuntimeError or KeyError from deep inside, e.g. on a bad symbol table)."""
    h5py = _h5py()
    filename = filename or source
    try:
        f = h5py.File(source, "r")
    except FileNotFoundError:
        raise SavingError("No file or directory found at %r" % (filename,)) from None
    except (OSError, ValueError) as exc:
        raise SavingError("%r is not a readable HDF5 file (it may be empty, truncated, or of "
                          "another format): %s" % (filename, exc)) from None
    try:
        with f:
            yield f
    except SavingError:
        raise
    except (OSError, RuntimeError, KeyError, IndexError) as exc:
        raise SavingError("%r is corrupt or truncated (HDF5 error: %s: %s)"
                          % (filename, type(exc).__name__, exc)) from None


def _as_str(value):
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def _string_list(values):
    return [_as_str(v) for v in np.asarray(values).ravel()] if len(values) else []


def _check(filename, what, variable, array):
    expected = tuple(int(d) for d in variable.shape)
    if tuple(array.shape) != expected:
        raise SavingError("%r: shape mismatch for %s: the file has %s, the model expects %s"
                          % (filename, what, tuple(array.shape), expected))
    if array.dtype.kind not in "fiub":
        raise SavingError("%r: %s has unsupported dtype %s" % (filename, what, array.dtype))


def _read_dataset(filename, dataset, what):
    try:
        return np.asarray(dataset[()])
    except Exception as exc:  # h5py raises OSError / KeyError / RuntimeError on corrupt data
        raise SavingError("%r: cannot read %s (the file is corrupt or truncated): %s"
                          % (filename, what, exc)) from None


def apply_plan(plan):
    for variable, array in plan:
        variable.assign(np.asarray(array).astype(variable.dtype.as_numpy_dtype, copy=False))


# -- Keras 3 layout ------------------------------------------------------------------------
def is_keras3_layout(h5file):
    return "layer_names" not in h5file.attrs and "model_weights" not in h5file and (
        "vars" in h5file or "layers" in h5file or len(h5file.keys()) > 0)


def write_keras3(h5file, model, include_optimizer=True):
    for path, obj in object_paths.walk(model, include_optimizer):
        group = h5file.require_group(object_paths.vars_path(path))
        name = getattr(obj, "name", None)
        if isinstance(name, str):
            group.attrs["name"] = name
        for i, variable in enumerate(object_paths.own_variables(obj)):
            group.create_dataset(str(i), data=np.asarray(variable.numpy()))


def _skip(filename, error):
    message = str(error)
    if repr(filename) not in message:
        message = "%r: %s" % (filename, message)
    warnings.warn("Skipping loading weights (skip_mismatch=True): %s" % message, stacklevel=4)


def read_keras3(h5file, model, filename, include_optimizer=True, build_optimizer=True,
                skip_mismatch=False):
    """(layer plan, optimizer plan or None). Layer mismatches raise, or with skip_mismatch
    leave that layer as it is, with a warning (as Keras 3 does); an optimizer whose saved state
    does not fit is skipped with a warning (as Keras does)."""
    plan, optimizer_plan = [], None
    claimed = set()
    for path, obj in object_paths.walk(model, include_optimizer):
        vpath = object_paths.vars_path(path)
        claimed.add(vpath)
        if object_paths._is_optimizer(obj):
            optimizer_plan = _optimizer_plan_keras3(h5file, obj, model, vpath, filename,
                                                    build_optimizer)
            continue
        variables = object_paths.own_variables(obj)
        if not variables:
            continue
        try:
            plan += _object_plan_keras3(h5file, obj, variables, path, vpath, model, filename)
        except SavingError as exc:
            if not skip_mismatch:
                raise
            _skip(filename, exc)
    extra = []

    def find_extra(name, item):
        if name.endswith("vars") and hasattr(item, "keys") and len(item.keys()) and \
                name not in claimed and not name.startswith("optimizer"):
            extra.append(name)
    h5file.visititems(find_extra)
    if extra:
        error = SavingError("%r holds weights the model has no layer for: %s; the file was "
                            "saved from a different architecture" % (filename, sorted(extra)[:5]))
        if not skip_mismatch:
            raise error
        _skip(filename, error)
    return plan, optimizer_plan


def _object_plan_keras3(h5file, obj, variables, path, vpath, model, filename):
    label = "layer %r" % getattr(obj, "name", path) if path else "model %r" % model.name
    group = h5file.get(vpath)
    if group is None:
        raise SavingError("%r has no weights for %s (expected at '%s'); the file was saved "
                          "from a different architecture" % (filename, label, vpath))
    if len(group.keys()) != len(variables):
        raise SavingError("%r: %s expects %d variables but the file has %d at '%s'"
                          % (filename, label, len(variables), len(group.keys()), vpath))
    plan = []
    for i, variable in enumerate(variables):
        if str(i) not in group:
            raise SavingError("%r: variable %d of %s is missing at '%s'"
                              % (filename, i, label, vpath))
        what = "%s variable %d (%s)" % (label, i, variable.name)
        array = _read_dataset(filename, group[str(i)], what)
        _check(filename, what, variable, array)
        plan.append((variable, array))
    return plan


def _optimizer_plan_keras3(h5file, optimizer, model, vpath, filename, build_optimizer):
    group = h5file.get(vpath)
    if group is None or not len(group.keys()):
        return None
    if build_optimizer and not optimizer.built and model.built:
        optimizer.build(model.trainable_variables)
    variables = list(optimizer.variables)
    if len(group.keys()) != len(variables):
        warnings.warn("Skipping variable loading for optimizer %r, because it has %d variables "
                      "whereas the saved optimizer in %r has %d variables."
                      % (optimizer.name, len(variables), filename, len(group.keys())),
                      stacklevel=4)
        return None
    plan = []
    for i, variable in enumerate(variables):
        what = "optimizer variable %d (%s)" % (i, variable.name)
        if str(i) not in group:
            raise SavingError("%r: %s is missing" % (filename, what))
        array = _read_dataset(filename, group[str(i)], what)
        _check(filename, what, variable, array)
        plan.append((variable, array))
    return plan


# -- legacy (Keras 2) layout ----------------------------------------------------------------
def _legacy_weight_names(layer):
    names, used = [], set()
    for variable in layer.weights:
        name = variable.name or "variable"
        if not name.endswith(":0") and ":" not in name:
            name += ":0"
        base, k = name, 1
        while name in used:
            name = "%s_%d:0" % (base[:-2], k)
            k += 1
        used.add(name)
        names.append(name)
    return names


def write_legacy(group, model):
    from ... import __version__  # noqa: F401  (fasttf's version is not Keras')
    layers = list(model.layers)
    group.attrs["layer_names"] = np.array([layer.name.encode("utf-8") for layer in layers])
    group.attrs["backend"] = b"tensorflow"
    group.attrs["keras_version"] = b"2.15.0"
    for layer in layers:
        g = group.create_group(layer.name)
        names = _legacy_weight_names(layer)
        g.attrs["weight_names"] = np.array([n.encode("utf-8") for n in names])
        for name, variable in zip(names, layer.weights):
            g.create_dataset(name, data=np.asarray(variable.numpy()))
    # The model's own variables (none for Sequential / functional models), as Keras writes.
    own = list(model._trainable_weights) + list(model._non_trainable_weights)
    top = group.create_group("top_level_model_weights")
    top.attrs["weight_names"] = np.array([v.name.encode("utf-8") for v in own]) if own \
        else np.array([])
    for variable in own:
        top.create_dataset(variable.name, data=np.asarray(variable.numpy()))


def is_legacy_layout(h5file):
    return "layer_names" in h5file.attrs or "model_weights" in h5file


def _legacy_saved_layers(group, filename):
    """[(name, h5 group, weight names)] of the layers a legacy group lists, in file order."""
    try:
        layer_names = _string_list(group.attrs["layer_names"])
    except KeyError:
        raise SavingError("%r is not a Keras weights file: no `layer_names` attribute"
                          % (filename,)) from None
    saved = []
    for name in layer_names:
        if name not in group:
            raise SavingError("%r is corrupt: layer group %r listed in layer_names is missing"
                              % (filename, name))
        g = group[name]
        saved.append((name, g, _string_list(g.attrs.get("weight_names", []))))
    return saved


def _legacy_layer_plan(layer, index, name, g, weight_names, filename):
    variables = layer.weights
    if len(weight_names) != len(variables):
        raise SavingError("%r: layer #%d (named %r in the model, %r in the file) expects %d "
                          "weights but the file has %d"
                          % (filename, index, layer.name, name, len(variables),
                             len(weight_names)))
    plan = []
    for variable, wname in zip(variables, weight_names):
        if wname not in g:
            raise SavingError("%r is corrupt: weight %r of layer %r is missing"
                              % (filename, wname, name))
        what = "weight %r of layer %r" % (wname, layer.name)
        array = _read_dataset(filename, g[wname], what)
        _check(filename, what, variable, array)
        plan.append((variable, array))
    return plan


def read_legacy(group, model, filename, by_name=False, skip_mismatch=False):
    """Plan for the layer weights of a legacy group (the file root or `model_weights`).

    By default layers are matched by order among those with weights (the counts must agree);
    with by_name, each layer of the file goes to the model's layers of the same name and
    layers without a namesake are left alone (Keras 2 / Keras 3 semantics). skip_mismatch
    leaves a layer whose weight count or shapes differ as it is, with a warning; a file that
    is not a weights file, or is corrupt, raises in every mode."""
    saved = [s for s in _legacy_saved_layers(group, filename) if s[2] or by_name]
    if by_name:
        by_layer_name = {}
        for layer in model.layers:
            by_layer_name.setdefault(layer.name, []).append(layer)
        pairs = [(layer, k, item) for k, item in enumerate(saved)
                 for layer in by_layer_name.get(item[0], [])]
    else:
        layers = [layer for layer in model.layers if layer.weights]
        if len(saved) != len(layers):
            raise SavingError(
                "%r: layer count mismatch when loading weights by layer order: the file has "
                "%d layers with weights (%s) but the model has %d (%s); pass by_name=True to "
                "match layers by name" % (filename, len(saved), [s[0] for s in saved],
                                          len(layers), [layer.name for layer in layers]))
        pairs = [(layer, k, item) for k, (layer, item) in enumerate(zip(layers, saved))]
    plan = []
    for layer, k, (name, g, weight_names) in pairs:
        if by_name and not weight_names and not layer.weights:
            continue
        try:
            plan += _legacy_layer_plan(layer, k, name, g, weight_names, filename)
        except SavingError as exc:
            if not skip_mismatch or "corrupt" in str(exc):
                raise
            _skip(filename, exc)
    return plan


def write_legacy_optimizer(h5file, optimizer):
    group = h5file.create_group("optimizer_weights")
    names = []
    for i, variable in enumerate(optimizer.variables):
        base = (variable.name or "variable_%d" % i).replace(":0", "").replace("/", "_")
        names.append("%s/%s" % (optimizer.name, base))
    # Names must be unique for the datasets; keep order in weight_names.
    seen = {}
    for i, n in enumerate(names):
        if n in seen:
            names[i] = "%s_%d" % (n, i)
        seen[names[i]] = True
    group.attrs["weight_names"] = np.array([n.encode("utf-8") for n in names])
    for name, variable in zip(names, optimizer.variables):
        group.create_dataset(name, data=np.asarray(variable.numpy()))


def read_legacy_optimizer(h5file, optimizer, model, filename):
    group = h5file.get("optimizer_weights")
    if group is None or optimizer is None:
        return None
    names = _string_list(group.attrs.get("weight_names", []))
    if not names:
        return None
    if not optimizer.built:
        optimizer.build(model.trainable_variables)
    if type(optimizer).__name__ == "SGD" and not getattr(optimizer, "momentum", 0):
        # TF-Keras 2's SGD makes momentum slots `SGD/m/...` even with momentum=0 and never
        # uses them; fasttf's SGD has none then.
        names = [n for n in names if not n.startswith("SGD/m/")]
    variables = list(optimizer.variables)
    if len(names) == len(variables) - 1 and len(variables) > 1 and \
            variables[1] is getattr(optimizer, "_learning_rate", None) and \
            not any("learning_rate" in n for n in names):
        # TF-Keras 2 keeps the learning rate out of the optimizer's variables.
        variables = [variables[0]] + variables[2:]
    if len(names) != len(variables):
        warnings.warn("Skipping loading optimizer state from %r: it has %d variables, the "
                      "optimizer %d" % (filename, len(names), len(variables)), stacklevel=4)
        return None
    plan = []
    for name, variable in zip(names, variables):
        if name not in group:
            raise SavingError("%r is corrupt: optimizer weight %r is missing" % (filename, name))
        what = "optimizer weight %r" % name
        array = _read_dataset(filename, group[name], what)
        try:
            _check(filename, what, variable, array)
        except SavingError:
            warnings.warn("Skipping loading optimizer state from %r: %s" % (filename, what),
                          stacklevel=4)
            return None
        plan.append((variable, array))
    return plan
