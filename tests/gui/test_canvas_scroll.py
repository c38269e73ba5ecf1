"""Scroll bars whenever the zoomed canvas is larger than the view; the wheel scrolls and
Ctrl+wheel zooms at the cursor (the point under it stays put)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from brandstudio.gui.canvas import Canvas
from brandstudio.gui.studio import Studio
from brandstudio.library.store import open_library

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def canvas(qtbot: QtBot, tmp_path: Path) -> Iterator[Canvas]:
    studio = Studio(library=open_library(tmp_path / "library"))
    studio.open_file(REPO / "templates" / "contest.json")
    canvas = Canvas(studio)
    qtbot.addWidget(canvas)
    canvas.resize(600, 500)
    canvas.show()
    qtbot.waitExposed(canvas)
    yield canvas
    studio.shutdown()


def wheel(canvas: Canvas, at: QPointF, dy: int, modifiers: Qt.KeyboardModifier) -> None:
    event = QWheelEvent(
        at, canvas.mapToGlobal(at), QPoint(0, 0), QPoint(0, dy),
        Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(canvas, event)


def test_bars_show_when_the_canvas_overflows_and_hide_when_it_fits(
    qtbot: QtBot, canvas: Canvas
) -> None:
    canvas.fit()
    canvas.repaint()
    assert not canvas.scroll_bars.horizontal.isVisible()
    assert not canvas.scroll_bars.vertical.isVisible()
    canvas.actual_size()  # 1080x1350 in a 600x500 view
    canvas.repaint()
    assert canvas.scroll_bars.horizontal.isVisible() and canvas.scroll_bars.vertical.isVisible()
    canvas.scroll_bars.vertical.setValue(canvas.scroll_bars.vertical.maximum())
    bottom = canvas.to_widget(QPointF(0, canvas.canvas_size()[1])).y()
    assert bottom <= canvas.height(), "scrolled to the end, the canvas's bottom edge shows"


def test_the_wheel_scrolls_and_ctrl_wheel_zooms_at_the_cursor(canvas: Canvas) -> None:
    canvas.actual_size()
    canvas.repaint()
    zoom, top = canvas.zoom, canvas.offset().y()
    wheel(canvas, QPointF(300, 250), -120, Qt.KeyboardModifier.NoModifier)  # scroll down
    assert canvas.zoom == zoom
    assert canvas.offset().y() < top
    cursor = QPointF(200, 150)
    under = canvas.to_canvas(cursor)
    wheel(canvas, cursor, 120, Qt.KeyboardModifier.ControlModifier)
    assert canvas.zoom == pytest.approx(zoom * 1.15)
    after = canvas.to_canvas(cursor)
    assert abs(after.x() - under.x()) < 1.5 and abs(after.y() - under.y()) < 1.5
