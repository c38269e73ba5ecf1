"""The frame every bulk dialog shares: options above, the reason and the buttons below.

A subclass builds its options (and ``self.options``, an OutputOptions), lays them out above
:meth:`BatchDialog.button_row`, and gives :meth:`~BatchDialog.texts`,
:meth:`~BatchDialog.problem_text` and :meth:`~BatchDialog.make_batch`. The base does the rest:
OK (disabled while ``problem_text`` says why) and Close, the BatchThread with its progress
window (whose Cancel stops it), the summary at the end, a message when the batch cannot start,
the remembered size, and stopping the dialog's own background workers when it closes.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar, NamedTuple

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from brandstudio.batch.report import BatchReport
from brandstudio.fileformat import save_template
from brandstudio.gui.dialogs.progress import BatchProgressDialog, BatchThread
from brandstudio.gui.dialogs.summary import BatchSummaryDialog
from brandstudio.gui.dialogs.widgets import OutputOptions, heading, problem_label
from brandstudio.gui.settings import DialogKeys, Settings
from brandstudio.gui.studio import Studio
from brandstudio.gui.workers import LatestWorker
from brandstudio.model.template import Template

DEBOUNCE_MS = 150
"""How long a preview waits for the options to settle, ms."""


class BatchTexts(NamedTuple):
    """A dialog's own words for its batch (translated in the subclass)."""

    progress: str
    """The progress window's title ("Stamping Photos")."""
    finished: str
    """The summary's title ("Stamping Finished")."""
    failed: str
    """The title of the message when the batch cannot run ("Cannot Stamp")."""


class BatchDialog(QDialog):
    """Options, OK/Close, and a batch on worker processes with its progress and summary."""

    summary_rows: ClassVar[bool] = False
    """The summary lists failures by spreadsheet row (data merge)."""
    close_with_summary: ClassVar[bool] = False
    """Closing the summary closes the dialog too (accepted)."""

    options: OutputOptions

    def __init__(
        self,
        studio: Studio,
        keys: DialogKeys,
        parent: QWidget | None = None,
        *,
        close_button: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Close,
    ) -> None:
        super().__init__(parent)
        self.studio = studio
        self._keys = keys
        self._settings = Settings()
        self.batch: BatchThread | None = None
        self.progress: BatchProgressDialog | None = None
        self.summary: BatchSummaryDialog | None = None
        self.report: BatchReport | None = None
        self.jobs: int | None = None
        """Worker processes (None: one per CPU)."""
        self._workers: list[LatestWorker] = []
        self._timers: list[QTimer] = []
        self._aside: Path | None = None
        self.problem = problem_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | close_button)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    # -- for subclasses --

    def texts(self) -> BatchTexts:
        """The progress, summary and failure titles."""
        raise NotImplementedError

    def problem_text(self) -> str | None:
        """Why OK is disabled, or None when the batch can start."""
        raise NotImplementedError

    def make_batch(self, out: Path) -> BatchThread | None:
        """Remember the options and make the batch writing into ``out`` (not started yet);
        None when it cannot start (after saying why)."""
        raise NotImplementedError

    def batch_ended(self) -> None:
        """Called once the batch has finished or failed: the template saved aside for the
        workers (see :meth:`save_template_aside`) is removed. An override calls this too."""
        if self._aside is not None:
            shutil.rmtree(self._aside, ignore_errors=True)
            self._aside = None

    def save_template_aside(self, template: Template, stem: str) -> Path | None:
        """``template`` saved as ``STEM.json`` in a temporary folder the workers read it from
        (removed when the batch ends); None, after saying why, when it cannot be saved."""
        folder = Path(tempfile.mkdtemp(prefix="brandstudio-batch-"))
        path = folder / f"{stem}.json"
        try:
            save_template(template, path)
        except OSError as error:
            shutil.rmtree(folder, ignore_errors=True)
            self._on_failed(str(error))
            return None
        self._aside = folder
        return path

    def lay_out_page(self, title: str, intro: str, body: QLayout) -> None:
        """The dialog's layout: a heading, a line saying what the dialog does, ``body`` (the
        options, stretching), then the button row."""
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(heading(title))
        words = QLabel(intro)
        words.setTextFormat(Qt.TextFormat.PlainText)
        words.setWordWrap(True)
        words.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(words)
        layout.addLayout(body, 1)
        layout.addLayout(self.button_row())

    def button_row(self) -> QHBoxLayout:
        """The reason OK is disabled, and the buttons: the dialog's last row."""
        row = QHBoxLayout()
        row.addWidget(self.problem, 1)
        row.addWidget(self.buttons)
        return row

    def background_worker(
        self, name: str, done: Callable[[int, object], None], failed: Callable[[int, str], None]
    ) -> LatestWorker:
        """A LatestWorker (for previews, reading files) stopped when the dialog closes."""
        worker = LatestWorker(name, self)
        worker.done.connect(done)
        worker.failed.connect(failed)
        self._workers.append(worker)
        return worker

    def debounce(self, slot: Callable[[], None]) -> QTimer:
        """A single-shot timer of DEBOUNCE_MS calling ``slot``, stopped when the dialog closes."""
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(DEBOUNCE_MS)
        timer.timeout.connect(slot)
        self._timers.append(timer)
        return timer

    def restore_geometry(self, width: int, height: int) -> None:
        """The remembered size and place, else ``width`` × ``height`` px."""
        self.resize(width, height)
        geometry = self._settings[self._keys.geometry]
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)

    def save_geometry(self) -> None:
        self._settings[self._keys.geometry] = self.saveGeometry()

    def _update(self) -> None:
        problem = self.problem_text()
        self.problem.setText(problem or "")
        self.ok_button.setEnabled(problem is None and self.batch is None)

    # -- running --

    def accept(self) -> None:
        """Start the batch (the dialog stays open; the summary follows)."""
        if self.problem_text() is not None or self.batch is not None:
            return
        out = self.options.folder.path()
        assert out is not None
        batch = self.make_batch(out)
        if batch is None:
            return
        self.batch = batch
        batch.finished.connect(self._on_finished)
        batch.failed.connect(self._on_failed)
        self.progress = BatchProgressDialog(batch, self.texts().progress, self)
        self.summary = None
        self._update()
        batch.start()
        self.progress.open()

    def _on_finished(self, report: BatchReport) -> None:
        seconds = self.batch.seconds if self.batch is not None else None
        self.batch = None
        self.batch_ended()
        self.report = report
        self._update()
        out = self.options.folder.path() or Path()
        self.summary = BatchSummaryDialog(
            report, out, title=self.texts().finished, seconds=seconds, rows=self.summary_rows,
            parent=self,
        )  # fmt: skip
        if self.close_with_summary:
            self.summary.finished.connect(lambda code: QDialog.accept(self))
        self.summary.open()

    def _on_failed(self, message: str) -> None:
        self.batch = None
        self.batch_ended()
        self._update()
        box = QMessageBox(QMessageBox.Icon.Warning, self.texts().failed, message,
                          QMessageBox.StandardButton.Ok, self)  # fmt: skip
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()

    # -- closing --

    def stop_workers(self) -> None:
        """Stop the previews and readers (the batch, if any, is not touched)."""
        for timer in self._timers:
            timer.stop()
        for worker in self._workers:
            worker.stop()

    def reject(self) -> None:
        """Close, unless a batch runs (then Cancel stops it first)."""
        if self.batch is not None and self.batch.is_running():
            self.batch.cancel()
            return
        self.save_geometry()
        self.stop_workers()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.batch is not None and self.batch.is_running():
            event.ignore()
            self.batch.cancel()
            return
        self.stop_workers()
        super().closeEvent(event)
