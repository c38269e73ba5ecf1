"""A backdrop that makes text read on whatever lies behind it (a photo, a pattern).

The engine measures the pixels just around a text layer's glyphs, as they will be once the
layer is drawn (its box and shadow included), against the text colour. When the contrast
misses the WCAG threshold (4.5:1, or 3:1 for large text: lines whose letters span at least
36 px per 1080 px of image width), a soft scrim of black or white (whichever the text
contrasts more with) is laid under the layer, following its lines, at each place just opaque
enough for the pixels there to reach the threshold. Text that already reads gets nothing, so
flat brand colours and well-darkened photos render as before. See
``docs/design/0009-legible-brands.md``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageChops, ImageFilter

from brandstudio.model.contrast import (
    LARGE_TEXT_CONTRAST,
    LUMINANCE_WEIGHTS,
    TEXT_CONTRAST,
    channel_linear,
    contrast,
)
from brandstudio.render.compose import as_rgb

MARGIN: Final = 0.1
"""Contrast added to the threshold the backdrop aims at (ratio units): rounding headroom."""

PERCENTILE: Final = 2.0
"""The share of measured pixels (percent) allowed below the threshold (photo grain)."""

LARGE_SPAN: Final = 36 / 1080
"""A line is large text when its letters span this share of the image width."""

MAX_SAMPLES: Final = 8000
"""At most this many pixels are measured per layer (evenly spread)."""

STEPS: Final = 10
"""Bisection steps for each measured pixel's backdrop opacity (1/1024 precision)."""

GLYPH: Final = 128
"""Coverage (0-255) from which a pixel belongs to a letter."""

Floats = NDArray[np.float64]


_LINEAR: Final = np.array([channel_linear(value) for value in range(256)])
"""Linear light (0-1) of each 8-bit sRGB level."""

_WEIGHTS: Final = np.array(LUMINANCE_WEIGHTS)


def _luminance(rgb: Floats) -> Floats:
    """WCAG relative luminance (0-1) of sRGB pixels (..., 3), 0-255 (rounded to levels)."""
    levels = np.clip(np.rint(rgb), 0, 255).astype(np.intp)
    return np.asarray(_LINEAR[levels] @ _WEIGHTS, dtype=np.float64)


def pixel_ratios(text: Floats, behind: Floats) -> Floats:
    """WCAG contrast ratios (1-21) of sRGB pixels ``text`` seen over ``behind`` (..., 3)."""
    return _ratios_to(_luminance(text), _luminance(behind))


def letters_over(text: Floats, share: float, behind: Floats) -> Floats:
    """WCAG contrast ratios of letters of sRGB colour ``text`` (3,) laid at ``share`` (0-1,
    their alpha) over each pixel of ``behind`` (n, 3), against that pixel."""
    if share == 1.0:  # opaque letters: their luminance is one number
        return _ratios_to(_luminance(text), _luminance(behind))
    return pixel_ratios(text * share + behind * (1 - share), behind)


def inked_rows(glyphs: NDArray[np.uint8]) -> list[bool]:
    """Which rows of a glyph coverage array (0-255) hold part of a letter."""
    found = np.asarray((glyphs >= GLYPH).any(axis=1), dtype=bool)
    return [bool(value) for value in found]


def _ratios_to(first: Floats, second: Floats) -> Floats:
    """WCAG contrast ratios of relative luminances (0-1; either may be one number)."""
    return np.asarray(
        (np.maximum(first, second) + 0.05) / (np.minimum(first, second) + 0.05), dtype=np.float64
    )


def line_bands(inked_rows: Sequence[bool]) -> list[tuple[int, int]]:
    """(first row, end row) of each line of text, from which rows hold letters; a short run
    just above the next (an accent, a breve) belongs to that line."""
    runs: list[tuple[int, int]] = []
    start = None
    for y, inked in enumerate(inked_rows):
        if inked and start is None:
            start = y
        elif not inked and start is not None:
            runs.append((start, y))
            start = None
    if start is not None:
        runs.append((start, len(inked_rows)))
    bands: list[tuple[int, int]] = []
    for run in reversed(runs):
        if bands:
            below = bands[-1]
            height, below_height = run[1] - run[0], below[1] - below[0]
            if height * 2 < below_height and below[0] - run[1] < below_height / 4:
                bands[-1] = (run[0], below[1])
                continue
        bands.append(run)
    return bands[::-1]


def threshold(glyphs: Image.Image, image_width: int) -> float:
    """The contrast the text needs: 3:1 when every line is large text, else 4.5:1."""
    bands = line_bands(inked_rows(np.asarray(glyphs)))
    large = bool(bands) and all(end - top >= LARGE_SPAN * image_width for top, end in bands)
    return LARGE_TEXT_CONTRAST if large else TEXT_CONTRAST


_ANY: Final = [0] + [255] * 255
"""A point table: 255 wherever there is any coverage."""


def _dilate(mask: Image.Image, radius: int) -> Image.Image:
    """``mask`` ("L", 0/255) grown by about ``radius`` px (a box blur, thresholded)."""
    if radius <= 0:
        return mask
    return mask.filter(ImageFilter.BoxBlur(radius)).point(_ANY)


@dataclass(frozen=True)
class _Ring:
    """The pixels measured around the letters: where they are (in the layer's image) and
    what shows there: the layer's own box and shadow (their colour times their alpha, and
    how much of what is below shows through, 0-1) over the canvas (RGB 0-255)."""

    xs: NDArray[np.intp]
    ys: NDArray[np.intp]
    own: Floats
    see_through: Floats
    under: Floats

    def ground(self, strength: Floats, shade: Floats) -> Floats:
        """What shows behind the letters with a scrim of ``shade`` at ``strength`` (0-1,
        one per pixel) under the layer."""
        dimmed = self.under * (1 - strength[:, None]) + shade * strength[:, None]
        return np.asarray(self.own + dimmed * self.see_through, dtype=np.float64)


def _ring(
    glyphs: Image.Image,
    layer: Image.Image,
    behind: Image.Image,
    radius: int,
    at: tuple[int, int],
) -> _Ring | None:
    """Up to ``MAX_SAMPLES`` pixels within ``radius`` px of the letters, outside them."""
    bbox = glyphs.getbbox()  # where coverage is above 0
    if bbox is None:
        return None
    x0, y0 = max(0, bbox[0] - radius - 1), max(0, bbox[1] - radius - 1)
    area = (
        x0,
        y0,
        min(glyphs.width, bbox[2] + radius + 1),
        min(glyphs.height, bbox[3] + radius + 1),
    )
    covered = glyphs.crop(area)
    ring = np.asarray(_dilate(covered.point(_ANY), radius)) > 0
    ring &= np.asarray(covered) == 0
    spots = np.flatnonzero(ring)
    if spots.size == 0:
        return None
    spots = spots[:: max(1, spots.size // MAX_SAMPLES)]
    own = np.asarray(layer.crop(area)).reshape(-1, 4)[spots].astype(np.float64)
    alpha = own[:, 3:4] / 255
    ground = behind.crop((area[0] + at[0], area[1] + at[1], area[2] + at[0], area[3] + at[1]))
    under = np.asarray(as_rgb(ground)).reshape(-1, 3)[spots]
    ys, xs = np.divmod(spots, area[2] - area[0])
    return _Ring(xs + x0, ys + y0, own[:, :3] * alpha, 1 - alpha, under.astype(np.float64))


def backdrop(
    behind: Image.Image,
    layer: Image.Image,
    glyphs: Image.Image,
    color: tuple[int, int, int, int],
    image_width: int,
    font_size: float,
    at: tuple[int, int] = (0, 0),
) -> tuple[Image.Image, int] | None:
    """The scrim to lay under a text layer so that it reads, or None when it already does.

    Args:
        behind: the canvas ("RGB"/"RGBA") with the layer's image at ``at`` (px) on it.
        layer: the text layer's image ("RGBA"), as it will be composited.
        glyphs: where its letters are ("L", the layer's size; 255 inside a letter).
        color: the letters' colour; its alpha includes the layer's opacity.
        image_width: the width of the whole image in px (what "large text" is relative to).
        font_size: the letters' size in px: the scrim reaches about a quarter of it around them.

    Returns:
        (an "RGBA" scrim, its margin): the scrim is the layer's size plus ``margin`` px on
        every side, to be composited at the layer's position less ``margin``.
    """
    radius = max(4, round(font_size * 0.12))
    ring = _ring(glyphs, layer, behind, radius, at)
    if ring is None:
        return None
    need = threshold(glyphs, image_width) + MARGIN
    text = np.array(color[:3], dtype=np.float64)
    text_alpha = color[3] / 255
    dark = contrast(color[:3], (0, 0, 0)) >= contrast(color[:3], (255, 255, 255))
    shade = (0, 0, 0) if dark else (255, 255, 255)
    scrim = np.array(shade, dtype=np.float64)

    def ratios(strength: Floats) -> Floats:
        return letters_over(text, text_alpha, ring.ground(strength, scrim))

    none = np.zeros(len(ring.xs))
    before = ratios(none)
    if float(np.percentile(before, PERCENTILE)) >= need:
        return None
    low, high = none, np.ones(len(ring.xs))
    helps = ratios(high) > before + MARGIN  # not where the text's own opaque box shows
    for _ in range(STEPS):
        middle = (low + high) / 2
        enough = ratios(middle) >= need
        low, high = np.where(enough, low, middle), np.where(enough, middle, high)
    strengths = np.where((before >= need) | ~helps, 0.0, high)
    if not strengths.any():
        return None
    return _scrim(glyphs, ring, strengths, radius, font_size, shade)


def _scrim(
    glyphs: Image.Image,
    ring: _Ring,
    strengths: Floats,
    radius: int,
    font_size: float,
    shade: tuple[int, int, int],
) -> tuple[Image.Image, int]:
    """A soft cloud of ``shade`` around the letters, as opaque at each ring pixel as its
    strength (0-1) asks (or more, from neighbours): full within ``radius`` px of the
    letters, fading out over about a fifth of the font size."""
    soft = max(2.0, font_size * 0.1)
    margin = radius + round(4 * soft)
    size = (glyphs.width + 2 * margin, glyphs.height + 2 * margin)
    grown = Image.new("L", size, 0)
    grown.paste(glyphs.point(_ANY), (margin, margin))
    halo = _dilate(grown, radius + round(2 * soft)).filter(ImageFilter.GaussianBlur(soft))
    halo = halo.point(lambda v: min(255, round(v * 1.03)))
    alpha = ImageChops.multiply(halo, _strength_map(ring, strengths, size, margin, radius))
    image = Image.new("RGBA", size, (*shade, 0))
    image.putalpha(alpha)
    return image, margin


def _strength_map(
    ring: _Ring, strengths: Floats, size: tuple[int, int], margin: int, radius: int
) -> Image.Image:
    """How opaque the scrim is where ("L", ``size``): each ring pixel's strength, spread
    over a grid of cells about half ``radius`` wide and smoothed without ever falling below
    it (a max over 5x5 cells, a 3x3 mean, bilinear between cell centres)."""
    cell = max(2, radius // 2)
    columns, rows = -(-size[0] // cell), -(-size[1] // cell)
    grid = np.zeros((rows, columns))
    np.maximum.at(grid, ((ring.ys + margin) // cell, (ring.xs + margin) // cell), strengths)
    small = Image.fromarray(np.ceil(grid * 255).astype(np.uint8), "L")
    small = small.filter(ImageFilter.MaxFilter(5)).filter(ImageFilter.BoxBlur(1))
    full = small.resize((columns * cell, rows * cell), Image.Resampling.BILINEAR)
    return full.crop((0, 0, *size))
