"""Rows and tables: the types every reader returns, the limits they share, and the grid step.

:class:`Table`, :class:`Row` and :class:`TableError` are what ``read_table`` gives back. Both
readers (``csv_reader``, ``xlsx_reader``) hand their non-empty rows to :func:`_build_table`, which
takes the first as the header, names the columns (trimmed, compared ignoring case) and turns each
data row into a :class:`Row`. The checks on a title row, a two-row header, nameless and duplicate
columns live here, so both formats explain them in the same words. Limits count rows, columns,
cells and characters; row numbers are those Excel shows (1-based), column indexes are 0-based.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

_MIB: Final = 1024 * 1024
MAX_ROWS: Final = 100_000
"""The most data rows (empty rows not counted) a table may have."""
MAX_COLUMNS: Final = 1_000
"""The widest header, counting up to the last named column."""
MAX_CELLS: Final = 2_000_000
"""The most cells read from a file (the sum of every row's width): bounds the work."""
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
    rows: tuple[Row, ...]
    notes: tuple[str, ...] = ()
    """Remarks worth showing: the encoding or sheet chosen, rows skipped, cells cleaned."""


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
