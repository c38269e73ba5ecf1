"""A small job for the cluster tests (importable by Dask's worker processes): each item names
a file, and the worker says which path it read and what it found there."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from brandstudio.batch.pool import Job
from brandstudio.batch.runner import WorkResult


@dataclass(frozen=True)
class WhereJob:
    """Reads its item's file (after ``pause`` seconds); the warnings say where and what."""

    pause: float = 0.0

    def start(self) -> Callable[[Path], WorkResult]:
        def process(path: Path) -> WorkResult:
            time.sleep(self.pause)
            return WorkResult((), (str(path), path.read_text(encoding="utf-8")))

        return process


@dataclass(frozen=True)
class WhereShipping:
    """WhereJob's files: none for the job, the named file for each item."""

    job: Job

    def job_files(self) -> Sequence[tuple[Path, Path]]:
        return []

    def item_files(self, item: Any) -> Sequence[Path]:
        return [item] if isinstance(item, Path) else []

    def localise_job(self, moved: Callable[[Path], Path]) -> Job:
        return self.job

    def localise_item(self, item: Any, moved: Callable[[Path], Path]) -> Any:
        return moved(item) if isinstance(item, Path) else item


def where_shipping(job: Job) -> WhereShipping:
    return WhereShipping(job)
