"""Edits of a carousel: how many slides a template has, and which slide a layer is on.

Pure functions from a template to a new one, as ``model.edits``; the studio makes each one
undo step. A layer keeps its place in pixels when it moves between the strip and a slide,
and keeps its place within its slide when it moves from one slide to another.
"""

from __future__ import annotations

import dataclasses

from brandstudio.model.edits import set_box, update_layer
from brandstudio.model.layers import MAX_SLIDES, SlideChoice
from brandstudio.model.layout import Box, layout
from brandstudio.model.template import Template


def set_slide_count(template: Template, slides: int) -> Template:
    """``template`` with ``slides`` slides (1 to 20); a layer on a slide past the last one
    moves to the last slide."""
    if not 1 <= slides <= MAX_SLIDES:
        raise ValueError(f"a carousel has 1 to {MAX_SLIDES} slides, not {slides}")
    layers = tuple(
        dataclasses.replace(layer, slide=slides)
        if isinstance(layer.slide, int) and layer.slide > slides
        else layer
        for layer in template.layers
    )
    return dataclasses.replace(template, slides=slides, layers=layers)


def _first_slide(choice: SlideChoice) -> int | None:
    if choice is None:
        return None
    return 1 if isinstance(choice, str) else choice


def set_layer_slide(template: Template, layer_id: str, choice: SlideChoice) -> Template:
    """``template`` with layer ``layer_id`` on ``choice`` (see ``SlideChoice``), placed on
    the template's own canvas: across the strip it stays where it was drawn; on a slide it
    keeps its place within the slide it was in (or, from across the strip, within the slide
    its centre was over)."""
    if isinstance(choice, int) and not 1 <= choice <= template.slides:
        raise ValueError(f"slide {choice} does not exist: the template has {template.slides}")
    layer = template.layer(layer_id)
    if layer.slide == choice:
        return template
    before = layout(template, None)
    box = before.placement(layer_id).box
    moved = update_layer(template, layer_id, slide=choice)
    if len(before.slides) < 2:
        return moved
    width = before.slides[0].width
    here = _first_slide(layer.slide) or before.slide_at(box.center[0])
    there = _first_slide(choice)
    if there is not None:
        box = Box(box.x + (there - here) * width, box.y, box.width, box.height)
        slide = before.slides[there - 1]
        if box.width > slide.width:  # wider than a slide (a photo across the strip): fill it
            box = Box(slide.x, box.y, slide.width, box.height)
    return set_box(moved, layer_id, box, None)
