"""A real X11 display (Xvfb) for the tests marked ``xvfb``.

The rest of the suite draws offscreen (``QT_QPA_PLATFORM=offscreen``, set in tests/conftest.py),
and one process cannot switch Qt platforms, so a real-window test runs its Qt program in a
subprocess pointed at this display.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from brandstudio.gui.document import TemplateDocument
from brandstudio.gui.inspector import Inspector
from brandstudio.gui.main_window import MainWindow
from brandstudio.gui.studio import Studio
from brandstudio.library.store import open_library

SCREEN = (1280, 800)
START_TIMEOUT = 30.0  # seconds for Xvfb to report its display number


CONTEST = Path(__file__).resolve().parents[2] / "templates" / "contest.json"


def _read_display_number(fd: int, server: subprocess.Popen[bytes]) -> int:
    """Read what Xvfb writes to ``-displayfd`` once it accepts connections: ``N\\n``."""
    received = b""
    deadline = time.monotonic() + START_TIMEOUT
    while not received.endswith(b"\n"):
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"Xvfb reported no display within {START_TIMEOUT:.0f} s")
        ready, _, _ = select.select([fd], [], [], min(left, 0.5))
        if not ready:
            if server.poll() is not None:
                raise RuntimeError(f"Xvfb exited with status {server.returncode} before it started")
            continue
        chunk = os.read(fd, 64)
        if not chunk:
            server.wait(timeout=5)
            raise RuntimeError(f"Xvfb exited with status {server.returncode} before it started")
        received += chunk
    return int(received.strip())


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path) -> None:
    """QSettings (window state, recent files, language) in the test's own folder, never the
    user's."""
    from PySide6.QtCore import QSettings

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))


@pytest.fixture(autouse=True)
def no_modal_file_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A test that reaches a file dialog without answering it fails at once.

    A real dialog would wait for a click that never comes (and lists real folders, which on
    one CI machine blocked for good); a test answers with ``monkeypatch.setattr``."""
    from PySide6.QtWidgets import QFileDialog

    def unanswered(*args: object, **kwargs: object) -> object:
        raise AssertionError("a file dialog opened that the test did not answer")

    for name in (
        "getOpenFileName",
        "getOpenFileNames",
        "getSaveFileName",
        "getExistingDirectory",
        "getOpenFileUrl",
        "getSaveFileUrl",
    ):
        monkeypatch.setattr(QFileDialog, name, unanswered)


@pytest.fixture
def russian(qtbot: QtBot) -> Iterator[QCoreApplication]:
    """The studio in Russian for one test (its translator installed), English again after."""
    from brandstudio.gui import i18n

    app = QCoreApplication.instance()
    assert app is not None
    try:
        assert i18n.install_translator(app, "ru") == "ru"
        assert i18n.current_language() == "ru"
        yield app
    finally:
        i18n.install_translator(app, "en")  # the other tests read English
    assert i18n.current_language() == "en"


@pytest.fixture(scope="session")
def xvfb_display(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The DISPLAY (``":N"``) of a private Xvfb server, 1280x800 at 24-bit colour."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip(
            "Xvfb is not installed: real-window tests skipped "
            "(make test installs it when run as root)"
        )
    log_path = tmp_path_factory.mktemp("xvfb") / "xvfb.log"
    read_end, write_end = os.pipe()
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            [
                xvfb,
                "-displayfd",
                str(write_end),
                "-screen",
                "0",
                f"{SCREEN[0]}x{SCREEN[1]}x24",
                "-nolisten",
                "tcp",
            ],
            pass_fds=(write_end,),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    os.close(write_end)  # only Xvfb holds it now: end of file here means Xvfb died
    try:
        try:
            number = _read_display_number(read_end, server)
        except (TimeoutError, RuntimeError, ValueError) as error:
            log_text = log_path.read_text(encoding="utf-8", errors="replace")
            pytest.fail(f"Xvfb did not start: {error}\n--- Xvfb output ---\n{log_text}")
        yield f":{number}"
    finally:
        os.close(read_end)
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


@pytest.fixture
def studio(tmp_path: Path) -> Iterator[Studio]:
    """A studio with its own library, the contest starter open (the panels' usual subject).

    A test module that needs another template defines its own ``studio``."""
    studio = Studio(library=open_library(tmp_path / "library"))
    studio.open_file(CONTEST)
    yield studio
    studio.shutdown()


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    """The studio window at 1280x800 with the contest starter open; closing it answers
    "Discard" (a module that needs another window defines its own ``window``)."""
    from PySide6.QtWidgets import QMessageBox

    studio = Studio(library=open_library(tmp_path / "library"))
    window = MainWindow(studio)
    window._confirm = lambda title, text: QMessageBox.StandardButton.Discard
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.open_file(CONTEST)
    window.show()
    yield window
    window._confirm = lambda title, text: QMessageBox.StandardButton.Discard
    window.close()  # stops the panels' threads and the renderer
    studio.shutdown()


@pytest.fixture
def document(studio: Studio) -> TemplateDocument:
    """The studio's open document."""
    assert studio.document is not None
    return studio.document


@pytest.fixture
def inspector(qtbot: QtBot, studio: Studio) -> Inspector:
    """The Properties panel, shown at a panel's usual size."""
    inspector = Inspector(studio)
    qtbot.addWidget(inspector)
    inspector.resize(320, 900)
    inspector.show()
    qtbot.waitExposed(inspector)
    return inspector
