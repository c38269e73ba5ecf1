#!/usr/bin/env bash
# Installs what `make bench` compares against: ImageMagick (/usr/bin/convert) and Debian's
# Plasma wallpapers (real photographs for the stamp corpus). Only as root with apt-get;
# otherwise the benchmark skips the rows it cannot run and says so. Never fails the build.
set -u
needed="imagemagick plasma-workspace-wallpapers"
missing=""
for package in $needed; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing="$missing $package"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "bench-packages: installing$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  if (apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing) >/dev/null 2>&1; then
    exit 0
  fi
  echo "bench-packages: apt-get failed; rows that need$missing will be skipped" >&2
else
  echo "bench-packages: not root or no apt-get, so$missing stay missing; their rows are skipped" >&2
fi
exit 0
