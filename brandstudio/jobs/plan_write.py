"""Writing a post's edits back into its row of the content plan (CSV or XLSX), nothing else.

The studio's Plan view opens a row in the editor; "This post" writes the changed slot values
back here. Only the cells named change:

- **CSV**: the file is split into its records as written (quotes, line ends and all); the
  one record is re-serialised with the file's delimiter and line end, every other byte is
  kept. The file is replaced atomically (temp file + ``os.replace``). Only UTF-8 files (with
  or without Excel's BOM, with or without a ``sep=`` line) are written: another encoding is
  refused rather than re-encoded.
- **XLSX**: openpyxl sets the cells of the row in the sheet read and keeps the rest of the
  workbook as openpyxl keeps it (values, formats, formulas; not charts or images), saved
  atomically.

A plan changed on disk since it was read (its :func:`file_stamp` differs) is refused: the
user's other edits are never overwritten.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Mapping
from pathlib import Path

from brandstudio.fsutil import atomic_write_bytes

_SEP_LINE = re.compile(r"sep=([,;\t|])(\r?\n)", re.IGNORECASE)
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r)|[^\r\n]+$")
"""A line as the csv module sees lines: only CR, LF and CRLF end one."""


class PlanWriteError(Exception):
    """A row that cannot be written back: the message says why and what to do."""


def file_stamp(path: Path) -> str:
    """What the file holds now (a SHA-256 of its bytes): compared before writing back."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_row(
    path: Path,
    sheet: str | None,
    row: int,
    cells: Mapping[str, str],
    *,
    stamp: str | None = None,
) -> None:
    """Set ``cells`` (column name -> text) of row ``row`` (the number the table reader gave:
    the record for CSV, the sheet row for XLSX). ``stamp``: the :func:`file_stamp` taken
    when the plan was read; a file changed since is refused. Raises PlanWriteError."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise PlanWriteError(f"{path.name}: cannot be read ({error.strerror or error})") from None
    if stamp is not None and hashlib.sha256(data).hexdigest() != stamp:
        raise PlanWriteError(
            f"{path.name} changed on disk since the plan was opened: open it again, then "
            "repeat the edit"
        )
    if not cells:
        return
    if path.suffix.casefold() == ".xlsx":
        _write_xlsx(path, sheet, row, cells)
    else:
        _replace(path, _csv_with_row(path.name, data, row, cells))


def _header_key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _column_index(header: list[str], column: str, name: str) -> int:
    wanted = _header_key(column)
    for index, cell in enumerate(header):
        if _header_key(cell) == wanted:
            return index
    raise PlanWriteError(f"{name}: no column {column!r} in the header")


def _csv_with_row(name: str, data: bytes, row: int, cells: Mapping[str, str]) -> bytes:
    """The CSV ``data`` with record ``row`` changed; every other record byte for byte."""
    bom = data.startswith(b"\xef\xbb\xbf")
    try:
        text = data[3:].decode("utf-8") if bom else data.decode("utf-8")
    except UnicodeDecodeError:
        raise PlanWriteError(
            f"{name} is not UTF-8 text: save it as CSV UTF-8 to write edits back into it"
        ) from None
    prefix = ""
    sep = _SEP_LINE.match(text)
    if sep:
        prefix, text = text[: sep.end()], text[sep.end() :]
    records = _records(text)
    delimiter = sep.group(1) if sep else _delimiter(records)
    parsed = [next(csv.reader([raw], delimiter=delimiter, strict=True), []) for raw in records]
    header_at = next((i for i, cells_ in enumerate(parsed) if any(c.strip() for c in cells_)), None)
    if header_at is None or not 1 <= row <= len(records) or row - 1 <= header_at:
        raise PlanWriteError(f"{name}: there is no row {row} to write into")
    header = parsed[header_at]
    values = list(parsed[row - 1])
    for column, value in cells.items():
        index = _column_index(header, column, name)
        values += [""] * (index + 1 - len(values))
        values[index] = value
    raw = records[row - 1]
    ending = "\r\n" if raw.endswith("\r\n") else "\n" if raw.endswith("\n") else ""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=ending or "\n").writerow(values)
    line = buffer.getvalue()
    records[row - 1] = line if ending else line.rstrip("\n")
    out = prefix + "".join(records)
    return (b"\xef\xbb\xbf" if bom else b"") + out.encode("utf-8")


def _records(text: str) -> list[str]:
    """The CSV's records as written: each with its own line end, quoted line breaks inside."""
    records: list[str] = []
    current = ""
    quoted = False
    for line in _LINE.findall(text):
        current += line
        quoted ^= line.count('"') % 2 == 1
        if not quoted:
            records.append(current)
            current = ""
    if current:
        records.append(current)
    return records


def _delimiter(records: list[str]) -> str:
    """The delimiter of the header record (comma, semicolon or tab, whichever it has most of;
    the table reader sniffs the same three)."""
    header = records[0] if records else ""
    return max((",", ";", "\t"), key=header.count)


def _replace(path: Path, data: bytes) -> None:
    """Write ``data`` over ``path`` atomically, keeping its permissions."""
    atomic_write_bytes(path, data)


def _write_xlsx(path: Path, sheet: str | None, row: int, cells: Mapping[str, str]) -> None:
    import openpyxl  # only for writing a workbook back

    try:
        book = openpyxl.load_workbook(path)
    except Exception as error:  # a workbook openpyxl cannot open: say so, never crash
        raise PlanWriteError(f"{path.name}: cannot be opened to write ({error})") from None
    if sheet is not None and sheet not in book.sheetnames:
        raise PlanWriteError(f"{path.name}: no sheet {sheet!r}")
    worksheet = book[sheet] if sheet is not None else book.worksheets[0]
    header: list[str] = []
    header_row = 0
    for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
        if any(value is not None and str(value).strip() for value in values):
            header = ["" if value is None else str(value) for value in values]
            header_row = number
            break
    if not header or row <= header_row:
        raise PlanWriteError(f"{path.name}: there is no row {row} to write into")
    for column, value in cells.items():
        index = _column_index(header, column, path.name)
        worksheet.cell(row=row, column=index + 1).value = value
    buffer = io.BytesIO()
    book.save(buffer)
    _replace(path, buffer.getvalue())
