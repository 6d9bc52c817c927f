"""The Keras optimizer base class.

Built-in optimizers update every variable with one fused C++ kernel (`_C.apply_<name>`, one call
per step for all variables): they declare their slot variables in `_slot_specs()` and the call in
`_fused_update()`. A user subclass written for Keras 3 (`build()` with
`add_variable_from_reference`, `update_step(gradient, variable, learning_rate)`) works too: it
is updated variable by variable through `update_step`.

Keras 3 semantics (keras/src/optimizers/base_optimizer.py): gradients are clipped, then the
decoupled weight decay var -= var * weight_decay * lr is applied, then the update; the learning
rate (a float held in a Variable, a schedule evaluated at `iterations`, or a callable) is read
before `iterations` is incremented. Keras 2 spellings are accepted: `lr=`, `decay=` (the
learning rate becomes lr / (1 + decay * iterations)), `optimizer.lr`, `variables()`.
"""

import math
import re

import numpy as np

from ... import _C
from ...framework import dtypes
from ...framework.backprop import GradientTape
from ...framework.constant_op import cast, convert_to_tensor
from ...framework.tensor import Tensor
from ...framework.variables import Variable
from ...math import reduce_sum, square
from .. import backend
from . import schedules as schedules_module

_IGNORED_KWARGS = ("jit_compile", "is_legacy_optimizer", "mesh")


class _VariableList(list):
    """A list that can also be called: Keras 3 has `optimizer.variables` as a property, Keras 2
    as a method, and user code of both eras exists."""

    def __call__(self):
        return self


def _zeros_variable(reference, name, value=0.0):
    shape = list(reference.shape)
    if value == 0.0:
        tensor = _C.zeros(shape, reference.dtype._enum)
    else:
        tensor = np.full(shape, value, dtype=np.dtype(reference.dtype.name))
    return Variable(tensor, trainable=False, name=name)


def _squared_norm(tensor):
    return float(np.asarray(reduce_sum(square(tensor))))


class Optimizer:
    """Base class of all optimizers (tf.keras.optimizers.Optimizer)."""

    def __init__(self, learning_rate=0.001, weight_decay=None, clipnorm=None, clipvalue=None,
                 global_clipnorm=None, use_ema=False, ema_momentum=0.99,
                 ema_overwrite_frequency=None, loss_scale_factor=None,
                 gradient_accumulation_steps=None, name=None, **kwargs):
        if "lr" in kwargs:  # Keras 2 spelling
            learning_rate = kwargs.pop("lr")
        decay = kwargs.pop("decay", 0.0)
        for key in _IGNORED_KWARGS:
            kwargs.pop(key, None)
        if kwargs:
            raise ValueError(f"Argument(s) not recognized: {kwargs}")
        clips = [c for c in (clipnorm, clipvalue, global_clipnorm) if c is not None]
        if len(clips) > 1:
            raise ValueError(
                "Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set. "
                f"Received: clipnorm={clipnorm}, clipvalue={clipvalue}, "
                f"global_clipnorm={global_clipnorm}")
        if use_ema and not 0 <= ema_momentum <= 1:
            raise ValueError(f"`ema_momentum` must be in the range [0, 1]. "
                             f"Received: ema_momentum={ema_momentum}")
        # Keras 3 names an optimizer after its class, snake_cased and made unique ('sgd',
        # 'sgd_1', 'adam_w', 'rm_sprop'); Keras 2 used the class name.
        self.name = name or backend.unique_object_name(backend.to_snake_case(
            self.__class__.__name__))
        self.weight_decay = weight_decay
        self.clipnorm = clipnorm
        self.clipvalue = clipvalue
        self.global_clipnorm = global_clipnorm
        self.use_ema = use_ema
        self.ema_momentum = ema_momentum
        self.ema_overwrite_frequency = ema_overwrite_frequency
        self.loss_scale_factor = loss_scale_factor
        self.gradient_accumulation_steps = gradient_accumulation_steps
        self.decay = float(decay or 0.0)
        self.built = False
        self._iterations = Variable(np.int64(0), trainable=False, name="iteration")
        self._learning_rate = self._build_learning_rate(learning_rate)
        self._trainable_variables = []
        self._trainable_variables_indices = {}
        self._slots = {}  # id(variable) -> [slot Variable, ...] in _slot_specs() order
        self._averages = {}  # id(variable) -> EMA Variable
        self._extra_variables = []
        self._exclude_ids = set()
        self._exclude_pattern = None

    # -- learning rate ----------------------------------------------------------------------
    def _build_learning_rate(self, learning_rate):
        if isinstance(learning_rate, schedules_module.LearningRateSchedule):
            return learning_rate
        if isinstance(learning_rate, (Tensor, np.ndarray, np.generic, int, float)):
            return Variable(np.float32(float(np.asarray(learning_rate))), trainable=False,
                            name="learning_rate")
        if callable(learning_rate):
            return learning_rate
        raise TypeError(f"Invalid learning_rate: {learning_rate!r} (expected a float, a "
                        "LearningRateSchedule or a callable)")

    @property
    def learning_rate(self):
        if isinstance(self._learning_rate, schedules_module.LearningRateSchedule):
            return self._learning_rate(self._iterations)
        if isinstance(self._learning_rate, Variable):
            return self._learning_rate
        return self._learning_rate()

    @learning_rate.setter
    def learning_rate(self, value):
        if isinstance(value, schedules_module.LearningRateSchedule) or (
                callable(value) and not isinstance(value, Tensor)):
            self._learning_rate = value
            return
        if not isinstance(self._learning_rate, Variable):
            raise TypeError(
                "This optimizer was created with a `LearningRateSchedule` object as its "
                "`learning_rate` constructor argument, hence its learning rate is not settable. "
                "If you need the learning rate to be settable, you should instantiate the "
                "optimizer with a float `learning_rate` argument.")
        self._learning_rate.assign(np.float32(float(np.asarray(value))))

    lr = learning_rate  # Keras 2 alias (property with the same getter and setter)

    def _current_learning_rate(self, step):
        """The learning rate used by the update at iteration `step` (before increment)."""
        lr_source = self._learning_rate
        if isinstance(lr_source, schedules_module.LearningRateSchedule):
            lr = lr_source.value_at(step)
        elif isinstance(lr_source, Variable):
            lr = float(lr_source.numpy())
        else:
            lr = float(np.asarray(lr_source()))
        if self.decay:
            lr = lr / (1.0 + self.decay * step)
        return lr

    @property
    def iterations(self):
        return self._iterations

    @iterations.setter
    def iterations(self, value):
        self._iterations.assign(np.int64(int(np.asarray(value))))

    # -- variables --------------------------------------------------------------------------
    def _slot_specs(self):
        """[(slot name, initial value)] for each slot variable of a model variable."""
        return []

    def build(self, var_list):
        """Creates the slot variables of `var_list` (idempotent per variable)."""
        self._add_variables(list(var_list))
        self.built = True

    def _add_variables(self, var_list):
        specs = self._slot_specs()
        for variable in var_list:
            key = id(variable)
            if key in self._trainable_variables_indices:
                continue
            self._trainable_variables_indices[key] = len(self._trainable_variables)
            self._trainable_variables.append(variable)
            base = _short_name(variable)
            self._slots[key] = [_zeros_variable(variable, f"{base}_{slot}", value)
                                for slot, value in specs]
            if self.use_ema:
                self._averages[key] = Variable(_C.identity(variable), trainable=False,
                                               name=f"{base}_average")

    def add_variable(self, shape, initializer="zeros", dtype=None, aggregation="mean",
                     name=None):
        """A new optimizer variable (Keras 3 API for custom optimizers)."""
        dtype = dtypes.as_dtype(dtype or dtypes.float32)
        if callable(initializer):
            value = initializer(shape, dtype=dtype)
        elif initializer == "zeros":
            value = _C.zeros(list(shape), dtype._enum)
        elif initializer == "ones":
            value = _C.ones(list(shape), dtype._enum)
        else:
            raise ValueError(f"Unknown initializer for an optimizer variable: {initializer!r}")
        variable = Variable(value, trainable=False, name=name or "optimizer_variable")
        self._extra_variables.append(variable)
        return variable

    def add_variable_from_reference(self, reference_variable, name=None, initializer="zeros"):
        """A variable shaped like `reference_variable` (Keras 3 API for custom optimizers)."""
        variable = self.add_variable(reference_variable.shape, initializer,
                                     reference_variable.dtype,
                                     name=f"{_short_name(reference_variable)}_{name}")
        return variable

    def _get_variable_index(self, variable):
        return self._trainable_variables_indices[id(variable)]

    @property
    def variables(self):
        out = _VariableList([self._iterations])
        if isinstance(self._learning_rate, Variable):
            out.append(self._learning_rate)
        for variable in self._trainable_variables:
            out.extend(self._slots[id(variable)])
        out.extend(self._extra_variables)
        out.extend(self._averages[id(v)] for v in self._trainable_variables
                   if id(v) in self._averages)
        return out

    weights = variables

    def get_slot_names(self):
        return [name for name, _ in self._slot_specs()]

    def get_slot(self, var, slot_name):
        names = self.get_slot_names()
        if id(var) not in self._slots or slot_name not in names:
            raise KeyError(f"No slot {slot_name!r} for variable {getattr(var, 'name', var)}")
        return self._slots[id(var)][names.index(slot_name)]

    # -- weight decay -----------------------------------------------------------------------
    def exclude_from_weight_decay(self, var_list=None, var_names=None):
        if var_list:
            self._exclude_ids.update(id(v) for v in var_list)
        if var_names:
            self._exclude_pattern = re.compile("|".join(re.escape(n) for n in var_names))

    def _use_weight_decay(self, variable):
        if id(variable) in self._exclude_ids:
            return False
        if self._exclude_pattern is not None and \
                self._exclude_pattern.search(getattr(variable, "name", "")):
            return False
        return True

    # -- applying gradients -----------------------------------------------------------------
    def apply_gradients(self, grads_and_vars, name=None, skip_gradients_aggregation=False,
                        **kwargs):
        pairs = list(grads_and_vars)
        grads = [g for g, _ in pairs if g is not None]
        variables = [v for g, v in pairs if g is not None]
        if not grads:
            names = [getattr(v, "name", str(v)) for _, v in pairs]
            raise ValueError(f"No gradients provided for any variable: {names}.")
        return self.apply(grads, variables)

    def apply(self, grads, trainable_variables=None):
        """Applies `grads` to `trainable_variables` (Keras 3 `Optimizer.apply`)."""
        grads = list(grads)
        if trainable_variables is None:
            if not self.built:
                raise ValueError("When passing `grads` without `variables`, the optimizer "
                                 "must already be built on a list of variables.")
            trainable_variables = self._trainable_variables
        variables = list(trainable_variables)
        if len(grads) != len(variables):
            raise ValueError(f"Got {len(grads)} gradients for {len(variables)} variables.")
        pairs = [(g, v) for g, v in zip(grads, variables) if g is not None]
        if not pairs:
            return self._iterations
        grads = [self._as_gradient(g, v) for g, v in pairs]
        variables = [v for _, v in pairs]
        if not self.built:
            self.build(variables)
        elif any(id(v) not in self._trainable_variables_indices for v in variables):
            self._add_variables(variables)
        if self.loss_scale_factor is not None:
            grads = [g * (1.0 / self.loss_scale_factor) for g in grads]
        grads = self._clip_gradients(grads)
        step = int(self._iterations.numpy())
        lr = self._current_learning_rate(step)
        self._update(grads, variables, lr, step)
        for variable in variables:
            constraint = getattr(variable, "constraint", None)
            if constraint is not None:
                variable.assign(constraint(variable))
        if self.use_ema:
            self._update_moving_averages(variables, step + 1)
        self._iterations.assign_add(np.int64(1))
        return self._iterations

    def _as_gradient(self, grad, variable):
        if not isinstance(grad, Tensor):
            return convert_to_tensor(np.asarray(grad), dtype=variable.dtype)
        if grad.dtype != variable.dtype:
            return cast(grad, variable.dtype)
        return grad

    def _clip_gradients(self, grads):
        if self.clipvalue is not None:
            limit = float(self.clipvalue)
            return [_C.clip_by_value(g, convert_to_tensor(-limit, dtype=g.dtype),
                                     convert_to_tensor(limit, dtype=g.dtype)) for g in grads]
        if self.clipnorm is not None and self.clipnorm > 0:
            clip = float(self.clipnorm)
            out = []
            for g in grads:
                norm = math.sqrt(_squared_norm(g))
                out.append(g * (clip / norm) if norm > clip else g)
            return out
        if self.global_clipnorm is not None and self.global_clipnorm > 0:
            clip = float(self.global_clipnorm)
            norm = math.sqrt(sum(_squared_norm(g) for g in grads))
            if norm > clip:
                return [g * (clip / norm) for g in grads]
        return grads

    def _update(self, grads, variables, lr, step):
        if type(self).update_step is not Optimizer.update_step:
            self._apply_weight_decay(variables, lr)
            for grad, variable in zip(grads, variables):
                self.update_step(grad, variable, lr)
            return
        decays = [float(self.weight_decay) * lr
                  if self.weight_decay and self._use_weight_decay(v) else 0.0
                  for v in variables]
        slot_lists = [self._slots[id(v)] for v in variables]
        slots = [[s[k] for s in slot_lists] for k in range(len(self._slot_specs()))]
        self._fused_update(variables, grads, slots, lr, step + 1, decays)

    def _apply_weight_decay(self, variables, lr):
        if not self.weight_decay:
            return
        for variable in variables:
            if self._use_weight_decay(variable):
                variable.assign_sub(variable * (float(self.weight_decay) * lr))

    def _fused_update(self, variables, grads, slots, lr, step, decays):
        raise NotImplementedError(
            f"{self.__class__.__name__} must implement `update_step(gradient, variable, "
            "learning_rate)`")

    def update_step(self, gradient, variable, learning_rate):
        raise NotImplementedError

    def minimize(self, loss, var_list, tape=None):
        """Computes the gradients of `loss` (a tensor with `tape`, or a callable) with respect
        to `var_list` and applies them."""
        if callable(var_list):
            var_list = var_list()
        var_list = list(var_list)
        if callable(loss):
            with GradientTape() as tape:
                for variable in var_list:
                    tape.watch(variable)
                loss = loss()
        elif tape is None:
            raise ValueError("`tape` is required when a `Tensor` loss is passed. "
                             f"Received: loss={loss}, tape={tape}.")
        grads = tape.gradient(loss, var_list)
        return self.apply_gradients(zip(grads, var_list))

    # -- moving averages --------------------------------------------------------------------
    def _update_moving_averages(self, variables, iterations_after):
        momentum = float(self.ema_momentum)
        for variable in variables:
            average = self._averages[id(variable)]
            average.assign(average * momentum + variable * (1.0 - momentum))
        freq = self.ema_overwrite_frequency
        if freq and iterations_after % int(freq) == 0:
            self.finalize_variable_values(variables)

    def finalize_variable_values(self, var_list):
        if self.use_ema:
            for variable in var_list:
                if id(variable) in self._averages:
                    variable.assign(self._averages[id(variable)])

    # -- serialisation ----------------------------------------------------------------------
    def get_config(self):
        lr = self._learning_rate
        if isinstance(lr, schedules_module.LearningRateSchedule):
            lr_config = schedules_module.serialize(lr)
        elif isinstance(lr, Variable):
            lr_config = float(lr.numpy())
        else:
            lr_config = lr
        config = {"name": self.name, "learning_rate": lr_config,
                  "weight_decay": self.weight_decay, "clipnorm": self.clipnorm,
                  "global_clipnorm": self.global_clipnorm, "clipvalue": self.clipvalue,
                  "use_ema": self.use_ema, "ema_momentum": self.ema_momentum,
                  "ema_overwrite_frequency": self.ema_overwrite_frequency,
                  "loss_scale_factor": self.loss_scale_factor,
                  "gradient_accumulation_steps": self.gradient_accumulation_steps}
        if self.decay:
            config["decay"] = self.decay
        return config

    @classmethod
    def from_config(cls, config, custom_objects=None):
        config = dict(config)
        lr = config.get("learning_rate")
        if isinstance(lr, dict):
            config["learning_rate"] = schedules_module.deserialize(lr, custom_objects)
        return cls(**config)

    def save_own_variables(self, store):
        for i, variable in enumerate(self.variables):
            store[str(i)] = variable.numpy()

    def load_own_variables(self, store):
        variables = self.variables
        if len(store.keys()) != len(variables):
            raise ValueError(f"The optimizer has {len(variables)} variables but the store has "
                             f"{len(store.keys())}; build the optimizer first.")
        for i, variable in enumerate(variables):
            variable.assign(np.asarray(store[str(i)]))

    def __repr__(self):
        return f"<{self.__class__.__module__}.{self.__class__.__name__} name={self.name!r}>"


def _short_name(variable):
    name = getattr(variable, "name", "variable") or "variable"
    return name[:-2] if name.endswith(":0") else name

