"""Adamax, fused in C++ (`_C.apply_adamax`)."""

from ... import _C
from .optimizer import Optimizer


class Adamax(Optimizer):
    """m += (g-m)(1-b1); u = max(b2*u, |g|); var -= lr*m/((1-b1^t)(u+eps))."""

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

    def _slot_specs(self):
        return [("m", 0.0), ("u", 0.0)]

    def _fused_update(self, variables, grads, slots, lr, step, decays):
        _C.apply_adamax(variables, grads, slots[0], slots[1], lr, float(self.beta_1),
                        float(self.beta_2), float(self.epsilon), step, decays)

    def get_config(self):
        config = super().get_config()
        config.update({"beta_1": self.beta_1, "beta_2": self.beta_2, "epsilon": self.epsilon})
        return config
