"""The engine's reasons for a failed or skipped item, in the studio's language.

The engine (``render.photo``, ``batch``, ``jobs``) writes its reasons in English: they go to
``report.json`` and the terminal, where scripts read them. The studio shows the same reasons
translated: each known form is a pattern here, its numbers and names carried over; a reason
that matches none is shown as the engine wrote it.
"""

from __future__ import annotations

import re
from typing import Final

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT: Final = "EngineMessages"

Forms = tuple[tuple[re.Pattern[str], str], ...]


def _forms(*pairs: tuple[str, object]) -> Forms:
    """(English pattern, text to translate: a QT_TRANSLATE_NOOP) pairs, the patterns compiled."""
    return tuple((re.compile(pattern), str(text)) for pattern, text in pairs)


# (pattern of the English reason, the text to translate with %1, %2… for the groups)
_FORMS: Final = _forms(
    (
        r"truncated or damaged image file",
        QT_TRANSLATE_NOOP("EngineMessages", "truncated or damaged image file"),
    ),
    (r"zero-byte file", QT_TRANSLATE_NOOP("EngineMessages", "empty file (0 bytes)")),
    (r"not a regular file", QT_TRANSLATE_NOOP("EngineMessages", "not a regular file")),
    (r"file not found", QT_TRANSLATE_NOOP("EngineMessages", "file not found")),
    (
        r"cannot be read: permission denied",
        QT_TRANSLATE_NOOP("EngineMessages", "cannot be read: permission denied"),
    ),
    (
        r"not enough memory to decode it",
        QT_TRANSLATE_NOOP("EngineMessages", "not enough memory to decode it"),
    ),
    (
        r"too large: (\d+) MiB file \(limit (\d+) MiB\)",
        QT_TRANSLATE_NOOP("EngineMessages", "too large: a %1 MiB file (limit %2 MiB)"),
    ),
    (
        r"too large: (\d+)x(\d+) px \(limit (\d+) MP\)",
        QT_TRANSLATE_NOOP("EngineMessages", "too large: %1×%2 px (limit %3 MP)"),
    ),
    (
        r"too large: ([\d,]+) MP \(limit (\d+) MP\)",
        QT_TRANSLATE_NOOP("EngineMessages", "too large: %1 MP (limit %2 MP)"),
    ),
    (
        r"too large \(limit (\d+) MP\)",
        QT_TRANSLATE_NOOP("EngineMessages", "too large (limit %1 MP)"),
    ),
    (
        r"not an image we can read \(unrecognised file format\)",
        QT_TRANSLATE_NOOP("EngineMessages", "not an image Brandstudio can read (unknown format)"),
    ),
    (
        r"not an image we can read \(format (.+) is not supported\)",
        QT_TRANSLATE_NOOP(
            "EngineMessages", "not an image Brandstudio can read (%1 is not supported)"
        ),
    ),
    (
        r"not a photo by its name \(no extension\)",
        QT_TRANSLATE_NOOP("EngineMessages", "not a photo by its name (no extension)"),
    ),
    (
        r"not a photo by its name \((\S+)\)",
        QT_TRANSLATE_NOOP("EngineMessages", "not a photo by its name (%1)"),
    ),
    (
        r"not started: the batch stopped before it",
        QT_TRANSLATE_NOOP("EngineMessages", "not started: the job stopped before it"),
    ),
    (
        r"not done: the export stopped",
        QT_TRANSLATE_NOOP("EngineMessages", "not done: the export stopped"),
    ),
    (
        r"took longer than (\d+) s: stopped",
        QT_TRANSLATE_NOOP("EngineMessages", "took longer than %1 s: stopped"),
    ),
    (
        r"the worker processing it twice stopped \(.*\)",
        QT_TRANSLATE_NOOP("EngineMessages", "the process working on it stopped twice"),
    ),
    (
        r"the worker processing it stopped \(.*\)",
        QT_TRANSLATE_NOOP("EngineMessages", "the process working on it stopped"),
    ),
    # why a contest entrant's line is dropped (jobs.contest_entrants)
    (r"empty", QT_TRANSLATE_NOOP("EngineMessages", "empty")),
    (
        r"duplicate of (.+) (?:row|line) (\d+)",
        QT_TRANSLATE_NOOP("EngineMessages", "a repeat of %1, line %2"),
    ),
    (r"excluded \((.+)\)", QT_TRANSLATE_NOOP("EngineMessages", "on the exclude list (%1)")),
    (
        r"condition failed: (.+) is '(.*)', not '(.*)'",
        QT_TRANSLATE_NOOP("EngineMessages", "condition not met: %1 is '%2', not '%3'"),
    ),
    (
        r"line break: an id is one line",
        QT_TRANSLATE_NOOP("EngineMessages", "a line break inside: an id is one line"),
    ),
    (r"unreadable row: (.+)", QT_TRANSLATE_NOOP("EngineMessages", "unreadable row: %1")),
    (r"(?:row|line) (\d+)", QT_TRANSLATE_NOOP("EngineMessages", "line %1")),
)

# what reading a spreadsheet noticed (tables: Table.notes); English keeps the engine's words
_NOTE_FORMS: Final = _forms(
    (
        r"columns separated by tabs",
        QT_TRANSLATE_NOOP("EngineMessages", "columns separated by tabs"),
    ),
    (
        r"columns separated by '(.)'",
        QT_TRANSLATE_NOOP("EngineMessages", "columns separated by “%1”"),
    ),
    (r"read as UTF-16 text", QT_TRANSLATE_NOOP("EngineMessages", "read as UTF-16 text")),
    (
        r"read as Windows-1251 \(Cyrillic\) text, because it is not UTF-8: .*",
        QT_TRANSLATE_NOOP(
            "EngineMessages",
            "read as Windows-1251 (Cyrillic) text, because it is not UTF-8: this is how Excel"
            " saves “CSV (comma delimited)”; choose “CSV UTF-8” to be sure of every letter",
        ),
    ),
    (
        r"skipped (\d+) empty rows? \((.+)\)",
        QT_TRANSLATE_NOOP("EngineMessages", "skipped empty rows: %1 (%2)"),
    ),
    (
        r"skipped many empty rows \((.+)\)",
        QT_TRANSLATE_NOOP("EngineMessages", "skipped many empty rows: %1"),
    ),
    (
        r"the table has no rows under its header \(row (\d+)\)",
        QT_TRANSLATE_NOOP("EngineMessages", "the table has no rows under its header (row %1)"),
    ),
    (
        r"removed control characters \(invisible codes such as NUL\) from (\d+) cells?",
        QT_TRANSLATE_NOOP(
            "EngineMessages",
            "removed control characters (invisible codes such as NUL) from cells: %1",
        ),
    ),
    (
        r"merged cells (.+?): only the first cell of a merged range .*",
        QT_TRANSLATE_NOOP(
            "EngineMessages",
            "merged cells %1: only the first cell of a merged range has its value, the other"
            " rows see it empty (unmerge and fill the cells to repeat a value)",
        ),
    ),
    (
        r"read the sheet (.+?); the file also has (.+)",
        QT_TRANSLATE_NOOP("EngineMessages", "read the sheet %1; the file also has %2"),
    ),
)


def translated_reason(reason: str) -> str:
    """``reason`` in the studio's language when it is one of the engine's known forms.

    A reason may start with the file it is about (``photos/a.jpg: truncated…``): the file
    stays, the rest is translated."""
    whole = _translate(reason)
    if whole is not None:
        return whole
    head, separator, rest = reason.rpartition(": ")
    while separator:
        tail = _translate(rest)
        if tail is not None:
            return f"{head}: {tail}"
        head, separator, more = head.rpartition(": ")
        rest = f"{more}: {rest}"
    return reason


def translated_note(note: str) -> str:
    """A note of the spreadsheet reader in the studio's language (as written when the
    language has no translation of it)."""
    return _translate(note, _NOTE_FORMS, keep_untranslated=True) or note


def _translate(
    text: str,
    forms: Forms = _FORMS,
    *,
    keep_untranslated: bool = False,
) -> str | None:
    for pattern, form in forms:
        match = pattern.fullmatch(text)
        if match is not None:
            translated = QCoreApplication.translate(CONTEXT, form)
            if keep_untranslated and translated == form:
                return None
            for number, value in enumerate(match.groups(), start=1):
                translated = translated.replace(f"%{number}", value)
            return translated
    return None
