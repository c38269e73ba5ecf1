"""A batch job for the tests of items queued ahead in a worker (importable by workers)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class TimedJob:
    """Each item is (seconds, folder, name): the worker creates folder/name as it begins the
    item (so a test sees which items were begun), sleeps, and returns (pid, begun, ended) on
    the monotonic clock (one clock for all processes on Linux)."""

    def start(self) -> Callable[[Any], Any]:
        return _timed


def _timed(item: tuple[float, Path, str]) -> tuple[int, float, float]:
    seconds, folder, name = item
    begun = time.monotonic()
    (folder / name).write_text("begun", encoding="utf-8")
    time.sleep(seconds)
    return os.getpid(), begun, time.monotonic()
