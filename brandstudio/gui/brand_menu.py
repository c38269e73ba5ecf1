"""The Brand menu: make, edit, delete, restore, import and export brands; apply another brand
to the open post; and saving a post that changed brand.

A post opened from brand A's library and drawn in brand B (Apply Brand) is saved into B's
library. The original stays in A unless the user chooses to move it (it then goes to A's
trash, where Restore finds it).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMenu, QMessageBox

from brandstudio.fileformat import FormatError
from brandstudio.fileformat.brand_io import BrandKit
from brandstudio.gui.dialogs.brand_kit_parts import SvgError, svg_to_image
from brandstudio.gui.settings import FOLDERS, last_folder, remember_folder
from brandstudio.library.errors import LibraryError
from brandstudio.library.store import Library

if TYPE_CHECKING:
    from brandstudio.gui.dialogs.brand_kit import BrandKitDialog
    from brandstudio.gui.dialogs.contest import ContestDialog
    from brandstudio.gui.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("BrandMenu", text)


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
        self.kit_dialog: BrandKitDialog | None = None
        self.act_apply = QAction(_tr("&Apply Brand…"), self)
        self.act_apply.setObjectName("ApplyBrand")
        tip = _tr("Draw this post in another brand of the library, keeping its content")
        self.act_apply.setStatusTip(tip)
        self.act_apply.setToolTip(tip)
        self.act_apply.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.act_apply.triggered.connect(lambda checked=False: self.apply_brand())
        self.act_new = self._action(
            _tr("&New Brand…"), _tr("Make a brand from a logo file: palette, fonts and logo "
                                    "versions proposed for you"), self.new_brand)  # fmt: skip
        self.act_edit = self._action(
            _tr("&Edit Brand…"), _tr("Change the brand's name, logos, colours, fonts and stamp "
                                     "defaults"), self.edit_brand)  # fmt: skip
        self.act_delete = self._action(
            _tr("&Delete Brand…"), _tr("Move the brand shown in the library to the trash"),
            self.delete_brand,
        )  # fmt: skip
        self.act_restore = self._action(
            _tr("&Restore Brand…"), _tr("Bring back a brand from the trash"), self.restore_brand
        )
        self.act_import = self._action(
            _tr("&Import Brand Kit…"), _tr("Add a brand from a .brandkit file"), self.import_kit
        )
        self.act_export = self._action(
            _tr("E&xport Brand Kit…"), _tr("Save the brand shown as a .brandkit file to share"),
            self.export_kit,
        )  # fmt: skip
        self.act_contests = self._action(
            _tr("&Contests…"), _tr("Run a contest of the brand shown: entrants, a draw anyone "
                                   "can verify, the winners card"), self.open_contests)  # fmt: skip
        self.act_contests.setObjectName("Contests")
        self.addActions([self.act_new, self.act_edit])
        self.addSeparator()
        self.addAction(self.act_apply)
        self.addAction(self.act_contests)
        self.addSeparator()
        self.addActions([self.act_import, self.act_export])
        self.addSeparator()
        self.addActions([self.act_delete, self.act_restore])

    def _action(self, text: str, tip: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(lambda checked=False: slot())
        return action

    # -- brands -------------------------------------------------------------------------

    def shown_brand(self) -> str | None:
        """The brand the Library panel shows (the one Edit, Delete and Export act on)."""
        return self.window_.library_panel.current_brand()

    def _changed(self, brand: str | None = None) -> None:
        panel = self.window_.library_panel
        panel.refresh()
        if brand is not None:
            panel.set_brand(brand)

    def new_brand(self) -> str | None:
        """Brand ▸ New Brand…: a logo file, a name, then the Brand Kit window."""
        window = self.window_
        path, _ = QFileDialog.getOpenFileName(
            window, _tr("New Brand: Choose the Logo"), last_folder(FOLDERS.logos),
            _tr("Logos (*.png *.jpg *.jpeg *.webp *.svg)"),
        )  # fmt: skip
        if not path:
            return None
        remember_folder(FOLDERS.logos, Path(path).parent)
        name, ok = QInputDialog.getText(
            window, _tr("New Brand"), _tr("Name of the new brand:"), QLineEdit.EchoMode.Normal,
            Path(path).stem.replace("-", " ").replace("_", " ").strip().title(),
        )  # fmt: skip
        if not ok or not name.strip():
            return None
        return self.make_brand(name.strip(), Path(path))

    def make_brand(self, name: str, logo: Path) -> str | None:
        """Create brand ``name`` from ``logo`` (PNG, JPEG, WebP or SVG) and open it to edit."""
        library = self.window_.studio.library
        try:
            source = svg_to_image(logo) if logo.suffix.casefold() == ".svg" else logo
            created = library.create_brand(name, source)
        except (LibraryError, OSError, ValueError, SvgError) as error:
            self.window_._error(_tr("Cannot make the brand"), str(error))
            return None
        brand = created.kit.folder.name
        self._changed(brand)
        made = ", ".join(created.made_logos)
        if made:
            self.window_.show_message(_tr("Logo versions made for you: %1").replace("%1", made))
        self.edit_brand(brand)
        return brand

    def edit_brand(self, brand: str | None = None) -> BrandKitDialog | None:
        """Brand ▸ Edit Brand…: the Brand Kit window for the brand shown."""
        brand = brand or self.shown_brand()
        if brand is None:
            return None
        from brandstudio.gui.dialogs.brand_kit import BrandKitDialog

        window = self.window_
        try:
            dialog = BrandKitDialog(window.studio.library, brand, window)
        except (LibraryError, FormatError, OSError) as error:
            window._error(_tr("Cannot open the brand"), str(error))
            return None
        dialog.kitChanged.connect(self._kit_changed)
        dialog.kitChanged.connect(lambda kit: self._changed(dialog.brand))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.kit_dialog = dialog
        dialog.finished.connect(self._kit_dialog_closed)
        dialog.show()  # a window beside the post: edits show on the canvas as they are made
        return dialog

    def open_contests(self, brand: str | None = None) -> ContestDialog | None:
        """Brand ▸ Contests…: the Contest window for the brand shown."""
        brand = brand or self.shown_brand()
        if brand is None:
            return None
        from brandstudio.gui.dialogs.contest import ContestDialog

        window = self.window_
        try:
            dialog = ContestDialog(window.studio.library, brand, window, open_card=self.open_card)
        except (LibraryError, FormatError, OSError) as error:
            window._error(_tr("Cannot open the brand"), str(error))
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def open_card(self, template: Path, content: Mapping[str, str], kit: BrandKit) -> None:
        """Open a contest card's template in the editor, in ``kit``, its slots filled in."""
        window = self.window_
        before = window.studio.document
        window.open_file(template)
        document = window.studio.document
        if document is None or document is before:
            return  # the user kept the post open, or the starter could not be opened
        document.apply_brand(kit)
        for slot, value in content.items():
            if slot in document.template.slots:
                document.set_slot(slot, value)

    def _kit_dialog_closed(self) -> None:
        self.kit_dialog = None

    def _kit_changed(self, kit: object) -> None:
        """A brand was edited: a post drawn in it is drawn again (not an edit of the post)."""
        document = self.window_.studio.document
        folder = getattr(kit, "folder", None)
        if isinstance(kit, BrandKit) and document is not None and folder is not None:
            old = document.kit.folder
            if old == folder:
                document.refresh_kit(kit)
            elif not old.exists():  # renamed: the post's brand folder has a new name
                document.refresh_kit(kit, replaces=old)

    def delete_brand(self) -> bool:
        """Brand ▸ Delete Brand…: to the trash, after asking."""
        brand = self.shown_brand()
        window = self.window_
        if brand is None:
            return False
        answer = QMessageBox.question(
            window, _tr("Delete Brand"),
            _tr("Move the brand %1 and its templates to the trash? Brand ▸ Restore Brand brings "
                "it back.").replace("%1", brand),
        )  # fmt: skip
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            window.studio.library.delete_brand(brand)
        except (LibraryError, OSError) as error:
            window._error(_tr("Cannot delete the brand"), str(error))
            return False
        self._changed()
        window.show_message(_tr("%1 moved to the trash").replace("%1", brand))
        return True

    def restore_brand(self) -> str | None:
        """Brand ▸ Restore Brand…: bring back a brand by name from the trash."""
        window = self.window_
        name, ok = QInputDialog.getText(
            window, _tr("Restore Brand"), _tr("Name of the brand to bring back:")
        )
        if not ok or not name.strip():
            return None
        try:
            kit = window.studio.library.restore_brand(name.strip())
        except (LibraryError, OSError) as error:
            window._error(_tr("Cannot restore the brand"), str(error))
            return None
        self._changed(kit.folder.name)
        return kit.folder.name

    def import_kit(self) -> str | None:
        """Brand ▸ Import Brand Kit…"""
        from brandstudio.library.bundle import import_bundle

        window = self.window_
        path, _ = QFileDialog.getOpenFileName(
            window, _tr("Import Brand Kit"), last_folder(FOLDERS.templates),
            _tr("Brand kits (*.brandkit)"),
        )  # fmt: skip
        if not path:
            return None
        remember_folder(FOLDERS.templates, Path(path).parent)
        try:
            kit = import_bundle(window.studio.library, Path(path))
        except (LibraryError, FormatError, OSError, ValueError) as error:
            window._error(_tr("Cannot import the brand kit"), str(error))
            return None
        self._changed(kit.folder.name)
        window.show_message(_tr("Brand %1 added").replace("%1", kit.folder.name))
        return kit.folder.name

    def export_kit(self) -> Path | None:
        """Brand ▸ Export Brand Kit…"""
        from brandstudio.library.bundle import export_brand

        brand = self.shown_brand()
        window = self.window_
        if brand is None:
            return None
        start = Path(last_folder(FOLDERS.outputs), f"{brand}.brandkit")
        path, _ = QFileDialog.getSaveFileName(
            window, _tr("Export Brand Kit"), str(start), _tr("Brand kits (*.brandkit)")
        )
        if not path:
            return None
        target = Path(path) if path.endswith(".brandkit") else Path(f"{path}.brandkit")
        remember_folder(FOLDERS.outputs, target.parent)
        try:
            # the desktop's save dialog has asked before replacing a file
            saved = export_brand(window.studio.library, brand, target, overwrite=True)
        except (LibraryError, OSError) as error:
            window._error(_tr("Cannot export the brand kit"), str(error))
            return None
        window.show_message(_tr("Saved %1").replace("%1", str(saved)))
        return saved

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
        new = library.brand_holding(document.kit.folder)
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
