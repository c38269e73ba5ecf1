"""The photos a batch works on: files and folders as given, expanded, each checked before work.

A folder contributes its own files (with ``recursive``, its subfolders' too, and their structure
is kept in the output folder). Files given by name are always tried; inside folders, only names
with a photo extension are taken and the rest are listed as skipped. Anything that is not a
regular readable file becomes a failed item with its reason; the batch goes on.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Final

from brandstudio.batch.journal import FileId, file_id

PHOTO_EXTENSIONS: Final = frozenset(
    {".jpg", ".jpeg", ".jpe", ".jfif", ".mpo", ".png", ".webp", ".tif", ".tiff", ".gif"}
    | {".heic", ".heif", ".hif"}
)
"""File names a folder scan takes as photos (case-insensitive)."""


_EMPTY_FOLDER: Final = "a folder with no photos in it"
_HIDDEN: Final = "a hidden file (its name starts with a dot): not taken from a folder"
_NAMED_AT_MOST: Final = 5
"""How many unusable inputs :func:`nothing_usable` names before "and N more"."""


@dataclass(frozen=True)
class InputItem:
    """One entry of the batch: a photo to process, or a reason it cannot be.

    ``given`` is the path as the user gave it (a folder's file: the folder as given plus the
    file's path inside it); ``relative`` is where its outputs go under the output folder,
    extension dropped; ``problem`` is set when the item already failed; ``skip`` when a folder
    scan left it out on purpose.
    """

    given: str
    path: Path
    relative: PurePosixPath
    problem: str | None = None
    skip: str | None = None
    identity: FileId | None = None
    size: int = 0
    mtime_ns: int = 0

    @property
    def key(self) -> str:
        """Identity for resuming: the same file unchanged since the last run has the same key."""
        return f"{self.given}|{self.size}|{self.mtime_ns}"


def expand_inputs(
    given: Sequence[str], *, recursive: bool, exclude: Iterable[Path] = ()
) -> list[InputItem]:
    """Every item the arguments name, in a stable order (folders sorted by name).

    exclude: folders never entered (the output folder, so outputs are not taken as inputs).
    """
    excluded = {identity for identity in (file_id(path) for path in exclude) if identity}
    items: list[InputItem] = []
    for text in given:
        path = Path(text)
        if path.is_dir():
            found = _scan_folder(text, path, recursive, excluded)
            if not any(item.skip is None for item in found):
                found.append(InputItem(text, path, PurePosixPath(), problem=_EMPTY_FOLDER))
            items.extend(found)
        else:
            items.append(_check_file(text, path, PurePosixPath(path.name), named=True))
    return items


def nothing_usable(items: Sequence[InputItem]) -> str | None:
    """Why none of ``items`` can be worked on, naming each unusable input; None if one can.

    Skipped files (a folder's non-photos) are not named: their folder is, as having no photos.
    """
    if any(item.problem is None and item.skip is None for item in items):
        return None
    named = [f"{item.given} ({item.problem})" for item in items if item.problem]
    more = len(named) - _NAMED_AT_MOST
    shown = named[:_NAMED_AT_MOST] + ([f"and {more} more"] if more > 0 else [])
    return "; ".join(shown) if shown else "no inputs"


def _scan_folder(
    given: str, folder: Path, recursive: bool, excluded: set[FileId]
) -> list[InputItem]:
    items: list[InputItem] = []
    pending: list[tuple[Path, PurePosixPath]] = [(folder, PurePosixPath())]
    while pending:
        current, inside = pending.pop(0)
        if inside.parts and file_id(current) in excluded:
            continue  # the output folder inside an input folder
        try:
            entries = sorted(os.scandir(current), key=lambda entry: entry.name.casefold())
        except OSError as error:
            reason = f"cannot list the folder: {_os_reason(error)}"
            items.append(InputItem(_join(given, inside), current, inside, problem=reason))
            continue
        subfolders = []
        for entry in entries:
            relative = inside / entry.name
            path = Path(entry.path)
            shown = _join(given, relative)
            is_photo_name = Path(entry.name).suffix.casefold() in PHOTO_EXTENSIONS
            if entry.name.startswith("."):
                if is_photo_name and not entry.is_dir(follow_symlinks=False):  # say so
                    items.append(InputItem(shown, path, relative, skip=_HIDDEN))
                continue  # other hidden files: ours (journal, partial outputs), the system's
            if entry.is_dir(follow_symlinks=False):
                if recursive:
                    subfolders.append((path, relative))
                elif is_photo_name:
                    items.append(InputItem(shown, path, relative, problem="is a folder"))
                continue
            if not is_photo_name:
                skip = f"not a photo by its name ({Path(entry.name).suffix or 'no extension'})"
                items.append(InputItem(shown, path, relative, skip=skip))
                continue
            items.append(_check_file(shown, path, relative, named=False))
        pending[0:0] = subfolders  # depth-first, sorted
    return items


def _join(given: str, relative: PurePosixPath) -> str:
    if not relative.parts:
        return given
    return given.rstrip("/\\") + "/" + relative.as_posix()


def _check_file(given: str, path: Path, relative: PurePosixPath, *, named: bool) -> InputItem:
    """An item for one path; ``problem`` says why it cannot be opened as a photo file."""
    try:
        info = path.stat()
    except OSError as error:
        return InputItem(given, path, relative, problem=_os_reason(error))
    if stat.S_ISDIR(info.st_mode):
        return InputItem(given, path, relative, problem="is a folder")
    if not stat.S_ISREG(info.st_mode):
        return InputItem(given, path, relative, problem=f"is {_kind(info.st_mode)}, not a file")
    if not os.access(path, os.R_OK):
        return InputItem(given, path, relative, problem="cannot be read (permission denied)")
    del named
    return InputItem(
        given,
        path,
        relative,
        identity=(info.st_dev, info.st_ino),
        size=info.st_size,
        mtime_ns=info.st_mtime_ns,
    )


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _os_reason(error: OSError) -> str:
    if error.errno == errno.ENOENT:
        return "no such file or folder"
    if error.errno == errno.ELOOP:
        return "a symbolic link loop"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "cannot be read (permission denied)"
    return error.strerror or str(error)
