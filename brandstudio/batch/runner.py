"""Runs a planned batch: resume what is done, hand the rest to workers, journal, report.

Shared by ``stamp``, ``render --data`` and the studio's bulk dialogs. The caller plans the items
(inputs and their output paths, claimed in the journal); this module does the rest and never
raises for one item's trouble: each ends as ok, failed or skipped in the BatchReport. An item a
stopped batch never started is "skipped" (report.json keeps its three statuses) with the reason
NOT_STARTED, which the summaries count as "not started", not as a failure.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from brandstudio.batch.cluster import ClusterError, ClusterSession, active_cluster
from brandstudio.batch.journal import OutputJournal, is_disk_full
from brandstudio.batch.pool import Job, Outcome, WorkerPool
from brandstudio.batch.report import BatchReport, ItemReport, report_path
from brandstudio.fsutil import atomic_write_text

STOPPED_BY_USER = "stopped by the user (Ctrl+C or Cancel): run the same command again to resume"
STOPPED_BY_SIGNAL = "stopped by SIGTERM: run the same command again to resume"
NOT_STARTED = "not started: the batch stopped before it"
"""The reason of a skipped item that a stopped batch never started."""


def not_started(report: BatchReport) -> int:
    """How many of ``report``'s skipped items a stopped batch never started."""
    return sum(1 for item in report.items if item.status == "skipped" and item.error == NOT_STARTED)


def disk_full_stop(error: BaseException | str) -> str:
    """The one wording of a batch stopped by a full disk (``error`` says where)."""
    if isinstance(error, OSError):
        where = f"{error.filename}: " if error.filename else ""
        error = f"{where}{error.strerror or error}"
    return f"the disk is full ({error}): free some space and run the same command again"


@dataclass(frozen=True)
class WorkResult:
    """What a worker returns for one item: the files written (path, bytes, SHA-256), warnings."""

    outputs: tuple[tuple[Path, int, str], ...]
    warnings: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    """Choices made for the user (the corner --position auto picked), for the report."""
    problems: tuple[dict[str, Any], ...] | None = None
    """What a pre-flight check found in the item's images (JSON-ready records); None when
    the job does not check."""


@dataclass
class PlannedItem:
    """One item before the run: its report entry, resume key, worker payload and outputs.

    ``payload`` is None for an item that already failed or was skipped during planning.
    """

    report: ItemReport
    key: str
    payload: Any = None
    targets: tuple[Path, ...] = ()


@dataclass
class BatchSettings:
    """How to run: worker count, and the callbacks a front end listens to."""

    jobs: int
    on_output: Callable[[Path], None] = lambda path: None
    on_progress: Callable[[int, int], None] = lambda done, total: None
    on_pool: Callable[[WorkerPool], None] = lambda pool: None
    """Called with the pool once it exists (a GUI keeps it to call ``stop()`` on Cancel)."""
    memory_limit: int | None = None
    item_timeout: float | None = None
    cluster: ClusterSession | None = None
    """Run the items on this Dask cluster instead of local worker processes (None: the
    session of an enclosing ``batch.cluster.using_cluster`` block, if any)."""
    seconds: float = field(default=0.0, init=False)


def resume_or_plan(journal: OutputJournal, item: PlannedItem) -> bool:
    """Mark ``item`` skipped when this job already made all its outputs; True if it was."""
    done = journal.done_outputs(item.key)
    if not done or {path.name for path in done} != {path.name for path in item.targets}:
        return False
    item.report.status = "skipped"
    item.report.outputs = [str(path) for path in sorted(done)]
    item.payload = None
    return True


def run_batch(
    items: Sequence[PlannedItem], job: Job, journal: OutputJournal, settings: BatchSettings
) -> BatchReport:
    """Do every item that has a payload; returns the report (also saved as report.json).

    The journal is closed (and the folder's lock released) however the batch ends.
    """
    started = time.monotonic()
    todo = [item for item in items if item.payload is not None]
    for item in todo:  # until a worker says otherwise
        item.report.status = "skipped"
        item.report.error = NOT_STARTED
    report = BatchReport([item.report for item in items])
    try:
        journal.remove_stale_temp_files()
        report.stopped = _run(todo, job, journal, settings)
        settings.seconds = time.monotonic() - started
        report.saved_to = save_report(journal, report)
    finally:
        journal.close()
    return report


def _run(
    todo: Sequence[PlannedItem], job: Job, journal: OutputJournal, settings: BatchSettings
) -> str | None:
    """Hand the items to workers and record what comes back; returns why it stopped early."""
    total = len(todo)
    settings.on_progress(0, total)
    finished = 0
    stopped: str | None = None
    pool_kwargs: dict[str, Any] = {"memory_limit": settings.memory_limit}
    if settings.item_timeout is not None:
        pool_kwargs["item_timeout"] = settings.item_timeout
    try:
        _claim_all(journal, todo)
        with _open_pool(job, todo, settings, pool_kwargs) as pool:
            settings.on_pool(pool)
            for outcome in pool.run([item.payload for item in todo]):
                _record(todo[outcome.index], outcome, journal, settings)
                finished += 1
                settings.on_progress(finished, total)
                if outcome.disk_full and not pool.stopping:
                    stopped = disk_full_stop(outcome.error or "")
                    pool.stop()
            if pool.interrupted:
                stopped = STOPPED_BY_SIGNAL if pool.terminated else STOPPED_BY_USER
    except KeyboardInterrupt:
        stopped = STOPPED_BY_USER
    except ClusterError as error:  # the cluster went away mid-run: what came back is kept
        stopped = f"{error}: run the same command again to resume"
    except OSError as error:  # the journal's own writes
        if not is_disk_full(error):
            raise
        stopped = disk_full_stop(error)
    finally:
        with contextlib.suppress(OSError):
            journal.flush(sync=True)
        journal.remove_stale_temp_files()
    return stopped


def _open_pool(
    job: Job, todo: Sequence[PlannedItem], settings: BatchSettings, pool_kwargs: dict[str, Any]
) -> WorkerPool:
    cluster = settings.cluster or active_cluster()
    if cluster is not None:
        from brandstudio.batch.cluster_pool import ClusterPool

        return ClusterPool(job, cluster, [item.targets for item in todo])
    return WorkerPool(job, min(settings.jobs, max(1, len(todo))), **pool_kwargs)


def _claim_all(journal: OutputJournal, todo: Sequence[PlannedItem]) -> None:
    for item in todo:
        journal.pending(item.key, item.targets)


def _record(
    item: PlannedItem, outcome: Outcome, journal: OutputJournal, settings: BatchSettings
) -> None:
    if not outcome.ok:
        item.report.status = "failed"
        item.report.error = outcome.error
        if outcome.problems:
            item.report.problems = [dict(problem) for problem in outcome.problems]
        return
    result: WorkResult = outcome.value
    item.report.status = "ok"
    item.report.error = None
    item.report.warnings.extend(result.warnings)
    item.report.notes.extend(result.notes)
    if result.problems is not None:
        item.report.problems = [dict(problem) for problem in result.problems]
    for path, size, digest in result.outputs:
        journal.done(item.key, path, size, digest)
        item.report.outputs.append(str(path))
        settings.on_output(path)


def save_report(journal: OutputJournal, report: BatchReport) -> Path | None:
    """Write report.json into the journal's folder (its own earlier report is replaced);
    None when it cannot be written (a full disk: the batch's summary says so)."""
    stem = PurePosixPath(report_path(journal.folder).stem)
    path = journal.claim(stem, ".json")
    try:
        journal.pending("report", [path])
        atomic_write_text(path, report.to_text())
    except OSError:
        return None
    with contextlib.suppress(OSError):
        journal.done("report", path, path.stat().st_size, "")
    return path
