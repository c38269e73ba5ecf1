"""Data Merge's question before it starts: image cells that lead outside the sheet's folder.

A shared spreadsheet could name the user's private photos (``~/Documents/passport.jpg``) and
put them into a post; Start asks first (``jobs.merge.paths_outside``). Every path is checked
with links followed: for a sheet past LARGE_SHEET_ROWS that takes seconds (500,000 rows: about
5 s, reading the rows back from the table's store included), so it runs on a background thread
and Start goes on when the answer is in. Smaller sheets are checked at once, as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from brandstudio.jobs.merge import ColumnMap, paths_outside
from brandstudio.model import Template
from brandstudio.tables import Table

if TYPE_CHECKING:
    from brandstudio.gui.dialogs.base import BatchDialog

LARGE_SHEET_ROWS: Final = 5_000
"""Rows past which the check runs off the GUI thread (the rows a table holds in memory)."""

Found = tuple[list[str], int]
"""The first cells leading outside, described for the user, and how many there are."""


class OutsidePaths(QObject):
    """Asks whether to use image cells outside the sheet's folder and the library.

    ``allow()`` answers False (none), True (the user said to use them) or None (do not start
    now: the user said no, or a big sheet is being checked; ``ready`` follows, and Start may be
    pressed again by the dialog). Results are kept per table and column choice.
    """

    ready = Signal()
    failed = Signal(str)

    def __init__(self, dialog: BatchDialog) -> None:
        super().__init__(dialog)
        self._dialog: QWidget = dialog
        self._worker = dialog.background_worker("merge-paths", self._on_done, self._on_failed)
        self._known: tuple[Table, tuple[tuple[str, str], ...], Found] | None = None
        self.checking = False
        """True while a big sheet's paths are checked in the background."""

    def allow(self, table: Table, columns: ColumnMap, template: Template) -> bool | None:
        """Whether to go on with the files outside (False when there are none)."""
        key = tuple(sorted(columns.slots.items()))
        known = self._known
        if known is not None and known[0] is table and known[1] == key:
            found = known[2]
        elif len(table.rows) <= LARGE_SHEET_ROWS:
            found = paths_outside(table, columns, template)
            self._known = (table, key, found)
        else:
            self.checking = True
            self._worker.submit(lambda: (table, key, paths_outside(table, columns, template)))
            return None
        return self._ask(found)

    def _on_done(self, serial: int, result: object) -> None:
        if serial != self._worker.latest or not isinstance(result, tuple):
            return
        self._known = result
        self.checking = False
        self.ready.emit()

    def _on_failed(self, serial: int, message: str) -> None:
        if serial != self._worker.latest:
            return
        self.checking = False
        self.failed.emit(message)

    def _ask(self, found: Found) -> bool | None:
        listed, count = found
        if not count:
            return False
        details = "\n".join(listed + (["…"] if count > len(listed) else []))
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Photos From Other Folders"),
            self.tr(
                "%n image cell(s) name files outside the spreadsheet's folder and the library."
                " A shared spreadsheet could use them to put your private photos into a post."
                "\n\nUse these files anyway?",
                "",
                count,
            ),
            QMessageBox.StandardButton.Cancel,
            self._dialog,
        )
        box.setObjectName("paths-outside")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDetailedText(details)
        allow = box.addButton(self.tr("Use Them"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return True if box.clickedButton() is allow else None
