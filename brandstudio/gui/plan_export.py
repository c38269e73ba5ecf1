"""Export Month…: the plan job (``prepare_plan`` + ``run_plan``) for the month shown or the
whole plan, on a BatchThread with the shared progress window (Cancel) and summary.

The files and the overview (week PNGs + plan.pdf, in the studio's language) go into the
folder chosen; a cancelled export keeps what was made (the next run resumes) and writes no
overview. Nothing here blocks the GUI thread: planning runs on the batch thread too.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from brandstudio.batch.report import BatchReport
from brandstudio.batch.runner import BatchSettings
from brandstudio.gui.cluster_dialog import configured_cluster
from brandstudio.gui.dialogs.progress import BatchProgressDialog, BatchThread
from brandstudio.gui.dialogs.summary import BatchSummaryDialog
from brandstudio.gui.settings import FOLDERS, last_folder, remember_folder
from brandstudio.jobs.plan import ContentPlan, PlanSettings, Rubric, prepare_plan, run_plan
from brandstudio.jobs.plan_overview import OverviewResult
from brandstudio.library.store import Library


class PlanExport(QObject):
    """One export of a plan into a folder: its thread, progress window and summary.

    ``finished`` of the BatchThread brings the report; ``overview`` holds the overview's
    files once the batch thread has written them (None when stopped or failed).
    """

    def __init__(
        self,
        plan: ContentPlan,
        settings: PlanSettings,
        out: Path,
        *,
        language: str,
        find: Callable[[str], Rubric],
        jobs: int | None,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self.out = out
        self.overview: OverviewResult | None = None
        self.summary: BatchSummaryDialog | None = None

        def run(batch: BatchSettings, cancel: threading.Event) -> BatchReport:
            prepared = prepare_plan(plan, settings, out, find=find)
            result = run_plan(
                prepared,
                jobs=batch.jobs,
                language=language,
                on_progress=batch.on_progress,
                on_output=batch.on_output,
                stopping=cancel.is_set,
            )
            self.overview = result.overview
            return result.report

        self.batch = BatchThread(run, jobs=jobs, cluster=configured_cluster(), parent=self)
        self.batch.finished.connect(self._on_finished)
        self.batch.failed.connect(self._on_failed)
        self.progress = BatchProgressDialog(self.batch, self.tr("Exporting the Plan"), parent)

    def start(self) -> None:
        """Start the batch and show its progress (the window stays usable behind it)."""
        self.batch.start()
        self.progress.open()

    def _on_finished(self, report: BatchReport) -> None:
        self.summary = BatchSummaryDialog(
            report,
            self.out,
            title=self.tr("Plan Exported"),
            seconds=self.batch.seconds,
            rows=True,
            parent=self._parent,
        )
        self.summary.open()

    def _on_failed(self, message: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Cannot Export the Plan"),
            message,
            QMessageBox.StandardButton.Ok,
            self._parent,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()


def plan_settings(library: Library, brand: str) -> PlanSettings:
    """The plan job's settings for the library brand ``brand`` (JPEG, as the CLI's default)."""
    kit = library.load_brand(brand)
    return PlanSettings(library.brand_folder(brand), brand=brand, brand_name=kit.brand.name)


def start_export(
    parent: QWidget,
    plan: ContentPlan,
    settings: PlanSettings,
    *,
    language: str,
    find: Callable[[str], Rubric],
    jobs: int | None,
) -> PlanExport | None:
    """Ask for the folder (remembered with the other output folders), then start exporting
    ``plan`` into it; None when no folder was chosen."""
    folder = QFileDialog.getExistingDirectory(
        parent,
        QCoreApplication.translate("PlanExport", "Export the Plan Into"),
        last_folder(FOLDERS.outputs),
    )
    if not folder:
        return None
    remember_folder(FOLDERS.outputs, folder)
    export = PlanExport(
        plan, settings, Path(folder), language=language, find=find, jobs=jobs, parent=parent
    )
    export.start()
    return export
