"""Every file dialog opens where a file of its kind was last chosen, not in the home folder.

The desktop's dialogs cannot run offscreen, so the static QFileDialog calls are replaced by a
recorder that answers with a real file in tmp_path and notes the folder each call started in.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from brandstudio.gui.dialogs.merge import MergeDialog
from brandstudio.gui.dialogs.stamp import StampDialog
from brandstudio.gui.dialogs.widgets import FolderField
from brandstudio.gui.main_window import MainWindow
from brandstudio.gui.settings import FOLDERS, KEYS, Settings
from brandstudio.gui.slots_panel import SlotsPanel
from brandstudio.gui.studio import Studio

REPO = Path(__file__).resolve().parents[2]
CONTEST = REPO / "templates" / "contest.json"
HOME = str(Path.home())

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


class Recorder:
    """Stands in for one static QFileDialog function: answers ``answer``, notes the start."""

    def __init__(self, answer: Path, *, files: bool = False, folder: bool = False) -> None:
        self.answer = answer
        self.files = files
        self.folder = folder
        self.starts: list[str] = []

    def __call__(self, parent: object, title: str, start: str, *rest: Any) -> Any:
        self.starts.append(str(start))
        if self.folder:
            return str(self.answer)
        if self.files:
            return [str(self.answer)], ""
        return str(self.answer), ""


def a_photo(folder: Path, name: str = "photo.jpg") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    Image.new("RGB", (64, 48), (200, 80, 40)).save(path)
    return path


def test_each_kind_has_one_declared_key() -> None:
    kinds = ("photos", "logos", "outputs", "spreadsheets", "templates")
    for kind in kinds:
        key = getattr(FOLDERS, kind)
        assert KEYS[f"folders/{kind}"] is key
        assert Settings()[key] == ""


def test_open_template_starts_in_the_folder_last_opened_from(
    qtbot: QtBot, studio: Studio, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(studio)
    window._confirm = lambda title, text: QMessageBox.StandardButton.Discard
    qtbot.addWidget(window)
    folder = tmp_path / "шаблоны"
    folder.mkdir()
    shutil.copy(CONTEST, folder / "contest.json")
    opened = Recorder(folder / "contest.json")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", opened)
    window.choose_file()
    window.choose_file()
    assert opened.starts == [HOME, str(folder)]
    window.close()


def test_choose_photo_starts_in_the_folder_last_chosen_from(
    qtbot: QtBot, studio: Studio, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = SlotsPanel(studio)
    qtbot.addWidget(panel)
    field = panel.fields["photo"]
    photo = a_photo(tmp_path / "фото")
    chosen = Recorder(photo)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", chosen)
    assert field.choose_file() == str(photo)
    assert Settings()[FOLDERS.photos] == str(photo.parent)
    assert field.line is not None
    field.line.clear()  # the field's own file would be the start otherwise
    field.choose_file()
    assert chosen.starts == [HOME, str(photo.parent)]


def test_merge_table_starts_in_the_folder_last_chosen_from(
    qtbot: QtBot, studio: Studio, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = tmp_path / "таблицы" / "rows.csv"
    table.parent.mkdir()
    table.write_text("headline\nHello\n", encoding="utf-8")
    chosen = Recorder(table)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", chosen)
    first = MergeDialog(studio)
    qtbot.addWidget(first)
    first.choose_table()
    qtbot.waitUntil(lambda: first.table is not None, timeout=10_000)
    first.close()
    second = MergeDialog(studio)
    qtbot.addWidget(second)
    second.choose_table()
    assert chosen.starts == [HOME, str(table.parent)]
    qtbot.waitUntil(lambda: second.table is not None, timeout=10_000)
    second.close()


def test_stamp_photos_and_logo_start_where_each_kind_was_chosen(
    qtbot: QtBot, studio: Studio, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    photo = a_photo(tmp_path / "photos")
    logo = a_photo(tmp_path / "logos", "logo.png")
    photos = Recorder(photo, files=True)
    logos = Recorder(logo)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", photos)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", logos)
    for _ in range(2):
        dialog = StampDialog(studio)
        qtbot.addWidget(dialog)
        dialog.choose_photos()
        dialog.logo_file.clear()
        dialog.choose_logo()
        dialog.close()
    assert photos.starts == [HOME, str(photo.parent)]
    assert logos.starts == [HOME, str(logo.parent)]


def test_an_output_folder_starts_where_the_last_one_was_chosen(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "готово"
    out.mkdir()
    chosen = Recorder(out, folder=True)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", chosen)
    for _ in range(2):
        field = FolderField("Output Folder")
        qtbot.addWidget(field)
        field.choose()
        assert field.path() == out
    assert chosen.starts == [HOME, str(out)]
