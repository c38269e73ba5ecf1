"""Helpers for the tables tests: CSV and .xlsx files written into a test's folder, and limits
lowered for one test.

Every workbook is a real file written with openpyxl (and, where openpyxl cannot write what
Excel writes, such as a formula's saved value, with its XML patched in the zip).
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import openpyxl
import pytest
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from brandstudio import tables
from brandstudio.tables import Table, TableError, read_table


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


def small_workbook(folder: Path, name: str = "data.xlsx") -> Path:
    book, sheet = new_book()
    sheet.append(["a", "b"])
    sheet.append([1, 2])
    return save(book, folder, name)


def set_limit(monkeypatch: pytest.MonkeyPatch, name: str, value: int) -> None:
    """Lower a reader's limit (``MAX_ROWS``, ``MAX_FILE_BYTES``...) for one test.

    A module of ``brandstudio.tables`` that checks a limit holds its own name for it (``from
    ... import``), so the limit is set in every module that has it, as one value.
    """
    holders = [module for module in _table_modules() if hasattr(module, name)]
    assert holders, f"no module of brandstudio.tables has {name}"
    for module in holders:
        monkeypatch.setattr(module, name, value)


def _table_modules() -> list[ModuleType]:
    return [
        importlib.import_module(f"brandstudio.tables.{info.name}")
        for info in pkgutil.iter_modules(tables.__path__)
    ]
