"""tf.io: file access (gfile) and whole files as string tensors (read_file, write_file)."""

from . import gfile
from .file_io import read_file, write_file

__all__ = ["gfile", "read_file", "write_file"]
