"""`tf.keras.optimizers.legacy`: the Keras 2 optimizer names. fasttf's optimizers already accept
the Keras 2 arguments (`lr=`, `decay=`), so these are the same classes."""

from .adadelta import Adadelta
from .adagrad import Adagrad
from .adam import Adam
from .adamax import Adamax
from .nadam import Nadam
from .optimizer import Optimizer
from .rmsprop import RMSprop
from .sgd import SGD

__all__ = ["Optimizer", "SGD", "Adam", "RMSprop", "Adagrad", "Adadelta", "Adamax", "Nadam"]
