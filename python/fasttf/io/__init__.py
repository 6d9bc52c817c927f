"""tf.io: file access (gfile), whole files as string tensors (read_file, write_file), and
parsing of string tensors (decode_csv, decode_raw)."""

from . import gfile
from .file_io import matching_files, read_file, write_file
from .parsing import decode_csv, decode_raw
from ..strings_unicode import decode_base64, encode_base64

__all__ = ["decode_base64", "decode_csv", "decode_raw", "encode_base64", "gfile", "matching_files",
           "read_file", "write_file"]
