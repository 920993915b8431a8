#!/usr/bin/env bash
# Configures and builds the dev preset (build/). Debian's /usr/bin/python3 is the
# interpreter for the Python module and pytest unless PYTHON is set.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
python="${PYTHON:-/usr/bin/python3}"
jobs="${JOBS:-$(nproc)}"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPython_EXECUTABLE="$python" >/dev/null
cmake --build build -j "$jobs"
