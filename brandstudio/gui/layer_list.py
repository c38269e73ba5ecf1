"""The layers panel's list: the model of the layer stack (top first), the row delegate and the
view that takes drops.

The model follows a TemplateDocument and never edits it: a rename goes out as
``renameRequested``, a click on the eye or the lock as the delegate's ``toggleRequested``, a drop
as the view's ``layersDropped``; the panel turns them into undo steps.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDropEvent,
    QFont,
    QIcon,
    QMouseEvent,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from brandstudio.gui.document import TemplateDocument
from brandstudio.gui.i18n import current_language
from brandstudio.gui.layer_groups import SlideGroup, layer_rows
from brandstudio.gui.layer_icons import ICON, icon_pixmap
from brandstudio.gui.tooltips import plain_tip
from brandstudio.model import labels
from brandstudio.model.layers import Layer
from brandstudio.model.template import Template

MIME_TYPE: Final = "application/x-brandstudio-layers"
"""Drag data: the dragged layer ids and the document they belong to (JSON)."""

ROW_HEIGHT: Final = 30


def _row_key(row: Layer | SlideGroup) -> object:
    return row if isinstance(row, SlideGroup) else row.id


def layer_title(template: Template, layer: Layer) -> str:
    """What a layer is called in the studio's language: its translation, its name, its id."""
    return labels.layer_title(template, layer, current_language())


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

    HeadingRole: Final = IdRole + 5
    """True for a carousel's heading row (a slide group), which is no layer."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document: TemplateDocument | None = None
        self._rows: list[Layer | SlideGroup] = []
        self._type_names: dict[str, str] = {}

    def set_type_names(self, names: dict[str, str]) -> None:
        self._type_names = names

    def set_document(self, document: TemplateDocument | None) -> None:
        self.beginResetModel()
        self._document = document
        self._rows = layer_rows(document.template) if document else []
        self.endResetModel()

    def refresh(self) -> None:
        """Follow the document: same rows in the same order update in place, else reset."""
        document = self._document
        rows = layer_rows(document.template) if document else []
        if [_row_key(row) for row in rows] == [_row_key(row) for row in self._rows]:
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0), self.index(len(rows) - 1))
        else:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()

    def rows(self) -> list[Layer | SlideGroup]:
        """The rows shown, top first: layers, and a carousel's slide headings."""
        return list(self._rows)

    def layer_at(self, row: int) -> Layer | None:
        """The layer of ``row``; None for a heading."""
        item = self._rows[row]
        return None if isinstance(item, SlideGroup) else item

    def row_of(self, layer_id: str) -> int:
        for row, item in enumerate(self._rows):
            if not isinstance(item, SlideGroup) and item.id == layer_id:
                return row
        return -1

    def heading(self, group: SlideGroup) -> str:
        """A slide group's heading in the studio's language."""
        if group.slide is None:
            return self.tr("Across all slides")
        if group.slide == "each":
            return self.tr("Every slide")
        if group.slide == "each-but-last":
            return self.tr("Every slide but the last")
        return self.tr("Slide %1").replace("%1", str(group.slide))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or not self._document:
            return None
        item = self._rows[index.row()]
        if isinstance(item, SlideGroup):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.heading(item)
            return True if role == self.HeadingRole else None
        layer = item
        template = self._document.template
        if role == Qt.ItemDataRole.DisplayRole:
            return layer_title(template, layer)
        if role == Qt.ItemDataRole.EditRole:
            return labels.layer_name_shown(template, layer, current_language())
        if role == Qt.ItemDataRole.ToolTipRole:
            kind = self._type_names.get(layer.type, layer.type)
            tip = self.tr("%1 — %2 (id: %3)")
            title = layer_title(template, layer)
            tip = tip.replace("%3", layer.id).replace("%2", kind).replace("%1", title)
            if self.data(index, self.OverrideRole):
                tip += "\n" + self.tr("Own position at this size")
            return plain_tip(tip)
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
        layer = self.layer_at(index.row())
        if layer is None:
            return False
        self.renameRequested.emit(layer.id, str(value))
        return True

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        if isinstance(self._rows[index.row()], SlideGroup):
            return Qt.ItemFlag.ItemIsEnabled
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
        layers = [self.layer_at(row) for row in rows]
        payload = {
            "document": id(self._document),
            "layers": [layer.id for layer in layers if layer is not None],
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
        known = {row.id for row in self._rows if not isinstance(row, SlideGroup)}
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
        if index.data(LayerListModel.HeadingRole):
            self._paint_heading(painter, option, index)
            return
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

    def _paint_heading(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """A slide group's heading: small bold text over a hairline."""
        rect = QRect(option.rect)
        palette: QPalette = option.palette
        painter.save()
        font = QFont(option.font)
        font.setBold(True)
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        text_rect = rect.adjusted(10, 0, -10, -2)
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        elided = painter.fontMetrics().elidedText(
            title, Qt.TextElideMode.ElideRight, text_rect.width()
        )
        painter.drawText(
            text_rect, int(Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft), elided
        )
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(rect.left() + 6, rect.bottom(), rect.right() - 6, rect.bottom())
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
        if index.data(LayerListModel.HeadingRole):
            return False
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
