#!/usr/bin/env bash
# Remove what packaging/linux/install.sh installed under the same PREFIX (default ~/.local)
# and DESTDIR. The brand library (~/.local/share/brandstudio: your brands, templates and
# their trash) is your data and stays; delete it yourself if you want it gone.
set -euo pipefail

prefix="${PREFIX:-$HOME/.local}"
destdir="${DESTDIR:-}"
app_id="io.brandstudio.Brandstudio"
root="$destdir$prefix"
lib="$root/lib/brandstudio"
share="$root/share"

case "$prefix" in
    /*) ;;
    *) echo "uninstall.sh: PREFIX must be an absolute path, not $prefix" >&2; exit 1 ;;
esac

# Only a folder that is a Brandstudio build is removed, never whatever else has that name.
if [ -d "$lib" ]; then
    if [ -x "$lib/brandstudio" ] && [ -d "$lib/_internal" ]; then
        rm -rf "$lib"
    else
        echo "uninstall.sh: $lib does not look like a Brandstudio build: left alone" >&2
    fi
fi
link="$root/bin/brandstudio"
if [ -L "$link" ] && [ "$(readlink "$link")" = "$prefix/lib/brandstudio/brandstudio" ]; then
    rm -f "$link"
fi
rm -f "$share/applications/$app_id.desktop" \
      "$share/mime/packages/brandstudio-mime.xml" \
      "$share/metainfo/$app_id.metainfo.xml"
for icon in "$share"/icons/hicolor/*/apps/brandstudio.png \
            "$share"/icons/hicolor/*/apps/brandstudio.svg; do
    [ -e "$icon" ] && rm -f "$icon"
done

if [ -z "$destdir" ]; then
    if command -v update-mime-database >/dev/null 2>&1 && [ -d "$share/mime" ]; then
        update-mime-database "$share/mime" || true
    fi
    if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$share/applications" ]; then
        update-desktop-database -q "$share/applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -d "$share/icons/hicolor" ]; then
        gtk-update-icon-cache -q -f --ignore-theme-index "$share/icons/hicolor" || true
    fi
fi
echo "Brandstudio is removed from $prefix${destdir:+ (under $destdir)}; your brand library stays."
