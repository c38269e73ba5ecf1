"""Edits at one size: after a drag at a size other than the master, an inline bar asks
"this size only / all sizes"; layers with their own position there are marked."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from pytestqt.qtbot import QtBot

from brandstudio.gui.canvas import Canvas
from brandstudio.gui.layer_list import LayerListModel
from brandstudio.gui.layers_panel import LayersPanel
from brandstudio.gui.preset_bar import PresetBar
from brandstudio.gui.settings import ASK_SIZE_EDITS, Settings
from brandstudio.gui.studio import Studio
from brandstudio.model.layout import Box, layout
from brandstudio.presets import find_preset

REPO = Path(__file__).resolve().parents[2]
STORY = "instagram-story"


@pytest.fixture
def canvas(qtbot: QtBot, studio: Studio) -> Canvas:
    canvas = Canvas(studio)
    qtbot.addWidget(canvas)
    canvas.resize(900, 900)
    canvas.show()
    document = studio.document
    assert document is not None
    document.set_preset(find_preset(STORY))
    return canvas


def drag_logo(qtbot: QtBot, canvas: Canvas) -> None:
    placed = canvas.layout()
    assert placed is not None
    cx, cy = placed.placement("logo").box.center
    start = canvas.to_widget(QPointF(cx, cy)).toPoint()
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(canvas, start + QPoint(8 * step, 6 * step))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=start + QPoint(40, 30))


def master_box(canvas: Canvas) -> Box:
    document = canvas.studio.document
    assert document is not None
    return layout(document.template, None).placement("logo").box


def test_this_size_only_turns_the_drag_into_the_story_override(
    qtbot: QtBot, studio: Studio, canvas: Canvas
) -> None:
    document = studio.document
    assert document is not None
    panel = LayersPanel(studio)
    qtbot.addWidget(panel)
    bar = canvas.size_edit_bar
    master_before = master_box(canvas)
    story_before = layout(document.template, document.preset).placement("logo").box
    assert not bar.isVisible()
    drag_logo(qtbot, canvas)
    assert bar.isVisible()
    assert not bar.isWindow() and bar.parent() is canvas  # inline, not a dialog
    assert bar.isAncestorOf(bar.this_size_button)
    assert master_box(canvas) != master_before  # until answered: every size (as before)
    story_moved = layout(document.template, document.preset).placement("logo").box
    assert canvas.isEnabled()
    qtbot.mouseClick(bar.this_size_button, Qt.MouseButton.LeftButton)
    assert not bar.isVisible()
    assert master_box(canvas) == master_before
    assert STORY in document.template.layer("logo").overrides
    story_now = layout(document.template, document.preset).placement("logo").box
    assert story_now.x == pytest.approx(story_moved.x, abs=0.5)
    assert story_now.y == pytest.approx(story_moved.y, abs=0.5)
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Move Logo (this size)"
    # marked in Layers (dot + tooltip) and on the canvas
    model = panel.model
    row = model.index(model.row_of("logo"))
    assert model.data(row, LayerListModel.OverrideRole) is True
    assert "Own position at this size" in model.data(row, Qt.ItemDataRole.ToolTipRole)
    assert canvas.own_position_ids() == ("logo",)
    document.set_preset(None)
    assert canvas.own_position_ids() == ()
    assert model.data(model.index(model.row_of("logo")), LayerListModel.OverrideRole) is False
    document.set_preset(find_preset(STORY))
    document.undo_stack.undo()
    assert STORY not in document.template.layer("logo").overrides
    assert layout(document.template, document.preset).placement("logo").box == story_before
    assert canvas.own_position_ids() == ()
    assert not document.override_mode


def test_this_size_only_remembered_switches_on_edit_this_preset_only(
    qtbot: QtBot, studio: Studio, canvas: Canvas
) -> None:
    document = studio.document
    assert document is not None
    preset_bar = PresetBar(studio)
    qtbot.addWidget(preset_bar)
    assert not preset_bar.override_button.isChecked()
    drag_logo(qtbot, canvas)
    bar = canvas.size_edit_bar
    bar.remember_box.setChecked(True)
    qtbot.mouseClick(bar.this_size_button, Qt.MouseButton.LeftButton)
    assert document.override_mode
    assert preset_bar.override_button.isChecked()  # the toggle shows it
    master_before = master_box(canvas)
    drag_logo(qtbot, canvas)  # has its own position now: edits it, asks nothing
    assert not bar.isVisible()
    assert master_box(canvas) == master_before


def test_all_sizes_remembered_never_asks_again(
    qtbot: QtBot, studio: Studio, canvas: Canvas
) -> None:
    document = studio.document
    assert document is not None
    bar = canvas.size_edit_bar
    master_before = master_box(canvas)
    drag_logo(qtbot, canvas)
    bar.remember_box.setChecked(True)
    qtbot.mouseClick(bar.all_sizes_button, Qt.MouseButton.LeftButton)
    assert not bar.isVisible()
    assert master_box(canvas) != master_before
    assert document.template.layer("logo").overrides == {}
    assert Settings()[ASK_SIZE_EDITS] is False
    drag_logo(qtbot, canvas)
    assert not bar.isVisible()
    assert document.undo_stack.count() == 2


def test_the_master_and_the_next_edit_ask_nothing(
    qtbot: QtBot, studio: Studio, canvas: Canvas
) -> None:
    document = studio.document
    assert document is not None
    bar = canvas.size_edit_bar
    drag_logo(qtbot, canvas)
    assert bar.isVisible()
    document.select(["logo"])
    qtbot.keyClick(canvas, Qt.Key.Key_Right)  # the next edit: the question goes away
    assert not bar.isVisible()
    document.set_preset(None)
    drag_logo(qtbot, canvas)
    assert not bar.isVisible()
