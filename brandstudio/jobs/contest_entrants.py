"""Contest entrants: ids read from the files people have, normalised, filtered, deduplicated.

An entrants file is a table (``.csv``, ``.tsv``, ``.xlsx``, ``.xlsm``: comments, reposts or
members exported from a network; the ids are in the column ``--column`` names, else the first)
or a plain text list (any other extension: one id per line, UTF-8). Each id is normalised, in
this order (issue 17):

1. Unicode NFC;
2. surrounding white space trimmed;
3. ``str.lower()``;
4. one profile-address prefix removed, the longest that matches, from :data:`PREFIXES`
   (``https://vk.com/``, ``t.me/``, ``instagram.com/``, ``ok.ru/profile/``...);
5. a leading ``@`` removed.

So ``@Ivan``, ``ivan`` and ``https://vk.com/ivan`` are one entrant. Then each line is kept or
dropped, the first reason that applies winning: ``empty`` (nothing left), ``line break`` (a
table cell of several lines cannot be one id), ``condition failed`` (a ``--require COL=VALUE``
whose column differs, compared trimmed and ignoring case), ``unreadable row`` (a table row
the reader flagged), ``excluded`` (in the ``--exclude`` list, normalised the same way),
``duplicate of FILE line N``. Every dropped line is kept with its file and line (text) or row
(table) number for ``dropped.csv``.

Files are hostile: tables go through :mod:`brandstudio.tables` (caps, zip bombs refused); a
text list must be a regular file under :data:`MAX_TEXT_BYTES`, in UTF-8. Unusable files raise
:class:`ContestError` naming the file.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from brandstudio.jobs.common import PlanError
from brandstudio.tables import XLSX_SUFFIXES, read_table

MAX_TEXT_BYTES: Final = 64 * 1024 * 1024
"""The largest plain-text list read (64 MiB: millions of ids)."""
TABLE_SUFFIXES: Final = (".csv", ".tsv", *XLSX_SUFFIXES)
"""Extensions read as tables; every other file is a plain text list."""

_HOSTS: Final = (
    "vk.com/", "m.vk.com/", "www.vk.com/", "vk.ru/", "m.vk.ru/",
    "t.me/", "telegram.me/", "www.t.me/",
    "instagram.com/", "www.instagram.com/", "m.instagram.com/",
    "ok.ru/profile/", "m.ok.ru/profile/", "www.ok.ru/profile/", "ok.ru/", "m.ok.ru/", "www.ok.ru/",
)  # fmt: skip
PREFIXES: Final = tuple(
    sorted(
        (scheme + host for scheme in ("https://", "http://", "") for host in _HOSTS),
        key=lambda prefix: (-len(prefix), prefix),
    )
)
"""Profile-address prefixes (VK, Telegram, Instagram, OK; https, http or none), longest first:
at most one is removed, the longest that matches."""


class ContestError(PlanError):
    """An entrants file, an exclude list or a contest folder that cannot be used."""


def normalise(raw: str) -> str:
    """An id as the draw knows it: NFC, trimmed, lower-cased, one prefix and a leading @ off."""
    text = unicodedata.normalize("NFC", raw).strip().lower()
    for prefix in PREFIXES:
        if text.startswith(prefix):
            text = text[len(prefix) :]
            break
    return text.removeprefix("@")


@dataclass(frozen=True)
class Line:
    """One id as read: the file, the place in it ("line 3", "row 5"), the text as written, and
    the values of its table row (empty for a text list)."""

    source: str
    place: str
    raw: str
    values: tuple[tuple[str, str], ...] = ()
    error: str | None = None


@dataclass(frozen=True)
class Dropped:
    """A line left out of the draw and why."""

    source: str
    place: str
    raw: str
    reason: str


@dataclass(frozen=True)
class Entrants:
    """The entrants kept (normalised, unique, sorted by code point) and the lines dropped."""

    ids: tuple[str, ...]
    dropped: tuple[Dropped, ...]


@dataclass(frozen=True)
class Requirement:
    """``--require COL=VALUE``: the column ``column`` must hold ``value`` (trimmed, any case)."""

    column: str
    value: str

    @classmethod
    def parse(cls, text: str) -> Requirement:
        column, sep, value = text.partition("=")
        if not sep or not column.strip():
            raise ContestError(f"--require {text}: expected COLUMN=VALUE")
        return cls(column.strip(), value.strip())

    def failure(self, values: dict[str, str]) -> str | None:
        """None when the row meets it, else the reason ("condition failed: ...")."""
        found = values.get(self.column.casefold(), "").strip()
        if found.casefold() == self.value.casefold():
            return None
        return f"condition failed: {self.column} is {found!r}, not {self.value!r}"


def read_capped(path: Path, cap: int, *, follow_links: bool = True) -> bytes:
    """A regular file's bytes, at most ``cap`` (read in 1 MiB chunks: memory follows the file,
    not the cap); ContestError naming the file otherwise (a folder, a FIFO, a link when not
    ``follow_links``, too large)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
    if not follow_links:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        if not follow_links and path.is_symlink():
            raise ContestError(f"{path}: is a link; refusing to follow it") from None
        raise ContestError(f"{path}: {error.strerror or error}") from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise ContestError(f"{path}: not a regular file")
    chunks: list[bytes] = []
    total = 0
    with os.fdopen(fd, "rb") as stream:
        while chunk := stream.read(1024 * 1024):
            total += len(chunk)
            if total > cap:
                raise ContestError(f"{path}: larger than {cap // (1024 * 1024)} MiB")
            chunks.append(chunk)
    return b"".join(chunks)


def read_text_lines(path: Path) -> list[str]:
    """A plain text list's lines (UTF-8, an optional BOM; CRLF or LF), from a regular file only.

    The empty string after a final line break is not a line.
    """
    data = read_capped(path, MAX_TEXT_BYTES)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ContestError(
            f"{path}: line {line}: not UTF-8 text (save the list as UTF-8)"
        ) from None
    if "\x00" in text:
        raise ContestError(f"{path}: holds NUL bytes: not a text list")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.removesuffix("\r") for line in lines]


def _text_lines(path: Path) -> Iterator[Line]:
    for number, raw in enumerate(read_text_lines(path), start=1):
        yield Line(str(path), f"line {number}", raw)


def _table_lines(path: Path, column: str | None, needed: Sequence[str]) -> Iterator[Line]:
    table = read_table(path)
    if not table.columns:
        raise ContestError(f"{path}: the table has no columns")
    names = {name.casefold(): name for name in table.columns}
    for wanted in ([column] if column else []) + list(needed):
        if wanted.casefold() not in names:
            known = ", ".join(table.columns)
            raise ContestError(f"{path}: no column {wanted!r} (its columns: {known})")
    chosen = names[column.casefold()] if column else table.columns[0]
    for row in table.rows:
        values = tuple((name.casefold(), value) for name, value in row.values.items())
        yield Line(str(path), f"row {row.number}", row.values.get(chosen, ""), values, row.error)


def entrant_lines(
    path: Path, column: str | None = None, needed: Sequence[str] = ()
) -> Iterator[Line]:
    """Every candidate line of one entrants file, table or text list (see the module doc)."""
    if path.suffix.casefold() in TABLE_SUFFIXES:
        return _table_lines(path, column, needed)
    if needed:
        raise ContestError(f"{path}: --require needs a table (CSV/XLSX), not a text list")
    return _text_lines(path)


def read_exclusions(path: Path) -> dict[str, str]:
    """The ``--exclude`` list: normalised id -> where it is ("FILE line N")."""
    excluded: dict[str, str] = {}
    for number, raw in enumerate(read_text_lines(path), start=1):
        entrant = normalise(raw)
        if entrant:
            excluded.setdefault(entrant, f"{path} line {number}")
    return excluded


def collect_entrants(
    paths: Sequence[Path],
    *,
    column: str | None = None,
    require: Sequence[Requirement] = (),
    exclude: Path | None = None,
) -> Entrants:
    """Read every file in turn; the kept ids sorted by code point, the dropped lines in order."""
    if not paths:
        raise ContestError("give at least one entrants file")
    excluded = read_exclusions(exclude) if exclude is not None else {}
    first_seen: dict[str, str] = {}
    dropped: list[Dropped] = []
    for path in paths:
        for line in entrant_lines(path, column, [item.column for item in require]):
            entrant = normalise(line.raw)
            reason = _reason(line, entrant, require, excluded, first_seen)
            if reason is None:
                first_seen[entrant] = f"{line.source} {line.place}"
            else:
                dropped.append(Dropped(line.source, line.place, line.raw, reason))
    return Entrants(tuple(sorted(first_seen)), tuple(dropped))


def _reason(
    line: Line,
    entrant: str,
    require: Sequence[Requirement],
    excluded: dict[str, str],
    first_seen: dict[str, str],
) -> str | None:
    """Why ``line`` is dropped (the first reason that applies), or None to keep it."""
    if not entrant:
        return "empty"
    if "\n" in entrant or "\r" in entrant:
        return "line break: an id is one line"
    values = dict(line.values)
    for requirement in require:
        failure = requirement.failure(values)
        if failure:
            return failure
    if line.error:
        return f"unreadable row: {line.error}"
    if entrant in excluded:
        return f"excluded ({excluded[entrant]})"
    if entrant in first_seen:
        return f"duplicate of {first_seen[entrant]}"
    return None


def canonical_list(ids: Sequence[str]) -> bytes:
    """The canonical list: ids sorted by code point, each followed by a line feed, UTF-8."""
    return "".join(entrant + "\n" for entrant in sorted(ids)).encode("utf-8")
