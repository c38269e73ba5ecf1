"""BatchThread, its progress dialog and the preview worker: real batches, off the GUI thread."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from brandstudio.batch.report import BatchReport, ItemReport
from brandstudio.batch.runner import STOPPED_BY_USER, BatchSettings
from brandstudio.brands import find_brand
from brandstudio.gui.dialogs.progress import BatchProgressDialog, BatchThread
from brandstudio.gui.dialogs.summary import BatchSummaryDialog
from brandstudio.gui.workers import LatestWorker
from brandstudio.jobs.common import Plan
from brandstudio.jobs.stamp import StampSettings, brand_logo, plan_stamp
from brandstudio.stamp.marks import MarkPlacement

REPO = Path(__file__).resolve().parents[2]
PHOTOS = sorted((REPO / "templates" / "photos").glob("*.jpg"))
BATCH_TIMEOUT = 60_000

# The offscreen platform cannot pass size hints to a window manager (there is none).
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def threads() -> Iterator[list[BatchThread]]:
    """Batch threads made by a test; cancelled and joined after it, whatever happened."""
    made: list[BatchThread] = []
    yield made
    for thread in made:
        assert thread.stop_and_wait(), "a batch thread did not end"


def stamp_plan_maker(tmp_path: Path, copies: int = 1) -> tuple[Path, Callable[[], Plan]]:
    """Photos copied into tmp_path/photos; the output folder and a function planning a stamp."""
    folder = tmp_path / "photos"
    folder.mkdir()
    for copy in range(copies):
        for photo in PHOTOS:
            shutil.copy(photo, folder / f"{photo.stem}-{copy}.jpg")
    settings = StampSettings(logos=(brand_logo(find_brand("demo")),), placement=MarkPlacement())
    out = tmp_path / "out"
    return out, lambda: plan_stamp([str(folder)], out, settings)


def test_a_batch_runs_off_the_gui_thread_and_reports(
    qtbot: QtBot, tmp_path: Path, threads: list[BatchThread]
) -> None:
    out, make_plan = stamp_plan_maker(tmp_path)
    thread = BatchThread.for_plan(make_plan, jobs=2)
    threads.append(thread)
    progress: list[tuple[int, int]] = []
    outputs: list[str] = []
    thread.progress.connect(lambda done, total: progress.append((done, total)))
    thread.output.connect(outputs.append)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    with qtbot.waitSignal(thread.finished, timeout=BATCH_TIMEOUT) as finished:
        thread.start()
        assert thread.is_running()
    timer.stop()
    report = finished.args[0]
    assert isinstance(report, BatchReport)
    assert report is thread.report
    assert report.count("ok") == len(PHOTOS)
    assert report.stopped is None
    assert progress[0] == (0, len(PHOTOS))
    assert progress[-1] == (len(PHOTOS), len(PHOTOS))
    assert sorted(Path(path).name for path in outputs) == sorted(f"{p.stem}-0.jpg" for p in PHOTOS)
    assert all(Path(path).is_file() for path in outputs)
    assert len(ticks) >= 5, "the GUI thread's timer must keep ticking while the batch runs"
    assert not thread.is_running()
    assert (out / "report.json").is_file()


def test_cancel_before_the_pool_starts_stops_cleanly(
    qtbot: QtBot, tmp_path: Path, threads: list[BatchThread]
) -> None:
    _out, make_plan = stamp_plan_maker(tmp_path)
    thread = BatchThread.for_plan(make_plan, jobs=1)
    threads.append(thread)
    with qtbot.waitSignal(thread.finished, timeout=BATCH_TIMEOUT) as finished:
        thread.start()
        thread.cancel()  # at once: probably still planning
    report = finished.args[0]
    assert thread.cancelled
    assert report.stopped == STOPPED_BY_USER
    assert report.count("ok") < len(PHOTOS)
    for item in report.items():
        if item.status == "failed":
            assert "stopped" in (item.error or "")


def test_a_runner_that_raises_is_reported_not_raised(
    qtbot: QtBot, threads: list[BatchThread]
) -> None:
    seen: list[int] = []

    def broken(settings: BatchSettings, cancel: threading.Event) -> BatchReport:
        seen.append(threading.get_ident())
        raise PermissionError("cannot write into /nowhere")

    thread = BatchThread(broken)
    threads.append(thread)
    finished: list[object] = []
    thread.finished.connect(finished.append)
    with qtbot.waitSignal(thread.failed, timeout=10_000) as failed:
        thread.start()
    assert failed.args == ["cannot write into /nowhere"]
    assert seen and seen[0] != threading.get_ident()
    assert not finished
    with pytest.raises(RuntimeError):
        thread.start()  # a BatchThread runs once


def test_the_progress_dialog_counts_and_esc_cancels(
    qtbot: QtBot, tmp_path: Path, threads: list[BatchThread]
) -> None:
    out, make_plan = stamp_plan_maker(tmp_path, copies=4)  # 20 photos, one worker
    thread = BatchThread.for_plan(make_plan, jobs=1)
    threads.append(thread)
    dialog = BatchProgressDialog(thread, "Stamping")
    qtbot.addWidget(dialog)
    thread.start()
    dialog.open()
    qtbot.waitUntil(lambda: dialog.bar.value() >= 2, timeout=BATCH_TIMEOUT)
    assert dialog.bar.maximum() == 20
    assert "of 20" in dialog.status.text()
    assert "left" in dialog.status.text()
    assert dialog.last_file.text().endswith(".jpg")
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible(), "Esc asks the batch to stop; the dialog waits for it"
    assert thread.cancelled
    assert dialog.status.text().startswith("Stopping")
    with qtbot.waitSignal(thread.finished, timeout=BATCH_TIMEOUT) as finished:
        pass
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    report = finished.args[0]
    assert report.stopped == STOPPED_BY_USER
    done = report.count("ok")
    assert 2 <= done < 20
    assert len(list(out.glob("*.jpg"))) == done


def test_the_summary_lists_failures_as_plain_text(qtbot: QtBot, tmp_path: Path) -> None:

    report = BatchReport(
        [
            ItemReport("photos/a.jpg", "ok", outputs=[str(tmp_path / "a.jpg")]),
            ItemReport("photos/<b>bold<i>.jpg", "failed", error="truncated or damaged image file"),
            ItemReport("photos/notes.txt", "skipped", error="not a photo by its name (.txt)"),
        ],
        saved_to=tmp_path / "report.json",
    )
    dialog = BatchSummaryDialog(report, tmp_path, title="Stamping Finished", seconds=75)
    qtbot.addWidget(dialog)
    assert dialog.headline.text() == "Finished, with failures"
    assert [dialog.count_labels[name].text() for name in ("Done", "Failed", "Skipped")] == [
        "1",
        "1",
        "1",
    ]
    assert dialog.failure_lines() == [("<b>bold<i>.jpg", "truncated or damaged image file")]
    assert "Time: 1:15" in dialog.details.text()
    assert dialog.open_report_button.isEnabled()
    assert dialog.headline.textFormat() == Qt.TextFormat.PlainText


def test_the_latest_worker_skips_stale_requests(qtbot: QtBot) -> None:
    worker = LatestWorker("test-worker")
    started = threading.Event()
    release = threading.Event()
    ran: list[int] = []
    results: list[tuple[int, object]] = []
    worker.done.connect(lambda serial, result: results.append((serial, result)))

    def slow() -> int:
        started.set()
        release.wait(5)
        ran.append(1)
        return 1

    try:
        worker.submit(slow)
        assert started.wait(5)
        worker.submit(lambda: ran.append(2))  # replaced before it starts

        def third_work() -> str:
            ran.append(3)
            return "third"

        third = worker.submit(third_work)
        release.set()
        qtbot.waitUntil(lambda: len(results) == 2, timeout=5_000)
        assert ran == [1, 3]
        assert results == [(1, 1), (third, "third")]
        assert worker.latest == third
        with qtbot.waitSignal(worker.failed, timeout=5_000) as failed:
            worker.submit(lambda: 1 / 0)
        assert "division" in failed.args[1]
        worker.stop()
        with qtbot.waitSignal(worker.done, timeout=5_000) as again:
            worker.submit(lambda: "after a stop")  # a dialog shown again works again
        assert again.args[1] == "after a stop"
    finally:
        release.set()
        worker.stop()
    assert worker.idle()


def test_the_summary_gives_seconds_in_the_studios_language(
    qtbot: QtBot, tmp_path: Path, russian: object
) -> None:
    report = BatchReport([ItemReport("a.jpg", "ok", outputs=[str(tmp_path / "a.jpg")])])
    dialog = BatchSummaryDialog(report, tmp_path, title="Export Finished", seconds=4)
    qtbot.addWidget(dialog)
    assert "Время: 4 с" in dialog.details.text()
