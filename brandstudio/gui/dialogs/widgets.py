"""The option widgets the bulk dialogs are built from: sizes, output format and folder, file
name pattern, the title line and the line that says why the main button is disabled.

Texts that come from files and strangers (paths, reasons) go into tooltips through
:func:`plain_tip`, never as rich text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from brandstudio.gui.inspector_widgets import ElidedLabel
from brandstudio.gui.preset_bar import preset_title
from brandstudio.gui.settings import FOLDERS, OutputKeys, Settings, last_folder, remember_folder
from brandstudio.gui.tooltips import plain_tip
from brandstudio.model.preset import Preset
from brandstudio.presets import load_presets
from brandstudio.render.export import ImageFormat
from brandstudio.render.naming import NamePatternError

CANVAS_KEY = "canvas"
"""The preset list's key for the template's own canvas size."""
ORIGINAL_KEY = "original"
"""The preset list's key for a photo's own size (stamping)."""


def preset_label(preset: Preset) -> str:
    """``Instagram post, square — 1080 × 1080``, the name in the user's language."""
    return f"{preset_title(preset)} — {preset.width} × {preset.height}"


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
            item.setToolTip(plain_tip(f"{preset.width} × {preset.height} px"))
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
        start = str(current) if current is not None else last_folder(FOLDERS.outputs)
        chosen = QFileDialog.getExistingDirectory(self, self._title, start)
        if chosen:
            remember_folder(FOLDERS.outputs, chosen)
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
        self.form.addRow(self.overwrite)  # both columns: room for a long translation
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

    def restore(self, settings: Settings, keys: OutputKeys) -> None:
        """Show the options remembered under ``keys``."""
        self.set_format(settings[keys.format])
        self.quality.setValue(settings[keys.quality])
        self.limit.setChecked(settings[keys.limit])
        self.max_kb.setValue(settings[keys.max_kb])
        self.folder.set_path(settings[keys.folder])
        self.overwrite.setChecked(settings[keys.overwrite])
        self._on_format()

    def remember(self, settings: Settings, keys: OutputKeys) -> None:
        """Keep the options shown under ``keys``."""
        settings[keys.format] = self.format_key()
        settings[keys.quality] = self.quality.value()
        settings[keys.limit] = self.limit.isChecked()
        settings[keys.max_kb] = self.max_kb.value()
        folder = self.folder.path()
        settings[keys.folder] = str(folder) if folder else ""
        settings[keys.overwrite] = self.overwrite.isChecked()


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
        # one line that elides: wrapped, its second line was cut off where the form gave it
        # one line's height (seen with another system font)
        self.example = ElidedLabel()
        self.example.setStyleSheet("color: palette(placeholder-text);")
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
            self.example.setToolTip(plain_tip(name))
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
