"""tf.experimental.Optional, as returned by iterator.get_next_as_optional()."""

from .. import _C
import numpy as np

from ..framework import errors


class Optional:
    def __init__(self, value, has_value, element_spec):
        self._value = value
        self._has_value = has_value
        self._element_spec = element_spec

    @staticmethod
    def from_value(value):
        return Optional(value, True, None)

    @staticmethod
    def empty(element_spec):
        return Optional(None, False, element_spec)

    def has_value(self, name=None):
        return _C.convert_to_tensor(np.array(self._has_value), None)

    def get_value(self, name=None):
        if not self._has_value:
            raise errors.InvalidArgumentError("The optional does not have a value")
        return self._value

    @property
    def element_spec(self):
        return self._element_spec
