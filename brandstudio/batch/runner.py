"""Runs a planned batch: resume what is done, hand the rest to workers, journal, report.

Shared by ``stamp``, ``render --data`` and the studio's bulk dialogs. The caller plans the items
(inputs and their output paths, claimed in the journal); this module does the rest and never
raises for one item's trouble: each ends as ok, failed or skipped in the BatchReport. An item a
stopped batch never started is "skipped" (report.json keeps its three statuses) with the reason
NOT_STARTED, which the summaries count as "not started", not as a failure.
"""

from __future__ import annotations

import collections
import contextlib
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from brandstudio.batch.cluster import ClusterError, ClusterSession, active_cluster
from brandstudio.batch.journal import OutputJournal, is_disk_full
from brandstudio.batch.pool import Job, Outcome, WorkerPool
from brandstudio.batch.report import (
    NOT_STARTED,
    BatchReport,
    ItemReport,
    ReportSpool,
    report_path,
)
from brandstudio.fsutil import atomic_write_text

STOPPED_BY_USER = "stopped by the user (Ctrl+C or Cancel): run the same command again to resume"
STOPPED_BY_SIGNAL = "stopped by SIGTERM: run the same command again to resume"


def not_started(report: BatchReport) -> int:
    """How many of ``report``'s skipped items a stopped batch never started."""
    return report.tally.not_started


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


class PlannedItems:
    """Planned items handed over once: iterating gives them in order and lets go of each, so
    a running batch holds only the items in flight, not the whole plan.

    Made from items (``PlannedItems(items)``), the planning is done (every name claimed,
    every resume check made) and ``todo`` counts the items with a payload. Made with
    :meth:`lazily`, each item is planned as a worker gets ready for it, so not even the plan
    is held (a 500,000-row sheet): ``todo`` then counts every source, and the progress counts
    an item done in an earlier run or failed in planning as it is passed.
    """

    def __init__(self, items: Iterable[PlannedItem]) -> None:
        self._queue = collections.deque(items)
        self._size = len(self._queue)
        self.todo = sum(1 for item in self._queue if item.payload is not None)
        self._sources: Iterator[Any] | None = None
        self._plan: Callable[[Any], PlannedItem] = _no_plan
        self._unplanned: Callable[[Any], ItemReport] = _no_report

    @classmethod
    def lazily(
        cls,
        sources: Iterable[Any],
        plan: Callable[[Any], PlannedItem],
        unplanned: Callable[[Any], ItemReport],
        count: int,
    ) -> PlannedItems:
        """Items planned one by one: ``plan(source)`` for each of the ``count`` sources, in
        order, when the run takes it. ``unplanned(source)``: the report of a source the run
        never took (the batch stopped first), marked not started here."""
        items = cls(())
        items._sources = iter(sources)
        items._plan = plan
        items._unplanned = unplanned
        items._size = items.todo = count
        return items

    @property
    def lazy(self) -> bool:
        """True when the items are planned as the run takes them (:meth:`lazily`)."""
        return self._sources is not None

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[PlannedItem]:
        while self._queue:
            yield self._queue.popleft()
        if self._sources is not None:
            for source in self._sources:
                yield self._plan(source)

    def unplanned(self) -> Iterator[ItemReport]:
        """The reports of the sources not planned yet, each marked not started (the run
        stopped before them); nothing for items planned whole."""
        if self._sources is None:
            return
        for source in self._sources:
            report = self._unplanned(source)
            report.status = "skipped"
            report.error = NOT_STARTED
            yield report


def _no_plan(source: Any) -> PlannedItem:
    raise TypeError("these items were planned whole")


def _no_report(source: Any) -> ItemReport:
    raise TypeError("these items were planned whole")


def count_todo(items: Iterable[PlannedItem]) -> int:
    """How many of ``items`` have a payload (PlannedItems know it without being iterated)."""
    if isinstance(items, PlannedItems):
        return items.todo
    return sum(1 for item in items if item.payload is not None)


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
    items: Iterable[PlannedItem],
    job: Job,
    journal: OutputJournal,
    settings: BatchSettings,
    *,
    todo: int | None = None,
) -> BatchReport:
    """Do every item that has a payload; returns the report (also saved as report.json).

    ``items`` (a sequence, :class:`PlannedItems`, or an iterator planning them lazily) are
    taken in order as workers can take them (up to two a worker: the one it does and the
    next), and let go once done (their reports go to the spool, report.json's draft).
    ``todo``: how many have a payload, for the progress (when not given, counted here: an
    iterator is then read whole first).
    The journal is closed (and the folder's lock released) however the batch ends.
    """
    started = time.monotonic()
    if todo is None:
        if not isinstance(items, (Sequence, PlannedItems)):
            items = list(items)
        todo = count_todo(items)
    report = BatchReport()
    try:
        journal.remove_stale_temp_files()
        with ReportSpool(journal.folder, report) as spool:
            total = todo
            feed = _Feed(items, journal, spool, lambda done: settings.on_progress(done, total))
            report.stopped = _run(feed, todo, job, journal, settings)
            feed.finish_unstarted()
            settings.seconds = time.monotonic() - started
            report.saved_to = save_report(journal, spool)
    finally:
        journal.close()
    return report


class _Feed:
    """Planned items to the pool, in order: those without a payload go straight to the spool;
    the others are claimed in the journal as they are handed out, and kept until done.

    ``progress(counted)`` is told how many items count as done: those whose outcome came back
    (``finished``) and, for items planned lazily, those passed without a payload."""

    def __init__(
        self,
        items: Iterable[PlannedItem],
        journal: OutputJournal,
        spool: ReportSpool,
        progress: Callable[[int], None],
    ):
        self._lazy = items if isinstance(items, PlannedItems) and items.lazy else None
        self._items = iter(items)
        self._journal = journal
        self._spool = spool
        self._progress = progress
        self._given = 0  # items taken from ``items``
        self.finished = 0
        """Items whose outcome came back and was recorded."""
        self._passed = 0
        """Items planned lazily and passed without a payload (counted in the progress)."""
        self.flying: dict[int, tuple[int, PlannedItem]] = {}
        """Pool index -> (place in the batch, item), for items handed out and not done."""
        self.disk_full: OSError | None = None
        """Set when the journal could not claim an item's outputs: no more are handed out."""

    def counted(self) -> int:
        """How many items the progress counts as done."""
        return self.finished + self._passed

    def payloads(self) -> Iterator[Any]:
        """The payloads for the pool, one by one (the pool's index counts them from 0)."""
        sent = 0
        passed = self._passed
        for item in self._items:
            place = self._given
            self._given += 1
            if item.payload is None:
                self._spool.put(place, item.report)
                if self._lazy is not None:
                    self._passed += 1
                continue
            if self._passed != passed:  # a run of items passed: the progress moves once
                passed = self._passed
                self._progress(self.counted())
            self.flying[sent] = (place, item)  # until done, or spooled as not started
            try:
                self._journal.pending(item.key, item.targets)
            except OSError as error:  # no claim, no start: the items in flight still finish
                if not is_disk_full(error):
                    raise
                self.disk_full = error
                return
            sent += 1
            yield item.payload
        if self._passed != passed:
            self._progress(self.counted())

    def targets(self, index: int) -> tuple[Path, ...]:
        """The outputs of the item the pool knows as ``index``."""
        return self.flying[index][1].targets

    def done(self, index: int) -> PlannedItem:
        """The item the pool knows as ``index`` has its outcome recorded: spool it."""
        place, item = self.flying.pop(index)
        self._spool.put(place, item.report)
        self.finished += 1
        return item

    def finish_unstarted(self) -> None:
        """Spool every item left (in flight when a second Ctrl+C came, or never handed out)
        as not started; sources never planned get their plain reports, not planned now."""
        for place, item in self.flying.values():
            _not_started(item)
            self._spool.put(place, item.report)
        self.flying.clear()
        if self._lazy is not None:
            for report in self._lazy.unplanned():
                self._spool.put(self._given, report)
                self._given += 1
            return
        for item in self._items:
            if item.payload is not None:
                _not_started(item)
            self._spool.put(self._given, item.report)
            self._given += 1


def _not_started(item: PlannedItem) -> None:
    item.report.status = "skipped"
    item.report.error = NOT_STARTED


def _run(
    feed: _Feed, total: int, job: Job, journal: OutputJournal, settings: BatchSettings
) -> str | None:
    """Hand the items to workers and record what comes back; returns why it stopped early."""
    settings.on_progress(0, total)
    stopped: str | None = None
    pool_kwargs: dict[str, Any] = {"memory_limit": settings.memory_limit}
    if settings.item_timeout is not None:
        pool_kwargs["item_timeout"] = settings.item_timeout
    try:
        with _open_pool(job, feed, total, settings, pool_kwargs) as pool:
            settings.on_pool(pool)
            for outcome in pool.run(feed.payloads()):
                try:
                    _record(feed.flying[outcome.index][1], outcome, journal, settings)
                finally:  # even half recorded (the journal's disk is full): as it came back
                    feed.done(outcome.index)
                settings.on_progress(feed.counted(), total)
                if outcome.disk_full and not pool.stopping:
                    stopped = disk_full_stop(outcome.error or "")
                    pool.stop()
            if feed.disk_full is not None and stopped is None:
                stopped = disk_full_stop(feed.disk_full)
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
    job: Job, feed: _Feed, total: int, settings: BatchSettings, pool_kwargs: dict[str, Any]
) -> WorkerPool:
    cluster = settings.cluster or active_cluster()
    if cluster is not None:
        from brandstudio.batch.cluster_pool import ClusterPool

        timeout = {"item_timeout": settings.item_timeout} if settings.item_timeout else {}
        return ClusterPool(job, cluster, feed.targets, **timeout)
    return WorkerPool(job, min(settings.jobs, max(1, total)), **pool_kwargs)


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


def save_report(journal: OutputJournal, report: BatchReport | ReportSpool) -> Path | None:
    """Write report.json into the journal's folder (its own earlier report is replaced), from
    a report held in memory or a batch's spool; None when it cannot be written (a full disk:
    the batch's summary says so)."""
    stem = PurePosixPath(report_path(journal.folder).stem)
    path = journal.claim(stem, ".json")
    try:
        journal.pending("report", [path])
        if isinstance(report, ReportSpool):
            if not report.write(path):
                return None
        else:
            atomic_write_text(path, report.to_text())
    except OSError:
        return None
    with contextlib.suppress(OSError):
        journal.done("report", path, path.stat().st_size, "")
    return path
