"""Worker processes for a batch: one item at a time per child, bounded memory, dead ones replaced.

A stranger's photo can crash a decoder or eat all memory. Each item therefore runs in a worker
process with an address-space limit; when a worker dies, a new one takes its place and the item
is tried once more, then reported as failed. The parent only dispatches and collects.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.context import ForkServerContext, SpawnContext
from multiprocessing.process import BaseProcess
from typing import Any, Final, Protocol

DEFAULT_MEMORY_LIMIT: Final = 2 * 1024**3
"""Address-space limit per worker in bytes (override with BRANDSTUDIO_WORKER_MEMORY_MB)."""

DEFAULT_ITEM_TIMEOUT: Final = 300.0
"""Seconds one item may take before its worker is stopped and the item failed."""

MAX_ATTEMPTS: Final = 2
"""An item whose worker dies is tried again once, on a fresh worker."""

_POLL_SECONDS: Final = 0.2


class ItemError(Exception):
    """An item that cannot be done; ``reason`` is for the user. Raised inside workers.

    ``problems``: what a pre-flight check found (JSON-ready records) when that is why.
    """

    def __init__(
        self, reason: str, *, disk_full: bool = False, problems: tuple[Any, ...] = ()
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.disk_full = disk_full
        self.problems = problems

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_failure, (self.reason, self.disk_full, self.problems))


def _rebuild_failure(reason: str, disk_full: bool, problems: tuple[Any, ...] = ()) -> ItemError:
    return ItemError(reason, disk_full=disk_full, problems=problems)


class Job(Protocol):
    """What a batch does to each item. Picklable; ``start`` runs once in every worker."""

    def start(self) -> Callable[[Any], Any]:
        """Load what every item needs (logo, fonts, template) and return the per-item function."""
        ...


@dataclass(frozen=True)
class Outcome:
    """The end of one item: ``value`` when it was done, else ``error`` (a readable reason)."""

    index: int
    value: Any = None
    error: str | None = None
    disk_full: bool = False
    problems: tuple[Any, ...] = ()
    """For a failed item: what a pre-flight check found, when that is why it failed."""

    @property
    def ok(self) -> bool:
        """True when the item was done."""
        return self.error is None


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    index: int | None = None
    started: float = 0.0


@dataclass
class _Progress:
    source: Iterator[Any]
    """The items not taken yet (taken one by one, when a worker is free)."""
    ready: list[int] = field(default_factory=list)
    """Items taken and waiting for a worker (one taken ahead, and those to try again), a stack."""
    payloads: dict[int, Any] = field(default_factory=dict)
    """Items taken and not finished: only these are held."""
    taken: int = 0
    attempts: dict[int, int] = field(default_factory=dict)

    def has_next(self) -> bool:
        """True when an item waits for a worker (taking one from ``source`` if need be)."""
        if self.ready:
            return True
        for payload in self.source:
            self.payloads[self.taken] = payload
            self.ready.append(self.taken)
            self.taken += 1
            return True
        return False


def memory_limit_from_env() -> int:
    """The per-worker memory limit in bytes: BRANDSTUDIO_WORKER_MEMORY_MB or the default."""
    text = os.environ.get("BRANDSTUDIO_WORKER_MEMORY_MB", "")
    if text.isdigit() and int(text) >= 256:
        return int(text) * 1024 * 1024
    return DEFAULT_MEMORY_LIMIT


class WorkerPool:
    """Runs ``job`` over items in ``jobs`` worker processes.

    Use as a context manager and iterate ``run(items)``: outcomes arrive as items finish, in any
    order. ``stop()`` (or a first Ctrl+C in the main thread) stops handing out new items; the
    ones in progress still finish and are yielded. A second Ctrl+C raises KeyboardInterrupt and
    the workers are killed on exit.
    """

    def __init__(
        self,
        job: Job,
        jobs: int,
        *,
        memory_limit: int | None = None,
        item_timeout: float = DEFAULT_ITEM_TIMEOUT,
    ) -> None:
        if jobs < 1:
            raise ValueError(f"jobs must be at least 1, not {jobs}")
        self._job = job
        self._jobs = jobs
        self._memory_limit = memory_limit or memory_limit_from_env()
        self._item_timeout = item_timeout
        self._context = _context()
        self._workers: list[_Worker] = []
        self._stopping = threading.Event()
        self.interrupted = False
        """True when a Ctrl+C (or ``stop(interrupted=True)``) ended the run early."""
        self.terminated = False
        """True when it was SIGTERM that ended the run early."""

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def stop(self, *, interrupted: bool = False) -> None:
        """Hand out no more items; those in progress still finish. Safe from any thread."""
        self.interrupted = self.interrupted or interrupted
        self._stopping.set()

    @property
    def stopping(self) -> bool:
        """True once stop() was called."""
        return self._stopping.is_set()

    def run(self, items: Iterable[Any]) -> Iterator[Outcome]:
        """Yield one Outcome per item handed out (items not handed out after a stop get none).

        ``items`` may be an iterator: it is read in order, as workers become free (one item
        ahead), so only the items in progress are held. Outcome.index counts from 0 in that
        order.
        """
        state = _Progress(source=iter(items))
        with _sigint_stops(self):
            while True:
                self._dispatch(state)
                busy = [worker for worker in self._workers if worker.index is not None]
                if not busy and (self.stopping or not state.has_next()):
                    return
                for outcome in self._collect(busy, state):
                    state.payloads.pop(outcome.index, None)
                    state.attempts.pop(outcome.index, None)
                    yield outcome

    def close(self) -> None:
        """End every worker (politely, then by force) and release their pipes."""
        for worker in self._workers:
            with contextlib.suppress(OSError, ValueError):
                if worker.index is None:
                    worker.conn.send(None)
        deadline = time.monotonic() + 2.0
        for worker in self._workers:
            if worker.index is not None:
                worker.process.kill()
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(1.0)
            worker.conn.close()
        self._workers.clear()

    # -- inside run() --

    def _dispatch(self, state: _Progress) -> None:
        if self.stopping:
            return
        while state.has_next():
            worker = self._idle_worker()
            if worker is None:
                return
            index = state.ready.pop()
            state.attempts[index] = state.attempts.get(index, 0) + 1
            worker.index = index
            worker.started = time.monotonic()
            worker.conn.send((index, state.payloads[index]))

    def _idle_worker(self) -> _Worker | None:
        for worker in self._workers:
            if worker.index is None:
                return worker
        if len(self._workers) < self._jobs:
            worker = self._spawn()
            self._workers.append(worker)
            return worker
        return None

    def _spawn(self) -> _Worker:
        parent_end, child_end = self._context.Pipe(duplex=True)
        process = self._context.Process(
            target=_worker_main,
            args=(child_end, self._job, self._memory_limit),
            name="brandstudio-worker",
            daemon=True,
        )
        with safe_path():
            process.start()
        child_end.close()
        return _Worker(process=process, conn=parent_end)

    def _collect(self, busy: list[_Worker], state: _Progress) -> Iterator[Outcome]:
        waitables: list[Any] = [worker.conn for worker in busy]
        waitables += [worker.process.sentinel for worker in busy]
        ready = set(multiprocessing.connection.wait(waitables, timeout=_POLL_SECONDS))
        now = time.monotonic()
        for worker in busy:
            if worker.conn in ready:
                outcome = self._receive(worker, state)
            elif worker.process.sentinel in ready:
                outcome = self._replace_dead(worker, state)
            elif now - worker.started > self._item_timeout:
                outcome = self._time_out(worker)
            else:
                continue
            if outcome is not None:
                yield outcome

    def _receive(self, worker: _Worker, state: _Progress) -> Outcome | None:
        try:
            message = worker.conn.recv()
        except (EOFError, OSError):
            return self._replace_dead(worker, state)
        index = worker.index
        assert index is not None
        worker.index = None
        kind, payload = message
        if kind == "ok":
            return Outcome(index, value=payload)
        reason, disk_full, exit_after, problems = payload
        if exit_after:  # the worker ran out of memory: its heap is suspect, start afresh
            self._retire(worker)
        return Outcome(index, error=reason, disk_full=disk_full, problems=problems)

    def _replace_dead(self, worker: _Worker, state: _Progress) -> Outcome | None:
        index = worker.index
        assert index is not None
        worker.process.join(1.0)
        cause = _death_cause(worker.process.exitcode)
        self._retire(worker)
        if state.attempts.get(index, 0) < MAX_ATTEMPTS and not self.stopping:
            state.ready.append(index)  # tried next, on a fresh worker
            return None
        tries = state.attempts.get(index, 1)
        when = "twice " if tries > 1 else ""
        return Outcome(index, error=f"the worker processing it {when}stopped ({cause})")

    def _time_out(self, worker: _Worker) -> Outcome:
        index = worker.index
        assert index is not None
        self._retire(worker)
        return Outcome(index, error=f"took longer than {self._item_timeout:.0f} s: stopped")

    def _retire(self, worker: _Worker) -> None:
        worker.index = None
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(1.0)
        worker.conn.close()
        self._workers.remove(worker)


_ENVIRONMENT_LOCK = threading.Lock()


@contextlib.contextmanager
def safe_path() -> Iterator[None]:
    """Start Python processes that import only the installed Brandstudio.

    multiprocessing starts its fork server (and, with spawn, every worker) as ``python -c``,
    which puts the current folder first on ``sys.path``: a ``brandstudio/`` (or
    ``multiprocessing/``) folder where the user stands would be imported by every worker.
    PYTHONSAFEPATH (Python 3.11+) leaves that folder out; it is set only while processes start.
    """
    with _ENVIRONMENT_LOCK:
        before = os.environ.get("PYTHONSAFEPATH")
        os.environ["PYTHONSAFEPATH"] = "1"
        try:
            yield
        finally:
            if before is None:
                del os.environ["PYTHONSAFEPATH"]
            else:
                os.environ["PYTHONSAFEPATH"] = before


def default_jobs() -> int:
    """Worker processes by default: the CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def prepare_workers(preload: Sequence[str]) -> None:
    """Start the process that workers are forked from now, with ``preload`` (module names)
    already imported there: its start-up overlaps the caller's planning, and every worker
    begins with those modules loaded. A no-op where workers are spawned instead."""
    context = _context()
    if not isinstance(context, ForkServerContext):
        return
    from multiprocessing import forkserver

    with contextlib.suppress(ValueError, OSError), safe_path():
        context.set_forkserver_preload(list(preload))
        forkserver.ensure_running()


def _context() -> SpawnContext | ForkServerContext:
    # forkserver: children start from a clean single-threaded server (safe beside Qt's threads)
    # and fork quickly; spawn where there is no fork (Windows, and macOS's default).
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")


def _death_cause(exitcode: int | None) -> str:
    if exitcode is None:
        return "it did not answer"
    if exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        hint = ": out of memory?" if -exitcode == signal.SIGKILL else ""
        return f"killed by {name}{hint}"
    return f"exit status {exitcode}"


@contextlib.contextmanager
def _sigint_stops(pool: WorkerPool) -> Iterator[None]:
    """In the main thread, a first Ctrl+C or SIGTERM stops dispatch (the items in progress
    finish and are recorded); a second one interrupts for real."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_signal(signum: int, frame: object) -> None:
        if pool.stopping:
            raise KeyboardInterrupt
        pool.terminated = signum == signal.SIGTERM
        pool.stop(interrupted=True)

    previous = {name: signal.signal(name, on_signal) for name in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for name, handler in previous.items():
            signal.signal(name, handler)


# -- the worker side --


def _worker_main(conn: Connection, job: Job, memory_limit: int) -> None:
    """A worker's life: limit memory, start the job, then do items until told to stop."""
    for name in (signal.SIGINT, signal.SIGTERM):  # the parent's to handle: it stops cleanly
        signal.signal(name, signal.SIG_IGN)
    _die_with_parent()
    _limit_memory(memory_limit)
    try:
        process = job.start()
    except Exception as error:  # the job cannot start: every item fails with the reason
        reason = str(error) or type(error).__name__
        process = _always_failing(reason)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        if message is None:
            return
        _, payload = message
        reply, exit_after = _process_one(process, payload)
        try:
            conn.send(reply)
        except (OSError, ValueError):
            return
        if exit_after:
            return


def _process_one(process: Callable[[Any], Any], payload: Any) -> tuple[Any, bool]:
    try:
        return ("ok", process(payload)), False
    except ItemError as failure:
        return ("failed", (failure.reason, failure.disk_full, False, failure.problems)), False
    except MemoryError:
        return ("failed", ("not enough memory to process it", False, True, ())), True
    except Exception as error:  # a bug or an unexpected library error: report, go on
        reason = f"unexpected error: {type(error).__name__}: {error}"
        return ("failed", (reason, False, False, ())), False


def _always_failing(reason: str) -> Callable[[Any], Any]:
    def fail(payload: Any) -> Any:
        raise ItemError(reason)

    return fail


def _limit_memory(limit: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: no rlimits
        return
    with contextlib.suppress(ValueError, OSError):
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _die_with_parent() -> None:
    """On Linux, have the kernel kill this worker when the parent dies (no orphans)."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
