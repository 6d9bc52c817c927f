"""Layer wrappers: Bidirectional (an RNN run both ways, outputs merged) and TimeDistributed (a
layer applied to every time step), as Keras 3 (TF 2.21) defines them."""

from ... import _C
from ...framework.tensor_shape import TensorShape
from ...util import nest
from ..engine import keras_tensor
from .base_layer import Layer
from .recurrent import RNN, build_child, deserialize_cell, serialize_cell

_MERGE_MODES = ("sum", "mul", "ave", "concat", None)


def _clone(layer, **overrides):
    """A fresh layer of the same configuration (new weights), as Keras' serialize/deserialize
    round trip. A generic RNN's cell is cloned through its own class."""
    config = dict(layer.get_config())
    config.update(overrides)
    config.pop("batch_input_shape", None)
    if isinstance(layer, RNN) and "cell" in config:
        cell = layer.cell
        config["cell"] = type(cell).from_config(cell.get_config()) \
            if hasattr(cell, "get_config") else cell
    return type(layer).from_config(config)


def _strip_prefix(name, prefix):
    return name[len(prefix):] if name.startswith(prefix) else name


class Bidirectional(Layer):
    """Runs `layer` forwards and a copy (or `backward_layer`) with go_backwards, and merges
    their outputs with merge_mode 'concat' (default), 'sum', 'mul', 'ave' or None (a list)."""

    def __init__(self, layer, merge_mode="concat", weights=None, backward_layer=None, **kwargs):
        if not isinstance(layer, Layer):
            raise ValueError("Please initialize `Bidirectional` layer with a `keras.layers.Layer` "
                             "instance. Received: %s" % (layer,))
        if backward_layer is not None and not isinstance(backward_layer, Layer):
            raise ValueError("`backward_layer` need to be a `keras.layers.Layer` instance. "
                             "Received: %s" % (backward_layer,))
        if merge_mode not in _MERGE_MODES:
            raise ValueError('Invalid merge mode. Received: %s. Merge mode should be one of '
                             '{"sum", "mul", "ave", "concat", None}' % (merge_mode,))
        super().__init__(**kwargs)
        self.forward_layer = _clone(
            layer, name="forward_" + _strip_prefix(layer.name, "forward_"))
        if backward_layer is None:
            self.backward_layer = _clone(
                layer, go_backwards=not getattr(layer, "go_backwards", False),
                name="backward_" + _strip_prefix(layer.name, "backward_"))
        else:
            self.backward_layer = backward_layer
        self._verify_layer_config()
        # Keras: under a mask, the merged sequences hold zeros at masked steps.
        for sub in (self.forward_layer, self.backward_layer):
            if hasattr(sub, "zero_output_for_mask"):
                sub.zero_output_for_mask = sub.return_sequences
        self.merge_mode = merge_mode
        if weights:
            half = len(weights) // 2
            self.forward_layer._initial_weights = weights[:half]
            self.backward_layer._initial_weights = weights[half:]
        self.stateful = layer.stateful
        self.return_sequences = layer.return_sequences
        self.return_state = layer.return_state
        self.supports_masking = True
        self.input_spec = layer.input_spec

    def _verify_layer_config(self):
        fwd, bwd = self.forward_layer, self.backward_layer
        if fwd.go_backwards == bwd.go_backwards:
            raise ValueError("Forward layer and backward layer should have different "
                             "`go_backwards` value. Received: forward_layer.go_backwards %s, "
                             "backward_layer.go_backwards=%s" % (fwd.go_backwards,
                                                                 bwd.go_backwards))
        for attr in ("stateful", "return_sequences", "return_state"):
            if getattr(fwd, attr) != getattr(bwd, attr):
                raise ValueError('Forward layer and backward layer are expected to have the same '
                                 'value for attribute "%s", got "%s" for forward layer and "%s" '
                                 "for backward layer" % (attr, getattr(fwd, attr),
                                                         getattr(bwd, attr)))

    def build(self, sequences_shape, initial_state_shape=None):
        if isinstance(sequences_shape, (list, tuple)) and sequences_shape and \
                isinstance(sequences_shape[0], (list, tuple, TensorShape)):
            sequences_shape = sequences_shape[0]
        for sub in (self.forward_layer, self.backward_layer):
            if not sub.built:
                build_child(sub, sequences_shape)
        self.built = True

    def __call__(self, *args, **kwargs):
        # A functional trace runs the wrapped layers on placeholders: tell them, so that
        # stateful ones keep their states (see RNN.__call__).
        inputs = args[0] if args else kwargs.get("inputs")
        if not keras_tensor.is_symbolic(inputs):
            return super().__call__(*args, **kwargs)
        subs = [s for s in (self.forward_layer, self.backward_layer)
                if hasattr(s, "_symbolic_call")]
        for sub in subs:
            sub._symbolic_call = True
        try:
            return super().__call__(*args, **kwargs)
        finally:
            for sub in subs:
                sub._symbolic_call = False

    def call(self, sequences, initial_state=None, mask=None, training=None):
        if isinstance(sequences, (list, tuple)):  # Keras 2's layer([x, *states])
            if len(sequences) > 1 and initial_state is None:
                initial_state = list(sequences[1:])
            sequences = sequences[0]
        forward_state = backward_state = None
        if initial_state is not None:
            initial_state = list(nest.flatten(initial_state))
            half = len(initial_state) // 2
            forward_state, backward_state = initial_state[:half], initial_state[half:]
        kwargs = {"training": training}
        if mask is not None:
            kwargs["mask"] = mask
        y = self.forward_layer(sequences, initial_state=forward_state, **kwargs)
        y_rev = self.backward_layer(sequences, initial_state=backward_state, **kwargs)
        states = ()
        if self.return_state:
            states = tuple(y[1:]) + tuple(y_rev[1:])
            y, y_rev = y[0], y_rev[0]
        if self.return_sequences:
            y_rev = _C.reverse(y_rev, [1])
        output = self._merge(y, y_rev)
        if self.return_state:
            return (output + states) if self.merge_mode is None else (output,) + states
        return output

    def _merge(self, y, y_rev):
        mode = self.merge_mode
        if mode == "concat":
            return _C.concat([y, y_rev], -1)
        if mode == "sum":
            return y + y_rev
        if mode == "ave":
            return (y + y_rev) / 2
        if mode == "mul":
            return y * y_rev
        return (y, y_rev)

    def compute_mask(self, inputs, mask=None):
        if isinstance(mask, (list, tuple)):
            mask = mask[0]
        if self.return_sequences:
            output_mask = [mask, mask] if self.merge_mode is None else mask
        else:
            output_mask = [None, None] if self.merge_mode is None else None
        if self.return_state:
            states = [None] * (len(self.forward_layer._flat_state_sizes()) * 2)
            return (output_mask if isinstance(output_mask, list) else [output_mask]) + states
        return output_mask

    def reset_states(self, states=None):
        self.reset_state(states)

    def reset_state(self, states=None):
        if not self.stateful:
            raise AttributeError("Layer must be stateful.")
        self.forward_layer.reset_state()
        self.backward_layer.reset_state()

    @property
    def states(self):
        if self.forward_layer.states and self.backward_layer.states:
            return tuple(self.forward_layer.states + self.backward_layer.states)
        return None

    def get_config(self):
        config = super().get_config()
        config["merge_mode"] = self.merge_mode
        config["layer"] = serialize_cell(self.forward_layer)
        config["backward_layer"] = serialize_cell(self.backward_layer)
        return config

    @classmethod
    def from_config(cls, config, custom_objects=None):
        config = dict(config)
        config["layer"] = deserialize_cell(config["layer"], custom_objects)
        backward = config.pop("backward_layer", None)
        if backward is not None:
            config["backward_layer"] = deserialize_cell(backward, custom_objects)
        return cls(**config)


# -- TF-Keras 2 configs (legacy .h5) ---------------------------------------------------------
_KERAS3_ONLY = ("seed", "zero_output_for_mask")  # TF-Keras 2's RNN layers and cells lack them
_RECURRENT = ("RNN", "SimpleRNN", "LSTM", "GRU", "SimpleRNNCell", "LSTMCell", "GRUCell")


def _nested_to_keras2(spec):
    if not isinstance(spec, dict) or "class_name" not in spec:
        return spec
    return dict(spec, config=keras2_config(spec["class_name"], spec.get("config") or {}))


def keras2_config(class_name, config):
    """A recurrent layer's config as TF-Keras 2 writes (and reads) it: no Keras 3-only
    arguments, nested cells / layers likewise, and Bidirectional's `backward_layer` only when
    one was given (not the mirror of `layer`). Other layers' configs pass unchanged."""
    if class_name in _RECURRENT:
        config = {k: v for k, v in config.items() if k not in _KERAS3_ONLY}
        if "cell" in config:
            config["cell"] = _nested_to_keras2(config["cell"])
    elif class_name == "StackedRNNCells":
        config = dict(config, cells=[_nested_to_keras2(c) for c in config.get("cells", [])])
    elif class_name == "Bidirectional":
        config = _drop_mirrored_backward_layer(config)
        config = {k: _nested_to_keras2(v) if k in ("layer", "backward_layer") else v
                  for k, v in config.items()}
    elif class_name == "TimeDistributed":
        config = dict(config, layer=_nested_to_keras2(config.get("layer")))
    return config


def _drop_mirrored_backward_layer(config):
    backward, forward = config.get("backward_layer"), config.get("layer")
    if not (isinstance(backward, dict) and isinstance(forward, dict)):
        return config
    strip = ("name", "go_backwards")
    mirror = {k: v for k, v in (forward.get("config") or {}).items() if k not in strip}
    given = {k: v for k, v in (backward.get("config") or {}).items() if k not in strip}
    if backward.get("class_name") == forward.get("class_name") and mirror == given:
        config = {k: v for k, v in config.items() if k != "backward_layer"}
    return config


class TimeDistributed(Layer):
    """Applies `layer` to every time step of (batch, timesteps, ...) inputs: the steps are
    folded into the batch (one call on (batch*timesteps, ...)), as tf.keras 2 did."""

    def __init__(self, layer, **kwargs):
        if not isinstance(layer, Layer):
            raise ValueError("Please initialize `TimeDistributed` layer with a `keras.layers."
                             "Layer` instance. Received: %s" % (layer,))
        super().__init__(**kwargs)
        self.layer = layer
        self.supports_masking = True

    @staticmethod
    def _child_input_shape(input_shape):
        dims = tuple(TensorShape(input_shape).dims) if not isinstance(input_shape, tuple) \
            else tuple(input_shape)
        if len(dims) < 3:
            raise ValueError("`TimeDistributed` Layer should be passed an `input_shape` with at "
                             "least 3 dimensions, received: %s" % (dims,))
        return (dims[0],) + dims[2:]

    def build(self, input_shape):
        build_child(self.layer, self._child_input_shape(input_shape))
        # `.path` keeps Keras 3's 'time_distributed/dense/kernel'; `.name` takes TF-Keras 2's
        # 'time_distributed/kernel:0' (the wrapped layer's scope left out), the form legacy
        # .h5 files list in weight_names.
        nested = "%s/%s/" % (self.name, self.layer.name)
        for variable in self.layer.weights:
            if nested in variable.name:
                variable._name = variable.name.replace(nested, self.name + "/", 1)
        self.built = True

    def call(self, inputs, training=None, mask=None):
        shape = tuple(int(d) for d in inputs.shape)
        self._child_input_shape(shape)
        if mask is not None:
            mask_shape = tuple(mask.shape)
            if len(mask_shape) < 2:
                raise ValueError("The `mask` passed to the `TimeDistributed` layer must be at "
                                 "least 2D (e.g., `(batch_size, timesteps)`), but it has %d "
                                 "dimension(s) with shape %s." % (len(mask_shape), mask_shape))
            if mask_shape[:2] != shape[:2]:
                raise ValueError("The `mask` passed to the `TimeDistributed` layer has a shape "
                                 "%s that is incompatible with the input shape %s." %
                                 (mask_shape, shape))
        batch, steps = shape[0], shape[1]
        folded = _C.reshape(inputs, [batch * steps] + list(shape[2:]))
        kwargs = {"training": training} if training is not None else {}
        outputs = self.layer(folded, **kwargs)
        return nest.map_structure(
            lambda y: _C.reshape(y, [batch, steps] + [int(d) for d in y.shape][1:]), outputs)

    def compute_mask(self, inputs, mask=None):
        return mask  # the (batch, timesteps) mask still describes the steps

    def get_config(self):
        config = super().get_config()
        config["layer"] = serialize_cell(self.layer)
        return config

    @classmethod
    def from_config(cls, config, custom_objects=None):
        config = dict(config)
        layer = deserialize_cell(config.pop("layer"), custom_objects)
        return cls(layer, **config)


__all__ = ["Bidirectional", "TimeDistributed"]
