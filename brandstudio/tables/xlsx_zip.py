"""An .xlsx file's zip, checked before openpyxl reads it: the guard against hostile workbooks.

The zip's table of contents (entries, bytes), each member's declared unpacked size and
compression ratio, the total unpacked size (bytes) and each XML member's prolog (no
``<!DOCTYPE``, so no entity expansion) are checked from declared sizes and first bytes, before
anything is unpacked in full. A zip that is another document (.ods, .xlsb, Word, PowerPoint) or
not a zip at all is named for what it is.
"""

from __future__ import annotations

import io
import struct
import zipfile
from typing import Final
from xml.parsers import expat

from brandstudio.tables.files import _CONVERT, _OLE, _magic
from brandstudio.tables.rows import _MIB, TableError, _megabytes, _shown

MAX_ZIP_ENTRIES: Final = 1_000
MAX_ZIP_DIRECTORY_BYTES: Final = 4 * _MIB
MAX_UNPACKED_BYTES: Final = 300 * _MIB
"""Cap on the sum of an .xlsx file's members' unpacked sizes."""
MAX_RATIO: Final = 200
RATIO_FLOOR: Final = _MIB
"""Members smaller than this unpacked may compress as well as they like."""

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
