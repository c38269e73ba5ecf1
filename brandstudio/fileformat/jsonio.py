"""Strict JSON reading and stable JSON writing.

Reading refuses what Python's ``json`` lets through: duplicate keys (the second silently
wins), ``NaN`` and ``Infinity`` (not JSON at all), numbers no float holds (``1e999999`` would
become infinity, an integer of 5,000 digits a bare ValueError), and files too large or too deep
to be ours. Each refused number is reported at its JSON path.
"""

from __future__ import annotations

import json
import math
import stat
from pathlib import Path
from typing import Any, Final

from brandstudio.fileformat.errors import FormatError, Problem, json_path

MAX_JSON_BYTES: Final = 16 * 1024 * 1024
"""The largest template or preset file we read, in bytes."""


SHOWN_DIGITS: Final = 20
"""How many leading digits of a refused, very long number a message shows."""


class _Unusable:
    """Stands in for a number we refuse until its JSON path is known; ``why`` says why."""

    def __init__(self, why: str) -> None:
        self.why = why


def _non_finite(token: str) -> _Unusable:
    return _Unusable(f"{token} is not a number JSON allows")


def _shown(token: str) -> str:
    """A number as a message shows it: long ones cut, with their count of digits."""
    sign = "-" if token.startswith("-") else ""
    digits = token.removeprefix("-")
    if len(digits) <= SHOWN_DIGITS + 3:
        return token
    return f"{sign}{digits[:SHOWN_DIGITS]}…{digits[-3:]} ({len(digits)} digits)"


def _too_large(token: str) -> _Unusable:
    return _Unusable(f"{_shown(token)} is too large for a number (the limit is about ±1.8e308)")


def _float(token: str) -> float | _Unusable:
    value = float(token)
    return _too_large(token) if math.isinf(value) else value


def _int(token: str) -> int | _Unusable:
    # float() has no digit limit (int() refuses over 4,300 digits): it tells an integer no
    # float holds, which no model value could use, before int() is asked.
    return _too_large(token) if math.isinf(float(token)) else int(token)


class _DuplicateKeyError(ValueError):
    pass


def _object_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKeyError(f"the key {key!r} appears twice in one object")
        result[key] = value
    return result


def _find_unusable(data: Any, parts: tuple[str | int, ...] = ()) -> list[Problem]:
    if isinstance(data, _Unusable):
        return [Problem(json_path(parts), data.why)]
    found: list[Problem] = []
    if isinstance(data, dict):
        for key, value in data.items():
            found += _find_unusable(value, (*parts, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _find_unusable(value, (*parts, index))
    return found


def parse_json(text: str, source: str) -> Any:
    """Parse JSON text strictly; raise FormatError naming ``source`` and the problem."""
    try:
        data = json.loads(
            text,
            object_pairs_hook=_object_without_duplicates,
            parse_constant=_non_finite,
            parse_float=_float,
            parse_int=_int,
        )
    except json.JSONDecodeError as error:
        detail = f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        if not text[error.pos :].strip() or error.msg.startswith("Unterminated"):
            detail += "; the file ends too early (truncated?)"
        raise FormatError(source, [Problem("$", detail)]) from None
    except _DuplicateKeyError as error:
        raise FormatError(source, [Problem("$", str(error))]) from None
    except RecursionError:
        raise FormatError(source, [Problem("$", "nested too deeply")]) from None
    problems = _find_unusable(data)
    if problems:
        raise FormatError(source, problems)
    return data


def read_json_file(path: Path, max_bytes: int = MAX_JSON_BYTES) -> Any:
    """Read and strictly parse a JSON file; every failure is a FormatError naming the file."""
    source = str(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise FormatError(source, [Problem("$", "not a regular file")])
        if info.st_size > max_bytes:
            limit = f"{max_bytes // (1024 * 1024)} MiB"
            raise FormatError(source, [Problem("$", f"larger than {limit}: not a template")])
        raw = path.read_bytes()
    except FileNotFoundError:
        raise FormatError(source, [Problem("$", "no such file")]) from None
    except OSError as error:
        raise FormatError(source, [Problem("$", f"cannot be read: {error.strerror}")]) from None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data":
            detail = "the file ends in the middle of a character (truncated?)"
        else:
            detail = f"not UTF-8 text (bad byte at offset {error.start})"
        raise FormatError(source, [Problem("$", detail)]) from None
    return parse_json(text, source)


def dump_json(data: Any) -> str:
    """JSON text as we write it: UTF-8 characters kept, 2-space indent, a final newline.

    Key order is the order of ``data`` (the model's field order), so it is stable.
    """
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
