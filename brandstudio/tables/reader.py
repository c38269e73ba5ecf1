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

import codecs
import csv
import datetime as dt
import io
import locale as system_locale_module
import math
import os
import re
import stat
import struct
import warnings
import zipfile
import zlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Context, Decimal
from fractions import Fraction
from functools import lru_cache
from pathlib import Path
from typing import Final
from xml.parsers import expat

_MIB: Final = 1024 * 1024
MAX_FILE_BYTES: Final = 50 * _MIB
"""The largest CSV or .xlsx file read at all."""
MAX_ROWS: Final = 100_000
"""The most data rows (empty rows not counted) a table may have."""
MAX_COLUMNS: Final = 1_000
"""The widest header, counting up to the last named column."""
MAX_CELLS: Final = 2_000_000
"""The most cells read from a file (the sum of every row's width): bounds the work."""
MAX_CELL_CHARS: Final = 10_000
"""The longest cell text a row may have; a longer cell is a problem of that row."""
MAX_ZIP_ENTRIES: Final = 1_000
MAX_ZIP_DIRECTORY_BYTES: Final = 4 * _MIB
MAX_UNPACKED_BYTES: Final = 300 * _MIB
"""Cap on the sum of an .xlsx file's members' unpacked sizes."""
MAX_RATIO: Final = 200
RATIO_FLOOR: Final = _MIB
"""Members smaller than this unpacked may compress as well as they like."""
EXCEL_LAST_ROW: Final = 1_048_576

CSV_SUFFIXES: Final = (".csv", ".tsv")
XLSX_SUFFIXES: Final = (".xlsx", ".xlsm")
SUPPORTED: Final = "Brandstudio reads tables from .csv, .tsv, .xlsx and .xlsm files"
LOCALES: Final = ("en", "ru", "uk")

_FORMULA_WITHOUT_VALUE: Final = (
    "formula has no saved value: open and save the file in Excel or LibreOffice"
)
_CONVERT: Final = {
    ".xls": "an old-style Excel workbook (.xls): open it in Excel or LibreOffice and save it "
    "as .xlsx (Excel Workbook) or as CSV UTF-8",
    ".xlsb": "an Excel binary workbook (.xlsb): open it in Excel and save it as .xlsx "
    "(Excel Workbook)",
    ".ods": "an OpenDocument spreadsheet (.ods): in LibreOffice Calc choose File > Save As "
    "and the type Excel 2007-365 (.xlsx), or CSV",
    ".fods": "an OpenDocument spreadsheet (.fods): in LibreOffice Calc choose File > Save As "
    "and the type Excel 2007-365 (.xlsx), or CSV",
    ".numbers": "an Apple Numbers document: in Numbers choose File > Export To > Excel (.xlsx) "
    "or CSV",
}
_MAGIC: Final = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF file (a WebP image?)"),
    (b"%PDF-", "a PDF document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old-style Office file"),
    (b"PK\x03\x04", "a zip archive"),
    (b"PK\x05\x06", "a zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
)
_OLE: Final = "an old-style Office file"
_ZIP: Final = "a zip archive"


class TableError(Exception):
    """A file that cannot be used as a table: ``path`` as given, ``row`` and ``column`` (a
    column name) when the problem has a place, ``reason`` saying what is wrong.

    ``str()`` is ``"data.csv: row 7, column 'price': <reason>"``, leaving out the parts that are
    None.
    """

    def __init__(self, path: str, row: int | None, column: str | None, reason: str) -> None:
        self.path = path
        self.row = row
        self.column = column
        self.reason = reason
        super().__init__(self.describe())

    def describe(self) -> str:
        """The message: the file, then the row and column when known, then the reason."""
        where = []
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column {_shown(self.column)}")
        place = ", ".join(where)
        return f"{self.path}: {place}: {self.reason}" if place else f"{self.path}: {self.reason}"

    def __reduce__(self) -> tuple[type[TableError], tuple[str, int | None, str | None, str]]:
        return (type(self), (self.path, self.row, self.column, self.reason))


@dataclass(frozen=True)
class Row:
    """One data row.

    ``number`` is the row number Excel or LibreOffice shows (the header is usually row 1).
    ``values`` maps every column name to the cell's text as displayed ("" for empty).
    ``error`` is None for a usable row; otherwise what is wrong with it, without the file and
    row number (the report adds those): ``"has 5 cells, the header has 4"`` or
    ``"column 'price': formula has no saved value: ..."``. A row with an error must be
    reported, not rendered: its ``values`` are a best effort.
    """

    number: int
    values: Mapping[str, str]
    error: str | None = None


@dataclass(frozen=True)
class Table:
    """A table read from a file: columns in file order, data rows, remarks for the user."""

    path: Path
    sheet: str | None
    """The sheet read (.xlsx), or None for CSV."""
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    notes: tuple[str, ...] = ()
    """Remarks worth showing: the encoding or sheet chosen, rows skipped, cells cleaned."""


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
        is_folder = False  # _read_file says why the path cannot be read
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
    data = _read_file(path, source)
    try:
        if suffix in CSV_SUFFIXES:
            return _read_csv(path, source, data)
        return _read_xlsx(path, source, data, sheet, _LOCALE_DATA[locale])
    except TableError:
        raise
    except MemoryError:
        raise TableError(source, None, None, "too large to read in memory") from None
    except RecursionError:
        raise TableError(source, None, None, "nested too deeply: a damaged file?") from None
    except Exception as error:  # the boundary: whatever a broken file raises becomes a message
        raise TableError(source, None, None, f"cannot be read: {_error_text(error)}") from None


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


# -- small helpers ---------------------------------------------------------------------------


def _shown(text: str, limit: int = 60) -> str:
    """A value quoted for a message: control characters escaped, long text shortened."""
    shown = repr(text)
    return shown if len(shown) <= limit else shown[: limit - 2] + "…" + shown[-1]


def _error_text(error: BaseException) -> str:
    text = str(error).strip() or "no details"
    if len(text) > 200:
        text = text[:199] + "…"
    return f"{type(error).__name__}: {text}"


def _megabytes(size: int) -> str:
    return f"{size / _MIB:.1f} MB" if size < 10 * _MIB else f"{size // _MIB} MB"


def _column_letter(index: int) -> str:
    """0 -> "A", 25 -> "Z", 26 -> "AA"."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def _ranges(numbers: Sequence[int]) -> str:
    """[4, 5, 6, 9] -> "4-6, 9" (at most five ranges, then "…")."""
    spans: list[tuple[int, int]] = []
    for number in numbers:
        if spans and spans[-1][1] == number - 1:
            spans[-1] = (spans[-1][0], number)
        else:
            spans.append((number, number))
    parts = [f"{a}-{b}" if a != b else str(a) for a, b in spans[:5]]
    return ", ".join(parts) + (", …" if len(spans) > 5 else "")


_CONTROL: Final = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_INVISIBLE: Final = "\u200b\u2060\ufeff"
"""Zero-width characters that are not whitespace but stick to names (a BOM, a copied ZWSP)."""


def _header_name(text: str) -> str:
    """A header cell as a column name: surrounding whitespace and zero-width marks removed."""
    while True:
        stripped = text.strip().strip(_INVISIBLE)
        if stripped == text:
            return text
        text = stripped


def _clean(text: str) -> tuple[str, bool]:
    """Cell text with CR/CRLF as LF and other control characters (tab and LF kept) removed;
    and whether anything was removed."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    cleaned = _CONTROL.sub("", text)
    return cleaned, len(cleaned) != len(text)


# -- reading the file ------------------------------------------------------------------------


def _read_file(path: Path, source: str) -> bytes:
    """The file's bytes, refused (TableError) unless it is a readable regular file of at most
    MAX_FILE_BYTES with something in it. A FIFO is never waited on."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise TableError(source, None, None, "no such file") from None
    except IsADirectoryError:
        raise TableError(source, None, None, "is a folder, not a file") from None
    except PermissionError:
        raise TableError(source, None, None, "cannot be read: permission denied") from None
    except OSError as error:
        reason = error.strerror or _error_text(error)
        raise TableError(source, None, None, f"cannot be read: {reason}") from None
    try:
        with os.fdopen(fd, "rb") as stream:
            info = os.fstat(stream.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise TableError(source, None, None, "is a folder, not a file")
            if stat.S_ISFIFO(info.st_mode):
                raise TableError(source, None, None, "is a named pipe (FIFO), not a file")
            if not stat.S_ISREG(info.st_mode):
                raise TableError(source, None, None, "is not a regular file (a device or socket?)")
            if info.st_size > MAX_FILE_BYTES:
                raise TableError(source, None, None, _too_large(info.st_size))
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        reason = error.strerror or _error_text(error)
        raise TableError(source, None, None, f"cannot be read: {reason}") from None
    if len(data) > MAX_FILE_BYTES:
        raise TableError(source, None, None, _too_large(len(data)))
    if not data:
        raise TableError(source, None, None, "is empty (0 bytes)")
    return data


def _too_large(size: int) -> str:
    return (
        f"is {_megabytes(size)}, larger than the {_megabytes(MAX_FILE_BYTES)} a table may be: "
        "split it into smaller files"
    )


def _magic(data: bytes) -> str | None:
    """What kind of non-text file ``data`` starts like, or None."""
    for signature, kind in _MAGIC:
        if data.startswith(signature):
            return kind
    return None


# -- the grid shared by CSV and Excel ---------------------------------------------------------


@dataclass
class _RawRow:
    """A non-empty row as read: its number, its cells' text, and per-cell problems (0-based)."""

    number: int
    cells: list[str]
    problems: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Merge:
    """A merged range, 1-based and inclusive."""

    min_col: int
    min_row: int
    max_col: int
    max_row: int

    def __str__(self) -> str:
        first = f"{_column_letter(self.min_col - 1)}{self.min_row}"
        return f"{first}:{_column_letter(self.max_col - 1)}{self.max_row}"

    def contains(self, row: int, col: int) -> bool:
        return self.min_row <= row <= self.max_row and self.min_col <= col <= self.max_col


@dataclass(frozen=True)
class _Layout:
    """How the format names columns and extra cells in messages."""

    is_csv: bool
    empty_message: str

    def column(self, index: int) -> str:
        letter = _column_letter(index)
        return f"{index + 1} ({letter})" if self.is_csv else letter

    def cell(self, index: int, row: int) -> str:
        return f"{_column_letter(index)}{row}"


def _build_table(
    path: Path,
    source: str,
    sheet: str | None,
    raw_rows: Sequence[_RawRow],
    notes: list[str],
    layout: _Layout,
    merges: Sequence[_Merge] = (),
) -> Table:
    """Header, names and rows from the non-empty rows of a file."""
    if not raw_rows:
        raise TableError(source, None, None, layout.empty_message)
    header = raw_rows[0]
    cleaned_cells = 0
    names: list[str] = []
    for index, text in enumerate(header.cells):
        name, changed = _clean(text)
        cleaned_cells += changed
        name = _header_name(name)
        if index in header.problems:
            raise TableError(
                source,
                header.number,
                None,
                f"the header cell {layout.cell(index, header.number)}: {header.problems[index]}",
            )
        if len(name) > MAX_CELL_CHARS:
            raise TableError(
                source,
                header.number,
                None,
                f"the header cell {layout.cell(index, header.number)} is {len(name):,} "
                f"characters long: a column name may have at most {MAX_CELL_CHARS:,}",
            )
        names.append(name)
    width = max((i + 1 for i, name in enumerate(names) if name), default=0)
    for merge in merges:  # a merged header cell spans its columns: they are in the header
        if merge.min_row <= header.number <= merge.max_row and merge.min_col <= width:
            width = max(width, min(merge.max_col, width + MAX_COLUMNS))
    names += [""] * (width - len(names))
    if width > MAX_COLUMNS:
        raise TableError(
            source,
            header.number,
            None,
            f"has {width:,} columns; a table may have at most {MAX_COLUMNS:,}",
        )
    data_rows = raw_rows[1:]
    if len(data_rows) > MAX_ROWS:
        raise TableError(
            source,
            data_rows[MAX_ROWS].number,
            None,
            f"the table has more than {MAX_ROWS:,} rows: split it into smaller files",
        )
    _check_title_row(source, header, names[:width], data_rows)
    _check_tall_header(source, header, data_rows, merges)
    _check_unnamed_columns(source, header, names[:width], data_rows, layout, merges)
    _check_duplicate_names(source, header.number, names[:width], layout)
    columns = [(index, name) for index, name in enumerate(names[:width]) if name]

    rows: list[Row] = []
    skipped: list[int] = []
    previous = header.number
    for raw in data_rows:
        values: dict[str, str] = {}
        problems: list[tuple[str | None, str]] = []
        for index, name in columns:
            text = raw.cells[index] if index < len(raw.cells) else ""
            text, changed = _clean(text)
            cleaned_cells += changed
            if len(text) > MAX_CELL_CHARS:
                problems.append(
                    (
                        name,
                        f"the cell is {len(text):,} characters long; a cell may have at most "
                        f"{MAX_CELL_CHARS:,}",
                    )
                )
                text = text[:MAX_CELL_CHARS]
            if index in raw.problems:
                problems.append((name, raw.problems[index]))
            values[name] = text
        extra = [(i, text) for i, text in enumerate(raw.cells) if i >= width and text.strip()]
        if extra:
            problems.append((None, _extra_message(raw, extra, width, header.number, layout)))
        if not problems and not any(value.strip() for value in values.values()):
            continue  # nothing in the named columns: an empty row for the merge
        if len(skipped) < 10_000:
            skipped.extend(range(previous + 1, raw.number)[: 10_000 - len(skipped)])
        previous = raw.number
        error = None
        if problems:
            column, reason = problems[0]
            if len(problems) > 1:
                more = len(problems) - 1
                reason += f" (and {more} more problem{'s' if more > 1 else ''} in this row)"
            error = f"column {_shown(column)}: {reason}" if column is not None else reason
        rows.append(Row(raw.number, values, error))
    if skipped:
        count = len(skipped)
        notes.append(
            f"skipped {count} empty row{'s' if count > 1 else ''} ({_ranges(skipped)})"
            if count < 10_000
            else f"skipped many empty rows ({_ranges(skipped)})"
        )
    if not rows:
        notes.append(f"the table has no rows under its header (row {header.number})")
    notes += _merge_notes(header, names[:width], raw_rows, merges)
    if cleaned_cells:
        notes.append(
            f"removed control characters (invisible codes such as NUL) from {cleaned_cells} "
            f"cell{'s' if cleaned_cells > 1 else ''}"
        )
    return Table(
        path=path,
        sheet=sheet,
        columns=tuple(name for _, name in columns),
        rows=tuple(rows),
        notes=tuple(notes),
    )


def _check_title_row(
    source: str, header: _RawRow, names: list[str], data_rows: Sequence[_RawRow]
) -> None:
    """A single-cell first row above wider rows is a title, not a header: say so.

    Wider means the next row and the one after it (if any) both hold more than one value, so a
    one-column table with a stray note in one row is not taken for a title.
    """
    named = [name for name in names if name]
    if len(named) != 1 or not data_rows:
        return

    def filled(raw: _RawRow) -> int:
        return sum(1 for text in raw.cells if text.strip())

    following = data_rows[0]
    if filled(following) > 1 and all(filled(raw) > 1 for raw in data_rows[1:2]):
        raise TableError(
            source,
            header.number,
            None,
            f"the header row has one name ({_shown(named[0])}) but row {following.number} has "
            f"{filled(following)} values: if row {header.number} is a title above the table, "
            "delete that row (the first non-empty row must hold the column names)",
        )


def _check_unnamed_columns(
    source: str,
    header: _RawRow,
    names: list[str],
    data_rows: Sequence[_RawRow],
    layout: _Layout,
    merges: Sequence[_Merge],
) -> None:
    """A column inside the header's width with no name but with values is an error (a blank
    column between named ones is ignored)."""
    nameless = {index for index, name in enumerate(names) if not name}
    found: dict[int, int] = {}  # column index -> first row with a value there
    for raw in data_rows:
        if len(found) == len(nameless):
            break
        for index, text in enumerate(raw.cells[: len(names)]):
            if index in nameless and index not in found and text.strip():
                found[index] = raw.number
        for index in raw.problems:
            if index in nameless:
                found.setdefault(index, raw.number)
    if found:
        index = min(found)
        first = found[index]
        cell = layout.cell(index, header.number)
        reason = (
            f"column {layout.column(index)} has values (the first in row {first}) but no name "
            f"in the header row"
        )
        merged = next((m for m in merges if m.contains(header.number, index + 1)), None)
        if merged is not None:
            reason += (
                f": {cell} is part of the merged cell {merged}; unmerge it and give each column "
                "its own name"
            )
        else:
            reason += f": type a name into {cell}, or delete the column"
        raise TableError(source, header.number, None, reason)


def _check_tall_header(
    source: str, header: _RawRow, data_rows: Sequence[_RawRow], merges: Sequence[_Merge]
) -> None:
    """A header cell merged down over rows that hold values: a two-row header, which would
    make its second row a data row."""
    for merge in merges:
        if merge.min_row <= header.number < merge.max_row:
            below = [r.number for r in data_rows if header.number < r.number <= merge.max_row]
            if below:
                raise TableError(
                    source,
                    header.number,
                    None,
                    f"the header cell {merge} is merged down into row {below[0]}, which has "
                    f"values: the column names must all be in one row; unmerge {merge} and "
                    f"put every name in row {header.number}",
                )


def _check_duplicate_names(source: str, row: int, names: list[str], layout: _Layout) -> None:
    first: dict[str, int] = {}
    for index, name in enumerate(names):
        if not name:
            continue
        key = name.casefold()
        if key in first:
            other = first[key]
            both = f"named {_shown(name)}"
            if names[other] != name:
                both = f"named {_shown(names[other])} and {_shown(name)} (names are compared "
                both += "ignoring case)"
            raise TableError(
                source,
                row,
                None,
                f"columns {layout.column(other)} and {layout.column(index)} are both {both}: "
                "rename one of them",
            )
        first[key] = index


def _extra_message(
    raw: _RawRow, extra: list[tuple[int, str]], width: int, header_row: int, layout: _Layout
) -> str:
    index, text = extra[0]
    if layout.is_csv:
        return (
            f"has {len(raw.cells)} cells, the header has {width}: the extra value "
            f"{_shown(text)} belongs to no column"
        )
    return (
        f"has a value in column {_column_letter(index)} ({_shown(text)}), right of the last "
        f"named column {_column_letter(width - 1) if width else 'A'}: name that column in row "
        f"{header_row}, or delete the value"
    )


def _merge_notes(
    header: _RawRow, names: list[str], raw_rows: Sequence[_RawRow], merges: Sequence[_Merge]
) -> list[str]:
    notes: list[str] = []
    by_number = {raw.number: raw for raw in raw_rows}
    repeated: list[str] = []
    for merge in merges:
        if merge.min_row <= header.number or merge.min_col > len(names):
            continue
        if not any(names[c - 1] for c in range(merge.min_col, min(merge.max_col, len(names)) + 1)):
            continue
        anchor = by_number.get(merge.min_row)
        index = merge.min_col - 1
        if anchor is not None and index < len(anchor.cells) and anchor.cells[index].strip():
            repeated.append(str(merge))
    if repeated:
        shown = ", ".join(repeated[:3]) + (
            f" and {len(repeated) - 3} more" if len(repeated) > 3 else ""
        )
        notes.append(
            f"merged cells {shown}: only the first cell of a merged range has its value, the "
            "other rows see it empty (unmerge and fill the cells to repeat a value)"
        )
    return notes


# -- CSV --------------------------------------------------------------------------------------


def _read_csv(path: Path, source: str, data: bytes) -> Table:
    kind = _magic(data)
    if kind == _ZIP:
        raise TableError(
            source,
            None,
            None,
            "is a zip archive, not CSV text: if it is an Excel workbook, rename it to .xlsx",
        )
    if kind == _OLE:
        raise TableError(
            source,
            None,
            None,
            "is an old-style Excel (.xls) file, not CSV text: open it in Excel or LibreOffice "
            "and save it as CSV UTF-8 or .xlsx",
        )
    if kind is not None:
        raise TableError(source, None, None, f"is {kind}, not a CSV table")
    notes: list[str] = []
    text = _decode(source, data, notes)
    sep_line = re.match(r"sep=([,;\t|])\r?\n", text, re.IGNORECASE)
    skipped_lines = 0
    if sep_line:  # Excel's "sep=;" line: it names the delimiter and is no row
        delimiter = sep_line.group(1)
        text = text[sep_line.end() :]
        skipped_lines = 1
    else:
        delimiter = _sniff_delimiter(text)
    if delimiter != ",":
        notes.append("columns separated by " + ("tabs" if delimiter == "\t" else repr(delimiter)))
    reader = csv.reader(
        io.StringIO(text, newline=""),
        delimiter=delimiter,
        quotechar='"',
        doublequote=True,
        skipinitialspace=False,
        strict=True,
    )
    raw_rows: list[_RawRow] = []
    number = 0
    line = 0  # the last line of the last record read
    cells = 0
    try:
        for record in reader:
            number += 1
            line = reader.line_num
            cells += len(record)
            if cells > MAX_CELLS:
                raise TableError(
                    source,
                    number,
                    None,
                    f"has more than {MAX_CELLS:,} cells: split the table into smaller files",
                )
            if not any(cell.strip() for cell in record):
                continue
            raw_rows.append(_RawRow(number, record))
            if len(raw_rows) > MAX_ROWS + 1:
                break  # _build_table names the first row over the cap
    except csv.Error as error:
        start, now = line + 1 + skipped_lines, reader.line_num + skipped_lines
        raise TableError(source, number + 1, None, _csv_reason(str(error), start, now)) from None
    layout = _Layout(is_csv=True, empty_message="has no table: every line is empty")
    return _build_table(path, source, None, raw_rows, notes, layout)


def _decode(source: str, data: bytes, notes: list[str]) -> str:
    """The text of a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1251."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise TableError(
                source, None, None, "starts like UTF-16 text but is damaged (odd bytes)"
            ) from None
        notes.append("read as UTF-16 text")
    elif data.startswith(codecs.BOM_UTF8):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise TableError(
                source,
                None,
                None,
                f"starts like UTF-8 text but has a byte that is not UTF-8 at offset {error.start}",
            ) from None
    else:
        nul = data.find(b"\x00")
        if nul >= 0:
            raise TableError(
                source,
                None,
                None,
                f"has a NUL byte at offset {nul}: it is not a text table, or it is damaged",
            )
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1251")
            except UnicodeDecodeError as error:
                raise TableError(
                    source,
                    None,
                    None,
                    f"is neither UTF-8 nor Windows-1251 text (byte 0x{data[error.start]:02X} "
                    f"at offset {error.start}): save it as CSV UTF-8",
                ) from None
            notes.append(
                "read as Windows-1251 (Cyrillic) text, because it is not UTF-8: this is how "
                'Excel saves "CSV (comma delimited)" («CSV (разделители — запятые)»); choose '
                '"CSV UTF-8" to be sure of every letter'
            )
    if "\x00" in text:
        raise TableError(source, None, None, "has a NUL character: it is not a text table")
    return text


def _sniff_delimiter(text: str) -> str:
    """The delimiter among comma, semicolon and tab that makes the first records most regular:
    the usual number of cells per record above one, then as many records as possible with it
    (a title line above the table does not decide)."""
    sample = text[: 256 * 1024]
    # With no record holding anything but delimiters, the most frequent one is the best guess.
    best = max((",", ";", "\t"), key=sample.count)
    best_score: tuple[bool, float, int] = (False, -1.0, 0)
    for delimiter in (",", ";", "\t"):
        reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter, strict=True)
        counts: list[int] = []
        try:
            for record in reader:
                if any(cell.strip(" \t,;") for cell in record):
                    counts.append(len(record))
                    if len(counts) >= 50:
                        break
        except csv.Error:
            pass  # the sample may end inside a quoted cell: judge by the records read
        if not counts:
            continue
        usual, times = Counter(counts).most_common(1)[0]
        score = (usual > 1, times / len(counts), usual)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _csv_reason(message: str, start_line: int, line: int) -> str:
    if message == "unexpected end of data":
        return (
            f'a quoted cell that starts on line {start_line} is never closed (a closing " is '
            "missing), so the rest of the file would be one cell"
        )
    if message.endswith("expected after '\"'"):
        return (
            f'text follows a closing quote on line {line}: inside a quoted cell a " must be '
            'written twice ("")'
        )
    if message.startswith("field larger than field limit"):
        return "a cell is longer than 131,072 characters"
    return f"not valid CSV on line {line}: {message}"


# -- Excel: checking the zip before openpyxl reads it -------------------------------------------

_END: Final = struct.Struct("<4s4H2LH")
_END64_LOCATOR: Final = struct.Struct("<4sLQL")
_END64: Final = struct.Struct("<4sQ2H2L4Q")
_XML_CHUNK: Final = 64 * 1024


def _not_xlsx(source: str, data: bytes) -> TableError:
    """Why a file named .xlsx is not a zip at all."""
    kind = _magic(data)
    if kind == _OLE:
        reason = (
            "is an old-style Excel file (.xls) or a password-protected workbook, not an .xlsx: "
            "open it in Excel or LibreOffice and save it as .xlsx (Excel Workbook) without a "
            "password"
        )
    elif kind is not None:
        reason = f"is {kind}, not an Excel workbook"
    else:
        head = data[:4096]
        try:
            head.decode("utf-8")
            text = b"\x00" not in head
        except UnicodeDecodeError as error:
            text = error.start > len(head) - 4  # a character cut at the end of the sample
        reason = "is not an Excel workbook"
        reason += (
            " (it looks like text: if it is a CSV table, rename it to .csv)"
            if text
            else " (not a zip file)"
        )
    return TableError(source, None, None, reason)


def _open_zip(source: str, data: bytes) -> zipfile.ZipFile:
    """The zip, after checking its table of contents is of a size we read."""
    if not data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        raise _not_xlsx(source, data)
    tail = data[-(_END.size + 0xFFFF) :]
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + _END.size > len(tail):
        raise TableError(source, None, None, "is damaged: the end of the zip file is missing")
    entries, directory_bytes = _END.unpack_from(tail, at)[4:6]
    if entries == 0xFFFF or directory_bytes == 0xFFFFFFFF:
        locator, record = at - _END64_LOCATOR.size, at - _END64_LOCATOR.size - _END64.size
        if (
            record >= 0
            and tail[locator : locator + 4] == b"PK\x06\x07"
            and tail[record : record + 4] == b"PK\x06\x06"
        ):
            entries, directory_bytes = _END64.unpack_from(tail, record)[7:9]
    if entries > MAX_ZIP_ENTRIES:
        raise TableError(
            source,
            None,
            None,
            f"holds {entries:,} files inside; an Excel workbook has far fewer (at most "
            f"{MAX_ZIP_ENTRIES:,} are read)",
        )
    if directory_bytes > MAX_ZIP_DIRECTORY_BYTES:
        raise TableError(
            source,
            None,
            None,
            f"has a {_megabytes(directory_bytes)} table of contents: not an Excel workbook",
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise TableError(source, None, None, "is damaged (not a readable zip file)") from None
    except UnicodeDecodeError:
        raise TableError(source, None, None, "is damaged: a name inside is not UTF-8") from None
    if len(archive.infolist()) > MAX_ZIP_ENTRIES:
        archive.close()
        raise TableError(
            source, None, None, f"holds more than {MAX_ZIP_ENTRIES:,} files inside: too many"
        )
    return archive


def _check_members(source: str, archive: zipfile.ZipFile) -> None:
    """Refuse a zip that is no workbook or that would unpack to too much, member by member."""
    names = {info.filename for info in archive.infolist()}
    if "mimetype" in names and "content.xml" in names:
        raise TableError(source, None, None, f"is {_CONVERT['.ods']} (under an .xlsx name)")
    if "xl/workbook.bin" in names:
        raise TableError(source, None, None, f"is {_CONVERT['.xlsb']} (under an .xlsx name)")
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
        what = "a Word document" if "word/document.xml" in names else "a zip archive"
        if "ppt/presentation.xml" in names:
            what = "a PowerPoint presentation"
        raise TableError(source, None, None, f"is {what}, not an Excel workbook")
    total = 0
    for info in archive.infolist():
        name = _shown(info.filename)
        if info.flag_bits & 0x1:
            raise TableError(source, None, None, f"is encrypted (member {name})")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise TableError(
                source,
                None,
                None,
                f"uses a compression Excel does not use ({info.compress_type}) for {name}",
            )
        total += info.file_size
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise TableError(
                source, None, None, f"member {name} expands {ratio:,}:1 when unpacked (a zip bomb?)"
            )
    if total > MAX_UNPACKED_BYTES:
        raise TableError(
            source,
            None,
            None,
            f"unpacks to {_megabytes(total)}, more than the {_megabytes(MAX_UNPACKED_BYTES)} "
            "read from a workbook",
        )
    for info in archive.infolist():
        if not info.is_dir() and _declares_doctype(archive, info):
            raise TableError(
                source,
                None,
                None,
                f"member {_shown(info.filename)} declares a DOCTYPE, which Excel never writes "
                "(an XML entity attack?)",
            )


class _DoctypeFoundError(Exception):
    pass


class _PrologEndError(Exception):
    pass


def _declares_doctype(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Whether a member is XML with a DOCTYPE (and so could define entities). Reads only up to
    the first element; a member that is not XML (an image) is not our business here."""
    parser = expat.ParserCreate()

    def on_doctype(*_: object) -> None:
        raise _DoctypeFoundError

    def on_element(*_: object) -> None:
        raise _PrologEndError

    parser.StartDoctypeDeclHandler = on_doctype
    parser.StartElementHandler = on_element
    with archive.open(info) as stream:
        while True:
            chunk = stream.read(_XML_CHUNK)
            try:
                parser.Parse(chunk, not chunk)
            except _DoctypeFoundError:
                return True
            except (_PrologEndError, expat.ExpatError):
                return False
            if not chunk:
                return False


@dataclass
class _SheetFacts:
    """What openpyxl's read-only mode does not tell: formulas with no saved value, merges."""

    missing: set[tuple[int, int]] = field(default_factory=set)
    """(row, column), 1-based, of formula cells without a saved value: no ``<v>`` or an empty
    one (openpyxl writes ``<v />``), unless the cell is typed ``str`` (Excel's empty-text
    result)."""
    merges: list[_Merge] = field(default_factory=list)


class _SheetScanner:
    """One streaming pass over a sheet's XML for its formula cells and merged ranges.

    Rows and cells without an ``r`` attribute are counted as openpyxl counts them. A cell's
    coordinate is worked out only for the few cells that need it (formulas without a value).
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.facts = _SheetFacts()
        self.row = 0
        self.col = 0
        """The current cell's column when it had no ``r``; -1 while ``ref`` says it."""
        self.ref: str | None = None
        self.cells = 0
        self.in_cell = False
        self.text_type = False
        self.has_formula = False
        self.has_value = False
        self.in_value = False

    def scan(self, archive: zipfile.ZipFile, member: str) -> _SheetFacts:
        parser = expat.ParserCreate()  # no namespace processing: names as written, maybe "x:c"
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.text
        with archive.open(member) as stream:
            parser.ParseFile(stream)
        return self.facts

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if ":" in name:
            name = name.rpartition(":")[2]
        if name == "c":
            self.cells += 1
            if self.cells > MAX_CELLS:
                raise TableError(
                    self.source,
                    None,
                    None,
                    f"the sheet has more than {MAX_CELLS:,} cells: split it into smaller files",
                )
            ref = attrs.get("r")
            if ref:
                self.col = -1
            else:
                self.col = self._column() + 1
            self.ref = ref
            self.in_cell = True
            self.text_type = attrs.get("t") == "str"
            self.has_formula = self.has_value = False
        elif name == "v":
            if self.in_cell:
                self.in_value = True
                self.has_value = self.has_value or self.text_type
        elif name == "f":
            self.has_formula = self.in_cell
        elif name == "row":
            ref = attrs.get("r")
            try:
                self.row = int(float(ref)) if ref else self.row + 1
            except (ValueError, OverflowError):
                self.row += 1
            self.col, self.ref = 0, None
        elif name == "mergeCell" and len(self.facts.merges) < 10_000:
            self._merge(attrs.get("ref", ""))

    def end(self, name: str) -> None:
        if ":" in name:
            name = name.rpartition(":")[2]
        if name == "v":
            self.in_value = False
        elif name == "c" and self.in_cell:
            if self.has_formula and not self.has_value:
                self.facts.missing.add(self._coordinate())
            self.in_cell = False

    def text(self, data: str) -> None:
        if self.in_value and not self.has_value and data.strip():
            self.has_value = True

    def _coordinate(self) -> tuple[int, int]:
        from openpyxl.utils.cell import coordinate_to_tuple

        if self.ref is None:
            return self.row, self.col
        try:
            return coordinate_to_tuple(self.ref)
        except (ValueError, TypeError, KeyError):
            return 0, 0  # openpyxl refuses the file anyway

    def _column(self) -> int:
        """The column of the cell before, for a cell without ``r``."""
        return self._coordinate()[1] if self.col == -1 else self.col

    def _merge(self, ref: str) -> None:
        from openpyxl.utils.cell import range_boundaries

        try:
            min_col, min_row, max_col, max_row = range_boundaries(ref)
        except (ValueError, TypeError, KeyError):
            return
        if min_col and min_row and max_col and max_row:
            self.facts.merges.append(_Merge(min_col, min_row, max_col, max_row))


# -- Excel: reading ----------------------------------------------------------------------------


def _read_xlsx(path: Path, source: str, data: bytes, wanted: str | None, loc: _Locale) -> Table:
    archive = _open_zip(source, data)
    try:
        with archive:
            _check_members(source, archive)
            with warnings.catch_warnings():
                # openpyxl warns about what it drops (data validation, unknown extensions) and
                # about dates out of range (it makes those cells #VALUE!, reported per row).
                warnings.simplefilter("ignore")
                return _read_workbook(path, source, data, archive, wanted, loc)
    except (zipfile.BadZipFile, zlib.error, EOFError, expat.ExpatError) as error:
        raise TableError(source, None, None, f"is damaged ({_error_text(error)})") from None


def _read_workbook(
    path: Path,
    source: str,
    data: bytes,
    archive: zipfile.ZipFile,
    wanted: str | None,
    loc: _Locale,
) -> Table:
    import openpyxl
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    try:
        book = openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=True, keep_links=False
        )
    except Exception as error:
        raise TableError(
            source, None, None, f"is damaged or not an Excel workbook ({_error_text(error)})"
        ) from None
    try:
        notes: list[str] = []
        names = list(book.sheetnames)
        sheets = {name: book[name] for name in names}
        tables = [name for name in names if isinstance(sheets[name], ReadOnlyWorksheet)]
        if not tables:
            raise TableError(source, None, None, "has no sheet with cells (only charts)")
        if wanted is not None:
            name = _find_sheet(source, names, wanted)
            if name not in tables:
                raise TableError(source, None, None, f"sheet {name!r} is a chart, not a table")
        else:
            visible = [n for n in tables if getattr(sheets[n], "sheet_state", "") == "visible"]
            name = (visible or tables)[0]
            others = [n for n in tables if n != name]
            if others:
                listed = ", ".join(repr(n) for n in others[:5])
                listed += f" and {len(others) - 5} more" if len(others) > 5 else ""
                notes.append(f"read the sheet {name!r}; the file also has {listed}")
        sheet = sheets[name]
        assert isinstance(sheet, ReadOnlyWorksheet)
        # openpyxl keeps the sheet's zip member here (private; the formula tests guard it)
        member = vars(sheet).get("_worksheet_path")
        facts = (
            _SheetScanner(source).scan(archive, member)
            if isinstance(member, str) and member in archive.namelist()
            else _SheetFacts()
        )
        epoch = book.epoch
        raw_rows = _sheet_rows(source, sheet, facts, loc, epoch)
        layout = _Layout(is_csv=False, empty_message=f"the sheet {name!r} is empty")
        return _build_table(path, source, name, raw_rows, notes, layout, facts.merges)
    finally:
        book.close()


def _find_sheet(source: str, names: list[str], wanted: str) -> str:
    if wanted in names:
        return wanted
    key = wanted.strip().casefold()
    close = [name for name in names if name.strip().casefold() == key]
    if len(close) == 1:
        return close[0]
    listed = ", ".join(repr(name) for name in names[:20])
    listed += f" and {len(names) - 20} more" if len(names) > 20 else ""
    raise TableError(source, None, None, f"has no sheet named {wanted!r}; its sheets are {listed}")


_ESCAPE: Final = re.compile("_x(00[01][0-9A-Fa-f])_")


def _sheet_rows(
    source: str, sheet: object, facts: _SheetFacts, loc: _Locale, epoch: dt.datetime
) -> list[_RawRow]:
    from openpyxl.cell.read_only import ReadOnlyCell
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    assert isinstance(sheet, ReadOnlyWorksheet)
    sheet.reset_dimensions()  # the stored size can lie; rows then come as long as they are
    raw_rows: list[_RawRow] = []
    cells_read = 0
    formats: dict[int, str] = {}  # number format id -> format code, as shown here

    def number_format(cell: ReadOnlyCell) -> str:
        if not cell.has_style:
            return "General"
        format_id = cell.style_array.numFmtId
        code = formats.get(format_id)
        if code is None:
            # 14 and 22 are "short date (and time)": shown as the regional settings say
            special = {14: loc.short_date, 22: loc.short_date_time}
            code = formats[format_id] = special.get(format_id) or cell.number_format
        return code

    for number, cells in enumerate(sheet.rows, start=1):
        if number > EXCEL_LAST_ROW:
            raise TableError(
                source,
                None,
                None,
                f"is damaged: it has rows past row {EXCEL_LAST_ROW:,}, Excel's last",
            )
        if not cells:
            continue
        cells_read += len(cells)
        if cells_read > MAX_CELLS:
            raise TableError(
                source,
                number,
                None,
                f"the sheet has more than {MAX_CELLS:,} cells: split it into smaller files",
            )
        texts: list[str] = []
        problems: dict[int, str] = {}
        for index, cell in enumerate(cells):
            if not isinstance(cell, ReadOnlyCell):
                texts.append("")
                continue
            value = cell.value
            if value is None:
                texts.append("")
                if (number, index + 1) in facts.missing:
                    problems[index] = _FORMULA_WITHOUT_VALUE
                continue
            if cell.data_type == "e":
                texts.append(str(value))
                problems[index] = (
                    f"the cell shows the error {value}: correct the formula or the value in "
                    "the spreadsheet"
                )
                continue
            if isinstance(value, str) and "_x" in value:
                value = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value)
            code = number_format(cell)
            if code == "General" and isinstance(value, str):
                texts.append(value)
            else:
                texts.append(_format(value, code, loc, epoch))
        while texts and not texts[-1] and len(texts) - 1 not in problems:
            texts.pop()
        if not texts:
            continue
        if not problems and not any(text.strip() for text in texts):
            continue
        raw_rows.append(_RawRow(number, texts, problems))
        if len(raw_rows) > MAX_ROWS + 1:
            break  # _build_table names the first row over the cap
    return raw_rows


# -- Excel number formats -------------------------------------------------------------------


@dataclass(frozen=True)
class _Locale:
    name: str
    decimal: str
    group: str
    true: str
    false: str
    months: tuple[str, ...]
    months_genitive: tuple[str, ...]
    months_short: tuple[str, ...]
    days: tuple[str, ...]
    """Monday first, as ``date.weekday()``."""
    days_short: tuple[str, ...]
    short_date: str
    short_date_time: str
    long_date: str
    long_time: str


_EN_MONTHS: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_RU_MONTHS: Final = (
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
)
_RU_MONTHS_OF: Final = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)
_UK_MONTHS: Final = (
    "січень",
    "лютий",
    "березень",
    "квітень",
    "травень",
    "червень",
    "липень",
    "серпень",
    "вересень",
    "жовтень",
    "листопад",
    "грудень",
)
_UK_MONTHS_OF: Final = (
    "січня",
    "лютого",
    "березня",
    "квітня",
    "травня",
    "червня",
    "липня",
    "серпня",
    "вересня",
    "жовтня",
    "листопада",
    "грудня",
)

_LOCALE_DATA: Final = {
    "en": _Locale(
        name="en",
        decimal=".",
        group=",",
        true="TRUE",
        false="FALSE",
        months=_EN_MONTHS,
        months_genitive=_EN_MONTHS,
        months_short=tuple(month[:3] for month in _EN_MONTHS),
        days=("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        days_short=("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
        short_date="m/d/yyyy",
        short_date_time="m/d/yyyy h:mm",
        long_date="dddd, mmmm d, yyyy",
        long_time="h:mm:ss AM/PM",
    ),
    "ru": _Locale(
        name="ru",
        decimal=",",
        group="\u00a0",
        true="ИСТИНА",
        false="ЛОЖЬ",
        months=_RU_MONTHS,
        months_genitive=_RU_MONTHS_OF,
        months_short=(
            "янв",
            "фев",
            "мар",
            "апр",
            "май",
            "июн",
            "июл",
            "авг",
            "сен",
            "окт",
            "ноя",
            "дек",
        ),
        days=("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"),
        days_short=("Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"),
        short_date="dd.mm.yyyy",
        short_date_time="dd.mm.yyyy h:mm",
        long_date='d mmmm yyyy "г."',
        long_time="h:mm:ss",
    ),
    "uk": _Locale(
        name="uk",
        decimal=",",
        group="\u00a0",
        true="ІСТИНА",
        false="ХИБНІСТЬ",
        months=_UK_MONTHS,
        months_genitive=_UK_MONTHS_OF,
        months_short=(
            "січ",
            "лют",
            "бер",
            "кві",
            "тра",
            "чер",
            "лип",
            "сер",
            "вер",
            "жов",
            "лис",
            "гру",
        ),
        days=("понеділок", "вівторок", "середа", "четвер", "п’ятниця", "субота", "неділя"),
        days_short=("Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Нд"),
        short_date="dd.mm.yyyy",
        short_date_time="dd.mm.yyyy h:mm",
        long_date='d mmmm yyyy "р."',
        long_time="h:mm:ss",
    ),
}
_LANGUAGE_IDS: Final = {0x09: "en", 0x19: "ru", 0x22: "uk"}
"""Windows primary language ids (the low 10 bits of an LCID) -> our locales."""

_WINDOWS_EPOCH: Final = dt.datetime(1899, 12, 30)
_PAD: Final = "\uffff"
"""Stands for alignment space (``_)``, ``?``) until the text is finished."""
_PADDING: Final = re.compile(" *\uffff[\uffff ]*")
_DECIMALS: Final = Context(prec=800, rounding=ROUND_HALF_UP, Emax=999_999, Emin=-999_999)

Token = tuple[str, str]
"""(kind, text): kinds lit, digit, point, comma, percent, exp, slash, text, general, date,
elapsed, ampm, ap."""


@dataclass(frozen=True)
class _Section:
    tokens: tuple[Token, ...]
    condition: tuple[str, float] | None = None
    locale: str | None = None
    system: str | None = None
    """"long_date" or "long_time" for Windows' [$-F800] / [$-F400] system formats."""

    @property
    def is_date(self) -> bool:
        return any(kind in ("date", "elapsed", "ampm", "ap") for kind, _ in self.tokens)

    @property
    def has_digits(self) -> bool:
        return any(kind == "digit" for kind, _ in self.tokens)

    @property
    def has_text(self) -> bool:
        return any(kind == "text" for kind, _ in self.tokens)


def format_cell(value: object, number_format: str = "General", locale: str = "en") -> str:
    """A cell value as Excel shows it with ``number_format`` under ``locale``'s settings.

    ``value`` is what openpyxl reads: int, float, str, bool, datetime, date, time, timedelta
    or None. Used by read_table; public for tests and previews.
    """
    loc = _LOCALE_DATA.get(locale)
    if loc is None:
        raise ValueError(f"unknown table locale {locale!r}; known: {', '.join(LOCALES)}")
    return _format(value, number_format, loc, _WINDOWS_EPOCH)


def _format(value: object, number_format: str, loc: _Locale, epoch: dt.datetime) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return loc.true if value else loc.false
    sections = _parse_format(number_format)
    locales = [section.locale for section in sections if section.locale]
    if locales:
        loc = _LOCALE_DATA[locales[0]]
    if isinstance(value, str):
        return _format_text(value, sections)
    try:
        if isinstance(value, (dt.datetime, dt.date, dt.time, dt.timedelta)):
            section = next((s for s in sections[:3] if s.is_date or s.system), None)
            if section is None:
                return _default_moment(value)
            return _format_moment(value, _system(section, loc), loc)
        if isinstance(value, (int, float)):
            return _format_number(value, sections, loc, epoch)
    except (ArithmeticError, ValueError, OverflowError, IndexError, TypeError):
        if isinstance(value, (int, float)):
            return _general(value, loc)
        return _default_moment(value)
    return str(value)


@lru_cache(maxsize=1024)
def _parse_format(number_format: str) -> tuple[_Section, ...]:
    if not number_format or len(number_format) > 255 or number_format.casefold() == "general":
        return (_Section((("general", ""),)),)
    return tuple(_tokenize(part) for part in _split_sections(number_format)[:4])


def _split_sections(number_format: str) -> list[str]:
    sections: list[str] = []
    start = index = 0
    while index < len(number_format):
        char = number_format[index]
        if char in '"[':
            close = number_format.find('"' if char == '"' else "]", index + 1)
            index = len(number_format) if close < 0 else close + 1
        elif char in "\\_*":
            index += 2
        elif char == ";":
            sections.append(number_format[start:index])
            start = index = index + 1
        else:
            index += 1
    sections.append(number_format[start:])
    return sections


_CONDITION: Final = re.compile(r"\s*(<=|>=|<>|<|>|=)\s*(-?\d+(?:\.\d*)?)\s*")
_ELAPSED: Final = re.compile(r"(h+|m+|s+)", re.IGNORECASE)


def _tokenize(section: str) -> _Section:
    tokens: list[Token] = []
    condition: tuple[str, float] | None = None
    language: str | None = None
    system: str | None = None
    lower = section.lower()
    index = 0
    while index < len(section):
        char = section[index]
        if char == '"':
            close = section.find('"', index + 1)
            close = len(section) if close < 0 else close
            tokens.append(("lit", section[index + 1 : close]))
            index = close + 1
        elif char == "\\":
            tokens.append(("lit", section[index + 1 : index + 2]))
            index += 2
        elif char == "_":
            tokens.append(("lit", _PAD))  # a space as wide as the next character
            index += 2
        elif char == "*":
            index += 2  # repeat the next character to fill the cell: nothing off-screen
        elif char == "[":
            close = section.find("]", index + 1)
            close = len(section) if close < 0 else close
            inner = section[index + 1 : close]
            index = close + 1
            if _ELAPSED.fullmatch(inner):
                tokens.append(("elapsed", inner.lower()))
            elif inner.startswith("$"):
                symbol, _, code = inner[1:].partition("-")
                if symbol:
                    tokens.append(("lit", symbol))
                code = code.casefold()
                if code in ("f800", "x-sysdate"):
                    system = "long_date"
                elif code in ("f400", "x-systime"):
                    system = "long_time"
                elif re.fullmatch(r"[0-9a-f]{1,8}", code):
                    language = _LANGUAGE_IDS.get(int(code, 16) & 0x3FF, language)
            elif match := _CONDITION.fullmatch(inner):
                condition = (match.group(1), float(match.group(2)))
            # colours ([Red], [Color 10]) and [DBNum1]-style options change nothing in text
        elif lower.startswith("general", index):
            tokens.append(("general", ""))
            index += 7
        elif lower.startswith("am/pm", index):
            tokens.append(("ampm", ""))
            index += 5
        elif lower.startswith("a/p", index):
            tokens.append(("ap", section[index]))
            index += 3
        elif char in "Ee" and section[index + 1 : index + 2] in ("+", "-") and tokens:
            tokens.append(("exp", section[index : index + 2]))
            index += 2
        elif char.lower() in "ymdhse":
            end = index
            while end < len(section) and section[end].lower() == char.lower():
                end += 1
            letter = char.lower()
            run = end - index
            if letter == "e":
                letter, run = "y", 4
            tokens.append(("date", letter * run))
            index = end
        elif char.lower() in "gb":
            index += 1  # era and Buddhist-calendar markers
        elif char in "0#?":
            tokens.append(("digit", char))
            index += 1
        else:
            kind = {".": "point", ",": "comma", "%": "percent", "/": "slash", "@": "text"}
            tokens.append((kind.get(char, "lit"), char))
            index += 1
    return _Section(tuple(tokens), condition, language, system)


def _system(section: _Section, loc: _Locale) -> _Section:
    """A [$-F800] / [$-F400] section as the regional settings write it."""
    if section.system == "long_date":
        return _tokenize(loc.long_date)
    if section.system == "long_time":
        return _tokenize(loc.long_time)
    return section


def _format_text(value: str, sections: tuple[_Section, ...]) -> str:
    if len(sections) >= 4:
        section = sections[3]
    elif sections[0].has_text:
        section = sections[0]
    else:
        return value
    return _finish("".join(value if kind == "text" else text for kind, text in section.tokens))


def _matches(condition: tuple[str, float], value: float) -> bool:
    operator, limit = condition
    return {
        "<": value < limit,
        "<=": value <= limit,
        ">": value > limit,
        ">=": value >= limit,
        "=": value == limit,
        "<>": value != limit,
    }[operator]


def _choose_section(sections: tuple[_Section, ...], value: float) -> tuple[_Section, bool]:
    """The section for ``value`` and whether it shows the minus sign itself."""
    numeric = sections[:3]
    if any(section.condition for section in numeric):
        for section in numeric:
            if section.condition and _matches(section.condition, value):
                return section, True
        rest = [section for section in numeric if not section.condition]
        return (rest[0] if rest else numeric[-1]), True
    if len(numeric) == 1:
        return numeric[0], True
    if len(numeric) == 2:
        return (numeric[0], True) if value >= 0 else (numeric[1], False)
    if value > 0:
        return numeric[0], True
    return (numeric[1], False) if value < 0 else (numeric[2], True)


def _format_number(
    value: float, sections: tuple[_Section, ...], loc: _Locale, epoch: dt.datetime
) -> str:
    if isinstance(value, float) and not math.isfinite(value):
        return "#NUM!"
    section, signed = _choose_section(sections, value)
    if section.system or section.is_date:
        from openpyxl.utils.datetime import from_excel

        moment = from_excel(value, epoch, timedelta=any(k == "elapsed" for k, _ in section.tokens))
        return _format_moment(moment, _system(section, loc), loc)
    if not section.has_digits:
        parts = []
        for kind, text in section.tokens:
            if kind in ("general", "text"):  # a number under the Text format "@" shows as General
                parts.append(_general(value if signed else abs(value), loc))
            elif kind != "comma":
                parts.append(text)
        return _finish("".join(parts))
    number = (
        Decimal(value) if isinstance(value, int) else Decimal(format(value, ".15g"))
    ).copy_abs()
    text, zero = _format_digits(number, section.tokens, loc)
    text = _finish(text)
    return "-" + text if signed and value < 0 and not zero else text


def _general(value: float, loc: _Locale) -> str:
    """Excel's General format: integers whole, others to 15 significant digits, huge or tiny
    numbers in scientific notation."""
    if isinstance(value, int):
        return str(value)
    if not math.isfinite(value):
        return "#NUM!"
    if value == 0:
        return "0"
    if 1e-9 <= abs(value) < 1e15:
        text = format(Decimal(format(value, ".15g")), "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return text.replace(".", loc.decimal)
    mantissa, exponent = format(value, ".5E").split("E")
    mantissa = mantissa.rstrip("0").rstrip(".").replace(".", loc.decimal)
    return f"{mantissa}E{int(exponent):+03d}"


def _format_digits(number: Decimal, tokens: tuple[Token, ...], loc: _Locale) -> tuple[str, bool]:
    """A non-negative number through a section with digit placeholders; and whether it shows
    as zero."""
    percent = sum(1 for kind, _ in tokens if kind == "percent")
    number = number.scaleb(2 * percent, _DECIMALS)
    exponent = next((i for i, (kind, _) in enumerate(tokens) if kind == "exp"), None)
    if exponent is not None:
        return _format_scientific(number, tokens, exponent, loc)
    slash = next((i for i, (kind, _) in enumerate(tokens) if kind == "slash"), None)
    if slash is not None and any(kind == "digit" for kind, _ in tokens[:slash]):
        return _format_fraction(number, tokens, slash)
    return _format_fixed(number, tokens, loc)


def _format_fixed(number: Decimal, tokens: tuple[Token, ...], loc: _Locale) -> tuple[str, bool]:
    point = next((i for i, (kind, _) in enumerate(tokens) if kind == "point"), None)
    int_tokens = list(tokens if point is None else tokens[:point])
    dec_tokens = [] if point is None else list(tokens[point + 1 :])
    grouping = False
    scale = 0
    integer: list[Token] = []
    index = 0
    while index < len(int_tokens):
        if int_tokens[index][0] != "comma":
            integer.append(int_tokens[index])
            index += 1
            continue
        end = index
        while end < len(int_tokens) and int_tokens[end][0] == "comma":
            end += 1
        after_digit = any(kind == "digit" for kind, _ in integer)
        before_digit = end < len(int_tokens) and int_tokens[end][0] == "digit"
        if after_digit and before_digit:
            grouping = True
        elif after_digit:
            scale += end - index  # each trailing comma divides by a thousand
        else:
            integer.extend(("lit", ",") for _ in range(end - index))
        index = end
    decimals: list[Token] = []
    for position, token in enumerate(dec_tokens):
        if token[0] == "comma" and any(kind == "digit" for kind, _ in dec_tokens[:position]):
            scale += 1
        else:
            decimals.append(token)
    places = sum(1 for kind, _ in decimals if kind == "digit")
    number = number.scaleb(-3 * scale, _DECIMALS)
    rounded = number.quantize(Decimal(1).scaleb(-places), context=_DECIMALS)
    whole, _, fraction = format(rounded, "f").partition(".")
    whole = whole.lstrip("0")
    fraction = fraction.ljust(places, "0")[:places]
    zero = rounded == 0

    placeholders = [i for i, (kind, _) in enumerate(integer) if kind == "digit"]
    if not placeholders:
        int_text = "".join(_literal(t, loc) for t in integer) + whole
    elif grouping:
        first_zero = next((i for i in placeholders if integer[i][1] == "0"), None)
        least = 0 if first_zero is None else sum(1 for i in placeholders if i >= first_zero)
        digits = whole.rjust(least, "0")
        grouped = _group(digits, loc.group)
        before = "".join(_literal(t, loc) for t in integer[: placeholders[0]])
        after = "".join(_literal(t, loc) for t in integer[placeholders[-1] + 1 :])
        int_text = before + grouped + after
    else:
        remaining = list(whole)
        pieces: list[str] = []
        for position in range(len(integer) - 1, -1, -1):
            kind, text = integer[position]
            if kind != "digit":
                pieces.append(_literal(integer[position], loc))
            elif position == placeholders[0] and len(remaining) > 1:
                pieces.append("".join(remaining))
                remaining = []
            elif remaining:
                pieces.append(remaining.pop())
            else:
                pieces.append(_empty_digit(text))
        int_text = "".join(reversed(pieces))

    if point is None:
        return int_text, zero
    significant = len(fraction.rstrip("0"))
    dec_pieces: list[str] = []
    digit = 0
    for token in decimals:
        kind, text = token
        if kind != "digit":
            dec_pieces.append(_literal(token, loc))
            continue
        if digit < significant or text == "0":
            dec_pieces.append(fraction[digit])
        else:
            dec_pieces.append(_empty_digit(text))
        digit += 1
    return int_text + loc.decimal + "".join(dec_pieces), zero


def _empty_digit(placeholder: str) -> str:
    return {"0": "0", "?": _PAD}.get(placeholder, "")


def _literal(token: Token, loc: _Locale) -> str:
    kind, text = token
    if kind == "point":
        return loc.decimal
    if kind in ("text", "general", "comma"):
        return ""
    return text


def _group(digits: str, separator: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return separator.join(part for part in parts if part)


def _format_scientific(
    number: Decimal, tokens: tuple[Token, ...], exponent: int, loc: _Locale
) -> tuple[str, bool]:
    mantissa_tokens = tokens[:exponent]
    rest = tokens[exponent + 1 :]
    exp_digits = 0
    while exp_digits < len(rest) and rest[exp_digits][0] == "digit":
        exp_digits += 1
    point = next((i for i, (kind, _) in enumerate(mantissa_tokens) if kind == "point"), None)
    integer = [text for kind, text in mantissa_tokens[:point] if kind == "digit"]
    places = 0
    if point is not None:
        places = sum(1 for kind, _ in mantissa_tokens[point + 1 :] if kind == "digit")
    step = len(integer) if len(integer) > 1 and "#" in integer else 1
    shift = max(1, sum(1 for text in integer if text == "0")) - 1 if step == 1 else 0
    power = 0 if number == 0 else number.adjusted()
    power = power - power % step if step > 1 else power - shift
    mantissa = number.scaleb(-power, _DECIMALS).quantize(
        Decimal(1).scaleb(-places), context=_DECIMALS
    )
    if number != 0 and mantissa.adjusted() >= max(len(integer), 1):
        power += step
        mantissa = number.scaleb(-power, _DECIMALS).quantize(
            Decimal(1).scaleb(-places), context=_DECIMALS
        )
    text, zero = _format_fixed(mantissa, mantissa_tokens, loc)
    sign = "-" if power < 0 else ("+" if tokens[exponent][1][1] == "+" else "")
    exp_text = str(abs(power)).rjust(exp_digits, "0")
    tail = "".join(_literal(t, loc) for t in rest[exp_digits:])
    return f"{text}{tokens[exponent][1][0]}{sign}{exp_text}{tail}", zero


def _format_fraction(number: Decimal, tokens: tuple[Token, ...], slash: int) -> tuple[str, bool]:
    numerator_start = slash
    while numerator_start > 0 and tokens[numerator_start - 1][0] == "digit":
        numerator_start -= 1
    has_whole = any(kind == "digit" for kind, _ in tokens[:numerator_start])
    denominator_text = ""
    end = slash + 1
    while end < len(tokens) and (
        tokens[end][0] == "digit" or (tokens[end][0] == "lit" and tokens[end][1].isdigit())
    ):
        denominator_text += tokens[end][1]
        end += 1
    before = "".join(
        text
        for kind, text in tokens[:numerator_start]
        if kind == "lit" and text.strip() and not text.isdigit()
    )
    after = "".join(text for kind, text in tokens[end:] if kind == "lit")
    exact = Fraction(number)
    whole = int(exact) if has_whole else 0
    part = exact - whole
    if denominator_text.isdigit() and denominator_text[0] != "0":
        denominator = int(denominator_text)
        numerator = int(
            (Decimal(part.numerator) * denominator / Decimal(part.denominator)).quantize(
                Decimal(1), context=_DECIMALS
            )
        )
    else:
        limit = 10 ** max(len(denominator_text), 1) - 1
        shown = part.limit_denominator(limit)
        numerator, denominator = shown.numerator, shown.denominator
    if has_whole and numerator and numerator == denominator:
        whole, numerator = whole + 1, 0
    pieces = []
    if whole or not numerator:
        pieces.append(str(whole))
    if numerator:
        pieces.append(f"{numerator}/{denominator}")
    zero = whole == 0 and numerator == 0
    return before + " ".join(pieces) + after, zero


def _default_moment(value: object) -> str:
    """A date or time whose format has no date codes (a General cell): ISO-like."""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.strftime("%Y-%m-%d")
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S")
    if isinstance(value, dt.timedelta):
        seconds = round(value.total_seconds())
        sign = "-" if seconds < 0 else ""
        hours, rest = divmod(abs(seconds), 3600)
        return f"{sign}{hours}:{rest // 60:02d}:{rest % 60:02d}"
    return str(value)


def _format_moment(value: object, section: _Section, loc: _Locale) -> str:
    """A date, time or duration through a date section."""
    tokens = section.tokens
    places = 0
    for position, (kind, _) in enumerate(tokens):
        if kind == "point" and position > 0 and tokens[position - 1][:1] == ("date",):
            if not tokens[position - 1][1].startswith("s"):
                continue
            run = 0
            while tokens[position + 1 + run : position + 2 + run] == (("digit", "0"),):
                run += 1
            places = max(places, min(run, 6))
    if isinstance(value, dt.timedelta):
        micros = value // dt.timedelta(microseconds=1)
    elif isinstance(value, dt.datetime):
        micros = (value - _WINDOWS_EPOCH) // dt.timedelta(microseconds=1)
    elif isinstance(value, dt.date):
        micros = (dt.datetime.combine(value, dt.time(0)) - _WINDOWS_EPOCH) // dt.timedelta(
            microseconds=1
        )
    elif isinstance(value, dt.time):
        micros = (
            (value.hour * 60 + value.minute) * 60 + value.second
        ) * 1_000_000 + value.microsecond
    else:
        raise ValueError("not a date or time")
    unit = 10 ** (6 - places)
    micros = (micros + unit // 2) // unit * unit
    negative = micros < 0 and isinstance(value, dt.timedelta)
    if negative:
        micros = -micros
    moment = _WINDOWS_EPOCH + dt.timedelta(microseconds=micros)

    kinds = [(kind, text) for kind, text in tokens if kind in ("date", "elapsed")]
    twelve_hour = any(kind in ("ampm", "ap") for kind, _ in tokens)
    genitive = any(kind == "date" and text in ("d", "dd") for kind, text in tokens)
    pieces: list[str] = []
    seen = -1
    skip_until = -1
    for position, (kind, text) in enumerate(tokens):
        if position < skip_until:
            continue
        if kind == "date":
            seen += 1
            letter, run = text[0], len(text)
            if letter == "m" and run <= 2 and _is_minute(kinds, seen):
                pieces.append(f"{moment.minute:0{min(run, 2)}d}")
            elif letter == "m":
                month = moment.month - 1
                names = loc.months_genitive if genitive else loc.months
                pieces.append(
                    [str(month + 1), f"{month + 1:02d}", loc.months_short[month], names[month]][
                        min(run, 4) - 1
                    ]
                    if run <= 4
                    else loc.months[month][0]
                )
            elif letter == "y":
                pieces.append(f"{moment.year % 100:02d}" if run <= 2 else f"{moment.year:04d}")
            elif letter == "d":
                day = moment.weekday()
                pieces.append(
                    [str(moment.day), f"{moment.day:02d}", loc.days_short[day], loc.days[day]][
                        min(run, 4) - 1
                    ]
                )
            elif letter == "h":
                hour = moment.hour
                if twelve_hour:
                    hour = hour % 12 or 12
                pieces.append(f"{hour:0{min(run, 2)}d}")
            elif letter == "s":
                pieces.append(f"{moment.second:0{min(run, 2)}d}")
                if places and position + 1 < len(tokens) and tokens[position + 1][0] == "point":
                    digits = f"{moment.microsecond:06d}"[:places]
                    pieces.append(loc.decimal + digits)
                    skip_until = position + 2 + places
        elif kind == "elapsed":
            seen += 1
            total = micros // 1_000_000
            amount = {"h": total // 3600, "m": total // 60, "s": total}[text[0]]
            pieces.append(("-" if negative else "") + f"{amount:0{min(len(text), 2)}d}")
        elif kind == "ampm":
            pieces.append("AM" if moment.hour < 12 else "PM")
        elif kind == "ap":
            letter = "A" if moment.hour < 12 else "P"
            pieces.append(letter if text.isupper() else letter.lower())
        elif kind in ("lit", "point", "comma", "slash", "percent", "digit"):
            pieces.append(text)
    return _finish("".join(pieces))


def _finish(text: str) -> str:
    """Alignment space dropped at the ends and shrunk to one space inside; outer spaces
    trimmed (they only align numbers in a column)."""
    text = text.strip(" " + _PAD)
    return _PADDING.sub(" ", text) if _PAD in text else text


def _is_minute(kinds: list[Token], position: int) -> bool:
    """Whether the m/mm code at ``position`` (among date codes) means minutes: right after an
    hour code or right before a seconds code."""
    before = kinds[position - 1] if position > 0 else None
    after = kinds[position + 1] if position + 1 < len(kinds) else None
    return (before is not None and before[1][0] == "h") or (
        after is not None and after[1][0] == "s"
    )


__all__ = [
    "LOCALES",
    "MAX_CELLS",
    "MAX_CELL_CHARS",
    "MAX_COLUMNS",
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "Row",
    "Table",
    "TableError",
    "format_cell",
    "read_table",
    "system_locale",
]


def sheet_names(path: Path) -> list[str]:
    """The worksheet names of an .xlsx/.xlsm file, in order; [] for CSV.

    The file passes the same checks as ``read_table`` (size, zip directory, member sizes and
    ratios, XML prologs) before openpyxl opens it. Raises TableError.
    """
    if path.suffix.casefold() not in XLSX_SUFFIXES:
        return []
    source = str(path)
    data = _read_file(path, source)
    try:
        archive = _open_zip(source, data)
        with archive:
            _check_members(source, archive)
        import openpyxl
        from openpyxl.worksheet._read_only import ReadOnlyWorksheet

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(
                io.BytesIO(data), read_only=True, data_only=True, keep_links=False
            )
        try:
            return [name for name in book.sheetnames if isinstance(book[name], ReadOnlyWorksheet)]
        finally:
            book.close()
    except TableError:
        raise
    except Exception as error:  # a damaged workbook: the reader's own words
        raise TableError(source, None, None, f"cannot be read: {error}") from None
