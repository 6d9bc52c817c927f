"""Callbacks that write files during fit: TensorBoard (event files TensorBoard reads) and
ModelCheckpoint (weights or whole models, every epoch or only when the monitored value
improves). Re-exported by keras.callbacks."""

import os

import numpy as np

from .callbacks import Callback


class TensorBoard(Callback):
    """Writes `epoch_loss` / `epoch_<metric>` scalars to log_dir/train and, with validation
    data, log_dir/validation (as Keras). update_freq='batch' or an integer N also writes
    `batch_<metric>` every N batches; histogram_freq=N writes histograms of the weights every
    N epochs."""

    def __init__(self, log_dir="logs", histogram_freq=0, write_graph=True, write_images=False,
                 write_steps_per_second=False, update_freq="epoch", profile_batch=0,
                 embeddings_freq=0, embeddings_metadata=None, **kwargs):
        super().__init__()
        self.log_dir = os.fspath(log_dir)
        self.histogram_freq = int(histogram_freq or 0)
        self.write_graph = write_graph
        self.update_freq = 1 if update_freq == "batch" else update_freq
        self._writers = {}
        self._global_batch = 0

    def _writer(self, name):
        if name not in self._writers:
            from .. import summary
            self._writers[name] = summary.create_file_writer(os.path.join(self.log_dir, name))
        return self._writers[name]

    def on_train_begin(self, logs=None):
        self._global_batch = 0

    def on_train_batch_end(self, batch, logs=None):
        self._global_batch += 1
        if isinstance(self.update_freq, int) and logs and \
                self._global_batch % self.update_freq == 0:
            from .. import summary
            with self._writer("train").as_default(step=self._global_batch):
                for key, value in logs.items():
                    summary.scalar("batch_" + key, float(value))

    def on_epoch_end(self, epoch, logs=None):
        from .. import summary
        logs = logs or {}
        train = {k: v for k, v in logs.items() if not k.startswith("val_")}
        val = {k[4:]: v for k, v in logs.items() if k.startswith("val_")}
        with self._writer("train").as_default(step=epoch):
            for key, value in train.items():
                summary.scalar("epoch_" + key, float(value))
            if self.histogram_freq and epoch % self.histogram_freq == 0 and self.model:
                for weight in self.model.weights:
                    name = weight.name[:-2] if weight.name.endswith(":0") else weight.name
                    summary.histogram(name, np.asarray(weight.numpy()))
        if val:
            with self._writer("validation").as_default(step=epoch):
                for key, value in val.items():
                    summary.scalar("epoch_" + key, float(value))
        for writer in self._writers.values():
            writer.flush()

    def on_train_end(self, logs=None):
        for writer in self._writers.values():
            writer.close()
        self._writers = {}


class ModelCheckpoint(Callback):
    """Saves the model (or only its weights) to `filepath`, which may hold `{epoch:02d}` and
    log keys such as `{val_loss:.2f}`; with save_best_only, only when `monitor` improves."""

    def __init__(self, filepath, monitor="val_loss", verbose=0, save_best_only=False,
                 save_weights_only=False, mode="auto", save_freq="epoch", options=None,
                 initial_value_threshold=None, period=None):
        super().__init__()
        self.filepath = os.fspath(filepath)
        self.monitor = monitor
        self.verbose = verbose
        self.save_best_only = save_best_only
        self.save_weights_only = save_weights_only
        self.save_freq = save_freq
        if mode not in ("auto", "min", "max"):
            import warnings
            warnings.warn("ModelCheckpoint mode %r is unknown, fallback to auto mode." % (mode,))
            mode = "auto"
        if mode == "auto":
            mode = "max" if ("acc" in monitor or monitor.startswith("fmeasure")) and \
                "loss" not in monitor else "min"
        self._better = np.less if mode == "min" else np.greater
        self.best = initial_value_threshold   # None until a first value (Keras 3)
        self._batches = 0
        if save_freq != "epoch" and not (isinstance(save_freq, int) and save_freq > 0):
            raise ValueError("Unrecognized save_freq: %r (expected 'epoch' or a positive "
                             "integer)" % (save_freq,))
        if not save_weights_only and not self.filepath.endswith((".keras", ".h5")) and \
                "{" not in os.path.splitext(self.filepath)[1]:
            raise ValueError("The filepath provided must end in `.keras` (Keras model format). "
                             "Received: filepath=%s" % (self.filepath,))

    def _path(self, epoch, logs):
        try:
            return self.filepath.format(epoch=epoch + 1, **(logs or {}))
        except KeyError as exc:
            raise KeyError("Failed to format this callback filepath: %r. Reason: %s"
                           % (self.filepath, exc)) from None

    def _save(self, epoch, logs):
        logs = logs or {}
        path = self._path(epoch, logs)
        if self.save_best_only:
            current = logs.get(self.monitor)
            if current is None:
                import warnings
                warnings.warn("Can save best model only with %s available, skipping."
                              % (self.monitor,))
                return
            best_text = "None" if self.best is None else "%.5f" % self.best
            if self.best is not None and not self._better(current, self.best):
                if self.verbose:
                    print("\nEpoch %d: %s did not improve from %s"
                          % (epoch + 1, self.monitor, best_text))
                return
            if self.verbose:
                print("\nEpoch %d: %s improved from %s to %.5f, saving model to %s"
                      % (epoch + 1, self.monitor, best_text, current, path))
            self.best = current
        elif self.verbose:
            print("\nEpoch %d: saving model to %s" % (epoch + 1, path))
        directory = os.path.dirname(os.path.abspath(path))
        os.makedirs(directory, exist_ok=True)
        if self.save_weights_only:
            self.model.save_weights(path)
        else:
            self.model.save(path)
        if self.verbose:
            print("\nEpoch %d: finished saving model to %s" % (epoch + 1, path))

    def on_train_batch_end(self, batch, logs=None):
        if isinstance(self.save_freq, int):
            self._batches += 1
            if self._batches % self.save_freq == 0:
                self._save(self._current_epoch, logs)

    def on_epoch_begin(self, epoch, logs=None):
        self._current_epoch = epoch

    def on_epoch_end(self, epoch, logs=None):
        if self.save_freq == "epoch":
            self._save(epoch, logs)


__all__ = ["TensorBoard", "ModelCheckpoint"]
