"""Marks on a photo: logos and text, placed at an anchor, in the calmest corner, or tiled.

:func:`apply_marks` takes a photo already decoded, upright, in sRGB and at its output size, and
returns a copy with the marks drawn in order (later marks on top), plus what was chosen for
each. Lengths are fractions of the photo's *short side*, so a mark looks the same on every
photo size; angles are degrees counter-clockwise.

Size (``MarkPlacement.scale``) is the same for every kind of mark: the longer side of the
mark's visible part *before rotation*, as a fraction of the short side. For a logo that is its
art with the transparent border trimmed (a wide logo at 0.18 on a 1080x1080 photo is 194 px
wide); for a text it is the text's ink, soft shadow included (one line of "© Brand 2026" at 0.18
is 194 px wide: a 25 px font), the font size being found to match. Turning a mark never changes
its size, only its bounds. Each line break of a text starts a new line; nothing wraps. A text
whose font comes out below :data:`SMALL_TEXT` of the short side gets a note.

Placement: the mark's ink bounds (after rotation) sit inside the photo minus the margins,
aligned by the anchor: ``bottom-right`` puts them ``margin_x`` from the right edge and
``margin_y`` from the bottom; ``bottom`` centres them across; ``center`` centres them both
ways. A mark larger than that area is shrunk to fit (a note in :attr:`StampedMark.notes` says
by how much). Marks given the same anchor stack away from the
edge in order, :data:`STACK_GAP` apart (a logo with a © line above it, both bottom-right).

Automatic choices (measured on the photo before any mark is drawn, see
:mod:`brandstudio.stamp.auto`):

- ``variant="auto"`` (and a text's ``color="auto"``): the dark logo (near-black text) where the
  mean luma under the mark's box is above 0.55, else the light logo (white text). A missing
  variant falls back to mono, then to whichever variant the art has.
- ``position="auto"``: the corner among the four whose box has the least detail and the best
  contrast for the variant it would get there; a corner already covered by an earlier mark is
  not a candidate. Ties go to bottom-right.

Tiling (``tile=True``): copies of the mark on a staggered lattice turned with the mark, so rows
run along the mark's baseline (a diagonal pattern at 30-45 degrees). With ``gap`` =
``tile_gap`` x the mark's size, neighbours in a row are the upright mark's width plus ``gap``
apart and rows its height plus ``gap``; every other row is shifted by half a step. One copy is
centred on the photo; copies are clipped at the edges. ``position`` and the margins do not
apply; ``variant="auto"`` and ``color="auto"`` look at the whole photo.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final, Literal, get_args

from PIL import Image

from brandstudio.model.geometry import ANCHORS, Anchor, anchor_fractions
from brandstudio.model.values import parse_hex_color
from brandstudio.stamp import auto
from brandstudio.stamp.sprites import (
    Align,
    MarkCache,
    Sprite,
    logo_size,
    logo_sprite,
    normal_rotation,
    text_sprite,
    text_style,
)

__all__ = [
    "Box",
    "LogoArt",
    "LogoMark",
    "Mark",
    "MarkCache",
    "MarkPlacement",
    "Position",
    "StampedMark",
    "TextMark",
    "Variant",
    "apply_marks",
]

Position = Anchor | Literal["auto"]
Variant = Literal["auto", "light", "dark", "mono"]
Box = tuple[int, int, int, int]
"""(left, top, right, bottom) in photo pixels, right and bottom exclusive."""

VARIANTS: Final[tuple[Variant, ...]] = get_args(Variant)
_ART_VARIANTS: Final = ("light", "dark", "mono")

TEXT_ON_DARK: Final = (255, 255, 255, 255)
"""A text mark's colour over a dark background when its colour is ``auto``."""
TEXT_ON_LIGHT: Final = (20, 20, 20, 255)
"""A text mark's colour over a light background when its colour is ``auto``."""

STACK_GAP: Final = 0.015
"""Space between marks stacked at one anchor, as a fraction of the photo's short side."""

MAX_TILE_COPIES: Final = 20_000
"""More tile copies than this on one photo is refused (the mark is far too small)."""

SMALL_TEXT: Final = 0.012
"""A text mark whose font size is below this fraction of the short side gets a note."""

_PROBE_FONT_SIZE: Final = 64.0
"""The font size (px) a text mark is first drawn at to find the size that gives its length."""
_MIN_FONT_SIZE: Final = 1.0


def _number(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{name} must be a number, got {value!r}")
    if not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    return float(value)


@dataclass(frozen=True)
class MarkPlacement:
    """Where and how a mark goes on the photo.

    Attributes:
        position: one of the nine anchors (``top-left`` ... ``bottom-right``, ``center``) or
            ``auto`` (the calmest of the four corners).
        scale: the mark's size as a fraction of the photo's short side, more than 0, at most 1:
            the longer side of its visible part before rotation (a logo's art without its
            transparent border; a text's ink, the text's font size found to match).
        margin_x: space kept from the left and right edges, a fraction of the short side (0 to
            under 0.5).
        margin_y: space kept from the top and bottom edges, likewise.
        opacity: 0 (invisible) to 1; multiplies the mark's own alpha.
        rotation: degrees, counter-clockwise.
        tile: repeat the mark over the whole photo (``position`` and margins then unused).
        tile_gap: space between tile copies, a fraction of the mark's longer side (0 to 10).
    """

    position: Position = "bottom-right"
    scale: float = 0.18
    margin_x: float = 0.03
    margin_y: float = 0.03
    opacity: float = 1.0
    rotation: float = 0.0
    tile: bool = False
    tile_gap: float = 0.5

    def __post_init__(self) -> None:
        if self.position != "auto" and self.position not in ANCHORS:
            raise ValueError(
                f"position must be one of {', '.join(ANCHORS)} or auto, got {self.position!r}"
            )
        scale = _number("scale", self.scale)
        if not 0.0 < scale <= 1.0:
            raise ValueError(
                "scale must be more than 0 and at most 1 (a fraction of the photo's short side), "
                f"got {self.scale!r}"
            )
        for name in ("margin_x", "margin_y"):
            margin = _number(name, getattr(self, name))
            if not 0.0 <= margin < 0.5:
                raise ValueError(
                    f"{name} must be from 0 to under 0.5 (a fraction of the photo's short side), "
                    f"got {margin!r}"
                )
        opacity = _number("opacity", self.opacity)
        if not 0.0 <= opacity <= 1.0:
            raise ValueError(f"opacity must be from 0 to 1, got {self.opacity!r}")
        _number("rotation", self.rotation)
        if not isinstance(self.tile, bool):
            raise ValueError(f"tile must be True or False, got {self.tile!r}")
        gap = _number("tile_gap", self.tile_gap)
        if not 0.0 <= gap <= 10.0:
            raise ValueError(
                f"tile_gap must be from 0 to 10 (a fraction of the mark's size), got {gap!r}"
            )


@dataclass(frozen=True, eq=False, kw_only=True)
class LogoArt:
    """One logo in its variants, decoded once (any mode; used as RGBA).

    ``light`` is drawn on dark backgrounds, ``dark`` on light ones, ``mono`` when asked for or
    when the wanted one is missing; at least one must be given. ``key`` identifies the art in
    caches, so it must change when the pictures do (the file path and its modification time).
    """

    light: Image.Image | None = None
    dark: Image.Image | None = None
    mono: Image.Image | None = None
    key: str

    def __post_init__(self) -> None:
        if not isinstance(self.key, str) or not self.key:
            raise ValueError(f"key must be a non-empty text, got {self.key!r}")
        present = self.variants()
        if not present:
            raise ValueError("a logo needs at least one variant (light, dark or mono)")
        for name in present:
            image = self.image(name)
            if not isinstance(image, Image.Image):
                raise ValueError(f"{name} must be a Pillow image, got {type(image).__name__}")
            if image.width < 1 or image.height < 1:
                raise ValueError(f"the {name} logo is empty ({image.width}x{image.height} px)")
            transparent = image.mode in ("RGBA", "LA", "PA") or image.has_transparency_data
            if transparent and image.convert("RGBA").getchannel("A").getbbox() is None:
                raise ValueError(f"the {name} logo is fully transparent")

    def variants(self) -> tuple[str, ...]:
        """The variants present, in the order light, dark, mono."""
        return tuple(name for name in _ART_VARIANTS if getattr(self, name) is not None)

    def image(self, variant: str) -> Image.Image:
        """The picture of ``variant`` (light, dark or mono); KeyError when absent."""
        found = getattr(self, variant, None) if variant in _ART_VARIANTS else None
        if not isinstance(found, Image.Image):
            raise KeyError(variant)
        return found

    def resolve(self, variant: str) -> str:
        """The variant drawn for ``variant``: itself when present, else mono, else the first."""
        present = self.variants()
        if variant in present:
            return variant
        return "mono" if "mono" in present else present[0]


@dataclass(frozen=True)
class LogoMark:
    """A logo on the photo: which variant (``auto``: by the brightness under it) and where."""

    art: LogoArt
    variant: Variant = "auto"
    placement: MarkPlacement = MarkPlacement()

    def __post_init__(self) -> None:
        if not isinstance(self.art, LogoArt):
            raise ValueError(f"art must be a LogoArt, got {type(self.art).__name__}")
        if self.variant not in VARIANTS:
            raise ValueError(f"variant must be one of {', '.join(VARIANTS)}, got {self.variant!r}")
        if not isinstance(self.placement, MarkPlacement):
            raise ValueError(f"placement must be a MarkPlacement, got {self.placement!r}")


@dataclass(frozen=True)
class TextMark:
    """A line (or lines) of text on the photo, such as "© Brand 2026".

    Attributes:
        text: what to write; line breaks start new lines. Characters the font lacks are drawn
            with a bundled fallback font, emoji in colour.
        family: a font family of the cache's font book (bundled: Inter, Rubik, PT Serif, ...).
        weight: 100-1000; the nearest weight the family has is used (600 draws Inter Bold).
        color: ``#RRGGBB``, ``#RRGGBBAA``, or ``auto``: white over dark, near-black over light.
        placement: as for logos: ``scale`` is the longer side of the text's ink (for one line
            its width), not its font size.
        shadow: a faint soft shadow in the opposite tone (dark under light text, a light halo
            round dark text), so the text stays legible on a busy photo.
    """

    text: str
    family: str = "Inter"
    weight: int = 600
    color: str = "auto"
    placement: MarkPlacement = MarkPlacement()
    shadow: bool = True

    def __post_init__(self) -> None:
        if not isinstance(self.text, str) or not self.text.strip():
            raise ValueError(f"text must not be empty, got {self.text!r}")
        if not isinstance(self.family, str) or not self.family.strip():
            raise ValueError(f"family must name a font family, got {self.family!r}")
        if isinstance(self.weight, bool) or not isinstance(self.weight, int):
            raise ValueError(f"weight must be a whole number, got {self.weight!r}")
        if not 100 <= self.weight <= 1000:
            raise ValueError(f"weight must be from 100 to 1000, got {self.weight!r}")
        if self.color != "auto":
            try:
                parse_hex_color(self.color)
            except (TypeError, ValueError):
                raise ValueError(
                    f"color must be #RRGGBB, #RRGGBBAA or auto, got {self.color!r}"
                ) from None
        if not isinstance(self.placement, MarkPlacement):
            raise ValueError(f"placement must be a MarkPlacement, got {self.placement!r}")
        if not isinstance(self.shadow, bool):
            raise ValueError(f"shadow must be True or False, got {self.shadow!r}")


Mark = LogoMark | TextMark


@dataclass(frozen=True)
class StampedMark:
    """What was drawn for one mark, for the batch report.

    Attributes:
        kind: ``logo`` or ``text``.
        position: the anchor used (``auto`` resolved to a corner), or ``tile``.
        variant: the logo variant drawn (``auto`` and missing variants resolved); None for text.
        box: the mark's ink bounds on the photo (left, top, right, bottom) px; for a tile, the
            bounds of all copies, clipped to the photo; all zero when nothing was drawn.
        notes: things the user should know: the mark shrunk to fit, a variant or font missing.
        auto: True when ``position`` was chosen automatically (``position="auto"``).
    """

    kind: Literal["logo", "text"]
    position: str
    variant: str | None
    box: Box
    notes: tuple[str, ...] = field(default=())
    auto: bool = False


# --- the two kinds of mark ------------------------------------------------------------------


class _Logo:
    """How to draw a logo mark; a *choice* is a variant name, the *length* its longer side."""

    kind: Final = "logo"

    def __init__(self, mark: LogoMark, cache: MarkCache) -> None:
        self.mark = mark
        self.art = mark.art
        self.cache = cache
        self.notes: list[str] = []
        wanted = mark.variant
        self.fixed: str | None = None
        if wanted != "auto":
            self.fixed = self.art.resolve(wanted)
            if self.fixed != wanted:
                self.notes.append(f"the logo has no {wanted} variant: {self.fixed} used")

    def reference(self) -> str:
        return self.fixed or self.art.variants()[0]

    def choose(self, luma: float) -> str:
        if self.fixed is not None:
            return self.fixed
        return self.art.resolve("dark" if auto.is_light(luma) else "light")

    def label(self, choice: str) -> str | None:
        return choice

    def length(self, short: int) -> float:
        return float(max(1, round(self.mark.placement.scale * short)))

    def shrink(self, length: float, factor: float) -> float:
        return float(max(1, min(length - 1, math.floor(length * factor))))

    def sprite(
        self, choice: str, length: float, align: Align, *, upright: bool = False
    ) -> Sprite | None:
        del align  # a logo has no lines to align
        placement = self.mark.placement
        rotation = 0.0 if upright else normal_rotation(placement.rotation)
        opacity = 1.0 if upright else round(placement.opacity, 4)
        source_key = (self.art.key, choice)
        source = self.cache.trimmed(source_key, self.art.image(choice))
        size = logo_size(source.size, int(length))
        key = ("logo", self.art.key, choice, size, rotation, opacity)
        return self.cache.sprite(key, lambda: logo_sprite(source, size, rotation, opacity))


class _Text:
    """How to draw a text mark; a *choice* is a colour, the *length* the text's longer side in
    px (its font size is found to match)."""

    kind: Final = "text"

    def __init__(self, mark: TextMark, cache: MarkCache) -> None:
        self.mark = mark
        self.cache = cache
        self.notes: list[str] = []
        self.fixed: str | None = None if mark.color == "auto" else mark.color
        self.multiline = "\n" in mark.text or "\r" in mark.text

    def reference(self) -> str:
        return self.fixed or "light-text"

    def choose(self, luma: float) -> str:
        if self.fixed is not None:
            return self.fixed
        return "dark-text" if auto.is_light(luma) else "light-text"

    def label(self, choice: str) -> str | None:
        del choice
        return None

    def length(self, short: int) -> float:
        return float(max(1, round(self.mark.placement.scale * short)))

    def shrink(self, length: float, factor: float) -> float:
        return float(max(1, min(length - 1, math.floor(length * factor))))

    def font_size(self, choice: str, length: float) -> float | None:
        """The font size (px) at which the upright text's longer side is ``length`` px; None
        when there is nothing to draw."""
        mark = self.mark
        color = self._color(choice)
        target = int(length)
        key = ("text-size", mark.text, mark.family, mark.weight, color, mark.shadow, target)

        def search() -> float:
            size = _PROBE_FONT_SIZE
            best: tuple[float, float] | None = None  # (how far off, size)
            for _ in range(4):
                drawn = self._draw(choice, size, "left", 0.0, 1.0)
                if drawn is None:
                    raise _NothingToDrawError(())
                longer = max(drawn.size)
                off = abs(longer - target) + (0.25 if longer > target else 0.0)
                if best is None or off < best[0]:
                    best = (off, size)
                if longer == target:
                    break
                size = max(_MIN_FONT_SIZE, round(size * target / longer, 2))
            assert best is not None
            return best[1]

        try:
            return self.cache.memo(key, search)
        except _NothingToDrawError:
            self._draw(choice, _PROBE_FONT_SIZE, "left", 0.0, 1.0)  # to note why
            return None

    def check_legible(self, choice: str, length: float, short: int) -> None:
        """Note a font so small next to the photo that few will read it."""
        size = self.font_size(choice, length)
        if size is not None and size < SMALL_TEXT * short:
            self._note(
                f"the text is drawn at a {size:.0f} px font, hard to read on this photo: "
                "raise scale or shorten the text"
            )

    def _color(self, choice: str) -> tuple[int, int, int, int]:
        if choice == "light-text":
            return TEXT_ON_DARK
        if choice == "dark-text":
            return TEXT_ON_LIGHT
        return parse_hex_color(choice).as_tuple()

    def sprite(
        self, choice: str, length: float, align: Align, *, upright: bool = False
    ) -> Sprite | None:
        size = self.font_size(choice, length)
        if size is None:
            return None
        placement = self.mark.placement
        rotation = 0.0 if upright else normal_rotation(placement.rotation)
        opacity = 1.0 if upright else round(placement.opacity, 4)
        return self._draw(choice, size, align, rotation, opacity)

    def _draw(
        self, choice: str, size: float, align: Align, rotation: float, opacity: float
    ) -> Sprite | None:
        mark = self.mark
        align = align if self.multiline else "left"
        color = self._color(choice)
        key = (
            "text",
            mark.text,
            mark.family,
            mark.weight,
            color,
            mark.shadow,
            align,
            size,
            rotation,
            opacity,
        )

        def make() -> Sprite:
            style = text_style(mark.family, mark.weight, color, mark.shadow, align)
            sprite, warnings = text_sprite(
                mark.text, style, size, self.cache.fonts, rotation, opacity
            )
            if sprite is None:
                raise _NothingToDrawError(warnings)
            return sprite

        try:
            sprite = self.cache.sprite(key, make)
        except _NothingToDrawError as nothing:
            self._note(*nothing.warnings, "nothing to draw: no bundled font has these characters")
            return None
        self._note(*sprite.notes)
        return sprite

    def _note(self, *notes: str) -> None:
        for note in notes:
            if note not in self.notes:
                self.notes.append(note)


class _NothingToDrawError(Exception):
    def __init__(self, warnings: tuple[str, ...]) -> None:
        super().__init__("nothing to draw")
        self.warnings = warnings


_Drawer = _Logo | _Text


# --- placing and pasting ----------------------------------------------------------------------


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _union(a: Box, b: Box) -> Box:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _paste(target: Image.Image, sprite: Image.Image, left: int, top: int) -> Box | None:
    """Draw ``sprite`` over ``target`` with its top-left at (left, top), only in the region it
    covers, clipped to the target; returns the clipped box, or None when nothing is inside."""
    x0, y0 = max(left, 0), max(top, 0)
    x1 = min(left + sprite.width, target.width)
    y1 = min(top + sprite.height, target.height)
    if x1 <= x0 or y1 <= y0:
        return None
    part = sprite
    if (x0, y0, x1, y1) != (left, top, left + sprite.width, top + sprite.height):
        part = sprite.crop((x0 - left, y0 - top, x1 - left, y1 - top))
    if target.mode == "RGBA":
        region = target.crop((x0, y0, x1, y1))
        region.alpha_composite(part)
        target.paste(region, (x0, y0))
    else:
        target.paste(part, (x0, y0), part)
    return (x0, y0, x1, y1)


class _Stamper:
    def __init__(self, photo: Image.Image, cache: MarkCache) -> None:
        self.source = photo
        self.out = photo.copy()
        self.cache = cache
        self.width, self.height = photo.size
        self.short = min(photo.size)
        self.placed: list[tuple[Anchor, Box]] = []

    def stamp(self, mark: Mark) -> StampedMark:
        drawer: _Drawer
        if isinstance(mark, LogoMark):
            drawer = _Logo(mark, self.cache)
        elif isinstance(mark, TextMark):
            drawer = _Text(mark, self.cache)
        else:
            raise TypeError(f"not a mark: {mark!r} (expected a LogoMark or a TextMark)")
        if mark.placement.tile:
            return self._tile(drawer, mark.placement)
        return self._single(drawer, mark.placement)

    # -- one mark ---------------------------------------------------------------------------

    def _margins(self, placement: MarkPlacement) -> tuple[int, int]:
        margin_x = min(round(placement.margin_x * self.short), (self.width - 1) // 2)
        margin_y = min(round(placement.margin_y * self.short), (self.height - 1) // 2)
        return margin_x, margin_y

    def _fit(
        self, drawer: _Drawer, choice: str, length: float, room: tuple[int, int]
    ) -> tuple[Sprite | None, float]:
        """The sprite at ``length``, or shrunk until it fits ``room`` (w, h) px."""
        sprite = drawer.sprite(choice, length, "left")
        for _ in range(8):
            if sprite is None or (sprite.width <= room[0] and sprite.height <= room[1]):
                break
            factor = min(room[0] / sprite.width, room[1] / sprite.height)
            smaller = drawer.shrink(length, factor)
            if smaller >= length:
                break
            length = smaller
            sprite = drawer.sprite(choice, length, "left")
        return sprite, length

    def _place(
        self, anchor: Anchor, size: tuple[int, int], margins: tuple[int, int], *, stack: bool
    ) -> Box:
        width, height = size
        margin_x, margin_y = margins
        fx, fy = anchor_fractions(anchor)
        left = margin_x + round(fx * (self.width - 2 * margin_x - width))
        top = margin_y + round(fy * (self.height - 2 * margin_y - height))
        if stack:
            gap = round(STACK_GAP * self.short)
            for earlier, box in self.placed:
                if earlier != anchor:
                    continue
                # The bottom row stacks upwards, the top and middle rows downwards.
                top = min(top, box[1] - gap - height) if fy == 1.0 else max(top, box[3] + gap)
            top = min(max(top, margin_y), max(margin_y, self.height - margin_y - height))
        return (left, top, left + width, top + height)

    def _auto_anchor(
        self, drawer: _Drawer, reference: Sprite, length: float, margins: tuple[int, int]
    ) -> Anchor:
        candidates = [
            anchor
            for anchor in auto.AUTO_CORNERS
            if not any(
                _overlaps(self._place(anchor, reference.size, margins, stack=False), box)
                for _, box in self.placed
            )
        ] or list(auto.AUTO_CORNERS)
        scores: list[auto.CornerScore] = []
        for anchor in candidates:
            box = self._place(anchor, reference.size, margins, stack=True)
            region = auto.analyse(self.source, box)
            sprite = drawer.sprite(drawer.choose(region.mean), length, "left")
            if sprite is None:
                continue
            if sprite.size != reference.size:
                region = auto.analyse(
                    self.source, self._place(anchor, sprite.size, margins, stack=True)
                )
            scores.append(auto.score(anchor, region, sprite))
        return auto.best(scores).anchor if scores else auto.AUTO_CORNERS[0]

    def _single(self, drawer: _Drawer, placement: MarkPlacement) -> StampedMark:
        margins = self._margins(placement)
        room = (self.width - 2 * margins[0], self.height - 2 * margins[1])
        asked = drawer.length(self.short)
        reference, length = self._fit(drawer, drawer.reference(), asked, room)
        anchor: Anchor
        if reference is None:
            anchor = "bottom-right" if placement.position == "auto" else placement.position
            return StampedMark(drawer.kind, anchor, None, (0, 0, 0, 0), tuple(drawer.notes))
        if placement.position == "auto":
            anchor = self._auto_anchor(drawer, reference, length, margins)
        else:
            anchor = placement.position
        box = self._place(anchor, reference.size, margins, stack=True)
        choice = drawer.choose(auto.mean_luma(self.source, box))
        fx = anchor_fractions(anchor)[0]
        align: Align = "left" if fx == 0.0 else "right" if fx == 1.0 else "center"
        sprite, length = self._fit(drawer, choice, length, room)
        if sprite is not None:
            sprite = drawer.sprite(choice, length, align) or sprite
        if isinstance(drawer, _Text):
            drawer.check_legible(choice, length, self.short)
        if length < asked:
            drawer.notes.append(
                f"shrunk to {length / asked:.0%} of its size to fit inside the margins"
            )
        if sprite is None:
            return StampedMark(drawer.kind, anchor, None, (0, 0, 0, 0), tuple(drawer.notes))
        box = self._place(anchor, sprite.size, margins, stack=True)
        _paste(self.out, sprite.image, box[0], box[1])
        self.placed.append((anchor, box))
        return StampedMark(
            drawer.kind,
            anchor,
            drawer.label(choice),
            box,
            tuple(drawer.notes),
            auto=placement.position == "auto",
        )

    # -- tiles -------------------------------------------------------------------------------

    def _tile(self, drawer: _Drawer, placement: MarkPlacement) -> StampedMark:
        length = drawer.length(self.short)
        choice = drawer.fixed or drawer.choose(auto.mean_luma(self.source))
        sprite = drawer.sprite(choice, length, "center")
        upright = drawer.sprite(choice, length, "center", upright=True)
        if sprite is None or upright is None:
            return StampedMark(drawer.kind, "tile", None, (0, 0, 0, 0), tuple(drawer.notes))
        if isinstance(drawer, _Text):
            drawer.check_legible(choice, length, self.short)
        gap = placement.tile_gap * max(upright.size)
        along = upright.width + gap  # from one copy to the next in a row
        across = upright.height + gap  # from one row to the next
        if self.width * self.height / (along * across) > MAX_TILE_COPIES:
            raise ValueError(
                f"tile: the mark is too small for this {self.width}x{self.height} photo "
                f"(over {MAX_TILE_COPIES:,} copies); raise scale or tile_gap"
            )
        angle = math.radians(normal_rotation(placement.rotation))
        ux, uy = math.cos(angle), -math.sin(angle)  # along a row (y grows downwards)
        vx, vy = math.sin(angle), math.cos(angle)  # from row to row
        cx, cy = self.width / 2, self.height / 2
        reach = math.hypot(*sprite.size)
        corners = [
            (x - cx, y - cy)
            for x in (-reach, self.width + reach)
            for y in (-reach, self.height + reach)
        ]
        steps_along = [(dx * ux + dy * uy) / along for dx, dy in corners]
        steps_across = [(dx * vx + dy * vy) / across for dx, dy in corners]
        bounds: Box | None = None
        for row in range(math.floor(min(steps_across)) - 1, math.ceil(max(steps_across)) + 2):
            shift = 0.5 if row % 2 else 0.0
            for column in range(math.floor(min(steps_along)) - 1, math.ceil(max(steps_along)) + 2):
                step = column + shift
                x = cx + step * along * ux + row * across * vx
                y = cy + step * along * uy + row * across * vy
                left = round(x - sprite.pivot[0])
                top = round(y - sprite.pivot[1])
                clipped = _paste(self.out, sprite.image, left, top)
                if clipped is not None:
                    bounds = clipped if bounds is None else _union(bounds, clipped)
        return StampedMark(
            drawer.kind,
            "tile",
            drawer.label(choice),
            bounds or (0, 0, 0, 0),
            tuple(drawer.notes),
        )


def _check_photo(photo: Image.Image) -> None:
    if not isinstance(photo, Image.Image):
        raise ValueError(f"photo must be a Pillow image, got {type(photo).__name__}")
    if photo.mode not in ("RGB", "RGBA"):
        raise ValueError(f"photo must be in mode RGB or RGBA, got {photo.mode}")
    if photo.width < 1 or photo.height < 1:
        raise ValueError(f"photo is empty ({photo.width}x{photo.height} px)")


def apply_marks(
    photo: Image.Image, marks: Sequence[Mark], cache: MarkCache | None = None
) -> tuple[Image.Image, list[StampedMark]]:
    """``photo`` with ``marks`` drawn on it in order, and what was chosen for each.

    Args:
        photo: upright sRGB, mode RGB or RGBA, at its output size; it is not changed.
        marks: logos and texts; later ones are drawn over earlier ones.
        cache: the worker's sprite cache (and font book); a fresh one when None.

    Returns:
        A new image of the photo's size and mode, and one :class:`StampedMark` per mark.

    Raises:
        ValueError: a photo that is not RGB/RGBA or is empty; a tile of far too many copies.
    """
    _check_photo(photo)
    stamper = _Stamper(photo, cache if cache is not None else MarkCache())
    stamped = [stamper.stamp(mark) for mark in marks]
    return stamper.out, stamped
