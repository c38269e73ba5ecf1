"""Rules about a template as a whole, beyond each value's own type and range."""

from __future__ import annotations

from collections.abc import Iterator

from brandstudio.fileformat.errors import Problem, json_path
from brandstudio.fileformat.paths import asset_path_problem
from brandstudio.model.layers import (
    MAX_TEXT_AREA,
    MAX_TEXT_CHARACTERS,
    BadgeLayer,
    Layer,
    LogoLayer,
    PhotoLayer,
    QrLayer,
    ShapeLayer,
    TextLayer,
    layer_slot,
)
from brandstudio.model.layout import Box, place_layer
from brandstudio.model.paint import Gradient, Paint
from brandstudio.model.template import Template
from brandstudio.model.values import brand_role

_SLOT_TYPES_BY_LAYER: dict[type, tuple[str, ...]] = {
    PhotoLayer: ("image",),
    TextLayer: ("text", "url"),
    BadgeLayer: ("text",),
    QrLayer: ("url", "text"),
}


def template_problems(template: Template) -> list[Problem]:
    """Everything wrong with a template that its types alone do not catch."""
    return [
        *_duplicate_ids(template),
        *_slot_problems(template),
        *_layer_problems(template),
        *_paint_problems(template.background, ("background",)),
        *_text_cost_problems(template),
        *_translation_problems(template),
    ]


def _duplicate_ids(template: Template) -> Iterator[Problem]:
    first_index: dict[str, int] = {}
    for index, layer in enumerate(template.layers):
        if layer.id in first_index:
            yield Problem(
                json_path(("layers", index, "id")),
                f"the id {layer.id!r} is already used by layers[{first_index[layer.id]}]",
            )
        else:
            first_index[layer.id] = index


def _slot_problems(template: Template) -> Iterator[Problem]:
    for name, slot in template.slots.items():
        if slot.type == "image" and slot.sample:
            reason = asset_path_problem(slot.sample)
            if reason:
                yield Problem(json_path(("slots", name, "sample")), reason)
        if slot.utm is not None and slot.type != "url":
            yield Problem(
                json_path(("slots", name, "utm")),
                f"only a url slot can carry UTM tags; {name!r} is a {slot.type} slot",
            )


def _translation_problems(template: Template) -> Iterator[Problem]:
    """Translations name only slots and layers the template has."""
    layer_ids = {layer.id for layer in template.layers}
    for language, translation in template.translations.items():
        for name in translation.slots:
            if name not in template.slots:
                yield Problem(
                    json_path(("translations", language, "slots", name)),
                    f"the slot {name!r} is not declared in $.slots",
                )
        for layer_id in translation.layers:
            if layer_id not in layer_ids:
                yield Problem(
                    json_path(("translations", language, "layers", layer_id)),
                    f"there is no layer with the id {layer_id!r} in $.layers",
                )


def _layer_problems(template: Template) -> Iterator[Problem]:
    for index, layer in enumerate(template.layers):
        where = ("layers", index, "props")
        if isinstance(layer.slide, int) and layer.slide > template.slides:
            yield Problem(
                json_path(("layers", index, "slide")),
                f"slide {layer.slide} does not exist: the template has {template.slides}",
            )
        yield from _binding_problems(template, layer, where)
        if isinstance(layer, LogoLayer) and brand_role(layer.props.source) is None:
            reason = asset_path_problem(layer.props.source)
            if reason:
                yield Problem(json_path((*where, "source")), reason)
        if isinstance(layer, PhotoLayer | ShapeLayer):
            fill = layer.props.overlay if isinstance(layer, PhotoLayer) else layer.props.fill
            key = "overlay" if isinstance(layer, PhotoLayer) else "fill"
            if fill is not None:
                yield from _paint_problems(fill, (*where, key))
        if isinstance(layer, BadgeLayer):
            yield from _paint_problems(layer.props.fill, (*where, "fill"))


def _binding_problems(
    template: Template, layer: Layer, where: tuple[str | int, ...]
) -> Iterator[Problem]:
    if isinstance(layer, TextLayer | BadgeLayer) and _slot_and_text_clash(layer):
        yield Problem(json_path(where), "give exactly one of 'slot' and 'text'")
    slot_name = layer_slot(layer)
    if slot_name is None:
        return
    declared = template.slots.get(slot_name)
    if declared is None:
        yield Problem(
            json_path((*where, "slot")),
            f"the slot {slot_name!r} is not declared in $.slots",
        )
        return
    if declared.type not in _SLOT_TYPES_BY_LAYER[type(layer)]:
        yield Problem(
            json_path((*where, "slot")),
            f"a {layer.type} layer cannot show the {declared.type} slot {slot_name!r}",
        )


def _slot_and_text_clash(layer: TextLayer | BadgeLayer) -> bool:
    """Whether both or neither of ``slot`` and ``text`` are set."""
    return (layer.props.slot is None) == (layer.props.text is None)


def _paint_problems(paint: Paint, where: tuple[str | int, ...]) -> Iterator[Problem]:
    if isinstance(paint, Gradient):
        offsets = [stop.offset for stop in paint.stops]
        if offsets != sorted(offsets):
            yield Problem(json_path((*where, "stops")), "stop offsets must not decrease")


def _text_cost_problems(template: Template) -> Iterator[Problem]:
    """Text that would take too long to lay out and draw (see ``MAX_TEXT_CHARACTERS`` and
    ``MAX_TEXT_AREA``): templates that validate render in seconds."""
    texts: dict[tuple[str | int, ...], int] = {}
    area = 0.0
    canvas = Box(0.0, 0.0, float(template.canvas.width), float(template.canvas.height))
    for index, layer in enumerate(template.layers):
        if not isinstance(layer, TextLayer | BadgeLayer):
            continue
        slot = template.slots.get(layer.props.slot) if layer.props.slot is not None else None
        if slot is not None:
            texts[("slots", str(layer.props.slot), "sample")] = len(slot.sample)
        elif layer.props.text is not None:
            texts[("layers", index, "props", "text")] = len(layer.props.text)
        boxes = (
            place_layer(layer, canvas, canvas, preset).box for preset in (None, *layer.overrides)
        )
        area += max(box.width * box.height for box in boxes) / (canvas.width * canvas.height)
    characters = sum(texts.values())
    if characters > MAX_TEXT_CHARACTERS:
        longest = max(texts, key=lambda where: texts[where])
        yield Problem(
            json_path(("layers",)),
            f"text and badge layers hold {characters:,} characters together (their own texts "
            f"and the samples of the slots they show): more than {MAX_TEXT_CHARACTERS:,} "
            f"cannot render in reasonable time; the longest is {json_path(longest)} "
            f"({texts[longest]:,})",
        )
    if area > MAX_TEXT_AREA + 1e-6:
        yield Problem(
            json_path(("layers",)),
            f"text and badge boxes cover {area:.1f} canvases together (each is drawn whole): "
            f"more than {MAX_TEXT_AREA:g} cannot render in reasonable time",
        )
