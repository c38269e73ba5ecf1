"""Problem marks on the canvas: the layers that ``check`` finds a problem in at the size on
screen get an outline (red for an error, amber for a warning) and a small badge in their
top-right corner, so the offending layer is visible without opening the Check panel."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPolygonF

from brandstudio.jobs.check import CheckResult
from brandstudio.model.layout import Layout, Placement

ERROR_COLOUR = QColor(211, 47, 47)
WARNING_COLOUR = QColor(245, 156, 0)
BADGE_PX = 16.0
"""The badge's diameter in widget px (the same at every zoom)."""


def size_id(placed: Layout) -> str:
    """The id ``check`` reports a size under: the preset id, or WIDTHxHEIGHT for the
    template's own canvas."""
    return placed.preset_id or f"{placed.width}x{placed.height}"


def problem_marks(result: CheckResult | None, placed: Layout) -> dict[str, str]:
    """layer id -> the worst severity ("error" or "warning") found at the size ``placed``."""
    marks: dict[str, str] = {}
    if result is None:
        return marks
    at = size_id(placed)
    for problem in result.problems:
        if problem.preset != at or problem.layer is None:
            continue
        if marks.get(problem.layer) != "error":
            marks[problem.layer] = problem.severity
    return marks


def paint_problem_marks(
    painter: QPainter,
    placed: Layout,
    marks: Mapping[str, str],
    outline: Callable[[Placement], QPolygonF],
) -> None:
    """Outline each marked layer shown at ``placed`` and put a '!' badge at its corner."""
    shown = {p.layer_id: p for p in placed.placements if p.visible}
    font = QFont(painter.font())
    font.setBold(True)
    font.setPixelSize(int(BADGE_PX * 0.75))
    for layer_id, severity in marks.items():
        placement = shown.get(layer_id)
        if placement is None:
            continue
        colour = ERROR_COLOUR if severity == "error" else WARNING_COLOUR
        polygon = outline(placement)
        painter.setPen(QPen(colour, 2, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolygon(polygon)
        corner = polygon.boundingRect().topRight()
        badge = QRectF(corner - QPointF(BADGE_PX * 0.5, BADGE_PX * 0.5), corner)
        badge.setSize(badge.size() * 2)
        badge.moveCenter(corner)
        painter.setPen(QPen(QColor(255, 255, 255), 1.5))
        painter.setBrush(colour)
        painter.drawEllipse(badge)
        painter.setFont(font)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, "!")
