"""The Brand Kit window: a brand's name, logos, colours, fonts and stamp defaults, edited in
place.

Every change is saved at once, in one atomic write, through the library's edit functions
(``library.brand_edit``, ``Library.set_font``), and is one step of the window's own undo
stack (Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y): undo applies the opposite change the same way. A
change the library refuses is not made, and its reason is shown under the tabs.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Final

from PIL import Image
from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeySequence,
    QMouseEvent,
    QPixmap,
    QShortcut,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from brandstudio.fileformat.brand_io import BrandKit
from brandstudio.gui.color_picker import role_title, swatch_pixmap
from brandstudio.gui.dialogs.brand_kit_parts import (
    SvgError,
    font_sample,
    logo_image,
    logo_on_backdrops,
    qimage_to_rgba,
    svg_to_image,
)
from brandstudio.gui.inspector_schema import choice_text, weight_text
from brandstudio.gui.settings import FOLDERS, last_folder, remember_folder
from brandstudio.library import brand_edit
from brandstudio.library.errors import LibraryError
from brandstudio.library.store import Library
from brandstudio.model.brand import REQUIRED_COLORS, REQUIRED_FONTS, BrandFont
from brandstudio.model.contrast import on_colors
from brandstudio.model.geometry import ANCHORS
from brandstudio.render.fonts import FontBook, fallback_families

VARIANTS: Final = ("light", "dark", "mono")
CARD: Final = QSize(300, 90)
"""Logical px of a logo card (a dark half and a light half)."""
WEIGHTS: Final = (300, 400, 500, 600, 700, 800, 900)
LOGO_FILTER_EXTENSIONS: Final = "*.png *.jpg *.jpeg *.webp *.svg"


class _BrandChange(QUndoCommand):
    """One saved change; undo saves the opposite."""

    def __init__(
        self, dialog: BrandKitDialog, label: str,
        apply: Callable[[], BrandKit], revert: Callable[[], BrandKit],
    ) -> None:  # fmt: skip
        super().__init__(label)
        self.dialog = dialog
        self.apply = apply
        self.revert = revert
        self.first = True

    def redo(self) -> None:
        if self.first:  # already applied by BrandKitDialog.change
            self.first = False
            return
        self.dialog.run(self.apply)

    def undo(self) -> None:
        self.dialog.run(self.revert)


def open_logo_source(path: Path) -> Path | Image.Image:
    """A logo file as the library takes it: an SVG is drawn by Qt first (SvgError)."""
    return svg_to_image(path) if path.suffix.casefold() == ".svg" else path


class LogoPicture(QLabel):
    """A logo picture that reports the colour clicked (the palette's eyedropper)."""

    picked = Signal(str)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        picture = self.pixmap()
        if picture.isNull():
            return
        image = picture.toImage()
        ratio = picture.devicePixelRatio()
        offset = QPoint(
            (self.width() - round(image.width() / ratio)) // 2,
            (self.height() - round(image.height() / ratio)) // 2,
        )
        point = event.position().toPoint() - offset
        x, y = round(point.x() * ratio), round(point.y() * ratio)
        if 0 <= x < image.width() and 0 <= y < image.height():
            colour = image.pixelColor(x, y)
            if colour.alpha() > 0:
                self.picked.emit(colour.name(QColor.NameFormat.HexRgb).upper())


class BrandKitDialog(QDialog):
    """Edit one brand of the library; ``kitChanged`` follows every saved change."""

    kitChanged = Signal(object)

    def __init__(self, library: Library, brand: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BrandKitDialog")
        self.library = library
        self.kit = library.load_brand(brand)
        self.brand = self.kit.folder.name
        self.selected_role = "primary"
        self.undo_stack = QUndoStack(self)
        self.resize(760, 620)

        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("BrandName")
        self.name_edit.editingFinished.connect(self._rename_brand)
        self.problem = QLabel(self)
        self.problem.setObjectName("BrandProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #B3261E;")
        self.problem.hide()

        self.tabs = QTabWidget(self)
        self.logos_page = QWidget()
        self.colours_page = QWidget()
        self.fonts_page = QWidget()
        self.stamp_page = QWidget()
        for page, title in (
            (self.logos_page, self.tr("Logos")),
            (self.colours_page, self.tr("Colours")),
            (self.fonts_page, self.tr("Fonts")),
            (self.stamp_page, self.tr("Stamping")),
        ):
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setWidget(page)
            self.tabs.addTab(scroll, title)
        self._build_logos()
        self._build_colours()
        self._build_fonts()
        self._build_stamp()

        undo = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        redo = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")])
        self.addActions([undo, redo])
        self.undo_button = QToolButton(self)
        self.undo_button.setDefaultAction(undo)
        self.redo_button = QToolButton(self)
        self.redo_button.setDefaultAction(redo)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+W"), self, self.reject)

        top = QFormLayout()
        top.addRow(self.tr("Brand name:"), self.name_edit)
        bottom = QHBoxLayout()
        bottom.addWidget(self.undo_button)
        bottom.addWidget(self.redo_button)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problem)
        layout.addLayout(bottom)
        self.refresh()

    # -- changes ------------------------------------------------------------------------

    def run(self, step: Callable[[], BrandKit]) -> bool:
        """Apply one saved change; show why when the library refuses it."""
        try:
            kit = step()
        except (LibraryError, OSError, ValueError, SvgError) as error:
            self.problem.setText(str(error))
            self.problem.show()
            self.refresh()
            return False
        self.problem.hide()
        self.kit = kit
        self.brand = kit.folder.name
        self.refresh()
        self.kitChanged.emit(kit)
        return True

    def change(
        self, label: str, apply: Callable[[], BrandKit], revert: Callable[[], BrandKit]
    ) -> bool:
        """Apply ``apply`` now; on success it becomes one undo step that ``revert`` undoes."""
        if not self.run(apply):
            return False
        self.undo_stack.push(_BrandChange(self, label, apply, revert))
        return True

    # -- name -----------------------------------------------------------------------------

    def _rename_brand(self) -> None:
        new, old = self.name_edit.text().strip(), self.brand
        if not new or new == old:
            self.name_edit.setText(old)
            return
        self.change(
            self.tr("Rename Brand"),
            lambda: brand_edit.rename_brand(self.library, old, new_name=new),
            lambda: brand_edit.rename_brand(self.library, new, new_name=old),
        )

    # -- logos --------------------------------------------------------------------------

    def _build_logos(self) -> None:
        grid = QGridLayout(self.logos_page)
        self.logo_cards: dict[str, QLabel] = {}
        titles = {
            "light": self.tr("Light — for dark backgrounds"),
            "dark": self.tr("Dark — for light backgrounds"),
            "mono": self.tr("One colour"),
        }
        for row, variant in enumerate(VARIANTS):
            title = QLabel(titles[variant])
            card = QLabel()
            card.setObjectName(f"logo-{variant}")
            card.setFixedSize(CARD)
            replace = QPushButton(self.tr("Replace…"))
            replace.setObjectName(f"replace-{variant}")
            replace.setToolTip(self.tr("Use your own file for this version of the logo"))
            replace.clicked.connect(functools.partial(self.choose_logo, variant))
            grid.addWidget(title, 2 * row, 0, 1, 2)
            grid.addWidget(card, 2 * row + 1, 0)
            grid.addWidget(replace, 2 * row + 1, 1, Qt.AlignmentFlag.AlignTop)
            self.logo_cards[variant] = card
        self.make_missing = QPushButton(self.tr("Make Missing Versions"))
        self.make_missing.setToolTip(
            self.tr("Make the light, dark and one-colour versions the brand lacks from one it has")
        )
        self.make_missing.clicked.connect(self.make_missing_logos)
        self.clear_space = QDoubleSpinBox()
        self.clear_space.setObjectName("ClearSpace")
        self.clear_space.setRange(0, 100)
        self.clear_space.setSuffix(" %")
        self.clear_space.setToolTip(
            self.tr("Empty margin kept around the logo, in % of its height")
        )
        self.clear_space.editingFinished.connect(self._set_clear_space)
        form = QFormLayout()
        form.addRow(self.tr("Clear space:"), self.clear_space)
        grid.addWidget(self.make_missing, 6, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)
        grid.addLayout(form, 7, 0, 1, 2)
        grid.setRowStretch(8, 1)
        grid.setColumnStretch(2, 1)

    def choose_logo(self, variant: str) -> None:
        """Replace… : the user's own file for one version of the logo."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a Logo File"), last_folder(FOLDERS.logos),
            self.tr("Logos (%1)").replace("%1", LOGO_FILTER_EXTENSIONS),
        )  # fmt: skip
        if path:
            remember_folder(FOLDERS.logos, Path(path).parent)
            self.replace_logo(variant, Path(path))

    def replace_logo(self, variant: str, path: Path) -> bool:
        """Use ``path`` (PNG, JPEG, WebP or SVG) as the logo's ``variant``; one undo step."""
        old = logo_image(self.kit, variant)
        old_pixels = qimage_to_rgba(old) if old is not None else None

        def apply() -> BrandKit:
            source = open_logo_source(path)
            return brand_edit.set_logo_variant(self.library, self.brand, variant=variant,
                                               source=source)  # fmt: skip

        def revert() -> BrandKit:
            if old_pixels is None:
                return self.library.load_brand(self.brand)
            return brand_edit.set_logo_variant(self.library, self.brand, variant=variant,
                                               source=old_pixels, clean=False)  # fmt: skip

        return self.change(self.tr("Replace Logo"), apply, revert)

    def make_missing_logos(self) -> None:
        """Make Missing Versions: saved at once; each made version can be replaced, but the
        step is not undone (the brand never had those files)."""
        self.run(lambda: brand_edit.make_missing_logo_variants(self.library, self.brand))

    def _set_clear_space(self) -> None:
        variants = self.kit.brand.logos.get("logo")
        old = variants.clear_space if variants is not None else 0.25
        new = round(self.clear_space.value() / 100, 4)
        if abs(new - old) < 1e-6:
            return
        self.change(
            self.tr("Change Clear Space"),
            lambda: brand_edit.set_clear_space(self.library, self.brand, value=new),
            lambda: brand_edit.set_clear_space(self.library, self.brand, value=old),
        )

    # -- colours ------------------------------------------------------------------------

    def _build_colours(self) -> None:
        self.colour_rows = QGridLayout()
        self.colour_rows.setColumnStretch(1, 1)
        self.colour_rows.setColumnMinimumWidth(1, 120)
        self.add_colour = QPushButton(self.tr("Add Colour"))
        self.add_colour.setObjectName("AddColour")
        self.add_colour.clicked.connect(self.add_color)
        self.eyedropper = LogoPicture()
        self.eyedropper.setObjectName("Eyedropper")
        self.eyedropper.setFixedSize(180, 120)
        self.eyedropper.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.eyedropper.setCursor(Qt.CursorShape.CrossCursor)
        self.eyedropper.setToolTip(
            self.tr("Click the logo to take its colour for the colour selected")
        )
        self.eyedropper.picked.connect(lambda hex_: self.set_color(self.selected_role, hex_))
        hint = QLabel(self.tr("Eyedropper: click the logo"))
        hint.setWordWrap(True)
        side = QVBoxLayout()
        side.addWidget(self.eyedropper)
        side.addWidget(hint)
        side.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(self.colour_rows)
        left.addWidget(self.add_colour, 0, Qt.AlignmentFlag.AlignLeft)
        left.addStretch(1)
        layout = QHBoxLayout(self.colours_page)
        layout.addLayout(left, 1)
        layout.addLayout(side)

    def _fill_colours(self) -> None:
        while self.colour_rows.count():
            item = self.colour_rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)  # gone from the window now, freed by Qt later
                widget.deleteLater()
        palette = dict(self.kit.brand.palette)
        partners = on_colors(palette)
        self.colour_widgets: dict[str, tuple[QToolButton, QLabel, QLineEdit]] = {}
        for row, (role, value) in enumerate(palette.items()):
            swatch = QToolButton()
            swatch.setObjectName(f"swatch-{role}")
            swatch.setCheckable(True)
            swatch.setChecked(role == self.selected_role)
            swatch.setIcon(swatch_pixmap(QColor(value), QSize(28, 18)))
            swatch.setIconSize(QSize(28, 18))
            swatch.setToolTip(self.tr("Choose the colour (and select it for the eyedropper)"))
            swatch.clicked.connect(functools.partial(self._swatch_clicked, role))
            name = QLabel(role_title(role))
            name.setObjectName(f"role-{role}")
            name.setToolTip(self.tr("Templates use this colour by the name %1").replace("%1", role))
            rename = QToolButton()
            rename.setObjectName(f"rename-{role}")
            rename.setText("✎")
            rename.setEnabled(role not in REQUIRED_COLORS)
            rename.setToolTip(
                self.tr("The four main colours keep their names")
                if role in REQUIRED_COLORS else self.tr("Rename this colour")
            )  # fmt: skip
            rename.clicked.connect(functools.partial(self._ask_role_name, role))
            hex_edit = QLineEdit(value)
            hex_edit.setObjectName(f"hex-{role}")
            hex_edit.setMaxLength(7)
            hex_edit.setFixedWidth(90)
            hex_edit.editingFinished.connect(functools.partial(self._hex_entered, role, hex_edit))
            partner = partners.get(f"on-{role}", "#000000")
            sample = QLabel(self.tr("Text"))
            sample.setObjectName(f"on-{role}")
            sample.setAlignment(Qt.AlignmentFlag.AlignCenter)
            sample.setFixedWidth(64)
            sample.setStyleSheet(f"background: {value}; color: {partner}; border-radius: 3px;")
            sample.setToolTip(self.tr("Text on this colour is drawn in %1").replace("%1", partner))
            remove = QToolButton()
            remove.setObjectName(f"remove-{role}")
            remove.setText("✕")
            remove.setEnabled(role not in REQUIRED_COLORS)
            remove.setToolTip(self.tr("Remove this colour"))
            remove.clicked.connect(functools.partial(self.remove_color, role))
            for column, widget in enumerate((swatch, name, hex_edit, sample, rename, remove)):
                self.colour_rows.addWidget(widget, row, column)
            self.colour_widgets[role] = (swatch, name, hex_edit)

    def _swatch_clicked(self, role: str) -> None:
        self.selected_role = role
        for other, (swatch, _name, _hex) in self.colour_widgets.items():
            swatch.setChecked(other == role)
        current = QColor(self.kit.brand.palette.get(role, "#000000"))
        chosen = QColorDialog.getColor(current, self, self.tr("Colour: %1").replace("%1", role))
        if chosen.isValid() and chosen != current:
            self.set_color(role, chosen.name(QColor.NameFormat.HexRgb).upper())

    def _hex_entered(self, role: str, edit: QLineEdit) -> None:
        text = edit.text().strip()
        if not text.startswith("#"):
            text = f"#{text}"
        if text.upper() != self.kit.brand.palette.get(role, "").upper():
            self.set_color(role, text.upper())

    def set_color(self, role: str, value: str) -> bool:
        """Give ``role`` the colour ``value`` (#RRGGBB); a new role is added. One undo step."""
        old = self.kit.brand.palette.get(role)

        def revert() -> BrandKit:
            if old is None:
                return brand_edit.remove_color(self.library, self.brand, role=role)
            return brand_edit.set_color(self.library, self.brand, role=role, value=old)

        return self.change(
            self.tr("Change Colour %1").replace("%1", role),
            lambda: brand_edit.set_color(self.library, self.brand, role=role, value=value),
            revert,
        )

    def add_color(self) -> bool:
        """Add Colour: a new role (``color-2``…) in a grey to change."""
        taken = set(self.kit.brand.palette)
        number = 2
        while f"color-{number}" in taken:
            number += 1
        self.selected_role = f"color-{number}"
        return self.set_color(self.selected_role, "#808080")

    def remove_color(self, role: str) -> bool:
        """Remove a colour role (not one of the four main ones); one undo step."""
        old = self.kit.brand.palette.get(role)
        if old is None:
            return False
        return self.change(
            self.tr("Remove Colour %1").replace("%1", role),
            lambda: brand_edit.remove_color(self.library, self.brand, role=role),
            lambda: brand_edit.set_color(self.library, self.brand, role=role, value=old),
        )

    def _ask_role_name(self, role: str) -> None:
        new, ok = QInputDialog.getText(
            self, self.tr("Rename Colour"),
            self.tr("New name of the colour (letters a–z, digits and -):"),
            QLineEdit.EchoMode.Normal, role,
        )  # fmt: skip
        if ok:
            self.rename_color(role, new.strip())

    def rename_color(self, role: str, new: str) -> bool:
        """Give a colour role another name (not one of the four main ones); one undo step."""
        if not new or new == role:
            return False
        return self.change(
            self.tr("Rename Colour %1").replace("%1", role),
            lambda: brand_edit.rename_color(self.library, self.brand, role=role, new_role=new),
            lambda: brand_edit.rename_color(self.library, self.brand, role=new, new_role=role),
        )

    # -- fonts --------------------------------------------------------------------------

    def _build_fonts(self) -> None:
        layout = QVBoxLayout(self.fonts_page)
        hidden = fallback_families()
        families = [name for name in FontBook.bundled().families() if name not in hidden]
        self.font_widgets: dict[str, tuple[QComboBox, QComboBox, QLabel]] = {}
        titles = {"heading": self.tr("Headings"), "body": self.tr("Body text")}
        for role in REQUIRED_FONTS:
            title = QLabel(titles.get(role, role))
            title.setStyleSheet("font-weight: 600;")
            family = QComboBox()
            family.setObjectName(f"family-{role}")
            family.addItems(families)
            weight = QComboBox()
            weight.setObjectName(f"weight-{role}")
            for value in WEIGHTS:
                weight.addItem(weight_text(value), value)
            import_button = QPushButton(self.tr("Import Font File…"))
            import_button.setObjectName(f"import-font-{role}")
            import_button.clicked.connect(functools.partial(self.choose_font_file, role))
            sample = QLabel()
            sample.setObjectName(f"sample-{role}")
            sample.setMinimumHeight(64)
            family.activated.connect(functools.partial(self._font_chosen, role))
            weight.activated.connect(functools.partial(self._font_chosen, role))
            row = QHBoxLayout()
            row.addWidget(family, 1)
            row.addWidget(weight)
            row.addWidget(import_button)
            layout.addWidget(title)
            layout.addLayout(row)
            layout.addWidget(sample)
            self.font_widgets[role] = (family, weight, sample)
        title = QLabel(self.tr("Kept as typed"))
        title.setStyleSheet("font-weight: 600;")
        self.keep_words = QLineEdit()
        self.keep_words.setObjectName("KeepWords")
        self.keep_words.setPlaceholderText(self.tr("Product names, slogans… separated by commas"))
        self.keep_words.setToolTip(
            self.tr(
                "Words and names that typography never changes in this brand's posts (quotes,"
                " dashes, spaces stay as typed). The brand's name always is."
            )
        )
        self.keep_words.editingFinished.connect(self._keep_words_edited)
        layout.addWidget(title)
        layout.addWidget(self.keep_words)
        layout.addStretch(1)

    def _keep_words_edited(self) -> None:
        old = self.kit.brand.keep_words
        new = tuple(word.strip() for word in self.keep_words.text().split(",") if word.strip())
        if new == old:
            return
        self.change(
            self.tr("Change Words Kept as Typed"),
            lambda: brand_edit.set_keep_words(self.library, self.brand, words=new),
            lambda: brand_edit.set_keep_words(self.library, self.brand, words=old),
        )

    def _font_chosen(self, role: str, _index: int = 0) -> None:
        family, weight, _sample = self.font_widgets[role]
        self.set_font(role, family.currentText(), int(weight.currentData()))

    def set_font(self, role: str, source: str, weight: int) -> bool:
        """Give a font role a bundled family or a font file (``source``); one undo step."""
        old: BrandFont | None = self.kit.brand.fonts.get(role)
        if old is not None and old.file is None and old.family == source and old.weight == weight:
            return False
        old_source = (
            str(self.kit.asset(old.file)) if old is not None and old.file else
            (old.family if old is not None else "Inter")
        )  # fmt: skip
        old_weight = old.weight if old is not None else 400

        def apply() -> BrandKit:
            self.library.set_font(self.brand, role, source, weight)
            return self.library.load_brand(self.brand)

        def revert() -> BrandKit:
            self.library.set_font(self.brand, role, old_source, old_weight)
            return self.library.load_brand(self.brand)

        return self.change(self.tr("Change Font"), apply, revert)

    def choose_font_file(self, role: str) -> None:
        """Import Font File…: a TTF or OTF file, checked and copied into the brand."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a Font File"), last_folder(FOLDERS.logos),
            self.tr("Fonts (*.ttf *.otf)"),
        )  # fmt: skip
        if path:
            _family, weight, _sample = self.font_widgets[role]
            self.set_font(role, path, int(weight.currentData()))

    # -- stamping -----------------------------------------------------------------------

    def _build_stamp(self) -> None:
        form = QFormLayout(self.stamp_page)
        self.stamp_position = QComboBox()
        self.stamp_position.setObjectName("StampPosition")
        self.stamp_position.addItem(self.tr("Automatic (the calmest corner)"), "auto")
        for anchor in ANCHORS:
            self.stamp_position.addItem(choice_text("anchor", anchor), anchor)
        self.stamp_size = _percent_box(2, 80, "StampSize")
        self.stamp_margin = _percent_box(0, 30, "StampMargin")
        self.stamp_opacity = _percent_box(5, 100, "StampOpacity")
        self.stamp_variant = QComboBox()
        self.stamp_variant.setObjectName("StampVariant")
        for value, title in (
            ("auto", self.tr("Automatic (by the photo's brightness)")),
            ("light", self.tr("Light")), ("dark", self.tr("Dark")), ("mono", self.tr("One colour")),
        ):  # fmt: skip
            self.stamp_variant.addItem(title, value)
        self.stamp_text = QLineEdit()
        self.stamp_text.setObjectName("StampText")
        self.stamp_text.setPlaceholderText("© {brand} {year}")
        self.stamp_text.setToolTip(
            self.tr("Text stamped with the logo; {brand} and {year} are filled in. Empty: none.")
        )
        form.addRow(self.tr("Position:"), self.stamp_position)
        form.addRow(self.tr("Logo size (of the shorter side):"), self.stamp_size)
        form.addRow(self.tr("Margin:"), self.stamp_margin)
        form.addRow(self.tr("Opacity:"), self.stamp_opacity)
        form.addRow(self.tr("Logo version:"), self.stamp_variant)
        form.addRow(self.tr("Text mark:"), self.stamp_text)
        self.stamp_position.activated.connect(lambda _i: self._stamp_edited())
        self.stamp_variant.activated.connect(lambda _i: self._stamp_edited())
        for box in (self.stamp_size, self.stamp_margin, self.stamp_opacity):
            box.editingFinished.connect(self._stamp_edited)
        self.stamp_text.editingFinished.connect(self._stamp_edited)

    def _stamp_edited(self) -> None:
        old = self.kit.brand.stamp
        new = brand_edit.StampChange(
            position=str(self.stamp_position.currentData()),
            size=round(self.stamp_size.value() / 100, 4),
            margin=round(self.stamp_margin.value() / 100, 4),
            opacity=round(self.stamp_opacity.value() / 100, 4),
            variant=str(self.stamp_variant.currentData()),
            text=self.stamp_text.text().strip() or None,
        )
        if (new.position, new.variant, new.text) == (old.position, old.variant, old.text) and all(
            abs(a - b) < 1e-6
            for a, b in ((new.size or 0, old.size), (new.margin or 0, old.margin),
                         (new.opacity or 0, old.opacity))
        ):  # fmt: skip
            return
        back = brand_edit.StampChange(
            position=old.position, size=old.size, margin=old.margin, opacity=old.opacity,
            variant=old.variant, text=old.text,
        )  # fmt: skip
        self.change(
            self.tr("Change Stamp Defaults"),
            lambda: _set_stamp(self.library, self.brand, new),
            lambda: _set_stamp(self.library, self.brand, back),
        )

    # -- showing ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the brand as saved now."""
        brand = self.kit.brand
        self.setWindowTitle(self.tr("Brand Kit — %1").replace("%1", brand.name))
        self.name_edit.setText(self.brand)
        ratio = self.devicePixelRatioF()
        for variant, card in self.logo_cards.items():
            picture = logo_on_backdrops(self.kit, variant, (CARD.width(), CARD.height()), ratio)
            card.setPixmap(QPixmap.fromImage(picture))
        variants = brand.logos.get("logo")
        self.clear_space.setValue(100 * (variants.clear_space if variants else 0.25))
        missing = [name for name in VARIANTS if getattr(variants, name, None) is None]
        self.make_missing.setEnabled(bool(missing) and len(missing) < len(VARIANTS))
        logo = logo_image(self.kit, "dark") or logo_image(self.kit, "light")
        if logo is not None:
            shown = QPixmap.fromImage(logo).scaled(
                self.eyedropper.size() * ratio, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )  # fmt: skip
            shown.setDevicePixelRatio(ratio)
            self.eyedropper.setPixmap(shown)
        self._fill_colours()
        for role, (family, weight, sample) in self.font_widgets.items():
            font = brand.fonts.get(role)
            if font is None:
                continue
            if family.findText(font.family) < 0:
                family.addItem(font.family)
            family.setCurrentText(font.family)
            index = weight.findData(font.weight)
            weight.setCurrentIndex(index if index >= 0 else 1)
            try:
                picture = font_sample(self.kit, font.family, font.weight, 520, ratio)
            except Exception as error:  # a font the engine cannot draw: say so in place
                sample.setText(str(error))
            else:
                sample.setPixmap(QPixmap.fromImage(picture))
        self.keep_words.setText(", ".join(brand.keep_words))
        stamp = brand.stamp
        self.stamp_position.setCurrentIndex(max(0, self.stamp_position.findData(stamp.position)))
        self.stamp_size.setValue(100 * stamp.size)
        self.stamp_margin.setValue(100 * stamp.margin)
        self.stamp_opacity.setValue(100 * stamp.opacity)
        self.stamp_variant.setCurrentIndex(max(0, self.stamp_variant.findData(stamp.variant)))
        self.stamp_text.setText(stamp.text or "")


def _set_stamp(library: Library, brand: str, change: brand_edit.StampChange) -> BrandKit:
    return brand_edit.set_stamp_defaults(
        library, brand, position=change.position, size=change.size, margin=change.margin,
        opacity=change.opacity, variant=change.variant, text=change.text,
    )  # fmt: skip


def _percent_box(low: int, high: int, name: str) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setObjectName(name)
    box.setRange(low, high)
    box.setDecimals(1)
    box.setSuffix(" %")
    return box
