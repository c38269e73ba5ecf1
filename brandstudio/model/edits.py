"""Edits to a template as pure functions: each takes a Template and returns a new one.

The studio's undo stack stores whole templates (they are small and immutable), so every user
action is one of these functions. Boxes are in canvas pixels of the preset being edited;
they are turned back into the layer's own responsive units (see ``geometry``). With
``override=True`` a change applies to that preset only (the master layout stays linked).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from typing import Any, Literal

from brandstudio.model.geometry import Geometry, GeometryOverride, anchor_fractions
from brandstudio.model.labels import copy_layer_names, forget_layers
from brandstudio.model.layers import (
    BOXED_TYPES,
    BadgeLayer,
    BadgeProps,
    Layer,
    LogoLayer,
    LogoProps,
    PhotoLayer,
    QrLayer,
    ShapeLayer,
    TextLayer,
    TextProps,
)
from brandstudio.model.layout import Box, layout
from brandstudio.model.preset import Preset
from brandstudio.model.template import Slot, Template

Edge = Literal["left", "hcenter", "right", "top", "vcenter", "bottom"]
Axis = Literal["horizontal", "vertical"]

_ID_TAIL = re.compile(r"^(.*?)(?:-(\d+))?$")


def unique_layer_id(template: Template, base: str) -> str:
    """``base`` or ``base-2``, ``base-3``... whichever no layer has yet."""
    taken = {layer.id for layer in template.layers}
    stem = _ID_TAIL.match(base)
    root = stem[1] if stem and stem[1] else base
    if base not in taken:
        return base
    number = 2
    while f"{root}-{number}" in taken:
        number += 1
    return f"{root}-{number}"


def _index(template: Template, layer_id: str) -> int:
    for index, layer in enumerate(template.layers):
        if layer.id == layer_id:
            return index
    raise KeyError(layer_id)


def replace_layer(template: Template, layer: Layer) -> Template:
    """The template with the layer of the same id replaced by ``layer``."""
    index = _index(template, layer.id)
    layers = list(template.layers)
    layers[index] = layer
    return dataclasses.replace(template, layers=tuple(layers))


def update_layer(template: Template, layer_id: str, **changes: Any) -> Template:
    """Change fields of one layer (name, visible, locked, rotation, opacity, geometry...)."""
    layer = template.layer(layer_id)
    return replace_layer(template, dataclasses.replace(layer, **changes))


def update_props(template: Template, layer_id: str, **changes: Any) -> Template:
    """Change properties of one layer (``props``: text, font, colour, fit...)."""
    layer = template.layer(layer_id)
    props = dataclasses.replace(layer.props, **changes)
    return replace_layer(template, dataclasses.replace(layer, props=props))  # type: ignore[arg-type]


def geometry_for_box(geometry: Geometry, box: Box, frame: Box) -> Geometry:
    """The geometry (same anchor and units, no aspect) that places a layer exactly at ``box``."""
    if geometry.units == "short-side":
        unit_x = unit_y = min(frame.width, frame.height)
    else:
        unit_x, unit_y = frame.width, frame.height
    fx, fy = anchor_fractions(geometry.anchor)
    point_x = box.x + fx * box.width
    point_y = box.y + fy * box.height
    return Geometry(
        anchor=geometry.anchor,
        x=_clamp((point_x - frame.x - fx * frame.width) / unit_x, -10.0, 10.0),
        y=_clamp((point_y - frame.y - fy * frame.height) / unit_y, -10.0, 10.0),
        width=_clamp(box.width / unit_x, 0.001, 10.0),
        height=_clamp(box.height / unit_y, 0.001, 10.0),
        units=geometry.units,
        aspect=None,
    )


def _clamp(value: float, low: float, high: float) -> float:
    return min(high, max(low, value))


def set_box(
    template: Template,
    layer_id: str,
    box: Box,
    preset: Preset | None,
    *,
    override: bool = False,
) -> Template:
    """Place a layer at ``box`` (canvas px of ``preset``); the master geometry, or with
    ``override`` the preset's own override. A layer that already has its own position at
    ``preset`` keeps it: its override is edited (the master would not show there)."""
    placed = layout(template, preset).placement(layer_id)
    layer = template.layer(layer_id)
    override = override or (preset is not None and preset.id in layer.overrides)
    current = layer.geometry
    if override and preset is not None and preset.id in layer.overrides:
        current = layer.overrides[preset.id].apply(current)
    geometry = geometry_for_box(current, box, placed.frame)
    if override and preset is not None:
        previous = layer.overrides.get(preset.id, GeometryOverride())
        changed = dataclasses.replace(
            previous,
            anchor=geometry.anchor,
            x=geometry.x,
            y=geometry.y,
            width=geometry.width,
            height=geometry.height,
            units=geometry.units,
        )
        overrides = {**layer.overrides, preset.id: changed}
        return update_layer(template, layer_id, overrides=overrides)
    return update_layer(template, layer_id, geometry=geometry)


def clear_override(template: Template, layer_id: str, preset_id: str) -> Template:
    """Link the layer back to the master layout at this preset."""
    layer = template.layer(layer_id)
    overrides = {key: value for key, value in layer.overrides.items() if key != preset_id}
    return update_layer(template, layer_id, overrides=overrides)


def move_by(
    template: Template,
    layer_ids: Iterable[str],
    dx: float,
    dy: float,
    preset: Preset | None,
    *,
    override: bool = False,
) -> Template:
    """Move layers by (dx, dy) canvas px (arrow-key nudges, drags)."""
    placed = layout(template, preset)
    for layer_id in layer_ids:
        box = placed.placement(layer_id).box
        moved = Box(box.x + dx, box.y + dy, box.width, box.height)
        template = set_box(template, layer_id, moved, preset, override=override)
    return template


def reorder(template: Template, layer_id: str, new_index: int) -> Template:
    """Move a layer in the stack (0 = bottom)."""
    layers = list(template.layers)
    layer = layers.pop(_index(template, layer_id))
    new_index = max(0, min(len(layers), new_index))
    layers.insert(new_index, layer)
    return dataclasses.replace(template, layers=tuple(layers))


def delete_layers(template: Template, layer_ids: Iterable[str]) -> Template:
    """The template without these layers."""
    gone = set(layer_ids)
    layers = tuple(layer for layer in template.layers if layer.id not in gone)
    return forget_layers(dataclasses.replace(template, layers=layers), gone)


def duplicate_layer(template: Template, layer_id: str) -> tuple[Template, str]:
    """A copy of the layer just above it, nudged by 2% so both can be seen; the new id."""
    layer = template.layer(layer_id)
    new_id = unique_layer_id(template, layer.id)
    geometry = dataclasses.replace(
        layer.geometry, x=layer.geometry.x + 0.02, y=layer.geometry.y + 0.02
    )
    name = f"{layer.name} copy" if layer.name else ""
    copy = dataclasses.replace(layer, id=new_id, name=name, geometry=geometry, locked=False)
    layers = list(template.layers)
    layers.insert(_index(template, layer_id) + 1, copy)
    copied = copy_layer_names(dataclasses.replace(template, layers=tuple(layers)), layer_id, new_id)
    return copied, new_id


def new_layer(template: Template, layer_type: str) -> Layer:
    """A new layer of ``layer_type`` with sensible defaults, centred, not yet added."""
    layer_id = unique_layer_id(template, layer_type)
    if layer_type == "text":
        return TextLayer(
            id=layer_id,
            name="Text",
            geometry=Geometry(anchor="center", width=0.8, height=0.2),
            props=TextProps(text="Text", size=72.0, align="center", valign="middle"),
        )
    if layer_type == "logo":
        return LogoLayer(
            id=layer_id,
            name="Logo",
            geometry=Geometry(anchor="top-left", width=0.3, height=0.12, units="short-side"),
            props=LogoProps(),
        )
    if layer_type == "badge":
        return BadgeLayer(
            id=layer_id,
            name="Badge",
            geometry=Geometry(anchor="top-right", width=0.24, height=0.24, units="short-side"),
            props=BadgeProps(text="-30%"),
        )
    if layer_type == "qr":
        return QrLayer(
            id=layer_id,
            name="QR code",
            geometry=Geometry(anchor="bottom-right", width=0.2, height=0.2, units="short-side"),
        )
    if layer_type == "photo":
        return PhotoLayer(id=layer_id, name="Photo")
    if layer_type == "shape":
        return ShapeLayer(
            id=layer_id, name="Shape", geometry=Geometry(anchor="center", width=0.5, height=0.3)
        )
    raise ValueError(f"unknown layer type {layer_type!r}")


def add_layer(template: Template, layer: Layer, *, above: str | None = None) -> Template:
    """Add ``layer`` above the layer ``above`` (or on top); adds the slot it needs if missing."""
    layers = list(template.layers)
    index = _index(template, above) + 1 if above is not None else len(layers)
    layers.insert(index, layer)
    slots = dict(template.slots)
    if isinstance(layer, QrLayer) and layer.props.slot not in slots:
        slots[layer.props.slot] = Slot(type="url", label="QR link", sample="https://example.com")
    if isinstance(layer, PhotoLayer) and layer.props.slot not in slots:
        slots[layer.props.slot] = Slot(type="image", label="Photo")
    return dataclasses.replace(template, layers=tuple(layers), slots=slots)


def _boxes(template: Template, layer_ids: Sequence[str], preset: Preset | None) -> list[Box]:
    placed = layout(template, preset)
    return [placed.placement(layer_id).box for layer_id in layer_ids]


def align(
    template: Template,
    layer_ids: Sequence[str],
    edge: Edge,
    preset: Preset | None,
    *,
    override: bool = False,
) -> Template:
    """Line layers up on ``edge`` of their joint bounds (one layer: of the canvas/safe zone)."""
    placed = layout(template, preset)
    boxes = _boxes(template, layer_ids, preset)
    if len(boxes) == 1:
        layer = template.layer(layer_ids[0])
        frame = placed.safe if layer.type in BOXED_TYPES else Box(0, 0, placed.width, placed.height)
        left, top, right, bottom = frame.x, frame.y, frame.right, frame.bottom
    else:
        left = min(box.x for box in boxes)
        top = min(box.y for box in boxes)
        right = max(box.right for box in boxes)
        bottom = max(box.bottom for box in boxes)
    for layer_id, box in zip(layer_ids, boxes, strict=True):
        x, y = box.x, box.y
        if edge == "left":
            x = left
        elif edge == "right":
            x = right - box.width
        elif edge == "hcenter":
            x = (left + right - box.width) / 2
        elif edge == "top":
            y = top
        elif edge == "bottom":
            y = bottom - box.height
        else:
            y = (top + bottom - box.height) / 2
        moved = Box(x, y, box.width, box.height)
        template = set_box(template, layer_id, moved, preset, override=override)
    return template


def distribute(
    template: Template,
    layer_ids: Sequence[str],
    axis: Axis,
    preset: Preset | None,
    *,
    override: bool = False,
) -> Template:
    """Equal gaps between three or more layers along ``axis``, the outer two staying put."""
    if len(layer_ids) < 3:
        return template
    boxes = dict(zip(layer_ids, _boxes(template, layer_ids, preset), strict=True))
    horizontal = axis == "horizontal"
    order = sorted(layer_ids, key=lambda i: boxes[i].x if horizontal else boxes[i].y)
    first, last = boxes[order[0]], boxes[order[-1]]
    start = first.x if horizontal else first.y
    end = last.right if horizontal else last.bottom
    total = sum(boxes[i].width if horizontal else boxes[i].height for i in order)
    gap = (end - start - total) / (len(order) - 1)
    position = start
    for layer_id in order:
        box = boxes[layer_id]
        if horizontal:
            moved = Box(position, box.y, box.width, box.height)
            position += box.width + gap
        else:
            moved = Box(box.x, position, box.width, box.height)
            position += box.height + gap
        template = set_box(template, layer_id, moved, preset, override=override)
    return template


def hide_layers(template: Template, hidden: frozenset[str]) -> Template:
    """The template with the layers of these ids hidden (a data-merge row's ``hide`` column)."""
    if not hidden:
        return template
    layers = tuple(
        dataclasses.replace(layer, visible=False) if layer.id in hidden else layer
        for layer in template.layers
    )
    return dataclasses.replace(template, layers=layers)
