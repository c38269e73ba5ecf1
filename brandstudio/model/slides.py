"""Carousels: a template's slides side by side, and its repeated layers made concrete.

A template with ``slides: N`` is designed as one strip of N slides, each the size of its
canvas (at a preset, the preset's size). A layer's ``slide`` says where it goes: across the
strip (None), on one slide (a number), or repeated on every slide (``each``) or all but the
last (``each-but-last``). :func:`expand_slides` turns each repeated layer into one copy per
slide, with the id ``LAYER@K`` (``@`` cannot occur in a layer id), and writes the slide's
number into ``{slide}`` and the count into ``{slides}`` in the text of layers on a slide, so
"{slide}/{slides}" reads "2/5". Layout, the renderer and the checks all work on the expanded
template; the editor maps a copy back to its layer with ``model.layers.source_id``. Pure
functions.
"""

from __future__ import annotations

import dataclasses
from typing import Final

from brandstudio.model.layers import COPY_MARK, BadgeLayer, Layer, TextLayer
from brandstudio.model.template import Template

SLIDE_FIELD: Final = "{slide}"
SLIDES_FIELD: Final = "{slides}"


def copy_id(layer_id: str, slide: int) -> str:
    """The id of a repeated layer's copy on ``slide`` (``arrow@2``)."""
    return f"{layer_id}{COPY_MARK}{slide}"


def slides_of(layer: Layer, slides: int) -> tuple[int, ...] | None:
    """The slides (from 1) ``layer`` is drawn on, or None when it spans the whole strip. A
    slide number past the last slide means the last slide."""
    if layer.slide is None:
        return None
    if layer.slide == "each":
        return tuple(range(1, slides + 1))
    if layer.slide == "each-but-last":
        return tuple(range(1, slides))
    return (min(layer.slide, slides),)


def number_text(text: str, slide: int, slides: int) -> str:
    """``text`` with ``{slide}`` and ``{slides}`` filled in."""
    return text.replace(SLIDE_FIELD, str(slide)).replace(SLIDES_FIELD, str(slides))


def _numbered(layer: Layer, slide: int, slides: int) -> Layer:
    if isinstance(layer, TextLayer | BadgeLayer) and layer.props.text:
        text = number_text(layer.props.text, slide, slides)
        if text != layer.props.text:
            props = dataclasses.replace(layer.props, text=text)
            return dataclasses.replace(layer, props=props)  # type: ignore[arg-type]
    return layer


def expand_slides(template: Template) -> Template:
    """``template`` with each repeated layer as one copy per slide (in z-order where the
    layer was) and slide numbers written into texts on a slide; the same template when there
    is nothing to expand."""
    if all(layer.slide is None for layer in template.layers):
        return template
    count = template.slides
    layers: list[Layer] = []
    for layer in template.layers:
        on = slides_of(layer, count)
        if on is None:
            layers.append(layer)
        elif isinstance(layer.slide, str):
            for slide in on:
                copy = dataclasses.replace(layer, id=copy_id(layer.id, slide), slide=slide)
                layers.append(_numbered(copy, slide, count))
        else:
            placed = layer if layer.slide == on[0] else dataclasses.replace(layer, slide=on[0])
            layers.append(_numbered(placed, on[0], count))
    unchanged = len(layers) == len(template.layers) and all(
        new is old for new, old in zip(layers, template.layers, strict=True)
    )
    if unchanged:  # already expanded: layout and the engine both call this
        return template
    return dataclasses.replace(template, layers=tuple(layers))
