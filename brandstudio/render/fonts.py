"""The font book: which font files exist, which face to use for a family and weight, and which
font draws a character the chosen face lacks (the fallback chain).

The bundled fonts are listed in ``assets/fonts/fonts.json``; brand fonts are added with
:meth:`FontBook.add_face`. Character coverage comes from each file's ``cmap`` (fontTools) and is
cached per file.

The chain for a letter: the layer's (brand) font, then the bundled families (Inter, the other
text families, the Noto Sans script families, colour emoji), at the nearest weight; then, only
for letters none of those has, a font installed on this machine
(:mod:`brandstudio.render.system_fonts`), which the renderer reports. :func:`letter_report`
tells what a text would lose or take from the system, for checks before rendering.
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

from brandstudio.render.system_fonts import system_font_for, system_fonts_enabled
from brandstudio.resources import assets_folder

DEFAULT_FAMILY = "Inter"
"""The family used when a requested family is unknown, and the first fallback."""

SCRIPT_FAMILIES: tuple[str, ...] = (
    "Noto Sans Armenian",
    "Noto Sans Georgian",
    "Noto Sans Hebrew",
    "Noto Sans Arabic",
    "Noto Sans Devanagari",
    "Noto Sans Thai",
    "Noto Sans CJK SC",
)
"""Bundled families for scripts beyond Latin, Cyrillic and Greek, tried after the text
families (Rubik draws Hebrew letters; Noto Sans Hebrew its cantillation marks)."""

FALLBACK_ORDER: tuple[str, ...] = (
    "Inter",
    "Rubik",
    "PT Serif",
    "Montserrat",
    "Oswald",
    "Caveat",
    "Marck Script",
    *SCRIPT_FAMILIES,
)
"""Bundled text families tried, in this order, for a character the chosen face lacks."""


@dataclass(frozen=True)
class FontFace:
    """One font file: a family's weight and style. ``emoji`` marks a colour emoji font,
    ``system`` a font installed on this machine (not bundled, not the brand's)."""

    family: str
    weight: int
    italic: bool
    path: Path
    emoji: bool = False
    system: bool = False


@dataclass(frozen=True)
class Letters:
    """What the fonts could not do for a text: letters no font has (left out when allowed),
    and letters drawn with a system font, as (family, letters) pairs."""

    missing: str = ""
    system: tuple[tuple[str, str], ...] = ()

    def system_warning(self) -> str | None:
        """The warning for letters drawn with system fonts, or None."""
        if not self.system:
            return None
        shown = "; ".join(f"‹{letters}› ({family})" for family, letters in self.system)
        return f"letters {shown} drawn with a system font: the image may differ on another machine"


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


@functools.lru_cache(maxsize=1)
def fallback_families() -> frozenset[str]:
    """Bundled families that only draw what the design fonts lack (Armenian, CJK, emoji…):
    offered to nobody as a headline or body font, used where a letter needs them."""
    folder = assets_folder() / "fonts"
    listing = json.loads((folder / "fonts.json").read_text(encoding="utf-8"))
    return frozenset(
        str(family["family"])
        for family in listing["families"]
        if family.get("category") == "emoji" or "cyrillic" not in family.get("covers", ())
    )


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
    another. ``system_fallback`` lets installed fonts draw letters no face of the book has
    (None: unless the environment says ``BRANDSTUDIO_SYSTEM_FONTS=0``); the system faces found
    join the end of every fallback chain of this book.
    """

    def __init__(
        self, faces: Iterable[FontFace] = (), *, system_fallback: bool | None = None
    ) -> None:
        self.system_fallback = (
            system_fonts_enabled() if system_fallback is None else system_fallback
        )
        self._system: list[FontFace] = []
        self._families: dict[str, list[FontFace]] = {}
        self._names: dict[str, str] = {}  # casefolded family -> family as registered
        self._coverage: dict[Path, frozenset[int]] = {}
        for face in faces:
            self.add_face(face)

    @classmethod
    def bundled(cls, *, system_fallback: bool | None = None) -> FontBook:
        """The fonts shipped in ``assets/fonts`` (see ``fonts.json``)."""
        return cls(_bundled_faces(), system_fallback=system_fallback)

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
        for system in sorted(self._system, key=lambda f: abs(f.weight - face.weight)):
            take(system)
        return chain

    def find_system_faces(self, face: FontFace, text: str) -> bool:
        """Look up installed fonts for the characters of ``text`` that no face of ``face``'s
        fallback chain has, and add them to the chains; True when one was added."""
        if not self.system_fallback:
            return False
        added = False
        missing = self.uncovered_characters(face, text)
        while missing:
            found = system_font_for(ord(missing[0]), face.weight, face.italic)
            covered: frozenset[int] = frozenset()
            if found is not None:
                system = FontFace(found.family, found.weight, found.italic, found.path, system=True)
                if all(f.path != system.path for f in self._system):
                    self._system.append(system)
                    added = True
                covered = self.coverage(system)
            missing = "".join(c for c in missing[1:] if ord(c) not in covered)
        return added

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
        """The characters of ``text`` that neither ``face`` nor a bundled font has (system fonts
        not counted): drawn with a system font, or not at all, never as a box."""
        missing = self.missing_characters(face, text)
        for fallback in self.fallback_chain(face)[1:]:
            if not missing or fallback.system:
                break
            covered = self.coverage(fallback)
            missing = "".join(char for char in missing if ord(char) not in covered)
        return missing


def letter_report(
    text: str, book: FontBook, family: str, weight: int = 400, italic: bool = False
) -> Letters:
    """What drawing ``text`` in ``family`` at ``weight`` (CSS) leaves out and takes from system
    fonts, per character (as laid out, it is decided per grapheme; see ``FittedText.letters``
    for a layer's exact answer)."""
    face = book.face(family, weight, italic)
    book.find_system_faces(face, text)
    systems = [f for f in book.fallback_chain(face) if f.system]
    missing = ""
    system: dict[str, dict[str, None]] = {}
    for char in book.uncovered_characters(face, text):
        drawn_by = next((f for f in systems if ord(char) in book.coverage(f)), None)
        if drawn_by is None:
            missing += char
        else:
            system.setdefault(drawn_by.family, {})[char] = None
    return Letters(missing, tuple((name, "".join(chars)) for name, chars in system.items()))


def missing_letters(
    text: str, book: FontBook, family: str, weight: int = 400, italic: bool = False
) -> str:
    """The letters of ``text`` that no font (brand, bundled or, when allowed, system) can
    draw in ``family`` at ``weight``: each once, in order."""
    return letter_report(text, book, family, weight, italic).missing
