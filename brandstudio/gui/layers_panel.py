"""The layers panel: the template's layer stack, top layer first, as every design tool shows it.

Each row has the eye (visible), the type's icon, the name and the lock (the list's model, rows
and view: ``layer_list``; its icons: ``layer_icons``). The selection is the document's, both
ways; rows are reordered by dragging; buttons and the context menu add, duplicate, delete and
move layers. Every change is one undo step of the document.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QObject, QSize, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QMenu, QToolButton, QVBoxLayout, QWidget

from brandstudio.gui.document import TemplateDocument
from brandstudio.gui.i18n import current_language
from brandstudio.gui.layer_groups import drop_target
from brandstudio.gui.layer_icons import ICON, tool_icon
from brandstudio.gui.layer_list import (
    LayerDelegate,
    LayerListModel,
    LayerListView,
    layer_title,
)
from brandstudio.gui.studio import Studio
from brandstudio.model import labels
from brandstudio.model.edits import (
    add_layer,
    delete_layers,
    duplicate_layer,
    new_layer,
    reorder,
    update_layer,
)
from brandstudio.model.layers import LAYER_TYPES
from brandstudio.model.slide_edits import set_layer_slide
from brandstudio.model.template import Template


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
            layer = self.model.layer_at(row)
            if layer is not None and layer.id in wanted:
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
        chosen = [layer.id for r in rows if (layer := self.model.layer_at(r)) is not None]
        ids = _stack_order(self.document.template, chosen)
        current = self.view.currentIndex()
        primary_layer = self.model.layer_at(current.row()) if current.isValid() else None
        if primary_layer is not None and current.row() in rows:
            ids = [i for i in ids if i != primary_layer.id] + [primary_layer.id]
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
        """Rename a layer (one undo step, "Rename Layer"): the name shown, its translation
        in the studio's language when it has one, else its own name (``labels.rename_layer``)."""
        document = self.document
        if document is None:
            return
        name = " ".join(name.split())[:100]
        renamed = labels.rename_layer(document.template, layer_id, name, current_language())
        self._edit(self.tr("Rename Layer"), renamed)

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
        name = layer_title(document.template, document.template.layer(ids[0]))
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
        first = layer_title(document.template, document.template.layer(document.selection[0]))
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
            self.tr("Delete %1").replace("%1", layer_title(template, template.layer(ids[0])))
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
        name = layer_title(document.template, document.template.layer(ids[0]))
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
        template = document.template
        top_row, group = drop_target(template, self.model.rows(), row, ids)
        if group is None or template.slides == 1:
            top_row = row
        moved = [i for i in ids if group is not None and template.layer(i).slide != group.slide]
        if group is not None and moved:  # into another slide's group: the stack keeps its order
            for layer_id in moved:
                template = set_layer_slide(template, layer_id, group.slide)
            self._edit(self.tr("Move to Slide"), template)
        else:
            self._edit(self.tr("Reorder Layers"), move_layers(template, ids, top_row))
        document.select(_stack_order(document.template, ids))


def _contiguous_top(indexes: Sequence[int], count: int) -> bool:
    """True when ``indexes`` are exactly the top ``len(indexes)`` places of ``count``."""
    return sorted(indexes) == list(range(count - len(indexes), count))


def _contiguous_bottom(indexes: Sequence[int]) -> bool:
    return sorted(indexes) == list(range(len(indexes)))
