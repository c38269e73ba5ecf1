"""Files dropped on the studio are taken as a copy (or a link), never a move.

A file manager deletes the original of a file that was moved: Shift+drag (Qt proposes "move"
when copy is offered too) must still be accepted as a copy, and a drag that offers only "move"
is refused. The events are handed over as Qt would (a real drag needs a window manager).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from brandstudio.gui.canvas import Canvas
from brandstudio.gui.dialogs.stamp import StampDialog
from brandstudio.gui.slots_panel import ImageLineEdit
from brandstudio.gui.studio import Studio

REPO = Path(__file__).resolve().parents[2]
COPY_OR_MOVE = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
SHIFT = Qt.KeyboardModifier.ShiftModifier  # a file manager's "move" modifier

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def photo_data(tmp_path: Path) -> QMimeData:
    path = tmp_path / "photo.jpg"
    Image.new("RGB", (64, 48), (200, 80, 40)).save(path)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    return data


def drag_and_drop(
    widget: QWidget, data: QMimeData, actions: Qt.DropAction
) -> tuple[QDragEnterEvent, QDragMoveEvent, QDropEvent]:
    where = QPointF(widget.width() / 2, widget.height() / 2)
    button = Qt.MouseButton.LeftButton
    enter = QDragEnterEvent(where, actions, data, button, SHIFT)
    move = QDragMoveEvent(where, actions, data, button, SHIFT)
    drop = QDropEvent(where, actions, data, button, SHIFT)
    assert drop.proposedAction() == Qt.DropAction.MoveAction or not actions & COPY_OR_MOVE
    for event in (enter, move, drop):
        QApplication.sendEvent(widget, event)
    return enter, move, drop


def assert_copied(events: tuple[QDropEvent, ...], action: Qt.DropAction) -> None:
    for event in events:
        assert event.isAccepted()
        assert event.dropAction() == action


def test_the_canvas_takes_a_shift_drag_as_a_copy(
    qtbot: QtBot, studio: Studio, photo_data: QMimeData
) -> None:
    canvas = Canvas(studio)
    qtbot.addWidget(canvas)
    canvas.resize(600, 600)
    dropped: list[object] = []
    canvas.filesDropped.connect(dropped.append)
    assert_copied(drag_and_drop(canvas, photo_data, COPY_OR_MOVE), Qt.DropAction.CopyAction)
    assert len(dropped) == 1
    link = drag_and_drop(canvas, photo_data, Qt.DropAction.LinkAction | Qt.DropAction.MoveAction)
    assert_copied(link, Qt.DropAction.LinkAction)
    *_, drop = drag_and_drop(canvas, photo_data, Qt.DropAction.MoveAction)
    assert not drop.isAccepted()
    assert len(dropped) == 2


def test_the_photo_field_takes_a_shift_drag_as_a_copy(qtbot: QtBot, photo_data: QMimeData) -> None:
    line = ImageLineEdit()
    qtbot.addWidget(line)
    dropped: list[str] = []
    line.fileDropped.connect(dropped.append)
    assert_copied(drag_and_drop(line, photo_data, COPY_OR_MOVE), Qt.DropAction.CopyAction)
    assert len(dropped) == 1
    *_, drop = drag_and_drop(line, photo_data, Qt.DropAction.MoveAction)
    assert not drop.isAccepted()
    assert len(dropped) == 1


def test_the_stamp_dialog_takes_a_shift_drag_as_a_copy(
    qtbot: QtBot, studio: Studio, photo_data: QMimeData
) -> None:
    dialog = StampDialog(studio)
    qtbot.addWidget(dialog)
    try:
        assert_copied(drag_and_drop(dialog, photo_data, COPY_OR_MOVE), Qt.DropAction.CopyAction)
        assert len(dialog.photos.paths()) == 1
        *_, drop = drag_and_drop(dialog, photo_data, Qt.DropAction.MoveAction)
        assert not drop.isAccepted()
        assert len(dialog.photos.paths()) == 1
    finally:
        dialog.close()
