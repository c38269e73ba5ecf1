"""The inspector's editors of what the brand and the template offer: colours and fills from the
palette, fonts (with a warning for characters they lack), logos, slots, and where a layer's
words come from.

They read the brand, the fonts and the slots from the inspector's EditorContext, and offer
brand roles (``brand:primary``) ahead of raw values, so a template follows its brand.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QLinearGradient,
    QPainter,
    QPixmap,
    QRadialGradient,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from brandstudio.fileformat.brand_io import BrandKit
from brandstudio.gui.color_picker import ColorButton, resolve_color, role_title
from brandstudio.gui.inspector_schema import SLOT_TYPES, fill_in, weight_text
from brandstudio.gui.inspector_values import (
    ComboEditor,
    EditorContext,
    FieldEditor,
    FocusTextEdit,
    combo_items,
    make_combo,
    select_data,
)
from brandstudio.model.layers import BadgeLayer, FontRef, Layer, TextLayer
from brandstudio.model.paint import Gradient
from brandstudio.model.template import Template
from brandstudio.model.values import BRAND_PREFIX, brand_role
from brandstudio.render.assets import RenderError, font_book_for, slot_value
from brandstudio.render.engine import font_family
from brandstudio.render.fonts import FontBook, FontFace, fallback_families

# -- colours --------------------------------------------------------------------------------


class ColorEditor(FieldEditor):
    """A colour button: brand palette or a custom colour."""

    def __init__(self, path: str, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(path, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.button = ColorButton(self)
        self.button.set_palette(context.palette)
        self.button.colorChosen.connect(lambda ref: self._emit(ref, final=True))
        self.setFocusProxy(self.button)
        layout.addWidget(self.button)

    def set_value(self, value: Any) -> None:
        self.button.set_value(str(value))


def gradient_pixmap(gradient: Gradient, palette: Mapping[str, str], size: QSize) -> QPixmap:
    """A preview of a gradient (its stops resolved through the brand palette)."""
    ratio = 2.0
    pixmap = QPixmap(round(size.width() * ratio), round(size.height() * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.white)
    painter = QPainter(pixmap)
    width, height = float(size.width()), float(size.height())
    brush: QLinearGradient | QRadialGradient
    if gradient.kind == "radial":
        brush = QRadialGradient(width / 2, height / 2, max(width, height) / 2)
    else:
        angle = math.radians(gradient.angle)
        dx, dy = math.cos(angle) * width / 2, math.sin(angle) * height / 2
        brush = QLinearGradient(width / 2 - dx, height / 2 - dy, width / 2 + dx, height / 2 + dy)
    for stop in gradient.stops:
        brush.setColorAt(stop.offset, resolve_color(stop.color, palette) or QColor("#000000"))
    painter.fillRect(0, 0, size.width(), size.height(), brush)
    painter.setPen(QColor(0, 0, 0, 90))
    painter.drawRect(0, 0, size.width() - 1, size.height() - 1)
    painter.end()
    return pixmap


class PaintEditor(FieldEditor):
    """A fill: a colour (brand or custom), or a gradient shown read-only with a way back to a
    colour."""

    def __init__(self, path: str, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(path, parent)
        self._context = context
        self._value: Any = "#000000"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.button = ColorButton(self)
        self.button.set_palette(context.palette)
        self.button.colorChosen.connect(lambda ref: self._emit(ref, final=True))
        layout.addWidget(self.button)
        self.gradient = QWidget(self)
        row = QHBoxLayout(self.gradient)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.preview = QLabel(self.gradient)
        self.preview.setObjectName("gradientPreview")
        row.addWidget(self.preview)
        self.summary = QLabel(self.gradient)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row.addWidget(self.summary, 1)
        layout.addWidget(self.gradient)
        self.replace_button = QToolButton(self)
        self.replace_button.setText(self.tr("Replace with colour"))
        self.replace_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.replace_button.setObjectName("replaceGradient")
        self.replace_button.setStatusTip(
            self.tr("Replace the gradient with a flat colour (its first stop).")
        )
        self.replace_button.clicked.connect(self._replace_gradient)
        layout.addWidget(self.replace_button)
        self.setFocusProxy(self.button)
        self._show()

    def set_value(self, value: Any) -> None:
        self._value = value
        self._show()

    def _show(self) -> None:
        gradient = self._value if isinstance(self._value, Gradient) else None
        self.button.setVisible(gradient is None)
        self.gradient.setVisible(gradient is not None)
        self.replace_button.setVisible(gradient is not None)
        if gradient is None:
            self.button.set_value(str(self._value))
            return
        self.preview.setPixmap(gradient_pixmap(gradient, self._context.palette, QSize(44, 16)))
        text = (
            self.tr("Linear, %n stops", "", len(gradient.stops))
            if gradient.kind == "linear"
            else self.tr("Radial, %n stops", "", len(gradient.stops))
        )
        self.summary.setText(text)
        self.summary.setToolTip(
            self.tr("A gradient: edit its stops in the template file, or replace it.")
        )

    def _replace_gradient(self) -> None:
        if isinstance(self._value, Gradient):
            first = self._value.stops[0].color
            self._value = first
            self._show()
            self._emit(first, final=True)


# -- slots and words -------------------------------------------------------------------------


class SlotEditor(ComboEditor):
    """Which slot a photo or QR layer shows: a combo of the template's slots of fitting types."""

    def __init__(self, path: str, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(path, parent)
        self._context = context
        self._value = ""

    def set_value(self, value: Any) -> None:
        self._value = str(value)
        self.refresh_context()

    def refresh_context(self) -> None:
        kinds = SLOT_TYPES.get(self._context.layer_type, ())
        items = [
            (slot.label or name, name)
            for name, slot in self._context.slots.items()
            if slot.type in kinds
        ]
        if self._value not in {name for _text, name in items}:
            missing = fill_in(self.tr("%1 (not in the template)"), self._value)
            items.append((missing, self._value))
        current = combo_items(self.combo)
        self.combo.blockSignals(True)
        if current != items:
            self.combo.clear()
            for text, name in items:
                self.combo.addItem(text, name)
        select_data(self.combo, self._value)
        self.combo.blockSignals(False)


class ContentEditor(FieldEditor):
    """Where a text or badge layer's words come from: a slot, or its own text (exactly one)."""

    fields = ("slot", "text")

    def __init__(self, path: str, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(path, parent)
        self._context = context
        self._slot: str | None = None
        self._text: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.combo = make_combo()
        self.combo.setToolTip(self.tr("Show a slot's content, or text written into the layer."))
        self.combo.activated.connect(self._source_chosen)
        layout.addWidget(self.combo)
        self.text = FocusTextEdit(self)
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(self.text.fontMetrics().lineSpacing() * 4 + 14)
        self.text.textChanged.connect(self._typed)
        self.text.focusLost.connect(lambda: self.finished.emit(f"{self.path}text"))
        layout.addWidget(self.text)
        self.hint = QLabel(self.tr("Edit the words in the Content panel."), self)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)
        layout.addWidget(self.hint)
        self.setFocusProxy(self.combo)

    def set_value(self, value: Any) -> None:
        self._slot = value.slot
        self._text = value.text
        self.refresh_context()
        own = self._slot is None
        self.text.setVisible(own)
        self.hint.setVisible(not own)
        if own and self.text.toPlainText() != (self._text or ""):
            self.text.blockSignals(True)
            self.text.setPlainText(self._text or "")
            self.text.blockSignals(False)

    def refresh_context(self) -> None:
        kinds = SLOT_TYPES.get(self._context.layer_type, ())
        items: list[tuple[str, str | None]] = [(self.tr("Own text"), None)]
        for name, slot in self._context.slots.items():
            if slot.type in kinds:
                items.append((self.tr("Slot: %1").replace("%1", slot.label or name), name))
        if self._slot is not None and self._slot not in self._context.slots:
            missing = fill_in(self.tr("%1 (not in the template)"), self._slot)
            items.append((missing, self._slot))
        current = combo_items(self.combo)
        self.combo.blockSignals(True)
        if current != items:
            self.combo.clear()
            for text, data in items:
                self.combo.addItem(text, data)
        select_data(self.combo, self._slot)
        self.combo.blockSignals(False)

    def _source_chosen(self, index: int) -> None:
        slot = self.combo.itemData(index)
        if slot == self._slot:
            return
        if slot is None:
            words = self._context.slot_value(self._slot) if self._slot else ""
            changes: dict[str, str | None] = {"slot": None, "text": words}
        else:
            changes = {"slot": slot, "text": None}
        self.edited.emit(f"{self.path}slot", changes)
        self.finished.emit(f"{self.path}slot")

    def _typed(self) -> None:
        self.edited.emit(f"{self.path}text", {"slot": None, "text": self.text.toPlainText()})


# -- logos and fonts ------------------------------------------------------------------------


class AssetEditor(ComboEditor):
    """A logo layer's source: one of the brand's logos (``brand:ROLE``) or a file."""

    def __init__(self, path: str, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(path, parent)
        self._context = context
        self._value = ""

    def set_value(self, value: Any) -> None:
        self._value = str(value)
        self.combo.blockSignals(True)
        self.combo.clear()
        for role in self._context.kit.brand.logos:
            self.combo.addItem(
                self.tr("Brand logo: %1").replace("%1", role_title(role)), f"{BRAND_PREFIX}{role}"
            )
        if not select_data(self.combo, self._value):
            missing = brand_role(self._value)
            text = (
                self.tr("%1 (the brand has no such logo)").replace("%1", missing)
                if missing is not None
                else self.tr("File: %1").replace("%1", self._value)
            )
            self.combo.addItem(text, self._value)
            self.combo.setCurrentIndex(self.combo.count() - 1)
        self.combo.blockSignals(False)


@functools.cache
def _preview_family(path: str) -> str | None:
    """The family name Qt knows a bundled font file by (loaded once), for previews."""
    font_id = QFontDatabase.addApplicationFont(path)
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    return families[0] if families else None


def family_weights(book: FontBook, family: str) -> list[int]:
    """The weights ``family`` has faces for."""
    return sorted({book.face(family, weight).weight for weight in range(100, 1001, 100)})


class FontEditor(FieldEditor):
    """A font: a brand role or a bundled family, a weight of it, italic; and a warning line
    when the layer's text has characters the font lacks."""

    def __init__(self, path: str, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(path, parent)
        self._context = context
        self._value = FontRef()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.family = make_combo()
        self.family.setObjectName("fontFamily")
        self.family.activated.connect(self._family_chosen)
        layout.addWidget(self.family)
        row = QHBoxLayout()
        row.setSpacing(4)
        self.weight = make_combo()
        self.weight.setMinimumContentsLength(4)
        self.weight.setObjectName("fontWeight")
        self.weight.activated.connect(self._weight_chosen)
        row.addWidget(self.weight, 1)
        self.italic = QCheckBox(self.tr("Italic"), self)
        self.italic.toggled.connect(self._italic_toggled)
        row.addWidget(self.italic)
        layout.addLayout(row)
        self.warning = QLabel(self)
        self.warning.setObjectName("glyphWarning")
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("QLabel#glyphWarning { color: #B25E09; }")
        self.warning.hide()
        layout.addWidget(self.warning)
        self.setFocusProxy(self.family)
        self._fill_families()

    def _fill_families(self) -> None:
        brand = self._context.kit.brand
        book = self._context.book
        for role, brand_font in brand.fonts.items():
            text = fill_in(self.tr("%1 (brand: %2)"), brand_font.family, role_title(role))
            self.family.addItem(text, f"{BRAND_PREFIX}{role}")
        if brand.fonts:
            self.family.insertSeparator(self.family.count())
        hidden = fallback_families()
        for name in book.families():
            face = book.face(name)
            if face.emoji or name in hidden:
                continue
            self.family.addItem(name, name)
            preview = _preview_family(str(face.path))
            if preview is not None:
                font = QFont(self.family.font())
                font.setFamily(preview)
                self.family.setItemData(self.family.count() - 1, font, Qt.ItemDataRole.FontRole)

    def resolved_face(self) -> FontFace:
        """The face the renderer draws this font with."""
        family, _problem = font_family(self._value, self._context.kit.brand)
        return self._context.book.face(family, self._value.weight, self._value.italic)

    def set_value(self, value: Any) -> None:
        self._value = value
        self.family.blockSignals(True)
        extra = self.family.findData("__unknown__")
        if not select_data(self.family, value.family):
            if extra >= 0:
                self.family.removeItem(extra)
            text = self.tr("%1 (not available)").replace("%1", value.family)
            self.family.addItem(text, value.family)
            self.family.setCurrentIndex(self.family.count() - 1)
        self.family.blockSignals(False)
        family, _problem = font_family(value, self._context.kit.brand)
        weights = family_weights(self._context.book, family)
        self.weight.blockSignals(True)
        self.weight.clear()
        for weight in weights:
            self.weight.addItem(weight_text(weight), weight)
        if value.weight not in weights:
            face = self.resolved_face()
            self.weight.addItem(
                fill_in(self.tr("%1 (%2 used)"), value.weight, face.weight), value.weight
            )
            tip = self.tr("%1 has no weight %2: the nearest, %3, is drawn.")
            self.weight.setToolTip(fill_in(tip, family, value.weight, face.weight))
        else:
            self.weight.setToolTip("")
        select_data(self.weight, value.weight)
        self.weight.blockSignals(False)
        self.italic.blockSignals(True)
        self.italic.setChecked(value.italic)
        self.italic.blockSignals(False)

    def set_warning(self, text: str) -> None:
        """Show (or with "" hide) the missing-glyph warning."""
        self.warning.setText(text)
        self.warning.setVisible(bool(text))

    def _family_chosen(self, index: int) -> None:
        family = self.family.itemData(index)
        if isinstance(family, str) and family != self._value.family:
            self._emit(dataclasses.replace(self._value, family=family), final=True)

    def _weight_chosen(self, index: int) -> None:
        weight = self.weight.itemData(index)
        if isinstance(weight, int) and weight != self._value.weight:
            self._emit(dataclasses.replace(self._value, weight=weight), final=True)

    def _italic_toggled(self, checked: bool) -> None:
        self._emit(dataclasses.replace(self._value, italic=checked), final=True)


def font_book(kit: BrandKit) -> FontBook:
    """The fonts the brand draws with; the bundled fonts when a brand font file is missing."""
    try:
        return font_book_for(kit)
    except RenderError:  # a brand font file is missing: offer the bundled fonts
        return FontBook.bundled()


def glyph_warning(
    layer: Layer, template: Template, content: dict[str, str] | Any, kit: BrandKit, book: FontBook
) -> tuple[str, str, str]:
    """For a text or badge layer: (font family, characters drawn with another font,
    characters no bundled font has). Colour emoji count as covered."""
    if not isinstance(layer, TextLayer | BadgeLayer):
        return "", "", ""
    props = layer.props
    text = (props.text or "") if props.slot is None else slot_value(template, content, props.slot)
    if props.uppercase:
        text = text.upper()
    family, _problem = font_family(props.font, kit.brand)
    face = book.face(family, props.font.weight, props.font.italic)
    missing = book.missing_characters(face, text)
    if not missing:
        return face.family, "", ""
    lost = book.uncovered_characters(face, text)
    emoji: set[int] = set()
    for name in book.families():
        candidate = book.face(name)
        if candidate.emoji:
            emoji |= book.coverage(candidate)
    replaced = "".join(char for char in missing if char not in lost and ord(char) not in emoji)
    return face.family, replaced, lost
