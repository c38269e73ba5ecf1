"""Brand ▸ Apply Brand…: the open post drawn in another brand, content kept; saving asks
whether the original stays in its brand."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import ImageChops
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from studio_drivers import click_later, luna_logo, rendered

from brandstudio.fileformat import load_template
from brandstudio.gui.dialogs.apply_brand import ApplyBrandDialog
from brandstudio.gui.main_window import MainWindow
from brandstudio.gui.studio import Studio
from brandstudio.library.store import open_library

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

HOME_BRAND = "Зерно"
OTHER = "Луна"


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    library = open_library(tmp_path / "library")
    library.new_brand(OTHER, luna_logo(tmp_path / "logos"))
    studio = Studio(library=library)
    window = MainWindow(studio)
    window._confirm = lambda title, text: QMessageBox.StandardButton.Discard
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.open_library_template(HOME_BRAND, "contest")
    window.show()
    yield window
    window._confirm = lambda title, text: QMessageBox.StandardButton.Discard
    window.close()
    studio.shutdown()


def test_apply_brand_restyles_the_post_and_keeps_its_content(
    qtbot: QtBot, window: MainWindow
) -> None:
    studio = window.studio
    document = studio.document
    assert document is not None
    document.set_slot("headline", "Розыгрыш кофемолки")
    before = rendered(qtbot, studio)
    dialog = ApplyBrandDialog(studio, window)
    qtbot.addWidget(dialog)
    assert set(dialog.items) == {HOME_BRAND, OTHER}
    assert dialog.chosen() == HOME_BRAND and not dialog.apply_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.is_ready(HOME_BRAND) and dialog.is_ready(OTHER), timeout=30000)
    dialog.choose(OTHER)
    assert dialog.apply_button.isEnabled()
    dialog.accept()

    assert document.kit.brand.name == OTHER
    assert document.content["headline"] == "Розыгрыш кофемолки"
    assert document.undo_stack.undoText() == f"Apply Brand {OTHER}"
    after = rendered(qtbot, studio)
    assert after.size == before.size
    changed = ImageChops.difference(before, after).convert("L").point(lambda v: 255 * (v > 24))
    assert changed.getbbox() is not None  # colours, fonts and logo are the other brand's

    document.undo_stack.undo()
    assert document.kit.brand.name == HOME_BRAND
    assert document.content["headline"] == "Розыгрыш кофемолки"
    back = rendered(qtbot, studio)
    assert ImageChops.difference(before, back).getbbox() is None
    document.undo_stack.redo()
    assert document.kit.brand.name == OTHER


@pytest.mark.parametrize("choice", ["Keep Original", "Move"])
def test_saving_after_apply_brand_asks_where_the_original_goes(
    qtbot: QtBot, window: MainWindow, choice: str
) -> None:
    studio = window.studio
    library = studio.library
    document = studio.document
    assert document is not None
    document.set_slot("headline", "Новая рубрика")
    document.apply_brand(library.load_brand(OTHER))
    click_later(choice)
    assert window.save()
    assert document.location is not None
    assert document.location.brand == OTHER and document.location.name == "contest"
    assert not document.is_modified()
    saved = load_template(library.template_path(OTHER, "contest")).template
    assert saved.layers == document.template.layers
    kept = "contest" in library.template_names(HOME_BRAND)
    assert kept == (choice == "Keep Original")
    if choice == "Move":
        assert library.trashed_templates(HOME_BRAND, "contest")


def test_the_brand_menu_offers_apply_brand(window: MainWindow) -> None:
    action = window.brand_menu.act_apply
    assert action.statusTip()
    assert action.shortcut().toString() == "Ctrl+Shift+B"
    assert action in window.brand_menu.actions()


def test_save_as_into_the_library_under_a_new_name(qtbot: QtBot, window: MainWindow) -> None:
    """Saving into the library under a name it does not have yet (Save As) used to fail
    with "no template … in brand …"."""
    studio = window.studio
    studio.save_to_library(OTHER, "Рубрика недели")
    assert "Рубрика недели" in studio.library.template_names(OTHER)
    with pytest.raises(ValueError):
        studio.save_to_library(OTHER, "../escape")
