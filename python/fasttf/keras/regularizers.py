"""tf.keras.regularizers: L1, L2, L1L2 penalties on weights (callables returning a scalar)."""

from .. import _C

_R = _C.ReduceOp
_U = _C.UnaryOp


class Regularizer:
    def __call__(self, x):
        return 0.0

    def get_config(self):
        return {}

    @classmethod
    def from_config(cls, config):
        return cls(**config)


class L1L2(Regularizer):
    """l1 * sum(|x|) + l2 * sum(x^2)."""

    def __init__(self, l1=0.0, l2=0.0):
        self.l1 = float(l1 or 0.0)
        self.l2 = float(l2 or 0.0)

    def __call__(self, x):
        total = None
        if self.l1:
            total = _C.reduce(_R.sum, _C.unary_op(_U.abs, x), None, False) * self.l1
        if self.l2:
            term = _C.reduce(_R.sum, _C.unary_op(_U.square, x), None, False) * self.l2
            total = term if total is None else total + term
        return total if total is not None else _C.zeros([], x.dtype)

    def get_config(self):
        return {"l1": self.l1, "l2": self.l2}


class L1(L1L2):
    def __init__(self, l1=0.01, **kwargs):
        super().__init__(l1=kwargs.pop("l", l1))

    def get_config(self):
        return {"l1": self.l1}


class L2(L1L2):
    def __init__(self, l2=0.01, **kwargs):
        super().__init__(l2=kwargs.pop("l", l2))

    def get_config(self):
        return {"l2": self.l2}


class OrthogonalRegularizer(Regularizer):
    def __init__(self, factor=0.01, mode="rows"):
        self.factor, self.mode = factor, mode

    def __call__(self, x):
        from .. import math as tfm
        m = x if self.mode == "rows" else _C.transpose(x, [])
        norm = _C.unary_op(_U.sqrt, _C.reduce(_R.sum, _C.unary_op(_U.square, m), [1], True))
        m = m / norm
        gram = tfm.matmul(m, m, transpose_b=True)
        n = gram.shape[0]
        off = gram - _C.eye(n, n, [], gram.dtype)
        return _C.reduce(_R.sum, _C.unary_op(_U.abs, off), None, False) * (
            self.factor / (n * (n - 1) if n > 1 else 1))

    def get_config(self):
        return {"factor": self.factor, "mode": self.mode}


def l1(l1=0.01):
    return L1(l1)


def l2(l2=0.01):
    return L2(l2)


def l1_l2(l1=0.01, l2=0.01):
    return L1L2(l1=l1, l2=l2)


l1l2 = l1_l2

_BY_NAME = {"l1": L1, "l2": L2, "l1_l2": L1L2, "l1l2": L1L2, "L1": L1, "L2": L2, "L1L2": L1L2}


def get(identifier):
    if identifier is None:
        return None
    if isinstance(identifier, str):
        if identifier not in _BY_NAME:
            raise ValueError("Unknown regularizer: '%s'" % identifier)
        return _BY_NAME[identifier]()
    if isinstance(identifier, dict):
        return _BY_NAME[identifier["class_name"]](**identifier.get("config", {}))
    if callable(identifier):
        return identifier
    raise ValueError("Could not interpret regularizer identifier: %r" % (identifier,))


def serialize(regularizer):
    if regularizer is None:
        return None
    return {"module": "keras.regularizers", "class_name": type(regularizer).__name__,
            "config": regularizer.get_config(), "registered_name": None}   # Keras 3's layout


deserialize = get
