"""Layout without pixels: every layer's box on a given canvas size.

The renderer, the editor and the tests all call ``layout``; nothing else decides where a
layer goes. It is a pure function of the template and the target size.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from brandstudio.model.geometry import Geometry, anchor_fractions
from brandstudio.model.layers import BOXED_TYPES, Layer, source_id
from brandstudio.model.preset import Preset, SafeZone
from brandstudio.model.slides import expand_slides, slides_of
from brandstudio.model.template import Template


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle in canvas pixels (floats; origin top-left)."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def center(self) -> tuple[float, float]:
        return self.x + self.width / 2, self.y + self.height / 2

    @property
    def pixel_size(self) -> tuple[int, int]:
        """(width, height) in whole px a layer in this box is drawn at: rounded, at least 1."""
        return max(1, round(self.width)), max(1, round(self.height))

    def contains(self, other: Box, tolerance: float = 1e-6) -> bool:
        """Whether ``other`` lies inside this box (edges may touch)."""
        return (
            other.x >= self.x - tolerance
            and other.y >= self.y - tolerance
            and other.right <= self.right + tolerance
            and other.bottom <= self.bottom + tolerance
        )


@dataclass(frozen=True)
class Placement:
    """Where one layer goes on one canvas.

    ``box`` is the layer's rectangle before rotation; the layer is turned by ``rotation``
    degrees (clockwise) about the box centre, and ``bounds`` encloses the turned box.
    ``frame`` is the area the layer was placed in (the safe zone or the whole canvas).
    """

    layer_id: str
    box: Box
    rotation: float
    bounds: Box
    frame: Box
    visible: bool


@dataclass(frozen=True)
class Layout:
    """All layers placed on a ``width`` x ``height`` canvas.

    ``scale`` converts the template's pixel sizes (font sizes) to this canvas: the square root
    of the area ratio to the template's own canvas, so text keeps its share of the picture
    (a fit then shrinks it where its box is tighter).
    """

    width: int
    height: int
    scale: float
    safe: Box
    placements: tuple[Placement, ...]
    preset_id: str | None = None
    """The preset laid out for (None: the template's own canvas)."""
    slides: tuple[Box, ...] = ()
    """A carousel's slides, left to right (empty for a single image, whose one slide is
    the whole canvas)."""
    slide_safes: tuple[Box, ...] = ()
    """Each slide's safe zone, left to right (empty for a single image: see ``safe``)."""

    @property
    def slide_width(self) -> int:
        """The width of one image as exported, px: a carousel's slide, else the canvas."""
        return round(self.slides[0].width) if self.slides else self.width

    @property
    def short_side(self) -> int:
        """The shorter side of one exported image, px (what sizes relative to the canvas
        measure against, a carousel's slide as a single image's canvas)."""
        return min(self.slide_width, self.height)

    def placement(self, layer_id: str) -> Placement:
        """The placement of the layer with this id (a layer repeated on slides: its first
        copy's); KeyError when there is none."""
        for placement in self.placements:
            if placement.layer_id == layer_id:
                return placement
        for placement in self.placements:
            if source_id(placement.layer_id) == layer_id:
                return placement
        raise KeyError(layer_id)

    def slide_at(self, x: float) -> int:
        """The slide (from 1) that the strip's column ``x`` (px) is in; 1 for one image."""
        for number, box in enumerate(self.slides, start=1):
            if x < box.right:
                return number
        return max(1, len(self.slides))


def safe_box(width: int, height: int, safe_zone: SafeZone | None) -> Box:
    """The part of a ``width`` x ``height`` canvas inside the safe-zone margins."""
    if safe_zone is None:
        return Box(0.0, 0.0, float(width), float(height))
    left = safe_zone.left * width
    top = safe_zone.top * height
    return Box(
        left,
        top,
        width * (1.0 - safe_zone.left - safe_zone.right),
        height * (1.0 - safe_zone.top - safe_zone.bottom),
    )


def rotated_bounds(box: Box, degrees: float) -> Box:
    """The axis-aligned box that encloses ``box`` turned by ``degrees`` about its centre."""
    radians = math.radians(degrees)
    cos, sin = abs(math.cos(radians)), abs(math.sin(radians))
    width = box.width * cos + box.height * sin
    height = box.width * sin + box.height * cos
    cx, cy = box.center
    return Box(cx - width / 2, cy - height / 2, width, height)


def place_geometry(geometry: Geometry, frame: Box) -> Box:
    """The box that ``geometry`` describes inside ``frame`` (see ``Geometry``)."""
    if geometry.units == "short-side":
        unit_x = unit_y = min(frame.width, frame.height)
    else:
        unit_x, unit_y = frame.width, frame.height
    width = geometry.width * unit_x
    height = geometry.height * unit_y
    if geometry.aspect is not None:
        if width / height > geometry.aspect:
            width = height * geometry.aspect
        else:
            height = width / geometry.aspect
    fx, fy = anchor_fractions(geometry.anchor)
    point_x = frame.x + fx * frame.width + geometry.x * unit_x
    point_y = frame.y + fy * frame.height + geometry.y * unit_y
    return Box(point_x - fx * width, point_y - fy * height, width, height)


def keep_inside(box: Box, rotation: float, frame: Box) -> Box:
    """``box`` shrunk about its centre and moved so that, turned, it lies inside ``frame``."""
    bounds = rotated_bounds(box, rotation)
    shrink = min(1.0, frame.width / bounds.width, frame.height / bounds.height)
    width, height = box.width * shrink, box.height * shrink
    half_w, half_h = bounds.width * shrink / 2, bounds.height * shrink / 2
    cx, cy = box.center
    cx = min(max(cx, frame.x + half_w), frame.right - half_w)
    cy = min(max(cy, frame.y + half_h), frame.bottom - half_h)
    return Box(cx - width / 2, cy - height / 2, width, height)


def place_layer(layer: Layer, canvas: Box, safe: Box, preset_id: str | None) -> Placement:
    """Where ``layer`` goes, with the override for ``preset_id`` applied when it has one."""
    geometry, visible = layer.geometry, layer.visible
    override = layer.overrides.get(preset_id) if preset_id is not None else None
    if override is not None:
        geometry = override.apply(geometry)
        if override.visible is not None:
            visible = override.visible
    boxed = layer.type in BOXED_TYPES
    frame = safe if boxed else canvas
    box = place_geometry(geometry, frame)
    if boxed:
        box = keep_inside(box, layer.rotation, frame)
    return Placement(
        layer_id=layer.id,
        box=box,
        rotation=layer.rotation,
        bounds=rotated_bounds(box, layer.rotation),
        frame=frame,
        visible=visible,
    )


def layout(template: Template, preset: Preset | None = None) -> Layout:
    """Place every layer of ``template`` on the preset's canvas (or the template's own).

    A carousel (``slides`` > 1) is laid out as one strip of slides, each the preset's size:
    a layer on a slide is placed in that slide (and its safe zone); a layer across the strip
    in the whole strip, kept inside the safe margins of its outer edges. Repeated layers are
    placed once per slide, as ``model.slides.expand_slides`` names their copies.
    """
    template = expand_slides(template)
    if preset is None:
        width, height, safe_zone, preset_id = (
            template.canvas.width,
            template.canvas.height,
            None,
            None,
        )
    else:
        width, height, safe_zone, preset_id = (
            preset.width,
            preset.height,
            preset.safe_zone,
            preset.id,
        )
    scale = math.sqrt(width * height / (template.canvas.width * template.canvas.height))
    count = template.slides
    if count == 1:
        canvas = Box(0.0, 0.0, float(width), float(height))
        safe = safe_box(width, height, safe_zone)
        placements = tuple(place_layer(layer, canvas, safe, preset_id) for layer in template.layers)
        return Layout(
            width=width, height=height, scale=scale, safe=safe, placements=placements,
            preset_id=preset_id,
        )  # fmt: skip
    one = safe_box(width, height, safe_zone)
    slides = tuple(Box(float(k * width), 0.0, float(width), float(height)) for k in range(count))
    safes = tuple(Box(box.x + one.x, one.y, one.width, one.height) for box in slides)
    strip = Box(0.0, 0.0, float(width * count), float(height))
    strip_safe = Box(one.x, one.y, safes[-1].right - one.x, one.height)
    placed = []
    for layer in template.layers:
        on = slides_of(layer, count)
        if on is None:
            placed.append(place_layer(layer, strip, strip_safe, preset_id))
        else:
            placed.append(place_layer(layer, slides[on[0] - 1], safes[on[0] - 1], preset_id))
    return Layout(
        width=width * count, height=height, scale=scale, safe=strip_safe,
        placements=tuple(placed), preset_id=preset_id, slides=slides, slide_safes=safes,
    )  # fmt: skip
