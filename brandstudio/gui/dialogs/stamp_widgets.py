"""The stamp dialog's own widgets: the anchor grid, a percent slider, the list of photos."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSlider,
    QSpinBox,
    QStackedLayout,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from brandstudio.gui.tooltips import plain_tip
from brandstudio.model.geometry import ANCHORS
from brandstudio.stamp.marks import Position

_ANCHOR_GRID: tuple[tuple[Position, ...], ...] = (
    ("top-left", "top", "top-right"),
    ("left", "center", "right"),
    ("bottom-left", "bottom", "bottom-right"),
)


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
        # Auto under the grid, not beside it: the whole field's width for its text (Russian
        # "Авто: самый спокойный угол" was cut off beside the grid at 1280x800).
        grid.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(grid)
        layout.addWidget(self.auto)
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
