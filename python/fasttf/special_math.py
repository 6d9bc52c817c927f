"""tf.math special functions: lgamma, digamma, polygamma, zeta, cumulative_logsumexp.

None of them is hot in training, so the values are computed in float64 NumPy (series with
recurrences, the cephes approach) and cast back to the input's dtype. Each carries TF's gradient
through tf.custom_gradient, written with these same functions, so higher derivatives work.
"""

import math as _pymath

import numpy as np

from . import _C
from .framework.constant_op import convert_to_tensor
from .framework.custom_gradient import custom_gradient
from .framework.errors import op_dtype_error
from .framework.tensor import Tensor


def _float_input(x, op):
    x = x if isinstance(x, Tensor) else convert_to_tensor(x)
    if not x.dtype.is_floating:  # as TF's kernels (InvalidArgumentError, also a TypeError here)
        raise op_dtype_error("[%s] expects a floating-point tensor, got %s" % (op, x.dtype.name))
    return x


def _float_pair(a, b, op, names):
    """Two floating-point inputs of one dtype (TF's two-operand special functions)."""
    a, b = _float_input(a, op), _float_input(b, op)
    if a.dtype != b.dtype:
        raise op_dtype_error("[%s] %s must have the same dtype, got %s and %s"
                             % (op, names, a.dtype.name, b.dtype.name))
    return a, b


def _like(values, x):
    return convert_to_tensor(np.asarray(values, np.float64).astype(x.dtype.as_numpy_dtype))


# ---------------------------------------------------------------------------------------------
# float64 NumPy kernels

_lgamma64 = np.vectorize(_pymath.lgamma, otypes=[np.float64])


def _lgamma_np(x):
    x = np.asarray(x, np.float64)
    out = np.full(x.shape, np.inf)
    ok = ~((x <= 0) & (x == np.floor(x)))  # poles at 0, -1, -2, ...: +inf, as TF
    finite = ok & np.isfinite(x)
    out[finite] = _lgamma64(x[finite]) if finite.any() else out[finite]
    out[np.isnan(x)] = np.nan
    out[np.isinf(x)] = np.inf
    return out


def _digamma_np(x):
    x = np.asarray(x, np.float64)
    out = np.empty_like(x)
    pole = (x <= 0) & (x == np.floor(x))
    reflect = (x < 0) & ~pole
    # psi(1 - x) - pi / tan(pi x) for negative x
    y = np.where(reflect, 1.0 - x, x)
    out = _digamma_positive(np.where(pole | ~np.isfinite(y), 1.0, y))
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(reflect, out - np.pi / np.tan(np.pi * x), out)
    out = np.where(pole, np.nan, out)
    out = np.where(np.isnan(x), np.nan, out)
    return np.where(np.isposinf(x), np.inf, np.where(np.isneginf(x), np.nan, out))


def _digamma_positive(y):
    acc = np.zeros_like(y)
    y = y.copy()
    while True:  # recurrence psi(y) = psi(y + 1) - 1 / y up to y >= 6
        small = y < 6.0
        if not small.any():
            break
        acc -= np.where(small, 1.0 / y, 0.0)
        y = np.where(small, y + 1.0, y)
    inv2 = 1.0 / (y * y)
    series = inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 / 132))))
    return acc + np.log(y) - 0.5 / y - series


# Bernoulli numbers B_2k / (2k)! for the Euler-Maclaurin tail of the Hurwitz zeta function
_ZETA_A = [12.0, -720.0, 30240.0, -1209600.0, 47900160.0, -1.8924375803183791606e9,
           7.47242496e10, -2.950130727918164224e12, 1.1646782814350067249e14,
           -4.5979787224074726105e15, 1.8152105401943546773e17, -7.1661652561756670113e18]


def _zeta_scalar(s, q):
    """Hurwitz zeta sum_{k>=0} (k + q)^-s (cephes zeta.c): nan for s < 1, inf at s == 1."""
    if np.isnan(s) or np.isnan(q):
        return np.nan
    if s == 1.0:
        return np.inf
    if s < 1.0:
        return np.nan
    if q <= 0.0:
        if q == np.floor(q):
            return np.inf
        if s != np.floor(s):
            return np.nan  # q^-s would be complex
    total = q ** -s
    a, b, i = q, 0.0, 0
    while i < 9 or a <= 9.0:
        i += 1
        a += 1.0
        b = a ** -s
        total += b
        if abs(b / total) < 1e-17:
            return total
    w = a
    total += b * w / (s - 1.0) - 0.5 * b
    factor, k = 1.0, 0.0
    for coefficient in _ZETA_A:
        factor *= s + k
        b /= w
        term = factor * b / coefficient
        total += term
        if abs(term / total) < 1e-17:
            break
        k += 1.0
        factor *= s + k
        b /= w
        k += 1.0
    return total


_zeta_np = np.vectorize(_zeta_scalar, otypes=[np.float64])


def _polygamma_np(n, x):
    """psi^(n)(x) = (-1)^(n+1) n! zeta(n + 1, x) for n >= 1, digamma for n == 0."""
    n = np.asarray(n, np.float64)
    x = np.asarray(x, np.float64)
    n, x = np.broadcast_arrays(n, x)
    out = np.full(x.shape, np.nan)
    zero = n == 0
    out[zero] = _digamma_np(x[zero])
    pos = (n > 0) & (n == np.floor(n))
    if pos.any():
        npos = n[pos]
        sign = np.where(npos % 2 == 1, 1.0, -1.0)
        fact = np.exp(_lgamma_np(npos + 1.0))
        out[pos] = sign * fact * _zeta_np(npos + 1.0, x[pos])
    return out


# ---------------------------------------------------------------------------------------------
# the ops


def lgamma(x, name=None):
    """log |Gamma(x)|; its gradient is digamma(x)."""
    x = _float_input(x, "lgamma")

    @custom_gradient
    def op(x):
        return _like(_lgamma_np(x.numpy()), x), lambda g: g * digamma(x)
    return op(x)


def digamma(x, name=None):
    """psi(x) = d/dx log Gamma(x); its gradient is polygamma(1, x)."""
    x = _float_input(x, "digamma")

    @custom_gradient
    def op(x):
        return _like(_digamma_np(x.numpy()), x), lambda g: g * polygamma(_C.ones([], x.dtype), x)
    return op(x)


def polygamma(a, x, name=None):
    """The a-th derivative of digamma (a a non-negative integer value of x's float dtype)."""
    a, x = _float_pair(a, x, "polygamma", "a and x")

    @custom_gradient
    def op(a, x):
        value = _like(_polygamma_np(a.numpy(), x.numpy()), x)
        return value, lambda g: (None, g * polygamma(a + _C.ones([], a.dtype), x))
    return op(a, x)


def zeta(x, q, name=None):
    """The Hurwitz zeta function sum_k (k + q)^-x; gradient -x * zeta(x + 1, q) for q only."""
    x, q = _float_pair(x, q, "zeta", "x and q")

    @custom_gradient
    def op(x, q):
        value = _like(_zeta_np(x.numpy(), q.numpy()), x if x.ndim >= q.ndim else q)
        return value, lambda g: (None, g * -x * zeta(x + _C.ones([], x.dtype), q))
    return op(x, q)


def _logcumsumexp_np(x, axis, exclusive, reverse):
    x = np.asarray(x, np.float64)
    if reverse:
        x = np.flip(x, axis)
    with np.errstate(invalid="ignore"):  # logaddexp(-inf, -inf) is -inf, with a warning
        out = np.logaddexp.accumulate(x, axis=axis) if x.shape[axis] else x.copy()
    if exclusive:  # shift by one: the first element has an empty sum, log(0) = -inf
        out = np.concatenate([np.full_like(np.take(out, [0], axis), -np.inf),
                              np.take(out, np.arange(out.shape[axis] - 1), axis)], axis)
    return np.flip(out, axis) if reverse else out


def cumulative_logsumexp(x, axis=0, exclusive=False, reverse=False, name=None):
    """log(cumsum(exp(x))) along axis, computed without overflow (a running logaddexp)."""
    x = _float_input(x, "cumulative_logsumexp")
    axis = int(axis.numpy()) if isinstance(axis, Tensor) else int(axis)
    if not -max(x.ndim, 1) <= axis < max(x.ndim, 1) or x.ndim == 0:
        from .framework.errors import InvalidArgumentError
        raise InvalidArgumentError("[cumulative_logsumexp] axis %d is out of range for a "
                                   "tensor of rank %d" % (axis, x.ndim))
    axis %= x.ndim
    exclusive, reverse = bool(exclusive), bool(reverse)

    @custom_gradient
    def op(x):
        out = _like(_logcumsumexp_np(x.numpy(), axis, exclusive, reverse), x)

        def grad(g):
            # TF's CumulativeLogsumexp gradient: the positive and negative parts of g summed
            # in log space, each with the reverse-direction cumulative logsumexp.
            zero = _C.zeros([], g.dtype)
            neg_inf = convert_to_tensor(-np.inf, g.dtype)
            log_pos = _C.where(g > zero, _C.unary_op(_C.UnaryOp.log, _C.where(
                g > zero, g, _C.ones([], g.dtype))), neg_inf)
            log_neg = _C.where(g < zero, _C.unary_op(_C.UnaryOp.log, _C.where(
                g < zero, -g, _C.ones([], g.dtype))), neg_inf)
            pos = cumulative_logsumexp(log_pos - out, axis, exclusive, not reverse)
            neg = cumulative_logsumexp(log_neg - out, axis, exclusive, not reverse)
            return (_C.unary_op(_C.UnaryOp.exp, pos + x) -
                    _C.unary_op(_C.UnaryOp.exp, neg + x))
        return out, grad
    return op(x)

