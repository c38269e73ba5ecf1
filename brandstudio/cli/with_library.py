"""Running a command against the user's library (its errors reach the user as exit 2)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from brandstudio.library.store import Library, open_library

LibraryAction = Callable[[argparse.Namespace, Library], int]


def with_library(action: LibraryAction) -> Callable[[argparse.Namespace], int]:
    """A command that opens the library; library and file problems are reported by
    ``brandstudio.cli.main`` like every command's (exit 2)."""

    def run(args: argparse.Namespace) -> int:
        return action(args, open_library())

    return run
