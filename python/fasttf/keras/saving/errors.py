"""The error raised for any file that cannot be loaded: missing, empty, truncated, corrupt, of
another format, or not matching the model. A ValueError, so `except ValueError` catches it."""


class SavingError(ValueError):
    pass
