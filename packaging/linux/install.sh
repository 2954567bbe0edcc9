#!/bin/sh
# Install Stillnote from this folder: for you alone (the default, no root needed), or for everyone
# on this computer with `sudo ./install.sh --prefix /usr/local`. Remove it with --uninstall.
#
# Your practice (the encrypted vault), your settings and the unpacked model live in your own
# data folder (~/.local/share/Stillnote), never inside the app, so installing a newer Stillnote
# over an older one, or uninstalling it, leaves them as they are.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
prefix="${HOME}/.local"
action=install
usage() {
  echo "usage: ./install.sh [--prefix DIR] [--uninstall]   (DIR defaults to ~/.local)"
}
fail() {
  echo "install.sh: $*" >&2
  exit 1
}
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || fail "--prefix needs a folder"; prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#*=}; shift ;;
    --uninstall) action=uninstall; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
case "$prefix" in /*) ;; *) prefix="$(pwd)/$prefix" ;; esac

app_dir="$prefix/lib/stillnote"
launcher="$prefix/bin/stillnote"
entry="$prefix/share/applications/stillnote.desktop"
icons="$prefix/share/icons/hicolor"
sizes="16 22 24 32 48 64 128 256 512"

refresh_menus() {  # desktops that cache menus and icons pick the change up now, not at login
  command -v update-desktop-database >/dev/null 2>&1 \
    && update-desktop-database -q "$prefix/share/applications" 2>/dev/null || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 \
    && gtk-update-icon-cache -q -t "$icons" 2>/dev/null || true
}

if [ "$action" = uninstall ]; then
  rm -rf "$app_dir"
  [ -L "$launcher" ] && rm -f "$launcher"
  rm -f "$entry" "$icons/scalable/apps/stillnote.svg"
  for size in $sizes; do rm -f "$icons/${size}x${size}/apps/stillnote.png"; done
  refresh_menus
  echo "Stillnote was removed from $prefix. Your practice, settings and model are still in" \
       "your data folder (~/.local/share/Stillnote)."
  exit 0
fi

bundle="$here/Stillnote"
[ -x "$bundle/Stillnote" ] || fail "$here holds no Stillnote app (Stillnote/Stillnote is missing)."
version=$(cat "$here/VERSION" 2>/dev/null || echo "")

# Copy the new app next to the old one first: if the copy fails (a full disk), the installed
# Stillnote is left as it was. Only then is the old one swapped out.
mkdir -p "$prefix/lib" "$prefix/bin" "$prefix/share/applications"
staging="$app_dir.new.$$"
trap 'rm -rf "$staging"' EXIT INT TERM
rm -rf "$staging"
cp -R "$bundle" "$staging" || fail "the app could not be copied to $prefix/lib; nothing was changed."
if [ -e "$app_dir" ]; then
  mv "$app_dir" "$app_dir.old.$$"
fi
mv "$staging" "$app_dir"
rm -rf "$app_dir.old.$$"
trap - EXIT INT TERM

ln -sfn "$app_dir/Stillnote" "$launcher"
art="$app_dir/_internal/resources/icons"
for size in $sizes; do
  mkdir -p "$icons/${size}x${size}/apps"
  cp "$art/stillnote-$size.png" "$icons/${size}x${size}/apps/stillnote.png"
done
mkdir -p "$icons/scalable/apps"
cp "$art/stillnote.svg" "$icons/scalable/apps/stillnote.svg"
sed "s|@EXEC@|$app_dir/Stillnote|g" "$here/stillnote.desktop" > "$entry"
refresh_menus

echo "Stillnote ${version:+$version }is installed in $app_dir."
echo "Start it from your applications menu, or with: $launcher"
case ":$PATH:" in *":$prefix/bin:"*) ;; *) echo "($prefix/bin is not on your PATH.)" ;; esac
