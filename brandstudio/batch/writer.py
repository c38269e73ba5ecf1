"""Writing one output file from a worker: atomic, checked, and clear about a full disk.

On a cluster worker the files are not written there: inside :func:`capture_outputs` (one per
item, per thread) ``write_output`` only records the bytes, and the client writes them through
this same function and the same journal (docs/design/0020-cluster.md).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Final

from brandstudio.batch.journal import temp_path_for
from brandstudio.batch.pool import ItemError

DISK_FULL_FAULT: Final = "BRANDSTUDIO_FAULT_DISK_FULL_AFTER"
"""Test hook: a worker's writes fail with ENOSPC after this many outputs (fault injection)."""

_written = 0
_capture = threading.local()


@contextlib.contextmanager
def capture_outputs() -> Iterator[list[tuple[Path, bytes]]]:
    """Within this block (on this thread) ``write_output`` records (target, bytes) in the
    yielded list instead of touching the disk; a cluster worker sends them back."""
    captured: list[tuple[Path, bytes]] = []
    _capture.files = captured
    try:
        yield captured
    finally:
        _capture.files = None


def write_output(target: Path, data: bytes) -> tuple[int, str]:
    """Write ``data`` to ``target`` atomically; returns (size in bytes, hex SHA-256).

    The bytes go to a hidden temporary file beside the target and replace the target in one
    rename, so no reader (nor a killed run) ever sees half a file. There is no fsync per file:
    like the tools it is measured against, it leaves flushing to the system, and a resumed
    batch checks every output's size and hash before it counts it as done. A full disk raises
    ItemError with ``disk_full`` set; any other write error raises ItemError naming the file.
    """
    global _written
    captured: list[tuple[Path, bytes]] | None = getattr(_capture, "files", None)
    if captured is not None:
        captured.append((target, data))
        return len(data), hashlib.sha256(data).hexdigest()
    temp = temp_path_for(target)
    try:
        _inject_disk_full()
        target.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_EXCL, 0o666)
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        temp.replace(target)
    except OSError as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            raise ItemError(f"{target}: the disk is full", disk_full=True) from None
        raise ItemError(f"cannot write {target}: {error.strerror or error}") from None
    _written += 1
    return len(data), hashlib.sha256(data).hexdigest()


def _inject_disk_full() -> None:
    limit = os.environ.get(DISK_FULL_FAULT, "")
    if limit.isdigit() and _written >= int(limit):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
