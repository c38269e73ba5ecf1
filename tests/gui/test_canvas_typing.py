"""Typing on the canvas: a double-click on a text layer edits the post's content for its slot,
shown by the engine's render (the export's pixels), one undo step per editing session."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from brandstudio.brands import find_brand
from brandstudio.fileformat.template_io import load_template
from brandstudio.gui.canvas import Canvas
from brandstudio.gui.render_service import RenderRequest
from brandstudio.gui.studio import Studio
from brandstudio.jobs.export import ExportSettings, run_export
from brandstudio.model.preset import Preset
from brandstudio.render.assets import resolve_assets
from brandstudio.render.engine import render

REPO = Path(__file__).resolve().parents[2]
CONTEST = REPO / "templates" / "contest.json"


@pytest.fixture
def canvas(qtbot: QtBot, studio: Studio) -> Canvas:
    canvas = Canvas(studio)
    qtbot.addWidget(canvas)
    canvas.resize(900, 900)
    canvas.show()
    settled(qtbot, studio, canvas)
    return canvas


def settled(qtbot: QtBot, studio: Studio, canvas: Canvas) -> None:
    qtbot.waitUntil(
        lambda: canvas.current_image() is not None and studio.renderer.idle(), timeout=30000
    )
    qtbot.wait(50)  # let the last result reach the canvas


def centre_of(canvas: Canvas, layer_id: str) -> QPoint:
    placed = canvas.layout()
    assert placed is not None
    cx, cy = placed.placement(layer_id).box.center
    return canvas.to_widget(QPointF(cx, cy)).toPoint()


def export_png(studio: Studio, out: Path) -> Image.Image:
    """The document exported as the Export dialog does (run_export, the studio's renderer)."""
    document = studio.document
    assert document is not None
    settings = ExportSettings(
        template=document.template,
        template_stem="contest",
        identity="unsaved:contest",
        content=dict(document.content),
        brand_folder=document.kit.folder,
        presets=(None,),
        fmt="png",
    )
    kit, folder = document.kit, document.template_folder

    def render_one(preset: Preset | None) -> tuple[Image.Image, Sequence[str]]:
        request = RenderRequest(settings.template, settings.content, kit, folder, preset)
        result = studio.renderer.render_now(request)
        return result.image, result.warnings

    report = run_export(settings, out, render_one, save=False)
    [path] = [Path(p) for item in report.items() for p in item.outputs]
    with Image.open(path) as image:
        return image.convert("RGB")


def type_text(widget: Canvas, text: str) -> None:
    """Key presses that type ``text`` in any layout. (``QTest.keyClicks`` aborts on letters
    outside ASCII in this Qt: its key table asserts; a Cyrillic key is sent as the keyboard
    sends it, the key code of the capital letter and the letter as text.)"""
    for char in text:
        key = Qt.Key(ord(char.upper())) if char.isalpha() else Qt.Key(ord(char))
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, key, char, Qt.KeyboardModifier.NoModifier)


def engine_render(content: dict[str, str]) -> Image.Image:
    """The starter with ``content`` rendered straight through the engine."""
    template = load_template(CONTEST).template
    assets = resolve_assets(template, {}, find_brand(), CONTEST.parent)
    return render(template, content, assets).image.convert("RGB")


def test_typing_cyrillic_on_the_canvas_edits_the_slot_and_exports_it(
    qtbot: QtBot, studio: Studio, canvas: Canvas, tmp_path: Path
) -> None:
    document = studio.document
    assert document is not None
    before = export_png(studio, tmp_path / "before")
    steps = document.undo_stack.count()

    QTest.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=centre_of(canvas, "headline"))
    assert canvas.text_edit.active and canvas.text_edit.layer_id == "headline"
    type_text(canvas, "Привет, мир")
    QTest.keyClick(canvas, Qt.Key.Key_Escape)
    assert not canvas.text_edit.active

    assert document.content["headline"] == "Привет, мир"
    assert document.undo_stack.count() == steps + 1
    assert document.undo_stack.undoText() == "Edit Headline"
    settled(qtbot, studio, canvas)
    exported = export_png(studio, tmp_path / "after")
    assert exported.tobytes() == engine_render({"headline": "Привет, мир"}).tobytes()
    assert exported.tobytes() != before.tobytes()

    document.undo_stack.undo()
    assert "headline" not in document.content
    settled(qtbot, studio, canvas)
    assert export_png(studio, tmp_path / "undone").tobytes() == before.tobytes()


def test_caret_keys_selection_and_new_lines(qtbot: QtBot, studio: Studio, canvas: Canvas) -> None:
    document = studio.document
    assert document is not None
    document.select(["headline"])
    QTest.keyClick(canvas, Qt.Key.Key_F2)  # all selected: typing replaces it
    edit = canvas.text_edit
    QTest.keyClicks(canvas, "Hello world")
    QTest.keyClick(canvas, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClicks(canvas, "ok")
    assert document.content["headline"] == "Hello world\nok"
    QTest.keyClick(canvas, Qt.Key.Key_Backspace)
    for _ in range(3):
        QTest.keyClick(canvas, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert (edit.anchor, edit.caret) == (13, 10)
    QTest.keyClicks(canvas, "!")
    assert document.content["headline"] == "Hello worl!"
    QTest.keyClick(canvas, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert (edit.anchor, edit.caret) == (0, len("Hello worl!"))
    settled(qtbot, studio, canvas)
    laid = edit.layout
    assert laid is not None and laid.layer_id == "headline" and laid.text == "Hello worl!"
    # Clicking at a letter's caret stop puts the caret there; Enter finishes.
    stop, x = laid.lines[0].stops[5]
    at = canvas.to_widget(QPointF(x + 1, laid.lines[0].top + laid.lines[0].height / 2))
    QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=at.toPoint())
    assert edit.active and edit.caret == edit.anchor == stop
    QTest.keyClick(canvas, Qt.Key.Key_Return)
    assert not edit.active
    document.undo_stack.undo()  # the whole session was one step
    assert "headline" not in document.content


def test_a_click_outside_finishes_and_undo_while_typing_resyncs(
    qtbot: QtBot, studio: Studio, canvas: Canvas
) -> None:
    document = studio.document
    assert document is not None
    QTest.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=centre_of(canvas, "headline"))
    type_text(canvas, "Один")
    document.undo_stack.undo()
    assert canvas.text_edit.text == document.template.slots["headline"].sample
    QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    assert not canvas.text_edit.active
    settled(qtbot, studio, canvas)


def test_typing_typeset_text_keeps_what_was_typed_and_carets_on_every_letter(
    qtbot: QtBot, studio: Studio, canvas: Canvas
) -> None:
    """The canvas shows the typeset text («», —, …, no-break spaces) while the slot keeps
    the keys typed; every typed character has a caret stop, in order, on the drawn lines."""
    document = studio.document
    assert document is not None
    document.select(["headline"])
    QTest.keyClick(canvas, Qt.Key.Key_F2)
    typed = 'Кофе "Зерно" - №5... и чай'
    type_text(canvas, typed)
    assert document.content["headline"] == typed
    settled(qtbot, studio, canvas)
    laid = canvas.text_edit.layout
    assert laid is not None and laid.text == typed
    stops = [stop for line in laid.lines for stop, _ in line.stops]
    assert stops == sorted(stops) and stops[-1] == len(typed)
    assert {typed.index(char) for char in '"-.и'} <= set(stops)
    x_end = canvas.text_edit.layout.caret(len(typed))[0]
    x_start = canvas.text_edit.layout.caret(0)[0]
    assert x_end != x_start
    QTest.keyClick(canvas, Qt.Key.Key_Escape)
