"""The library's thumbnails: made off the GUI thread, drawn as cards, shown in an even grid.

``thumbnail_steps`` runs on the library panel's LatestWorker thread: it reads each template's
tags and canvas first (quick: the grid can filter and shape its placeholders), then makes each
thumbnail (``library.store.thumbnail``, cached on disk) and frames it as a card. A newer request
(another brand, a refresh) stops it between two templates. The card drawing works on any thread
(QImage only); :class:`TemplateGrid` is the icon view the panel shows them in.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QListView, QWidget

from brandstudio.fileformat import FormatError, load_template
from brandstudio.library.errors import LibraryError
from brandstudio.library.lock import LibraryLock
from brandstudio.library.store import Library, thumbnail
from brandstudio.model.labels import template_title

ICON_SIDE = 132
"""The square every thumbnail is fitted into, in logical pixels."""
GRID = QSize(ICON_SIDE + 28, ICON_SIDE + 34)


# -- made on the worker thread ----------------------------------------------------------------


@dataclass(frozen=True)
class TemplateInfo:
    """What a template file says about itself: its tags, its canvas (width, height) and its
    title in the studio's language (its file name unless it has a translation)."""

    name: str
    tags: tuple[str, ...]
    canvas: tuple[int, int]
    title: str = ""


@dataclass(frozen=True)
class Thumbnail:
    """A template's framed thumbnail (at the device pixel ratio asked), or why there is none."""

    name: str
    image: QImage | None = None
    problem: str | None = None


def thread_library(library: Library) -> Library:
    """``library`` for a worker thread to use: a lock object of its own (LibraryLock counts
    re-entry per object, not per thread, and two flocks of one process exclude each other like
    two processes)."""
    own = copy.copy(library)
    own.lock = LibraryLock(library.lock.path)
    return own


def thumbnail_steps(
    library: Library, brand: str, names: Sequence[str], ratio: float, language: str = "en"
) -> Iterator[TemplateInfo | Thumbnail]:
    """The tags, canvas and title (in ``language``) of each template, then each framed
    thumbnail (``ratio``: the device pixel ratio of the panel). A template that cannot be read
    has no TemplateInfo; its Thumbnail says why."""
    for name in names:
        try:
            template = load_template(library.template_path(brand, name)).template
        except Exception:  # shown when its thumbnail fails below
            continue
        canvas = (template.canvas.width, template.canvas.height)
        # the library names a template after its file; another name is the user's edit
        title = template_title(template, language) if template.name == name else name
        yield TemplateInfo(name, tuple(template.tags), canvas, title)
    for name in names:
        try:
            path = thumbnail(library, brand, name)
            picture = QImage(str(path))
            if picture.isNull():
                raise OSError(f"{path.name}: not a readable PNG")
        except Exception as error:  # one broken template must not stop the others
            yield Thumbnail(name, problem=_describe(error))
            continue
        yield Thumbnail(name, framed(picture, ratio))


def _describe(error: Exception) -> str:
    if isinstance(error, LibraryError | FormatError | OSError):
        return str(error)
    return f"{type(error).__name__}: {error}"


# -- cards ----------------------------------------------------------------------------------


def _fit(width: float, height: float, side: float) -> QRectF:
    scale = min(side / width, side / height)
    w, h = width * scale, height * scale
    margin = (ICON_SIDE - side) / 2
    return QRectF(margin + (side - w) / 2, margin + (side - h) / 2, w, h)


def _canvas(ratio: float) -> tuple[QImage, QPainter]:
    side = round(ICON_SIDE * ratio)
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    image.setDevicePixelRatio(ratio)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    return image, painter


def _card(painter: QPainter, rect: QRectF) -> QPainterPath:
    """A soft shadow under ``rect``; returns the card's rounded outline."""
    for step, alpha in ((3.0, 18), (2.0, 26), (1.0, 34)):
        shadow = QPainterPath()
        shadow.addRoundedRect(
            rect.adjusted(-step + 1, -step + 2, step - 1, step), 4 + step, 4 + step
        )
        painter.fillPath(shadow, QColor(0, 0, 0, alpha))
    outline = QPainterPath()
    outline.addRoundedRect(rect, 3, 3)
    return outline


def framed(picture: QImage, ratio: float = 1.0) -> QImage:
    """A thumbnail centred on the icon square, as a card with a soft shadow (any thread)."""
    image, painter = _canvas(ratio)
    rect = _fit(picture.width(), picture.height(), ICON_SIDE - 10)
    outline = _card(painter, rect)
    painter.setClipPath(outline)
    painter.drawImage(rect, picture)
    painter.setClipping(False)
    painter.setPen(QPen(QColor(0, 0, 0, 40), 1))
    painter.drawPath(outline)
    painter.end()
    return image


def placeholder(
    canvas: tuple[int, int] = (4, 5), ratio: float = 1.0, failed: bool = False
) -> QImage:
    """The card shown until a thumbnail is ready (or when it cannot be made)."""
    image, painter = _canvas(ratio)
    rect = _fit(canvas[0], canvas[1], ICON_SIDE - 10)
    outline = _card(painter, rect)
    painter.fillPath(outline, QColor("#F1EEEA") if not failed else QColor("#F6E3E0"))
    painter.setPen(QPen(QColor(0, 0, 0, 30), 1))
    painter.drawPath(outline)
    painter.setPen(Qt.PenStyle.NoPen)
    center = rect.center()
    if failed:
        painter.setBrush(QColor("#C0392B"))
        painter.drawEllipse(center, 10, 10)
        pen = QPen(QColor("white"), 2.5)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawLine(center + QPointF(0, -5), center + QPointF(0, 1))
        painter.drawPoint(center + QPointF(0, 5))
    else:
        painter.setBrush(QColor(0, 0, 0, 45))
        for offset in (-12, 0, 12):
            painter.drawEllipse(center + QPointF(offset, 0), 3, 3)
    painter.end()
    return image


# -- the grid -------------------------------------------------------------------------------


class TemplateGrid(QListView):
    """An icon grid whose columns share the width evenly (no ragged gap on the right).

    Its keys (Delete, F2, Ctrl+D...) act on the templates while it has the focus, ahead of
    the window's shortcuts for the same keys (delete or duplicate a layer).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key_actions: list[QAction] = []

    def _action_for(self, event: QKeyEvent) -> QAction | None:
        pressed = QKeySequence(event.keyCombination())
        for action in self.key_actions:
            if action.shortcut().matches(pressed) == QKeySequence.SequenceMatch.ExactMatch:
                return action
        return None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            if self._action_for(event) is not None:
                event.accept()  # a key press for us, not a window shortcut
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self._action_for(event)
        if action is None:
            super().keyPressEvent(event)
            return
        event.accept()
        if action.isEnabled():
            action.trigger()

    def resizeEvent(self, event: QResizeEvent) -> None:
        width = self.viewport().width()
        columns = max(1, width // GRID.width())
        self.setGridSize(QSize(max(GRID.width(), width // columns), GRID.height()))
        super().resizeEvent(event)
