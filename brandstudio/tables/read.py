"""Reading a data table for data merge: CSV or Excel ``.xlsx``, each cell as the user sees it.

``read_table(path, sheet)`` returns a :class:`Table`: the column names from the header row and
one :class:`Row` per data row, every cell as the text Excel or LibreOffice shows.

**Two kinds of problems.** A problem with the file as a whole (not a file, too large, not CSV
or ``.xlsx``, damaged, an unterminated quote, a header with a duplicate name or a nameless
column holding values) raises :class:`TableError`, naming the file and, where it can, the row
and column. A problem with one row does not stop the others: the row is still returned with
``Row.error`` saying what is wrong ("has 5 cells, the header has 4", "column 'price': formula
has no saved value: ..."), so the merge reports that row and makes the rest. Rows with an error
carry best-effort ``values`` that must not be rendered. Per-row problems are: more cells than
the header names (CSV) or a value right of the last named column (.xlsx); a formula without a
saved value; a cell showing an error such as ``#DIV/0!``; a cell longer than
``MAX_CELL_CHARS``.

**Rows.** ``Row.number`` is the row number Excel or LibreOffice shows: the header is the first
non-empty row (usually 1). A CSV record counts as one row even when a quoted cell spans several
lines, as in Excel; an Excel ``sep=;`` first line is not a row. Empty rows (every cell blank)
are skipped; those between data rows are mentioned in ``Table.notes``, trailing ones are not.

**Cells.** CSV cells are kept as written. Excel cells are formatted with their number format
(``0.00``, ``#,##0``, ``0%``, currency, fractions, scientific, dates and times, built-in
formats such as 14), booleans as ``TRUE``/``FALSE``; ``locale`` chooses the separators, month
names and words that Excel's regional settings would (``en``, ``ru``, ``uk``), and a format's
own ``[$-419]`` tag wins. In every cell, carriage returns become line feeds and other control
characters (C0 except tab and line feed, DEL, C1; so NUL never passes) are removed, with a
note. Header names are trimmed; names are compared ignoring case.

**Hostile files.** Only regular files are opened (never waits on a FIFO); files, rows, columns,
cells and cell lengths are capped. An ``.xlsx`` is a zip: its directory and every member's
declared size, compression ratio and XML prolog (no ``<!DOCTYPE``, so no entity expansion)
are checked before openpyxl reads it. Any other failure is wrapped in a TableError.
"""

from __future__ import annotations

import locale as system_locale_module
import os
from pathlib import Path
from typing import Final

from brandstudio.tables.csv_reader import CSV_SUFFIXES, _read_csv
from brandstudio.tables.files import _CONVERT, MAX_WORKBOOK_BYTES, _open_file, _read_rest
from brandstudio.tables.locales import _LOCALE_DATA, LOCALES
from brandstudio.tables.rows import Table, TableError, _error_text
from brandstudio.tables.xlsx_reader import XLSX_SUFFIXES, _read_xlsx

SUPPORTED: Final = "Brandstudio reads tables from .csv, .tsv, .xlsx and .xlsm files"


def read_table(path: Path, sheet: str | None = None, *, locale: str = "en") -> Table:
    """Read a CSV (``.csv``, ``.tsv``) or Excel (``.xlsx``, ``.xlsm``) table.

    Args:
        path: the file; its extension chooses the reader.
        sheet: the .xlsx sheet to read, by name (an exact match, else one that differs only in
            case or surrounding spaces); None reads the first visible sheet. Must be None for
            CSV.
        locale: how Excel's regional settings would show numbers, dates and booleans: ``"en"``
            (1,234.50, TRUE, m/d/yyyy), ``"ru"`` or ``"uk"`` (1 234,50, ИСТИНА, dd.mm.yyyy).
            Ignored for CSV, whose cells are text already. ``system_locale()`` picks one from
            the environment.

    Raises:
        TableError: the file cannot be used as a table; ``str()`` says why, naming the file and
            where it can the row and column.
    """
    if locale not in LOCALES:
        raise ValueError(f"unknown table locale {locale!r}; known: {', '.join(LOCALES)}")
    source = str(path)
    suffix = path.suffix.casefold()
    try:
        is_folder = path.is_dir()
    except OSError:
        is_folder = False  # _open_file says why the path cannot be read
    if is_folder:
        raise TableError(source, None, None, "is a folder, not a file")
    if suffix in _CONVERT:
        raise TableError(source, None, None, f"is {_CONVERT[suffix]}")
    if suffix not in CSV_SUFFIXES + XLSX_SUFFIXES:
        kind = f"a {path.suffix} file" if path.suffix else "a file without an extension"
        raise TableError(
            source,
            None,
            None,
            f"is {kind}, not a table Brandstudio reads: {SUPPORTED} (save the table as .xlsx "
            "or CSV UTF-8)",
        )
    if suffix in CSV_SUFFIXES and sheet is not None:
        raise TableError(
            source, None, None, f"is a CSV file, which has no sheets (asked for {sheet!r})"
        )
    with _open_file(path, source) as stream:
        try:
            if suffix in CSV_SUFFIXES:
                return _read_csv(path, source, stream)
            data = _read_rest(stream, source, MAX_WORKBOOK_BYTES)
            return _read_xlsx(path, source, data, sheet, _LOCALE_DATA[locale])
        except TableError:
            raise
        except MemoryError:
            raise TableError(source, None, None, "too large to read in memory") from None
        except RecursionError:
            raise TableError(source, None, None, "nested too deeply: a damaged file?") from None
        except Exception as error:  # the boundary: whatever a broken file raises is a message
            reason = f"cannot be read: {_error_text(error)}"
            raise TableError(source, None, None, reason) from None


def system_locale() -> str:
    """The ``locale`` for read_table that matches the user's environment: "ru", "uk" or "en".

    Looks at ``LC_ALL``, ``LC_NUMERIC`` and ``LANG`` (the first set wins), then at Python's
    locale (Windows: "Russian_Russia").
    """
    name = ""
    for variable in ("LC_ALL", "LC_NUMERIC", "LANG"):
        name = os.environ.get(variable, "")
        if name:
            break
    if not name:
        try:
            name = system_locale_module.getlocale()[0] or ""
        except ValueError:
            name = ""
    name = name.casefold()
    if name.startswith(("ru", "russian")):
        return "ru"
    if name.startswith(("uk", "ukrainian")):
        return "uk"
    return "en"
