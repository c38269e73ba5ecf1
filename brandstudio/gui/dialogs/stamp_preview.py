"""The stamp dialog's live preview: the stamp on the first photos, drawn off the GUI thread.

:class:`PreviewMaker` lives on the preview thread: it expands the inputs as the batch will, and
stamps the first photos with the same functions the workers use (``open_photo``, ``cover``,
``apply_marks``), at preview size. :class:`PreviewTileWidget` shows one result.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from brandstudio.batch.inputs import InputItem, expand_inputs
from brandstudio.gui.render_service import to_qimage
from brandstudio.gui.tooltips import plain_tip
from brandstudio.jobs.common import PlanError
from brandstudio.jobs.stamp import StampJob, StampTarget, preview_marks
from brandstudio.jobs.stamp_check import Enlarged, enlarged_photos
from brandstudio.render.photo import PhotoError, contain, cover, open_photo
from brandstudio.stamp.marks import MarkCache, apply_marks

PREVIEW_COUNT = 3
PREVIEW_BOX = 240
"""Longest side of a preview tile, px."""
PREVIEW_DECODE = 960
"""Photos are decoded (and cached) at most this large for previews, px."""


@dataclass(frozen=True)
class PreviewRequest:
    """What the preview shows: the photos, the job (None: ``problem`` says why) and the size."""

    inputs: tuple[str, ...]
    recursive: bool
    exclude: tuple[Path, ...]
    job: StampJob | None
    size: tuple[int, int] | None
    problem: str | None = None
    targets: tuple[StampTarget, ...] = ()
    """Every chosen size: photos one of them enlarges too much are counted."""


@dataclass(frozen=True)
class PreviewTile:
    """One photo's preview: the stamped image, or why there is none."""

    name: str
    image: object | None
    """A QImage (made on the preview thread; turned into a pixmap on the GUI thread)."""
    error: str | None = None


@dataclass(frozen=True)
class PreviewResult:
    """The photo count and up to three stamped previews."""

    photos: int
    skipped: int
    unusable: int
    tiles: tuple[PreviewTile, ...]
    problem: str | None = None
    enlarged: tuple[Enlarged, ...] = ()
    """Photos a chosen size enlarges so much that they look blurry."""


class PreviewMaker:
    """Expands inputs and stamps previews; lives on the preview thread (caches are its own)."""

    def __init__(self) -> None:
        self._expanded: tuple[object, list[InputItem]] | None = None
        self._photos: dict[tuple[str, int, int], Image.Image | str] = {}
        self._marks = MarkCache()
        self._enlarged: tuple[object, tuple[Enlarged, ...]] | None = None

    def make(self, request: PreviewRequest) -> PreviewResult:
        items = self._expand(request)
        photos = [item for item in items if item.skip is None and item.problem is None]
        skipped = sum(1 for item in items if item.skip is not None)
        unusable = sum(1 for item in items if item.problem is not None)
        enlarged = self._enlarged_photos(request, photos)
        if request.job is None:
            return PreviewResult(len(photos), skipped, unusable, (), request.problem, enlarged)
        try:
            marks = preview_marks(request.job)
        except PlanError as error:
            return PreviewResult(len(photos), skipped, unusable, (), str(error), enlarged)
        tiles = []
        for item in photos[:PREVIEW_COUNT]:
            name = item.path.name
            decoded = self._photo(item)
            if isinstance(decoded, str):
                tiles.append(PreviewTile(name, None, decoded))
                continue
            framed = _frame(decoded, request.size)
            try:
                stamped, _placed = apply_marks(framed, marks, self._marks)
            except ValueError as error:
                tiles.append(PreviewTile(name, None, str(error)))
                continue
            tiles.append(PreviewTile(name, to_qimage(_on_white(stamped))))
        return PreviewResult(len(photos), skipped, unusable, tuple(tiles), enlarged=enlarged)

    def _enlarged_photos(
        self, request: PreviewRequest, photos: list[InputItem]
    ) -> tuple[Enlarged, ...]:
        key = (request.inputs, request.recursive, request.exclude, request.targets)
        if self._enlarged is None or self._enlarged[0] != key:
            found = enlarged_photos([item.path for item in photos], request.targets)
            self._enlarged = (key, tuple(found))
        return self._enlarged[1]

    def _expand(self, request: PreviewRequest) -> list[InputItem]:
        key = (request.inputs, request.recursive, request.exclude)
        if self._expanded is not None and self._expanded[0] == key:
            return self._expanded[1]
        items = expand_inputs(request.inputs, recursive=request.recursive, exclude=request.exclude)
        self._expanded = (key, items)
        return items

    def _photo(self, item: InputItem) -> Image.Image | str:
        key = (str(item.path), item.size, item.mtime_ns)
        found = self._photos.get(key)
        if found is None:
            try:
                image = open_photo(item.path, (PREVIEW_DECODE, PREVIEW_DECODE))
                if max(image.size) > PREVIEW_DECODE:
                    image = contain(image, _fit(image.size, PREVIEW_DECODE))
                found = image
            except PhotoError as error:
                found = error.reason
            except ValueError as error:
                found = str(error)
            if len(self._photos) > 12:
                self._photos.clear()
            self._photos[key] = found
        return found


def _fit(size: tuple[int, int], longest: int) -> tuple[int, int]:
    scale = longest / max(size)
    return (max(1, round(size[0] * scale)), max(1, round(size[1] * scale)))


def _frame(photo: Image.Image, size: tuple[int, int] | None) -> Image.Image:
    """The photo as the output will frame it (cover-cropped to a preset), at preview size."""
    if size is None:
        if max(photo.size) <= PREVIEW_BOX:
            return photo
        return contain(photo, _fit(photo.size, PREVIEW_BOX))
    return cover(photo, _fit(size, PREVIEW_BOX))


def _on_white(image: Image.Image) -> Image.Image:
    if image.mode != "RGBA":
        return image
    base = Image.new("RGB", image.size, (255, 255, 255))
    base.paste(image, mask=image.getchannel("A"))
    return base


class PreviewTileWidget(QFrame):
    """One preview: the stamped photo and its file name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setFixedSize(QSize(PREVIEW_BOX, PREVIEW_BOX))
        self.picture.setWordWrap(True)
        self.picture.setTextFormat(Qt.TextFormat.PlainText)
        self.picture.setStyleSheet("color: palette(placeholder-text);")
        self.caption = QLabel()
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setFixedWidth(PREVIEW_BOX)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.picture)
        layout.addWidget(self.caption)

    def show_tile(self, tile: PreviewTile | None, empty: str = "") -> None:
        if tile is None:
            self.picture.clear()
            self.picture.setText(empty)
            self.caption.clear()
            return
        self.caption.setText(tile.name)
        self.caption.setToolTip(plain_tip(tile.name))
        if tile.image is None:
            self.picture.clear()
            self.picture.setText(tile.error or "")
            return
        self.picture.setPixmap(QPixmap.fromImage(tile.image))  # type: ignore[arg-type]

    def has_picture(self) -> bool:
        pixmap = self.picture.pixmap()
        return pixmap is not None and not pixmap.isNull()
