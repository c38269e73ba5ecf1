"""What several studio tests share: a logo to make brands from, answering a message box that is
about to open, and running a driver script in the real window on Xvfb (``xvfb_display``), with
the helpers such scripts use."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image, ImageDraw

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from brandstudio.gui.studio import Studio

REPO = Path(__file__).resolve().parents[2]

DRIVER_HELPERS = """
import sys
from pathlib import Path
from PySide6.QtCore import QEventLoop, QPointF, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from brandstudio.gui.main_window import MainWindow
from brandstudio.gui.render_service import RenderRequest
from brandstudio.gui.studio import Studio
from brandstudio.jobs.export import ExportSettings, run_export
from brandstudio.library.store import open_library
from brandstudio.render.assets import resolve_assets
from brandstudio.render.engine import render


def open_studio(template, out):
    # the studio window at 1280x800 with the template open and drawn, its library in out
    app = QApplication([])
    studio = Studio(library=open_library(out / "library"))
    window = MainWindow(studio)
    window.resize(1280, 800)
    window.open_file(template)
    window.show()
    QTest.qWaitForWindowExposed(window)
    settle(studio, window.canvas)
    return app, studio, window


def pump(ms):
    # run the event loop for ms; unlike QTest.qWait it lets the renderer's thread have the GIL
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def settle(studio, canvas):
    while canvas.current_image() is None or not studio.renderer.idle():
        pump(20)
    pump(100)


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
    return Path(next(report.items()).outputs[0])


def type_text(widget, text):
    for char in text:
        key = Qt.Key(ord(char.upper())) if char.isalpha() else Qt.Key(ord(char))
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, key, char,
                           Qt.KeyboardModifier.NoModifier)
"""


def click_later(text: str) -> None:
    """Press the button called ``text`` of the message box that is about to open (any other
    box is closed by its first button, so that the test fails instead of waiting)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def press(tries: int = 100) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                buttons = widget.buttons()
                wanted = [button for button in buttons if button.text() == text]
                (wanted or buttons)[0].click()
                return
        if tries:
            QTimer.singleShot(50, lambda: press(tries - 1))

    QTimer.singleShot(50, press)


def luna_logo(folder: Path) -> Path:
    """A blue lettering-like logo with a yellow dot, on transparency (``luna.png``)."""
    folder.mkdir(parents=True, exist_ok=True)
    logo = Image.new("RGBA", (480, 180), (0, 0, 0, 0))
    draw = ImageDraw.Draw(logo)
    draw.rounded_rectangle((20, 30, 460, 150), 40, fill=(22, 64, 190, 255))
    draw.ellipse((50, 60, 110, 120), fill=(255, 214, 0, 255))
    path = folder / "luna.png"
    logo.save(path)
    return path


def run_driver(
    xvfb_display: str, tmp_path: Path, body: str, *args: str | Path
) -> subprocess.CompletedProcess[str]:
    """Run ``DRIVER_HELPERS`` + ``body`` (a script with a ``main()``) with ``args`` in a
    real window on ``xvfb_display``, with its own settings, library and runtime folder."""
    driver = tmp_path / "driver.py"
    script = textwrap.dedent(DRIVER_HELPERS) + textwrap.dedent(body)
    driver.write_text(script + "\n\nif __name__ == '__main__':\n    main()\n", encoding="utf-8")
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
    return subprocess.run(
        [sys.executable, driver, *map(str, args)],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip


def rendered(qtbot: QtBot, studio: Studio) -> Image.Image:
    """The studio's canvas render once the renderer has settled."""
    qtbot.waitUntil(
        lambda: studio.last_result is not None and studio.renderer.idle(), timeout=30000
    )
    qtbot.wait(50)
    assert studio.last_result is not None
    return studio.last_result.image
