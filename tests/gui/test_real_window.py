"""A real Qt window on a real X11 display (Xvfb, xcb platform), checked by a screenshot.

This proves the machinery the studio's window tests stand on: Xvfb starts, Qt's xcb plugin
loads (all its Debian libraries are there), a window is exposed and a screen grab shows it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageChops

pytestmark = pytest.mark.xvfb

BACKGROUND = (0x2B, 0x6C, 0xB0)  # #2B6CB0
WINDOW = (640, 400)

# Runs in its own process: the test session's Qt is bound to the offscreen platform.
PROGRAM = """
import sys

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

problems = []


def on_message(kind, context, message):
    print(f"qt {kind.name}: {message}", file=sys.stderr)
    if kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        problems.append(message)


qInstallMessageHandler(on_message)
app = QApplication(sys.argv[:1])
platform = QGuiApplication.platformName()
if platform != "xcb":
    sys.exit(f"expected the xcb platform, got {platform!r}")

window = QMainWindow()
palette = window.palette()
palette.setColor(QPalette.ColorRole.Window, QColor("{background}"))
window.setPalette(palette)
window.setAutoFillBackground(True)
window.setCentralWidget(QLabel("Brandstudio"))
window.resize({width}, {height})
window.move(0, 0)
window.show()
if not QTest.qWaitForWindowExposed(window, 10000):
    sys.exit("the window was never exposed")
QTest.qWait(300)  # let the first paint reach the X server

shot = QGuiApplication.primaryScreen().grabWindow(0)
if shot.isNull() or not shot.save(sys.argv[1], "PNG"):
    sys.exit("could not grab or save the screen")
window.close()
if problems:
    sys.exit("Qt warned: " + " | ".join(problems))
"""


def _count_close(image: Image.Image, colour: tuple[int, int, int], tolerance: int = 8) -> int:
    """How many pixels are within ``tolerance`` of ``colour`` in each of R, G and B."""
    bands = image.convert("RGB").split()
    masks = [
        band.point([255 if abs(value - want) <= tolerance else 0 for value in range(256)])
        for band, want in zip(bands, colour, strict=True)
    ]
    everywhere = ImageChops.multiply(ImageChops.multiply(masks[0], masks[1]), masks[2])
    return everywhere.histogram()[255]


def test_real_window_screenshot(xvfb_display: str, tmp_path: Path) -> None:
    runtime = tmp_path / "xdg-runtime"
    runtime.mkdir(mode=0o700)
    screenshot = tmp_path / "screen.png"
    env = {
        **os.environ,
        "DISPLAY": xvfb_display,
        "QT_QPA_PLATFORM": "xcb",
        "XDG_RUNTIME_DIR": str(runtime),
    }
    env.pop("WAYLAND_DISPLAY", None)
    program = (
        PROGRAM.replace("{background}", "#{:02X}{:02X}{:02X}".format(*BACKGROUND))
        .replace("{width}", str(WINDOW[0]))
        .replace("{height}", str(WINDOW[1]))
    )

    result = subprocess.run(
        [sys.executable, "-c", program, str(screenshot)],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, (
        f"the window program failed ({result.returncode}); if the xcb plugin did not load, "
        f"rerun with QT_DEBUG_PLUGINS=1 to see which library is missing\n"
        f"--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}"
    )
    with Image.open(screenshot) as shot:
        assert shot.size == (1280, 800)
        close = _count_close(shot, BACKGROUND)
    assert close > 100_000, f"only {close} pixels near #2B6CB0: the window is not on the screen"
