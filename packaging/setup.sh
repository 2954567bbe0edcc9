#!/usr/bin/env bash
# One command from a fresh checkout to a working Stillnote: a virtual environment in .venv with
# the app, its dependencies (llama-cpp-python compiles llama.cpp on first install, ~10 min on
# 2 cores; pip's wheel cache makes later runs fast) and the test tools.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc 2>/dev/null || echo 2)}" \
  .venv/bin/python -m pip install --quiet -e '.[dev]'
echo "Stillnote is set up in .venv. Run the tests: .venv/bin/python -m pytest"
