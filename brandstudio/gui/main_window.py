"""The studio's main window: canvas in the middle, panels in docks, menus, toolbar, status bar."""

from __future__ import annotations

import contextlib
import functools
import time
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QToolBar,
    QWidget,
)

from brandstudio.fileformat import FormatError
from brandstudio.fileformat.brand_io import BrandKit, load_brand
from brandstudio.gui.brand_menu import BrandMenu
from brandstudio.gui.canvas import Canvas
from brandstudio.gui.check_panel import CheckPanel
from brandstudio.gui.clipboard import ClipboardActions
from brandstudio.gui.cluster_dialog import cluster_action
from brandstudio.gui.document import Location, TemplateDocument
from brandstudio.gui.drops import DropHandler
from brandstudio.gui.inspector import Inspector
from brandstudio.gui.layers_panel import LayersPanel
from brandstudio.gui.library_panel import LibraryPanel
from brandstudio.gui.menus import LanguageMenu, fill_starter_menu, plan_action
from brandstudio.gui.preset_bar import PresetBar
from brandstudio.gui.preview_strip import PreviewStrip
from brandstudio.gui.recent_files import RecentFiles
from brandstudio.gui.recovery import (
    AUTOSAVE_SECONDS,
    autosave_path,
    find_recoverable,
    remove_autosave,
    write_autosave,
)
from brandstudio.gui.render_service import RenderResult
from brandstudio.gui.save_dialog import SaveAsDialog
from brandstudio.gui.settings import (
    FOLDERS,
    LAST_BRAND,
    LAST_NAME,
    LAST_PATH,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    Settings,
    app_qsettings,
    last_folder,
    remember_folder,
)
from brandstudio.gui.slots_panel import SlotsPanel
from brandstudio.gui.studio import Studio
from brandstudio.gui.welcome import WelcomePanel
from brandstudio.library.errors import LibraryError
from brandstudio.model.edits import add_layer, align, distribute, new_layer
from brandstudio.resources import starter_templates

DEFAULT_SIZE = (1280, 800)
REDO_KEYS = ("Ctrl+Shift+Z", "Ctrl+Y")
"""Redo on every platform, besides its own (Linux's is only Ctrl+Shift+Z)."""


def settings() -> QSettings:
    """The studio's settings store (its keys are declared in ``gui/settings.py``)."""
    return app_qsettings()


def first_window_size(width: int, height: int) -> QSize:
    """The first window on a screen whose free area is ``width`` x ``height`` px: about 80% of
    a large screen, and on a small one (1280x800, 1366x768) all of it up to DEFAULT_SIZE."""
    fitting = (min(DEFAULT_SIZE[0], width), min(DEFAULT_SIZE[1], height))
    return QSize(max(round(width * 0.8), fitting[0]), max(round(height * 0.8), fitting[1]))


class MainWindow(QMainWindow):
    """One window editing one template at a time."""

    firstRender = Signal()
    """Emitted once, when the canvas shows its first render (for --screenshot)."""

    def __init__(self, studio: Studio, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.studio = studio
        self.setObjectName("MainWindow")
        self.setWindowTitle("Brandstudio")
        self._first_render_done = False
        self._confirm: Callable[[str, str], QMessageBox.StandardButton] = self._ask_save
        self.canvas = Canvas(studio, self)
        self.setCentralWidget(self.canvas)
        self.drops = DropHandler(studio, self)
        self._build_docks()
        self._build_actions()
        self._build_menus()
        self._build_toolbars()
        self._build_status_bar()
        self.canvas.filesDropped.connect(self.drops.handle)
        self.canvas.zoomChanged.connect(self._show_zoom)
        self.drops.message.connect(self.show_message)
        self.drops.problem.connect(self._drop_refused)
        self.drops.templateDropped.connect(self.open_file)
        studio.documentReplaced.connect(self._on_document)
        studio.rendered.connect(self._on_rendered)
        studio.renderFailed.connect(self._on_render_failed)
        self.library_panel.openRequested.connect(self.open_library_template)
        self._autosave_file = autosave_path(studio.library.home)
        self._autosave = QTimer(self)
        self._autosave.setInterval(AUTOSAVE_SECONDS * 1000)
        self._autosave.timeout.connect(self.autosave)
        self._autosave.start()
        self._restore_state()
        self._on_document()

    # -- building --

    def _dock(self, widget: QWidget, title: str, name: str, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> None:
        left = Qt.DockWidgetArea.LeftDockWidgetArea
        right = Qt.DockWidgetArea.RightDockWidgetArea
        self.library_panel = LibraryPanel(self.studio, self)
        self.welcome = WelcomePanel(self)
        self.slots_panel = SlotsPanel(self.studio, self)
        self.layers_panel = LayersPanel(self.studio, self)
        self.inspector = Inspector(self.studio, self)
        self.preview_strip = PreviewStrip(self.studio, self)
        self.preview_strip.hold(True)  # until the canvas shows its first render
        self.check_panel = CheckPanel(self.studio, self)
        self.check_panel.checked.connect(self.canvas.show_check)
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        self.docks = {
            "library": self._dock(self.library_panel, self.tr("Library"), "LibraryDock", left),
            "content": self._dock(self.slots_panel, self.tr("Content"), "ContentDock", left),
            "layers": self._dock(self.layers_panel, self.tr("Layers"), "LayersDock", right),
            "inspector": self._dock(self.inspector, self.tr("Properties"), "InspectorDock", right),
            "presets": self._dock(self.preview_strip, self.tr("All Sizes"), "PreviewDock", bottom),
            "welcome": self._dock(self.welcome, self.tr("Getting Started"), "WelcomeDock", left),
            "check": self._dock(self.check_panel, self.tr("Check"), "CheckDock", bottom),
        }
        self.tabifyDockWidget(self.docks["presets"], self.docks["check"])
        self.docks["presets"].raise_()
        self.tabifyDockWidget(self.docks["library"], self.docks["welcome"])
        self.docks["welcome"].raise_()
        self.welcome.closeRequested.connect(self.docks["welcome"].close)

    def _action(
        self,
        text: str,
        tip: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda checked=False: slot())
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.act_open = self._action(
            self.tr("&Open…"), self.tr("Open a template file"), self.choose_file, keys.Open
        )
        self.act_save = self._action(
            self.tr("&Save"), self.tr("Save the template"), self.save, keys.Save
        )
        self.act_save_as = self._action(
            self.tr("Save &As…"),
            self.tr("Save the template as a file"),
            self.save_as,
            keys.SaveAs,
        )
        self.act_export = self._action(
            self.tr("&Export…"),
            self.tr("Export images in the chosen sizes"),
            self.export,
            "Ctrl+E",
        )
        self.act_stamp = self._action(
            self.tr("S&tamp Photos…"),
            self.tr("Put the logo on many photos at once"),
            self.stamp,
            "Ctrl+Shift+T",
        )
        self.act_merge = self._action(
            self.tr("&Data Merge…"),
            self.tr("Make one post per spreadsheet row"),
            self.merge,
            "Ctrl+Shift+M",
        )
        self.act_quit = self._action(
            self.tr("&Quit"), self.tr("Quit Brandstudio"), self.close, keys.Quit
        )
        self.act_undo = self._action(
            self.tr("&Undo"), self.tr("Undo the last change"), self._undo, keys.Undo
        )
        self.act_redo = self._action(
            self.tr("&Redo"), self.tr("Redo the change undone"), self._redo, keys.Redo
        )
        # The toolbar keeps its short labels while the menu says what would be undone.
        self.act_undo.setIconText(self.tr("Undo"))
        self.act_redo.setIconText(self.tr("Redo"))
        redo_keys = [*QKeySequence.keyBindings(keys.Redo), *map(QKeySequence, REDO_KEYS)]
        self.act_redo.setShortcuts(list({key.toString(): key for key in redo_keys}.values()))
        self.act_duplicate = self._action(
            self.tr("D&uplicate"), self.tr("Duplicate the selected layer"), self.duplicate, "Ctrl+D"
        )
        self.act_select_all = self._action(
            self.tr("Select &All"), self.tr("Select every layer"), self.select_all, keys.SelectAll
        )
        self.act_deselect = self._action(
            self.tr("&Deselect"), self.tr("Select no layer"), self.deselect, "Ctrl+Shift+A"
        )
        self.act_zoom_in = self._action(
            self.tr("Zoom &In"),
            self.tr("Zoom in"),
            lambda: self.canvas.set_zoom(self.canvas.zoom * 1.25),
            keys.ZoomIn,
        )
        self.act_zoom_out = self._action(
            self.tr("Zoom &Out"),
            self.tr("Zoom out"),
            lambda: self.canvas.set_zoom(self.canvas.zoom / 1.25),
            keys.ZoomOut,
        )
        self.act_fit = self._action(
            self.tr("&Fit to Window"), self.tr("Show the whole canvas"), self.canvas.fit, "Ctrl+0"
        )
        self.act_actual = self._action(
            self.tr("&Actual Size (100%)"),
            self.tr("One image pixel per screen pixel: exactly the exported pixels"),
            self.canvas.actual_size,
            "Ctrl+1",
        )
        self.act_safe = self._action(
            self.tr("&Safe Zone"), self.tr("Show the preset's safe zone"), self._toggle_safe_zone
        )
        self.act_safe.setCheckable(True)
        self.act_safe.setChecked(True)
        self.act_about = self._action(
            self.tr("&About Brandstudio"), self.tr("About Brandstudio"), self.about
        )
        self.act_welcome = self._action(
            self.tr("&Getting Started"), self.tr("What you can do here"), self._show_welcome
        )
        self.clipboard = ClipboardActions(self.studio, self)  # Cut, Copy, Paste, Paste in Place
        self.clipboard.message.connect(self.show_message)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        new_menu = file_menu.addMenu(self.tr("&New from Starter"))
        fill_starter_menu(new_menu, starter_templates(), self.open_file)
        file_menu.addAction(self.act_open)
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent = RecentFiles(
            self.recent_menu,
            self.tr("Open this template again"),
            self.open_file,
            self.open_library_template,
        )
        file_menu.addSeparator()
        file_menu.addActions([self.act_save, self.act_save_as])
        file_menu.addSeparator()
        file_menu.addActions([self.act_export, self.act_stamp, self.act_merge])
        file_menu.addAction(plan_action(self, self.studio))
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.act_undo, self.act_redo])
        edit_menu.addSeparator()
        edit_menu.addActions(self.clipboard.actions())
        edit_menu.addActions([self.act_duplicate, self.act_select_all, self.act_deselect])
        layer_menu = bar.addMenu(self.tr("&Layer"))
        add_menu = layer_menu.addMenu(self.tr("&Add Layer"))
        names = {
            "text": self.tr("&Text"),
            "logo": self.tr("&Logo"),
            "badge": self.tr("&Badge"),
            "qr": self.tr("&QR Code"),
            "photo": self.tr("&Photo"),
            "shape": self.tr("&Shape"),
        }
        shortcuts = {"text": "T", "logo": "L", "badge": "B", "qr": "Q", "photo": "P", "shape": "R"}
        self.add_actions: dict[str, QAction] = {}
        for kind, text in names.items():
            action = self._action(
                text,
                self.tr("Add a new layer of this kind"),
                functools.partial(self.add_layer, kind),
                f"Ctrl+Alt+{shortcuts[kind]}",
            )
            self.add_actions[kind] = action
            add_menu.addAction(action)
        align_menu = layer_menu.addMenu(self.tr("A&lign"))
        edges = {
            "left": self.tr("&Left Edges"),
            "hcenter": self.tr("Horizontal &Centres"),
            "right": self.tr("&Right Edges"),
            "top": self.tr("&Top Edges"),
            "vcenter": self.tr("&Vertical Centres"),
            "bottom": self.tr("&Bottom Edges"),
        }
        for edge, text in edges.items():
            align_menu.addAction(
                self._action(
                    text,
                    self.tr("Align the selected layers (one layer: to the canvas)"),
                    functools.partial(self.align, edge),
                )
            )
        distribute_menu = layer_menu.addMenu(self.tr("&Distribute"))
        distribute_menu.addAction(
            self._action(
                self.tr("&Horizontally"),
                self.tr("Equal gaps between three or more layers, left to right"),
                lambda: self.distribute("horizontal"),
            )
        )
        distribute_menu.addAction(
            self._action(
                self.tr("&Vertically"),
                self.tr("Equal gaps between three or more layers, top to bottom"),
                lambda: self.distribute("vertical"),
            )
        )
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions([self.act_zoom_in, self.act_zoom_out, self.act_fit, self.act_actual])
        view_menu.addSeparator()
        view_menu.addAction(self.act_safe)
        view_menu.addSeparator()
        for dock in self.docks.values():
            toggle = dock.toggleViewAction()
            toggle.setStatusTip(self.tr("Show or hide this panel"))
            view_menu.addAction(toggle)
        self.brand_menu = BrandMenu(self)
        self.library_panel.set_brand_menu(self.brand_menu)
        bar.addMenu(self.brand_menu)
        self.settings_menu = bar.addMenu(self.tr("&Settings"))
        self.language_menu = LanguageMenu(self)
        self.settings_menu.addMenu(self.language_menu)
        self.settings_menu.addAction(cluster_action(self))
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.act_welcome, self.act_about])

    def _build_toolbars(self) -> None:
        tools = QToolBar(self.tr("Main"), self)
        tools.setObjectName("MainToolbar")
        tools.addActions([self.act_open, self.act_save])
        tools.addSeparator()
        tools.addActions([self.act_undo, self.act_redo])
        tools.addSeparator()
        for kind in ("text", "logo", "badge", "qr"):
            tools.addAction(self.add_actions[kind])
        tools.addSeparator()
        tools.addActions([self.act_export, self.act_stamp, self.act_merge])
        self.addToolBar(tools)
        self.addToolBarBreak()  # the sizes get a row of their own: nothing hides behind »
        presets = QToolBar(self.tr("Presets"), self)
        presets.setObjectName("PresetToolbar")
        self.preset_bar = PresetBar(self.studio, self)
        presets.addWidget(self.preset_bar)
        self.preset_bar.safeZoneToggled.connect(self._set_safe_zone)
        self.preset_bar.chosenPresetsChanged.connect(self.preview_strip.set_presets)
        self.addToolBar(presets)

    def _build_status_bar(self) -> None:
        self.size_label = QLabel(self)
        self.zoom_label = QLabel(self)
        self.render_label = QLabel(self)
        for label in (self.render_label, self.size_label, self.zoom_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
            self.statusBar().addPermanentWidget(label)

    # -- state --

    def _restore_state(self) -> None:
        store = Settings()
        geometry = store[WINDOW_GEOMETRY]
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            screen = self.screen().availableGeometry()
            self.resize(first_window_size(screen.width(), screen.height()))
            self.move(screen.center() - self.rect().center())
        state = store[WINDOW_STATE]
        if not state.isEmpty():
            self.restoreState(state)
        else:
            horizontal, vertical = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
            self.resizeDocks([self.docks["library"], self.docks["layers"]], [270, 290], horizontal)
            self.resizeDocks([self.docks["presets"]], [150], vertical)
            self.resizeDocks([self.docks["layers"], self.docks["inspector"]], [220, 420], vertical)

    def _save_state(self) -> None:
        store = Settings()
        store[WINDOW_GEOMETRY] = self.saveGeometry()
        store[WINDOW_STATE] = self.saveState()
        document = self.studio.document
        if document is not None and document.location is not None:
            store[LAST_PATH] = str(document.location.path)
            store[LAST_BRAND] = document.location.brand or ""
            store[LAST_NAME] = document.location.name or ""

    def _on_document(self) -> None:
        document = self.studio.document
        if document is None:
            return
        document.undo_stack.cleanChanged.connect(self._update_title)
        document.undo_stack.indexChanged.connect(self._update_undo_texts)
        document.locationChanged.connect(self._update_title)
        document.presetChanged.connect(self._show_size)
        self._update_title()
        self._update_undo_texts()
        self._show_size()
        if document.location is not None:
            self.recent.remember(document.location)

    def _live_document(self) -> TemplateDocument | None:
        """The open document, or None once Qt has destroyed it (while closing down)."""
        document = self.studio.document
        if document is None or not shiboken6.isValid(document.undo_stack):
            return None
        return document

    def _update_title(self) -> None:
        document = self._live_document()
        name = document.title() if document else self.tr("No template")
        self.setWindowTitle(f"{name}[*] — Brandstudio")
        self.setWindowModified(bool(document and document.is_modified()))
        if document is not None and not document.is_modified():
            remove_autosave(self._autosave_file)

    def _update_undo_texts(self) -> None:
        document = self._live_document()
        if document is None:
            return
        stack = document.undo_stack
        undo, redo = stack.undoText(), stack.redoText()
        self.act_undo.setText(self.tr("&Undo %1").replace("%1", undo) if undo else self.tr("&Undo"))
        self.act_redo.setText(self.tr("&Redo %1").replace("%1", redo) if redo else self.tr("&Redo"))
        self.act_undo.setEnabled(stack.canUndo())
        self.act_redo.setEnabled(stack.canRedo())

    def _show_zoom(self, zoom: float) -> None:
        self.zoom_label.setText(f"{zoom * 100:.0f}%")

    def _show_size(self) -> None:
        width, height = self.canvas.canvas_size()
        self.size_label.setText(
            self.tr("%1 × %2 px").replace("%1", str(width)).replace("%2", str(height))
        )

    def _on_rendered(self, result: RenderResult) -> None:
        self.render_label.setText(
            self.tr("rendered in %1 ms").replace("%1", f"{result.seconds * 1000:.0f}")
        )
        if result.warnings:
            self.show_message(result.warnings[0])
        if not self._first_render_done:
            self._first_render_done = True
            self.preview_strip.hold(False)
            self.firstRender.emit()

    def _drop_refused(self, name: str, reason: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Cannot use this file"),
            f"{name}: {reason}",
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # not modal to the app: the window stays usable

    def _on_render_failed(self, reason: str) -> None:
        self.show_message(reason)

    def show_message(self, text: str) -> None:
        """A message in the status bar for a while."""
        self.statusBar().showMessage(text, 8000)

    # -- commands --

    def _maybe_save(self) -> bool:
        """Ask to save unsaved changes; False when the user cancels."""
        document = self.studio.document
        if document is None or not document.is_modified():
            return True
        answer = self._confirm(
            self.tr("Unsaved changes"),
            self.tr("Save the changes to “%1”?").replace("%1", document.title()),
        )
        if answer == QMessageBox.StandardButton.Cancel:
            return False
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return True

    def _ask_save(self, title: str, text: str) -> QMessageBox.StandardButton:
        buttons = (
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        return QMessageBox.warning(self, title, text, buttons, QMessageBox.StandardButton.Save)

    def open_library_template(self, brand: str, name: str) -> None:
        """Open BRAND/NAME from the library (asking to save the current one first)."""
        if not self._maybe_save():
            return
        try:
            self.studio.open_library_template(brand, name)
        except (FormatError, LibraryError, OSError) as error:
            self._error(self.tr("Cannot open the template"), str(error))

    def open_file(self, path: Path) -> None:
        """Open a template file with the current brand."""
        if not self._maybe_save():
            return
        kit = self.studio.document.kit if self.studio.document else None
        try:
            self.studio.open_file(path, kit)
        except FormatError as error:
            self._error(self.tr("Cannot open the template"), error.describe())
        except (LookupError, OSError) as error:
            self._error(self.tr("Cannot open the template"), str(error))

    def choose_file(self) -> None:
        """File ▸ Open."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open Template"), last_folder(FOLDERS.templates),
            self.tr("Brandstudio templates (*.json)"),
        )  # fmt: skip
        if path:
            remember_folder(FOLDERS.templates, Path(path).parent)
            self.open_file(Path(path))

    def save(self) -> bool:
        """File ▸ Save: where it came from, or Save As for a new template."""
        document = self.studio.document
        if document is None:
            return False
        if document.location is None:
            return self.save_as()
        if document.brand_changed():  # Apply Brand since it was opened from the library
            return self.brand_menu.save_in_new_brand()
        try:
            self.studio.save()
        except (FormatError, LibraryError, OSError, ValueError) as error:
            self._error(self.tr("Cannot save"), str(error))
            return False
        remove_autosave(self._autosave_file)
        self.show_message(self.tr("Saved %1").replace("%1", document.title()))
        return True

    def save_as(self) -> bool:
        """File ▸ Save As: into the library (brand + name), or as a template file."""
        document = self.studio.document
        if document is None:
            return False
        # the brand it is drawn in (Apply Brand may change it)
        brand = self.studio.library.brand_holding(document.kit.folder)
        brand = brand or (document.location.brand if document.location else None)
        dialog = SaveAsDialog(self.studio.library, brand, document.template.name, self)
        if dialog.exec() != SaveAsDialog.DialogCode.Accepted:
            return False
        try:
            if dialog.wants_file:
                start = Path(last_folder(FOLDERS.templates), f"{document.template.name}.json")
                path, _ = QFileDialog.getSaveFileName(
                    self, self.tr("Save Template As"), str(start),
                    self.tr("Brandstudio templates (*.json)"),
                )  # fmt: skip
                if not path:
                    return False
                remember_folder(FOLDERS.templates, Path(path).parent)
                self.studio.save_to_file(Path(path))
            else:
                self.studio.save_to_library(*dialog.chosen())
                self.library_panel.refresh()
        except (FormatError, LibraryError, OSError, ValueError) as error:
            self._error(self.tr("Cannot save"), str(error))
            return False
        remove_autosave(self._autosave_file)
        if document.location is not None:
            self.recent.remember(document.location)
        self.show_message(self.tr("Saved %1").replace("%1", document.title()))
        return True

    def export(self) -> None:
        """File ▸ Export."""
        from brandstudio.gui.dialogs.export import ExportDialog  # loaded when first needed

        if self.studio.document is not None:
            ExportDialog(self.studio, self).exec()

    def stamp(self) -> None:
        """File ▸ Stamp Photos."""
        from brandstudio.gui.dialogs.stamp import StampDialog  # loaded when first needed

        StampDialog(self.studio, self).exec()

    def merge(self) -> None:
        """File ▸ Data Merge."""
        from brandstudio.gui.dialogs.merge import MergeDialog  # loaded when first needed

        if self.studio.document is not None:
            MergeDialog(self.studio, self).exec()

    def _undo(self) -> None:
        if self.studio.document is not None:
            self.studio.document.undo_stack.undo()

    def _redo(self) -> None:
        if self.studio.document is not None:
            self.studio.document.undo_stack.redo()

    def add_layer(self, kind: str) -> None:
        """Layer ▸ Add: a new layer of ``kind`` on top, selected."""
        document = self.studio.document
        if document is None:
            return
        layer = new_layer(document.template, kind)
        above = document.selection[-1] if document.selection else None
        label = self.tr("Add %1 Layer").replace("%1", layer.name)
        document.edit(label, add_layer(document.template, layer, above=above))
        document.select([layer.id])

    def duplicate(self) -> None:
        """Edit ▸ Duplicate: every selected layer."""
        self.clipboard.duplicate()

    def select_all(self) -> None:
        """Edit ▸ Select All."""
        document = self.studio.document
        if document is not None:
            document.select([layer.id for layer in document.template.layers])

    def deselect(self) -> None:
        """Edit ▸ Deselect."""
        if self.studio.document is not None:
            self.studio.document.select([])

    def align(self, edge: str) -> None:
        """Layer ▸ Align."""
        document = self.studio.document
        if document is None or not document.selection:
            return
        template = align(document.template, document.selection, edge, document.preset,  # type: ignore[arg-type]
                         override=document.override_mode)  # fmt: skip
        document.edit(self.tr("Align Layers"), template)

    def distribute(self, axis: str) -> None:
        """Layer ▸ Distribute."""
        document = self.studio.document
        if document is None or len(document.selection) < 3:
            self.show_message(self.tr("Select three or more layers to distribute them."))
            return
        template = distribute(document.template, document.selection, axis, document.preset,  # type: ignore[arg-type]
                              override=document.override_mode)  # fmt: skip
        document.edit(self.tr("Distribute Layers"), template)

    def _toggle_safe_zone(self) -> None:
        self._set_safe_zone(self.act_safe.isChecked())

    def _set_safe_zone(self, shown: bool) -> None:
        self.canvas.show_safe_zone = shown
        self.act_safe.setChecked(shown)
        self.preset_bar.set_safe_zone_shown(shown)
        self.canvas.update()

    def _show_welcome(self) -> None:
        self.docks["welcome"].show()
        self.docks["welcome"].raise_()

    def about(self) -> None:
        """Help ▸ About."""
        from brandstudio import __version__

        QMessageBox.about(
            self,
            self.tr("About Brandstudio"),
            self.tr("Brandstudio %1\nBranded images for every network, offline.").replace(
                "%1", __version__
            ),
        )

    def _error(self, title: str, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

    # -- autosave and recovery --

    def autosave(self) -> None:
        """Write unsaved work aside (every AUTOSAVE_SECONDS while modified)."""
        document = self.studio.document
        if document is None or not document.is_modified():
            return
        location = None
        if document.location is not None:
            location = {"path": str(document.location.path)}
            if document.location.brand:
                location |= {"brand": document.location.brand, "name": document.location.name or ""}
        with contextlib.suppress(OSError):
            write_autosave(
                self._autosave_file,
                document.template,
                dict(document.content),
                document.kit.folder,
                document.template_folder,
                location,
                time.time(),
            )

    def offer_recovery(self, ask: Callable[[str], bool] | None = None) -> bool:
        """After a crash: offer the newest unsaved work; True when one was recovered."""
        found = find_recoverable(self.studio.library.home)
        if not found:
            return False
        newest = found[0]
        question = self.tr(
            "Brandstudio closed without saving “%1”. Recover the unsaved changes?"
        ).replace("%1", newest.template.name)
        if ask is None:
            answer = QMessageBox.question(self, self.tr("Recover unsaved work"), question)
            wanted = answer == QMessageBox.StandardButton.Yes
        else:
            wanted = ask(question)
        if wanted:
            kit: BrandKit | None
            try:
                kit = load_brand(newest.brand_folder)
            except (FormatError, OSError):
                kit = self.studio.document.kit if self.studio.document else None
            if kit is not None:
                document = self.studio.open_template(newest.template, kit, newest.template_folder)
                if newest.location:
                    document.location = Location(
                        Path(newest.location["path"]),
                        newest.location.get("brand"),
                        newest.location.get("name"),
                    )
                for slot, value in newest.content.items():
                    if slot in document.template.slots:
                        document.set_slot(slot, value)
                # Mark as changed so closing asks to save the recovered work.
                document.undo_stack.resetClean()
                self._update_title()
        for item in found:
            remove_autosave(item.file)
        return wanted

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._maybe_save():
            event.ignore()
            return
        self._save_state()
        remove_autosave(self._autosave_file)
        self.library_panel.shutdown()
        self.preview_strip.shutdown()
        self.check_panel.shutdown()
        self.studio.shutdown()
        event.accept()
