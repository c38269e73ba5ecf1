"""Layers: what a template draws, bottom to top. Each type keeps its own properties in ``props``."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Annotated, Final, Literal

from annotated_types import Interval
from pydantic import Field

from brandstudio.model._record import record
from brandstudio.model.geometry import Geometry, GeometryOverride
from brandstudio.model.paint import Paint
from brandstudio.model.utm import UtmSettings
from brandstudio.model.values import (
    AssetRef,
    ColorRef,
    Degrees,
    Em,
    FontFamilyRef,
    FontSize,
    FontWeight,
    Fraction,
    Label,
    LayerId,
    LongText,
    PresetId,
    SignedEm,
    SlotName,
)

CornerRadius = Annotated[float, Interval(ge=0.0, le=0.5)]
"""A corner radius as a fraction of the box's shorter side (0.5 makes a pill or circle)."""

LineWidth = Annotated[float, Interval(ge=0.0, le=0.1)]
"""A line width as a fraction of the canvas's shorter side."""

LineHeight = Annotated[float, Interval(ge=0.5, le=3.0)]
"""Distance between baselines, in multiples of the font size."""

SizeFraction = Annotated[float, Interval(ge=0.005, le=0.5)]
"""A font size as a fraction of the canvas's shorter side."""

MAX_SLIDES: Final = 20
"""The most slides a carousel template may have (Instagram and VK allow 10-20 per post)."""

SlideNumber = Annotated[int, Interval(ge=1, le=MAX_SLIDES)]
"""A carousel slide, counted from 1."""

SlideChoice = SlideNumber | Literal["each", "each-but-last"] | None
"""Where a layer of a carousel goes: None spans the whole strip (it may cross slide
boundaries); a number puts it on that slide only (its geometry is relative to the slide);
``each`` repeats it on every slide, ``each-but-last`` on all but the last (an arrow "→")."""

COPY_MARK: Final = "@"
"""Separates a repeated layer's id from the slide number of its copy (``arrow@2``; ``@``
cannot occur in a layer id)."""


def source_id(placed_id: str) -> str:
    """The layer a placed id stands for: a repeated layer's copy's layer, else the id."""
    return placed_id.split(COPY_MARK, 1)[0]


@record
class Outline:
    """A stroke around a shape or badge."""

    width: LineWidth = 0.004
    color: ColorRef = "brand:text"


@record
class FontRef:
    """A font by brand role (``brand:heading``, ``brand:body``) or bundled family name."""

    family: FontFamilyRef = "brand:heading"
    weight: FontWeight = 700
    italic: bool = False


@record
class TextStroke:
    """An outline around glyphs; width in ems."""

    width: Em = 0.05
    color: ColorRef = "#000000"


@record
class TextShadow:
    """A soft shadow behind the text; offsets and blur radius in ems."""

    dx: SignedEm = 0.03
    dy: SignedEm = 0.05
    blur: Em = 0.08
    color: ColorRef = "#00000080"


@record
class TextBackground:
    """A box behind the text block; padding and corner radius in ems."""

    color: ColorRef = "brand:background"
    padding: Em = 0.4
    radius: Em = 0.2


@record
class TextFit:
    """How the font size adapts to the box.

    ``none`` draws at the authored size; ``shrink`` shrinks it until the text fits, down to
    ``min_size``; ``fill`` takes the largest size that fits between ``min_size`` and
    ``max_size`` (or the authored size when ``max_size`` is None). When even the smallest
    size does not fit, the text is cut at a word with "…" and a warning. A fit never
    changes the authored ``size``.
    """

    mode: Literal["none", "shrink", "fill"] = "shrink"
    min_size: SizeFraction = 0.025
    max_size: SizeFraction | None = None


@record
class LayerBase:
    """What every layer has. ``overrides`` maps a preset id to a change for that preset only."""

    id: LayerId
    type: str
    name: Label = ""
    geometry: Geometry = Geometry()
    rotation: Degrees = 0.0
    opacity: Fraction = 1.0
    visible: bool = True
    locked: bool = False
    overrides: Mapping[PresetId, GeometryOverride] = dataclasses.field(default_factory=dict)
    slide: SlideChoice = None
    """In a carousel: the slide it is on, or None for the whole strip (see ``SlideChoice``)."""


@record
class PhotoProps:
    """A photo from an image slot, cropped (``cover``) or letterboxed (``contain``).

    ``focus`` is the point of the photo (fractions of its width and height) kept in frame on
    every crop. ``overlay`` darkens or tints the photo so text on it reads well.
    """

    slot: SlotName = "photo"
    fit: Literal["cover", "contain"] = "cover"
    focus: tuple[Fraction, Fraction] = (0.5, 0.5)
    mask: Literal["none", "rounded", "circle"] = "none"
    corner_radius: CornerRadius = 0.0
    overlay: Paint | None = None


@record
class LogoProps:
    """A logo: ``brand:logo`` (or another brand logo role) or a file path.

    ``variant``: ``light`` is the logo drawn for dark backgrounds, ``dark`` for light ones;
    ``auto`` picks whichever contrasts more with what lies under it.
    """

    source: AssetRef = "brand:logo"
    variant: Literal["auto", "light", "dark"] = "auto"


Typography = Literal["auto", "ru", "en", "off"]
"""How a text layer's text is typeset before it is laid out: ``auto`` by its language (no-break
spaces after short words and before dashes, balanced headline lines, no orphan word on a last
line), ``ru`` or ``en`` by that language's rules, ``off`` as typed and wrapped greedily."""


@record
class TextProps:
    """Text from a slot (``slot``) or written into the template (``text``): exactly one is set.

    ``typography`` (see :data:`Typography`) and ``hyphenate`` (words broken with a hyphen
    where a line would otherwise end far short, by Russian or English rules; never in a
    headline's first line) change where lines break, never the letters typed.
    """

    slot: SlotName | None = None
    text: LongText | None = None
    font: FontRef = FontRef()
    size: FontSize = 72.0
    color: ColorRef = "brand:text"
    align: Literal["left", "center", "right"] = "left"
    valign: Literal["top", "middle", "bottom"] = "top"
    line_height: LineHeight = 1.15
    letter_spacing: SignedEm = 0.0
    uppercase: bool = False
    stroke: TextStroke | None = None
    shadow: TextShadow | None = None
    background: TextBackground | None = None
    fit: TextFit = TextFit()
    typography: Typography = "auto"
    hyphenate: bool = False


@record
class BadgeProps:
    """A sticker with its own text, always fitted inside the shape."""

    shape: Literal["circle", "rounded", "starburst", "ribbon"] = "circle"
    fill: Paint = "brand:accent"
    outline: Outline | None = None
    corner_radius: CornerRadius = 0.2
    points: Annotated[int, Interval(ge=5, le=64)] = 16
    slot: SlotName | None = None
    text: LongText | None = None
    font: FontRef = FontRef()
    text_color: ColorRef = "#FFFFFF"
    uppercase: bool = True
    padding: Annotated[float, Interval(ge=0.0, le=0.4)] = 0.14


@record
class QrProps:
    """A QR code of the URL in ``slot``; ``quiet_zone`` in modules. ``utm``: the UTM tags a
    web link gets for each network it is posted to (None: the link as written)."""

    slot: SlotName = "qr_url"
    dark: ColorRef = "#000000"
    light: ColorRef = "#FFFFFF"
    error_correction: Literal["L", "M", "Q", "H"] = "M"
    quiet_zone: Annotated[int, Interval(ge=0, le=16)] = 2
    utm: UtmSettings | None = None


@record
class ShapeProps:
    """A rectangle, ellipse or line (from the box's top-left to its bottom-right corner)."""

    shape: Literal["rect", "ellipse", "line"] = "rect"
    fill: Paint | None = "brand:primary"
    outline: Outline | None = None
    corner_radius: CornerRadius = 0.0


@record
class PhotoLayer(LayerBase):
    type: Literal["photo"] = "photo"
    props: PhotoProps = PhotoProps()


@record
class LogoLayer(LayerBase):
    type: Literal["logo"] = "logo"
    props: LogoProps = LogoProps()


@record
class TextLayer(LayerBase):
    type: Literal["text"] = "text"
    props: TextProps = TextProps(text="")


@record
class BadgeLayer(LayerBase):
    type: Literal["badge"] = "badge"
    props: BadgeProps = BadgeProps(text="")


@record
class QrLayer(LayerBase):
    type: Literal["qr"] = "qr"
    props: QrProps = QrProps()


@record
class ShapeLayer(LayerBase):
    type: Literal["shape"] = "shape"
    props: ShapeProps = ShapeProps()


Layer = Annotated[
    PhotoLayer | LogoLayer | TextLayer | BadgeLayer | QrLayer | ShapeLayer,
    Field(discriminator="type"),
]
"""Any layer; its ``type`` says which."""

LAYER_TYPES: tuple[str, ...] = ("photo", "logo", "text", "badge", "qr", "shape")

BOXED_TYPES: frozenset[str] = frozenset({"text", "logo", "badge", "qr"})
"""Layer types kept inside a preset's safe zone; photos and shapes may bleed."""

MAX_TEXT_CHARACTERS: Final = 12_000
"""The most characters a template's text and badge layers may hold together, counting each
layer's own text and each slot sample they show once. Laying text out costs up to a second per
few thousand characters that can land in a box (a badge fits its text four ways), so this
bounds a render of the template with its samples to a few seconds; a post shows a few hundred
characters, and one text may hold 5,000 (``LongText``)."""

MAX_TEXT_AREA: Final = 10.0
"""The most area text and badge boxes may cover together, in canvases (on the template's own
canvas; a layer counts its largest box among its presets). Each box is drawn and composited
in full on every render (tens of milliseconds for a whole canvas); a design's text boxes
cover a canvas or two at most."""


def layer_slot(layer: Layer) -> str | None:
    """The slot a layer draws its content from, if any."""
    if isinstance(layer, LogoLayer | ShapeLayer):
        return None
    return layer.props.slot
