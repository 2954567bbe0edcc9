#!/usr/bin/env bash
# One command from a fresh checkout to a working Stillnote: a virtual environment in .venv with
# the app, its dependencies (llama-cpp-python compiles llama.cpp on first install, ~10 min on
# 2 cores; pip's wheel cache makes later runs fast) and the test tools.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"

# Qt's offscreen and desktop platforms need a few system libraries that minimal Linux images
# lack; install them only when missing and only where we may (root with apt-get).
missing_qt_libs() {
  for lib in libGL.so.1 libEGL.so.1 libxkbcommon.so.0 libfontconfig.so.1 libdbus-1.so.3; do
    ldconfig -p 2>/dev/null | grep -q "$lib" || return 0
  done
  return 1
}
if [ "$(uname -s)" = Linux ] && missing_qt_libs && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 >/dev/null
fi
# The tests read PDFs back as a person would, with pdftotext (poppler-utils).
if [ "$(uname -s)" = Linux ] && ! command -v pdftotext >/dev/null && [ "$(id -u)" = 0 ] \
    && command -v apt-get >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
fi
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
echo "Installing Stillnote and its dependencies into .venv (the first time compiles llama.cpp: ~10 min)"
.venv/bin/python -m pip install -qq --upgrade pip
CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc 2>/dev/null || echo 2)}" \
  .venv/bin/python -m pip install -qq -e '.[dev]'
echo "Stillnote is set up in .venv. Run the tests: .venv/bin/python -m pytest"
