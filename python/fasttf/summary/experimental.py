"""tf.summary.experimental: the default step, summary_scope and write_raw_pb."""

from .summary_ops import get_step, set_step, summary_scope, write_raw_pb

__all__ = ["get_step", "set_step", "summary_scope", "write_raw_pb"]
