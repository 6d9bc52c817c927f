"""tf.GradientTape on top of the C++ tape (csrc/autograd/tape.h)."""

import contextlib
import enum
import warnings

from .. import _C
from ..util import nest
from .string_tensor import StringTensor
from .errors import InvalidArgumentError
from .tensor import Tensor


class UnconnectedGradients(enum.Enum):
    NONE = "none"
    ZERO = "zero"


def _targets_as_sources(grads, targets, sources, output_grads):
    """d x / d x is the seed (ones) even where x never went through a recorded op, as TF."""
    out = []
    for grad, source in zip(grads, sources):
        if grad is None:
            for target, seed in zip(targets, output_grads):
                if target is source and source.dtype.is_floating:
                    seed = seed if seed is not None else _C.ones(list(source._shape_tuple),
                                                                   source.dtype)
                    grad = seed if grad is None else grad + seed
        out.append(grad)
    return out


class GradientTape:
    """Records ops on watched tensors and trainable variables to compute gradients."""

    def __init__(self, persistent=False, watch_accessed_variables=True):
        self._persistent = persistent
        self._watch_accessed_variables = watch_accessed_variables
        self._tape = _C.Tape(persistent, watch_accessed_variables)
        self._used = False
        self._entered = False

    def __enter__(self):
        self._tape.push()
        self._entered = True
        return self

    def __exit__(self, exc_type, exc, tb):
        self._tape.pop()
        return False

    def watch(self, tensor):
        for t in nest.flatten(tensor):
            if not isinstance(t, Tensor):
                raise ValueError("Passed in object %r of type %r, not tf.Tensor or tf.Variable"
                                 % (t, type(t).__name__))
            if t.__class__ is StringTensor:
                continue  # as TF (which only logs a warning): strings have no gradient
            self._tape.watch(t)

    @contextlib.contextmanager
    def stop_recording(self):
        if not self._tape.active:
            raise ValueError("Tape.stop_recording() can only be used within the tape's context")
        self._tape.pause()
        try:
            yield
        finally:
            self._tape.resume()

    def reset(self):
        self._tape.reset()

    def watched_variables(self):
        return tuple(self._tape.watched_variables())

    def gradient(self, target, sources, output_gradients=None,
                 unconnected_gradients=UnconnectedGradients.NONE):
        unconnected_gradients = UnconnectedGradients(
            getattr(unconnected_gradients, "value", unconnected_gradients))
        if (self._used or not self._entered) and not self._persistent:
            # TF says the same of a tape that never recorded (never entered).
            raise RuntimeError("A non-persistent GradientTape can only be used to compute one "
                               "set of gradients (or jacobians)")
        flat_targets = nest.flatten(target)
        for t in flat_targets:
            if not isinstance(t, Tensor):
                raise TypeError("gradient() target must be a Tensor or Variable (or a structure "
                                "of them), got %r" % (type(t).__name__,))
        flat_sources = nest.flatten(sources)
        for s in flat_sources:
            if not isinstance(s, Tensor):
                raise TypeError("gradient() sources must be Tensors or Variables, got %r"
                                % (type(s).__name__,))
            if not s.dtype.is_floating:
                warnings.warn("The dtype of the source tensor must be floating (e.g. tf.float32)"
                              " when calling GradientTape.gradient, got %r" % (s.dtype,),
                              stacklevel=2)
        flat_output_grads = [None] * len(flat_targets)
        if output_gradients is not None:
            flat_output_grads = nest.flatten(output_gradients)
            if len(flat_output_grads) != len(flat_targets):
                raise ValueError("output_gradients must match the structure of target")
            flat_output_grads = [None if g is None else _C.convert_to_tensor(g, t.dtype)
                                 for g, t in zip(flat_output_grads, flat_targets)]
            for g, t in zip(flat_output_grads, flat_targets):
                if g is not None and g._shape_tuple != t._shape_tuple:
                    raise InvalidArgumentError("output_gradients shape %s does not match "
                                               "target shape %s" % (g.shape, t.shape))
        self._used = True
        grads = self._tape.gradient(flat_targets, flat_sources, flat_output_grads)
        grads = _targets_as_sources(grads, flat_targets, flat_sources, flat_output_grads)
        if unconnected_gradients is UnconnectedGradients.ZERO:
            grads = [_C.zeros(list(s._shape_tuple), s.dtype) if g is None else g
                     for g, s in zip(grads, flat_sources)]
        return nest.pack_sequence_as(sources, grads)

    def jacobian(self, target, sources, unconnected_gradients=UnconnectedGradients.NONE,
                 parallel_iterations=None, experimental_use_pfor=True):
        """d target[i...] / d source[j...], shaped target.shape + source.shape."""
        import numpy as np
        if (self._used or not self._entered) and not self._persistent:
            raise RuntimeError("A non-persistent GradientTape can only be used to compute one "
                               "set of gradients (or jacobians)")
        flat_sources = nest.flatten(sources)
        n = target._numel()
        rows = [[] for _ in flat_sources]
        tape = self._tape
        for i in range(n):
            seed = np.zeros(n, dtype=target.dtype.as_numpy_dtype)
            seed[i] = 1
            seed_t = _C.reshape(_C.convert_to_tensor(seed, target.dtype), list(target._shape_tuple))
            grads = tape.gradient([target], flat_sources, [seed_t], True)
            for k, (g, s) in enumerate(zip(grads, flat_sources)):
                if g is None and unconnected_gradients != UnconnectedGradients.ZERO:
                    rows[k].append(None)
                else:
                    rows[k].append(g.numpy() if g is not None
                                   else np.zeros(s._shape_tuple, s.dtype.as_numpy_dtype))
        if not self._persistent:
            self._tape.reset()
        self._used = True
        out = []
        for k, s in enumerate(flat_sources):
            if n and rows[k][0] is None:
                out.append(None)
                continue
            stacked = np.stack(rows[k]) if n else np.zeros((0,) + s._shape_tuple)
            out.append(_C.convert_to_tensor(
                stacked.reshape(target._shape_tuple + s._shape_tuple), s.dtype))
        return nest.pack_sequence_as(sources, out)

    def batch_jacobian(self, target, source, unconnected_gradients=UnconnectedGradients.NONE,
                       parallel_iterations=None, experimental_use_pfor=True):
        """d target[b, i...] / d source[b, j...], shaped (batch,) + target[1:] + source[1:]."""
        import numpy as np
        b = target._shape_tuple[0]
        if source._shape_tuple[0] != b:
            raise ValueError("batch_jacobian needs target and source of the same batch size")
        full = self.jacobian(target, source, unconnected_gradients)
        if full is None:  # TF's batch_jacobian gives zeros where jacobian gives None
            return _C.zeros([b] + list(target._shape_tuple[1:]) + list(source._shape_tuple[1:]),
                            source.dtype)
        full = full.numpy()
        full = full.reshape((b, -1, b, int(np.prod(source._shape_tuple[1:]))))
        diag = np.stack([full[i, :, i, :] for i in range(b)]) if b else full[:, :, 0, :]
        return _C.convert_to_tensor(
            diag.reshape((b,) + target._shape_tuple[1:] + source._shape_tuple[1:]), source.dtype)
