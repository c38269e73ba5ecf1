"""Files dropped on the window: photos fill the photo slot, logos become logo layers, fonts
and bundles go to the brand. Every file is checked off the GUI thread first; a bad one gives a
message, never a crash or a frozen window."""

from __future__ import annotations

import dataclasses
import functools
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox, QWidget

from brandstudio.batch.inputs import PHOTO_EXTENSIONS
from brandstudio.gui.document import TemplateDocument
from brandstudio.gui.studio import Studio
from brandstudio.model.edits import add_layer, new_layer
from brandstudio.model.layers import LogoProps
from brandstudio.render.photo import PhotoError, open_photo

FONT_EXTENSIONS = frozenset({".ttf", ".otf", ".ttc", ".woff", ".woff2"})
TEMPLATE_EXTENSIONS = frozenset({".json"})
BUNDLE_EXTENSIONS = frozenset({".brandkit"})
LOGO_FOLDER = "images"


class _Signals(QObject):
    done = Signal(object, object)  # (callback, result or exception)


class _Check(QRunnable):
    """Runs a check in the thread pool and hands the result back to the GUI thread."""

    def __init__(self, work: Callable[[], Any], then: Callable[[Any], None]) -> None:
        super().__init__()
        self.signals = _Signals()
        self._work = work
        self._then = then

    @Slot()
    def run(self) -> None:
        try:
            result: Any = self._work()
        except Exception as error:  # any failure becomes a message in the GUI thread
            result = error
        self.signals.done.emit(self._then, result)


class FileChecks(QObject):
    """Checks files one at a time off the GUI thread; each result (or the exception raised)
    goes to its callback in the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._checks: list[_Check] = []

    def run(self, work: Callable[[], Any], then: Callable[[Any], None]) -> None:
        """Run ``work`` in the pool, then ``then(result or exception)`` in the GUI thread."""
        check = _Check(work, then)
        check.signals.done.connect(functools.partial(self._delivered, check))
        self._checks.append(check)  # alive until its result is delivered
        check.setAutoDelete(False)
        self.pool.start(check)

    def _delivered(self, check: _Check, then: Callable[[Any], None], result: Any) -> None:
        self._checks.remove(check)
        then(result)


def check_photo(path: Path) -> Any:
    """Decode ``path`` as the photo slot would (run it off the GUI thread)."""
    return open_photo(path, (4096, 4096))


def problem_of(result: Any) -> str | None:
    """Why a check's result refuses its file (None: the file can be used)."""
    if isinstance(result, PhotoError):
        return result.reason
    if isinstance(result, Exception):
        return str(result)
    return None


def accept_as_copy(event: QDropEvent) -> bool:
    """Accept a drag or drop of files as a copy (else a link), never a move: a file manager
    deletes the original of a file moved. False (and ignored) when neither is offered."""
    offered = event.possibleActions()
    for action in (Qt.DropAction.CopyAction, Qt.DropAction.LinkAction):
        if offered & action:
            event.setDropAction(action)
            event.accept()
            return True
    event.ignore()
    return False


def show_unusable_file(parent: QWidget, name: str, reason: str) -> QMessageBox:
    """Say why a file cannot be used, in a box that does not block the window."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("DropHandler", "Cannot use this file"),
        f"{name}: {reason}",
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("unusable-file")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()  # not modal to the app: the window stays usable
    return box


class DropHandler(QObject):
    """Decides what each dropped file is and does it, with a message for each refusal."""

    message = Signal(str)
    problem = Signal(str, str)
    """(file name, reason) for a file that cannot be used."""
    templateDropped = Signal(object)
    finished = Signal()
    """A dropped file was handled (used or refused)."""

    def __init__(self, studio: Studio, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.studio = studio
        self.checks = FileChecks(self)

    def handle(self, paths: list[Path]) -> None:
        """Handle each dropped file in turn."""
        for path in paths:
            suffix = path.suffix.casefold()
            if suffix in TEMPLATE_EXTENSIONS:
                self.templateDropped.emit(path)
                self.finished.emit()
            elif suffix in PHOTO_EXTENSIONS:
                self._check(functools.partial(check_photo, path),
                            functools.partial(self._image, path))  # fmt: skip
            elif suffix in FONT_EXTENSIONS:
                self._check(
                    functools.partial(_check_font, path), functools.partial(self._font, path)
                )
            elif suffix in BUNDLE_EXTENSIONS:
                self._check(functools.partial(_import_bundle, self.studio, path),
                            functools.partial(self._bundle, path))  # fmt: skip
            else:
                self._refuse(path, self.tr("not a photo, logo, font, template or brand bundle"))

    def _check(self, work: Callable[[], Any], then: Callable[[Any], None]) -> None:
        self.checks.run(work, then)

    def _refuse(self, path: Path, reason: str) -> None:
        self.message.emit(f"{path.name}: {reason}")
        self.problem.emit(path.name, reason)
        self.finished.emit()

    def _image(self, path: Path, result: Any) -> None:
        document = self.studio.document
        problem = problem_of(result)
        if problem is not None:
            self._refuse(path, problem)
            return
        if document is None:
            self.finished.emit()
            return
        if result.mode == "RGBA":
            self._add_logo(path)
        else:
            slots = [name for name, slot in document.template.slots.items() if slot.type == "image"]
            if not slots:
                self._refuse(path, self.tr("the template has no photo slot"))
                return
            document.set_slot(slots[0], str(path))
            self.message.emit(self.tr("Photo: %1").replace("%1", path.name))
        self.finished.emit()

    def _add_logo(self, path: Path) -> None:
        document = self.studio.document
        assert document is not None
        folder = document.template_folder / LOGO_FOLDER
        try:
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / path.name
            if not target.exists():
                shutil.copyfile(path, target)
        except OSError as error:
            self._refuse(path, error.strerror or str(error))
            return
        add_logo_layer(document, f"{LOGO_FOLDER}/{target.name}", path.stem, self.tr("Add Logo"))
        self.message.emit(self.tr("Logo added: %1").replace("%1", path.name))

    def _font(self, path: Path, result: Any) -> None:
        if isinstance(result, Exception):
            self._refuse(path, str(result))
            return
        self.message.emit(
            self.tr("%1 is a usable font (%2); assign it with: brandstudio brand font")
            .replace("%1", path.name)
            .replace("%2", str(result.family))
        )
        self.finished.emit()

    def _bundle(self, path: Path, result: Any) -> None:
        if isinstance(result, Exception):
            self._refuse(path, str(result))
            return
        self.message.emit(self.tr("Brand imported: %1").replace("%1", str(result.brand.name)))
        self.finished.emit()


def add_logo_layer(
    document: TemplateDocument, source: str, name: str, label: str, above: str | None = None
) -> str:
    """Add a logo layer showing ``source`` (relative to the template's folder) above the layer
    ``above`` (or on top), as one undo step named ``label``, and select it; returns its id."""
    layer = new_layer(document.template, "logo")
    layer = dataclasses.replace(layer, name=name[:100], props=LogoProps(source=source))  # type: ignore[arg-type]
    document.edit(label, add_layer(document.template, layer, above=above))
    document.select([layer.id])
    return layer.id


def _check_font(path: Path) -> Any:
    from brandstudio.library.fontcheck import check_font_file

    return check_font_file(path)


def _import_bundle(studio: Studio, path: Path) -> Any:
    from brandstudio.library.bundle import import_bundle

    return import_bundle(studio.library, path)
