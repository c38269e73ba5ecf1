"""Excel workbooks (.xlsx, .xlsm) as rows: the sheet chosen, each cell as Excel shows it.

openpyxl reads the workbook read-only with its saved values, once ``xlsx_zip`` has checked the
file. One streaming pass over the sheet's XML (``_SheetScanner``) finds what read-only mode does
not tell: formulas without a saved value, and merged ranges. Each cell is formatted with its
number format by ``numformat``; built-in formats 14 and 22 follow the locale's short date.
Rows and columns are 1-based as Excel shows them; a cap on cells read bounds the work.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final
from xml.parsers import expat

from brandstudio.tables.files import _read_file
from brandstudio.tables.grid import _build_table
from brandstudio.tables.locales import _Locale
from brandstudio.tables.numformat import _format
from brandstudio.tables.rows import (
    MAX_CELLS,
    MAX_ROWS,
    Table,
    TableError,
    _error_text,
    _Layout,
    _Merge,
    _RawRow,
)
from brandstudio.tables.xlsx_zip import _check_members, _open_zip

XLSX_SUFFIXES: Final = (".xlsx", ".xlsm")
EXCEL_LAST_ROW: Final = 1_048_576

_FORMULA_WITHOUT_VALUE: Final = (
    "formula has no saved value: open and save the file in Excel or LibreOffice"
)


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
) -> Iterator[_RawRow]:
    """The sheet's non-empty rows as they are read, cells formatted as Excel shows them."""
    from openpyxl.cell.read_only import ReadOnlyCell
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    assert isinstance(sheet, ReadOnlyWorksheet)
    sheet.reset_dimensions()  # the stored size can lie; rows then come as long as they are
    rows_read = 0
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
        yield _RawRow(number, texts, problems)
        rows_read += 1
        if rows_read > MAX_ROWS + 1:
            return  # _build_table names the first row over the cap


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
