"""Checking an untrusted font file before it joins a brand (imported by the user or carried by a
bundle): is it a single TrueType/OpenType font that parses and really draws, and what does it
cover?

The file is read once, into memory, after checking that it is a regular file under
:data:`MAX_FONT_BYTES`; everything after that (fontTools, the probe render with Pillow) works on
those bytes, so the file cannot change between the checks and a FIFO is never opened for reading.
Every failure is a :class:`FontCheckError` whose reason a user can read.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import stat
import struct
import threading
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fontTools.pens.boundsPen import BoundsPen
from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont, features

from brandstudio.render.fonts import is_ignorable

MAX_FONT_BYTES = 30 * 1024 * 1024
"""The largest font file accepted (Noto Color Emoji is about 11 MB)."""

MAX_FAMILY_CHARS = 64
PROBE_TEXT = "Aa Яя 0123"
PROBE_SIZE = 48
COLOUR_PROBE_SIZE = 109  # Noto Color Emoji's only bitmap size
EMOJI_PROBE = "\U0001f600"  # 😀
_MAX_PROBE_SIZE = 512
_MAX_CANVAS = (4096, 1024)
_PAD = 8

_TRUETYPE = b"\x00\x01\x00\x00"
_OPENTYPE_CFF = b"OTTO"
_APPLE_TRUETYPE = b"true"
_FONT_MAGIC = (_TRUETYPE, _OPENTYPE_CFF, _APPLE_TRUETYPE)

_OTHER_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"wOFF", "a WOFF web font: convert it to TTF or OTF first"),
    (b"wOF2", "a WOFF2 web font: convert it to TTF or OTF first"),
    (b"ttcf", "a font collection (TTC) holding several fonts: extract one TTF or OTF first"),
    (b"typ1", "an old Mac Type 1 font, not supported: use a TTF or OTF font"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image, not a font"),
    (b"\xff\xd8\xff", "a JPEG image, not a font"),
    (b"GIF87a", "a GIF image, not a font"),
    (b"GIF89a", "a GIF image, not a font"),
    (b"PK\x03\x04", "a ZIP archive, not a font (unpack it and pick the .ttf or .otf file)"),
    (b"PK\x05\x06", "an empty ZIP archive, not a font"),
    (b"%PDF-", "a PDF document, not a font"),
    (b"\x1f\x8b", "a gzip archive, not a font"),
    (b"Rar!", "a RAR archive, not a font"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive, not a font"),
    (b"%!PS-AdobeFont", "a PostScript Type 1 font, not supported: use a TTF or OTF font"),
    (b"\x80\x01", "a PostScript Type 1 font, not supported: use a TTF or OTF font"),
)

_LATIN = frozenset(range(ord("A"), ord("Z") + 1)) | frozenset(range(ord("a"), ord("z") + 1))
_CYRILLIC = (
    frozenset(range(ord("А"), ord("Я") + 1))
    | frozenset(range(ord("а"), ord("я") + 1))
    | frozenset({ord("Ё"), ord("ё")})
)
_DIGITS = frozenset(range(ord("0"), ord("9") + 1))

SCRIPT_CHECKS: tuple[tuple[str, frozenset[int]], ...] = (
    ("latin", _LATIN),
    ("cyrillic", _CYRILLIC),
    ("digits", _DIGITS),
    ("rub", frozenset({ord("₽")})),
    ("euro", frozenset({ord("€")})),
    ("dollar", frozenset({ord("$")})),
    ("numero", frozenset({ord("№")})),
    ("emoji", frozenset({ord(EMOJI_PROBE)})),
)
"""The keys of :attr:`FontReport.scripts`, in order, and the code points each needs (all)."""

_SUMMARY_WORDS = {"latin": "Latin", "cyrillic": "Cyrillic", "digits": "digits", "emoji": "emoji"}
_SUMMARY_SIGNS = {"rub": "₽", "euro": "€", "dollar": "$", "numero": "№"}


class FontCheckError(Exception):
    """A font file that cannot be used; ``str()`` is ``"<path>: <reason>"``."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


@dataclass(frozen=True)
class FontReport:
    """What a font file that passed :func:`check_font_file` is and covers."""

    family: str
    weight: int
    italic: bool
    scripts: dict[str, bool]
    glyphs: int


def check_font_file(path: Path) -> FontReport:
    """Check an untrusted font file; its report, or :class:`FontCheckError` saying why not."""
    data = _read_regular_file(path)
    _check_signature(path, data)
    _check_table_directory(path, data)
    with _quiet():
        report, probe = _parse(path, data)
        _probe_render(path, data, probe)
    return report


def coverage_summary(report: FontReport) -> str:
    """What ``report``'s font covers, for people: ``"Latin, Cyrillic, digits, ₽ € $ №"``."""
    parts = [
        _SUMMARY_WORDS[key] for key in ("latin", "cyrillic", "digits") if report.scripts.get(key)
    ]
    signs = [sign for key, sign in _SUMMARY_SIGNS.items() if report.scripts.get(key)]
    if signs:
        parts.append(" ".join(signs))
    if report.scripts.get("emoji"):
        parts.append("emoji")
    return ", ".join(parts) if parts else "no Latin or Cyrillic letters, digits or signs"


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Silence fontTools' logging and Python warnings while a font is checked: a hostile font
    can make fontTools log thousands of lines, and its verdict is the FontCheckError."""
    logger = logging.getLogger("fontTools")
    with _QUIET_LOCK, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        level = logger.level
        logger.setLevel(logging.CRITICAL + 1)
        try:
            yield
        finally:
            logger.setLevel(level)


_QUIET_LOCK = threading.Lock()


# --- reading --------------------------------------------------------------------------------


def _read_regular_file(path: Path) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most MAX_FONT_BYTES.

    ``stat`` first, so a FIFO or device is never opened; then open without blocking and check
    the opened file again (it may have been swapped in between), and read at most the cap.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        raise FontCheckError(path, "no such file") from None
    except OSError as error:
        raise FontCheckError(path, f"cannot be read ({error.strerror or error})") from None
    _check_kind_and_size(path, info)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise FontCheckError(path, f"cannot be read ({error.strerror or error})") from None
    try:
        _check_kind_and_size(path, os.fstat(fd))
        with os.fdopen(fd, "rb", closefd=False) as file:
            data = file.read(MAX_FONT_BYTES + 1)
    except OSError as error:
        raise FontCheckError(path, f"cannot be read ({error.strerror or error})") from None
    finally:
        os.close(fd)
    if len(data) > MAX_FONT_BYTES:
        raise FontCheckError(path, _too_big(len(data)))
    return data


def _check_kind_and_size(path: Path, info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise FontCheckError(path, "a folder, not a font file")
    if not stat.S_ISREG(info.st_mode):
        raise FontCheckError(path, "not a regular file (a pipe, device or socket), not a font")
    if info.st_size > MAX_FONT_BYTES:
        raise FontCheckError(path, _too_big(info.st_size))


def _too_big(size: int) -> str:
    return (
        f"too big for a font ({size / 1024 / 1024:.1f} MB; "
        f"the limit is {MAX_FONT_BYTES // 1024 // 1024} MB)"
    )


def _check_signature(path: Path, data: bytes) -> None:
    if not data:
        raise FontCheckError(path, "the file is empty, not a font")
    if data[:4] in _FONT_MAGIC:
        return
    for signature, reason in _OTHER_SIGNATURES:
        if data.startswith(signature):
            raise FontCheckError(path, reason)
    head = data[:64].lstrip().lower()
    if head.startswith((b"<svg", b"<?xml")):
        raise FontCheckError(path, "an SVG or XML file, not a font")
    raise FontCheckError(path, "not a font (not a TrueType or OpenType file)")


def _check_table_directory(path: Path, data: bytes) -> None:
    """Every table the directory lists lies inside the file: a cut-off download fails here."""
    if len(data) < 12:
        raise FontCheckError(path, "truncated font: the file ends inside its header")
    (count,) = struct.unpack_from(">H", data, 4)
    if count == 0:
        raise FontCheckError(path, "damaged font: it lists no tables")
    if 12 + 16 * count > len(data):
        raise FontCheckError(path, "truncated font: the file ends inside its table directory")
    for index in range(count):
        tag, _checksum, offset, length = struct.unpack_from(">4sLLL", data, 12 + 16 * index)
        if offset + length > len(data):
            name = tag.decode("latin-1").strip() or "?"
            raise FontCheckError(
                path, f"truncated font: the file ends before its '{name}' table does"
            )


# --- parsing --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Probe:
    text: str
    size: int
    colour: bool  # a colour bitmap font: draw in RGBA with embedded colour


def _parse(path: Path, data: bytes) -> tuple[FontReport, _Probe]:
    try:
        font = TTFont(io.BytesIO(data), lazy=False, fontNumber=0)
    except Exception:
        raise FontCheckError(path, "damaged font: it cannot be opened") from None
    try:
        with font:
            return _inspect(path, font)
    except FontCheckError:
        raise
    except Exception:
        raise FontCheckError(path, "damaged or truncated font: its tables cannot be read") from None


def _inspect(path: Path, font: Any) -> tuple[FontReport, _Probe]:
    tags = set(font.keys())
    for required in ("head", "hhea", "hmtx", "maxp", "cmap"):
        if required not in tags:
            raise FontCheckError(path, f"damaged font: its required '{required}' table is missing")
    outlines = {"glyf", "loca"} <= tags or "CFF " in tags or "CFF2" in tags
    bitmaps = {"CBDT", "CBLC"} <= tags or "sbix" in tags
    if not outlines and not bitmaps:
        raise FontCheckError(path, "damaged font: it has neither glyph outlines nor bitmaps")
    glyph_count = int(font["maxp"].numGlyphs)
    if glyph_count <= 0:
        raise FontCheckError(path, "damaged font: it has no glyphs")
    for tag in ("head", "hhea", "hmtx"):  # decompile the tables FreeType needs
        _ = font[tag]
    cmap: dict[int, str] = font.getBestCmap() or {}
    if not cmap:
        raise FontCheckError(path, "it has no Unicode character map: text cannot be typed with it")

    names = _NameTable(font["name"] if "name" in tags else None)
    os2 = font["OS/2"] if "OS/2" in tags else None
    subfamily = names.get(17) or names.get(2)
    family = _clean_name(names.get(16)) or _clean_name(names.get(1)) or _clean_name(path.stem)
    italic = bool(os2 is not None and int(os2.fsSelection) & 1)
    italic = italic or bool(int(font["head"].macStyle) & 2)
    italic = italic or "italic" in subfamily.casefold()
    report = FontReport(
        family=family or "Unnamed font",
        weight=_weight(os2),
        italic=italic,
        scripts={key: needed <= cmap.keys() for key, needed in SCRIPT_CHECKS},
        glyphs=glyph_count,
    )

    probe = _choose_probe(path, font, cmap, colour=bitmaps)
    _read_glyphs(font, cmap, probe.text, outlines)
    return report, probe


def _weight(os2: Any) -> int:
    if os2 is None:
        return 400
    weight = int(os2.usWeightClass)
    if weight == 0:
        return 400
    if weight < 10:  # some old fonts give 1-9 instead of 100-900
        weight *= 100
    return max(100, min(1000, weight))


class _NameTable:
    """Strings of a font's ``name`` table, English (Windows, then Mac) preferred."""

    def __init__(self, table: Any) -> None:
        self._records: list[Any] = list(table.names) if table is not None else []

    def get(self, name_id: int) -> str:
        def rank(record: Any) -> int:
            windows_english = record.platformID == 3 and record.langID == 0x409
            mac_english = record.platformID == 1 and record.langID == 0
            return 0 if windows_english else 1 if mac_english else 2

        for record in sorted((r for r in self._records if r.nameID == name_id), key=rank):
            try:
                text = str(record.toUnicode(errors="replace"))
            except Exception:
                continue
            if text.strip():
                return text
        return ""


def _clean_name(text: str) -> str:
    """Printable characters only, whitespace collapsed, at most MAX_FAMILY_CHARS."""
    kept = "".join(char if char.isprintable() else " " for char in text.replace("\ufffd", " "))
    return " ".join(kept.split())[:MAX_FAMILY_CHARS].strip()


def _choose_probe(path: Path, font: Any, cmap: dict[int, str], *, colour: bool) -> _Probe:
    """What to draw: an emoji for a colour bitmap font, else the mapped characters of
    PROBE_TEXT, else a few characters the font does map (a symbol font)."""
    size = _bitmap_size(font) if colour else PROBE_SIZE
    if colour and ord(EMOJI_PROBE) in cmap:
        return _Probe(EMOJI_PROBE, size, colour=colour)
    mapped = "".join(char for char in PROBE_TEXT if char == " " or ord(char) in cmap).strip()
    return _Probe(mapped or _some_mapped(path, cmap), size, colour=colour)


def _some_mapped(path: Path, cmap: dict[int, str], count: int = 8) -> str:
    chars: list[str] = []
    for code in sorted(cmap):
        if len(chars) >= count:
            break
        if 0 <= code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
            char = chr(code)
            if not is_ignorable(char) and char.isprintable():
                chars.append(char)
    if not chars:
        raise FontCheckError(path, "it maps no visible characters: nothing can be typed with it")
    return "".join(chars)


def _bitmap_size(font: Any) -> int:
    """The bitmap strike (pixels per em) nearest to COLOUR_PROBE_SIZE."""
    sizes: list[int] = []
    if "CBLC" in font:
        sizes += [int(strike.bitmapSizeTable.ppemY) for strike in font["CBLC"].strikes]
    if "sbix" in font:
        sizes += [int(strike.ppem) for strike in font["sbix"].strikes.values()]
    sizes = [size for size in sizes if 0 < size <= _MAX_PROBE_SIZE]
    if not sizes:
        raise ValueError("no usable bitmap size")
    return min(sizes, key=lambda size: abs(size - COLOUR_PROBE_SIZE))


def _read_glyphs(font: Any, cmap: dict[int, str], text: str, outlines: bool) -> None:
    """Decode the probe characters' glyphs, so damaged glyph data fails here."""
    names = [cmap[ord(char)] for char in text if ord(char) in cmap]
    if outlines:
        glyph_set = font.getGlyphSet()
        for name in names:
            glyph_set[name].draw(BoundsPen(glyph_set))
    else:  # decompile the bitmap data
        _ = font["CBDT"] if "CBDT" in font else font["sbix"]


# --- the probe render ------------------------------------------------------------------------

_LAYOUT = ImageFont.Layout.RAQM if features.check("raqm") else ImageFont.Layout.BASIC


def _probe_render(path: Path, data: bytes, probe: _Probe) -> None:
    """Draw the probe text with Pillow (FreeType) as the renderer will; no ink means damage."""
    try:
        inked = _draw(data, probe)
    except Exception:
        inked = False
    if not inked:
        raise FontCheckError(path, "cannot be drawn (damaged?): its letters come out blank")


def _draw(data: bytes, probe: _Probe) -> bool:
    font = ImageFont.truetype(io.BytesIO(data), probe.size, layout_engine=_LAYOUT)
    left, top, right, bottom = font.getbbox(probe.text)
    if right <= left or bottom <= top:
        return False
    width = min(int(right - left), _MAX_CANVAS[0]) + 2 * _PAD
    height = min(int(bottom - top), _MAX_CANVAS[1]) + 2 * _PAD
    mode = "RGBA" if probe.colour else "L"
    canvas = Image.new(mode, (width, height))
    fill: Any = (0, 0, 0, 255) if probe.colour else 255
    ImageDraw.Draw(canvas).text(
        (_PAD - left, _PAD - top),
        probe.text,
        font=font,
        fill=fill,
        embedded_color=probe.colour,
    )
    ink = canvas.getchannel("A") if probe.colour else canvas
    return ink.getbbox() is not None
