"""Nadam (Keras 3 formulation), fused in C++ (`_C.apply_nadam`)."""

import numpy as np

from ... import _C
from ...framework.variables import Variable
from .optimizer import Optimizer


class Nadam(Optimizer):
    """Adam with Nesterov momentum and the momentum schedule u_t = b1*(1 - 0.5*0.96^t); the
    running product of u_t lives in a float variable updated once per step."""

    def __init__(self, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7,
                 weight_decay=None, clipnorm=None, clipvalue=None, global_clipnorm=None,
                 use_ema=False, ema_momentum=0.99, ema_overwrite_frequency=None,
                 loss_scale_factor=None, gradient_accumulation_steps=None, name=None,
                 **kwargs):
        super().__init__(learning_rate=learning_rate, weight_decay=weight_decay,
                         clipnorm=clipnorm, clipvalue=clipvalue, global_clipnorm=global_clipnorm,
                         use_ema=use_ema, ema_momentum=ema_momentum,
                         ema_overwrite_frequency=ema_overwrite_frequency,
                         loss_scale_factor=loss_scale_factor,
                         gradient_accumulation_steps=gradient_accumulation_steps, name=name,
                         **kwargs)
        self.beta_1 = beta_1
        self.beta_2 = beta_2
        self.epsilon = epsilon
        self._u_product = None

    def _slot_specs(self):
        return [("momentum", 0.0), ("velocity", 0.0)]

    def build(self, var_list):
        var_list = list(var_list)
        if self._u_product is None:
            dtype = var_list[0].dtype.name if var_list else "float32"
            self._u_product = Variable(np.array(1.0, dtype=dtype), trainable=False,
                                       name="u_product")
            self._extra_variables.append(self._u_product)
        super().build(var_list)

    def _fused_update(self, variables, grads, slots, lr, step, decays):
        u_product = float(self._u_product.numpy()) * float(self.beta_1) * (
            1.0 - 0.5 * 0.96 ** step)
        stored = np.asarray(u_product, dtype=self._u_product.dtype.name)
        self._u_product.assign(stored)
        u_product = float(stored)  # Keras reads the product back in the variable's dtype
        _C.apply_nadam(variables, grads, slots[0], slots[1], lr, float(self.beta_1),
                       float(self.beta_2), float(self.epsilon), step, u_product, decays)

    def get_config(self):
        config = super().get_config()
        config.update({"beta_1": self.beta_1, "beta_2": self.beta_2, "epsilon": self.epsilon})
        return config
