"""CSV and TSV tables as the user sees them: encodings, delimiters, quoting, header checks,
empty and ragged rows, control characters, and the caps on rows, cells and file size.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from table_files import error_of, set_limit, values, write_csv

from brandstudio.tables import read_table


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
    set_limit(monkeypatch, "MAX_ROWS", 3)
    path = write_csv(tmp_path, "a\n1\n2\n3\n")
    assert len(read_table(path).rows) == 3
    path = write_csv(tmp_path, "a\n1\n2\n3\n\n4\n")
    error = error_of(path)
    assert error.row == 6 and "more than 3 rows" in error.reason


def test_cell_length_cap_is_a_row_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    set_limit(monkeypatch, "MAX_CELL_CHARS", 10)
    found = read_table(write_csv(tmp_path, "a,b\nshort,1\n" + "x" * 11 + ",2\n"))
    assert found.rows[0].error is None
    assert found.rows[1].error is not None
    assert found.rows[1].error.startswith("column 'a': the cell is 11 characters long")
    assert found.rows[1].values["b"] == "2"


def test_cell_count_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    set_limit(monkeypatch, "MAX_CELLS", 20)
    error = error_of(write_csv(tmp_path, "a,b\n" + ",\n" * 5 + "1,2\n" + "," * 30 + "\n"))
    assert "more than 20 cells" in error.reason


def test_file_size_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    set_limit(monkeypatch, "MAX_FILE_BYTES", 100)
    error = error_of(write_csv(tmp_path, "a,b\n" + "1,2\n" * 40))
    assert "larger than" in error.reason and "split" in error.reason
