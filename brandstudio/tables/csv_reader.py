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
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO, Final

from brandstudio.tables.files import _OLE, _ZIP, _magic
from brandstudio.tables.grid import _build_table
from brandstudio.tables.rows import (
    MAX_CELLS,
    MAX_ROWS,
    Table,
    TableError,
    _Layout,
    _RawRow,
)

CSV_SUFFIXES: Final = (".csv", ".tsv")
SHOWN_RANGES: Final = 8
"""How many runs of line numbers a message about mixed encodings lists before "…"."""
SNIFF_CHARS: Final = 256 * 1024
"""How much text the delimiter is judged on."""
_CHUNK_BYTES: Final = 1 << 20


def _read_csv(path: Path, source: str, stream: BinaryIO) -> Table:
    """The table in a CSV file, read as a stream: one pass to choose the encoding, one to read
    the rows (never the whole text in memory)."""
    kind = _magic(stream.read(16))
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
    encoding = _encoding(source, stream, notes)
    stream.seek(0)
    with io.TextIOWrapper(stream, encoding=encoding, newline="") as text:
        lines = _text_lines(source, text)
        head, delimiter, skipped_lines = _delimiter(lines, notes)
        reader = csv.reader(
            itertools.chain(head, lines),
            delimiter=delimiter,
            quotechar='"',
            doublequote=True,
            skipinitialspace=False,
            strict=True,
        )
        layout = _Layout(is_csv=True, empty_message="has no table: every line is empty")
        records = _records(source, reader, skipped_lines)
        return _build_table(path, source, None, records, notes, layout)


def _delimiter(lines: Iterator[str], notes: list[str]) -> tuple[list[str], str, int]:
    """Read the first SNIFF_CHARS of text (whole lines) from ``lines`` and choose the
    delimiter: the one Excel's ``sep=`` line names (that line is then dropped) or the one that
    makes the first records most regular. Returns the lines read, the delimiter, and how many
    lines were dropped."""
    head: list[str] = []
    size = 0
    for line in lines:
        head.append(line)
        size += len(line)
        if size >= SNIFF_CHARS:
            break
    sep_line = re.match(r"sep=([,;\t|])\r?\n", head[0], re.IGNORECASE) if head else None
    skipped_lines = 0
    if sep_line:  # Excel's "sep=;" line: it names the delimiter and is no row
        delimiter = sep_line.group(1)
        del head[0]  # the whole line: lines end at its line feed
        skipped_lines = 1
    else:
        delimiter = _sniff_delimiter("".join(head)[:SNIFF_CHARS])
    if delimiter != ",":
        notes.append("columns separated by " + ("tabs" if delimiter == "\t" else repr(delimiter)))
    return head, delimiter, skipped_lines


def _records(source: str, reader: Any, skipped_lines: int) -> Iterator[_RawRow]:
    """The non-empty records of ``reader`` (a csv.reader) as raw rows, numbered as Excel
    numbers them; TableError for bad quoting (naming lines) or too many cells."""
    number = 0
    line = 0  # the last line of the last record read
    cells = 0
    rows = 0
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
            yield _RawRow(number, record)
            rows += 1
            if rows > MAX_ROWS + 1:
                return  # _build_table names the first row over the cap
    except csv.Error as error:
        start, now = line + 1 + skipped_lines, reader.line_num + skipped_lines
        raise TableError(source, number + 1, None, _csv_reason(str(error), start, now)) from None


def _text_lines(source: str, text: io.TextIOWrapper) -> Iterator[str]:
    """The lines of ``text`` with their line ends; TableError at a NUL character (possible
    only in UTF-16: the other encodings refused NUL bytes already)."""
    for line in text:
        if "\x00" in line:
            raise TableError(source, None, None, "has a NUL character: it is not a text table")
        yield line


def _chunks(stream: BinaryIO) -> Iterator[bytes]:
    while chunk := stream.read(_CHUNK_BYTES):
        yield chunk


def _encoding(source: str, stream: BinaryIO, notes: list[str]) -> str:
    """The codec to read the CSV file with: UTF-8 (with or without BOM), UTF-16 with BOM, or
    Windows-1251 (with a note); TableError for a file that is none of them, or mixes them.
    Reads the file in chunks from its start."""
    stream.seek(0)
    start = stream.read(4)
    stream.seek(0)
    if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        wide = codecs.getincrementaldecoder("utf-16")()
        try:
            for chunk in _chunks(stream):
                wide.decode(chunk)
            wide.decode(b"", final=True)
        except UnicodeDecodeError:
            raise TableError(
                source, None, None, "starts like UTF-16 text but is damaged (odd bytes)"
            ) from None
        notes.append("read as UTF-16 text")
        return "utf-16"
    bom = start.startswith(codecs.BOM_UTF8)
    if bom:
        stream.seek(len(codecs.BOM_UTF8))
    decoder = codecs.getincrementaldecoder("utf-8")()
    bad_at = -1  # where UTF-8 fails (after the BOM), or -1
    nul_at = -1
    offset = 0
    for chunk in _chunks(stream):
        if nul_at < 0 and (found := chunk.find(b"\x00")) >= 0:
            nul_at = offset + found
        if bad_at < 0:
            pending = len(decoder.getstate()[0])
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as error:
                bad_at = offset - pending + error.start
        offset += len(chunk)
    if bad_at < 0:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as error:
            bad_at = offset - len(error.object) + error.start
    if nul_at >= 0 and not bom:
        raise TableError(
            source,
            None,
            None,
            f"has a NUL byte at offset {nul_at}: it is not a text table, or it is damaged",
        )
    if bad_at < 0:
        if nul_at >= 0:
            raise TableError(source, None, None, "has a NUL character: it is not a text table")
        return "utf-8-sig" if bom else "utf-8"
    stream.seek(0)
    if _has_utf8_line(stream):
        stream.seek(0)
        raise TableError(source, None, None, _mixed_reason(stream))
    if bom:
        raise TableError(
            source,
            None,
            None,
            f"starts like UTF-8 text but has a byte that is not UTF-8 at offset {bad_at}",
        )
    stream.seek(0)
    offset = 0
    for chunk in _chunks(stream):  # every byte but 0x98 is a letter in Windows-1251
        if (found := chunk.find(b"\x98")) >= 0:
            raise TableError(
                source,
                None,
                None,
                f"is neither UTF-8 nor Windows-1251 text (byte 0x98 at offset {offset + found}):"
                " save it as CSV UTF-8",
            )
        offset += len(chunk)
    notes.append(
        "read as Windows-1251 (Cyrillic) text, because it is not UTF-8: this is how "
        'Excel saves "CSV (comma delimited)" («CSV (разделители — запятые)»); choose '
        '"CSV UTF-8" to be sure of every letter'
    )
    return "cp1251"


def _non_ascii_lines(stream: BinaryIO) -> Iterator[tuple[int, bool]]:
    """(line number, whether it is UTF-8) for each line of ``stream`` (from where it stands)
    with bytes beyond ASCII. A byte 0x0A is a line break in both encodings."""
    for number, line in enumerate(stream, start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            yield number, False
        else:
            yield number, True


def _has_utf8_line(stream: BinaryIO) -> bool:
    """True when a line of ``stream`` (from where it stands) has UTF-8 beyond ASCII."""
    return any(is_utf8 for _, is_utf8 in _non_ascii_lines(stream))


def _utf8_lines(stream: BinaryIO) -> tuple[list[int], list[int]]:
    """The numbers of the lines that are UTF-8 and of those that are not; lines of ASCII alone
    (either) are in neither list."""
    utf8: list[int] = []
    other: list[int] = []
    for number, is_utf8 in _non_ascii_lines(stream):
        (utf8 if is_utf8 else other).append(number)
    return utf8, other


def _mixed_reason(stream: BinaryIO) -> str:
    """Why a file not UTF-8 as a whole but partly UTF-8 is refused, naming the lines."""
    utf8, other = _utf8_lines(stream)
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
    sample = text[:SNIFF_CHARS]
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
