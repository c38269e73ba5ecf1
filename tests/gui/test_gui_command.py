"""``brandstudio gui TEMPLATE``: an unusable template never hangs the studio or crashes it.

With ``--screenshot`` nobody is there to close a message box: the problem goes to stderr (the
lines ``validate`` prints, naming the file and the JSON path) and the command exits 2. Without
it the window says what is wrong and opens another template.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from brandstudio.gui.app import open_first
from brandstudio.gui.main_window import MainWindow
from brandstudio.gui.studio import Studio
from brandstudio.library.store import open_library

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

CONTEST = Path(__file__).resolve().parents[2] / "templates" / "contest.json"
TIMEOUT = 90  # seconds: far below forever, above a slow machine's start-up
DEMO = "Зерно"


def broken_template(folder: Path, opacity: str = "1e999999") -> tuple[Path, str]:
    """The contest template with an unusable opacity, and the JSON path that names it."""
    data = json.loads(CONTEST.read_text(encoding="utf-8"))
    index = next(i for i, layer in enumerate(data["layers"]) if "opacity" in layer)
    data["layers"][index]["opacity"] = 0.123456
    path = folder / "broken.json"
    path.write_text(json.dumps(data).replace("0.123456", opacity, 1), encoding="utf-8")
    return path, f"$.layers[{index}].opacity"


def studio_command(tmp_path: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """``brandstudio gui ARGS...`` offscreen, in a library and settings of its own."""
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        BRANDSTUDIO_HOME=str(tmp_path / "home"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    return subprocess.run(
        [sys.executable, "-m", "brandstudio", "gui", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=TIMEOUT,
        check=False,
    )


@pytest.mark.parametrize("opacity", ["1e999999", "9" * 5000, '"half"'])
def test_screenshot_of_an_invalid_template_exits_2_naming_the_path(
    tmp_path: Path, opacity: str
) -> None:
    template, where = broken_template(tmp_path, opacity)
    shot = tmp_path / "shot.png"
    result = studio_command(tmp_path, template, "--screenshot", shot)
    assert result.returncode == 2, result.stderr
    assert f"brandstudio: error: {template}: {where}: " in result.stderr
    assert "Traceback" not in result.stderr
    assert not shot.exists()


def test_screenshot_of_a_missing_template_exits_2(tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    result = studio_command(tmp_path, tmp_path / "nowhere.json", "--screenshot", shot)
    assert result.returncode == 2, result.stderr
    assert "nowhere.json: no such template" in result.stderr
    assert not shot.exists()


def test_screenshot_of_a_broken_library_template_exits_2(tmp_path: Path) -> None:
    library = open_library(tmp_path / "home")
    path = library.template_path(DEMO, "promo")
    path.write_text(path.read_text(encoding="utf-8").replace("{", "{,", 1), encoding="utf-8")
    result = studio_command(tmp_path, f"{DEMO}/promo", "--screenshot", tmp_path / "shot.png")
    assert result.returncode == 2, result.stderr
    assert f"brandstudio: error: {path}: $: not valid JSON" in result.stderr


def test_screenshot_of_a_valid_template_is_saved(tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    result = studio_command(tmp_path, CONTEST, "--screenshot", shot)
    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 1000


def test_without_screenshot_the_window_says_why_and_opens_another(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []

    def record(box: QMessageBox) -> int:
        shown.append(box.text())
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "exec", record)
    template, where = broken_template(tmp_path)
    studio = Studio(library=open_library(tmp_path / "library"))
    window = MainWindow(studio)
    qtbot.addWidget(window)
    try:
        open_first(window, str(template))
        assert len(shown) == 1 and f"{template}: {where}: 1e999999 is too large" in shown[0]
        assert studio.document is not None  # another template is open instead
    finally:
        window.close()
        studio.shutdown()
