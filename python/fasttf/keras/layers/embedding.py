"""Embedding: integer ids -> rows of a learned matrix (tf.gather)."""

from ... import _C
from ...framework import dtypes
from .. import initializers as initializers_mod
from .. import regularizers as regularizers_mod
from .base_layer import Layer
from .core import _serialize_constraint


class Embedding(Layer):
    def __init__(self, input_dim, output_dim, embeddings_initializer="uniform",
                 embeddings_regularizer=None, activity_regularizer=None,
                 embeddings_constraint=None, mask_zero=False, input_length=None, **kwargs):
        if input_length is not None:
            kwargs.setdefault("input_shape", (input_length,))
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        if input_dim <= 0 or output_dim <= 0:
            raise ValueError("Both `input_dim` and `output_dim` should be positive, Received "
                             "input_dim = %s and output_dim = %s" % (input_dim, output_dim))
        self.input_dim, self.output_dim = int(input_dim), int(output_dim)
        if embeddings_initializer == "uniform":
            embeddings_initializer = initializers_mod.RandomUniform()
        self.embeddings_initializer = initializers_mod.get(embeddings_initializer)
        self.embeddings_regularizer = regularizers_mod.get(embeddings_regularizer)
        from .. import constraints
        self.embeddings_constraint = constraints.get(embeddings_constraint)
        self.mask_zero = mask_zero
        self.input_length = input_length
        self._autocast = False

    def build(self, input_shape=None):
        self.embeddings = self.add_weight("embeddings", [self.input_dim, self.output_dim],
                                          initializer=self.embeddings_initializer,
                                          regularizer=self.embeddings_regularizer,
                                          constraint=self.embeddings_constraint)
        self.built = True

    def call(self, inputs):
        import fasttf
        if not inputs.dtype.is_integer:
            inputs = _C.cast(inputs, dtypes.int32)
        return fasttf.gather(self.embeddings, inputs)

    def compute_mask(self, inputs, mask=None):
        if not self.mask_zero:
            return None
        return _C.binary_op(_C.BinaryOp.not_equal, inputs, _C.zeros([], inputs.dtype))

    def get_config(self):
        config = super().get_config()
        config.update({"input_dim": self.input_dim, "output_dim": self.output_dim,
                       "embeddings_initializer":
                           initializers_mod.serialize(self.embeddings_initializer),
                       "embeddings_regularizer":
                           regularizers_mod.serialize(self.embeddings_regularizer),
                       "activity_regularizer":
                           regularizers_mod.serialize(self.activity_regularizer),
                       "embeddings_constraint": _serialize_constraint(self.embeddings_constraint),
                       "mask_zero": self.mask_zero, "input_length": self.input_length})
        return config
