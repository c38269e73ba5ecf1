"""The font book: which font files exist, which face to use for a family and weight, and which
font draws a character the chosen face lacks (the fallback chain).

The bundled fonts are listed in ``assets/fonts/fonts.json``; brand fonts are added with
:meth:`FontBook.add_face`. Character coverage comes from each file's ``cmap`` (fontTools) and is
cached per file.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from fontTools.ttLib import TTFont

from brandstudio.resources import assets_folder

DEFAULT_FAMILY = "Inter"
"""The family used when a requested family is unknown, and the first fallback."""

FALLBACK_ORDER: tuple[str, ...] = (
    "Inter",
    "Rubik",
    "PT Serif",
    "Montserrat",
    "Oswald",
    "Caveat",
    "Marck Script",
)
"""Bundled text families tried, in this order, for a character the chosen face lacks."""


@dataclass(frozen=True)
class FontFace:
    """One font file: a family's weight and style. ``emoji`` marks a colour emoji font."""

    family: str
    weight: int
    italic: bool
    path: Path
    emoji: bool = False


def is_ignorable(char: str) -> bool:
    """True for characters that are never drawn as a glyph of their own: whitespace, controls,
    format characters (ZWJ, tags), and variation selectors. No font needs to cover them."""
    if char.isspace():
        return True
    code = ord(char)
    if 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF:
        return True
    return unicodedata.category(char) in {"Cc", "Cf", "Zl", "Zp", "Zs"}


@functools.lru_cache(maxsize=64)
def _cmap(path: str, mtime_ns: int, size: int) -> frozenset[int]:
    """The code points a font file maps (keyed by its modification time and size too)."""
    del mtime_ns, size  # only part of the cache key
    with TTFont(path, lazy=True, fontNumber=0) as font:
        cmap = font.getBestCmap() or {}
    return frozenset(cmap)


@functools.lru_cache(maxsize=1)
def _bundled_faces() -> tuple[FontFace, ...]:
    folder = assets_folder() / "fonts"
    listing = json.loads((folder / "fonts.json").read_text(encoding="utf-8"))
    faces: list[FontFace] = []
    for family in listing["families"]:
        emoji = family.get("category") == "emoji"
        for face in family["faces"]:
            faces.append(
                FontFace(
                    family=str(family["family"]),
                    weight=int(face["weight"]),
                    italic=bool(face["italic"]),
                    path=folder / str(face["file"]),
                    emoji=emoji,
                )
            )
    return tuple(faces)


def _weight_preference(wanted: int, available: Iterable[int]) -> list[int]:
    """``available`` weights in CSS font-matching order for ``wanted``."""
    weights = sorted(set(available))
    exact = [w for w in weights if w == wanted]
    lighter = sorted((w for w in weights if w < wanted), reverse=True)
    heavier = [w for w in weights if w > wanted]
    if 400 <= wanted <= 500:
        up_to_500 = [w for w in heavier if w <= 500]
        rest = [w for w in heavier if w > 500]
        return exact + up_to_500 + lighter + rest
    if wanted < 400:
        return exact + lighter + heavier
    return exact + heavier + lighter


class FontBook:
    """The fonts Brandstudio can draw with.

    :meth:`bundled` gives a fresh book of the bundled fonts (the listing and each file's
    coverage are parsed once and cached), so adding a brand font to one book never changes
    another.
    """

    def __init__(self, faces: Iterable[FontFace] = ()) -> None:
        self._families: dict[str, list[FontFace]] = {}
        self._names: dict[str, str] = {}  # casefolded family -> family as registered
        self._coverage: dict[Path, frozenset[int]] = {}
        for face in faces:
            self.add_face(face)

    @classmethod
    def bundled(cls) -> FontBook:
        """The fonts shipped in ``assets/fonts`` (see ``fonts.json``)."""
        return cls(_bundled_faces())

    def add_face(self, face: FontFace) -> None:
        """Add a face (a brand font the caller has validated); it replaces a face of the same
        family, weight and style."""
        name = self._names.setdefault(face.family.casefold(), face.family)
        if name != face.family:
            face = dataclasses.replace(face, family=name)
        faces = self._families.setdefault(name, [])
        faces[:] = [f for f in faces if (f.weight, f.italic) != (face.weight, face.italic)]
        faces.append(face)

    def families(self) -> list[str]:
        """Family names, in the order they were added."""
        return list(self._families)

    def has_family(self, family: str) -> bool:
        return family.casefold() in self._names

    def face(self, family: str, weight: int = 400, italic: bool = False) -> FontFace:
        """The face of ``family`` nearest to ``weight`` and ``italic`` (CSS-like matching).

        An unknown family gives the default family (Inter).
        """
        name = self._names.get(family.casefold())
        if name is None:
            name = self._names.get(DEFAULT_FAMILY.casefold())
        if name is None:
            if not self._families:
                raise LookupError("the font book is empty")
            name = next(iter(self._families))
        faces = self._families[name]
        same_style = [f for f in faces if f.italic == italic] or faces
        order = _weight_preference(weight, (f.weight for f in same_style))
        best = order[0]
        return next(f for f in same_style if f.weight == best)

    def coverage(self, face: FontFace) -> frozenset[int]:
        """The code points ``face`` has glyphs for (its best ``cmap``)."""
        found = self._coverage.get(face.path)
        if found is None:
            stat = face.path.stat()
            found = _cmap(str(face.path), stat.st_mtime_ns, stat.st_size)
            self._coverage[face.path] = found
        return found

    def fallback_chain(self, face: FontFace) -> list[FontFace]:
        """``face`` first, then the bundled text families at the nearest weight (Inter, Rubik,
        PT Serif, Montserrat, ...), then any other text families, and colour emoji last."""
        chain: list[FontFace] = [face]
        seen = {face.path}

        def take(candidate: FontFace) -> None:
            if candidate.path not in seen:
                seen.add(candidate.path)
                chain.append(candidate)

        ordered = [name for name in FALLBACK_ORDER if self.has_family(name)]
        ordered += [name for name in self._families if name not in FALLBACK_ORDER]
        text_families = [n for n in ordered if not all(f.emoji for f in self._families[n])]
        emoji_families = [n for n in ordered if n not in text_families]
        for name in text_families:
            take(self.face(name, face.weight, face.italic))
        for name in emoji_families:
            take(self.face(name, face.weight, face.italic))
        return chain

    def missing_characters(self, face: FontFace, text: str) -> str:
        """The characters of ``text`` (not whitespace, controls or variation selectors) that
        ``face`` lacks, in order of first appearance, each once."""
        covered = self.coverage(face)
        missing: dict[str, None] = {}
        for char in text:
            if not is_ignorable(char) and ord(char) not in covered:
                missing[char] = None
        return "".join(missing)

    def uncovered_characters(self, face: FontFace, text: str) -> str:
        """The characters of ``text`` that no font in ``face``'s fallback chain has: these are
        left out when drawing, never drawn as a box."""
        missing = self.missing_characters(face, text)
        for fallback in self.fallback_chain(face)[1:]:
            if not missing:
                break
            covered = self.coverage(fallback)
            missing = "".join(char for char in missing if ord(char) not in covered)
        return missing
