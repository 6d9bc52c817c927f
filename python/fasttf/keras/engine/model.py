"""keras.Model: a Layer with a training engine (compile / fit / evaluate / predict).

`Model(inputs, outputs)` returns a Functional model; subclasses define `call`.
"""

import numpy as np

from ... import _C
from ...framework.backprop import GradientTape
from ...framework.tensor_shape import TensorShape
from ...util import nest
from ..layers.base_layer import Layer
from . import compile_utils, data_adapter
from .loss_trackers import OutputLossTrackers

_R = _C.ReduceOp


def _callbacks_module():
    try:
        from .. import callbacks
        return callbacks
    except ImportError:
        return None


def _verbosity(verbose):
    return 1 if verbose == "auto" else int(verbose)


class Model(Layer):
    def __new__(cls, *args, **kwargs):
        if cls is Model and (len(args) >= 2 or ("inputs" in kwargs and "outputs" in kwargs)
                             or (args and "outputs" in kwargs)):
            from .functional import Functional
            return Functional.__new__(Functional)
        return super().__new__(cls)

    def __init__(self, *args, **kwargs):
        if args or "inputs" in kwargs or "outputs" in kwargs:
            # Model(inputs, outputs), or a subclass passing them to super().__init__.
            from .functional import Functional
            inputs = kwargs.pop("inputs", args[0] if args else None)
            outputs = kwargs.pop("outputs", args[1] if len(args) > 1 else None)
            self._model_init(**kwargs)
            Functional._init_graph(self, inputs, outputs)
            self._nests_name_scope = False
            return
        self._model_init(**kwargs)

    def _model_init(self, name=None, trainable=True, dtype=None, **kwargs):
        Layer.__init__(self, name=name, trainable=trainable, dtype=dtype, **kwargs)
        self.optimizer = None
        self.compiled_loss = None
        self._loss_fns = None
        self._output_loss_trackers = None
        self._metric_objs = []
        self.stop_training = False
        self.history = None
        self._is_compiled = False
        self._run_eagerly = None

    # -- structure ------------------------------------------------------------------------
    @property
    def layers(self):
        return [layer for layer in self._direct_sublayers() if not isinstance(
            layer, _NonLayerTypes)]

    def get_layer(self, name=None, index=None):
        if index is not None:
            if len(self.layers) <= index:
                raise ValueError("Was asked to retrieve layer at index %d but model only has %d "
                                 "layers." % (index, len(self.layers)))
            return self.layers[index]
        for layer in self.layers:
            if layer.name == name:
                return layer
        raise ValueError("No such layer: %s. Existing layers are: %s."
                         % (name, [layer.name for layer in self.layers]))

    def build(self, input_shape):
        """Creates the weights by calling the model once on zeros of `input_shape` (None
        dimensions taken as 1), as Keras 2 did for subclassed models."""
        if self.built:
            return
        if input_shape is None:
            raise ValueError("Input shape must be defined when calling `build()` on a `Model` "
                             "subclass.")

        def zeros(shape):
            dims = [1 if d is None else int(d) for d in TensorShape(shape).dims]
            from ...framework import dtypes
            return _C.zeros(dims, dtypes.as_dtype(self.dtype))
        if isinstance(input_shape, (list, tuple)) and input_shape and \
                isinstance(input_shape[0], (list, tuple, TensorShape)):
            inputs = [zeros(s) for s in input_shape]
        elif isinstance(input_shape, dict):
            inputs = {k: zeros(s) for k, s in input_shape.items()}
        else:
            inputs = zeros(input_shape)
        self._build_input_shape = input_shape
        self.built = True
        Layer.__call__(self, inputs)
        self._eager_losses = []
        if not isinstance(input_shape, dict) and TensorShape(
                input_shape if not isinstance(input_shape[0], (list, tuple, TensorShape))
                else input_shape[0]).dims[0] is None:
            self._open_probed_batch()

    def _open_probed_batch(self):
        """The probe above ran with batch 1 where the batch was None: the output shapes it
        left for summary() say None there."""
        for layer in self._flatten_layers(include_self=False):
            seen = layer._output_shape_seen
            if seen and seen[0] == 1:
                layer._output_shape_seen = (None,) + tuple(seen[1:])

    def _maybe_build(self, inputs):
        if not self.built and type(self).build is not Model.build:
            return Layer._maybe_build(self, inputs)
        self.built = True

    def compute_mask(self, inputs, mask=None):
        # The layers inside attach their outputs' masks themselves; a model adds none, and
        # takes a masked input without the "does not support masking" warning.
        return None

    def call(self, inputs, training=None, mask=None):
        if hasattr(self, "_compute_nodes"):
            from .functional import Functional
            return Functional.call(self, inputs, training=training, mask=mask)
        raise NotImplementedError("Unimplemented `keras.Model.call()`: subclass Model and define "
                                  "`call(self, inputs, training=None)`.")

    def summary(self, line_length=None, positions=None, print_fn=None, expand_nested=False,
                show_trainable=False, layer_range=None):
        from . import summary
        summary.print_summary(self, line_length=line_length, positions=positions,
                              print_fn=print_fn, expand_nested=expand_nested,
                              show_trainable=show_trainable, layer_range=layer_range)

    # -- compile --------------------------------------------------------------------------
    def compile(self, optimizer="rmsprop", loss=None, metrics=None, loss_weights=None,
                weighted_metrics=None, run_eagerly=None, steps_per_execution=None,
                jit_compile=None, **kwargs):
        from .. import optimizers
        self.optimizer = optimizers.get(optimizer)
        self._loss_identifier = loss
        self._metrics_identifier = metrics
        self._weighted_metrics_identifier = weighted_metrics
        self._loss_weights = loss_weights
        self._run_eagerly = run_eagerly
        self._loss_fns = None
        self._output_loss_trackers = None
        self._metric_objs = None
        self._is_compiled = True
        self.stop_training = False
        self.compiled_loss = loss

    def _output_names(self, n):
        outputs = getattr(self, "outputs", None)
        if outputs and len(outputs) == n:
            return [t.node.layer.name for t in outputs]
        return ["output_%d" % (i + 1) for i in range(n)]

    def _setup_compiled(self, n_outputs, y_true=None, y_pred=None):
        """Resolves losses and metrics once the number of outputs is known (first batch); the
        first batch's shapes choose what 'accuracy' means."""
        names = self._output_names(n_outputs)
        self.output_names = names
        losses = compile_utils.per_output(self._loss_identifier, names, "loss")
        self._loss_fns = [None if loss is None else compile_utils.LossFn(loss) for loss in losses]
        self._output_loss_trackers = OutputLossTrackers(
            names, [fn is not None for fn in self._loss_fns]) if n_outputs > 1 else None
        weights = self._loss_weights
        if isinstance(weights, dict):
            weights = [weights.get(name, 1.0) for name in names]
        self._loss_weight_values = list(weights) if weights is not None else [1.0] * n_outputs
        metric_lists = compile_utils.per_output(self._metrics_identifier or [], names, "metrics")
        weighted_lists = compile_utils.per_output(self._weighted_metrics_identifier or [], names,
                                                  "metrics")
        self._metric_objs = []   # (output index, metric, weighted)
        flat_true, flat_pred = self._flat_targets(y_true, n_outputs), nest.flatten(y_pred)
        for out_index, (items, loss) in enumerate(zip(metric_lists, losses)):
            yt, yp = flat_true[out_index], (flat_pred[out_index] if flat_pred else None)
            for item in nest.flatten(items) if items is not None else []:
                metric = compile_utils.resolve_metric(item, loss, yt, yp)
                if n_outputs > 1:
                    metric._name_override = "%s_%s" % (names[out_index], metric.name)
                self._metric_objs.append((out_index, metric, False))
            for item in nest.flatten(weighted_lists[out_index]) if weighted_lists[out_index] \
                    else []:
                metric = compile_utils.resolve_metric(item, loss, yt, yp)
                self._metric_objs.append((out_index, metric, True))

    def _flat_targets(self, y, n_outputs):
        """The targets per output, or Nones when unknown or not matching the outputs."""
        if y is None:
            return [None] * n_outputs
        if isinstance(y, dict):
            flat = [y.get(name) for name in self.output_names]
        else:
            flat = nest.flatten(y)
        return flat if len(flat) == n_outputs else [None] * n_outputs

    @property
    def metrics(self):
        return [m for _, m, _ in self._metric_objs or []]

    @property
    def metrics_names(self):
        trackers = getattr(self, "_output_loss_trackers", None)
        return ["loss"] + (trackers.names if trackers else []) + \
            [_metric_name(m) for m in self.metrics]

    def reset_metrics(self):
        for m in self.metrics:
            m.reset_state()
        if getattr(self, "_output_loss_trackers", None):
            self._output_loss_trackers.reset()

    # -- one step -------------------------------------------------------------------------
    def compute_loss(self, x=None, y=None, y_pred=None, sample_weight=None):
        flat_pred = nest.flatten(y_pred)
        if self._loss_fns is None:
            self._setup_compiled(len(flat_pred), y, y_pred)
        if y is None:
            total = None
        else:
            flat_true = nest.flatten(y) if not isinstance(y, dict) else \
                [y[name] for name in self.output_names]
            if len(flat_true) != len(flat_pred):
                raise ValueError("The model has %d outputs but %d targets were given"
                                 % (len(flat_pred), len(flat_true)))
            total = None
            for index, (fn, weight, yt, yp) in enumerate(zip(
                    self._loss_fns, self._loss_weight_values, flat_true, flat_pred)):
                if fn is None:
                    continue
                value = fn(compile_utils.cast_like(yt, yp), yp, sample_weight)
                if self._output_loss_trackers:
                    self._output_loss_trackers.record(index, value)
                if weight != 1.0:
                    value = value * weight
                total = value if total is None else total + value
        extra = self.losses if self._may_have_losses else []
        for loss in extra:
            total = loss if total is None else total + loss
        if total is None:
            raise ValueError("No loss to compute. Provide a `loss` argument in `compile()`.")
        return total

    def _update_metrics(self, y, y_pred, sample_weight):
        if self._output_loss_trackers and y is not None:
            self._output_loss_trackers.commit(_batch_size(nest.flatten(y_pred)[0]))
        if not self._metric_objs or y is None:
            return
        flat_pred = nest.flatten(y_pred)
        flat_true = nest.flatten(y) if not isinstance(y, dict) else \
            [y[name] for name in self.output_names]
        for index, metric, weighted in self._metric_objs:
            metric.update_state(compile_utils.cast_like(flat_true[index], flat_pred[index]),
                                flat_pred[index],
                                sample_weight=sample_weight if weighted else None)

    def train_step(self, data):
        x, y, sample_weight = data
        with GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compute_loss(x, y, y_pred, sample_weight)
        if self._train_vars is None:  # built by this first forward pass
            self._train_vars = self.trainable_variables
        grads = tape.gradient(loss, self._train_vars)
        self.optimizer.apply_gradients(zip(grads, self._train_vars))
        self._update_metrics(y, y_pred, sample_weight)
        return loss

    def test_step(self, data):
        x, y, sample_weight = data
        y_pred = self(x, training=False)
        loss = self.compute_loss(x, y, y_pred, sample_weight) if y is not None else None
        self._update_metrics(y, y_pred, sample_weight)
        return loss

    def predict_step(self, data):
        x, _, _ = data
        return self(x, training=False)

    def _prepare_training(self):
        if not self._is_compiled or self.optimizer is None:
            raise NotCompiledError("You must call `compile()` before using the model.")
        self._train_vars = self.trainable_variables if self.built else None
        self._may_have_losses = self._has_losses()

    # -- loops ----------------------------------------------------------------------------
    def _logs(self, loss_sum, count):
        # float32 division, as Keras' Mean loss tracker gives it (0.6535059809684753, not
        # the float64 mean 0.653505951166153).
        logs = {"loss": float(np.float32(loss_sum) / np.float32(count)) if count else
                float("nan")}
        if getattr(self, "_output_loss_trackers", None):
            logs.update(self._output_loss_trackers.results())
        for metric in self.metrics:
            logs[_metric_name(metric)] = float(metric.result())
        return dict(sorted(logs.items()))   # Keras 3 reports logs (and History) sorted by name

    def _make_callbacks(self, callbacks, verbose, epochs, steps, add_history=True):
        module = _callbacks_module()
        if module is None:
            return _MinimalCallbackList(callbacks, self, add_history)
        if isinstance(callbacks, module.CallbackList):
            return callbacks
        return module.CallbackList(callbacks, add_history=add_history, add_progbar=verbose != 0,
                                   model=self, verbose=verbose, epochs=epochs, steps=steps)

    def fit(self, x=None, y=None, batch_size=None, epochs=1, verbose="auto", callbacks=None,
            validation_split=0.0, validation_data=None, shuffle=True, class_weight=None,
            sample_weight=None, initial_epoch=0, steps_per_epoch=None, validation_steps=None,
            validation_batch_size=None, validation_freq=1, max_queue_size=10, workers=1,
            use_multiprocessing=False):
        verbose = _verbosity(verbose)
        data = data_adapter.make(x, y, sample_weight, batch_size, shuffle, steps_per_epoch)
        val_data = None
        if validation_split and validation_data is None:
            if not isinstance(data, data_adapter.ArrayData):
                raise ValueError("`validation_split` is only supported for Tensors or NumPy "
                                 "arrays, found following types in the input: %s" % (type(x),))
            data, val_data = data.split(validation_split)
            val_data.batch_size = validation_batch_size or data.batch_size
        elif validation_data is not None:
            if isinstance(validation_data, tuple) and len(validation_data) in (2, 3):
                vx, vy = validation_data[0], validation_data[1]
                vsw = validation_data[2] if len(validation_data) == 3 else None
                val_data = data_adapter.make(vx, vy, vsw, validation_batch_size or batch_size,
                                             False, validation_steps)
            else:
                val_data = data_adapter.make(validation_data, steps=validation_steps)
        if class_weight is not None and isinstance(data, data_adapter.ArrayData):
            data.sample_weight = _class_weights(data.y, class_weight, data.sample_weight)
        self._prepare_training()
        self.stop_training = False
        callback_list = self._make_callbacks(callbacks, verbose, epochs, data.steps)
        callback_list.on_train_begin()
        train_step = self.train_step
        for epoch in range(initial_epoch, epochs):
            self.reset_metrics()
            callback_list.on_epoch_begin(epoch)
            loss_sum, count = 0.0, 0
            logs = {}
            for step, batch in enumerate(data.batches()):
                callback_list.on_train_batch_begin(step)
                loss = train_step(batch)
                n = _batch_size(batch[0])
                loss_sum, count = _accumulate_loss(loss_sum, count, loss, n)
                logs = self._logs(loss_sum, count)
                callback_list.on_train_batch_end(step, logs)
                if self.stop_training:
                    break
            if count == 0 and epoch == initial_epoch and data.steps is None:
                raise ValueError("Unexpected result of `train_function` (Empty logs). Please use "
                                 "`Model.compile(..., run_eagerly=True)`, or check your data.")
            epoch_logs = dict(logs)
            if val_data is not None and (epoch + 1) % _freq(validation_freq, epoch) == 0 \
                    if not isinstance(validation_freq, (list, tuple)) else \
                    val_data is not None and (epoch + 1) in validation_freq:
                val_logs = self._evaluate_data(val_data, callback_list=None)
                epoch_logs.update({"val_" + k: v for k, v in val_logs.items()})
            callback_list.on_epoch_end(epoch, epoch_logs)
            if self.stop_training:
                break
        callback_list.on_train_end(epoch_logs if epochs > initial_epoch else {})
        self.history = getattr(callback_list, "history", None) or _find_history(callback_list)
        return self.history

    def _evaluate_data(self, data, callback_list=None):
        self._may_have_losses = self._has_losses()
        self.reset_metrics()
        loss_sum, count = 0.0, 0
        logs = {}
        for step, batch in enumerate(data.batches()):
            if callback_list is not None:
                callback_list.on_test_batch_begin(step)
            loss = self.test_step(batch)
            n = _batch_size(batch[0])
            if loss is not None:
                loss_sum, count = _accumulate_loss(loss_sum, count, loss, n)
            else:
                count += n
            logs = self._logs(loss_sum, count)
            if callback_list is not None:
                callback_list.on_test_batch_end(step, logs)
        return logs

    def evaluate(self, x=None, y=None, batch_size=None, verbose="auto", sample_weight=None,
                 steps=None, callbacks=None, max_queue_size=10, workers=1,
                 use_multiprocessing=False, return_dict=False, **kwargs):
        if not self._is_compiled:
            raise NotCompiledError("You must call `compile()` before using the model.")
        verbose = _verbosity(verbose)
        data = data_adapter.make(x, y, sample_weight, batch_size, False, steps)
        callback_list = self._make_callbacks(callbacks, verbose, 1, data.steps,
                                             add_history=False)
        callback_list.on_test_begin()
        logs = self._evaluate_data(data, callback_list)
        callback_list.on_test_end(logs)
        if return_dict:
            return logs
        values = [logs.get(name, logs.get(name.split("_", 1)[-1])) for name in
                  self.metrics_names] if logs else []
        return values[0] if len(values) == 1 else values

    def predict(self, x, batch_size=None, verbose="auto", steps=None, callbacks=None,
                max_queue_size=10, workers=1, use_multiprocessing=False):
        verbose = _verbosity(verbose)
        data = data_adapter.make(x, None, None, batch_size, False, steps)
        callback_list = self._make_callbacks(callbacks, verbose, 1, data.steps,
                                             add_history=False)
        callback_list.on_predict_begin()
        chunks = []
        for step, batch in enumerate(data.batches()):
            callback_list.on_predict_batch_begin(step)
            out = self.predict_step(batch)
            chunks.append(nest.map_structure(lambda t: t.numpy(), out))
            callback_list.on_predict_batch_end(step, {"outputs": out})
        callback_list.on_predict_end()
        if not chunks:
            raise ValueError("Unexpected result of `predict_function` (Empty batch_outputs). "
                             "Please use `Model.compile(..., run_eagerly=True)`, or check your "
                             "data.")
        flat = [nest.flatten(c) for c in chunks]
        joined = [np.concatenate([c[i] for c in flat]) for i in range(len(flat[0]))]
        return nest.pack_sequence_as(chunks[0], joined)

    def train_on_batch(self, x, y=None, sample_weight=None, class_weight=None,
                       reset_metrics=True, return_dict=False):
        self._prepare_training()
        data = data_adapter.ArrayData(x, y, sample_weight, batch_size=None, shuffle=False)
        if class_weight is not None:
            data.sample_weight = _class_weights(data.y, class_weight, data.sample_weight)
        data.batch_size = max(data.size, 1)
        data.steps = 1
        if reset_metrics:
            self.reset_metrics()
        batch = next(iter(data.batches()))
        loss = self.train_step(batch)
        return self._single_batch_result(float(loss), return_dict)

    def test_on_batch(self, x, y=None, sample_weight=None, reset_metrics=True,
                      return_dict=False):
        self._may_have_losses = self._has_losses()
        data = data_adapter.ArrayData(x, y, sample_weight)
        data.batch_size, data.steps = max(data.size, 1), 1
        if reset_metrics:
            self.reset_metrics()
        loss = self.test_step(next(iter(data.batches())))
        return self._single_batch_result(float(loss), return_dict)

    def predict_on_batch(self, x):
        data = data_adapter.ArrayData(x)
        data.batch_size, data.steps = max(data.size, 1), 1
        out = self.predict_step(next(iter(data.batches())))
        return nest.map_structure(lambda t: t.numpy(), out)

    def _single_batch_result(self, loss, return_dict):
        logs = self._logs(loss, 1)
        if return_dict:
            return logs
        values = [logs[name] for name in self.metrics_names if name in logs]   # compile order
        return values[0] if len(values) == 1 else values

    # -- saving (the saving work lands separately) ----------------------------------------
    def save_weights(self, filepath, overwrite=True, save_format=None, options=None):
        from ..saving import weights as saving_weights
        return saving_weights.save_weights(self, filepath, overwrite=overwrite)

    def load_weights(self, filepath, by_name=False, skip_mismatch=False, options=None):
        from ..saving import weights as saving_weights
        return saving_weights.load_weights(self, filepath, skip_mismatch=skip_mismatch,
                                           by_name=by_name)

    def save(self, filepath, overwrite=True, save_format=None, **kwargs):
        from ..saving import save as saving_save
        return saving_save.save_model(self, filepath, overwrite=overwrite,
                                      save_format=save_format, **kwargs)

    def get_config(self):
        return {"name": self.name, "trainable": self.trainable}

    @property
    def compiled(self):
        return bool(getattr(self, "_is_compiled", False))

    def get_compile_config(self):
        """compile()'s arguments as a config (None before compile), as Keras 3 saves them."""
        if not getattr(self, "_is_compiled", False):
            return None
        from ..saving.model_config import compile_config
        return compile_config(self)

    def compile_from_config(self, config):
        from ..saving.model_config import compile_from_config
        compile_from_config(self, config)

    def to_json(self, **kwargs):
        """The architecture as JSON ({module, class_name, config, registered_name, ...})."""
        import json
        from ..saving.model_config import serialize_model
        return json.dumps(serialize_model(self, include_compile=False), **kwargs)

    @classmethod
    def from_config(cls, config, custom_objects=None):
        return cls(**config)


_NonLayerTypes = ()


class NotCompiledError(RuntimeError, ValueError):
    """fit/evaluate before compile(): Keras 2 raised RuntimeError, Keras 3 ValueError."""


def _metric_name(metric):
    return getattr(metric, "_name_override", None) or metric.name


def _accumulate_loss(loss_sum, count, loss, n):
    """Keras' loss tracker: total += loss * batch_size and count += batch_size, in float32."""
    return np.float32(loss_sum) + np.float32(float(loss)) * np.float32(n), count + n


def _batch_size(x):
    first = nest.flatten(x)[0]
    return first.shape[0] if first.ndim else 1


def _freq(validation_freq, epoch):
    return max(int(validation_freq), 1)


def _class_weights(y, class_weight, sample_weight):
    if y is None:
        raise ValueError("`class_weight` needs targets `y`")
    labels = nest.flatten(y)[0]
    if labels.ndim == 2 and labels.shape[1] > 1:
        labels = np.argmax(labels, axis=1)
    elif labels.ndim == 2:
        labels = np.round(labels[:, 0]).astype(np.int64)
    labels = labels.astype(np.int64)
    table = np.ones(max(int(labels.max()) + 1 if labels.size else 1,
                        max(class_weight) + 1), dtype=np.float32)
    for cls, weight in class_weight.items():
        table[int(cls)] = weight
    weights = table[labels]
    return weights if sample_weight is None else weights * sample_weight


def _find_history(callback_list):
    for cb in getattr(callback_list, "callbacks", []):
        if type(cb).__name__ == "History":
            return cb
    return None


class _History:
    def __init__(self, model):
        self.model, self.history, self.epoch, self.params = model, {}, [], {}


class _MinimalCallbackList:
    """Used only when keras.callbacks is unavailable: records History, calls user callbacks."""

    def __init__(self, callbacks, model, add_history):
        self.callbacks = list(callbacks or [])
        self.history = _History(model) if add_history else None
        for cb in self.callbacks:
            if hasattr(cb, "set_model"):
                cb.set_model(model)

    def _dispatch(self, name, *args):
        for cb in self.callbacks:
            fn = getattr(cb, name, None)
            if fn is not None:
                fn(*args)

    def on_epoch_end(self, epoch, logs=None):
        if self.history is not None:
            self.history.epoch.append(epoch)
            for k, v in (logs or {}).items():
                self.history.history.setdefault(k, []).append(v)
        self._dispatch("on_epoch_end", epoch, logs)

    def __getattr__(self, name):
        if name.startswith("on_"):
            return lambda *args: self._dispatch(name, *args)
        raise AttributeError(name)
