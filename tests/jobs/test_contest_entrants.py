"""Contest entrants: normalising, reading text lists and tables, every dropped line explained."""

from __future__ import annotations

from pathlib import Path

import pytest

from brandstudio.jobs.contest_entrants import (
    PREFIXES,
    ContestError,
    Requirement,
    canonical_list,
    collect_entrants,
    normalise,
)
from brandstudio.tables import TableError


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "raw",
    ["@Ivan", "ivan", "https://vk.com/ivan", "  IVAN ", "vk.com/@ivan", "https://m.vk.com/Ivan",
     "t.me/ivan", "https://www.instagram.com/ivan", "ok.ru/profile/ivan", "http://ok.ru/ivan"],
)  # fmt: skip
def test_one_person_written_many_ways_is_one_id(raw: str) -> None:
    assert normalise(raw) == "ivan"


def test_normalising_is_nfc_then_lower() -> None:
    assert normalise("Е\u0308ЛКА") == "ёлка"  # a combining diaeresis composed first
    assert normalise("@") == ""


def test_longest_prefix_wins_and_only_one_is_removed() -> None:
    assert PREFIXES.index("https://ok.ru/profile/") < PREFIXES.index("https://ok.ru/")
    assert normalise("https://ok.ru/profile/123") == "123"
    assert normalise("vk.com/vk.com/x") == "vk.com/x"


def test_ivan_three_ways_is_one_entrant(tmp_path: Path) -> None:
    listed = write(tmp_path / "list.txt", "@Ivan\nivan\nhttps://vk.com/ivan\n")
    entrants = collect_entrants([listed])
    assert entrants.ids == ("ivan",)
    assert [d.reason for d in entrants.dropped] == ["duplicate of " + f"{listed} line 1"] * 2
    assert [d.place for d in entrants.dropped] == ["line 2", "line 3"]


def test_every_dropped_line_has_its_reason(tmp_path: Path) -> None:
    listed = write(tmp_path / "list.txt", "\ufeffanna\r\n\r\n  \r\nboss\r\nbob\r\n")
    staff = write(tmp_path / "staff.txt", "@BOSS\n")
    table = write(
        tmp_path / "comments.csv", "author,subscribed\n@Olga,yes\nnina,no\nANNA,Yes\nkim,YES\n"
    )
    with pytest.raises(ContestError, match="--require needs a table"):
        collect_entrants([listed], require=[Requirement.parse("subscribed=yes")])
    first = collect_entrants([listed], exclude=staff)
    assert first.ids == ("anna", "bob")
    assert [(d.place, d.reason) for d in first.dropped] == [
        ("line 2", "empty"),
        ("line 3", "empty"),
        ("line 4", f"excluded ({staff} line 1)"),
    ]
    second = collect_entrants(
        [table], column="AUTHOR", require=[Requirement.parse("subscribed=yes")]
    )
    assert second.ids == ("anna", "kim", "olga")
    assert [(d.place, d.reason) for d in second.dropped] == [
        ("row 3", "condition failed: subscribed is 'no', not 'yes'")
    ]


def test_a_table_without_the_column_is_refused_naming_it(tmp_path: Path) -> None:
    table = write(tmp_path / "members.csv", "name\nanna\n")
    with pytest.raises(ContestError, match="no column 'login'"):
        collect_entrants([table], column="login")
    assert collect_entrants([table]).ids == ("anna",)  # the first column


def test_hostile_files_are_refused_naming_them(tmp_path: Path) -> None:
    bad = tmp_path / "list.txt"
    bad.write_bytes(b"anna\n\xff\xfe\x00bob\n")
    with pytest.raises(ContestError, match=r"list\.txt: line 2: not UTF-8"):
        collect_entrants([bad])
    with pytest.raises(ContestError, match="not a regular file"):
        collect_entrants([tmp_path])
    broken = write(tmp_path / "broken.csv", 'author\n"anna\n')
    with pytest.raises(TableError, match=r"broken\.csv"):
        collect_entrants([broken])


def test_canonical_list_is_sorted_by_code_point() -> None:
    assert canonical_list(["ёжик", "zed", "anna", "Ёж".lower()]) == "anna\nzed\nёж\nёжик\n".encode()


def test_an_xlsx_export_is_read_by_column_name(tmp_path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in (("date", "Author"), ("1.12", "https://t.me/Anna"), ("2.12", "@anna"), ("3", "")):
        sheet.append(row)
    path = tmp_path / "comments.xlsx"
    workbook.save(path)
    entrants = collect_entrants([path], column="author")
    assert entrants.ids == ("anna",)
    assert [(d.place, d.reason) for d in entrants.dropped] == [
        ("row 3", f"duplicate of {path} row 2"),
        ("row 4", "empty"),
    ]
