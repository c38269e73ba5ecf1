"""Text layout and drawing with Pillow: wrapping, fitting a box, font fallback, colour emoji.

:func:`fit_text` decides the font size and the lines; :func:`draw_text` draws them into an
image exactly the size of the box. Everything drawn (glyphs, stroke, shadow, background) stays
inside the text block of ``FittedText.width`` x ``FittedText.height``, placed in the box by
:func:`block_position`; the block never exceeds the box.

Characters the chosen font lacks are drawn with the first font of the fallback chain that has
them; emoji with Noto Color Emoji (drawn at its only bitmap size, 109 px, and scaled); characters
no font has are left out and reported, never drawn as a box (which font draws each character:
:mod:`brandstudio.render.characters`).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from PIL import Image, ImageDraw, ImageFilter, ImageFont, features

from brandstudio.render.characters import (
    assign_fonts,
    collapse_spaces,
    describe_characters,
    graphemes,
    normalise_text,
    split_runs,
)
from brandstudio.render.fonts import DEFAULT_FAMILY, FontBook, FontFace

RGBA = tuple[int, int, int, int]
Rect = tuple[float, float, float, float]
FitMode = Literal["none", "shrink", "fill"]

ELLIPSIS = "…"
EMOJI_STRIKE = 109
"""The only pixel size Noto Color Emoji has bitmaps for."""

CUT_WARNING = "text cut to fit its box"
BROKEN_WARNING = "a word too long for its box was broken across lines"
NOTHING_FITS_WARNING = "the box is too small for any of the text at the smallest size"

_LAYOUT = ImageFont.Layout.RAQM if features.check("raqm") else ImageFont.Layout.BASIC
_CUT_TRAILING = " -/,;:–—"


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


@dataclass(frozen=True)
class FittedText:
    """The outcome of :func:`fit_text`: what :func:`draw_text` draws."""

    size: float
    lines: tuple[str, ...]
    truncated: bool
    width: float
    height: float
    warnings: tuple[str, ...]


# --- fonts ----------------------------------------------------------------------------------


@functools.lru_cache(maxsize=128)
def _font(path: str, size: float) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size, layout_engine=_LAYOUT)


@functools.lru_cache(maxsize=16384)
def _length(path: str, size: float, text: str) -> float:
    return _font(path, size).getlength(text)


@functools.lru_cache(maxsize=16384)
def _bbox(path: str, size: float, text: str, stroke: float) -> Rect:
    """The ink box of ``text`` from the pen on the baseline, ``stroke`` included."""
    x0, y0, x1, y1 = _font(path, size).getbbox(text, anchor="ls", stroke_width=stroke)
    return (float(x0), float(y0), float(x1), float(y1))


@dataclass(frozen=True)
class _Sprite:
    """An emoji drawn at 109 px and scaled: its image, where its top-left lies from the pen
    on the baseline, and the pen advance."""

    image: Image.Image | None
    dx: int
    dy: int
    advance: float


@functools.lru_cache(maxsize=512)
def _emoji_sprite(path: str, cluster: str, size: float) -> _Sprite:
    font = _font(path, EMOJI_STRIKE)
    scale = size / EMOJI_STRIKE
    advance = font.getlength(cluster) * scale
    left, top, right, bottom = (int(v) for v in font.getbbox(cluster, anchor="ls"))
    if right <= left or bottom <= top:
        return _Sprite(None, 0, 0, advance)
    big = Image.new("RGBA", (right - left, bottom - top), (0, 0, 0, 0))
    ImageDraw.Draw(big).text((-left, -top), cluster, font=font, anchor="ls", embedded_color=True)
    ink = big.getchannel("A").getbbox()
    if ink is None:
        return _Sprite(None, 0, 0, advance)
    # Scale so the small image's pixel grid falls on whole pixels from the pen: pad the
    # bitmap so the resampling box never leaves it.
    margin = math.ceil(1 / scale) + 2
    padded = Image.new("RGBA", (ink[2] - ink[0] + 2 * margin, ink[3] - ink[1] + 2 * margin))
    padded.paste(big.crop(ink), (margin, margin))
    origin_x, origin_y = left + ink[0] - margin, top + ink[1] - margin  # at 109 px
    dx = math.floor((left + ink[0]) * scale)
    dy = math.floor((top + ink[1]) * scale)
    width = max(1, math.ceil((left + ink[2]) * scale) - dx)
    height = max(1, math.ceil((top + ink[3]) * scale) - dy)
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
    return _Sprite(small, dx, dy, advance)


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
class _Arranged:
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


class _Shaper:
    """Measures text for one style with one font book; caches per text and size."""

    def __init__(self, style: TextStyle, book: FontBook) -> None:
        self.style = style
        self.book = book
        self.primary = book.face(style.family, style.weight, style.italic)
        if self.primary.emoji:  # an emoji font has no letters: draw text with the default
            self.primary = book.face(DEFAULT_FAMILY, style.weight, style.italic)
        self.chain = book.fallback_chain(self.primary)
        self._runs: dict[str, list[tuple[str, FontFace]]] = {}
        self._pieces: dict[tuple[str, float], tuple[tuple[_Piece, ...], float]] = {}
        self._lines: dict[tuple[str, float], _Line] = {}

    def prepare(self, text: str) -> tuple[str, tuple[str, ...]]:
        """The text that will be laid out, and warnings about fonts."""
        warnings: list[str] = []
        if self.primary.family.casefold() != self.style.family.casefold():
            why = "is for emoji only" if self.book.has_family(self.style.family) else "is missing"
            warnings.append(
                f"the font {self.style.family} {why} (drawn with {self.primary.family})"
            )
        assigned, dropped = assign_fonts(
            normalise_text(text, self.style.uppercase), self.chain, self.book
        )
        prepared = collapse_spaces("".join(cluster for cluster, _ in assigned))
        by_face: dict[FontFace, dict[str, None]] = {}
        for cluster, face in assigned:
            if face != self.primary and not face.emoji:
                for char in self.book.missing_characters(self.primary, cluster):
                    by_face.setdefault(face, {})[char] = None
        for face, chars in by_face.items():
            warnings.append(
                f"the font {self.primary.family} lacks {describe_characters(''.join(chars))} "
                f"(drawn with {face.family})"
            )
        if dropped:
            warnings.append(f"no font has {describe_characters(dropped)}: left out")
        return prepared, tuple(warnings)

    def runs(self, text: str) -> list[tuple[str, FontFace]]:
        found = self._runs.get(text)
        if found is None:
            found = self._runs[text] = split_runs(text, self.chain, self.book)
        return found

    def pieces(self, text: str, size: float) -> tuple[tuple[_Piece, ...], float]:
        """What to draw for one line, and the line's advance width."""
        key = (text, size)
        found = self._pieces.get(key)
        if found is not None:
            return found
        spacing = self.style.letter_spacing * size
        pieces: list[_Piece] = []
        pen = 0.0
        for run, face in self.runs(text):
            if face.emoji:
                for cluster in graphemes(run):
                    if pieces:
                        pen += spacing
                    pieces.append(_Piece(cluster, face, math.floor(pen + 0.5)))
                    pen += _emoji_sprite(str(face.path), cluster, size).advance
                continue
            path = str(face.path)
            for unit in graphemes(run) if spacing else [run]:
                if pieces:
                    pen += spacing
                pieces.append(_Piece(unit, face, math.floor(pen + 0.5)))
                pen += _length(path, size, unit)
        found = self._pieces[key] = (tuple(pieces), max(pen, 0.0))
        return found

    def advance(self, text: str, size: float) -> float:
        return self.pieces(text, size)[1]

    def line(self, text: str, size: float) -> _Line:
        key = (text, size)
        found = self._lines.get(key)
        if found is not None:
            return found
        pieces, advance = self.pieces(text, size)
        stroke = self.style.stroke_width * size
        ascent, descent = (float(v) for v in _font(str(self.primary.path), size).getmetrics())
        ink: Rect | None = None
        for piece in pieces:
            if piece.face.emoji:
                emoji_font = _font(str(piece.face.path), EMOJI_STRIKE)
                scale = size / EMOJI_STRIKE
                up, down = emoji_font.getmetrics()
                ascent, descent = max(ascent, up * scale), max(descent, down * scale)
                sprite = _emoji_sprite(str(piece.face.path), piece.text, size)
                if sprite.image is not None:
                    left, top = piece.x + sprite.dx, sprite.dy
                    right, bottom = left + sprite.image.width, top + sprite.image.height
                    ink = _union(ink, (left - 1, top - 1, right + 1, bottom + 1))
                continue
            path = str(piece.face.path)
            up, down = _font(path, size).getmetrics()
            ascent, descent = max(ascent, up), max(descent, down)
            if piece.text.isspace():
                continue
            x0, y0, x1, y1 = _bbox(path, size, piece.text, stroke)
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

    def arrange(self, texts: Sequence[str], size: float) -> _Arranged:
        style = self.style
        lines = tuple(self.line(text, size) for text in texts)
        if not lines:
            return _Arranged(size, (), (), (0, 0, 0, 0), None, (0, 0))
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
        return _Arranged(size, lines, tuple(origins), rect, background, shadow_offset)


# --- wrapping and fitting -------------------------------------------------------------------


def _tokens(paragraph: str) -> list[str]:
    """Words with what follows them: a space, or a '-' or '/' after which a line may break
    (not before another '-' or '/', so "https://" stays whole)."""
    tokens: list[str] = []
    word = ""
    clusters = graphemes(paragraph)
    for index, cluster in enumerate(clusters):
        word += cluster
        following = clusters[index + 1] if index + 1 < len(clusters) else " "
        if cluster == " " or (
            cluster in {"-", "/"} and len(word) > 1 and following not in {"-", "/", " "}
        ):
            tokens.append(word)
            word = ""
    if word:
        tokens.append(word)
    return tokens


class _Wrapper:
    def __init__(self, shaper: _Shaper, text: str) -> None:
        self.shaper = shaper
        self.paragraphs = [_tokens(paragraph) for paragraph in text.split("\n")] if text else []

    def wrap(
        self, size: float, width: float, break_words: bool
    ) -> tuple[list[str], frozenset[int]]:
        """Lines at ``size`` no wider than ``width`` where words allow, and which lines hold
        part of a word broken between characters."""
        advance = self.shaper.advance
        lines: list[str] = []
        fragments: set[int] = set()
        for tokens in self.paragraphs:
            current = ""
            for token in tokens:
                if current and advance((current + token).rstrip(" "), size) <= width:
                    current += token
                    continue
                if current:
                    lines.append(current.rstrip(" "))
                    current = ""
                if break_words and advance(token.rstrip(" "), size) > width:
                    chunks = self._break(token, size, width)
                    if len(chunks) > 1:
                        fragments.update(range(len(lines), len(lines) + len(chunks)))
                    lines.extend(chunk.rstrip(" ") for chunk in chunks[:-1])
                    current = chunks[-1]
                else:
                    current = token
            lines.append(current.rstrip(" "))
        return lines, frozenset(fragments)

    def _break(self, token: str, size: float, width: float) -> list[str]:
        chunks: list[str] = []
        current = ""
        for cluster in graphemes(token):
            if current and self.shaper.advance((current + cluster).rstrip(" "), size) > width:
                chunks.append(current)
                current = ""
            current += cluster
        chunks.append(current)
        return chunks


def _with_ellipsis(text: str) -> str | None:
    text = text.rstrip(_CUT_TRAILING)
    return text + ELLIPSIS if text else None


def _truncate(
    shaper: _Shaper,
    lines: list[str],
    fragments: frozenset[int],
    size: float,
    box: tuple[int, int],
) -> _Arranged | None:
    """The most of ``lines`` that fits ``box``, cut at a word and ended with "…".

    A line holding part of a broken word (or a first line that is one long word) is cut
    between characters instead.
    """
    count = len(lines)
    while count > 1 and shaper.arrange(lines[:count], size).height > box[1]:
        count -= 1
    for n in range(count, 0, -1):
        head, last = lines[: n - 1], lines[n - 1]
        cut_anywhere = n - 1 in fragments or n == 1
        for units in (_tokens(last), graphemes(last) if cut_anywhere else []):
            at_least = 1 if n == len(lines) else 0
            for keep in range(len(units) - at_least, 0, -1):
                candidate = _with_ellipsis("".join(units[:keep]))
                if candidate is None:
                    continue
                arranged = shaper.arrange([*head, candidate], size)
                if arranged.fits(box):
                    return arranged
    return None


def _fitted(arranged: _Arranged, truncated: bool, warnings: Sequence[str]) -> FittedText:
    return FittedText(
        size=arranged.size,
        lines=tuple(line.text for line in arranged.lines),
        truncated=truncated,
        width=float(arranged.width),
        height=float(arranged.height),
        warnings=tuple(warnings),
    )


def fit_text(
    text: str,
    style: TextStyle,
    box: tuple[int, int],
    size: float,
    min_size: float,
    max_size: float | None,
    mode: FitMode,
    book: FontBook,
) -> FittedText:
    """Choose the font size and lines for ``text`` in a box of ``box`` pixels.

    ``none`` keeps ``size``; ``shrink`` takes the largest size up to ``size`` (down to
    ``min_size``) at which the text fits; ``fill`` the largest size between ``min_size`` and
    ``max_size`` (or ``size``). Lines wrap at spaces and after '-' and '/'; a word longer than
    the line is broken between characters only when it does not fit even at the smallest size.
    When the text does not fit at the smallest size it is cut at a word and ended with "…".
    """
    shaper = _Shaper(style, book)
    prepared, font_warnings = shaper.prepare(text)
    warnings = list(font_warnings)
    if mode == "none":
        low = high = size
    elif mode == "shrink":
        high = size
        low = min(min_size, high)
    else:
        high = max(max_size if max_size is not None else size, min_size)
        low = min_size
    if not prepared:
        return FittedText(high, (), False, 0.0, 0.0, tuple(warnings))
    wrapper = _Wrapper(shaper, prepared)

    def attempt(at: float, break_words: bool = False) -> tuple[_Arranged, frozenset[int]]:
        left, right = shaper.margins(at)
        width = box[0] - left - right
        for _ in range(4):  # the margins are estimates: wrap narrower while ink sticks out
            lines, fragments = wrapper.wrap(at, width, break_words)
            arranged = shaper.arrange(lines, at)
            excess = arranged.width - box[0]
            if excess <= 0 or arranged.height > box[1]:
                break
            width -= excess
        return arranged, fragments

    best, _ = attempt(high)
    if best.fits(box):
        return _fitted(best, False, warnings)
    smallest, _ = attempt(low)
    if smallest.fits(box):
        best = smallest
        good, bad = math.floor(low * 2), math.ceil(high * 2)  # in half pixels
        while bad - good > 1:
            middle = (good + bad) // 2
            if middle / 2 <= low:
                good = middle
                continue
            arranged, _ = attempt(middle / 2)
            if arranged.fits(box):
                good, best = middle, arranged
            else:
                bad = middle
        return _fitted(best, False, warnings)
    broken, fragments = attempt(low, break_words=True)
    if fragments:
        warnings.append(BROKEN_WARNING)
    if broken.fits(box):
        return _fitted(broken, False, warnings)
    cut = _truncate(shaper, [line.text for line in broken.lines], fragments, low, box)
    warnings.append(CUT_WARNING)
    if cut is None:
        warnings.append(NOTHING_FITS_WARNING)
        return FittedText(low, (), True, 0.0, 0.0, tuple(warnings))
    return _fitted(cut, True, warnings)


def prepare_text(text: str, style: TextStyle, book: FontBook) -> str:
    """The text :func:`fit_text` lays out: normalised (see :func:`normalise_text`) and without
    the characters no font has."""
    return _Shaper(style, book).prepare(text)[0]


# --- drawing --------------------------------------------------------------------------------


def block_position(fitted: FittedText, style: TextStyle, box: tuple[int, int]) -> tuple[int, int]:
    """Where the text block's top-left corner lies in the box."""
    return _place(int(fitted.width), int(fitted.height), style, box)


def _place(width: int, height: int, style: TextStyle, box: tuple[int, int]) -> tuple[int, int]:
    slack_x, slack_y = box[0] - width, box[1] - height
    x = {"left": 0, "center": slack_x // 2, "right": slack_x}[style.align]
    y = {"top": 0, "middle": slack_y // 2, "bottom": slack_y}[style.valign]
    return x, y


def _paste(target: Image.Image, source: Image.Image, x: int, y: int) -> None:
    """Alpha-composite ``source`` onto ``target`` at (x, y), clipped to ``target``."""
    left, top = max(x, 0), max(y, 0)
    right = min(x + source.width, target.width)
    bottom = min(y + source.height, target.height)
    if right <= left or bottom <= top:
        return
    clipped = source.crop((left - x, top - y, right - x, bottom - y))
    target.alpha_composite(clipped, (left, top))


def _coloured(color: RGBA, mask: Image.Image) -> Image.Image:
    """A layer of ``color`` wherever ``mask`` (mode L) is set."""
    red, green, blue, alpha = color
    layer = Image.new("RGBA", mask.size, (red, green, blue, 0))
    if alpha != 255:
        mask = mask.point([(value * alpha + 127) // 255 for value in range(256)])
    layer.putalpha(mask)
    return layer


def _rounded(width: int, height: int, radius: float) -> Image.Image:
    """An antialiased rounded-rectangle mask (drawn at 4x and reduced)."""
    radius = min(radius, width / 2, height / 2)
    if radius < 0.5:
        return Image.new("L", (width, height), 255)
    big = Image.new("L", (width * 4, height * 4), 0)
    ImageDraw.Draw(big).rounded_rectangle(
        (0, 0, width * 4 - 1, height * 4 - 1), radius=radius * 4, fill=255
    )
    return big.reduce(4)


def _render(arranged: _Arranged, style: TextStyle) -> Image.Image:
    """The block's pixels, ``arranged.width`` x ``arranged.height``."""
    size = arranged.size
    width, height = arranged.width, arranged.height
    shift_x, shift_y = -arranged.rect[0], -arranged.rect[1]
    canvas = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    if style.background is not None and arranged.background is not None:
        color, _, radius = style.background
        x0, y0, x1, y1 = arranged.background
        left, top = math.floor(x0) + shift_x, math.floor(y0) + shift_y
        right, bottom = math.ceil(x1) + shift_x, math.ceil(y1) + shift_y
        mask = _rounded(right - left, bottom - top, radius * size)
        _paste(canvas, _coloured(color, mask), left, top)

    stroke = style.stroke_width * size
    fill = Image.new("L", (width, height), 0)
    outline = Image.new("L", (width, height), 0) if stroke > 0 else None
    emoji = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw_fill = ImageDraw.Draw(fill)
    draw_outline = ImageDraw.Draw(outline) if outline is not None else None
    for line, (line_x, baseline) in zip(arranged.lines, arranged.origins, strict=True):
        for piece in line.pieces:
            x, y = shift_x + line_x + piece.x, shift_y + baseline
            path = str(piece.face.path)
            if piece.face.emoji:
                sprite = _emoji_sprite(path, piece.text, size)
                if sprite.image is not None:
                    _paste(emoji, sprite.image, x + sprite.dx, y + sprite.dy)
                continue
            if piece.text.isspace():
                continue
            font = _font(path, size)
            draw_fill.text((x, y), piece.text, font=font, fill=255, anchor="ls")
            if draw_outline is not None:
                draw_outline.text(
                    (x, y),
                    piece.text,
                    font=font,
                    fill=255,
                    anchor="ls",
                    stroke_width=stroke,
                    stroke_fill=255,
                )
    text_layer = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    if outline is not None:
        text_layer.alpha_composite(_coloured(style.stroke_color, outline))
    text_layer.alpha_composite(_coloured(style.color, fill))
    text_layer.alpha_composite(emoji)

    if style.shadow is not None and style.shadow[3][3] > 0:
        _, _, blur, color = style.shadow
        shadow = Image.new("L", (width, height), 0)
        shadow.paste(text_layer.getchannel("A"), arranged.shadow_offset)
        if blur * size > 0:
            shadow = shadow.filter(ImageFilter.GaussianBlur(blur * size))
        canvas.alpha_composite(_coloured(color, shadow))
    canvas.alpha_composite(text_layer)
    return canvas


def draw_text(
    fitted: FittedText, style: TextStyle, box: tuple[int, int], book: FontBook
) -> Image.Image:
    """``fitted`` drawn in an RGBA image of exactly ``box``, transparent but for the text, its
    stroke, shadow and background, all inside the block at :func:`block_position`."""
    image = Image.new("RGBA", box, (0, 0, 0, 0))
    if not fitted.lines:
        return image
    arranged = _Shaper(style, book).arrange(fitted.lines, fitted.size)
    x, y = _place(arranged.width, arranged.height, style, box)
    _paste(image, _render(arranged, style), x, y)
    return image
