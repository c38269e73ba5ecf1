"""Excel workbooks read as Excel shows them: number formats, formulas and their saved values,
the sheet chosen, where the header is, merged cells, and header and row problems.

Every workbook here is a real file written with openpyxl (and, where openpyxl cannot write what
Excel writes, such as a formula's saved value, with its XML patched in the zip).
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from openpyxl.chart import BarChart, Reference
from table_files import (
    SHEET1,
    error_of,
    new_book,
    patch_member,
    save,
    set_limit,
    values,
    workbook_of_formats,
    write_csv,
)

from brandstudio.tables import read_table


def test_xlsx_values_as_excel_shows_them(tmp_path: Path) -> None:
    found = read_table(workbook_of_formats(tmp_path))
    assert found.sheet == "Лист1"
    assert found.columns == (
        "Товар",
        "Цена",
        "Сумма",
        "Доля",
        "Дата",
        "Когда",
        "Время",
        "Есть",
        "Код",
    )
    assert values(found) == [
        {
            "Товар": "Кофе", "Цена": "1990.00", "Сумма": "1,234,567.89", "Доля": "26%",
            "Дата": "01.06.2026", "Когда": "2026-06-01 14:05", "Время": "9:30 AM",
            "Есть": "TRUE", "Код": "00123",
        },
        {
            "Товар": "Чай «Зелёный»", "Цена": "2.50", "Сумма": "-1,234.50", "Доля": "100%",
            "Дата": "31.12.2026", "Когда": "2026-01-02 00:00", "Время": "6:00 PM",
            "Есть": "FALSE", "Код": "00042",
        },
    ]  # fmt: skip
    assert [row.number for row in found.rows] == [2, 3]
    assert found.notes == ()


def test_xlsx_values_with_russian_regional_settings(tmp_path: Path) -> None:
    found = read_table(workbook_of_formats(tmp_path), locale="ru")
    first = found.rows[0].values
    assert first["Цена"] == "1990,00"
    assert first["Сумма"] == "1\u00a0234\u00a0567,89"
    assert first["Есть"] == "ИСТИНА"
    assert found.rows[1].values["Есть"] == "ЛОЖЬ"
    assert first["Дата"] == "01.06.2026"


def test_integers_general_numbers_and_builtin_short_date(tmp_path: Path) -> None:
    book, sheet = new_book()
    sheet.append(["year", "float", "share", "date"])
    sheet.append([1990, 1990.0, 0.1 + 0.2, dt.date(2026, 6, 1)])
    sheet["D2"].number_format = "mm-dd-yy"  # openpyxl stores this as built-in format 14
    path = save(book, tmp_path)
    with zipfile.ZipFile(path) as archive:
        assert 'numFmtId="14"' in archive.read("xl/styles.xml").decode()
    assert values(read_table(path)) == [
        {"year": "1990", "float": "1990", "share": "0.3", "date": "6/1/2026"}
    ]
    assert read_table(path, locale="ru").rows[0].values["date"] == "01.06.2026"


def test_a_formula_without_a_saved_value_is_a_row_error(tmp_path: Path) -> None:
    book, sheet = new_book()
    sheet.append(["name", "price", "double"])
    sheet.append(["Кофе", 100, "=B2*2"])
    sheet.append(["Чай", 50, 100])
    found = read_table(save(book, tmp_path))
    bad, good = found.rows
    assert bad.number == 2
    assert bad.error == (
        "column 'double': formula has no saved value: open and save the file in Excel or "
        "LibreOffice"
    )
    assert bad.values["name"] == "Кофе"
    assert good.error is None and good.values["double"] == "100"


def test_formulas_with_saved_values_give_the_values(tmp_path: Path) -> None:
    book, sheet = new_book()
    sheet.append(["price", "double", "label", "blank", "broken"])
    sheet.append([100, "=A2*2", '="Цена: "&A2', '=""', "=1/0"])
    sheet["B2"].number_format = "#,##0.00"
    path = save(book, tmp_path)

    def saved_values(xml: str) -> str:  # what Excel writes after calculating
        xml = xml.replace("<f>A2*2</f><v />", "<f>A2*2</f><v>200</v>")
        xml = xml.replace('<c r="C2">', '<c r="C2" t="str">')
        xml = xml.replace('<v /></c><c r="D2">', '<v>Цена: 100</v></c><c r="D2" t="str">')
        xml = xml.replace('<c r="E2">', '<c r="E2" t="e">')
        return xml.replace("<f>1/0</f><v />", "<f>1/0</f><v>#DIV/0!</v>")

    patch_member(path, SHEET1, saved_values)
    row = read_table(path).rows[0]
    assert row.values["double"] == "200.00"
    assert row.values["label"] == "Цена: 100"
    assert row.values["blank"] == ""  # a formula whose result is empty text: no error
    assert row.error is not None
    assert row.error.startswith("column 'broken': the cell shows the error #DIV/0!")


def test_the_first_visible_sheet_is_read_and_the_others_named(tmp_path: Path) -> None:
    book, hidden = new_book("Справочник")
    hidden.append(["secret"])
    hidden.sheet_state = "hidden"
    june = book.create_sheet("Июнь")
    june.append(["headline"])
    june.append(["Лето"])
    july = book.create_sheet("Июль")
    july.append(["headline"])
    july.append(["Жара"])
    chart = BarChart()
    chart.add_data(Reference(june, min_col=1, min_row=1, max_row=2), titles_from_data=True)
    book.create_chartsheet("Диаграмма").add_chart(chart)
    path = save(book, tmp_path)

    found = read_table(path)
    assert found.sheet == "Июнь"
    assert values(found) == [{"headline": "Лето"}]
    assert any("'Июль'" in note and "'Справочник'" in note for note in found.notes)

    assert read_table(path, sheet="Июль").rows[0].values == {"headline": "Жара"}
    assert read_table(path, sheet=" июль ").sheet == "Июль"  # case and spaces forgiven
    assert read_table(path, sheet="Справочник").columns == ("secret",)

    missing = error_of(path, sheet="Август")
    assert "no sheet named 'Август'" in missing.reason
    assert "'Справочник', 'Июнь', 'Июль', 'Диаграмма'" in missing.reason
    assert "chart" in error_of(path, sheet="Диаграмма").reason


def test_a_table_lower_and_to_the_right_with_a_merged_header_cell(tmp_path: Path) -> None:
    book, sheet = new_book()
    sheet["B3"] = "Товар"
    sheet["C3"] = "Цена"
    sheet["B4"] = "Кофе"
    sheet["C4"] = 10
    sheet["D4"] = 11
    sheet.merge_cells("C3:D3")
    error = error_of(save(book, tmp_path))
    assert error.row == 3
    assert "column D" in error.reason and "merged cell C3:D3" in error.reason


def test_the_header_row_is_the_first_non_empty_row_in_xlsx(tmp_path: Path) -> None:
    book, sheet = new_book()
    sheet["B3"] = "  Товар "
    sheet["D3"] = "Цена"
    sheet["B4"] = "Кофе"
    sheet["D4"] = 10
    sheet["B7"] = "Чай"
    found = read_table(save(book, tmp_path))
    assert found.columns == ("Товар", "Цена")
    assert [(row.number, dict(row.values)) for row in found.rows] == [
        (4, {"Товар": "Кофе", "Цена": "10"}),
        (7, {"Товар": "Чай", "Цена": ""}),
    ]
    assert "skipped 2 empty rows (5-6)" in found.notes


def test_a_title_row_above_the_table_is_explained(tmp_path: Path) -> None:
    book, sheet = new_book()
    sheet["A1"] = "Прайс-лист на июнь"
    sheet.append(["Товар", "Цена"])
    sheet.append(["Кофе", 10])
    error = error_of(save(book, tmp_path))
    assert error.row == 1
    assert "'Прайс-лист на июнь'" in error.reason and "title above the table" in error.reason
    # The same in a CSV
    error = error_of(write_csv(tmp_path, "Прайс-лист\nТовар;Цена\nКофе;10\n"))
    assert error.row == 1 and "title above the table" in error.reason


def test_a_single_column_table_is_not_taken_for_a_title(tmp_path: Path) -> None:
    found = read_table(write_csv(tmp_path, "Имя\nАнна\nБорис\n"))
    assert values(found) == [{"Имя": "Анна"}, {"Имя": "Борис"}]


def test_a_one_column_table_with_a_stray_note_is_not_a_title(tmp_path: Path) -> None:
    book, sheet = new_book()
    sheet.append(["Имя"])
    sheet.append(["Анна", "позвонить"])
    sheet.append(["Борис"])
    found = read_table(save(book, tmp_path))
    assert found.columns == ("Имя",)
    assert found.rows[0].error is not None and "'позвонить'" in found.rows[0].error
    assert found.rows[1].error is None and found.rows[1].values == {"Имя": "Борис"}


def test_a_two_row_header_is_an_error(tmp_path: Path) -> None:
    book, sheet = new_book()
    sheet.append(["Товар", "Цена"])
    sheet.append([None, "руб."])
    sheet.append(["Кофе", 10])
    sheet.merge_cells("A1:A2")
    error = error_of(save(book, tmp_path))
    assert error.row == 1
    assert "A1:A2" in error.reason and "one row" in error.reason


def test_merged_data_cells_are_noted(tmp_path: Path) -> None:
    book, sheet = new_book()
    sheet.append(["Категория", "Товар"])
    sheet.append(["Напитки", "Кофе"])
    sheet.append([None, "Чай"])
    sheet.merge_cells("A2:A3")
    found = read_table(save(book, tmp_path))
    assert found.rows[1].values == {"Категория": "", "Товар": "Чай"}
    assert any("merged cells A2:A3" in note for note in found.notes)


def test_a_value_right_of_the_last_named_column_is_a_row_error(tmp_path: Path) -> None:
    book, sheet = new_book()
    sheet.append(["a", "b"])
    sheet.append([1, 2])
    sheet.append([3, 4, None, "заметка"])
    first, second = read_table(save(book, tmp_path)).rows
    assert first.error is None
    assert second.error is not None
    assert "column D" in second.error and "'заметка'" in second.error
    assert second.values == {"a": "3", "b": "4"}


def test_duplicate_and_blank_headers_in_xlsx(tmp_path: Path) -> None:
    book, sheet = new_book()
    sheet.append(["Цена", None, "ЦЕНА"])
    sheet.append([1, None, 2])
    error = error_of(save(book, tmp_path))
    assert "columns A and C" in error.reason


def test_an_empty_sheet_is_an_error(tmp_path: Path) -> None:
    book, _ = new_book()
    assert "the sheet 'Лист1' is empty" in error_of(save(book, tmp_path)).reason


def test_control_character_escapes_in_xlsx_text_are_cleaned(tmp_path: Path) -> None:
    book, sheet = new_book()
    sheet.append(["text"])
    sheet.append(["PLACEHOLDER"])
    path = save(book, tmp_path)
    patch_member(path, SHEET1, lambda xml: xml.replace("PLACEHOLDER", "a_x000D_\nb_x0007_c"))
    found = read_table(path)
    assert found.rows[0].values == {"text": "a\nbc"}
    assert any("control characters" in note for note in found.notes)


def test_a_wide_sheet_hits_the_cell_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    set_limit(monkeypatch, "MAX_CELLS", 1000)
    book, sheet = new_book()
    sheet.append(["a"])
    sheet["XFD2"] = "far away"  # the row is 16 384 cells wide
    assert "more than 1,000 cells" in error_of(save(book, tmp_path)).reason
