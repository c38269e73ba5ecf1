"""One job at a time in an output folder.

Two jobs writing into one folder at once would claim the same names and overwrite each other's
files. While a job plans and runs, it holds an advisory ``flock`` on the folder's
``.brandstudio-outputs.lock``; a second job that finds it held refuses at once (nothing
written) and names the holder, so the user can run it afterwards. The kernel drops the lock
when the holder exits or is killed, so a crash never leaves the folder locked. Where there is
no ``flock`` (Windows) folders are not locked.
"""

from __future__ import annotations

import contextlib
import os
import socket
from pathlib import Path
from typing import Final

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

LOCK_NAME: Final = ".brandstudio-outputs.lock"


class FolderBusyError(Exception):
    """Another job is writing into the folder; ``str`` names the folder and the holder."""


class OutputFolderLock:
    """Held from ``acquire()`` to ``release()``; FolderBusyError when another job holds it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._fd: int | None = None

    @property
    def path(self) -> Path:
        """The lock file."""
        return self.folder / LOCK_NAME

    def acquire(self) -> None:
        """Take the lock, or raise FolderBusyError; OSError when the folder cannot be written."""
        if self._fd is not None or fcntl is None:
            return
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(self.path, flags, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = self._holder(fd)
            os.close(fd)
            raise FolderBusyError(
                f"another Brandstudio job ({holder}) is writing into {self.folder}: run this one"
                " when it has finished, or choose another output folder"
            ) from None
        except OSError:
            os.close(fd)
            raise
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()} {socket.gethostname()}\n".encode())
        self._fd = fd

    def release(self) -> None:
        """Give the lock back (closing the file drops the flock)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    @staticmethod
    def _holder(fd: int) -> str:
        try:
            text = os.pread(fd, 200, 0).decode("utf-8", "replace").split()
        except OSError:
            text = []
        return f"process {text[0]} on {text[1]}" if len(text) >= 2 else "another process"
