"""InputSpec: the rank / last-axis constraints a layer checks on every call."""

from ...framework.tensor_shape import TensorShape


class InputSpec:
    def __init__(self, dtype=None, shape=None, ndim=None, max_ndim=None, min_ndim=None,
                 axes=None, allow_last_axis_squeeze=False, name=None):
        self.dtype = dtype
        self.shape = None if shape is None else tuple(shape)
        self.ndim = len(self.shape) if shape is not None else ndim
        self.max_ndim = max_ndim
        self.min_ndim = min_ndim
        self.axes = {int(k): v for k, v in (axes or {}).items()}
        self.name = name

    def __repr__(self):
        parts = ["%s=%s" % (k, getattr(self, k)) for k in
                 ("dtype", "shape", "ndim", "max_ndim", "min_ndim")
                 if getattr(self, k) is not None]
        if self.axes:
            parts.append("axes=%s" % self.axes)
        return "InputSpec(%s)" % ", ".join(parts)

    def get_config(self):
        return {"dtype": self.dtype, "shape": self.shape, "ndim": self.ndim,
                "max_ndim": self.max_ndim, "min_ndim": self.min_ndim, "axes": self.axes}


def _shape_text(shape):
    return str(tuple(shape))


def assert_input_compatibility(specs, inputs, layer_name):
    """Raises ValueError (as Keras words it) when an input breaks its layer's InputSpec."""
    if not isinstance(specs, (list, tuple)):
        specs = [specs]
    if not isinstance(inputs, (list, tuple)):
        inputs = [inputs]
    if len(specs) > 1 and len(inputs) != len(specs):
        raise ValueError('Layer "%s" expects %d input(s), but it received %d input tensors.'
                         % (layer_name, len(specs), len(inputs)))
    for index, (spec, x) in enumerate(zip(specs, inputs)):
        if spec is None:
            continue
        shape = tuple(x.shape) if not isinstance(x.shape, TensorShape) else tuple(x.shape.dims)
        ndim = len(shape)
        prefix = 'Input %d of layer "%s" is incompatible with the layer: ' % (index, layer_name)
        if spec.ndim is not None and ndim != spec.ndim:
            raise ValueError(prefix + "expected ndim=%d, found ndim=%d. Full shape received: %s"
                             % (spec.ndim, ndim, _shape_text(shape)))
        if spec.max_ndim is not None and ndim > spec.max_ndim:
            raise ValueError(prefix + "expected max_ndim=%d, found ndim=%d" % (spec.max_ndim, ndim))
        if spec.min_ndim is not None and ndim < spec.min_ndim:
            raise ValueError(prefix + "expected min_ndim=%d, found ndim=%d. Full shape received: "
                             "%s" % (spec.min_ndim, ndim, _shape_text(shape)))
        for axis, value in spec.axes.items():
            if value is None:
                continue
            if not -ndim <= axis < ndim:
                raise ValueError(prefix + "expected axis %d to exist, but received input with "
                                 "shape %s" % (axis, _shape_text(shape)))
            if shape[axis] is not None and shape[axis] != value:
                raise ValueError(prefix + "expected axis %d of input shape to have value %d, but "
                                 "received input with shape %s" % (axis, value, _shape_text(shape)))
        if spec.shape is not None:
            for expected, got in zip(spec.shape, shape):
                if expected is not None and got is not None and expected != got:
                    raise ValueError(prefix + "expected shape=%s, found shape=%s"
                                     % (spec.shape, _shape_text(shape)))
