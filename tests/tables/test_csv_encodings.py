"""A CSV file is read in one encoding: a file whose lines disagree (some UTF-8, some not) is
refused naming the lines, never read as Windows-1251 mojibake (``РџСЂРёРІРµС‚``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Completed
from table_files import error_of, values

from brandstudio.tables import read_table

ADVICE = "save the file in one encoding (UTF-8)"


def mixed(path: Path, lines: list[tuple[str, str]], bom: bytes = b"") -> Path:
    """A file of ``(text, encoding)`` lines, each encoded on its own."""
    path.write_bytes(bom + b"".join(f"{text}\n".encode(encoding) for text, encoding in lines))
    return path


def test_utf8_and_windows_1251_lines_are_refused_naming_them(tmp_path: Path) -> None:
    path = mixed(
        tmp_path / "mixed.csv",
        [
            ("row,title", "ascii"),
            ("2,Привет", "utf-8"),
            ("3,Мир", "cp1251"),
            ("4,Дом", "cp1251"),
            ("5,Кот", "utf-8"),
            ("6,plain", "ascii"),
        ],
    )
    error = error_of(path)
    assert error.row is None
    assert error.reason == f"lines 2, 5 are UTF-8 but lines 3-4 are not: {ADVICE}"


def test_one_line_each(tmp_path: Path) -> None:
    path = mixed(tmp_path / "m.csv", [("a;b", "ascii"), ("1;Ёж", "cp1251"), ("2;Ёж", "utf-8")])
    assert error_of(path).reason == f"line 3 is UTF-8 but line 2 is not: {ADVICE}"


def test_many_lines_are_summarised(tmp_path: Path) -> None:
    lines = [("n,word", "ascii")] + [
        (f"{n},Слово", "utf-8" if n % 2 else "cp1251") for n in range(2, 60)
    ]
    reason = error_of(mixed(tmp_path / "m.csv", lines)).reason
    assert reason.startswith("lines 3, 5, 7, 9, 11, 13, 15, 17, … (29 lines) are UTF-8 but ")
    assert "lines 2, 4, 6, 8, 10, 12, 14, 16, … (29 lines) are not" in reason


def test_a_utf8_bom_file_with_other_lines_names_them(tmp_path: Path) -> None:
    path = mixed(
        tmp_path / "bom.csv",
        [("a,b", "ascii"), ("1,Да", "utf-8"), ("2,Нет", "cp1251")],
        bom=b"\xef\xbb\xbf",
    )
    assert error_of(path).reason == f"lines 1-2 are UTF-8 but line 3 is not: {ADVICE}"


def test_a_utf8_bom_file_cut_in_a_character_names_the_offset(tmp_path: Path) -> None:
    path = tmp_path / "cut.csv"
    path.write_bytes("\ufeffa,Б".encode()[:-1])
    reason = error_of(path).reason
    assert reason == "starts like UTF-8 text but has a byte that is not UTF-8 at offset 2"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251", "utf-16"])
def test_a_file_in_one_encoding_reads_as_before(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "one.csv"
    path.write_bytes("Имя,Город\nАнна,Москва\nЁжик,«Тверь»\n".encode(encoding))
    assert values(read_table(path)) == [
        {"Имя": "Анна", "Город": "Москва"},
        {"Имя": "Ёжик", "Город": "«Тверь»"},
    ]


def test_render_data_exits_2_naming_the_lines(
    tmp_path: Path, cli: Callable[..., Completed]
) -> None:
    sheet = mixed(
        tmp_path / "rows.csv",
        [("headline", "ascii"), ("Привет", "utf-8"), ("Мир", "cp1251")],
    )
    out = tmp_path / "out"
    result = cli("render", "contest", "--data", sheet, "--preset", "vk-post", "--out", out)
    assert result.status == 2, result.stderr
    assert f"{sheet}: line 2 is UTF-8 but line 3 is not: {ADVICE}" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists() or not any(out.iterdir())
