"""Typing on the canvas of the real studio window (Xvfb): double-click the headline, type
Cyrillic, Esc, export a PNG that shows the typed text; Undo restores the old one."""

from __future__ import annotations

from pathlib import Path

import pytest
from studio_drivers import REPO, run_driver

pytestmark = pytest.mark.xvfb

DRIVER = """
from brandstudio.brands import find_brand
from brandstudio.fileformat.template_io import load_template

CONTEST, OUT, TYPED = Path(sys.argv[1]), Path(sys.argv[2]), "Привет, мир"


def main():
    _app, studio, window = open_studio(CONTEST, OUT)
    canvas = window.canvas
    document = studio.document
    before = export(studio, OUT / "before").read_bytes()
    box = canvas.layout().placement("headline").box
    point = canvas.to_widget(QPointF(*box.center)).toPoint()
    QTest.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=point)
    type_text(canvas, TYPED)
    QTest.keyClick(canvas, Qt.Key.Key_Escape)
    settle(studio, canvas)
    typed = document.content.get("headline")
    after = export(studio, OUT / "after")
    template = load_template(CONTEST).template
    assets = resolve_assets(template, {}, find_brand(), CONTEST.parent)
    expected = render(template, {"headline": TYPED}, assets).image
    from PIL import Image
    with Image.open(after) as shown:
        same = shown.convert("RGB").tobytes() == expected.convert("RGB").tobytes()
    window.act_undo.trigger()
    settle(studio, canvas)
    restored = export(studio, OUT / "undone").read_bytes() == before
    print(repr(typed), same, after.read_bytes() != before, restored)
    window._confirm = lambda title, text: 0x00800000  # Discard
    window.close()
    studio.shutdown()
"""


def test_typing_in_the_real_window_exports_and_undoes(xvfb_display: str, tmp_path: Path) -> None:
    contest = REPO / "templates" / "contest.json"
    result = run_driver(xvfb_display, tmp_path, DRIVER, contest, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.split() == ["'Привет,", "мир'", "True", "True", "True"], result.stdout
