"""Reading data tables for data merge: CSV and .xlsx as the user sees them, hostile files refused.

Every workbook here is a real file written with openpyxl (and, where openpyxl cannot write what
Excel writes, such as a formula's saved value, with its XML patched in the zip).
"""

from __future__ import annotations

import datetime as dt
import os
import pickle
import random
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from openpyxl.chart import BarChart, Reference
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from brandstudio.tables import reader as table
from brandstudio.tables.reader import Row, Table, TableError, format_cell, read_table, system_locale

# -- helpers ---------------------------------------------------------------------------------


def write_csv(folder: Path, text: str, encoding: str = "utf-8", name: str = "data.csv") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def new_book(title: str = "Лист1") -> tuple[Workbook, Worksheet]:
    book = openpyxl.Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    sheet.title = title
    return book, sheet


def save(book: Workbook, folder: Path, name: str = "data.xlsx") -> Path:
    path = folder / name
    book.save(path)
    return path


def patch_member(path: Path, member: str, edit: Callable[[str], str]) -> None:
    """Rewrite one member of a zip (as Excel would have written it), keeping the others."""
    with zipfile.ZipFile(path) as source:
        items = [(info, source.read(info.filename)) for info in source.infolist()]
    assert member in [info.filename for info, _ in items]
    with zipfile.ZipFile(path, "w") as target:
        for info, data in items:
            if info.filename == member:
                changed = edit(data.decode("utf-8"))
                assert changed != data.decode("utf-8"), "the patch changed nothing"
                data = changed.encode("utf-8")
            target.writestr(info, data)


def values(found: Table) -> list[dict[str, str]]:
    return [dict(row.values) for row in found.rows]


def error_of(path: Path, **kwargs: object) -> TableError:
    with pytest.raises(TableError) as caught:
        read_table(path, **kwargs)  # type: ignore[arg-type]
    assert str(caught.value).startswith(str(path) + ": ")
    return caught.value


SHEET1 = "xl/worksheets/sheet1.xml"


# -- the error type --------------------------------------------------------------------------


def test_table_error_message_leaves_out_missing_parts_and_survives_pickling() -> None:
    full = TableError("data.csv", 7, "price", "is not a number")
    assert str(full) == "data.csv: row 7, column 'price': is not a number"
    assert str(TableError("data.csv", 7, None, "bad")) == "data.csv: row 7: bad"
    assert str(TableError("data.csv", None, "цена", "bad")) == "data.csv: column 'цена': bad"
    assert str(TableError("data.csv", None, None, "is empty")) == "data.csv: is empty"
    copy = pickle.loads(pickle.dumps(full))
    assert isinstance(copy, TableError)
    assert (copy.path, copy.row, copy.column, copy.reason) == (
        "data.csv",
        7,
        "price",
        "is not a number",
    )
    assert str(copy) == str(full)


def test_rows_and_tables_pickle_for_worker_processes(tmp_path: Path) -> None:
    found = read_table(write_csv(tmp_path, "a,b\n1,2\n3,4,5\n"))
    copy = pickle.loads(pickle.dumps(found))
    assert copy == found
    assert copy.rows[1].error == found.rows[1].error is not None


# -- CSV -------------------------------------------------------------------------------------


def test_csv_from_russian_excel_bom_semicolons_crlf_and_quoted_cells(tmp_path: Path) -> None:
    text = (
        "Название;Цена;Описание\r\n"
        'Кофе;"1 234,50";"Крепкий; ароматный"\r\n'
        'Чай;99;"Строка 1\r\nСтрока 2 с ""кавычками"""\r\n'
        "Сок;120;\r\n"
    )
    found = read_table(write_csv(tmp_path, text, "utf-8-sig"))
    assert found.columns == ("Название", "Цена", "Описание")
    assert found.sheet is None
    assert values(found) == [
        {"Название": "Кофе", "Цена": "1 234,50", "Описание": "Крепкий; ароматный"},
        {"Название": "Чай", "Цена": "99", "Описание": 'Строка 1\nСтрока 2 с "кавычками"'},
        {"Название": "Сок", "Цена": "120", "Описание": ""},
    ]
    # The quoted two-line cell is one record, as Excel shows it: row 3, then row 4.
    assert [row.number for row in found.rows] == [2, 3, 4]
    assert all(row.error is None for row in found.rows)
    assert "columns separated by ';'" in found.notes


def test_csv_in_windows_1251_is_read_and_the_user_told(tmp_path: Path) -> None:
    path = write_csv(tmp_path, "Имя;Город\nАнна;Москва\nЁжик;Тверь\n", "cp1251")
    found = read_table(path)
    assert values(found) == [
        {"Имя": "Анна", "Город": "Москва"},
        {"Имя": "Ёжик", "Город": "Тверь"},
    ]
    assert any("Windows-1251" in note for note in found.notes)


def test_utf8_without_bom_is_not_mistaken_for_windows_1251(tmp_path: Path) -> None:
    found = read_table(write_csv(tmp_path, "Имя,Город\nАнна,Москва\n"))
    assert values(found) == [{"Имя": "Анна", "Город": "Москва"}]
    assert not any("1251" in note for note in found.notes)


def test_utf16_text_with_bom_is_read(tmp_path: Path) -> None:
    found = read_table(write_csv(tmp_path, "Имя\tЦена\nКофе\t10\n", "utf-16", name="d.tsv"))
    assert values(found) == [{"Имя": "Кофе", "Цена": "10"}]
    assert "read as UTF-16 text" in found.notes
    assert "columns separated by tabs" in found.notes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # decimal commas in the data must not make the comma win
        ("Товар;Цена\nКофе;1,5\nЧай;2,75\n", [{"Товар": "Кофе", "Цена": "1,5"}]),
        # semicolons inside comma-separated text must not make the semicolon win
        ("name,note\nA,x;y\nB,z\n", [{"name": "A", "note": "x;y"}]),
        ("name\tnote\nA\tx, y; z\nB\tw\n", [{"name": "A", "note": "x, y; z"}]),
    ],
)
def test_the_delimiter_is_sniffed(
    tmp_path: Path, text: str, expected: list[dict[str, str]]
) -> None:
    assert values(read_table(write_csv(tmp_path, text)))[:1] == expected


def test_a_single_column_csv_keeps_commas_in_its_cells(tmp_path: Path) -> None:
    found = read_table(write_csv(tmp_path, 'Имя\n"Иванов, Иван"\nПетров\n'))
    assert found.columns == ("Имя",)
    assert values(found) == [{"Имя": "Иванов, Иван"}, {"Имя": "Петров"}]


def test_excel_sep_line_sets_the_delimiter_and_is_not_a_row(tmp_path: Path) -> None:
    found = read_table(write_csv(tmp_path, "sep=;\r\na;b,c\r\n1;2,5\r\n"))
    assert found.columns == ("a", "b,c")
    assert found.rows[0].number == 2
    assert found.rows[0].values == {"a": "1", "b,c": "2,5"}


def test_an_unterminated_quote_is_an_error_naming_the_row_not_lost_rows(tmp_path: Path) -> None:
    path = write_csv(tmp_path, 'a,b\n1,2\n3,"oops\n5,6\n7,8\n')
    error = error_of(path)
    assert error.row == 3
    assert "never closed" in error.reason and "line 3" in error.reason


def test_text_after_a_closing_quote_is_an_error(tmp_path: Path) -> None:
    error = error_of(write_csv(tmp_path, 'a,b\n1,"x"y\n'))
    assert error.row == 2
    assert '""' in error.reason


def test_ragged_rows_long_ones_are_row_errors_short_ones_are_padded(tmp_path: Path) -> None:
    text = "a,b,c,d\n1,2,3,4\n5,6,7,8,9\n10,11\n12,13,14,15,,\n"
    found = read_table(write_csv(tmp_path, text))
    assert [row.number for row in found.rows] == [2, 3, 4, 5]
    good, long, short, trailing = found.rows
    assert good.error is None and good.values["d"] == "4"
    assert long.error is not None and long.error.startswith("has 5 cells, the header has 4")
    assert "'9'" in long.error
    assert short.error is None and short.values == {"a": "10", "b": "11", "c": "", "d": ""}
    assert trailing.error is None  # empty extra cells (Excel's trailing separators) are fine


def test_empty_rows_skipped_and_noted_trailing_ones_ignored(tmp_path: Path) -> None:
    text = "a;b\n\n1;2\n;\n \n3;4\n\n;;\n\n"
    found = read_table(write_csv(tmp_path, text))
    assert [(row.number, row.values["a"]) for row in found.rows] == [(3, "1"), (6, "3")]
    assert "skipped 3 empty rows (2, 4-5)" in found.notes


def test_the_header_is_the_first_non_empty_row(tmp_path: Path) -> None:
    found = read_table(write_csv(tmp_path, "\n\n  Имя  ;\ufeffЦена\n1;2\n"))
    assert found.columns == ("Имя", "Цена")
    assert found.rows[0].number == 4


def test_duplicate_header_names_ignoring_case_are_an_error_naming_both(tmp_path: Path) -> None:
    error = error_of(write_csv(tmp_path, "Цена,Имя, цена \n1,2,3\n"))
    assert error.row == 1
    assert "columns 1 (A) and 3 (C)" in error.reason
    assert "'Цена'" in error.reason and "'цена'" in error.reason


def test_a_nameless_column_with_values_is_an_error(tmp_path: Path) -> None:
    error = error_of(write_csv(tmp_path, "a,,c\n1,,3\n4,5,6\n"))
    assert error.row == 1
    assert "column 2 (B)" in error.reason and "row 3" in error.reason


def test_a_nameless_empty_column_is_dropped(tmp_path: Path) -> None:
    found = read_table(write_csv(tmp_path, "a,,c\n1,,3\n"))
    assert found.columns == ("a", "c")
    assert values(found) == [{"a": "1", "c": "3"}]


def test_control_characters_are_removed_and_line_breaks_normalised(tmp_path: Path) -> None:
    found = read_table(write_csv(tmp_path, 'a,b\n"x\x07y\x1b","one\rtwo\r\nthree"\n'))
    assert found.rows[0].values == {"a": "xy", "b": "one\ntwo\nthree"}
    assert any("control characters" in note and "1 cell" in note for note in found.notes)


def test_a_nul_byte_refuses_the_file(tmp_path: Path) -> None:
    error = error_of(write_csv(tmp_path, "a,b\n1,\x002\n"))
    assert "NUL" in error.reason


def test_bytes_neither_utf8_nor_1251_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_bytes(b"a,b\n\x98,1\n")  # 0x98 has no character in Windows-1251
    assert "neither UTF-8 nor Windows-1251" in error_of(path).reason


def test_a_header_only_csv_gives_no_rows_and_says_so(tmp_path: Path) -> None:
    found = read_table(write_csv(tmp_path, "a,b\n"))
    assert found.columns == ("a", "b") and found.rows == ()
    assert any("no rows" in note for note in found.notes)


def test_a_csv_of_empty_lines_is_an_error(tmp_path: Path) -> None:
    assert "empty" in error_of(write_csv(tmp_path, "\n;;\n  \n")).reason


def test_a_sheet_name_for_a_csv_is_an_error(tmp_path: Path) -> None:
    assert "no sheets" in error_of(write_csv(tmp_path, "a\n1\n"), sheet="Лист1").reason


def test_row_count_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(table, "MAX_ROWS", 3)
    path = write_csv(tmp_path, "a\n1\n2\n3\n")
    assert len(read_table(path).rows) == 3
    path = write_csv(tmp_path, "a\n1\n2\n3\n\n4\n")
    error = error_of(path)
    assert error.row == 6 and "more than 3 rows" in error.reason


def test_cell_length_cap_is_a_row_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(table, "MAX_CELL_CHARS", 10)
    found = read_table(write_csv(tmp_path, "a,b\nshort,1\n" + "x" * 11 + ",2\n"))
    assert found.rows[0].error is None
    assert found.rows[1].error is not None
    assert found.rows[1].error.startswith("column 'a': the cell is 11 characters long")
    assert found.rows[1].values["b"] == "2"


def test_cell_count_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(table, "MAX_CELLS", 20)
    error = error_of(write_csv(tmp_path, "a,b\n" + ",\n" * 5 + "1,2\n" + "," * 30 + "\n"))
    assert "more than 20 cells" in error.reason


def test_file_size_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(table, "MAX_FILE_BYTES", 100)
    error = error_of(write_csv(tmp_path, "a,b\n" + "1,2\n" * 40))
    assert "larger than" in error.reason and "split" in error.reason


# -- files that are not tables ----------------------------------------------------------------


@pytest.mark.parametrize("name", ["data.csv", "data.xlsx"])
def test_a_fifo_is_refused_without_waiting(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    os.mkfifo(path)
    assert "named pipe" in error_of(path).reason


@pytest.mark.parametrize("name", ["data.csv", "data.xlsx", "folder"])
def test_a_folder_is_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.mkdir()
    assert error_of(path).reason == "is a folder, not a file"


@pytest.mark.parametrize("name", ["data.csv", "data.xlsx"])
def test_zero_bytes_and_missing_files_are_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    assert error_of(path).reason == "no such file"
    path.write_bytes(b"")
    assert error_of(path).reason == "is empty (0 bytes)"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file_is_refused(tmp_path: Path) -> None:
    path = write_csv(tmp_path, "a\n1\n")
    path.chmod(0)
    assert "permission denied" in error_of(path).reason


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(50)


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("photo.csv", PNG, "is a PNG image, not a CSV table"),
        ("photo.xlsx", PNG, "is a PNG image, not an Excel workbook"),
        ("old.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "password-protected"),
        ("old.csv", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "old-style Excel (.xls)"),
        ("text.xlsx", "Имя,Цена\nКофе,1\n".encode(), "rename it to .csv"),
        ("noise.xlsx", bytes(range(256)) * 4, "not a zip file"),
    ],
)
def test_files_that_are_something_else_say_what_they_are(
    tmp_path: Path, name: str, data: bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert expected in error_of(path).reason


def test_a_workbook_renamed_to_csv_is_recognised(tmp_path: Path) -> None:
    book, sheet = new_book()
    sheet.append(["a"])
    xlsx = save(book, tmp_path)
    path = tmp_path / "data.csv"
    path.write_bytes(xlsx.read_bytes())
    assert "rename it to .xlsx" in error_of(path).reason


@pytest.mark.parametrize(
    ("suffix", "expected"),
    [
        (".xls", "save it as .xlsx"),
        (".XLS", "save it as .xlsx"),
        (".ods", "LibreOffice Calc"),
        (".numbers", "Export To"),
        (".xlsb", "binary workbook"),
        (".json", ".csv, .tsv, .xlsx and .xlsm"),
        ("", "without an extension"),
    ],
)
def test_unsupported_formats_say_how_to_convert(tmp_path: Path, suffix: str, expected: str) -> None:
    path = tmp_path / f"table{suffix}"
    path.write_bytes(b"anything")
    assert expected in error_of(path).reason


# -- Excel: values as displayed ---------------------------------------------------------------


def workbook_of_formats(tmp_path: Path) -> Path:
    book, sheet = new_book()
    sheet.append(["Товар", "Цена", "Сумма", "Доля", "Дата", "Когда", "Время", "Есть", "Код"])
    sheet.append([
        "Кофе", 1990, 1234567.891, 0.256, dt.date(2026, 6, 1), dt.datetime(2026, 6, 1, 14, 5),
        dt.time(9, 30), True, "00123",
    ])  # fmt: skip
    sheet.append([
        "Чай «Зелёный»", 2.5, -1234.5, 1, dt.date(2026, 12, 31), dt.datetime(2026, 1, 2, 0, 0),
        dt.time(18, 0), False, 42,
    ])  # fmt: skip
    for row in (2, 3):
        sheet[f"B{row}"].number_format = "0.00"
        sheet[f"C{row}"].number_format = "#,##0.00"
        sheet[f"D{row}"].number_format = "0%"
        sheet[f"E{row}"].number_format = "DD.MM.YYYY"
        sheet[f"F{row}"].number_format = "yyyy-mm-dd hh:mm"
        sheet[f"G{row}"].number_format = "h:mm AM/PM"
    sheet["I3"].number_format = "00000"
    return save(book, tmp_path)


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
    monkeypatch.setattr(table, "MAX_CELLS", 1000)
    book, sheet = new_book()
    sheet.append(["a"])
    sheet["XFD2"] = "far away"  # the row is 16 384 cells wide
    assert "more than 1,000 cells" in error_of(save(book, tmp_path)).reason


# -- Excel: hostile files ------------------------------------------------------------------------


def small_workbook(folder: Path, name: str = "data.xlsx") -> Path:
    book, sheet = new_book()
    sheet.append(["a", "b"])
    sheet.append([1, 2])
    return save(book, folder, name)


def test_declared_sizes_of_a_zip_bomb_are_refused_before_unpacking(tmp_path: Path) -> None:
    path = small_workbook(tmp_path)
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at >= 0:  # every central-directory entry claims 1.5 GB unpacked
        struct.pack_into("<L", data, at + 24, 1_500_000_000)
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))
    error = error_of(path)
    assert "zip bomb" in error.reason or "unpacks to" in error.reason


def test_a_highly_compressed_member_is_refused(tmp_path: Path) -> None:
    path = small_workbook(tmp_path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.xml", b" " * (4 * 1024 * 1024))
    error = error_of(path)
    assert "expands" in error.reason and "zip bomb" in error.reason


def test_the_total_unpacked_size_is_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(table, "MAX_UNPACKED_BYTES", 1000)
    assert "unpacks to" in error_of(small_workbook(tmp_path)).reason


def test_too_many_members_are_refused(tmp_path: Path) -> None:
    path = small_workbook(tmp_path)
    with zipfile.ZipFile(path, "a") as archive:
        for index in range(table.MAX_ZIP_ENTRIES):
            archive.writestr(f"xl/junk/{index}.bin", b"")
    assert "files inside" in error_of(path).reason


def test_an_xml_entity_bomb_is_refused_before_parsing(tmp_path: Path) -> None:
    path = small_workbook(tmp_path)
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    )
    patch_member(path, SHEET1, lambda xml: bomb + xml.replace("<v>1</v>", "<v>&lol2;</v>"))
    error = error_of(path)
    assert "DOCTYPE" in error.reason and "sheet1.xml" in error.reason


def test_other_zip_documents_are_named(tmp_path: Path) -> None:
    plain = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert "is a zip archive, not an Excel workbook" in error_of(plain).reason
    ods = tmp_path / "calc.xlsx"
    with zipfile.ZipFile(ods, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    assert "OpenDocument" in error_of(ods).reason


def test_a_truncated_workbook_is_refused(tmp_path: Path) -> None:
    path = small_workbook(tmp_path)
    path.write_bytes(path.read_bytes()[:-200])
    assert "damaged" in error_of(path).reason


def test_damaged_workbooks_only_ever_raise_table_error(tmp_path: Path) -> None:
    """The boundary: whatever a broken file makes openpyxl or zipfile raise is a TableError."""
    original = workbook_of_formats(tmp_path).read_bytes()
    generator = random.Random(20260601)
    outcomes = {"read": 0, "refused": 0}
    for attempt in range(60):
        data = bytearray(original)
        for _ in range(generator.randint(1, 8)):
            data[generator.randrange(len(data))] = generator.randrange(256)
        path = tmp_path / f"fuzz{attempt}.xlsx"
        path.write_bytes(bytes(data))
        try:
            read_table(path)
        except TableError as error:
            assert str(error).startswith(str(path))
            outcomes["refused"] += 1
        else:
            outcomes["read"] += 1
    assert outcomes["refused"] > 0


# -- number formats -----------------------------------------------------------------------------

MOMENT = dt.datetime(2026, 3, 5, 14, 5, 9)
ACCOUNTING_RUB = '_-* #,##0.00\\ "₽"_-;\\-* #,##0.00\\ "₽"_-;_-* "-"??\\ "₽"_-;_-@_-'


@pytest.mark.parametrize(
    ("value", "number_format", "locale", "shown"),
    [
        (1990, "General", "en", "1990"),
        (1990.0, "General", "en", "1990"),
        (1234.5, "General", "ru", "1234,5"),
        (1e20, "General", "en", "1E+20"),
        (1234.5, "0.00", "en", "1234.50"),
        (2.675, "0.00", "en", "2.68"),
        (1234.5, "#,##0", "en", "1,235"),
        (-1234.5, "#,##0.00", "ru", "-1\u00a0234,50"),
        (0.256, "0.0%", "en", "25.6%"),
        (-5, '"$"#,##0.00_);("$"#,##0.00)', "en", "($5.00)"),
        (5, '"$"#,##0.00_);[Red]("$"#,##0.00)', "en", "$5.00"),
        (1234.5, "#,##0.00\\ [$₽-419]", "en", "1\u00a0234,50 ₽"),
        (1234.5, ACCOUNTING_RUB, "ru", "1\u00a0234,50 ₽"),
        (0, ACCOUNTING_RUB, "ru", "- ₽"),
        (1234567, '0.0,,"M"', "en", "1.2M"),
        (5551234567, "000-000-0000", "en", "555-123-4567"),
        (12345, "0.00E+00", "en", "1.23E+04"),
        (1.5, "# ?/?", "en", "1 1/2"),
        (0.75, "?/4", "en", "3/4"),
        (0, '"Да";"Нет";"—"', "en", "—"),
        (150, '[>100]"много";0', "en", "много"),
        (5, ";;;", "en", ""),
        ("123", '"Арт. "@', "en", "Арт. 123"),
        (1990, "@", "en", "1990"),
        (1234.5, "@", "ru", "1234,5"),
        ("текст", ACCOUNTING_RUB, "ru", "текст"),
        (True, "General", "uk", "ІСТИНА"),
        (MOMENT, "dd.mm.yyyy", "en", "05.03.2026"),
        (MOMENT, "m/d/yyyy", "en", "3/5/2026"),
        (MOMENT, "yyyy-mm-dd hh:mm", "en", "2026-03-05 14:05"),
        (MOMENT, "h:mm:ss AM/PM", "en", "2:05:09 PM"),
        (MOMENT, "d mmmm yyyy", "ru", "5 марта 2026"),
        (MOMENT, "mmmm yyyy", "ru", "март 2026"),
        (MOMENT, "dddd, d mmm", "ru", "четверг, 5 мар"),
        (MOMENT, "d mmmm yyyy", "uk", "5 березня 2026"),
        (MOMENT, "[$-419]d mmmm", "en", "5 марта"),
        (MOMENT, "[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy", "en", "Thursday, March 5, 2026"),
        (MOMENT, "[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy", "ru", "5 марта 2026 г."),
        (dt.datetime(2026, 3, 5, 23, 59, 59, 600000), "hh:mm:ss", "en", "00:00:00"),
        (dt.datetime(2026, 3, 5, 9, 0, 1, 250000), "mm:ss.00", "ru", "00:01,25"),
        (dt.timedelta(hours=27, minutes=5), "[h]:mm", "en", "27:05"),
        (dt.time(9, 30), "h:mm", "en", "9:30"),
        (46174, "dd.mm.yyyy", "en", "01.06.2026"),  # a serial number under a date format
    ],
)
def test_format_cell(value: object, number_format: str, locale: str, shown: str) -> None:
    assert format_cell(value, number_format, locale) == shown


def test_unknown_locale_is_a_programming_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown table locale"):
        format_cell(1, "General", "xx")
    with pytest.raises(ValueError, match="unknown table locale"):
        read_table(write_csv(tmp_path, "a\n1\n"), locale="de")


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({"LC_ALL": "ru_RU.UTF-8"}, "ru"),
        ({"LC_NUMERIC": "uk_UA.UTF-8", "LANG": "en_US.UTF-8"}, "uk"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LC_ALL": "", "LANG": "ru_RU"}, "ru"),
    ],
)
def test_system_locale_follows_the_environment(
    monkeypatch: pytest.MonkeyPatch, variables: dict[str, str], expected: str
) -> None:
    for name in ("LC_ALL", "LC_NUMERIC", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    assert system_locale() == expected


def test_row_defaults_to_no_error() -> None:
    row = Row(number=2, values={"a": "1"})
    assert row.error is None
