"""Text layout and drawing with Pillow: wrapping, fitting a box, font fallback, colour emoji.

:func:`fit_text` decides the font size and the lines; :func:`draw_text` draws them into an
image exactly the size of the box. Everything drawn (glyphs, stroke, shadow, background) stays
inside the text block of ``FittedText.width`` x ``FittedText.height``, placed in the box by
:func:`block_position`; the block never exceeds the box.

Characters the chosen font lacks are drawn with the first font of the fallback chain that has
them; emoji with Noto Color Emoji (drawn at its only bitmap size, 109 px, and scaled); characters
no font has are left out and reported, never drawn as a box (which font draws each character:
:mod:`brandstudio.render.characters`; measuring: :mod:`brandstudio.render.shaping`; where lines
break and where a long text is cut: :mod:`brandstudio.render.wrapping`).
"""

from __future__ import annotations

import dataclasses
import math
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from brandstudio.render.fonts import FontBook, Letters
from brandstudio.render.linebreak import refine_lines
from brandstudio.render.shaping import (
    RGBA,
    Arranged,
    Shaper,
    Sprite,
    TextStyle,
    emoji_sprite,
    load_font,
)
from brandstudio.render.wrapping import ELLIPSIS, GREEDY, BreakRules, Wrapper, truncate

if TYPE_CHECKING:
    from PIL._imaging import ImagingCore

__all__ = [
    "BROKEN_WARNING",
    "CUT_WARNING",
    "ELLIPSIS",
    "GREEDY",
    "NOTHING_FITS_WARNING",
    "BreakRules",
    "FitMode",
    "FittedText",
    "TextStyle",
    "block_position",
    "draw_text",
    "draw_text_and_glyphs",
    "fit_text",
    "prepare_text",
]

FitMode = Literal["none", "shrink", "fill"]

CUT_WARNING = "text cut to fit its box"
BROKEN_WARNING = "a word too long for its box was broken across lines"
NOTHING_FITS_WARNING = "the box is too small for any of the text at the smallest size"


@dataclass(frozen=True)
class FittedText:
    """The outcome of :func:`fit_text`: what :func:`draw_text` draws."""

    size: float
    lines: tuple[str, ...]
    truncated: bool
    width: float
    height: float
    warnings: tuple[str, ...]
    letters: Letters = field(default_factory=Letters)
    """Letters no font has (left out) and letters drawn with system fonts."""


# --- fitting ---------------------------------------------------------------------------------


def _fitted(arranged: Arranged, truncated: bool, warnings: Sequence[str]) -> FittedText:
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
    rules: BreakRules = GREEDY,
) -> FittedText:
    """Choose the font size and lines for ``text`` in a box of ``box`` pixels.

    ``none`` keeps ``size``; ``shrink`` takes the largest size up to ``size`` (down to
    ``min_size``) at which the text fits; ``fill`` the largest size between ``min_size`` and
    ``max_size`` (or ``size``). Lines wrap at spaces and after '-' and '/'; a word longer than
    the line is broken between characters only when it does not fit even at the smallest size.
    When the text does not fit at the smallest size it is cut at a word and ended with "…".

    The cost follows what can be drawn, not the length of ``text``: at each size tried (a
    bisection in half pixels, about a dozen sizes) lines are made only until they cannot fit
    the box, each measured a few times at most.

    ``rules`` may allow more breaks (hyphens; with typography, at no-break spaces before
    between characters); the size is chosen with greedy lines, and then, with typography,
    the lines at that size are balanced or kept from ending with an orphan
    (:mod:`brandstudio.render.linebreak`): as many lines, none wider.
    """
    shaper = Shaper(style, book)
    fitted = _fit(shaper, text, box, size, min_size, max_size, mode, rules)
    return dataclasses.replace(fitted, letters=shaper.letters)


def _fit(
    shaper: Shaper,
    text: str,
    box: tuple[int, int],
    size: float,
    min_size: float,
    max_size: float | None,
    mode: FitMode,
    rules: BreakRules,
) -> FittedText:
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
    wrapper = Wrapper(shaper, prepared, rules)
    widths: dict[float, float] = {}  # the line width each size's lines were made for

    def refined(arranged: Arranged) -> FittedText:
        """``arranged`` with its lines balanced or without an orphan, when that fits."""
        better = None
        if rules.typography and arranged.size in widths:
            better = refine_lines(wrapper, arranged.size, widths[arranged.size])
        if better is not None and better != [line.text for line in arranged.lines]:
            candidate = shaper.arrange(better, arranged.size)
            if candidate.fits(box):
                arranged = candidate
        return _fitted(arranged, False, warnings)

    def attempt(
        at: float, break_words: bool = False
    ) -> tuple[Arranged | None, list[str], frozenset[int]]:
        """The lines at size ``at``, and their block when it fits the box (else None)."""
        left, right = shaper.margins(at)
        width = box[0] - left - right
        limit = shaper.line_limit(at, box[1])  # this many lines cannot fit the box
        for _ in range(4):  # the margins are estimates: wrap narrower while ink sticks out
            lines, fragments = wrapper.wrap(at, width, break_words, limit)
            if len(lines) >= limit:
                return None, lines, fragments
            arranged = shaper.arrange(lines, at)
            widths[at] = width
            excess = arranged.width - box[0]
            if excess <= 0 or arranged.height > box[1]:
                break
            width -= excess
        return (arranged if arranged.fits(box) else None), lines, fragments

    best = attempt(high)[0]
    if best is not None:
        return refined(best)
    smallest = attempt(low)[0] if low != high else None  # the same attempt as at high
    if smallest is not None:
        best = smallest
        good, bad = math.floor(low * 2), math.ceil(high * 2)  # in half pixels
        while bad - good > 1:
            middle = (good + bad) // 2
            if middle / 2 <= low:
                good = middle
                continue
            arranged = attempt(middle / 2)[0]
            if arranged is not None:
                good, best = middle, arranged
            else:
                bad = middle
        return refined(best)
    broken, lines, fragments = attempt(low, break_words=True)
    if broken is not None:
        if fragments:
            warnings.append(BROKEN_WARNING)
        return _fitted(broken, False, warnings)
    cut = truncate(shaper, lines, fragments, low, box)
    if cut is not None and not fragments.isdisjoint(range(len(cut.lines))):
        warnings.append(BROKEN_WARNING)  # about the lines shown, not the text cut off
    warnings.append(CUT_WARNING)
    if cut is None:
        warnings.append(NOTHING_FITS_WARNING)
        return FittedText(low, (), True, 0.0, 0.0, tuple(warnings))
    return _fitted(cut, True, warnings)


def prepare_text(text: str, style: TextStyle, book: FontBook) -> str:
    """The text :func:`fit_text` lays out: normalised (see :func:`normalise_text`) and without
    the characters no font has."""
    return Shaper(style, book).prepare(text)[0]


# --- drawing --------------------------------------------------------------------------------


def block_position(fitted: FittedText, style: TextStyle, box: tuple[int, int]) -> tuple[int, int]:
    """Where the text block's top-left corner lies in the box."""
    return _place(int(fitted.width), int(fitted.height), style, box)


def _place(width: int, height: int, style: TextStyle, box: tuple[int, int]) -> tuple[int, int]:
    slack_x, slack_y = box[0] - width, box[1] - height
    x = {"left": 0, "center": slack_x // 2, "right": slack_x}[style.align]
    y = {"top": 0, "middle": slack_y // 2, "bottom": slack_y}[style.valign]
    return x, y


def _clipped(
    target: Image.Image, source: Image.Image, x: int, y: int
) -> tuple[Image.Image, tuple[int, int]] | None:
    """The part of ``source`` that lands on ``target`` when placed at (x, y), and where it
    lands; None when nothing does."""
    left, top = max(x, 0), max(y, 0)
    right = min(x + source.width, target.width)
    bottom = min(y + source.height, target.height)
    if right <= left or bottom <= top:
        return None
    return source.crop((left - x, top - y, right - x, bottom - y)), (left, top)


def _paste(target: Image.Image, source: Image.Image, x: int, y: int) -> None:
    """Alpha-composite ``source`` onto ``target`` at (x, y), clipped to ``target``."""
    clipped = _clipped(target, source, x, y)
    if clipped is not None:
        target.alpha_composite(*clipped)


def _scaled_alpha(mask: Image.Image, alpha: int) -> Image.Image:
    """``mask`` (mode L) with every level scaled by ``alpha`` / 255 (rounded)."""
    if alpha == 255:
        return mask
    return mask.point([(value * alpha + 127) // 255 for value in range(256)])


def _coloured(color: RGBA, mask: Image.Image) -> Image.Image:
    """A layer of ``color`` wherever ``mask`` (mode L) is set."""
    red, green, blue, alpha = color
    layer = Image.new("RGBA", mask.size, (red, green, blue, 0))
    layer.putalpha(_scaled_alpha(mask, alpha))
    return layer


def _coloured_alone(color: RGBA, mask: Image.Image) -> Image.Image:
    """What compositing ``_coloured(color, mask)`` over a transparent image gives, made
    directly: the colour where the layer shows, (0, 0, 0, 0) where it does not."""
    red, green, blue, alpha = color
    shown = _scaled_alpha(mask, alpha)
    bands = [shown.point([0] + [level] * 255) for level in (red, green, blue)]
    return Image.merge("RGBA", (*bands, shown))


def _laid(block: Image.Image | None, color: RGBA, mask: Image.Image) -> Image.Image:
    """``color`` where ``mask`` is set, over ``block`` (None: nothing drawn yet)."""
    if block is None:
        return _coloured_alone(color, mask)  # over nothing: made directly, exact
    block.alpha_composite(_coloured(color, mask))
    return block


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


_MASKS: OrderedDict[tuple[str, float, str, float], tuple[ImagingCore, tuple[int, int]]] = (
    OrderedDict()
)
MAX_MASKS = 512
"""Rendered runs of text kept for later blocks (a batch's rows share most of their lines)."""


def _glyph_mask(
    path: str, size: float, text: str, stroke: float
) -> tuple[ImagingCore, tuple[int, int]]:
    """``text`` rendered by the font file at ``path`` at ``size`` px: the very call
    ImageDraw.text makes for "L" images (fill 255, anchor "ls", whole-pixel start), kept for
    the last MAX_MASKS runs (the bitmaps are only ever read)."""
    key = (path, size, text, stroke)
    found = _MASKS.get(key)
    if found is None:
        font = load_font(path, size)
        found = _MASKS[key] = font.getmask2(
            text, "L", None, None, None, stroke, "ls", 255, (0.0, 0.0), stroke_filled=True
        )
        while len(_MASKS) > MAX_MASKS:
            _MASKS.popitem(last=False)
    else:
        _MASKS.move_to_end(key)
    return found


class _Glyphs:
    """What one block is drawn with, each distinct text rendered once (a letter-spaced line
    is drawn one grapheme at a time, and rendering costs far more than placing the result).

    Text is drawn as ``ImageDraw.text(xy, text, fill=255, anchor="ls", stroke_width=...)``
    draws it on an "L" image at whole-pixel positions; emoji are scaled sprites.
    """

    def __init__(self) -> None:
        self._masks: dict[tuple[str, str, float], tuple[ImagingCore, tuple[int, int]]] = {}
        self._sprites: dict[tuple[str, str, float], Sprite] = {}

    def sprite(self, path: str, cluster: str, size: float) -> Sprite:
        key = (path, cluster, size)
        found = self._sprites.get(key)
        if found is None:
            found = self._sprites[key] = emoji_sprite(path, cluster, size)
        return found

    def draw(
        self,
        draw: ImageDraw.ImageDraw,
        path: str,
        size: float,
        text: str,
        stroke: float,
        at: tuple[int, int],
    ) -> None:
        key = (path, text, stroke)  # one size per block
        found = self._masks.get(key)
        if found is None:
            found = self._masks[key] = _glyph_mask(path, size, text, stroke)
        mask, (dx, dy) = found
        draw.draw.draw_bitmap((at[0] + dx, at[1] + dy), mask, 255)


def _render(arranged: Arranged, style: TextStyle) -> tuple[Image.Image, Image.Image]:
    """The block's pixels, ``arranged.width`` x ``arranged.height``, and its glyph coverage
    ("L": the letters and their stroke; not emoji, shadow or background)."""
    size = arranged.size
    width, height = arranged.width, arranged.height
    shift_x, shift_y = -arranged.rect[0], -arranged.rect[1]
    block: Image.Image | None = None  # the box, shadow and letters so far (None: nothing)
    if style.background is not None and arranged.background is not None:
        color, _, radius = style.background
        x0, y0, x1, y1 = arranged.background
        left, top = math.floor(x0) + shift_x, math.floor(y0) + shift_y
        right, bottom = math.ceil(x1) + shift_x, math.ceil(y1) + shift_y
        mask = _rounded(right - left, bottom - top, radius * size)
        block = Image.new("RGBA", (width, height), (0, 0, 0, 0))
        _paste(block, _coloured(color, mask), left, top)

    stroke = style.stroke_width * size
    fill = Image.new("L", (width, height), 0)
    outline = Image.new("L", (width, height), 0) if stroke > 0 else None
    emoji: Image.Image | None = None  # made for the first emoji (most blocks have none)
    draw_fill = ImageDraw.Draw(fill)
    draw_outline = ImageDraw.Draw(outline) if outline is not None else None
    glyphs = _Glyphs()
    for line, (line_x, baseline) in zip(arranged.lines, arranged.origins, strict=True):
        for piece in line.pieces:
            x, y = shift_x + line_x + piece.x, shift_y + baseline
            path = str(piece.face.path)
            if piece.face.emoji:
                sprite = glyphs.sprite(path, piece.text, size)
                if sprite.image is not None:
                    if emoji is None:
                        emoji = Image.new("RGBA", (width, height), (0, 0, 0, 0))
                    _paste(emoji, sprite.image, x + sprite.dx, y + sprite.dy)
                continue
            if piece.text.isspace():
                continue
            glyphs.draw(draw_fill, path, size, piece.text, 0, (x, y))
            if draw_outline is not None:
                glyphs.draw(draw_outline, path, size, piece.text, stroke, (x, y))
    # a layer composited over a transparent image is that layer, emptied where it does not
    # show: made so directly (_laid), which is exact and spares blending whole blocks
    text_layer = _laid(None, style.stroke_color, outline) if outline is not None else None
    text_layer = _laid(text_layer, style.color, fill)
    if emoji is not None:  # blending nothing changes nothing
        text_layer.alpha_composite(emoji)

    if style.shadow is not None and style.shadow[3][3] > 0:
        _, _, blur, color = style.shadow
        shadow = Image.new("L", (width, height), 0)
        shadow.paste(text_layer.getchannel("A"), arranged.shadow_offset)
        if blur * size > 0:
            shadow = shadow.filter(ImageFilter.GaussianBlur(blur * size))
        block = _laid(block, color, shadow)
    if block is None:
        block = text_layer
    else:
        block.alpha_composite(text_layer)
    coverage = fill if outline is None else ImageChops.lighter(fill, outline)
    return block, coverage


def draw_text(
    fitted: FittedText, style: TextStyle, box: tuple[int, int], book: FontBook
) -> Image.Image:
    """``fitted`` drawn in an RGBA image of exactly ``box``, transparent but for the text, its
    stroke, shadow and background, all inside the block at :func:`block_position`."""
    return draw_text_and_glyphs(fitted, style, box, book)[0]


def draw_text_and_glyphs(
    fitted: FittedText, style: TextStyle, box: tuple[int, int], book: FontBook
) -> tuple[Image.Image, Image.Image]:
    """What :func:`draw_text` draws, and where its letters are: an "L" image of ``box``,
    255 where a glyph (or its stroke) covers a pixel fully (emoji, shadow and background
    left out)."""
    image = Image.new("RGBA", box, (0, 0, 0, 0))
    glyphs = Image.new("L", box, 0)
    if not fitted.lines:
        return image, glyphs
    arranged = Shaper(style, book).arrange(fitted.lines, fitted.size)
    x, y = _place(arranged.width, arranged.height, style, box)
    drawn, coverage = _render(arranged, style)
    _place_over_nothing(image, drawn, x, y)
    glyphs.paste(coverage, (x, y))
    return image, glyphs


def _place_over_nothing(target: Image.Image, source: Image.Image, x: int, y: int) -> None:
    """What ``_paste`` gives on a wholly transparent ``target`` when ``source`` is (0, 0, 0,
    0) wherever it is transparent (as ``_render`` makes it): a plain copy of its pixels."""
    clipped = _clipped(target, source, x, y)
    if clipped is not None:
        target.paste(*clipped)
