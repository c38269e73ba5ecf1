"""Apply Brand: the open post drawn in every brand of the library, side by side; the one
chosen restyles the post (colours, fonts, logos) and keeps its text, photos and per-size edits.

The previews are rendered off the GUI thread, one brand at a time, by the engine that draws
the canvas; a brand that cannot be read says why on its tile.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Final

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from brandstudio.fileformat.brand_io import BrandKit
from brandstudio.gui.render_service import AssetCache, RenderRequest, to_qimage
from brandstudio.gui.studio import Studio
from brandstudio.gui.tooltips import plain_tip
from brandstudio.gui.workers import LatestWorker
from brandstudio.library.store import Library
from brandstudio.model.preset import Preset
from brandstudio.model.template import Template
from brandstudio.render.engine import render

PREVIEW_SIDE: Final = 220
"""Logical px of the longer side of a preview."""

BRAND_ROLE: Final = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class BrandPreview:
    """One brand's picture of the post (device pixels), or why there is none."""

    brand: str
    image: QImage | None = None
    problem: str | None = None


def preview_size(template: Template, preset: Preset | None, ratio: float) -> Preset:
    """The size to render a preview at: the preset shown (or the canvas), shrunk so its longer
    side is PREVIEW_SIDE logical px; same id, so the preset's own layout applies."""
    width, height = (
        (preset.width, preset.height)
        if preset is not None
        else (template.canvas.width, template.canvas.height)
    )
    scale = min(1.0, PREVIEW_SIDE * ratio / max(width, height))
    small = (max(16, round(width * scale)), max(16, round(height * scale)))
    if preset is not None:
        return dataclasses.replace(preset, width=small[0], height=small[1])
    return Preset(
        id="canvas", name="canvas", width=small[0], height=small[1], source="studio",
        checked="-" * 10,
    )  # fmt: skip


def brand_previews(
    library: Library,
    brands: Sequence[str],
    template: Template,
    content: Mapping[str, str],
    folder: Path,
    size: Preset,
) -> Iterator[BrandPreview]:
    """The post in each brand in turn (run on a worker thread; stops between two brands)."""
    cache = AssetCache()
    for brand in brands:
        try:
            kit = library.load_brand(brand)
            assets = cache.get(RenderRequest(template, content, kit, folder, size))
            image = render(template, content, assets, size).image
        except Exception as error:  # one broken brand must not stop the others
            yield BrandPreview(brand, problem=str(error) or type(error).__name__)
            continue
        yield BrandPreview(brand, to_qimage(image))


class ApplyBrandDialog(QDialog):
    """Pick the brand to draw the open post in; Apply restyles it as one undo step."""

    def __init__(self, studio: Studio, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        document = studio.document
        if document is None:
            raise ValueError("no template is open")
        self.setObjectName("ApplyBrandDialog")
        self.setWindowTitle(self.tr("Apply Brand"))
        self.studio = studio
        self.library = studio.library
        self.current = document.kit
        heading = QLabel(
            self.tr(
                "Draw this post in another brand: its colours, fonts and logo change; the "
                "text, photos and per-size edits stay. Saving asks whether the original stays "
                "in its brand."
            ),
            self,
        )
        heading.setWordWrap(True)
        self.grid = QListWidget(self)
        self.grid.setObjectName("BrandPreviews")
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setMovement(QListView.Movement.Static)
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setWrapping(True)
        self.grid.setIconSize(QSize(PREVIEW_SIDE, PREVIEW_SIDE))
        self.grid.setGridSize(QSize(PREVIEW_SIDE + 24, PREVIEW_SIDE + 48))
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setMinimumSize(3 * (PREVIEW_SIDE + 24) + 24, PREVIEW_SIDE + 72)
        self.grid.itemDoubleClicked.connect(lambda item: self.accept())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.apply_button.setText(self.tr("Apply Brand"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.grid.currentItemChanged.connect(self._update_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.buttons)

        self.items: dict[str, QListWidgetItem] = {}
        ratio = self.devicePixelRatioF()
        size = preview_size(document.template, document.preset, ratio)
        placeholder = self._placeholder(size, ratio)
        brands = self.library.brand_names()
        for brand in brands:
            item = QListWidgetItem(placeholder, self._caption(brand))
            item.setData(BRAND_ROLE, brand)
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            self.grid.addItem(item)
            self.items[brand] = item
            if self._is_current(brand):
                self.grid.setCurrentItem(item)
        self._update_button()
        self.worker = LatestWorker("brand previews", self)
        self.worker.step.connect(self._on_preview)
        self.worker.submit_steps(
            partial(
                brand_previews, self.library, tuple(brands), document.template,
                dict(document.content), document.template_folder, size,
            )
        )  # fmt: skip

    def _is_current(self, brand: str) -> bool:
        try:
            return self.library.brand_folder(brand).resolve() == self.current.folder.resolve()
        except Exception:  # a brand folder that went away meanwhile
            return False

    def _caption(self, brand: str) -> str:
        if self._is_current(brand):
            return self.tr("%1 (now)").replace("%1", brand)
        return brand

    @staticmethod
    def _placeholder(size: Preset, ratio: float) -> QIcon:
        picture = QPixmap(size.width, size.height)
        picture.fill(QColor(0, 0, 0, 0))
        painter = QPainter(picture)
        painter.fillRect(picture.rect(), QColor(128, 128, 128, 40))
        painter.end()
        picture.setDevicePixelRatio(ratio)
        return QIcon(picture)

    def _on_preview(self, serial: int, step: object) -> None:
        if serial != self.worker.latest or not isinstance(step, BrandPreview):
            return
        item = self.items.get(step.brand)
        if item is None:
            return
        if step.image is not None:
            step.image.setDevicePixelRatio(self.devicePixelRatioF())
            item.setIcon(QIcon(QPixmap.fromImage(step.image)))
            item.setData(Qt.ItemDataRole.UserRole + 2, "ready")
        else:
            item.setToolTip(plain_tip(self.tr("No preview: %1").replace("%1", step.problem or "")))
            item.setData(Qt.ItemDataRole.UserRole + 2, "failed")

    def _update_button(self) -> None:
        brand = self.chosen()
        self.apply_button.setEnabled(brand is not None and not self._is_current(brand))

    def is_ready(self, brand: str) -> bool:
        """Whether ``brand``'s preview is drawn (tests wait for it)."""
        item = self.items.get(brand)
        return item is not None and item.data(Qt.ItemDataRole.UserRole + 2) == "ready"

    def chosen(self) -> str | None:
        """The brand selected."""
        item = self.grid.currentItem()
        brand = item.data(BRAND_ROLE) if item is not None else None
        return brand if isinstance(brand, str) else None

    def choose(self, brand: str) -> None:
        """Select ``brand``'s preview."""
        item = self.items.get(brand)
        if item is not None:
            self.grid.setCurrentItem(item)

    def accept(self) -> None:
        brand = self.chosen()
        document = self.studio.document
        if brand is None or document is None or self._is_current(brand):
            return
        kit: BrandKit = self.library.load_brand(brand)
        document.apply_brand(kit)
        super().accept()

    def done(self, result: int) -> None:
        self.worker.stop()
        super().done(result)
