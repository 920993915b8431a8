#!/usr/bin/env bash
# The whole test suite: set up, build, and run every test (Catch2 cases one by one, pytest,
# the consumer projects and the examples) through ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
ctest --test-dir build --output-on-failure -j "${JOBS:-$(nproc)}"
