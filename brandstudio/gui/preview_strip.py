"""The template at every chosen preset, side by side, rendered off the GUI thread.

Each tile is the very same engine (``render.engine.render``) at the preset, scaled down: the
layout is computed for the preset's own aspect, safe zone and overrides (same preset id), at a
size just large enough for a sharp ~160 px tile. A LatestWorker thread of the strip's own, with
its own AssetCache, renders only the latest document state: edits arriving during a render replace
the waiting request, and a render in progress stops at the next tile to start over on the newest.
Edits are debounced (``DEBOUNCE_MS``) so a drag on the canvas renders the strip once, at the end.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QRectF,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QEnterEvent,
    QFont,
    QFontMetrics,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from brandstudio.gui.document import TemplateDocument
from brandstudio.gui.preset_bar import preset_label, preset_title, size_text, stored_chosen_presets
from brandstudio.gui.render_service import AssetCache, RenderRequest, to_qimage
from brandstudio.gui.settings import PREVIEW_COLLAPSED, Settings
from brandstudio.gui.studio import Studio
from brandstudio.gui.workers import LatestWorker
from brandstudio.model.preset import Preset
from brandstudio.render.assets import RenderError
from brandstudio.render.engine import render

TILE_HEIGHT = 120
"""Height of a tile's picture, in logical pixels."""
TILE_MAX_WIDTH = 300
"""Wide presets (covers) are fitted into this width instead."""
TILE_MIN_WIDTH = 128
"""Narrow presets (stories) still leave room for their name."""
PADDING = 8
DEBOUNCE_MS = 200
OVERSAMPLE = 1.5
"""Render this much larger than shown, then scale down smoothly: crisp small text."""


def picture_size(preset: Preset, slides: int = 1) -> QSize:
    """The size (logical px) a preset's picture takes in the strip: the preset's aspect (a
    carousel's: its slides side by side)."""
    wide = preset.width * slides
    width = TILE_HEIGHT * wide / preset.height
    if width > TILE_MAX_WIDTH:
        return QSize(TILE_MAX_WIDTH, max(1, round(TILE_MAX_WIDTH * preset.height / wide)))
    return QSize(max(1, round(width)), TILE_HEIGHT)


def label_height(font: QFont) -> int:
    """Room under a picture: the preset name on up to two lines, then its size."""
    return 6 + 2 * QFontMetrics(font).height() + QFontMetrics(_small(font)).height()


def tile_height(font: QFont) -> int:
    return TILE_HEIGHT + label_height(font) + 2 * PADDING


def _small(font: QFont) -> QFont:
    small = QFont(font)
    small.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
    return small


def wrap_two_lines(text: str, metrics: QFontMetrics, width: int) -> list[str]:
    """``text`` on at most two lines of ``width`` pixels, word by word; the rest elided."""
    words = text.split()
    first = ""
    while words:
        candidate = f"{first} {words[0]}".strip()
        if first and metrics.horizontalAdvance(candidate) > width:
            break
        first = candidate
        words.pop(0)
    lines = [metrics.elidedText(first, Qt.TextElideMode.ElideRight, width)]
    if words:
        rest = " ".join(words)
        lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
    return lines


def render_preset(preset: Preset, shown: QSize, ratio: float) -> Preset:
    """``preset`` at the size to render for a picture of ``shown`` logical pixels (never
    larger than the preset itself); same id, so its overrides and safe zone apply."""
    scale = min(1.0, shown.height() * ratio * OVERSAMPLE / preset.height)
    return dataclasses.replace(
        preset,
        width=max(16, round(preset.width * scale)),
        height=max(16, round(preset.height * scale)),
    )


# -- rendering the tiles (on the strip's LatestWorker thread) -------------------------------


@dataclass(frozen=True)
class TileResult:
    """One tile's picture (at the picture size times the device pixel ratio), or why not."""

    preset_id: str
    image: QImage | None = None
    problem: str | None = None


class _TileRenderer:
    """Renders one document state tile by tile, with an AssetCache of its own (used on the
    worker thread only)."""

    def __init__(self) -> None:
        self._cache = AssetCache()
        self.renders = 0
        """How many tiles were rendered (tests check the coalescing with it)."""

    def tiles(
        self, request: RenderRequest, presets: Sequence[Preset], ratio: float
    ) -> Iterator[TileResult]:
        """Each preset's tile in turn (the worker stops between two when a newer state comes)."""
        try:
            assets = self._cache.get(request)
        except Exception as error:  # a missing photo or font: every tile says so
            message = _describe(error)
            for preset in presets:
                yield TileResult(preset.id, problem=message)
            return
        for preset in presets:
            shown = picture_size(preset, request.template.slides)
            try:
                done = render(
                    request.template,
                    request.content,
                    assets,
                    render_preset(preset, shown, ratio),
                )
            except Exception as error:  # one preset failing must not blank the others
                yield TileResult(preset.id, problem=_describe(error))
                continue
            self.renders += 1
            target = QSize(round(shown.width() * ratio), round(shown.height() * ratio))
            image = to_qimage(done.image).scaled(
                target,
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            image.setDevicePixelRatio(ratio)
            yield TileResult(preset.id, image)


def _describe(error: Exception) -> str:
    if isinstance(error, RenderError | OSError):
        return str(error)
    return f"{type(error).__name__}: {error}"


# -- tiles ----------------------------------------------------------------------------------


class PreviewTile(QWidget):
    """One preset: its picture (or a placeholder of its shape), name and size; click to edit."""

    clicked = Signal()

    def __init__(self, preset: Preset, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preset = preset
        self.image: QImage | None = None
        self.serial = -1
        """The job the picture comes from (an older result never replaces a newer one)."""
        self.problem: str | None = None
        self.current = False
        self._hover = False
        self._picture = picture_size(preset)
        width = max(self._picture.width(), TILE_MIN_WIDTH) + 2 * PADDING
        self.setFixedSize(width, tile_height(self.font()))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.setAccessibleName(preset_label(preset))
        self._update_tooltip()

    def picture_rect(self) -> QRectF:
        """Where the picture is drawn (bottom-aligned, so tiles share a baseline)."""
        x = (self.width() - self._picture.width()) / 2
        y = PADDING + TILE_HEIGHT - self._picture.height()
        return QRectF(x, y, self._picture.width(), self._picture.height())

    def set_image(self, serial: int, image: QImage) -> None:
        if serial < self.serial:
            return
        self.serial, self.image, self.problem = serial, image, None
        shown = (image.size().toSizeF() / image.devicePixelRatio()).toSize()
        if shown != self._picture:  # a carousel's strip, or back to one image
            self._picture = shown
            self.setFixedSize(max(shown.width(), TILE_MIN_WIDTH) + 2 * PADDING, self.height())
        self._update_tooltip()
        self.update()

    def set_problem(self, serial: int, problem: str) -> None:
        if serial < self.serial:
            return
        self.serial, self.problem = serial, problem
        self._update_tooltip()
        self.update()

    def set_current(self, current: bool) -> None:
        if current != self.current:
            self.current = current
            self.update()

    def _update_tooltip(self) -> None:
        lines = [preset_label(self.preset), self.tr("Click to edit the template at this size")]
        if self.problem:
            lines.append(self.tr("Cannot render: %1").replace("%1", self.problem))
        self.setToolTip("\n".join(lines))

    # -- events --

    def enterEvent(self, event: QEnterEvent) -> None:
        self._hover = True
        self.update()
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._hover = False
        self.update()
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        if self.current or self._hover:
            back = QPainterPath()
            back.addRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 6, 6)
            tint = QColor(palette.highlight().color())
            tint.setAlpha(40 if self.current else 18)
            painter.fillPath(back, tint)
        rect = self.picture_rect()
        for step, alpha in ((3.0, 16), (2.0, 24), (1.0, 32)):
            shadow = QPainterPath()
            shadow.addRoundedRect(
                rect.adjusted(-step + 1, -step + 2, step - 1, step), 3 + step, 3 + step
            )
            painter.fillPath(shadow, QColor(0, 0, 0, alpha))
        if self.image is not None:
            painter.drawImage(rect, self.image)
        else:
            painter.fillRect(rect, QColor("#F1EEEA"))
        if self.problem:
            veil = QColor("#C0392B")
            veil.setAlpha(60)
            painter.fillRect(rect, veil)
            painter.setPen(QColor("white"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "!")
        if self.current:
            painter.setPen(QPen(palette.highlight().color(), 2))
            painter.drawRect(rect.adjusted(-1.5, -1.5, 1.5, 1.5))
        else:
            painter.setPen(QPen(QColor(0, 0, 0, 40), 1))
            painter.drawRect(rect.adjusted(-0.5, -0.5, 0.5, 0.5))
        text_width = self.width() - 2 * PADDING
        top = PADDING + TILE_HEIGHT + 6
        name_font = QFont(self.font())
        name_font.setBold(self.current)
        painter.setFont(name_font)
        painter.setPen(palette.windowText().color())
        metrics = QFontMetrics(name_font)
        for line in wrap_two_lines(preset_title(self.preset), metrics, text_width):
            painter.drawText(
                QRectF(PADDING, top, text_width, metrics.height()),
                Qt.AlignmentFlag.AlignHCenter,
                line,
            )
            top += metrics.height()
        small = _small(self.font())
        painter.setFont(small)
        painter.setPen(palette.placeholderText().color())
        painter.drawText(
            QRectF(PADDING, top, text_width, QFontMetrics(small).height()),
            Qt.AlignmentFlag.AlignHCenter,
            size_text(self.preset.width, self.preset.height),
        )
        painter.end()


# -- the strip ------------------------------------------------------------------------------


class PreviewStrip(QWidget):
    """The open template at the chosen presets; a click edits the template at that preset."""

    presetClicked = Signal(object)
    """A tile was clicked (its Preset), after ``document.set_preset`` was called."""

    def __init__(
        self,
        studio: Studio,
        parent: QWidget | None = None,
        *,
        presets: Sequence[Preset] | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("PreviewStrip")
        self.studio = studio
        self._presets: tuple[Preset, ...] = ()
        self.tiles: dict[str, PreviewTile] = {}
        self._dirty = True
        self._held = False
        self._document: TemplateDocument | None = None
        self._last: tuple[object, Mapping[str, str], object, object] | None = None
        """What the tiles were last asked to show (a preset switch alone renders nothing)."""

        self._renderer = _TileRenderer()
        self._worker = LatestWorker("preview-strip", self)
        self._worker.step.connect(self._on_tile)
        worker = self._worker
        self.destroyed.connect(lambda: worker.stop())
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._render)

        self._row = QWidget(self)
        self._row.setObjectName("PreviewRow")
        self._row_layout = QHBoxLayout(self._row)
        self._row_layout.setContentsMargins(4, 4, 4, 4)
        self._row_layout.setSpacing(4)
        self._row_layout.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self._row)
        self.hint = QLabel(self)
        self.hint.setObjectName("PreviewHint")
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)
        self.collapse_button = QToolButton(self)
        self.collapse_button.setObjectName("PreviewCollapse")
        self.collapse_button.setAutoRaise(True)
        self.collapse_button.setCheckable(True)
        self.collapse_button.toggled.connect(self.set_collapsed)
        content = QVBoxLayout()
        content.setContentsMargins(0, 0, 0, 0)
        content.addWidget(self.scroll_area, 1)
        content.addWidget(self.hint, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.collapse_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(content, 1)
        scrollbar = self.scroll_area.horizontalScrollBar().sizeHint().height()
        self._full_height = tile_height(self.font()) + 8 + scrollbar
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._settings = settings
        self._collapsed = False
        self.set_collapsed(Settings(settings)[PREVIEW_COLLAPSED], remember=False)

        studio.documentReplaced.connect(self._attach)
        chosen = presets if presets is not None else stored_chosen_presets(settings)
        self.set_presets(chosen)
        self._attach()

    # -- public --

    def presets(self) -> tuple[Preset, ...]:
        """The presets shown, left to right."""
        return self._presets

    def set_presets(self, presets: Sequence[Preset]) -> None:
        """Show these presets (connect ``PresetBar.chosenPresetsChanged`` here)."""
        presets = tuple(presets)
        if presets == self._presets:
            return
        old = self.tiles
        self._presets = presets
        self.tiles = {}
        for tile in old.values():
            self._row_layout.removeWidget(tile)
            tile.deleteLater()
        for index, preset in enumerate(presets):
            tile = PreviewTile(preset, self._row)
            tile.clicked.connect(functools.partial(self._choose, preset))
            self._row_layout.insertWidget(index, tile, 0, Qt.AlignmentFlag.AlignBottom)
            self.tiles[preset.id] = tile
        self._mark_current()
        self._update_hint()
        self.schedule(immediately=True)

    def schedule(self, immediately: bool = False) -> None:
        """Render again after the debounce delay (or at once)."""
        self._dirty = True
        self._timer.start(0 if immediately else DEBOUNCE_MS)

    def is_idle(self) -> bool:
        """No render is waiting or running (tests)."""
        return not self._timer.isActive() and self._worker.idle()

    def render_count(self) -> int:
        """How many tiles the thread has rendered so far."""
        return self._renderer.renders

    def shutdown(self) -> None:
        """Stop the render thread (window closing)."""
        self._timer.stop()
        self._worker.stop()

    # -- reacting --

    def _attach(self) -> None:
        document = self.studio.document
        if document is not None and document is not self._document:
            document.changed.connect(self.schedule)
            document.presetChanged.connect(self._mark_current)
        self._document = document
        self._last = None
        for tile in self.tiles.values():
            tile.image, tile.serial, tile.problem = None, -1, None
            tile.update()
        self._mark_current()
        self._update_hint()
        self.schedule(immediately=True)

    def is_collapsed(self) -> bool:
        """Whether the strip is folded to its button (the canvas gets the room)."""
        return self._collapsed

    def set_collapsed(self, collapsed: bool, *, remember: bool = True) -> None:
        """Fold the tiles away or show them again (one click on the strip's arrow);
        remembered in the setting PREVIEW_COLLAPSED. Folded, nothing is rendered."""
        self._collapsed = collapsed
        self.collapse_button.blockSignals(True)
        self.collapse_button.setChecked(collapsed)
        self.collapse_button.blockSignals(False)
        arrow = Qt.ArrowType.RightArrow if collapsed else Qt.ArrowType.DownArrow
        self.collapse_button.setArrowType(arrow)
        tip = self.tr("Show the sizes") if collapsed else self.tr("Fold the sizes away")
        self.collapse_button.setToolTip(tip)
        self.collapse_button.setAccessibleName(tip)
        if collapsed:
            self.scroll_area.setVisible(False)
            self.hint.setVisible(False)
            self.setMinimumHeight(0)
            self.setFixedHeight(self.collapse_button.sizeHint().height())
        else:
            self.setMaximumHeight(16777215)  # QWIDGETSIZE_MAX
            self.setMinimumHeight(self._full_height)
            self._update_hint()
            if self._dirty:
                self.schedule(immediately=True)
        if remember:
            store = Settings(self._settings)
            store[PREVIEW_COLLAPSED] = collapsed
            store.sync()

    def hold(self, held: bool) -> None:
        """While held, render nothing (the canvas's first render goes first at start-up);
        releasing renders what is due."""
        self._held = held
        if not held and self._dirty:
            self._timer.start()

    def _render(self) -> None:
        document = self.studio.document
        if document is None or not self._presets:
            return
        if not self.isVisible() or self._held or self._collapsed:
            return  # rendered when shown (showEvent) or released (hold)
        self._dirty = False
        ratio = self.devicePixelRatioF()
        last = self._last
        if (
            last is not None
            and last[0] is document.template
            and last[1] == document.content
            and last[2] is document.kit
            and last[3] == (self._presets, ratio)
        ):
            return  # only the preset changed: the tiles show this state already
        self._last = (
            document.template,
            dict(document.content),
            document.kit,
            (self._presets, ratio),
        )
        request = RenderRequest(
            document.template,
            dict(document.content),
            document.kit,
            document.template_folder,
            None,
        )
        tiles = functools.partial(self._renderer.tiles, request, self._presets, ratio)
        self._worker.submit_steps(tiles)

    def _on_tile(self, serial: int, result: object) -> None:
        if not isinstance(result, TileResult):
            return
        tile = self.tiles.get(result.preset_id)
        if tile is None:
            return
        if result.image is not None:
            tile.set_image(serial, result.image)
        else:
            tile.set_problem(serial, result.problem or "")

    def _choose(self, preset: Preset) -> None:
        document = self.studio.document
        if document is None:
            return
        document.set_preset(preset)
        self.presetClicked.emit(preset)

    def _mark_current(self) -> None:
        document = self.studio.document
        current = document.preset.id if document is not None and document.preset else None
        for preset_id, tile in self.tiles.items():
            tile.set_current(preset_id == current)

    def _update_hint(self) -> None:
        if not self._presets:
            text = self.tr("Choose the sizes to preview with Previews in the preset bar.")
        elif self.studio.document is None:
            text = self.tr("Open a template to see it at every size.")
        else:
            text = ""
        self.hint.setText(text)
        self.hint.setVisible(bool(text) and not self._collapsed)
        self.scroll_area.setVisible(not text and not self._collapsed)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.schedule(immediately=True)
