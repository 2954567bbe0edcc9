#!/usr/bin/env bash
# CI's check of the built download (after packaging/build_app.sh), as a user would meet it:
# unpack it, install it with its install.sh into a fresh home, run `stillnote --self-check`
# offscreen (each step's time is printed), then time the start to the unlock screen: cold (the
# installed files dropped from the page cache first) and warm. Fails on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
download=$(ls dist/stillnote-*-linux-*.tar.gz)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
home="$work/home"
mkdir -p "$home" "$work/unpacked"
as_user() {  # the installed app in its own home: its data in ~/.local/share/Stillnote
  env -u STILLNOTE_DATA_DIR -u XDG_DATA_HOME HOME="$home" QT_QPA_PLATFORM=offscreen "$@"
}

tar -C "$work/unpacked" -xzf "$download"
as_user sh "$work"/unpacked/stillnote-*/install.sh
stillnote="$home/.local/bin/stillnote"
as_user "$stillnote" --self-check

STILLNOTE_PASSPHRASE=check-bundle-passphrase as_user "$stillnote" demo --vault "$work/vault" >/dev/null
# Drop the installed app's files from the page cache (only this app's: nothing else is
# touched), so the first start reads them from disk as the first start after installing does.
.venv/bin/python - "$home/.local/lib/stillnote" <<'PY'
import os, sys
for folder, _dirs, names in os.walk(sys.argv[1]):
    for name in names:
        path = os.path.join(folder, name)
        if not os.path.islink(path):
            fd = os.open(path, os.O_RDONLY)
            os.fsync(fd)
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            os.close(fd)
PY
echo "Cold start: $(as_user "$stillnote" --vault "$work/vault" --startup-time)"
echo "Warm start: $(as_user "$stillnote" --vault "$work/vault" --startup-time)"
