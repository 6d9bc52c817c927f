"""Lion (Chen et al. 2023), as Keras 3 updates it: the step is the sign of an interpolation of
momentum and gradient."""

from ... import math as tf_math
from .optimizer import Optimizer


class Lion(Optimizer):
    """var -= lr * sign(b1*m + (1-b1)*g); m = b2*m + (1-b2)*g."""

    def __init__(self, learning_rate=0.001, beta_1=0.9, beta_2=0.99, weight_decay=None,
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
        if beta_1 <= 0 or beta_1 > 1:
            raise ValueError("Argument `beta_1` must be in the [0, 1] range. Otherwise, the "
                             f"optimizer degenerates to SignSGD. Received: beta_1={beta_1}.")
        self.beta_1, self.beta_2 = beta_1, beta_2

    def _slot_specs(self):
        return [("m", 0.0)]

    def update_step(self, gradient, variable, learning_rate):
        m = self.get_slot(variable, "m")
        b1, b2 = float(self.beta_1), float(self.beta_2)
        variable.assign_sub(tf_math.sign(m * b1 + gradient * (1.0 - b1)) * float(learning_rate))
        m.assign(m * b2 + gradient * (1.0 - b2))

    def get_config(self):
        config = super().get_config()
        config.update({"beta_1": self.beta_1, "beta_2": self.beta_2})
        return config
