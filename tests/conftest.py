import os
import sys

# Tests import the installed package; in a development checkout built with
# scripts/dev_build.sh, fall back to the in-tree package.
try:
    import fasttf  # noqa: F401
except ImportError:
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "python"))

sys.path.insert(0, os.path.dirname(__file__))

# summary() sizes its table to the terminal as Keras does (min(88, columns - 4)); tests see
# the width of a non-terminal run (80 columns), wherever they are started from.
os.environ["COLUMNS"] = "80"
