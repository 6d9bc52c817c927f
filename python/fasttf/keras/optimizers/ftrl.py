"""FTRL-Proximal (McMahan et al. 2013), updated as Keras 3 does, with L1/L2 and shrinkage."""

from ... import math as tf_math
from .optimizer import Optimizer


def _check(ok, arg, value, rule):
    if not ok:
        raise ValueError(f"`{arg}` needs to be {rule}. Received: {arg}={value}.")


class Ftrl(Optimizer):
    """Per coordinate: accumulate squared gradients, keep a linear term, and solve the
    proximal step in closed form (zero where |linear| <= l1)."""

    def __init__(self, learning_rate=0.001, learning_rate_power=-0.5,
                 initial_accumulator_value=0.1, l1_regularization_strength=0.0,
                 l2_regularization_strength=0.0, l2_shrinkage_regularization_strength=0.0,
                 beta=0.0, weight_decay=None, clipnorm=None, clipvalue=None,
                 global_clipnorm=None, use_ema=False, ema_momentum=0.99,
                 ema_overwrite_frequency=None, loss_scale_factor=None,
                 gradient_accumulation_steps=None, name=None, **kwargs):
        super().__init__(learning_rate=learning_rate, weight_decay=weight_decay,
                         clipnorm=clipnorm, clipvalue=clipvalue, global_clipnorm=global_clipnorm,
                         use_ema=use_ema, ema_momentum=ema_momentum,
                         ema_overwrite_frequency=ema_overwrite_frequency,
                         loss_scale_factor=loss_scale_factor,
                         gradient_accumulation_steps=gradient_accumulation_steps, name=name,
                         **kwargs)
        _check(initial_accumulator_value >= 0.0, "initial_accumulator_value",
               initial_accumulator_value, "positive or zero")
        _check(learning_rate_power <= 0.0, "learning_rate_power", learning_rate_power,
               "negative or zero")
        for arg, value in (("l1_regularization_strength", l1_regularization_strength),
                           ("l2_regularization_strength", l2_regularization_strength),
                           ("l2_shrinkage_regularization_strength",
                            l2_shrinkage_regularization_strength)):
            _check(value >= 0.0, arg, value, "positive or zero")
        self.learning_rate_power = learning_rate_power
        self.initial_accumulator_value = initial_accumulator_value
        self.l1_regularization_strength = l1_regularization_strength
        self.l2_regularization_strength = l2_regularization_strength
        self.l2_shrinkage_regularization_strength = l2_shrinkage_regularization_strength
        self.beta = beta

    def _slot_specs(self):
        return [("accumulator", float(self.initial_accumulator_value)), ("linear", 0.0)]

    def update_step(self, gradient, variable, learning_rate):
        accum = self.get_slot(variable, "accumulator")
        linear = self.get_slot(variable, "linear")
        lr, power = float(learning_rate), -float(self.learning_rate_power)
        l1 = float(self.l1_regularization_strength)
        l2 = float(self.l2_regularization_strength) + float(self.beta) / (2.0 * lr)
        grad_to_use = gradient + variable * (2 * float(self.l2_shrinkage_regularization_strength))
        new_accum = accum + tf_math.square(gradient)
        linear.assign_add(grad_to_use - (tf_math.pow(new_accum, power) -
                                         tf_math.pow(accum, power)) / lr * variable)
        quadratic = tf_math.pow(new_accum, power) / lr + 2 * l2
        clipped = tf_math.minimum(tf_math.maximum(linear, -l1), l1)
        variable.assign((clipped - linear) / quadratic)
        accum.assign(new_accum)

    def get_config(self):
        config = super().get_config()
        config.update({
            "learning_rate_power": self.learning_rate_power,
            "initial_accumulator_value": self.initial_accumulator_value,
            "l1_regularization_strength": self.l1_regularization_strength,
            "l2_regularization_strength": self.l2_regularization_strength,
            "l2_shrinkage_regularization_strength": self.l2_shrinkage_regularization_strength,
            "beta": self.beta})
        return config
