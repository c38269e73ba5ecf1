"""The preset bar: the size combo follows and sets the document's preset; the override and
safe-zone toggles; the chosen presets remembered in the settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from brandstudio.gui.preset_bar import CHOSEN_KEY, DEFAULT_CHOSEN, PresetBar
from brandstudio.gui.studio import Studio
from brandstudio.library.store import open_library
from brandstudio.presets import find_preset, load_presets

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

DEMO = "Зерно"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "out" / "screenshots"


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def studio(tmp_path: Path) -> Iterator[Studio]:
    studio = Studio(library=open_library(tmp_path / "lib"))
    studio.open_library_template(DEMO, "promo")
    yield studio
    studio.shutdown()


@pytest.fixture
def bar(qtbot: QtBot, studio: Studio, settings: QSettings) -> PresetBar:
    bar = PresetBar(studio, settings=settings)
    qtbot.addWidget(bar)
    return bar


def test_lists_the_template_canvas_then_every_preset(bar: PresetBar) -> None:
    combo = bar.preset_combo
    assert combo.itemText(0) == "Template canvas 1080×1350"
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert "Instagram post, portrait 4:5 — 1080×1350" in texts
    assert "VK community cover — 1590×530" in texts
    ids = {combo.itemData(i) for i in range(combo.count())}
    assert {preset.id for preset in load_presets()} <= ids
    assert combo.currentIndex() == 0, "a freshly opened template shows its own canvas"


def test_choosing_a_preset_sets_the_document_preset(
    qtbot: QtBot, studio: Studio, bar: PresetBar
) -> None:
    document = studio.document
    assert document is not None
    combo = bar.preset_combo
    with qtbot.waitSignal(document.presetChanged, timeout=1000):
        combo.setCurrentIndex(combo.findData("instagram-story"))
    assert document.preset == find_preset("instagram-story")
    combo.setCurrentIndex(0)
    assert document.preset is None


def test_follows_a_preset_set_elsewhere(studio: Studio, bar: PresetBar) -> None:
    document = studio.document
    assert document is not None
    document.set_preset(find_preset("vk-cover"))
    assert bar.preset_combo.currentData() == "vk-cover"
    assert bar.override_button.isEnabled()
    assert bar.safe_zone_button.isEnabled(), "the VK cover has a safe zone"
    document.set_preset(find_preset("vk-post"))
    assert not bar.safe_zone_button.isEnabled(), "the VK post has none"


def test_override_toggle_is_bound_to_the_document(studio: Studio, bar: PresetBar) -> None:
    document = studio.document
    assert document is not None
    assert not bar.override_button.isEnabled(), "the master canvas has nothing to override"
    document.set_preset(find_preset("instagram-story"))
    assert bar.override_button.isEnabled()
    assert "override" in bar.override_button.toolTip()
    bar.override_button.click()
    assert document.override_mode is True
    bar.override_button.click()
    assert document.override_mode is False
    bar.override_button.click()
    bar.preset_combo.setCurrentIndex(0)  # back to the template canvas
    assert document.override_mode is False
    assert not bar.override_button.isChecked()


def test_a_new_document_shows_its_own_state(studio: Studio, bar: PresetBar) -> None:
    first = studio.document
    assert first is not None
    first.set_preset(find_preset("instagram-story"))
    bar.override_button.click()
    second = studio.open_library_template(DEMO, "quote")
    assert bar.preset_combo.currentIndex() == 0
    assert not bar.override_button.isChecked()
    second.set_preset(find_preset("tiktok"))
    assert bar.preset_combo.currentData() == "tiktok"
    assert second.override_mode is False


def test_safe_zone_toggle_emits(qtbot: QtBot, studio: Studio, bar: PresetBar) -> None:
    assert studio.document is not None
    studio.document.set_preset(find_preset("instagram-story"))
    assert bar.safe_zone_shown()
    with qtbot.waitSignal(bar.safeZoneToggled, timeout=1000) as toggled:
        bar.safe_zone_button.click()
    assert toggled.args == [False]
    with qtbot.assertNotEmitted(bar.safeZoneToggled):
        bar.set_safe_zone_shown(True)
    assert bar.safe_zone_shown()


def test_chosen_presets_are_remembered(
    qtbot: QtBot, studio: Studio, bar: PresetBar, settings: QSettings
) -> None:
    assert [preset.id for preset in bar.chosen_presets()] == [
        preset.id for preset in load_presets() if preset.id in DEFAULT_CHOSEN
    ]
    action = next(a for a in bar.previews_menu.actions() if a.text().startswith("TikTok"))
    with qtbot.waitSignal(bar.chosenPresetsChanged, timeout=1000) as changed:
        action.trigger()
    chosen = changed.args[0]
    assert find_preset("tiktok") in chosen
    assert "tiktok" in str(settings.value(CHOSEN_KEY)).split()

    again = PresetBar(studio, settings=settings)
    qtbot.addWidget(again)
    assert again.chosen_presets() == chosen

    again.set_chosen_presets([])
    assert again.chosen_presets() == ()
    assert PresetBar(studio, settings=settings).chosen_presets() == ()


def test_screenshot(qtbot: QtBot, studio: Studio, bar: PresetBar) -> None:
    assert studio.document is not None
    studio.document.set_preset(find_preset("instagram-story"))
    bar.resize(900, bar.sizeHint().height())
    bar.show()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert bar.grab().save(str(SCREENSHOTS / "preset_bar.png"))
