#!/bin/sh
# List Lab quick start for Debian 12 (and later).
#   build-aux/quickstart.sh run    install what is missing, build, launch the app
#   build-aux/quickstart.sh test   install what is missing, build, run every test
# Extra arguments after "run" go to the app; after "test", to meson test.
set -eu

cd "$(dirname "$0")/.."

mode=${1:-run}
[ $# -gt 0 ] && shift

packages="meson ninja-build pkg-config gcc libglib2.0-dev libglib2.0-bin libgtk-4-dev
libepoxy-dev libadwaita-1-dev libcairo2-dev libpango1.0-dev gettext itstool desktop-file-utils
appstream xvfb xauth dbus dbus-x11 python3 librsvg2-bin libxml2-utils poppler-utils
flatpak-builder valgrind xdotool imagemagick clang libclang-rt-dev python3-numpy"

missing=""
for p in $packages; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

if [ -n "$missing" ]; then
  echo "Installing:$missing"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q $missing
fi

builddir=${BUILDDIR:-_build}
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" --prefix=/usr
fi
meson compile -C "$builddir"

case "$mode" in
  run)
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ ! -x "$builddir/src/ui/listlab" ]; then
      echo "No display here: showing a short run through listlab-cli instead."
      exec "$builddir/src/cli/listlab-cli" run --policy cpython --target 256MiB "$@"
    fi
    exec meson devenv -C "$builddir" listlab "$@"
    ;;
  test)
    exec meson test -C "$builddir" --print-errorlogs "$@"
    ;;
  *)
    echo "usage: $0 run|test" >&2
    exit 2
    ;;
esac
