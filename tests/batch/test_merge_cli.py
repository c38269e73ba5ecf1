"""``brandstudio render TEMPLATE --data``: one post per spreadsheet row, bad rows reported."""

from __future__ import annotations

import datetime
import json
import shutil
from pathlib import Path

from helpers import run_command
from PIL import Image, ImageChops

REPO = Path(__file__).resolve().parents[2]
PHOTO = sorted((REPO / "templates" / "photos").glob("*.jpg"))[0]
LONG_URL = "https://shop.example/" + "x" * 3200


def report_items(out: Path) -> list[dict[str, object]]:
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    items: list[dict[str, object]] = data["items"]
    return items


def test_csv_with_bom_and_semicolons_makes_good_rows_and_reports_bad_ones(tmp_path: Path) -> None:
    (tmp_path / "img").mkdir()
    shutil.copy(PHOTO, tmp_path / "img" / "cup.jpg")
    rows = [
        "sku;headline;photo;qr_url;hide",
        'A1;"Выиграй ; годовой запас кофе";img/cup.jpg;https://shop.example/a1;',
        "A2;Нет фото;img/missing.jpg;https://shop.example/a2;",
        f"A3;Длинная ссылка;img/cup.jpg;{LONG_URL};",
        "A4;Без бейджа;img/cup.jpg;https://shop.example/a4;badge",
    ]
    data = tmp_path / "products.csv"
    data.write_bytes("\r\n".join(rows).encode("utf-8-sig"))
    out = tmp_path / "out"
    result = run_command(
        ["render", "contest", "--data", data, "--preset", "instagram-square", "--out", out,
         "--name", "{row}_{sku}_{preset}"]
    )  # fmt: skip
    assert result.status == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in out.glob("*.jpg")) == [
        "2_A1_instagram-square.jpg",
        "5_A4_instagram-square.jpg",
    ]
    with Image.open(out / "2_A1_instagram-square.jpg") as image:
        assert image.size == (1080, 1080)
    failed = {
        item["row"]: str(item["error"]) for item in report_items(out) if item["status"] == "failed"
    }
    assert set(failed) == {3, 4}
    assert "photo" in failed[3] and "missing.jpg" in failed[3]
    assert "qr_url" in failed[4] and "too long" in failed[4]
    assert "row 3" in result.stderr and "row 4" in result.stderr


def test_xlsx_values_as_displayed_and_a_hidden_layer(tmp_path: Path) -> None:
    import openpyxl

    shutil.copy(PHOTO, tmp_path / "cup.jpg")
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Июнь"
    sheet.append(["price", "date", "headline", "photo", "hide:badge"])
    sheet.append([1990, datetime.date(2026, 6, 1), "Кофе дня", "cup.jpg", ""])
    sheet.append([1990, datetime.date(2026, 6, 2), "Кофе дня", "cup.jpg", "да"])
    sheet["B2"].number_format = "DD.MM.YYYY"
    sheet["B3"].number_format = "DD.MM.YYYY"
    data = tmp_path / "plan.xlsx"
    book.save(data)
    out = tmp_path / "out"
    result = run_command(
        ["render", "promo", "--data", data, "--sheet", "Июнь", "--out", out,
         "--name", "{price}_{date}"]
    )  # fmt: skip
    assert result.status == 0, result.stderr
    names = sorted(p.name for p in out.glob("*.jpg"))
    assert names == ["1990_01.06.2026.jpg", "1990_02.06.2026.jpg"]
    with Image.open(out / names[0]) as shown, Image.open(out / names[1]) as hidden:
        assert ImageChops.difference(shown.convert("RGB"), hidden.convert("RGB")).getbbox()


def test_an_unknown_sheet_or_column_in_the_pattern_is_unusable(tmp_path: Path) -> None:
    data = tmp_path / "d.csv"
    data.write_text("headline\nHello\n", encoding="utf-8")
    result = run_command(["render", "quote", "--data", data, "--name", "{sku}", "--out", tmp_path])
    assert result.status == 2
    assert "{sku}" in result.stderr
