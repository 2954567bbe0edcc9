#!/usr/bin/env bash
# One command from a fresh checkout to a working Stillnote: a virtual environment in .venv with
# the app, its dependencies (llama-cpp-python compiles llama.cpp on first install, ~10 min on
# 2 cores; pip's wheel cache makes later runs fast) and the test tools.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"

# Qt's platforms need system libraries that minimal Linux images lack: offscreen (tests) needs
# GL, EGL, xkbcommon, fontconfig and D-Bus; a desktop session needs the xcb plugin's libraries
# (X11) and Wayland's client libraries. The xcb list is what Qt 6's libqxcb.so links against
# (found with QT_DEBUG_PLUGINS=1 on Debian 12: libxcb-icccm4, libxcb-keysyms1 and, since Qt 6.5,
# libxcb-cursor0 were missing). Installed only when one is missing and only where we may (root
# with apt-get); README.md says what to install elsewhere.
QT_LIBS=(
  libGL.so.1:libgl1 libEGL.so.1:libegl1 libxkbcommon.so.0:libxkbcommon0
  libfontconfig.so.1:libfontconfig1 libdbus-1.so.3:libdbus-1-3
  libX11-xcb.so.1:libx11-xcb1 libxcb.so.1:libxcb1 libxcb-cursor.so.0:libxcb-cursor0
  libxcb-icccm.so.4:libxcb-icccm4 libxcb-image.so.0:libxcb-image0
  libxcb-keysyms.so.1:libxcb-keysyms1 libxcb-randr.so.0:libxcb-randr0
  libxcb-render-util.so.0:libxcb-render-util0 libxcb-render.so.0:libxcb-render0
  libxcb-shape.so.0:libxcb-shape0 libxcb-shm.so.0:libxcb-shm0 libxcb-sync.so.1:libxcb-sync1
  libxcb-util.so.1:libxcb-util1 libxcb-xfixes.so.0:libxcb-xfixes0 libxcb-xkb.so.1:libxcb-xkb1
  libxcb-glx.so.0:libxcb-glx0 libxkbcommon-x11.so.0:libxkbcommon-x11-0
  libwayland-client.so.0:libwayland-client0 libwayland-cursor.so.0:libwayland-cursor0
  libwayland-egl.so.1:libwayland-egl1
)
missing_qt_packages() {
  local entry
  for entry in "${QT_LIBS[@]}"; do
    ldconfig -p 2>/dev/null | grep -q "${entry%%:*}" || echo "${entry##*:}"
  done
}
if [ "$(uname -s)" = Linux ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  packages=$(missing_qt_packages)
  if [ -n "$packages" ]; then
    echo "Installing the system libraries Qt needs: $(echo $packages)"
    # shellcheck disable=SC2086  # one word per package
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $packages >/dev/null
  fi
elif [ "$(uname -s)" = Linux ] && [ -n "$(missing_qt_packages)" ]; then
  echo "Note: the window needs these system packages (Debian/Ubuntu names; see README.md):" \
       "$(missing_qt_packages | tr '\n' ' ')"
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
# llama.cpp is built for the x86-64 most laptops have (AVX2, FMA, F16C), not for this machine
# alone (-march=native): a native build on a CPU with Intel AMX runs ggml's AMX matmul, which
# crashes with a segmentation fault on the default model's first decode (Sapphire Rapids,
# llama-cpp-python 0.3.36), and a native build would also put instructions into the desktop
# bundle that a user's laptop may lack. CMAKE_ARGS set by the caller (a GPU build) wins.
CALLER_CMAKE_ARGS="${CMAKE_ARGS:-}"
if [ "$(uname -m)" = x86_64 ]; then
  export CMAKE_ARGS="${CMAKE_ARGS:--DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON}"
fi
CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc 2>/dev/null || echo 2)}" \
  .venv/bin/python -m pip install -qq -e '.[dev]'
# pip's wheel cache ignores CMAKE_ARGS: a llama.cpp wheel built natively by an earlier setup
# would be reused. One that reports AMX or AVX-512 is built again, for AVX2.
if [ "$(uname -m)" = x86_64 ] && [ -z "$CALLER_CMAKE_ARGS" ] && .venv/bin/python -c "import sys, llama_cpp
info = llama_cpp.llama_print_system_info().decode()
sys.exit(0 if 'AMX' in info or 'AVX512 = 1' in info else 1)"; then
  echo "Rebuilding llama.cpp for AVX2 (a cached build was made for this machine's CPU alone)"
  CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc 2>/dev/null || echo 2)}" \
    .venv/bin/python -m pip install -qq --force-reinstall --no-deps --no-cache-dir \
    "$(.venv/bin/python -c 'import importlib.metadata as m; print("llama-cpp-python==" + m.version("llama-cpp-python"))')"
fi
echo "Stillnote is set up in .venv. Run the tests: .venv/bin/python -m pytest"
