"""The Keras 3 `.keras` file: a zip of config.json (architecture + compile settings),
metadata.json and model.weights.h5 (weights and optimizer state in the Keras 3 layout)."""

import datetime
import io
import json
import zipfile

from . import h5_format, model_config
from .atomic import atomic_write
from .errors import SavingError

CONFIG = "config.json"
METADATA = "metadata.json"
WEIGHTS = "model.weights.h5"


def save(model, filepath, include_optimizer=True):
    import h5py
    config = model_config.serialize_model(model)
    buffer = io.BytesIO()
    with h5py.File(buffer, "w") as f:
        h5_format.write_keras3(f, model, include_optimizer)
    from ... import __version__
    metadata = {"keras_version": "3.0.0", "fasttf_version": __version__,
                "date_saved": datetime.datetime.now().strftime("%Y-%m-%d@%H:%M:%S")}
    with atomic_write(filepath) as raw:
        with zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_STORED) as z:
            z.writestr(METADATA, json.dumps(metadata))
            z.writestr(CONFIG, json.dumps(model_config.to_json_value(config)))
            z.writestr(WEIGHTS, buffer.getvalue())


def _open(filepath):
    try:
        archive = zipfile.ZipFile(filepath, "r")
    except FileNotFoundError:
        raise SavingError("File not found: filepath=%s. Please ensure the file is an accessible "
                          "`.keras` zip file." % (filepath,)) from None
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise SavingError("%r is not a valid `.keras` file (not a zip archive; it may be empty, "
                          "truncated, or of another format): %s" % (filepath, exc)) from None
    names = archive.namelist()
    if CONFIG not in names:
        archive.close()
        raise SavingError("%r is not a valid `.keras` file: it has no %s" % (filepath, CONFIG))
    return archive


def _read(archive, name, filepath):
    try:
        return archive.read(name)
    except KeyError:
        raise SavingError("%r is incomplete: it has no %s" % (filepath, name)) from None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise SavingError("%r is corrupt: cannot read %s (%s)" % (filepath, name, exc)) from None


def load(filepath, custom_objects=None, compile=True):
    with _open(filepath) as archive:
        try:
            spec = json.loads(_read(archive, CONFIG, filepath).decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise SavingError("%r: config.json is not valid JSON: %s" % (filepath, exc)) \
                from None
        weights = _read(archive, WEIGHTS, filepath) if WEIGHTS in archive.namelist() else None
    model = model_config.deserialize_model(spec, custom_objects)
    if compile and spec.get("compile_config"):
        model_config.compile_from_config(model, spec["compile_config"], custom_objects)
        if model.built:
            model.optimizer.build(model.trainable_variables)
    if weights is not None:
        with h5_format.open_h5(io.BytesIO(weights), "%s/%s" % (filepath, WEIGHTS)) as f:
            plan, optimizer_plan = h5_format.read_keras3(
                f, model, "%s/%s" % (filepath, WEIGHTS), include_optimizer=compile)
        h5_format.apply_plan(plan + (optimizer_plan or []))
    return model


def weights_plan(filepath, model, skip_mismatch=False):
    """Plan to load only the weights of a `.keras` file into an existing model."""
    with _open(filepath) as archive:
        weights = _read(archive, WEIGHTS, filepath)
    with h5_format.open_h5(io.BytesIO(weights), "%s/%s" % (filepath, WEIGHTS)) as f:
        plan, optimizer_plan = h5_format.read_keras3(f, model, filepath,
                                                     skip_mismatch=skip_mismatch)
    return plan + (optimizer_plan or [])
