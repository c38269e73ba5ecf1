"""Issue 14 in the real studio window (Xvfb), driven with the mouse and keyboard: type a new
headline, make a brand from a logo (Brand ▸ New Brand…), change its accent colour in the Brand
Kit window, apply it to the post (Brand ▸ Apply Brand…, click its preview, Apply): the
headline is kept, colours, fonts and logo are the new brand's, and the export is what the
engine draws for that brand."""

from __future__ import annotations

from pathlib import Path

import pytest
from studio_drivers import REPO, luna_logo, run_driver

pytestmark = pytest.mark.xvfb

DRIVER = """
from PySide6.QtWidgets import QFileDialog, QInputDialog, QPlainTextEdit
from brandstudio.gui.dialogs.apply_brand import ApplyBrandDialog

CONTEST, LOGO, OUT = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
TYPED = "Лунный розыгрыш"


def choose_in_apply_dialog(window):
    dialog = next((w for w in QApplication.topLevelWidgets()
                   if isinstance(w, ApplyBrandDialog) and w.isVisible()), None)
    if dialog is None or not dialog.is_ready("Луна"):
        QTimer.singleShot(50, lambda: choose_in_apply_dialog(window))
        return
    item = dialog.items["Луна"]
    rect = dialog.grid.visualItemRect(item)
    QTest.mouseClick(dialog.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)


def main():
    _app, studio, window = open_studio(CONTEST, OUT)
    document = studio.document
    old_look = export(studio, OUT / "old").read_bytes()

    editor = window.slots_panel.findChild(QPlainTextEdit, "slot-headline-editor") or next(
        e for e in window.slots_panel.findChildren(QPlainTextEdit)
        if e.parent().objectName() == "slot-headline")
    editor.setFocus()
    QTest.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton)
    QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(editor, TYPED)
    QTest.keyClick(window.canvas, Qt.Key.Key_Escape)
    window.canvas.setFocus()
    pump(300)

    # the desktop's file and name questions are answered as the user would
    QFileDialog.getOpenFileName = staticmethod(lambda *args: (str(LOGO), ""))
    QInputDialog.getText = staticmethod(lambda *args: ("Луна", True))
    window.brand_menu.act_new.trigger()
    kit_window = window.brand_menu.kit_dialog
    QTest.qWaitForWindowExposed(kit_window)
    kit_window.tabs.setCurrentIndex(1)
    hex_edit = kit_window.colour_widgets["accent"][2]
    QTest.mouseDClick(hex_edit, Qt.MouseButton.LeftButton)
    QTest.keyClick(hex_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(hex_edit, "#FFE600")
    QTest.keyClick(hex_edit, Qt.Key.Key_Return)
    accent = studio.library.load_brand("Луна").brand.palette["accent"]
    QTest.keyClick(kit_window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)

    QTimer.singleShot(50, lambda: choose_in_apply_dialog(window))
    window.brand_menu.act_apply.trigger()
    settle(studio, window.canvas)
    luna = studio.library.load_brand("Луна")
    shown = export(studio, OUT / "new")
    assets = resolve_assets(document.template, document.content, luna, CONTEST.parent)
    expected = render(document.template, dict(document.content), assets).image
    from PIL import Image
    with Image.open(shown) as image:
        same = image.convert("RGB").tobytes() == expected.convert("RGB").tobytes()
    print(document.content.get("headline") == TYPED, accent, document.kit.brand.name,
          same, shown.read_bytes() != old_look)
    window._confirm = lambda title, text: 0x00800000  # Discard
    window.close()
    studio.shutdown()
"""


def test_a_brand_made_in_the_real_window_restyles_the_edited_post(
    xvfb_display: str, tmp_path: Path
) -> None:
    logo = luna_logo(tmp_path / "logos")
    contest = REPO / "templates" / "contest.json"
    result = run_driver(xvfb_display, tmp_path, DRIVER, contest, logo, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.split() == ["True", "#FFE600", "Луна", "True", "True"], (
        result.stdout + result.stderr
    )
