"""Shared test set-up: Qt without a screen, and helpers to run the real command."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

# Qt aborts without a display unless told to draw offscreen; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp(prefix="brandstudio-xdg-"))

REPO = Path(__file__).resolve().parent.parent
TEMPLATES = REPO / "templates"


@dataclass(frozen=True)
class Completed:
    """What a command printed and how it exited."""

    status: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Run ``brandstudio ARGS...`` in this process; returns its status and output."""
    from brandstudio.cli.main import main

    def run(*args: str | Path) -> Completed:
        try:
            status = main([str(arg) for arg in args])
        except SystemExit as stop:  # argparse exits for --help, --version and usage errors
            status = int(stop.code or 0)
        captured = capsys.readouterr()
        return Completed(status, captured.out, captured.err)

    return run


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


@pytest.fixture
def starter_paths() -> list[Path]:
    """Every starter template shipped in ``templates/``."""
    paths = sorted(TEMPLATES.glob("*.json"))
    assert paths, "no starter templates found"
    return paths
