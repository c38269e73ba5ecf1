"""Running a command against the user's library, with its errors turned into messages."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from brandstudio.cli import exitcodes, output
from brandstudio.fileformat import FormatError
from brandstudio.library.errors import LibraryError
from brandstudio.library.store import Library, open_library

LibraryAction = Callable[[argparse.Namespace, Library], int]


def with_library(action: LibraryAction) -> Callable[[argparse.Namespace], int]:
    """A command that opens the library and reports library and file problems (exit 2)."""

    def run(args: argparse.Namespace) -> int:
        try:
            return action(args, open_library())
        except LibraryError as error:
            output.error(str(error))
        except FormatError as error:
            output.format_error(error)
        return exitcodes.UNUSABLE

    return run
