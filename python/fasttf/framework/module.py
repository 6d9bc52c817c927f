"""tf.Module: a named container whose variables, trainable_variables and submodules are found
by walking its attributes (sorted by name, own values before those of submodules, as TF)."""

import functools
import re

from .control_flow import name_scope
from .variables import Variable


def _walk(module, predicate, seen):
    found, children = [], []
    for key in sorted(vars(module)):
        if key in _INTERNAL_ATTRIBUTES:  # TF walks private attributes too, its own aside
            continue
        for value in _leaves(getattr(module, key)):
            if id(value) in seen:
                continue
            if isinstance(value, Module):
                seen.add(id(value))
                if predicate(value):
                    found.append(value)
                children.append(value)
            elif predicate(value):
                seen.add(id(value))
                found.append(value)
    for child in children:
        found.extend(_walk(child, predicate, seen))
    return found


_INTERNAL_ATTRIBUTES = {"_name", "_scope"}


def _leaves(value):
    if isinstance(value, dict):
        for k in sorted(value, key=str):
            yield from _leaves(value[k])
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _leaves(item)
    else:
        yield value


def _module_scope(name):
    """The module's own tf.name_scope, absolute: fixed where the module was built (as TF)."""
    with name_scope(name) as full:
        return name_scope(full)


class Module:
    """tf.Module(name=None)."""

    def __init__(self, name=None):
        if name is None:
            name = _camel_to_snake(type(self).__name__)
        elif not _VALID_NAME.match(name):
            raise ValueError("%r is not a valid module name. Module names must be valid Python "
                             "identifiers (e.g. a valid class name)." % (name,))
        self._name = name
        self._scope = _module_scope(name)

    @property
    def name(self):
        return self._name

    @property
    def name_scope(self):
        return self._scope

    @property
    def variables(self):
        return tuple(_walk(self, lambda v: isinstance(v, Variable), set()))

    @property
    def trainable_variables(self):
        return tuple(_walk(self, lambda v: isinstance(v, Variable) and v.trainable, set()))

    @property
    def non_trainable_variables(self):
        return tuple(_walk(self, lambda v: isinstance(v, Variable) and not v.trainable, set()))

    @property
    def submodules(self):
        return tuple(_walk(self, lambda v: isinstance(v, Module), set()))

    @classmethod
    def with_name_scope(cls, method):
        """Decorates a method to run inside its module's name_scope."""
        @functools.wraps(method)
        def method_with_name_scope(self, *args, **kwargs):
            with self.name_scope:
                return method(self, *args, **kwargs)
        return method_with_name_scope


_VALID_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


# TF's rule: an underscore before an upper-case letter that follows a lower-case one or digit,
# or that starts a capitalised word after an acronym ("HTTPServer" -> "http_server").
_CAMEL_BOUNDARY = re.compile(r"((?<=[a-z0-9])[A-Z]|(?!^)[A-Z](?=[a-z]))")


def _camel_to_snake(name):
    return _CAMEL_BOUNDARY.sub(r"_\1", name).lower()
