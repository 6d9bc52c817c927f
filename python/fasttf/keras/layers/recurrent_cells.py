"""Recurrent cells: SimpleRNNCell, LSTMCell, GRUCell and StackedRNNCells.

Weight shapes, gate order and configs are Keras 3's (TF 2.21), so weights move between TF and
fasttf with get_weights/set_weights or a saved file:
  SimpleRNN  kernel (D, U), recurrent_kernel (U, U), bias (U,)
  LSTM       kernel (D, 4U), recurrent_kernel (U, 4U), bias (4U,)  gates i, f, c, o
  GRU        kernel (D, 3U), recurrent_kernel (U, 3U), bias (2, 3U) with reset_after
             (input bias row, recurrent bias row), (3U,) without        gates z, r, h

Each cell has the Keras one-step `call(inputs, states, training)`. For the RNN layer it also
offers `_projected_steps(sequences, training)`: the input projection of every step as ONE
matmul ((T*B, D) @ kernel), then a step function that only adds h @ recurrent_kernel and
applies the gates. That removes T small matmuls from the loop and is what makes the layers
fast; it is the same arithmetic as the one-step call.
"""

import numpy as np

from ... import _C
from .. import activations, backend
from .. import initializers as initializers_mod
from .. import regularizers as regularizers_mod
from .base_layer import Layer
from .core import _get_constraint



def _serialize_constraint(c):
    if c is None:
        return None
    try:
        from .. import constraints
        return constraints.serialize(c)
    except (ImportError, AttributeError):
        return None


def _rate(value, name):
    """Keras clips dropout rates to [0, 1]; anything not a number is a user error."""
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise ValueError("`%s` must be a float between 0 and 1. Received: %s=%r"
                         % (name, name, value)) from None
    return min(1.0, max(0.0, value))


def _positive_units(units):
    if isinstance(units, bool) or not isinstance(units, (int, np.integer)) or units <= 0:
        raise ValueError("Received an invalid value for argument `units`, expected a positive "
                         "integer, got %s." % (units,))
    return int(units)


def unstack_steps(sequence):
    """The T slices of a (T, ...) tensor, recorded as ONE tape node whose gradient stacks the
    slices' gradients. The built-in unstack gradient turns every slice's gradient into a
    full-size tensor and adds them: O(T^2) work, most of an LSTM's backward pass at T=20."""
    steps = int(sequence.shape[0])
    if not _C.is_recording():
        return _C.unstack(sequence, 0, steps)
    slices = _C.unstack(_C.stop_gradient(sequence), 0, steps)

    def backward(grads):
        grads = [_C.zeros(list(s.shape), s.dtype) if g is None else g
                 for g, s in zip(grads, slices)]
        return [_C.stack(grads, 0)]

    _C.record_custom("UnstackSteps", [sequence], slices, backward)
    return slices


class DropoutRNNCell:
    """Keras' dropout helper for cells: one mask per call of the RNN layer, shared by every time
    step (the same units are dropped at each step, as in Gal & Ghahramani's recurrent dropout).
    `_mask_count` > 1 gives one mask per gate (Keras' implementation 1)."""

    _mask_count = None

    def _dropout_rng(self):
        if getattr(self, "seed", None) is not None:
            if getattr(self, "_seeded_rng", None) is None:
                self._seeded_rng = np.random.default_rng(self.seed)
            return self._seeded_rng
        return backend.rng()

    def _create_dropout_mask(self, like, rate):
        rng = self._dropout_rng()
        shape = tuple(int(d) for d in like.shape)
        np_dtype = like.dtype.as_numpy_dtype

        def one():
            keep = rng.random(shape, dtype=np.float32) >= rate
            return _C.convert_to_tensor((keep / (1.0 - rate)).astype(np_dtype), like.dtype)

        return one() if self._mask_count is None else [one() for _ in range(self._mask_count)]

    def get_dropout_mask(self, step_input):
        if getattr(self, "_dropout_mask", None) is None and 0.0 < self.dropout < 1.0:
            self._dropout_mask = self._create_dropout_mask(step_input, self.dropout)
        return getattr(self, "_dropout_mask", None)

    def get_recurrent_dropout_mask(self, step_state):
        if getattr(self, "_recurrent_dropout_mask", None) is None and \
                0.0 < self.recurrent_dropout < 1.0:
            self._recurrent_dropout_mask = self._create_dropout_mask(step_state,
                                                                     self.recurrent_dropout)
        return getattr(self, "_recurrent_dropout_mask", None)

    def reset_dropout_mask(self):
        self._dropout_mask = None

    def reset_recurrent_dropout_mask(self):
        self._recurrent_dropout_mask = None


class _GatedCell(Layer, DropoutRNNCell):
    """What SimpleRNN, LSTM and GRU cells share: arguments, weights, projection, config."""

    gates = 1  # kernel columns per unit

    def __init__(self, units, activation="tanh", recurrent_activation="sigmoid", use_bias=True,
                 kernel_initializer="glorot_uniform", recurrent_initializer="orthogonal",
                 bias_initializer="zeros", kernel_regularizer=None, recurrent_regularizer=None,
                 bias_regularizer=None, kernel_constraint=None, recurrent_constraint=None,
                 bias_constraint=None, dropout=0.0, recurrent_dropout=0.0, seed=None, **kwargs):
        implementation = kwargs.pop("implementation", 2)
        super().__init__(**kwargs)
        self.units = _positive_units(units)
        self.activation = activations.get(activation)
        self.recurrent_activation = activations.get(recurrent_activation)
        self.use_bias = bool(use_bias)
        self.kernel_initializer = initializers_mod.get(kernel_initializer)
        self.recurrent_initializer = initializers_mod.get(recurrent_initializer)
        self.bias_initializer = initializers_mod.get(bias_initializer)
        self.kernel_regularizer = regularizers_mod.get(kernel_regularizer)
        self.recurrent_regularizer = regularizers_mod.get(recurrent_regularizer)
        self.bias_regularizer = regularizers_mod.get(bias_regularizer)
        self.kernel_constraint = _get_constraint(kernel_constraint)
        self.recurrent_constraint = _get_constraint(recurrent_constraint)
        self.bias_constraint = _get_constraint(bias_constraint)
        self.dropout = _rate(dropout, "dropout")
        self.recurrent_dropout = _rate(recurrent_dropout, "recurrent_dropout")
        self.seed = seed
        # Keras switches to per-gate masks (implementation 1) with recurrent dropout.
        self.implementation = 1 if self.recurrent_dropout != 0.0 else implementation
        if self.implementation == 1 and self.gates > 1:
            self._mask_count = self.gates
        self.state_size = self.units
        self.output_size = self.units

    # -- weights ---------------------------------------------------------------------------
    def _bias_shape(self):
        return (self.gates * self.units,)

    def _bias_initializer(self):
        return self.bias_initializer

    def build(self, input_shape):
        input_dim = input_shape[-1]
        if input_dim is None:
            raise ValueError("The last dimension of the inputs to `%s` should be defined. Found "
                             "None." % type(self).__name__)
        width = self.gates * self.units
        self.kernel = self.add_weight("kernel", shape=(int(input_dim), width),
                                      initializer=self.kernel_initializer,
                                      regularizer=self.kernel_regularizer,
                                      constraint=self.kernel_constraint)
        self.recurrent_kernel = self.add_weight("recurrent_kernel", shape=(self.units, width),
                                                initializer=self.recurrent_initializer,
                                                regularizer=self.recurrent_regularizer,
                                                constraint=self.recurrent_constraint)
        self.bias = self.add_weight("bias", shape=self._bias_shape(),
                                    initializer=self._bias_initializer(),
                                    regularizer=self.bias_regularizer,
                                    constraint=self.bias_constraint) if self.use_bias else None
        self.built = True

    def _columns(self, weight, gate):
        """The columns of one gate: a view, so gradients reach the whole weight."""
        return weight[:, gate * self.units:(gate + 1) * self.units] if weight.ndim == 2 \
            else weight[gate * self.units:(gate + 1) * self.units]

    def _input_bias(self):
        return self.bias

    # -- the input projection, all steps at once -------------------------------------------
    def _project(self, inputs):
        """inputs @ kernel (+ input bias): (N, D) -> (N, gates*U). A list holds one
        differently dropped copy of the inputs per gate (Keras' implementation 1)."""
        if isinstance(inputs, list):
            out = _C.concat([_C.matmul(x, self._columns(self.kernel, g), False, False)
                             for g, x in enumerate(inputs)], 1)
        else:
            out = _C.matmul(inputs, self.kernel, False, False)
        bias = self._input_bias()
        return out if bias is None else out + bias

    @staticmethod
    def _dropped(inputs, mask, reshape=None):
        """inputs * mask (or one product per mask of a list), each reshaped to `reshape`."""
        def one(m):
            x = inputs if m is None else inputs * m
            return x if reshape is None else _C.reshape(x, reshape)
        return [one(m) for m in mask] if isinstance(mask, list) else one(mask)

    def _projected_steps(self, sequences, training):
        """(list of T projected (B, gates*U) inputs, step function (x_t, states) -> (output,
        states)). Dropout masks are drawn once per call and shared by the steps, as Keras."""
        batch, steps, dim = (int(d) for d in sequences.shape)
        mask = self.get_dropout_mask(_C.zeros([batch, dim], sequences.dtype)) \
            if training else None
        if isinstance(mask, list):
            mask = [_C.expand_dims(m, 0) for m in mask]
        elif mask is not None:
            mask = _C.expand_dims(mask, 0)
        # Time-major first (the reshape copies), so each step is one contiguous block.
        time_major = _C.transpose(sequences, [1, 0, 2])
        flat = self._dropped(time_major, mask, [steps * batch, dim])
        projected = _C.reshape(self._project(flat), [steps, batch, self.gates * self.units])
        recurrent_mask = self.get_recurrent_dropout_mask(
            _C.zeros([batch, self.units], sequences.dtype)) if training else None
        return unstack_steps(projected), self._make_step(recurrent_mask)

    def _make_step(self, recurrent_mask):
        raise NotImplementedError

    def call(self, inputs, states, training=None):
        """One time step, as Keras' cell call: (output, new states)."""
        nested = isinstance(states, (list, tuple))
        state_list = list(states) if nested else [states]
        mask = self.get_dropout_mask(inputs) if training else None
        projected = self._project(self._dropped(inputs, mask))
        recurrent_mask = self.get_recurrent_dropout_mask(state_list[0]) if training else None
        output, new_states = self._make_step(recurrent_mask)(projected, state_list)
        if not nested and len(new_states) == 1:
            return output, new_states[0]
        return output, new_states

    def get_initial_state(self, batch_size=None, inputs=None, dtype=None):
        if batch_size is None and inputs is not None:
            batch_size = int(inputs.shape[0])
        sizes = self.state_size if isinstance(self.state_size, (list, tuple)) \
            else [self.state_size]
        dtype = dtype or self.dtype
        from ...framework import dtypes
        return [_C.zeros([int(batch_size), int(d)], dtypes.as_dtype(dtype)) for d in sizes]

    def get_config(self):
        config = {
            "units": self.units, "activation": activations.serialize(self.activation),
            "recurrent_activation": activations.serialize(self.recurrent_activation),
            "use_bias": self.use_bias,
            "kernel_initializer": initializers_mod.serialize(self.kernel_initializer),
            "recurrent_initializer": initializers_mod.serialize(self.recurrent_initializer),
            "bias_initializer": initializers_mod.serialize(self.bias_initializer),
            "kernel_regularizer": regularizers_mod.serialize(self.kernel_regularizer),
            "recurrent_regularizer": regularizers_mod.serialize(self.recurrent_regularizer),
            "bias_regularizer": regularizers_mod.serialize(self.bias_regularizer),
            "kernel_constraint": _serialize_constraint(self.kernel_constraint),
            "recurrent_constraint": _serialize_constraint(self.recurrent_constraint),
            "bias_constraint": _serialize_constraint(self.bias_constraint),
            "dropout": self.dropout, "recurrent_dropout": self.recurrent_dropout,
            "seed": self.seed}
        base = super().get_config()
        base.pop("batch_input_shape", None)
        return {**base, **config}


def _recurrent_product(h, kernels, recurrent_mask):
    """h @ recurrent_kernel; with per-gate masks (a list), one dropped copy of h per gate and
    `kernels` holding that gate's columns."""
    if isinstance(recurrent_mask, list):
        return _C.concat([_C.matmul(h * m, k, False, False)
                          for m, k in zip(recurrent_mask, kernels)], 1)
    if recurrent_mask is not None:
        h = h * recurrent_mask
    return _C.matmul(h, kernels[0], False, False)


class SimpleRNNCell(_GatedCell):
    """h_t = activation(x_t @ kernel + h_{t-1} @ recurrent_kernel + bias)."""

    gates = 1

    def __init__(self, units, activation="tanh", use_bias=True,
                 kernel_initializer="glorot_uniform", recurrent_initializer="orthogonal",
                 bias_initializer="zeros", kernel_regularizer=None, recurrent_regularizer=None,
                 bias_regularizer=None, kernel_constraint=None, recurrent_constraint=None,
                 bias_constraint=None, dropout=0.0, recurrent_dropout=0.0, seed=None, **kwargs):
        super().__init__(units, activation=activation, use_bias=use_bias,
                         kernel_initializer=kernel_initializer,
                         recurrent_initializer=recurrent_initializer,
                         bias_initializer=bias_initializer, kernel_regularizer=kernel_regularizer,
                         recurrent_regularizer=recurrent_regularizer,
                         bias_regularizer=bias_regularizer, kernel_constraint=kernel_constraint,
                         recurrent_constraint=recurrent_constraint,
                         bias_constraint=bias_constraint, dropout=dropout,
                         recurrent_dropout=recurrent_dropout, seed=seed, **kwargs)

    def _make_step(self, recurrent_mask):
        kernel, activation = self.recurrent_kernel, self.activation

        def step(x_t, states):
            h = states[0] if recurrent_mask is None else states[0] * recurrent_mask
            out = activation(x_t + _C.matmul(h, kernel, False, False))
            return out, [out]

        return step

    def get_config(self):
        config = super().get_config()
        config.pop("recurrent_activation")
        return config


class LSTMCell(_GatedCell):
    """i, f, o = σ(·), g = tanh(·) from x @ kernel + h @ recurrent_kernel + bias (columns in
    the order i, f, c, o); c_t = f*c + i*g, h_t = o * tanh(c_t). States [h, c]."""

    gates = 4

    def __init__(self, units, activation="tanh", recurrent_activation="sigmoid", use_bias=True,
                 kernel_initializer="glorot_uniform", recurrent_initializer="orthogonal",
                 bias_initializer="zeros", unit_forget_bias=True, kernel_regularizer=None,
                 recurrent_regularizer=None, bias_regularizer=None, kernel_constraint=None,
                 recurrent_constraint=None, bias_constraint=None, dropout=0.0,
                 recurrent_dropout=0.0, seed=None, **kwargs):
        super().__init__(units, activation=activation, recurrent_activation=recurrent_activation,
                         use_bias=use_bias, kernel_initializer=kernel_initializer,
                         recurrent_initializer=recurrent_initializer,
                         bias_initializer=bias_initializer, kernel_regularizer=kernel_regularizer,
                         recurrent_regularizer=recurrent_regularizer,
                         bias_regularizer=bias_regularizer, kernel_constraint=kernel_constraint,
                         recurrent_constraint=recurrent_constraint,
                         bias_constraint=bias_constraint, dropout=dropout,
                         recurrent_dropout=recurrent_dropout, seed=seed, **kwargs)
        self.unit_forget_bias = bool(unit_forget_bias)
        self.state_size = [self.units, self.units]

    def _bias_initializer(self):
        if not self.unit_forget_bias:
            return self.bias_initializer
        units, init = self.units, self.bias_initializer

        def forget_ones(shape, dtype=None, **kwargs):
            # Keras: zeros-initializer parts around a block of ones for the forget gate.
            parts = [_as_array(init((units,), dtype=dtype)), np.ones((units,)),
                     _as_array(init((2 * units,), dtype=dtype))]
            return np.concatenate(parts)

        return forget_ones

    def _make_step(self, recurrent_mask):
        kernels = [self._columns(self.recurrent_kernel, g) for g in range(4)] \
            if isinstance(recurrent_mask, list) else [self.recurrent_kernel]
        act, rec_act = self.activation, self.recurrent_activation

        def step(x_t, states):
            h, c = states[0], states[1]
            z = x_t + _recurrent_product(h, kernels, recurrent_mask)
            # Both activations over all four gates, then column views: an activation of a
            # strided column slice costs ~20x one of the whole contiguous (B, 4U) block.
            i, f, _, o = _C.split_even(rec_act(z), 4, 1)
            g = _C.split_even(act(z), 4, 1)[2]
            c_new = f * c + i * g
            h_new = o * act(c_new)
            return h_new, [h_new, c_new]

        return step

    def get_config(self):
        config = super().get_config()
        config["unit_forget_bias"] = self.unit_forget_bias
        return config


class GRUCell(_GatedCell):
    """z, r = σ(·); hh = tanh(x_h + r * (h @ U_h + b_h)) with reset_after (Keras' default, the
    CuDNN form), tanh(x_h + (r * h) @ U_h) without; h_t = z * h + (1 - z) * hh. Columns z, r, h."""

    gates = 3

    def __init__(self, units, activation="tanh", recurrent_activation="sigmoid", use_bias=True,
                 kernel_initializer="glorot_uniform", recurrent_initializer="orthogonal",
                 bias_initializer="zeros", kernel_regularizer=None, recurrent_regularizer=None,
                 bias_regularizer=None, kernel_constraint=None, recurrent_constraint=None,
                 bias_constraint=None, dropout=0.0, recurrent_dropout=0.0, reset_after=True,
                 seed=None, **kwargs):
        super().__init__(units, activation=activation, recurrent_activation=recurrent_activation,
                         use_bias=use_bias, kernel_initializer=kernel_initializer,
                         recurrent_initializer=recurrent_initializer,
                         bias_initializer=bias_initializer, kernel_regularizer=kernel_regularizer,
                         recurrent_regularizer=recurrent_regularizer,
                         bias_regularizer=bias_regularizer, kernel_constraint=kernel_constraint,
                         recurrent_constraint=recurrent_constraint,
                         bias_constraint=bias_constraint, dropout=dropout,
                         recurrent_dropout=recurrent_dropout, seed=seed, **kwargs)
        self.reset_after = bool(reset_after)

    def _bias_shape(self):
        return (2, 3 * self.units) if self.reset_after else (3 * self.units,)

    def _input_bias(self):
        if self.bias is None or not self.reset_after:
            return self.bias
        return self.bias[0]

    def _make_step(self, recurrent_mask):
        units = self.units
        per_gate = isinstance(recurrent_mask, list)
        kernel = self.recurrent_kernel
        gate_kernels = [self._columns(kernel, g) for g in range(3)]
        zr_kernel = kernel[:, :2 * units]
        recurrent_bias = self.bias[1] if self.bias is not None and self.reset_after else None
        act, rec_act = self.activation, self.recurrent_activation
        reset_after = self.reset_after

        def masked(h, gate):
            if per_gate:
                return h * recurrent_mask[gate]
            return h if recurrent_mask is None else h * recurrent_mask

        def step(x_t, states):
            h = states[0]
            if reset_after and not per_gate:
                # The common case: z and r from one add and one activation over 2U columns.
                inner = _C.matmul(masked(h, 0), kernel, False, False)
                if recurrent_bias is not None:
                    inner = inner + recurrent_bias
                x_zr, x_h = _C.split(x_t, [2 * units, units], 1)
                r_zr, r_h = _C.split(inner, [2 * units, units], 1)
                z, r = _C.split_even(rec_act(x_zr + r_zr), 2, 1)
                h_new = z * h + (1 - z) * act(x_h + r * r_h)
                return h_new, [h_new]
            x_z, x_r, x_h = _C.split_even(x_t, 3, 1)
            if per_gate:  # recurrent dropout: one dropped copy of h per gate
                r_z = _C.matmul(masked(h, 0), gate_kernels[0], False, False)
                r_r = _C.matmul(masked(h, 1), gate_kernels[1], False, False)
            else:  # reset_after=False: z and r columns in one matmul, as Keras
                r_z, r_r = _C.split_even(_C.matmul(masked(h, 0), zr_kernel, False, False), 2, 1)
            if recurrent_bias is not None:
                r_z = r_z + recurrent_bias[:units]
                r_r = r_r + recurrent_bias[units:2 * units]
            z = rec_act(x_z + r_z)
            r = rec_act(x_r + r_r)
            if reset_after:
                r_h = _C.matmul(masked(h, 2), gate_kernels[2], False, False)
                if recurrent_bias is not None:
                    r_h = r_h + recurrent_bias[2 * units:]
                hh = act(x_h + r * r_h)
            else:
                hh = act(x_h + _C.matmul(r * masked(h, 2), gate_kernels[2], False, False))
            h_new = z * h + (1 - z) * hh
            return h_new, [h_new]

        return step

    def get_config(self):
        config = super().get_config()
        config["reset_after"] = self.reset_after
        return config


class StackedRNNCells(Layer):
    """Several cells run as one: each step feeds the output of one cell to the next. The states
    are the cells' states in order (Keras 3 keeps them nested per cell)."""

    def __init__(self, cells, **kwargs):
        super().__init__(**kwargs)
        for cell in cells:
            if "call" not in dir(cell):
                raise ValueError("All cells must have a `call` method. Received cell without a "
                                 "`call` method: %s" % (cell,))
            if "state_size" not in dir(cell):
                raise ValueError("All cells must have a `state_size` attribute. Received cell "
                                 "without a `state_size`: %s" % (cell,))
        self.cells = list(cells)

    @property
    def state_size(self):
        return [c.state_size for c in self.cells]

    @property
    def output_size(self):
        last = self.cells[-1]
        if getattr(last, "output_size", None) is not None:
            return last.output_size
        size = last.state_size
        return size[0] if isinstance(size, (list, tuple)) else size

    def get_initial_state(self, batch_size=None):
        out = []
        for cell in self.cells:
            fn = getattr(cell, "get_initial_state", None)
            if fn is not None:
                state = fn(batch_size=batch_size)
            else:
                sizes = cell.state_size if isinstance(cell.state_size, (list, tuple)) \
                    else [cell.state_size]
                from ...framework import dtypes
                state = [_C.zeros([batch_size, d], dtypes.as_dtype(self.dtype)) for d in sizes]
            out.append(state)
        return out

    def build(self, input_shape):
        from ...framework.tensor_shape import TensorShape
        shape = tuple(TensorShape(input_shape).dims)
        for cell in self.cells:
            if isinstance(cell, Layer) and not cell.built:
                cell._maybe_build(_C.zeros([1 if d is None else d for d in shape],
                                           _dtype_of(self)))
            size = getattr(cell, "output_size", None)
            if size is None:
                size = cell.state_size[0] if isinstance(cell.state_size, (list, tuple)) \
                    else cell.state_size
            shape = shape[:-1] + (int(size),)
        self.built = True

    def call(self, inputs, states, training=None):
        new_nested = []
        for cell, cell_states in zip(self.cells, states):
            nested = isinstance(cell_states, (list, tuple))
            cell_states = list(cell_states) if nested else [cell_states]
            kwargs = {"training": training} if _accepts_training(cell) else {}
            inputs, new = cell(inputs, cell_states, **kwargs)
            new_nested.append(list(new) if isinstance(new, (list, tuple)) else [new])
        return inputs, new_nested

    def get_config(self):
        from .recurrent import serialize_cell
        config = super().get_config()
        config.pop("batch_input_shape", None)
        config["cells"] = [serialize_cell(c) for c in self.cells]
        return config

    @classmethod
    def from_config(cls, config, custom_objects=None):
        from .recurrent import deserialize_cell
        config = dict(config)
        cells = [deserialize_cell(c, custom_objects) for c in config.pop("cells")]
        return cls(cells, **config)


def _as_array(value):
    value = value.numpy() if hasattr(value, "numpy") else value
    return np.asarray(value, dtype=np.float64)


def _dtype_of(layer):
    from ...framework import dtypes
    return dtypes.as_dtype(layer.dtype)


def _accepts_training(cell):
    import inspect
    try:
        params = inspect.signature(cell.call).parameters
    except (TypeError, ValueError):
        return False
    return "training" in params or any(p.kind is p.VAR_KEYWORD for p in params.values())
