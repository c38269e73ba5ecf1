"""Scroll bars for the canvas: shown whenever the zoomed canvas is larger than the view.

The canvas keeps its own offset (whole device pixels, so 100% stays sharp); the bars only
mirror it and move it. The wheel scrolls through them (Shift+wheel sideways); Ctrl+wheel zooms.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QScrollBar, QStyle

if TYPE_CHECKING:
    from brandstudio.gui.canvas import Canvas

MARGIN: Final = 40
"""Room kept around the canvas when it is scrolled to an edge, in widget px."""


class CanvasScrollBars:
    """A horizontal and a vertical bar over the canvas's right and bottom edges."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self.horizontal = QScrollBar(Qt.Orientation.Horizontal, canvas)
        self.vertical = QScrollBar(Qt.Orientation.Vertical, canvas)
        for bar in (self.horizontal, self.vertical):
            bar.hide()
            bar.setCursor(Qt.CursorShape.ArrowCursor)
            bar.valueChanged.connect(self._scrolled)

    def sync(self) -> None:
        """Show, size and place the bars for the canvas's zoom and offset."""
        canvas = self.canvas
        width, height = canvas.canvas_size()
        scale = canvas.scale()
        offset = canvas.offset()
        extent = canvas.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        view_w, view_h = canvas.width(), canvas.height()
        for bar, content, view, at in (
            (self.horizontal, width * scale, view_w, offset.x()),
            (self.vertical, height * scale, view_h, offset.y()),
        ):
            if width == 0 or content <= view:  # it fits: no bar
                bar.hide()
                continue
            overflow = content + 2 * MARGIN - view
            bar.blockSignals(True)
            bar.setRange(0, math.ceil(overflow))
            bar.setPageStep(view)
            bar.setSingleStep(20)
            bar.setValue(round(MARGIN - at))
            bar.blockSignals(False)
            bar.show()
        both = self.horizontal.isVisible() and self.vertical.isVisible()
        corner = extent if both else 0
        self.horizontal.setGeometry(0, view_h - extent, view_w - corner, extent)
        self.vertical.setGeometry(view_w - extent, 0, extent, view_h - corner)

    def scroll(self, dx: int, dy: int) -> bool:
        """Scroll by (dx, dy) widget px along the axes that have a bar; True if one moved."""
        moved = False
        for bar, delta in ((self.horizontal, dx), (self.vertical, dy)):
            if bar.isVisible() and delta:
                before = bar.value()
                bar.setValue(before + delta)
                moved = moved or bar.value() != before
        return moved

    def _scrolled(self) -> None:
        offset = self.canvas.offset()
        x = MARGIN - self.horizontal.value() if self.horizontal.isVisible() else offset.x()
        y = MARGIN - self.vertical.value() if self.vertical.isVisible() else offset.y()
        self.canvas.set_offset(QPointF(x, y))
