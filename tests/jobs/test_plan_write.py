"""Writing a post's edits back into its plan row: exactly that row's cells change."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from brandstudio.jobs.plan import read_plan
from brandstudio.jobs.plan_write import PlanWriteError, file_stamp, write_row

CSV = (
    "\ufeffdate;template;presets;headline;caption\r\n"
    '2027-01-01;quote;telegram-post;"Кофе; и ""встреча""";Первая\r\n'
    '2027-01-02;promo;telegram-post;"Две\nстроки";Вторая\r\n'
    "\r\n"
    "2027-01-03;quote;telegram-post;Третья;  с пробелами  \r\n"
)


def test_a_csv_row_changes_and_every_other_byte_stays(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_bytes(CSV.encode("utf-8"))
    plan = read_plan(path)
    numbers = [row.number for row in plan.rows]
    assert numbers == [2, 3, 5]
    stamp = file_stamp(path)
    write_row(path, None, 3, {"headline": "Новый, заголовок"}, stamp=stamp)
    data = path.read_bytes().decode("utf-8")
    expected = CSV.replace(
        'promo;telegram-post;"Две\nстроки";Вторая', "promo;telegram-post;Новый, заголовок;Вторая"
    )
    assert data == expected
    again = read_plan(path)
    assert [row.values["headline"] for row in again.rows] == [
        'Кофе; и "встреча"',
        "Новый, заголовок",
        "Третья",
    ]


def test_a_value_with_the_delimiter_or_a_quote_is_quoted(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text(
        "date,template,presets,headline\n2027-01-01,quote,telegram-post,Hi\n", encoding="utf-8"
    )
    write_row(path, None, 2, {"headline": 'Say "hi", then go\nnow'})
    assert read_plan(path).rows[0].values["headline"] == 'Say "hi", then go\nnow'
    assert path.read_text(encoding="utf-8").startswith("date,template,presets,headline\n")


def test_a_plan_changed_on_disk_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_bytes(CSV.encode("utf-8"))
    stamp = file_stamp(path)
    path.write_bytes(CSV.replace("Первая", "Другая").encode("utf-8"))
    with pytest.raises(PlanWriteError, match="changed on disk"):
        write_row(path, None, 2, {"headline": "x"}, stamp=stamp)
    assert "Другая" in path.read_text(encoding="utf-8")


def test_unknown_columns_rows_and_encodings_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_bytes(CSV.encode("utf-8"))
    with pytest.raises(PlanWriteError, match="no column 'price'"):
        write_row(path, None, 2, {"price": "1"})
    with pytest.raises(PlanWriteError, match="no row 1 "):
        write_row(path, None, 1, {"headline": "1"})
    legacy = tmp_path / "old.csv"
    legacy.write_bytes(
        "date,template,presets,headline\n2027-01-01,quote,a,Привет\n".encode("cp1251")
    )
    with pytest.raises(PlanWriteError, match="not UTF-8"):
        write_row(legacy, None, 2, {"headline": "x"})


def test_an_xlsx_row_changes_its_cells_only(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Январь"
    sheet.append(["date", "template", "presets", "headline", "caption"])
    sheet.append(["2027-01-01", "quote", "telegram-post", "Один", "Первая"])
    sheet.append(["2027-01-02", "promo", "telegram-post", "Два", "Вторая"])
    other = book.create_sheet("notes")
    other["A1"] = "keep me"
    book.save(path)
    write_row(path, "Январь", 3, {"headline": "Новый"}, stamp=file_stamp(path))
    book = openpyxl.load_workbook(path)
    rows = list(book["Январь"].iter_rows(values_only=True))
    assert rows[1] == ("2027-01-01", "quote", "telegram-post", "Один", "Первая")
    assert rows[2] == ("2027-01-02", "promo", "telegram-post", "Новый", "Вторая")
    assert book["notes"]["A1"].value == "keep me"
