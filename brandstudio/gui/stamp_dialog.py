"""Stamp the brand's logo (and a text mark) on many photos at once, as ``brandstudio stamp`` does.

Photos and folders are dropped on the dialog or added with the buttons; a live preview shows
the stamp on the first three photos, drawn off the GUI thread by the same functions the
workers use (``open_photo``, ``cover``, ``apply_marks``), at preview size. Start plans the batch
like the command line (inputs expanded, originals protected, finished outputs skipped) and runs
it on worker processes; the summary lists every failure with its reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QDate, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSlider,
    QSpinBox,
    QStackedLayout,
    QStyle,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from brandstudio.batch.inputs import PHOTO_EXTENSIONS, InputItem, expand_inputs
from brandstudio.batch.report import BatchReport
from brandstudio.fileformat import FormatError
from brandstudio.fileformat.brand_io import BrandKit, load_brand
from brandstudio.gui.batch_summary import BatchSummaryDialog, plain_tip
from brandstudio.gui.batch_thread import BatchProgressDialog, BatchThread
from brandstudio.gui.export_dialog import (
    ORIGINAL_KEY,
    OutputOptions,
    Prefs,
    PresetPicker,
    heading,
    problem_label,
)
from brandstudio.gui.render_service import to_qimage
from brandstudio.gui.studio import Studio
from brandstudio.gui.workers import LatestWorker
from brandstudio.jobs.common import PlanError, file_identity
from brandstudio.jobs.stamp import (
    StampFormat,
    StampJob,
    StampSettings,
    Variant,
    brand_logo,
    brand_sources,
    plan_stamp,
    preview_marks,
    stamp_job,
    stamp_targets,
)
from brandstudio.model.brand import StampDefaults
from brandstudio.model.geometry import ANCHORS
from brandstudio.render.photo import PhotoError, contain, cover, open_photo
from brandstudio.stamp.marks import MarkCache, MarkPlacement, Position, apply_marks

PREVIEW_COUNT = 3
PREVIEW_BOX = 240
"""Longest side of a preview tile, px."""
PREVIEW_DECODE = 960
"""Photos are decoded (and cached) at most this large for previews, px."""
DEBOUNCE_MS = 150

_ANCHOR_GRID: tuple[tuple[Position, ...], ...] = (
    ("top-left", "top", "top-right"),
    ("left", "center", "right"),
    ("bottom-left", "bottom", "bottom-right"),
)
_VARIANTS: tuple[Variant, ...] = ("auto", "light", "dark", "mono")
_TEXT_COLOURS = ("auto", "#FFFFFF", "#141414")


# -- previews (computed on the preview thread) ----------------------------------------------


@dataclass(frozen=True)
class PreviewRequest:
    """What the preview shows: the photos, the job (None: ``problem`` says why) and the size."""

    inputs: tuple[str, ...]
    recursive: bool
    exclude: tuple[Path, ...]
    job: StampJob | None
    size: tuple[int, int] | None
    problem: str | None = None


@dataclass(frozen=True)
class PreviewTile:
    """One photo's preview: the stamped image, or why there is none."""

    name: str
    image: object | None
    """A QImage (made on the preview thread; turned into a pixmap on the GUI thread)."""
    error: str | None = None


@dataclass(frozen=True)
class PreviewResult:
    """The photo count and up to three stamped previews."""

    photos: int
    skipped: int
    unusable: int
    tiles: tuple[PreviewTile, ...]
    problem: str | None = None


class PreviewMaker:
    """Expands inputs and stamps previews; lives on the preview thread (caches are its own)."""

    def __init__(self) -> None:
        self._expanded: tuple[object, list[InputItem]] | None = None
        self._photos: dict[tuple[str, int, int], Image.Image | str] = {}
        self._marks = MarkCache()

    def make(self, request: PreviewRequest) -> PreviewResult:
        items = self._expand(request)
        photos = [item for item in items if item.skip is None and item.problem is None]
        skipped = sum(1 for item in items if item.skip is not None)
        unusable = sum(1 for item in items if item.problem is not None)
        if request.job is None:
            return PreviewResult(len(photos), skipped, unusable, (), request.problem)
        try:
            marks = preview_marks(request.job)
        except PlanError as error:
            return PreviewResult(len(photos), skipped, unusable, (), str(error))
        tiles = []
        for item in photos[:PREVIEW_COUNT]:
            name = item.path.name
            decoded = self._photo(item)
            if isinstance(decoded, str):
                tiles.append(PreviewTile(name, None, decoded))
                continue
            framed = _frame(decoded, request.size)
            try:
                stamped, _placed = apply_marks(framed, marks, self._marks)
            except ValueError as error:
                tiles.append(PreviewTile(name, None, str(error)))
                continue
            tiles.append(PreviewTile(name, to_qimage(_on_white(stamped))))
        return PreviewResult(len(photos), skipped, unusable, tuple(tiles))

    def _expand(self, request: PreviewRequest) -> list[InputItem]:
        key = (request.inputs, request.recursive, request.exclude)
        if self._expanded is not None and self._expanded[0] == key:
            return self._expanded[1]
        items = expand_inputs(request.inputs, recursive=request.recursive, exclude=request.exclude)
        self._expanded = (key, items)
        return items

    def _photo(self, item: InputItem) -> Image.Image | str:
        key = (str(item.path), item.size, item.mtime_ns)
        found = self._photos.get(key)
        if found is None:
            try:
                image = open_photo(item.path, (PREVIEW_DECODE, PREVIEW_DECODE))
                if max(image.size) > PREVIEW_DECODE:
                    image = contain(image, _fit(image.size, PREVIEW_DECODE))
                found = image
            except PhotoError as error:
                found = error.reason
            except ValueError as error:
                found = str(error)
            if len(self._photos) > 12:
                self._photos.clear()
            self._photos[key] = found
        return found


def _fit(size: tuple[int, int], longest: int) -> tuple[int, int]:
    scale = longest / max(size)
    return (max(1, round(size[0] * scale)), max(1, round(size[1] * scale)))


def _frame(photo: Image.Image, size: tuple[int, int] | None) -> Image.Image:
    """The photo as the output will frame it (cover-cropped to a preset), at preview size."""
    if size is None:
        if max(photo.size) <= PREVIEW_BOX:
            return photo
        return contain(photo, _fit(photo.size, PREVIEW_BOX))
    return cover(photo, _fit(size, PREVIEW_BOX))


def _on_white(image: Image.Image) -> Image.Image:
    if image.mode != "RGBA":
        return image
    base = Image.new("RGB", image.size, (255, 255, 255))
    base.paste(image, mask=image.getchannel("A"))
    return base


# -- small widgets ---------------------------------------------------------------------------


class AnchorPicker(QWidget):
    """Nine anchors as a 3 × 3 grid of buttons, and "the calmest corner" (auto)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._buttons: dict[str, QToolButton] = {}
        grid = QGridLayout()
        grid.setSpacing(2)
        names = {
            "top-left": self.tr("Top left"),
            "top": self.tr("Top"),
            "top-right": self.tr("Top right"),
            "left": self.tr("Left"),
            "center": self.tr("Centre"),
            "right": self.tr("Right"),
            "bottom-left": self.tr("Bottom left"),
            "bottom": self.tr("Bottom"),
            "bottom-right": self.tr("Bottom right"),
        }
        for row, anchors in enumerate(_ANCHOR_GRID):
            for column, anchor in enumerate(anchors):
                button = QToolButton()
                button.setCheckable(True)
                button.setFixedSize(QSize(26, 22))
                button.setText("●")
                button.setToolTip(names[anchor])
                button.setAccessibleName(names[anchor])
                self._group.addButton(button)
                self._buttons[anchor] = button
                grid.addWidget(button, row, column)
        self.setStyleSheet(
            "QToolButton { border: 1px solid palette(mid); border-radius: 3px;"
            " background: palette(base); color: palette(mid); }"
            "QToolButton:hover { border-color: palette(highlight); }"
            "QToolButton:checked { background: palette(highlight);"
            " color: palette(highlighted-text); border-color: palette(highlight); }"
            "QToolButton:disabled { background: palette(window); color: palette(window); }"
        )
        self.auto = QCheckBox(self.tr("Auto: the calmest corner"))
        self.auto.setToolTip(
            self.tr("For each photo, the corner with the least detail and the best contrast")
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addSpacing(10)
        layout.addWidget(self.auto, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addStretch(1)
        self._buttons["bottom-right"].setChecked(True)
        self._group.buttonClicked.connect(lambda button: self.changed.emit())
        self.auto.toggled.connect(self._on_auto)

    def _on_auto(self, on: bool) -> None:
        for button in self._buttons.values():
            button.setEnabled(not on)
        self.changed.emit()

    def position(self) -> Position:
        if self.auto.isChecked():
            return "auto"
        for anchor, button in self._buttons.items():
            if button.isChecked():
                return _anchor(anchor)
        return "bottom-right"

    def set_position(self, position: str) -> None:
        if position == "auto":
            self.auto.setChecked(True)
            return
        self.auto.setChecked(False)
        button = self._buttons.get(position)
        if button is not None:
            button.setChecked(True)
            self.changed.emit()


def _anchor(text: str) -> Position:
    for anchor in ANCHORS:
        if anchor == text:
            return anchor
    return "auto" if text == "auto" else "bottom-right"


class PercentField(QWidget):
    """A slider with a spin box beside it, in whole percent."""

    changed = Signal()

    def __init__(self, low: int, high: int, tip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(low, high)
        self.spin = QSpinBox()
        self.spin.setRange(low, high)
        self.spin.setSuffix(" %")
        for widget in (self.slider, self.spin):
            widget.setToolTip(tip)
        self.slider.valueChanged.connect(self.spin.setValue)
        self.spin.valueChanged.connect(self.slider.setValue)
        self.spin.valueChanged.connect(lambda value: self.changed.emit())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.spin)

    def fraction(self) -> float:
        return self.spin.value() / 100

    def set_fraction(self, value: float) -> None:
        self.spin.setValue(round(value * 100))


class PhotoList(QWidget):
    """The photos and folders to stamp, with an empty state that invites a drop."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setStatusTip(self.tr("Photos and folders to stamp; drop more here"))
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        empty = QLabel(self.tr("Drop photos or folders here\nor use the buttons below"))
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty.setStyleSheet(
            "QLabel { border: 2px dashed palette(mid); border-radius: 8px;"
            " color: palette(placeholder-text); padding: 16px; }"
        )
        self._stack = QStackedLayout()
        self._stack.addWidget(empty)
        self._stack.addWidget(self.list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._stack)

    def paths(self) -> list[str]:
        found = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item is not None:
                found.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return found

    def add(self, paths: Sequence[str | Path]) -> int:
        """Add files and folders (duplicates ignored); returns how many were new."""
        known = set(self.paths())
        added = 0
        for path in paths:
            text = str(path)
            if text in known:
                continue
            known.add(text)
            is_folder = Path(text).is_dir()
            icon = (
                QStyle.StandardPixmap.SP_DirIcon if is_folder else QStyle.StandardPixmap.SP_FileIcon
            )
            item = QListWidgetItem(self.style().standardIcon(icon), text)
            item.setData(Qt.ItemDataRole.UserRole, text)
            item.setToolTip(plain_tip(text))
            self.list.addItem(item)
            added += 1
        if added:
            self._changed()
        return added

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self._changed()

    def clear(self) -> None:
        self.list.clear()
        self._changed()

    def _changed(self) -> None:
        self._stack.setCurrentIndex(1 if self.list.count() else 0)
        self.changed.emit()


class PreviewTileWidget(QFrame):
    """One preview: the stamped photo and its file name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setFixedSize(QSize(PREVIEW_BOX, PREVIEW_BOX))
        self.picture.setWordWrap(True)
        self.picture.setTextFormat(Qt.TextFormat.PlainText)
        self.picture.setStyleSheet("color: palette(placeholder-text);")
        self.caption = QLabel()
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setFixedWidth(PREVIEW_BOX)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.picture)
        layout.addWidget(self.caption)

    def show_tile(self, tile: PreviewTile | None, empty: str = "") -> None:
        if tile is None:
            self.picture.clear()
            self.picture.setText(empty)
            self.caption.clear()
            return
        self.caption.setText(tile.name)
        self.caption.setToolTip(plain_tip(tile.name))
        if tile.image is None:
            self.picture.clear()
            self.picture.setText(tile.error or "")
            return
        self.picture.setPixmap(QPixmap.fromImage(tile.image))  # type: ignore[arg-type]

    def has_picture(self) -> bool:
        pixmap = self.picture.pixmap()
        return pixmap is not None and not pixmap.isNull()


# -- the dialog ------------------------------------------------------------------------------


class StampDialog(QDialog):
    """Logo and text marks on many photos (main window: Tools ▸ Stamp Photos…).

    Open it with ``StampDialog(studio, window).open()``; a document need not be open (its
    brand is the default when one is).
    """

    def __init__(self, studio: Studio, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.studio = studio
        self._prefs = Prefs("stamp")
        self.batch: BatchThread | None = None
        self.progress: BatchProgressDialog | None = None
        self.summary: BatchSummaryDialog | None = None
        self.report: BatchReport | None = None
        self.jobs: int | None = None
        """Worker processes (None: one per CPU)."""
        self.preview_result: PreviewResult | None = None
        self._kits: dict[str, BrandKit] = {}
        self.setWindowTitle(self.tr("Stamp Photos"))
        self.setAcceptDrops(True)

        self._preview_maker = PreviewMaker()
        self._previews = LatestWorker("stamp-preview", self)
        self._previews.done.connect(self._on_preview)
        self._previews.failed.connect(self._on_preview_failed)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._request_preview)

        left = self._photos_panel()
        tabs = QTabWidget()
        tabs.addTab(self._mark_tab(), self.tr("Mark"))
        tabs.addTab(self._output_tab(), self.tr("Output"))
        tabs.setMinimumWidth(400)
        self.tabs = tabs

        columns = QHBoxLayout()
        columns.setSpacing(12)
        columns.addLayout(left, 1)
        columns.addWidget(tabs, 0)

        self.problem = problem_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Stamp"))
        self.ok_button.setToolTip(self.tr("Stamp every photo into the output folder"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.problem, 1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(heading(self.tr("Stamp Photos")))
        intro = QLabel(
            self.tr(
                "Put the logo and a text mark on many photos at once. The originals are "
                "never changed: stamped copies go to the output folder."
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(intro)
        layout.addLayout(columns, 1)
        layout.addLayout(bottom)

        self._restore()
        self._connect()
        self._update()

    # -- building --

    def _photos_panel(self) -> QVBoxLayout:
        self.photos = PhotoList()
        self.add_photos_button = QPushButton(self.tr("Add Photos…"))
        self.add_photos_button.setToolTip(self.tr("Choose photo files"))
        self.add_photos_button.clicked.connect(self.choose_photos)
        self.add_folder_button = QPushButton(self.tr("Add Folder…"))
        self.add_folder_button.setToolTip(self.tr("Choose a folder: every photo in it"))
        self.add_folder_button.clicked.connect(self.choose_folder)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Take the selected entries off the list"))
        self.remove_button.clicked.connect(self.photos.remove_selected)
        self.recursive = QCheckBox(self.tr("Include subfolders"))
        self.recursive.setToolTip(
            self.tr("Also stamp the photos in subfolders; the output keeps their structure")
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_photos_button)
        buttons.addWidget(self.add_folder_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.recursive)
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.setStyleSheet("color: palette(placeholder-text);")
        photos_box = QGroupBox(self.tr("Photos"))
        photos_layout = QVBoxLayout(photos_box)
        photos_layout.addWidget(self.photos, 1)
        photos_layout.addLayout(buttons)
        photos_layout.addWidget(self.count)

        self.tiles = [PreviewTileWidget() for _ in range(PREVIEW_COUNT)]
        preview_box = QGroupBox(self.tr("Preview"))
        preview_box.setStatusTip(self.tr("The stamp on the first photos, at the first size"))
        tiles = QHBoxLayout(preview_box)
        for tile in self.tiles:
            tiles.addWidget(tile)
        tiles.addStretch(1)
        self.preview_note = QLabel()
        self.preview_note.setTextFormat(Qt.TextFormat.PlainText)
        self.preview_note.setWordWrap(True)
        self.preview_note.setStyleSheet("color: #C62828;")
        self.preview_note.setVisible(False)

        left = QVBoxLayout()
        left.addWidget(photos_box, 1)
        left.addWidget(preview_box)
        left.addWidget(self.preview_note)
        return left

    def _mark_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        self.use_brand = QRadioButton(self.tr("Brand:"))
        self.use_brand.setToolTip(self.tr("The brand's logo, in its light, dark and mono forms"))
        self.brand = QComboBox()
        self.brand.setToolTip(self.use_brand.toolTip())
        self.use_file = QRadioButton(self.tr("File:"))
        self.use_file.setToolTip(self.tr("A logo image, best a PNG or WebP with transparency"))
        self.logo_file = QLineEdit()
        self.logo_file.setPlaceholderText(self.tr("logo.png"))
        self.logo_file.setClearButtonEnabled(True)
        self.logo_file_button = QPushButton(self.tr("Choose…"))
        self.logo_file_button.setToolTip(self.use_file.toolTip())
        self.logo_file_button.clicked.connect(self.choose_logo)
        self.use_none = QRadioButton(self.tr("No logo: only the text mark"))
        self._source = QButtonGroup(self)
        for button in (self.use_brand, self.use_file, self.use_none):
            self._source.addButton(button)
        source = QGridLayout()
        source.setContentsMargins(0, 0, 0, 0)
        source.addWidget(self.use_brand, 0, 0)
        source.addWidget(self.brand, 0, 1, 1, 2)
        source.addWidget(self.use_file, 1, 0)
        source.addWidget(self.logo_file, 1, 1)
        source.addWidget(self.logo_file_button, 1, 2)
        source.addWidget(self.use_none, 2, 0, 1, 3)
        source.setColumnStretch(1, 1)
        form.addRow(self.tr("Logo:"), source)

        self.position = AnchorPicker()
        form.addRow(self.tr("Position:"), self.position)
        self.scale = PercentField(
            1, 100, self.tr("The logo's longer side, as a share of the photo's shorter side")
        )
        form.addRow(self.tr("Size:"), self.scale)
        self.margin = QSpinBox()
        self.margin.setRange(0, 45)
        self.margin.setSuffix(" %")
        self.margin.setToolTip(self.tr("Space from the edges, as a share of the shorter side"))
        form.addRow(self.tr("Margin:"), self.margin)
        self.opacity = PercentField(5, 100, self.tr("100 % is fully opaque"))
        form.addRow(self.tr("Opacity:"), self.opacity)
        self.variant = QComboBox()
        for key, label in zip(
            _VARIANTS,
            (
                self.tr("Auto: light or dark by the photo"),
                self.tr("Light (for dark photos)"),
                self.tr("Dark (for light photos)"),
                self.tr("Mono"),
            ),
            strict=True,
        ):
            self.variant.addItem(label, key)
        self.variant.setToolTip(self.tr("Which form of the logo to use"))
        form.addRow(self.tr("Variant:"), self.variant)
        self.tile = QCheckBox(self.tr("Repeat over the whole photo (watermark)"))
        self.tile.setToolTip(
            self.tr("A diagonal pattern of the mark; position and margin do not apply")
        )
        form.addRow(self.tr("Tile:"), self.tile)
        self.rotation = QSpinBox()
        self.rotation.setRange(-360, 360)
        self.rotation.setSingleStep(15)
        self.rotation.setSuffix(" °")
        self.rotation.setToolTip(self.tr("Degrees, anticlockwise; 30-45 suits a tiled watermark"))
        form.addRow(self.tr("Rotation:"), self.rotation)

        separator = QFrame()
        separator.setFrameShape(QFrame.Shape.HLine)
        separator.setFrameShadow(QFrame.Shadow.Sunken)
        form.addRow(separator)
        self.text_on = QCheckBox(self.tr("Add a text mark"))
        self.text_on.setToolTip(
            self.tr("A line such as © and the brand, in the bottom corner away from the logo")
        )
        form.addRow(self.tr("Text:"), self.text_on)
        self.text = QLineEdit()
        self.text.setPlaceholderText("© 2026")
        self.text.setToolTip(self.text_on.toolTip())
        form.addRow("", self.text)
        self.text_color = QComboBox()
        for colour, label in zip(
            _TEXT_COLOURS,
            (self.tr("Auto: by the photo"), self.tr("White"), self.tr("Black")),
            strict=True,
        ):
            self.text_color.addItem(label, colour)
        self.text_color.setToolTip(self.tr("The text mark's colour"))
        form.addRow(self.tr("Colour:"), self.text_color)
        self._fill_brands()
        return page

    def _output_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.presets = PresetPicker([(ORIGINAL_KEY, self.tr("Original size (no crop)"))])
        self.presets.list.setMinimumHeight(150)
        self.presets.setToolTip(
            self.tr("Original keeps each photo's size; a network size crops the photo to fill it")
        )
        sizes = QLabel(self.tr("Sizes"))
        layout.addWidget(sizes)
        layout.addWidget(self.presets, 1)
        self.options = OutputOptions(same_format=True)
        self.keep_exif = QCheckBox(self.tr("Keep camera data (EXIF), without GPS location"))
        self.keep_exif.setToolTip(
            self.tr(
                "Copy the date, camera and author from each photo; the GPS location is always "
                "removed. Off: the files carry no metadata."
            )
        )
        self.options.form.insertRow(4, "", self.keep_exif)
        layout.addWidget(self.options)
        return page

    def _fill_brands(self) -> None:
        library = self.studio.library
        document = self.studio.document
        folders = []
        for name in library.brand_names():
            folder = library.brand_folder(name)
            folders.append((name, folder))
        known = {folder.resolve() for _, folder in folders}
        if document is not None and document.kit.folder.resolve() not in known:
            label = self.tr("%1 (this template's brand)").replace("%1", document.kit.brand.name)
            self.brand.addItem(label, str(document.kit.folder))
            self._kits[str(document.kit.folder)] = document.kit
        for name, folder in folders:
            self.brand.addItem(name, str(folder))
        if document is not None:
            index = self.brand.findData(str(document.kit.folder))
            self.brand.setCurrentIndex(max(0, index))

    def _connect(self) -> None:
        for signal in (
            self.photos.changed,
            self.position.changed,
            self.scale.changed,
            self.opacity.changed,
            self.presets.changed,
            self.options.changed,
        ):
            signal.connect(self._changed)
        for toggled in (self.recursive, self.tile, self.text_on, self.keep_exif):
            toggled.toggled.connect(self._changed)
        for button in (self.use_brand, self.use_file, self.use_none):
            button.toggled.connect(self._changed)
        for spin in (self.margin, self.rotation):
            spin.valueChanged.connect(self._changed)
        for combo in (self.variant, self.text_color):
            combo.currentIndexChanged.connect(self._changed)
        self.logo_file.textChanged.connect(self._changed)
        self.text_on.toggled.connect(self._on_text_toggled)
        self.text.textChanged.connect(self._changed)
        self.brand.activated.connect(self._on_brand_chosen)
        self.brand.currentIndexChanged.connect(self._changed)
        self.brand.currentIndexChanged.connect(self._on_brand_changed)
        self._on_brand_changed()

    # -- remembered choices --

    def _restore(self) -> None:
        prefs = self._prefs
        self.resize(1120, 720)
        prefs.restore_geometry(self)
        source = prefs.text("logoSource", "brand")
        {"file": self.use_file, "none": self.use_none}.get(source, self.use_brand).setChecked(True)
        if self.studio.document is None:
            index = self.brand.findData(prefs.text("brand"))
            if index >= 0:
                self.brand.setCurrentIndex(index)
        self.logo_file.setText(prefs.text("logoFile"))
        if prefs.text("position"):
            self.position.set_position(prefs.text("position"))
            self.scale.spin.setValue(prefs.number("scale", 18))
            self.margin.setValue(prefs.number("margin", 3))
            self.opacity.spin.setValue(prefs.number("opacity", 100))
            self._set_variant(prefs.text("variant", "auto"))
        else:
            self._apply_brand_defaults()
        self.tile.setChecked(prefs.flag("tile", False))
        self.rotation.setValue(prefs.number("rotation", 0))
        self.text_on.setChecked(prefs.flag("textOn", False))
        self.text.setText(prefs.text("text"))
        index = self.text_color.findData(prefs.text("textColor", "auto"))
        self.text_color.setCurrentIndex(max(0, index))
        self.recursive.setChecked(prefs.flag("recursive", False))
        self.presets.set_checked(prefs.names("presets") or [ORIGINAL_KEY])
        self.options.restore(prefs, default_format="same")
        self.keep_exif.setChecked(prefs.flag("keepExif", False))

    def _remember(self) -> None:
        prefs = self._prefs
        source = "file" if self.use_file.isChecked() else "brand"
        prefs.set("logoSource", "none" if self.use_none.isChecked() else source)
        prefs.set("brand", str(self.brand.currentData() or ""))
        prefs.set("logoFile", self.logo_file.text())
        prefs.set("position", self.position.position())
        prefs.set("scale", self.scale.spin.value())
        prefs.set("margin", self.margin.value())
        prefs.set("opacity", self.opacity.spin.value())
        prefs.set("variant", str(self.variant.currentData()))
        prefs.set("tile", self.tile.isChecked())
        prefs.set("rotation", self.rotation.value())
        prefs.set("textOn", self.text_on.isChecked())
        prefs.set("text", self.text.text())
        prefs.set("textColor", str(self.text_color.currentData()))
        prefs.set("recursive", self.recursive.isChecked())
        prefs.set("presets", self.presets.checked_keys())
        prefs.set("keepExif", self.keep_exif.isChecked())
        self.options.remember(prefs)
        prefs.save_geometry(self)
        prefs.sync()

    def _set_variant(self, key: str) -> None:
        self.variant.setCurrentIndex(max(0, self.variant.findData(key)))

    def _on_brand_chosen(self, index: int) -> None:
        self.use_brand.setChecked(True)
        self._apply_brand_defaults()

    def _on_text_toggled(self, on: bool) -> None:
        if on and not self.text.text().strip():
            self.text.setText(self.text.placeholderText())

    def _on_brand_changed(self) -> None:
        kit = self._kit()
        year = QDate.currentDate().year()
        self.text.setPlaceholderText(f"© {kit.brand.name} {year}" if kit else f"© {year}")

    def _apply_brand_defaults(self) -> None:
        """The chosen brand's own stamp settings (position, size, margin, opacity, variant)."""
        kit = self._kit()
        defaults = kit.brand.stamp if kit is not None else StampDefaults()
        self.position.set_position(defaults.position)
        self.scale.set_fraction(defaults.size)
        self.margin.setValue(round(defaults.margin * 100))
        self.opacity.set_fraction(defaults.opacity)
        self._set_variant(defaults.variant)

    def _kit(self) -> BrandKit | None:
        folder = self.brand.currentData()
        if not folder:
            return None
        key = str(folder)
        if key not in self._kits:
            try:
                self._kits[key] = load_brand(Path(key))
            except (FormatError, OSError):
                return None
        return self._kits[key]

    # -- adding photos --

    def add_paths(self, paths: Sequence[str | Path]) -> int:
        """Add photo files and folders to the list; returns how many were new."""
        return self.photos.add(paths)

    def choose_photos(self) -> None:
        patterns = " ".join(f"*{suffix}" for suffix in sorted(PHOTO_EXTENSIONS))
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add Photos"),
            self._prefs.text("lastInputs", str(Path.home())),
            self.tr("Photos (%1);;All files (*)").replace("%1", patterns),
        )
        if files:
            self._prefs.set("lastInputs", str(Path(files[0]).parent))
            self.add_paths(files)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Add Folder"), self._prefs.text("lastInputs", str(Path.home()))
        )
        if folder:
            self._prefs.set("lastInputs", str(Path(folder).parent))
            self.add_paths([folder])

    def choose_logo(self) -> None:
        start = self.logo_file.text() or str(Path.home())
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Logo File"), start, self.tr("Images (*.png *.webp *.jpg *.jpeg)")
        )
        if chosen:
            self.logo_file.setText(chosen)
            self.use_file.setChecked(True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if any(url.isLocalFile() for url in urls) and self.batch is None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths and self.batch is None:
            self.add_paths(paths)
            event.acceptProposedAction()

    # -- settings --

    def stamp_settings(self) -> StampSettings:
        """The marks and encoding as chosen; PlanError says what is missing or wrong."""
        logo = None
        sources: tuple[str, ...] = ()
        if self.use_brand.isChecked():
            kit = self._kit()
            if kit is None:
                raise PlanError(self.tr("Choose a brand, or a logo file"))
            try:
                logo = brand_logo(kit)
            except LookupError as error:
                raise PlanError(str(error)) from None
            sources = brand_sources(kit, logo)
        elif self.use_file.isChecked():
            text = self.logo_file.text().strip()
            if not text:
                raise PlanError(self.tr("Choose a logo file"))
            path = Path(text).expanduser()
            logo = (path, path, path)
            sources = (file_identity(path),)
        text_mark = self.text.text() if self.text_on.isChecked() else None
        try:
            placement = MarkPlacement(
                position=self.position.position(),
                scale=self.scale.fraction(),
                margin_x=self.margin.value() / 100,
                margin_y=self.margin.value() / 100,
                opacity=self.opacity.fraction(),
                rotation=float(self.rotation.value()),
                tile=self.tile.isChecked(),
            )
        except ValueError as error:
            raise PlanError(str(error)) from None
        variant = _variant(str(self.variant.currentData()))
        fmt = _stamp_format(self.options.format_key())
        return StampSettings(
            logos=(logo,) if logo is not None else (),
            placement=placement,
            variant=variant,
            logo_sources=sources,
            text=text_mark,
            text_color=str(self.text_color.currentData()),
            targets=stamp_targets(self.presets.checked_presets()),
            fmt=fmt,
            quality=self.options.quality.value(),
            max_kb=self.options.cap_kb(),
            keep_exif=self.keep_exif.isChecked(),
        )

    def _job(self) -> tuple[StampJob | None, str | None]:
        try:
            return stamp_job(self.stamp_settings()), None
        except PlanError as error:
            return None, str(error)

    def problem_text(self) -> str | None:
        """Why Stamp is disabled, or None."""
        if not self.photos.paths():
            return self.tr("Add photos or a folder")
        _job, problem = self._job()
        if problem is not None:
            return problem
        if not self.presets.checked_keys():
            return self.tr("Tick at least one size on the Output tab")
        if self.options.folder.path() is None:
            return self.tr("Choose an output folder on the Output tab")
        return None

    # -- live preview --

    def _changed(self, *_: object) -> None:
        self._update()
        self._debounce.start()

    def _update(self) -> None:
        problem = self.problem_text()
        self.problem.setText(problem or "")
        self.ok_button.setEnabled(problem is None and self.batch is None)
        brand = self.use_brand.isChecked()
        self.brand.setEnabled(brand)
        self.logo_file.setEnabled(self.use_file.isChecked())
        self.logo_file_button.setEnabled(self.use_file.isChecked())
        self.text.setEnabled(self.text_on.isChecked())
        self.text_color.setEnabled(self.text_on.isChecked())
        self.remove_button.setEnabled(bool(self.photos.paths()))
        tiled = self.tile.isChecked()
        self.position.setEnabled(not tiled)
        self.margin.setEnabled(not tiled)

    def _preview_request(self) -> PreviewRequest:
        job, problem = self._job()
        presets = self.presets.checked_presets()
        first = presets[0] if presets else None
        size = (first.width, first.height) if first is not None else None
        out = self.options.folder.path()
        return PreviewRequest(
            inputs=tuple(self.photos.paths()),
            recursive=self.recursive.isChecked(),
            exclude=(out,) if out is not None else (),
            job=job,
            size=size,
            problem=problem,
        )

    def _request_preview(self) -> None:
        request = self._preview_request()
        maker = self._preview_maker
        self._previews.submit(lambda: maker.make(request))

    def refresh_preview(self) -> None:
        """Redraw the preview now (without waiting for the debounce)."""
        self._debounce.stop()
        self._request_preview()

    def _on_preview(self, serial: int, result: object) -> None:
        if serial != self._previews.latest or not isinstance(result, PreviewResult):
            return
        self.preview_result = result
        text = self.tr("Photos: %1").replace("%1", str(result.photos))
        if result.skipped:
            text += " · " + self.tr("other files left out: %1").replace("%1", str(result.skipped))
        if result.unusable:
            text += " · " + self.tr("cannot be read: %1").replace("%1", str(result.unusable))
        self.count.setText(text if self.photos.paths() else "")
        empty = self.tr("No photo") if self.photos.paths() else ""
        for index, tile in enumerate(self.tiles):
            shown = result.tiles[index] if index < len(result.tiles) else None
            tile.show_tile(shown, empty if index == 0 else "")
        self.preview_note.setText(result.problem or "")
        self.preview_note.setVisible(bool(result.problem) and bool(self.photos.paths()))

    def _on_preview_failed(self, serial: int, message: str) -> None:
        if serial == self._previews.latest:
            self.preview_note.setText(self.tr("No preview: %1").replace("%1", message))
            self.preview_note.setVisible(True)

    # -- running --

    def accept(self) -> None:
        """Start stamping (the dialog stays open; the summary follows)."""
        if self.problem_text() is not None or self.batch is not None:
            return
        out = self.options.folder.path()
        assert out is not None
        try:
            settings = self.stamp_settings()
        except PlanError as error:
            self.problem.setText(str(error))
            return
        self._remember()
        inputs = self.photos.paths()
        recursive = self.recursive.isChecked()
        overwrite = self.options.overwrite.isChecked()
        self.batch = BatchThread.for_plan(
            lambda: plan_stamp(inputs, out, settings, recursive=recursive, overwrite=overwrite),
            jobs=self.jobs,
            parent=self,
        )
        self.batch.finished.connect(self._on_finished)
        self.batch.failed.connect(self._on_failed)
        self.progress = BatchProgressDialog(self.batch, self.tr("Stamping Photos"), self)
        self.summary = None
        self._update()
        self.batch.start()
        self.progress.open()

    def _on_finished(self, report: BatchReport) -> None:
        seconds = self.batch.seconds if self.batch is not None else None
        self.batch = None
        self.report = report
        self._update()
        out = self.options.folder.path() or Path()
        self.summary = BatchSummaryDialog(
            report, out, title=self.tr("Stamping Finished"), seconds=seconds, parent=self
        )
        self.summary.open()

    def _on_failed(self, message: str) -> None:
        self.batch = None
        self._update()
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Cannot Stamp"), message,
                          QMessageBox.StandardButton.Ok, self)  # fmt: skip
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()

    def reject(self) -> None:
        """Close, unless photos are being stamped (then Cancel stops them first)."""
        if self.batch is not None and self.batch.is_running():
            self.batch.cancel()
            return
        self._prefs.save_geometry(self)
        self._debounce.stop()
        self._previews.stop()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.batch is not None and self.batch.is_running():
            event.ignore()
            self.batch.cancel()
            return
        self._debounce.stop()
        self._previews.stop()
        super().closeEvent(event)


def _variant(text: str) -> Variant:
    for variant in _VARIANTS:
        if variant == text:
            return variant
    return "auto"


def _stamp_format(text: str) -> StampFormat:
    formats: tuple[StampFormat, ...] = ("same", "jpeg", "png", "webp")
    for fmt in formats:
        if fmt == text:
            return fmt
    return "same"
