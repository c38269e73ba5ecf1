"""The studio window end to end, driven like a user: add a layer, type, drag, undo and redo,
switch presets, save, reopen, export; autosave and recovery; hostile drops."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from brandstudio.fileformat import load_template
from brandstudio.gui.dialogs.export import ExportDialog
from brandstudio.gui.dialogs.widgets import CANVAS_KEY
from brandstudio.gui.main_window import MainWindow
from brandstudio.gui.recovery import autosave_path, find_recoverable
from brandstudio.gui.settings import LAST_PATH, WINDOW_GEOMETRY, Settings
from brandstudio.gui.studio import Studio
from brandstudio.library.store import open_library
from brandstudio.model.layers import TextLayer
from brandstudio.model.layout import layout
from brandstudio.presets import find_preset

# Offscreen Qt cannot resize native windows to their hints; harmless here.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

REPO = Path(__file__).resolve().parents[2]
CONTEST = REPO / "templates" / "contest.json"


def wait_render(qtbot: QtBot, window: MainWindow) -> None:
    studio = window.studio
    qtbot.waitUntil(
        lambda: studio.last_result is not None and studio.renderer.idle(), timeout=30000
    )
    qtbot.wait(30)


def test_a_user_session(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    studio = window.studio
    document = studio.document
    assert document is not None
    assert document.location is None  # a starter opens as a new template
    wait_render(qtbot, window)
    assert window.windowTitle().startswith("Contest[*]")

    window.add_actions["text"].trigger()
    added = document.selection[0]
    assert isinstance(document.template.layer(added), TextLayer)
    assert window.isWindowModified()

    headline = window.slots_panel.findChild(QPlainTextEdit, "slot-headline-editor") or next(
        editor for editor in window.slots_panel.findChildren(QPlainTextEdit)
        if editor.parent().objectName() == "slot-headline"
    )  # fmt: skip
    headline.setFocus()
    headline.selectAll()
    qtbot.keyClicks(headline, "Giveaway of the week")
    qtbot.waitUntil(
        lambda: document.content.get("headline") == "Giveaway of the week", timeout=5000
    )

    canvas = window.canvas
    document.set_preset(find_preset("instagram-square"))
    canvas.actual_size()
    canvas.set_zoom(0.5)
    before = layout(document.template, document.preset).placement("logo").box
    cx, cy = before.center
    start = canvas.to_widget(QPointF(cx, cy)).toPoint()
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(canvas, start + QPoint(10 * step, 6 * step))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=start + QPoint(50, 30))
    moved = layout(document.template, document.preset).placement("logo").box
    assert moved.x > before.x + 60
    assert window.act_undo.text() == "&Undo Move Logo"
    window.act_undo.trigger()
    assert layout(document.template, document.preset).placement("logo").box == before
    window.act_redo.trigger()
    assert layout(document.template, document.preset).placement("logo").box == moved

    document.set_preset(find_preset("instagram-story"))
    wait_render(qtbot, window)
    assert studio.last_result is not None
    assert studio.last_result.image.size == (1080, 1920)
    assert window.size_label.text() == "1080 × 1920 px"

    saved = tmp_path / "my-contest.json"
    monkeypatch.setattr(
        "brandstudio.gui.main_window.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(saved), ""),
    )
    studio.save_to_file(saved)
    assert not window.isWindowModified()
    reopened = load_template(saved).template
    assert reopened.layer(added).type == "text"
    assert reopened == document.template.__class__(
        **{**document.template.__dict__, "revision": reopened.revision}
    )

    window.open_file(saved)
    assert studio.document is not None and studio.document.template == reopened

    out = tmp_path / "export"
    out.mkdir()
    dialog = ExportDialog(studio, window)
    qtbot.addWidget(dialog)
    dialog.presets.set_checked([CANVAS_KEY, "vk-post"])
    dialog.options.set_format("png")
    dialog.options.folder.set_path(out)
    dialog.show()
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=60000)
    if dialog.batch is not None:
        dialog.batch.stop_and_wait()
    sizes = []
    for path in out.glob("*.png"):
        with Image.open(path) as image:
            sizes.append(image.size)
    sizes.sort()
    assert sizes == [(1080, 1080), (1080, 1350)]


def test_unsaved_work_is_autosaved_and_offered_after_a_crash(
    qtbot: QtBot, window: MainWindow
) -> None:
    studio = window.studio
    document = studio.document
    assert document is not None
    window.add_actions["badge"].trigger()
    window.autosave()
    home = studio.library.home
    assert autosave_path(home).is_file()
    # Pretend the writer was another, dead process: rename the file to a pid that is free.
    dead = autosave_path(home).with_name("session-999999999.json")
    autosave_path(home).rename(dead)
    text = dead.read_text(encoding="utf-8").replace(
        f'"pid": {__import__("os").getpid()}', '"pid": 999999999'
    )
    dead.write_text(text, encoding="utf-8")
    assert len(find_recoverable(home)) == 1
    asked: list[str] = []
    recovered = window.offer_recovery(ask=lambda question: asked.append(question) or True)
    assert recovered and asked and "Contest" in asked[0]
    assert studio.document is not None
    assert len(studio.document.template.layers) == len(document.template.layers)
    assert window.isWindowModified()
    assert not dead.exists()


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _png_bomb() -> bytes:
    header = struct.pack(">IIBBBBB", 30000, 30000, 8, 2, 0, 0, 0)
    chunk = _chunk
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 1000))
        + chunk(b"IEND", b"")
    )


def test_hostile_drops_give_messages_not_crashes(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    corrupt = tmp_path / "broken.jpg"
    corrupt.write_bytes(b"\xff\xd8\xff\xe0" + b"garbage" * 50)
    bomb = tmp_path / "huge.png"
    bomb.write_bytes(_png_bomb())
    fake_font = tmp_path / "font.ttf"
    fake_font.write_bytes(b"this is not a font at all" * 20)
    problems: list[tuple[str, str]] = []
    window.drops.problem.connect(lambda name, reason: problems.append((name, reason)))
    document = window.studio.document
    assert document is not None
    before = dict(document.content)
    window.drops.handle([corrupt, bomb, fake_font])
    qtbot.waitUntil(lambda: len(problems) == 3, timeout=30000)
    names = {name for name, _ in problems}
    assert names == {"broken.jpg", "huge.png", "font.ttf"}
    reasons = dict(problems)
    assert "too large" in reasons["huge.png"]
    assert dict(document.content) == before
    assert window.isVisible()


@pytest.mark.parametrize("keys", ["Ctrl+Y", "Ctrl+Shift+Z"])
def test_redo_has_both_shortcuts(qtbot: QtBot, window: MainWindow, keys: str) -> None:
    """Issue 13: Ctrl+Y did not redo on Linux (its standard Redo is Ctrl+Shift+Z only)."""
    document = window.studio.document
    assert document is not None
    shortcuts = [key.toString() for key in window.act_redo.shortcuts()]
    assert "Ctrl+Y" in shortcuts and "Ctrl+Shift+Z" in shortcuts
    assert len(shortcuts) == len(set(shortcuts))
    window.add_actions["qr"].trigger()
    added = document.template
    window.act_undo.trigger()
    assert document.template != added
    window.activateWindow()
    qtbot.waitActive(window)
    window.canvas.setFocus()
    sequence = QKeySequence(keys)[0]
    qtbot.keyClick(window.canvas, sequence.key(), sequence.keyboardModifiers())
    assert document.template == added


def test_closing_with_unsaved_changes_asks(qtbot: QtBot, window: MainWindow) -> None:
    asked: list[str] = []
    window._confirm = lambda title, text: asked.append(text) or QMessageBox.StandardButton.Cancel  # type: ignore[func-returns-value]
    window.add_actions["qr"].trigger()
    window.close()
    assert asked and window.isVisible()
    window._confirm = lambda title, text: QMessageBox.StandardButton.Discard
    window.close()
    assert not window.isVisible()


def test_recent_files_and_the_window_state_are_remembered(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    studio = window.studio
    saved = tmp_path / "mine.json"
    studio.save_to_file(saved)
    window.open_file(saved)
    assert window.recent.entries()[0] == str(saved)
    assert window.recent_menu.actions()[0].text() == str(saved)
    window.close()
    store = Settings()
    assert store[LAST_PATH] == str(saved)
    assert not store[WINDOW_GEOMETRY].isEmpty()

    again = MainWindow(Studio(library=open_library(tmp_path / "library")))
    qtbot.addWidget(again)
    try:
        assert again.recent_menu.isEnabled()
        again.recent_menu.actions()[0].trigger()
        document = again.studio.document
        assert document is not None and document.location is not None
        assert document.location.path == saved
    finally:
        again._confirm = lambda title, text: QMessageBox.StandardButton.Discard
        again.close()
        again.studio.shutdown()
