"""tf.version: the version strings TF exposes. VERSION is fasttf's own (as tf.__version__)."""

from . import __version__

VERSION = __version__

GIT_VERSION = "unknown"
COMPILER_VERSION = "unknown"
GRAPH_DEF_VERSION = 0
GRAPH_DEF_VERSION_MIN_CONSUMER = 0
GRAPH_DEF_VERSION_MIN_PRODUCER = 0
