"""Pictures the Brand Kit window shows: logo variants on light and dark, a font sample drawn
by the engine, and SVG logos turned into pixels.

The font sample is laid out and drawn by the renderer's own text code (``render.text``), so
what the window shows is what a post will show. SVG logos are drawn by Qt's SVG renderer;
a file that refers to anything outside itself (a linked image, a web address, an entity) is
refused before Qt reads it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

from PIL import Image
from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from brandstudio.fileformat.brand_io import BrandKit
from brandstudio.render.assets import font_book_for
from brandstudio.render.shaping import TextStyle
from brandstudio.render.text import draw_text, fit_text

DARK_BACKDROP: Final = QColor("#1F2126")
LIGHT_BACKDROP: Final = QColor("#FFFFFF")
SAMPLE_TEXT: Final = (
    "Съешь же ещё этих мягких французских булок, да выпей чаю.\n"
    "The quick brown fox jumps over the lazy dog. 0123456789"
)
SVG_MAX_BYTES: Final = 5 * 1024 * 1024
SVG_SIDE: Final = 1200
"""Pixels of the longer side an SVG logo is drawn at."""

_EXTERNAL = re.compile(
    rb"<!ENTITY|<!DOCTYPE[^>]*\[|(?:xlink:)?href\s*=\s*[\"'](?!#|data:)|url\(\s*[\"']?(?!#|data:)",
    re.IGNORECASE,
)


class SvgError(Exception):
    """An SVG logo that cannot be used; ``str()`` names the file and the reason."""


def rgba_to_qimage(image: Image.Image) -> QImage:
    """A Pillow image as an ARGB QImage that owns its pixels."""
    rgba = image if image.mode == "RGBA" else image.convert("RGBA")
    data = rgba.tobytes("raw", "RGBA")
    stride = 4 * rgba.width
    return QImage(data, rgba.width, rgba.height, stride, QImage.Format.Format_RGBA8888).copy()


def qimage_to_rgba(image: QImage) -> Image.Image:
    """A QImage as an RGBA Pillow image."""
    converted = image.convertToFormat(QImage.Format.Format_RGBA8888)
    width, height = converted.width(), converted.height()
    data = bytes(converted.constBits())[: converted.bytesPerLine() * height]
    stride = converted.bytesPerLine()
    return Image.frombuffer("RGBA", (width, height), data, "raw", "RGBA", stride, 1)


def svg_to_image(path: Path, side: int = SVG_SIDE) -> Image.Image:
    """Draw an SVG logo at ``side`` px on its longer side, transparent around it.

    SvgError for a file too large, one referring outside itself, or one Qt cannot draw."""
    try:
        with path.open("rb") as stream:
            data = stream.read(SVG_MAX_BYTES + 1)
    except OSError as error:
        raise SvgError(f"{path}: cannot be read ({error.strerror or error})") from error
    if len(data) > SVG_MAX_BYTES:
        raise SvgError(f"{path}: larger than {SVG_MAX_BYTES // (1024 * 1024)} MiB")
    if _EXTERNAL.search(data):
        raise SvgError(
            f"{path}: refers to files or addresses outside itself (linked images, entities):"
            " save it with everything embedded"
        )
    renderer = QSvgRenderer(QByteArray(data))
    if not renderer.isValid():
        raise SvgError(f"{path}: not an SVG image Brandstudio can draw")
    box = renderer.viewBoxF()
    if box.isEmpty():
        size = renderer.defaultSize()
        box = QRectF(0, 0, max(1, size.width()), max(1, size.height()))
    scale = side / max(box.width(), box.height())
    width, height = max(1, round(box.width() * scale)), max(1, round(box.height() * scale))
    image = QImage(width, height, QImage.Format.Format_RGBA8888_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, width, height))
    painter.end()
    return qimage_to_rgba(image)


def logo_on_backdrops(kit: BrandKit, variant: str, size: tuple[int, int], ratio: float) -> QImage:
    """The logo variant (of the ``logo`` role) drawn on a dark half and a light half; a
    hatched half where the variant is missing. ``size`` in logical px."""
    width, height = round(size[0] * ratio), round(size[1] * ratio)
    picture = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    picture.fill(Qt.GlobalColor.transparent)
    painter = QPainter(picture)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    halves = (QRectF(0, 0, width / 2, height), QRectF(width / 2, 0, width / 2, height))
    painter.fillRect(halves[0], DARK_BACKDROP)
    painter.fillRect(halves[1], LIGHT_BACKDROP)
    logo = logo_image(kit, variant)
    if logo is not None:
        for half in halves:
            room = half.adjusted(half.width() * 0.12, height * 0.18, -half.width() * 0.12,
                                 -height * 0.18)  # fmt: skip
            scale = min(room.width() / logo.width(), room.height() / logo.height())
            w, h = logo.width() * scale, logo.height() * scale
            target = QRectF(room.center().x() - w / 2, room.center().y() - h / 2, w, h)
            painter.drawImage(target, logo)
    else:
        painter.setPen(QColor(160, 160, 160))
        for half in halves:
            painter.drawText(half, Qt.AlignmentFlag.AlignCenter, "—")
    painter.end()
    picture.setDevicePixelRatio(ratio)
    return picture


def logo_image(kit: BrandKit, variant: str, role: str = "logo") -> QImage | None:
    """The variant's image file, or None when the brand has none (or it cannot be read)."""
    variants = kit.brand.logos.get(role)
    relative = getattr(variants, variant, None) if variants is not None else None
    if not isinstance(relative, str):
        return None
    image = QImage(str(kit.asset(relative)))
    return None if image.isNull() else image


def font_sample(kit: BrandKit, family: str, weight: int, width: int, ratio: float) -> QImage:
    """SAMPLE_TEXT in ``family`` at ``weight``, laid out and drawn by the engine, dark on
    white, ``width`` logical px wide."""
    book = font_book_for(kit)
    box = (round(width * ratio), round(64 * ratio))
    style = TextStyle(
        family=family, weight=weight, italic=False, color=(20, 20, 24, 255), align="left",
        valign="middle", line_height=1.25, letter_spacing=0.0, uppercase=False,
    )  # fmt: skip
    size = 20 * ratio
    fitted = fit_text(SAMPLE_TEXT, style, box, size, 8 * ratio, None, "shrink", book)
    drawn = draw_text(fitted, style, box, book)
    backdrop = Image.new("RGBA", box, (255, 255, 255, 255))
    backdrop.alpha_composite(drawn)
    picture = rgba_to_qimage(backdrop)
    picture.setDevicePixelRatio(ratio)
    return picture
