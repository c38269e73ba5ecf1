"""A carousel on the canvas: the slides' boundaries as guides, each slide's number, and each
slide's own safe zone (a network's interface covers every slide of a carousel alike).

Qt draws only these overlays; the strip itself is the engine's render, as for one image.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from brandstudio.model.layout import Box, Layout

BOUNDARY_COLOUR = QColor(230, 0, 126, 220)
"""Slide boundaries: magenta, unlike the blue of selections and the safe zone."""
SAFE_COLOUR = QColor(0, 170, 255, 200)
LABEL_PX = 18.0
"""The slide number's tag height in widget px (the same at every zoom)."""


def paint_safe_zones(painter: QPainter, placed: Layout, rect: Callable[[Box], QRectF]) -> None:
    """The safe zone of each slide (of the image, for one slide), dashed, when it is smaller
    than the slide; ``rect`` maps canvas px to the widget."""
    zones = placed.slide_safes or (placed.safe,)
    slides = placed.slides or (Box(0.0, 0.0, float(placed.width), float(placed.height)),)
    painter.setPen(QPen(SAFE_COLOUR, 1, Qt.PenStyle.DashLine))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for zone, slide in zip(zones, slides, strict=True):
        if zone.width < slide.width - 0.5 or zone.height < slide.height - 0.5:
            painter.drawRect(rect(zone))


def paint_slide_boundaries(
    painter: QPainter, placed: Layout, rect: Callable[[Box], QRectF]
) -> None:
    """A line where each slide meets the next, and each slide's number in its top-left
    corner (nothing for a single image)."""
    if len(placed.slides) < 2:
        return
    painter.save()
    painter.setPen(QPen(BOUNDARY_COLOUR, 1.5, Qt.PenStyle.DashDotLine))
    for slide in placed.slides[1:]:
        edge = rect(slide)
        painter.drawLine(QPointF(edge.left(), edge.top()), QPointF(edge.left(), edge.bottom()))
    font = QFont(painter.font())
    font.setPixelSize(round(LABEL_PX * 0.65))
    font.setBold(True)
    painter.setFont(font)
    for number, slide in enumerate(placed.slides, start=1):
        corner = rect(slide).topLeft()
        text = f"{number}/{len(placed.slides)}"
        width = painter.fontMetrics().horizontalAdvance(text) + 10
        tag = QRectF(
            corner + QPointF(4, 4), QPointF(corner.x() + 4 + width, corner.y() + 4 + LABEL_PX)
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BOUNDARY_COLOUR)
        painter.drawRoundedRect(tag, 4, 4)
        painter.setPen(QColor(255, 255, 255))
        painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()
