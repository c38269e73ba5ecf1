"""Asset paths stored in templates and bundles: relative, inside their folder, portable."""

from __future__ import annotations

import unicodedata
from pathlib import PurePosixPath, PureWindowsPath
from typing import Final

MAX_PATH_PARTS: Final = 16


def asset_path_problem(text: str) -> str | None:
    """Why ``text`` is not an acceptable stored asset path, or None when it is.

    Stored paths use ``/``, are relative, and never leave their folder: they resolve against
    the brand folder in the library, or the template file's folder for a loose file.
    """
    if not text:
        return "an empty path"
    if any(unicodedata.category(char) == "Cc" for char in text):
        return "a path with control characters"
    if "\\" in text:
        return "a path with a backslash (use / between folders)"
    if PurePosixPath(text).is_absolute() or PureWindowsPath(text).is_absolute():
        return "an absolute path (paths must be relative to the template's folder)"
    if PureWindowsPath(text).drive:
        return "a path with a drive letter (paths must be relative to the template's folder)"
    parts = text.split("/")
    if ".." in parts:
        return "a path that escapes its folder with '..'"
    if any(part in ("", ".") for part in parts):
        return "a path with an empty or '.' part"
    if len(parts) > MAX_PATH_PARTS:
        return "a path nested too deeply"
    return None
