#!/usr/bin/env bash
# Install the one-folder build of Brandstudio for one user (or system-wide) with its menu
# entry, icons, file types and AppStream data.
#
#   packaging/linux/install.sh [BUILD]      BUILD: the folder `make package` made
#                                           (default: dist/brandstudio of this checkout)
#   PREFIX=/usr/local sudo -E packaging/linux/install.sh     system-wide
#   DESTDIR=/tmp/root PREFIX=/usr packaging/linux/install.sh  staged, for a distro package
#
# Files (PREFIX defaults to ~/.local):
#   $PREFIX/lib/brandstudio/                 the program (replaced whole on reinstall)
#   $PREFIX/bin/brandstudio                  a link to it, for the terminal
#   $PREFIX/share/applications/io.brandstudio.Brandstudio.desktop
#   $PREFIX/share/icons/hicolor/*/apps/brandstudio.{png,svg}
#   $PREFIX/share/mime/packages/brandstudio-mime.xml
#   $PREFIX/share/metainfo/io.brandstudio.Brandstudio.metainfo.xml
# Then the desktop, MIME and icon caches are updated with whichever of
# update-desktop-database, update-mime-database and gtk-update-icon-cache exist (not with
# DESTDIR: a package's own triggers do that). The brand library (~/.local/share/brandstudio)
# is the user's data and is never touched. packaging/linux/uninstall.sh undoes all this.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="${1:-$here/../../dist/brandstudio}"
prefix="${PREFIX:-$HOME/.local}"
destdir="${DESTDIR:-}"
app_id="io.brandstudio.Brandstudio"

fail() {
    echo "install.sh: $*" >&2
    exit 1
}

[ -x "$build/brandstudio" ] && [ -d "$build/_internal" ] \
    || fail "$build is not a Brandstudio build (no brandstudio and _internal/ in it): run make package"
case "$prefix" in
    /*) ;;
    *) fail "PREFIX must be an absolute path, not $prefix" ;;
esac
case "$prefix" in
    *[\"\`\$\\]*) fail "PREFIX must not contain \" \` \$ or \\ (the menu entry could not name it)" ;;
esac

root="$destdir$prefix"
lib="$root/lib/brandstudio"
share="$root/share"

# The program: copied next to the old one, then swapped in, so a failed copy leaves the
# installed version working.
mkdir -p "$root/lib" "$root/bin"
rm -rf "$lib.new"
cp -a "$build/." "$lib.new/"
rm -rf "$lib"
mv "$lib.new" "$lib"
ln -sfn "$prefix/lib/brandstudio/brandstudio" "$root/bin/brandstudio"

# The menu entry starts this copy by its full path: ~/.local/bin is not on every
# desktop session's PATH.
install -d "$share/applications"
sed -e "s|^Exec=brandstudio |Exec=\"$prefix/bin/brandstudio\" |" \
    -e "s|^TryExec=brandstudio$|TryExec=$prefix/bin/brandstudio|" \
    "$here/$app_id.desktop" > "$share/applications/$app_id.desktop"
chmod 644 "$share/applications/$app_id.desktop"

for icon in "$here"/icons/hicolor/*/apps/brandstudio.*; do
    size="$(basename "$(dirname "$(dirname "$icon")")")"
    install -D -m 644 "$icon" "$share/icons/hicolor/$size/apps/$(basename "$icon")"
done
install -D -m 644 "$here/brandstudio-mime.xml" "$share/mime/packages/brandstudio-mime.xml"
install -D -m 644 "$here/$app_id.metainfo.xml" "$share/metainfo/$app_id.metainfo.xml"

if [ -z "$destdir" ]; then
    if command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database "$share/mime" || echo "install.sh: update-mime-database failed" >&2
    fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$share/applications" \
            || echo "install.sh: update-desktop-database failed" >&2
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        # --ignore-theme-index: a user's hicolor folder has no index.theme of its own.
        gtk-update-icon-cache -q -f --ignore-theme-index "$share/icons/hicolor" \
            || echo "install.sh: gtk-update-icon-cache failed" >&2
    fi
fi

echo "Brandstudio is installed in $prefix/lib/brandstudio${destdir:+ (under $destdir)}."
echo "Start it from the applications menu, or run: $prefix/bin/brandstudio"
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "($prefix/bin is not on your PATH: add it to run \`brandstudio\` by name.)" ;;
esac
