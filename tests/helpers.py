"""Helpers for tests that run the real ``brandstudio`` command."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Completed:
    """What a command printed and how it exited."""

    status: int
    stdout: str
    stderr: str


def run_command(args: Sequence[str | Path], cwd: Path | None = None) -> Completed:
    """Run ``python -m brandstudio ARGS...`` as a separate process."""
    result = subprocess.run(
        [sys.executable, "-m", "brandstudio", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        check=False,
    )
    return Completed(result.returncode, result.stdout, result.stderr)
