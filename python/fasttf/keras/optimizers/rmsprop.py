"""RMSprop (plain, with momentum, centered), fused in C++ (`_C.apply_rmsprop`)."""

from ... import _C
from .optimizer import Optimizer


class RMSprop(Optimizer):
    """v = rho*v + (1-rho)g²; centered: a = rho*a + (1-rho)g, denom = v - a² + eps, else
    v + eps; inc = lr*g/sqrt(denom); momentum: mom = momentum*mom + inc, var -= mom."""

    def __init__(self, learning_rate=0.001, rho=0.9, momentum=0.0, epsilon=1e-7, centered=False,
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
        self.rho = rho
        self.momentum = momentum
        self.epsilon = epsilon
        self.centered = centered

    def _slot_specs(self):
        specs = [("velocity", 0.0)]
        if self.momentum > 0:
            specs.append(("momentum", 0.0))
        if self.centered:
            specs.append(("average_gradient", 0.0))
        return specs

    def _fused_update(self, variables, grads, slots, lr, step, decays):
        index = 1
        momentums = mean_grads = None
        if self.momentum > 0:
            momentums = slots[index]
            index += 1
        if self.centered:
            mean_grads = slots[index]
        _C.apply_rmsprop(variables, grads, slots[0], momentums, mean_grads, lr,
                         float(self.rho), float(self.momentum), float(self.epsilon), decays)

    def get_config(self):
        config = super().get_config()
        config.update({"rho": self.rho, "momentum": self.momentum, "epsilon": self.epsilon,
                       "centered": self.centered})
        return config
