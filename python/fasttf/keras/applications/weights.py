"""Where an application's weights come from: `weights=None`, a file path, or "imagenet".

"imagenet" means Keras' own pretrained file (e.g.
`resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5`) in the Keras cache,
`$KERAS_HOME/models/` (default `~/.keras/models/`), so a cache filled by Keras is used as is.
A file found there is loaded without a hash check (the user put it there); a missing one is
downloaded with `keras.utils.get_file` (atomic, hash-checked), which fails offline with an error
naming the file and where to put it.

Keras' pretrained files are legacy (Keras 2) `.h5` files. They are loaded *by layer name*:
the order of the layers in the file is Keras 2's, and where two layers of a residual block have
the same weight shapes (e.g. `conv2_block1_0_conv` and `conv2_block1_3_conv`) loading by order
could silently swap them.
"""

import os

from ..saving import h5_format
from ..saving.errors import SavingError

BASE_WEIGHTS_PATH = "https://storage.googleapis.com/tensorflow/keras-applications/"


def validate_weights_argument(weights):
    if weights is None or weights == "imagenet":
        return
    if isinstance(weights, (str, os.PathLike)) and os.path.isfile(os.fspath(weights)):
        return
    raise ValueError("The `weights` argument should be either `None` (random initialization), "
                     "'imagenet' (pre-training on ImageNet), or the path to the weights file "
                     "to be loaded.  Received: weights=%s" % (weights,))


def imagenet_weights_path(file_name, origin, file_hash):
    """Path of Keras' pretrained file `file_name`: the cached copy, else a download."""
    from ..datasets._download import DatasetDownloadError, cache_dirs, get_file
    _, search_dirs = cache_dirs("models")
    for directory in search_dirs:
        candidate = os.path.join(directory, file_name)
        if os.path.isfile(candidate):
            return candidate
    try:
        return get_file(file_name, origin, cache_subdir="models", file_hash=file_hash)
    except DatasetDownloadError as exc:
        raise DatasetDownloadError(
            "The ImageNet weights %r are not in the Keras cache (%s) and could not be "
            "downloaded.\nDownload %s on a machine with internet access and put it in %s "
            "(or set $KERAS_HOME), or pass `weights=None` for random initialization.\n%s"
            % (file_name, " or ".join(search_dirs), origin, search_dirs[0], exc)) from exc


def _layers_with_weights(model):
    return [layer for layer in model.layers if layer.weights]


def load_legacy_by_name(model, filepath):
    """Assigns the weights of a Keras 2 `.h5` file to `model`'s layers of the same names.
    The whole file is checked before anything is assigned."""
    with h5_format.open_h5(filepath) as f:
        if not h5_format.is_legacy_layout(f):
            raise SavingError("%r is not a legacy Keras `.h5` weights file" % (filepath,))
        group = f["model_weights"] if "model_weights" in f else f
        if "layer_names" not in group.attrs:
            raise SavingError("%r is not a Keras weights file: no `layer_names` attribute"
                              % (filepath,))
        names = h5_format._string_list(group.attrs["layer_names"])
        saved = {}
        for name in names:
            if name not in group:
                raise SavingError("%r is corrupt: layer group %r listed in layer_names is "
                                  "missing" % (filepath, name))
            weight_names = h5_format._string_list(group[name].attrs.get("weight_names", []))
            if weight_names:
                saved[name] = weight_names
        layers = _layers_with_weights(model)
        missing = [layer.name for layer in layers if layer.name not in saved]
        extra = sorted(set(saved) - {layer.name for layer in layers})
        if missing or extra:
            raise SavingError(
                "%r does not hold the weights of model %r: %s%s" % (
                    filepath, model.name,
                    "layers missing from the file: %s" % missing[:5] if missing else "",
                    ("; " if missing and extra else "") +
                    ("layers the model does not have: %s" % extra[:5] if extra else "")))
        plan = []
        for layer in layers:
            weight_names = saved[layer.name]
            variables = layer.weights
            if len(weight_names) != len(variables):
                raise SavingError("%r: layer %r expects %d weights but the file has %d"
                                  % (filepath, layer.name, len(variables), len(weight_names)))
            for variable, wname in zip(variables, weight_names):
                what = "weight %r of layer %r" % (wname, layer.name)
                if wname not in group[layer.name]:
                    raise SavingError("%r is corrupt: %s is missing" % (filepath, what))
                array = h5_format._read_dataset(filepath, group[layer.name][wname], what)
                h5_format._check(filepath, what, variable, array)
                plan.append((variable, array))
    h5_format.apply_plan(plan)


def load_weights_file(model, filepath):
    """Loads a weights file given as `weights=path`: a legacy `.h5` by layer name (Keras'
    pretrained files, `save_weights('x.h5')`), anything else through `model.load_weights`
    (`.weights.h5`, `.keras`, checkpoints)."""
    filepath = os.fspath(filepath)
    if filepath.endswith((".h5", ".hdf5")) and not filepath.endswith(".weights.h5"):
        with h5_format.open_h5(filepath) as f:
            legacy = h5_format.is_legacy_layout(f)
        if legacy:
            load_legacy_by_name(model, filepath)
            return
    model.load_weights(filepath)


def load_imagenet(model, file_name, origin, file_hash):
    path = imagenet_weights_path(file_name, origin, file_hash)
    try:
        load_weights_file(model, path)
    except SavingError as exc:
        raise SavingError("The ImageNet weights file %s does not fit model %r (wrong or corrupt "
                          "file? delete it to download it again): %s"
                          % (path, model.name, exc)) from None
