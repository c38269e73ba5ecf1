"""CSV and TSV files as rows: decoding, delimiter sniffing, strict quoting.

The text is UTF-8 (with or without a BOM), UTF-16 with a BOM, or Windows-1251 (what Russian
Excel saves as "CSV"), one of them for the whole file: a file whose lines disagree (rows pasted
from two sources) is refused naming the lines, never read as Windows-1251 with its UTF-8 rows
turned into mojibake. The delimiter is the one Excel's ``sep=`` first line names, else the one
among comma, semicolon and tab that makes the first records most regular (judged on the first
256 KiB). Quoting is strict: a quote never closed is an error naming its line, never a cell that
swallows the rest of the file. A record is one row even when a quoted cell spans several lines;
messages about quoting name lines of the text.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections import Counter
from pathlib import Path
from typing import Final

from brandstudio.tables.files import _OLE, _ZIP, _magic
from brandstudio.tables.rows import (
    MAX_CELLS,
    MAX_ROWS,
    Table,
    TableError,
    _build_table,
    _Layout,
    _RawRow,
)

CSV_SUFFIXES: Final = (".csv", ".tsv")
SHOWN_RANGES: Final = 8
"""How many runs of line numbers a message about mixed encodings lists before "…"."""


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
            reason = (
                _mixed_reason(data)
                if _utf8_lines(data)[0]
                else f"starts like UTF-8 text but has a byte that is not UTF-8 at offset "
                f"{error.start}"
            )
            raise TableError(source, None, None, reason) from None
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
            if _utf8_lines(data)[0]:
                raise TableError(source, None, None, _mixed_reason(data)) from None
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


def _utf8_lines(data: bytes) -> tuple[list[int], list[int]]:
    """The numbers of the lines that are UTF-8 and of those that are not; lines of ASCII alone
    (either) are in neither list. A byte 0x0A is a line break in both encodings."""
    utf8: list[int] = []
    other: list[int] = []
    for number, line in enumerate(data.split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            other.append(number)
        else:
            utf8.append(number)
    return utf8, other


def _mixed_reason(data: bytes) -> str:
    """Why a file not UTF-8 as a whole but partly UTF-8 is refused, naming the lines."""
    utf8, other = _utf8_lines(data)
    return f"{_lines(utf8)} UTF-8 but {_lines(other)} not: save the file in one encoding (UTF-8)"


def _lines(numbers: list[int]) -> str:
    """``[2, 3, 4, 7]`` -> ``"lines 2-4, 7 are"``; long lists cut, with their count."""
    runs: list[str] = []
    start = previous = numbers[0]
    for number in [*numbers[1:], 0]:
        if number != previous + 1:
            runs.append(str(start) if start == previous else f"{start}-{previous}")
            start = number
        previous = number
    shown = ", ".join(runs[:SHOWN_RANGES])
    if len(runs) > SHOWN_RANGES:
        shown += f", … ({len(numbers)} lines)"
    return f"line {shown} is" if len(numbers) == 1 else f"lines {shown} are"


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
