"""The studio's shared state: the open document, the renderer and the library, for every panel.

Panels get the Studio and listen to ``documentReplaced`` (another template was opened), then to
the document's own signals. Opening and saving go through here, so every panel sees the same.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from brandstudio.brands import DEFAULT_BRAND, find_brand
from brandstudio.fileformat import load_template, save_template
from brandstudio.fileformat.brand_io import BrandKit
from brandstudio.gui.document import Location, TemplateDocument
from brandstudio.gui.render_service import RenderRequest, RenderResult, RenderService
from brandstudio.library.store import Library, open_library
from brandstudio.model.template import Template
from brandstudio.resources import templates_folder


def _is_starter(path: Path) -> bool:
    try:
        return path.resolve().parent == templates_folder().resolve()
    except OSError:
        return False


class Studio(QObject):
    """Holds the open TemplateDocument and the services panels share."""

    documentReplaced = Signal()
    rendered = Signal(object)
    """A RenderResult of the current document at its current preset."""
    renderFailed = Signal(str)

    def __init__(self, library: Library | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library or open_library()
        self.renderer = RenderService(self)
        self.renderer.rendered.connect(self._on_rendered)
        self.renderer.failed.connect(self.renderFailed)
        self.document: TemplateDocument | None = None
        self.last_result: RenderResult | None = None
        self.text_layer: str | None = None
        """The text layer typed into on the canvas: renders bring its lines and caret stops."""

    # -- opening --

    def open_library_template(self, brand: str, name: str) -> TemplateDocument:
        """Open BRAND/NAME from the library (raises FormatError, LibraryError)."""
        loaded = self.library.load_template(brand, name)
        kit = self.library.load_brand(brand)
        location = Location(self.library.template_path(brand, name), brand, name)
        return self._replace(TemplateDocument(loaded.template, kit, kit.folder, location=location))

    def open_file(self, path: Path, kit: BrandKit | None = None) -> TemplateDocument:
        """Open a template file; its images are relative to its folder (raises FormatError).

        A starter template shipped with Brandstudio opens as a new, unsaved template: Save
        then asks where to put it, so the starter itself is never changed."""
        loaded = load_template(path)
        kit = kit or find_brand(DEFAULT_BRAND)
        location = None if _is_starter(path) else Location(path)
        return self._replace(TemplateDocument(loaded.template, kit, path.parent, location=location))

    def open_template(self, template: Template, kit: BrandKit, folder: Path) -> TemplateDocument:
        """Open an unsaved template (a recovered autosave, a new one)."""
        return self._replace(TemplateDocument(template, kit, folder))

    def _replace(self, document: TemplateDocument) -> TemplateDocument:
        old = self.document
        self.document = document
        document.setParent(self)
        document.changed.connect(self.request_render)
        self.documentReplaced.emit()
        self.request_render()
        if old is not None:
            old.deleteLater()
        return document

    # -- saving --

    def save(self) -> None:
        """Save to where the document came from (library or file); raises on failure."""
        document = self._current()
        if document.location is None:
            raise ValueError("the template has no place yet: use Save As")
        self._save_to(document, document.location)

    def save_to_library(self, brand: str, name: str) -> None:
        """Save as BRAND/NAME in the library (a new template, or over one)."""
        document = self._current()
        if not name.strip() or Path(name).name != name or name in {".", ".."}:
            raise ValueError(f"{name!r} is not a template name (no folders in it)")
        path = self.library.templates_dir(brand) / f"{name}.json"  # new, or the one to replace
        self._save_to(document, Location(path, brand, name))

    def save_to_file(self, path: Path) -> None:
        """Save as a template file."""
        self._save_to(self._current(), Location(path))

    def _save_to(self, document: TemplateDocument, location: Location) -> None:
        template = dataclasses.replace(document.template, revision=document.saved_revision)
        if location.brand is not None and location.name is not None:
            if location != document.location and location.path.exists():
                # Save As over another template: the user chose to replace it.
                on_disk = self.library.load_template(location.brand, location.name).template
                template = dataclasses.replace(template, revision=on_disk.revision)
            saved = self.library.save_template(location.brand, location.name, template)
        else:
            saved = dataclasses.replace(template, revision=template.revision + 1)
            save_template(saved, location.path)
        document.mark_saved(saved, location)

    # -- rendering --

    def request_render(self) -> None:
        """Render the current document at its preset (off the GUI thread)."""
        document = self.document
        if document is None:
            return
        self.renderer.request(
            RenderRequest(
                document.template,
                document.content,
                document.kit,
                document.template_folder,
                document.preset,
                text_layer=self.text_layer,
            )
        )

    def _on_rendered(self, result: RenderResult) -> None:
        document = self.document
        if document is None or result.request.preset != document.preset:
            return  # a render for a preset no longer shown
        self.last_result = result
        self.rendered.emit(result)

    def _current(self) -> TemplateDocument:
        if self.document is None:
            raise ValueError("no template is open")
        return self.document

    def shutdown(self) -> None:
        """Stop background work (window closing)."""
        self.renderer.stop()
