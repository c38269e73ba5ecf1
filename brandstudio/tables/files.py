"""The file as bytes, before either reader sees it: hostile paths refused, other kinds named.

``_open_file`` opens only regular files (it never waits on a FIFO) of at most
``MAX_FILE_BYTES`` bytes; ``_read_file`` reads one whole (a workbook, at most
``MAX_WORKBOOK_BYTES``). ``_magic`` names what a file's first bytes say it is (an image, a PDF,
a zip...) and ``_CONVERT`` what a spreadsheet extension Brandstudio does not read is, with how to
save it as one it does: the CSV and .xlsx readers use both to say what a wrong file is.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO, Final

from brandstudio.tables.rows import _MIB, TableError, _error_text, _megabytes

MAX_FILE_BYTES: Final = 1024 * _MIB
"""The largest CSV or .xlsx file read at all (a CSV file is read as a stream)."""
MAX_WORKBOOK_BYTES: Final = 100 * _MIB
"""The largest .xlsx file: a workbook is read into memory whole (its rows then one by one)."""

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


def _open_file(path: Path, source: str) -> BinaryIO:
    """The file opened for reading, refused (TableError) unless it is a readable regular file
    of at most MAX_FILE_BYTES with something in it. A FIFO is never waited on. The caller
    closes it."""
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
    stream = os.fdopen(fd, "rb")
    try:
        info = os.fstat(stream.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise TableError(source, None, None, "is a folder, not a file")
        if stat.S_ISFIFO(info.st_mode):
            raise TableError(source, None, None, "is a named pipe (FIFO), not a file")
        if not stat.S_ISREG(info.st_mode):
            raise TableError(source, None, None, "is not a regular file (a device or socket?)")
        if info.st_size > MAX_FILE_BYTES:
            raise TableError(source, None, None, _too_large(info.st_size, MAX_FILE_BYTES))
        if info.st_size == 0:
            raise TableError(source, None, None, "is empty (0 bytes)")
    except OSError as error:
        stream.close()
        reason = error.strerror or _error_text(error)
        raise TableError(source, None, None, f"cannot be read: {reason}") from None
    except BaseException:
        stream.close()
        raise
    return stream


def _read_file(path: Path, source: str) -> bytes:
    """A workbook's whole bytes (at most MAX_WORKBOOK_BYTES), with the checks of
    :func:`_open_file`."""
    with _open_file(path, source) as stream:
        return _read_rest(stream, source, MAX_WORKBOOK_BYTES)


def _read_rest(stream: BinaryIO, source: str, limit: int) -> bytes:
    """What is left of ``stream``, refused as too large past ``limit`` bytes."""
    try:
        data = stream.read(limit + 1)
    except OSError as error:
        reason = error.strerror or _error_text(error)
        raise TableError(source, None, None, f"cannot be read: {reason}") from None
    if len(data) > limit:
        raise TableError(source, None, None, _too_large(len(data), limit))
    if not data:
        raise TableError(source, None, None, "is empty (0 bytes)")
    return data


def _too_large(size: int, limit: int) -> str:
    return (
        f"is {_megabytes(size)}, larger than the {_megabytes(limit)} a table may be: "
        "split it into smaller files"
    )


def _magic(data: bytes) -> str | None:
    """What kind of non-text file ``data`` starts like, or None."""
    for signature, kind in _MAGIC:
        if data.startswith(signature):
            return kind
    return None
