"""The inspector's editors: one widget per kind of model value, built from the model's annotations.

Ranges come from each field's ``Interval``, choices from its ``Literal``, so an editor cannot
offer a value the model refuses. Every editor reports ``edited(path, value)`` while the user
changes it (``value`` is the editor's whole new value) and ``finished(path)`` when an editing
session ends (focus leaves, Enter, a click on a check box or a menu choice): the inspector
merges the edits of one session into one undo step.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontDatabase,
    QLinearGradient,
    QPainter,
    QPixmap,
    QRadialGradient,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from brandstudio.fileformat.brand_io import BrandKit
from brandstudio.gui.color_picker import ColorButton, resolve_color, role_title
from brandstudio.gui.inspector_schema import (
    DEFAULTS,
    SLOT_TYPES,
    Display,
    FieldKind,
    choice_text,
    display_for,
    field_kinds,
    fill_in,
    weight_text,
)
from brandstudio.model.layers import FontRef
from brandstudio.model.paint import Gradient
from brandstudio.model.template import Slot
from brandstudio.model.values import (
    BRAND_PREFIX,
    brand_role,
)
from brandstudio.render.engine import font_family
from brandstudio.render.fonts import FontBook, FontFace

LABEL_WIDTH = 84
"""The minimum width of every form's label column, so that sections line up."""

INDENT = 14
"""How far a nested record's rows (a shadow's) are indented."""


def make_form() -> QFormLayout:
    """A form laid out like every section of the inspector."""
    form = QFormLayout()
    form.setContentsMargins(0, 0, 0, 0)
    form.setHorizontalSpacing(10)
    form.setVerticalSpacing(6)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    return form


def form_label(text: str, tip: str = "", parent: QWidget | None = None) -> QLabel:
    """A form row's label: plain text, muted, as wide as every other label."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setMinimumWidth(LABEL_WIDTH)
    label.setForegroundRole(label.foregroundRole())
    if tip:
        label.setToolTip(tip)
    return label


def form_labels(form: QFormLayout) -> list[QWidget]:
    """The label widgets of a form's rows."""
    labels = []
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        widget = item.widget() if item is not None else None
        if widget is not None:
            labels.append(widget)
    return labels


def add_row(form: QFormLayout, display: Display, editor: QWidget) -> None:
    """Add ``editor`` under its label; a check box carries its own text instead."""
    if isinstance(editor, BoolEditor):
        spacer = form_label("")
        form.addRow(spacer, editor)
        return
    if isinstance(editor, OptionalEditor):
        box = editor.take_check_box(display.label)
        box.setMinimumWidth(LABEL_WIDTH)
        form.addRow(box, editor)
        return
    label = form_label(display.label, display.tip)
    if display.tip and not editor.toolTip():
        editor.setToolTip(display.tip)
    label.setBuddy(editor.focusProxy() or editor)
    form.addRow(label, editor)


# -- what editors need to know ----------------------------------------------------------


@dataclass
class EditorContext:
    """The brand, fonts and slots editors offer; refreshed by the inspector on every change."""

    kit: BrandKit
    book: FontBook
    layer_type: str
    slots: Mapping[str, Slot] = field(default_factory=dict)
    content: Mapping[str, str] = field(default_factory=dict)

    @property
    def palette(self) -> Mapping[str, str]:
        return self.kit.brand.palette

    def slot_value(self, name: str) -> str:
        """The slot's content, else its sample."""
        if name in self.content:
            return self.content[name]
        slot = self.slots.get(name)
        return slot.sample if slot is not None else ""


# -- small widgets ----------------------------------------------------------------------


class _SpinBox(QDoubleSpinBox):
    """A spin box that only takes the mouse wheel when focused (the panel scrolls instead)."""

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class _IntSpinBox(QSpinBox):
    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class _ComboBox(QComboBox):
    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class _TextEdit(QPlainTextEdit):
    """A plain-text editor that reports when focus leaves it (the end of an editing session)."""

    focusLost = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focusLost.emit()


def _combo() -> QComboBox:
    combo = _ComboBox()
    combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(6)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return combo


def _combo_items(combo: QComboBox) -> list[tuple[str, object]]:
    return [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]


def _select_data(combo: QComboBox, value: object) -> bool:
    """Select the item whose data is ``value``; False when there is none."""
    for index in range(combo.count()):
        if combo.itemData(index) == value:
            combo.setCurrentIndex(index)
            return True
    return False


# -- editors ----------------------------------------------------------------------------


class FieldEditor(QWidget):
    """Edits one value. Subclasses show it (``set_value``) and report changes."""

    edited = Signal(str, object)
    """(path, new value) while the user edits; path names the field (``shadow.blur``)."""
    finished = Signal(str)
    """(path): an editing session ended; the next edit is a new undo step."""

    fields: tuple[str, ...] = ()
    """Set for an editor that edits several fields of its record at once (value: a dict)."""

    def __init__(self, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path

    def set_value(self, value: Any) -> None:
        """Show ``value`` without reporting an edit."""
        raise NotImplementedError

    def refresh_context(self) -> None:
        """The context (slots, content) changed: update what is offered."""

    def _emit(self, value: object, *, final: bool = False) -> None:
        self.edited.emit(self.path, value)
        if final:
            self.finished.emit(self.path)


class NumberEditor(FieldEditor):
    """A spin box limited to the model's range, showing ``value * scale`` with a unit."""

    def __init__(
        self,
        path: str,
        kind: FieldKind,
        display: Display,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(path, parent)
        self._scale = display.scale
        self._integer = kind.kind == "int"
        low = kind.low if kind.low is not None else -1e6
        high = kind.high if kind.high is not None else 1e6
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if self._integer:
            spin: QSpinBox | QDoubleSpinBox = _IntSpinBox(self)
            assert isinstance(spin, QSpinBox)
            spin.setRange(round(low), round(high))
            spin.setSingleStep(max(1, round(display.step)))
            spin.valueChanged.connect(lambda value: self._emit(int(value)))
        else:
            spin = _SpinBox(self)
            assert isinstance(spin, QDoubleSpinBox)
            spin.setDecimals(display.decimals)
            spin.setRange(low * self._scale, high * self._scale)
            spin.setSingleStep(display.step)
            spin.valueChanged.connect(self._on_float)
        spin.setSuffix(display.suffix)
        spin.setKeyboardTracking(True)
        spin.setAccelerated(True)
        spin.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        spin.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        spin.setMinimumWidth(72)
        spin.editingFinished.connect(lambda: self.finished.emit(self.path))
        if display.tip:
            spin.setToolTip(display.tip)
        self.spin = spin
        self.setFocusProxy(spin)
        layout.addWidget(spin)

    def set_compact(self) -> None:
        """No arrow buttons and a small minimum width (two spin boxes side by side); the arrow
        keys and the wheel still step the value."""
        self.spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.spin.setMinimumWidth(50)

    def _on_float(self, shown: float) -> None:
        decimals = self.spin.decimals() if isinstance(self.spin, QDoubleSpinBox) else 0
        self._emit(round(shown / self._scale, decimals + 4))

    def set_value(self, value: Any) -> None:
        shown = value * self._scale if not self._integer else int(value)
        if isinstance(self.spin, QDoubleSpinBox):
            step = 10.0 ** -self.spin.decimals()
            if abs(self.spin.value() - shown) < step / 2:
                return
        elif self.spin.value() == shown:
            return
        self.spin.blockSignals(True)
        self.spin.setValue(shown)
        self.spin.blockSignals(False)


class BoolEditor(FieldEditor):
    """A check box; each click is an undo step of its own."""

    def __init__(self, path: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(path, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.box = QCheckBox(text, self)
        # ``clicked``: the user's click only, also from a "mixed" state (several layers).
        self.box.clicked.connect(lambda checked: self._emit(bool(checked), final=True))
        self.setFocusProxy(self.box)
        layout.addWidget(self.box)

    def set_value(self, value: Any) -> None:
        self.box.blockSignals(True)
        self.box.setChecked(bool(value))
        self.box.blockSignals(False)


class ChoiceEditor(FieldEditor):
    """A combo box of a ``Literal``'s values."""

    def __init__(
        self, path: str, name: str, choices: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(path, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.combo = _combo()
        for value in choices:
            self.combo.addItem(choice_text(name, value), value)
        self.combo.activated.connect(
            lambda index: self._emit(self.combo.itemData(index), final=True)
        )
        self.setFocusProxy(self.combo)
        layout.addWidget(self.combo)

    def set_value(self, value: Any) -> None:
        self.combo.blockSignals(True)
        _select_data(self.combo, value)
        self.combo.blockSignals(False)


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


class OptionalEditor(FieldEditor):
    """A check box in front of another editor: unchecked means None (not set)."""

    def __init__(
        self, inner: FieldEditor, default: Any, tip: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(inner.path, parent)
        self.inner = inner
        self._default = default
        self._last = default
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.box = QCheckBox(self)
        self.box.setToolTip(tip)
        self.box.toggled.connect(self._toggled)
        layout.addWidget(self.box)
        inner.setParent(self)
        layout.addWidget(inner, 1)
        inner.edited.connect(self._inner_edited)
        inner.finished.connect(self.finished)
        self.setFocusProxy(self.box)
        inner.set_value(default)

    def take_check_box(self, text: str) -> QCheckBox:
        """The check box, out of this editor's row, labelled ``text`` (to be the form row's
        label: "☐ Aspect ratio")."""
        layout = self.layout()
        if layout is not None:
            layout.removeWidget(self.box)
        self.box.setText(text)
        return self.box

    def _toggled(self, checked: bool) -> None:
        self.inner.setEnabled(checked)
        self._emit(self._last if checked else None, final=True)

    def _inner_edited(self, path: str, value: object) -> None:
        self._last = value
        self.edited.emit(path, value)

    def set_value(self, value: Any) -> None:
        self.box.blockSignals(True)
        self.box.setChecked(value is not None)
        self.box.blockSignals(False)
        self.inner.setEnabled(value is not None)
        if value is not None:
            self._last = value
        self.inner.set_value(self._last)

    def refresh_context(self) -> None:
        self.inner.refresh_context()


class LineEditor(FieldEditor):
    """One line of text (a name), limited to the model's length."""

    def __init__(self, path: str, max_length: int, parent: QWidget | None = None) -> None:
        super().__init__(path, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.line = QLineEdit(self)
        self.line.setMaxLength(max_length)
        self.line.textEdited.connect(lambda text: self._emit(text))
        self.line.editingFinished.connect(lambda: self.finished.emit(self.path))
        self.setFocusProxy(self.line)
        layout.addWidget(self.line)

    def set_value(self, value: Any) -> None:
        if self.line.text() != value:
            self.line.setText(str(value))
            self.line.setCursorPosition(0)


class TextEditor(FieldEditor):
    """Several lines of plain text."""

    def __init__(self, path: str, parent: QWidget | None = None) -> None:
        super().__init__(path, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.text = _TextEdit(self)
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(self.text.fontMetrics().lineSpacing() * 4 + 14)
        self.text.textChanged.connect(lambda: self._emit(self.text.toPlainText()))
        self.text.focusLost.connect(lambda: self.finished.emit(self.path))
        self.setFocusProxy(self.text)
        layout.addWidget(self.text)

    def set_value(self, value: Any) -> None:
        if self.text.toPlainText() != value:
            self.text.blockSignals(True)
            self.text.setPlainText(str(value))
            self.text.blockSignals(False)


class PairEditor(FieldEditor):
    """Two numbers (a point: x and y)."""

    def __init__(
        self, path: str, kind: FieldKind, display: Display, parent: QWidget | None = None
    ) -> None:
        super().__init__(path, parent)
        self._value: tuple[float, float] = (0.0, 0.0)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        single = FieldKind("float", low=kind.low, high=kind.high)
        self.first = NumberEditor(f"{path}.x", single, display, self)
        self.second = NumberEditor(f"{path}.y", single, display, self)
        self.first.set_compact()
        self.second.set_compact()
        parts = ((self.tr("X"), self.first, 0), (self.tr("Y"), self.second, 1))
        for caption, editor, index in parts:
            label = QLabel(caption, self)
            label.setBuddy(editor.spin)
            layout.addWidget(label)
            layout.addWidget(editor, 1)
            editor.edited.connect(lambda _path, value, index=index: self._part(index, value))
            editor.finished.connect(lambda _path: self.finished.emit(self.path))
        self.setFocusProxy(self.first)

    def _part(self, index: int, value: float) -> None:
        parts = list(self._value)
        parts[index] = value
        self._value = (parts[0], parts[1])
        self._emit(self._value)

    def set_value(self, value: Any) -> None:
        self._value = (float(value[0]), float(value[1]))
        self.first.set_value(self._value[0])
        self.second.set_value(self._value[1])


class SlotEditor(FieldEditor):
    """Which slot a photo or QR layer shows: a combo of the template's slots of fitting types."""

    def __init__(self, path: str, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(path, parent)
        self._context = context
        self._value = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.combo = _combo()
        self.combo.activated.connect(
            lambda index: self._emit(self.combo.itemData(index), final=True)
        )
        self.setFocusProxy(self.combo)
        layout.addWidget(self.combo)

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
        current = _combo_items(self.combo)
        self.combo.blockSignals(True)
        if current != items:
            self.combo.clear()
            for text, name in items:
                self.combo.addItem(text, name)
        _select_data(self.combo, self._value)
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
        self.combo = _combo()
        self.combo.setToolTip(self.tr("Show a slot's content, or text written into the layer."))
        self.combo.activated.connect(self._source_chosen)
        layout.addWidget(self.combo)
        self.text = _TextEdit(self)
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
        current = _combo_items(self.combo)
        self.combo.blockSignals(True)
        if current != items:
            self.combo.clear()
            for text, data in items:
                self.combo.addItem(text, data)
        _select_data(self.combo, self._slot)
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


class AssetEditor(FieldEditor):
    """A logo layer's source: one of the brand's logos (``brand:ROLE``) or a file."""

    def __init__(self, path: str, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(path, parent)
        self._context = context
        self._value = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.combo = _combo()
        self.combo.activated.connect(
            lambda index: self._emit(self.combo.itemData(index), final=True)
        )
        self.setFocusProxy(self.combo)
        layout.addWidget(self.combo)

    def set_value(self, value: Any) -> None:
        self._value = str(value)
        self.combo.blockSignals(True)
        self.combo.clear()
        for role in self._context.kit.brand.logos:
            self.combo.addItem(
                self.tr("Brand logo: %1").replace("%1", role_title(role)), f"{BRAND_PREFIX}{role}"
            )
        if not _select_data(self.combo, self._value):
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
        self.family = _combo()
        self.family.setObjectName("fontFamily")
        self.family.activated.connect(self._family_chosen)
        layout.addWidget(self.family)
        row = QHBoxLayout()
        row.setSpacing(4)
        self.weight = _combo()
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
        for name in book.families():
            face = book.face(name)
            if face.emoji:
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
        if not _select_data(self.family, value.family):
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
        _select_data(self.weight, value.weight)
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


# -- records ----------------------------------------------------------------------------


def make_editor(
    owner: type, name: str, kind: FieldKind, path: str, context: EditorContext
) -> FieldEditor:
    """The editor for field ``name`` of ``owner`` (``path`` is its dotted path)."""
    display = display_for(owner, name)
    editor: FieldEditor
    if kind.kind == "record" and kind.record is not None:
        return RecordEditor(path, kind.record, context, display.label, optional=kind.optional)
    if kind.kind in ("float", "int"):
        editor = NumberEditor(path, kind, display)
    elif kind.kind == "bool":
        editor = BoolEditor(path, display.label)
    elif kind.kind == "choice":
        editor = ChoiceEditor(path, name, kind.choices)
    elif kind.kind == "color":
        editor = ColorEditor(path, context)
    elif kind.kind == "paint":
        editor = PaintEditor(path, context)
    elif kind.kind == "font":
        editor = FontEditor(path, context)
    elif kind.kind == "longtext":
        editor = TextEditor(path)
    elif kind.kind == "label":
        editor = LineEditor(path, 100)
    elif kind.kind == "slot":
        editor = SlotEditor(path, context)
    elif kind.kind == "asset":
        editor = AssetEditor(path, context)
    else:
        editor = PairEditor(path, kind, display)
    if kind.optional:
        default = DEFAULTS.get(name, kind.low if kind.low is not None else "")
        tip = QCoreApplication.translate("Inspector", "Tick to set %1; untick to leave it unset.")
        tip = tip.replace("%1", display.label)
        editor = OptionalEditor(editor, default, tip)
    return editor


class RecordBinding(QObject):
    """Editors for the fields of one record value (props, a shadow...), placed into forms.

    ``edited(path, record)`` carries the whole new record; the path names the field touched.
    """

    edited = Signal(str, object)
    finished = Signal(str)

    def __init__(
        self, cls: type, path: str, context: EditorContext, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.cls = cls
        self.path = path
        self.context = context
        self.editors: dict[str, FieldEditor] = {}
        self._placed: set[str] = set()
        self._value: Any = None
        kinds = field_kinds(cls)
        self._content = "slot" in kinds and "text" in kinds and kinds["text"].kind == "longtext"

    def remaining(self) -> list[str]:
        """Fields not placed yet, in declaration order."""
        return [name for name in field_kinds(self.cls) if name not in self._placed]

    def place(self, names: Sequence[str], form: QFormLayout) -> None:
        """Build the editors of ``names`` as rows of ``form``."""
        kinds = field_kinds(self.cls)
        for name in names:
            if name in self._placed:
                continue
            editor: FieldEditor
            if self._content and name in ("slot", "text"):
                editor = ContentEditor(f"{self.path}", self.context)
                self._placed.update(("slot", "text"))
                display = display_for(self.cls, "text")
            else:
                editor = make_editor(
                    self.cls, name, kinds[name], f"{self.path}{name}", self.context
                )
                self._placed.add(name)
                display = display_for(self.cls, name)
            editor.edited.connect(lambda path, value, name=name: self._edited(name, path, value))
            editor.finished.connect(self.finished)
            self.editors[name] = editor
            if isinstance(editor, RecordEditor):
                form.addRow(editor)
            else:
                add_row(form, display, editor)

    def _edited(self, name: str, path: str, value: object) -> None:
        if self._value is None:
            return
        editor = self.editors[name]
        if editor.fields and isinstance(value, dict):
            record = dataclasses.replace(self._value, **value)
        else:
            record = dataclasses.replace(self._value, **{name: value})
        self._value = record
        self.edited.emit(path, record)

    def set_value(self, record: Any) -> None:
        """Show ``record`` in every editor."""
        self._value = record
        for name, editor in self.editors.items():
            editor.set_value(record if editor.fields else getattr(record, name))

    def refresh_context(self) -> None:
        for editor in self.editors.values():
            editor.refresh_context()

    def editor(self, path: str) -> FieldEditor | None:
        """The editor of a dotted path (``shadow.blur``), for tests and focus."""
        head, _, rest = path.partition(".")
        if head == "text" and self._content:
            head = "slot"  # one editor for where the words come from
        editor = self.editors.get(head)
        if rest and isinstance(editor, RecordEditor):
            return editor.binding.editor(rest)
        return editor


class RecordEditor(FieldEditor):
    """A nested record (a shadow, the fit): a heading, with a check box when it is optional
    (unticked: None), then its fields."""

    def __init__(
        self,
        path: str,
        cls: type,
        context: EditorContext,
        title: str,
        *,
        optional: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(path, parent)
        self.cls = cls
        self.optional = optional
        self._last: Any = cls()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(6)
        if optional:
            self.header: QCheckBox | QLabel = QCheckBox(title, self)
            assert isinstance(self.header, QCheckBox)
            self.header.toggled.connect(self._toggled)
        else:
            self.header = QLabel(title, self)
            self.header.setTextFormat(Qt.TextFormat.PlainText)
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        layout.addWidget(self.header)
        self.body = QWidget(self)
        form = make_form()
        form.setContentsMargins(INDENT, 0, 0, 2)
        self.body.setLayout(form)
        self.form = form
        layout.addWidget(self.body)
        self.binding = RecordBinding(cls, f"{path}.", context, self)
        self.binding.place(self.binding.remaining(), form)
        self.binding.edited.connect(self._inner_edited)
        self.binding.finished.connect(self.finished)
        self.setFocusProxy(self.header)

    def set_flat(self) -> None:
        """No heading of its own (it fills a section named after it)."""
        self.header.hide()
        layout = self.layout()
        if layout is not None:
            layout.setContentsMargins(0, 0, 0, 0)
        self.form.setContentsMargins(0, 0, 0, 0)

    def _toggled(self, checked: bool) -> None:
        self.body.setVisible(checked)
        self._emit(self._last if checked else None, final=True)

    def _inner_edited(self, path: str, record: object) -> None:
        self._last = record
        self.edited.emit(path, record)

    def set_value(self, value: Any) -> None:
        if isinstance(self.header, QCheckBox):
            self.header.blockSignals(True)
            self.header.setChecked(value is not None)
            self.header.blockSignals(False)
        self.body.setVisible(value is not None or not self.optional)
        if value is not None:
            self._last = value
        self.binding.set_value(self._last)

    def refresh_context(self) -> None:
        self.binding.refresh_context()
