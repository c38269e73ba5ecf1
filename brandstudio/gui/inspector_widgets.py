"""The inspector's frame: its header (the type's icon, the title, a subtitle) and the folding
sections its rows go in.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from brandstudio.gui.inspector_fields import make_form
from brandstudio.gui.layer_icons import layer_type_icon
from brandstudio.gui.tooltips import plain_tip


class ElidedLabel(QLabel):
    """A one-line plain-text label that elides (…) instead of being clipped."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def minimumSizeHint(self) -> QSize:
        return QSize(20, super().minimumSizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setFont(self.font())
        painter.setPen(self.palette().color(self.foregroundRole()))
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, int(self.alignment() | Qt.AlignmentFlag.AlignVCenter), text)
        painter.end()


class InspectorHeader(QWidget):
    """What the inspector shows: a layer type's icon (or none), a bold title that elides, and
    a muted subtitle (hidden when empty)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspectorHeader")
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 8, 10, 8)
        row.setSpacing(8)
        self.icon = QLabel(self)
        self.icon.setFixedSize(20, 20)
        row.addWidget(self.icon)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        self.title = ElidedLabel(self)
        self.title.setObjectName("inspectorTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)
        titles.addWidget(self.title)
        self.subtitle = ElidedLabel(self)
        self.subtitle.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        titles.addWidget(self.subtitle)
        row.addLayout(titles, 1)

    def show_for(self, layer_type: str | None, title: str, subtitle: str) -> None:
        """Show a layer type's icon (None: no icon), the title and the subtitle."""
        if layer_type:
            color = self.palette().color(QPalette.ColorRole.WindowText)
            self.icon.setPixmap(layer_type_icon(layer_type, color).pixmap(QSize(18, 18)))
            self.icon.show()
        else:
            self.icon.clear()
            self.icon.hide()
        self.set_title(title)
        self.subtitle.setText(subtitle)
        self.subtitle.setVisible(bool(subtitle))

    def set_title(self, title: str) -> None:
        """Show ``title`` (a name from a file: the tooltip shows it as plain text)."""
        self.title.setText(title)
        self.title.setToolTip(plain_tip(title))


class Section(QWidget):
    """A titled group of rows that can be folded away by clicking its title."""

    def __init__(self, title: str, parent: QWidget | None = None, *, expanded: bool = True):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header = QToolButton(self)
        self.header.setObjectName("sectionHeader")
        self.header.setText(title)
        self.header.setCheckable(True)
        self.header.setChecked(expanded)
        self.header.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.header.setAutoRaise(True)
        self.header.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.header.setStyleSheet(
            "QToolButton#sectionHeader { border: none; background: palette(button);"
            " padding: 5px 4px; font-weight: bold; }"
        )
        self.header.toggled.connect(self._toggled)
        layout.addWidget(self.header)
        self.body = QWidget(self)
        self.form = make_form()
        self.form.setContentsMargins(10, 4, 10, 10)
        self.body.setLayout(self.form)
        layout.addWidget(self.body)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Plain)
        line.setForegroundRole(QPalette.ColorRole.Mid)
        layout.addWidget(line)
        self._toggled(expanded)

    def _toggled(self, expanded: bool) -> None:
        self.header.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.body.setVisible(expanded)
