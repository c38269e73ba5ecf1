"""The grid step shared by CSV and Excel: a file's non-empty rows built into a Table, in one pass.

Both readers (``csv_reader``, ``xlsx_reader``) hand their non-empty rows, as they read them, to
:func:`_build_table`, which takes the first as the header, names the columns (trimmed, compared
ignoring case) and turns each data row into a :class:`Row`, stored in a :class:`RowStore` (so a
500,000-row catalogue is never all in memory). The checks on a title row, a two-row header,
nameless and duplicate columns live here, so both formats explain them in the same words; the
checks that need every row (a nameless column with a value far down) are settled when the last
row has been read, before the table is returned.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from pathlib import Path

from brandstudio.tables import rows as limits
from brandstudio.tables.row_store import RowStore
from brandstudio.tables.rows import (
    Row,
    Table,
    TableError,
    _clean,
    _column_letter,
    _header_name,
    _Layout,
    _Merge,
    _ranges,
    _RawRow,
    _shown,
)


def _build_table(
    path: Path,
    source: str,
    sheet: str | None,
    raw_rows: Iterable[_RawRow],
    notes: list[str],
    layout: _Layout,
    merges: Sequence[_Merge] = (),
) -> Table:
    """Header, names and rows from the non-empty rows of a file (read as they come)."""
    stream = iter(raw_rows)
    header = next(stream, None)
    if header is None:
        raise TableError(source, None, None, layout.empty_message)
    names, cleaned_cells = _header_names(source, header, layout, merges)
    width = len(names)
    following = list(itertools.islice(stream, 2))
    _check_title_row(source, header, names, following)
    _check_duplicate_names(source, header.number, names, layout)
    columns = [(index, name) for index, name in enumerate(names) if name]
    unnamed = _UnnamedColumns(names)
    tall = _TallHeader(header, merges)
    anchors = {merge.min_row for merge in merges}
    anchored: dict[int, _RawRow] = {}

    store = RowStore([name for _, name in columns])
    skipped: list[int] = []
    previous = header.number
    count = 0
    for raw in itertools.chain(following, stream):
        count += 1
        if count > limits.MAX_ROWS:
            raise TableError(
                source,
                raw.number,
                None,
                f"the table has more than {limits.MAX_ROWS:,} rows: split it into smaller files",
            )
        unnamed.see(raw)
        tall.see(raw)
        if raw.number in anchors:
            anchored[raw.number] = raw
        row, changed = _data_row(raw, columns, width, header.number, layout)
        cleaned_cells += changed
        if row is None:
            continue  # nothing in the named columns: an empty row for the merge
        if len(skipped) < 10_000:
            skipped.extend(range(previous + 1, raw.number)[: 10_000 - len(skipped)])
        previous = raw.number
        try:
            store.append(row)
        except OSError as error:
            raise TableError(
                source, None, None, f"cannot be held in a temporary file: {error.strerror}"
            ) from None
    tall.check(source)
    unnamed.check(source, header, layout, merges)
    if skipped:
        many = len(skipped)
        notes.append(
            f"skipped {many} empty row{'s' if many > 1 else ''} ({_ranges(skipped)})"
            if many < 10_000
            else f"skipped many empty rows ({_ranges(skipped)})"
        )
    if not store:
        notes.append(f"the table has no rows under its header (row {header.number})")
    notes += _merge_notes(header, names, anchored, merges)
    if cleaned_cells:
        notes.append(
            f"removed control characters (invisible codes such as NUL) from {cleaned_cells} "
            f"cell{'s' if cleaned_cells > 1 else ''}"
        )
    return Table(
        path=path,
        sheet=sheet,
        columns=tuple(name for _, name in columns),
        rows=store,
        notes=tuple(notes),
    )


def _header_names(
    source: str, header: _RawRow, layout: _Layout, merges: Sequence[_Merge]
) -> tuple[list[str], int]:
    """The column names up to the last named (or merged-over) one, and how many header
    cells had control characters removed."""
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
        if len(name) > limits.MAX_CELL_CHARS:
            raise TableError(
                source,
                header.number,
                None,
                f"the header cell {layout.cell(index, header.number)} is {len(name):,} "
                f"characters long: a column name may have at most {limits.MAX_CELL_CHARS:,}",
            )
        names.append(name)
    width = max((i + 1 for i, name in enumerate(names) if name), default=0)
    for merge in merges:  # a merged header cell spans its columns: they are in the header
        if merge.min_row <= header.number <= merge.max_row and merge.min_col <= width:
            width = max(width, min(merge.max_col, width + limits.MAX_COLUMNS))
    names += [""] * (width - len(names))
    if width > limits.MAX_COLUMNS:
        raise TableError(
            source,
            header.number,
            None,
            f"has {width:,} columns; a table may have at most {limits.MAX_COLUMNS:,}",
        )
    return names[:width], cleaned_cells


def _data_row(
    raw: _RawRow, columns: list[tuple[int, str]], width: int, header_row: int, layout: _Layout
) -> tuple[Row | None, int]:
    """One data row (None when its named columns are all empty and it has no problem), and
    how many of its cells had control characters removed."""
    cleaned_cells = 0
    values: dict[str, str] = {}
    problems: list[tuple[str | None, str]] = []
    for index, name in columns:
        text = raw.cells[index] if index < len(raw.cells) else ""
        text, changed = _clean(text)
        cleaned_cells += changed
        if len(text) > limits.MAX_CELL_CHARS:
            problems.append(
                (
                    name,
                    f"the cell is {len(text):,} characters long; a cell may have at most "
                    f"{limits.MAX_CELL_CHARS:,}",
                )
            )
            text = text[: limits.MAX_CELL_CHARS]
        if index in raw.problems:
            problems.append((name, raw.problems[index]))
        values[name] = text
    extra = [(i, text) for i, text in enumerate(raw.cells) if i >= width and text.strip()]
    if extra:
        problems.append((None, _extra_message(raw, extra, width, header_row, layout)))
    if not problems and not any(value.strip() for value in values.values()):
        return None, cleaned_cells
    error = None
    if problems:
        column, reason = problems[0]
        if len(problems) > 1:
            more = len(problems) - 1
            reason += f" (and {more} more problem{'s' if more > 1 else ''} in this row)"
        error = f"column {_shown(column)}: {reason}" if column is not None else reason
    return Row(raw.number, values, error), cleaned_cells


def _check_title_row(
    source: str, header: _RawRow, names: list[str], following: Sequence[_RawRow]
) -> None:
    """A single-cell first row above wider rows is a title, not a header: say so.

    Wider means the next row and the one after it (if any) both hold more than one value, so a
    one-column table with a stray note in one row is not taken for a title.
    """
    named = [name for name in names if name]
    if len(named) != 1 or not following:
        return

    def filled(raw: _RawRow) -> int:
        return sum(1 for text in raw.cells if text.strip())

    first = following[0]
    if filled(first) > 1 and all(filled(raw) > 1 for raw in following[1:2]):
        raise TableError(
            source,
            header.number,
            None,
            f"the header row has one name ({_shown(named[0])}) but row {first.number} has "
            f"{filled(first)} values: if row {header.number} is a title above the table, "
            "delete that row (the first non-empty row must hold the column names)",
        )


class _UnnamedColumns:
    """A column inside the header's width with no name but with values is an error (a blank
    column between named ones is ignored); rows are seen one by one, the verdict comes last."""

    def __init__(self, names: list[str]) -> None:
        self._width = len(names)
        self._nameless = {index for index, name in enumerate(names) if not name}
        self._found: dict[int, int] = {}  # column index -> first row with a value there

    def see(self, raw: _RawRow) -> None:
        if len(self._found) == len(self._nameless):
            return
        for index in self._nameless:
            if index in self._found:
                continue
            if (index < len(raw.cells) and raw.cells[index].strip()) or index in raw.problems:
                self._found[index] = raw.number

    def check(
        self, source: str, header: _RawRow, layout: _Layout, merges: Sequence[_Merge]
    ) -> None:
        if not self._found:
            return
        index = min(self._found)
        first = self._found[index]
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


class _TallHeader:
    """A header cell merged down over rows that hold values: a two-row header, which would
    make its second row a data row."""

    def __init__(self, header: _RawRow, merges: Sequence[_Merge]) -> None:
        self._header = header.number
        self._tall = [m for m in merges if m.min_row <= header.number < m.max_row]
        self._below: dict[int, int] = {}  # place in merges -> first row under it with values

    def see(self, raw: _RawRow) -> None:
        for place, merge in enumerate(self._tall):
            if place not in self._below and self._header < raw.number <= merge.max_row:
                self._below[place] = raw.number

    def check(self, source: str) -> None:
        if not self._below:
            return
        place = min(self._below)
        merge = self._tall[place]
        raise TableError(
            source,
            self._header,
            None,
            f"the header cell {merge} is merged down into row {self._below[place]}, which has "
            f"values: the column names must all be in one row; unmerge {merge} and "
            f"put every name in row {self._header}",
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
    header: _RawRow, names: list[str], anchored: dict[int, _RawRow], merges: Sequence[_Merge]
) -> list[str]:
    """A note on merged ranges below the header whose first cell has a value: the other rows
    of the range see that cell empty. ``anchored``: the rows where ranges start, by number."""
    notes: list[str] = []
    repeated: list[str] = []
    for merge in merges:
        if merge.min_row <= header.number or merge.min_col > len(names):
            continue
        if not any(names[c - 1] for c in range(merge.min_col, min(merge.max_col, len(names)) + 1)):
            continue
        anchor = anchored.get(merge.min_row)
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
