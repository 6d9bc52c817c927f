"""Graph fixes for the application models: unknown spatial dimensions in their summaries.

(Their layer order, which Keras 3 weight files depend on, comes from engine/layer_order.py.)
"""


def mark_unknown_dims(model, probe_size):
    """Sets to None the dimensions of the model's symbolic tensors that follow an input
    dimension given as None (e.g. an image model built for any height and width).

    fasttf's functional API builds layers on placeholders whose unknown dimensions are 1 and
    records the resulting shapes, so without this the summary would show (None, 1, 1, 64)
    where Keras shows (None, None, None, 64). Replaying the graph once with the unknown
    dimensions set to `probe_size` shows which recorded dimensions depend on them."""
    from ... import _C
    from ...framework.tensor_shape import TensorShape
    from ...util import nest
    if not any(d is None for t in model.inputs for d in t.shape.dims[1:]):
        return model
    values = {}
    for kt in model.inputs:
        shape = [1] + [probe_size if d is None else d for d in kt.shape.dims[1:]]
        values[id(kt)] = _C.zeros(shape, kt._dtype)

    def lookup(t):
        return values[id(t)] if hasattr(t, "_keras_history") and id(t) in values else t

    for node in model._compute_nodes:
        args = nest.map_structure(lookup, node.call_args)
        kwargs = {k: nest.map_structure(lookup, v) for k, v in node.call_kwargs.items()}
        outputs = node.layer(*args, **kwargs)
        for kt, value in zip(nest.flatten(node.outputs), nest.flatten(outputs)):
            values[id(kt)] = value
            probed = tuple(value.shape)
            dims = list(kt.shape.dims)
            if len(dims) == len(probed):
                kt.shape = TensorShape([None if i == 0 or d != p else d
                                        for i, (d, p) in enumerate(zip(dims, probed))])
    return model
