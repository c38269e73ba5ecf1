"""Small batch jobs for the worker-pool tests (importable by worker processes)."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from brandstudio.batch.pool import ItemError


@dataclass(frozen=True)
class ScriptedJob:
    """Each item is an instruction: ("ok", value), ("fail", reason), ("crash", marker_dir),
    ("crash-always", _), ("hog", megabytes), ("sleep", seconds), ("pid", _), ("disk-full", _)."""

    def start(self) -> Callable[[Any], Any]:
        return _do


def _do(item: tuple[str, Any]) -> Any:
    kind, arg = item
    if kind == "ok":
        return arg
    if kind == "fail":
        raise ItemError(arg)
    if kind == "disk-full":
        raise ItemError("disk is full", disk_full=True)
    if kind == "crash":  # dies on the first try only: a marker file remembers the attempt
        marker = Path(arg) / "tried"
        if not marker.exists():
            marker.write_text("1")
            os.kill(os.getpid(), signal.SIGKILL)
        return "second try"
    if kind == "crash-always":
        os.kill(os.getpid(), signal.SIGSEGV)
    if kind == "hog":
        block = bytearray(arg * 1024 * 1024)
        return len(block)
    if kind == "sleep":
        time.sleep(arg)
        return arg
    if kind == "pid":
        return os.getpid()
    raise ValueError(kind)


@dataclass(frozen=True)
class BrokenStartJob:
    """A job whose start fails (its logo is missing, say): every item fails with the reason."""

    def start(self) -> Callable[[Any], Any]:
        raise ItemError("the logo is missing")


@dataclass(frozen=True)
class WritingJob:
    """Each item is (target, seconds, fail): after ``seconds``, write ``target`` (its own name
    as the bytes) and return a WorkResult with a warning, or fail with ``fail`` when set."""

    def start(self) -> Callable[[Any], Any]:
        return _write


def _write(item: tuple[Path, float, str | None]) -> Any:
    from brandstudio.batch.runner import WorkResult
    from brandstudio.batch.writer import write_output

    target, seconds, fail = item
    time.sleep(seconds)
    if fail:
        raise ItemError(fail)
    size, digest = write_output(target, target.name.encode("utf-8"))
    return WorkResult(((target, size, digest),), warnings=(f"{target.stem}: «warned»",))
