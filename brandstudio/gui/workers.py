"""Background work for the studio's views: one thread per consumer, only the latest request.

The canvas, the size previews, the library's thumbnails and the dialogs' previews all ask for
work that a newer request makes stale (a drag, typing, a slider). :class:`LatestWorker` runs one
callable at a time on its own thread; a request not started yet is replaced by a newer one, and
results come back as signals on the GUI thread (nothing here touches a widget).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal


class LatestWorker(QObject):
    """Runs one callable at a time on a background thread; only the latest request matters.

    ``submit(fn)`` returns a serial; ``done(serial, result)`` or ``failed(serial, message)``
    follows on the GUI thread. A request not started yet is replaced by a newer one. Call
    ``stop()`` before the owner goes away (a later ``submit`` starts a new thread).
    """

    done = Signal(int, object)
    failed = Signal(int, str)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._condition = threading.Condition()
        self._pending: tuple[int, Callable[[], object]] | None = None
        self._serial = 0
        self._busy = False
        self._stopping = False
        self._name = name
        self._thread = self._start_thread()

    def _start_thread(self) -> threading.Thread:
        thread = threading.Thread(target=self._loop, name=self._name, daemon=True)
        thread.start()
        return thread

    def submit(self, work: Callable[[], object]) -> int:
        """Queue ``work`` (replacing a request not started yet); returns its serial."""
        with self._condition:
            if self._stopping:  # stopped before (a dialog closed, then shown again)
                self._thread.join()
                self._stopping = False
                self._thread = self._start_thread()
            self._serial += 1
            self._pending = (self._serial, work)
            self._condition.notify()
            return self._serial

    @property
    def latest(self) -> int:
        """The serial of the newest request."""
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
        self._thread.join(timeout)

    def _loop(self) -> None:
        while True:
            with self._condition:
                while self._pending is None and not self._stopping:
                    self._condition.wait()
                if self._stopping or self._pending is None:
                    return
                (serial, work), self._pending = self._pending, None
                self._busy = True
            try:
                result: object = work()
                message: str | None = None
            except Exception as error:  # a preview that fails says why; the thread goes on
                result, message = None, str(error) or type(error).__name__
            with self._condition:
                self._busy = False
                stopping = self._stopping
            if stopping:
                return
            try:
                if message is None:
                    self.done.emit(serial, result)
                else:
                    self.failed.emit(serial, message)
            except RuntimeError:  # the owner was deleted meanwhile
                return
