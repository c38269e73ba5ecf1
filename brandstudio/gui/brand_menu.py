"""The Brand menu: apply another brand to the open post, and saving a post that changed brand.

A post opened from brand A's library and drawn in brand B (Apply Brand) is saved into B's
library. The original stays in A unless the user chooses to move it (it then goes to A's
trash, where Restore finds it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from brandstudio.fileformat import FormatError
from brandstudio.library.errors import LibraryError
from brandstudio.library.store import Library

if TYPE_CHECKING:
    from brandstudio.gui.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("BrandMenu", text)


def brand_name_of(library: Library, folder: object) -> str | None:
    """The library brand whose folder is ``folder`` (None: a brand outside the library)."""
    for name in library.brand_names():
        try:
            if library.brand_folder(name).resolve() == folder:
                return name
        except (LibraryError, OSError):
            continue
    return None


def free_template_name(library: Library, brand: str, base: str) -> str:
    """``base``, or ``base 2``, ``base 3``… whichever brand ``brand`` does not have yet."""
    taken = {name.casefold() for name in library.template_names(brand)}
    candidate, number = base, 2
    while candidate.casefold() in taken:
        candidate = f"{base} {number}"
        number += 1
    return candidate


class BrandMenu(QMenu):
    """Brand ▸ Apply Brand… (and what saving then asks)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(_tr("&Brand"), window)
        self.setObjectName("BrandMenu")
        self.window_ = window
        self.act_apply = QAction(_tr("&Apply Brand…"), self)
        self.act_apply.setObjectName("ApplyBrand")
        tip = _tr("Draw this post in another brand of the library, keeping its content")
        self.act_apply.setStatusTip(tip)
        self.act_apply.setToolTip(tip)
        self.act_apply.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.act_apply.triggered.connect(lambda checked=False: self.apply_brand())
        self.addAction(self.act_apply)

    def apply_brand(self) -> None:
        """Brand ▸ Apply Brand…: previews in every brand, then restyle (one undo step)."""
        from brandstudio.gui.dialogs.apply_brand import ApplyBrandDialog

        window = self.window_
        if window.studio.document is None:
            return
        dialog = ApplyBrandDialog(window.studio, window)
        if dialog.exec() == ApplyBrandDialog.DialogCode.Accepted:
            brand = dialog.chosen() or ""
            window.show_message(_tr("The post is now drawn in the brand %1").replace("%1", brand))

    def ask_keep_or_move(self, old: str, new: str) -> str:
        """Ask where the original goes: "keep", "move" or "" (cancelled)."""
        box = QMessageBox(self.window_)
        box.setObjectName("BrandMoveQuestion")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_tr("Save in Another Brand"))
        box.setText(
            _tr("This post is now drawn in the brand %2. It is saved into %2's library.").replace(
                "%2", new
            )
        )
        box.setInformativeText(
            _tr("Keep the original in %1 as it was, or move the post to %2 (the original "
                "goes to %1's trash, where Restore finds it)?").replace("%1", old)
            .replace("%2", new)
        )  # fmt: skip
        keep = box.addButton(_tr("Keep Original"), QMessageBox.ButtonRole.AcceptRole)
        move = box.addButton(_tr("Move"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(keep)
        box.exec()
        clicked = box.clickedButton()
        return "keep" if clicked is keep else "move" if clicked is move else ""

    def save_in_new_brand(self) -> bool:
        """Save a post whose brand changed since it was opened from the library."""
        window = self.window_
        studio = window.studio
        document = studio.document
        location = document.location if document is not None else None
        if document is None or location is None or location.brand is None:
            return False
        library = studio.library
        new = brand_name_of(library, document.kit.folder.resolve())
        if new is None:
            return window.save_as()
        choice = self.ask_keep_or_move(location.brand, new)
        if not choice:
            return False
        old_brand, old_name = location.brand, location.name or document.template.name
        name = free_template_name(library, new, old_name)
        try:
            studio.save_to_library(new, name)
            if choice == "move":
                library.delete_template(old_brand, old_name)
        except (FormatError, LibraryError, OSError, ValueError) as error:
            window._error(_tr("Cannot save"), str(error))
            return False
        window.library_panel.refresh()
        window.show_message(_tr("Saved %1").replace("%1", document.title()))
        return True
