"""Worker processes for a batch: one item at a time per child, bounded memory, dead ones replaced.

A stranger's photo can crash a decoder or eat all memory. Each item therefore runs in a worker
process with an address-space limit; when a worker dies, a new one takes its place and the item
is tried once more, then reported as failed. The parent only dispatches and collects; a busy
worker has its next item queued, so it never waits for the parent between two items.
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
from multiprocessing.reduction import ForkingPickler
from typing import Any, Final, Protocol

DEFAULT_MEMORY_LIMIT: Final = 2 * 1024**3
"""Address-space limit per worker in bytes (override with BRANDSTUDIO_WORKER_MEMORY_MB)."""

DEFAULT_ITEM_TIMEOUT: Final = 300.0
"""Seconds one item may take before its worker is stopped and the item failed."""

MAX_ATTEMPTS: Final = 2
"""An item whose worker dies is tried again once, on a fresh worker."""

_POLL_SECONDS: Final = 0.2

_AHEAD_BYTES: Final = 65536 if sys.platform.startswith("linux") else 4096
"""The largest item queued in a busy worker's pipe: it must fit in the pipe's buffer (8 KiB
on macOS and Windows), or the parent would block sending it while the worker is busy."""


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


class _Claims:
    """Shared by the parent and one worker: the item the worker last began, and the one the
    parent took back from its pipe. A lock makes beginning and taking back exclusive: an
    item is either done by this worker or handed to another, never both, never neither."""

    def __init__(self, context: SpawnContext | ForkServerContext) -> None:
        self.lock = context.Lock()
        self.slots = context.RawArray("q", [-1, -1])  # taken back, begun

    def begin(self, index: int, cancelled: Any) -> bool:
        """In the worker: True when it may do ``index`` now (not stopped, not taken back)."""
        with self.lock:
            if cancelled.value or self.slots[0] == index:
                return False
            self.slots[1] = index
            return True

    def take_back(self, index: int) -> bool:
        """In the parent: True when the worker will skip ``index`` (it had not begun it).
        Never waits (a worker killed holding the lock would hold it for ever)."""
        if not self.lock.acquire(False):
            return False
        try:
            if self.slots[1] == index:
                return False
            self.slots[0] = index
            return True
        finally:
            self.lock.release()


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    claims: _Claims
    sent: list[int] = field(default_factory=list)
    """Items sent and not answered, in order: the first is being done (since ``started``),
    the second (if any) waits in the pipe and starts the moment the first is done."""
    started: float = 0.0
    taken_back: int | None = None
    """An item taken back from its pipe for another worker: its "skipped" is still to come."""
    broken: bool = False
    """A send to it failed (it died): nothing more is sent, its death is handled when seen."""

    @property
    def busy(self) -> bool:
        """True while an answer from it is awaited."""
        return bool(self.sent) or self.taken_back is not None

    @property
    def usable(self) -> bool:
        """True when an item may be sent to it (when it is idle or has none queued yet)."""
        return not self.broken and self.taken_back is None and len(self.sent) < 2


@dataclass
class _Progress:
    source: Iterator[Any]
    """The items not taken yet (taken one by one, when a worker can take one)."""
    ready: list[int] = field(default_factory=list)
    """Items taken and waiting for a worker (to send again, or too large to queue), a stack."""
    messages: dict[int, Any] = field(default_factory=dict)
    """Items taken and not finished, pickled as sent: only these are held."""
    taken: int = 0
    attempts: dict[int, int] = field(default_factory=dict)
    """Times an item was started (an item only queued behind another does not count)."""

    def has_next(self) -> bool:
        """True when an item waits for a worker (taking one from ``source`` if need be)."""
        if self.ready:
            return True
        for payload in self.source:
            self.messages[self.taken] = ForkingPickler.dumps((self.taken, payload))
            self.ready.append(self.taken)
            self.taken += 1
            return True
        return False

    def forget(self, index: int) -> None:
        """``index`` is finished (or will not be started): let go of it."""
        self.messages.pop(index, None)
        self.attempts.pop(index, None)


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

    A busy worker has one more item queued in its pipe, so it starts it the moment it finishes
    one instead of waiting for the parent to receive and record that one. A queued item is not
    started yet: a worker that dies, times out or retires leaves it to another worker (no
    attempt counted), a stop cancels it (the worker skips it unless it already began it), and
    when the items run out it is taken back for a worker that has nothing to do. A worker
    begins its queued item as it sends the reply for the one before: the parent counts the
    item's time limit from receiving that reply.
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
        self._cancelled: Any = None
        """Shared with the workers once one exists: 1 after stop(), no queued item starts."""
        self.interrupted = False
        """True when a Ctrl+C (or ``stop(interrupted=True)``) ended the run early."""
        self.terminated = False
        """True when it was SIGTERM that ended the run early."""

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def stop(self, *, interrupted: bool = False) -> None:
        """Hand out no more items; those in progress still finish, those only queued in a
        worker's pipe are not started (unless the worker already began them: then they finish
        and are yielded). Safe from any thread and from a signal handler."""
        self.interrupted = self.interrupted or interrupted
        self._stopping.set()
        cancelled = self._cancelled
        if cancelled is not None:
            cancelled.value = 1

    @property
    def stopping(self) -> bool:
        """True once stop() was called."""
        return self._stopping.is_set()

    def run(self, items: Iterable[Any]) -> Iterator[Outcome]:
        """Yield one Outcome per item started (items not started after a stop get none).

        ``items`` may be an iterator: it is read in order, as workers can take an item (each
        busy worker holds at most two: the one it does and the next), so only the items in
        flight are held. Outcome.index counts from 0 in that order.
        """
        state = _Progress(source=iter(items))
        with _sigint_stops(self):
            while True:
                self._dispatch(state)
                busy = [worker for worker in self._workers if worker.busy]
                if not busy and (self.stopping or not state.has_next()):
                    return
                for outcome in self._collect(busy, state):
                    state.forget(outcome.index)
                    yield outcome

    def close(self) -> None:
        """End every worker (politely, then by force) and release their pipes."""
        for worker in self._workers:
            with contextlib.suppress(OSError, ValueError):
                if not worker.sent:
                    worker.conn.send(None)
        deadline = time.monotonic() + 2.0
        for worker in self._workers:
            if worker.sent:
                worker.process.kill()
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(1.0)
            worker.conn.close()
        self._workers.clear()

    # -- inside run() --

    def _dispatch(self, state: _Progress) -> None:
        while not self.stopping:
            worker = self._free_worker(state)
            if worker is None:
                return
            if not state.has_next():
                if not worker.sent and self._take_back_one(state):
                    continue  # for this idle worker
                return
            index = state.ready[-1]
            message = state.messages[index]
            if worker.sent and len(message) > _AHEAD_BYTES:
                return  # too large to wait in a busy worker's pipe: it waits for a free one
            state.ready.pop()
            try:
                worker.conn.send_bytes(message)
            except (OSError, ValueError):  # it died: its items are seen to when its end is
                state.ready.append(index)
                worker.broken = True
                if not worker.busy:
                    self._retire(worker, state)
                continue
            worker.sent.append(index)
            if len(worker.sent) == 1:
                self._begin(worker, state)

    def _free_worker(self, state: _Progress) -> _Worker | None:
        """An idle worker, else a new one (when there is an item for it), else a busy one
        with no item queued yet."""
        usable = [worker for worker in self._workers if worker.usable]
        for worker in usable:
            if not worker.sent:
                return worker
        if len(self._workers) < self._jobs and state.has_next():
            worker = self._spawn()
            self._workers.append(worker)
            return worker
        return usable[0] if usable else None

    def _take_back_one(self, state: _Progress) -> bool:
        """The items have run out and a worker is idle: take back an item queued behind
        another worker's current one (if that worker has not begun it); True if one was."""
        for worker in self._workers:
            if worker.broken or worker.taken_back is not None or len(worker.sent) < 2:
                continue
            if worker.claims.take_back(worker.sent[1]):
                worker.taken_back = worker.sent.pop()
                state.ready.append(worker.taken_back)
                return True
        return False

    def _begin(self, worker: _Worker, state: _Progress) -> None:
        """The first item ``worker`` was sent is the one it does from now."""
        worker.started = time.monotonic()
        index = worker.sent[0]
        state.attempts[index] = state.attempts.get(index, 0) + 1

    def _spawn(self) -> _Worker:
        if self._cancelled is None:
            self._cancelled = self._context.RawValue("b", 0)
            if self.stopping:  # stop() ran before the flag existed
                self._cancelled.value = 1
        claims = _Claims(self._context)
        parent_end, child_end = self._context.Pipe(duplex=True)
        process = self._context.Process(
            target=_worker_main,
            args=(child_end, self._job, self._memory_limit, self._cancelled, claims),
            name="brandstudio-worker",
            daemon=True,
        )
        with safe_path():
            process.start()
        child_end.close()
        return _Worker(process=process, conn=parent_end, claims=claims)

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
            elif worker.sent and now - worker.started > self._item_timeout:
                outcome = self._time_out(worker, state)
            else:
                continue
            if outcome is not None:
                yield outcome

    def _receive(self, worker: _Worker, state: _Progress) -> Outcome | None:
        try:
            kind, payload = worker.conn.recv()
        except (EOFError, OSError):
            return self._replace_dead(worker, state)
        if kind == "skipped" and payload == worker.taken_back:  # done elsewhere
            worker.taken_back = None
            worker.claims.slots[0] = -1  # it may be sent here again
            return self._after_reply(worker, state, None)
        index = worker.sent.pop(0)
        out_of_memory = kind == "failed" and payload[2]  # it exits, its queued item unbegun
        if out_of_memory:
            self._retire(worker, state)
        elif worker.sent:  # the worker began its queued item as it sent this reply
            self._begin(worker, state)
        if kind == "skipped":  # the pool was stopped before the worker began it
            state.forget(index)
            return self._after_reply(worker, state, None)
        if kind == "ok":
            return self._after_reply(worker, state, Outcome(index, value=payload))
        reason, disk_full, _exit_after, problems = payload
        outcome = Outcome(index, error=reason, disk_full=disk_full, problems=problems)
        return self._after_reply(worker, state, outcome)

    def _after_reply(
        self, worker: _Worker, state: _Progress, outcome: Outcome | None
    ) -> Outcome | None:
        if worker.broken and not worker.busy and worker in self._workers:
            self._retire(worker, state)  # a send to it failed: it is gone
        return outcome

    def _replace_dead(self, worker: _Worker, state: _Progress) -> Outcome | None:
        if not worker.sent:  # it was doing nothing (it died skipping an item taken back)
            self._retire(worker, state)
            return None
        index = worker.sent.pop(0)
        worker.process.join(1.0)
        cause = _death_cause(worker.process.exitcode)
        self._retire(worker, state)
        if state.attempts.get(index, 0) < MAX_ATTEMPTS and not self.stopping:
            state.ready.append(index)  # tried next, on a fresh worker
            return None
        tries = state.attempts.get(index, 1)
        when = "twice " if tries > 1 else ""
        return Outcome(index, error=f"the worker processing it {when}stopped ({cause})")

    def _time_out(self, worker: _Worker, state: _Progress) -> Outcome:
        index = worker.sent.pop(0)
        self._retire(worker, state)
        return Outcome(index, error=f"took longer than {self._item_timeout:.0f} s: stopped")

    def _retire(self, worker: _Worker, state: _Progress) -> None:
        """End ``worker``; the item still queued in its pipe was never started: it goes back
        to the ready items (no attempt counted)."""
        state.ready.extend(reversed(worker.sent))
        worker.sent.clear()
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


def _worker_main(
    conn: Connection, job: Job, memory_limit: int, cancelled: Any, claims: _Claims
) -> None:
    """A worker's life: limit memory, start the job, then do items until told to stop.

    An item is skipped (never begun) when the pool was stopped (``cancelled``) or the parent
    took it back for another worker (``claims``)."""
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
        index, payload = message
        if not claims.begin(index, cancelled):
            reply, exit_after = ("skipped", index), False
        else:
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
