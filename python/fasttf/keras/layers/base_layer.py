"""keras.layers.Layer: weights, lazy build, sub-layer tracking, regularisation losses, configs.

A layer's __call__ converts inputs, builds on first use, checks the InputSpec and runs `call`.
Called on keras.Input tensors it records a graph node instead (the functional API).
"""

import inspect
import warnings

import numpy as np

from ... import _C
from ...framework import dtypes, keras_mask
from ...framework.constant_op import convert_to_tensor
from ...framework.tensor import Tensor
from ...framework.tensor_shape import TensorShape
from ...framework.variables import Variable
from ...util import nest
from .. import backend
from .. import initializers as initializers_mod
from .. import regularizers as regularizers_mod
from ..engine import keras_tensor
from .input_spec import InputSpec, assert_input_compatibility

# The training flag of the enclosing layer call, so nested layers called without `training`
# follow their parent (Keras' call context).
_TRAINING = [None]
# Names of the enclosing layers while variables are created ("my_model/dense/kernel:0").
_NAME_SCOPE = []

_CALL_ARGS_CACHE = {}


def _call_arguments(cls):
    """(accepts training, accepts mask, defines compute_mask) for cls, computed once."""
    found = _CALL_ARGS_CACHE.get(cls)
    if found is None:
        params = inspect.signature(cls.call).parameters
        var_kw = any(p.kind is p.VAR_KEYWORD for p in params.values())
        found = ("training" in params or var_kw, "mask" in params,
                 cls.compute_mask is not Layer.compute_mask)
        _CALL_ARGS_CACHE[cls] = found
    return found


def _attached_masks(inputs):
    """The masks attached to a tensor or a list/dict of tensors; None when there are none."""
    if isinstance(inputs, Tensor):
        return keras_mask.get_keras_mask(inputs)
    if isinstance(inputs, (list, tuple, dict)):
        masks = nest.map_structure(
            lambda x: keras_mask.get_keras_mask(x) if isinstance(x, Tensor) else None, inputs)
        if any(m is not None for m in nest.flatten(masks)):
            return masks
    return None


def _unique(items):
    seen, out = set(), []
    for item in items:
        if id(item) not in seen:
            seen.add(id(item))
            out.append(item)
    return out


class Layer:
    """Base class of all layers (and models)."""

    _nests_name_scope = True
    # Weightless layers Keras 3 marks built from the start (Dropout, pooling, ReLU, ...).
    _built_at_init = False

    def __init__(self, trainable=True, name=None, dtype=None, dynamic=False, **kwargs):
        allowed = {"input_shape", "input_dim", "batch_input_shape", "batch_size", "weights",
                   "activity_regularizer", "autocast", "input_length", "implementation"}
        for key in kwargs:
            if key not in allowed:
                raise TypeError("Keyword argument not understood: %r" % (key,))
        object.__setattr__(self, "_self_tracked", True)
        self._trainable = bool(trainable)
        self._name = name if name is not None else backend.unique_object_name(
            backend.to_snake_case(type(self).__name__))
        if isinstance(dtype, dict):  # a serialised DTypePolicy
            dtype = dtype.get("config", {}).get("name", None)
        self._dtype = dtypes.as_dtype(dtype).name if dtype is not None else backend.floatx()
        self._autocast = kwargs.get("autocast", True)
        self.built = self._built_at_init
        self._called = False
        self._trainable_weights = []
        self._non_trainable_weights = []
        self._callable_losses = []
        self._eager_losses = []
        self._inbound_nodes = []
        self._input_spec = None
        self._output_shape_seen = None
        # As Keras 3: a layer supports masking when it defines how (compute_mask); layers that
        # pass a mask through unchanged set this themselves.
        self.supports_masking = type(self).compute_mask is not Layer.compute_mask
        self._initial_weights = kwargs.get("weights")
        self.activity_regularizer = regularizers_mod.get(kwargs.get("activity_regularizer"))
        self._batch_input_shape = None
        if "batch_input_shape" in kwargs and kwargs["batch_input_shape"] is not None:
            self._batch_input_shape = tuple(kwargs["batch_input_shape"])
        elif "input_shape" in kwargs and kwargs["input_shape"] is not None:
            shape = kwargs["input_shape"]
            shape = (shape,) if isinstance(shape, int) else tuple(shape)
            self._batch_input_shape = (kwargs.get("batch_size"),) + shape
        elif "input_dim" in kwargs and kwargs["input_dim"] is not None:
            shape = (kwargs["input_dim"],)
            if kwargs.get("input_length") is not None:
                shape = (kwargs["input_length"],)
            self._batch_input_shape = (kwargs.get("batch_size"),) + shape

    # -- identity -------------------------------------------------------------------------
    @property
    def name(self):
        return self._name

    @property
    def dtype(self):
        return self._dtype

    @property
    def compute_dtype(self):
        return self._dtype

    @property
    def variable_dtype(self):
        return self._dtype

    @property
    def input_spec(self):
        return self._input_spec

    @input_spec.setter
    def input_spec(self, value):
        self._input_spec = value

    @property
    def trainable(self):
        return self._trainable

    @trainable.setter
    def trainable(self, value):
        value = bool(value)
        for layer in self._flatten_layers():
            layer._trainable = value

    @property
    def dynamic(self):
        return False

    # -- tracking -------------------------------------------------------------------------
    def __setattr__(self, name, value):
        if isinstance(value, Variable) and getattr(self, "_self_tracked", False) \
                and not name.startswith("_"):
            bucket = self._trainable_weights if value.trainable else self._non_trainable_weights
            if not any(v is value for v in bucket):
                bucket.append(value)
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        value = getattr(self, name, None)
        if isinstance(value, Variable):
            self._trainable_weights = [v for v in self._trainable_weights if v is not value]
            self._non_trainable_weights = [v for v in self._non_trainable_weights
                                           if v is not value]
        object.__delattr__(self, name)

    def _direct_sublayers(self):
        """Layers held in attributes, or in lists / tuples / dicts held in attributes."""
        out = []

        def visit(value, depth):
            if isinstance(value, Layer):
                if value is not self:
                    out.append(value)
            elif depth < 3 and isinstance(value, (list, tuple)):
                for item in value:
                    visit(item, depth + 1)
            elif depth < 3 and isinstance(value, dict):
                for item in value.values():
                    visit(item, depth + 1)

        for key, value in self.__dict__.items():
            if key in ("_inbound_nodes", "_outbound_nodes", "_nodes_by_depth", "_output_nodes"):
                continue
            visit(value, 0)
        return _unique(out)

    def _flatten_layers(self, include_self=True, recursive=True):
        seen = {id(self)}
        out = [self] if include_self else []
        stack = list(reversed(self._direct_sublayers()))
        while stack:
            layer = stack.pop()
            if id(layer) in seen:
                continue
            seen.add(id(layer))
            out.append(layer)
            if recursive:
                stack.extend(reversed(layer._direct_sublayers()))
        return out

    @property
    def _layers(self):
        return self._direct_sublayers()

    @property
    def submodules(self):
        return self._flatten_layers(include_self=False)

    # -- weights --------------------------------------------------------------------------
    @property
    def trainable_weights(self):
        if not self._trainable:
            return []
        out = list(self._trainable_weights)
        for layer in self._direct_sublayers():
            out.extend(layer.trainable_weights)
        return _unique(out)

    @property
    def non_trainable_weights(self):
        if self._trainable:
            out = list(self._non_trainable_weights)
            for layer in self._direct_sublayers():
                out.extend(layer.non_trainable_weights)
        else:
            out = self._trainable_weights + self._non_trainable_weights
            for layer in self._direct_sublayers():
                out.extend(layer.weights)
        return _unique(out)

    @property
    def weights(self):
        return _unique(self.trainable_weights + self.non_trainable_weights)

    trainable_variables = trainable_weights
    non_trainable_variables = non_trainable_weights
    variables = weights

    def add_weight(self, name=None, shape=None, dtype=None, initializer=None, regularizer=None,
                   trainable=None, constraint=None, use_resource=None, synchronization=None,
                   aggregation=None, **kwargs):
        shape = () if shape is None else tuple(int(d) for d in shape)
        dtype = dtypes.as_dtype(dtype or self._dtype)
        if initializer is None:
            initializer = "glorot_uniform" if dtype.is_floating else "zeros"
        initializer = initializers_mod.get(initializer)
        trainable = True if trainable is None else bool(trainable)
        if synchronization == 3:  # ON_READ variables are never trainable (as TF)
            trainable = False
        inside_own_scope = bool(_NAME_SCOPE) and _NAME_SCOPE[-1] == self._name
        scope = "/".join(_NAME_SCOPE if inside_own_scope else _NAME_SCOPE + [self._name])
        full_name = "%s/%s" % (scope, name) if name else scope
        value = initializer(shape, dtype=dtype)
        if not isinstance(value, Tensor):
            value = convert_to_tensor(np.asarray(value, dtype.as_numpy_dtype), dtype)
        variable = Variable(value, trainable=trainable, name=full_name, dtype=dtype,
                            constraint=constraint)
        # `.name` keeps the Keras 2 form the notes print ('dense/kernel:0'); Keras 3 code reads
        # the scoped name without ':0' from `.path` ('dense/kernel').
        variable.path = full_name
        (self._trainable_weights if trainable else self._non_trainable_weights).append(variable)
        if regularizer is not None:
            regularizer = regularizers_mod.get(regularizer)
            self._callable_losses.append(lambda v=variable, r=regularizer: r(v))
        return variable

    add_variable = add_weight

    def get_weights(self):
        return [w.numpy() for w in self.weights]

    def set_weights(self, weights):
        params = self.weights
        weights = list(weights)
        if len(params) != len(weights):
            raise ValueError(
                'You called `set_weights(weights)` on layer "%s" with a weight list of length %d,'
                " but the layer was expecting %d weights. Provided weights: %s"
                % (self._name, len(weights), len(params), str(weights)[:50]))
        arrays = []
        for p, w in zip(params, weights):
            w = np.asarray(w.numpy() if isinstance(w, Tensor) else w)
            if tuple(p.shape) != w.shape:
                raise ValueError("Layer %s weight shape %s is not compatible with provided weight "
                                 "shape %s." % (self._name, tuple(p.shape), w.shape))
            arrays.append(w)
        for p, w in zip(params, arrays):
            p.assign(w.astype(p.dtype.as_numpy_dtype, copy=False))

    def count_params(self):
        if not self.built:
            raise ValueError("You tried to call `count_params` on layer '%s', but the layer isn't "
                             "built. You can build it manually via: `%s.build(batch_input_shape)`."
                             % (self._name, self._name))
        return int(sum(int(np.prod(w.shape, dtype=np.int64)) for w in self.weights))

    # -- losses ---------------------------------------------------------------------------
    def add_loss(self, losses, inputs=None):
        for loss in nest.flatten(losses):
            if loss is None:
                continue
            if callable(loss) and not isinstance(loss, Tensor):
                self._callable_losses.append(loss)
            else:
                self._eager_losses.append(loss if isinstance(loss, Tensor)
                                          else convert_to_tensor(loss, dtypes.float32))

    @property
    def losses(self):
        out = []
        for layer in self._flatten_layers():
            out.extend(layer._eager_losses)
            for fn in layer._callable_losses:
                loss = fn()
                if loss is not None:
                    out.append(loss)
        return out

    def _has_losses(self):
        return any(layer._eager_losses or layer._callable_losses
                   or layer.activity_regularizer is not None for layer in self._flatten_layers())

    def add_metric(self, value, name=None, **kwargs):
        pass

    def add_update(self, updates):
        pass

    # -- building and calling -------------------------------------------------------------
    def build(self, input_shape):
        self.built = True

    def call(self, inputs, *args, **kwargs):
        return inputs

    def _maybe_build(self, inputs):
        if self.built:
            if not self._called and self._input_spec is not None:
                assert_input_compatibility(self._input_spec, inputs, self._name)
            return
        if isinstance(inputs, (list, tuple)):
            shapes = [TensorShape(x.shape) for x in inputs]
        elif isinstance(inputs, dict):
            shapes = {k: TensorShape(x.shape) for k, x in inputs.items()}
        else:
            shapes = TensorShape(inputs.shape)
        if self._input_spec is not None:
            assert_input_compatibility(self._input_spec, inputs, self._name)
        _NAME_SCOPE.append(self._name) if self._nests_name_scope else None
        try:
            # A Layer whose build() is the base one is "built" by its first call.
            if type(self).build is not Layer.build:
                self.build(shapes)
        finally:
            if self._nests_name_scope:
                _NAME_SCOPE.pop()
        self.built = True
        if self._initial_weights is not None:
            self.set_weights(self._initial_weights)
            self._initial_weights = None

    def _convert_input(self, x):
        if isinstance(x, Tensor):
            if self._autocast and x.dtype.is_floating and x.dtype.name != self._dtype \
                    and dtypes.as_dtype(self._dtype).is_floating:
                return _C.cast(x, dtypes.as_dtype(self._dtype))
            return x
        if isinstance(x, (np.ndarray, list, float, int, np.generic)):
            array = np.asarray(x)
            if array.dtype.kind == "f" and self._autocast:
                return convert_to_tensor(array.astype(dtypes.as_dtype(self._dtype).as_numpy_dtype,
                                                      copy=False))
            return convert_to_tensor(array)
        return x

    def __call__(self, *args, **kwargs):
        if args:
            inputs, args = args[0], args[1:]
        elif "inputs" in kwargs:
            inputs = kwargs.pop("inputs")
        else:
            raise ValueError("The first argument to `Layer.call` must always be passed.")
        if keras_tensor.is_symbolic(inputs):
            from ..engine import functional
            return functional.call_symbolic(self, inputs, args, kwargs)
        if isinstance(inputs, Tensor):
            inputs = self._convert_input(inputs)
        elif isinstance(inputs, (list, tuple)):
            inputs = type(inputs)(self._convert_input(x) for x in inputs) \
                if not hasattr(inputs, "_fields") else inputs
        elif isinstance(inputs, dict):
            inputs = {k: self._convert_input(v) for k, v in inputs.items()}
        else:
            inputs = self._convert_input(inputs)
        first_call = not self._called
        if not self.built:
            self._maybe_build(inputs)
        elif self._input_spec is not None:
            assert_input_compatibility(self._input_spec, inputs, self._name)
        accepts_training, accepts_mask, computes_mask = _call_arguments(type(self))
        # The mask arrives explicitly or attached to the inputs by the layer that made them.
        previous_mask = kwargs.get("mask")
        if previous_mask is None and keras_mask.any_attached():
            previous_mask = _attached_masks(inputs)
            if accepts_mask and previous_mask is not None:
                kwargs["mask"] = previous_mask
        training = kwargs.get("training")
        if training is None:
            training = _TRAINING[0]
            if accepts_training and training is not None:
                kwargs["training"] = training
        elif not accepts_training:
            kwargs.pop("training")
        if not accepts_mask:
            kwargs.pop("mask", None)
        if self._eager_losses:
            self._eager_losses = []
        previous = _TRAINING[0]
        _TRAINING[0] = training
        if first_call and self._nests_name_scope:
            _NAME_SCOPE.append(self._name)
        try:
            outputs = self.call(inputs, *args, **kwargs)
        finally:
            _TRAINING[0] = previous
            if first_call and self._nests_name_scope:
                _NAME_SCOPE.pop()
        if self.activity_regularizer is not None:
            for out in nest.flatten(outputs):
                batch = out.shape[0] if out.ndim else 1
                self._eager_losses.append(self.activity_regularizer(out) / float(batch or 1))
        if previous_mask is None and not computes_mask:
            pass  # the default compute_mask would give None: nothing to attach or to warn of
        elif self.supports_masking:
            self._attach_output_masks(inputs, outputs, previous_mask)
        elif previous_mask is not None:
            warnings.warn(
                f"Layer '{self.name}' (of type {type(self).__name__}) was passed an input with a "
                "mask attached to it. However, this layer does not support masking and will "
                "therefore destroy the mask information. Downstream layers will not see the "
                "mask.")
        if first_call:
            self._called = True
            if isinstance(outputs, Tensor):
                self._output_shape_seen = tuple(outputs.shape)
        return outputs

    def compute_mask(self, inputs, mask=None):
        """The mask of the outputs given the inputs' (default: the input mask unchanged)."""
        return mask

    def _attach_output_masks(self, inputs, outputs, previous_mask):
        flat_outputs = [x for x in nest.flatten(outputs) if isinstance(x, Tensor)]
        if not flat_outputs or all(keras_mask.get_keras_mask(x) is not None
                                   for x in flat_outputs):
            return  # the layer attached its own (Masking does)
        output_masks = self.compute_mask(inputs, previous_mask)
        if output_masks is None:
            return
        for tensor, mask in zip(flat_outputs, nest.flatten(output_masks)):
            if mask is not None and keras_mask.get_keras_mask(tensor) is None:
                keras_mask.set_keras_mask(tensor, mask)

    def compute_output_shape(self, input_shape):
        from ..engine import functional
        return functional.infer_output_shape(self, input_shape)

    @property
    def output_shape(self):
        if self._inbound_nodes:
            shapes = [tuple(t.shape.dims) for t in nest.flatten(self._inbound_nodes[0].outputs)]
            return shapes[0] if len(shapes) == 1 else shapes
        if self._output_shape_seen is not None:
            return self._output_shape_seen
        raise AttributeError('The layer "%s" has never been called and thus has no defined output '
                             "shape." % self._name)

    @property
    def input(self):
        if not self._inbound_nodes:
            raise AttributeError("Layer %s is not connected, no input to return." % self._name)
        ins = self._inbound_nodes[0].keras_inputs
        return ins[0] if len(ins) == 1 else ins

    @property
    def output(self):
        if not self._inbound_nodes:
            raise AttributeError("Layer %s has no inbound nodes." % self._name)
        return self._inbound_nodes[0].outputs

    @property
    def input_shape(self):
        if self._inbound_nodes:
            ins = self._inbound_nodes[0].keras_inputs
            shapes = [tuple(t.shape.dims) for t in ins]
            return shapes[0] if len(shapes) == 1 else shapes
        raise AttributeError('The layer "%s" has never been called and thus has no defined input '
                             "shape." % self._name)

    # -- configuration --------------------------------------------------------------------
    def get_config(self):
        config = {"name": self._name, "trainable": self._trainable, "dtype": self._dtype}
        if self._batch_input_shape is not None:
            config["batch_input_shape"] = self._batch_input_shape
        return config

    @classmethod
    def from_config(cls, config):
        return cls(**config)

    def __repr__(self):
        # Keras 3's form: <Dense name=dense, built=False>
        return "<%s name=%s, built=%s>" % (type(self).__name__, self.name, self.built)


def serialize_fn(fn):
    from .. import activations
    return activations.serialize(fn)


__all__ = ["Layer", "InputSpec"]
