"""Brands made and edited in the studio (Brand ▸ New Brand…, the Brand Kit window), then
applied to a post whose headline was edited: the headline stays, the look is the new brand's,
and the export is the canvas."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot
from studio_drivers import luna_logo, rendered

from brandstudio.fileformat.brand_io import load_brand
from brandstudio.gui.dialogs.apply_brand import ApplyBrandDialog
from brandstudio.gui.dialogs.brand_kit import BrandKitDialog
from brandstudio.gui.dialogs.export import ExportDialog
from brandstudio.gui.dialogs.widgets import CANVAS_KEY
from brandstudio.gui.main_window import MainWindow
from brandstudio.gui.studio import Studio
from brandstudio.library.store import open_library

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

REPO = Path(__file__).resolve().parents[2]
CONTEST = REPO / "templates" / "contest.json"


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    studio = Studio(library=open_library(tmp_path / "library"))
    window = MainWindow(studio)
    window._confirm = lambda title, text: QMessageBox.StandardButton.Discard
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.open_library_template("Зерно", "contest")
    window.show()
    yield window
    window._confirm = lambda title, text: QMessageBox.StandardButton.Discard
    dialog = window.brand_menu.kit_dialog
    if dialog is not None:
        dialog.close()
    window.close()
    studio.shutdown()


def make_luna(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> BrandKitDialog:
    logo = luna_logo(tmp_path / "logos")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(logo), ""))
    monkeypatch.setattr(QInputDialog, "getText", lambda *args: ("Луна", True))
    assert window.brand_menu.new_brand() == "Луна"
    dialog = window.brand_menu.kit_dialog
    assert isinstance(dialog, BrandKitDialog) and dialog.isVisible()
    return dialog


def test_new_brand_from_a_logo_has_every_logo_version(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = make_luna(qtbot, window, tmp_path, monkeypatch)
    kit = window.studio.library.load_brand("Луна")
    variants = kit.brand.logos["logo"]
    assert variants.light and variants.dark and variants.mono
    assert not dialog.make_missing.isEnabled()  # nothing is missing
    assert "Луна" in window.library_panel.brand_combo.currentText()
    for card in dialog.logo_cards.values():
        picture = card.pixmap().toImage()
        dark_half = picture.pixelColor(picture.width() // 4, 2)
        light_half = picture.pixelColor(3 * picture.width() // 4, 2)
        assert dark_half.lightness() < 60 and light_half.lightness() > 200
    assert "Brand Kit" in dialog.windowTitle()


def test_a_colour_change_is_saved_and_undone(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = make_luna(qtbot, window, tmp_path, monkeypatch)
    library = window.studio.library
    before = library.load_brand("Луна").brand.palette["accent"]
    monkeypatch.setattr(QColorDialog, "getColor", lambda *args: QColor("#FFE600"))
    dialog.colour_widgets["accent"][0].click()
    assert library.load_brand("Луна").brand.palette["accent"] == "#FFE600"
    assert dialog.undo_stack.undoText() == "Change Colour accent"
    sample = dialog.findChild(type(dialog.problem), "on-accent")
    assert sample is not None and "#FFE600" in sample.styleSheet()
    dialog.undo_stack.undo()
    assert library.load_brand("Луна").brand.palette["accent"] == before
    dialog.undo_stack.redo()
    assert library.load_brand("Луна").brand.palette["accent"] == "#FFE600"

    hex_edit = dialog.colour_widgets["primary"][2]
    hex_edit.setText("not a colour")
    hex_edit.editingFinished.emit()
    assert not dialog.problem.isHidden() and "not a colour" in dialog.problem.text().casefold()
    assert library.load_brand("Луна").brand.palette["primary"] != "NOT A COLOUR"

    assert dialog.add_color()
    assert "color-2" in library.load_brand("Луна").brand.palette
    remove = dialog.findChild(type(dialog.undo_button), "remove-primary")
    assert remove is not None and not remove.isEnabled()
    assert dialog.remove_color("color-2")
    assert "color-2" not in library.load_brand("Луна").brand.palette


def test_eyedropper_takes_a_colour_from_the_logo(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = make_luna(qtbot, window, tmp_path, monkeypatch)
    dialog.tabs.setCurrentIndex(1)
    dialog.selected_role = "accent"
    picker = dialog.eyedropper
    qtbot.waitExposed(dialog)
    picked: list[str] = []
    picker.picked.connect(picked.append)
    middle = QPoint(picker.width() // 2, picker.height() // 2)
    qtbot.mouseClick(picker, Qt.MouseButton.LeftButton, pos=middle)
    assert picked, "no colour under the middle of the logo"
    assert dialog.kit.brand.palette["accent"] == picked[0]


def test_stamp_defaults_and_fonts_are_saved(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = make_luna(qtbot, window, tmp_path, monkeypatch)
    library = window.studio.library
    dialog.stamp_text.setText("© {brand} {year}")
    dialog.stamp_text.editingFinished.emit()
    assert library.load_brand("Луна").brand.stamp.text == "© {brand} {year}"
    family, _weight, sample = dialog.font_widgets["heading"]
    before = sample.pixmap().toImage()
    family.setCurrentText("Oswald")
    family.activated.emit(family.currentIndex())
    assert library.load_brand("Луна").brand.fonts["heading"].family == "Oswald"
    after = dialog.font_widgets["heading"][2].pixmap().toImage()
    assert after != before  # the sample is drawn in the new family


def test_words_kept_as_typed_are_saved_and_undone(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = make_luna(qtbot, window, tmp_path, monkeypatch)
    library = window.studio.library
    dialog.keep_words.setText(" Луна-Кофе ,  ,LUNA.bar")
    dialog.keep_words.editingFinished.emit()
    assert library.load_brand("Луна").brand.keep_words == ("Луна-Кофе", "LUNA.bar")
    assert dialog.keep_words.text() == "Луна-Кофе, LUNA.bar"
    dialog.undo_stack.undo()
    assert library.load_brand("Луна").brand.keep_words == ()
    assert dialog.keep_words.text() == ""


def test_an_svg_logo_with_outside_references_is_refused(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = make_luna(qtbot, window, tmp_path, monkeypatch)
    linked = tmp_path / "linked.svg"
    linked.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
        ' viewBox="0 0 10 10"><image xlink:href="file:///etc/passwd" width="10" height="10"/>'
        "</svg>",
        encoding="utf-8",
    )
    assert not dialog.replace_logo("mono", linked)
    assert "outside itself" in dialog.problem.text()
    drawn = tmp_path / "drawn.svg"
    drawn.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 80">'
        '<rect x="10" y="10" width="180" height="60" rx="20" fill="#1640BE"/></svg>',
        encoding="utf-8",
    )
    assert dialog.replace_logo("mono", drawn)
    assert dialog.undo_stack.undoText() == "Replace Logo"


def test_rename_brand_in_the_window(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = make_luna(qtbot, window, tmp_path, monkeypatch)
    dialog.name_edit.setText("Луна Кофе")
    dialog.name_edit.editingFinished.emit()
    assert "Луна Кофе" in window.studio.library.brand_names()
    assert dialog.windowTitle().endswith("Луна Кофе")
    dialog.undo_stack.undo()
    assert "Луна" in window.studio.library.brand_names()


def test_made_brand_applied_to_an_edited_post_exports_as_shown(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 14's first "done when": make a brand from a logo, change a colour, apply it to
    the contest post whose headline was edited: the headline stays, colours, fonts and logo
    are the new brand's, and the export is the canvas."""
    studio = window.studio
    document = studio.document
    assert document is not None
    document.set_slot("headline", "Розыгрыш лунного кофе")
    old_look = rendered(qtbot, studio)
    dialog = make_luna(qtbot, window, tmp_path, monkeypatch)
    assert dialog.set_color("accent", "#FFE600")
    dialog.close()

    chooser = ApplyBrandDialog(studio, window)
    qtbot.addWidget(chooser)
    chooser.choose("Луна")
    chooser.accept()
    luna = load_brand(studio.library.brand_folder("Луна"))
    assert document.kit.brand == luna.brand
    assert document.content["headline"] == "Розыгрыш лунного кофе"
    shown = rendered(qtbot, studio)
    assert ImageChops.difference(old_look, shown).getbbox() is not None

    out = tmp_path / "out"
    export = ExportDialog(studio, window)
    qtbot.addWidget(export)
    export.presets.set_checked([CANVAS_KEY])
    export.options.set_format("png")
    export.options.folder.set_path(out)
    export.show()
    export.ok_button.click()
    qtbot.waitUntil(lambda: export.summary is not None, timeout=60000)
    if export.batch is not None:
        export.batch.stop_and_wait()
    [exported] = list(out.glob("*.png"))
    with Image.open(exported) as image:
        assert ImageChops.difference(image.convert("RGB"), shown.convert("RGB")).getbbox() is None


def test_the_library_offers_the_brand_menu(window: MainWindow) -> None:
    button = window.library_panel.brand_button
    assert button.isVisible() and button.menu() is window.brand_menu
    texts = [action.text() for action in window.brand_menu.actions() if not action.isSeparator()]
    assert "&New Brand…" in texts and "E&xport Brand Kit…" in texts
    assert all(action.statusTip() for action in window.brand_menu.actions() if action.text())
