"""tf.errors: the exception classes ops raise (InvalidArgumentError is also a ValueError)."""


class OpError(Exception):
    """The base class of errors raised by ops, as tf.errors.OpError."""

    def __init__(self, node_def=None, op=None, message=None, *args):
        # Accept both OpError(message) and TF's OpError(node_def, op, message).
        if message is None and op is None and node_def is not None:
            message, node_def = node_def, None
        super().__init__(message)
        self.node_def = node_def
        self.op = op
        self._message = message

    @property
    def message(self):
        return self._message


class InvalidArgumentError(OpError, ValueError):
    pass


class _OpDTypeError(InvalidArgumentError, TypeError):
    """An op refused an input's dtype: tf.sqrt(4), tf.gather(x, [0.]), tf.reduce_sum([True]).

    TF 2.21's kernels raise InvalidArgumentError for these, while TF's graph-mode op builder
    and older fasttf raised TypeError, and code of both kinds exists. Deriving from both keeps
    `except tf.errors.InvalidArgumentError` and `except TypeError` working. It is named
    InvalidArgumentError (not exported under its own name) because that is the class TF reports:
    tracebacks and type(e).__name__ read as they do under TF.
    """


_OpDTypeError.__name__ = _OpDTypeError.__qualname__ = "InvalidArgumentError"


def op_dtype_error(message):
    """The error to raise from Python where an op refuses a dtype as TF's kernels do."""
    return _OpDTypeError(message)


class OutOfRangeError(OpError, IndexError):
    pass


class ResourceExhaustedError(OpError, MemoryError):
    pass


class UnimplementedError(OpError, NotImplementedError):
    pass


class NotFoundError(OpError, FileNotFoundError):
    pass


class FailedPreconditionError(OpError, RuntimeError):
    pass


class UnknownError(OpError):
    pass


class DataLossError(OpError):
    pass


class AlreadyExistsError(OpError):
    pass


class InternalError(OpError):
    pass


class CancelledError(OpError):
    pass


class AbortedError(OpError):
    pass


class PermissionDeniedError(OpError, PermissionError):
    pass


class UnavailableError(OpError):
    pass


class DeadlineExceededError(OpError):
    pass


class UnauthenticatedError(OpError):
    pass
