"""The canvas: the engine's pixels at 100%, dragging and nudging layers with undo."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from brandstudio.gui.canvas import Canvas
from brandstudio.gui.studio import Studio
from brandstudio.model.layout import layout
from brandstudio.presets import find_preset
from brandstudio.render.export import encode

REPO = Path(__file__).resolve().parents[2]


def rendered(qtbot: QtBot, studio: Studio, canvas: Canvas) -> None:
    qtbot.waitUntil(
        lambda: canvas.current_image() is not None and studio.renderer.idle(), timeout=30000
    )
    qtbot.wait(50)  # let the last result reach the canvas


def qimage_to_pil(image: QImage) -> Image.Image:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height = image.width(), image.height()
    data = bytes(image.constBits())[: image.bytesPerLine() * height]
    return Image.frombuffer("RGB", (width, height), data, "raw", "RGB", image.bytesPerLine(), 1)


def test_at_100_percent_the_canvas_shows_exactly_the_png_export(
    qtbot: QtBot, studio: Studio
) -> None:
    canvas = Canvas(studio)
    qtbot.addWidget(canvas)
    canvas.resize(1200, 1200)
    canvas.show_safe_zone = False
    document = studio.document
    assert document is not None
    document.set_preset(find_preset("instagram-square"))
    rendered(qtbot, studio, canvas)
    canvas.actual_size()
    shot = qimage_to_pil(canvas.grab().toImage())
    origin = canvas.to_widget(QPointF(0, 0)).toPoint()
    shown = shot.crop((origin.x(), origin.y(), origin.x() + 1080, origin.y() + 1080))
    result = studio.last_result
    assert result is not None
    exported = Image.open(io.BytesIO(encode(result.image, "png").data)).convert("RGB")
    assert exported.size == (1080, 1080)
    assert shown.tobytes() == exported.tobytes()


def centre_of(canvas: Canvas, layer_id: str) -> QPoint:
    placed = canvas.layout()
    assert placed is not None
    cx, cy = placed.placement(layer_id).box.center
    return canvas.to_widget(QPointF(cx, cy)).toPoint()


def test_dragging_the_logo_is_one_undo_step(qtbot: QtBot, studio: Studio) -> None:
    canvas = Canvas(studio)
    qtbot.addWidget(canvas)
    canvas.resize(900, 900)
    document = studio.document
    assert document is not None
    document.set_preset(find_preset("instagram-square"))
    canvas.actual_size()
    canvas.set_zoom(0.5)
    before = layout(document.template, document.preset).placement("logo").box
    start = centre_of(canvas, "logo")
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 11):
        qtbot.mouseMove(canvas, start + QPoint(7 * step, 4 * step))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=start + QPoint(70, 40))
    after = layout(document.template, document.preset).placement("logo").box
    assert abs((after.x - before.x) - 140) <= 12 and abs((after.y - before.y) - 80) <= 12
    assert document.selection == ("logo",)
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Move Logo"
    document.undo_stack.undo()
    assert layout(document.template, document.preset).placement("logo").box == before


def test_arrow_keys_nudge_and_delete_removes(qtbot: QtBot, studio: Studio) -> None:
    canvas = Canvas(studio)
    qtbot.addWidget(canvas)
    document = studio.document
    assert document is not None
    document.select(["badge"])
    before = layout(document.template, None).placement("badge").box
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    qtbot.keyClick(canvas, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    after = layout(document.template, None).placement("badge").box
    assert round(after.x - before.x, 3) == 1 and round(after.y - before.y, 3) == 10
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert "badge" not in [layer.id for layer in document.template.layers]
    assert document.undo_stack.undoText() == "Delete Layer"


def test_resize_with_shift_keeps_the_aspect(qtbot: QtBot, studio: Studio) -> None:
    canvas = Canvas(studio)
    qtbot.addWidget(canvas)
    canvas.resize(1200, 1200)
    document = studio.document
    assert document is not None
    canvas.actual_size()
    document.select(["qr"])
    box = layout(document.template, None).placement("qr").box
    corner = canvas.to_widget(QPointF(box.x, box.y)).toPoint()
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, corner)
    qtbot.mouseMove(canvas, corner + QPoint(-40, -10))
    qtbot.mouseRelease(
        canvas,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ShiftModifier,
        corner + QPoint(-40, -10),
    )
    after = layout(document.template, None).placement("qr").box
    assert after.width > box.width
    assert abs(after.width / after.height - box.width / box.height) < 0.02


def test_wheel_zoom_and_fit(qtbot: QtBot, studio: Studio) -> None:
    canvas = Canvas(studio)
    qtbot.addWidget(canvas)
    canvas.resize(600, 500)
    canvas.fit()
    fitted = canvas.zoom
    assert fitted < 1
    canvas.set_zoom(fitted * 2, QPointF(300, 250))
    assert canvas.zoom == pytest.approx(fitted * 2)
    canvas.actual_size()
    assert canvas.zoom == 1.0


def test_delete_under_the_mouse_drops_the_hover_of_the_deleted_layer(
    qtbot: QtBot, studio: Studio
) -> None:
    """Issue 13: Delete with the mouse over the selected layer left a hover id that no longer
    existed; every repaint then raised KeyError with the painter still active."""
    canvas = Canvas(studio)
    qtbot.addWidget(canvas)
    canvas.resize(900, 900)
    canvas.show()
    qtbot.waitExposed(canvas)
    document = studio.document
    assert document is not None
    canvas.actual_size()
    canvas.set_zoom(0.5)
    over = centre_of(canvas, "headline")
    qtbot.mouseMove(canvas, over)
    qtbot.mouseMove(canvas, over + QPoint(1, 1))
    assert canvas.layer_at(QPointF(over + QPoint(1, 1))) == "headline"
    document.select(["headline"])
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert "headline" not in [layer.id for layer in document.template.layers]
    canvas.repaint()
    document.select(["logo"])  # the hover is drawn only for layers outside the selection
    canvas.repaint()
    qtbot.wait(20)
    assert not canvas.grab().isNull()
