"""Rows and tables: the types every reader returns, the limits they share, small helpers.

:class:`Table`, :class:`Row` and :class:`TableError` are what ``read_table`` gives back; the
raw grid (``_RawRow``, ``_Merge``, ``_Layout``) is what the readers hand to ``grid``, which
builds the table. Limits count rows, columns, cells and characters; row numbers are those
Excel shows (1-based), column indexes are 0-based.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

_MIB: Final = 1024 * 1024
MAX_ROWS: Final = 1_000_000
"""The most data rows (empty rows not counted) a table may have (rows past the first few
thousand are held in a temporary file, not in memory: see ``row_store``)."""
MAX_COLUMNS: Final = 1_000
"""The widest header, counting up to the last named column."""
MAX_CELLS: Final = 20_000_000
"""The most cells read from a file (the sum of every row's width): bounds the work (about a
minute of reading)."""
MAX_CELL_CHARS: Final = 10_000
"""The longest cell text a row may have; a longer cell is a problem of that row."""


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
    rows: Sequence[Row]
    """In file order; a tuple, or a ``row_store.RowStore`` (read back from a temporary file
    past its first rows) from ``read_table``."""
    notes: tuple[str, ...] = ()
    """Remarks worth showing: the encoding or sheet chosen, rows skipped, cells cleaned."""

    def rows_with_errors(self) -> int:
        """How many rows have an error (a large table counted them as they were read)."""
        counted = getattr(self.rows, "errors", None)
        if isinstance(counted, int):
            return counted
        return sum(1 for row in self.rows if row.error)


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
