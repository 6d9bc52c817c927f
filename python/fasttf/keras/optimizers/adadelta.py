"""Adadelta, fused in C++ (`_C.apply_adadelta`)."""

from ... import _C
from .optimizer import Optimizer


class Adadelta(Optimizer):
    """ag = rho*ag + (1-rho)g²; d = -sqrt(ad+eps)*g/sqrt(ag+eps); ad = rho*ad + (1-rho)d²;
    var += lr*d."""

    def __init__(self, learning_rate=0.001, rho=0.95, epsilon=1e-7, weight_decay=None,
                 clipnorm=None, clipvalue=None, global_clipnorm=None, use_ema=False,
                 ema_momentum=0.99, ema_overwrite_frequency=None, loss_scale_factor=None,
                 gradient_accumulation_steps=None, name=None, **kwargs):
        super().__init__(learning_rate=learning_rate, weight_decay=weight_decay,
                         clipnorm=clipnorm, clipvalue=clipvalue, global_clipnorm=global_clipnorm,
                         use_ema=use_ema, ema_momentum=ema_momentum,
                         ema_overwrite_frequency=ema_overwrite_frequency,
                         loss_scale_factor=loss_scale_factor,
                         gradient_accumulation_steps=gradient_accumulation_steps, name=name,
                         **kwargs)
        self.rho = rho
        self.epsilon = epsilon

    def _slot_specs(self):
        return [("accumulated_grad", 0.0), ("accumulated_delta_var", 0.0)]

    def _fused_update(self, variables, grads, slots, lr, step, decays):
        _C.apply_adadelta(variables, grads, slots[0], slots[1], lr, float(self.rho),
                          float(self.epsilon), decays)

    def get_config(self):
        config = super().get_config()
        config.update({"rho": self.rho, "epsilon": self.epsilon})
        return config
