"""Export the open template: every chosen network size as a finished file, in one go.

The files are rendered by the studio's own renderer (``render_now``: the very function the
canvas shows), on a background thread, and written like the batch engine writes: paths claimed
in the output folder's journal, atomic writes, a file of another job never replaced (``-2``).

The option widgets at the top of this module (sizes, format, folder, name pattern) are shared
with the stamp and merge dialogs.
"""

from __future__ import annotations

import dataclasses
import json
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from brandstudio.batch.report import BatchReport
from brandstudio.batch.runner import BatchSettings
from brandstudio.gui.batch_summary import BatchSummaryDialog, plain_tip
from brandstudio.gui.batch_thread import BatchProgressDialog, BatchThread
from brandstudio.gui.render_service import RenderRequest
from brandstudio.gui.studio import Studio
from brandstudio.jobs.export import (
    EXPORT_PATTERN,
    ExportSettings,
    export_names,
    run_export,
)
from brandstudio.model.preset import Preset
from brandstudio.presets import load_presets
from brandstudio.render.export import ImageFormat
from brandstudio.render.naming import NamePatternError, safe_name

ORGANIZATION = "Brandstudio"
APPLICATION = "Brandstudio"
CANVAS_KEY = "canvas"
"""The preset list's key for the template's own canvas size."""
ORIGINAL_KEY = "original"
"""The preset list's key for a photo's own size (stamping)."""


class Prefs:
    """Remembered choices of one dialog, in QSettings group ``group``."""

    def __init__(self, group: str) -> None:
        self._settings = QSettings(ORGANIZATION, APPLICATION)
        self._group = group

    def _key(self, name: str) -> str:
        return f"{self._group}/{name}"

    def text(self, name: str, default: str = "") -> str:
        value = self._settings.value(self._key(name), default)
        return value if isinstance(value, str) else default

    def number(self, name: str, default: int) -> int:
        value = self._settings.value(self._key(name), default)
        try:
            return int(str(value))
        except ValueError:
            return default

    def flag(self, name: str, default: bool) -> bool:
        value = self._settings.value(self._key(name), default)
        if isinstance(value, bool):
            return value
        return str(value).casefold() in ("true", "1", "yes")

    def names(self, name: str) -> list[str] | None:
        """A remembered list of names, or None when there is none."""
        try:
            data = json.loads(self.text(name))
        except ValueError:
            return None
        if isinstance(data, list) and all(isinstance(item, str) for item in data):
            return data
        return None

    def set(self, name: str, value: str | int | bool | list[str]) -> None:
        stored = json.dumps(value, ensure_ascii=False) if isinstance(value, list) else value
        self._settings.setValue(self._key(name), stored)

    def restore_geometry(self, widget: QWidget) -> None:
        value = self._settings.value(self._key("geometry"))
        if isinstance(value, QByteArray) and not value.isEmpty():
            widget.restoreGeometry(value)

    def save_geometry(self, widget: QWidget) -> None:
        self._settings.setValue(self._key("geometry"), widget.saveGeometry())

    def sync(self) -> None:
        self._settings.sync()


def preset_label(preset: Preset) -> str:
    """``Instagram post, square — 1080 × 1080``."""
    return f"{preset.name} — {preset.width} × {preset.height}"


class PresetPicker(QWidget):
    """A checkable list of sizes: special entries (canvas, original) and every network preset."""

    changed = Signal()

    def __init__(self, specials: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._presets: dict[str, Preset | None] = {}
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.list.setUniformItemSizes(True)
        self.list.setSpacing(1)
        self.list.setStatusTip(self.tr("Tick every size to make; one file per size"))
        for key, label in specials:
            self._add(key, label, None)
        for preset in load_presets():
            self._add(preset.id, preset_label(preset), preset)
        self.list.itemChanged.connect(lambda item: self.changed.emit())
        self.all_button = QPushButton(self.tr("All"))
        self.all_button.setToolTip(self.tr("Tick every size"))
        self.all_button.clicked.connect(lambda: self.set_checked(list(self._presets)))
        self.none_button = QPushButton(self.tr("None"))
        self.none_button.setToolTip(self.tr("Untick every size"))
        self.none_button.clicked.connect(lambda: self.set_checked([]))
        buttons = QHBoxLayout()
        buttons.addWidget(self.all_button)
        buttons.addWidget(self.none_button)
        buttons.addStretch(1)
        self.count = QLabel()
        self.count.setStyleSheet("color: palette(placeholder-text);")
        buttons.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.changed.connect(self._update_count)
        self._update_count()

    def _add(self, key: str, label: str, preset: Preset | None) -> None:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        if preset is not None:
            item.setToolTip(plain_tip(f"{preset.id}: {preset.width} × {preset.height} px"))
        self.list.addItem(item)
        self._presets[key] = preset

    def _items(self) -> list[QListWidgetItem]:
        found = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item is not None:
                found.append(item)
        return found

    def keys(self) -> list[str]:
        """Every entry's key, in order."""
        return list(self._presets)

    def checked_keys(self) -> list[str]:
        """The ticked entries' keys, in list order."""
        return [
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in self._items()
            if item.checkState() == Qt.CheckState.Checked
        ]

    def checked_presets(self) -> list[Preset | None]:
        """The ticked sizes (None for a special entry: canvas or original)."""
        return [self._presets[key] for key in self.checked_keys()]

    def set_checked(self, keys: Sequence[str]) -> None:
        """Tick exactly these entries (unknown keys are ignored)."""
        wanted = set(keys)
        self.list.blockSignals(True)
        for item in self._items():
            key = str(item.data(Qt.ItemDataRole.UserRole))
            state = Qt.CheckState.Checked if key in wanted else Qt.CheckState.Unchecked
            item.setCheckState(state)
        self.list.blockSignals(False)
        self.changed.emit()

    def _update_count(self) -> None:
        count = len(self.checked_keys())
        self.count.setText(self.tr("Chosen: %1").replace("%1", str(count)))


class FolderField(QWidget):
    """A folder path with a Choose… button."""

    changed = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("Choose a folder for the new files"))
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(lambda text: self.changed.emit())
        self.button = QPushButton(self.tr("Choose…"))
        self.button.setToolTip(self.tr("Pick the output folder"))
        self.button.clicked.connect(self.choose)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)

    def path(self) -> Path | None:
        """The folder, or None when none is given."""
        text = self.edit.text().strip()
        return Path(text).expanduser() if text else None

    def set_path(self, path: Path | str) -> None:
        self.edit.setText(str(path))

    def choose(self) -> None:
        """Ask for a folder with the desktop's folder dialog."""
        current = self.path()
        start = str(current) if current is not None else str(Path.home())
        chosen = QFileDialog.getExistingDirectory(self, self._title, start)
        if chosen:
            self.set_path(chosen)


class OutputOptions(QWidget):
    """Format, quality, size cap, output folder and the replace option, as a form.

    ``form`` is open for the dialog's own rows (name pattern, EXIF).
    """

    changed = Signal()

    def __init__(self, *, same_format: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.format = QComboBox()
        if same_format:
            self.format.addItem(self.tr("Same as the photo"), "same")
        self.format.addItem("JPEG", "jpeg")
        self.format.addItem("PNG", "png")
        self.format.addItem("WebP", "webp")
        self.format.setToolTip(
            self.tr(
                "JPEG for photos everywhere; PNG keeps transparency and sharp text (larger "
                "files); WebP is smaller for the same quality."
            )
        )
        self.quality = QSpinBox()
        self.quality.setRange(1, 100)
        self.quality.setValue(90)
        self.quality.setToolTip(self.tr("JPEG and WebP quality: 85-92 suits social networks"))
        self.limit = QCheckBox(self.tr("At most"))
        self.limit.setToolTip(
            self.tr("Lower the quality as little as needed to keep each file under the size")
        )
        self.max_kb = QSpinBox()
        self.max_kb.setRange(10, 100_000)
        self.max_kb.setSingleStep(50)
        self.max_kb.setValue(500)
        self.max_kb.setSuffix(self.tr(" KB"))
        self.max_kb.setEnabled(False)
        self.max_kb.setToolTip(self.limit.toolTip())
        cap = QHBoxLayout()
        cap.addWidget(self.limit)
        cap.addWidget(self.max_kb)
        cap.addStretch(1)
        self.folder = FolderField(self.tr("Output Folder"))
        self.folder.setToolTip(self.tr("Where the new files go; originals are never changed"))
        self.overwrite = QCheckBox(self.tr("Replace files left there by other jobs"))
        self.overwrite.setToolTip(
            self.tr(
                "Off (recommended): a file that another job or a person put in the folder is "
                "never overwritten; the new file gets -2, -3… at the end of its name. Running "
                "the same job again always replaces its own files."
            )
        )
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.addRow(self.tr("Format:"), self.format)
        self.form.addRow(self.tr("Quality:"), self.quality)
        self.form.addRow(self.tr("File size:"), cap)
        self.form.addRow(self.tr("Folder:"), self.folder)
        self.form.addRow("", self.overwrite)
        self.format.currentIndexChanged.connect(self._on_format)
        self.limit.toggled.connect(self.max_kb.setEnabled)
        for signal in (
            self.format.currentIndexChanged,
            self.quality.valueChanged,
            self.limit.toggled,
            self.max_kb.valueChanged,
            self.folder.changed,
            self.overwrite.toggled,
        ):
            signal.connect(self._emit_changed)

    def _emit_changed(self, *_: object) -> None:
        self.changed.emit()

    def _on_format(self) -> None:
        self.quality.setEnabled(self.format_key() != "png")

    def format_key(self) -> str:
        """``jpeg``, ``png``, ``webp`` (or ``same`` where offered)."""
        return str(self.format.currentData())

    def set_format(self, key: str) -> None:
        index = self.format.findData(key)
        if index >= 0:
            self.format.setCurrentIndex(index)

    def image_format(self) -> ImageFormat:
        """The chosen format; JPEG for ``same`` (only the stamp dialog offers it)."""
        key = self.format_key()
        if key == "png":
            return "png"
        if key == "webp":
            return "webp"
        return "jpeg"

    def cap_kb(self) -> int | None:
        """The size cap in KB, None when off."""
        return self.max_kb.value() if self.limit.isChecked() else None

    def restore(self, prefs: Prefs, default_format: str = "jpeg") -> None:
        self.set_format(prefs.text("format", default_format))
        self.quality.setValue(prefs.number("quality", 90))
        self.limit.setChecked(prefs.flag("limit", False))
        self.max_kb.setValue(prefs.number("maxKb", 500))
        self.folder.set_path(prefs.text("folder", ""))
        self.overwrite.setChecked(prefs.flag("overwrite", False))
        self._on_format()

    def remember(self, prefs: Prefs) -> None:
        prefs.set("format", self.format_key())
        prefs.set("quality", self.quality.value())
        prefs.set("limit", self.limit.isChecked())
        prefs.set("maxKb", self.max_kb.value())
        folder = self.folder.path()
        prefs.set("folder", str(folder) if folder else "")
        prefs.set("overwrite", self.overwrite.isChecked())


class NamePatternField(QWidget):
    """A file name pattern, the first name it makes, and what is wrong with it."""

    changed = Signal()

    def __init__(self, fields: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._preview: Callable[[str], str] = lambda pattern: pattern
        self.edit = QLineEdit()
        self.edit.setToolTip(
            self.tr("Fields in braces are filled for each file: %1").replace("%1", fields)
        )
        self.edit.setStatusTip(self.edit.toolTip())
        self.example = QLabel()
        self.example.setTextFormat(Qt.TextFormat.PlainText)
        self.example.setStyleSheet("color: palette(placeholder-text);")
        self.example.setWordWrap(True)
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #C62828;")
        self.error.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.edit)
        layout.addWidget(self.example)
        layout.addWidget(self.error)
        self.edit.textChanged.connect(lambda text: self.refresh())
        self.edit.textChanged.connect(lambda text: self.changed.emit())

    def pattern(self) -> str:
        return self.edit.text()

    def set_pattern(self, pattern: str) -> None:
        self.edit.setText(pattern)

    def set_preview(self, preview: Callable[[str], str]) -> None:
        """How to make the first file name from the pattern (raises NamePatternError)."""
        self._preview = preview
        self.refresh()

    def problem(self) -> str | None:
        """What is wrong with the pattern, or None."""
        if not self.pattern().strip():
            return self.tr("The file name pattern is empty")
        try:
            self._preview(self.pattern())
        except NamePatternError as error:
            return str(error)
        return None

    def refresh(self) -> None:
        """Show the first file name, or the problem."""
        problem = self.problem()
        self.error.setText(problem or "")
        self.error.setVisible(problem is not None)
        if problem is None:
            name = self._preview(self.pattern())
            self.example.setText(self.tr("First file: %1").replace("%1", name))
        self.example.setVisible(problem is None)


def heading(text: str) -> QLabel:
    """A dialog's title line (plain text)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.25)
    font.setBold(True)
    label.setFont(font)
    return label


def problem_label() -> QLabel:
    """The line beside the buttons that says why the main button is disabled."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


class ExportDialog(QDialog):
    """Export the open template at every chosen size (main window: File ▸ Export…).

    Open it with ``ExportDialog(studio, window).open()``; it needs an open document.
    """

    def __init__(self, studio: Studio, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        document = studio.document
        if document is None:
            raise ValueError("no template is open")
        self.studio = studio
        self._document = document
        self._prefs = Prefs("export")
        self.batch: BatchThread | None = None
        self.progress: BatchProgressDialog | None = None
        self.summary: BatchSummaryDialog | None = None
        self.report: BatchReport | None = None
        template = document.template
        self.setWindowTitle(self.tr("Export"))
        title = heading(template.name)
        canvas = self.tr("%4 · canvas %1 × %2 px · brand %3")
        canvas = (
            canvas.replace("%1", str(template.canvas.width))
            .replace("%2", str(template.canvas.height))
            .replace("%3", document.kit.brand.name)
            .replace("%4", document.title())
        )
        subtitle = QLabel(canvas)
        subtitle.setTextFormat(Qt.TextFormat.PlainText)
        subtitle.setStyleSheet("color: palette(placeholder-text);")

        canvas_label = self.tr("Template canvas — %1 × %2")
        canvas_label = canvas_label.replace("%1", str(template.canvas.width)).replace(
            "%2", str(template.canvas.height)
        )
        self.presets = PresetPicker([(CANVAS_KEY, canvas_label)])
        sizes = QGroupBox(self.tr("Sizes"))
        sizes_layout = QVBoxLayout(sizes)
        sizes_layout.addWidget(self.presets)

        self.options = OutputOptions()
        self.name = NamePatternField("{template}, {preset}, {width}, {height}")
        self.name.edit.setPlaceholderText(EXPORT_PATTERN)
        self.options.form.insertRow(4, self.tr("Name:"), self.name)
        files = QGroupBox(self.tr("Files"))
        files_layout = QVBoxLayout(files)
        files_layout.addWidget(self.options)
        files_layout.addStretch(1)

        columns = QHBoxLayout()
        columns.setSpacing(12)
        columns.addWidget(sizes, 5)
        columns.addWidget(files, 6)

        self.problem = problem_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.problem, 1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addLayout(columns, 1)
        layout.addLayout(bottom)

        self._restore()
        self.name.set_preview(self._first_name)
        for signal in (self.presets.changed, self.options.changed, self.name.changed):
            signal.connect(self._update)
        self.presets.changed.connect(self.name.refresh)
        self.options.format.currentIndexChanged.connect(self.name.refresh)
        self._update()

    # -- state --

    def _restore(self) -> None:
        self.resize(820, 560)
        self._prefs.restore_geometry(self)
        self.options.restore(self._prefs)
        current = self._document.preset
        default = [current.id if current else CANVAS_KEY]
        self.presets.set_checked(self._prefs.names("presets") or default)
        self.name.set_pattern(self._prefs.text("pattern", EXPORT_PATTERN))

    def _remember(self) -> None:
        self._prefs.set("presets", self.presets.checked_keys())
        self._prefs.set("pattern", self.name.pattern())
        self.options.remember(self._prefs)
        self._prefs.save_geometry(self)
        self._prefs.sync()

    def settings(self) -> ExportSettings:
        """The export as chosen now."""
        document = self._document
        location = document.location
        if location is not None:
            stem, identity = location.path.stem, str(location.path.resolve())
        else:
            stem, identity = safe_name(document.template.name), f"unsaved:{document.template.name}"
        return ExportSettings(
            template=document.template,
            template_stem=stem,
            identity=identity,
            content=dict(document.content),
            brand_folder=document.kit.folder,
            presets=tuple(self.presets.checked_presets()),
            fmt=self.options.image_format(),
            quality=self.options.quality.value(),
            max_kb=self.options.cap_kb(),
            pattern=self.name.pattern(),
        )

    def _first_name(self, pattern: str) -> str:
        presets = self.presets.checked_presets() or [None]
        settings = dataclasses.replace(self.settings(), pattern=pattern, presets=tuple(presets[:1]))
        return export_names(settings)[0]

    def problem_text(self) -> str | None:
        """Why Export is disabled, or None when it can run."""
        if not self.presets.checked_keys():
            return self.tr("Tick at least one size")
        if self.name.problem() is not None:
            return self.tr("Fix the file name pattern")
        if self.options.folder.path() is None:
            return self.tr("Choose an output folder")
        return None

    def _update(self) -> None:
        problem = self.problem_text()
        self.problem.setText(problem or "")
        count = len(self.presets.checked_keys())
        label = self.tr("Export %1 Files").replace("%1", str(count))
        self.ok_button.setText(label if count != 1 else self.tr("Export 1 File"))
        self.ok_button.setEnabled(problem is None and self.batch is None)

    # -- running --

    def accept(self) -> None:
        """Start the export (the dialog stays until the summary is closed)."""
        if self.problem_text() is not None or self.batch is not None:
            return
        out = self.options.folder.path()
        assert out is not None
        self._remember()
        settings = self.settings()
        overwrite = self.options.overwrite.isChecked()
        document = self._document
        kit, folder, renderer = document.kit, document.template_folder, self.studio.renderer

        def render_one(preset: Preset | None) -> tuple[Image.Image, Sequence[str]]:
            request = RenderRequest(settings.template, settings.content, kit, folder, preset)
            result = renderer.render_now(request)
            return result.image, result.warnings

        def runner(batch: BatchSettings, cancel: threading.Event) -> BatchReport:
            return run_export(
                settings,
                out,
                render_one,
                overwrite=overwrite,
                on_output=batch.on_output,
                on_progress=batch.on_progress,
                stopping=cancel.is_set,
            )

        self.batch = BatchThread(runner, jobs=1, parent=self)
        self.batch.finished.connect(self._on_finished)
        self.batch.failed.connect(self._on_failed)
        self.progress = BatchProgressDialog(self.batch, self.tr("Exporting"), self)
        self._update()
        self.batch.start()
        self.progress.open()

    def _on_finished(self, report: BatchReport) -> None:
        out = self.options.folder.path() or Path()
        self.report = report
        seconds = self.batch.seconds if self.batch else None
        self.summary = BatchSummaryDialog(
            report, out, title=self.tr("Export Finished"), seconds=seconds, parent=self
        )
        self.summary.finished.connect(lambda code: QDialog.accept(self))
        self.summary.open()

    def _on_failed(self, message: str) -> None:
        self.batch = None
        self._update()
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Cannot Export"), message,
                          QMessageBox.StandardButton.Ok, self)  # fmt: skip
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()

    def reject(self) -> None:
        """Cancel closes the dialog, unless an export runs (then its progress window cancels)."""
        if self.batch is not None and self.batch.is_running():
            self.batch.cancel()
            return
        self._prefs.save_geometry(self)
        super().reject()
