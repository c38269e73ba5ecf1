"""The Russian studio window at 1280x800 shows no English word: every menu, toolbar, panel,
list item, field label, placeholder and tooltip of the window, with each starter template
open, is read and searched for Latin words.

Brand, network and product names, file formats, font families and units stay in Latin
letters (``ALLOWED``); so does what the user typed (the post's content, file paths), which
is content, not a label.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot
from test_text_fits import DIALOGS, default_size, pages

from brandstudio.gui.main_window import MainWindow
from brandstudio.gui.studio import Studio
from brandstudio.library.store import open_library

REPO = Path(__file__).resolve().parents[2]
STARTERS = sorted((REPO / "templates").glob("*.json"))

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
ALLOWED = {
    word.casefold()
    for group in (
        # product, networks and their formats
        "Brandstudio Instagram VK VKontakte Telegram Facebook YouTube LinkedIn Pinterest TikTok"
        " Reels Stories Story Shorts X OK Odnoklassniki Twitter Canva Excel GPS",
        # file formats, colour and code names
        "PNG JPEG JPG WebP SVG PDF JSON CSV XLSX TIFF HEIC AVIF GIF BMP brandkit QR RGB RGBA HEX"
        " sRGB ICC EXIF URL UTF README UTM",
        # units and keys
        "px pt em dpi MP Ctrl Shift Alt Esc Enter Tab Del Delete Backspace Space PgUp PgDown Home"
        " End Ins Meta Up Down Left Right",
        # axes, and a language named in its own tongue in the Language menu
        "Y English",
        # a cell value a spreadsheet may hold for "yes", listed with the Russian one
        "yes",
        # bundled font families
        "Inter Montserrat Oswald Rubik PT Serif Caveat Marck Script MarckScript Noto Color Emoji",
    )
    for word in group.split()
}


def _menu_texts(menu: QMenu) -> Iterator[tuple[str, str]]:
    for action in menu.actions():
        where = f"menu {menu.title()!r}"
        yield where, action.text()
        yield where, action.statusTip()
        yield where, action.toolTip() if action.toolTip() != action.text().replace("&", "") else ""
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            yield from _menu_texts(submenu)


def _item_texts(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    pending = [QModelIndex()]
    while pending:
        parent = pending.pop()
        for row in range(model.rowCount(parent)):
            columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)
            for column in range(columns):
                index = model.index(row, column, parent)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.data(index, role)
                    if isinstance(value, str):
                        yield value
                if column == 0 and not isinstance(model, QAbstractListModel):
                    pending.append(index)


def window_texts(window: MainWindow) -> Iterator[tuple[str, str]]:
    """(where, text) for every text the window shows or offers."""
    yield "window title", window.windowTitle()
    for menu in window.menuBar().findChildren(QMenu):
        yield "menu bar", menu.title()
        yield from _menu_texts(menu)
    yield from widget_texts(window)


def widget_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text the visible widgets inside ``root`` show or offer."""
    yield "title", root.windowTitle()
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        where = f"{type(widget).__name__}({widget.objectName()})"
        yield where, widget.toolTip()
        yield where, widget.statusTip()
        if isinstance(widget, QDockWidget):
            yield where, widget.windowTitle()
        elif isinstance(widget, (QLabel, QAbstractButton)):
            yield where, widget.text()
        elif isinstance(widget, QGroupBox):
            yield where, widget.title()
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                yield where, widget.tabText(index)
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                yield where, widget.itemText(index)
        elif isinstance(widget, (QLineEdit, QPlainTextEdit)):
            yield where, widget.placeholderText()
        elif isinstance(widget, QAbstractItemView):
            for text in _item_texts(widget):
                yield where, text


def english_words(text: str) -> list[str]:
    if GuiQt.mightBeRichText(text):
        document = QTextDocument()
        document.setHtml(text)
        text = document.toPlainText()
    text = re.sub(r"\b(?:Ctrl|Shift|Alt|Meta)\+\S+", "", text)  # shortcuts such as Ctrl+S
    text = re.sub(r"https?://\S+|@[\w.]+", "", text)  # a sample link or handle (content)
    # identifiers a user types into a spreadsheet header must stay as they are
    text = re.sub(r"(?:\bid|данных): [\w-]+|\bПоле [\w-]+|«[^»]*»", "", text)
    text = re.sub(r"(?<!\w)(?:/[^\s/]+)+/?", "", text)  # a folder or file path
    text = re.sub(r"\{[^}]*\}", "", text)  # placeholders such as {brand}
    text = re.sub(r"#[0-9A-Fa-f]{3,8}\b", "", text)  # colour codes
    text = re.sub(r"\S+\.(?:json|png|jpg|jpeg|webp|csv|xlsx|brandkit|txt)\b", "", text)
    text = re.sub(r"\b\d+x\d+\b", "", text)  # sizes such as 1080x1350
    text = re.sub(r"\b[0-9a-f]{16,}\b", "", text)  # hex digests (a contest draw's hashes)
    text = re.sub(r"\butm_[a-z]+", "", text)  # the UTM tags' own names (utm_source)
    # the draw's algorithm and the command that verifies it (content of the protocol card)
    text = re.sub(r"\bbrandstudio(?:-draw-\d+| contest verify)", "", text)
    return [word for word in LATIN_WORD.findall(text) if word.casefold() not in ALLOWED]


@pytest.mark.parametrize("starter", STARTERS, ids=[path.stem for path in STARTERS])
def test_the_russian_window_has_no_english_word(
    qtbot: QtBot, russian: None, tmp_path: Path, starter: Path
) -> None:
    studio = Studio(library=open_library(tmp_path / "library"))
    window = MainWindow(studio)
    window._confirm = lambda title, text: QMessageBox.StandardButton.Discard
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.open_file(starter)
    window.show()
    qtbot.waitExposed(window)
    library = window.library_panel
    qtbot.waitUntil(lambda: all(library.is_loaded(name) for name in library.template_names()))
    document = studio.document
    assert document is not None
    document.select([layer.id for layer in document.template.layers][:1])
    QCoreApplication.processEvents()
    found = {
        f"{where}: {text!r}" for where, text in window_texts(window) if text and english_words(text)
    }
    window.close()
    studio.shutdown()
    assert not found, f"English in the Russian window with {starter.name}:\n  " + "\n  ".join(
        sorted(found)
    )


def test_the_walk_finds_english(qtbot: QtBot) -> None:
    """So that the test above cannot pass by reading nothing."""
    assert english_words("Экспорт в PNG, 1080x1350") == []
    assert english_words("Add Text (Ctrl+T)") == ["Add", "Text"]
    assert english_words("<p style='white-space:pre-wrap'>Open contest</p>") == ["Open", "contest"]
    assert english_words("Заголовок {brand} #FFAA00 photo.jpg") == []


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_each_russian_dialog_has_no_english_word(
    qtbot: QtBot, russian: None, tmp_path: Path, name: str
) -> None:
    studio = Studio(library=open_library(tmp_path / "library"))
    studio.open_file(REPO / "templates" / "contest.json")
    dialog = DIALOGS[name](studio, tmp_path)
    qtbot.addWidget(dialog)
    dialog.resize(default_size(dialog))
    dialog.show()
    qtbot.waitExposed(dialog)
    found: set[str] = set()
    for _page in pages(dialog):
        found |= {
            f"{where}: {text!r}" for where, text in widget_texts(dialog) if english_words(text)
        }
    dialog.close()
    studio.shutdown()
    assert not found, f"English in the Russian {name} dialog:\n  " + "\n  ".join(sorted(found))
