"""The canvas: the engine's render of the template, with handles, guides and overlays on top.

Qt draws nothing of the design itself: the image is the Pillow render of the current preset,
shown pixel for pixel at 100% zoom: one canvas pixel on one device pixel at any desktop scaling
(offset in whole device pixels, no smoothing). Moving, resizing and
rotating edit the template through the document (one undo step per drag); the selection and
guides are drawn from the layout at once, so handles follow the mouse while the render catches
up off the GUI thread.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QImage,
    QInputMethodEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from brandstudio.gui.canvas_marks import paint_problem_marks, problem_marks
from brandstudio.gui.canvas_scroll import CanvasScrollBars
from brandstudio.gui.canvas_slides import paint_safe_zones, paint_slide_boundaries
from brandstudio.gui.canvas_text import CanvasText
from brandstudio.gui.drops import accept_as_copy
from brandstudio.gui.layer_list import layer_title
from brandstudio.gui.render_service import RenderResult
from brandstudio.gui.size_edit_bar import SizeEditBar
from brandstudio.gui.studio import Studio
from brandstudio.jobs.check import CheckResult
from brandstudio.model.edits import delete_layers, move_by, set_box, update_layer
from brandstudio.model.layers import source_id
from brandstudio.model.layout import Box, Layout, Placement, layout
from brandstudio.model.snapping import Guide, snap_edges, snap_move

MIN_ZOOM = 0.05
MAX_ZOOM = 8.0
HANDLE = 8.0
"""Handle size in screen px."""
SNAP = 6.0
"""Snapping distance in screen px."""
ROTATE_OFFSET = 28.0
"""Distance of the rotation handle above the box, screen px."""

# Handles: (fx, fy) on the box; which edges each moves (left, top, right, bottom).
_HANDLES: tuple[tuple[float, float, tuple[bool, bool, bool, bool]], ...] = (
    (0.0, 0.0, (True, True, False, False)),
    (0.5, 0.0, (False, True, False, False)),
    (1.0, 0.0, (False, True, True, False)),
    (1.0, 0.5, (False, False, True, False)),
    (1.0, 1.0, (False, False, True, True)),
    (0.5, 1.0, (False, False, False, True)),
    (0.0, 1.0, (True, False, False, True)),
    (0.0, 0.5, (True, False, False, False)),
)
_serials = itertools.count(1)


@dataclass
class _Drag:
    mode: str  # "move", "resize", "rotate", "pan"
    start: QPointF  # canvas px (widget px for pan)
    template: object
    serial: int
    handle: int = -1
    boxes: dict[str, Box] | None = None
    rotation: float = 0.0
    start_angle: float = 0.0
    start_offset: QPointF | None = None
    shift: bool = False
    """Shift was held when the drag began (kept for the whole drag)."""


class Canvas(QWidget):
    """Shows the current document's render and edits its layers with the mouse and keys."""

    zoomChanged = Signal(float)
    message = Signal(str)
    """A short status message (e.g. why a drop was refused)."""
    filesDropped = Signal(list)
    """Paths dropped that the canvas does not handle itself (templates, bundles)."""
    geometryDragged = Signal(object, tuple, str)
    """A move or resize drag ended having changed the template: (template before it, the
    layer ids, its undo label). ``size_edit_bar`` asks then whether it was for this size only."""

    def __init__(self, studio: Studio, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.studio = studio
        self.check_result: CheckResult | None = None
        """The Check panel's last result: its problem layers are marked (canvas_marks)."""
        self.setObjectName("canvas")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAcceptDrops(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 240)
        self._image: QImage | None = None
        self._image_serial = 0
        self.zoom = 1.0
        self._offset = QPointF(0, 0)
        self._fit = True
        self.show_safe_zone = True
        self._fitted_size = (0, 0)
        self._drag: _Drag | None = None
        self._guides: tuple[Guide, ...] = ()
        self._hover: str | None = None
        self._space = False
        self.text_edit = CanvasText(self)
        """Typing into a text layer (double-click, Enter or F2)."""
        self.size_edit_bar = SizeEditBar(self)
        """Asks "this size only / all sizes" after a drag at another size than the master."""
        self.scroll_bars = CanvasScrollBars(self)
        studio.rendered.connect(self._on_rendered)
        studio.documentReplaced.connect(self._on_document)
        self._on_document()

    # -- state --

    def _on_document(self) -> None:
        self.text_edit.finish()
        document = self.studio.document
        self._image = None
        self._hover = None
        if document is not None:
            document.changed.connect(self._on_changed)
            document.selectionChanged.connect(self.update)
            document.presetChanged.connect(self._on_preset)
        self._fit = True
        self._apply_fit()
        self.update()

    def _on_changed(self) -> None:
        if self._fit and self.canvas_size() != self._fitted_size:  # a carousel's slides
            self._apply_fit()
        # A layer deleted (or undone away) under the mouse must not stay the hover id.
        document = self.studio.document
        known = {layer.id for layer in document.template.layers} if document else set()
        if self._hover not in known:
            self._hover = None
        self.text_edit.document_changed()
        self.update()

    def _on_preset(self) -> None:
        if self._fit:
            self._apply_fit()
        self.update()

    def _on_rendered(self, result: RenderResult) -> None:
        self._image = result.qimage
        self._image_serial = result.request.serial
        self.text_edit.rendered(result)
        self.update()

    def current_image(self) -> QImage | None:
        """The render on screen (the export's pixels at the current preset)."""
        return self._image

    def layout(self) -> Layout | None:  # type: ignore[override]
        """The current template laid out at the current preset."""
        document = self.studio.document
        if document is None:
            return None
        return layout(document.template, document.preset)

    def canvas_size(self) -> tuple[int, int]:
        """(width, height) of the current preset in px."""
        placed = self.layout()
        return (placed.width, placed.height) if placed else (0, 0)

    # -- zoom and pan --

    def set_zoom(self, zoom: float, around: QPointF | None = None) -> None:
        """Zoom to ``zoom`` (1 = 100%) keeping ``around`` (widget px) still."""
        zoom = min(MAX_ZOOM, max(MIN_ZOOM, zoom))
        around = around or QPointF(self.width() / 2, self.height() / 2)
        canvas_point = self.to_canvas(around)
        self.zoom = zoom
        self._offset = around - canvas_point * self.scale()
        self._fit = False
        self._snap_offset()
        self.zoomChanged.emit(self.zoom)
        self.update()

    def actual_size(self) -> None:
        """100%: one canvas pixel per screen pixel, centred."""
        self.zoom = 1.0
        self._fit = False
        self._centre()
        self.zoomChanged.emit(self.zoom)
        self.update()

    def fit(self) -> None:
        """Zoom so the whole canvas fits the view, and keep fitting on resize."""
        self._fit = True
        self._apply_fit()
        self.update()

    def _apply_fit(self) -> None:
        width, height = self._fitted_size = self.canvas_size()
        if not width or not height:
            return
        margin = 24
        fits = min((self.width() - margin) / width, (self.height() - margin) / height)
        self.zoom = min(MAX_ZOOM, max(MIN_ZOOM, fits * self.devicePixelRatioF()))
        self._centre()
        self.zoomChanged.emit(self.zoom)

    def _centre(self) -> None:
        width, height = self.canvas_size()
        scale = self.scale()
        self._offset = QPointF(
            (self.width() - width * scale) / 2, (self.height() - height * scale) / 2
        )
        self._snap_offset()

    def scale(self) -> float:
        """Widget (logical) px per canvas px: ``zoom`` counts device pixels, so at 100% one
        canvas pixel is one pixel of the screen at any desktop scaling (125%, 150%, 200%)."""
        return self.zoom / self.devicePixelRatioF()

    def _snap_offset(self) -> None:
        # Whole device pixels, so 100% shows each canvas pixel on exactly one screen pixel.
        ratio = self.devicePixelRatioF()
        self._offset = QPointF(
            round(self._offset.x() * ratio) / ratio, round(self._offset.y() * ratio) / ratio
        )

    def to_canvas(self, point: QPointF) -> QPointF:
        """Widget px to canvas px."""
        return (point - self._offset) / self.scale()

    def to_widget(self, point: QPointF) -> QPointF:
        """Canvas px to widget px."""
        return self._offset + point * self.scale()

    def resizeEvent(self, event: QResizeEvent) -> None:
        if self._fit:
            self._apply_fit()
        super().resizeEvent(event)

    # -- painting --

    def offset(self) -> QPointF:
        """Where the canvas's top-left corner is, in widget px."""
        return QPointF(self._offset)

    def show_check(self, result: CheckResult | None) -> None:
        """Mark the layers ``result`` finds problems in (at the size on screen)."""
        self.check_result = result
        self.update()

    def set_offset(self, offset: QPointF) -> None:
        """Scroll the canvas so its top-left corner is at ``offset`` (widget px)."""
        self._offset = QPointF(offset)
        self._fit = False
        self._snap_offset()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        self.scroll_bars.sync()
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:  # never leave the backing store with an active painter
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        painter.fillRect(self.rect(), self.palette().color(self.backgroundRole()).darker(115))
        placed = self.layout()
        if placed is None:
            return
        target = QRectF(
            self._offset, self._offset + QPointF(placed.width, placed.height) * self.scale()
        )
        painter.fillRect(target.adjusted(3, 3, 3, 3), QColor(0, 0, 0, 60))
        if self._image is not None and not self._image.isNull():
            if self.zoom == 1.0 and self._image.size().toTuple() == (placed.width, placed.height):
                shown = QImage(self._image)  # shares the pixels; drawn one per device pixel
                shown.setDevicePixelRatio(self.devicePixelRatioF())
                painter.drawImage(self._offset, shown)
            else:
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
                painter.drawImage(target, self._image)
        else:
            painter.fillRect(target, QColor(235, 235, 235))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if self.show_safe_zone:
            paint_safe_zones(painter, placed, self._widget_rect)
        paint_slide_boundaries(painter, placed, self._widget_rect)
        paint_problem_marks(
            painter, placed, problem_marks(self.check_result, placed), self._outline
        )
        self._paint_selection(painter, placed)
        self._paint_own_positions(painter, placed)
        self.text_edit.paint(painter)
        self._paint_guides(painter)

    def _paint_selection(self, painter: QPainter, placed: Layout) -> None:
        document = self.studio.document
        if document is None:
            return
        shown = {placement.layer_id for placement in placed.placements}
        hover = self._hover if self._hover not in document.selection else None
        if hover is not None and hover in shown:
            painter.setPen(QPen(QColor(0, 120, 215, 150), 1))
            painter.drawPolygon(self._outline(placed.placement(hover)))
        pen = QPen(QColor(0, 120, 215), 1.5)
        chosen = set(document.selection)
        for placement in placed.placements:  # a layer repeated on slides: every copy
            if source_id(placement.layer_id) in chosen:
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPolygon(self._outline(placement))
        if len(document.selection) == 1:
            placement = placed.placement(document.selection[0])
            locked = document.template.layer(placement.layer_id).locked
            if not locked:
                self._paint_handles(painter, placement)

    def own_position_ids(self) -> tuple[str, ...]:
        """The shown layers with their own position at the preset on screen (marked)."""
        document = self.studio.document
        placed = self.layout()
        if document is None or document.preset is None or placed is None:
            return ()
        preset_id = document.preset.id
        return tuple(
            p.layer_id for p in placed.placements
            if p.visible and preset_id in document.template.layer(p.layer_id).overrides
        )  # fmt: skip

    def _paint_own_positions(self, painter: QPainter, placed: Layout) -> None:
        # A small dot inside the top-left corner (clear of the resize handle) of each layer
        # placed on its own at this size; the Layers panel shows the same dot.
        painter.setPen(QPen(QColor(255, 255, 255), 1.5))
        painter.setBrush(QColor(0, 120, 215))
        for layer_id in self.own_position_ids():
            corner = self._outline(placed.placement(layer_id)).at(0)
            painter.drawEllipse(corner + QPointF(HANDLE + 3, HANDLE + 3), 3.5, 3.5)

    def _paint_handles(self, painter: QPainter, placement: Placement) -> None:
        painter.setPen(QPen(QColor(0, 120, 215), 1))
        painter.setBrush(QColor(255, 255, 255))
        for point in self._handle_points(placement):
            painter.drawRect(QRectF(point.x() - HANDLE / 2, point.y() - HANDLE / 2, HANDLE, HANDLE))
        top, knob = self._rotation_handle(placement)
        painter.drawLine(top, knob)
        painter.drawEllipse(knob, HANDLE / 2 + 1, HANDLE / 2 + 1)

    def _paint_guides(self, painter: QPainter) -> None:
        painter.setPen(QPen(QColor(255, 0, 170), 1))
        for guide in self._guides:
            if guide.vertical:
                a = self.to_widget(QPointF(guide.position, guide.start))
                b = self.to_widget(QPointF(guide.position, guide.end))
            else:
                a = self.to_widget(QPointF(guide.start, guide.position))
                b = self.to_widget(QPointF(guide.end, guide.position))
            painter.drawLine(a, b)

    def _widget_rect(self, box: Box) -> QRectF:
        return QRectF(
            self.to_widget(QPointF(box.x, box.y)), self.to_widget(QPointF(box.right, box.bottom))
        )

    def turn(self, placement: Placement) -> QTransform:
        cx, cy = placement.box.center
        transform = QTransform()
        transform.translate(cx, cy)
        transform.rotate(placement.rotation)  # clockwise on screen, as the engine draws it
        transform.translate(-cx, -cy)
        return transform

    def _outline(self, placement: Placement) -> QPolygonF:
        box = placement.box
        corners = [QPointF(box.x, box.y), QPointF(box.right, box.y),
                   QPointF(box.right, box.bottom), QPointF(box.x, box.bottom)]  # fmt: skip
        turn = self.turn(placement)
        return QPolygonF([self.to_widget(turn.map(point)) for point in corners])

    def _handle_points(self, placement: Placement) -> list[QPointF]:
        box = placement.box
        turn = self.turn(placement)
        return [
            self.to_widget(turn.map(QPointF(box.x + fx * box.width, box.y + fy * box.height)))
            for fx, fy, _ in _HANDLES
        ]

    def _rotation_handle(self, placement: Placement) -> tuple[QPointF, QPointF]:
        box = placement.box
        turn = self.turn(placement)
        top = self.to_widget(turn.map(QPointF(box.x + box.width / 2, box.y)))
        radians = math.radians(placement.rotation)
        knob = top + QPointF(math.sin(radians), -math.cos(radians)) * ROTATE_OFFSET
        return top, knob

    # -- hit testing --

    def layer_at(self, point: QPointF) -> str | None:
        """The top-most visible layer under ``point`` (widget px)."""
        placed = self.layout()
        document = self.studio.document
        if placed is None or document is None:
            return None
        canvas_point = self.to_canvas(point)
        for placement in reversed(placed.placements):
            if not placement.visible:
                continue
            local = self.turn(placement).inverted()[0].map(canvas_point)
            box = placement.box
            if box.x <= local.x() <= box.right and box.y <= local.y() <= box.bottom:
                return source_id(placement.layer_id)  # a repeated layer's copy: the layer
        return None

    def _handle_at(self, point: QPointF) -> int | None:
        document = self.studio.document
        placed = self.layout()
        if document is None or placed is None or len(document.selection) != 1:
            return None
        if document.template.layer(document.selection[0]).locked:
            return None
        placement = placed.placement(document.selection[0])
        _, knob = self._rotation_handle(placement)
        if (point - knob).manhattanLength() <= HANDLE + 2:
            return len(_HANDLES)  # the rotation handle
        for index, handle in enumerate(self._handle_points(placement)):
            if (point - handle).manhattanLength() <= HANDLE:
                return index
        return None

    # -- mouse --

    def mousePressEvent(self, event: QMouseEvent) -> None:
        document = self.studio.document
        point = event.position()
        if document is None:
            return
        if event.button() == Qt.MouseButton.MiddleButton or (
            event.button() == Qt.MouseButton.LeftButton and self._space
        ):
            self._drag = _Drag(
                "pan", point, document.template, 0, start_offset=QPointF(self._offset)
            )
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            return
        if event.button() != Qt.MouseButton.LeftButton:
            return
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if self.text_edit.press(point, shift):
            return
        serial = next(_serials)
        handle = self._handle_at(point)
        start = self.to_canvas(point)
        placed = self.layout()
        assert placed is not None
        if handle is not None:
            layer_id = document.selection[0]
            placement = placed.placement(layer_id)
            mode = "rotate" if handle == len(_HANDLES) else "resize"
            cx, cy = placement.box.center
            self._drag = _Drag(
                mode, start, document.template, serial, handle=handle,
                boxes={layer_id: placement.box}, rotation=placement.rotation,
                start_angle=math.degrees(math.atan2(start.y() - cy, start.x() - cx)),
                shift=bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier),
            )  # fmt: skip
            return
        hit = self.layer_at(point)
        modifiers = event.modifiers()
        if hit is None:
            document.select([])
            return
        if modifiers & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier):
            selection = list(document.selection)
            if hit in selection:
                selection.remove(hit)
            else:
                selection.append(hit)
            document.select(selection)
        elif hit not in document.selection:
            document.select([hit])
        movable = [i for i in document.selection if not document.template.layer(i).locked]
        if movable:
            boxes = {i: placed.placement(i).box for i in movable}
            self._drag = _Drag("move", start, document.template, serial, boxes=boxes)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position()
        drag = self._drag
        if self.text_edit.drag(point):
            return
        if drag is None:
            hover = self.layer_at(point)
            if hover != self._hover:
                self._hover = hover
                self.update()
            handle = self._handle_at(point)
            self.setCursor(self._cursor_for(handle))
            return
        if drag.mode == "pan":
            assert drag.start_offset is not None
            self._offset = drag.start_offset + (point - drag.start)
            self._snap_offset()
            self._fit = False
            self.update()
            return
        now = self.to_canvas(point)
        shift = drag.shift or bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if drag.mode == "move":
            self._drag_move(drag, now)
        elif drag.mode == "resize":
            self._drag_resize(drag, now, shift)
        else:
            self._drag_rotate(drag, now, shift)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and not self.text_edit.active:
            hit = self.layer_at(event.position())
            if self.text_edit.start(hit or ""):
                self._drag = None
                return
        super().mouseDoubleClickEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.text_edit.release()
        drag, document = self._drag, self.studio.document
        if drag is not None and drag.mode == "pan":
            self.unsetCursor()
        elif drag is not None and document is not None:
            self._report_drag(drag, document.template)
        self._drag = None
        self._guides = ()
        self.update()

    def _report_drag(self, drag: _Drag, now: object) -> None:
        # Rotation is the same at every size: only moves and resizes may be for one size.
        if drag.mode in ("move", "resize") and drag.boxes and now is not drag.template:
            label = self._label(drag.mode.capitalize(), drag.boxes)
            self.geometryDragged.emit(drag.template, tuple(drag.boxes), label)

    def _others(self, moving: set[str]) -> list[Box]:
        placed = self.layout()
        assert placed is not None
        return [p.box for p in placed.placements if p.visible and p.layer_id not in moving]

    def _canvas_box(self) -> Box:
        width, height = self.canvas_size()
        return Box(0.0, 0.0, float(width), float(height))

    def _drag_move(self, drag: _Drag, now: QPointF) -> None:
        document = self.studio.document
        assert document is not None and drag.boxes is not None
        dx, dy = now.x() - drag.start.x(), now.y() - drag.start.y()
        first = next(iter(drag.boxes.values()))
        moved = Box(first.x + dx, first.y + dy, first.width, first.height)
        snapped = snap_move(
            moved, self._canvas_box(), self._others(set(drag.boxes)), SNAP / self.scale()
        )
        self._guides = snapped.guides
        dx += snapped.box.x - moved.x
        dy += snapped.box.y - moved.y
        template = move_by(drag.template, drag.boxes, dx, dy, document.preset,  # type: ignore[arg-type]
                           override=document.override_mode)  # fmt: skip
        document.edit(self._label("Move", drag.boxes), template, merge_key=f"drag-{drag.serial}")

    def _drag_resize(self, drag: _Drag, now: QPointF, keep_aspect: bool) -> None:
        document = self.studio.document
        assert document is not None and drag.boxes is not None
        layer_id, box = next(iter(drag.boxes.items()))
        edges = _HANDLES[drag.handle][2]
        turn = QTransform().rotate(-drag.rotation)
        delta = turn.map(now - drag.start)
        left, top, right, bottom = box.x, box.y, box.right, box.bottom
        left += delta.x() if edges[0] else 0
        top += delta.y() if edges[1] else 0
        right += delta.x() if edges[2] else 0
        bottom += delta.y() if edges[3] else 0
        if keep_aspect and box.height > 0:
            left, top, right, bottom = _keep_aspect(box, (left, top, right, bottom), edges)
        resized = Box(min(left, right - 1), min(top, bottom - 1), max(1.0, abs(right - left)),
                      max(1.0, abs(bottom - top)))  # fmt: skip
        if drag.rotation == 0 and not keep_aspect:
            snapped = snap_edges(
                resized, edges, self._canvas_box(), self._others({layer_id}), SNAP / self.scale()
            )
            resized, self._guides = snapped.box, snapped.guides
        template = set_box(drag.template, layer_id, resized, document.preset,  # type: ignore[arg-type]
                           override=document.override_mode)  # fmt: skip
        document.edit(self._label("Resize", drag.boxes), template, merge_key=f"drag-{drag.serial}")

    def _drag_rotate(self, drag: _Drag, now: QPointF, snap: bool) -> None:
        document = self.studio.document
        assert document is not None and drag.boxes is not None
        layer_id, box = next(iter(drag.boxes.items()))
        cx, cy = box.center
        angle = math.degrees(math.atan2(now.y() - cy, now.x() - cx))
        rotation = drag.rotation + angle - drag.start_angle
        rotation = (rotation + 180.0) % 360.0 - 180.0
        if snap:
            rotation = round(rotation / 15.0) * 15.0
        template = update_layer(drag.template, layer_id, rotation=round(rotation, 2))  # type: ignore[arg-type]
        document.edit(self._label("Rotate", drag.boxes), template, merge_key=f"drag-{drag.serial}")

    def layer_name(self, layer_id: str) -> str:
        """The layer's name as the Layers panel shows it, in the studio's language."""
        document = self.studio.document
        assert document is not None
        return layer_title(document.template, document.template.layer(layer_id))

    def _label(self, verb: str, layer_ids: object) -> str:
        document = self.studio.document
        assert document is not None
        ids = list(layer_ids)  # type: ignore[call-overload]
        if len(ids) == 1:
            name = layer_title(document.template, document.template.layer(ids[0]))
            text = {"Move": self.tr("Move %1"), "Resize": self.tr("Resize %1"),
                    "Rotate": self.tr("Rotate %1")}[verb]  # fmt: skip
            return text.replace("%1", name)
        text = {"Move": self.tr("Move %1 Layers"), "Resize": self.tr("Resize %1 Layers"),
                "Rotate": self.tr("Rotate %1 Layers")}[verb]  # fmt: skip
        return text.replace("%1", str(len(ids)))

    def _cursor_for(self, handle: int | None) -> Qt.CursorShape:
        if handle is None:
            return Qt.CursorShape.ArrowCursor
        if handle == len(_HANDLES):
            return Qt.CursorShape.CrossCursor
        shapes = [Qt.CursorShape.SizeFDiagCursor, Qt.CursorShape.SizeVerCursor,
                  Qt.CursorShape.SizeBDiagCursor, Qt.CursorShape.SizeHorCursor]  # fmt: skip
        return shapes[handle % 4]

    # -- wheel and keys --

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl+wheel zooms at the cursor; the wheel scrolls (Shift+wheel sideways)."""
        delta = event.angleDelta()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if delta.y():
                self.set_zoom(self.zoom * (1.15 ** (delta.y() / 120.0)), event.position())
        else:
            pixels = event.pixelDelta() if not event.pixelDelta().isNull() else delta / 2
            dx, dy = -pixels.x(), -pixels.y()
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                dx, dy = dy, dx
            self.scroll_bars.scroll(dx, dy)
        event.accept()

    def event(self, event: QEvent) -> bool:
        override = event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
        if override and self.text_edit.wants_shortcut(event):  # type: ignore[arg-type]
            event.accept()  # typing goes to the text, not to the window's shortcuts
            return True
        return super().event(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        self.text_edit.input_method(event)

    def inputMethodQuery(self, query: Qt.InputMethodQuery) -> object:
        found = self.text_edit.query(query)
        return super().inputMethodQuery(query) if found is None else found

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.text_edit.key(event):
            return
        document = self.studio.document
        key = event.key()
        starts = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2)
        one = document.selection[0] if document and len(document.selection) == 1 else None
        if key in starts and one is not None and self.text_edit.start(one):
            return
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.setCursor(Qt.CursorShape.OpenHandCursor)
            return
        if document is None:
            super().keyPressEvent(event)
            return
        steps = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0),
                 Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}  # fmt: skip
        movable = [i for i in document.selection if not document.template.layer(i).locked]
        if key in steps and movable:
            step = 10 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1
            dx, dy = steps[Qt.Key(key)]
            template = move_by(document.template, movable, dx * step, dy * step,
                               document.preset, override=document.override_mode)  # fmt: skip
            document.edit(self._label("Move", movable), template)
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and document.selection:
            count = len(document.selection)
            label = self.tr("Delete Layer") if count == 1 else self.tr("Delete Layers")
            document.edit(label, delete_layers(document.template, document.selection))
            return
        if key == Qt.Key.Key_Escape:
            document.select([])
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.unsetCursor()
            return
        super().keyReleaseEvent(event)

    # -- drops --

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            accept_as_copy(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasUrls():
            accept_as_copy(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths and accept_as_copy(event):
            self.filesDropped.emit(paths)


def _keep_aspect(
    box: Box, edges_now: tuple[float, float, float, float], moving: tuple[bool, bool, bool, bool]
) -> tuple[float, float, float, float]:
    """Resize with the box's width/height ratio kept, the opposite side or corner fixed."""
    left, top, right, bottom = edges_now
    aspect = box.width / box.height
    width, height = abs(right - left), abs(bottom - top)
    horizontal = moving[0] or moving[2]
    vertical = moving[1] or moving[3]
    if horizontal and (not vertical or width / aspect >= height):
        height = width / aspect
    else:
        width = height * aspect
    if moving[0]:
        left = right - width
    else:
        right = left + width
    if moving[1]:
        top = bottom - height
    else:
        bottom = top + height
    if horizontal and not vertical:  # side handle: grow about the middle
        middle = box.y + box.height / 2
        top, bottom = middle - height / 2, middle + height / 2
    if vertical and not horizontal:
        middle = box.x + box.width / 2
        left, right = middle - width / 2, middle + width / 2
    return left, top, right, bottom
