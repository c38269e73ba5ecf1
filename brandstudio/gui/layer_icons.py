"""The layers panel's line icons (layer types, eye, lock, tools), drawn with QPainter.

Each is drawn on a 16-unit grid at twice the resolution, in the colour asked: the panel, its
rows and the inspector's header share them, and they follow the palette (dark or light).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Final

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap, QPolygonF

ICON: Final = 16
"""The icons' size, in logical pixels."""


def _pixmap(draw: Callable[[QPainter], None], color: QColor, size: int = ICON) -> QPixmap:
    """A ``size`` px icon drawn at twice the resolution on a 16-unit grid."""
    ratio = 2.0
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 16.0, size / 16.0)
    pen = QPen(color, 1.4)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    draw(painter)
    painter.end()
    return pixmap


def _star(points: int, outer: float, inner: float, cx: float = 8.0, cy: float = 8.0) -> QPolygonF:
    polygon = QPolygonF()
    for index in range(points * 2):
        radius = outer if index % 2 == 0 else inner
        angle = math.pi * index / points - math.pi / 2
        polygon.append(QPointF(cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return polygon


def _draw_text(p: QPainter) -> None:
    p.drawLine(QPointF(3.5, 3.5), QPointF(12.5, 3.5))
    p.drawLine(QPointF(8, 3.5), QPointF(8, 13))
    p.drawLine(QPointF(6.2, 13), QPointF(9.8, 13))


def _draw_photo(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(2, 3, 12, 10), 1.5, 1.5)
    path = QPainterPath(QPointF(2.5, 12))
    path.lineTo(6.5, 7.5)
    path.lineTo(9, 10.2)
    path.lineTo(10.5, 8.8)
    path.lineTo(13.5, 12)
    p.drawPath(path)
    p.drawEllipse(QPointF(10.6, 6), 1.1, 1.1)


def _draw_logo(p: QPainter) -> None:
    p.drawEllipse(QPointF(8, 8), 6, 6)
    p.drawPolygon(_star(5, 3.6, 1.5))


def _draw_badge(p: QPainter) -> None:
    path = QPainterPath(QPointF(8.5, 2.5))
    path.lineTo(13.5, 2.5)
    path.lineTo(13.5, 7.5)
    path.lineTo(7.5, 13.5)
    path.lineTo(2.5, 8.5)
    path.closeSubpath()
    p.drawPath(path)
    p.drawEllipse(QPointF(10.8, 5.2), 1.0, 1.0)


def _draw_qr(p: QPainter) -> None:
    for left, top in ((2.0, 2.0), (10.0, 2.0), (2.0, 10.0)):
        p.drawRect(QRectF(left, top, 4, 4))
    color = p.pen().color()
    for x, y in ((10.5, 10.5), (13.0, 13.0), (13.0, 10.5), (8.0, 8.0)):
        p.fillRect(QRectF(x - 0.2, y - 0.2, 1.6, 1.6), color)


def _draw_shape(p: QPainter) -> None:
    p.drawRect(QRectF(2, 6.5, 7, 7))
    p.drawEllipse(QRectF(7, 2.5, 7, 7))


def _draw_eye(p: QPainter) -> None:
    path = QPainterPath(QPointF(1.5, 8))
    path.quadTo(8, 1.5, 14.5, 8)
    path.quadTo(8, 14.5, 1.5, 8)
    p.drawPath(path)
    p.drawEllipse(QPointF(8, 8), 2.1, 2.1)


def _draw_eye_closed(p: QPainter) -> None:
    path = QPainterPath(QPointF(1.5, 7))
    path.quadTo(8, 12.5, 14.5, 7)
    p.drawPath(path)
    for x0, y0, x1, y1 in ((4, 9.4, 3, 11.4), (8, 10.3, 8, 12.6), (12, 9.4, 13, 11.4)):
        p.drawLine(QPointF(x0, y0), QPointF(x1, y1))


def _draw_lock(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(3.5, 7.5, 9, 6.5), 1.5, 1.5)
    path = QPainterPath(QPointF(5.5, 7.5))
    path.lineTo(5.5, 5.2)
    path.arcTo(QRectF(5.5, 2.4, 5, 5), 180, -180)
    path.lineTo(10.5, 7.5)
    p.drawPath(path)


def _draw_unlock(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(3.5, 7.5, 9, 6.5), 1.5, 1.5)
    path = QPainterPath(QPointF(10.5, 7.5))
    path.lineTo(10.5, 4.6)
    path.arcTo(QRectF(10.5, 1.8, 4.6, 4.6), 180, -180)
    p.drawPath(path)


def _draw_plus(p: QPainter) -> None:
    p.drawLine(QPointF(8, 3), QPointF(8, 13))
    p.drawLine(QPointF(3, 8), QPointF(13, 8))


def _draw_duplicate(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(2.5, 2.5, 8, 8), 1.2, 1.2)
    p.drawRoundedRect(QRectF(5.5, 5.5, 8, 8), 1.2, 1.2)


def _draw_trash(p: QPainter) -> None:
    p.drawLine(QPointF(2.5, 4.5), QPointF(13.5, 4.5))
    p.drawLine(QPointF(6.5, 4.5), QPointF(6.5, 2.5))
    p.drawLine(QPointF(6.5, 2.5), QPointF(9.5, 2.5))
    p.drawLine(QPointF(9.5, 2.5), QPointF(9.5, 4.5))
    path = QPainterPath(QPointF(4, 4.5))
    path.lineTo(4.8, 13.5)
    path.lineTo(11.2, 13.5)
    path.lineTo(12, 4.5)
    p.drawPath(path)


def _draw_up(p: QPainter) -> None:
    p.drawLine(QPointF(8, 13), QPointF(8, 3))
    p.drawLine(QPointF(4, 7), QPointF(8, 3))
    p.drawLine(QPointF(12, 7), QPointF(8, 3))


def _draw_down(p: QPainter) -> None:
    p.drawLine(QPointF(8, 3), QPointF(8, 13))
    p.drawLine(QPointF(4, 9), QPointF(8, 13))
    p.drawLine(QPointF(12, 9), QPointF(8, 13))


_DRAWINGS: Final[dict[str, Callable[[QPainter], None]]] = {
    "text": _draw_text,
    "photo": _draw_photo,
    "logo": _draw_logo,
    "badge": _draw_badge,
    "qr": _draw_qr,
    "shape": _draw_shape,
    "eye": _draw_eye,
    "eye-closed": _draw_eye_closed,
    "lock": _draw_lock,
    "unlock": _draw_unlock,
    "plus": _draw_plus,
    "duplicate": _draw_duplicate,
    "trash": _draw_trash,
    "up": _draw_up,
    "down": _draw_down,
}


def icon_pixmap(name: str, color: QColor, size: int = ICON) -> QPixmap:
    """One of the panel's line icons: a layer type (``text``, ``photo``...) or a tool."""
    return _pixmap(_DRAWINGS[name], color, size)


def layer_type_icon(layer_type: str, color: QColor) -> QIcon:
    """The icon of a layer type, drawn in ``color``."""
    return QIcon(icon_pixmap(layer_type if layer_type in _DRAWINGS else "shape", color))


def tool_icon(name: str, palette: QPalette) -> QIcon:
    """A tool icon in the palette's text colour, greyed when disabled."""
    icon = QIcon(icon_pixmap(name, palette.color(QPalette.ColorRole.ButtonText)))
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
    icon.addPixmap(icon_pixmap(name, disabled), QIcon.Mode.Disabled)
    return icon
