#!/usr/bin/env bash
# Build the Linux app (run after packaging/setup.sh, which installs PyInstaller):
#   dist/Stillnote/                                 the one-folder bundle (PyInstaller)
#   dist/stillnote-VERSION-linux-ARCH.tar.gz        the download: the bundle, install.sh and the
#                                                   .desktop entry (no AppImage tooling offline)
# and print their sizes and the time each part took. packaging/README.md has macOS and Windows.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

# The X11 plugin's own libraries are bundled from this machine (not every desktop has them);
# install them here first where they are missing and we may. The self-check loads the plugin.
missing=""
for pair in libxcb-cursor.so.0:libxcb-cursor0 libxcb-icccm.so.4:libxcb-icccm4 \
    libxcb-image.so.0:libxcb-image0 libxcb-keysyms.so.1:libxcb-keysyms1 \
    libxcb-render-util.so.0:libxcb-render-util0 libxcb-util.so.1:libxcb-util1 \
    libxkbcommon-x11.so.0:libxkbcommon-x11-0 libxcb-xkb.so.1:libxcb-xkb1 \
    libxcb-randr.so.0:libxcb-randr0 libxcb-shape.so.0:libxcb-shape0 \
    libxcb-sync.so.1:libxcb-sync1 libxcb-xfixes.so.0:libxcb-xfixes0 \
    libxcb-shm.so.0:libxcb-shm0 libxcb-glx.so.0:libxcb-glx0 libxcb-render.so.0:libxcb-render0; do
  ldconfig -p 2>/dev/null | grep -q "${pair%%:*}" || missing="$missing ${pair#*:}"
done
if [ -n "$missing" ] && [ "$(uname -s)" = Linux ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  else
    echo "build_app.sh: install$missing first, or the bundle's X11 plugin cannot load" >&2
    exit 1
  fi
fi

rm -rf build/stillnote dist/Stillnote
.venv/bin/python -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build packaging/stillnote.spec
built=$SECONDS

version=$(.venv/bin/python -c "from app.build_info import version; print(version())")
name="stillnote-$version-linux-$(uname -m)"
stage="dist/$name"
rm -rf "$stage" dist/stillnote-*-linux-*.tar.gz*  # one download in dist/: this build's
mkdir -p "$stage"
cp -al dist/Stillnote "$stage/Stillnote"  # hard links: no second copy of the bundle on disk
cp packaging/linux/install.sh packaging/linux/stillnote.desktop "$stage/"
echo "$version" > "$stage/VERSION"
# gzip -6: every Linux can unpack it, and the model (most of the bytes) hardly compresses more
# with xz, which takes minutes longer on two cores.
tar -C dist -cf - "$name" | gzip -6 > "dist/$name.tar.gz"
rm -rf "$stage"
(cd dist && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
packed=$SECONDS

mib() { echo "$(( ($1 + 524288) / 1048576 )) MiB"; }
echo "Bundle:   dist/Stillnote, $(mib "$(du -sb dist/Stillnote | cut -f1)") (PyInstaller $((built - started)) s)"
echo "Download: dist/$name.tar.gz, $(mib "$(stat -c %s "dist/$name.tar.gz")") (packed in $((packed - built)) s)"
