"""The brand library as a browser: pick a brand, see its templates as thumbnails, open one.

Thumbnails are rendered (``library.store.thumbnail``, cached on disk) on a LatestWorker thread of
the panel's own, never on the GUI thread (see ``library_thumbnails``): each template shows a
placeholder until its picture is ready.
The panel watches the library folders and refreshes itself when templates come and go; call
``refresh()`` after changing the library elsewhere.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QFileSystemWatcher,
    QModelIndex,
    QPoint,
    QSignalBlocker,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QFont,
    QIcon,
    QKeySequence,
    QPixmap,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from brandstudio.fileformat import FormatError
from brandstudio.gui.brand_menu import free_template_name
from brandstudio.gui.document import Location
from brandstudio.gui.i18n import current_language
from brandstudio.gui.library_thumbnails import (
    GRID,
    ICON_SIDE,
    TemplateGrid,
    TemplateInfo,
    Thumbnail,
    placeholder,
    thread_library,
    thumbnail_steps,
)
from brandstudio.gui.studio import Studio
from brandstudio.gui.tooltips import plain_tip
from brandstudio.gui.workers import LatestWorker
from brandstudio.library.errors import LibraryError
from brandstudio.resources import starter_templates

REFRESH_DELAY_MS = 250
"""Folder changes arrive in bursts (a save writes a temp file, then renames it)."""

BRAND_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2
TAGS_ROLE = Qt.ItemDataRole.UserRole + 3
STATE_ROLE = Qt.ItemDataRole.UserRole + 4
""""loading", "ready" or "failed"."""

# Starter templates by file name, so their names are translated in the "New" menu.
STARTER_TITLES: dict[str, str] = {
    "announcement": str(QT_TRANSLATE_NOOP("LibraryPanel", "Announcement")),
    "contest": str(QT_TRANSLATE_NOOP("LibraryPanel", "Contest")),
    "contest-protocol": str(QT_TRANSLATE_NOOP("LibraryPanel", "Contest protocol")),
    "contest-reminder": str(QT_TRANSLATE_NOOP("LibraryPanel", "Contest reminder")),
    "contest-rules": str(QT_TRANSLATE_NOOP("LibraryPanel", "Contest rules")),
    "logo-stamp": str(QT_TRANSLATE_NOOP("LibraryPanel", "Logo stamp")),
    "promo": str(QT_TRANSLATE_NOOP("LibraryPanel", "Promo")),
    "quote": str(QT_TRANSLATE_NOOP("LibraryPanel", "Quote")),
    "winners": str(QT_TRANSLATE_NOOP("LibraryPanel", "Winners")),
}


class LibraryPanel(QWidget):
    """Brand selector, filter box and the brand's templates as a grid of thumbnails."""

    openRequested = Signal(str, str)
    """(brand, name): open this template, but the current document has unsaved changes:
    the window asks to save first, then opens it."""
    templateOpened = Signal(str, str)
    """(brand, name) was opened in the studio by the panel."""
    libraryChanged = Signal()
    """The panel changed the library (new, duplicate, rename, delete)."""

    def __init__(self, studio: Studio, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LibraryPanel")
        self.studio = studio
        self.library = studio.library
        # The edges a test (or a caller) may replace: the panel never opens dialogs otherwise.
        self.confirm: Callable[[str, str], bool] = self._confirm
        self.ask_name: Callable[[str, str, str], str | None] = self._ask_name
        self.show_error: Callable[[str, str], None] = self._show_error

        self._brand: str | None = None
        self._items: dict[str, QStandardItem] = {}
        self._canvases: dict[str, tuple[int, int]] = {}
        self._placeholders: dict[tuple[tuple[int, int], bool], QIcon] = {}

        self._thread_library = thread_library(self.library)
        self._worker = LatestWorker("library-thumbnails", self)
        self._worker.step.connect(self._on_step)
        worker = self._worker
        self.destroyed.connect(lambda: worker.stop())
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

        self._build()

        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._schedule_refresh)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)

        studio.documentReplaced.connect(self._on_document)
        self.refresh()
        self._on_document()

    # -- building --

    def _build(self) -> None:
        self.brand_combo = QComboBox(self)
        self.brand_combo.setObjectName("BrandCombo")
        self.brand_combo.setToolTip(self.tr("Brand"))
        self.brand_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.brand_combo.setMinimumContentsLength(10)
        self.brand_combo.currentIndexChanged.connect(self._on_brand)

        self.new_menu = QMenu(self)
        self._fill_starter_menu(self.new_menu)
        self.new_button = QToolButton(self)
        self.new_button.setObjectName("NewTemplateButton")
        self.new_button.setText(self.tr("New"))
        self.new_button.setToolTip(self.tr("New template from a starter"))
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.new_button.setMenu(self.new_menu)
        self.new_button.setAutoRaise(True)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("LibraryFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter by name or tag"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._apply_filter)

        self.model = QStandardItemModel(self)
        self.view = TemplateGrid(self)
        self.view.setObjectName("TemplateGrid")
        self.view.setModel(self.model)
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setFlow(QListView.Flow.LeftToRight)
        self.view.setWrapping(True)
        self.view.setUniformItemSizes(True)
        self.view.setIconSize(QSize(ICON_SIDE, ICON_SIDE))
        self.view.setGridSize(GRID)
        self.view.setWordWrap(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.view.setSpacing(0)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.activated.connect(self._on_activated)
        self.view.setMinimumWidth(GRID.width() + 24)

        self.act_open = self._action(self.tr("Open"), self._open_current, QKeySequence("Return"))
        self.act_duplicate = self._action(
            self.tr("Duplicate…"), self._duplicate_current, QKeySequence("Ctrl+D")
        )
        self.act_rename = self._action(self.tr("Rename…"), self._rename_current, QKeySequence("F2"))
        self.act_delete = self._action(
            self.tr("Delete"), self._delete_current, QKeySequence.StandardKey.Delete
        )
        self.act_refresh = self._action(
            self.tr("Refresh"), self.refresh, QKeySequence.StandardKey.Refresh
        )
        # Shown in the menu; the grid handles the keys itself (see TemplateGrid).
        self.view.key_actions = [
            self.act_duplicate,
            self.act_rename,
            self.act_delete,
            self.act_refresh,
        ]

        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("LibraryEmpty")
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setEnabled(False)
        self.empty_label.hide()

        top = QHBoxLayout()
        top.setSpacing(4)
        top.addWidget(self.brand_combo, 1)
        top.addWidget(self.new_button)
        self.brand_button = QToolButton(self)
        self.brand_button.setObjectName("BrandButton")
        self.brand_button.setText("⋯")
        self.brand_button.setToolTip(self.tr("Brand: new, edit, import, export, delete"))
        self.brand_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.brand_button.setAutoRaise(True)
        self.brand_button.hide()  # shown once the window gives it the Brand menu
        top.addWidget(self.brand_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label)

    def _action(
        self, text: str, slot: Callable[[], object], keys: QKeySequence | QKeySequence.StandardKey
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcut(keys)
        action.triggered.connect(slot)
        return action

    def _fill_starter_menu(self, menu: QMenu) -> None:
        for path in starter_templates():
            title = STARTER_TITLES.get(path.stem)
            text = self.tr(title) if title else path.stem
            menu.addAction(text, functools.partial(self.new_from_starter, path.stem, text))

    # -- public --

    def set_brand_menu(self, menu: QMenu) -> None:
        """Offer the window's Brand menu (New, Edit, Import, Export… Brand) beside the brands."""
        self.brand_button.setMenu(menu)
        self.brand_button.show()

    def current_brand(self) -> str | None:
        """The brand shown."""
        return self._brand

    def set_brand(self, brand: str) -> None:
        """Show this brand's templates."""
        index = self.brand_combo.findData(brand)
        if index >= 0:
            self.brand_combo.setCurrentIndex(index)

    def template_names(self, visible_only: bool = True) -> list[str]:
        """The templates listed (those the filter lets through, unless ``visible_only`` is off)."""
        return [
            name
            for row, name in enumerate(self._items)
            if not (visible_only and self.view.isRowHidden(row))
        ]

    def is_loaded(self, name: str) -> bool:
        """Whether the thumbnail of ``name`` is shown (not the placeholder)."""
        item = self._items.get(name)
        return item is not None and item.data(STATE_ROLE) == "ready"

    def select(self, name: str) -> None:
        """Select (and scroll to) a template of the brand shown."""
        item = self._items.get(name)
        if item is not None:
            self.view.setCurrentIndex(item.index())
            self.view.scrollTo(item.index())

    def selected_name(self) -> str | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isSelected(index):
            return None
        name = index.data(NAME_ROLE)
        return name if isinstance(name, str) else None

    def refresh(self) -> None:
        """Read the brands and templates again (thumbnails of changed templates are redrawn)."""
        self._refresh_timer.stop()
        brands = self.library.brand_names()
        wanted = self._brand if self._brand in brands else (brands[0] if brands else None)
        with QSignalBlocker(self.brand_combo):
            if [self.brand_combo.itemData(i) for i in range(self.brand_combo.count())] != brands:
                self.brand_combo.clear()
                for brand in brands:
                    self.brand_combo.addItem(brand, brand)
            self.brand_combo.setCurrentIndex(self.brand_combo.findData(wanted) if wanted else -1)
        self.brand_combo.setEnabled(bool(brands))
        self._show_brand(wanted)

    def open_template(self, name: str, brand: str | None = None) -> None:
        """Open a template in the studio, or ask the window to (``openRequested``) when the
        current document has unsaved changes."""
        brand = brand or self._brand
        if brand is None:
            return
        document = self.studio.document
        if document is not None and document.is_modified():
            self.openRequested.emit(brand, name)
            return
        try:
            self.studio.open_library_template(brand, name)
        except (LibraryError, FormatError, OSError) as error:
            self.show_error(self.tr("Cannot open the template"), str(error))
            return
        self.templateOpened.emit(brand, name)

    def new_from_starter(self, starter: str, title: str | None = None) -> str | None:
        """Ask for a name and create a template from a starter; returns its name."""
        brand = self._brand
        if brand is None:
            return None
        name = self.ask_name(
            self.tr("New Template"),
            self.tr("Name of the new template:"),
            self._free_name(title or starter),
        )
        if not name:
            return None
        try:
            self.library.new_template(brand, name, starter)
        except (LibraryError, FormatError, OSError) as error:
            self.show_error(self.tr("Cannot create the template"), str(error))
            return None
        self._changed(select=name)
        self.open_template(name, brand)
        return name

    def duplicate(self, name: str) -> str | None:
        """Ask for a name and copy the template; returns the copy's name."""
        brand = self._brand
        if brand is None:
            return None
        new_name = self.ask_name(
            self.tr("Duplicate Template"),
            self.tr("Name of the copy:"),
            self._free_name(self.tr("%1 copy").replace("%1", name)),
        )
        if not new_name:
            return None
        try:
            self.library.copy_template(brand, name, new_name)
        except (LibraryError, FormatError, OSError) as error:
            self.show_error(self.tr("Cannot duplicate the template"), str(error))
            return None
        self._changed(select=new_name)
        return new_name

    def rename(self, name: str) -> str | None:
        """Ask for a new name and rename the template; returns the new name."""
        brand = self._brand
        if brand is None:
            return None
        new_name = self.ask_name(self.tr("Rename Template"), self.tr("New name:"), name)
        if not new_name or new_name == name:
            return None
        try:
            path = self.library.rename_template(brand, name, new_name)
        except (LibraryError, FormatError, OSError) as error:
            self.show_error(self.tr("Cannot rename the template"), str(error))
            return None
        document = self.studio.document
        location = document.location if document is not None else None
        if document is not None and location is not None and self._is(location, brand, name):
            document.location = Location(path, location.brand, new_name)
            document.locationChanged.emit()
        self._changed(select=new_name)
        return new_name

    def delete(self, name: str) -> bool:
        """Move the template to the library's trash, after asking; True when done."""
        brand = self._brand
        if brand is None:
            return False
        question = self.tr("Move the template “%1” to the library trash?").replace("%1", name)
        document = self.studio.document
        if document is not None and document.location and self._is(document.location, brand, name):
            question += "\n\n" + self.tr("It stays open: saving it puts it back in the library.")
        if not self.confirm(self.tr("Delete Template"), question):
            return False
        try:
            self.library.delete_template(brand, name)
        except (LibraryError, OSError) as error:
            self.show_error(self.tr("Cannot delete the template"), str(error))
            return False
        self._changed()
        return True

    def shutdown(self) -> None:
        """Stop the thumbnail thread (window closing)."""
        self._worker.stop()

    # -- showing --

    def _show_brand(self, brand: str | None) -> None:
        brand_changed = brand != self._brand
        self._brand = brand
        names: list[str] = []
        if brand is not None:
            with contextlib.suppress(LibraryError, OSError):  # removed meanwhile: shown empty
                names = self.library.template_names(brand)
        selected = None if brand_changed else self.selected_name()
        if brand_changed:
            self.model.clear()
            self._items = {}
            self._canvases.clear()
        for gone in [name for name in self._items if name not in names]:
            self.model.removeRow(self._items.pop(gone).row())
        for row, name in enumerate(names):  # sorted: new ones go in between
            if name not in self._items:
                item = self._make_item(brand or "", name)
                self.model.insertRow(row, item)
                self._items[name] = item
        self._items = {name: self._items[name] for name in names}
        self._watch(brand)
        self._apply_filter()
        self._mark_open()
        if selected is not None:
            self.select(selected)
        if brand is not None and names:
            ratio = self.devicePixelRatioF()
            library = self._thread_library
            self._worker.submit_steps(
                functools.partial(
                    thumbnail_steps, library, brand, tuple(names), ratio, current_language()
                )
            )
        else:
            self._worker.cancel()  # what is still coming is for the brand shown before

    def _make_item(self, brand: str, name: str) -> QStandardItem:
        item = QStandardItem(name)
        item.setEditable(False)
        item.setData(brand, BRAND_ROLE)
        item.setData(name, NAME_ROLE)
        item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        item.setIcon(self._placeholder(self._canvases.get(name, (4, 5)), failed=False))
        item.setData((), TAGS_ROLE)
        item.setData("loading", STATE_ROLE)
        self._set_tooltip(item)
        return item

    def _placeholder(self, canvas: tuple[int, int], failed: bool) -> QIcon:
        key = (canvas, failed)
        if key not in self._placeholders:
            image = placeholder(canvas, self.devicePixelRatioF(), failed)
            self._placeholders[key] = QIcon(QPixmap.fromImage(image))
        return self._placeholders[key]

    def _set_tooltip(self, item: QStandardItem, problem: str | None = None) -> None:
        lines = [item.text()]  # the title in the studio's language, as under the thumbnail
        tags = item.data(TAGS_ROLE) or ()
        if tags:
            lines.append(self.tr("Tags: %1").replace("%1", ", ".join(tags)))
        if problem:
            lines.append(self.tr("No preview: %1").replace("%1", problem))
        item.setToolTip(plain_tip("\n".join(lines)))

    def _apply_filter(self) -> None:
        words = self.filter_edit.text().casefold().split()
        shown = 0
        for row, item in enumerate(self._items.values()):
            haystack = [str(item.data(NAME_ROLE)).casefold(), item.text().casefold()]
            haystack += [tag.casefold() for tag in item.data(TAGS_ROLE) or ()]
            visible = all(any(word in text for text in haystack) for word in words)
            self.view.setRowHidden(row, not visible)
            shown += visible
        if self._brand is None:
            message = self.tr("The library has no brands yet.")
        elif not self._items:
            message = self.tr("No templates yet: create one with New.")
        elif not shown:
            message = self.tr("No template matches the filter.")
        else:
            message = ""
        self.empty_label.setText(message)
        self.empty_label.setVisible(bool(message))

    def _mark_open(self) -> None:
        document = self.studio.document
        location = document.location if document is not None else None
        for name, item in self._items.items():
            is_open = location is not None and self._is(location, self._brand or "", name)
            font = QFont(self.view.font())
            font.setBold(is_open)
            item.setFont(font)

    @staticmethod
    def _is(location: Location, brand: str, name: str) -> bool:
        return (
            location.brand is not None
            and location.brand.casefold() == brand.casefold()
            and location.name == name
        )

    def _watch(self, brand: str | None) -> None:
        folders = [self.library.brands_dir]
        if brand is not None:
            with contextlib.suppress(LibraryError, OSError):
                folders.append(self.library.templates_dir(brand))
        wanted = {str(folder) for folder in folders if folder.is_dir()}
        current = set(self._watcher.directories())
        if current - wanted:
            self._watcher.removePaths(sorted(current - wanted))
        if wanted - current:
            self._watcher.addPaths(sorted(wanted - current))

    def _free_name(self, base: str) -> str:
        return free_template_name(self.library, self._brand, base) if self._brand else base

    def _changed(self, select: str | None = None) -> None:
        self.refresh()
        if select is not None:
            self.select(select)
        self.libraryChanged.emit()

    # -- reacting --

    def _schedule_refresh(self) -> None:
        self._refresh_timer.start()

    def _on_brand(self, index: int) -> None:
        brand = self.brand_combo.itemData(index) if index >= 0 else None
        self._show_brand(brand if isinstance(brand, str) else None)

    def _on_document(self) -> None:
        document = self.studio.document
        if document is None:
            return
        document.locationChanged.connect(self._on_location)
        self._on_location()

    def _on_location(self) -> None:
        document = self.studio.document
        location = document.location if document is not None else None
        if location is not None and location.brand is not None:
            if location.brand != self._brand:
                self.set_brand(location.brand)
            if location.name is not None and location.name not in self._items:
                self._schedule_refresh()  # saved under a new name
        self._mark_open()

    def _on_step(self, serial: int, step: object) -> None:
        if serial != self._worker.latest:
            return  # for a brand or a listing shown before
        if isinstance(step, TemplateInfo):
            self._on_info(step)
        elif isinstance(step, Thumbnail):
            self._on_thumbnail(step)

    def _on_info(self, info: TemplateInfo) -> None:
        item = self._items.get(info.name)
        if item is None:
            return
        item.setData(info.tags, TAGS_ROLE)
        item.setText(info.title or info.name)
        if item.data(STATE_ROLE) == "loading":
            self._canvases[info.name] = info.canvas
            item.setIcon(self._placeholder(info.canvas, failed=False))
        self._set_tooltip(item)
        self._apply_filter()

    def _on_thumbnail(self, made: Thumbnail) -> None:
        item = self._items.get(made.name)
        if item is None:
            return
        if made.image is not None:
            item.setIcon(QIcon(QPixmap.fromImage(made.image)))
            item.setData("ready", STATE_ROLE)
            self._set_tooltip(item)
            return
        item.setIcon(self._placeholder(self._canvases.get(made.name, (4, 5)), failed=True))
        item.setData("failed", STATE_ROLE)
        self._set_tooltip(item, made.problem)

    def _on_activated(self, index: QModelIndex) -> None:
        name = index.data(NAME_ROLE)
        if isinstance(name, str):
            self.open_template(name)

    def _open_current(self) -> None:
        name = self.selected_name()
        if name is not None:
            self.open_template(name)

    def _duplicate_current(self) -> None:
        name = self.selected_name()
        if name is not None:
            self.duplicate(name)

    def _rename_current(self) -> None:
        name = self.selected_name()
        if name is not None:
            self.rename(name)

    def _delete_current(self) -> None:
        name = self.selected_name()
        if name is not None:
            self.delete(name)

    def _context_menu(self, position: QPoint) -> None:
        menu = self.context_menu(self.view.indexAt(position))
        menu.exec(self.view.viewport().mapToGlobal(position))
        menu.deleteLater()

    def context_menu(self, index: QModelIndex) -> QMenu:
        """The menu for a template (``index``) or for the empty space (an invalid index)."""
        menu = QMenu(self)
        name = index.data(NAME_ROLE) if index.isValid() else None
        if isinstance(name, str):
            self.view.setCurrentIndex(index)
            menu.addAction(self.act_open)
            menu.addAction(self.act_duplicate)
            menu.addAction(self.act_rename)
            menu.addSeparator()
            menu.addAction(self.act_delete)
            menu.addSeparator()
        starters = menu.addMenu(self.tr("New Template from Starter"))
        starters.setEnabled(self._brand is not None)
        self._fill_starter_menu(starters)
        menu.addAction(self.act_refresh)
        return menu

    # -- dialogs (the default edges) --

    def _confirm(self, title: str, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        delete = box.addButton(self.tr("Move to Trash"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is delete

    def _ask_name(self, title: str, label: str, default: str) -> str | None:
        text, accepted = QInputDialog.getText(
            self, title, label, QLineEdit.EchoMode.Normal, default
        )
        return text.strip() if accepted and text.strip() else None

    def _show_error(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
