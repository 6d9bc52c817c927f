"""tf.data.Options and with_options()."""

from .transformations import _UnaryDataset


class _OptionGroup:
    """A group of settable options (threading, optimization, ...): unset ones read as None."""

    def __init__(self, **defaults):
        self.__dict__.update(defaults)

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return None

    def __eq__(self, other):
        return type(self) is type(other) and self.__dict__ == other.__dict__

    def __repr__(self):
        return "%s(%s)" % (type(self).__name__, ", ".join(
            "%s=%r" % kv for kv in sorted(self.__dict__.items())))


class ThreadingOptions(_OptionGroup):
    pass


class OptimizationOptions(_OptionGroup):
    pass


class AutotuneOptions(_OptionGroup):
    pass


class DistributeOptions(_OptionGroup):
    pass


class Options:
    """Dataset options. They are advisory here except `deterministic` (parallel map order)."""

    def __init__(self):
        self.deterministic = None
        self.experimental_deterministic = None
        self.threading = ThreadingOptions()
        self.experimental_threading = self.threading
        self.experimental_optimization = OptimizationOptions()
        self.autotune = AutotuneOptions()
        self.experimental_distribute = DistributeOptions()
        self.experimental_slack = None
        self.experimental_external_state_policy = None
        self.experimental_warm_start = None

    def __setattr__(self, name, value):
        if name == "experimental_deterministic":
            object.__setattr__(self, "deterministic", value)
        object.__setattr__(self, name, value)

    def merge(self, options):
        merged = Options()
        for source in (self, options):
            for key, value in source.__dict__.items():
                if value is not None:
                    object.__setattr__(merged, key, value)
        return merged

    def __eq__(self, other):
        return isinstance(other, Options) and self.__dict__ == other.__dict__

    __hash__ = object.__hash__  # printed with object's default repr, as TF's Options


class OptionsDataset(_UnaryDataset):
    _tf_name = "_OptionsDataset"

    def __init__(self, input_dataset, options):
        if not isinstance(options, Options):
            raise TypeError("with_options expects a tf.data.Options, got %r" % (options,))
        super().__init__(input_dataset)
        self._options = input_dataset.options().merge(options)

    def _row_plan(self):
        return self._input._row_plan()

    def _iterate(self):
        return self._input._iterate()
