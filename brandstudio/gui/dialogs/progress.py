"""Bulk work off the GUI thread: a batch on worker processes, and its progress window.

Threading rules (as in Picard): nothing here touches a widget from a worker thread; workers
report back only through signals, which Qt delivers on the GUI thread.

- :class:`BatchThread` runs a batch (planning included: it reads folders and hashes finished
  outputs) on a QThread and relays ``run_batch``'s callbacks as signals. ``cancel()`` stops the
  pool handing out items: those in progress finish and are journalled, so nothing is lost and
  running the same batch again resumes.
- :class:`BatchProgressDialog` shows a BatchThread's progress, rate and time left, with Cancel.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from brandstudio.batch.cluster import (
    ClusterError,
    ClusterSession,
    open_cluster,
    parse_address,
    using_cluster,
)
from brandstudio.batch.pool import WorkerPool, default_jobs
from brandstudio.batch.progress import format_duration
from brandstudio.batch.report import BatchReport
from brandstudio.batch.runner import BatchSettings, PlannedItems, run_batch
from brandstudio.gui.cluster_dialog import ClusterChoice
from brandstudio.gui.tooltips import plain_tip
from brandstudio.jobs.common import Plan

Runner = Callable[[BatchSettings, threading.Event], BatchReport]
"""The work of a BatchThread: given the settings (callbacks wired to the signals) and the
cancel event, return the report. Runs on the batch thread."""


def plan_runner(make_plan: Callable[[], Plan]) -> Runner:
    """A Runner that plans (on the batch thread) and then runs the plan on worker processes."""

    def run(settings: BatchSettings, cancel: threading.Event) -> BatchReport:
        plan = make_plan()
        items = plan.items if isinstance(plan.items, PlannedItems) else PlannedItems(plan.items)
        plan.items = ()  # the run lets go of each item once it is done
        return run_batch(items, plan.job, plan.journal, settings)

    return run


def duration_text(seconds: float) -> str:
    """A duration as the studio shows it: ``42 s`` in the user's language, ``3:07``."""
    text = format_duration(seconds)
    if text.endswith(" s"):
        return QCoreApplication.translate("Duration", "%1 s").replace("%1", text[:-2])
    return text


class _Thread(QThread):
    def __init__(self, body: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._body = body
        self.setObjectName("brandstudio-batch")

    def run(self) -> None:
        self._body()


class BatchThread(QObject):
    """Runs a batch on its own thread; the GUI thread never waits for it.

    Signals arrive on the GUI thread: ``connecting(address)`` before a cluster is started or
    reached, ``progress(done, total)`` after each item (``total`` is known once planning is
    over), ``output(path)`` for each file written, then exactly one of
    ``finished(BatchReport)`` or ``failed(message)`` (the batch could not start, or broke).
    Both come after the thread has ended, so receivers may close windows at once.
    """

    progress = Signal(int, int)
    connecting = Signal(str)
    output = Signal(str)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        runner: Runner,
        *,
        jobs: int | None = None,
        cluster: ClusterChoice | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self.jobs = jobs or default_jobs()
        self.cluster = cluster
        """Run on this Dask cluster (connected on the batch thread) instead of local workers."""
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._pool: WorkerPool | None = None
        self._result: BatchReport | str | None = None
        self.report: BatchReport | None = None
        """The finished batch's report (None until then, or when it failed)."""
        self.seconds = 0.0
        """How long the batch took, planning included."""
        self._thread = _Thread(self._work, self)
        self._thread.finished.connect(self._on_thread_finished)

    @classmethod
    def for_plan(
        cls,
        make_plan: Callable[[], Plan],
        *,
        jobs: int | None = None,
        cluster: ClusterChoice | None = None,
        parent: QObject | None = None,
    ) -> BatchThread:
        """A BatchThread that calls ``make_plan`` and runs its items on worker processes
        (or on ``cluster``)."""
        return cls(plan_runner(make_plan), jobs=jobs, cluster=cluster, parent=parent)

    # -- control (GUI thread) --

    def start(self) -> None:
        """Start the batch (once)."""
        if self._thread.isRunning() or self._thread.isFinished():
            raise RuntimeError("a BatchThread runs once")
        self._thread.start()

    def cancel(self) -> None:
        """Hand out no more items; those in progress finish and are kept. Returns at once."""
        self._cancel.set()
        with self._lock:
            pool = self._pool
        if pool is not None:
            pool.stop(interrupted=True)

    @property
    def cancelled(self) -> bool:
        """True once cancel() was called."""
        return self._cancel.is_set()

    def is_running(self) -> bool:
        """True from start() until the thread has ended."""
        return self._thread.isRunning()

    def wait(self, timeout_ms: int = 60_000) -> bool:
        """Block until the thread ends (teardown only); True when it has."""
        return bool(self._thread.wait(timeout_ms))

    def stop_and_wait(self, timeout_ms: int = 60_000) -> bool:
        """Cancel and wait for the items in progress (closing the application)."""
        self.cancel()
        return self.wait(timeout_ms)

    # -- the batch thread --

    def _work(self) -> None:
        started = time.monotonic()
        settings = BatchSettings(
            jobs=self.jobs,
            on_output=self._emit_output,
            on_progress=self._emit_progress,
            on_pool=self._on_pool,
        )
        try:
            with self._cluster() as session:
                settings.cluster = session
                self._result = self._runner(settings, self._cancel)
        except Exception as error:  # the batch could not start: say why, never crash the studio
            self._result = str(error) or type(error).__name__
        finally:
            with self._lock:
                self._pool = None
            self.seconds = time.monotonic() - started

    @contextlib.contextmanager
    def _cluster(self) -> Iterator[ClusterSession | None]:
        """The configured cluster, connected and checked (ClusterError says why not)."""
        if self.cluster is None:
            yield None
            return
        from brandstudio.jobs.cluster_inputs import shipping_for

        self.connecting.emit(self.cluster.address)
        with (
            open_cluster(self.cluster.address, shipping_for, tls=self.cluster.tls) as session,
            using_cluster(session),
        ):
            yield session

    def _on_pool(self, pool: WorkerPool) -> None:
        with self._lock:
            self._pool = pool
        if self._cancel.is_set():
            pool.stop(interrupted=True)

    def _emit_output(self, path: Path) -> None:
        self.output.emit(str(path))

    def _emit_progress(self, done: int, total: int) -> None:
        self.progress.emit(done, total)

    # -- back on the GUI thread --

    def _on_thread_finished(self) -> None:
        result = self._result
        if isinstance(result, BatchReport):
            self.report = result
            self.finished.emit(result)
        else:
            self.failed.emit(result or "the batch ended without a report")


class BatchProgressDialog(QDialog):
    """Progress of a BatchThread: bar, count, rate, time left, the last file, and Cancel.

    It closes itself (accepted) when the batch ends; the window that started the batch listens
    to the thread's ``finished`` and shows the summary. Esc and the close button cancel the
    batch rather than hide it: the photos in progress finish first.
    """

    def __init__(self, thread: BatchThread, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(460)
        self._thread = thread
        self._started: float | None = None
        self._total = 0
        self.heading = QLabel(title)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until planning is over
        self.bar.setTextVisible(True)
        self.status = QLabel(self.tr("Preparing: looking at the files…"))
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.last_file = QLabel()
        self.last_file.setTextFormat(Qt.TextFormat.PlainText)
        self.last_file.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.last_file.setStyleSheet("color: palette(placeholder-text);")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setToolTip(
            self.tr(
                "Stop after the files in progress. Finished files are kept; start the same "
                "job again to do the rest."
            )
        )
        self.buttons.rejected.connect(self.request_cancel)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addWidget(self.last_file)
        layout.addSpacing(6)
        layout.addWidget(self.buttons)
        thread.progress.connect(self._on_progress)
        thread.connecting.connect(self._on_connecting)
        thread.output.connect(self._on_output)
        thread.finished.connect(self._on_done)
        thread.failed.connect(self._on_done)

    def request_cancel(self) -> None:
        """Ask the batch to stop (the files in progress still finish)."""
        if not self._thread.is_running():
            super().reject()
            return
        self._thread.cancel()
        self.cancel_button.setEnabled(False)
        self.status.setText(self.tr("Stopping: finishing the files in progress…"))

    def reject(self) -> None:
        """Esc cancels the batch; the dialog closes when the batch has stopped."""
        self.request_cancel()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._thread.is_running():
            event.ignore()
            self.request_cancel()
        else:
            super().closeEvent(event)

    def _on_connecting(self, address: str) -> None:
        """Say what the wait before the first file is: a cluster starting or being reached."""
        try:
            local = parse_address(address)
        except ClusterError:
            local = None
        if local is not None and local.is_local:
            text = self.tr("Starting the cluster on this computer (workers: %1)…").replace(
                "%1", str(local.local_workers)
            )
        else:
            text = self.tr("Connecting to the cluster at %1…").replace("%1", address)
        if not self._thread.cancelled:
            self.status.setText(text)

    def _on_progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if self._started is None:
            self._started = now
        self._total = total
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(done)
        if self._thread.cancelled:
            return
        text = self.tr("%1 of %2").replace("%1", str(done)).replace("%2", str(total))
        elapsed = now - self._started
        if done and elapsed > 0:
            rate = done / elapsed
            per = (
                self.tr("%1 per second").replace("%1", f"{rate:.1f}")
                if rate >= 1
                else self.tr("%1 s each").replace("%1", f"{1 / rate:.1f}")
            )
            text += " · " + per
            if done < total:
                left = duration_text((total - done) / rate)
                text += " · " + self.tr("about %1 left").replace("%1", left)
        self.status.setText(text)

    def _on_output(self, path: str) -> None:
        self.last_file.setText(Path(path).name)
        self.last_file.setToolTip(plain_tip(path))

    def _on_done(self, *_: Any) -> None:
        self.accept()
