"""Choosing a colour: a button that shows the resolved colour, and a popup with the brand palette.

A palette colour is stored by role (``brand:accent``), so it follows the brand when the template
is used with another kit; "Custom colour…" opens Qt's colour dialog (with alpha) and stores a
literal ``#RRGGBB`` or ``#RRGGBBAA``.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QFrame,
    QGridLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from brandstudio.model.contrast import ON_PREFIX, on_color, palette_color
from brandstudio.model.values import BRAND_PREFIX, RGBA, brand_role, parse_hex_color

SWATCH = QSize(22, 14)
"""The size of the swatch drawn on a colour button, in device-independent pixels."""


def resolve_color(ref: str, palette: Mapping[str, str]) -> QColor | None:
    """The colour a ``ColorRef`` draws with, or None for an unknown role or a broken value."""
    role = brand_role(ref)
    text = palette_color(palette, role) if role is not None else ref
    if text is None:
        return None
    try:
        rgba = parse_hex_color(text)
    except ValueError:
        return None
    return QColor(rgba.r, rgba.g, rgba.b, rgba.a)


def color_to_ref(color: QColor) -> str:
    """A QColor as ``#RRGGBB`` (opaque) or ``#RRGGBBAA``."""
    return RGBA(color.red(), color.green(), color.blue(), color.alpha()).hex()


def role_title(role: str) -> str:
    """A palette or font role as the user reads it (the usual roles translated)."""
    titles = {
        "primary": QCoreApplication.translate("ColorPicker", "Primary"),
        "secondary": QCoreApplication.translate("ColorPicker", "Secondary"),
        "accent": QCoreApplication.translate("ColorPicker", "Accent"),
        "text": QCoreApplication.translate("ColorPicker", "Text"),
        "background": QCoreApplication.translate("ColorPicker", "Background"),
        "light": QCoreApplication.translate("ColorPicker", "Light"),
        "dark": QCoreApplication.translate("ColorPicker", "Dark"),
        "heading": QCoreApplication.translate("ColorPicker", "Heading"),
        "body": QCoreApplication.translate("ColorPicker", "Body"),
        "logo": QCoreApplication.translate("ColorPicker", "Logo"),
    }
    if role.startswith(ON_PREFIX) and role not in titles:
        base = role[len(ON_PREFIX) :]
        text = QCoreApplication.translate("ColorPicker", "Text on %1")
        return text.replace("%1", titles.get(base, base))
    return titles.get(role, role)


def color_text(ref: str) -> str:
    """What a colour button says: the role's title, or the hex code."""
    role = brand_role(ref)
    return role_title(role) if role is not None else ref.upper()


def _checkerboard(painter: QPainter, rect: QRectF) -> None:
    cell = 4.0
    painter.fillRect(rect, QColor("#FFFFFF"))
    y = rect.top()
    row = 0
    while y < rect.bottom():
        x = rect.left() + (cell if row % 2 else 0.0)
        while x < rect.right():
            painter.fillRect(
                QRectF(x, y, min(cell, rect.right() - x), min(cell, rect.bottom() - y)),
                QColor("#CCCCCC"),
            )
            x += 2 * cell
        y += cell
        row += 1


def swatch_pixmap(color: QColor | None, size: QSize = SWATCH, ratio: float = 2.0) -> QPixmap:
    """A rounded swatch of ``color`` (a checkerboard shows through transparency); None draws
    an empty swatch crossed out (a brand colour the brand does not have)."""
    pixmap = QPixmap(round(size.width() * ratio), round(size.height() * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    rect = QRectF(0.5, 0.5, size.width() - 1.0, size.height() - 1.0)
    path = QPainterPath()
    path.addRoundedRect(rect, 3.0, 3.0)
    painter.save()
    painter.setClipPath(path)
    if color is None:
        painter.fillRect(rect, QColor("#FFFFFF"))
        painter.setPen(QPen(QColor("#D0342C"), 1.5))
        painter.drawLine(rect.bottomLeft(), rect.topRight())
    else:
        if color.alpha() < 255:
            _checkerboard(painter, rect)
        painter.fillRect(rect, color)
    painter.restore()
    painter.setPen(QPen(QColor(0, 0, 0, 90), 1.0))
    painter.setBrush(QBrush(Qt.BrushStyle.NoBrush))
    painter.drawPath(path)
    painter.end()
    return pixmap


class ColorPopup(QFrame):
    """The palette popup: one button per brand colour, then "Custom colour…"."""

    picked = Signal(str)
    """A colour reference was chosen (``brand:ROLE``)."""
    customRequested = Signal()

    def __init__(self, palette: Mapping[str, str], current: str, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("colorPopup")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)
        title = QLabel(self.tr("Brand colours"), self)
        title.setTextFormat(Qt.TextFormat.PlainText)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        grid = QGridLayout()
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(2)
        self.swatches: dict[str, QToolButton] = {}
        # then the text colours computed for the main colours (legible on them by contrast)
        partners = {
            f"{ON_PREFIX}{role}": on_color(palette[role], palette)
            for role in ("primary", "accent", "background")
            if role in palette and f"{ON_PREFIX}{role}" not in palette
        }
        for number, (role, value) in enumerate({**palette, **partners}.items()):
            ref = f"{BRAND_PREFIX}{role}"
            button = QToolButton(self)
            button.setObjectName(f"swatch-{role}")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            button.setCheckable(True)
            button.setChecked(ref == current)
            button.setIcon(QIcon(swatch_pixmap(resolve_color(ref, palette), QSize(18, 18))))
            button.setIconSize(QSize(18, 18))
            button.setText(role_title(role))
            button.setToolTip(
                self.tr("%1 (%2)").replace("%1", role_title(role)).replace("%2", value)
            )
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _checked=False, ref=ref: self._pick(ref))
            grid.addWidget(button, number // 2, number % 2)
            self.swatches[role] = button
        layout.addLayout(grid)
        if not palette:
            empty = QLabel(self.tr("This brand has no palette."), self)
            empty.setEnabled(False)
            layout.addWidget(empty)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        self.custom_button = QToolButton(self)
        self.custom_button.setObjectName("customColor")
        self.custom_button.setAutoRaise(True)
        self.custom_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.custom_button.setText(self.tr("Custom colour…"))
        self.custom_button.setStatusTip(self.tr("Choose any colour, with transparency."))
        if brand_role(current) is None:
            self.custom_button.setIcon(
                QIcon(swatch_pixmap(resolve_color(current, palette), QSize(18, 18)))
            )
            self.custom_button.setIconSize(QSize(18, 18))
        self.custom_button.clicked.connect(self._custom)
        layout.addWidget(self.custom_button)

    def _pick(self, ref: str) -> None:
        self.picked.emit(ref)
        self.close()

    def _custom(self) -> None:
        self.close()
        self.customRequested.emit()


class ColorButton(QToolButton):
    """Shows a colour reference as a swatch and a name; a click opens the palette popup."""

    colorChosen = Signal(str)
    """The user chose a colour: a ``ColorRef`` (``brand:ROLE``, ``#RRGGBB`` or ``#RRGGBBAA``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._palette: dict[str, str] = {}
        self._value = "#000000"
        self.popup: ColorPopup | None = None
        self.dialog: QColorDialog | None = None
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setIconSize(SWATCH)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStatusTip(self.tr("Choose a brand colour or a custom colour."))
        self.clicked.connect(self.open_popup)
        self._show()

    def value(self) -> str:
        return self._value

    def set_palette(self, palette: Mapping[str, str]) -> None:
        """The brand palette (role -> ``#RRGGBB``) the button resolves and offers."""
        self._palette = dict(palette)
        self._show()

    def set_value(self, ref: str) -> None:
        """Show ``ref`` (no signal)."""
        self._value = ref
        self._show()

    def _show(self) -> None:
        color = resolve_color(self._value, self._palette)
        self.setIcon(QIcon(swatch_pixmap(color)))
        self.setText(color_text(self._value))
        role = brand_role(self._value)
        if role is not None and color is None:
            tip = self.tr("The brand has no colour “%1”: the primary colour is used.")
            self.setToolTip(tip.replace("%1", role))
        elif role is not None and color is not None:
            self.setToolTip(
                self.tr("Brand colour %1 (%2)")
                .replace("%1", role_title(role))
                .replace("%2", color_to_ref(color))
            )
        else:
            self.setToolTip(self.tr("Custom colour %1").replace("%1", self._value.upper()))

    def open_popup(self) -> ColorPopup:
        """Show the palette popup under the button (returned for tests)."""
        popup = ColorPopup(self._palette, self._value, self)
        popup.picked.connect(self._choose)
        popup.customRequested.connect(self.open_custom_dialog)
        popup.adjustSize()
        popup.move(self.mapToGlobal(QPoint(0, self.height())))
        popup.show()
        self.popup = popup
        return popup

    def open_custom_dialog(self) -> QColorDialog:
        """Open the colour dialog (with alpha) at the current colour (returned for tests)."""
        initial = resolve_color(self._value, self._palette) or QColor("#000000")
        dialog = QColorDialog(initial, self)
        dialog.setWindowTitle(self.tr("Custom Colour"))
        dialog.setOption(QColorDialog.ColorDialogOption.ShowAlphaChannel, True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.colorSelected.connect(lambda color: self._choose(color_to_ref(color)))
        dialog.open()
        self.dialog = dialog
        return dialog

    def _choose(self, ref: str) -> None:
        if ref != self._value:
            self.set_value(ref)
            self.colorChosen.emit(ref)
