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
