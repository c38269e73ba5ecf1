"""The layers list of a carousel, grouped by slide: a heading row for each group (repeated
on every slide, on every slide but the last, slide 1 … N, across all slides), each group's
layers top first. A single image has no headings: its rows are its layers, top first.

Pure functions over the template (the heading texts are the view's); the list model shows
the rows, and a drop between rows says which group the layers land in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from brandstudio.model.layers import Layer, SlideChoice
from brandstudio.model.template import Template


@dataclass(frozen=True)
class SlideGroup:
    """A heading row: the layers below it are on ``slide`` (see ``SlideChoice``)."""

    slide: SlideChoice


def _group_order(template: Template) -> list[SlideChoice]:
    """The groups from the list's top: repeated layers (numbers, arrows) over everything,
    then each slide, then the strip (backgrounds, a panorama photo) at the bottom."""
    groups: list[SlideChoice] = ["each", "each-but-last"]
    groups += list(range(1, template.slides + 1))
    groups.append(None)
    return groups


def _slide_of(layer: Layer, slides: int) -> SlideChoice:
    if isinstance(layer.slide, int):
        return min(layer.slide, slides)
    return layer.slide


def layer_rows(template: Template) -> list[Layer | SlideGroup]:
    """The list's rows, top first: a heading before each non-empty group of a carousel."""
    top_first = list(reversed(template.layers))
    if template.slides == 1:
        return list(top_first)
    rows: list[Layer | SlideGroup] = []
    for group in _group_order(template):
        members = [layer for layer in top_first if _slide_of(layer, template.slides) == group]
        if members or isinstance(group, int):  # each slide shows, even empty: a drop target
            rows.append(SlideGroup(group))
            rows.extend(members)
    return rows


def drop_target(
    template: Template, rows: Sequence[Layer | SlideGroup], row: int, moving: Sequence[str]
) -> tuple[int, SlideGroup | None]:
    """Where a drop at insertion row ``row`` of ``rows`` puts the layers ``moving``: the
    insertion row in the top-first list of all layers (just above the first layer below the
    drop; the rest of the stack keeps its order), and the group it lands in (None: a list
    without headings)."""
    group: SlideGroup | None = None
    for item in rows[: max(row, 1)]:
        if isinstance(item, SlideGroup):
            group = item
    wanted = set(moving)
    below = [r for r in rows[row:] if not isinstance(r, SlideGroup) and r.id not in wanted]
    top_first = [layer.id for layer in reversed(template.layers)]
    return (top_first.index(below[0].id) if below else len(top_first)), group
