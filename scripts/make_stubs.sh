#!/usr/bin/env bash
# Regenerates python/fasttf/_C.pyi (type stubs of the extension module) from the built module.
# Needs `pip install pybind11-stubgen` and a development build (scripts/dev_build.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
PYTHONPATH="$root/python" pybind11-stubgen fasttf._C -o "$out" --ignore-all-errors >/dev/null
cp "$out/fasttf/_C.pyi" "$root/python/fasttf/_C.pyi"
rm -rf "$out"
echo "wrote python/fasttf/_C.pyi"
