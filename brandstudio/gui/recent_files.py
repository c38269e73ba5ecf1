"""File ▸ Open Recent: the templates opened last, newest first, kept in the ``RECENT`` setting.

An entry is ``BRAND/NAME`` for a template in the library, or a file's absolute path.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMenu

from brandstudio.gui.document import Location
from brandstudio.gui.settings import RECENT, Settings

MAX_RECENT = 10


def recent_entry(location: Location) -> str:
    """How the menu names a template: ``BRAND/NAME`` in the library, else its path."""
    return f"{location.brand}/{location.name}" if location.in_library else str(location.path)


class RecentFiles:
    """Keeps the Open Recent menu and the setting in step; choosing an entry opens it."""

    def __init__(
        self,
        menu: QMenu,
        tip: str,
        open_file: Callable[[Path], None],
        open_library_template: Callable[[str, str], None],
    ) -> None:
        self.menu = menu
        self._tip = tip
        self._open_file = open_file
        self._open_library_template = open_library_template
        self.fill()

    def entries(self) -> list[str]:
        """The remembered templates, newest first."""
        return list(Settings()[RECENT])

    def remember(self, location: Location) -> None:
        """Put the template at ``location`` first."""
        entry = recent_entry(location)
        others = [item for item in self.entries() if item != entry]
        Settings()[RECENT] = (entry, *others)[:MAX_RECENT]
        self.fill()

    def fill(self) -> None:
        """Rebuild the menu from the setting."""
        self.menu.clear()
        entries = self.entries()
        for entry in entries:
            action = self.menu.addAction(entry)
            action.setStatusTip(self._tip)
            action.setToolTip(self._tip)
            action.triggered.connect(functools.partial(self.open, entry))
        self.menu.setEnabled(bool(entries))

    def open(self, entry: str, checked: bool = False) -> None:
        """Open a menu entry: a file path, or BRAND/NAME from the library."""
        path = Path(entry)
        if path.is_absolute():
            self._open_file(path)
            return
        brand, _, name = entry.partition("/")
        self._open_library_template(brand, name)
