"""The studio in a real X11 window (Xvfb): started the way a user starts it, screenshot saved,
in English and in Russian, at the template's canvas and at a network preset."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageChops

pytestmark = pytest.mark.xvfb

SHOTS = Path(__file__).resolve().parents[1] / "failures" / "screenshots"
ACCENT = (0xE4, 0x57, 0x2E)  # the demo brand's accent: the contest badge


def _count_near(image: Image.Image, colour: tuple[int, int, int], tolerance: int = 24) -> int:
    bands = image.convert("RGB").split()
    masks = [
        band.point([255 if abs(value - want) <= tolerance else 0 for value in range(256)])
        for band, want in zip(bands, colour, strict=True)
    ]
    both = ImageChops.multiply(ImageChops.multiply(masks[0], masks[1]), masks[2])
    return both.histogram()[255]


def _screenshot(display: str, tmp_path: Path, language: str, name: str, *extra: str) -> Path:
    runtime = tmp_path / f"xdg-runtime-{name}"
    runtime.mkdir(mode=0o700)
    shot = tmp_path / f"{name}.png"
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "XDG_RUNTIME_DIR": str(runtime),
        "XDG_CONFIG_HOME": str(tmp_path / f"config-{name}"),
        "BRANDSTUDIO_HOME": str(tmp_path / f"library-{name}"),
        "LANG": f"{language}.UTF-8",
        "LC_ALL": f"{language}.UTF-8",
        "LANGUAGE": language.split("_")[0],
    }
    env.pop("WAYLAND_DISPLAY", None)
    result = subprocess.run(
        [sys.executable, "-m", "brandstudio", "gui", *extra, "--screenshot", str(shot)],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / shot.name).write_bytes(shot.read_bytes())  # kept for people to look at
    return shot


def test_the_studio_window_in_english_and_russian(xvfb_display: str, tmp_path: Path) -> None:
    english = _screenshot(xvfb_display, tmp_path, "en_US", "studio-en", "contest")
    russian = _screenshot(xvfb_display, tmp_path, "ru_RU", "studio-ru", "contest")
    with Image.open(english) as en, Image.open(russian) as ru:
        assert en.size == ru.size == (1280, 800)
        assert _count_near(en, ACCENT) > 500, "the canvas does not show the render"
        menu_en = en.convert("RGB").crop((0, 0, 640, 24))
        menu_ru = ru.convert("RGB").crop((0, 0, 640, 24))
        assert ImageChops.difference(menu_en, menu_ru).getbbox() is not None, "menus not translated"
