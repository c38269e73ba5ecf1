"""Sharp at any desktop scaling: at 100% zoom one canvas pixel is one device pixel, at 125%,
150% and 200% scaling too (the studio runs in a process of its own with the scale forced)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

PROGRAM = """
import io, sys
from pathlib import Path
from PIL import Image
from PySide6.QtCore import QEventLoop, QPointF, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from brandstudio.gui.canvas import Canvas
from brandstudio.gui.studio import Studio
from brandstudio.library.store import open_library
from brandstudio.presets import find_preset
from brandstudio.render.export import encode

app = QApplication([])
studio = Studio(library=open_library(Path(sys.argv[1])))
studio.open_file(Path(sys.argv[2]))
studio.document.set_preset(find_preset("instagram-square"))
canvas = Canvas(studio)
canvas.show_safe_zone = False
canvas.resize(1300, 1300)
canvas.show()
def pump(ms):
    # unlike QTest.qWait, a real event loop lets the renderer's thread have the GIL
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()

while canvas.current_image() is None or not studio.renderer.idle():
    pump(20)
pump(100)
canvas.actual_size()
ratio = canvas.devicePixelRatioF()
shot = canvas.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
data = bytes(shot.constBits())[: shot.bytesPerLine() * shot.height()]
picture = Image.frombuffer("RGB", (shot.width(), shot.height()), data, "raw", "RGB",
                           shot.bytesPerLine(), 1)
origin = canvas.to_widget(QPointF(0, 0)) * ratio
x, y = round(origin.x()), round(origin.y())
shown = picture.crop((x, y, x + 1080, y + 1080))
exported = Image.open(io.BytesIO(encode(studio.last_result.image, "png").data)).convert("RGB")
print(ratio, canvas.scale(), "same" if shown.tobytes() == exported.tobytes() else "differs")
studio.shutdown()
"""


FACTORS = ("1.25", "1.5", "2")


def test_at_100_percent_each_canvas_pixel_is_one_device_pixel(tmp_path: Path) -> None:
    """At each screen scale factor (one studio process each, run side by side)."""
    script = tmp_path / "scaled_canvas.py"
    script.write_text(textwrap.dedent(PROGRAM), encoding="utf-8")
    running = {}
    for factor in FACTORS:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": factor}
        env["QT_SCALE_FACTOR_ROUNDING_POLICY"] = "PassThrough"
        running[factor] = subprocess.Popen(
            [sys.executable, script, tmp_path / f"library-{factor}",
             REPO / "templates" / "contest.json"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        )  # fmt: skip
    for factor, process in running.items():
        stdout, stderr = process.communicate(timeout=180)
        assert process.returncode == 0, f"at {factor}x: {stderr}"
        ratio, scale, verdict = stdout.split()
        assert float(ratio) == pytest.approx(float(factor))
        assert float(scale) == pytest.approx(1 / float(factor))  # widget px per canvas px
        assert verdict == "same", f"at {factor}x the canvas is not the export pixel for pixel"
