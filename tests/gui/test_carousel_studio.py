"""A carousel in the studio: the Slides field makes the post a strip of slides, the canvas
shows the strip the engine renders with the joins marked, the layers panel groups layers by
slide, and a layer moves to a slide from the inspector or by a drop under a slide's heading."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from pytestqt.qtbot import QtBot
from studio_drivers import rendered

from brandstudio.gui.inspector_slides import LayerSlideField, SlideCountField
from brandstudio.gui.layer_list import LayerListModel
from brandstudio.gui.main_window import MainWindow
from brandstudio.presets import find_preset

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _headings(model: LayerListModel) -> list[str]:
    return [
        str(model.data(model.index(row)))
        for row in range(model.rowCount())
        if model.data(model.index(row), LayerListModel.HeadingRole)
    ]


def _three_slides(qtbot: QtBot, window: MainWindow) -> SlideCountField:
    document = window.studio.document
    assert document is not None
    document.select([])
    field = window.inspector.findChild(SlideCountField, "slideCount")
    assert field is not None and field.value() == 1
    field.setValue(3)
    assert document.template.slides == 3
    return field


def test_the_slides_field_makes_a_strip_the_canvas_shows_with_its_joins(
    qtbot: QtBot, window: MainWindow
) -> None:
    studio = window.studio
    document = studio.document
    assert document is not None
    document.set_preset(find_preset("instagram-portrait"))
    _three_slides(qtbot, window)
    assert document.undo_stack.undoText() == "Change Slides"
    image = rendered(qtbot, studio)
    assert image.size == (3 * 1080, 1350)
    placed = window.canvas.layout()
    assert placed is not None and len(placed.slides) == 3
    window.canvas.repaint()
    grab = window.canvas.grab().toImage()
    join = window.canvas.to_widget(QPointF(placed.slides[1].x, placed.height * 0.6))
    marked = [
        grab.pixelColor(round(join.x()) + dx, round(join.y()) + dy)
        for dx in (-1, 0, 1)
        for dy in range(-6, 7)
    ]
    assert any(  # the join's guide, magenta over the photo
        colour.red() > 140 and colour.red() > 4 * colour.green() and colour.blue() > 60
        for colour in marked
    )
    document.undo_stack.undo()
    assert document.template.slides == 1


def test_the_layers_panel_groups_layers_by_slide(qtbot: QtBot, window: MainWindow) -> None:
    model = window.layers_panel.model
    assert _headings(model) == []  # a single image: just its layers
    _three_slides(qtbot, window)
    assert _headings(model) == ["Slide 1", "Slide 2", "Slide 3", "Across all slides"]
    document = window.studio.document
    assert document is not None
    headline = "headline"
    document.select([headline])
    field = window.inspector.findChild(LayerSlideField, "layerSlide")
    assert field is not None and field.currentText() == "Across all slides"
    field.setCurrentIndex(field.findText("Slide 2"))
    field.activated.emit(field.currentIndex())
    assert document.template.layer(headline).slide == 2
    assert document.undo_stack.undoText() == "Move to Slide"
    rows = model.rows()
    heading_row = next(row for row in range(len(rows)) if model.data(model.index(row)) == "Slide 2")
    assert model.row_of(headline) == heading_row + 1
    # a drop under "Slide 3" puts the layer on slide 3, and keeps the stack's order
    order = [layer.id for layer in document.template.layers]
    slide3 = next(row for row in range(len(rows)) if model.data(model.index(row)) == "Slide 3")
    window.layers_panel._dropped([headline], slide3 + 1)
    assert document.template.layer(headline).slide == 3
    assert [layer.id for layer in document.template.layers] == order
    rows = model.rows()
    slide3 = next(row for row in range(len(rows)) if model.data(model.index(row)) == "Slide 3")
    assert model.row_of(headline) == slide3 + 1  # under its heading
    assert field.currentText() == "Slide 3"


def test_a_click_on_a_repeated_layers_copy_selects_the_layer(
    qtbot: QtBot, window: MainWindow
) -> None:
    _three_slides(qtbot, window)
    document = window.studio.document
    assert document is not None
    document.select(["badge"])
    field = window.inspector.findChild(LayerSlideField, "layerSlide")
    assert field is not None
    field.setCurrentIndex(field.findText("Every slide"))
    field.activated.emit(field.currentIndex())
    assert document.template.layer("badge").slide == "each"
    placed = window.canvas.layout()
    assert placed is not None
    copies = [p for p in placed.placements if p.layer_id.startswith("badge@")]
    assert [p.layer_id for p in copies] == ["badge@1", "badge@2", "badge@3"]
    document.select([])
    centre = QPointF(*copies[2].box.center)
    assert window.canvas.layer_at(window.canvas.to_widget(centre)) == "badge"


def test_export_counts_a_file_per_slide(qtbot: QtBot, window: MainWindow) -> None:
    from brandstudio.gui.dialogs.export import ExportDialog

    _three_slides(qtbot, window)
    dialog = ExportDialog(window.studio)
    qtbot.addWidget(dialog)
    assert dialog.ok_button.text() == "Export 3 Files"  # the canvas size: three slides
    assert dialog._first_name("{template}_{preset}").endswith("_01.jpg")
