"""One writer at a time, and no lock left stuck by a crash.

On POSIX the lock is an advisory ``flock`` on ``library.lock``: the kernel releases it when
the holder exits or is killed, so a crash never leaves a stale lock. Elsewhere a PID file
created with O_EXCL is used, and a lock whose owner process is gone is taken over (the way
Qt's QLockFile recovers). The file names the holder for the "busy" message.
"""

from __future__ import annotations

import contextlib
import os
import socket
import time
from pathlib import Path
from types import TracebackType
from typing import IO

from brandstudio.library.errors import LibraryError

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


class LibraryLock:
    """``with LibraryLock(path):`` waits up to ``timeout`` seconds, re-entrant per object."""

    def __init__(self, path: Path, timeout: float = 15.0) -> None:
        self.path = path
        self.timeout = timeout
        self._held = 0
        self._stream: IO[str] | None = None

    def _describe_owner(self) -> str:
        try:
            pid, _, host = self.path.read_text(encoding="utf-8").partition(" ")
        except OSError:
            return "another process"
        return f"process {pid} on {host.strip()}" if pid else "another process"

    def _try_flock(self) -> bool:
        stream = self.path.open("a+", encoding="utf-8")
        try:
            fcntl.flock(stream.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            stream.close()
            return False
        stream.seek(0)
        stream.truncate()
        stream.write(f"{os.getpid()} {socket.gethostname()}")
        stream.flush()
        self._stream = stream
        return True

    def _try_pid_file(self) -> bool:
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            try:
                pid, _, host = self.path.read_text(encoding="utf-8").partition(" ")
                stale = host.strip() == socket.gethostname() and not _alive(int(pid))
            except (OSError, ValueError):
                stale = False
            if stale:
                with contextlib.suppress(FileNotFoundError):
                    self.path.unlink()
            return False
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            stream.write(f"{os.getpid()} {socket.gethostname()}")
        return True

    def acquire(self) -> None:
        """Take the lock; LibraryError naming the holder when it stays busy."""
        if self._held:
            self._held += 1
            return
        attempt = self._try_flock if fcntl is not None else self._try_pid_file
        deadline = time.monotonic() + self.timeout
        while not attempt():
            if time.monotonic() > deadline:
                raise LibraryError(
                    f"the library is busy ({self._describe_owner()} holds {self.path});"
                    " try again when it finishes"
                )
            time.sleep(0.02)
        self._held = 1

    def release(self) -> None:
        """Give the lock back (after as many releases as acquires)."""
        self._held -= 1
        if self._held:
            return
        if self._stream is not None:
            self._stream.close()  # closing drops the flock
            self._stream = None
        else:
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()

    def __enter__(self) -> LibraryLock:
        self.acquire()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.release()
