"""The preview strip: one tile per chosen preset, in the preset's aspect, rendered off the GUI
thread with the engine, re-rendered (once) after edits, and a click edits at that preset."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

import brandstudio.gui.preview_strip as module
from brandstudio.gui.preset_bar import PresetBar
from brandstudio.gui.preview_strip import TILE_HEIGHT, TILE_MAX_WIDTH, PreviewStrip
from brandstudio.gui.settings import PREVIEW_COLLAPSED, Settings
from brandstudio.gui.studio import Studio
from brandstudio.library.store import open_library
from brandstudio.model.preset import Preset
from brandstudio.presets import find_preset

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

DEMO = "Зерно"
IDS = ("instagram-portrait", "instagram-story", "vk-cover", "telegram-post")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "out" / "screenshots"


def preset(preset_id: str) -> Preset:
    found = find_preset(preset_id)
    assert found is not None
    return found


@pytest.fixture
def studio(tmp_path: Path) -> Iterator[Studio]:
    studio = Studio(library=open_library(tmp_path / "lib"))
    studio.open_library_template(DEMO, "promo")
    yield studio
    studio.shutdown()


@pytest.fixture
def strip(qtbot: QtBot, studio: Studio) -> Iterator[PreviewStrip]:
    strip = PreviewStrip(studio, presets=[preset(i) for i in IDS])
    qtbot.addWidget(strip)
    strip.resize(1100, strip.minimumHeight())
    strip.show()
    yield strip
    strip.shutdown()


def all_rendered(strip: PreviewStrip) -> bool:
    return strip.is_idle() and all(tile.image is not None for tile in strip.tiles.values())


def pixel(image: QImage, fx: float, fy: float) -> tuple[int, int, int]:
    colour = image.pixelColor(int(image.width() * fx), int(image.height() * fy))
    return colour.red(), colour.green(), colour.blue()


def test_one_tile_per_preset_in_its_aspect(qtbot: QtBot, strip: PreviewStrip) -> None:
    assert list(strip.tiles) == list(IDS)
    qtbot.waitUntil(lambda: all_rendered(strip), timeout=30000)
    for preset_id, tile in strip.tiles.items():
        shown = preset(preset_id)
        image = tile.image
        assert image is not None and not image.isNull()
        ratio = image.devicePixelRatio()
        width, height = image.width() / ratio, image.height() / ratio
        assert height <= TILE_HEIGHT and width <= TILE_MAX_WIDTH
        assert max(width, height) >= TILE_HEIGHT - 1 or width == TILE_MAX_WIDTH
        assert width / height == pytest.approx(shown.width / shown.height, rel=0.02)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    strip.grab().save(str(SCREENSHOTS / "preview_strip.png"))


def test_tiles_are_the_engine_render_off_the_gui_thread(
    qtbot: QtBot, studio: Studio, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[str] = []
    real = module.render

    def spy(*args: object, **kwargs: object) -> object:
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(module, "render", spy)
    strip = PreviewStrip(studio, presets=[preset("instagram-square")])
    qtbot.addWidget(strip)
    strip.show()
    qtbot.waitUntil(lambda: all_rendered(strip), timeout=30000)
    strip.shutdown()
    assert threads and set(threads) == {"preview-strip"}


def test_updates_after_an_edit(qtbot: QtBot, studio: Studio, strip: PreviewStrip) -> None:
    qtbot.waitUntil(lambda: all_rendered(strip), timeout=30000)
    tile = strip.tiles["vk-cover"]
    before = tile.image
    assert before is not None
    document = studio.document
    assert document is not None
    template = document.template
    layers = tuple(dataclasses.replace(layer, visible=False) for layer in template.layers)
    document.edit("Hide all", dataclasses.replace(template, background="#1E90FF", layers=layers))
    qtbot.waitUntil(lambda: tile.image is not before and strip.is_idle(), timeout=30000)
    qtbot.waitUntil(lambda: all_rendered(strip), timeout=30000)
    after = tile.image
    assert after is not None
    red, green, blue = pixel(after, 0.5, 0.5)
    assert (red, green, blue) != pixel(before, 0.5, 0.5)
    assert blue > 200 and red < 60, f"the new background, got {(red, green, blue)}"


def test_rapid_edits_render_only_the_latest_state(
    qtbot: QtBot, studio: Studio, strip: PreviewStrip
) -> None:
    qtbot.waitUntil(lambda: all_rendered(strip), timeout=30000)
    start = strip.render_count()
    document = studio.document
    assert document is not None
    for step in range(20):  # a drag: twenty edits, a few milliseconds apart
        colour = f"#{step * 10:02X}0000"
        document.edit("Colour", dataclasses.replace(document.template, background=colour))
        qtbot.wait(5)
    qtbot.waitUntil(lambda: strip.is_idle(), timeout=30000)
    qtbot.waitUntil(lambda: all_rendered(strip), timeout=30000)
    assert strip.render_count() - start == len(IDS), "one pass over the tiles, not twenty"


def test_clicking_a_tile_sets_the_document_preset(
    qtbot: QtBot, studio: Studio, strip: PreviewStrip
) -> None:
    tile = strip.tiles["instagram-story"]
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton, pos=tile.rect().center())
    assert studio.document is not None
    assert studio.document.preset == preset("instagram-story")
    assert tile.current and not strip.tiles["vk-cover"].current


def test_switching_the_preset_alone_renders_nothing(
    qtbot: QtBot, studio: Studio, strip: PreviewStrip
) -> None:
    qtbot.waitUntil(lambda: all_rendered(strip), timeout=30000)
    start = strip.render_count()
    assert studio.document is not None
    studio.document.set_preset(preset("vk-cover"))  # emits changed: the canvas re-renders
    qtbot.wait(400)  # past the debounce
    assert strip.is_idle()
    assert strip.render_count() == start
    assert strip.tiles["vk-cover"].current


def test_follows_the_preset_bar_choice(
    qtbot: QtBot, studio: Studio, strip: PreviewStrip, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    bar = PresetBar(studio, settings=settings)
    qtbot.addWidget(bar)
    bar.chosenPresetsChanged.connect(strip.set_presets)
    bar.set_chosen_presets(["youtube-thumbnail", "tiktok"])
    assert list(strip.tiles) == ["youtube-thumbnail", "tiktok"]
    qtbot.waitUntil(lambda: all_rendered(strip), timeout=30000)
    bar.set_chosen_presets([])
    assert strip.tiles == {}
    assert strip.hint.isVisible()


def test_a_replaced_document_is_rendered_again(
    qtbot: QtBot, studio: Studio, strip: PreviewStrip
) -> None:
    qtbot.waitUntil(lambda: all_rendered(strip), timeout=30000)
    old = strip.tiles["telegram-post"].image
    studio.open_library_template(DEMO, "quote")
    qtbot.waitUntil(lambda: all_rendered(strip), timeout=30000)
    new = strip.tiles["telegram-post"].image
    assert new is not None and old is not None
    assert new != old, "the quote, not the promo"


def test_one_click_folds_the_strip_and_it_is_remembered(
    qtbot: QtBot, studio: Studio, strip: PreviewStrip
) -> None:
    full = strip.height()
    assert not strip.is_collapsed() and strip.scroll_area.isVisible()
    qtbot.mouseClick(strip.collapse_button, Qt.MouseButton.LeftButton)
    assert strip.is_collapsed()
    assert not strip.scroll_area.isVisible()
    assert strip.maximumHeight() < full / 3, "folded to its button: the canvas gets the room"
    assert Settings()[PREVIEW_COLLAPSED] is True
    again = PreviewStrip(studio, presets=[preset(i) for i in IDS])
    qtbot.addWidget(again)
    try:
        assert again.is_collapsed(), "a new window starts folded as the strip was left"
        qtbot.mouseClick(again.collapse_button, Qt.MouseButton.LeftButton)
        assert not again.is_collapsed()
        assert again.minimumHeight() >= full - 1
        assert Settings()[PREVIEW_COLLAPSED] is False
    finally:
        again.shutdown()
