"""Measuring text with Pillow for one style: fonts at a size, which font draws each run,
colour emoji scaled from their only bitmap size, lines and the block they make.

Split from :mod:`brandstudio.render.text` (fitting a box and drawing); where lines break is
:mod:`brandstudio.render.wrapping`. Lengths are in pixels at the size asked.
"""

from __future__ import annotations

import functools
import math
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from PIL import Image, ImageDraw, ImageFont, features

from brandstudio.render.characters import (
    FontChoice,
    collapse_spaces,
    describe_characters,
    graphemes,
    normalise_text,
)
from brandstudio.render.fonts import DEFAULT_FAMILY, FontBook, FontFace, Letters

SOFT_HYPHEN = "\u00ad"
"""Kept in the prepared text as a break opportunity; never drawn (see ``text_of`` in
:mod:`brandstudio.render.wrapping`)."""

_LOOSE_SOFT_HYPHENS = re.compile(r"(?<![^\s\u00ad])\u00ad|\u00ad(?!\S)")
"""Soft hyphens that break no word: at either end of one (or of the text), or doubled."""

RGBA = tuple[int, int, int, int]
Rect = tuple[float, float, float, float]

EMOJI_STRIKE = 109
"""The only pixel size Noto Color Emoji has bitmaps for."""


def missing_warning(letters: str) -> str:
    """'no font has ‹𝑥› (U+1D465), ...' for letters no font can draw."""
    shown = ", ".join(f"‹{char}› (U+{ord(char):04X})" for char in letters)
    return f"no font has {shown}"


_LAYOUT = ImageFont.Layout.RAQM if features.check("raqm") else ImageFont.Layout.BASIC


@dataclass(frozen=True)
class TextStyle:
    """How text looks. Lengths in ems are multiples of the font size as drawn."""

    family: str
    weight: int
    italic: bool
    color: RGBA
    align: Literal["left", "center", "right"]
    valign: Literal["top", "middle", "bottom"]
    line_height: float
    """Distance between baselines, in multiples of the font size."""
    letter_spacing: float
    """Extra space between characters, in ems."""
    uppercase: bool
    stroke_width: float = 0.0
    """In ems."""
    stroke_color: RGBA = (0, 0, 0, 255)
    shadow: tuple[float, float, float, RGBA] | None = None
    """dx, dy, blur radius (ems) and colour."""
    background: tuple[RGBA, float, float] | None = None
    """Colour, padding and corner radius (ems) of a box behind the text block."""


# --- fonts ----------------------------------------------------------------------------------


@functools.lru_cache(maxsize=128)
def load_font(path: str, size: float) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size, layout_engine=_LAYOUT)


@functools.lru_cache(maxsize=16384)
def text_length(path: str, size: float, text: str) -> float:
    return load_font(path, size).getlength(text)


@functools.lru_cache(maxsize=16384)
def ink_bbox(path: str, size: float, text: str, stroke: float) -> Rect:
    """The ink box of ``text`` from the pen on the baseline, ``stroke`` included."""
    x0, y0, x1, y1 = load_font(path, size).getbbox(text, anchor="ls", stroke_width=stroke)
    return (float(x0), float(y0), float(x1), float(y1))


SPACED_FEATURES = ["-liga", "-clig"]
"""OpenType features off in letter-spaced text: it is drawn a grapheme at a time, so a
ligature could not be drawn, and must not be measured either."""


@functools.lru_cache(maxsize=16384)
def pair_kerning(path: str, size: float, first: str, second: str) -> float:
    """How much closer (negative) or further apart two graphemes are set side by side than
    each alone: the font's kerning between them, at ``size`` px, ligatures off."""
    font = load_font(path, size)
    if _LAYOUT != ImageFont.Layout.RAQM:
        return (
            font.getlength(first + second)
            - text_length(path, size, first)
            - (text_length(path, size, second))
        )
    pair = font.getlength(first + second, features=SPACED_FEATURES)
    return pair - text_length(path, size, first) - text_length(path, size, second)


_QUICK_SIZE = 100.0
"""The size quick advances are measured at, then scaled, in pixels (one font for all sizes:
setting up a font at a new size costs more than the measure)."""


@functools.lru_cache(maxsize=8192)
def _quick_length(path: str, cluster: str) -> float:
    """The advance of one grapheme at ``_QUICK_SIZE``, unshaped."""
    return _quick_font(path).getlength(cluster)


@functools.lru_cache(maxsize=32)
def _quick_font(path: str) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, _QUICK_SIZE, layout_engine=ImageFont.Layout.BASIC)


@dataclass(frozen=True)
class Sprite:
    """An emoji drawn at 109 px and scaled: its image, where its top-left lies from the pen
    on the baseline, and the pen advance."""

    image: Image.Image | None
    dx: int
    dy: int
    advance: float


@dataclass(frozen=True)
class _EmojiInk:
    """An emoji at 109 px: its advance and its ink box from the pen on the baseline."""

    advance: float
    ink: tuple[int, int, int, int] | None


def _emoji_strike(path: str, cluster: str) -> tuple[Image.Image, tuple[int, int, int, int]] | None:
    """The emoji drawn at 109 px, cropped to its ink, and that ink box from the pen."""
    font = load_font(path, EMOJI_STRIKE)
    left, top, right, bottom = (int(v) for v in font.getbbox(cluster, anchor="ls"))
    if right <= left or bottom <= top:
        return None
    big = Image.new("RGBA", (right - left, bottom - top), (0, 0, 0, 0))
    ImageDraw.Draw(big).text((-left, -top), cluster, font=font, anchor="ls", embedded_color=True)
    ink = big.getchannel("A").getbbox()
    if ink is None:
        return None
    return big.crop(ink), (left + ink[0], top + ink[1], left + ink[2], top + ink[3])


@functools.lru_cache(maxsize=4096)
def _emoji_ink(path: str, cluster: str) -> _EmojiInk:
    """What laying out an emoji needs, at any size, without scaling its bitmap."""
    strike = _emoji_strike(path, cluster)
    advance = load_font(path, EMOJI_STRIKE).getlength(cluster)
    return _EmojiInk(advance, None if strike is None else strike[1])


def _emoji_advance(path: str, cluster: str, size: float) -> float:
    return _emoji_ink(path, cluster).advance * (size / EMOJI_STRIKE)


def _emoji_box(path: str, cluster: str, size: float) -> tuple[int, int, int, int] | None:
    """Where the scaled emoji's image lies from the pen on the baseline: dx, dy, width, height
    (the pixel grid of the scaled image falls on whole pixels from the pen)."""
    ink = _emoji_ink(path, cluster).ink
    if ink is None:
        return None
    scale = size / EMOJI_STRIKE
    dx = math.floor(ink[0] * scale)
    dy = math.floor(ink[1] * scale)
    width = max(1, math.ceil(ink[2] * scale) - dx)
    height = max(1, math.ceil(ink[3] * scale) - dy)
    return dx, dy, width, height


@functools.lru_cache(maxsize=512)
def emoji_sprite(path: str, cluster: str, size: float) -> Sprite:
    advance = _emoji_advance(path, cluster, size)
    strike = _emoji_strike(path, cluster)
    placed = _emoji_box(path, cluster, size)
    if strike is None or placed is None:
        return Sprite(None, 0, 0, advance)
    crop, (left, top, _, _) = strike
    scale = size / EMOJI_STRIKE
    dx, dy, width, height = placed
    # Pad the bitmap so the resampling box never leaves it.
    margin = math.ceil(1 / scale) + 2
    padded = Image.new("RGBA", (crop.width + 2 * margin, crop.height + 2 * margin))
    padded.paste(crop, (margin, margin))
    origin_x, origin_y = left - margin, top - margin  # at 109 px
    small = padded.resize(
        (width, height),
        Image.Resampling.LANCZOS,
        box=(
            dx / scale - origin_x,
            dy / scale - origin_y,
            (dx + width) / scale - origin_x,
            (dy + height) / scale - origin_y,
        ),
    )
    return Sprite(small, dx, dy, advance)


# --- measuring ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Piece:
    """Text drawn in one call: a run (no letter spacing) or one grapheme."""

    text: str
    face: FontFace
    x: int  # from the line's start, on its baseline


@dataclass(frozen=True)
class _Line:
    text: str
    pieces: tuple[_Piece, ...]
    advance: float
    ascent: float
    descent: float
    ink: Rect | None  # from (line start, baseline), stroke included


@dataclass(frozen=True)
class Arranged:
    """Lines placed in a block; coordinates relative to the first line's start."""

    size: float
    lines: tuple[_Line, ...]
    origins: tuple[tuple[int, int], ...]  # each line's start on its baseline
    rect: tuple[int, int, int, int]  # the whole block
    background: Rect | None
    shadow_offset: tuple[int, int]

    @property
    def width(self) -> int:
        return self.rect[2] - self.rect[0]

    @property
    def height(self) -> int:
        return self.rect[3] - self.rect[1]

    def fits(self, box: tuple[int, int]) -> bool:
        return self.width <= box[0] and self.height <= box[1]


def _union(a: Rect | None, b: Rect | None) -> Rect | None:
    if a is None:
        return b
    if b is None:
        return a
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _grow(rect: Rect, by: float) -> Rect:
    return (rect[0] - by, rect[1] - by, rect[2] + by, rect[3] + by)


def _blur_spread(radius: float) -> int:
    """How far Pillow's GaussianBlur(radius) spreads ink (measured: about 2.55 x radius)."""
    return math.ceil(2.6 * radius) + 2 if radius > 0 else 0


class Shaper:
    """Measures text for one style with one font book; caches per text and size."""

    def __init__(self, style: TextStyle, book: FontBook) -> None:
        self.style = style
        self.book = book
        self.primary = book.face(style.family, style.weight, style.italic)
        if self.primary.emoji:  # an emoji font has no letters: draw text with the default
            self.primary = book.face(DEFAULT_FAMILY, style.weight, style.italic)
        self.chain = book.fallback_chain(self.primary)
        self.fonts = FontChoice(self.chain, book)
        self._runs: dict[str, list[tuple[str, FontFace]]] = {}
        self._pieces: dict[tuple[str, float], tuple[tuple[_Piece, ...], float]] = {}
        self._advances: dict[tuple[str, float], float] = {}
        self._estimates: dict[float, dict[str, float]] = {}
        self.corrections: dict[float, float] = {}
        """Exact / quick advance of the last line measured, by size."""
        self._lines: dict[tuple[str, float], _Line] = {}
        self.letters = Letters()
        """What the fonts could not draw as asked, known after :meth:`prepare`."""

    def prepare(self, text: str) -> tuple[str, tuple[str, ...]]:
        """The text that will be laid out, and warnings about fonts."""
        warnings: list[str] = []
        if self.primary.family.casefold() != self.style.family.casefold():
            why = "is for emoji only" if self.book.has_family(self.style.family) else "is missing"
            warnings.append(
                f"the font {self.style.family} {why} (drawn with {self.primary.family})"
            )
        normalised = normalise_text(text, self.style.uppercase)
        if self.book.find_system_faces(self.primary, normalised):
            self.chain = self.book.fallback_chain(self.primary)
            self.fonts = FontChoice(self.chain, self.book)
        assigned, dropped = self.fonts.assign(normalised)
        prepared = collapse_spaces(self._kept(normalised, assigned))
        by_face: dict[FontFace, dict[str, None]] = {}
        for cluster, face in assigned:
            if face != self.primary and not face.emoji:
                for char in self.book.missing_characters(self.primary, cluster):
                    by_face.setdefault(face, {})[char] = None
        for face, chars in by_face.items():
            if not face.system:
                warnings.append(
                    f"the font {self.primary.family} lacks {describe_characters(''.join(chars))}"
                    f" (drawn with {face.family})"
                )
        self.letters = Letters(
            dropped,
            tuple((face.family, "".join(chars)) for face, chars in by_face.items() if face.system),
        )
        system_warning = self.letters.system_warning()
        if system_warning is not None:
            warnings.append(system_warning)
        if dropped:
            warnings.append(f"{missing_warning(dropped)}: left out")
        return prepared, tuple(warnings)

    def _kept(self, text: str, assigned: list[tuple[str, FontFace]]) -> str:
        """The graphemes of ``text`` that are drawn (as drawn), and its soft hyphens: no font
        draws those, but the layout breaks lines at them."""
        if SOFT_HYPHEN not in text:
            return "".join(cluster for cluster, _ in assigned)
        kept: list[str] = []
        for cluster in graphemes(text):
            drawn = self.fonts.cluster(cluster)[0]
            if cluster == SOFT_HYPHEN or drawn is not None:
                kept.append(cluster if drawn is None else drawn[0])
        return _LOOSE_SOFT_HYPHENS.sub("", "".join(kept))

    def runs(self, text: str) -> list[tuple[str, FontFace]]:
        found = self._runs.get(text)
        if found is None:
            found = self._runs[text] = self.fonts.runs(text)
        return found

    def know_runs(self, text: str, runs: list[tuple[str, FontFace]]) -> None:
        """Tell the shaper the runs of ``text`` (cut from its paragraph's, which are the same)."""
        self._runs.setdefault(text, runs)

    def face_of(self, cluster: str) -> FontFace | None:
        """The font that draws one grapheme as it is; None when fonts change it."""
        drawn = self.fonts.cluster(cluster)[0]
        return drawn[1] if drawn is not None and drawn[0] == cluster else None

    def estimates(self, size: float) -> dict[str, float]:
        """Quick advances of graphemes at ``size``, letter spacing included, as worked out."""
        return self._estimates.setdefault(size, {})

    def estimate(self, cluster: str, size: float) -> float:
        """About the advance of one grapheme (unshaped, unhinted; exact for emoji): where
        to start measuring lines exactly."""
        drawn = self.fonts.cluster(cluster)[0]
        if drawn is None:
            return 0.0
        if drawn[1].emoji:
            return _emoji_advance(str(drawn[1].path), drawn[0], size)
        return _quick_length(str(drawn[1].path), drawn[0]) * (size / _QUICK_SIZE)

    @staticmethod
    def unit_advance(unit: str, face: FontFace, size: float) -> float:
        """The advance of text drawn in one call (a run, or one grapheme) with ``face``."""
        if face.emoji:
            return _emoji_advance(str(face.path), unit, size)
        return text_length(str(face.path), size, unit)

    def _units(self, text: str, size: float) -> Iterator[tuple[str, FontFace, float]]:
        """What one line is drawn in: runs, or graphemes when letters are spaced (emoji
        always one by one); with the advance of each. A spaced grapheme's advance keeps the
        font's kerning with the next one of its run (as the run shaped whole would place
        them); the spacing is added after each."""
        spaced = self.style.letter_spacing * size != 0
        for run, face in self.runs(text):
            if face.emoji or not spaced:
                for unit in graphemes(run) if face.emoji else [run]:
                    yield unit, face, self.unit_advance(unit, face, size)
                continue
            path = str(face.path)
            clusters = graphemes(run)
            for index, unit in enumerate(clusters):
                advance = text_length(path, size, unit)
                if index + 1 < len(clusters):
                    advance += pair_kerning(path, size, unit, clusters[index + 1])
                yield unit, face, advance

    def pieces(self, text: str, size: float) -> tuple[tuple[_Piece, ...], float]:
        """What to draw for one line, and the line's advance width."""
        key = (text, size)
        found = self._pieces.get(key)
        if found is not None:
            return found
        spacing = self.style.letter_spacing * size
        pieces: list[_Piece] = []
        pen = 0.0
        for unit, face, advance in self._units(text, size):
            if pieces:
                pen += spacing
            pieces.append(_Piece(unit, face, math.floor(pen + 0.5)))
            pen += advance
        found = self._pieces[key] = (tuple(pieces), max(pen, 0.0))
        return found

    def advance(self, text: str, size: float) -> float:
        """The advance width of one line: ``pieces(text, size)[1]``, the same sums in the same
        order, without making the pieces."""
        key = (text, size)
        found = self._advances.get(key)
        if found is None:
            drawn = self._pieces.get(key)
            if drawn is not None:
                return drawn[1]
            spacing = self.style.letter_spacing * size
            pen = 0.0
            first = True
            for _, _, advance in self._units(text, size):
                if not first:
                    pen += spacing
                first = False
                pen += advance
            found = self._advances[key] = max(pen, 0.0)
        return found

    def line_limit(self, size: float, height: float) -> int:
        """A number of lines that cannot fit ``height`` at ``size``: at least 2.

        The first k lines of a block are at least ascent + descent - 1 + (k - 1) x line
        height tall (baselines are rounded, each line at least as tall as the primary
        font's), so no layout needs more lines than this to know that its text is cut.
        """
        step = self.style.line_height * size
        if step <= 0:
            return sys.maxsize
        ascent, descent = load_font(str(self.primary.path), size).getmetrics()
        return max(2, math.floor((height - ascent - descent + 1) / step) + 3)

    def line(self, text: str, size: float) -> _Line:
        key = (text, size)
        found = self._lines.get(key)
        if found is not None:
            return found
        pieces, advance = self.pieces(text, size)
        stroke = self.style.stroke_width * size
        ascent, descent = (float(v) for v in load_font(str(self.primary.path), size).getmetrics())
        ink: Rect | None = None
        for piece in pieces:
            if piece.face.emoji:
                emoji_font = load_font(str(piece.face.path), EMOJI_STRIKE)
                scale = size / EMOJI_STRIKE
                up, down = emoji_font.getmetrics()
                ascent, descent = max(ascent, up * scale), max(descent, down * scale)
                placed = _emoji_box(str(piece.face.path), piece.text, size)
                if placed is not None:
                    left, top = piece.x + placed[0], placed[1]
                    right, bottom = left + placed[2], top + placed[3]
                    ink = _union(ink, (left - 1, top - 1, right + 1, bottom + 1))
                continue
            path = str(piece.face.path)
            up, down = load_font(path, size).getmetrics()
            ascent, descent = max(ascent, up), max(descent, down)
            if piece.text.isspace():
                continue
            x0, y0, x1, y1 = ink_bbox(path, size, piece.text, stroke)
            if x1 > x0 and y1 > y0:  # measured at whole pixels: allow one for antialiasing
                ink = _union(ink, (piece.x + x0 - 1, y0 - 1, piece.x + x1 + 1, y1 + 1))
        found = self._lines[key] = _Line(text, pieces, advance, ascent, descent, ink)
        return found

    def margins(self, size: float) -> tuple[float, float]:
        """Room taken left and right of the lines by stroke, background and shadow."""
        stroke = self.style.stroke_width * size + 2  # ink may pass the advance a little
        left = right = stroke
        if self.style.background is not None:
            pad = self.style.background[1] * size
            left, right = left + pad, right + pad
        if self.style.shadow is not None:
            dx, _, blur, _ = self.style.shadow
            spread = _blur_spread(blur * size)
            offset = math.floor(dx * size + 0.5)
            left = max(left, stroke + spread - offset)
            right = max(right, stroke + spread + offset)
        return left, right

    def arrange(self, texts: Sequence[str], size: float) -> Arranged:
        style = self.style
        lines = tuple(self.line(text, size) for text in texts)
        if not lines:
            return Arranged(size, (), (), (0, 0, 0, 0), None, (0, 0))
        widest = max(line.advance for line in lines)
        origins: list[tuple[int, int]] = []
        metric: Rect | None = None
        ink: Rect | None = None
        for index, line in enumerate(lines):
            slack = widest - line.advance
            x = {"left": 0.0, "center": slack / 2, "right": slack}[style.align]
            left = math.floor(x + 0.5)
            baseline = math.floor(lines[0].ascent + index * style.line_height * size + 0.5)
            origins.append((left, baseline))
            metric = _union(metric, (0.0, baseline - line.ascent, widest, baseline + line.descent))
            if line.ink is not None:
                x0, y0, x1, y1 = line.ink
                ink = _union(ink, (left + x0, baseline + y0, left + x1, baseline + y1))
        text_rect = _union(metric, ink)
        assert text_rect is not None
        block = text_rect
        background: Rect | None = None
        if style.background is not None:
            background = _grow(text_rect, style.background[1] * size)
            block = _union(block, background) or block
        shadow_offset = (0, 0)
        if style.shadow is not None and ink is not None and style.shadow[3][3] > 0:
            dx, dy, blur, _ = style.shadow
            shadow_offset = (math.floor(dx * size + 0.5), math.floor(dy * size + 0.5))
            shadow = _grow(
                (
                    ink[0] + shadow_offset[0],
                    ink[1] + shadow_offset[1],
                    ink[2] + shadow_offset[0],
                    ink[3] + shadow_offset[1],
                ),
                _blur_spread(blur * size),
            )
            block = _union(block, shadow) or block
        rect = (
            math.floor(block[0]),
            math.floor(block[1]),
            math.ceil(block[2]),
            math.ceil(block[3]),
        )
        return Arranged(size, lines, tuple(origins), rect, background, shadow_offset)
