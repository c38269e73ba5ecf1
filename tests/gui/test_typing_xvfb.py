"""Typing on the canvas of the real studio window (Xvfb): double-click the headline, type
Cyrillic, Esc, export a PNG that shows the typed text; Undo restores the old one."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.xvfb

REPO = Path(__file__).resolve().parents[2]

DRIVER = """
import sys
from pathlib import Path
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from brandstudio.brands import find_brand
from brandstudio.fileformat.template_io import load_template
from brandstudio.gui.main_window import MainWindow
from brandstudio.gui.render_service import RenderRequest
from brandstudio.gui.studio import Studio
from brandstudio.jobs.export import ExportSettings, run_export
from brandstudio.library.store import open_library
from brandstudio.render.assets import resolve_assets
from brandstudio.render.engine import render

CONTEST, OUT, TYPED = Path(sys.argv[1]), Path(sys.argv[2]), "Привет, мир"


def settle(app, studio, canvas):
    while canvas.current_image() is None or not studio.renderer.idle():
        QTest.qWait(20)
    QTest.qWait(100)


def export(studio, folder):
    document = studio.document
    settings = ExportSettings(
        template=document.template, template_stem="contest", identity="unsaved:contest",
        content=dict(document.content), brand_folder=document.kit.folder,
        presets=(None,), fmt="png",
    )

    def render_one(preset):
        request = RenderRequest(settings.template, settings.content, document.kit,
                                document.template_folder, preset)
        result = studio.renderer.render_now(request)
        return result.image, result.warnings

    report = run_export(settings, folder, render_one, save=False)
    return Path(report.items[0].outputs[0])


def main():
    app = QApplication([])
    studio = Studio(library=open_library(OUT / "library"))
    window = MainWindow(studio)
    window.resize(1280, 800)
    window.open_file(CONTEST)
    window.show()
    QTest.qWaitForWindowExposed(window)
    canvas = window.canvas
    settle(app, studio, canvas)
    document = studio.document
    before = export(studio, OUT / "before").read_bytes()
    box = canvas.layout().placement("headline").box
    point = canvas.to_widget(QPointF(*box.center)).toPoint()
    QTest.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=point)
    for char in TYPED:
        key = Qt.Key(ord(char.upper())) if char.isalpha() else Qt.Key(ord(char))
        QTest.sendKeyEvent(QTest.KeyAction.Click, canvas, key, char, Qt.KeyboardModifier.NoModifier)
    QTest.keyClick(canvas, Qt.Key.Key_Escape)
    settle(app, studio, canvas)
    typed = document.content.get("headline")
    after = export(studio, OUT / "after")
    template = load_template(CONTEST).template
    assets = resolve_assets(template, {}, find_brand(), CONTEST.parent)
    expected = render(template, {"headline": TYPED}, assets).image
    from PIL import Image
    with Image.open(after) as shown:
        same = shown.convert("RGB").tobytes() == expected.convert("RGB").tobytes()
    window.act_undo.trigger()
    settle(app, studio, canvas)
    restored = export(studio, OUT / "undone").read_bytes() == before
    print(repr(typed), same, after.read_bytes() != before, restored)
    window._confirm = lambda title, text: 0x00800000  # Discard
    window.close()
    studio.shutdown()


if __name__ == "__main__":
    main()
"""


def test_typing_in_the_real_window_exports_and_undoes(xvfb_display: str, tmp_path: Path) -> None:
    driver = tmp_path / "type_on_canvas.py"
    driver.write_text(textwrap.dedent(DRIVER), encoding="utf-8")
    runtime = tmp_path / "xdg-runtime"
    runtime.mkdir(mode=0o700)
    env = {
        **os.environ,
        "DISPLAY": xvfb_display,
        "QT_QPA_PLATFORM": "xcb",
        "XDG_RUNTIME_DIR": str(runtime),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "BRANDSTUDIO_HOME": str(tmp_path / "home"),
    }
    env.pop("WAYLAND_DISPLAY", None)
    result = subprocess.run(
        [sys.executable, driver, REPO / "templates" / "contest.json", tmp_path],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.split() == ["'Привет,", "мир'", "True", "True", "True"], result.stdout
