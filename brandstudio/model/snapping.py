"""Snapping a moving box to the canvas edges, its centre and other layers, with guides to show.

Pure geometry in canvas pixels: the canvas calls it on every mouse move while dragging.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from brandstudio.model.layout import Box


@dataclass(frozen=True)
class Guide:
    """A line to draw: vertical at x (``vertical``) or horizontal at y, from start to end."""

    vertical: bool
    position: float
    start: float
    end: float


@dataclass(frozen=True)
class Snapped:
    """The box after snapping and the guides that explain it."""

    box: Box
    guides: tuple[Guide, ...]


def _lines(box: Box) -> tuple[tuple[float, float, float], tuple[float, float, float]]:
    """(left, centre, right) and (top, middle, bottom) of a box."""
    return (
        (box.x, box.x + box.width / 2, box.right),
        (box.y, box.y + box.height / 2, box.bottom),
    )


def snap_move(box: Box, canvas: Box, others: Iterable[Box], threshold: float) -> Snapped:
    """Shift ``box`` so its nearest edge or centre meets a target within ``threshold`` px.

    Targets: the canvas's edges and centre lines, and every other box's edges and centres.
    Each axis snaps on its own; the result keeps the box's size.
    """
    targets = [canvas, *others]
    xs = sorted({x for target in targets for x in _lines(target)[0]})
    ys = sorted({y for target in targets for y in _lines(target)[1]})
    own_x, own_y = _lines(box)
    dx, guide_x = _best(own_x, xs, threshold)
    dy, guide_y = _best(own_y, ys, threshold)
    moved = Box(box.x + dx, box.y + dy, box.width, box.height)
    guides = []
    if guide_x is not None:
        guides.append(_guide(True, guide_x, moved, targets))
    if guide_y is not None:
        guides.append(_guide(False, guide_y, moved, targets))
    return Snapped(moved, tuple(guides))


def snap_edges(
    box: Box, moving: tuple[bool, bool, bool, bool], canvas: Box, others: Iterable[Box],
    threshold: float,
) -> Snapped:  # fmt: skip
    """Snap only the edges being dragged by a resize handle: (left, top, right, bottom)."""
    targets = [canvas, *others]
    xs = sorted({x for target in targets for x in _lines(target)[0]})
    ys = sorted({y for target in targets for y in _lines(target)[1]})
    left, top, right, bottom = box.x, box.y, box.right, box.bottom
    guides = []
    for index, (value, axis) in enumerate(((left, xs), (top, ys), (right, xs), (bottom, ys))):
        if not moving[index]:
            continue
        delta, line = _best((value,), axis, threshold)
        if line is None:
            continue
        if index == 0:
            left += delta
        elif index == 1:
            top += delta
        elif index == 2:
            right += delta
        else:
            bottom += delta
        guides.append((index % 2 == 0, line))
    result = Box(left, top, max(1.0, right - left), max(1.0, bottom - top))
    return Snapped(result, tuple(_guide(v, p, result, targets) for v, p in guides))


def _best(
    own: Iterable[float], targets: list[float], threshold: float
) -> tuple[float, float | None]:
    best_delta, best_line = 0.0, None
    for value in own:
        for line in targets:
            delta = line - value
            if abs(delta) <= threshold and (best_line is None or abs(delta) < abs(best_delta)):
                best_delta, best_line = delta, line
    return best_delta, best_line


def _guide(vertical: bool, position: float, box: Box, targets: list[Box]) -> Guide:
    """A guide spanning the moved box and every target that shares the line."""
    low = box.y if vertical else box.x
    high = box.bottom if vertical else box.right
    for target in targets:
        lines = _lines(target)[0 if vertical else 1]
        if any(abs(line - position) < 0.5 for line in lines):
            low = min(low, target.y if vertical else target.x)
            high = max(high, target.bottom if vertical else target.right)
    return Guide(vertical, position, low, high)
