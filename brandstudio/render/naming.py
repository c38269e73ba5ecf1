"""Output file names: from a pattern, safe on every file system, never clobbering others' files."""

from __future__ import annotations

import hashlib
import json
import re
import string
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Final

from brandstudio.fsutil import atomic_write_text

LEDGER_NAME: Final = ".brandstudio-outputs.json"
"""Records which job wrote each file in an output folder, so a re-run replaces only its own."""

MAX_NAME_BYTES: Final = 200
_RESERVED: Final = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"com{i}" for i in range(1, 10)}
    | {f"lpt{i}" for i in range(1, 10)}
)
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')


class NamePatternError(ValueError):
    """A name pattern that cannot be used (unknown field, bad braces)."""


def safe_name(text: str) -> str:
    """``text`` as a file name stem that every common file system accepts.

    Path separators, control and reserved characters become ``_``; leading dots and trailing
    dots and spaces are removed; Windows device names get a ``_`` suffix; the length is capped
    in UTF-8 bytes. Never empty.
    """
    text = unicodedata.normalize("NFC", text)
    text = _UNSAFE.sub("_", text).strip().lstrip(".").rstrip(". ")
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


class OutputFolder:
    """Chooses output paths in ``folder``: a file another job wrote is never replaced.

    A file this job wrote before (same fingerprint in the folder's ledger) is replaced; any
    other existing file gets a ``-2``, ``-3``... suffix, unless ``overwrite`` is set.
    """

    def __init__(self, folder: Path, fingerprint: str, overwrite: bool = False) -> None:
        self.folder = folder
        self.fingerprint = fingerprint
        self.overwrite = overwrite
        self._ledger = self._read_ledger()
        self._taken: set[str] = set()

    def _read_ledger(self) -> dict[str, str]:
        try:
            data = json.loads((self.folder / LEDGER_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict):
            return {}
        return {str(key): str(value) for key, value in data.items()}

    def path_for(self, stem: str, extension: str) -> Path:
        """Where the output named ``stem`` + ``extension`` goes."""
        counter = 1
        while True:
            name = f"{stem}{extension}" if counter == 1 else f"{stem}-{counter}{extension}"
            path = self.folder / name
            mine = self._ledger.get(name) == self.fingerprint
            free = not path.exists() and not path.is_symlink()
            if name not in self._taken and (free or mine or self.overwrite):
                self._taken.add(name)
                return path
            counter += 1

    def record(self, path: Path) -> None:
        """Note that this job wrote ``path`` (saved at once, atomically)."""
        self._ledger[path.name] = self.fingerprint
        atomic_write_text(
            self.folder / LEDGER_NAME,
            json.dumps(self._ledger, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
        )
