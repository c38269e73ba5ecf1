"""The toolbars at 1280x800 in English and Russian: nothing hidden behind », and Undo's button
keeps its width while the label of what it would undo changes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QToolBar, QToolButton
from pytestqt.qtbot import QtBot

from brandstudio.gui import i18n
from brandstudio.gui.main_window import MainWindow
from brandstudio.gui.studio import Studio
from brandstudio.library.store import open_library

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(params=["en", "ru"])
def window(request: pytest.FixtureRequest, qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    app = QCoreApplication.instance()
    assert app is not None
    assert i18n.install_translator(app, request.param) == request.param
    studio = Studio(library=open_library(tmp_path / "library"))
    window = MainWindow(studio)
    window._confirm = lambda title, text: QMessageBox.StandardButton.Discard
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.open_file(REPO / "templates" / "contest.json")
    window.show()
    qtbot.waitExposed(window)
    try:
        yield window
    finally:
        window.close()
        studio.shutdown()
        i18n.install_translator(app, "en")  # the other tests read English


def test_no_toolbar_item_is_hidden_behind_the_extension(window: MainWindow) -> None:
    toolbars = window.findChildren(QToolBar)
    assert len(toolbars) >= 2
    for bar in toolbars:
        extension = bar.findChild(QToolButton, "qt_toolbar_ext_button")
        assert extension is None or not extension.isVisible(), bar.objectName()
        for action in bar.actions():
            if action.isSeparator():
                continue
            widget = bar.widgetForAction(action)
            assert widget is not None and widget.isVisible(), action.iconText()


def test_undo_keeps_its_width_as_its_label_changes(qtbot: QtBot, window: MainWindow) -> None:
    bar = window.findChild(QToolBar, "MainToolbar")
    assert isinstance(bar, QToolBar)
    button = bar.widgetForAction(window.act_undo)
    assert button is not None
    before = button.width(), button.text()
    document = window.studio.document
    assert document is not None
    document.select(["logo"])
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Right)  # nudge: "Undo Move Logo" in the menu
    qtbot.waitUntil(lambda: document.undo_stack.canUndo(), timeout=5000)
    assert window.act_undo.text() != window.act_undo.iconText()  # the menu names the change
    assert (button.width(), button.text()) == before


@pytest.mark.parametrize(
    ("screen", "expected"),
    [
        ((1280, 770), (1280, 770)),  # a 1280x800 laptop: all of its free area
        ((1366, 738), (1280, 738)),
        ((1920, 1040), (1536, 832)),  # a large screen: about 80%
        ((2560, 1400), (2048, 1120)),
    ],
)
def test_the_first_window_takes_about_80_percent_of_a_large_screen(
    screen: tuple[int, int], expected: tuple[int, int]
) -> None:
    from brandstudio.gui.main_window import first_window_size

    assert first_window_size(*screen).toTuple() == expected
