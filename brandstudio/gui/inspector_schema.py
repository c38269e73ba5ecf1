"""What the inspector reads from the model: each field's kind and limits (from its type
annotation), how each layer type's fields are grouped into sections, and how each is shown:
label, unit, scale, the texts of its choices.

No widgets here; the editors that use this are in ``inspector_fields`` (forms and records),
``inspector_values`` and ``inspector_brand``.
"""

from __future__ import annotations

import dataclasses
import functools
import types
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Final, Literal, Union, get_args, get_origin, get_type_hints

from annotated_types import Interval
from PySide6.QtCore import QCoreApplication

from brandstudio.model.layers import (
    BadgeProps,
    FontRef,
    LogoProps,
    PhotoProps,
    QrProps,
    ShapeProps,
    TextProps,
)
from brandstudio.model.paint import Paint
from brandstudio.model.values import AssetRef, ColorRef, LongText, SlotName


def _tr(text: str) -> str:
    return QCoreApplication.translate("Inspector", text)


SLOT_TYPES: Mapping[str, tuple[str, ...]] = {
    "photo": ("image",),
    "text": ("text", "url"),
    "badge": ("text",),
    "qr": ("url", "text"),
}
"""Which slot types each layer type can show (as the file format checks)."""

# -- reading the model's annotations ------------------------------------------------------


@dataclass(frozen=True)
class FieldKind:
    """What a model field holds, as far as choosing an editor goes."""

    kind: Literal[
        "float", "int", "bool", "choice", "color", "paint", "font", "longtext", "label",
        "slot", "asset", "pair", "record",
    ]  # fmt: skip
    optional: bool = False
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()
    record: type | None = None


def _bounds(metadata: Sequence[object]) -> tuple[float | None, float | None]:
    low: float | None = None
    high: float | None = None
    for item in metadata:
        if isinstance(item, Interval):
            if item.ge is not None:
                low = float(item.ge)  # type: ignore[arg-type]
            if item.gt is not None:
                low = float(item.gt)  # type: ignore[arg-type]
            if item.le is not None:
                high = float(item.le)  # type: ignore[arg-type]
            if item.lt is not None:
                high = float(item.lt)  # type: ignore[arg-type]
    return low, high


def describe(hint: Any) -> FieldKind:
    """The kind of a field from its (``include_extras``) type hint."""
    optional = False
    if get_origin(hint) in (Union, types.UnionType):
        members = get_args(hint)
        rest = tuple(member for member in members if member is not type(None))
        if len(rest) != len(members):
            optional = True
            hint = rest[0] if len(rest) == 1 else Union[rest]  # noqa: UP007
    special: list[tuple[Any, str]] = [
        (Paint, "paint"),
        (ColorRef, "color"),
        (SlotName, "slot"),
        (LongText, "longtext"),
        (AssetRef, "asset"),
    ]
    for known, kind in special:
        if hint == known:
            return FieldKind(kind, optional)  # type: ignore[arg-type]
    if hint is FontRef:
        return FieldKind("font", optional)
    base: Any = hint
    metadata: Sequence[object] = ()
    if get_origin(hint) is Annotated:
        base = get_args(hint)[0]
        metadata = hint.__metadata__
    low, high = _bounds(metadata)
    if base is bool:
        return FieldKind("bool", optional)
    if base is int:
        return FieldKind("int", optional, low, high)
    if base is float:
        return FieldKind("float", optional, low, high)
    if get_origin(base) is Literal:
        return FieldKind("choice", optional, choices=tuple(str(v) for v in get_args(base)))
    if get_origin(base) is tuple:
        item = get_args(base)[0]
        item_low, item_high = _bounds(item.__metadata__ if get_origin(item) is Annotated else ())
        return FieldKind("pair", optional, item_low, item_high)
    if dataclasses.is_dataclass(base) and isinstance(base, type):
        return FieldKind("record", optional, record=base)
    if base is str:
        return FieldKind("label", optional)
    raise TypeError(f"no editor for {hint!r}")


def field_kinds(cls: type) -> dict[str, FieldKind]:
    """The fields of a record class that a field editor can edit, in declaration order, with
    their kinds."""
    return _field_kinds(cls)


@functools.cache
def _field_kinds(cls: Any) -> dict[str, FieldKind]:
    hints = get_type_hints(cls, include_extras=True)
    kinds: dict[str, FieldKind] = {}
    for item in dataclasses.fields(cls):
        try:
            kinds[item.name] = describe(hints[item.name])
        except TypeError:
            continue  # ids, overrides, props: edited by their own panels and sections
    return kinds


# -- how fields are grouped ----------------------------------------------------------------


SECTIONS: Final[dict[type, tuple[tuple[str, tuple[str, ...]], ...]]] = {
    TextProps: (
        ("text", ("slot", "text")),
        ("font", ("font", "size", "color", "uppercase")),
        ("paragraph", ("align", "valign", "line_height", "letter_spacing")),
        ("typography", ("typography", "hyphenate")),
        ("fit", ("fit",)),
        ("effects", ("stroke", "shadow", "background")),
    ),
    BadgeProps: (
        ("badge", ("shape", "fill", "corner_radius", "points", "padding", "outline")),
        ("text", ("slot", "text", "font", "text_color", "uppercase")),
    ),
    PhotoProps: (("photo", ("slot", "fit", "focus", "mask", "corner_radius", "overlay")),),
    LogoProps: (("logo", ("source", "variant")),),
    QrProps: (("qr", ("slot", "dark", "light", "error_correction", "quiet_zone")),),
    ShapeProps: (("shape", ("shape", "fill", "corner_radius", "outline")),),
}
"""How each layer type's properties are grouped; fields not listed go into the last group."""


# -- how each field is shown --------------------------------------------------------------


@dataclass(frozen=True)
class Display:
    """A field's label and, for numbers, how they are shown: ``value * scale`` with ``suffix``."""

    label: str
    suffix: str = ""
    scale: float = 1.0
    decimals: int = 2
    step: float = 0.01
    tip: str = ""


def _displays() -> dict[str, Display]:
    percent_short = _tr("Percent of the canvas's shorter side.")
    ems = _tr("In ems: multiples of the font size as drawn.")
    layout_units = _tr("Percent of the frame (or of its shorter side, by the units).")
    return {
        "name": Display(_tr("Name")),
        "opacity": Display(_tr("Opacity"), " %", 100.0, 0, 1.0),
        "rotation": Display(_tr("Rotation"), "°", 1.0, 1, 1.0),
        "anchor": Display(_tr("Anchor"), tip=_tr("The point of the frame the layer is pinned to.")),
        "Geometry.x": Display(_tr("X"), " %", 100.0, 1, 0.5, layout_units),
        "Geometry.y": Display(_tr("Y"), " %", 100.0, 1, 0.5, layout_units),
        "Geometry.width": Display(_tr("Width"), " %", 100.0, 1, 0.5, layout_units),
        "Geometry.height": Display(_tr("Height"), " %", 100.0, 1, 0.5, layout_units),
        "units": Display(
            _tr("Units"),
            tip=_tr(
                "Frame: the box stretches with the canvas. Short side: the box keeps its shape."
            ),
        ),
        "aspect": Display(
            _tr("Aspect"), "", 1.0, 2, 0.05, _tr("Width divided by height: keeps the shape.")
        ),
        "slot": Display(_tr("Slot")),
        "PhotoProps.slot": Display(_tr("Photo")),
        "QrProps.slot": Display(_tr("Link")),
        "text": Display(_tr("Content")),
        "fit": Display(_tr("Fit")),
        "focus": Display(_tr("Focus"), " %", 100.0, 0, 1.0, _tr("The point kept in every crop.")),
        "mask": Display(_tr("Mask")),
        "corner_radius": Display(
            _tr("Corner radius"), " %", 100.0, 1, 0.5, _tr("Percent of the box's shorter side.")
        ),
        "overlay": Display(_tr("Overlay")),
        "source": Display(_tr("Logo")),
        "variant": Display(_tr("Variant")),
        "font": Display(_tr("Font")),
        "size": Display(_tr("Size"), " px", 1.0, 1, 1.0, _tr("On the template's own canvas.")),
        "color": Display(_tr("Colour")),
        "align": Display(_tr("Align")),
        "valign": Display(_tr("Vertical")),
        "line_height": Display(_tr("Line height"), " ×", 1.0, 2, 0.05),
        "letter_spacing": Display(_tr("Letter spacing"), " em", 1.0, 3, 0.005, ems),
        "uppercase": Display(_tr("Uppercase")),
        "typography": Display(
            _tr("Typography"),
            tip=_tr(
                "Sets the text as a proofreader would while laying it out: no-break spaces after"
                " short words and in numbers with units, «quotes», dashes, ranges. The text you"
                " typed is kept as it is."
            ),
        ),
        "hyphenate": Display(
            _tr("Hyphenate"),
            tip=_tr(
                "Break long words at syllables (Russian and English dictionaries), never in a"
                " headline's first line. Soft hyphens you type are always honoured."
            ),
        ),
        "stroke": Display(_tr("Stroke")),
        "shadow": Display(_tr("Shadow")),
        "background": Display(_tr("Background")),
        "TextStroke.width": Display(_tr("Width"), " em", 1.0, 3, 0.005, ems),
        "TextShadow.dx": Display(_tr("Offset X"), " em", 1.0, 3, 0.005, ems),
        "TextShadow.dy": Display(_tr("Offset Y"), " em", 1.0, 3, 0.005, ems),
        "TextShadow.blur": Display(_tr("Blur"), " em", 1.0, 3, 0.005, ems),
        "TextBackground.padding": Display(_tr("Padding"), " em", 1.0, 2, 0.05, ems),
        "TextBackground.radius": Display(_tr("Corner radius"), " em", 1.0, 2, 0.05, ems),
        "TextFit.mode": Display(_tr("Size")),
        "TextFit.min_size": Display(_tr("Smallest"), " %", 100.0, 1, 0.1, percent_short),
        "TextFit.max_size": Display(_tr("Largest"), " %", 100.0, 1, 0.1, percent_short),
        "shape": Display(_tr("Shape")),
        "fill": Display(_tr("Fill")),
        "outline": Display(_tr("Outline")),
        "points": Display(_tr("Points"), "", 1.0, 0, 1.0),
        "text_color": Display(_tr("Text colour")),
        "BadgeProps.padding": Display(
            _tr("Padding"), " %", 100.0, 0, 1.0, _tr("Percent of the badge's size.")
        ),
        "Outline.width": Display(_tr("Width"), " %", 100.0, 2, 0.05, percent_short),
        "dark": Display(_tr("Dark colour")),
        "light": Display(_tr("Light colour")),
        "error_correction": Display(_tr("Error correction")),
        "quiet_zone": Display(_tr("Quiet zone"), _tr(" modules"), 1.0, 0, 1.0),
    }


def display_for(owner: type, name: str) -> Display:
    """How field ``name`` of ``owner`` is labelled and shown."""
    table = _displays()
    return table.get(f"{owner.__name__}.{name}") or table.get(name) or Display(name)


def choice_text(name: str, value: str) -> str:
    """The user-visible text of a ``Literal`` choice of field ``name``."""
    texts = {
        ("fit", "cover"): _tr("Fill the box (crop)"),
        ("fit", "contain"): _tr("Fit inside (letterbox)"),
        ("mode", "none"): _tr("Fixed size"),
        ("mode", "shrink"): _tr("Shrink to fit"),
        ("mode", "fill"): _tr("Fill the box"),
        ("mask", "none"): _tr("None"),
        ("mask", "rounded"): _tr("Rounded corners"),
        ("mask", "circle"): _tr("Circle"),
        ("variant", "auto"): _tr("Automatic"),
        ("variant", "light"): _tr("Light (for dark backgrounds)"),
        ("variant", "dark"): _tr("Dark (for light backgrounds)"),
        ("align", "left"): _tr("Left"),
        ("align", "center"): _tr("Centre"),
        ("align", "right"): _tr("Right"),
        ("valign", "top"): _tr("Top"),
        ("valign", "middle"): _tr("Middle"),
        ("valign", "bottom"): _tr("Bottom"),
        ("shape", "circle"): _tr("Circle"),
        ("shape", "rounded"): _tr("Rounded rectangle"),
        ("shape", "starburst"): _tr("Starburst"),
        ("shape", "ribbon"): _tr("Ribbon"),
        ("shape", "rect"): _tr("Rectangle"),
        ("shape", "ellipse"): _tr("Ellipse"),
        ("shape", "line"): _tr("Line"),
        ("error_correction", "L"): _tr("Low (7 %)"),
        ("error_correction", "M"): _tr("Medium (15 %)"),
        ("error_correction", "Q"): _tr("Quartile (25 %)"),
        ("error_correction", "H"): _tr("High (30 %)"),
        ("typography", "auto"): _tr("Automatic"),
        ("typography", "ru"): _tr("Russian"),
        ("typography", "en"): _tr("English"),
        ("typography", "off"): _tr("Off (as typed)"),
        ("units", "frame"): _tr("Frame"),
        ("units", "short-side"): _tr("Short side"),
        ("anchor", "top-left"): _tr("Top left"),
        ("anchor", "top"): _tr("Top"),
        ("anchor", "top-right"): _tr("Top right"),
        ("anchor", "left"): _tr("Left"),
        ("anchor", "center"): _tr("Centre"),
        ("anchor", "right"): _tr("Right"),
        ("anchor", "bottom-left"): _tr("Bottom left"),
        ("anchor", "bottom"): _tr("Bottom"),
        ("anchor", "bottom-right"): _tr("Bottom right"),
    }
    return texts.get((name, value), value)


def weight_text(weight: int) -> str:
    """``700 Bold`` (the name translated)."""
    names = {
        100: _tr("Thin"),
        200: _tr("Extra Light"),
        300: _tr("Light"),
        400: _tr("Regular"),
        500: _tr("Medium"),
        600: _tr("Semi Bold"),
        700: _tr("Bold"),
        800: _tr("Extra Bold"),
        900: _tr("Black"),
    }
    name = names.get(weight)
    return _tr("%1 %2").replace("%1", str(weight)).replace("%2", name) if name else str(weight)


def fill_in(text: str, *values: object) -> str:
    """``text`` with ``%1``, ``%2``... replaced by ``values`` (as Qt's ``arg``)."""
    for number, value in reversed(list(enumerate(values, start=1))):
        text = text.replace(f"%{number}", str(value))
    return text


DEFAULTS: Mapping[str, object] = {
    "aspect": 1.0,
    "max_size": 0.12,
    "overlay": "#00000066",
    "fill": "brand:primary",
}
"""What an optional value becomes when its check box is ticked."""
