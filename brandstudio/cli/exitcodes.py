"""Exit codes shared by every command."""

from typing import Final

OK: Final = 0
"""Everything asked for was done."""

SOME_FAILED: Final = 1
"""Some items failed (each reported); the rest were done."""

UNUSABLE: Final = 2
"""The input or the command line cannot be used; the message names the file or argument."""

INTERRUPTED: Final = 130
"""Stopped by Ctrl+C."""

TERMINATED: Final = 143
"""Stopped by SIGTERM (128 + 15), after a clean stop with the report written."""
