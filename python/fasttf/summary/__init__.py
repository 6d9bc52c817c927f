"""tf.summary: TensorBoard event files, written as TensorFlow 2 writes them.

Self-contained (numpy only, relative imports), so it loads without the rest of fasttf.

    writer = tf.summary.create_file_writer("logs/run1")
    with writer.as_default(step=0):
        tf.summary.scalar("loss", 0.25)
        tf.summary.histogram("weights", w, step=3)
"""

from . import experimental
from .summary_ops import (
    SummaryWriter,
    audio,
    create_file_writer,
    create_noop_writer,
    flush,
    graph,
    histogram,
    image,
    record_if,
    scalar,
    should_record_summaries,
    text,
    trace_export,
    trace_off,
    trace_on,
    write,
)

__all__ = [
    "SummaryWriter",
    "audio",
    "create_file_writer",
    "create_noop_writer",
    "experimental",
    "flush",
    "graph",
    "histogram",
    "image",
    "record_if",
    "scalar",
    "should_record_summaries",
    "text",
    "trace_export",
    "trace_off",
    "trace_on",
    "write",
]
