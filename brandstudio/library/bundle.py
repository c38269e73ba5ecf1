"""Brand bundles: one file that carries a brand folder from one library to another.

A bundle is a zip (deflate) holding ``manifest.json`` and the brand folder under ``brand/``::

    brand/brand.json
    brand/logos/...        PNG, WebP, JPEG
    brand/photos/...       PNG, WebP, JPEG (template sample photos)
    brand/fonts/...        TTF, OTF
    brand/templates/*.json
    manifest.json          {"format": "brandstudio.bundle", "version": 1, "brand": NAME,
                            "files": [{"path": "brand/brand.json", "size": N, "sha256": HEX}, ...]}

Export writes members in sorted order with fixed timestamps, so a brand gives the same bytes
each time, and replaces the target file in one rename.

Import treats the file as hostile. Phase 1 reads only the zip's directory (and the manifest)
and collects every problem with every member: unsafe or unportable names, non-regular members,
duplicates, unexpected file types, sizes over the caps, encryption, a manifest that does not
match. Any problem refuses the whole bundle, naming the members. Phase 2 streams each member
into a fresh staging folder inside the library, counting the real bytes and checking the
SHA-256, then validates every file with the normal parsers (brand, templates, fonts, images)
and installs the staged brand with one rename under the library lock. On any failure the
staging folder is removed and the library is left as it was.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import shutil
import stat
import struct
import tempfile
import unicodedata
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import BinaryIO, Final

from PIL import Image, UnidentifiedImageError

from brandstudio.fileformat import FormatError, load_template
from brandstudio.fileformat.brand_io import BRAND_FILE, BrandKit, load_brand, save_brand
from brandstudio.fileformat.jsonio import dump_json, parse_json
from brandstudio.fsutil import sync_folder
from brandstudio.library.errors import LibraryError
from brandstudio.library.fontcheck import FontCheckError, check_font_file
from brandstudio.library.store import Library
from brandstudio.model.layers import LogoLayer
from brandstudio.model.template import Template
from brandstudio.model.values import brand_role
from brandstudio.render.naming import safe_name

BUNDLE_FORMAT: Final = "brandstudio.bundle"
BUNDLE_VERSION: Final = 1
"""The version this build writes and the newest it reads."""
BUNDLE_SUFFIX: Final = ".brandkit"

MANIFEST: Final = "manifest.json"
ROOT: Final = "brand"
"""The folder inside the zip that holds the brand folder."""

_MB: Final = 1024 * 1024
MAX_BUNDLE_BYTES: Final = 500 * _MB
"""The largest bundle file opened at all."""
MAX_ENTRIES: Final = 5000
MAX_DIRECTORY_BYTES: Final = MAX_ENTRIES * 1024
"""The largest zip directory (table of contents) read: bounds the work before counting."""
MAX_NAME_BYTES: Final = 255
MAX_DEPTH: Final = 12
MAX_TOTAL_BYTES: Final = 300 * _MB
"""Cap on the sum of the members' sizes, declared and real."""
MAX_MANIFEST_BYTES: Final = 4 * _MB
MAX_RATIO: Final = 200
RATIO_FLOOR: Final = 1 * _MB
"""Members smaller than this may compress as well as they like."""
MAX_IMAGE_PIXELS: Final = 80_000_000
MAX_LISTED: Final = 20
"""How many problems a BundleError spells out before "and N more"."""

_JSON, _IMAGE, _FONT = "JSON file", "image", "font"
_KIND_BY_SUFFIX: Final = {
    ".json": _JSON,
    ".png": _IMAGE,
    ".webp": _IMAGE,
    ".jpg": _IMAGE,
    ".jpeg": _IMAGE,
    ".ttf": _FONT,
    ".otf": _FONT,
}
_MAX_BYTES_BY_KIND: Final = {_JSON: 16 * _MB, _IMAGE: 40 * _MB, _FONT: 30 * _MB}
_FOLDERS_BY_KIND: Final = {_IMAGE: ("logos", "photos"), _FONT: ("fonts",)}
_IMAGE_FORMATS: Final = ("PNG", "WEBP", "JPEG")

_ZIP_EPOCH: Final = (1980, 1, 1, 0, 0, 0)
_UNIX: Final = 3
_CHUNK: Final = 1024 * 1024
_SHA256_HEX: Final = frozenset("0123456789abcdef")
_WINDOWS_FORBIDDEN: Final = frozenset('<>:"|?*')
_WINDOWS_RESERVED: Final = frozenset(
    ["con", "prn", "aux", "nul"]
    + [f"com{i}" for i in range(1, 10)]
    + [f"lpt{i}" for i in range(1, 10)]
)
_BIDI_CONTROLS: Final = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e") | frozenset(
    "\u2066\u2067\u2068\u2069"
)

# The zip's end records: enough of them to count the entries before zipfile reads them all.
_END = struct.Struct("<4s4H2LH")
_END64_LOCATOR = struct.Struct("<4sLQL")
_END64 = struct.Struct("<4sQ2H2L4Q")

Problem = tuple[str | None, str]
"""(member name or None for the bundle as a whole, what is wrong)."""


class BundleError(Exception):
    """The whole bundle refused (or a brand that cannot be exported).

    ``str()`` names the bundle file and each offending member; ``members`` lists them all.
    """

    members: tuple[str, ...]

    def __init__(self, bundle: str, problems: Iterable[Problem], verdict: str = "refused") -> None:
        self.bundle = bundle
        self.problems = tuple(problems)
        self.members = tuple(dict.fromkeys(m for m, _ in self.problems if m is not None))
        self.verdict = verdict
        super().__init__(self.describe())

    def describe(self) -> str:
        parts = [
            reason if member is None else f"member {_shown(member)} {reason}"
            for member, reason in self.problems[:MAX_LISTED]
        ]
        if len(self.problems) > MAX_LISTED:
            parts.append(f"and {len(self.problems) - MAX_LISTED} more")
        return f"{self.bundle}: {self.verdict}: " + "; ".join(parts)


class BundleExistsError(LibraryError):
    """The export's target file is there already and replacing it was not asked for."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"{path}: exists; not replaced")


class _RefusedError(Exception):
    """One problem that stops the work at once (turned into a BundleError)."""

    def __init__(self, member: str | None, reason: str) -> None:
        super().__init__(reason)
        self.problem: Problem = (member, reason)


def _shown(member: str) -> str:
    """A member name for a message: quoted and escaped (no control characters reach a
    terminal), long names shortened."""
    text = repr(member)
    return text if len(text) <= 120 else text[:100] + "…" + text[-19:]


def _a(kind: str) -> str:
    return ("an " if kind[:1] in "aeiou" else "a ") + kind


def _megabytes(size: int) -> str:
    return f"{size / _MB:.1f} MB" if size < 10 * _MB else f"{size // _MB} MB"


# -- member names -----------------------------------------------------------------------


def _name_problem(name: str) -> str | None:
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


def _kind(name: str) -> str | None:
    return _KIND_BY_SUFFIX.get(PurePosixPath(name).suffix.casefold())


def _placement_problem(name: str) -> str | None:
    """Why a file with a safe ``name`` has no place in a bundle."""
    if name == MANIFEST:
        return None
    parts = name.split("/")
    if parts[0] != ROOT or len(parts) < 2:
        return f"is outside the {ROOT}/ folder"
    kind = _kind(name)
    suffix = PurePosixPath(name).suffix
    if kind is None:
        if suffix:
            return f"has an unexpected extension {suffix!r}"
        return "has no extension"
    if kind == _JSON:
        if name == f"{ROOT}/{BRAND_FILE}" or (len(parts) == 3 and parts[1] == "templates"):
            return None
        return f"is a JSON file outside {ROOT}/{BRAND_FILE} and {ROOT}/templates/"
    folders = _FOLDERS_BY_KIND[kind]
    if len(parts) < 3 or parts[1] not in folders:
        places = " or ".join(f"{ROOT}/{folder}/" for folder in folders)
        return f"is {_a(kind)} outside {places}"
    return None


def _fold(name: str) -> str:
    """The key under which two names are the same file on a case-insensitive file system."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())


def _collision_problems(names: Iterable[str]) -> Iterator[Problem]:
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
            yield name, f"has the same name as {_shown(other)} except for case or accents"
    for key, name in first.items():
        parts = key.split("/")
        for depth in range(1, len(parts)):
            parent = first.get("/".join(parts[:depth]))
            if parent is not None:
                yield name, f"is inside {_shown(parent)}, which is a file"
                break


# -- phase 1: the zip's directory ---------------------------------------------------------


def _open_regular(path: Path, max_bytes: int, what: str) -> BinaryIO:
    """``path`` opened for reading, refused (ValueError with a reason) unless it is a regular
    file of at most ``max_bytes``; a FIFO is never waited on."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ValueError(f"not a regular file: {what} must be a file")
        if info.st_size > max_bytes:
            raise ValueError(
                f"{_megabytes(info.st_size)}, larger than the {_megabytes(max_bytes)} {what} may be"
            )
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _directory_extent(stream: BinaryIO) -> tuple[int, int] | None:
    """(entries, directory bytes) from the zip's end records, or None if there are none."""
    size = stream.seek(0, os.SEEK_END)
    tail_size = min(size, _END.size + 0xFFFF)
    stream.seek(size - tail_size)
    tail = stream.read(tail_size)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + _END.size > len(tail):
        return None
    entries, directory_bytes = _END.unpack_from(tail, at)[4:6]
    if entries == 0xFFFF or directory_bytes == 0xFFFFFFFF:
        locator = at - _END64_LOCATOR.size
        record = locator - _END64.size
        if (
            record >= 0
            and tail[locator : locator + 4] == b"PK\x06\x07"
            and tail[record : record + 4] == b"PK\x06\x06"
        ):
            entries, directory_bytes = _END64.unpack_from(tail, record)[7:9]
    return entries, directory_bytes


def _open_zip(stream: BinaryIO) -> zipfile.ZipFile:
    extent = _directory_extent(stream)
    if extent is not None:
        entries, directory_bytes = extent
        if entries > MAX_ENTRIES:
            raise _RefusedError(
                None, f"holds {entries} entries; a bundle holds at most {MAX_ENTRIES}"
            )
        if directory_bytes > MAX_DIRECTORY_BYTES:
            raise _RefusedError(
                None, f"has a {_megabytes(directory_bytes)} table of contents: too large"
            )
    stream.seek(0)
    try:
        archive = zipfile.ZipFile(stream)
    except zipfile.BadZipFile:
        raise _RefusedError(None, "not a Brandstudio bundle (not a zip file)") from None
    except UnicodeDecodeError:
        raise _RefusedError(None, "damaged: a member name is not valid UTF-8") from None
    except (zipfile.LargeZipFile, ValueError, EOFError, struct.error) as error:
        raise _RefusedError(
            None, f"not a Brandstudio bundle (a damaged zip file: {error})"
        ) from None
    if len(archive.infolist()) > MAX_ENTRIES:
        archive.close()
        raise _RefusedError(
            None,
            f"holds {len(archive.infolist())} entries; a bundle holds at most {MAX_ENTRIES}",
        )
    return archive


def _entry_problems(info: zipfile.ZipInfo) -> Iterator[str]:
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
    kind_name = "manifest" if name == MANIFEST else _kind(name) or ""
    cap = MAX_MANIFEST_BYTES if name == MANIFEST else _MAX_BYTES_BY_KIND.get(kind_name)
    if cap is not None and info.file_size > cap:
        size, most = _megabytes(info.file_size), _megabytes(cap)
        yield f"is {size}, more than the {most} {_a(kind_name)} may be"
    if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        ratio = info.file_size // max(info.compress_size, 1)
        yield f"expands {ratio}:1 when unpacked (a zip bomb?)"


@dataclass(frozen=True)
class _Manifest:
    brand: str
    files: dict[str, tuple[int, str]]
    """Member name -> (size, sha256 hex)."""


def _inspect(archive: zipfile.ZipFile) -> tuple[list[Problem], dict[str, zipfile.ZipInfo]]:
    """Every problem with the members' names, kinds and declared sizes; and the file members."""
    problems: list[Problem] = []
    files: dict[str, zipfile.ZipInfo] = {}
    names: list[str] = []
    total = 0
    for info in archive.infolist():
        name = info.orig_filename  # zipfile cuts a name at NUL: check the name as stored
        if name.endswith("/"):
            continue  # a folder entry: folders come from the files' paths
        names.append(name)
        total += info.file_size
        reason = _name_problem(name) or _placement_problem(name)
        member_problems = [reason] if reason else []
        member_problems += _entry_problems(info)
        problems += [(name, text) for text in member_problems]
        if not member_problems:
            files.setdefault(name, info)
    problems += _collision_problems(names)
    if total > MAX_TOTAL_BYTES:
        problems.append(
            (None, f"unpacks to {_megabytes(total)}, more than {_megabytes(MAX_TOTAL_BYTES)}")
        )
    if f"{ROOT}/{BRAND_FILE}" not in names:
        problems.append((None, f"has no {ROOT}/{BRAND_FILE}"))
    return problems, files


def _brand_name_problem(name: object) -> str | None:
    if not isinstance(name, str) or not name:
        return "must be a brand name"
    if len(name) > 80:
        return "is longer than 80 characters"
    if safe_name(name) != name or name.startswith("."):
        return 'cannot be a brand name: avoid / \\ : * ? " < > | and leading dots'
    return None


def _manifest_data_problems(data: object) -> tuple[list[str], _Manifest | None]:
    """Problems with the manifest's own content; the manifest if it has none."""
    if not isinstance(data, dict):
        return ["must be a JSON object"], None
    if data.get("format") != BUNDLE_FORMAT:
        return [f"has format {data.get('format')!r}, not {BUNDLE_FORMAT!r}"], None
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        return ["must give a version (a whole number from 1)"], None
    if version > BUNDLE_VERSION:
        return [
            f"is version {version}, newer than this Brandstudio reads (up to"
            f" {BUNDLE_VERSION}): update Brandstudio to import it"
        ], None
    reasons: list[str] = []
    brand = data.get("brand")
    reason = _brand_name_problem(brand)
    if reason:
        reasons.append(f"names the brand {brand!r}, which {reason}")
    listed: dict[str, tuple[int, str]] = {}
    entries = data.get("files")
    if not isinstance(entries, list):
        return [*reasons, "must list the files"], None
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or set(entry) != {"path", "size", "sha256"}:
            reasons.append(f"files[{index}] must have exactly path, size and sha256")
            continue
        path, size, digest = entry["path"], entry["size"], entry["sha256"]
        if (
            not isinstance(path, str)
            or not isinstance(size, int)
            or isinstance(size, bool)
            or size < 0
            or not isinstance(digest, str)
            or len(digest) != 64
            or not set(digest) <= _SHA256_HEX
        ):
            reasons.append(f"files[{index}] has a bad path, size or sha256")
        elif path in listed:
            reasons.append(f"lists {_shown(path)} twice")
        else:
            listed[path] = (size, digest)
    if reasons or not isinstance(brand, str):
        return reasons, None
    return [], _Manifest(brand, listed)


def _read_manifest(
    archive: zipfile.ZipFile, files: dict[str, zipfile.ZipInfo]
) -> tuple[list[Problem], _Manifest | None]:
    info = files.get(MANIFEST)
    if info is None:
        if any(member.orig_filename == MANIFEST for member in archive.infolist()):
            return [], None  # present but refused: its problems are already listed
        return [(None, f"has no {MANIFEST}: not a Brandstudio bundle")], None
    chunks: list[bytes] = []
    try:
        _stream_member(archive, info, MAX_MANIFEST_BYTES, chunks.append)
        text = b"".join(chunks).decode("utf-8")
        data = parse_json(text, MANIFEST)
    except _RefusedError as refused:
        return [refused.problem], None
    except UnicodeDecodeError:
        return [(MANIFEST, "is not UTF-8 text")], None
    except FormatError as error:
        return [(MANIFEST, _reasons(error))], None
    reasons, manifest = _manifest_data_problems(data)
    return [(MANIFEST, reason) for reason in reasons], manifest


def _manifest_match_problems(
    manifest: _Manifest, members: Iterable[zipfile.ZipInfo]
) -> Iterator[Problem]:
    """The manifest must list exactly the file members, with their sizes."""
    present = {
        info.orig_filename: info
        for info in members
        if not info.orig_filename.endswith("/") and info.orig_filename != MANIFEST
    }
    for name, info in present.items():
        if name not in manifest.files:
            yield name, f"is not listed in {MANIFEST}"
        elif manifest.files[name][0] != info.file_size:
            yield (
                name,
                f"is {info.file_size} bytes, but {MANIFEST} says {manifest.files[name][0]}",
            )
    for name in manifest.files:
        if name not in present:
            yield MANIFEST, f"lists {_shown(name)}, which the bundle lacks"


# -- phase 2: staging -------------------------------------------------------------------


def _stream_member(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    limit: int,
    sink: Callable[[bytes], object],
    budget: list[int] | None = None,
) -> str:
    """Decompress ``info`` into ``sink`` chunk by chunk, counting the real bytes against its
    declared size, ``limit`` and the shared ``budget`` (bytes left for the whole bundle).
    Returns the SHA-256 (hex) of what was read."""
    name = info.orig_filename
    digest = hashlib.sha256()
    count = 0
    try:
        with archive.open(info) as source:
            while True:
                chunk = source.read(_CHUNK)
                if not chunk:
                    break
                count += len(chunk)
                if count > info.file_size:
                    raise _RefusedError(
                        name, f"holds more than the {info.file_size} bytes it declares"
                    )
                if count > limit:
                    raise _RefusedError(name, f"holds more than {_megabytes(limit)}")
                if budget is not None:
                    budget[0] -= len(chunk)
                    if budget[0] < 0:
                        raise _RefusedError(
                            name, f"takes the bundle over {_megabytes(MAX_TOTAL_BYTES)} unpacked"
                        )
                digest.update(chunk)
                sink(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError) as error:
        raise _RefusedError(name, f"is damaged ({error})") from None
    except RuntimeError as error:  # zipfile: encrypted, or a closed archive
        raise _RefusedError(name, f"cannot be read ({error})") from None
    if count != info.file_size:
        raise _RefusedError(name, f"holds {count} bytes, not the {info.file_size} it declares")
    return digest.hexdigest()


def _extract(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, staging: Path, budget: list[int]
) -> str:
    """Stream one checked member to its place under ``staging``; its SHA-256."""
    name = info.orig_filename
    target = staging.joinpath(*name.split("/"))
    if os.path.commonpath([staging, target]) != str(staging):  # already refused in phase 1
        raise _RefusedError(name, "leaves the bundle")
    limit = _MAX_BYTES_BY_KIND[_kind(name) or _JSON]
    target.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(target, flags | getattr(os, "O_BINARY", 0), 0o644)
    with os.fdopen(fd, "wb") as out:
        return _stream_member(archive, info, limit, out.write, budget)


def _reasons(error: FormatError) -> str:
    return "; ".join(str(problem) for problem in error.problems)


def _image_problem(path: Path) -> str | None:
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


def _template_asset_problems(template: Template, images: set[str]) -> Iterator[str]:
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


def _brand_asset_problems(kit: BrandKit, images: set[str], fonts: set[str]) -> Iterator[str]:
    for role, font in kit.brand.fonts.items():
        if font.file is not None and f"{ROOT}/{font.file}" not in fonts:
            yield f"the {role} font file {font.file!r} is not a font in {ROOT}/fonts/"
    for role, variants in kit.brand.logos.items():
        for variant in ("light", "dark", "mono"):
            relative = getattr(variants, variant)
            if relative is not None and f"{ROOT}/{relative}" not in images:
                yield f"the {role} logo ({variant}) {relative!r} is not an image in the bundle"


def _validate(staging: Path, names: Iterable[str]) -> tuple[list[Problem], BrandKit | None]:
    """Check every staged file with the parsers the library itself uses."""
    names = sorted(names)
    images = {name for name in names if _kind(name) == _IMAGE}
    fonts = {name for name in names if _kind(name) == _FONT}
    templates = [name for name in names if name.startswith(f"{ROOT}/templates/")]
    problems: list[Problem] = []
    brand_member = f"{ROOT}/{BRAND_FILE}"
    kit: BrandKit | None = None
    try:
        kit = load_brand(staging / ROOT)
    except FormatError as error:
        problems.append((brand_member, f"is not a usable brand: {_reasons(error)}"))
    if kit is not None:
        problems += [(brand_member, text) for text in _brand_asset_problems(kit, images, fonts)]

    def staged(name: str) -> Path:
        return staging.joinpath(*name.split("/"))

    for name in sorted(fonts):
        try:
            check_font_file(staged(name))
        except FontCheckError as error:
            problems.append((name, f"is not a usable font: {error.reason}"))
    for name in sorted(images):
        reason = _image_problem(staged(name))
        if reason:
            problems.append((name, reason))
    for name in templates:
        try:
            template = load_template(staged(name)).template
        except FormatError as error:
            problems.append((name, f"is not a usable template: {_reasons(error)}"))
            continue
        problems += [(name, text) for text in _template_asset_problems(template, images)]
    return problems, kit


# -- import -----------------------------------------------------------------------------


def import_bundle(
    library: Library, source: Path, as_name: str | None = None, replace: bool = False
) -> BrandKit:
    """Add the brand in the bundle ``source`` to ``library`` (as ``as_name`` if given).

    A brand of the same name is a LibraryError unless ``replace`` (the old one goes to the
    trash). Any problem with the bundle is a BundleError naming the members, and leaves the
    library untouched.
    """
    label = str(source)
    if as_name is not None:
        reason = _brand_name_problem(as_name)
        if reason:
            raise LibraryError(f"{as_name!r} {reason}")
    try:
        stream = _open_regular(source, MAX_BUNDLE_BYTES, "a bundle")
    except FileNotFoundError:
        raise LibraryError(f"{label}: no such file") from None
    except ValueError as error:
        raise BundleError(label, [(None, str(error))]) from None
    except OSError as error:
        raise LibraryError(f"{label}: cannot be read: {error.strerror}") from None
    with stream:
        try:
            with _open_zip(stream) as archive:
                return _import(library, archive, label, as_name, replace)
        except _RefusedError as refused:
            raise BundleError(label, [refused.problem]) from None


def _import(
    library: Library, archive: zipfile.ZipFile, label: str, as_name: str | None, replace: bool
) -> BrandKit:
    # Phase 1: names, kinds, declared sizes and the manifest; nothing is written.
    problems, files = _inspect(archive)
    manifest_problems, manifest = _read_manifest(archive, files)
    problems += manifest_problems
    if manifest is not None:
        problems += _manifest_match_problems(manifest, archive.infolist())
    if problems or manifest is None:
        raise BundleError(label, problems)
    name = as_name or manifest.brand
    if library.has_brand(name) and not replace:  # checked again, under the lock, to install
        existing = library.brand_folder(name).name
        raise LibraryError(
            f"a brand called {existing!r} already exists: import it with"
            " --as NEW_NAME, or --replace to put the old one in the trash"
        )

    # Phase 2: stream into staging, count and hash, validate, install in one rename.
    staging = library.new_staging_folder()
    try:
        members = sorted(member for member in files if member != MANIFEST)
        budget = [MAX_TOTAL_BYTES]
        for member in members:
            try:
                digest = _extract(archive, files[member], staging, budget)
            except OSError as error:
                raise LibraryError(
                    f"{library.staging_dir}: cannot unpack {label}: {error.strerror}"
                ) from None
            if digest != manifest.files[member][1]:
                raise _RefusedError(member, f"does not match its SHA-256 in {MANIFEST} (damaged?)")
        problems, kit = _validate(staging, members)
        if problems or kit is None:
            raise BundleError(label, problems)
        staged = staging / ROOT
        if kit.brand.name != name:
            save_brand(dataclasses.replace(kit.brand, name=name), staged)
        (staged / "templates").mkdir(exist_ok=True)
        installed = library.install_brand(staged, name, replace)
        return load_brand(installed)
    except _RefusedError as refused:
        raise BundleError(label, [refused.problem]) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


# -- export -----------------------------------------------------------------------------


def _regular_files(folder: Path, recursive: bool) -> Iterator[Path]:
    """Regular, non-hidden files in ``folder`` (symbolic links are never followed)."""
    if not folder.is_dir() or folder.is_symlink():
        return
    for entry in sorted(os.scandir(folder), key=lambda item: item.name):
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            if recursive:
                yield from _regular_files(Path(entry.path), recursive)
        elif entry.is_file(follow_symlinks=False):
            yield Path(entry.path)


def _export_members(folder: Path) -> list[tuple[str, Path]]:
    """(member name, file) for everything a bundle of the brand in ``folder`` carries:
    ``brand.json``, images in logos/ and photos/, fonts in fonts/, templates/*.json."""
    found = [(f"{ROOT}/{BRAND_FILE}", folder / BRAND_FILE)]
    for sub, recursive in (
        ("logos", True),
        ("photos", True),
        ("fonts", True),
        ("templates", False),
    ):
        for path in _regular_files(folder / sub, recursive):
            name = f"{ROOT}/{path.relative_to(folder).as_posix()}"
            if _placement_problem(name) is None:
                found.append((name, path))
    return sorted(found)


def _export_problems(kit: BrandKit, members: list[tuple[str, Path]]) -> list[Problem]:
    """What would make the bundle of this brand unimportable."""
    problems: list[Problem] = []
    total = 0
    for name, path in members:
        reason = _name_problem(name)
        size = path.stat().st_size
        total += size
        cap = _MAX_BYTES_BY_KIND[_kind(name) or _JSON]
        if reason is None and size > cap:
            reason = f"is {_megabytes(size)}, more than the {_megabytes(cap)} a bundle allows"
        if reason:
            problems.append((name, reason))
    problems += _collision_problems(name for name, _ in members)
    if len(members) >= MAX_ENTRIES:
        problems.append((None, f"has {len(members)} files; a bundle holds at most {MAX_ENTRIES}"))
    if total > MAX_TOTAL_BYTES:
        problems.append((None, f"holds {_megabytes(total)}, more than a bundle may"))
    names = {name for name, _ in members}
    images = {name for name in names if _kind(name) == _IMAGE}
    fonts = {name for name in names if _kind(name) == _FONT}
    brand_member = f"{ROOT}/{BRAND_FILE}"
    problems += [(brand_member, text) for text in _brand_asset_problems(kit, images, fonts)]
    for name, path in members:
        if name.startswith(f"{ROOT}/templates/"):
            try:
                template = load_template(path).template
            except FormatError as error:
                problems.append((name, f"is not a usable template: {_reasons(error)}"))
                continue
            problems += [(name, text) for text in _template_asset_problems(template, images)]
    return problems


def _zip_info(name: str) -> zipfile.ZipInfo:
    """A member header that depends on nothing but the name: fixed time, mode and system."""
    info = zipfile.ZipInfo(name, date_time=_ZIP_EPOCH)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = _UNIX
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    return info


def _write_member(archive: zipfile.ZipFile, name: str, path: Path) -> dict[str, object]:
    """Stream ``path`` into the archive as ``name``; its manifest entry."""
    cap = _MAX_BYTES_BY_KIND[_kind(name) or _JSON]
    digest = hashlib.sha256()
    size = 0
    try:
        source = _open_regular(path, cap, f"{_a(_kind(name) or _JSON)} in a bundle")
    except ValueError as error:
        raise BundleError(str(path), [(name, str(error))], "cannot be exported") from None
    with source, archive.open(_zip_info(name), "w") as target:
        while chunk := source.read(_CHUNK):
            size += len(chunk)
            if size > cap:  # grew since it was checked
                raise BundleError(
                    str(path), [(name, f"is over {_megabytes(cap)}")], "cannot be exported"
                )
            digest.update(chunk)
            target.write(chunk)
    return {"path": name, "size": size, "sha256": digest.hexdigest()}


def _destination(target: Path, folder: Path) -> Path:
    destination = target / f"{safe_name(folder.name)}{BUNDLE_SUFFIX}" if target.is_dir() else target
    parent = destination.parent.resolve()
    if parent == folder.resolve() or folder.resolve() in parent.parents:
        raise LibraryError(f"{destination}: a bundle cannot be written inside the brand's folder")
    return destination


def export_brand(library: Library, name: str, target: Path, *, overwrite: bool = False) -> Path:
    """Write the brand ``name`` as a bundle to ``target`` (a file, or a folder to put
    ``NAME.brandkit`` in); returns the bundle's path.

    The brand is read under the library lock, so no save lands half-way through; the bundle
    replaces ``target`` in one rename once complete. Files a bundle cannot carry (hidden
    files, thumbnails, files of other kinds) are left out; a brand whose own files could not
    be imported again (too large, unportable names, a template naming a missing photo) is a
    BundleError. An existing file at the bundle's path is BundleExistsError unless
    ``overwrite``.
    """
    with library.lock:
        folder = library.brand_folder(name)
        destination = _destination(target, folder)
        if not overwrite and os.path.lexists(destination):
            raise BundleExistsError(destination)
        kit = load_brand(folder)
        members = _export_members(folder)
        problems = _export_problems(kit, members)
        if problems:
            raise BundleError(str(folder), problems, "cannot be exported")
        try:
            _write_bundle(destination, folder.name, members)
        except OSError as error:
            raise LibraryError(
                f"{destination}: cannot write the bundle: {error.strerror or error}"
            ) from None
    return destination


def _write_bundle(destination: Path, brand: str, members: list[tuple[str, Path]]) -> None:
    """The zip written to a temporary file beside ``destination``, then renamed over it."""
    fd, temp_name = tempfile.mkstemp(
        prefix=f".{destination.name}.", suffix=".tmp", dir=destination.parent
    )
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "w+b") as stream:
            with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                entries = [_write_member(archive, name, path) for name, path in members]
                manifest = {
                    "format": BUNDLE_FORMAT,
                    "version": BUNDLE_VERSION,
                    "brand": brand,
                    "files": entries,
                }
                archive.writestr(_zip_info(MANIFEST), dump_json(manifest).encode("utf-8"))
            stream.flush()
            os.fsync(stream.fileno())
        temp.replace(destination)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise
    sync_folder(destination.parent)
