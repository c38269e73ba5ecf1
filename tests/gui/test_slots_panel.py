"""The content panel on a real document: one field per slot, typing fills the slot as one undo
step, an empty field means the sample, photos chosen or dropped, and the QR length warning."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from brandstudio.brands import find_brand
from brandstudio.fileformat import load_template
from brandstudio.gui.dialogs.utm_tags import UtmTagsDialog
from brandstudio.gui.document import TemplateDocument
from brandstudio.gui.slots_panel import ImageLineEdit, SlotsPanel, image_path
from brandstudio.gui.studio import Studio
from brandstudio.library.store import open_library

# The offscreen platform warns when a top-level widget is shown (size hints); nothing else may.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


@pytest.fixture
def panel(qtbot: QtBot, studio: Studio) -> SlotsPanel:
    panel = SlotsPanel(studio)
    qtbot.addWidget(panel)
    panel.resize(320, 640)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "фото.png"
    Image.new("RGB", (64, 48), (200, 80, 40)).save(path)
    return path


def test_one_field_per_slot_with_the_sample_as_placeholder(
    panel: SlotsPanel, document: TemplateDocument
) -> None:
    assert list(panel.fields) == ["photo", "headline", "details", "badge", "qr_url"]
    headline = panel.fields["headline"]
    assert headline.label.text() == "Headline"
    assert headline.label.textFormat() == Qt.TextFormat.PlainText
    assert headline.text is not None
    assert headline.text.placeholderText() == "Выиграй годовой запас кофе"
    assert headline.text.toPlainText() == ""
    assert panel.fields["badge"].line is not None  # shown by a badge only: one line
    assert isinstance(panel.fields["photo"].line, ImageLineEdit)


def test_typing_fills_the_slot_as_one_undo_step(
    qtbot: QtBot, panel: SlotsPanel, document: TemplateDocument
) -> None:
    text = panel.fields["headline"].text
    assert text is not None
    text.setFocus()
    qtbot.keyClicks(text, "Big sale")
    assert document.content["headline"] == "Big sale"
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Edit Headline"
    document.undo_stack.undo()
    assert "headline" not in document.content
    assert text.toPlainText() == ""  # the field follows undo


def test_a_new_focus_starts_a_new_undo_step(
    qtbot: QtBot, panel: SlotsPanel, document: TemplateDocument
) -> None:
    badge = panel.fields["badge"].line
    details = panel.fields["details"].text
    assert badge is not None and details is not None
    badge.setFocus()
    qtbot.keyClicks(badge, "-50%")
    details.setFocus()  # the badge field loses focus: its session ends
    badge.setFocus()
    qtbot.keyClicks(badge, "!")
    assert document.content["badge"] == "-50%!"
    assert document.undo_stack.count() == 2


def test_clearing_a_field_goes_back_to_the_sample(
    qtbot: QtBot, panel: SlotsPanel, document: TemplateDocument
) -> None:
    badge = panel.fields["badge"].line
    assert badge is not None
    badge.setFocus()
    qtbot.keyClicks(badge, "x")
    qtbot.keyClick(badge, Qt.Key.Key_Backspace)
    assert document.content["badge"] == "Конкурс"  # what the placeholder promised
    assert badge.text() == ""


def test_a_url_too_long_for_a_qr_code_warns_while_typing(
    qtbot: QtBot, panel: SlotsPanel, document: TemplateDocument
) -> None:
    field = panel.fields["qr_url"]
    line = field.line
    assert line is not None
    assert field.warning.isHidden()
    line.setFocus()
    line.insert("https://example.com/" + "a" * 3000)  # a paste: one user edit
    assert len(document.content["qr_url"]) > 3000
    assert not field.warning.isHidden()
    assert "Too long for a QR code" in field.warning.text()
    line.selectAll()
    qtbot.keyClicks(line, "https://vk.com")
    assert document.content["qr_url"] == "https://vk.com"
    assert field.warning.isHidden()


def test_a_dropped_image_fills_the_photo_slot(
    qtbot: QtBot, panel: SlotsPanel, document: TemplateDocument, photo: Path, tmp_path: Path
) -> None:
    line = panel.fields["photo"].line
    assert isinstance(line, ImageLineEdit)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(photo))])
    assert image_path(data) == photo
    event = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    # Qt delivers drag events only from a real drag: hand the drop over as Qt would.
    line.dropEvent(event)
    assert event.isAccepted()
    qtbot.waitUntil(lambda: document.content.get("photo") == str(photo.resolve()))
    assert line.text() == str(photo.resolve())
    text_file = tmp_path / "notes.txt"
    text_file.write_text("hello", encoding="utf-8")
    data.setUrls([QUrl.fromLocalFile(str(text_file))])
    assert image_path(data) is None


def test_choose_opens_a_file_dialog_for_images(
    qtbot: QtBot,
    panel: SlotsPanel,
    document: TemplateDocument,
    photo: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    field = panel.fields["photo"]
    asked: list[str] = []

    def answer(parent: object, title: str, start: str, filters: str) -> tuple[str, str]:
        asked.append(filters)
        return str(photo), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", answer)
    assert field.choose_file() == str(photo)
    assert "*.jpg" in asked[0].split(";;")[0]
    qtbot.waitUntil(lambda: document.content.get("photo") == str(photo.resolve()))
    assert document.undo_stack.undoText() == "Edit Photo"


def test_a_path_that_is_no_photo_is_not_applied(
    qtbot: QtBot, panel: SlotsPanel, document: TemplateDocument, tmp_path: Path
) -> None:
    field = panel.fields["photo"]
    line = field.line
    assert line is not None
    line.setFocus()
    qtbot.keyClicks(line, str(tmp_path / "missing.jpg"))
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert "photo" not in document.content
    assert not field.warning.isHidden()


def _undecodable(tmp_path: Path) -> list[Path]:
    noise = tmp_path / "шум.jpg"
    noise.write_bytes(bytes(range(256)) * 40)
    text = tmp_path / "notes.png"
    text.write_text("not an image at all\n" * 20, encoding="utf-8")
    whole = tmp_path / "whole.jpg"
    Image.new("RGB", (640, 480), (30, 120, 200)).save(whole, quality=90)
    truncated = tmp_path / "truncated.jpg"
    truncated.write_bytes(whole.read_bytes()[: whole.stat().st_size // 3])
    return [noise, text, truncated]


def test_a_chosen_photo_that_cannot_be_decoded_is_refused_with_a_message(
    qtbot: QtBot,
    panel: SlotsPanel,
    document: TemplateDocument,
    photo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 13: Content ▸ Choose… accepted any file named like a photo; the canvas kept the
    old photo and only the status bar said why for 8 seconds."""
    field = panel.fields["photo"]
    answers = [photo, *_undecodable(tmp_path)]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(answers.pop(0)), ""))
    field.choose_file()
    qtbot.waitUntil(lambda: document.content.get("photo") == str(photo.resolve()))
    steps = document.undo_stack.count()
    for bad in list(answers):
        field.choose_file()
        qtbot.waitUntil(lambda: panel.findChild(QMessageBox, "unusable-file") is not None)
        box = panel.findChild(QMessageBox, "unusable-file")
        assert isinstance(box, QMessageBox)
        assert box.text().startswith(f"{bad.name}: ")
        assert box.windowTitle() == "Cannot use this file"
        assert not box.isModal() or box.windowModality() != Qt.WindowModality.ApplicationModal
        box.close()
        qtbot.waitUntil(lambda: panel.findChild(QMessageBox, "unusable-file") is None)
        assert document.content["photo"] == str(photo.resolve())
        assert document.undo_stack.count() == steps
        assert field.editor_text() == str(photo.resolve())


def test_follows_a_replaced_document(
    panel: SlotsPanel, studio: Studio, document: TemplateDocument
) -> None:
    path = TEMPLATES / "quote.json"
    template = load_template(path).template
    replacement = studio.open_template(template, find_brand("demo"), path.parent)
    assert panel.document is replacement
    assert list(panel.fields) == list(template.slots)
    document.set_slot("headline", "old document")  # no longer shown anywhere
    for field in panel.fields.values():
        assert "old document" not in field.editor_text()
    lines = panel.findChildren(QLineEdit)
    assert all(line.text() != "old document" for line in lines)


def test_starts_without_a_document_and_takes_the_first(qtbot: QtBot, tmp_path: Path) -> None:
    studio = Studio(library=open_library(tmp_path / "empty-library"))
    try:
        widget = SlotsPanel(studio)
        qtbot.addWidget(widget)
        assert widget.document is None
        assert widget.fields == {}
        path = TEMPLATES / "contest.json"
        opened = studio.open_template(load_template(path).template, find_brand("demo"), path.parent)
        assert widget.document is opened
        assert list(widget.fields) == list(opened.template.slots)
    finally:
        studio.shutdown()


def test_a_link_slot_gets_utm_tags_as_one_undo_step(
    qtbot: QtBot, panel: SlotsPanel, document: TemplateDocument
) -> None:
    field = panel.fields["qr_url"]
    button = field.utm_button
    assert button is not None and not button.isChecked()
    assert panel.fields["headline"].utm_button is None  # text slots have no tags
    seen: list[str] = []

    def fill() -> None:
        dialog = next(
            widget for widget in QApplication.topLevelWidgets() if isinstance(widget, UtmTagsDialog)
        )
        try:
            seen.append(dialog.campaign.text())  # the template's name to start with
            seen.append(str(dialog.campaign.isEnabled()))
            qtbot.waitExposed(dialog)
            qtbot.keyClick(dialog.enabled, Qt.Key.Key_Space)
            dialog.campaign.setText("june")
            seen.append(dict(dialog.examples)["vk-post"].text())
        finally:
            dialog.accept()

    QTimer.singleShot(50, fill)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    utm = document.template.slots["qr_url"].utm
    assert utm is not None and (utm.campaign, utm.medium) == ("june", "social")
    assert seen[:2] == [document.template.name, "False"]
    assert "utm_source=vk" in seen[2] and "utm_campaign=june" in seen[2]
    assert document.undo_stack.undoText() == "Edit UTM Tags"
    field = panel.fields["qr_url"]  # rebuilt for the changed slot
    assert field.utm_button is not None and field.utm_button.isChecked()
    assert "utm_campaign=june" in field.utm_button.toolTip()
    document.undo_stack.undo()
    assert document.template.slots["qr_url"].utm is None
