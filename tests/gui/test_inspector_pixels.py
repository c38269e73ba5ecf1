"""The inspector in pixels (issue 13, item 3): X, Y, W, H of the size on screen, typed values
turned into the responsive model so the other sizes follow, one undo step per field, the anchor
and fractions folded under "Responsive", and the template's canvas at the preset on screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSpinBox
from pytestqt.qtbot import QtBot

from brandstudio.gui.document import TemplateDocument
from brandstudio.gui.inspector import Inspector
from brandstudio.gui.inspector_values import NumberEditor
from brandstudio.model.edits import move_by
from brandstudio.model.layout import Box, layout
from brandstudio.model.preset import Preset
from brandstudio.presets import find_preset

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
)

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


@pytest.fixture
def story() -> Preset:
    preset = find_preset("instagram-story")
    assert preset is not None
    return preset


def pixels(inspector: Inspector, name: str) -> QSpinBox:
    editor = inspector.editor(f"box.{name}")
    assert isinstance(editor, NumberEditor), name
    assert isinstance(editor.spin, QSpinBox)
    return editor.spin


def shown(inspector: Inspector) -> tuple[int, ...]:
    return tuple(pixels(inspector, name).value() for name in ("x", "y", "width", "height"))


def box_at(document: TemplateDocument, preset: Preset | None) -> Box:
    return layout(document.template, preset).placement("headline").box


def rounded(box: Box) -> tuple[int, ...]:
    return (round(box.x), round(box.y), round(box.width), round(box.height))


def type_into(qtbot: QtBot, spin: QSpinBox, text: str) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)
    spin.editingFinished.emit()


def test_fields_show_the_laid_out_box_at_the_preset_on_screen(
    inspector: Inspector, document: TemplateDocument, story: Preset
) -> None:
    document.set_preset(story)
    document.select(["headline"])
    assert shown(inspector) == rounded(box_at(document, story)) == (131, 974, 817, 359)
    position = inspector.sections["position"]
    assert position.header.text() == "Position and size"
    assert list(inspector.sections).index("position") == 0  # the top of the layer's properties
    assert pixels(inspector, "x").suffix() == " px"
    assert pixels(inspector, "width").minimum() == 1
    rotation = inspector.editor("rotation")
    assert rotation is not None and position.isAncestorOf(rotation)
    responsive = inspector.sections["geometry"]
    assert responsive.header.text() == "Responsive"
    assert not responsive.header.isChecked() and responsive.body.isHidden()  # folded
    anchor = inspector.editor("geometry.anchor")
    assert anchor is not None and responsive.isAncestorOf(anchor)


def test_typing_a_width_resizes_at_this_size_and_the_master_follows(
    qtbot: QtBot, inspector: Inspector, document: TemplateDocument, story: Preset
) -> None:
    document.set_preset(story)
    document.select(["headline"])
    before_template = document.template
    story_before, master_before = box_at(document, story), box_at(document, None)
    count = document.undo_stack.count()
    type_into(qtbot, pixels(inspector, "width"), "500")
    story_after, master_after = box_at(document, story), box_at(document, None)
    assert story_after.width == pytest.approx(500, abs=1)
    assert story_after.x == pytest.approx(story_before.x)
    assert story_after.height == pytest.approx(story_before.height)
    # Editing all sizes: the master's fraction changed, so its width scales by the same ratio.
    ratio = 500 / story_before.width
    assert master_after.width == pytest.approx(master_before.width * ratio, abs=1)
    assert master_after.x == pytest.approx(master_before.x, abs=1)
    # all sizes: no size gets a box of its own (the starter's own per-size boxes stay)
    assert (
        document.template.layer("headline").overrides == before_template.layer("headline").overrides
    )
    assert document.undo_stack.count() == count + 1  # "5", "50", "500": one step
    assert document.undo_stack.undoText() == "Resize Headline"
    assert pixels(inspector, "width").value() == 500
    document.undo_stack.undo()
    assert document.template == before_template
    assert shown(inspector) == rounded(story_before)


def test_typing_x_moves_and_the_next_field_is_a_new_step(
    qtbot: QtBot, inspector: Inspector, document: TemplateDocument, story: Preset
) -> None:
    document.set_preset(story)
    document.select(["headline"])
    width = box_at(document, story).width
    count = document.undo_stack.count()
    # "1" alone is clamped into the safe zone: the field must not show 65 while typing.
    type_into(qtbot, pixels(inspector, "x"), "150")  # fits in the safe zone
    assert box_at(document, story).x == pytest.approx(150, abs=1)
    assert box_at(document, story).width == pytest.approx(width)
    assert document.undo_stack.undoText() == "Move Headline"
    type_into(qtbot, pixels(inspector, "y"), "700")
    assert box_at(document, story).y == pytest.approx(700, abs=1)
    assert document.undo_stack.count() == count + 2


def test_arrow_keys_step_one_pixel(
    qtbot: QtBot, inspector: Inspector, document: TemplateDocument, story: Preset
) -> None:
    document.set_preset(story)
    document.select(["headline"])
    spin = pixels(inspector, "height")
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert box_at(document, story).height == pytest.approx(361, abs=1)
    assert document.undo_stack.undoText() == "Resize Headline"


def test_override_mode_edits_this_size_only(
    qtbot: QtBot, inspector: Inspector, document: TemplateDocument, story: Preset
) -> None:
    document.set_preset(story)
    document.override_mode = True
    document.select(["headline"])
    master = document.template.layer("headline").geometry
    type_into(qtbot, pixels(inspector, "width"), "500")
    layer = document.template.layer("headline")
    assert layer.geometry == master
    assert story.id in layer.overrides
    assert box_at(document, story).width == pytest.approx(500, abs=1)


def test_values_follow_the_canvas_and_the_preset(
    inspector: Inspector, document: TemplateDocument, story: Preset
) -> None:
    document.select(["headline"])
    assert shown(inspector) == rounded(box_at(document, None))
    document.edit("Move Headline", move_by(document.template, ["headline"], 10, -20, None))
    assert shown(inspector) == rounded(box_at(document, None))
    document.set_preset(story)
    assert shown(inspector) == rounded(box_at(document, story))


def test_template_section_shows_the_canvas_on_screen(
    inspector: Inspector, document: TemplateDocument, story: Preset
) -> None:
    canvas = inspector.findChild(QLabel, "canvasSize")
    master = inspector.findChild(QLabel, "masterSize")
    assert canvas is not None and master is not None
    assert (canvas.text(), master.text()) == ("1080 × 1350 px", "1080 × 1350 px")
    document.set_preset(story)
    assert (canvas.text(), master.text()) == ("1080 × 1920 px", "1080 × 1350 px")
