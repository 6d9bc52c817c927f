"""tf.custom_gradient: a function that returns (outputs, grad_fn) gets grad_fn as its gradient.

    @tf.custom_gradient
    def log1pexp(x):
        e = tf.exp(x)
        def grad(upstream):
            return upstream * (1 - 1 / (1 + e))
        return tf.math.log(1 + e), grad

When the function reads variables, grad_fn must accept `variables=` and return
(input_grads, variable_grads), as in TF. The outputs handed to the caller are fresh handles
(same storage, new tape identity), so the ops inside the function do not also carry gradient:
only grad_fn does. grad_fn runs with the tapes recording, so gradients of gradients work when
it is written with differentiable ops.
"""

import functools
import inspect

from .. import _C
from ..util import nest
from .tensor import Tensor


def _accepts_variables(fn):
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False
    return "variables" in params or any(p.kind is p.VAR_KEYWORD for p in params.values())


def _as_list(grads):
    if isinstance(grads, (list, tuple)):
        return list(grads)
    return [grads]


def custom_gradient(f=None):
    """Decorator: f(*args) -> (y, grad_fn); the tape uses grad_fn for dy -> d args."""
    if f is None:
        return custom_gradient

    @functools.wraps(f)
    def decorated(*args, **kwargs):
        if not _C.is_recording():
            result, _ = f(*args, **kwargs)
            return result
        # A watcher tape sees which trainable variables the function reads.
        watcher = _C.Tape(False, True)
        watcher.push()
        try:
            result, grad_fn = f(*args, **kwargs)
        finally:
            watcher.pop()
        arg_positions = [i for i, a in enumerate(args) if isinstance(a, Tensor)]
        arg_tensors = [args[i] for i in arg_positions]
        arg_ids = {t._id for t in arg_tensors}
        variables = [v for v in watcher.watched_variables() if v._id not in arg_ids]
        if variables and not _accepts_variables(grad_fn):
            raise TypeError("If using @custom_gradient with a function that uses variables, "
                            "then grad_fn must accept a keyword argument 'variables'.")

        flat_result = nest.flatten(result)
        outputs = [_C.stop_gradient(r) if isinstance(r, Tensor) else r for r in flat_result]
        tensor_outputs = [o for o in outputs if isinstance(o, Tensor)]

        def backward(upstream):
            upstream = [_C.zeros(list(o._shape_tuple), o.dtype) if g is None else g
                        for g, o in zip(upstream, tensor_outputs)]
            if variables:
                grads, var_grads = grad_fn(*upstream, variables=variables)
                var_grads = _as_list(var_grads)
                if len(var_grads) != len(variables):
                    raise ValueError("custom_gradient's grad_fn returned %d variable gradients "
                                     "for %d variables" % (len(var_grads), len(variables)))
            else:
                grads, var_grads = grad_fn(*upstream), []
            grads = _as_list(grads)
            if len(grads) != len(args):
                raise ValueError("custom_gradient's grad_fn returned %d gradients for %d "
                                 "arguments" % (len(grads), len(args)))
            return [grads[i] for i in arg_positions] + var_grads

        _C.record_custom(getattr(f, "__name__", "CustomGradient"), arg_tensors + variables,
                         tensor_outputs, backward)
        return nest.pack_sequence_as(result, outputs)

    return decorated


def recompute_grad(f):
    """tf.recompute_grad: memory-saving recomputation; here simply f (values are identical)."""
    return f
