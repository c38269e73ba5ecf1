"""The Check panel: problems of the open post, kept up to date off the GUI thread; clicking one
shows its size and selects its layer."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from brandstudio.gui.check_panel import CheckPanel
from brandstudio.gui.main_window import MainWindow
from brandstudio.gui.studio import Studio
from brandstudio.library.store import open_library

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

REPO = Path(__file__).resolve().parents[2]
LONG = " ".join(["Невероятно длинный заголовок конкурса"] * 30)


def settled(qtbot: QtBot, panel: CheckPanel) -> None:
    qtbot.waitUntil(lambda: panel.idle() and panel.result is not None, timeout=60000)
    qtbot.wait(20)


def test_a_cut_headline_is_listed_and_clicking_it_selects_the_layer(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel = window.check_panel
    assert window.docks["check"].windowTitle() == "Check"
    document = window.studio.document
    assert document is not None
    settled(qtbot, panel)
    before = panel.result
    document.set_slot("headline", LONG)
    assert not panel.idle()  # a check is on its way
    qtbot.waitUntil(lambda: panel.result is not before and panel.idle(), timeout=60000)
    lines = panel.problem_lines()
    assert any(problem.startswith("Text cut or shrunk") and layer == "Headline"
               for problem, _size, layer in lines), lines  # fmt: skip
    row = next(i for i, (problem, _s, _l) in enumerate(lines) if problem.startswith("Text cut"))
    item = panel.list.topLevelItem(row)
    assert item is not None and item.toolTip(0)
    document.select([])
    panel.list.itemClicked.emit(item, 0)
    assert document.selection == ("headline",)
    assert "Errors:" in panel.summary.text() or "warnings" in panel.summary.text()


def test_all_sizes_checks_every_network_size(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.check_panel
    document = window.studio.document
    assert document is not None
    document.set_slot("headline", LONG)
    panel.set_every_size(True)
    settled(qtbot, panel)
    qtbot.waitUntil(lambda: panel.idle(), timeout=60000)
    assert panel.result is not None
    sizes = {layer.preset for layer in panel.result.layers}
    assert len(sizes) >= 14  # the canvas and every preset
    cut = {problem.preset for problem in panel.result.problems if problem.rule == "text-fit"}
    assert len(cut) > 1
    item = next(
        panel.list.topLevelItem(i) for i in range(panel.list.topLevelItemCount())
        if panel.list.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole + 1) == "vk-cover"
    )  # fmt: skip
    panel.list.itemClicked.emit(item, 0)
    assert document.preset is not None and document.preset.id == "vk-cover"


def test_russian_rule_names(qtbot: QtBot, russian: object, tmp_path: Path) -> None:
    studio = Studio(library=open_library(tmp_path / "library"))
    studio.open_file(REPO / "templates" / "contest.json")
    panel = CheckPanel(studio)
    qtbot.addWidget(panel)
    assert studio.document is not None
    studio.document.set_slot("headline", LONG)
    settled(qtbot, panel)
    qtbot.waitUntil(lambda: panel.idle() and bool(panel.problem_lines()), timeout=60000)
    problem, _size, _layer = next(line for line in panel.problem_lines() if line[2] == "Заголовок")
    assert problem.startswith("Текст обрезан")
    panel.shutdown()
    studio.shutdown()


def _red_pixels(window: MainWindow) -> int:
    """Pixels of the canvas in the error marks' red."""
    from brandstudio.gui.canvas_marks import ERROR_COLOUR

    image = window.canvas.grab().toImage()
    wanted = ERROR_COLOUR.rgb()
    return sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixel(x, y) == wanted
    )


def test_the_canvas_marks_the_offending_layer(qtbot: QtBot, window: MainWindow) -> None:
    from brandstudio.gui.canvas_marks import problem_marks

    panel, canvas = window.check_panel, window.canvas
    document = window.studio.document
    assert document is not None
    window.resize(1280, 800)
    settled(qtbot, panel)
    placed = canvas.layout()
    assert placed is not None
    assert problem_marks(canvas.check_result, placed) == {}  # the starter is clean
    clean = _red_pixels(window)
    before = panel.result
    document.set_slot("headline", LONG)
    qtbot.waitUntil(lambda: panel.result is not before and panel.idle(), timeout=60000)
    assert problem_marks(canvas.check_result, placed)["headline"] == "error"
    qtbot.waitUntil(lambda: _red_pixels(window) > clean + 50, timeout=5000)
