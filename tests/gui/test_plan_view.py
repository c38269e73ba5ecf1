"""The Plan view on real plan files, real renders and the real main window: posts in their
days with thumbnails, months, error rows, a post opened in the editor and its edits saved
into the plan's row or the rubric template, and the month exported (and cancelled)."""

from __future__ import annotations

import dataclasses
import datetime
import json
import time
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from brandstudio.gui.dialogs.plan_questions import MONTH, ROW, TEMPLATE, WHOLE
from brandstudio.gui.main_window import MainWindow
from brandstudio.gui.plan_view import PlanWindow, show_plan_window

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

HEADER = "date,time,template,presets,headline,caption,status"
ROWS = [
    "2027-03-01,18:00,promo,telegram-post,Два капучино,Акция,draft",
    "2027-03-01,10:00,quote,telegram-post,Кофе — это встреча,Цитата дня,approved",
    "15.03.2027,,promo,telegram-post,Обжарка недели,,approved",
    "2027-04-02,10:00,quote,telegram-post,Апрельская цитата,,draft",
    "2027-03-10,12:00,quote,no-such-size,Сломанный размер,,draft",
    "someday,10:00,quote,telegram-post,Без даты,,draft",
]


def wait_for(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    """Process events until ``condition`` holds (sleeping between, so the render thread
    gets the interpreter: a qWait would keep it)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)
        QCoreApplication.processEvents()
    QCoreApplication.processEvents()


def write_plan(folder: Path, rows: list[str] = ROWS) -> Path:
    path = folder / "plan.csv"
    path.write_bytes(("\n".join([HEADER, *rows]) + "\n").encode("utf-8"))
    return path


@pytest.fixture
def plan(window: MainWindow) -> PlanWindow:
    view = show_plan_window(window, window.studio, window)
    view.resize(1280, 800)
    return view


def loaded(view: PlanWindow, path: Path) -> PlanWindow:
    assert view.load(path)
    wait_for(view.thumbnails_done)
    return view


def test_the_file_menu_opens_the_plan_view(qtbot: QtBot, window: MainWindow) -> None:
    action = next(a for a in window.findChildren(type(window.act_open)) if "Plan" in a.text())
    assert action.shortcut().toString() == "Ctrl+Shift+P"
    assert action.statusTip()
    action.trigger()
    view = window.findChild(PlanWindow)
    assert isinstance(view, PlanWindow) and view.isVisible()
    action.trigger()
    assert window.findChildren(PlanWindow) == [view]  # brought to the front, not another


def test_open_plan_asks_for_a_file_and_remembers_its_folder(
    qtbot: QtBot, plan: PlanWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_plan(tmp_path)
    asked: list[str] = []

    def answer(parent: object, title: str, folder: str, kinds: str) -> tuple[str, str]:
        asked.append(folder)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", answer)
    plan.choose_plan()
    plan.choose_plan()
    assert plan.plan is not None and plan.file_label.text() == "plan.csv"
    assert asked[1] == str(tmp_path)
    wait_for(plan.thumbnails_done)


def test_posts_sit_in_their_days_with_thumbnails_and_errors_say_why(
    qtbot: QtBot, plan: PlanWindow, tmp_path: Path
) -> None:
    loaded(plan, write_plan(tmp_path))
    assert plan.month_label.text() == "March 2027"
    first = plan.grid.cells[datetime.date(2027, 3, 1)]
    assert [card.info.row for card in first.cards] == [3, 2]  # by time: 10:00, then 18:00
    assert first.cards[0].title.full_text() == "10:00 · quote"
    assert first.cards[0].text.full_text() == "Кофе — это встреча"
    assert first.cards[0].tag.full_text() == "Approved"
    assert first.cards[1].tag.full_text() == "Draft"
    assert all(card.has_thumbnail() for day in (1, 15) for card in plan.grid.cells[
        datetime.date(2027, 3, day)].cards)  # fmt: skip
    broken = plan.grid.cells[datetime.date(2027, 3, 10)].cards[0]
    assert broken.info.error is not None and broken.info.error.startswith("Row 6: presets:")
    assert "no-such-size" in broken.info.error
    assert not broken.has_thumbnail()
    undated = [plan.problems.item(i).text() for i in range(plan.problems.count())]
    assert plan.problems.isVisible() and len(undated) == 1 and undated[0].startswith("Row 7:")
    assert plan.grid.cells[datetime.date(2027, 4, 4)].number.styleSheet()  # dimmed: April
    assert "6 posts in the plan, 4 this month" in plan.summary.text()


def test_months_go_back_and_forth(qtbot: QtBot, plan: PlanWindow, tmp_path: Path) -> None:
    loaded(plan, write_plan(tmp_path))
    plan.next_button.click()
    assert plan.month_label.text() == "April 2027"
    april = plan.grid.cells[datetime.date(2027, 4, 2)].cards
    assert [card.info.row for card in april] == [5] and april[0].has_thumbnail()
    plan.prev_button.click()
    plan.prev_button.click()
    assert plan.month_label.text() == "February 2027" and not plan.grid.cards
    plan.today_button.click()
    today = datetime.date.today()
    assert (plan.year, plan.month) == (today.year, today.month)
    assert today in plan.grid.cells


def test_a_post_opens_in_the_editor_filled_with_its_row(
    qtbot: QtBot, window: MainWindow, plan: PlanWindow, tmp_path: Path
) -> None:
    loaded(plan, write_plan(tmp_path))
    plan.select(3)
    assert plan.edit_button.isEnabled()
    plan.edit_button.click()
    document = window.studio.document
    assert document is not None and document.location is not None
    assert document.location.brand is not None and document.location.name == "quote"
    assert document.content["headline"] == "Кофе — это встреча"
    assert document.preset is not None and document.preset.id == "telegram-post"
    assert not document.is_modified() and not plan.has_edits()
    assert plan.banner.isVisible() and "row 3" in plan.banner.label.text()
    plan.select(6)
    assert not plan.edit_button.isEnabled()  # a row with an error cannot open


def test_edits_go_back_into_exactly_that_row(
    qtbot: QtBot, window: MainWindow, plan: PlanWindow, tmp_path: Path
) -> None:
    path = write_plan(tmp_path)
    before = path.read_bytes()
    loaded(plan, path)
    assert plan.open_post(4)
    document = window.studio.document
    assert document is not None
    document.set_slot("headline", "Обжарка, недели")
    assert plan.has_edits()
    asked: list[tuple[dict[str, str], list[str]]] = []
    plan.choose_target = lambda parent, session, cells, lost: asked.append((cells, lost)) or ROW
    assert plan.save_edits()
    assert asked == [({"headline": "Обжарка, недели"}, [])]
    expected = before.replace(
        "15.03.2027,,promo,telegram-post,Обжарка недели,".encode(),
        '15.03.2027,,promo,telegram-post,"Обжарка, недели",'.encode(),
    )
    assert path.read_bytes() == expected
    assert not plan.has_edits() and not document.is_modified()
    card = plan.grid.cards[4]
    assert card.text.full_text() == "Обжарка, недели"
    wait_for(plan.thumbnails_done)
    assert card.has_thumbnail()

    document.set_slot("headline", "Ещё раз")
    path.write_bytes(expected + b"2027-03-20,,quote,telegram-post,Added elsewhere,,draft\n")
    assert not plan.save_edits()  # the file changed on disk meanwhile: refused
    boxes = [box for box in plan.findChildren(QMessageBox) if box.isVisible()]
    assert boxes and "changed on disk" in boxes[-1].text()
    boxes[-1].close()
    assert b"Added elsewhere" in path.read_bytes() and "Ещё раз".encode() not in path.read_bytes()


def test_an_xlsx_row_gets_the_edits(
    qtbot: QtBot, window: MainWindow, plan: PlanWindow, tmp_path: Path
) -> None:
    path = tmp_path / "plan.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for line in [HEADER, *ROWS[:3]]:
        sheet.append(line.split(","))
    book.save(path)
    loaded(plan, path)
    assert plan.open_post(2)
    document = window.studio.document
    assert document is not None
    document.set_slot("headline", "Новый заголовок")
    plan.choose_target = lambda parent, session, cells, lost: ROW
    assert plan.save_edits()
    values = list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))  # type: ignore[union-attr]
    assert values[1][4] == "Новый заголовок"
    assert values[2][4] == "Кофе — это встреча" and values[3][4] == "Обжарка недели"


def test_design_edits_go_to_the_rubric_template(
    qtbot: QtBot, window: MainWindow, plan: PlanWindow, tmp_path: Path
) -> None:
    loaded(plan, write_plan(tmp_path))
    assert plan.open_post(3)
    document = window.studio.document
    assert document is not None and document.location is not None
    template_file = document.location.path
    tagged = dataclasses.replace(document.template, tags=(*document.template.tags, "march"))
    document.edit("Tag", tagged)
    choices: list[str | None] = []

    def choose(parent: object, session: object, cells: dict[str, str], lost: list[str]) -> str:
        choices.append(TEMPLATE)
        return TEMPLATE

    plan.choose_target = choose
    plan_bytes = (tmp_path / "plan.csv").read_bytes()
    assert plan.save_edits()
    assert choices == [TEMPLATE]
    saved = json.loads(template_file.read_text(encoding="utf-8"))
    assert "march" in saved["tags"]
    assert (tmp_path / "plan.csv").read_bytes() == plan_bytes
    assert not document.is_modified() and not plan.has_edits()


def test_export_month_writes_its_posts_and_the_overview(
    qtbot: QtBot, plan: PlanWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded(plan, write_plan(tmp_path, ROWS[:4]))
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args: str(out))
    plan.choose_scope = lambda parent, title, month, whole: (
        MONTH if (month, whole) == (3, 4) else None
    )
    plan.jobs = 1
    plan.export_month()
    export = plan.export
    assert export is not None
    wait_for(lambda: export.summary is not None, timeout=60)
    assert export.summary is not None and export.summary.isVisible()
    names = sorted(path.name for path in out.glob("*.jpg"))
    assert names == [
        "2027-03-01_10-00_quote_telegram-post.jpg",
        "2027-03-01_18-00_promo_telegram-post.jpg",
        "2027-03-15_promo_telegram-post.jpg",
    ]
    assert (out / "overview" / "plan.pdf").is_file() and export.overview is not None
    export.summary.close()


def test_an_export_can_be_cancelled(
    qtbot: QtBot, plan: PlanWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded(plan, write_plan(tmp_path, ROWS[:4] * 3))
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args: str(out))
    plan.choose_scope = lambda parent, title, month, whole: WHOLE
    plan.jobs = 1
    plan.export_month()
    export = plan.export
    assert export is not None
    export.progress.request_cancel()
    wait_for(lambda: export.summary is not None, timeout=60)
    assert export.summary is not None
    assert export.summary.report.stopped
    assert not (out / "overview" / "plan.pdf").exists() and export.overview is None
    assert len(list(out.glob("*.jpg"))) < 12
    export.summary.close()
