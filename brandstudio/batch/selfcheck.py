"""A job that asks a worker where it imported Brandstudio from: the self-check's proof that
workers run the installed (or frozen) code, never a ``brandstudio/`` folder where the user
stands."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from brandstudio.batch.pool import WorkerPool


@dataclass(frozen=True)
class WhereJob:
    """Returns, for any item, the folder the worker's ``brandstudio`` package came from."""

    def start(self) -> Callable[[object], str]:
        import brandstudio

        folder = str(Path(brandstudio.__file__).resolve().parent)
        return lambda item: folder


def worker_package_folder() -> str:
    """The folder a fresh worker process imports ``brandstudio`` from (raises OSError or
    RuntimeError when no worker can be started)."""
    with WorkerPool(WhereJob(), 1) as pool:
        outcomes = list(pool.run([None]))
    outcome = outcomes[0]
    if not outcome.ok:
        raise RuntimeError(f"the worker failed: {outcome.error}")
    return str(outcome.value)
