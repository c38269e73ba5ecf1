"""The Plan view's month grid: Monday-to-Sunday columns, one row per week, each day listing
its posts as cards (thumbnail, time, rubric, first line, status tag).

The grid only shows what it is given (:class:`CardInfo` per row, thumbnails as they come);
the Plan window (``plan_view.py``) reads the plan and renders. Days outside the month are
dimmed; today is marked. Texts from the user's spreadsheet are plain text, elided to the
card's width (the full text is the tooltip).
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QLocale, QSize, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QImage, QMouseEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from brandstudio.gui.tooltips import plain_tip

THUMB = 60
"""The square a card's thumbnail fits in, logical px."""
STATUS_COLOURS = {"approved": "#2b8a3e", "draft": "#e67700"}
ERROR_COLOUR = "#c92a2a"


@dataclass(frozen=True)
class CardInfo:
    """What a card shows of one row: its date and number, time, rubric, first line, status
    (already translated), and the error (already said) when the row cannot be made."""

    row: int
    date: datetime.date | None
    time: str
    rubric: str
    text: str
    status: str
    status_word: str
    error: str | None = None


class _Elided(QLabel):
    """A one-line plain-text label that elides its text to its width (tooltip: all of it)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._full = text
        self.setToolTip(plain_tip(text) if text else "")
        self._elide()

    def full_text(self) -> str:
        """The text before eliding."""
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(10, self.contentsRect().width())
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width))


class PostCard(QFrame):
    """One post in its day: clicking selects it, a double click (or Open in Editor from its
    menu) opens it."""

    clicked = Signal(int)
    opened = Signal(int)

    def __init__(self, info: CardInfo, open_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = info
        self._open_text = open_text
        self.setObjectName("PostCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.thumb = QLabel(self)
        self.thumb.setFixedSize(THUMB, THUMB)
        self.thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumb.setStyleSheet("background: palette(midlight); border-radius: 3px;")
        first = " · ".join(part for part in (info.time, info.rubric) if part)
        self.title = _Elided(first)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.text = _Elided(info.error if info.error else info.text)
        self.tag = _Elided(info.status_word)
        colour = ERROR_COLOUR if info.error else STATUS_COLOURS.get(info.status, "")
        if info.error:
            self.text.setStyleSheet(f"color: {ERROR_COLOUR};")
            self.thumb.setText("!")
            self.thumb.setStyleSheet(
                f"color: white; background: {ERROR_COLOUR}; font-weight: bold; border-radius: 3px;"
            )
        if colour:
            self.tag.setStyleSheet(f"color: {colour}; font-weight: bold;")
        words = QVBoxLayout()
        words.setContentsMargins(0, 0, 0, 0)
        words.setSpacing(1)
        for label in (self.title, self.text, self.tag):
            words.addWidget(label)
        words.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(3, 3, 3, 3)
        layout.setSpacing(5)
        layout.addWidget(self.thumb, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(words, 1)
        self.set_selected(False)

    def set_thumbnail(self, image: QImage) -> None:
        """Show the post's render, fitted into the thumbnail square."""
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap.fromImage(image).scaled(
            QSize(round(THUMB * ratio), round(THUMB * ratio)),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        pixmap.setDevicePixelRatio(ratio)
        self.thumb.setStyleSheet("")
        self.thumb.setPixmap(pixmap)

    def has_thumbnail(self) -> bool:
        """True once a render is shown."""
        return not self.thumb.pixmap().isNull()

    def set_selected(self, selected: bool) -> None:
        """Draw the card as the chosen one (or not)."""
        border = "palette(highlight)" if selected else "palette(mid)"
        width = 2 if selected else 1
        self.setStyleSheet(
            f"QFrame#PostCard {{ border: {width}px solid {border}; border-radius: 4px;"
            " background: palette(base); }"
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.info.row)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.opened.emit(self.info.row)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.clicked.emit(self.info.row)
        menu = QMenu(self)
        action = menu.addAction(self._open_text)
        action.setEnabled(self.info.error is None)
        action.triggered.connect(lambda checked=False: self.opened.emit(self.info.row))
        menu.exec(event.globalPos())


class DayCell(QFrame):
    """One day: its number (dimmed outside the month, marked today) and its post cards."""

    def __init__(self, day: datetime.date, in_month: bool, today: bool) -> None:
        super().__init__()
        self.day = day
        self.setObjectName("DayCell")
        background = "palette(base)" if in_month else "palette(window)"
        border = "2px solid palette(highlight)" if today else "1px solid palette(midlight)"
        self.setStyleSheet(f"QFrame#DayCell {{ background: {background}; border: {border}; }}")
        self.number = QLabel(str(day.day))
        self.number.setTextFormat(Qt.TextFormat.PlainText)
        if not in_month:
            self.number.setStyleSheet("color: palette(placeholder-text);")
        elif today:
            self.number.setStyleSheet("color: palette(highlight); font-weight: bold;")
        self.cards: list[PostCard] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 2, 4, 4)
        self._layout.setSpacing(3)
        self._layout.addWidget(self.number)
        self._layout.addStretch(1)

    def add_card(self, card: PostCard) -> None:
        """Put ``card`` below the others."""
        self._layout.insertWidget(self._layout.count() - 1, card)
        self.cards.append(card)


class MonthGrid(QWidget):
    """The calendar of one month: weekday headers (in the UI language), then one row of
    DayCells per Monday-to-Sunday week that touches the month."""

    clicked = Signal(int)
    opened = Signal(int)

    def __init__(self, language: str, open_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._locale = QLocale(language)
        self._open_text = open_text
        self.cells: dict[datetime.date, DayCell] = {}
        self.cards: dict[int, PostCard] = {}
        self._grid = QGridLayout(self)
        self._grid.setSpacing(2)
        self._grid.setContentsMargins(0, 0, 0, 0)
        for column in range(7):
            name = self._locale.dayName(column + 1, QLocale.FormatType.ShortFormat)
            header = QLabel(name[:1].upper() + name[1:])
            header.setTextFormat(Qt.TextFormat.PlainText)
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            header.setStyleSheet("font-weight: bold; color: palette(placeholder-text);")
            self._grid.addWidget(header, 0, column)
            self._grid.setColumnStretch(column, 1)

    def month_title(self, year: int, month: int) -> str:
        """ "January 2027" in the UI language (the month's standalone name)."""
        name = self._locale.standaloneMonthName(month, QLocale.FormatType.LongFormat)
        return f"{name[:1].upper()}{name[1:]} {year}"

    def show_month(
        self, year: int, month: int, cards: Sequence[CardInfo], today: datetime.date
    ) -> None:
        """Lay out ``year``-``month`` with the cards of its days (others are left out)."""
        for cell in self.cells.values():
            self._grid.removeWidget(cell)
            cell.deleteLater()
        self.cells.clear()
        self.cards.clear()
        weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
        for week_index, week in enumerate(weeks, start=1):
            self._grid.setRowStretch(week_index, 1)
            for column, day in enumerate(week):
                cell = DayCell(day, day.month == month, day == today)
                self._grid.addWidget(cell, week_index, column)
                self.cells[day] = cell
        for row in range(len(weeks) + 1, 8):
            self._grid.setRowStretch(row, 0)
        for info in sorted(cards, key=lambda card: (card.time or "99", card.row)):
            shown = self.cells.get(info.date) if info.date else None
            if shown is None:
                continue
            card = PostCard(info, self._open_text)
            card.clicked.connect(self.clicked)
            card.opened.connect(self.opened)
            shown.add_card(card)
            self.cards[info.row] = card


class PostBanner(QFrame):
    """Above the calendar while a post is open in the editor: which one, Show Editor, and
    Save Edits… (where the edits go is asked then)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PlanBanner")
        self.setStyleSheet(
            "QFrame#PlanBanner { background: palette(alternate-base);"
            " border: 1px solid palette(highlight); border-radius: 4px; }"
        )
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.save_button = QPushButton(self.tr("Save Edits…"))
        self.save_button.setToolTip(
            self.tr("Put the edits into this post's row or into the rubric template")
        )
        self.show_editor_button = QPushButton(self.tr("Show Editor"))
        self.show_editor_button.setToolTip(self.tr("Go back to the post in the editor"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.show_editor_button)
        layout.addWidget(self.save_button)
