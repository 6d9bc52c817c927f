"""Recurrent layers: RNN (any cell with `state_size` and `call(inputs, states)`), SimpleRNN,
LSTM and GRU, with Keras 3's (TF 2.21) arguments, outputs and configs.

The loop is Python over time steps, composed of differentiable fasttf ops, so GradientTape
and fit() work unchanged. Built-in cells first project all steps' inputs with one matmul
(see recurrent_cells); a step is then h @ recurrent_kernel plus elementwise gates.

Masks: a `mask` ((batch, timesteps), True = use the step), passed or attached to the inputs
by the layer before (Embedding(mask_zero=True), Masking; see base_layer), is honoured as in
Keras (a masked step keeps the previous states, and outputs the previous output or zeros with
`zero_output_for_mask`).
"""

from ... import _C
from ...framework import dtypes
from ...framework.tensor import Tensor
from ...framework.tensor_shape import TensorShape
from ...util import nest
from ..engine import keras_tensor
from . import base_layer
from .base_layer import Layer
from .input_spec import InputSpec
from .recurrent_cells import GRUCell, LSTMCell, SimpleRNNCell, StackedRNNCells, unstack_steps


# -- (de)serialising cells -----------------------------------------------------------------
def serialize_cell(cell):
    from ..saving.model_config import serialize_layer
    if isinstance(cell, Layer):
        return serialize_layer(cell)
    return {"class_name": type(cell).__name__, "config": cell.get_config()}


def deserialize_cell(spec, custom_objects=None):
    if not isinstance(spec, dict):
        return spec  # already a cell
    from ..saving.model_config import deserialize_layer
    return deserialize_layer(spec, custom_objects)


def build_child(layer, input_shape):
    """Builds a sub-layer inside its parent's name scope, so its variables are named as
    Keras names them ('lstm/lstm_cell/kernel')."""
    if not isinstance(layer, Layer) or layer.built:
        return
    base_layer._NAME_SCOPE.append(layer.name)
    try:
        layer.build(TensorShape(input_shape))
    finally:
        base_layer._NAME_SCOPE.pop()
    layer.built = True


def _run_loop(step, inputs, states, masks, zero_output_for_mask, keep_all):
    """Runs `step(x_t, states) -> (output, states)` over the list `inputs`. A masked step
    (masks[t] False for a sample) keeps that sample's states and repeats its previous output
    (zeros with zero_output_for_mask), as Keras' backend.rnn. -> (last, outputs, states)"""
    outputs, previous, output = [], None, None
    for t, x_t in enumerate(inputs):
        output, new_states = step(x_t, states)
        if masks is not None:
            keep = masks[t]
            new_states = [_C.where(keep, new, old) for new, old in zip(new_states, states)]
            if previous is None or zero_output_for_mask:
                previous = output * 0
            output = _C.where(keep, output, previous)
            previous = output
        states = new_states
        if keep_all:
            outputs.append(output)
    return output, outputs, states


class RNN(Layer):
    """Runs a cell over the time axis of (batch, timesteps, ...) inputs."""

    def __init__(self, cell, return_sequences=False, return_state=False, go_backwards=False,
                 stateful=False, unroll=False, zero_output_for_mask=False, time_major=False,
                 **kwargs):
        if isinstance(cell, (list, tuple)):
            cell = StackedRNNCells(cell)
        if "call" not in dir(cell):
            raise ValueError("Argument `cell` should have a `call` method. Received: cell=%s"
                             % (cell,))
        if "state_size" not in dir(cell):
            raise ValueError("The RNN cell should have a `state_size` attribute (single integer "
                             "or list of integers, one integer per RNN state). Received: "
                             "cell=%s" % (cell,))
        super().__init__(**kwargs)
        self.cell = cell
        self.return_sequences = bool(return_sequences)
        self.return_state = bool(return_state)
        self.go_backwards = bool(go_backwards)
        self.stateful = bool(stateful)
        self.unroll = bool(unroll)  # accepted; the Python loop is already unrolled
        self.zero_output_for_mask = bool(zero_output_for_mask)
        self.time_major = bool(time_major)
        self.supports_masking = True
        self._symbolic_call = False
        # Not Variables held directly: stateful states are not weights (as Keras 3).
        self.states = None
        state_size = getattr(cell, "state_size", None)
        if state_size is None or not isinstance(state_size, (list, tuple, int)):
            raise ValueError("state_size must be an integer, or a list/tuple of integers (one "
                             "for each state tensor).")

    # -- state structure -------------------------------------------------------------------
    @property
    def state_size(self):
        size = self.cell.state_size
        return [size] if isinstance(size, int) else list(size)

    def _flat_state_sizes(self):
        return [int(s) for s in nest.flatten(self.state_size)]

    def _pack_states(self, flat):
        structure = self.state_size
        if isinstance(self.cell, StackedRNNCells):  # one list of states per cell, as Keras
            structure = [list(s) if isinstance(s, (list, tuple)) else [s] for s in structure]
        return nest.pack_sequence_as(structure, list(flat))

    def _output_size(self):
        size = getattr(self.cell, "output_size", None)
        return size if size is not None else self._flat_state_sizes()[0]

    def get_initial_state(self, batch_size):
        fn = getattr(self.cell, "get_initial_state", None)
        if fn is not None:
            return list(nest.flatten(fn(batch_size=batch_size)))
        dtype = dtypes.as_dtype(getattr(self.cell, "dtype", None) or self.dtype)
        return [_C.zeros([int(batch_size), d], dtype) for d in self._flat_state_sizes()]

    # -- building --------------------------------------------------------------------------
    def build(self, sequences_shape, initial_state_shape=None):
        if isinstance(sequences_shape, (list, tuple)) and sequences_shape and \
                isinstance(sequences_shape[0], (list, tuple, TensorShape)):
            sequences_shape = sequences_shape[0]  # [x, *initial_states] given as one list
        dims = tuple(TensorShape(sequences_shape).dims)
        if len(dims) < 3:
            raise ValueError("An RNN layer expects inputs of rank >= 3 (batch, timesteps, "
                             "features). Received input shape: %s" % (dims,))
        if self.time_major:
            dims = (dims[1], dims[0]) + dims[2:]
        build_child(self.cell, (dims[0],) + dims[2:])
        if self.stateful and self._batch_input_shape is not None and \
                self._batch_input_shape[0] is not None:
            self._create_state_variables(int(self._batch_input_shape[0]))
        self.built = True

    def _create_state_variables(self, batch_size):
        from ...framework.variables import Variable
        self.states = [Variable(s, trainable=False, name="%s/rnn_state" % self.name)
                       for s in self.get_initial_state(batch_size)]

    def reset_states(self, states=None):
        self.reset_state(states)

    def reset_state(self, states=None):
        if self.states is None:  # never stateful, or not yet called: nothing to reset (Keras)
            return
        if states is None:
            for v in self.states:
                v.assign(_C.zeros(list(v.shape), v.dtype))
            return
        values = nest.flatten(states)
        if len(values) != len(self.states):
            raise ValueError("Layer %s expects %d states, but it received %d state values."
                             % (self.name, len(self.states), len(values)))
        for v, value in zip(self.states, values):
            v.assign(value)

    # -- calling ---------------------------------------------------------------------------
    def __call__(self, *args, **kwargs):
        # A functional/Sequential trace runs the layer once on placeholder zeros: remember it,
        # so that a stateful layer neither sizes nor updates its states from that run.
        inputs = args[0] if args else kwargs.get("inputs")
        if keras_tensor.is_symbolic(inputs) or any(
                keras_tensor.is_symbolic(t) for t in nest.flatten(kwargs.get("initial_state"))):
            self._symbolic_call = True
            try:
                return super().__call__(*args, **kwargs)
            finally:
                self._symbolic_call = False
        return super().__call__(*args, **kwargs)

    def _split_inputs(self, sequences, initial_state):
        if isinstance(sequences, (list, tuple)):  # Keras 2's layer([x, h0, c0])
            if len(sequences) == 0:
                raise ValueError("An RNN layer received an empty list of inputs.")
            if len(sequences) > 1 and initial_state is None:
                initial_state = list(sequences[1:])
            sequences = sequences[0]
        if not isinstance(sequences, Tensor):
            sequences = self._convert_input(sequences)
        return sequences, initial_state

    def _initial_states(self, batch, initial_state, dtype):
        if initial_state is None:
            if self.stateful and not self._symbolic_call:
                if self.states is None:
                    self._create_state_variables(batch)
                expected = int(self.states[0].shape[0])
                if expected != batch:
                    raise ValueError(
                        "If an RNN is stateful, the batch size of the input sequences must be "
                        "the same as the batch size of the initial state. \n- Expected batch "
                        "size: %d\n- Received batch size: %d" % (expected, batch))
                return [_C.identity(v) for v in self.states]
            return self.get_initial_state(batch)
        flat = [self._convert_input(s) for s in nest.flatten(initial_state)]
        sizes = self._flat_state_sizes()
        if len(flat) != len(sizes):
            raise ValueError("Layer %s expects %d state(s), but it received %d initial state(s)."
                             % (self.name, len(sizes), len(flat)))
        for s, size in zip(flat, sizes):
            if tuple(s.shape) != (batch, size):
                raise ValueError("An initial state of layer %s has shape %s; expected %s."
                                 % (self.name, tuple(s.shape), (batch, size)))
        return [_C.cast(s, dtype) if s.dtype != dtype else s for s in flat]

    def _step_masks(self, mask, batch, steps):
        if mask is None:
            return None
        if isinstance(mask, (list, tuple)):
            mask = mask[0]
        mask = self._convert_input(mask)
        if mask.ndim == 3 and int(mask.shape[2]) == 1:
            mask = _C.reshape(mask, [int(mask.shape[0]), int(mask.shape[1])])
        if tuple(mask.shape) != (batch, steps):
            raise ValueError("The mask of layer %s must have shape (batch, timesteps) = %s; "
                             "received %s." % (self.name, (batch, steps), tuple(mask.shape)))
        if mask.dtype != dtypes.bool_:
            mask = _C.binary_op(_C.BinaryOp.not_equal, mask, _C.zeros([], mask.dtype))
        time_major = _C.contiguous(_C.transpose(mask, [1, 0]))
        return [_C.reshape(m, [batch, 1]) for m in _C.unstack(time_major, 0, steps)]

    def _steps(self, sequences, training):
        """(per-step inputs, step function over flat states)."""
        cell = self.cell
        if hasattr(cell, "_projected_steps") and sequences.ndim == 3:
            return cell._projected_steps(sequences, training)
        rank = sequences.ndim
        time_major = _C.transpose(sequences, [1, 0] + list(range(2, rank)))
        kwargs = {"training": training} if _accepts_training(cell) else {}
        call = cell if isinstance(cell, Layer) else cell.call

        def step(x_t, flat_states):
            output, new_states = call(x_t, self._pack_states(flat_states), **kwargs)
            return output, list(nest.flatten(new_states))

        # The reshape copies the transposed view, so that each step is one contiguous block.
        return unstack_steps(_C.reshape(time_major, list(time_major.shape))), step

    def call(self, sequences, initial_state=None, mask=None, training=None):
        sequences, initial_state = self._split_inputs(sequences, initial_state)
        if sequences.ndim < 3:
            raise ValueError("An RNN layer expects inputs of rank >= 3 (batch, timesteps, "
                             "features). Received input shape: %s" % (tuple(sequences.shape),))
        if self.time_major:
            sequences = _C.transpose(sequences, [1, 0] + list(range(2, sequences.ndim)))
        batch, steps = int(sequences.shape[0]), int(sequences.shape[1])
        if steps == 0:
            raise ValueError("An RNN layer needs at least one timestep. Received input shape: "
                             "%s" % (tuple(sequences.shape),))
        states = self._initial_states(batch, initial_state, sequences.dtype)
        masks = self._step_masks(mask, batch, steps)
        try:
            inputs, step = self._steps(sequences, bool(training))
            if self.go_backwards:
                inputs = inputs[::-1]
                masks = masks[::-1] if masks is not None else None
            last, outputs, states = _run_loop(step, inputs, states, masks,
                                              self.zero_output_for_mask, self.return_sequences)
        finally:
            _reset_dropout_masks(self.cell)
        if self.stateful and not self._symbolic_call:
            for variable, value in zip(self.states, states):
                variable.assign(value)
        if self.return_sequences:
            output = _C.stack(outputs, 0 if self.time_major else 1)
        else:
            output = last
        if self.return_state:
            return (output,) + tuple(self._pack_states(states))
        return output

    def compute_mask(self, inputs, mask=None):
        """Keras' output mask: the input mask for returned sequences, None for states."""
        mask = nest.flatten(mask)[0] if mask is not None else None
        output_mask = mask if self.return_sequences else None
        if self.return_state:
            return [output_mask] + [None] * len(self._flat_state_sizes())
        return output_mask

    def get_config(self):
        config = {"return_sequences": self.return_sequences, "return_state": self.return_state,
                  "go_backwards": self.go_backwards, "stateful": self.stateful,
                  "unroll": self.unroll, "zero_output_for_mask": self.zero_output_for_mask}
        if self.time_major:
            config["time_major"] = True
        config["cell"] = serialize_cell(self.cell)
        base = super().get_config()
        return {**base, **config}

    @classmethod
    def from_config(cls, config, custom_objects=None):
        config = dict(config)
        cell = deserialize_cell(config.pop("cell"), custom_objects)
        return cls(cell, **config)


def _accepts_training(cell):
    from .recurrent_cells import _accepts_training as accepts
    return accepts(cell)


def _reset_dropout_masks(cell):
    if hasattr(cell, "reset_dropout_mask"):
        cell.reset_dropout_mask()
        cell.reset_recurrent_dropout_mask()
    for inner in getattr(cell, "cells", None) or []:
        _reset_dropout_masks(inner)


# Keyword arguments of the RNN base that the built-in layers pass through (not to the cell).
_RNN_ARGS = ("return_sequences", "return_state", "go_backwards", "stateful", "unroll",
             "zero_output_for_mask", "time_major")
_CELL_PROPERTIES = ("units", "activation", "recurrent_activation", "use_bias",
                    "kernel_initializer", "recurrent_initializer", "bias_initializer",
                    "kernel_regularizer", "recurrent_regularizer", "bias_regularizer",
                    "kernel_constraint", "recurrent_constraint", "bias_constraint", "dropout",
                    "recurrent_dropout", "unit_forget_bias", "reset_after")


class _BuiltinRNN(RNN):
    """SimpleRNN / LSTM / GRU: an RNN that makes its own cell from the layer's arguments."""

    cell_class = None
    cell_name = None

    def __init__(self, units, **kwargs):
        rnn_kwargs = {k: kwargs.pop(k) for k in _RNN_ARGS if k in kwargs}
        use_cudnn = kwargs.pop("use_cudnn", "auto")
        if use_cudnn not in ("auto", True, False):
            raise ValueError("Invalid valid received for argument `use_cudnn`. Expected one of "
                             "{'auto', True, False}. Received: use_cudnn=%s" % (use_cudnn,))
        layer_keys = ("name", "trainable", "dtype", "activity_regularizer", "input_shape",
                      "input_dim", "batch_input_shape", "batch_size", "weights", "autocast",
                      "input_length")
        layer_kwargs = {k: kwargs.pop(k) for k in layer_keys if k in kwargs}
        cell = self.cell_class(units, name=self.cell_name, dtype=layer_kwargs.get("dtype"),
                               trainable=layer_kwargs.get("trainable", True), **kwargs)
        super().__init__(cell, **rnn_kwargs, **layer_kwargs)
        self.use_cudnn = use_cudnn
        self.input_spec = InputSpec(ndim=3)

    def __getattr__(self, name):
        # units, activation, dropout, ... read through to the cell, as Keras' properties do.
        if name in _CELL_PROPERTIES and "cell" in self.__dict__:
            return getattr(self.__dict__["cell"], name)
        raise AttributeError("'%s' object has no attribute '%s'" % (type(self).__name__, name))

    def get_config(self):
        config = super().get_config()
        cell_config = self.cell.get_config()
        for key in ("name", "trainable", "dtype"):
            cell_config.pop(key, None)
        config.pop("cell")
        from ..regularizers import serialize
        config["activity_regularizer"] = serialize(self.activity_regularizer)
        return {**config, **cell_config}

    @classmethod
    def from_config(cls, config, custom_objects=None):
        config = dict(config)
        config.pop("cell", None)
        config.pop("implementation", None) if config.get("implementation") in (1, 2) else None
        return cls(**config)


class SimpleRNN(_BuiltinRNN):
    """Fully-connected RNN: h_t = activation(x_t @ kernel + h_{t-1} @ recurrent_kernel + b)."""

    cell_class = SimpleRNNCell
    cell_name = "simple_rnn_cell"

    def __init__(self, units, activation="tanh", use_bias=True, **kwargs):
        super().__init__(units, activation=activation, use_bias=use_bias, **kwargs)

    def get_config(self):
        config = super().get_config()
        config.pop("seed", None)  # Keras 3's SimpleRNN config omits it (its cell keeps it)
        return config


class LSTM(_BuiltinRNN):
    """Long Short-Term Memory (Hochreiter 1997); states [h, c]; return_state gives (output,
    h, c)."""

    cell_class = LSTMCell
    cell_name = "lstm_cell"

    def __init__(self, units, activation="tanh", recurrent_activation="sigmoid", use_bias=True,
                 unit_forget_bias=True, **kwargs):
        super().__init__(units, activation=activation, recurrent_activation=recurrent_activation,
                         use_bias=use_bias, unit_forget_bias=unit_forget_bias, **kwargs)


class GRU(_BuiltinRNN):
    """Gated Recurrent Unit (Cho 2014), Keras' reset_after=True default (bias (2, 3*units))."""

    cell_class = GRUCell
    cell_name = "gru_cell"

    def __init__(self, units, activation="tanh", recurrent_activation="sigmoid", use_bias=True,
                 reset_after=True, **kwargs):
        super().__init__(units, activation=activation, recurrent_activation=recurrent_activation,
                         use_bias=use_bias, reset_after=reset_after, **kwargs)


__all__ = ["RNN", "SimpleRNN", "LSTM", "GRU", "SimpleRNNCell", "LSTMCell", "GRUCell",
           "StackedRNNCells"]
