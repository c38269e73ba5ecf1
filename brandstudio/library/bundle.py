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
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Final

from brandstudio.fileformat import FormatError, load_template
from brandstudio.fileformat.brand_io import BRAND_FILE, BrandKit, load_brand, save_brand
from brandstudio.fileformat.jsonio import dump_json, parse_json
from brandstudio.fsutil import sync_folder
from brandstudio.library.bundle_members import (
    FONT,
    IMAGE,
    JSON,
    MANIFEST,
    MAX_BYTES_BY_KIND,
    MAX_MANIFEST_BYTES,
    MB,
    ROOT,
    Problem,
    brand_asset_problems,
    collision_problems,
    entry_problems,
    format_reasons,
    image_problem,
    megabytes,
    member_kind,
    name_problem,
    placement_problem,
    shown,
    template_asset_problems,
    with_article,
)
from brandstudio.library.errors import LibraryError
from brandstudio.library.fontcheck import FontCheckError, check_font_file
from brandstudio.library.store import Library, brand_name_problem
from brandstudio.render.naming import safe_name

BUNDLE_FORMAT: Final = "brandstudio.bundle"
BUNDLE_VERSION: Final = 1
"""The version this build writes and the newest it reads."""
BUNDLE_SUFFIX: Final = ".brandkit"

MAX_BUNDLE_BYTES: Final = 500 * MB
"""The largest bundle file opened at all."""
MAX_ENTRIES: Final = 5000
MAX_DIRECTORY_BYTES: Final = MAX_ENTRIES * 1024
"""The largest zip directory (table of contents) read: bounds the work before counting."""
MAX_TOTAL_BYTES: Final = 300 * MB
"""Cap on the sum of the members' sizes, declared and real."""
MAX_LISTED: Final = 20
"""How many problems a BundleError spells out before "and N more"."""

_ZIP_EPOCH: Final = (1980, 1, 1, 0, 0, 0)
_UNIX: Final = 3
_CHUNK: Final = 1024 * 1024
_SHA256_HEX: Final = frozenset("0123456789abcdef")

# The zip's end records: enough of them to count the entries before zipfile reads them all.
_END = struct.Struct("<4s4H2LH")
_END64_LOCATOR = struct.Struct("<4sLQL")
_END64 = struct.Struct("<4sQ2H2L4Q")


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
            reason if member is None else f"member {shown(member)} {reason}"
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
                f"{megabytes(info.st_size)}, larger than the {megabytes(max_bytes)} {what} may be"
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
                None, f"has a {megabytes(directory_bytes)} table of contents: too large"
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
        reason = name_problem(name) or placement_problem(name)
        member_problems = [reason] if reason else []
        member_problems += entry_problems(info)
        problems += [(name, text) for text in member_problems]
        if not member_problems:
            files.setdefault(name, info)
    problems += collision_problems(names)
    if total > MAX_TOTAL_BYTES:
        problems.append(
            (None, f"unpacks to {megabytes(total)}, more than {megabytes(MAX_TOTAL_BYTES)}")
        )
    if f"{ROOT}/{BRAND_FILE}" not in names:
        problems.append((None, f"has no {ROOT}/{BRAND_FILE}"))
    return problems, files


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
    reason = brand_name_problem(brand)
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
            reasons.append(f"lists {shown(path)} twice")
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
        return [(MANIFEST, format_reasons(error))], None
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
            yield MANIFEST, f"lists {shown(name)}, which the bundle lacks"


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
                    raise _RefusedError(name, f"holds more than {megabytes(limit)}")
                if budget is not None:
                    budget[0] -= len(chunk)
                    if budget[0] < 0:
                        raise _RefusedError(
                            name, f"takes the bundle over {megabytes(MAX_TOTAL_BYTES)} unpacked"
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
    limit = MAX_BYTES_BY_KIND[member_kind(name) or JSON]
    target.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(target, flags | getattr(os, "O_BINARY", 0), 0o644)
    with os.fdopen(fd, "wb") as out:
        return _stream_member(archive, info, limit, out.write, budget)


def _validate(staging: Path, names: Iterable[str]) -> tuple[list[Problem], BrandKit | None]:
    """Check every staged file with the parsers the library itself uses."""
    names = sorted(names)
    images = {name for name in names if member_kind(name) == IMAGE}
    fonts = {name for name in names if member_kind(name) == FONT}
    templates = [name for name in names if name.startswith(f"{ROOT}/templates/")]
    problems: list[Problem] = []
    brand_member = f"{ROOT}/{BRAND_FILE}"
    kit: BrandKit | None = None
    try:
        kit = load_brand(staging / ROOT)
    except FormatError as error:
        problems.append((brand_member, f"is not a usable brand: {format_reasons(error)}"))
    if kit is not None:
        problems += [(brand_member, text) for text in brand_asset_problems(kit, images, fonts)]

    def staged(name: str) -> Path:
        return staging.joinpath(*name.split("/"))

    for name in sorted(fonts):
        try:
            check_font_file(staged(name))
        except FontCheckError as error:
            problems.append((name, f"is not a usable font: {error.reason}"))
    for name in sorted(images):
        reason = image_problem(staged(name))
        if reason:
            problems.append((name, reason))
    for name in templates:
        try:
            template = load_template(staged(name)).template
        except FormatError as error:
            problems.append((name, f"is not a usable template: {format_reasons(error)}"))
            continue
        problems += [(name, text) for text in template_asset_problems(template, images)]
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
        reason = brand_name_problem(as_name)
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
            if placement_problem(name) is None:
                found.append((name, path))
    return sorted(found)


def _export_problems(kit: BrandKit, members: list[tuple[str, Path]]) -> list[Problem]:
    """What would make the bundle of this brand unimportable."""
    problems: list[Problem] = []
    total = 0
    for name, path in members:
        reason = name_problem(name)
        size = path.stat().st_size
        total += size
        cap = MAX_BYTES_BY_KIND[member_kind(name) or JSON]
        if reason is None and size > cap:
            reason = f"is {megabytes(size)}, more than the {megabytes(cap)} a bundle allows"
        if reason:
            problems.append((name, reason))
    problems += collision_problems(name for name, _ in members)
    if len(members) >= MAX_ENTRIES:
        problems.append((None, f"has {len(members)} files; a bundle holds at most {MAX_ENTRIES}"))
    if total > MAX_TOTAL_BYTES:
        problems.append((None, f"holds {megabytes(total)}, more than a bundle may"))
    names = {name for name, _ in members}
    images = {name for name in names if member_kind(name) == IMAGE}
    fonts = {name for name in names if member_kind(name) == FONT}
    brand_member = f"{ROOT}/{BRAND_FILE}"
    problems += [(brand_member, text) for text in brand_asset_problems(kit, images, fonts)]
    for name, path in members:
        if name.startswith(f"{ROOT}/templates/"):
            try:
                template = load_template(path).template
            except FormatError as error:
                problems.append((name, f"is not a usable template: {format_reasons(error)}"))
                continue
            problems += [(name, text) for text in template_asset_problems(template, images)]
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
    cap = MAX_BYTES_BY_KIND[member_kind(name) or JSON]
    digest = hashlib.sha256()
    size = 0
    try:
        source = _open_regular(path, cap, f"{with_article(member_kind(name) or JSON)} in a bundle")
    except ValueError as error:
        raise BundleError(str(path), [(name, str(error))], "cannot be exported") from None
    with source, archive.open(_zip_info(name), "w") as target:
        while chunk := source.read(_CHUNK):
            size += len(chunk)
            if size > cap:  # grew since it was checked
                raise BundleError(
                    str(path), [(name, f"is over {megabytes(cap)}")], "cannot be exported"
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
