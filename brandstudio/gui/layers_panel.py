"""The layers panel: the template's layer stack, top layer first, as every design tool shows it.

Each row has the eye (visible), the type's icon, the name and the lock. The selection is the
document's, both ways; rows are reordered by dragging; buttons and the context menu add,
duplicate, delete and move layers. Every change is one undo step of the document.
"""

from __future__ import annotations

import contextlib
import html
import json
import math
from collections.abc import Callable, Sequence
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QDropEvent,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from brandstudio.gui.document import TemplateDocument
from brandstudio.gui.studio import Studio
from brandstudio.model.edits import (
    add_layer,
    delete_layers,
    duplicate_layer,
    new_layer,
    reorder,
    update_layer,
)
from brandstudio.model.layers import LAYER_TYPES, Layer
from brandstudio.model.template import Template

MIME_TYPE: Final = "application/x-brandstudio-layers"
"""Drag data: the dragged layer ids and the document they belong to (JSON)."""

ROW_HEIGHT: Final = 30
ICON: Final = 16


# -- icons ---------------------------------------------------------------------------------


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


def plain_tooltip(text: str) -> str:
    """A tooltip showing ``text`` as it is: Qt would take text that looks like HTML (a layer
    name from a file) as rich text."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"


def layer_title(layer: Layer) -> str:
    """What a layer is called: its name, else its id."""
    return layer.name or layer.id


# -- the model -----------------------------------------------------------------------------


class LayerListModel(QAbstractListModel):
    """The layers of a document, top first. Renames go out as ``renameRequested``."""

    IdRole: Final = int(Qt.ItemDataRole.UserRole) + 1
    TypeRole: Final = IdRole + 1
    VisibleRole: Final = IdRole + 2
    LockedRole: Final = IdRole + 3
    OverrideRole: Final = IdRole + 4

    renameRequested = Signal(str, str)
    """(layer id, new name)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document: TemplateDocument | None = None
        self._layers: list[Layer] = []
        self._type_names: dict[str, str] = {}

    def set_type_names(self, names: dict[str, str]) -> None:
        self._type_names = names

    def set_document(self, document: TemplateDocument | None) -> None:
        self.beginResetModel()
        self._document = document
        self._layers = list(reversed(document.template.layers)) if document else []
        self.endResetModel()

    def refresh(self) -> None:
        """Follow the document: same ids in the same order update in place, else reset."""
        document = self._document
        layers = list(reversed(document.template.layers)) if document else []
        if [layer.id for layer in layers] == [layer.id for layer in self._layers]:
            self._layers = layers
            if layers:
                self.dataChanged.emit(self.index(0), self.index(len(layers) - 1))
        else:
            self.beginResetModel()
            self._layers = layers
            self.endResetModel()

    def layer_at(self, row: int) -> Layer:
        return self._layers[row]

    def row_of(self, layer_id: str) -> int:
        for row, layer in enumerate(self._layers):
            if layer.id == layer_id:
                return row
        return -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._layers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._layers):
            return None
        layer = self._layers[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return layer_title(layer)
        if role == Qt.ItemDataRole.EditRole:
            return layer.name
        if role == Qt.ItemDataRole.ToolTipRole:
            kind = self._type_names.get(layer.type, layer.type)
            tip = self.tr("%1 — %2 (id: %3)")
            tip = tip.replace("%3", layer.id).replace("%2", kind).replace("%1", layer_title(layer))
            return plain_tooltip(tip)
        if role == self.IdRole:
            return layer.id
        if role == self.TypeRole:
            return layer.type
        if role == self.VisibleRole:
            return layer.visible
        if role == self.LockedRole:
            return layer.locked
        if role == self.OverrideRole:
            preset = self._document.preset if self._document else None
            return preset is not None and preset.id in layer.overrides
        return None

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = 2
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        self.renameRequested.emit(self._layers[index.row()].id, str(value))
        return True

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemIsDragEnabled
        )

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        # Copy too, so that a drop can report "copy" and the view removes nothing after it:
        # the reorder is the document's edit (see ``LayerListView.dropEvent``).
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        data = QMimeData()
        payload = {
            "document": id(self._document),
            "layers": [self._layers[row].id for row in rows],
        }
        data.setData(MIME_TYPE, json.dumps(payload).encode("utf-8"))
        return data

    def dragged_ids(self, data: QMimeData) -> list[str] | None:
        """The layer ids of a drag from this document, or None for anything else."""
        if not data.hasFormat(MIME_TYPE):
            return None
        try:
            payload = json.loads(bytes(data.data(MIME_TYPE).data()).decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return None
        if not isinstance(payload, dict) or payload.get("document") != id(self._document):
            return None
        known = {layer.id for layer in self._layers}
        ids = payload.get("layers")
        if not isinstance(ids, list) or not ids or not all(i in known for i in ids):
            return None
        return [str(i) for i in ids]


# -- the rows ------------------------------------------------------------------------------


class LayerDelegate(QStyledItemDelegate):
    """Paints a row (eye, type icon, name, lock) and turns clicks on the eye and the lock into
    ``toggleRequested``."""

    toggleRequested = Signal(str, str)
    """(layer id, ``"visible"`` or ``"locked"``)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._icons: dict[tuple[str, str], QPixmap] = {}

    def _icon(self, name: str, color: QColor) -> QPixmap:
        key = (name, color.name(QColor.NameFormat.HexArgb))
        if key not in self._icons:
            self._icons[key] = icon_pixmap(name, color)
        return self._icons[key]

    @staticmethod
    def eye_rect(rect: QRect) -> QRect:
        """Where the eye toggle of a row is (row rect in viewport coordinates)."""
        return QRect(rect.left() + 6, rect.center().y() - 9, 20, 18)

    @staticmethod
    def lock_rect(rect: QRect) -> QRect:
        """Where the lock toggle of a row is."""
        return QRect(rect.right() - 26, rect.center().y() - 9, 20, 18)

    @staticmethod
    def text_rect(rect: QRect) -> QRect:
        return QRect(rect.left() + 56, rect.top(), rect.width() - 56 - 44, rect.height())

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(160, ROW_HEIGHT)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else None
        rect = QRect(opt.rect)
        state = opt.state
        palette: QPalette = opt.palette
        opt.text = ""
        opt.icon = QIcon()
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, widget)
        selected = bool(state & QStyle.StateFlag.State_Selected)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ink = palette.color(text_role)
        faint = QColor(ink)
        faint.setAlphaF(0.38)
        visible = bool(index.data(LayerListModel.VisibleRole))
        locked = bool(index.data(LayerListModel.LockedRole))
        hovered = bool(state & QStyle.StateFlag.State_MouseOver)
        painter.save()
        eye = self.eye_rect(rect)
        pixmap = self._icon("eye" if visible else "eye-closed", ink if visible else faint)
        painter.drawPixmap(
            eye.center().x() - ICON // 2 + 1, eye.center().y() - ICON // 2 + 1, pixmap
        )
        type_icon = self._icon(str(index.data(LayerListModel.TypeRole)), ink if visible else faint)
        painter.drawPixmap(rect.left() + 32, rect.center().y() - ICON // 2 + 1, type_icon)
        text_rect = self.text_rect(rect)
        painter.setPen(ink if visible else faint)
        font = opt.font
        painter.setFont(font)
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        elided = painter.fontMetrics().elidedText(
            title, Qt.TextElideMode.ElideRight, text_rect.width()
        )
        painter.drawText(
            text_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), elided
        )
        if bool(index.data(LayerListModel.OverrideRole)):
            dot = QColor(palette.color(QPalette.ColorRole.Highlight) if not selected else ink)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(dot)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.drawEllipse(QPointF(rect.right() - 36, rect.center().y() + 1), 2.6, 2.6)
        if locked or hovered:
            lock = self.lock_rect(rect)
            pixmap = self._icon("lock" if locked else "unlock", ink if locked else faint)
            painter.drawPixmap(
                lock.center().x() - ICON // 2 + 1, lock.center().y() - ICON // 2 + 1, pixmap
            )
        painter.restore()

    def editorEvent(
        self,
        event: QEvent,
        model: Any,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        kinds = (
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonDblClick,
            QEvent.Type.MouseButtonRelease,
        )
        if event.type() in kinds and isinstance(event, QMouseEvent):
            rect = QRect(option.rect)
            point = event.position().toPoint()
            layer_id = str(index.data(LayerListModel.IdRole))
            for field, area in (("visible", self.eye_rect(rect)), ("locked", self.lock_rect(rect))):
                if area.contains(point):
                    if event.type() == QEvent.Type.MouseButtonPress and (
                        event.button() == Qt.MouseButton.LeftButton
                    ):
                        self.toggleRequested.emit(layer_id, field)
                    return True
        return super().editorEvent(event, model, option, index)

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setMaxLength(100)
        editor.setPlaceholderText(str(index.data(LayerListModel.IdRole)))
        editor.setFrame(False)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QLineEdit):
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.selectAll()

    def updateEditorGeometry(
        self,
        editor: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        rect = self.text_rect(QRect(option.rect))
        editor.setGeometry(rect.adjusted(-3, 3, 0, -3))


# -- the list ------------------------------------------------------------------------------


class LayerListView(QListView):
    """The list: extended selection, drag to reorder; a drop says where as ``layersDropped``."""

    layersDropped = Signal(list, int)
    """(layer ids, insertion row in the top-first list)."""
    contextMenuRequested = Signal(object)
    """A QPoint (global) where the context menu goes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked)
        self.setUniformItemSizes(True)
        self.setMouseTracking(True)
        self.setAlternatingRowColors(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    def drop_row(self, point: Any) -> int:
        """The insertion row (top-first) for a drop at ``point`` (viewport coordinates)."""
        index = self.indexAt(point)
        if not index.isValid():
            return self.model().rowCount() if self.model() is not None else 0
        rect = self.visualRect(index)
        return index.row() + (1 if point.y() > rect.center().y() else 0)

    def dropEvent(self, event: QDropEvent) -> None:
        model = self.model()
        ids = model.dragged_ids(event.mimeData()) if isinstance(model, LayerListModel) else None
        if ids is None:
            event.ignore()
            return
        row = self.drop_row(event.position().toPoint())
        # Copy, as far as Qt knows: the reorder is the document's edit, nothing to remove.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.setState(QAbstractItemView.State.NoState)
        self.stopAutoScroll()
        self.viewport().update()
        self.layersDropped.emit(ids, row)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        index = self.indexAt(event.pos())
        if index.isValid() and not self.selectionModel().isSelected(index):
            self.setCurrentIndex(index)
        self.contextMenuRequested.emit(event.globalPos())


# -- the panel -----------------------------------------------------------------------------


def _stack_order(template: Template, ids: Sequence[str]) -> list[str]:
    """``ids`` in z-order (bottom first)."""
    wanted = set(ids)
    return [layer.id for layer in template.layers if layer.id in wanted]


def move_layers(template: Template, ids: Sequence[str], top_row: int) -> Template:
    """Move the layers ``ids`` (kept in their order) to insertion row ``top_row`` of the
    top-first list, with ``reorder`` steps."""
    top_first = [layer.id for layer in reversed(template.layers)]
    moving = [layer_id for layer_id in top_first if layer_id in set(ids)]
    before = [layer_id for layer_id in top_first[:top_row] if layer_id not in moving]
    after = [layer_id for layer_id in top_first[top_row:] if layer_id not in moving]
    wanted_bottom_first = list(reversed(before + moving + after))
    for index, layer_id in enumerate(wanted_bottom_first):
        template = reorder(template, layer_id, index)
    return template


class LayersPanel(QWidget):
    """The layer stack of the studio's document (top layer first)."""

    def __init__(self, studio: Studio, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LayersPanel")
        self.studio = studio
        self.document: TemplateDocument | None = None
        self._syncing = False

        self.model = LayerListModel(self)
        self.model.set_type_names(self._type_names())
        self.model.renameRequested.connect(self.rename_layer)
        self.view = LayerListView(self)
        self.view.setObjectName("layerList")
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setModel(self.model)
        self.delegate = LayerDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.selectionModel().selectionChanged.connect(self._view_selection_changed)
        self.view.layersDropped.connect(self._dropped)
        self.view.contextMenuRequested.connect(self._context_menu)
        self.view.installEventFilter(self)
        self.delegate.toggleRequested.connect(self._toggle)

        self._create_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Plain)
        line.setForegroundRole(QPalette.ColorRole.Mid)
        layout.addWidget(line)
        layout.addWidget(self._create_tool_bar())

        studio.documentReplaced.connect(self._document_replaced)
        self._document_replaced()

    def sizeHint(self) -> QSize:
        return QSize(280, 300)

    # -- building --

    def _type_names(self) -> dict[str, str]:
        return {
            "text": self.tr("Text layer"),
            "logo": self.tr("Logo layer"),
            "badge": self.tr("Badge layer"),
            "qr": self.tr("QR code layer"),
            "photo": self.tr("Photo layer"),
            "shape": self.tr("Shape layer"),
        }

    def _action(self, text: str, tip: str, icon: str | None, slot: Callable[[], None],
                shortcut: QKeySequence | None = None) -> QAction:  # fmt: skip
        action = QAction(text, self)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        if icon is not None:
            action.setIcon(tool_icon(icon, self.palette()))
        if shortcut is not None:
            # Shown in menus; the keys themselves are taken by the list (``eventFilter``), so
            # they never clash with the window's shortcuts for the same keys.
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _create_actions(self) -> None:
        self.add_actions: dict[str, QAction] = {
            "text": self._action(self.tr("Text"), self.tr("Add a text layer."), "text",
                                 lambda: self.add_new_layer("text")),
            "logo": self._action(self.tr("Logo"), self.tr("Add the brand's logo."), "logo",
                                 lambda: self.add_new_layer("logo")),
            "badge": self._action(self.tr("Badge"), self.tr("Add a badge (a sticker with text)."),
                                  "badge", lambda: self.add_new_layer("badge")),
            "qr": self._action(self.tr("QR Code"), self.tr("Add a QR code of a link."), "qr",
                               lambda: self.add_new_layer("qr")),
            "photo": self._action(self.tr("Photo"), self.tr("Add a photo."), "photo",
                                  lambda: self.add_new_layer("photo")),
            "shape": self._action(self.tr("Shape"), self.tr("Add a rectangle, ellipse or line."),
                                  "shape", lambda: self.add_new_layer("shape")),
        }  # fmt: skip
        assert set(self.add_actions) == set(LAYER_TYPES)
        self.add_menu = QMenu(self.tr("Add Layer"), self)
        for key in ("text", "photo", "logo", "badge", "qr", "shape"):
            self.add_menu.addAction(self.add_actions[key])
        self.act_duplicate = self._action(
            self.tr("Duplicate"), self.tr("Duplicate the selected layers."), "duplicate",
            self.duplicate_selected, QKeySequence("Ctrl+D"),
        )  # fmt: skip
        self.act_delete = self._action(
            self.tr("Delete"), self.tr("Delete the selected layers."), "trash",
            self.delete_selected, QKeySequence(QKeySequence.StandardKey.Delete),
        )  # fmt: skip
        self.act_rename = self._action(
            self.tr("Rename"), self.tr("Rename the selected layer."), None,
            self.rename_current, QKeySequence("F2"),
        )  # fmt: skip
        self.act_move_up = self._action(
            self.tr("Move Up"), self.tr("Move the selected layers up the stack (in front)."),
            "up", lambda: self.move_selected(1), QKeySequence("Ctrl+]"),
        )  # fmt: skip
        self.act_move_down = self._action(
            self.tr("Move Down"), self.tr("Move the selected layers down the stack (behind)."),
            "down", lambda: self.move_selected(-1), QKeySequence("Ctrl+["),
        )  # fmt: skip
        self.act_toggle_visible = self._action(
            self.tr("Show or Hide"), self.tr("Show or hide the selected layers."), "eye",
            lambda: self.toggle_selected("visible"),
        )  # fmt: skip
        self.act_toggle_locked = self._action(
            self.tr("Lock or Unlock"),
            self.tr("Lock the selected layers against moving on the canvas, or unlock them."),
            "lock", lambda: self.toggle_selected("locked"),
        )  # fmt: skip
        self._key_actions = (
            self.act_duplicate,
            self.act_delete,
            self.act_rename,
            self.act_move_up,
            self.act_move_down,
        )

    def _create_tool_bar(self) -> QWidget:
        bar = QWidget(self)
        bar.setObjectName("layersToolBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(4, 3, 4, 3)
        row.setSpacing(2)
        self.add_button = QToolButton(bar)
        self.add_button.setObjectName("addLayerButton")
        self.add_button.setIcon(tool_icon("plus", self.palette()))
        self.add_button.setText(self.tr("Add Layer"))
        self.add_button.setToolTip(self.tr("Add a layer"))
        self.add_button.setStatusTip(self.tr("Add a layer of any type above the selection."))
        self.add_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add_button.setMenu(self.add_menu)
        self.add_button.setAutoRaise(True)
        self.add_button.setStyleSheet("QToolButton::menu-indicator { image: none; }")
        self.add_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        row.addWidget(self.add_button)
        row.addStretch(1)
        self.tool_buttons: dict[str, QToolButton] = {}
        for name, action in (
            ("up", self.act_move_up),
            ("down", self.act_move_down),
            ("duplicate", self.act_duplicate),
            ("delete", self.act_delete),
        ):
            button = QToolButton(bar)
            button.setObjectName(f"{name}Button")
            button.setDefaultAction(action)
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setIconSize(QSize(ICON, ICON))
            row.addWidget(button)
            self.tool_buttons[name] = button
        return bar

    # -- following the studio --

    def _document_replaced(self) -> None:
        old = self.document
        if old is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # gone with its C++ object
                old.changed.disconnect(self._document_changed)
                old.selectionChanged.disconnect(self._document_selection_changed)
                old.presetChanged.disconnect(self._document_changed)
        document = self.studio.document
        self.document = document
        self.model.set_document(document)
        if document is not None:
            document.changed.connect(self._document_changed)
            document.selectionChanged.connect(self._document_selection_changed)
            document.presetChanged.connect(self._document_changed)
        self.view.setEnabled(document is not None)
        self._document_selection_changed()

    def _document_changed(self) -> None:
        self._syncing = True  # a reset of the rows is not the user deselecting
        try:
            self.model.refresh()
        finally:
            self._syncing = False
        self._document_selection_changed()

    def _document_selection_changed(self) -> None:
        document = self.document
        selection_model = self.view.selectionModel()
        wanted = set(document.selection) if document is not None else set()
        selection = QItemSelection()
        for row in range(self.model.rowCount()):
            if self.model.layer_at(row).id in wanted:
                index = self.model.index(row)
                selection.select(index, index)
        self._syncing = True
        try:
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
            selection_model.select(selection, flags)
            if document is not None and document.selection:
                row = self.model.row_of(document.selection[-1])
                if row >= 0:
                    selection_model.setCurrentIndex(
                        self.model.index(row), QItemSelectionModel.SelectionFlag.NoUpdate
                    )
                    self.view.scrollTo(self.model.index(row))
        finally:
            self._syncing = False
        self._update_actions()

    def _view_selection_changed(self) -> None:
        if self._syncing or self.document is None:
            return
        rows = {index.row() for index in self.view.selectionModel().selectedRows()}
        ids = _stack_order(self.document.template, [self.model.layer_at(r).id for r in rows])
        current = self.view.currentIndex()
        if current.isValid() and current.row() in rows:
            primary = self.model.layer_at(current.row()).id
            ids = [i for i in ids if i != primary] + [primary]
        self.document.select(ids)

    def _update_actions(self) -> None:
        document = self.document
        has_document = document is not None
        selected = bool(document and document.selection)
        for action in self.add_actions.values():
            action.setEnabled(has_document)
        self.add_button.setEnabled(has_document)
        for action in (
            self.act_duplicate,
            self.act_delete,
            self.act_move_up,
            self.act_move_down,
            self.act_toggle_visible,
            self.act_toggle_locked,
        ):
            action.setEnabled(selected)
        self.act_rename.setEnabled(bool(document and len(document.selection) == 1))
        if document is not None and selected:
            layers = document.template.layers
            indexes = [i for i, layer in enumerate(layers) if layer.id in document.selection]
            self.act_move_up.setEnabled(not _contiguous_top(indexes, len(layers)))
            self.act_move_down.setEnabled(not _contiguous_bottom(indexes))

    # -- keys and menus --

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        keys = (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
        if watched is self.view and event.type() in keys:
            assert isinstance(event, QKeyEvent)
            action = self._action_for_key(event)
            if action is not None:
                event.accept()
                if event.type() == QEvent.Type.KeyPress and action.isEnabled():
                    action.trigger()
                return True
        return super().eventFilter(watched, event)

    def _action_for_key(self, event: QKeyEvent) -> QAction | None:
        if event.key() == Qt.Key.Key_Backspace and not event.modifiers():
            return self.act_delete
        pressed = QKeySequence(event.keyCombination())
        for action in self._key_actions:
            if action.shortcut().matches(pressed) == QKeySequence.SequenceMatch.ExactMatch:
                return action
        return None

    def _context_menu(self, where: Any) -> None:
        menu = self.context_menu()
        menu.popup(where)

    def context_menu(self) -> QMenu:
        """The menu the list shows on a right click (built fresh: it names the selection)."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        document = self.document
        if document is not None and document.selection:
            layers = [document.template.layer(i) for i in document.selection]
            hidden = all(not layer.visible for layer in layers)
            locked = all(layer.locked for layer in layers)
            self.act_toggle_visible.setText(self.tr("Show") if hidden else self.tr("Hide"))
            self.act_toggle_locked.setText(self.tr("Unlock") if locked else self.tr("Lock"))
            menu.addAction(self.act_rename)
            menu.addAction(self.act_duplicate)
            menu.addAction(self.act_delete)
            menu.addSeparator()
            menu.addAction(self.act_toggle_visible)
            menu.addAction(self.act_toggle_locked)
            menu.addSeparator()
            menu.addAction(self.act_move_up)
            menu.addAction(self.act_move_down)
            menu.addSeparator()
        menu.addMenu(self.add_menu)
        return menu

    # -- edits --

    def _edit(self, label: str, template: Template) -> None:
        if self.document is not None:
            self.document.edit(label, template)

    def rename_layer(self, layer_id: str, name: str) -> None:
        """Rename a layer (one undo step, "Rename Layer")."""
        document = self.document
        if document is None:
            return
        name = " ".join(name.split())[:100]
        self._edit(self.tr("Rename Layer"), update_layer(document.template, layer_id, name=name))

    def rename_current(self) -> None:
        """Start renaming the current layer in place (F2)."""
        index = self.view.currentIndex()
        if index.isValid():
            self.view.edit(index)

    def _toggle(self, layer_id: str, field: str) -> None:
        """A click on a row's eye or lock: that layer only, or the whole selection if the
        row is part of it."""
        document = self.document
        if document is None:
            return
        ids = list(document.selection) if layer_id in document.selection else [layer_id]
        self.set_flag(ids, field, not getattr(document.template.layer(layer_id), field))

    def toggle_selected(self, field: str) -> None:
        """Show/hide or lock/unlock the selected layers (all the same way)."""
        document = self.document
        if document is None or not document.selection:
            return
        layers = [document.template.layer(i) for i in document.selection]
        value = not all(getattr(layer, field) for layer in layers)
        self.set_flag(list(document.selection), field, value)

    def set_flag(self, ids: Sequence[str], field: str, value: bool) -> None:
        """Set ``visible`` or ``locked`` of layers, as one undo step ("Hide Headline")."""
        document = self.document
        if document is None or not ids:
            return
        template = document.template
        for layer_id in ids:
            template = update_layer(template, layer_id, **{field: value})
        count = len(ids)
        name = layer_title(document.template.layer(ids[0]))
        if field == "visible":
            label = (
                (self.tr("Show %1") if value else self.tr("Hide %1")).replace("%1", name)
                if count == 1
                else self.tr("Show %n Layers", "", count)
                if value
                else self.tr("Hide %n Layers", "", count)
            )
        else:
            label = (
                (self.tr("Lock %1") if value else self.tr("Unlock %1")).replace("%1", name)
                if count == 1
                else self.tr("Lock %n Layers", "", count)
                if value
                else self.tr("Unlock %n Layers", "", count)
            )
        self._edit(label, template)

    def add_new_layer(self, layer_type: str) -> None:
        """Add a new layer of ``layer_type`` above the selection (or on top), selected."""
        document = self.document
        if document is None:
            return
        layer = new_layer(document.template, layer_type)
        above = _stack_order(document.template, document.selection)
        template = add_layer(document.template, layer, above=above[-1] if above else None)
        labels = {
            "text": self.tr("Add Text Layer"),
            "logo": self.tr("Add Logo Layer"),
            "badge": self.tr("Add Badge Layer"),
            "qr": self.tr("Add QR Code Layer"),
            "photo": self.tr("Add Photo Layer"),
            "shape": self.tr("Add Shape Layer"),
        }
        self._edit(labels[layer_type], template)
        document.select([layer.id])

    def duplicate_selected(self) -> None:
        """Duplicate the selected layers (each just above itself); the copies are selected."""
        document = self.document
        if document is None or not document.selection:
            return
        template = document.template
        copies: list[str] = []
        for layer_id in _stack_order(template, document.selection):
            template, new_id = duplicate_layer(template, layer_id)
            copies.append(new_id)
        count = len(copies)
        first = layer_title(document.template.layer(document.selection[0]))
        label = (
            self.tr("Duplicate %1").replace("%1", first)
            if count == 1
            else self.tr("Duplicate %n Layers", "", count)
        )
        self._edit(label, template)
        document.select(copies)

    def delete_selected(self) -> None:
        """Delete the selected layers; the layer that takes their place is selected."""
        document = self.document
        if document is None or not document.selection:
            return
        template = document.template
        ids = list(document.selection)
        rows = sorted(self.model.row_of(i) for i in ids)
        count = len(ids)
        label = (
            self.tr("Delete %1").replace("%1", layer_title(template.layer(ids[0])))
            if count == 1
            else self.tr("Delete %n Layers", "", count)
        )
        self._edit(label, delete_layers(template, ids))
        remaining = [layer.id for layer in reversed(document.template.layers)]
        if remaining:
            row = min(rows[0], len(remaining) - 1) if rows else 0
            document.select([remaining[row]])

    def move_selected(self, step: int) -> None:
        """Move the selected layers one place up (``step`` 1, in front) or down (-1)."""
        document = self.document
        if document is None or not document.selection:
            return
        template = document.template
        order = [layer.id for layer in template.layers]
        selected = set(document.selection)
        ids = [i for i in (order if step < 0 else reversed(order)) if i in selected]
        for layer_id in ids:
            index = order.index(layer_id)
            target = index + step
            if 0 <= target < len(order) and order[target] not in selected:
                order.insert(target, order.pop(index))
                template = reorder(template, layer_id, target)
        count = len(ids)
        name = layer_title(document.template.layer(ids[0]))
        if step > 0:
            label = (
                self.tr("Move %1 Up").replace("%1", name)
                if count == 1
                else self.tr("Move %n Layers Up", "", count)
            )
        else:
            label = (
                self.tr("Move %1 Down").replace("%1", name)
                if count == 1
                else self.tr("Move %n Layers Down", "", count)
            )
        self._edit(label, template)

    def _dropped(self, ids: list[str], row: int) -> None:
        document = self.document
        if document is None:
            return
        self._edit(self.tr("Reorder Layers"), move_layers(document.template, ids, row))
        document.select(_stack_order(document.template, ids))


def _contiguous_top(indexes: Sequence[int], count: int) -> bool:
    """True when ``indexes`` are exactly the top ``len(indexes)`` places of ``count``."""
    return sorted(indexes) == list(range(count - len(indexes), count))


def _contiguous_bottom(indexes: Sequence[int]) -> bool:
    return sorted(indexes) == list(range(len(indexes)))
