"""How commands talk: data on stdout, messages on stderr."""

from __future__ import annotations

import sys

from brandstudio.fileformat.errors import FormatError


def data(line: str) -> None:
    """One line of the command's result."""
    sys.stdout.write(line + "\n")


def message(line: str) -> None:
    """A message for the person running the command (progress, warnings, errors)."""
    sys.stderr.write(line + "\n")


def error(line: str) -> None:
    """An error message, prefixed so it stands out in a log."""
    message(f"brandstudio: error: {line}")


def format_error(failure: FormatError) -> None:
    """Every problem of an unusable file, one error line each, naming the file."""
    for line in failure.describe().splitlines():
        error(line)
