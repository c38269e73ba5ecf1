"""The Data Merge dialog's pre-flight: the first rows checked at the ticked sizes before the
run (off the GUI thread), whether rows the check finds errors in are skipped, and the
question before a run whose checked rows have errors.

The run itself checks every row (``MergeSettings.check``): report.json lists each row's
problems and the summary counts them.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QMessageBox, QVBoxLayout, QWidget

from brandstudio.fileformat.brand_io import BrandKit
from brandstudio.gui.workers import LatestWorker
from brandstudio.jobs.check import CheckOutput, CheckResult, CheckRow, check_rows
from brandstudio.jobs.merge import ColumnMap, RowError, row_content
from brandstudio.model.preset import Preset
from brandstudio.model.template import Template
from brandstudio.tables import Table

SAMPLE_ROWS = 10
"""Rows checked before the run: enough to catch a template problem, quick at every size."""


def _check_first_rows(
    template: Template,
    base: Mapping[str, str],
    kit: BrandKit,
    folder: Path,
    table: Table,
    columns: ColumnMap,
    presets: Sequence[Preset | None],
    output: CheckOutput,
) -> tuple[int, CheckResult]:
    """(rows checked, what the check found) for the table's first usable rows."""
    rows: list[CheckRow] = []
    for row in table.rows:
        if len(rows) == SAMPLE_ROWS:
            break
        if row.error is not None:
            continue
        try:
            content = row_content(row, columns, template, dict(base), table.path.parent, roots=None)
        except RowError:
            continue  # the run reports it, naming the column
        rows.append(CheckRow(row.number, content.content, frozenset(content.hidden)))
    return len(rows), check_rows(template, rows, kit, folder, presets, output)


class MergeCheck(QWidget):
    """A line saying what the check finds in the first rows, and the 'skip rows with
    errors' switch (``strict``)."""

    def __init__(self, worker: LatestWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        worker.done.connect(self._done)
        worker.failed.connect(self._failed)
        self.result: CheckResult | None = None
        self.rows_checked = 0
        self.line = QLabel()
        self.line.setObjectName("MergeCheck")
        self.line.setWordWrap(True)
        self.line.setTextFormat(Qt.TextFormat.PlainText)
        self.line.setToolTip(
            self.tr("What Brandstudio's check finds in the table's first rows at the ticked sizes")
        )
        self.strict = QCheckBox(self.tr("Skip rows with check errors"))
        self.strict.setObjectName("MergeStrict")
        self.strict.setToolTip(
            self.tr(
                "Every row is checked as it is made; with this on, a row whose check finds an"
                " error is not made (the summary and report.json list why)"
            )
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line)
        layout.addWidget(self.strict)

    def start(
        self,
        template: Template,
        base: Mapping[str, str],
        kit: BrandKit,
        folder: Path,
        table: Table | None,
        columns: ColumnMap,
        presets: Sequence[Preset | None],
        output: CheckOutput,
    ) -> None:
        """Check the first rows again (the table, columns, sizes or encoding changed)."""
        self.result = None
        if table is None or not table.rows or not presets or not columns.slots:
            self.line.setText("")
            self._worker.cancel()
            return
        self.line.setText(self.tr("Checking the first rows…"))
        self._worker.submit(
            functools.partial(
                _check_first_rows, template, dict(base), kit, folder, table, columns,
                tuple(presets), output,
            )
        )  # fmt: skip

    def errors(self) -> int:
        """Errors the check found in the rows checked so far."""
        return len(self.result.errors()) if self.result is not None else 0

    def _done(self, serial: int, found: object) -> None:
        if serial != self._worker.latest or not isinstance(found, tuple):
            return
        self.rows_checked, self.result = found
        problems = self.result.problems
        errors = self.errors()
        rows = sorted({problem.row for problem in problems if problem.row is not None})
        if not problems:
            text = self.tr("Check of the first %n row(s): no problems", "", self.rows_checked)
        else:
            text = self.tr(
                "Check of the first %n row(s): %1 errors, %2 warnings in rows %3",
                "",
                self.rows_checked,
            )
            text = (
                text.replace("%1", str(errors))
                .replace("%2", str(len(problems) - errors))
                .replace("%3", ", ".join(str(row) for row in rows))
            )
        self.line.setText(text)
        colour = "#C62828" if errors else "palette(text)"
        self.line.setStyleSheet(f"color: {colour};")

    def _failed(self, serial: int, message: str) -> None:
        if serial == self._worker.latest:
            self.line.setText(self.tr("Cannot check: %1").replace("%1", message))

    def go_on(self, parent: QWidget) -> bool:
        """Whether to start: yes without errors, or when rows with errors are skipped, else
        the user's answer to 'Make Anyway' or 'Go Back'."""
        errors = self.errors()
        if not errors or self.strict.isChecked():
            return True
        box = QMessageBox(parent)
        box.setObjectName("MergeCheckQuestion")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Data Merge"))
        box.setText(
            self.tr("The check found %1 errors in the first %n row(s).", "", self.rows_checked)
            .replace("%1", str(errors))
        )  # fmt: skip
        box.setInformativeText(
            self.tr(
                "Make the posts anyway, or go back and fix the template or the table? You can"
                " also tick 'Skip rows with check errors'."
            )
        )
        go = box.addButton(self.tr("Make Anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Go Back"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is go
