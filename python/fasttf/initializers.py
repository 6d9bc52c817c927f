"""The TF-2 initializer names (tf.constant_initializer, tf.ones_initializer, ...): the Keras
initializer classes, imported when first called (Keras loads lazily)."""


def _keras_initializer(class_name):
    def make(*args, **kwargs):
        from .keras import initializers
        return getattr(initializers, class_name)(*args, **kwargs)
    make.__name__ = class_name
    return make


constant_initializer = _keras_initializer("Constant")
ones_initializer = _keras_initializer("Ones")
zeros_initializer = _keras_initializer("Zeros")
random_normal_initializer = _keras_initializer("RandomNormal")
random_uniform_initializer = _keras_initializer("RandomUniform")
glorot_uniform_initializer = _keras_initializer("GlorotUniform")
glorot_normal_initializer = _keras_initializer("GlorotNormal")
