"""Output file names: from a pattern, safe on every file system, never clobbering others' files."""

from __future__ import annotations

import hashlib
import json
import re
import string
import unicodedata
from collections.abc import Mapping
from typing import Final

from brandstudio.model.values import is_invisible

MAX_NAME_BYTES: Final = 200
_RESERVED: Final = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"com{i}" for i in range(1, 10)}
    | {f"lpt{i}" for i in range(1, 10)}
)
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]+')
"""Reserved characters, controls, line and paragraph separators, broken surrogates."""


class NamePatternError(ValueError):
    """A name pattern that cannot be used (unknown field, bad braces)."""


def safe_name(text: str) -> str:
    """``text`` as a file name stem that every common file system accepts.

    Path separators, control and reserved characters become ``_``; invisible characters that
    could disguise the name (bidi overrides and marks, zero-width characters) are removed;
    leading dots and trailing dots and spaces are removed; Windows device names get a ``_``
    suffix; the length is capped in UTF-8 bytes. Never empty.
    """
    text = _UNSAFE.sub("_", text)
    text = "".join(char for char in text if not is_invisible(char))
    text = unicodedata.normalize("NFC", text).strip().lstrip(".").rstrip(". ")
    encoded = text.encode("utf-8")[:MAX_NAME_BYTES]
    text = encoded.decode("utf-8", errors="ignore").rstrip(". ")
    if text.split(".")[0].casefold() in _RESERVED:
        text += "_"
    return text or "image"


def pattern_fields(pattern: str) -> list[str]:
    """The field names a pattern uses; NamePatternError for malformed braces."""
    try:
        return [field for _, field, _, _ in string.Formatter().parse(pattern) if field is not None]
    except ValueError as error:
        raise NamePatternError(f"bad name pattern {pattern!r}: {error}") from None


def format_name(pattern: str, values: Mapping[str, object]) -> str:
    """Fill ``{field}`` placeholders from ``values`` and make the result a safe stem."""
    for field in pattern_fields(pattern):
        if field not in values:
            known = ", ".join(f"{{{name}}}" for name in values)
            raise NamePatternError(
                f"unknown field {{{field}}} in the name pattern (known: {known})"
            )
    text = pattern.format_map({key: str(value) for key, value in values.items()})
    return safe_name(text)


def job_fingerprint(parts: Mapping[str, object]) -> str:
    """A short stable hash of what defines a job (its inputs and options)."""
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def slide_stem(stem: str, slide: int, slides: int) -> str:
    """The name of slide ``slide`` (from 1) of a carousel of ``slides``: ``stem_01`` …
    ``stem_NN``, so that sorting by name gives the slide order; ``stem`` for a single image."""
    return stem if slides == 1 else f"{stem}_{slide:02d}"
