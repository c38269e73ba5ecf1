"""read_table as the jobs call it: the error type, the row and table types, files that are not
tables (named for what they are, with how to convert them), and the locale choice.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest
from table_files import error_of, new_book, save, write_csv

from brandstudio.tables import Row, TableError, read_table, system_locale
from brandstudio.tables.numformat import format_cell

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


def test_row_defaults_to_no_error() -> None:
    row = Row(number=2, values={"a": "1"})
    assert row.error is None


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


# -- locales --------------------------------------------------------------------------------


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
