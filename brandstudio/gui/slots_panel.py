"""The content panel: what fills the template's slots (headline, details, photo, badge, QR link).

Each slot gets an editor for its type; an empty editor shows the slot's sample (what the
preview draws when nothing is given). Typing in one field is one undo step ("Edit Headline")
until the field loses focus. A photo is chosen with a file dialog or dropped onto its field,
and decoded off the GUI thread before it fills the slot: one that cannot be used leaves the post
unchanged and says why, as a refused drop does. A QR link too long for a QR code is said so
while typing.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
from collections.abc import Mapping
from pathlib import Path
from typing import Final

import shiboken6
from PySide6.QtCore import QFileInfo, QMimeData, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QFocusEvent, QPalette
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from brandstudio.batch.inputs import PHOTO_EXTENSIONS
from brandstudio.gui.dialogs.utm_tags import UtmTagsDialog, utm_summary
from brandstudio.gui.document import TemplateDocument
from brandstudio.gui.drops import (
    FileChecks,
    accept_as_copy,
    check_photo,
    problem_of,
    show_unusable_file,
)
from brandstudio.gui.i18n import current_language
from brandstudio.gui.settings import FOLDERS, last_folder, remember_folder
from brandstudio.gui.studio import Studio
from brandstudio.model.labels import slot_label
from brandstudio.model.layers import BadgeLayer, QrLayer, TextLayer
from brandstudio.model.template import Slot, Template
from brandstudio.render.qr import QrError, qr_matrix

WARNING_STYLE: Final = "color: #B25E09;"


def image_path(data: QMimeData) -> Path | None:
    """The local image file a drag carries (the first URL), or None."""
    if not data.hasUrls():
        return None
    for url in data.urls():
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            return path if path.suffix.casefold() in PHOTO_EXTENSIONS else None
    return None


class ImageLineEdit(QLineEdit):
    """A path field that takes an image file dropped onto it (``fileDropped``)."""

    fileDropped = Signal(str)

    def _accepts(self, data: QMimeData) -> bool:
        return image_path(data) is not None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts(event.mimeData()):
            accept_as_copy(event)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._accepts(event.mimeData()):
            accept_as_copy(event)
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = image_path(event.mimeData())
        if path is None:
            event.ignore()
            return
        if not accept_as_copy(event):
            return
        self.setText(str(path))
        self.fileDropped.emit(str(path))


class _TextEdit(QPlainTextEdit):
    focusLost = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focusLost.emit()


class SlotField(QWidget):
    """The editor of one slot: a label, the field (by slot type) and a warning line."""

    valueEdited = Signal(str, str)
    """(slot, value) while the user types: ``value`` is what the slot holds now."""
    sessionEnded = Signal(str)
    """(slot): the field lost focus or Enter was pressed; the next edit is a new step."""
    photoChosen = Signal(str, str)
    """(slot, absolute path) of a photo file to check before it fills the slot
    (``use_photo``)."""
    utmRequested = Signal(str)
    """(slot): the user asked to edit the link slot's UTM tags."""

    def __init__(
        self,
        name: str,
        slot: Slot,
        *,
        single_line: bool,
        qr_levels: tuple[tuple[str, int], ...],
        sample_path: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"slot-{name}")
        self.name = name
        self.slot = slot
        self.qr_levels = qr_levels
        self.sample_path = sample_path
        """For an image slot: the sample as a full path ("" when it has none)."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)

        header = QHBoxLayout()
        header.setSpacing(6)
        self.label = QLabel(slot.label or name, self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        header.addWidget(self.label, 1)
        kinds = {
            "text": self.tr("Text"),
            "image": self.tr("Photo"),
            "url": self.tr("Link"),
        }
        self.kind = QLabel(kinds.get(slot.type, slot.type), self)
        self.kind.setTextFormat(Qt.TextFormat.PlainText)
        self.kind.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.kind.setToolTip(self.tr("The slot's name in data files: %1").replace("%1", name))
        header.addWidget(self.kind)
        self.utm_button: QToolButton | None = None
        if slot.type == "url":
            self.utm_button = QToolButton(self)
            self.utm_button.setObjectName("utmButton")
            self.utm_button.setAutoRaise(True)
            self.utm_button.setCheckable(True)
            self.utm_button.setChecked(slot.utm is not None)
            self.utm_button.setText(self.tr("UTM…"))
            self.utm_button.setStatusTip(
                self.tr("Tag this link for each network its QR codes are posted to.")
            )
            tags = utm_summary(slot.utm)
            self.utm_button.setToolTip(
                self.tr("Tagged: %1").replace("%1", tags) if tags else self.tr("Not tagged")
            )
            self.utm_button.clicked.connect(self._utm_clicked)
            header.addWidget(self.utm_button)
        layout.addLayout(header)

        self.text: _TextEdit | None = None
        self.line: QLineEdit | None = None
        self.choose_button: QPushButton | None = None
        if slot.type == "image":
            row = QHBoxLayout()
            row.setSpacing(6)
            image_line = ImageLineEdit(self)
            image_line.setPlaceholderText(slot.sample or self.tr("No photo"))
            image_line.setToolTip(self.tr("The photo's file. Drop an image file here to use it."))
            image_line.editingFinished.connect(self._path_entered)
            image_line.fileDropped.connect(self._file_chosen)
            row.addWidget(image_line, 1)
            self.choose_button = QPushButton(self.tr("Choose…"), self)
            self.choose_button.setStatusTip(self.tr("Choose a photo file."))
            self.choose_button.clicked.connect(self.choose_file)
            row.addWidget(self.choose_button)
            layout.addLayout(row)
            self.line = image_line
        elif slot.type == "url" or single_line:
            line = QLineEdit(self)
            line.setPlaceholderText(slot.sample)
            line.setMaxLength(5000)
            line.textEdited.connect(lambda text: self.valueEdited.emit(name, self.value_of(text)))
            line.editingFinished.connect(lambda: self.sessionEnded.emit(name))
            layout.addWidget(line)
            self.line = line
        else:
            text = _TextEdit(self)
            text.setPlaceholderText(slot.sample)
            text.setTabChangesFocus(True)
            text.setFixedHeight(text.fontMetrics().lineSpacing() * 3 + 14)
            text.textChanged.connect(
                lambda: self.valueEdited.emit(name, self.value_of(text.toPlainText()))
            )
            text.focusLost.connect(lambda: self.sessionEnded.emit(name))
            layout.addWidget(text)
            self.text = text
        editor = self.text if self.text is not None else self.line
        if editor is not None:
            self.label.setBuddy(editor)
            self.setFocusProxy(editor)

        self.warning = QLabel(self)
        self.warning.setObjectName("slotWarning")
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"QLabel#slotWarning {{ {WARNING_STYLE} }}")
        self.warning.hide()
        layout.addWidget(self.warning)

    # -- values --

    def value_of(self, text: str) -> str:
        """What the slot holds for the field's text: an empty field means the sample."""
        if text:
            return text
        return self.sample_path if self.slot.type == "image" else self.slot.sample

    def editor_text(self) -> str:
        if self.text is not None:
            return self.text.toPlainText()
        return self.line.text() if self.line is not None else ""

    def show_value(self, content: Mapping[str, str]) -> None:
        """Show the slot's content (empty when it holds the sample), unless the field already
        stands for that value (the user is typing it)."""
        effective = content.get(self.name, self.value_of(""))
        if self.value_of(self.editor_text()) != effective:
            shown = content.get(self.name, "")
            if self.slot.type == "image" and shown == self.sample_path:
                shown = ""
            if self.text is not None:
                self.text.blockSignals(True)
                self.text.setPlainText(shown)
                self.text.blockSignals(False)
            elif self.line is not None:
                self.line.setText(shown)
        if self.slot.type == "url":
            self.check_qr(effective)

    def show_warning(self, text: str) -> None:
        self.warning.setText(text)
        self.warning.setVisible(bool(text))

    def check_qr(self, value: str) -> None:
        """Warn when ``value`` does not fit in a QR code at the levels its QR layers use."""
        for level, quiet_zone in self.qr_levels or (("M", 2),):
            try:
                qr_matrix(value, level, quiet_zone)
            except QrError:
                text = self.tr(
                    "⚠ Too long for a QR code (%1 characters): shorten the link or lower "
                    "the error correction."
                )
                self.show_warning(text.replace("%1", str(len(value))))
                return
        self.show_warning("")

    def _utm_clicked(self) -> None:
        if self.utm_button is not None:
            self.utm_button.setChecked(self.slot.utm is not None)  # the button shows the state
        self.utmRequested.emit(self.name)

    # -- photos --

    def choose_file(self) -> str:
        """Ask for a photo with the desktop's file dialog; returns the path chosen, or ""."""
        current = self.line.text() if self.line is not None else ""
        start = str(Path(current).parent) if current else last_folder(FOLDERS.photos)
        patterns = " ".join(f"*{suffix}" for suffix in sorted(PHOTO_EXTENSIONS))
        filters = ";;".join(
            (self.tr("Images (%1)").replace("%1", patterns), self.tr("All files (*)"))
        )
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a Photo"), start, filters)
        if path:
            remember_folder(FOLDERS.photos, Path(path).parent)
            self._file_chosen(path)
        return path

    def _path_entered(self) -> None:
        if self.line is None:
            return
        text = self.line.text().strip()
        if not text:
            if self.sample_path:
                self.show_warning("")
                self.valueEdited.emit(self.name, self.sample_path)
            else:
                self.show_warning(self.tr("Choose a photo: this slot has no sample."))
            self.sessionEnded.emit(self.name)
            return
        self._file_chosen(text)

    def _file_chosen(self, text: str) -> None:
        path = Path(text).expanduser()
        info = QFileInfo(str(path))
        if not info.isFile():
            self.show_warning(self.tr("⚠ No file at this path."))
            return
        if path.suffix.casefold() not in PHOTO_EXTENSIONS:
            self.show_warning(self.tr("⚠ Not a photo Brandstudio can read (JPEG, PNG, WebP…)."))
            return
        self.show_warning("")
        self.photoChosen.emit(self.name, str(path.resolve()))

    def use_photo(self, absolute: str) -> None:
        """Fill the slot with a photo file that decoded."""
        if self.line is not None and self.line.text() != absolute:
            self.line.setText(absolute)
        self.valueEdited.emit(self.name, absolute)
        self.sessionEnded.emit(self.name)


def _qr_levels(template: Template, slot: str) -> tuple[tuple[str, int], ...]:
    return tuple(
        (layer.props.error_correction, layer.props.quiet_zone)
        for layer in template.layers
        if isinstance(layer, QrLayer) and layer.props.slot == slot
    )


def _single_line(template: Template, slot: str) -> bool:
    """A text slot shown only by badges gets a one-line field."""
    users = [
        layer
        for layer in template.layers
        if isinstance(layer, TextLayer | BadgeLayer) and layer.props.slot == slot
    ]
    return bool(users) and all(isinstance(layer, BadgeLayer) for layer in users)


class SlotsPanel(QWidget):
    """Edits the content of the document's slots (``document.set_slot``)."""

    def __init__(self, studio: Studio, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SlotsPanel")
        self.studio = studio
        self.document: TemplateDocument | None = None
        self.fields: dict[str, SlotField] = {}
        self._signature: object = None
        self._session = 0
        self._committing = False
        self.checks = FileChecks(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        layout.addWidget(self.scroll_area)

        studio.documentReplaced.connect(self._document_replaced)
        self._document_replaced()

    def sizeHint(self) -> QSize:
        return QSize(280, 300)

    def _document_replaced(self) -> None:
        old = self.document
        if old is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # gone with its C++ object
                old.changed.disconnect(self._document_changed)
        self.document = self.studio.document
        if self.document is not None:
            self.document.changed.connect(self._document_changed)
        self._session += 1
        self._signature = None
        self._document_changed()

    def _signature_of(self, document: TemplateDocument | None) -> object:
        if document is None:
            return None
        template = document.template
        return (
            id(document),
            tuple(
                (name, slot, _single_line(template, name), _qr_levels(template, name))
                for name, slot in template.slots.items()
            ),
            tuple(  # the labels as shown, translated
                slot_label(template, name, current_language()) for name in template.slots
            ),
        )

    def _document_changed(self) -> None:
        if not self._committing:
            self._session += 1  # undo, redo, another panel: typing starts a new step
        document = self.document
        signature = self._signature_of(document)
        if signature != self._signature:
            self._signature = signature
            self._rebuild()
        if document is not None:
            for field in self.fields.values():
                field.show_value(document.content)

    def _rebuild(self) -> None:
        self.fields = {}
        content = QWidget()
        content.setObjectName("slotsContent")
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 4, 0, 4)
        column.setSpacing(0)
        document = self.document
        if document is None or not document.template.slots:
            text = (
                self.tr("Open a template to fill in its content.")
                if document is None
                else self.tr("This template has no content slots.")
            )
            note = QLabel(text)
            note.setTextFormat(Qt.TextFormat.PlainText)
            note.setWordWrap(True)
            note.setAlignment(Qt.AlignmentFlag.AlignCenter)
            note.setEnabled(False)
            note.setContentsMargins(16, 24, 16, 24)
            column.addWidget(note)
        else:
            template = document.template
            for name, slot in template.slots.items():
                sample_path = ""
                if slot.type == "image" and slot.sample:
                    sample_path = str(document.template_folder.joinpath(*slot.sample.split("/")))
                field = SlotField(
                    name,
                    slot,
                    single_line=_single_line(template, name),
                    qr_levels=_qr_levels(template, name),
                    sample_path=sample_path,
                )
                field.label.setText(slot_label(template, name, current_language()))
                field.valueEdited.connect(self._value_edited)
                field.sessionEnded.connect(self._session_ended)
                field.photoChosen.connect(self._check_photo)
                field.utmRequested.connect(self.edit_utm)
                field.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
                column.addWidget(field)
                self.fields[name] = field
        column.addStretch(1)
        old = self.scroll_area.takeWidget()
        self.scroll_area.setWidget(content)
        if old is not None:
            old.deleteLater()

    def _value_edited(self, slot: str, value: str) -> None:
        document = self.document
        if document is None or slot not in document.template.slots:
            return
        field = self.fields.get(slot)
        if field is not None and field.slot.type == "url":
            field.check_qr(value)
        self._committing = True
        try:
            document.set_slot(slot, value, merge_key=f"slots:{slot}:{self._session}")
        finally:
            self._committing = False

    def edit_utm(self, slot: str) -> None:
        """Ask for a link slot's UTM tags (UTM Tags); accepting changes them as one undo
        step. The campaign defaults to the template's name."""
        document = self.document
        field = self.fields.get(slot)
        if document is None or field is None or slot not in document.template.slots:
            return
        template = document.template
        link = field.value_of(field.editor_text())
        dialog = UtmTagsDialog(field.label.text(), template.slots[slot], link, template.name, self)
        if dialog.exec() != UtmTagsDialog.DialogCode.Accepted:
            return
        settings = dialog.settings()
        if template.slots[slot].utm == settings or self.document is not document:
            return
        slots = dict(template.slots)
        slots[slot] = dataclasses.replace(slots[slot], utm=settings)
        document.edit(self.tr("Edit UTM Tags"), dataclasses.replace(template, slots=slots))

    def _session_ended(self, _slot: str) -> None:
        self._session += 1

    def _check_photo(self, slot: str, path: str) -> None:
        """Decode a chosen photo off the GUI thread; one that cannot be used leaves the post
        as it was and says why, like a refused drop."""
        work = functools.partial(check_photo, Path(path))
        then = functools.partial(self._photo_checked, self.fields.get(slot), slot, path)
        self.checks.run(work, then)

    def _photo_checked(self, field: SlotField | None, slot: str, path: str, result: object) -> None:
        document = self.document
        if field is None or not shiboken6.isValid(field) or self.fields.get(slot) is not field:
            return  # the panel was rebuilt (or closed) meanwhile
        if document is None:
            return
        problem = problem_of(result)
        if problem is None:
            field.use_photo(path)
            return
        field.show_value(document.content)  # back to what the slot holds
        show_unusable_file(self, Path(path).name, problem)
