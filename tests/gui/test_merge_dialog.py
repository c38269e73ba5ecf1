"""The data-merge dialog: a real CSV, columns matched, a row previewed, bad rows by number."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from pytestqt.qtbot import QtBot

from brandstudio.gui.dialogs.merge import MergeDialog
from brandstudio.gui.studio import Studio

REPO = Path(__file__).resolve().parents[2]
PHOTO = REPO / "templates" / "photos" / "dogs-window.jpg"
CONTEST = REPO / "templates" / "contest.json"
BATCH_TIMEOUT = 60_000

# The offscreen platform cannot pass size hints to a window manager (there is none).
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def dialog(qtbot: QtBot, studio: Studio) -> Iterator[MergeDialog]:
    dialog = MergeDialog(studio)
    qtbot.addWidget(dialog)
    yield dialog
    if dialog.batch is not None:
        assert dialog.batch.stop_and_wait(), "the batch thread did not end"
    dialog.close()


def products_csv(folder: Path) -> Path:
    """Excel's "CSV UTF-8" with semicolons: a BOM, CRLF, an empty row, a missing photo."""
    (folder / "img").mkdir()
    shutil.copy(PHOTO, folder / "img" / "cup.jpg")
    rows = [
        "sku;Headline;photo;QR link;hide",
        "A1;Выиграй годовой запас кофе;img/cup.jpg;https://shop.example/a1;",
        "A2;Нет фото;img/missing.jpg;https://shop.example/a2;",
        ";;;;",
        "A3;Без бейджа;img/cup.jpg;https://shop.example/a3;badge",
    ]
    path = folder / "товары.csv"
    path.write_bytes("\r\n".join(rows).encode("utf-8-sig"))
    return path


def cell(dialog: MergeDialog, row: int, column: int) -> str:
    item = dialog.rows.item(row, column)
    assert item is not None
    return item.text()


def test_maps_previews_runs_and_reports_the_bad_row(
    qtbot: QtBot, dialog: MergeDialog, tmp_path: Path
) -> None:
    data = products_csv(tmp_path)
    out = tmp_path / "out"
    dialog.show()
    dialog.open_table(data)
    qtbot.waitUntil(lambda: dialog.table is not None, timeout=20_000)

    # columns matched by slot name or label, case ignored; hide and extra columns named
    assert dialog.chosen_columns() == {
        "photo": "photo",
        "headline": "Headline",
        "details": None,
        "badge": None,
        "qr_url": "QR link",
    }
    assert dialog.hide_note.text() == "Hide columns: hide"
    assert "sku" in dialog.extra_note.text()
    assert "skipped 1 empty row" in dialog.notes.text()
    assert dialog.row_count.text() == "Rows: 3"
    assert cell(dialog, 0, 0) == "2"
    assert cell(dialog, 0, 2) == "Выиграй годовой запас кофе"

    # the first row (row 2) is previewed, rendered at the first size
    dialog.presets.set_checked(["instagram-square"])
    qtbot.waitUntil(lambda: dialog.thumbnail_row == 2, timeout=20_000)
    pixmap = dialog.thumbnail.pixmap()
    assert (pixmap.width(), pixmap.height()) == (300, 300)
    assert dialog.thumbnail_caption.text().startswith("Row 2")

    # row 3's photo is missing: the preview says so, naming the column
    dialog.rows.selectRow(1)
    qtbot.waitUntil(lambda: "missing.jpg" in dialog.thumbnail.text(), timeout=20_000)
    assert "photo" in dialog.thumbnail.text()
    assert dialog.thumbnail_row is None

    dialog.name.set_pattern("{row}_{sku}_{preset}")
    assert dialog.name.example.text() == "First file: 2_A1_instagram-square.jpg"
    dialog.options.folder.set_path(out)
    dialog.jobs = 2
    assert dialog.ok_button.isEnabled(), dialog.problem.text()
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=BATCH_TIMEOUT)

    summary = dialog.summary
    assert summary is not None
    assert summary.count_labels["Done"].text() == "2"
    assert summary.count_labels["Failed"].text() == "1"
    [(row, reason)] = summary.failure_lines()
    assert row == "3"
    assert "photo" in reason and "missing.jpg" in reason
    assert sorted(path.name for path in out.glob("*.jpg")) == [
        "2_A1_instagram-square.jpg",
        "5_A3_instagram-square.jpg",
    ]
    with Image.open(out / "2_A1_instagram-square.jpg") as image:
        assert image.size == (1080, 1080)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    failed = [item for item in report["items"] if item["status"] == "failed"]
    assert [item["row"] for item in failed] == [3]
    assert not list(Path(summary.report.saved_to or out).parent.glob("*.json.tmp"))


def test_a_column_can_be_rematched_by_hand(
    qtbot: QtBot, dialog: MergeDialog, tmp_path: Path
) -> None:
    data = products_csv(tmp_path)
    dialog.open_table(data)
    qtbot.waitUntil(lambda: dialog.table is not None, timeout=20_000)
    dialog.set_column("details", "sku")
    dialog.set_column("qr_url", None)
    assert dialog.column_map().slots == {
        "photo": "photo",
        "Headline": "headline",
        "sku": "details",
    }


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("broken.xlsx", b"PK\x03\x04 not really a workbook", "damaged"),
        ("notes.txt", b"just text", "not a table"),
        ("missing.csv", None, "no such file"),
    ],
)
def test_a_bad_file_is_a_message_not_a_crash(
    qtbot: QtBot,
    dialog: MergeDialog,
    tmp_path: Path,
    name: str,
    content: bytes | None,
    words: str,
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    dialog.show()
    dialog.open_table(path)
    qtbot.waitUntil(lambda: dialog.table_error is not None, timeout=20_000)
    assert dialog.error.isVisible()
    assert words in dialog.error.text().lower()
    assert dialog.table is None
    assert not dialog.ok_button.isEnabled()
    assert dialog.rows.rowCount() == 0


def test_an_xlsx_sheet_can_be_chosen(qtbot: QtBot, dialog: MergeDialog, tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "Май"
    first.append(["headline"])
    first.append(["Майский кофе"])
    june = book.create_sheet("Июнь")
    june.append(["headline", "badge"])
    june.append(["Июньский кофе", "Новинка"])
    june.append(["Ещё кофе", "Хит"])
    path = tmp_path / "plan.xlsx"
    book.save(path)
    dialog.open_table(path)
    qtbot.waitUntil(lambda: dialog.table is not None, timeout=20_000)
    assert [dialog.sheet.itemText(i) for i in range(dialog.sheet.count())] == ["Май", "Июнь"]
    assert dialog.sheet.currentText() == "Май"
    assert dialog.row_count.text() == "Rows: 1"
    dialog.sheet.setCurrentIndex(1)
    dialog.sheet.activated.emit(1)  # what choosing it with the mouse does
    qtbot.waitUntil(
        lambda: dialog.table is not None and dialog.table.sheet == "Июнь", timeout=20_000
    )
    assert dialog.chosen_columns()["badge"] == "badge"
    assert dialog.row_count.text() == "Rows: 2"


def sheet_naming_a_private_photo(
    qtbot: QtBot, dialog: MergeDialog, tmp_path: Path, rows_inside: int = 0
) -> tuple[Path, Path]:
    """A shared sheet (``rows_inside`` rows with its own photo, then one naming a photo in
    another folder) open in the dialog, ready to start: (the private photo, the output)."""
    private = tmp_path / "secret" / "private.jpg"
    private.parent.mkdir()
    shutil.copy(PHOTO, private)
    share = tmp_path / "share"
    (share / "img").mkdir(parents=True)
    shutil.copy(PHOTO, share / "img" / "cup.jpg")
    lines = ["headline,photo", *(f"Пост {n},img/cup.jpg" for n in range(rows_inside))]
    (share / "rows.csv").write_text("\n".join([*lines, f"Чужое фото,{private}"]), encoding="utf-8")
    out = tmp_path / "out"
    dialog.show()
    dialog.open_table(share / "rows.csv")
    qtbot.waitUntil(lambda: dialog.table is not None, timeout=20_000)
    dialog.presets.set_checked(["instagram-square"])
    dialog.options.folder.set_path(out)
    return private, out


def test_photos_outside_the_sheet_folder_are_used_only_when_the_user_allows(
    qtbot: QtBot, dialog: MergeDialog, tmp_path: Path
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    private, out = sheet_naming_a_private_photo(qtbot, dialog, tmp_path)
    asked: list[str] = []

    def answer(button: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == "paths-outside"
        asked.append(box.detailedText())
        chosen = next(b for b in box.buttons() if b.text().replace("&", "") == button)
        chosen.click()

    QTimer.singleShot(200, lambda: answer("Cancel"))
    dialog.ok_button.click()
    assert asked and f"row 2, column 'photo': {private}" in asked[0]
    assert dialog.batch is None and not out.exists(), "nothing starts without the user's yes"

    QTimer.singleShot(200, lambda: answer("Use Them"))
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=BATCH_TIMEOUT)
    assert len(asked) == 2
    assert [path.name for path in out.glob("*.jpg")] == ["Contest_2_instagram-square.jpg"]


def test_a_big_sheets_paths_are_checked_off_the_gui_thread_before_it_asks(
    qtbot: QtBot, dialog: MergeDialog, tmp_path: Path
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from brandstudio.gui.dialogs.merge_paths import LARGE_SHEET_ROWS

    count = LARGE_SHEET_ROWS + 1000
    private, out = sheet_naming_a_private_photo(qtbot, dialog, tmp_path, rows_inside=count - 1)
    asked: list[str] = []

    def answer_cancel() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.objectName() == "paths-outside":
            asked.append(box.detailedText())
            box.button(QMessageBox.StandardButton.Cancel).click()

    answering = QTimer(dialog)
    answering.timeout.connect(answer_cancel)
    answering.start(20)

    dialog.ok_button.click()  # returns at once: the paths are checked in the background
    assert not asked and dialog.batch is None
    assert dialog.problem.text() == f"Checking where the image cells of {count:,} rows lead…"
    assert not dialog.ok_button.isEnabled()
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=20_000)  # then Start goes on: it asks
    assert f"row {count + 1}, column 'photo': {private}" in asked[0]
    assert dialog.batch is None and not out.exists(), "nothing starts without the user's yes"
    assert dialog.ok_button.isEnabled()

    dialog.ok_button.click()  # the same sheet and columns: the answer is known, it asks at once
    qtbot.waitUntil(lambda: len(asked) == 2, timeout=5_000)
    assert dialog.problem.text() == "" and dialog.batch is None
    answering.stop()


def test_checks_the_first_rows_and_skips_rows_with_errors(
    qtbot: QtBot, dialog: MergeDialog, tmp_path: Path
) -> None:
    from studio_drivers import click_later

    long = " ".join(["Оченьдлинноеслово"] * 120)  # cut with '…' in the headline box
    data = tmp_path / "rows.csv"
    data.write_text(f"headline\nВыиграй кофе\n{long}\n", encoding="utf-8")
    out = tmp_path / "out"
    dialog.show()
    dialog.open_table(data)
    qtbot.waitUntil(lambda: dialog.table is not None, timeout=20_000)
    dialog.presets.set_checked(["vk-post"])
    line = dialog.rows_check.line
    qtbot.waitUntil(lambda: "in rows 3" in line.text(), timeout=30_000)
    assert line.text().startswith("Check of the first 2 row(s):")
    assert dialog.rows_check.errors() >= 1
    dialog.options.folder.set_path(out)
    dialog.jobs = 1

    # errors in the checked rows: the merge asks first; Go Back starts nothing
    click_later("Go Back")
    dialog.ok_button.click()
    qtbot.wait(300)
    assert dialog.batch is None and not out.exists()

    # skipping rows with errors: row 3 fails (nothing of it written), row 2 is made
    dialog.rows_check.strict.setChecked(True)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=BATCH_TIMEOUT)
    summary = dialog.summary
    assert summary is not None
    [(row, reason)] = summary.failure_lines()
    assert row == "3" and reason.startswith("the check found")
    assert sorted(path.name for path in out.glob("*.jpg")) == ["Contest_2_vk-post.jpg"]
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [item["status"] for item in report["items"]] == ["ok", "failed"]
    assert any(problem["rule"] == "text-fit" for problem in report["items"][1]["problems"])
