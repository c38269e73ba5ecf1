"""The layers panel on a real document: rows top first, selection both ways, eye and lock,
reorder by drag and by buttons, rename, add, duplicate, delete; each an undo step."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit
from pytestqt.qtbot import QtBot

from brandstudio.brands import find_brand
from brandstudio.fileformat import load_template
from brandstudio.gui.document import TemplateDocument
from brandstudio.gui.layer_list import LayerDelegate
from brandstudio.gui.layers_panel import LayersPanel, move_layers
from brandstudio.gui.studio import Studio
from brandstudio.library.store import open_library

# Showing a top-level widget on the offscreen platform warns about size hints; nothing else may.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
CONTEST_TOP_FIRST = ["qr", "details", "headline", "badge", "logo", "photo"]


@pytest.fixture
def panel(qtbot: QtBot, studio: Studio) -> LayersPanel:
    panel = LayersPanel(studio)
    qtbot.addWidget(panel)
    panel.resize(300, 360)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def rows(panel: LayersPanel) -> list[str]:
    return [panel.model.layer_at(row).id for row in range(panel.model.rowCount())]


def row_rect(panel: LayersPanel, layer_id: str) -> QRect:
    index = panel.model.index(panel.model.row_of(layer_id))
    rect = panel.view.visualRect(index)
    assert rect.isValid()
    return rect


def click_row(
    qtbot: QtBot,
    panel: LayersPanel,
    layer_id: str,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    qtbot.mouseClick(
        panel.view.viewport(),
        Qt.MouseButton.LeftButton,
        modifier,
        row_rect(panel, layer_id).center(),
    )


def test_rows_show_the_stack_top_first(panel: LayersPanel, document: TemplateDocument) -> None:
    assert rows(panel) == CONTEST_TOP_FIRST
    assert [layer.id for layer in document.template.layers] == list(reversed(CONTEST_TOP_FIRST))
    badge = panel.model.index(panel.model.row_of("badge"))
    assert badge.data(Qt.ItemDataRole.DisplayRole) == "Contest badge"
    assert "Badge layer" in badge.data(Qt.ItemDataRole.ToolTipRole)


def test_clicking_rows_selects_layers_and_ctrl_adds(
    qtbot: QtBot, panel: LayersPanel, document: TemplateDocument
) -> None:
    click_row(qtbot, panel, "headline")
    assert document.selection == ("headline",)
    click_row(qtbot, panel, "qr", Qt.KeyboardModifier.ControlModifier)
    assert set(document.selection) == {"headline", "qr"}
    assert document.selection[-1] == "qr"  # the row clicked last is the primary one
    click_row(qtbot, panel, "photo", Qt.KeyboardModifier.ShiftModifier)
    assert set(document.selection) == set(CONTEST_TOP_FIRST)


def test_selection_made_elsewhere_shows_in_the_list(
    panel: LayersPanel, document: TemplateDocument
) -> None:
    document.select(["logo", "details"])
    selected = {index.row() for index in panel.view.selectionModel().selectedRows()}
    assert {rows(panel)[row] for row in selected} == {"logo", "details"}
    document.select([])
    assert panel.view.selectionModel().selectedRows() == []


def test_eye_hides_the_layer_as_one_undo_step(
    qtbot: QtBot, panel: LayersPanel, document: TemplateDocument
) -> None:
    eye = LayerDelegate.eye_rect(row_rect(panel, "headline"))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=eye.center())
    assert document.template.layer("headline").visible is False
    assert document.undo_stack.undoText() == "Hide Headline"
    assert document.selection == ()  # the eye does not select
    document.undo_stack.undo()
    assert document.template.layer("headline").visible is True
    index = panel.model.index(panel.model.row_of("headline"))
    assert index.data(panel.model.VisibleRole) is True


def test_lock_toggles_and_keeps_the_layer_editable_here(
    qtbot: QtBot, panel: LayersPanel, document: TemplateDocument
) -> None:
    lock = LayerDelegate.lock_rect(row_rect(panel, "logo"))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=lock.center())
    assert document.template.layer("logo").locked is True
    assert document.undo_stack.undoText() == "Lock Logo"
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=lock.center())
    assert document.template.layer("logo").locked is False
    assert document.undo_stack.count() == 2


def test_move_up_and_down_buttons_reorder(panel: LayersPanel, document: TemplateDocument) -> None:
    document.select(["badge"])
    panel.tool_buttons["up"].click()
    assert rows(panel) == ["qr", "details", "badge", "headline", "logo", "photo"]
    assert document.undo_stack.undoText() == "Move Contest badge Up"
    panel.tool_buttons["down"].click()
    panel.tool_buttons["down"].click()
    assert rows(panel) == ["qr", "details", "headline", "logo", "badge", "photo"]
    assert document.selection == ("badge",)
    document.select(["qr"])
    assert not panel.act_move_up.isEnabled()  # already on top
    assert panel.act_move_down.isEnabled()


def test_dropping_rows_reorders_the_stack(
    qtbot: QtBot, panel: LayersPanel, document: TemplateDocument
) -> None:
    document.select(["photo"])
    source = panel.model.index(panel.model.row_of("photo"))
    data = panel.model.mimeData([source])
    target = row_rect(panel, "qr")
    event = QDropEvent(
        QPoint(target.center().x(), target.top() + 3).toPointF(),
        panel.model.supportedDragActions(),
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    # Qt delivers drag events only from a real drag (a nested event loop): hand the drop to
    # the list as Qt would at the end of one.
    panel.view.dropEvent(event)
    assert event.isAccepted()
    assert event.dropAction() == Qt.DropAction.CopyAction  # nothing for the drag to remove
    assert rows(panel) == ["photo", *CONTEST_TOP_FIRST[:-1]]
    assert document.undo_stack.undoText() == "Reorder Layers"
    assert document.selection == ("photo",)
    document.undo_stack.undo()
    assert rows(panel) == CONTEST_TOP_FIRST


def test_a_drag_from_another_document_is_refused(
    qtbot: QtBot, panel: LayersPanel, document: TemplateDocument, studio: Studio
) -> None:
    stale = panel.model.mimeData([panel.model.index(0)])
    path = TEMPLATES / "contest.json"
    studio.open_template(load_template(path).template, find_brand("demo"), path.parent)
    assert panel.model.dragged_ids(stale) is None


def test_move_layers_keeps_the_moved_order() -> None:
    template = load_template(TEMPLATES / "contest.json").template
    moved = move_layers(template, ["qr", "logo"], 6)  # to the bottom of the list
    assert [layer.id for layer in reversed(moved.layers)] == [
        "details",
        "headline",
        "badge",
        "photo",
        "qr",
        "logo",
    ]


def test_f2_renames_in_place(qtbot: QtBot, panel: LayersPanel, document: TemplateDocument) -> None:
    click_row(qtbot, panel, "details")
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_F2)
    assert panel.view.state() == QAbstractItemView.State.EditingState
    editor = panel.view.viewport().findChild(QLineEdit)
    assert editor is not None and editor.text() == "Details"
    editor.setText("Условия")  # QTest types ASCII only
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits on the next turn of the event loop.
    qtbot.waitUntil(lambda: document.template.layer("details").name == "Условия")
    assert document.undo_stack.undoText() == "Rename Layer"
    assert panel.model.index(panel.model.row_of("details")).data() == "Условия"


def test_double_click_renames_and_names_stay_plain_text(
    qtbot: QtBot, panel: LayersPanel, document: TemplateDocument
) -> None:
    rect = row_rect(panel, "qr")
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = panel.view.viewport().findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    editor.setText("<b>QR</b> & link")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: document.template.layer("qr").name == "<b>QR</b> & link")
    tip = panel.model.index(panel.model.row_of("qr")).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;QR&lt;/b&gt; &amp; link" in tip  # shown as typed, never as markup


def test_add_text_layer_goes_above_the_selection_and_is_selected(
    panel: LayersPanel, document: TemplateDocument
) -> None:
    document.select(["badge"])
    panel.add_actions["text"].trigger()
    new_id = document.selection[0]
    assert document.template.layer(new_id).type == "text"
    assert rows(panel).index(new_id) == rows(panel).index("badge") - 1
    assert document.undo_stack.undoText() == "Add Text Layer"
    document.undo_stack.undo()
    assert rows(panel) == CONTEST_TOP_FIRST


@pytest.mark.parametrize("layer_type", ["text", "logo", "badge", "qr", "photo", "shape"])
def test_every_layer_type_can_be_added(
    panel: LayersPanel, document: TemplateDocument, layer_type: str
) -> None:
    document.select([])
    panel.add_actions[layer_type].trigger()
    assert rows(panel)[0] == document.selection[0]
    assert document.template.layer(document.selection[0]).type == layer_type


def test_keys_duplicate_and_delete_when_the_list_has_focus(
    qtbot: QtBot, panel: LayersPanel, document: TemplateDocument
) -> None:
    click_row(qtbot, panel, "headline")
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    copy = document.selection[0]
    assert copy != "headline"
    assert rows(panel).index(copy) == rows(panel).index("headline") - 1
    assert document.undo_stack.undoText() == "Duplicate Headline"
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert copy not in rows(panel)
    assert document.undo_stack.undoText() == "Delete Headline copy"
    assert document.selection == ("headline",)  # the next layer down takes its place


def test_context_menu_names_the_selection(panel: LayersPanel, document: TemplateDocument) -> None:
    document.select(["logo"])
    menu = panel.context_menu()
    texts = [action.text() for action in menu.actions()]
    assert "Hide" in texts and "Lock" in texts
    panel.act_toggle_visible.trigger()
    assert document.template.layer("logo").visible is False
    assert "Show" in [action.text() for action in panel.context_menu().actions()]
    menu.close()


def test_follows_a_replaced_document(
    panel: LayersPanel, studio: Studio, document: TemplateDocument
) -> None:
    path = TEMPLATES / "quote.json"
    replacement = studio.open_template(
        load_template(path).template, find_brand("demo"), path.parent
    )
    assert panel.document is replacement
    assert rows(panel) == [layer.id for layer in reversed(replacement.template.layers)]
    document.select(["headline"])  # the old document no longer drives the panel
    assert panel.view.selectionModel().selectedRows() == []


def test_starts_without_a_document_and_takes_the_first(qtbot: QtBot, tmp_path: Path) -> None:
    studio = Studio(library=open_library(tmp_path / "empty-library"))
    try:
        widget = LayersPanel(studio)
        qtbot.addWidget(widget)
        assert widget.document is None
        assert widget.model.rowCount() == 0
        assert not widget.add_button.isEnabled()
        path = TEMPLATES / "contest.json"
        opened = studio.open_template(load_template(path).template, find_brand("demo"), path.parent)
        assert widget.document is opened
        assert widget.model.rowCount() == 6
        assert widget.add_button.isEnabled()
    finally:
        studio.shutdown()
