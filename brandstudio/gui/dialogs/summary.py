"""The end of a batch: how many files were made, what failed and why, where everything is.

File names and reasons come from strangers' files and spreadsheets: they are shown as plain
text only (tree items and plain-text labels), never as rich text.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from brandstudio.batch.report import BatchReport, ItemReport
from brandstudio.batch.runner import STOPPED_BY_USER
from brandstudio.gui.dialogs.progress import duration_text
from brandstudio.gui.engine_messages import translated_reason
from brandstudio.gui.tooltips import plain_tip

MAX_LISTED = 500
"""Failures listed one by one; the rest are counted (report.json has them all)."""


class BatchSummaryDialog(QDialog):
    """Counts (done, failed, skipped), failures with their reasons, Open folder / Open report.

    ``rows`` lists failures by spreadsheet row (data merge) instead of by input file.
    """

    def __init__(
        self,
        report: BatchReport,
        folder: Path,
        *,
        title: str,
        seconds: float | None = None,
        rows: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.report = report
        self.folder = folder
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        tally = report.tally
        ok, failed, skipped = (tally.counts[status] for status in ("ok", "failed", "skipped"))
        resumed, files = tally.resumed, tally.files
        unstarted = tally.not_started  # "skipped" in report.json: the batch stopped first
        skipped -= unstarted

        icon_kind = QStyle.StandardPixmap.SP_MessageBoxInformation
        if report.stopped or failed:
            icon_kind = QStyle.StandardPixmap.SP_MessageBoxWarning
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(icon_kind).pixmap(40, 40))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.headline = QLabel(self._headline(files, failed))
        font = QFont(self.headline.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.headline.setFont(font)
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        self.headline.setWordWrap(True)

        counts = QGridLayout()
        counts.setHorizontalSpacing(18)
        entries = [
            (self.tr("Done"), ok),
            (self.tr("Failed"), failed),
            (self.tr("Skipped"), skipped),
            *([(self.tr("Not started"), unstarted)] if unstarted else []),
            (self.tr("Files written"), files),
        ]
        self.count_labels: dict[str, QLabel] = {}
        for column, (name, value) in enumerate(entries):
            number = QLabel(str(value))
            number_font = QFont(number.font())
            number_font.setPointSizeF(number_font.pointSizeF() * 1.5)
            number.setFont(number_font)
            caption = QLabel(name)
            caption.setStyleSheet("color: palette(placeholder-text);")
            counts.addWidget(number, 0, column)
            counts.addWidget(caption, 1, column)
            self.count_labels[name] = number
        counts.setColumnStretch(len(entries), 1)

        details: list[str] = []
        if seconds is not None:
            details.append(self.tr("Time: %1").replace("%1", duration_text(seconds)))
        if resumed:
            details.append(
                self.tr("Already done by an earlier run (checked, not redone): %1").replace(
                    "%1", str(resumed)
                )
            )
        if skipped - resumed:
            details.append(
                self.tr("Skipped, not photos by their name: %1").replace(
                    "%1", str(skipped - resumed)
                )
            )
        if report.stopped:
            details.append(self._stopped_text(report.stopped))
        self.details = QLabel("\n".join(details))
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        self.details.setVisible(bool(details))

        self.failures = QTreeWidget()
        self.failures.setColumnCount(2)
        first = self.tr("Row") if rows else self.tr("File")
        self.failures.setHeaderLabels([first, self.tr("Reason")])
        self.failures.setRootIsDecorated(False)
        self.failures.setAlternatingRowColors(True)
        self.failures.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.failures.setWordWrap(True)
        self.failures.setUniformRowHeights(False)
        header = self.failures.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(0, 90 if rows else 220)
        self.failures.setStatusTip(self.tr("What failed and why; report.json has every item."))
        failures = report.failures()
        for item in failures[:MAX_LISTED]:
            self.failures.addTopLevelItem(self._failure_item(item, rows))
        more = failed - min(len(failures), MAX_LISTED)
        if more > 0:
            extra = QTreeWidgetItem(["…", self.tr("and %1 more").replace("%1", str(more))])
            self.failures.addTopLevelItem(extra)
        failures_title = QLabel(self.tr("Failures"))
        failures_title.setVisible(bool(failures))
        self.failures.setVisible(bool(failures))

        where = self.tr("Folder: %1").replace("%1", str(folder))
        if report.saved_to is not None:
            where += "\n" + self.tr("Report: %1").replace("%1", str(report.saved_to))
        self.where = QLabel(where)
        self.where.setTextFormat(Qt.TextFormat.PlainText)
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where.setStyleSheet("color: palette(placeholder-text);")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_folder_button = QPushButton(self.tr("Open Folder"))
        self.open_folder_button.setToolTip(self.tr("Show the output folder in the file manager"))
        self.open_folder_button.clicked.connect(self.open_folder)
        self.buttons.addButton(self.open_folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_report_button = QPushButton(self.tr("Open Report"))
        self.open_report_button.setToolTip(
            self.tr("Open report.json: every item with its outputs, status and reason")
        )
        self.open_report_button.clicked.connect(self.open_report)
        self.open_report_button.setEnabled(report.saved_to is not None)
        self.buttons.addButton(self.open_report_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_report_button.setVisible(report.saved_to is not None)
        self.buttons.rejected.connect(self.reject)
        self.buttons.accepted.connect(self.accept)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)

        top = QHBoxLayout()
        top.setSpacing(14)
        top.addWidget(icon)
        text = QVBoxLayout()
        text.setSpacing(10)
        text.addWidget(self.headline)
        text.addLayout(counts)
        text.addWidget(self.details)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(failures_title)
        layout.addWidget(self.failures, 1)
        layout.addWidget(self.where)
        layout.addWidget(self.buttons)
        if failures:
            self.resize(720, 480)
        else:
            self.setMinimumHeight(0)
            self.resize(600, self.sizeHint().height())

    def _headline(self, files: int, failed: int) -> str:
        if self.report.stopped == STOPPED_BY_USER:
            return self.tr("Stopped: you cancelled")
        if self.report.stopped:
            return self.tr("Stopped before the end")
        if failed:
            return self.tr("Finished, with failures")
        if not files:
            return self.tr("Finished: nothing new to write")
        return self.tr("All done")

    def _stopped_text(self, stopped: str) -> str:
        if stopped == STOPPED_BY_USER:
            return self.tr(
                "Stopped by you. Files already finished are complete and kept; start the same "
                "job again with the same output folder to do the rest."
            )
        return self.tr("Stopped: %1").replace("%1", stopped)

    @staticmethod
    def _failure_item(item: ItemReport, rows: bool) -> QTreeWidgetItem:
        where = str(item.row) if rows and item.row is not None else Path(item.input).name
        reason = translated_reason(item.error or "")
        entry = QTreeWidgetItem([where, reason])
        entry.setToolTip(0, plain_tip(item.input))
        entry.setToolTip(1, plain_tip(reason))
        return entry

    def failure_lines(self) -> list[tuple[str, str]]:
        """The failures as listed: (file or row, reason)."""
        lines = []
        for index in range(self.failures.topLevelItemCount()):
            item = self.failures.topLevelItem(index)
            if item is not None:
                lines.append((item.text(0), item.text(1)))
        return lines

    def open_folder(self) -> None:
        """Show the output folder in the desktop's file manager."""
        self._open(self.folder)

    def open_report(self) -> None:
        """Open report.json with the desktop's viewer for JSON."""
        if self.report.saved_to is not None:
            self._open(self.report.saved_to)

    def _open(self, path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
