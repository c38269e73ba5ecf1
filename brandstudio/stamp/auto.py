"""The automatic choices: the logo variant (or text colour) and the corner for a mark.

Everything is measured on the photo as it came, before any mark is drawn, and only on the small
regions a mark would cover, so a decision costs well under a millisecond per corner on a
1080x1080 photo. Brightness is luma (ITU-R 601, what ``convert("L")`` gives) from 0 (black) to
1 (white), the measure the template engine uses to choose a logo variant, so the same brand
picks the same variant in a template and on a stamped photo.

A corner's *cost* is ``detail - CONTRAST_WEIGHT * contrast`` (lower is better):

- ``detail``: the standard deviation of the region's luma plus its mean absolute luma step to
  the next pixel right and down (regions wider than :data:`DETAIL_SIDE` px are box-reduced
  first). A clear sky is near 0, foliage about 0.2-0.4, pixel noise about 1.
- ``contrast``: the mean absolute luma difference between the mark (the variant or colour it
  would get there) and the photo, over the mark's solid pixels: 0 (invisible) to 1.

Costs are compared in steps of :data:`COST_STEP`; a tie goes to the earlier corner of
:data:`AUTO_CORNERS` (bottom-right first).
"""

from __future__ import annotations

import math
import operator
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from PIL import Image, ImageChops

from brandstudio.model.geometry import Anchor
from brandstudio.stamp.sprites import Sprite

LIGHT_BACKGROUND: Final = 0.55
"""Above this mean luma a background counts as light: dark logo, dark text."""

AUTO_CORNERS: Final[tuple[Anchor, ...]] = ("bottom-right", "bottom-left", "top-right", "top-left")
"""The candidates for ``position="auto"``, in order of preference when their costs tie."""

CONTRAST_WEIGHT: Final = 0.5
"""How much a unit of contrast is worth against a unit of detail."""

COST_STEP: Final = 0.01
"""Costs closer than this are a tie."""

DETAIL_SIDE: Final = 256
"""Regions with a longer side above this (px) are reduced before detail is measured."""

Box = tuple[int, int, int, int]


@dataclass(frozen=True, eq=False)
class Region:
    """What lies under a box of the photo: its luma image (mode L), mean luma and detail."""

    box: Box
    grey: Image.Image
    mean: float
    detail: float


@dataclass(frozen=True)
class CornerScore:
    """One candidate corner: its detail, the contrast the mark would have there, and the cost."""

    anchor: Anchor
    detail: float
    contrast: float
    cost: float


def is_light(luma: float) -> bool:
    """True when a background of mean ``luma`` (0..1) wants the dark version of a mark."""
    return luma > LIGHT_BACKGROUND


_LEVELS: Final = tuple(range(256))
_SQUARES: Final = tuple(level * level for level in range(256))
_SAMPLE_SIDE: Final = 128
"""The whole photo's brightness is measured on a nearest-neighbour sample this many px wide."""


def _mean(histogram: Sequence[int]) -> float:
    """The mean level (0..1) of one band's 256-bin histogram; 0 when it counts nothing."""
    count = sum(histogram)
    return sum(map(operator.mul, histogram, _LEVELS)) / (255.0 * count) if count else 0.0


def _mean_and_spread(histogram: Sequence[int]) -> tuple[float, float]:
    """Mean and standard deviation (both 0..1) of one band's 256-bin histogram."""
    count = sum(histogram)
    if not count:
        return 0.0, 0.0
    mean = sum(map(operator.mul, histogram, _LEVELS)) / count
    square = sum(map(operator.mul, histogram, _SQUARES)) / count
    return mean / 255.0, math.sqrt(max(0.0, square - mean * mean)) / 255.0


def mean_luma(photo: Image.Image, box: Box | None = None) -> float:
    """Mean luma (0..1) of ``photo`` (RGB or RGBA; alpha ignored) under ``box``, or of all of it
    (then measured on a sample of about 128x128 px)."""
    if box is None:
        scale = _SAMPLE_SIDE / max(photo.size)
        if scale < 1.0:
            size = (max(1, round(photo.width * scale)), max(1, round(photo.height * scale)))
            photo = photo.resize(size, Image.Resampling.NEAREST)
        region = photo
    else:
        region = photo.crop(box)
    return _mean(region.convert("L").histogram())


def analyse(photo: Image.Image, box: Box) -> Region:
    """The luma, mean and detail of ``photo`` under ``box`` (inside the photo)."""
    grey = photo.crop(box).convert("L")
    factor = math.ceil(max(grey.size) / DETAIL_SIDE)
    small = grey.reduce(factor) if factor > 1 else grey
    mean, spread = _mean_and_spread(grey.histogram())
    if small is not grey:
        spread = _mean_and_spread(small.histogram())[1]
    width, height = small.size
    steps = 0.0
    if width > 1:
        across = ImageChops.difference(
            small.crop((1, 0, width, height)), small.crop((0, 0, width - 1, height))
        )
        steps += _mean(across.histogram())
    if height > 1:
        down = ImageChops.difference(
            small.crop((0, 1, width, height)), small.crop((0, 0, width, height - 1))
        )
        steps += _mean(down.histogram())
    return Region(box=box, grey=grey, mean=mean, detail=spread + steps)


def contrast(region: Region, sprite: Sprite) -> float:
    """Mean absolute luma difference (0..1) between ``sprite`` and ``region`` over the sprite's
    solid pixels (all of its pixels when none is solid). Sizes must match."""
    if region.grey.size != sprite.size:
        raise ValueError(f"region {region.grey.size} and sprite {sprite.size} differ in size")
    difference = ImageChops.difference(sprite.luma, region.grey)
    histogram = difference.histogram(sprite.solid)
    return _mean(histogram) if sum(histogram) else _mean(difference.histogram())


def score(anchor: Anchor, region: Region, sprite: Sprite) -> CornerScore:
    """The cost of putting ``sprite`` at ``anchor`` over ``region`` (see the module docstring)."""
    seen = contrast(region, sprite)
    return CornerScore(
        anchor=anchor,
        detail=region.detail,
        contrast=seen,
        cost=region.detail - CONTRAST_WEIGHT * seen,
    )


def best(scores: Sequence[CornerScore]) -> CornerScore:
    """The lowest cost, in steps of :data:`COST_STEP`; ties by the order of
    :data:`AUTO_CORNERS`."""
    if not scores:
        raise ValueError("no corner to choose from")

    def rank(found: CornerScore) -> tuple[int, int]:
        order = AUTO_CORNERS.index(found.anchor) if found.anchor in AUTO_CORNERS else 99
        return round(found.cost / COST_STEP), order

    return min(scores, key=rank)
