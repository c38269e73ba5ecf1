"""Background work for the studio's views: one thread per consumer, only the latest request.

The canvas, the size previews, the library's thumbnails and the dialogs' previews all ask for
work that a newer request makes stale (a drag, typing, a slider). :class:`LatestWorker` runs one
callable at a time on its own thread; a request not started yet is replaced by a newer one, and
results come back as signals on the GUI thread (nothing here touches a widget).

Work that makes several results (a tile per preset, a thumbnail per template) is a generator
given to ``submit_steps``: each item it yields is sent at once, and a newer request stops it
between two items instead of after the last one.
"""

from __future__ import annotations

import atexit
import threading
import weakref
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal, SignalInstance


@dataclass(frozen=True)
class _Request:
    serial: int
    work: Callable[[], object]
    stepwise: bool


class _OwnerGoneError(Exception):
    """A signal could not be sent: the worker's QObject was deleted meanwhile."""


_live: weakref.WeakSet[LatestWorker] = weakref.WeakSet()


@atexit.register
def _stop_all() -> None:
    """Stop the threads before the interpreter (and Qt) go away under them."""
    for worker in list(_live):
        worker.stop()


def _describe(error: BaseException) -> str:
    """An exception as the one-line message ``failed`` carries."""
    return str(error) or type(error).__name__


class LatestWorker(QObject):
    """Runs one callable at a time on a background thread; only the latest request matters.

    ``submit(fn)`` returns a serial; ``done(serial, result)`` or ``failed(serial, message)``
    follows on the GUI thread. ``submit_steps(fn)`` runs a generator function instead: each item
    comes as ``step(serial, item)``, then ``done(serial, None)``; a newer request, ``cancel()``
    or ``stop()`` ends it between two items, silently. A request not started yet is replaced by
    a newer one. ``name`` names the thread. Call ``stop()`` before the owner goes away (a later
    ``submit`` starts a new thread); threads still running at exit are stopped then.
    """

    done = Signal(int, object)
    failed = Signal(int, str)
    step = Signal(int, object)
    """(serial, item): one result of a ``submit_steps`` request, as soon as it is made."""

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._condition = threading.Condition()
        self._pending: _Request | None = None
        self._serial = 0
        self._busy = False
        self._stopping = False
        self._name = name
        self._thread = self._start_thread()
        _live.add(self)

    def _start_thread(self) -> threading.Thread:
        thread = threading.Thread(target=self._loop, name=self._name, daemon=True)
        thread.start()
        return thread

    def submit(self, work: Callable[[], object]) -> int:
        """Queue ``work`` (replacing a request not started yet); returns its serial."""
        return self._queue(work, stepwise=False)

    def submit_steps(self, work: Callable[[], Iterable[object]]) -> int:
        """Queue ``work``, whose results come one by one as ``step(serial, item)`` (replacing a
        request not started yet); returns its serial."""
        return self._queue(work, stepwise=True)

    def _queue(self, work: Callable[[], object], *, stepwise: bool) -> int:
        with self._condition:
            if self._stopping:  # stopped before (a dialog closed, then shown again)
                if threading.current_thread() is not self._thread:
                    self._thread.join()
                self._stopping = False
                self._thread = self._start_thread()
            self._serial += 1
            self._pending = _Request(self._serial, work, stepwise)
            self._condition.notify()
            return self._serial

    def cancel(self) -> None:
        """Nothing asked any more: the waiting request is dropped, a ``submit_steps`` request
        in progress ends at its next item, and ``latest`` moves past every serial given."""
        with self._condition:
            self._serial += 1
            self._pending = None

    @property
    def latest(self) -> int:
        """The serial of the newest request (or of the last ``cancel``)."""
        with self._condition:
            return self._serial

    def idle(self) -> bool:
        """True when nothing runs or waits."""
        with self._condition:
            return self._pending is None and not self._busy

    def stop(self, timeout: float = 10.0) -> None:
        """End the thread after the work in progress (drops what waits)."""
        with self._condition:
            self._stopping = True
            self._pending = None
            self._condition.notify()
        if threading.current_thread() is not self._thread:
            self._thread.join(timeout)

    def _superseded(self, serial: int) -> bool:
        with self._condition:
            return self._stopping or serial != self._serial

    def _loop(self) -> None:
        while True:
            with self._condition:
                while self._pending is None and not self._stopping:
                    self._condition.wait()
                if self._stopping or self._pending is None:
                    return
                request, self._pending = self._pending, None
                self._busy = True
            if not self._run(request):
                return

    def _run(self, request: _Request) -> bool:
        """Run one request and report it; False when the thread is to end (stopping, or the
        owner is gone)."""
        finished = True
        message: str | None = None
        result: object = None
        try:
            if request.stepwise:
                finished = self._run_steps(request)
            else:
                result = request.work()
        except _OwnerGoneError:
            return False
        except Exception as error:  # a preview that fails says why; the thread goes on
            result, message = None, _describe(error)
        finally:
            with self._condition:
                self._busy = False
                stopping = self._stopping
        if stopping:
            return False
        if not finished:
            return True
        try:
            if message is None:
                self._emit(self.done, request.serial, result)
            else:
                self._emit(self.failed, request.serial, message)
        except _OwnerGoneError:
            return False
        return True

    def _run_steps(self, request: _Request) -> bool:
        """Send each item of a stepwise request; False when a newer request cut in."""
        made = request.work()
        assert isinstance(made, Iterable)
        items = iter(made)
        try:
            while not self._superseded(request.serial):
                try:
                    item = next(items)
                except StopIteration:
                    return True
                self._emit(self.step, request.serial, item)
            return False
        finally:
            if isinstance(items, Generator):
                items.close()

    @staticmethod
    def _emit(signal: SignalInstance, *args: object) -> None:
        try:
            signal.emit(*args)
        except RuntimeError as error:  # the owner was deleted meanwhile
            raise _OwnerGoneError from error
