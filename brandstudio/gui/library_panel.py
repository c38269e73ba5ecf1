"""The brand library as a browser: pick a brand, see its templates as thumbnails, open one.

Thumbnails are rendered (``library.store.thumbnail``, cached on disk) on a thread of the panel's
own, never on the GUI thread: each template shows a placeholder until its picture is ready.
The panel watches the library folders and refreshes itself when templates come and go; call
``refresh()`` after changing the library elsewhere.
"""

from __future__ import annotations

import atexit
import contextlib
import copy
import functools
import html
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QFileSystemWatcher,
    QModelIndex,
    QObject,
    QPoint,
    QPointF,
    QRectF,
    QSignalBlocker,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QIcon,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QResizeEvent,
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

from brandstudio.fileformat import FormatError, load_template
from brandstudio.gui.document import Location
from brandstudio.gui.studio import Studio
from brandstudio.library.errors import LibraryError
from brandstudio.library.lock import LibraryLock
from brandstudio.library.store import Library, thumbnail
from brandstudio.resources import starter_templates

ICON_SIDE = 132
"""The square every thumbnail is fitted into, in logical pixels."""
GRID = QSize(ICON_SIDE + 28, ICON_SIDE + 34)
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
    "logo-stamp": str(QT_TRANSLATE_NOOP("LibraryPanel", "Logo stamp")),
    "promo": str(QT_TRANSLATE_NOOP("LibraryPanel", "Promo")),
    "quote": str(QT_TRANSLATE_NOOP("LibraryPanel", "Quote")),
}


def _rich(text: str) -> str:
    """Untrusted text made safe for a tooltip (Qt guesses rich text from what it sees)."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"


# -- the thumbnail thread -----------------------------------------------------------------


@dataclass(frozen=True)
class _Job:
    generation: int
    brand: str
    names: tuple[str, ...]
    ratio: float  # device pixel ratio of the panel


class _Bridge(QObject):
    """Carries the worker's results to the GUI thread (queued: it lives on the GUI thread)."""

    info = Signal(int, str, object, object)
    """generation, name, tags (tuple of str), canvas (width, height)."""
    image = Signal(int, str, object)
    """generation, name, framed QImage."""
    failed = Signal(int, str, str)
    """generation, name, message."""


_workers: weakref.WeakSet[_ThumbnailWorker] = weakref.WeakSet()


@atexit.register
def _stop_workers() -> None:
    """Stop the threads before the interpreter (and Qt) go away under them."""
    for worker in list(_workers):
        worker.stop()


class _ThumbnailWorker:
    """Reads tags, then renders thumbnails, for the latest job only (a new job cuts in)."""

    def __init__(self, library: Library, bridge: _Bridge) -> None:
        # A lock object of its own: LibraryLock counts re-entry per object, not per thread,
        # and two flocks of one process exclude each other like two processes.
        self._library = copy.copy(library)
        self._library.lock = LibraryLock(library.lock.path)
        self._bridge = bridge
        self._condition = threading.Condition()
        self._job: _Job | None = None
        self._stopping = False
        self._thread = threading.Thread(target=self._loop, name="library-thumbnails", daemon=True)
        self._thread.start()
        _workers.add(self)

    def request(self, job: _Job) -> None:
        with self._condition:
            self._job = job
            self._condition.notify()

    def stop(self) -> None:
        with self._condition:
            self._stopping = True
            self._condition.notify()
        if threading.current_thread() is not self._thread:
            self._thread.join(10)

    def _interrupted(self) -> bool:
        with self._condition:
            return self._stopping or self._job is not None

    def _loop(self) -> None:
        while True:
            with self._condition:
                while self._job is None and not self._stopping:
                    self._condition.wait()
                if self._stopping or self._job is None:
                    return
                job, self._job = self._job, None
            try:
                self._run(job)
            except RuntimeError:  # the panel is gone: its bridge was deleted
                return

    def _run(self, job: _Job) -> None:
        library = self._library
        for name in job.names:
            if self._interrupted():
                return
            try:
                template = load_template(library.template_path(job.brand, name)).template
            except Exception:  # shown when its thumbnail fails below
                continue
            canvas = (template.canvas.width, template.canvas.height)
            self._bridge.info.emit(job.generation, name, tuple(template.tags), canvas)
        for name in job.names:
            if self._interrupted():
                return
            try:
                path = thumbnail(library, job.brand, name)
                picture = QImage(str(path))
                if picture.isNull():
                    raise OSError(f"{path.name}: not a readable PNG")
            except Exception as error:  # one broken template must not stop the others
                self._bridge.failed.emit(job.generation, name, _describe(error))
                continue
            self._bridge.image.emit(job.generation, name, framed(picture, job.ratio))


def _describe(error: Exception) -> str:
    if isinstance(error, LibraryError | FormatError | OSError):
        return str(error)
    return f"{type(error).__name__}: {error}"


# -- icons ---------------------------------------------------------------------------------


def _fit(width: float, height: float, side: float) -> QRectF:
    scale = min(side / width, side / height)
    w, h = width * scale, height * scale
    margin = (ICON_SIDE - side) / 2
    return QRectF(margin + (side - w) / 2, margin + (side - h) / 2, w, h)


def _canvas(ratio: float) -> tuple[QImage, QPainter]:
    side = round(ICON_SIDE * ratio)
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    image.setDevicePixelRatio(ratio)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    return image, painter


def _card(painter: QPainter, rect: QRectF) -> QPainterPath:
    """A soft shadow under ``rect``; returns the card's rounded outline."""
    for step, alpha in ((3.0, 18), (2.0, 26), (1.0, 34)):
        shadow = QPainterPath()
        shadow.addRoundedRect(
            rect.adjusted(-step + 1, -step + 2, step - 1, step), 4 + step, 4 + step
        )
        painter.fillPath(shadow, QColor(0, 0, 0, alpha))
    outline = QPainterPath()
    outline.addRoundedRect(rect, 3, 3)
    return outline


def framed(picture: QImage, ratio: float = 1.0) -> QImage:
    """A thumbnail centred on the icon square, as a card with a soft shadow (any thread)."""
    image, painter = _canvas(ratio)
    rect = _fit(picture.width(), picture.height(), ICON_SIDE - 10)
    outline = _card(painter, rect)
    painter.setClipPath(outline)
    painter.drawImage(rect, picture)
    painter.setClipping(False)
    painter.setPen(QPen(QColor(0, 0, 0, 40), 1))
    painter.drawPath(outline)
    painter.end()
    return image


def placeholder(
    canvas: tuple[int, int] = (4, 5), ratio: float = 1.0, failed: bool = False
) -> QImage:
    """The card shown until a thumbnail is ready (or when it cannot be made)."""
    image, painter = _canvas(ratio)
    rect = _fit(canvas[0], canvas[1], ICON_SIDE - 10)
    outline = _card(painter, rect)
    painter.fillPath(outline, QColor("#F1EEEA") if not failed else QColor("#F6E3E0"))
    painter.setPen(QPen(QColor(0, 0, 0, 30), 1))
    painter.drawPath(outline)
    painter.setPen(Qt.PenStyle.NoPen)
    center = rect.center()
    if failed:
        painter.setBrush(QColor("#C0392B"))
        painter.drawEllipse(center, 10, 10)
        pen = QPen(QColor("white"), 2.5)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawLine(center + QPointF(0, -5), center + QPointF(0, 1))
        painter.drawPoint(center + QPointF(0, 5))
    else:
        painter.setBrush(QColor(0, 0, 0, 45))
        for offset in (-12, 0, 12):
            painter.drawEllipse(center + QPointF(offset, 0), 3, 3)
    painter.end()
    return image


# -- the panel -----------------------------------------------------------------------------


class _TemplateGrid(QListView):
    """An icon grid whose columns share the width evenly (no ragged gap on the right).

    Its keys (Delete, F2, Ctrl+D...) act on the templates while it has the focus, ahead of
    the window's shortcuts for the same keys (delete or duplicate a layer).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key_actions: list[QAction] = []

    def _action_for(self, event: QKeyEvent) -> QAction | None:
        pressed = QKeySequence(event.keyCombination())
        for action in self.key_actions:
            if action.shortcut().matches(pressed) == QKeySequence.SequenceMatch.ExactMatch:
                return action
        return None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            if self._action_for(event) is not None:
                event.accept()  # a key press for us, not a window shortcut
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self._action_for(event)
        if action is None:
            super().keyPressEvent(event)
            return
        event.accept()
        if action.isEnabled():
            action.trigger()

    def resizeEvent(self, event: QResizeEvent) -> None:
        width = self.viewport().width()
        columns = max(1, width // GRID.width())
        self.setGridSize(QSize(max(GRID.width(), width // columns), GRID.height()))
        super().resizeEvent(event)


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

        self._generation = 0
        self._brand: str | None = None
        self._items: dict[str, QStandardItem] = {}
        self._canvases: dict[str, tuple[int, int]] = {}
        self._placeholders: dict[tuple[tuple[int, int], bool], QIcon] = {}

        self._bridge = _Bridge(self)
        self._bridge.info.connect(self._on_info)
        self._bridge.image.connect(self._on_image)
        self._bridge.failed.connect(self._on_failed)
        self._worker = _ThumbnailWorker(self.library, self._bridge)
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
        self.view = _TemplateGrid(self)
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
        # Shown in the menu; the grid handles the keys itself (see _TemplateGrid).
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
        self._generation += 1
        if brand is not None and names:
            ratio = self.devicePixelRatioF()
            self._worker.request(_Job(self._generation, brand, tuple(names), ratio))

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
        lines = [str(item.data(NAME_ROLE))]
        tags = item.data(TAGS_ROLE) or ()
        if tags:
            lines.append(self.tr("Tags: %1").replace("%1", ", ".join(tags)))
        if problem:
            lines.append(self.tr("No preview: %1").replace("%1", problem))
        item.setToolTip(_rich("\n".join(lines)))

    def _apply_filter(self) -> None:
        words = self.filter_edit.text().casefold().split()
        shown = 0
        for row, item in enumerate(self._items.values()):
            haystack = [str(item.data(NAME_ROLE)).casefold()]
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
        taken = set()
        if self._brand is not None:
            taken = {name.casefold() for name in self.library.template_names(self._brand)}
        candidate, number = base, 2
        while candidate.casefold() in taken:
            candidate = f"{base} {number}"
            number += 1
        return candidate

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

    def _on_info(self, generation: int, name: str, tags: object, canvas: object) -> None:
        item = self._items.get(name)
        if generation != self._generation or item is None:
            return
        if isinstance(tags, tuple):
            item.setData(tags, TAGS_ROLE)
        if isinstance(canvas, tuple) and item.data(STATE_ROLE) == "loading":
            self._canvases[name] = canvas
            item.setIcon(self._placeholder(canvas, failed=False))
        self._set_tooltip(item)
        self._apply_filter()

    def _on_image(self, generation: int, name: str, image: object) -> None:
        item = self._items.get(name)
        if generation != self._generation or item is None or not isinstance(image, QImage):
            return
        item.setIcon(QIcon(QPixmap.fromImage(image)))
        item.setData("ready", STATE_ROLE)
        self._set_tooltip(item)

    def _on_failed(self, generation: int, name: str, message: str) -> None:
        item = self._items.get(name)
        if generation != self._generation or item is None:
            return
        item.setIcon(self._placeholder(self._canvases.get(name, (4, 5)), failed=True))
        item.setData("failed", STATE_ROLE)
        self._set_tooltip(item, message)

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
