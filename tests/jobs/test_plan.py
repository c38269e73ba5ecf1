"""The content plan job: rows read and validated (dates, rubrics, presets, time, status), rubrics
found in the library or among the starters, rows rendered by merge's worker with their row
numbers in the report, bad rows failed alone, and a second run resumed."""

from __future__ import annotations

import csv
import datetime
import json
from pathlib import Path

import openpyxl
import pytest

from brandstudio.brands import find_brand
from brandstudio.jobs.common import PlanError
from brandstudio.jobs.merge import RowError
from brandstudio.jobs.plan import (
    PlanSettings,
    find_rubric,
    parse_date,
    parse_time,
    prepare_plan,
    read_plan,
    run_plan,
)
from brandstudio.library.store import open_library

REPO = Path(__file__).resolve().parent.parent.parent
PHOTO = REPO / "templates" / "photos" / "fig-bowl.jpg"
HEADER = ["Дата", "time", "template", "presets", "headline", "photo", "caption", "status"]


def _csv(folder: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    path = folder / "plan.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _settings() -> PlanSettings:
    kit = find_brand("demo")
    return PlanSettings(brand_folder=kit.folder, brand=None, brand_name="Зерно")


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [
        ("2027-01-31", "en", datetime.date(2027, 1, 31)),
        ("31.01.2027", "en", datetime.date(2027, 1, 31)),
        ("2027-01-04 9:30:00", "en", datetime.date(2027, 1, 4)),  # an Excel datetime cell
        ("1/5/2027", "en", datetime.date(2027, 1, 5)),  # Excel's en display: month first
        ("1/5/2027", "ru", datetime.date(2027, 5, 1)),
        ("31.02.2027", "en", None),
        ("завтра", "en", None),
        ("", "en", None),
    ],
)
def test_dates(text: str, locale: str, expected: datetime.date | None) -> None:
    assert parse_date(text, locale) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("10:00", "10:00"), ("9.30", "09:30"), ("10:00:00", "10:00"), ("2:30 PM", "14:30"),
     ("", ""), ("25:00", None), ("вечером", None)],
)  # fmt: skip
def test_times(text: str, expected: str | None) -> None:
    assert parse_time(text) == expected


def test_rows_are_validated_with_their_numbers(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        [
            ["2027-01-04", "10:00", "quote", "vk-post, x-post", "Привет", "", "", "Утверждено"],
            ["4 января", "", "quote", "vk-post", "", "", "", ""],
            ["05.01.2027", "", "", "vk-post", "", "", "", ""],
            ["05.01.2027", "", "promo", " ", "", "", "", ""],
            ["05.01.2027", "7pm", "promo", "vk-post", "", "", "", ""],
            ["05.01.2027", "", "promo", "vk-post", "", "", "", "maybe"],
        ],
    )  # fmt: skip
    plan = read_plan(path)
    first, bad_date, no_template, no_presets, bad_time, bad_status = plan.rows
    assert first.number == 2 and first.error is None
    assert first.date == datetime.date(2027, 1, 4)
    assert first.presets == ("vk-post", "x-post")
    assert (first.time, first.status, first.rubric) == ("10:00", "approved", "quote")
    assert first.values["headline"] == "Привет" and "time" not in first.values
    assert plan.slot_columns == ("headline", "photo")
    assert (bad_date.number, bad_date.column) == (3, "Дата")
    assert "'4 января' is not a date" in bad_date.describe_error()
    assert no_template.column == "template" and no_presets.column == "presets"
    assert bad_time.column == "time" and bad_status.column == "status"


def test_missing_columns_and_empty_plans_are_unusable(tmp_path: Path) -> None:
    path = _csv(tmp_path, [["2027-01-04", "quote"]], header=["date", "rubric"])
    with pytest.raises(PlanError, match="no column 'presets'"):
        read_plan(path)
    empty = _csv(tmp_path, [], header=["date", "template", "presets"])
    with pytest.raises(PlanError, match="no rows"):
        read_plan(empty)


def test_xlsx_date_cells(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["date", "time", "template", "presets", "headline"])
    sheet.append([datetime.date(2027, 1, 31), datetime.time(18, 0), "quote", "vk-post", "Цитата"])
    sheet.append(
        [datetime.datetime(2027, 1, 4, 9, 30), "10:00", "promo", "vk-post x-post", "Акция"]
    )
    sheet.cell(4, 1).value = datetime.date(2027, 1, 5)
    sheet.cell(4, 1).number_format = "dd.mm.yyyy"
    sheet.cell(4, 3).value = "quote"
    sheet.cell(4, 4).value = "vk-post"
    path = tmp_path / "plan.xlsx"
    book.save(path)
    rows = read_plan(path).rows
    assert [row.date for row in rows] == [
        datetime.date(2027, 1, 31),
        datetime.date(2027, 1, 4),
        datetime.date(2027, 1, 5),
    ]
    assert [row.time for row in rows] == ["18:00", "10:00", ""]
    assert [row.error for row in rows] == [None, None, None]


def test_rubrics_come_from_the_library_first(tmp_path: Path) -> None:
    library = open_library()
    brand = library.brand_names()[0]
    assert find_rubric("quote", brand, tmp_path).path.parent == library.templates_dir(brand)
    assert find_rubric("quote", None, tmp_path).path == REPO / "templates" / "quote.json"
    own = tmp_path / "mine.json"
    own.write_bytes((REPO / "templates" / "promo.json").read_bytes())
    assert find_rubric("mine.json", None, tmp_path).name == "mine"
    with pytest.raises(RowError, match="no template 'nope'") as raised:
        find_rubric("nope", brand, tmp_path)
    assert raised.value.column == "template"


def test_a_plan_renders_reports_rows_and_resumes(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        [
            ["2027-01-04", "10:00", "quote", "vk-post", "Кофе — повод", "", "Цитата", "draft"],
            ["2027-01-04", "18:00", "quote", "vk-post", "Второй пост", str(PHOTO), "", ""],
            ["2027-01-05", "", "nope", "vk-post", "Нет шаблона", "", "", ""],
            ["5 янв", "", "quote", "vk-post", "Не дата", "", "", ""],
            ["2027-01-06", "", "promo", "vk-post", "Нет фото", "missing.jpg", "", ""],
            ["2027-01-07", "", "promo", "no-such-size", "Нет размера", "", "", ""],
            ["2027-01-12", "", "promo", "vk-post", "Акция", "", "", "approved"],
        ],
    )
    out = tmp_path / "out"
    prepared = prepare_plan(read_plan(path), _settings(), out)
    assert prepared.todo == 3
    result = run_plan(prepared, jobs=2)
    report = result.report
    statuses = {item.row: item.status for item in report.items()}
    assert statuses == {
        2: "ok",
        3: "ok",
        4: "failed",
        5: "failed",
        6: "failed",
        7: "failed",
        8: "ok",
    }
    errors = {item.row: item.error or "" for item in report.items()}
    assert "column 'template'" in errors[4] and "'nope'" in errors[4]
    assert "column 'Дата'" in errors[5]
    assert "column 'photo'" in errors[6] and "missing.jpg" in errors[6]
    assert "unknown preset 'no-such-size'" in errors[7]
    names = sorted(p.name for p in out.glob("*.jpg"))
    assert names == [
        "2027-01-04_10-00_quote_vk-post.jpg",
        "2027-01-04_18-00_quote_vk-post.jpg",
        "2027-01-12_promo_vk-post.jpg",
    ]
    saved = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [item["row"] for item in saved["items"]] == [2, 3, 4, 5, 6, 7, 8]
    assert all(item["problems"] == [] for item in saved["items"] if item["status"] == "ok")
    assert result.overview is not None
    assert [p.name for p in result.overview.pages] == ["week-2027-01-04.png", "week-2027-01-11.png"]

    again = run_plan(prepare_plan(read_plan(path), _settings(), out), jobs=2)
    assert again.report.count("ok") == 0
    assert again.report.count("skipped") == 3 and again.report.count("failed") == 4
    assert sorted(p.name for p in out.glob("*.jpg")) == names


def test_an_edited_row_is_redone_under_its_own_name(tmp_path: Path) -> None:
    row = ["2027-01-04", "", "quote", "vk-post", "Первый вариант", "", "", ""]
    out = tmp_path / "out"
    run_plan(prepare_plan(read_plan(_csv(tmp_path, [row])), _settings(), out), jobs=1)
    before = (out / "2027-01-04_quote_vk-post.jpg").read_bytes()
    row[4] = "Второй вариант"
    result = run_plan(prepare_plan(read_plan(_csv(tmp_path, [row])), _settings(), out), jobs=1)
    assert result.report.count("ok") == 1
    assert sorted(p.name for p in out.glob("*.jpg")) == ["2027-01-04_quote_vk-post.jpg"]
    assert (out / "2027-01-04_quote_vk-post.jpg").read_bytes() != before


def test_same_rubric_day_and_preset_without_time_get_a_suffix(tmp_path: Path) -> None:
    rows = [["2027-01-04", "", "quote", "vk-post", text, "", "", ""] for text in ("А", "Б")]
    out = tmp_path / "out"
    result = run_plan(
        prepare_plan(read_plan(_csv(tmp_path, rows)), _settings(), out), jobs=1, overview=False
    )
    assert result.overview is None and not (out / "overview").exists()
    assert sorted(p.name for p in out.glob("*.jpg")) == [
        "2027-01-04_quote_vk-post-2.jpg",
        "2027-01-04_quote_vk-post.jpg",
    ]


def test_a_broken_template_file_fails_its_rows_only(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    rows = [
        ["2027-01-04", "", "broken.json", "vk-post", "А", "", "", ""],
        ["2027-01-05", "", "broken.json", "vk-post", "Б", "", "", ""],
        ["2027-01-06", "", "quote", "vk-post", "В", "", "", ""],
    ]
    prepared = prepare_plan(read_plan(_csv(tmp_path, rows)), _settings(), tmp_path / "out")
    try:
        reports = [item.report for item in prepared.plan.items]
        assert [item.payload is None for item in prepared.plan.items] == [True, True, False]
        assert all("column 'template'" in (r.error or "") for r in reports[:2])
        assert reports[2].error is None and prepared.todo == 1  # planned, not yet run
        assert [post.error is None for post in prepared.posts] == [False, False, True]
    finally:
        prepared.plan.journal.close()
