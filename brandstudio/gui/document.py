"""The open template as the studio edits it: state, selection, preset, and undo of every change.

Templates are immutable, so the undo stack keeps whole before/after states; a drag sends many
edits with one ``merge_key`` and they become a single undo step ("Undo Move Logo").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from brandstudio.fileformat.brand_io import BrandKit
from brandstudio.gui.i18n import current_language
from brandstudio.model import labels
from brandstudio.model.preset import Preset
from brandstudio.model.template import Template


@dataclasses.dataclass(frozen=True)
class Location:
    """Where the document is saved: a library template (brand, name) or a file (path)."""

    path: Path
    brand: str | None = None
    name: str | None = None

    @property
    def in_library(self) -> bool:
        """True for a template of the brand library."""
        return self.brand is not None

    def title(self) -> str:
        """What the window title shows."""
        if self.brand is not None:
            return f"{self.brand}/{self.name}"
        return self.path.name


@dataclasses.dataclass(frozen=True)
class State:
    """Everything undo restores: the template, the slot values being previewed and the brand
    the post is drawn in."""

    template: Template
    content: Mapping[str, str]
    kit: BrandKit


_merge_ids: dict[str, int] = {}


def _merge_id(key: str) -> int:
    return _merge_ids.setdefault(key, len(_merge_ids) + 1)


class _Change(QUndoCommand):
    def __init__(self, document: TemplateDocument, label: str, before: State, after: State,
                 merge_key: str | None) -> None:  # fmt: skip
        super().__init__(label)
        self._document = document
        self.before = before
        self.after = after
        self._merge_key = merge_key

    def id(self) -> int:
        return _merge_id(self._merge_key) if self._merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _Change) or other._merge_key != self._merge_key:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        self._document._restore(self.after)

    def undo(self) -> None:
        self._document._restore(self.before)


class TemplateDocument(QObject):
    """One open template with its brand, slot content, selected layers and current preset."""

    changed = Signal()
    """The template or the content changed: re-render."""
    selectionChanged = Signal()
    presetChanged = Signal()
    locationChanged = Signal()
    overrideModeChanged = Signal()
    """``override_mode`` was switched by :meth:`set_override_mode` (the preset bar shows it)."""

    def __init__(
        self,
        template: Template,
        kit: BrandKit,
        template_folder: Path,
        *,
        location: Location | None = None,
        content: Mapping[str, str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._state = State(template, dict(content or {}), kit)
        self._fresh_kits: dict[Path, BrandKit] = {}
        self.template_folder = template_folder
        self.location = location
        self.undo_stack = QUndoStack(self)
        self._selection: tuple[str, ...] = ()
        self._preset: Preset | None = None
        self.override_mode = False
        """When on, geometry edits apply to the current preset only (master stays linked)."""
        self.saved_revision = template.revision
        """The revision on disk: saves are made from it, whatever undo did since."""

    # -- reading --

    @property
    def template(self) -> Template:
        return self._state.template

    @property
    def content(self) -> Mapping[str, str]:
        return self._state.content

    @property
    def kit(self) -> BrandKit:
        """The brand the post is drawn in (Apply Brand changes it, undoably), as last saved."""
        kit = self._state.kit
        return self._fresh_kits.get(kit.folder, kit)

    def refresh_kit(self, kit: BrandKit, replaces: Path | None = None) -> None:
        """The brand was edited (Brand Kit window): draw with ``kit`` wherever the post uses
        its folder (or ``replaces``, the folder before a rename); not an edit of the post."""
        self._fresh_kits[kit.folder] = kit
        if replaces is not None:
            self._fresh_kits[replaces] = kit
        self.changed.emit()

    def brand_changed(self) -> bool:
        """Whether the post is drawn in another brand than the library brand it was opened
        from (saving then asks whether to keep the original there)."""
        location = self.location
        return (
            location is not None
            and location.brand is not None
            and self.kit.folder.resolve() != location.path.parent.parent.resolve()
        )

    @property
    def selection(self) -> tuple[str, ...]:
        return self._selection

    @property
    def preset(self) -> Preset | None:
        return self._preset

    def is_modified(self) -> bool:
        """True when there are changes since the last save."""
        return not self.undo_stack.isClean()

    def title(self) -> str:
        """The name for the window title; the template's own in the studio's language unless
        it has a file name of another (``model.labels``)."""
        shown = labels.template_title(self.template, current_language())
        if self.location is None:
            return shown
        if self.location.in_library and self.location.name == self.template.name:
            return f"{self.location.brand}/{shown}"
        return self.location.title()

    # -- changing --

    def edit(self, label: str, template: Template, *, merge_key: str | None = None) -> None:
        """Replace the template as one undoable step named ``label`` ("Move Logo")."""
        if template == self.template:
            return
        after = State(template, self.content, self.kit)
        self.undo_stack.push(_Change(self, label, self._state, after, merge_key))

    def set_slot(self, slot: str, value: str, *, merge_key: str | None = None) -> None:
        """Fill a slot (headline text, photo path, QR URL) as one undoable step."""
        if self.content.get(slot) == value:
            return
        content = {**self.content, slot: value}
        shown = labels.slot_label(self.template, slot, current_language())
        label = self.tr("Edit %1").replace("%1", shown)
        after = State(self.template, content, self.kit)
        self.undo_stack.push(_Change(self, label, self._state, after, merge_key))

    def apply_brand(self, kit: BrandKit) -> None:
        """Draw the post in another brand, keeping its text, photos and per-size edits, as one
        undoable step ("Apply Brand Луна")."""
        if kit.folder == self.kit.folder and kit.brand == self.kit.brand:
            return
        label = self.tr("Apply Brand %1").replace("%1", kit.brand.name)
        after = State(self.template, self.content, kit)
        self.undo_stack.push(_Change(self, label, self._state, after, None))

    def select(self, layer_ids: Sequence[str]) -> None:
        """Select these layers (unknown ids are dropped)."""
        known = {layer.id for layer in self.template.layers}
        selection = tuple(layer_id for layer_id in layer_ids if layer_id in known)
        if selection != self._selection:
            self._selection = selection
            self.selectionChanged.emit()

    def set_preset(self, preset: Preset | None) -> None:
        """Show and edit the template at ``preset`` (None: the template's own canvas)."""
        if preset != self._preset:
            self._preset = preset
            self.presetChanged.emit()
            self.changed.emit()

    def set_override_mode(self, on: bool) -> None:
        """Edit the preset on screen only (on) or the master layout (off); announced."""
        on = on and self._preset is not None
        if on != self.override_mode:
            self.override_mode = on
            self.overrideModeChanged.emit()

    def mark_saved(self, template: Template, location: Location) -> None:
        """After a save: the saved template (its revision counted) is the clean state."""
        self.saved_revision = template.revision
        self.location = location
        self.undo_stack.setClean()
        self.locationChanged.emit()

    def _restore(self, state: State) -> None:
        self._state = state
        known = {layer.id for layer in state.template.layers}
        selection = tuple(layer_id for layer_id in self._selection if layer_id in known)
        if selection != self._selection:
            self._selection = selection
            self.selectionChanged.emit()
        self.changed.emit()
