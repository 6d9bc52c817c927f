"""SGD with optional (Nesterov) momentum, fused in C++ (`_C.apply_sgd`)."""

from ... import _C
from .optimizer import Optimizer


class SGD(Optimizer):
    """m = momentum*m - lr*g; var += m (nesterov: var += momentum*m - lr*g); without momentum
    var -= lr*g."""

    def __init__(self, learning_rate=0.01, momentum=0.0, nesterov=False, weight_decay=None,
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
        if not isinstance(momentum, (int, float)) or momentum < 0 or momentum > 1:
            raise ValueError("`momentum` must be a float between [0, 1].")
        self.momentum = momentum
        self.nesterov = nesterov

    def _slot_specs(self):
        return [("momentum", 0.0)] if self.momentum != 0 else []

    def _fused_update(self, variables, grads, slots, lr, step, decays):
        _C.apply_sgd(variables, grads, slots[0] if slots else None, lr, float(self.momentum),
                     bool(self.nesterov), decays)

    def get_config(self):
        config = super().get_config()
        config.update({"momentum": self.momentum, "nesterov": self.nesterov})
        return config
