"""Hostile .xlsx files refused before openpyxl unpacks them: zip bombs by declared size or
ratio, too many members, XML entity bombs, other zip documents, damaged and fuzzed files.
"""

from __future__ import annotations

import random
import struct
import zipfile
from pathlib import Path

import pytest
from table_files import (
    SHEET1,
    error_of,
    patch_member,
    set_limit,
    small_workbook,
    workbook_of_formats,
)

from brandstudio.tables import TableError, read_table
from brandstudio.tables.xlsx_zip import MAX_ZIP_ENTRIES


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
    set_limit(monkeypatch, "MAX_UNPACKED_BYTES", 1000)
    assert "unpacks to" in error_of(small_workbook(tmp_path)).reason


def test_too_many_members_are_refused(tmp_path: Path) -> None:
    path = small_workbook(tmp_path)
    with zipfile.ZipFile(path, "a") as archive:
        for index in range(MAX_ZIP_ENTRIES):
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
