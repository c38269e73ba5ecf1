"""Shared test set-up: Qt without a screen, and helpers to run the real command."""

from __future__ import annotations

import faulthandler
import gc
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import Completed

# Qt aborts without a display unless told to draw offscreen; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp(prefix="brandstudio-xdg-"))
# Never the real user library: every test run gets its own (tests needing a fresh one
# set BRANDSTUDIO_HOME to a tmp_path of their own).
os.environ["BRANDSTUDIO_HOME"] = tempfile.mkdtemp(prefix="brandstudio-home-")
# Draw only with bundled fonts: a font installed on the machine running the tests must not
# change a pixel (brandstudio.render.system_fonts; the tests of system fonts turn it on).
os.environ.setdefault("BRANDSTUDIO_SYSTEM_FONTS", "0")

REPO = Path(__file__).resolve().parent.parent
TEMPLATES = REPO / "templates"

HANG_LIMIT = 300.0
"""Seconds a test may take before the run stops with every thread's stack printed (a test
marked ``hang_limit(SECONDS)`` gets its own limit)."""

_stderr_fd = -1
_THRESHOLDS = gc.get_threshold()


def pytest_configure(config: pytest.Config) -> None:
    global _stderr_fd
    _stderr_fd = os.dup(sys.stderr.fileno())  # the terminal, before output is captured
    # As in the studio (brandstudio.gui.collector): cyclic garbage is collected on the main
    # thread only, between tests, so that a worker thread never frees a Qt object.
    gc.disable()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """A hung test (a deadlock, a modal dialog nobody answers) ends the run at once with the
    stack of every thread, instead of running into CI's limit with no word of where: the
    watchdog is faulthandler's own thread, which needs no GIL."""
    marker = item.get_closest_marker("hang_limit")
    limit = float(marker.args[0]) if marker is not None else HANG_LIMIT
    faulthandler.dump_traceback_later(limit, exit=True, file=_stderr_fd)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()
        from brandstudio.gui.collector import collect_if_due  # Qt is imported after the set-up

        collect_if_due(_THRESHOLDS)


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
