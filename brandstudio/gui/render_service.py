"""Renders the document off the GUI thread, always the latest state, never a queue of stale ones.

The canvas asks for a render after every edit; while one render runs (on a LatestWorker thread),
newer requests replace each other and only the last is drawn next, so a drag stays smooth
whatever a render costs.
Decoded photos and logos are cached between renders (only text edits re-render cheaply).
"""

from __future__ import annotations

import functools
import itertools
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from brandstudio.fileformat.brand_io import BrandKit
from brandstudio.gui.workers import LatestWorker
from brandstudio.model.layers import LogoLayer, PhotoLayer
from brandstudio.model.preset import Preset
from brandstudio.model.template import Template
from brandstudio.presets import load_presets
from brandstudio.render.assets import Assets, RenderError, resolve_assets
from brandstudio.render.engine import render
from brandstudio.render.text_layout import TextLayout, text_layout


@dataclass(frozen=True)
class RenderRequest:
    """What to render: a document state at a preset (None: the template's canvas)."""

    template: Template
    content: Mapping[str, str]
    kit: BrandKit
    template_folder: Path
    preset: Preset | None
    serial: int = 0
    text_layer: str | None = None
    """A text layer being typed into: its lines and caret stops come with the render."""
    allow_missing_glyphs: bool = True
    """The canvas shows a post with letters no font has (and says so); an export does not
    (MissingGlyphsError names the letters and the item fails)."""


@dataclass(frozen=True)
class RenderResult:
    """A finished render: the RGB image (Pillow and Qt), warnings, and its request."""

    request: RenderRequest
    image: Image.Image
    qimage: QImage
    warnings: tuple[str, ...]
    seconds: float
    text_layout: TextLayout | None = None
    """Where ``request.text_layer``'s lines and characters are drawn (if asked)."""


def to_qimage(image: Image.Image) -> QImage:
    """An RGB Pillow image as a QImage that owns its pixels (same values, no conversion)."""
    rgb = image if image.mode == "RGB" else image.convert("RGB")
    data = rgb.tobytes()
    qimage = QImage(data, rgb.width, rgb.height, 3 * rgb.width, QImage.Format.Format_RGB888)
    return qimage.copy()


@dataclass
class AssetCache:
    """Resolved assets reused while photos, logos and the brand stay the same."""

    key: object = None
    assets: Assets | None = None
    hits: int = field(default=0)

    @staticmethod
    def key_for(request: RenderRequest) -> object:
        template = request.template
        images = []
        for layer in template.layers:
            if isinstance(layer, PhotoLayer):
                slot = layer.props.slot
                images.append((slot, request.content.get(slot), _sample(template, slot)))
            elif isinstance(layer, LogoLayer):
                images.append((layer.props.source, None, None))
        return (tuple(images), str(request.kit.folder), id(request.kit), request.template_folder)

    def get(self, request: RenderRequest) -> Assets:
        key = self.key_for(request)
        if key == self.key and self.assets is not None:
            self.hits += 1
            return self.assets
        presets: list[Preset | None] = [None, *load_presets()]
        if request.preset is not None and request.preset not in presets:
            presets.append(request.preset)
        image_slots = {s for s, slot in request.template.slots.items() if slot.type == "image"}
        content = {k: v for k, v in request.content.items() if k in image_slots}
        assets = resolve_assets(
            request.template, content, request.kit, request.template_folder, presets
        )
        self.key, self.assets = key, assets
        return assets


def _sample(template: Template, slot: str) -> str | None:
    found = template.slots.get(slot)
    return found.sample if found else None


class RenderService(QObject):
    """Renders requests on a background thread; emits ``rendered`` or ``failed`` (a message)."""

    rendered = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._render_lock = threading.Lock()
        self._serials = itertools.count(1)
        self._cache = AssetCache()
        self._worker = LatestWorker("render", self)
        self._worker.done.connect(self._on_done)
        self._worker.failed.connect(self._on_failed)

    def request(self, request: RenderRequest) -> int:
        """Ask for a render; replaces any request not started yet. Returns its serial."""
        stamped = RenderRequest(
            request.template,
            dict(request.content),
            request.kit,
            request.template_folder,
            request.preset,
            next(self._serials),
            request.text_layer,
        )
        self._worker.submit(functools.partial(self._render_off_thread, stamped))
        return stamped.serial

    def render_now(self, request: RenderRequest) -> RenderResult:
        """Render on the calling thread (export, tests): the same function, same cache."""
        with self._render_lock:
            return self._render(request)

    def idle(self) -> bool:
        """True when nothing is rendering or waiting."""
        return self._worker.idle()

    def stop(self) -> None:
        """End the render thread (at window close)."""
        self._worker.stop(5)

    def _render_off_thread(self, request: RenderRequest) -> RenderResult:
        try:
            return self.render_now(request)
        except RenderError:
            raise
        except Exception as error:  # never let a render fail without saying why
            raise RenderError(f"cannot render: {type(error).__name__}: {error}") from error

    def _on_done(self, _serial: int, result: object) -> None:
        if isinstance(result, RenderResult):
            self.rendered.emit(result)

    def _on_failed(self, _serial: int, message: str) -> None:
        self.failed.emit(message)

    def _render(self, request: RenderRequest) -> RenderResult:
        start = time.perf_counter()
        assets = self._cache.get(request)
        done = render(
            request.template, request.content, assets, request.preset,
            allow_missing_glyphs=request.allow_missing_glyphs,
        )  # fmt: skip
        laid = None
        if request.text_layer in {layer.id for layer in request.template.layers}:
            laid = text_layout(
                request.template,
                request.content,
                assets,
                request.preset,
                request.text_layer,
            )
        return RenderResult(
            request,
            done.image,
            to_qimage(done.image),
            tuple(done.warnings),
            time.perf_counter() - start,
            laid,
        )
