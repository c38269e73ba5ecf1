"""File ▸ New from Starter names the starters in the studio's language; Settings ▸ Language
says, without blocking, that the choice applies at the next start."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from brandstudio.gui import i18n
from brandstudio.gui.main_window import MainWindow
from brandstudio.gui.settings import LANGUAGE, Settings
from brandstudio.gui.studio import Studio
from brandstudio.library.store import open_library
from brandstudio.resources import starter_templates

REPO = Path(__file__).resolve().parents[2]
CONTEST = REPO / "templates" / "contest.json"

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def make_window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    studio = Studio(library=open_library(tmp_path / "library"))
    window = MainWindow(studio)
    window._confirm = lambda title, text: QMessageBox.StandardButton.Discard
    qtbot.addWidget(window)
    window.open_file(CONTEST)
    window.show()
    yield window
    window.close()
    studio.shutdown()


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    yield from make_window(qtbot, tmp_path)


@pytest.fixture
def russian_window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    app = QCoreApplication.instance()
    assert app is not None
    try:
        assert i18n.install_translator(app, "ru") == "ru"
        yield from make_window(qtbot, tmp_path)
    finally:
        i18n.install_translator(app, "en")  # the other tests read English


def starter_names(window: MainWindow) -> list[str]:
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    starters = file_menu.actions()[0].menu()
    assert isinstance(starters, QMenu)
    return [action.text() for action in starters.actions()]


def test_starters_are_named_in_english(window: MainWindow) -> None:
    names = starter_names(window)
    assert "Contest" in names
    assert len(names) == len(starter_templates())
    assert names == sorted(names, key=str.casefold)


def test_starters_are_named_in_russian(russian_window: MainWindow) -> None:
    names = starter_names(russian_window)
    assert "Конкурс" in names
    assert "Contest" not in names
    assert len(names) == len(starter_templates())


def test_choosing_a_language_says_it_applies_at_the_next_start(
    qtbot: QtBot, window: MainWindow
) -> None:
    menu = window.language_menu
    russian = next(action for action in menu.actions() if action.data() == "ru")
    russian.trigger()
    assert Settings()[LANGUAGE] == "ru"
    box = menu.message
    assert box is not None and box.isVisible()
    assert not box.isModal() or box.windowModality().name != "ApplicationModal"
    assert "starts again" in box.text()
    assert [action.data() for action in menu.actions() if action.isChecked()] == ["ru"]
    box.accept()
    qtbot.waitUntil(lambda: menu.message is None)
    i18n.set_language("system")
