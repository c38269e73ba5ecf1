"""Copy, cut, paste and duplicate of layers through the system clipboard.

Copy puts three things on the clipboard: our own MIME type with the layers' JSON (read back by
this or another running studio), a PNG of the selection as rendered (for other programs) and
the text of the selected text layers. Paste takes our layers first, else an image (a
screenshot, a logo from a browser: saved as a PNG beside the template, added as a logo layer),
else plain text (a text layer in the brand's body font). Whatever the clipboard holds, a paste
that cannot be used is a status message, never a crash. The model work is in
``model/clipboard.py``; here are the actions, the clipboard and the files.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Final

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData, QObject, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QImage, QImageWriter, QKeySequence

from brandstudio.batch.inputs import PHOTO_EXTENSIONS
from brandstudio.fileformat import FormatError, template_from_data, template_to_data
from brandstudio.fileformat.layers_io import dump_layers, parse_layers
from brandstudio.fileformat.paths import asset_path_problem
from brandstudio.fsutil import atomic_write_bytes
from brandstudio.gui.document import TemplateDocument
from brandstudio.gui.drops import LOGO_FOLDER, add_logo_layer
from brandstudio.gui.render_service import RenderRequest
from brandstudio.gui.studio import Studio
from brandstudio.model.clipboard import (
    PasteError,
    copy_layers,
    duplicate_layers,
    paste_layers,
    text_layer,
)
from brandstudio.model.edits import add_layer, delete_layers
from brandstudio.model.layers import LogoLayer, TextLayer
from brandstudio.model.layout import layout
from brandstudio.model.template import Template
from brandstudio.model.values import brand_role

LAYERS_MIME: Final = "application/x-brandstudio-layers+json"
MAX_IMAGE_SIDE: Final = 4096
"""A pasted image larger than this (pixels) is scaled down to fit first."""
MAX_ASSET_BYTES: Final = 50 * 1024 * 1024
"""The largest image file a paste brings along from the folder it was copied from."""
MAX_PASTED_TEXT: Final = 5000
"""The most characters of pasted plain text kept (a text layer's own text holds no more)."""


class ClipboardActions(QObject):
    """The Edit menu's Cut, Copy, Paste and Paste in Place, working on the studio's document."""

    message = Signal(str)
    """Something to show in the status bar (what was pasted, or why not)."""

    def __init__(self, studio: Studio, parent: QObject) -> None:
        super().__init__(parent)
        self.studio = studio
        keys = QKeySequence.StandardKey
        self.act_cut = self._action(
            self.tr("Cu&t"), self.tr("Copy the selected layers and remove them"), keys.Cut
        )
        self.act_copy = self._action(
            self.tr("&Copy"),
            self.tr("Copy the selected layers (as layers, and as a picture for other programs)"),
            keys.Copy,
        )
        self.act_paste = self._action(
            self.tr("&Paste"),
            self.tr("Paste layers, an image or text from the clipboard"),
            keys.Paste,
        )
        self.act_paste_in_place = self._action(
            self.tr("Paste &in Place"),
            self.tr("Paste layers exactly where they were copied from"),
            "Ctrl+Shift+V",
        )
        self.act_cut.triggered.connect(self.cut)
        self.act_copy.triggered.connect(self.copy)
        self.act_paste.triggered.connect(lambda: self.paste())
        self.act_paste_in_place.triggered.connect(lambda: self.paste(in_place=True))
        QGuiApplication.clipboard().dataChanged.connect(self._update)
        studio.documentReplaced.connect(self._on_document)
        self._on_document()

    def _action(self, text: str, tip: str, shortcut: QKeySequence.StandardKey | str) -> QAction:
        action = QAction(text, self.parent())
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        return action

    def actions(self) -> list[QAction]:
        """In menu order."""
        return [self.act_cut, self.act_copy, self.act_paste, self.act_paste_in_place]

    def _on_document(self) -> None:
        document = self.studio.document
        if document is not None:
            document.selectionChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        document = self.studio.document
        selected = document is not None and bool(document.selection)
        self.act_cut.setEnabled(selected)
        self.act_copy.setEnabled(selected)
        mime = QGuiApplication.clipboard().mimeData()
        pasteable = mime is not None and (
            mime.hasFormat(LAYERS_MIME) or mime.hasImage() or bool(mime.text().strip())
        )
        self.act_paste.setEnabled(document is not None and pasteable)
        self.act_paste_in_place.setEnabled(document is not None and pasteable)

    # -- copy and cut --

    def copy(self) -> bool:
        """Put the selected layers on the clipboard; False when nothing is selected."""
        document = self.studio.document
        if document is None or not document.selection:
            return False
        copied = copy_layers(document.template, document.selection)
        mime = QMimeData()
        text = dump_layers(copied, str(document.template_folder))
        mime.setData(LAYERS_MIME, QByteArray(text.encode("utf-8")))
        image = self._selection_image(document)
        if image is not None:
            mime.setImageData(image)
        words = [_shown_text(document, layer) for layer in copied.layers]
        mime.setText("\n".join(word for word in words if word))
        QGuiApplication.clipboard().setMimeData(mime)
        return True

    def cut(self) -> None:
        """Copy the selected layers, then remove them (one undo step)."""
        document = self.studio.document
        if document is None or not self.copy():
            return
        count = len(document.selection)
        label = (
            self.tr("Cut Layer")
            if count == 1
            else self.tr("Cut %1 Layers").replace("%1", str(count))
        )
        document.edit(label, delete_layers(document.template, document.selection))

    def duplicate(self) -> None:
        """Edit ▸ Duplicate: every selected layer, just above the topmost, without the clipboard."""
        document = self.studio.document
        if document is None or not document.selection:
            return
        try:
            template, ids = duplicate_layers(document.template, document.selection)
            template = _checked(template)
        except (PasteError, FormatError) as error:
            self.message.emit(self.tr("Cannot duplicate: %1").replace("%1", _reason(error)))
            return
        label = (
            self.tr("Duplicate Layer")
            if len(ids) == 1
            else self.tr("Duplicate %1 Layers").replace("%1", str(len(ids)))
        )
        document.edit(label, template)
        document.select(ids)

    def _selection_image(self, document: TemplateDocument) -> QImage | None:
        """The selected layers as the canvas shows them (cropped from the render)."""
        result = self.studio.last_result
        request = result.request if result is not None else None
        if (
            result is None
            or request is None
            or request.template != document.template
            or request.content != document.content
            or request.preset != document.preset
        ):
            try:
                result = self.studio.renderer.render_now(
                    RenderRequest(
                        document.template,
                        document.content,
                        document.kit,
                        document.template_folder,
                        document.preset,
                    )
                )
            except Exception:  # a picture is a courtesy to other programs: copy without it
                return None
        placed = layout(document.template, document.preset)
        bounds = [placed.placement(layer_id).bounds for layer_id in document.selection]
        left = max(0, int(min(box.x for box in bounds)))
        top = max(0, int(min(box.y for box in bounds)))
        right = min(result.qimage.width(), int(max(box.right for box in bounds) + 0.999))
        bottom = min(result.qimage.height(), int(max(box.bottom for box in bounds) + 0.999))
        if right <= left or bottom <= top:
            return None
        return result.qimage.copy(left, top, right - left, bottom - top)

    # -- paste --

    def paste(self, *, in_place: bool = False) -> None:
        """Paste our layers, else an image, else text; a message says what happened."""
        document = self.studio.document
        mime = QGuiApplication.clipboard().mimeData()
        if document is None or mime is None:
            return
        if mime.hasFormat(LAYERS_MIME):
            raw = mime.data(LAYERS_MIME).data()
            self._paste_layers(document, bytes(raw).decode("utf-8", "replace"), in_place=in_place)
        elif mime.hasImage():
            self._paste_image(document, QImage(mime.imageData()))
        elif mime.text().strip():
            self._paste_text(document, mime.text())
        else:
            self.message.emit(self.tr("The clipboard holds nothing to paste here."))

    def _paste_layers(self, document: TemplateDocument, text: str, *, in_place: bool) -> None:
        try:
            copied = parse_layers(text)
            _bring_assets(copied.template, copied.folder, document.template_folder)
            above = document.selection[-1] if document.selection else None
            template, ids = paste_layers(
                document.template, copied.template, above=above, in_place=in_place
            )
            template = _checked(template)
        except (FormatError, PasteError) as error:
            self.message.emit(self.tr("Cannot paste: %1").replace("%1", _reason(error)))
            return
        count = len(ids)
        label = (
            self.tr("Paste Layer")
            if count == 1
            else self.tr("Paste %1 Layers").replace("%1", str(count))
        )
        document.edit(label, template)
        document.select(ids)
        self.message.emit(label)

    def _paste_image(self, document: TemplateDocument, image: QImage) -> None:
        if image.isNull():
            self.message.emit(self.tr("Cannot paste: the clipboard image cannot be read."))
            return
        if max(image.width(), image.height()) > MAX_IMAGE_SIDE:
            image = image.scaled(
                MAX_IMAGE_SIDE,
                MAX_IMAGE_SIDE,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        QImageWriter(buffer, QByteArray(b"png")).write(image)
        data = bytes(buffer.data().data())
        name = f"pasted-{hashlib.sha256(data).hexdigest()[:12]}.png"
        try:
            target = document.template_folder / LOGO_FOLDER / name
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                atomic_write_bytes(target, data)
        except OSError as error:
            self.message.emit(
                self.tr("Cannot paste: %1").replace("%1", error.strerror or str(error))
            )
            return
        above = document.selection[-1] if document.selection else None
        add_logo_layer(
            document,
            f"{LOGO_FOLDER}/{name}",
            self.tr("Pasted image"),
            self.tr("Paste Image"),
            above,
        )
        self.message.emit(self.tr("Image pasted as a logo layer: %1").replace("%1", name))

    def _paste_text(self, document: TemplateDocument, text: str) -> None:
        cleaned = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ").strip()
        layer = text_layer(document.template, cleaned[:MAX_PASTED_TEXT])
        above = document.selection[-1] if document.selection else None
        try:
            template = _checked(add_layer(document.template, layer, above=above))
        except FormatError as error:
            self.message.emit(self.tr("Cannot paste: %1").replace("%1", _reason(error)))
            return
        document.edit(self.tr("Paste Text"), template)
        document.select([layer.id])
        self.message.emit(self.tr("Text pasted as a text layer"))


def _checked(template: Template) -> Template:
    """The template as a file would load it: every rule checked (FormatError if broken)."""
    return template_from_data(template_to_data(template), "clipboard").template


def _reason(error: FormatError | PasteError) -> str:
    if isinstance(error, FormatError):
        return "; ".join(str(problem) for problem in error.problems[:3])
    return str(error)


def _shown_text(document: TemplateDocument, layer: object) -> str:
    """What a text layer says right now (its own text, or its slot's content or sample)."""
    if not isinstance(layer, TextLayer):
        return ""
    if layer.props.text is not None:
        return layer.props.text
    slot = layer.props.slot or ""
    sample = document.template.slots[slot].sample if slot in document.template.slots else ""
    return document.content.get(slot) or sample


def _bring_assets(copied: Template, folder: str | None, target: Path) -> None:
    """Copy the image files the pasted layers use into ``target`` when it lacks them.

    Only relative image paths (as the format accepts them) found as regular files of
    reasonable size in the folder they were copied from; anything else is left as it is
    (the render then reports the missing file)."""
    if folder is None:
        return
    source = Path(folder)
    paths = [layer.props.source for layer in copied.layers if isinstance(layer, LogoLayer)]
    paths += [slot.sample for slot in copied.slots.values() if slot.type == "image"]
    for relative in paths:
        if not relative or brand_role(relative) is not None or asset_path_problem(relative):
            continue
        if Path(relative).suffix.casefold() not in PHOTO_EXTENSIONS:
            continue
        origin, destination = source / relative, target / relative
        try:
            if (
                destination.exists()
                or not origin.is_file()
                or origin.stat().st_size > MAX_ASSET_BYTES
            ):
                continue
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(origin, destination)
        except OSError:
            continue
