"""The library browser: thumbnails loaded off the GUI thread, open, duplicate, rename, delete,
filter, and the hand-over to the window when the open document has unsaved changes."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from brandstudio.gui.library_panel import STATE_ROLE, LibraryPanel
from brandstudio.gui.studio import Studio
from brandstudio.library.store import open_library

# Showing a top-level widget on the offscreen platform warns about size hints; nothing else may.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

DEMO = "Зерно"
STARTERS = [
    "announcement", "carousel", "contest", "contest-protocol", "contest-reminder", "contest-rules",
    "logo-stamp", "promo", "quote", "winners",
]  # fmt: skip
SCREENSHOTS = Path(__file__).resolve().parents[2] / "out" / "screenshots"


@pytest.fixture
def studio(tmp_path: Path) -> Iterator[Studio]:
    studio = Studio(library=open_library(tmp_path / "lib"))
    yield studio
    studio.shutdown()


@pytest.fixture
def panel(qtbot: QtBot, studio: Studio) -> Iterator[LibraryPanel]:
    panel = LibraryPanel(studio)
    qtbot.addWidget(panel)
    panel.resize(380, 640)
    panel.show()
    yield panel
    panel.shutdown()


def all_loaded(panel: LibraryPanel) -> bool:
    return all(panel.is_loaded(name) for name in panel.template_names(visible_only=False))


def double_click(qtbot: QtBot, panel: LibraryPanel, name: str) -> None:
    row = panel.template_names(visible_only=False).index(name)
    rect = panel.view.visualRect(panel.model.index(row, 0))
    assert rect.isValid()
    # A real double-click is a click, then a second press that Qt reports as a double-click
    # (QTest's mouseDClick alone sends only the second half).
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_lists_the_demo_brand_and_loads_every_thumbnail(qtbot: QtBot, panel: LibraryPanel) -> None:
    assert panel.current_brand() == DEMO
    assert panel.brand_combo.currentText() == DEMO
    assert panel.template_names() == STARTERS
    qtbot.waitUntil(lambda: all_loaded(panel), timeout=30000)
    for row in range(panel.model.rowCount()):
        item = panel.model.item(row)
        assert item.data(STATE_ROLE) == "ready"
        assert not item.icon().isNull()
        assert item.text() == STARTERS[row]  # the name under the picture
    # The picture is the template's own thumbnail: a 4:5 card, not the square placeholder.
    picture = panel.model.item(0).icon().pixmap(132, 132).toImage()
    assert picture.pixelColor(66, 66) != picture.pixelColor(2, 66)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    panel.grab().save(str(SCREENSHOTS / "library_panel.png"))


def test_a_broken_template_shows_a_failed_card_and_the_rest_load(
    qtbot: QtBot, studio: Studio
) -> None:
    folder = studio.library.templates_dir(DEMO)
    (folder / "broken.json").write_text('{"format": "brandstudio.template", "vers', "utf-8")
    panel = LibraryPanel(studio)
    qtbot.addWidget(panel)
    item = panel.model.item(panel.template_names().index("broken"))
    qtbot.waitUntil(lambda: item.data(STATE_ROLE) == "failed", timeout=30000)
    assert "broken.json" in item.toolTip()
    assert item.toolTip().startswith("<p"), "file text is escaped into a rich-text tooltip"
    qtbot.waitUntil(lambda: all(panel.is_loaded(name) for name in STARTERS), timeout=30000)
    panel.shutdown()


def test_thumbnails_are_made_off_the_gui_thread(
    qtbot: QtBot, studio: Studio, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    import brandstudio.gui.library_thumbnails as module

    threads: list[str] = []
    real = module.thumbnail

    def spy(*args: object) -> Path:
        threads.append(threading.current_thread().name)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(module, "thumbnail", spy)
    panel = LibraryPanel(studio)
    qtbot.addWidget(panel)
    assert not panel.is_loaded("promo"), "a placeholder first: nothing rendered in __init__"
    qtbot.waitUntil(lambda: all_loaded(panel), timeout=30000)
    panel.shutdown()
    assert threads and "MainThread" not in threads


def test_double_click_opens_the_template_in_the_studio(
    qtbot: QtBot, studio: Studio, panel: LibraryPanel
) -> None:
    with qtbot.waitSignal(panel.templateOpened, timeout=5000) as opened:
        double_click(qtbot, panel, "promo")
    assert opened.args == [DEMO, "promo"]
    document = studio.document
    assert document is not None and document.location is not None
    assert (document.location.brand, document.location.name) == (DEMO, "promo")
    assert panel.model.item(STARTERS.index("promo")).font().bold()  # the open one stands out


def test_enter_opens_the_selected_template(
    qtbot: QtBot, studio: Studio, panel: LibraryPanel
) -> None:
    panel.select("quote")
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert studio.document is not None and studio.document.title() == f"{DEMO}/quote"


def test_unsaved_changes_hand_the_open_to_the_window(
    qtbot: QtBot, studio: Studio, panel: LibraryPanel
) -> None:
    studio.open_library_template(DEMO, "quote")
    document = studio.document
    assert document is not None
    document.edit("Rename", dataclasses.replace(document.template, name="Quote, edited"))
    assert document.is_modified()
    with qtbot.waitSignal(panel.openRequested, timeout=5000) as asked:
        double_click(qtbot, panel, "promo")
    assert asked.args == [DEMO, "promo"]
    assert studio.document is document, "the panel itself must not drop unsaved work"


def test_delete_moves_the_template_to_the_trash_after_confirming(
    studio: Studio, panel: LibraryPanel
) -> None:
    questions: list[str] = []

    def refuse(title: str, text: str) -> bool:
        questions.append(text)
        return False

    panel.confirm = refuse
    assert panel.delete("contest") is False
    assert "contest" in studio.library.template_names(DEMO)
    assert "contest" in questions[0]

    panel.confirm = lambda title, text: True
    assert panel.delete("contest") is True
    assert "contest" not in studio.library.template_names(DEMO)
    assert "contest" not in panel.template_names()
    trashed = list(studio.library.trash_dir.rglob("contest.json"))
    assert len(trashed) == 1


def test_delete_key_asks_with_a_plain_text_message_box(
    qtbot: QtBot, studio: Studio, panel: LibraryPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, Qt.TextFormat]] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append((box.text(), box.textFormat()))
        for button in box.buttons():
            if box.buttonRole(button) == QMessageBox.ButtonRole.DestructiveRole:
                button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    panel.select("promo")
    panel.view.setFocus()
    panel.act_delete.trigger()
    assert shown and "promo" in shown[0][0]
    assert shown[0][1] == Qt.TextFormat.PlainText
    assert "promo" not in studio.library.template_names(DEMO)


def test_the_grid_keys_win_over_the_window_shortcuts(qtbot: QtBot, studio: Studio) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    duplicate_layer = QAction("Duplicate Layer", window)
    duplicate_layer.setShortcut(QKeySequence("Ctrl+D"))
    window.addAction(duplicate_layer)  # the main window's "duplicate the selected layer"
    fired: list[bool] = []
    duplicate_layer.triggered.connect(lambda: fired.append(True))
    panel = LibraryPanel(studio, window)
    elsewhere = QPushButton("Canvas", window)
    layout = QVBoxLayout(window)
    layout.addWidget(panel)
    layout.addWidget(elsewhere)
    try:
        with qtbot.waitActive(window):  # shortcuts work in the active window only
            window.show()
            window.activateWindow()
        assert QApplication.activeWindow() is window
        asked: list[str] = []
        panel.ask_name = lambda title, label, default: asked.append(default) and None
        panel.select("promo")
        panel.view.setFocus()
        qtbot.keyClick(panel.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
        assert asked == ["promo copy"], "the grid duplicated the template"
        assert not fired, "and the window did not duplicate a layer"
        elsewhere.setFocus()
        qtbot.keyClick(elsewhere, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
        assert fired and len(asked) == 1, "outside the grid the window's shortcut applies"
    finally:
        panel.shutdown()


def test_duplicate_and_rename(studio: Studio, panel: LibraryPanel) -> None:
    offered: list[str] = []

    def ask(title: str, label: str, default: str) -> str | None:
        offered.append(default)
        return "promo for May"

    panel.ask_name = ask
    assert panel.duplicate("promo") == "promo for May"
    assert offered == ["promo copy"]
    assert "promo for May" in studio.library.template_names(DEMO)
    assert panel.selected_name() == "promo for May"

    panel.ask_name = lambda title, label, default: "June promo"
    assert panel.rename("promo for May") == "June promo"
    names = studio.library.template_names(DEMO)
    assert "June promo" in names and "promo for May" not in names
    assert "June promo" in panel.template_names()


def test_renaming_the_open_template_moves_the_document_with_it(
    studio: Studio, panel: LibraryPanel
) -> None:
    document = studio.open_library_template(DEMO, "quote")
    panel.ask_name = lambda title, label, default: "quote of the week"
    panel.rename("quote")
    assert document.location is not None
    assert document.location.name == "quote of the week"
    assert document.location.path.name == "quote of the week.json"


def test_library_errors_are_reported_not_raised(studio: Studio, panel: LibraryPanel) -> None:
    errors: list[str] = []
    panel.show_error = lambda title, text: errors.append(text)
    panel.ask_name = lambda title, label, default: "quote"  # already taken
    assert panel.duplicate("promo") is None
    assert errors and "quote" in errors[0]


def test_new_template_from_a_starter_opens_it(studio: Studio, panel: LibraryPanel) -> None:
    panel.ask_name = lambda title, label, default: "Осенняя акция"
    assert panel.new_from_starter("promo") == "Осенняя акция"
    assert "Осенняя акция" in studio.library.template_names(DEMO)
    assert studio.document is not None and studio.document.title() == f"{DEMO}/Осенняя акция"


def test_context_menu_offers_the_template_actions(panel: LibraryPanel) -> None:
    index = panel.model.index(0, 0)
    texts = [action.text() for action in panel.context_menu(index).actions()]
    for wanted in ("Open", "Duplicate…", "Rename…", "Delete", "New Template from Starter"):
        assert wanted in texts
    nowhere = panel.view.indexAt(QPoint(-5, -5))
    empty = [action.text() for action in panel.context_menu(nowhere).actions()]
    assert "Delete" not in empty and "New Template from Starter" in empty


def test_filter_narrows_by_name_and_by_tag(
    qtbot: QtBot, studio: Studio, panel: LibraryPanel
) -> None:
    panel.filter_edit.setText("prom")
    assert panel.template_names() == ["promo"]
    panel.filter_edit.setText("nothing like this")
    assert panel.template_names() == []
    assert panel.empty_label.isVisible()

    studio.library.tag_template(DEMO, "quote", add=("осень",))
    panel.refresh()
    panel.filter_edit.setText("ОСЕНЬ")
    qtbot.waitUntil(lambda: panel.template_names() == ["quote"], timeout=10000)
    panel.filter_edit.clear()
    assert panel.template_names() == STARTERS
    assert not panel.empty_label.isVisible()


def test_refreshes_by_itself_when_the_library_changes(
    qtbot: QtBot, studio: Studio, panel: LibraryPanel
) -> None:
    studio.library.copy_template(DEMO, "quote", "quote 2")  # as the CLI would, elsewhere
    qtbot.waitUntil(lambda: "quote 2" in panel.template_names(), timeout=10000)
    qtbot.waitUntil(lambda: panel.is_loaded("quote 2"), timeout=30000)


def test_templates_of_another_brand(qtbot: QtBot, studio: Studio, panel: LibraryPanel) -> None:
    studio.library.new_brand("Север")
    panel.refresh()
    assert panel.brand_combo.count() == 2
    panel.set_brand("Север")
    assert panel.current_brand() == "Север"
    assert panel.template_names() == []
    assert panel.empty_label.isVisible()
    studio.open_library_template(DEMO, "promo")
    assert panel.current_brand() == DEMO, "the browser follows the open template's brand"
