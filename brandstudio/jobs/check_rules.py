"""The rules of ``brandstudio check``: each looks at one post at one size (a
:class:`~brandstudio.jobs.check_scene.Scene`) and yields what breaks it.

A rule has an id, a default severity, a default limit (in its own unit, which a template can
change per layer and per preset, see ``model/checks.py``) and a one-line reason.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Final

import numpy as np
from PIL import Image, ImageFilter

from brandstudio.jobs.check_scene import LayerFacts, Letters, Scene, phone_points_per_px
from brandstudio.model.brand import LogoVariants
from brandstudio.model.contrast import TEXT_CONTRAST
from brandstudio.model.layers import BadgeLayer, LogoLayer, PhotoLayer, TextLayer
from brandstudio.model.layout import Box
from brandstudio.model.values import brand_role
from brandstudio.render.compose import as_rgb
from brandstudio.render.legibility import (
    GLYPH,
    LARGE_SPAN,
    inked_rows,
    letters_over,
    line_bands,
)
from brandstudio.render.shaping import missing_warning
from brandstudio.render.text import CUT_WARNING


@dataclass(frozen=True)
class Rule:
    """A rule's id, default severity and limit (in ``unit``), and why it matters."""

    id: str
    severity: str
    limit: float | None
    unit: str
    reason: str


RULES: Final[dict[str, Rule]] = {
    rule.id: rule
    for rule in (
        Rule("text-fit", "error", 1.0, "share of the layer's min_size",
             "text cut with '…' or shrunk below its minimum loses words or reads too small"),
        Rule("min-size", "error", 4.0, "pt of x-height on a phone",
             "letters smaller than this on a 390 pt wide phone screen cannot be read"),
        Rule("contrast", "error", TEXT_CONTRAST, "WCAG ratio (large text: 2/3 of it)",
             "text below WCAG 2.x AA contrast with the pixels behind it is hard to read"),
        Rule("safe-zone", "error", 0.02, "share of the canvas's short side",
             "the network's own buttons cover the edges; a layer pushed off its place looks wrong"),
        Rule("overlap", "error", 0.0, "px of overlap",
             "text over other text, a QR code or a badge cannot be read"),
        Rule("clear-space", "warning", None, "share of the logo's height (default: the brand's)",
             "a logo needs free room around it to be recognised"),
        Rule("photo-resolution", "warning", 1.5, "times enlarged",
             "a photo enlarged this much looks blurry"),
        Rule("file-size", "error", None, "KB (default: the network's upload limit)",
             "the network refuses or recompresses a file over its upload limit"),
        Rule("qr-scan", "error", None, "", "a QR code that does not scan is useless"),
        Rule("glyphs", "error", None, "", "letters that no font draws are left out or boxed"),
    )
}  # fmt: skip

UPLOAD_LIMIT_KB: Final[dict[str, int]] = {
    "instagram": 8 * 1024,
    "facebook": 8 * 1024,
    "x": 5 * 1024,
    "linkedin": 5 * 1024,
    "pinterest": 20 * 1024,
    "youtube": 2 * 1024,
    "vk": 5 * 1024,
    "ok": 5 * 1024,
    "telegram": 10 * 1024,
    "tiktok": 5 * 1024,
}
"""The largest image file (KB) each network takes, by the preset id's first word. Rough,
conservative figures, not yet checked against each network's help pages (the presets file
has no upload limit); a template's ``file-size`` limit or ``--max-kb`` overrides them."""

SHRINK_LIMIT: Final = 0.10
"""The layout may shrink a layer this much (share of its size) to keep it in its frame."""

RING: Final = 3
"""Width (px) of the band around the letters whose pixels are what the letters sit on."""

PERCENTILE: Final = 10.0
"""The share (percent) of a line's background pixels allowed below the contrast limit."""


@dataclass(frozen=True)
class Finding:
    """One broken rule at one layer (None: the whole image); ``value`` and ``limit`` in the
    rule's unit."""

    rule: str
    layer: str | None
    message: str
    value: float | None = None
    limit: float | None = None


LimitOf = Callable[[str, str | None], float | None]
"""(rule id, layer id) -> the limit that applies at this size."""


def _text_layers(scene: Scene) -> Iterator[tuple[LayerFacts, TextLayer]]:
    for facts in scene.layers:
        if isinstance(facts.layer, TextLayer) and facts.fitted is not None:
            yield facts, facts.layer


def _lettered(scene: Scene) -> Iterator[tuple[LayerFacts, Letters | None]]:
    """Text layers and badges with text: their facts and their letters on the canvas."""
    for facts in scene.layers:
        if facts.fitted is None:
            continue
        if isinstance(facts.layer, TextLayer):
            yield facts, facts.letters
        elif isinstance(facts.layer, BadgeLayer):
            yield facts, facts.badge_letters


def text_fit(scene: Scene, limit_of: LimitOf) -> Iterator[Finding]:
    """Text cut with '…' (text and badges), or drawn below ``limit`` x its min_size."""
    for facts in scene.layers:
        if f"{facts.layer.id}: {CUT_WARNING}" in scene.warnings:
            yield Finding("text-fit", facts.layer.id, "text cut to fit its box (ends with '…')")
    for facts, layer in _text_layers(scene):
        assert facts.fitted is not None
        share = limit_of("text-fit", layer.id) or 0.0
        smallest = layer.props.fit.min_size * scene.short_side * share
        shrunk = layer.props.fit.mode != "none"  # an authored size is not a shrink
        if shrunk and facts.fitted.lines and facts.fitted.size < smallest - 0.5:
            yield Finding(
                "text-fit", layer.id,
                f"text drawn at {facts.fitted.size:.0f} px, below its minimum {smallest:.0f} px",
                round(facts.fitted.size, 1), round(smallest, 1),
            )  # fmt: skip


def min_size(scene: Scene, limit_of: LimitOf) -> Iterator[Finding]:
    """Text (and a badge's text) whose x-height, shown on a phone (the image 390 pt wide), is
    under ``limit`` pt (4 pt: about 7.5 pt type, below the smallest text style phones use,
    11 pt)."""
    points_per_px = phone_points_per_px(scene.preset_id, scene.slide_width)
    for facts, _ in _lettered(scene):
        assert facts.fitted is not None
        limit = limit_of("min-size", facts.layer.id)
        if limit is None or not facts.fitted.lines:
            continue
        shown = facts.fitted.size * facts.x_height * points_per_px
        if shown < limit:
            yield Finding(
                "min-size", facts.layer.id,
                f"letters {shown:.1f} pt high on a phone (x-height; at least {limit:g} pt reads)",
                round(shown, 2), limit,
            )  # fmt: skip


def _line_contrasts(
    scene: Scene, facts: LayerFacts, letters: Letters
) -> Iterator[tuple[float, bool]]:
    """(the 10th-percentile contrast of the letters' colour with the pixels in a 3 px band
    just outside the letters, as exported; whether the line is large text) per line."""
    found = letters.mask.getbbox()
    if found is None:
        return
    x0, y0 = max(0, found[0] - RING), max(0, found[1] - RING)
    x1, y1 = min(letters.mask.width, found[2] + RING), min(letters.mask.height, found[3] + RING)
    left, top = letters.left + x0, letters.top + y0
    cx0, cy0 = max(0, left), max(0, top)
    cx1 = min(scene.image.width, left + x1 - x0)
    cy1 = min(scene.image.height, top + y1 - y0)
    if cx1 <= cx0 or cy1 <= cy0:
        return
    crop = (cx0 - letters.left, cy0 - letters.top, cx1 - letters.left, cy1 - letters.top)
    mask = letters.mask.crop(crop)
    inked = np.asarray(mask)
    grown = np.asarray(mask.filter(ImageFilter.BoxBlur(RING)))  # > 0 within RING px of ink
    ring = (grown > 0) & (inked == 0)
    pixels = np.asarray(as_rgb(scene.image.crop((cx0, cy0, cx1, cy1))))
    red, green, blue, alpha = facts.color
    text = np.array((red, green, blue), dtype=np.float64)
    share = alpha / 255
    large = LARGE_SPAN * scene.slide_width
    for start, end in line_bands(inked_rows(inked)):
        rows = slice(max(0, start - RING), end + RING)
        ground = pixels[rows][ring[rows]].astype(np.float64)  # only the ring's pixels
        if ground.size == 0:
            continue
        ratios = letters_over(text, share, ground)
        yield float(np.percentile(ratios, PERCENTILE)), end - start >= large


def contrast(scene: Scene, limit_of: LimitOf) -> Iterator[Finding]:
    """Lines of text (and of an upright badge's text) whose colour contrasts less than
    ``limit`` (large text: 2/3 of it) with the pixels just around its letters in the
    exported image (photo, overlay, box, badge fill, backdrop and all)."""
    for facts, letters in _lettered(scene):
        limit = limit_of("contrast", facts.layer.id)
        if limit is None or letters is None:
            continue
        worst: tuple[float, float] | None = None
        for value, large in _line_contrasts(scene, facts, letters):
            need = limit * 2 / 3 if large else limit
            if value < need and (worst is None or value - need < worst[0] - worst[1]):
                worst = (value, need)
        if worst is not None:
            yield Finding(
                "contrast", facts.layer.id,
                f"contrast {worst[0]:.2f}:1 with what is behind the letters (needs {worst[1]:g}:1)",
                round(worst[0], 2), round(worst[1], 2),
            )  # fmt: skip


def safe_zone(scene: Scene, limit_of: LimitOf) -> Iterator[Finding]:
    """Logos, text, badges and QR codes under the network's interface, or moved by the
    layout more than ``limit`` x the short side, or shrunk more than 10 %."""
    safe = scene.placed.safe
    for facts in scene.layers:
        if facts.layer.type not in ("text", "logo", "badge", "qr"):
            continue
        layer_id, box, wanted = facts.layer.id, facts.placement.box, facts.wanted
        limit = limit_of("safe-zone", layer_id)
        if limit is None:
            continue
        if not safe.contains(facts.placement.bounds, tolerance=1.0):
            yield Finding("safe-zone", layer_id, "inside the area the network's interface covers")
            continue
        moved = max(abs(a - b) for a, b in zip(box.center, wanted.center, strict=True))
        shrunk = 1 - box.width / wanted.width if wanted.width else 0.0
        if moved > limit * scene.short_side:
            share = moved / scene.short_side
            yield Finding(
                "safe-zone", layer_id,
                f"moved {moved:.0f} px to keep out of the interface's area (it does not fit there)",
                round(share, 4), limit,
            )  # fmt: skip
        elif shrunk > SHRINK_LIMIT:
            yield Finding(
                "safe-zone", layer_id,
                f"shrunk by {shrunk:.0%} to fit the area the interface leaves free",
                round(shrunk, 3), SHRINK_LIMIT,
            )  # fmt: skip


def _depth(letters: Letters, area: Box, other: Letters | None = None) -> int:
    """How far (px) ``letters`` reach into ``area`` (or, with ``other``, into its letters
    there): the shorter side of the bounds of the letter pixels found there."""
    x0, y0 = max(letters.left, math.floor(area.x)), max(letters.top, math.floor(area.y))
    x1 = min(letters.left + letters.mask.width, math.ceil(area.right))
    y1 = min(letters.top + letters.mask.height, math.ceil(area.bottom))
    if x1 <= x0 or y1 <= y0:
        return 0
    inked = np.asarray(letters.mask.crop(_shift((x0, y0, x1, y1), letters))) >= GLYPH
    if other is not None:
        inked &= np.asarray(other.mask.crop(_shift((x0, y0, x1, y1), other))) >= GLYPH
    ys, xs = np.nonzero(inked)
    if xs.size == 0:
        return 0
    return int(min(xs.max() - xs.min(), ys.max() - ys.min())) + 1


def _shift(area: tuple[int, int, int, int], letters: Letters) -> tuple[int, int, int, int]:
    """``area`` (canvas px) in the coordinates of the letters' mask."""
    return (
        area[0] - letters.left,
        area[1] - letters.top,
        area[2] - letters.left,
        area[3] - letters.top,
    )


def overlap(scene: Scene, limit_of: LimitOf) -> Iterator[Finding]:
    """Text whose letters reach more than ``limit`` px into another text's letters, a QR code
    or a badge."""
    for index, facts in enumerate(scene.layers):
        layer_id = facts.layer.id
        limit = limit_of("overlap", layer_id)
        if limit is None or facts.letters is None:
            continue
        for other in scene.layers:
            if other is facts or other.layer.type not in ("text", "qr", "badge"):
                continue
            theirs = other.letters
            if theirs is not None and scene.layers.index(other) < index:
                continue  # each pair of texts once
            area = _overlap_box(facts.ink, other.ink)
            depth = 0 if area is None else _depth(facts.letters, area, theirs)
            if depth > limit:
                yield Finding(
                    "overlap", layer_id,
                    f"overlaps {other.layer.type} {other.layer.id!r} by {depth} px",
                    float(depth), limit,
                )  # fmt: skip


def _overlap_box(first: Box, second: Box) -> Box | None:
    """Where two boxes overlap, or None."""
    x0, y0 = max(first.x, second.x), max(first.y, second.y)
    x1, y1 = min(first.right, second.right), min(first.bottom, second.bottom)
    if x1 <= x0 or y1 <= y0:
        return None
    return Box(x0, y0, x1 - x0, y1 - y0)


def clear_space(scene: Scene, limit_of: LimitOf) -> Iterator[Finding]:
    """Text, badges, QR codes and other logos inside a logo's clear space (``limit`` x the
    logo's height around it; by default the brand's ``clear_space``)."""
    logos = scene.assets.brand.brand.logos
    for facts in scene.layers:
        if not isinstance(facts.layer, LogoLayer):
            continue
        share = limit_of("clear-space", facts.layer.id)
        if share is None:
            role = brand_role(facts.layer.props.source)
            share = logos.get(role or "", LogoVariants()).clear_space
        logo = facts.ink
        room = share * logo.height
        zone = Box(logo.x - room, logo.y - room, logo.width + 2 * room, logo.height + 2 * room)
        for other in scene.layers:
            if other is facts or other.layer.type not in ("text", "badge", "qr", "logo"):
                continue
            if _overlap_box(zone, other.ink) is not None:
                yield Finding(
                    "clear-space", facts.layer.id,
                    f"{other.layer.type} {other.layer.id!r} is inside the logo's clear space"
                    f" ({share:g} of its height)",
                    None, share,
                )  # fmt: skip


def photo_resolution(scene: Scene, limit_of: LimitOf) -> Iterator[Finding]:
    """Photos enlarged more than ``limit`` times to fill their box."""
    for facts in scene.layers:
        layer = facts.layer
        if not isinstance(layer, PhotoLayer):
            continue
        photo = scene.assets.photos.get(layer.props.slot)
        limit = limit_of("photo-resolution", layer.id)
        if photo is None or limit is None:
            continue
        box = facts.placement.box
        scales = (box.width / photo.width, box.height / photo.height)
        scale = max(scales) if layer.props.fit == "cover" else min(scales)
        if scale > limit:
            yield Finding(
                "photo-resolution", layer.id,
                f"photo {photo.width}x{photo.height} enlarged {scale:.1f}x (blurry)",
                round(scale, 2), limit,
            )  # fmt: skip


def upload_limit_kb(preset_id: str) -> int | None:
    """The network's upload limit (KB) for a preset id, None when unknown."""
    return UPLOAD_LIMIT_KB.get(preset_id.split("-")[0])


def surely_under(image: Image.Image, limit_kb: float) -> bool:
    """Whether any 8-bit encoding of ``image`` surely stays under ``limit_kb`` (the raw
    pixels with a quarter's headroom and 64 KB of headers): no need to encode it."""
    return image.width * image.height * 3 * 1.25 + 64 * 1024 <= limit_kb * 1024


def glyphs(scene: Scene, limit_of: LimitOf) -> Iterator[Finding]:
    """Letters no font has, which the render leaves out (from the render's own account)."""
    for layer_id, letters in scene.missing:
        yield Finding("glyphs", layer_id, f"{missing_warning(letters)}: left out of the image")


RuleCheck = Callable[[Scene, LimitOf], Iterator[Finding]]

LOOKS: Final[tuple[RuleCheck, ...]] = (
    text_fit, min_size, contrast, safe_zone, overlap, clear_space, photo_resolution, glyphs,
)  # fmt: skip
"""The rules that look at a rendered scene (file-size and qr-scan are in ``check``)."""
