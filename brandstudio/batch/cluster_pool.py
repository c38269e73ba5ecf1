"""Items on a Dask cluster: the same job objects and outcomes as the local WorkerPool.

The client sends each item with the bytes of the files it reads; the job's own files (template,
brand fonts and logos) travel once, as one bundle scattered to every worker and unpacked once
per worker process. Workers write nothing: ``write_output`` captures each file's bytes
(:func:`brandstudio.batch.writer.capture_outputs`) and the client writes them through the same
writer and journal as a local run, so resume, never-overwrite and report.json are unchanged.
At most ``in_flight`` items are out at once (twice the workers' threads), so the client's
memory does not grow with the batch. An item whose worker was lost is sent again once, then
reported as failed, as the local pool does; an item out longer than the item timeout (300 s)
fails and the worker running it is restarted (a hostile photo that hangs a decoder does not
hang the batch). See docs/design/0020-cluster.md.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import os
import pickle
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from brandstudio.batch.cluster import (
    ClusterError,
    ClusterSession,
    Shipping,
    dask_distributed,
    software_versions,
    version_mismatch,
)
from brandstudio.batch.pool import (
    DEFAULT_ITEM_TIMEOUT,
    MAX_ATTEMPTS,
    ItemError,
    Job,
    Outcome,
    WorkerPool,
    _always_failing,
    _process_one,
    _sigint_stops,
)
from brandstudio.batch.writer import capture_outputs, write_output

MAX_BUNDLE_BYTES: Final = 512 * 1024**2
"""The job's files (template, fonts, logos) sent to every worker: at most this many bytes."""
MAX_ITEM_BYTES: Final = 256 * 1024**2
"""One item's input files: at most this many bytes."""
_IDLE_SECONDS: Final = 0.002
"""How long the client waits for a result before looking at the clock again."""

Reply = tuple[tuple[str, Any], tuple[tuple[Path, bytes], ...]]
"""What a worker sends back for one item: the local pool's reply and the captured files."""


@dataclass
class _Flight:
    index: int
    attempts: int = 1
    sent: float = 0.0
    """When it went out (time.monotonic()): the item's clock for ``item_timeout``."""


@dataclass
class ClusterStats:
    """What a run did, for tests and benchmarks."""

    most_in_flight: int = 0
    resent: int = 0
    timed_out: int = 0
    restarted: list[str] = field(default_factory=list)
    """Workers whose process was ended because an item on them ran past its time."""


class ClusterPool(WorkerPool):
    """A WorkerPool whose workers are a Dask cluster's.

    It keeps the local pool's control surface (``stop``, ``stopping``, ``interrupted``,
    ``terminated``, a first Ctrl+C stops dispatch) so every front end's Cancel works unchanged.
    ``targets``: per item (by its index), the only paths the client will write for it.
    """

    def __init__(
        self,
        job: Job,
        session: ClusterSession,
        targets: Callable[[int], Sequence[Path]] | Sequence[Sequence[Path]] | None = None,
        *,
        item_timeout: float = DEFAULT_ITEM_TIMEOUT,
    ) -> None:
        super().__init__(job, 1, item_timeout=item_timeout)
        self._session = session
        self._targets = targets
        self.stats = ClusterStats()

    def run(self, items: Iterable[Any]) -> Iterator[Outcome]:
        """Yield one Outcome per item sent, as they finish (items not sent after a stop get
        none); ``items`` may be an iterator, read as items go out. Raises ClusterError when the
        job cannot be prepared for the cluster, or the cluster stops answering (what was
        written so far is journalled)."""
        try:
            yield from self._run(items)
        except ClusterError:
            raise
        except Exception as error:  # the scheduler went away, a connection broke
            where = self._session.address.text
            reason = str(error) or type(error).__name__
            raise ClusterError(f"the cluster at {where} stopped answering ({reason})") from None

    def _run(self, items: Iterable[Any]) -> Iterator[Outcome]:
        as_completed = dask_distributed(self._session.address.text).as_completed
        client = self._session.client
        shipping = self._session.shipping(self._job)
        bundle = make_bundle(shipping)
        key = hashlib.sha256(bundle).hexdigest()
        held = client.scatter([bundle], broadcast=True, hash=False)  # [the bundle's future]
        versions = dict(self._session.versions or software_versions())
        limit = self._session.in_flight or 2 * self._session.threads()
        pending = enumerate(items)
        payloads: dict[int, Any] = {}  # the items out (or to send again), by index
        retry: list[_Flight] = []
        flying: dict[Any, _Flight] = {}
        finished = as_completed(loop=client.loop)

        def send(flight: _Flight) -> None:
            item = payloads[flight.index]
            files = read_item_files(shipping, item)
            future = client.submit(run_remote_item, held[0], key, versions, item, files, pure=False)
            flight.sent = time.monotonic()
            flying[future] = flight
            finished.add(future)
            self.stats.most_in_flight = max(self.stats.most_in_flight, len(flying))

        def fill() -> None:
            while not self.stopping and len(flying) < limit:
                if retry:
                    send(retry.pop())
                    continue
                taken = next(pending, None)
                if taken is None:
                    return
                payloads[taken[0]] = taken[1]
                send(_Flight(taken[0]))

        with _sigint_stops(self):
            try:
                fill()
                while flying:
                    for future in _finished(finished):
                        flight = flying.pop(future, None)
                        if flight is None:  # cancelled when it ran past its time
                            continue
                        outcome = self._outcome(future, flight, retry)
                        if outcome is not None:
                            del payloads[outcome.index]
                            yield outcome
                    restarts = len(self.stats.restarted)
                    for outcome in self._overdue(flying):
                        del payloads[outcome.index]
                        yield outcome
                    if len(self.stats.restarted) > restarts:  # its copy of the bundle is gone
                        held = _scatter_again(client, bundle, self.stats.restarted[restarts:])
                    fill()
            finally:
                for future in flying:
                    future.cancel()
                with contextlib.suppress(Exception):
                    held[0].release()

    def _overdue(self, flying: dict[Any, _Flight]) -> Iterator[Outcome]:
        """Fail the items out longer than ``item_timeout``: cancel each, and end the process
        of the worker running it (a thread cannot be stopped, a process can; its nanny starts
        a fresh one); Dask sends the items queued behind it elsewhere."""
        now = time.monotonic()
        late = [
            future for future, flight in flying.items() if now - flight.sent > self._item_timeout
        ]
        if not late:
            return
        busy = _processing(self._session.client)
        stuck = sorted({busy[future.key] for future in late if future.key in busy})
        for future in late:
            flight = flying.pop(future)
            future.cancel()
            self.stats.timed_out += 1
            yield Outcome(
                flight.index, error=f"took longer than {self._item_timeout:.0f} s: stopped"
            )
        if stuck:
            # Its process ends at once (a thread cannot be stopped); the worker's nanny starts
            # a fresh one. Not waited for: the batch goes on with the other workers.
            with contextlib.suppress(Exception):  # gone already: the item failed anyway
                self._session.client.run(_end_worker_process, workers=stuck, wait=False)
            self.stats.restarted += stuck

    def close(self) -> None:
        """Nothing of its own to end: the session belongs to the caller."""

    def _outcome(self, future: Any, flight: _Flight, retry: list[_Flight]) -> Outcome | None:
        index = flight.index
        try:
            reply, files = future.result()
        except Exception as error:  # the worker died, or the scheduler gave up on the task
            if flight.attempts < MAX_ATTEMPTS and not self.stopping:
                retry.append(_Flight(index, flight.attempts + 1))
                self.stats.resent += 1
                return None
            when = "twice " if flight.attempts > 1 else ""
            cause = str(error) or type(error).__name__
            return Outcome(index, error=f"the worker processing it {when}stopped ({cause})")
        kind, payload = reply
        if kind != "ok":
            reason, disk_full, _exit_after, problems = payload
            return Outcome(index, error=reason, disk_full=disk_full, problems=problems)
        try:
            self._write(index, files)
        except ItemError as failure:
            return Outcome(index, error=failure.reason, disk_full=failure.disk_full)
        written = {path for path, _ in files}
        if any(output[0] not in written for output in getattr(payload, "outputs", ())):
            return Outcome(index, error="a worker reported a file it did not send")
        return Outcome(index, value=payload)

    def _write(self, index: int, files: Sequence[tuple[Path, bytes]]) -> None:
        """Write a worker's files here, through the same writer as a local run."""
        if self._targets is None:
            allowed = None
        elif callable(self._targets):
            allowed = set(self._targets(index))
        else:
            allowed = set(self._targets[index])
        for path, data in files:
            if allowed is not None and path not in allowed:
                raise ItemError(f"a worker sent {path}, which this item does not make")
            write_output(path, data)


def _finished(finished: Any) -> list[Any]:
    """The futures of ``finished`` (a Dask as_completed) done now; when none is, a short
    wait first (so the caller can also watch the clock)."""
    if not finished.has_ready():
        time.sleep(_IDLE_SECONDS)
    return list(finished.next_batch(block=False)) if finished.has_ready() else []


def _scatter_again(client: Any, bundle: bytes, ended: Sequence[str]) -> list[Any]:
    """The job's files scattered again once the ended workers have left (their copies went
    with them; a fresh worker fetches its copy from the others). Waits up to ~10 s for them to
    leave and up to a minute for a worker to be there at all."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with contextlib.suppress(Exception):
            if not set(ended) & set(client.scheduler_info()["workers"]):
                break
        time.sleep(0.1)
    client.wait_for_workers(1, timeout=60)
    scattered: list[Any] = client.scatter([bundle], broadcast=True, hash=False)
    return scattered


async def _end_worker_process() -> None:
    """Run on a worker whose item ran past its time (on its event loop, not the stuck thread;
    a coroutine, so it need not be waited for): end its process now. Its nanny starts a fresh
    one; a worker without a nanny leaves the cluster."""
    os._exit(70)  # EX_SOFTWARE


def _processing(client: Any) -> dict[Any, str]:
    """Task key -> the address of the worker running it (empty when the scheduler will not
    say)."""
    try:
        by_worker: Mapping[str, Sequence[Any]] = client.processing()
    except Exception:  # the scheduler is busy or gone: nothing to restart
        return {}
    return {task: worker for worker, tasks in by_worker.items() for task in tasks}


def make_bundle(shipping: Shipping) -> bytes:
    """The job's files and its Shipping, pickled: sent once to every worker.

    Files are stored under ``r<N>/`` by root folder, with their paths below it.
    """
    roots: dict[Path, str] = {}
    files: dict[str, bytes] = {}
    total = 0
    for root, path in shipping.job_files():
        name = roots.setdefault(root, f"r{len(roots)}")
        relative = path.relative_to(root).as_posix()
        if f"{name}/{relative}" in files:
            continue
        data = _read(path)
        total += len(data)
        if total > MAX_BUNDLE_BYTES:
            raise ClusterError(
                f"the job's files (template, fonts, logos) are over"
                f" {MAX_BUNDLE_BYTES // 1024**2} MB: too much to send to every worker"
            )
        files[f"{name}/{relative}"] = data
    return pickle.dumps((shipping, {str(root): name for root, name in roots.items()}, files))


def read_item_files(shipping: Shipping, item: Any) -> dict[str, bytes]:
    """The bytes of the files ``item`` reads, by their path here."""
    files: dict[str, bytes] = {}
    total = 0
    for path in shipping.item_files(item):
        if str(path) in files:
            continue
        try:
            data = _read(path)
        except ClusterError:
            continue  # the worker reports the missing file as the item's failure
        total += len(data)
        if total > MAX_ITEM_BYTES:
            break  # the worker fails the item on the file it did not get
        files[str(path)] = data
    return files


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise ClusterError(f"{path}: cannot be read ({error.strerror or error})") from None


# -- on the worker --

_STATE = threading.local()
"""Per worker thread: the started jobs by bundle key, and the version check done."""


@dataclass
class _Started:
    process: Callable[[Any], Any]
    shipping: Shipping
    folder: Path
    checked: dict[str, str] = field(default_factory=dict)


def run_remote_item(
    bundle: bytes,
    key: str,
    versions: Mapping[str, str],
    item: Any,
    files: Mapping[str, bytes],
) -> Reply:
    """One item on a cluster worker: the job started once per thread, the item's files in a
    temporary folder, its outputs captured and returned (nothing written here)."""
    problem = _version_problem(versions)
    if problem:
        return ("failed", (problem, False, False, ())), ()
    started = _started_job(bundle, key)
    with tempfile.TemporaryDirectory(prefix="brandstudio-item-") as folder:
        local: dict[str, Path] = {}
        for number, (original, data) in enumerate(files.items()):
            path = Path(folder, f"{number}{Path(original).suffix}")
            path.write_bytes(data)
            local[original] = path

        def moved(path: Path) -> Path:
            copy: Path | None = local.get(str(path))
            if copy is None:
                raise ItemError(f"{path}: not sent to the worker (missing or too large)")
            return copy

        try:
            here = started.shipping.localise_item(item, moved)
        except ItemError as failure:
            return ("failed", (failure.reason, False, False, ())), ()
        with capture_outputs() as captured:
            reply, _exit_after = _process_one(started.process, here)
    if reply[0] != "ok":
        captured = []
    return reply, tuple(captured)


def _version_problem(versions: Mapping[str, str]) -> str:
    ours: dict[str, str] | None = getattr(_STATE, "versions", None)
    if ours is None:
        ours = software_versions()
        _STATE.versions = ours
    return version_mismatch(_worker_name(), ours, versions)


def _worker_name() -> str:
    try:
        distributed: Any = importlib.import_module("distributed")
        return str(distributed.get_worker().address)
    except (ImportError, ValueError):
        return "here"


def _started_job(bundle: bytes, key: str) -> _Started:
    jobs: dict[str, _Started] = getattr(_STATE, "jobs", None) or {}
    _STATE.jobs = jobs
    if key in jobs:
        return jobs[key]
    for old in jobs.values():  # one job at a time per worker: a new batch replaces the last
        shutil.rmtree(old.folder, ignore_errors=True)
    jobs.clear()
    shipping, roots, files = pickle.loads(bundle)
    folder = Path(tempfile.mkdtemp(prefix="brandstudio-job-"))
    for name, data in files.items():
        path = folder.joinpath(*name.split("/"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    for name in roots.values():
        (folder / name).mkdir(exist_ok=True)

    by_depth = sorted(roots.items(), key=lambda pair: -len(Path(pair[0]).parts))

    def moved(path: Path) -> Path:  # the innermost root holding it: its copy is there
        for root, name in by_depth:
            if path.is_relative_to(root):
                return Path(folder, name, path.relative_to(root))
        raise ItemError(f"{path}: not sent to the workers")

    try:
        process = shipping.localise_job(moved).start()
    except Exception as error:  # as in the local pool: every item fails with the reason
        process = _always_failing(str(error) or type(error).__name__)
    jobs[key] = _Started(process, shipping, folder)
    return jobs[key]
