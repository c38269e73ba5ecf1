"""The inspector on a real document: every property has an editor with the model's limits,
typing merges into one undo step per field, brand colours are stored by role, fonts warn about
missing glyphs, per-preset overrides, several layers, and refused values never crash."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDoubleSpinBox, QLabel, QPushButton, QToolButton
from pytestqt.qtbot import QtBot

from brandstudio.brands import find_brand
from brandstudio.fileformat import load_template
from brandstudio.gui.document import TemplateDocument
from brandstudio.gui.inspector import Inspector
from brandstudio.gui.inspector_brand import ColorEditor, ContentEditor, FontEditor, PaintEditor
from brandstudio.gui.inspector_fields import RecordEditor
from brandstudio.gui.inspector_schema import field_kinds
from brandstudio.gui.inspector_values import BoolEditor, NumberEditor
from brandstudio.gui.studio import Studio
from brandstudio.library.store import open_library
from brandstudio.model.edits import add_layer, new_layer, update_props
from brandstudio.model.layers import BadgeLayer, TextLayer
from brandstudio.presets import load_presets

# The offscreen platform warns when a top-level widget is shown (size hints) and when a popup
# raises itself and grabs the keyboard; nothing else may.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
)

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def number(inspector: Inspector, path: str) -> QDoubleSpinBox:
    editor = inspector.editor(path)
    assert isinstance(editor, NumberEditor), path
    assert isinstance(editor.spin, QDoubleSpinBox)
    return editor.spin


def headline(document: TemplateDocument) -> TextLayer:
    layer = document.template.layer("headline")
    assert isinstance(layer, TextLayer)
    return layer


def test_shows_the_selected_layer(inspector: Inspector, document: TemplateDocument) -> None:
    assert inspector.title.text() == document.template.name  # nothing selected: the template
    assert isinstance(inspector.editor("background"), PaintEditor)
    document.select(["headline"])
    assert inspector.title.text() == "Headline"
    assert inspector.subtitle.text() == "Text layer"
    assert number(inspector, "size").value() == pytest.approx(104.0)
    assert number(inspector, "geometry.x").value() == pytest.approx(7.0)  # per cent
    assert number(inspector, "opacity").value() == pytest.approx(100.0)


@pytest.mark.parametrize("layer_type", ["text", "logo", "badge", "qr", "photo", "shape"])
def test_every_property_has_an_editor(
    inspector: Inspector, document: TemplateDocument, layer_type: str
) -> None:
    layer = new_layer(document.template, layer_type)
    document.edit("Add", add_layer(document.template, layer))
    document.select([layer.id])
    assert inspector.binding is not None
    for name in field_kinds(type(layer.props)):
        assert inspector.editor(name) is not None, name
    for name in ("name", "visible", "locked", "opacity", "rotation"):
        assert inspector.editor(name) is not None, name
    for name in ("anchor", "units", "x", "y", "width", "height", "aspect"):
        assert inspector.editor(f"geometry.{name}") is not None, name


def test_editor_ranges_are_the_models(inspector: Inspector, document: TemplateDocument) -> None:
    document.select(["headline"])
    size = number(inspector, "size")
    assert (size.minimum(), size.maximum()) == (4.0, 2000.0)
    opacity = number(inspector, "opacity")
    assert (opacity.minimum(), opacity.maximum()) == (0.0, 100.0)
    width = number(inspector, "geometry.width")
    assert (width.minimum(), width.maximum()) == pytest.approx((0.1, 400.0))
    shadow_blur = inspector.editor("shadow.blur")
    assert isinstance(shadow_blur, NumberEditor)
    assert shadow_blur.spin.maximum() == 2.0


def test_typing_a_font_size_is_one_undo_step(
    qtbot: QtBot, inspector: Inspector, document: TemplateDocument
) -> None:
    document.select(["headline"])
    spin = number(inspector, "size")
    spin.setFocus()
    spin.selectAll()
    before = document.undo_stack.count()
    qtbot.keyClicks(spin, "96")
    assert headline(document).props.size == 96.0
    assert document.undo_stack.count() == before + 1  # "9" then "96": merged
    assert document.undo_stack.undoText() == "Change Size of Headline"
    qtbot.keyClick(spin, Qt.Key.Key_Return)  # ends the session
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert headline(document).props.size == 97.0
    assert document.undo_stack.count() == before + 2
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert headline(document).props.size == 104.0
    assert spin.value() == pytest.approx(104.0)  # the editor follows undo


def test_opacity_in_per_cent_stores_a_fraction(
    qtbot: QtBot, inspector: Inspector, document: TemplateDocument
) -> None:
    document.select(["badge"])
    spin = number(inspector, "opacity")
    spin.setValue(40.0)
    assert document.template.layer("badge").opacity == pytest.approx(0.4)
    assert document.undo_stack.undoText() == "Change Opacity of Contest badge"


def test_picking_a_brand_colour_stores_its_role(
    qtbot: QtBot, inspector: Inspector, document: TemplateDocument
) -> None:
    document.select(["headline"])
    editor = inspector.editor("color")
    assert isinstance(editor, ColorEditor)
    assert editor.button.text() == "#FFFFFF"
    popup = editor.button.open_popup()
    assert popup.isVisible()
    qtbot.mouseClick(popup.swatches["accent"], Qt.MouseButton.LeftButton)
    assert headline(document).props.color == "brand:accent"
    assert document.undo_stack.undoText() == "Change Colour of Headline"
    assert editor.button.text() == "Accent"
    assert not popup.isVisible()


def test_a_custom_colour_keeps_its_alpha(inspector: Inspector, document: TemplateDocument) -> None:
    document.select(["headline"])
    editor = inspector.editor("shadow.color")
    assert isinstance(editor, ColorEditor)
    dialog = editor.button.open_custom_dialog()
    dialog.setCurrentColor(QColor(0x12, 0x34, 0x56, 0x80))
    dialog.accept()
    shadow = headline(document).props.shadow
    assert shadow is not None and shadow.color == "#12345680"


def test_a_character_the_font_lacks_shows_a_warning(
    inspector: Inspector, document: TemplateDocument
) -> None:
    document.select(["headline"])
    font = inspector.editor("font")
    assert isinstance(font, FontEditor)
    assert font.warning.isHidden()
    document.set_slot("headline", "Кофе ★ 漢")
    assert not font.warning.isHidden()
    text = font.warning.text()
    assert "Oswald" in text and "★" in text  # drawn with another font
    assert "漢" in text  # no bundled font has it
    document.undo_stack.undo()
    assert font.warning.isHidden()


def test_choosing_a_font_family_and_weight(
    inspector: Inspector, document: TemplateDocument
) -> None:
    document.select(["details"])
    font = inspector.editor("font")
    assert isinstance(font, FontEditor)
    index = font.family.findData("PT Serif")
    assert index >= 0
    font.family.setCurrentIndex(index)
    font.family.activated.emit(index)
    layer = document.template.layer("details")
    assert isinstance(layer, TextLayer)
    assert layer.props.font.family == "PT Serif"
    weights = [font.weight.itemData(i) for i in range(font.weight.count())]
    assert 400 in weights and 700 in weights


def test_own_text_and_slot_are_exclusive(inspector: Inspector, document: TemplateDocument) -> None:
    document.select(["headline"])
    content = inspector.editor("slot")
    assert isinstance(content, ContentEditor)
    own = content.combo.findData(None)
    content.combo.activated.emit(own)
    props = headline(document).props
    assert props.slot is None and props.text == "Выиграй годовой запас кофе"
    content.text.setPlainText("Новый текст")
    props = headline(document).props
    assert props.slot is None and props.text == "Новый текст"


def test_optional_records_switch_on_and_off(
    inspector: Inspector, document: TemplateDocument
) -> None:
    document.select(["headline"])
    stroke = inspector.editor("stroke")
    assert isinstance(stroke, RecordEditor)
    assert not stroke.body.isVisibleTo(inspector)
    stroke.header.click()
    assert headline(document).props.stroke is not None
    assert stroke.body.isVisibleTo(inspector)
    shadow = inspector.editor("shadow")
    assert isinstance(shadow, RecordEditor)
    shadow.header.click()
    assert headline(document).props.shadow is None


def test_a_gradient_can_be_replaced_with_a_colour(
    inspector: Inspector, document: TemplateDocument
) -> None:
    document.select(["photo"])
    overlay = inspector.editor("overlay")
    assert overlay is not None
    replace = overlay.findChild(QToolButton, "replaceGradient")
    assert replace is not None and replace.isVisibleTo(inspector)
    replace.click()
    assert document.template.layer("photo").props.overlay == "#00000000"  # type: ignore[union-attr]


def test_a_refused_value_is_reported_not_applied(
    inspector: Inspector, document: TemplateDocument
) -> None:
    document.select(["headline"])
    before = document.template
    editor = inspector.editor("opacity")
    assert editor is not None
    editor.edited.emit("opacity", 5.0)  # no editor offers it; the model refuses it
    assert document.template == before
    assert not inspector.status.isHidden()
    assert "opacity" in inspector.status.text()
    number(inspector, "opacity").setValue(50.0)
    assert inspector.status.isHidden()


def test_override_for_the_preset_and_link_to_master(
    inspector: Inspector, document: TemplateDocument
) -> None:
    document.select(["logo"])
    link = inspector.findChild(QPushButton, "linkToMaster")
    title = inspector.findChild(QLabel, "overrideTitle")
    assert link is not None and title is not None
    assert not link.isEnabled()
    preset = load_presets()[0]
    document.set_preset(preset)
    assert title.text() == f"Override for {preset.name}"
    document.override_mode = True
    number(inspector, "geometry.x").setValue(10.0)
    logo = document.template.layer("logo")
    assert logo.geometry.x == pytest.approx(0.06)  # the master is untouched
    assert logo.overrides[preset.id].x == pytest.approx(0.10)
    assert link.isEnabled()
    link.click()
    assert preset.id not in document.template.layer("logo").overrides
    assert document.undo_stack.undoText() == "Link Logo to Master Layout"
    assert number(inspector, "geometry.x").value() == pytest.approx(6.0)


def test_a_new_anchor_keeps_the_layer_in_place(
    inspector: Inspector, document: TemplateDocument
) -> None:
    from brandstudio.model.layout import layout

    document.select(["qr"])
    before = layout(document.template).placement("qr").box
    anchor = inspector.editor("geometry.anchor")
    assert anchor is not None
    combo = anchor.combo  # type: ignore[attr-defined]
    index = combo.findData("top-left")
    combo.activated.emit(index)
    assert document.template.layer("qr").geometry.anchor == "top-left"
    after = layout(document.template).placement("qr").box
    assert (after.x, after.y) == pytest.approx((before.x, before.y), abs=0.01)


def test_several_layers_share_visibility_and_opacity(
    inspector: Inspector, document: TemplateDocument
) -> None:
    document.select(["headline", "details"])
    assert inspector.title.text() == "2 layers selected"
    visible = inspector.editor("visible")
    assert isinstance(visible, BoolEditor)
    visible.box.click()
    assert not document.template.layer("headline").visible
    assert not document.template.layer("details").visible
    assert document.undo_stack.undoText() == "Hide 2 Layers"
    number(inspector, "opacity").setValue(30.0)
    assert document.template.layer("details").opacity == pytest.approx(0.3)


def test_follows_a_replaced_document(
    inspector: Inspector, studio: Studio, document: TemplateDocument
) -> None:
    document.select(["headline"])
    path = TEMPLATES / "quote.json"
    template = load_template(path).template
    replacement = studio.open_template(template, find_brand("demo"), path.parent)
    assert inspector.document is replacement
    assert inspector.title.text() == template.name
    first = template.layers[-1]
    replacement.select([first.id])
    assert inspector.title.text() == (first.name or first.id)
    document.select(["headline"])  # the old document no longer drives the panel
    assert inspector.title.text() == (first.name or first.id)


def test_renaming_merges_typing(
    qtbot: QtBot, inspector: Inspector, document: TemplateDocument
) -> None:
    document.select(["details"])
    name = inspector.editor("name")
    assert name is not None
    line = name.line  # type: ignore[attr-defined]
    line.setFocus()
    line.selectAll()
    before = document.undo_stack.count()
    qtbot.keyClicks(line, "Terms")
    assert document.template.layer("details").name == "Terms"
    assert document.undo_stack.count() == before + 1
    assert document.undo_stack.undoText() == "Rename Layer"
    assert inspector.title.text() == "Terms"


def test_template_background_is_editable(inspector: Inspector, document: TemplateDocument) -> None:
    editor = inspector.editor("background")
    assert isinstance(editor, PaintEditor)
    popup = editor.button.open_popup()
    popup.swatches["primary"].click()
    assert document.template.background == "brand:primary"
    assert document.undo_stack.undoText() == "Change Background"
    document.undo_stack.undo()
    assert document.template.background == "brand:background"


def test_starts_without_a_document_and_takes_the_first(qtbot: QtBot, tmp_path: Path) -> None:
    studio = Studio(library=open_library(tmp_path / "empty-library"))
    try:
        widget = Inspector(studio)
        qtbot.addWidget(widget)
        assert widget.document is None
        assert widget.title.text() == "No template open"
        path = TEMPLATES / "contest.json"
        opened = studio.open_template(load_template(path).template, find_brand("demo"), path.parent)
        assert widget.document is opened
        assert widget.title.text() == opened.template.name
    finally:
        studio.shutdown()


def test_the_text_colour_for_a_brand_colour_can_be_picked(
    qtbot: QtBot, inspector: Inspector, document: TemplateDocument
) -> None:
    """Issue 14: a badge's text takes ``brand:on-accent``, the colour computed to read on the
    accent; the popup offers it and the button shows it by name and colour."""
    document.select(["badge"])
    editor = inspector.editor("text_color")
    assert isinstance(editor, ColorEditor)
    assert editor.button.text() == "Text on Accent"  # the starter's own choice
    document.edit("Recolour", update_props(document.template, "badge", text_color="#FFFFFF"))
    popup = editor.button.open_popup()
    swatch = popup.swatches["on-accent"]
    assert swatch.text() == "Text on Accent"
    qtbot.mouseClick(swatch, Qt.MouseButton.LeftButton)
    layer = document.template.layer("badge")
    assert isinstance(layer, BadgeLayer) and layer.props.text_color == "brand:on-accent"
    assert editor.button.text() == "Text on Accent"


def test_typography_and_hyphenation_switches(
    inspector: Inspector, document: TemplateDocument
) -> None:
    from PySide6.QtWidgets import QComboBox

    document.select(["headline"])
    typography = inspector.editor("typography")
    assert typography is not None
    combo = typography.findChild(QComboBox) if not isinstance(typography, QComboBox) else typography
    assert combo is not None
    texts = [combo.itemText(index) for index in range(combo.count())]
    assert texts == ["Automatic", "Russian", "English", "Off (as typed)"]
    combo.setCurrentIndex(texts.index("Off (as typed)"))
    combo.activated.emit(combo.currentIndex())
    assert headline(document).props.typography == "off"
    document.undo_stack.undo()
    assert headline(document).props.typography == "auto"
    hyphenate = inspector.editor("hyphenate")
    assert isinstance(hyphenate, BoolEditor)
    hyphenate.box.click()
    assert headline(document).props.hyphenate is True
