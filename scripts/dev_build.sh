#!/usr/bin/env bash
# Incremental development build: compiles fasttf._C into python/fasttf/ so that
# `PYTHONPATH=python pytest` runs against the working tree. Serialised with a lock so that
# several shells can call it at once.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
exec 9>"$root/build/.dev_build.lock" 2>/dev/null || { mkdir -p "$root/build"; exec 9>"$root/build/.dev_build.lock"; }
flock 9
if [ ! -f "$root/build/dev/build.ninja" ]; then
  cmake -S "$root" -B "$root/build/dev" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DFASTTF_DEV_OUTPUT="$root/python/fasttf" \
    -Dpybind11_DIR="$(python3 -m pybind11 --cmakedir)" >/dev/null
fi
cmake --build "$root/build/dev" -j 2 "$@"
