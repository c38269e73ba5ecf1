"""What ``check`` looks at for one post at one size: the rendered image and, per layer, its
box, the clamping the layout did, its text as laid out and where its letters are.

Everything is taken from the engine's own calls (``render``, ``layout``,
``fit_text_layer``, ``draw_text_and_glyphs``), so what is checked is what is exported.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageFont

from brandstudio.model.geometry import anchor_fractions
from brandstudio.model.layers import (
    BOXED_TYPES,
    BadgeLayer,
    Layer,
    LogoLayer,
    QrLayer,
    TextLayer,
)
from brandstudio.model.layout import Box, Layout, Placement, layout, place_geometry
from brandstudio.model.preset import Preset
from brandstudio.model.slides import expand_slides
from brandstudio.model.template import Template
from brandstudio.render.assets import Assets, slot_value
from brandstudio.render.engine import fit_badge_layer, fit_text_layer, render
from brandstudio.render.photo import contain_size
from brandstudio.render.shaping import TextStyle
from brandstudio.render.text import FittedText, draw_text_and_glyphs

PHONE_WIDTH_PT = 390.0
"""The width (pt) a phone shows a preset's image at: the presets declare no display width,
and every network shows its feed, stories and covers full-width on a phone."""

SHOWN_SHARE: dict[str, float] = {"vk-cover": 0.75}
"""The share of the image's width a phone shows, where the network crops the sides (VK
shows a community cover's middle on phones: the part inside its safe zone)."""


def phone_points_per_px(preset_id: str, width: int) -> float:
    """How many pt of a phone's 390 pt wide screen one px of the image takes."""
    return PHONE_WIDTH_PT / (width * SHOWN_SHARE.get(preset_id, 1.0))


@dataclass(frozen=True)
class Letters:
    """A text layer's letters on the canvas: a mask ("L", 255 inside a letter) and where its
    top-left corner lies (canvas px)."""

    mask: Image.Image
    left: int
    top: int

    def box(self) -> Box | None:
        """The letters' ink bounds in canvas px, or None when nothing is drawn."""
        found = self.mask.getbbox()
        if found is None:
            return None
        x0, y0, x1, y1 = found
        return Box(float(self.left + x0), float(self.top + y0), float(x1 - x0), float(y1 - y0))


@dataclass(frozen=True)
class LayerFacts:
    """One visible layer at one size."""

    layer: Layer
    placement: Placement
    wanted: Box
    """The box before the layout kept it inside its frame (canvas px)."""
    drawn: Box | None = None
    """For an upright logo or QR code: the part of its box it is drawn in (canvas px)."""
    fitted: FittedText | None = None
    """For text: its size (px) and lines as drawn."""
    x_height: float = 0.0
    """For text: the font's x-height (or cap height for upper case) in ems."""
    letters: Letters | None = None
    color: tuple[int, int, int, int] = (0, 0, 0, 255)
    """For text: the letters' colour, its alpha times the layer's opacity."""
    badge_letters: Letters | None = None
    """For an upright badge with text: its letters on the canvas (``letters`` stays None:
    what a badge covers is its shape, not its letters). ``fitted``, ``x_height`` and
    ``color`` describe its text as for a text layer."""

    @property
    def ink(self) -> Box:
        """What the layer covers (canvas px): the letters for text, the drawn logo for a
        logo, else its bounds."""
        if self.letters is not None:
            found = self.letters.box()
            if found is not None:
                return found
        return self.drawn or self.placement.bounds


@dataclass(frozen=True)
class Scene:
    """One post rendered at one preset (None: the template's own canvas)."""

    preset: Preset | None
    image: Image.Image
    warnings: tuple[str, ...]
    placed: Layout
    layers: tuple[LayerFacts, ...]
    assets: Assets
    missing: tuple[tuple[str, str], ...] = ()
    """(layer id, letters) for each layer with letters no font has (left out)."""

    @property
    def preset_id(self) -> str:
        """The preset's id, or WIDTHxHEIGHT for the template's own canvas."""
        if self.preset is not None:
            return self.preset.id
        return f"{self.image.width}x{self.image.height}"

    @property
    def short_side(self) -> int:
        """The shorter side of one exported image (a carousel's slide), px."""
        return self.placed.short_side

    @property
    def slide_width(self) -> int:
        """The width of one exported image (a carousel's slide), px."""
        return self.placed.slide_width


@cache
def _x_height(path: Path, upper: bool) -> float:
    """The x-height (cap height when ``upper``) of the font file, in ems."""
    font = ImageFont.truetype(str(path), 1000)
    top, bottom = font.getbbox("H" if upper else "x", anchor="ls")[1::2]
    return max(0.0, (bottom - top) / 1000)


def _wanted(layer: Layer, placement: Placement, preset: Preset | None) -> Box:
    """Where the layer's geometry asks to be, before ``keep_inside`` moved or shrank it."""
    geometry = layer.geometry
    override = layer.overrides.get(preset.id) if preset is not None else None
    if override is not None:
        geometry = override.apply(geometry)
    return place_geometry(geometry, placement.frame)


def _drawn_glyphs(
    assets: Assets, layer: TextLayer, size: tuple[int, int], font_size: float, words: str
) -> Image.Image | None:
    """The letters the render just drew for ``layer`` in a box of ``size`` px with the text
    ``words``, from the engine's memo of drawn layers (its key starts with the type, the
    props' repr, the box size and the slot's value, None for a layer without a slot), or
    None when it is not there: the caller then draws them again, the same way."""
    props = repr(layer.props)
    value = words if layer.props.slot else None
    for key, (drawn, _) in reversed(assets.drawn.items()):
        same = key[:4] == ("text", props, size, value) and drawn.glyphs is not None
        if same and abs(drawn.font_size - font_size) < 1e-6:
            return drawn.glyphs
    return None


def _text_facts(
    template: Template,
    content: Mapping[str, str],
    assets: Assets,
    preset: Preset | None,
    layer: TextLayer,
    base: LayerFacts,
) -> LayerFacts:
    found = fit_text_layer(template, content, assets, preset, layer.id)
    if found is None:
        return base
    fitted, style, placement = found
    box = placement.box
    size = box.pixel_size
    words = slot_value(template, content, layer.props.slot) if layer.props.slot else ""
    glyphs = _drawn_glyphs(assets, layer, size, fitted.size, words)
    if glyphs is None:
        _, glyphs = draw_text_and_glyphs(fitted, style, size, assets.fonts)
        if layer.rotation % 360:
            glyphs = glyphs.rotate(-layer.rotation, resample=Image.Resampling.BICUBIC, expand=True)
    left, top = round(box.x), round(box.y)
    if layer.rotation % 360:
        left = round(box.x + (box.width - glyphs.width) / 2)
        top = round(box.y + (box.height - glyphs.height) / 2)
    return dataclasses.replace(
        _lettering(base, fitted, style, assets, layer.opacity),
        placement=placement,
        letters=Letters(glyphs, left, top),
    )


def _badge_facts(
    template: Template,
    content: Mapping[str, str],
    assets: Assets,
    preset: Preset | None,
    layer: BadgeLayer,
    base: LayerFacts,
) -> LayerFacts:
    """A badge's text as drawn: its size and lines, and (upright badges) its letters."""
    found = fit_badge_layer(template, content, assets, preset, layer.id)
    if found is None:
        return base
    fitted, style, placement, (left, top, right, bottom) = found
    letters = None
    if not layer.rotation % 360:
        _, glyphs = draw_text_and_glyphs(fitted, style, (right - left, bottom - top), assets.fonts)
        box = placement.box
        letters = Letters(glyphs, round(box.x) + left, round(box.y) + top)
    return dataclasses.replace(
        _lettering(base, fitted, style, assets, layer.opacity), badge_letters=letters
    )


def _lettering(
    base: LayerFacts, fitted: FittedText, style: TextStyle, assets: Assets, opacity: float
) -> LayerFacts:
    """``base`` with a text's size and lines, its font's x-height and its letters' colour
    (alpha times the layer's ``opacity``)."""
    face = assets.fonts.face(style.family, style.weight, style.italic)
    red, green, blue, alpha = style.color
    return dataclasses.replace(
        base,
        fitted=fitted,
        x_height=_x_height(face.path, style.uppercase),
        color=(red, green, blue, round(alpha * opacity)),
    )


def _drawn_box(assets: Assets, layer: LogoLayer | QrLayer, placement: Placement) -> Box:
    """Where a logo (fitted into its box) or a QR code (a square of the box's shorter side)
    is drawn, aligned by the layer's anchor as the engine does (canvas px)."""
    box = placement.box
    size = box.pixel_size
    if isinstance(layer, QrLayer):
        width = height = min(size)
    else:
        source = layer.props.source
        images = [image for (key, _), image in assets.logos.items() if key == source]
        if not images:
            return box
        width, height = contain_size(images[0], size)
    fx, fy = anchor_fractions(layer.geometry.anchor)
    return Box(
        box.x + round((size[0] - width) * fx),
        box.y + round((size[1] - height) * fy),
        float(width),
        float(height),
    )


def make_scene(
    template: Template,
    content: Mapping[str, str],
    assets: Assets,
    preset: Preset | None,
    *,
    allow_missing_glyphs: bool = True,
) -> Scene:
    """Render ``template`` at ``preset`` and gather the facts of each visible layer.

    ``allow_missing_glyphs`` False: letters no font has raise ``MissingGlyphsError``, as an
    export does.
    """
    template = expand_slides(template)  # a carousel's repeated layers, one per slide
    rendered = render(template, content, assets, preset, allow_missing_glyphs=allow_missing_glyphs)
    placed = layout(template, preset)
    facts: list[LayerFacts] = []
    for layer, placement in zip(template.layers, placed.placements, strict=True):
        if not placement.visible:
            continue
        wanted = _wanted(layer, placement, preset) if layer.type in BOXED_TYPES else placement.box
        drawn = None
        if not layer.rotation % 360 and isinstance(layer, LogoLayer | QrLayer):
            drawn = _drawn_box(assets, layer, placement)
        base = LayerFacts(layer=layer, placement=placement, wanted=wanted, drawn=drawn)
        if isinstance(layer, TextLayer):
            base = _text_facts(template, content, assets, preset, layer, base)
        elif isinstance(layer, BadgeLayer):
            base = _badge_facts(template, content, assets, preset, layer, base)
        facts.append(base)
    missing = tuple(
        (layer_id, found.missing) for layer_id, found in rendered.letters if found.missing
    )
    return Scene(preset, rendered.image, rendered.warnings, placed, tuple(facts), assets, missing)
