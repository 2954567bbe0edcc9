#!/usr/bin/env bash
# Build the installable one-folder app into dist/Stillnote (run after packaging/setup.sh).
set -euo pipefail
cd "$(dirname "$0")"
../.venv/bin/python -m pip install --quiet pyinstaller
../.venv/bin/python -m PyInstaller --noconfirm --clean --distpath ../dist --workpath ../build stillnote.spec
echo "Built ../dist/Stillnote"
