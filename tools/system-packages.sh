#!/usr/bin/env bash
# Installs the Debian packages that the real-window tests need (Xvfb and the X11 libraries
# Qt's xcb plugin loads) and desktop-file-validate for the desktop-integration test. Only as root on a machine with apt-get; otherwise it says which
# tests will be skipped. Never fails the build: the tests decide what they can run.
set -u
needed="desktop-file-utils xvfb xauth libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0 libxcb-xkb1 libxcb-render-util0 libxcb-image0 libxcb-shape0 libxcb-randr0"

missing=""
for package in $needed; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing="$missing $package"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "system-packages: installing$missing (for the real-window tests)" >&2
  export DEBIAN_FRONTEND=noninteractive
  if (apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing) >/dev/null 2>&1; then
    exit 0
  fi
  echo "system-packages: apt-get failed; the real-window (Xvfb) tests will be skipped" >&2
else
  echo "system-packages: not root or no apt-get, so$missing stay missing;" \
       "the real-window (Xvfb) tests will be skipped" >&2
fi
exit 0
