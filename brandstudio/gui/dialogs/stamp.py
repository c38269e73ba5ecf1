"""Stamp the brand's logo (and a text mark) on many photos at once, as ``brandstudio stamp`` does.

Photos and folders are dropped on the dialog or added with the buttons; a live preview shows
the stamp on the first three photos (``stamp_preview``). Start plans the batch like the command
line (inputs expanded, originals protected, finished outputs skipped) and runs it on worker
processes; the summary lists every failure with its reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from brandstudio.batch.inputs import PHOTO_EXTENSIONS
from brandstudio.batch.pool import prepare_workers
from brandstudio.fileformat import FormatError
from brandstudio.fileformat.brand_io import BrandKit, load_brand
from brandstudio.gui.cluster_dialog import configured_cluster
from brandstudio.gui.dialogs.base import BatchDialog, BatchTexts
from brandstudio.gui.dialogs.progress import BatchThread
from brandstudio.gui.dialogs.stamp_preview import (
    PREVIEW_COUNT,
    PreviewMaker,
    PreviewRequest,
    PreviewResult,
    PreviewTileWidget,
)
from brandstudio.gui.dialogs.stamp_widgets import AnchorPicker, PercentField, PhotoList
from brandstudio.gui.dialogs.widgets import ORIGINAL_KEY, OutputOptions, PresetPicker
from brandstudio.gui.drops import accept_as_copy
from brandstudio.gui.settings import FOLDERS, STAMP, last_folder, remember_folder
from brandstudio.gui.studio import Studio
from brandstudio.jobs.common import PlanError, file_identity
from brandstudio.jobs.stamp import (
    WORKER_MODULES,
    StampFormat,
    StampJob,
    StampSettings,
    Variant,
    brand_logo,
    brand_sources,
    brand_text_mark,
    plan_stamp,
    stamp_job,
    stamp_targets,
)
from brandstudio.model.brand import StampDefaults
from brandstudio.stamp.marks import MarkPlacement

_VARIANTS: tuple[Variant, ...] = ("auto", "light", "dark", "mono")
_TEXT_COLOURS = ("auto", "#FFFFFF", "#141414")


class StampDialog(BatchDialog):
    """Logo and text marks on many photos (main window: Tools ▸ Stamp Photos…).

    Open it with ``StampDialog(studio, window).open()``; a document need not be open (its
    brand is the default when one is).
    """

    def __init__(self, studio: Studio, parent: QWidget | None = None) -> None:
        super().__init__(studio, STAMP, parent)
        prepare_workers(WORKER_MODULES)  # the workers' server loads OpenCV while the user picks
        self.preview_result: PreviewResult | None = None
        self._kits: dict[str, BrandKit] = {}
        self.setWindowTitle(self.tr("Stamp Photos"))
        self.setAcceptDrops(True)

        self._preview_maker = PreviewMaker()
        self._previews = self.background_worker(
            "stamp-preview", self._on_preview, self._on_preview_failed
        )
        self._debounce = self.debounce(self._request_preview)

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

        self.ok_button.setText(self.tr("Stamp"))
        self.ok_button.setToolTip(self.tr("Stamp every photo into the output folder"))

        self.lay_out_page(
            self.tr("Stamp Photos"),
            self.tr(
                "Put the logo and a text mark on many photos at once. The originals are "
                "never changed: stamped copies go to the output folder."
            ),
            columns,
        )

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
        self.options.form.insertRow(4, self.keep_exif)  # both columns, as overwrite
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
        settings = self._settings
        self.restore_geometry(1120, 720)
        source = settings[STAMP.logo_source]
        {"file": self.use_file, "none": self.use_none}.get(source, self.use_brand).setChecked(True)
        if self.studio.document is None:
            index = self.brand.findData(settings[STAMP.brand])
            if index >= 0:
                self.brand.setCurrentIndex(index)
        self.logo_file.setText(settings[STAMP.logo_file])
        if settings[STAMP.position]:
            self.position.set_position(settings[STAMP.position])
            self.scale.spin.setValue(settings[STAMP.scale])
            self.margin.setValue(settings[STAMP.margin])
            self.opacity.spin.setValue(settings[STAMP.opacity])
            self._set_variant(settings[STAMP.variant])
        else:
            self._apply_brand_defaults()
        self.tile.setChecked(settings[STAMP.tile])
        self.rotation.setValue(settings[STAMP.rotation])
        self.text_on.setChecked(settings[STAMP.text_on])
        self.text.setText(settings[STAMP.text])
        # The brand the text was set for: its default follows the brand shown now.
        self.text.setPlaceholderText(self._default_text(self._kit(settings[STAMP.brand])))
        index = self.text_color.findData(settings[STAMP.text_color])
        self.text_color.setCurrentIndex(max(0, index))
        self.recursive.setChecked(settings[STAMP.recursive])
        self.presets.set_checked(settings[STAMP.presets] or [ORIGINAL_KEY])
        self.options.restore(settings, STAMP.output)
        self.keep_exif.setChecked(settings[STAMP.keep_exif])

    def _remember(self) -> None:
        settings = self._settings
        source = "file" if self.use_file.isChecked() else "brand"
        settings[STAMP.logo_source] = "none" if self.use_none.isChecked() else source
        settings[STAMP.brand] = str(self.brand.currentData() or "")
        settings[STAMP.logo_file] = self.logo_file.text()
        settings[STAMP.position] = self.position.position()
        settings[STAMP.scale] = self.scale.spin.value()
        settings[STAMP.margin] = self.margin.value()
        settings[STAMP.opacity] = self.opacity.spin.value()
        settings[STAMP.variant] = str(self.variant.currentData())
        settings[STAMP.tile] = self.tile.isChecked()
        settings[STAMP.rotation] = self.rotation.value()
        settings[STAMP.text_on] = self.text_on.isChecked()
        settings[STAMP.text] = self.text.text()
        settings[STAMP.text_color] = str(self.text_color.currentData())
        settings[STAMP.recursive] = self.recursive.isChecked()
        settings[STAMP.presets] = tuple(self.presets.checked_keys())
        settings[STAMP.keep_exif] = self.keep_exif.isChecked()
        self.options.remember(settings, STAMP.output)
        self.save_geometry()
        settings.sync()

    def _set_variant(self, key: str) -> None:
        self.variant.setCurrentIndex(max(0, self.variant.findData(key)))

    def _on_brand_chosen(self, index: int) -> None:
        self.use_brand.setChecked(True)
        self._apply_brand_defaults()

    def _on_text_toggled(self, on: bool) -> None:
        if on and not self.text.text().strip():
            self.text.setText(self.text.placeholderText())

    def _on_brand_changed(self) -> None:
        previous = self.text.placeholderText()
        default = self._default_text(self._kit())
        self.text.setPlaceholderText(default)
        if self.text.text() == previous:  # the previous brand's default, not the user's text
            self.text.setText(default)

    @staticmethod
    def _default_text(kit: BrandKit | None) -> str:
        """The text mark a brand gets unless the user types another: its own (Brand Kit ▸
        Stamping), else "© Brand 2026"."""
        year = QDate.currentDate().year()
        own = brand_text_mark(kit, year) if kit is not None else None
        return own or (f"© {kit.brand.name} {year}" if kit else f"© {year}")

    def _apply_brand_defaults(self) -> None:
        """The chosen brand's own stamp settings (position, size, margin, opacity, variant)."""
        kit = self._kit()
        defaults = kit.brand.stamp if kit is not None else StampDefaults()
        self.position.set_position(defaults.position)
        self.scale.set_fraction(defaults.size)
        self.margin.setValue(round(defaults.margin * 100))
        self.opacity.set_fraction(defaults.opacity)
        self._set_variant(defaults.variant)
        if kit is not None and brand_text_mark(kit) is not None:
            self.text_on.setChecked(True)  # the brand stamps its text mark with its logo

    def _kit(self, folder: object = None) -> BrandKit | None:
        """The brand kit in ``folder`` (None: the brand chosen now)."""
        folder = self.brand.currentData() if folder is None else folder
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
            last_folder(FOLDERS.photos, self._settings),
            self.tr("Photos (%1);;All files (*)").replace("%1", patterns),
        )
        if files:
            remember_folder(FOLDERS.photos, Path(files[0]).parent, self._settings)
            self.add_paths(files)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Add Folder"), last_folder(FOLDERS.photos, self._settings)
        )
        if folder:
            remember_folder(FOLDERS.photos, Path(folder).parent, self._settings)
            self.add_paths([folder])

    def choose_logo(self) -> None:
        start = self.logo_file.text() or last_folder(FOLDERS.logos, self._settings)
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Logo File"), start, self.tr("Images (*.png *.webp *.jpg *.jpeg)")
        )
        if chosen:
            remember_folder(FOLDERS.logos, Path(chosen).parent, self._settings)
            self.logo_file.setText(chosen)
            self.use_file.setChecked(True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._drag(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._drag(event)

    def _drag(self, event: QDragMoveEvent) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if any(url.isLocalFile() for url in urls) and self.batch is None:
            accept_as_copy(event)  # never a move: a file manager would delete the photos
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths and self.batch is None and accept_as_copy(event):
            self.add_paths(paths)

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
        super()._update()
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
            targets=stamp_targets(presets),
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
        if result.enlarged:
            text += " · " + self.tr("enlarged so much they look blurry: %1").replace(
                "%1", str(len(result.enlarged))
            )
        self.count.setText(text if self.photos.paths() else "")
        warn = result.enlarged or result.unusable
        self.count.setStyleSheet(f"color: {'#B26A00' if warn else 'palette(placeholder-text)'};")
        self.count.setToolTip(
            "\n".join(
                f"{item.path.name}: {item.size[0]}×{item.size[1]} → {item.preset} ×{item.scale:g}"
                for item in result.enlarged[:20]
            )
        )
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

    def texts(self) -> BatchTexts:
        finished, failed = self.tr("Stamping Finished"), self.tr("Cannot Stamp")
        return BatchTexts(self.tr("Stamping Photos"), finished, failed)

    def make_batch(self, out: Path) -> BatchThread | None:
        """Plan (on the batch thread) and stamp on worker processes."""
        try:
            settings = self.stamp_settings()
        except PlanError as error:
            self.problem.setText(str(error))
            return None
        if not self._go_on():
            return None
        self._remember()
        inputs = self.photos.paths()
        recursive = self.recursive.isChecked()
        overwrite = self.options.overwrite.isChecked()
        return BatchThread.for_plan(
            lambda: plan_stamp(inputs, out, settings, recursive=recursive, overwrite=overwrite),
            jobs=self.jobs,
            cluster=configured_cluster(),
            parent=self,
        )

    def _go_on(self) -> bool:
        """Whether to start when the preview counted files that cannot be read or photos
        that would look blurry: the user's answer to 'Stamp Anyway' or 'Go Back'."""
        found = self.preview_result
        if found is None or not (found.unusable or found.enlarged):
            return True
        box = QMessageBox(self)
        box.setObjectName("StampCheckQuestion")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Stamp Photos"))
        lines = []
        if found.unusable:
            lines.append(self.tr("%n file(s) cannot be read and will fail.", "", found.unusable))
        if found.enlarged:
            lines.append(
                self.tr(
                    "%n photo(s) are so small that the chosen sizes enlarge them more than"
                    " 1.5 times: they will look blurry.",
                    "",
                    len(found.enlarged),
                )
            )
        box.setText("\n".join(lines))
        box.setInformativeText(self.tr("Stamp anyway, or go back and change the photos or sizes?"))
        go = box.addButton(self.tr("Stamp Anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Go Back"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is go


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
