#!/usr/bin/env bash
# Incremental development build: compiles fasttf._C and installs it into python/fasttf/ so that
# `PYTHONPATH=python pytest` runs against the working tree. Serialised with a lock so that
# several shells can call it at once; the module is replaced atomically (copy, then rename),
# so processes importing it meanwhile never see a half-written file.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$root/build"
exec 9>"$root/build/.dev_build.lock"
flock 9
out="$root/build/dev/module"
if [ ! -f "$root/build/dev/build.ninja" ] || ! grep -q "$out" "$root/build/dev/CMakeCache.txt"; then
  cmake -S "$root" -B "$root/build/dev" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DFASTTF_DEV_OUTPUT="$out" \
    -Dpybind11_DIR="$(python3 -m pybind11 --cmakedir)" >/dev/null
fi
cmake --build "$root/build/dev" -j 2 "$@"
for so in "$out"/_C*.so; do
  dest="$root/python/fasttf/$(basename "$so")"
  if ! cmp -s "$so" "$dest"; then
    cp "$so" "$dest.tmp.$$"
    mv -f "$dest.tmp.$$" "$dest"
  fi
done
