"""Shared test set-up: Qt without a screen, and helpers to run the real command."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from helpers import Completed

# Qt aborts without a display unless told to draw offscreen; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp(prefix="brandstudio-xdg-"))
# Never the real user library: every test run gets its own (tests needing a fresh one
# set BRANDSTUDIO_HOME to a tmp_path of their own).
os.environ["BRANDSTUDIO_HOME"] = tempfile.mkdtemp(prefix="brandstudio-home-")

REPO = Path(__file__).resolve().parent.parent
TEMPLATES = REPO / "templates"


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


@pytest.fixture
def starter_paths() -> list[Path]:
    """Every starter template shipped in ``templates/``."""
    paths = sorted(TEMPLATES.glob("*.json"))
    assert paths, "no starter templates found"
    return paths
