"""The inspector's editors of plain values: numbers, check boxes, choices, text, pairs.

Also what every editor shares: the FieldEditor base (``edited(path, value)`` while the user
changes a value, ``finished(path)`` when an editing session ends), the EditorContext the
inspector keeps current, and small widgets that leave the mouse wheel to the panel's scrolling
unless focused. Ranges come from each field's ``Interval``, choices from its ``Literal``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from brandstudio.fileformat.brand_io import BrandKit
from brandstudio.gui.inspector_schema import Display, FieldKind, choice_text
from brandstudio.model.template import Slot
from brandstudio.render.fonts import FontBook

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


class FocusTextEdit(QPlainTextEdit):
    """A plain-text editor that reports when focus leaves it (the end of an editing session)."""

    focusLost = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focusLost.emit()


def make_combo() -> QComboBox:
    """A combo box sized like the inspector's others, leaving the wheel to the panel unless
    focused."""
    combo = _ComboBox()
    combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(6)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return combo


def combo_items(combo: QComboBox) -> list[tuple[str, object]]:
    """Every item's (text, data), to compare with what should be offered."""
    return [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]


def select_data(combo: QComboBox, value: object) -> bool:
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


class ComboEditor(FieldEditor):
    """A field edited with one combo box; choosing an entry sets its data as the value."""

    def __init__(self, path: str, parent: QWidget | None = None) -> None:
        super().__init__(path, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.combo = make_combo()
        self.combo.activated.connect(
            lambda index: self._emit(self.combo.itemData(index), final=True)
        )
        self.setFocusProxy(self.combo)
        layout.addWidget(self.combo)


class ChoiceEditor(ComboEditor):
    """A combo box of a ``Literal``'s values."""

    def __init__(
        self, path: str, name: str, choices: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(path, parent)
        for value in choices:
            self.combo.addItem(choice_text(name, value), value)

    def set_value(self, value: Any) -> None:
        self.combo.blockSignals(True)
        select_data(self.combo, value)
        self.combo.blockSignals(False)


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
        self.text = FocusTextEdit(self)
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
