#!/usr/bin/env bash
# Installs Debian packages a make target needs, only as root on a machine with apt-get;
# otherwise it says what stays missing and what is skipped because of it. Never fails the
# build: the tests and benchmarks decide what they can run.
#
#   tools/system-packages.sh                      what `make test` needs: Xvfb and the X11
#                                                 libraries Qt's xcb plugin loads, and
#                                                 desktop-file-validate
#   tools/system-packages.sh PURPOSE PACKAGE...   any other set, e.g. for `make bench`
set -u
if [ "$#" -ge 2 ]; then
  purpose="$1"
  shift
  needed="$*"
else
  purpose="the real-window (Xvfb) and desktop-file tests"
  needed="desktop-file-utils xvfb xauth libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0 libxcb-xkb1 libxcb-render-util0 libxcb-image0 libxcb-shape0 libxcb-randr0"
fi

missing=""
for package in $needed; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing="$missing $package"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "system-packages: installing$missing (for $purpose)" >&2
  export DEBIAN_FRONTEND=noninteractive
  if (apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing) >/dev/null 2>&1; then
    exit 0
  fi
  echo "system-packages: apt-get failed; what needs$missing is skipped ($purpose)" >&2
else
  echo "system-packages: not root or no apt-get, so$missing stay missing;" \
       "what needs them is skipped ($purpose)" >&2
fi
exit 0
