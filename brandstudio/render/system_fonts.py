"""The last resort for letters no brand or bundled font has: a font installed on this machine.

On Linux (and wherever fontconfig's ``fc-list`` is on the PATH) fontconfig is asked which
fonts have a code point; elsewhere the platform's usual font folders are read once (at most
:data:`MAX_SCANNED_FILES` files). Answers are cached for the process. Colour bitmap fonts are
never chosen (Pillow draws them at one pixel size only), nor faces past the first of a
collection. Nothing here raises: no fontconfig and no font folder simply find nothing.

Setting the environment variable ``BRANDSTUDIO_SYSTEM_FONTS=0`` turns the lookup off (tests
do, so that they draw the same on every machine).
"""

from __future__ import annotations

import bisect
import functools
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from fontTools.ttLib import TTFont

SYSTEM_FONTS_ENV = "BRANDSTUDIO_SYSTEM_FONTS"
"""``0`` in this environment variable turns system font fallback off."""

MAX_SCANNED_FILES = 3000
"""The most font files read when there is no fontconfig to ask."""

FC_TIMEOUT = 5.0
"""Seconds one ``fc-list`` call may take."""

_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")
_BITMAP_TABLES = ("CBDT", "sbix", "EBDT")
_FC_WEIGHTS = ((0, 100), (40, 200), (50, 300), (80, 400), (100, 500), (180, 600), (200, 700))


def system_fonts_enabled() -> bool:
    """Whether system fonts may draw letters (the environment does not say ``0``)."""
    return os.environ.get(SYSTEM_FONTS_ENV, "1").strip() != "0"


@dataclass(frozen=True)
class SystemFont:
    """One installed font file (its first face) that can draw a character."""

    path: Path
    family: str
    weight: int
    """CSS weight, 100-900."""
    italic: bool


@dataclass(frozen=True)
class _Described:
    """A font file's first face; its coverage kept as ranges (starts and ends, inclusive),
    which stay small for thousands of files where sets of code points would not."""

    family: str
    weight: int
    italic: bool
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def covers(self, code: int) -> bool:
        index = bisect.bisect_right(self.starts, code) - 1
        return index >= 0 and code <= self.ends[index]


def _ranges(codes: Iterable[int]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    starts: list[int] = []
    ends: list[int] = []
    for code in sorted(codes):
        if ends and code == ends[-1] + 1:
            ends[-1] = code
        else:
            starts.append(code)
            ends.append(code)
    return tuple(starts), tuple(ends)


@functools.lru_cache(maxsize=MAX_SCANNED_FILES)
def _describe(path: str) -> _Described | None:
    """Family, weight, style and coverage of a font file's first face; None when it is a
    colour bitmap font or unreadable."""
    try:
        with TTFont(path, lazy=True, fontNumber=0) as font:
            if any(tag in font for tag in _BITMAP_TABLES) and "glyf" not in font:
                return None
            if "CFF " not in font and "CFF2" not in font and "glyf" not in font:
                return None
            name = font["name"]
            family = name.getDebugName(16) or name.getDebugName(1) or Path(path).stem
            os2 = font.get("OS/2")
            weight = int(os2.usWeightClass) if os2 is not None else 400
            italic = bool(os2.fsSelection & 1) if os2 is not None else False
            starts, ends = _ranges(font.getBestCmap() or {})
    except Exception:  # a broken file among the system's fonts: not ours to report
        return None
    return _Described(str(family), min(900, max(100, weight)), italic, starts, ends)


def _css_weight(fc_weight: str) -> int:
    try:
        value = float(fc_weight.strip("[]").split()[0])
    except (ValueError, IndexError):
        return 400
    return min(_FC_WEIGHTS, key=lambda pair: abs(pair[0] - value))[1]


@functools.lru_cache(maxsize=4096)
def _fontconfig_candidates(code: int) -> tuple[SystemFont, ...]:
    """Installed fonts fontconfig says have ``code`` (first faces of their files only)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return ()
    fields = "%{file}\\t%{index}\\t%{family[0]}\\t%{weight}\\t%{slant}\\n"
    try:
        done = subprocess.run(
            [fc_list, "--format", fields, f":charset={code:x}"],
            capture_output=True,
            text=True,
            timeout=FC_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return ()
    found: list[SystemFont] = []
    for line in sorted(done.stdout.splitlines()):
        parts = line.split("\t")
        if len(parts) != 5 or parts[1] != "0" or not parts[0].lower().endswith(_SUFFIXES):
            continue
        path, _, family, weight, slant = parts
        found.append(SystemFont(Path(path), family, _css_weight(weight), slant.strip() != "0"))
    return tuple(found)


def font_folders() -> list[Path]:
    """Where this platform keeps installed fonts (those that exist)."""
    home = Path.home()
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", "C:\\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", str(home / "AppData" / "Local")))
        folders = [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    elif sys.platform == "darwin":
        folders = [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library/Fonts"]
    else:
        folders = [
            Path("/usr/share/fonts"),
            Path("/usr/local/share/fonts"),
            home / ".local" / "share" / "fonts",
            home / ".fonts",
        ]
    return [folder for folder in folders if folder.is_dir()]


@functools.lru_cache(maxsize=1)
def _scanned_files() -> tuple[str, ...]:
    """Font files in the platform's folders, sorted, at most MAX_SCANNED_FILES."""
    files: list[str] = []
    for folder in font_folders():
        for root, _, names in os.walk(folder):
            files += [str(Path(root) / n) for n in names if n.lower().endswith(_SUFFIXES)]
            if len(files) >= MAX_SCANNED_FILES:
                return tuple(sorted(files[:MAX_SCANNED_FILES]))
    return tuple(sorted(files))


def _candidates(code: int) -> list[SystemFont]:
    """Installed fonts whose first face maps ``code`` (checked in the file's own cmap)."""
    listed = _fontconfig_candidates(code) if shutil.which("fc-list") else None
    paths = [str(font.path) for font in listed] if listed is not None else _scanned_files()
    found: list[SystemFont] = []
    for path in paths:
        described = _describe(path)
        if described is not None and described.covers(code):
            found.append(
                SystemFont(Path(path), described.family, described.weight, described.italic)
            )
    return found


@functools.lru_cache(maxsize=4096)
def system_font_for(code: int, weight: int = 400, italic: bool = False) -> SystemFont | None:
    """The installed font to draw code point ``code`` with at ``weight`` (CSS, 100-900): the
    nearest weight in the wanted style; among equals the first by path. None when none has it."""
    candidates = _candidates(code)
    if not candidates:
        return None
    return min(
        candidates,
        key=lambda font: (font.italic != italic, abs(font.weight - weight), str(font.path)),
    )
