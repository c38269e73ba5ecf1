"""Copy and paste of layers as pure functions: layers out of one template, into another.

A copied selection is itself a small Template: the layers in z-order, the slots they show and
the canvas they were designed on. So the clipboard carries a template file's JSON, checked on
paste like any file from a stranger, and nothing here knows about JSON or Qt.

Pasted layers keep their look (props, geometry, brand roles stay ``brand:...`` roles) and get
fresh ids. A slot of the same name and type in the target is shared; a missing one is added;
one of the same name but another type is added under a fresh name. When the target has no room
for another slot, a text or badge layer shows the slot's sample as its own text.
Offsets are in pixels of the target template's own canvas.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Final

from brandstudio.model.edits import unique_layer_id
from brandstudio.model.geometry import Geometry, GeometryOverride
from brandstudio.model.layers import (
    BadgeLayer,
    FontRef,
    Layer,
    TextLayer,
    TextProps,
    layer_slot,
)
from brandstudio.model.template import (
    MAX_LANGUAGES,
    MAX_LAYERS,
    MAX_SLOTS,
    Slot,
    Template,
    Translation,
)

PASTE_OFFSET_PX: Final = 20.0
"""How far a paste lands from a copy already at the same place, in template canvas pixels."""

MAX_OFFSET_STEPS: Final = 50
"""The most offsets tried to find a free place for a paste (then it lands on the last one)."""

BODY_FONT: Final = FontRef(family="brand:body", weight=400)
"""The font of a text layer made from pasted plain text: the brand's body font."""


class PasteError(ValueError):
    """Layers that cannot go into this template; the message says why, for the user."""


def copy_layers(template: Template, layer_ids: Iterable[str]) -> Template:
    """The layers of these ids (in z-order) with the slots they show, as a template.

    Raises PasteError when none of the ids is a layer of ``template``.
    """
    chosen = set(layer_ids)
    layers = tuple(layer for layer in template.layers if layer.id in chosen)
    if not layers:
        raise PasteError("no layer is selected")
    names = {layer_slot(layer) for layer in layers} - {None}
    slots = {name: slot for name, slot in template.slots.items() if name in names}
    ids = {layer.id for layer in layers}
    translations = {
        code: Translation(
            slots={name: label for name, label in translation.slots.items() if name in slots},
            layers={key: label for key, label in translation.layers.items() if key in ids},
        )
        for code, translation in template.translations.items()
    }
    return dataclasses.replace(
        template, revision=0, tags=(), slots=slots, layers=layers, translations=translations
    )


def paste_layers(
    target: Template, copied: Template, *, above: str | None = None, in_place: bool = False
) -> tuple[Template, tuple[str, ...]]:
    """``target`` with the layers of ``copied`` added above the layer ``above`` (or on top).

    Returns the new template and the pasted layers' ids. Without ``in_place``, a paste that
    would land exactly on layers already there is moved by ``PASTE_OFFSET_PX`` (again for each
    further paste). Raises PasteError when the layers do not fit (too many layers or slots).
    """
    if not copied.layers:
        raise PasteError("there are no layers to paste")
    if len(target.layers) + len(copied.layers) > MAX_LAYERS:
        raise PasteError(f"a template holds at most {MAX_LAYERS} layers")
    slots = dict(target.slots)
    added: dict[str, str] = {}
    layers = [_bind(layer, copied.slots, slots, added) for layer in copied.layers]
    if not in_place:
        layers = _offset_until_free(target, layers)
    placed = list(target.layers)
    index = _index(target, above) + 1 if above is not None else len(placed)
    new_ids: list[str] = []
    for layer in layers:
        current = dataclasses.replace(target, layers=tuple(placed))
        fresh = dataclasses.replace(layer, id=unique_layer_id(current, layer.id))
        placed.insert(index, fresh)
        index += 1
        new_ids.append(fresh.id)
    renamed = dict(zip((layer.id for layer in copied.layers), new_ids, strict=True))
    translations = _merged_translations(target, copied, added, renamed)
    pasted = dataclasses.replace(
        target, slots=slots, layers=tuple(placed), translations=translations
    )
    return pasted, tuple(new_ids)


def duplicate_layers(
    template: Template, layer_ids: Iterable[str]
) -> tuple[Template, tuple[str, ...]]:
    """A copy of these layers just above the topmost of them, moved so both can be seen."""
    copied = copy_layers(template, layer_ids)
    return paste_layers(template, copied, above=copied.layers[-1].id)


def text_layer(template: Template, text: str) -> TextLayer:
    """A new text layer (not yet added) writing ``text`` in the brand's body font, centred."""
    layer_id = unique_layer_id(template, "text")
    return TextLayer(
        id=layer_id,
        name="Text",
        geometry=Geometry(anchor="center", width=0.8, height=0.3),
        props=TextProps(text=text, font=BODY_FONT, size=48.0, align="center", valign="middle"),
    )


def _index(template: Template, layer_id: str) -> int:
    for index, layer in enumerate(template.layers):
        if layer.id == layer_id:
            return index
    raise KeyError(layer_id)


def _bind(
    layer: Layer, copied: Mapping[str, Slot], slots: dict[str, Slot], added: dict[str, str]
) -> Layer:
    """The layer bound to a slot of ``slots`` (added there if needed, and then recorded in
    ``added``: copied name -> name in ``slots``); see the module doc."""
    name = layer_slot(layer)
    if name is None:
        return layer
    wanted = copied.get(name)
    if wanted is None:
        raise PasteError(f"the layer {layer.id!r} shows the slot {name!r}, which was not copied")
    existing = slots.get(name)
    if existing is not None and existing.type == wanted.type:
        return layer
    if name in added:
        fresh = added[name]
    elif len(slots) < MAX_SLOTS:
        fresh = name if existing is None else _unique_slot(slots, name)
        slots[fresh] = wanted
        added[name] = fresh
    else:
        fresh = ""
    if fresh:
        return dataclasses.replace(layer, props=dataclasses.replace(layer.props, slot=fresh))  # type: ignore[arg-type]
    if isinstance(layer, TextLayer | BadgeLayer):
        props = dataclasses.replace(layer.props, slot=None, text=wanted.sample)
        return dataclasses.replace(layer, props=props)  # type: ignore[arg-type]
    raise PasteError(f"a template holds at most {MAX_SLOTS} slots")


def _merged_translations(
    target: Template, copied: Template, slots: Mapping[str, str], layers: Mapping[str, str]
) -> dict[str, Translation]:
    """The target's translations with the labels of the pasted layers and the slots the
    paste added (a slot the target already had keeps its own labels)."""
    merged = dict(target.translations)
    for code, translation in copied.translations.items():
        known = merged.get(code)
        if known is None and len(merged) >= MAX_LANGUAGES:
            continue
        known = known or Translation()
        slot_labels = {slots[k]: v for k, v in translation.slots.items() if k in slots and v}
        layer_labels = {layers[k]: v for k, v in translation.layers.items() if k in layers and v}
        if slot_labels or layer_labels:
            merged[code] = dataclasses.replace(
                known,
                slots={**known.slots, **slot_labels},
                layers={**known.layers, **layer_labels},
            )
    return merged


def _unique_slot(slots: Mapping[str, Slot], name: str) -> str:
    number = 2
    while f"{name[:28]}_{number}" in slots:
        number += 1
    return f"{name[:28]}_{number}"


def _offset_until_free(target: Template, layers: list[Layer]) -> list[Layer]:
    """The layers moved down-right, step by step, until none sits on a same-type layer."""
    taken = {(layer.type, layer.geometry) for layer in target.layers}
    for step in range(MAX_OFFSET_STEPS + 1):
        moved = [_shifted(target, layer, step * PASTE_OFFSET_PX) for layer in layers]
        if not any((layer.type, layer.geometry) in taken for layer in moved):
            return moved
    return moved


def _shifted(target: Template, layer: Layer, pixels: float) -> Layer:
    if pixels == 0:
        return layer
    width, height = target.canvas.width, target.canvas.height

    def units(kind: str | None, across: int) -> float:
        return pixels / (min(width, height) if kind == "short-side" else across)

    geometry = layer.geometry
    moved = dataclasses.replace(
        geometry,
        x=_clamp(geometry.x + units(geometry.units, width)),
        y=_clamp(geometry.y + units(geometry.units, height)),
    )
    overrides: dict[str, GeometryOverride] = {}
    for preset, override in layer.overrides.items():
        kind = override.units or geometry.units
        overrides[preset] = dataclasses.replace(
            override,
            x=None if override.x is None else _clamp(override.x + units(kind, width)),
            y=None if override.y is None else _clamp(override.y + units(kind, height)),
        )
    return dataclasses.replace(layer, geometry=moved, overrides=overrides)


def _clamp(value: float) -> float:
    return min(2.0, max(-2.0, value))
