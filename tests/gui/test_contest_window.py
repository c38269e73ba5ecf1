"""The Contest window on the real studio: a contest in the brand's library, entrants read with
what was dropped and why, the commitment sealed and its text copied, the draw revealed, the
cards rendered in the brand, the winners card opened in the editor, the draw verified."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from brandstudio.gui.dialogs.contest import ContestDialog
from brandstudio.gui.main_window import MainWindow
from brandstudio.jobs.contest_draw import verify_draw

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

BRAND = "Зерно"


def _entrants(folder: Path) -> Path:
    sheet = folder / "comments.csv"
    rows = ["author,subscribed"]
    rows += [f"@user{number},yes" for number in range(30)]
    rows += ["https://vk.com/user3,yes", "@stranger,no", ",yes"]
    sheet.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return sheet


def _settled(qtbot: QtBot, dialog: ContestDialog) -> None:
    qtbot.waitUntil(dialog.idle, timeout=60_000)
    qtbot.wait(20)


def test_a_contest_from_entrants_to_the_winners_card(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.brand_menu.act_contests.trigger()
    dialog = window.findChild(ContestDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.contests.count() == 0
    folder = dialog.create_contest("Июнь")
    assert folder is not None and dialog.contests.currentItem() is not None
    assert dialog.contests.currentItem().text() == "Июнь — new"

    dialog.add_files([_entrants(tmp_path)])
    dialog.column.setText("author")
    dialog.require.setText("subscribed=yes")
    dialog.prize.setText("Годовой запас кофе")
    dialog.read_button.click()
    _settled(qtbot, dialog)
    assert dialog.entrants is not None and len(dialog.entrants.ids) == 30
    assert dialog.counts.text() == "Entrants: 30 · dropped: 3"
    reasons = [dialog.dropped.item(row, 2).text() for row in range(dialog.dropped.rowCount())]
    assert any(reason.startswith("a repeat of comments.csv, line") for reason in reasons)
    assert any(reason.startswith("condition not met") for reason in reasons)
    assert "empty" in reasons

    assert dialog.commit_button.isEnabled()
    dialog.commit_button.click()
    _settled(qtbot, dialog)
    posted = dialog.post.toPlainText()
    published = json.loads((folder / "commitment.json").read_text(encoding="utf-8"))
    assert published["commitment"] in posted and published["count"] == 30
    assert QGuiApplication.clipboard().text() == posted  # ready to paste into the post
    assert dialog.contests.currentItem().text() == "Июнь — committed, 30 entrant(s)"
    assert dialog.tabs.currentIndex() == 1 and dialog.draw_button.isEnabled()

    dialog.winners_count.setValue(2)
    dialog.reserves_count.setValue(1)
    dialog.beacon.setText("lottery 2026-06-30: 12 17 31 40 44")
    dialog.draw_button.click()
    _settled(qtbot, dialog)
    assert dialog.draw is not None and len(dialog.draw.winners) == 2
    qtbot.waitUntil(lambda: len(dialog.shown_winners) == 3, timeout=5_000)
    assert dialog.shown_winners[0] == f"🏆 @{dialog.draw.winners[0]}"
    cards = sorted(path.name for path in dialog.cards)
    assert any(name.endswith("instagram-story.png") for name in cards), cards
    assert all(path.is_file() for path in dialog.cards)
    assert verify_draw(folder / "draw.json", folder / "entrants.txt") == []
    dialog.verify_button.click()
    assert dialog.status.text().startswith("Verified")
    assert dialog.contests.currentItem().text() == "Июнь — drawn, 30 entrant(s)"

    dialog.open_winners_card()
    document = window.studio.document
    assert document is not None and document.template.name.lower().startswith("winners")
    assert document.content["winners"] == "\n".join(f"@{name}" for name in dialog.draw.winners)
    assert document.content["prize"] == "Годовой запас кофе"
    assert document.kit.brand.name == BRAND
    dialog.close()


def test_a_tampered_draw_does_not_verify(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    dialog = window.brand_menu.open_contests(BRAND)
    assert dialog is not None
    folder = dialog.create_contest("Tampered")
    assert folder is not None
    dialog.add_files([_entrants(tmp_path)])
    dialog.read_button.click()
    _settled(qtbot, dialog)
    dialog.commit_button.click()
    _settled(qtbot, dialog)
    dialog.draw_button.click()
    _settled(qtbot, dialog)
    dialog.finish_reveal()
    data = json.loads((folder / "draw.json").read_text(encoding="utf-8"))
    data["winners"] = ["someone-else"]
    (folder / "draw.json").write_text(json.dumps(data), encoding="utf-8")
    dialog.verify_button.click()
    assert dialog.status.text().startswith("The draw does not verify")
    dialog.close()


def test_a_contest_name_that_cannot_be_a_folder_is_said(window: MainWindow) -> None:
    dialog = window.brand_menu.open_contests(BRAND)
    assert dialog is not None
    assert dialog.create_contest("a/b") is None
    assert "cannot be a contest name" in dialog.status.text()
    dialog.close()
