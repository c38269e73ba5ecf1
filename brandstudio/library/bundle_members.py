"""What a bundle may hold: the rules on its members that import and export both apply.

A member's name (portable, inside ``brand/``, not hidden), its kind by extension and the folder
that kind belongs in, its size, clashes between names on case-insensitive file systems, a zip
entry's type and compression, and the assets a brand or template names that must travel with
it. Each rule returns the reasons a member is refused, worded to follow the member's name.

Split from :mod:`brandstudio.library.bundle`, which reads, checks and writes the zip itself.
"""

from __future__ import annotations

import stat
import unicodedata
import warnings
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Final

from PIL import Image, UnidentifiedImageError

from brandstudio.fileformat import FormatError
from brandstudio.fileformat.brand_io import BRAND_FILE, BrandKit
from brandstudio.model.layers import LogoLayer
from brandstudio.model.template import Template
from brandstudio.model.values import brand_role

MANIFEST: Final = "manifest.json"
ROOT: Final = "brand"
"""The folder inside the zip that holds the brand folder."""

MB: Final = 1024 * 1024
MAX_NAME_BYTES: Final = 255
MAX_DEPTH: Final = 12
MAX_MANIFEST_BYTES: Final = 4 * MB
MAX_RATIO: Final = 200
RATIO_FLOOR: Final = 1 * MB
"""Members smaller than this may compress as well as they like."""
MAX_IMAGE_PIXELS: Final = 80_000_000

JSON, IMAGE, FONT = "JSON file", "image", "font"
_KIND_BY_SUFFIX: Final = {
    ".json": JSON,
    ".png": IMAGE,
    ".webp": IMAGE,
    ".jpg": IMAGE,
    ".jpeg": IMAGE,
    ".ttf": FONT,
    ".otf": FONT,
}
MAX_BYTES_BY_KIND: Final = {JSON: 16 * MB, IMAGE: 40 * MB, FONT: 30 * MB}
_FOLDERS_BY_KIND: Final = {IMAGE: ("logos", "photos"), FONT: ("fonts",)}
_IMAGE_FORMATS: Final = ("PNG", "WEBP", "JPEG")

_WINDOWS_FORBIDDEN: Final = frozenset('<>:"|?*')
_WINDOWS_RESERVED: Final = frozenset(
    ["con", "prn", "aux", "nul"]
    + [f"com{i}" for i in range(1, 10)]
    + [f"lpt{i}" for i in range(1, 10)]
)
_BIDI_CONTROLS: Final = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e") | frozenset(
    "\u2066\u2067\u2068\u2069"
)

Problem = tuple[str | None, str]
"""(member name or None for the bundle as a whole, what is wrong)."""


def shown(member: str) -> str:
    """A member name for a message: quoted and escaped (no control characters reach a
    terminal), long names shortened."""
    text = repr(member)
    return text if len(text) <= 120 else text[:100] + "…" + text[-19:]


def with_article(kind: str) -> str:
    return ("an " if kind[:1] in "aeiou" else "a ") + kind


def megabytes(size: int) -> str:
    return f"{size / MB:.1f} MB" if size < 10 * MB else f"{size // MB} MB"


# -- member names -----------------------------------------------------------------------


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot be a file in a bundle (ignoring what kind of file it is)."""
    if not name:
        return "has an empty name"
    if any(unicodedata.category(char) in ("Cc", "Cs") for char in name):
        return "has control characters in its name"
    if any(char in _BIDI_CONTROLS for char in name):
        return "has text-direction controls in its name"
    if "\\" in name:
        return "has a backslash in its name"
    if (
        PurePosixPath(name).is_absolute()
        or PureWindowsPath(name).is_absolute()
        or PureWindowsPath(name).drive
    ):
        return "has an absolute path"
    parts = name.split("/")
    if ".." in parts:
        return "leaves the bundle ('..' in its path)"
    if any(part in ("", ".") for part in parts):
        return "has an empty or '.' part in its path"
    if len(name.encode("utf-8", errors="surrogatepass")) > MAX_NAME_BYTES:
        return f"has a name longer than {MAX_NAME_BYTES} bytes"
    if len(parts) > MAX_DEPTH:
        return f"is nested more than {MAX_DEPTH} levels deep"
    if any(char in _WINDOWS_FORBIDDEN for char in name):
        return 'has a character that Windows does not allow in file names (< > : " | ? *)'
    for part in parts:
        if part.startswith("."):
            return "is a hidden file or folder"
        if part.endswith((" ", ".")) or part.split(".")[0].casefold() in _WINDOWS_RESERVED:
            return f"has a name Windows cannot store ({part!r})"
    return None


def member_kind(name: str) -> str | None:
    return _KIND_BY_SUFFIX.get(PurePosixPath(name).suffix.casefold())


def placement_problem(name: str) -> str | None:
    """Why a file with a safe ``name`` has no place in a bundle."""
    if name == MANIFEST:
        return None
    parts = name.split("/")
    if parts[0] != ROOT or len(parts) < 2:
        return f"is outside the {ROOT}/ folder"
    kind = member_kind(name)
    suffix = PurePosixPath(name).suffix
    if kind is None:
        if suffix:
            return f"has an unexpected extension {suffix!r}"
        return "has no extension"
    if kind == JSON:
        if name == f"{ROOT}/{BRAND_FILE}" or (len(parts) == 3 and parts[1] == "templates"):
            return None
        return f"is a JSON file outside {ROOT}/{BRAND_FILE} and {ROOT}/templates/"
    folders = _FOLDERS_BY_KIND[kind]
    if len(parts) < 3 or parts[1] not in folders:
        places = " or ".join(f"{ROOT}/{folder}/" for folder in folders)
        return f"is {with_article(kind)} outside {places}"
    return None


def _fold(name: str) -> str:
    """The key under which two names are the same file on a case-insensitive file system."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())


def collision_problems(names: Iterable[str]) -> Iterator[Problem]:
    """Duplicates, names that differ only in case or normalisation, and a file used as a folder."""
    first: dict[str, str] = {}
    for name in names:
        key = _fold(name)
        other = first.get(key)
        if other is None:
            first[key] = name
        elif other == name:
            yield name, "appears twice in the bundle"
        else:
            yield name, f"has the same name as {shown(other)} except for case or accents"
    for key, name in first.items():
        parts = key.split("/")
        for depth in range(1, len(parts)):
            parent = first.get("/".join(parts[:depth]))
            if parent is not None:
                yield name, f"is inside {shown(parent)}, which is a file"
                break


# -- zip entries -------------------------------------------------------------------------


def entry_problems(info: zipfile.ZipInfo) -> Iterator[str]:
    """What is wrong with a file member besides its name."""
    mode = info.external_attr >> 16
    kind = stat.S_IFMT(mode)
    if kind == stat.S_IFLNK:
        yield "is a symbolic link"
    elif kind in (stat.S_IFCHR, stat.S_IFBLK):
        yield "is a device"
    elif kind == stat.S_IFIFO:
        yield "is a named pipe (FIFO)"
    elif kind == stat.S_IFDIR or info.external_attr & 0x10:
        yield "is marked as a folder but has no trailing '/'"
    elif kind not in (0, stat.S_IFREG):
        yield "is not a regular file"
    if info.flag_bits & 0x41:
        yield "is encrypted"
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        yield f"uses an unsupported compression method ({info.compress_type})"
    name = info.orig_filename
    kind_name = "manifest" if name == MANIFEST else member_kind(name) or ""
    cap = MAX_MANIFEST_BYTES if name == MANIFEST else MAX_BYTES_BY_KIND.get(kind_name)
    if cap is not None and info.file_size > cap:
        size, most = megabytes(info.file_size), megabytes(cap)
        yield f"is {size}, more than the {most} {with_article(kind_name)} may be"
    if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        ratio = info.file_size // max(info.compress_size, 1)
        yield f"expands {ratio}:1 when unpacked (a zip bomb?)"


# -- what brands and templates need ------------------------------------------------------


def format_reasons(error: FormatError) -> str:
    return "; ".join(str(problem) for problem in error.problems)


def image_problem(path: Path) -> str | None:
    """Why the staged file at ``path`` is not a usable PNG, WebP or JPEG image."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path, formats=_IMAGE_FORMATS) as image:
                width, height = image.size
                if width * height > MAX_IMAGE_PIXELS:
                    return (
                        f"is {width}x{height} pixels, more than"
                        f" {MAX_IMAGE_PIXELS // 1_000_000} megapixels"
                    )
                image.load()
    except UnidentifiedImageError:
        return "is not a PNG, WebP or JPEG image"
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        return "decodes to too many pixels (a decompression bomb?)"
    except Exception as error:  # Pillow raises many kinds for damaged files
        return f"cannot be read as an image ({error})"
    return None


def template_asset_problems(template: Template, images: set[str]) -> Iterator[str]:
    """Sample photos and logo files a template names that are not images in the bundle."""
    for slot_name, slot in template.slots.items():
        if slot.type == "image" and slot.sample and f"{ROOT}/{slot.sample}" not in images:
            yield f"uses the sample photo {slot.sample!r} (slot {slot_name!r}), not in the bundle"
    for layer in template.layers:
        if (
            isinstance(layer, LogoLayer)
            and brand_role(layer.props.source) is None
            and f"{ROOT}/{layer.props.source}" not in images
        ):
            yield (
                f"uses the logo {layer.props.source!r} (layer {layer.id!r}),"
                " not an image in the bundle"
            )


def brand_asset_problems(kit: BrandKit, images: set[str], fonts: set[str]) -> Iterator[str]:
    for role, font in kit.brand.fonts.items():
        if font.file is not None and f"{ROOT}/{font.file}" not in fonts:
            yield f"the {role} font file {font.file!r} is not a font in {ROOT}/fonts/"
    for role, variants in kit.brand.logos.items():
        for variant in ("light", "dark", "mono"):
            relative = getattr(variants, variant)
            if relative is not None and f"{ROOT}/{relative}" not in images:
                yield f"the {role} logo ({variant}) {relative!r} is not an image in the bundle"
