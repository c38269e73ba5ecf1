"""An exception raised in a Qt slot or event handler fails the test that caused it.

PySide6 prints such an exception and carries on, so a broken ``paintEvent`` (issue 13: a
``KeyError`` on every repaint) could pass a test that never looked at the screen. pytest-qt's
exception capture (on unless ``qt_no_exception_capture`` is set, pinned pytest-qt 4.5) turns
each into a failure; this runs a small suite under the project's own pytest settings to prove it
stays on.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

PROBES = """
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget


class Source(QObject):
    fired = Signal()


class BrokenPaint(QWidget):
    def paintEvent(self, event):
        raise KeyError("badge")


def test_slot(qtbot):
    source = Source()
    source.fired.connect(lambda: {}["badge"])
    source.fired.emit()


def test_timer(qtbot):
    QTimer.singleShot(0, lambda: {}["badge"])
    qtbot.wait(50)


def test_paint_event_from_the_event_loop(qtbot):
    widget = BrokenPaint()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.update()
    qtbot.wait(50)
"""


def test_an_exception_in_a_slot_or_event_handler_fails_the_test(tmp_path: Path) -> None:
    (tmp_path / "test_probes.py").write_text(PROBES, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-c",
         str(REPO / "pyproject.toml"), "--rootdir", str(tmp_path), str(tmp_path)],
        capture_output=True, text=True, cwd=tmp_path, timeout=120, check=False,
    )  # fmt: skip
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "3 failed" in output, output
    assert output.count("Exceptions caught in Qt event loop") >= 3, output
