"""A plan's post open in the editor: opening it (rubric + the row's values) and telling what
changed, so the Plan view can ask where the edits go.

Opening goes through the main window (which asks to save the template open before), then
fills the row's slot values in and chooses the row's first preset; the undo history starts
there, so the window shows no unsaved change until the user edits. The edits are then of two
kinds: changed slot values (they can go back into the plan's row, :func:`row_edits`) and
changes to the template itself (they can only go to the rubric template, through the
studio's normal Save).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import shiboken6

from brandstudio.fileformat.brand_io import BrandKit
from brandstudio.gui.document import TemplateDocument
from brandstudio.gui.studio import Studio
from brandstudio.jobs.plan_posts import Post, row_edits
from brandstudio.model.template import Template


class Editor(Protocol):
    """What the Plan view needs of the main window."""

    def open_file(self, path: Path) -> None: ...

    def open_library_template(self, brand: str, name: str) -> None: ...

    def save(self) -> bool: ...


@dataclass
class PostSession:
    """The post open in the editor: its row as read, the plan file's stamp then, and the
    document the editor holds for it."""

    post: Post
    document: TemplateDocument
    stamp: str
    template: Template
    """The rubric as opened: a template differing from it is a design edit."""
    asked: object = None
    """The edits the user was last asked about (not asked again on reactivation)."""

    def is_live(self, studio: Studio) -> bool:
        """True while the editor still holds this post's document."""
        return shiboken6.isValid(self.document) and studio.document is self.document

    def edits(self) -> tuple[dict[str, str], list[str]]:
        """The row's cells the edits change, and the changed slots no plan column fills."""
        return row_edits(self.post, self.document.content)

    def design_changed(self) -> bool:
        """True when the template itself was edited (layers, sizes), not only its content."""
        return self.document.template != self.template

    def state(self) -> object:
        """A value that changes whenever the edits do."""
        cells, lost = self.edits()
        return (tuple(sorted(cells.items())), tuple(lost), self.document.undo_stack.index())


def _in_library(studio: Studio, brand: str | None, path: Path) -> bool:
    if brand is None or not studio.library.has_brand(brand):
        return False
    try:
        return path.resolve().parent == studio.library.templates_dir(brand).resolve()
    except OSError:
        return False


def open_post(
    editor: Editor, studio: Studio, post: Post, brand: str | None, kit: BrandKit
) -> TemplateDocument | None:
    """Open ``post`` in the editor: its rubric (from the library when it is the brand's, else
    its file drawn in ``kit``), the row's values, its first preset. None when the user kept
    the template open before (Cancel on "Save changes?") or it could not be opened."""
    before = studio.document
    path = post.rubric.path
    if _in_library(studio, brand, path):
        assert brand is not None
        editor.open_library_template(brand, path.stem)
    else:
        editor.open_file(path)
    document = studio.document
    if document is None or document is before:
        return None
    if not _in_library(studio, brand, path) and document.kit.folder != kit.folder:
        location = document.location
        document = studio.open_file(path, kit)  # just opened, unchanged: nothing to ask
        document.location = location
    for slot, value in post.content.content.items():
        if slot in document.template.slots:
            document.set_slot(slot, value)
    if post.preset is not None:
        document.set_preset(post.preset)
    document.undo_stack.clear()  # the row's values are where this post starts
    return document
