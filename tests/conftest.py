import os
import sys

# Tests import the installed package; in a development checkout built with
# scripts/dev_build.sh, fall back to the in-tree package.
try:
    import fasttf  # noqa: F401
except ImportError:
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "python"))

sys.path.insert(0, os.path.dirname(__file__))
