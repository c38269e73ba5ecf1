"""Where the library lives: the user data folder, or ``BRANDSTUDIO_HOME``."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

HOME_VARIABLE = "BRANDSTUDIO_HOME"


def library_home() -> Path:
    """``$BRANDSTUDIO_HOME`` if set (portable use, tests), else the platform's user data folder
    (``~/.local/share/brandstudio`` on Linux, ``%LOCALAPPDATA%\\brandstudio`` on Windows,
    ``~/Library/Application Support/brandstudio`` on macOS)."""
    override = os.environ.get(HOME_VARIABLE)
    if override:
        return Path(override).expanduser()
    return platformdirs.user_data_path("brandstudio", appauthor=False)
