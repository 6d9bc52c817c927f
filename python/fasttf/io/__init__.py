"""tf.io: file access (gfile). The tensor-valued readers (read_file, decode_*) need string
tensors, which fasttf does not have."""

from . import gfile

__all__ = ["gfile"]
