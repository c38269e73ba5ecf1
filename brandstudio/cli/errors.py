"""The one place where a command's unusable input becomes a message and exit status 2.

Commands raise; :func:`brandstudio.cli.main.main` catches what :func:`is_unusable` accepts and
prints it with :func:`report_unusable`. The error classes are looked up among the modules
already loaded, so this module imports none of them (a command loads only its own modules).
"""

from __future__ import annotations

import errno
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Final

from brandstudio.cli import exitcodes, output
from brandstudio.fileformat.errors import FormatError

_UNUSABLE: Final = (
    ("brandstudio.cli.preset_args", "UsageError"),
    ("brandstudio.batch.cluster", "ClusterError"),
    ("brandstudio.batch.folderlock", "FolderBusyError"),
    ("brandstudio.batch.journal", "LinkedFolderError"),
    ("brandstudio.jobs.common", "PlanError"),
    ("brandstudio.jobs.merge", "RowError"),
    ("brandstudio.library.errors", "LibraryError"),
    ("brandstudio.render.naming", "NamePatternError"),
    ("brandstudio.render.assets", "RenderError"),
    ("brandstudio.tables", "TableError"),
)
"""(module, class) of every error that means "this input cannot be used"."""


def _loaded_types() -> Iterator[type[BaseException]]:
    for module_name, class_name in _UNUSABLE:
        module = sys.modules.get(module_name)
        if module is not None:
            yield getattr(module, class_name)


def is_unusable(error: BaseException) -> bool:
    """True for an error that names bad input (a file, an argument, a row), not a bug."""
    if isinstance(error, KeyError | IndexError):
        return False
    if isinstance(error, FormatError | OSError | LookupError):
        return True
    return any(isinstance(error, kind) for kind in _loaded_types())


def report_unusable(error: BaseException, out: Path | None = None) -> int:
    """Print ``error`` the one way every command does; returns exit status 2.

    out: the command's output folder, named when an OSError has no file name of its own.
    """
    if isinstance(error, FormatError):
        output.format_error(error)
    elif isinstance(error, OSError):
        where = error.filename or out
        reason = error.strerror or str(error)
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            reason = f"the disk is full ({reason})"
        output.error(f"{where}: {reason}" if where else reason)
    else:
        output.error(str(error))
    return exitcodes.UNUSABLE
