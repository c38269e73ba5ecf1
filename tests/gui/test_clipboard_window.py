"""Cut, copy, paste and duplicate of layers through the real window and the real clipboard:
between templates, between two studios, images and text from other programs, hostile data."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat
from PySide6.QtCore import QByteArray, QMimeData, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from brandstudio.fileformat import load_template
from brandstudio.gui.clipboard import LAYERS_MIME
from brandstudio.gui.main_window import MainWindow
from brandstudio.gui.studio import Studio
from brandstudio.library.store import open_library
from brandstudio.model.layers import LogoLayer, QrLayer, TextLayer
from brandstudio.model.layout import layout

# Offscreen Qt cannot resize native windows to their hints; harmless here.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

REPO = Path(__file__).resolve().parents[2]
STARTERS = REPO / "templates"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the starter templates (with their photos): pastes write files beside them."""
    target = tmp_path / "templates"
    shutil.copytree(STARTERS, target)
    return target


@pytest.fixture
def make_window(qtbot: QtBot, tmp_path: Path) -> Iterator[Callable[[Path], MainWindow]]:
    windows: list[MainWindow] = []

    def make(path: Path) -> MainWindow:
        studio = Studio(library=open_library(tmp_path / f"library-{len(windows)}"))
        window = MainWindow(studio)
        window._confirm = lambda title, text: QMessageBox.StandardButton.Discard
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.open_file(path)
        window.show()
        windows.append(window)
        wait_render(qtbot, window)
        return window

    yield make
    for window in windows:
        window._confirm = lambda title, text: QMessageBox.StandardButton.Discard
        window.close()
        window.studio.shutdown()
    QGuiApplication.clipboard().clear()


def wait_render(qtbot: QtBot, window: MainWindow) -> Image.Image:
    studio = window.studio
    document = studio.document
    assert document is not None
    qtbot.waitUntil(
        lambda: (
            studio.last_result is not None
            and studio.renderer.idle()
            and studio.last_result.request.template == document.template
        ),
        timeout=30000,
    )
    assert studio.last_result is not None
    return studio.last_result.image


def region(image: Image.Image, window: MainWindow, layer_id: str) -> Image.Image:
    document = window.studio.document
    assert document is not None
    box = layout(document.template, document.preset).placement(layer_id).bounds
    return image.crop((round(box.x), round(box.y), round(box.right), round(box.bottom)))


def test_copy_from_contest_paste_into_announcement_save_and_reopen(
    qtbot: QtBot, make_window: Callable[[Path], MainWindow], folder: Path
) -> None:
    window = make_window(folder / "contest.json")
    document = window.studio.document
    assert document is not None
    contest_qr = document.template.layer("qr")
    assert not window.clipboard.act_copy.isEnabled()
    document.select(["qr"])
    assert window.clipboard.act_copy.isEnabled()
    window.clipboard.act_copy.trigger()
    before = region(wait_render(qtbot, window), window, "qr")
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.hasFormat(LAYERS_MIME) and mime.hasImage()
    picture = QImage(mime.imageData())
    assert abs(picture.width() - before.width) <= 1  # a picture of the selection
    assert abs(picture.height() - before.height) <= 1

    other_path = folder / "announcement.json"  # a post without a QR code of its own
    window.open_file(other_path)
    document = window.studio.document
    assert document is not None and document.template.name == "Announcement"
    assert window.clipboard.act_paste.isEnabled()
    window.clipboard.act_paste.trigger()
    (pasted_id,) = document.selection
    assert window.act_undo.text() == "&Undo Paste Layer"
    assert window.save()

    window.open_file(other_path)
    document = window.studio.document
    assert document is not None
    reopened = load_template(other_path).template
    assert document.template == reopened
    layer = reopened.layer(pasted_id)
    assert isinstance(layer, QrLayer)
    assert layer.props == contest_qr.props and layer.geometry == contest_qr.geometry
    assert "qr_url" in reopened.slots  # the slot came along with the layer
    after = region(wait_render(qtbot, window), window, pasted_id)
    assert after.size == before.size
    difference = ImageStat.Stat(ImageChops.difference(before, after)).mean
    assert max(difference) < 1.0, difference


def test_two_studios_share_layers_through_the_system_clipboard(
    qtbot: QtBot, make_window: Callable[[Path], MainWindow], folder: Path
) -> None:
    first = make_window(folder / "contest.json")
    second = make_window(folder / "quote.json")
    assert first.studio.document is not None and second.studio.document is not None
    first.studio.document.select(["logo", "headline"])
    first.clipboard.act_copy.trigger()
    assert QGuiApplication.clipboard().text()  # the headline's text, for other programs
    target = second.studio.document
    count = len(target.template.layers)
    second.clipboard.act_paste.trigger()
    assert len(target.template.layers) == count + 2
    pasted = [target.template.layer(layer_id) for layer_id in target.selection]
    assert [layer.type for layer in pasted] == ["logo", "text"]
    assert second.act_undo.text() == "&Undo Paste 2 Layers"
    second.act_undo.trigger()
    assert len(target.template.layers) == count


def test_paste_in_place_keeps_the_place_and_paste_moves_a_few_pixels(
    make_window: Callable[[Path], MainWindow], folder: Path
) -> None:
    window = make_window(folder / "contest.json")
    document = window.studio.document
    assert document is not None
    document.select(["badge"])
    window.clipboard.act_copy.trigger()
    window.clipboard.act_paste.trigger()
    (moved,) = document.selection
    placed = layout(document.template)
    assert placed.placement(moved).box.x > placed.placement("badge").box.x
    window.clipboard.act_paste_in_place.trigger()
    (kept,) = document.selection
    assert document.template.layer(kept).geometry == document.template.layer("badge").geometry
    document.select(["badge", "qr"])
    window.act_duplicate.trigger()
    assert len(document.selection) == 2
    assert window.act_undo.text() == "&Undo Duplicate 2 Layers"


def test_cut_removes_the_layers_in_one_undo_step(
    make_window: Callable[[Path], MainWindow], folder: Path
) -> None:
    window = make_window(folder / "contest.json")
    document = window.studio.document
    assert document is not None
    original = document.template
    document.select(["logo", "badge"])
    window.clipboard.act_cut.trigger()
    assert {layer.id for layer in document.template.layers}.isdisjoint({"logo", "badge"})
    assert window.act_undo.text() == "&Undo Cut 2 Layers"
    window.act_undo.trigger()
    assert document.template == original
    window.act_redo.trigger()
    window.clipboard.act_paste.trigger()
    assert {"logo", "badge"} <= {layer.id for layer in document.template.layers}


def test_an_image_from_another_program_becomes_a_logo_layer(
    make_window: Callable[[Path], MainWindow], folder: Path
) -> None:
    window = make_window(folder / "contest.json")
    document = window.studio.document
    assert document is not None
    image = QImage(64, 32, QImage.Format.Format_ARGB32)
    image.fill(QColor(200, 30, 40, 255))
    QGuiApplication.clipboard().setImage(image)
    window.clipboard.act_paste.trigger()
    (added,) = document.selection
    layer = document.template.layer(added)
    assert isinstance(layer, LogoLayer)
    stored = folder / layer.props.source
    assert stored.is_file()
    with Image.open(stored) as png:
        assert png.size == (64, 32)
        assert png.convert("RGB").getpixel((5, 5)) == (200, 30, 40)
    assert window.act_undo.text() == "&Undo Paste Image"


def test_plain_text_becomes_a_text_layer_in_the_body_font(
    make_window: Callable[[Path], MainWindow], folder: Path
) -> None:
    window = make_window(folder / "contest.json")
    document = window.studio.document
    assert document is not None
    QGuiApplication.clipboard().setText("Summer sale\tall week\r\n")
    window.clipboard.act_paste.trigger()
    (added,) = document.selection
    layer = document.template.layer(added)
    assert isinstance(layer, TextLayer)
    assert layer.props.text == "Summer sale all week"
    assert layer.props.font.family == "brand:body"


@pytest.mark.parametrize(
    "payload",
    [
        b"not json at all",
        b'{"format": "brandstudio.layers", "version": 7, "template": {}}',
        b'{"format": "brandstudio.layers", "version": 1, "template": {"layers": "x"}}',
        b"\xff\xfe\x00garbage",
    ],
)
def test_hostile_clipboard_data_gives_a_message_not_a_crash(
    make_window: Callable[[Path], MainWindow], folder: Path, payload: bytes
) -> None:
    window = make_window(folder / "contest.json")
    document = window.studio.document
    assert document is not None
    before = document.template
    mime = QMimeData()
    mime.setData(LAYERS_MIME, QByteArray(payload))
    QGuiApplication.clipboard().setMimeData(mime)
    window.clipboard.act_paste.trigger()
    assert document.template == before
    assert window.statusBar().currentMessage().startswith("Cannot paste")


def test_the_standard_shortcuts_reach_the_actions(
    qtbot: QtBot, make_window: Callable[[Path], MainWindow], folder: Path
) -> None:
    window = make_window(folder / "contest.json")
    document = window.studio.document
    assert document is not None
    shortcuts = {action.shortcut().toString() for action in window.clipboard.actions()}
    assert shortcuts == {"Ctrl+X", "Ctrl+C", "Ctrl+V", "Ctrl+Shift+V"}
    assert window.act_duplicate.shortcut().toString() == "Ctrl+D"
    window.activateWindow()
    window.canvas.setFocus()
    document.select(["qr"])
    count = len(document.template.layers)
    qtbot.keyClick(window.canvas, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.canvas, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(document.template.layers) == count + 1
