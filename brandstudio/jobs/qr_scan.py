"""The ``qr-scan`` rule: does each QR code still scan once a network has shown the post?

A network shrinks a post to the phone's width and re-compresses it before anyone points a
camera at it, so a code that is crisp in the export may be mush on the screen. ``network_view``
does what the networks do (780 px wide, JPEG quality 70); ``qr_scan_problems`` decodes that
with zxing-cpp and reports every QR layer whose exact payload is not read back where the layer
is. Pure functions: ``brandstudio check`` calls them with a rendered image and its QR layers.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

import zxingcpp
from PIL import Image

from brandstudio.model.layout import Box
from brandstudio.render.compose import as_rgb
from brandstudio.render.qr import QrError, qr_matrix

PHONE_WIDTH: Final = 780
"""The width a network shows a post at on a phone, in pixels: 390 pt at 2x, whatever the
preset."""

NETWORK_JPEG_QUALITY: Final = 70
"""The JPEG quality a network re-encodes a post at (0-100)."""

MIN_MODULE_PX: Final = 2.0
"""The smallest module, in pixels of the phone view, that zxing-cpp reads wherever the code
falls on the pixel grid. Between about 1.3 and 2 px it reads some codes and misses others;
under 1.3 px almost none."""

NEAR_FRACTION: Final = 0.1
"""How far outside its layer's box a decoded code's centre may be and still count as that
layer's, as a fraction of the box's shorter side."""

BLOCK: Final = 16
"""The JPEG grid of the view (16 px: 4:2:0 chroma at quality 70): a region on it compresses
as the whole view does there."""

SCAN_MARGIN: Final = 48
"""Px of the view read around the codes' boxes: beyond the reach of the JPEG's chroma and of
zxing-cpp's local thresholds (5x5 blocks of 8 px), so a code decodes as in the whole view."""

Region = tuple[int, int, int, int]
"""Left, top, right, bottom in px of the network view."""


@dataclass(frozen=True)
class DecodedQr:
    """A QR code zxing-cpp read: its ``text`` and its four ``corners`` (x, y) in pixels of
    the image decoded, clockwise from the top-left of the code as printed."""

    text: str
    corners: tuple[tuple[float, float], ...]

    @property
    def center(self) -> tuple[float, float]:
        """The middle of the code, in pixels of the image decoded."""
        xs = [x for x, _ in self.corners]
        ys = [y for _, y in self.corners]
        return sum(xs) / len(xs), sum(ys) / len(ys)


@dataclass(frozen=True)
class ExpectedQr:
    """A QR layer as rendered: its ``layer`` id, the exact ``payload`` it encodes, and its
    ``box`` in pixels of the rendered image (``Placement.box``). ``error_correction`` and
    ``quiet_zone`` (in modules) are the layer's, to tell the size of a module."""

    layer: str
    payload: str
    box: Box
    error_correction: Literal["L", "M", "Q", "H"] = "M"
    quiet_zone: int = 2


@dataclass(frozen=True)
class QrScanProblem:
    """A QR layer whose payload does not scan after ``network_view``.

    ``value`` is the code's module size on the phone, in pixels per module (0 when no code
    could be drawn in the box), and ``limit`` is ``MIN_MODULE_PX``. ``found`` is the text
    that decoded there instead, or None when nothing did.
    """

    layer: str
    message: str
    value: float
    limit: float
    found: str | None
    rule: Literal["qr-scan"] = "qr-scan"
    severity: Literal["error"] = "error"


def network_view(image: Image.Image, region: Region | None = None) -> Image.Image:
    """``image`` as a phone shows it after a network had it: scaled to ``PHONE_WIDTH`` px
    wide (LANCZOS, up or down, aspect kept), re-encoded as JPEG at ``NETWORK_JPEG_QUALITY``
    and decoded again. An RGB image; transparency is flattened onto white.

    region: only this part of the view (left, top, right, bottom in px of the view; left and
    top multiples of ``BLOCK``, as ``scan_region`` gives): the whole view's pixels there (the
    scaling's rounding differs by a level here and there, which compression may carry a few
    levels further), at a fraction of the cost: only the region is scaled and compressed,
    on the view's own JPEG grid."""
    height = max(1, round(image.height * PHONE_WIDTH / image.width))
    if region is None or region == (0, 0, PHONE_WIDTH, height):
        scaled = _opaque(image).resize((PHONE_WIDTH, height), Image.Resampling.LANCZOS)
    else:
        scaled = _scaled_region(image, (PHONE_WIDTH, height), region)
    buffer = io.BytesIO()
    scaled.save(buffer, "JPEG", quality=NETWORK_JPEG_QUALITY)
    buffer.seek(0)
    with Image.open(buffer) as decoded:
        return decoded.convert("RGB")


def decode_qr_codes(image: Image.Image) -> list[DecodedQr]:
    """Every QR code zxing-cpp finds in ``image`` (as given: no network view), with its
    text exactly as encoded (no interpretation of the content) and its corners in pixels."""
    found = zxingcpp.read_barcodes(
        image.convert("L"),
        formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode),
        text_mode=zxingcpp.TextMode.Plain,
    )
    return [DecodedQr(code.text, _corners(code.position)) for code in found]


def qr_scan_problems(image: Image.Image, expected: Sequence[ExpectedQr]) -> list[QrScanProblem]:
    """A problem for each ``expected`` code whose exact payload does not decode inside (or
    near) its box once ``image`` has been through ``network_view``; in ``expected``'s order.

    Only the part of the view around the codes (``scan_region``) is made and read."""
    if not expected:
        return []
    scale = PHONE_WIDTH / image.width
    region = scan_region(image.size, [code.box for code in expected])
    view = network_view(image, region)
    decoded = [
        _scaled(_moved(code, region[0], region[1]), 1 / scale) for code in decode_qr_codes(view)
    ]
    problems: list[QrScanProblem] = []
    for code in expected:
        there = [found.text for found in decoded if _near(found.center, code.box)]
        if code.payload not in there:
            problems.append(_problem(code, there[0] if there else None, scale))
    return problems


def module_px(code: ExpectedQr, scale: float) -> float:
    """The size of one module of ``code`` as drawn (whole pixels, as the renderer does),
    times ``scale``; 0 when the code does not fit its box or its payload is too long."""
    try:
        count = len(qr_matrix(code.payload, code.error_correction, code.quiet_zone))
    except QrError:
        return 0.0
    side = min(max(1, round(code.box.width)), max(1, round(code.box.height)))
    return side // count * scale


def _problem(code: ExpectedQr, found: str | None, scale: float) -> QrScanProblem:
    module = module_px(code, scale)
    what = "nothing decodes there" if found is None else f"a different text decodes: {found!r}"
    message = (
        f"{code.layer}: the QR code does not scan once shown {PHONE_WIDTH} px wide: {what}"
        f" ({module:.2g} px per module; codes need at least {MIN_MODULE_PX:g})"
    )
    return QrScanProblem(
        layer=code.layer, message=message, value=module, limit=MIN_MODULE_PX, found=found
    )


def scan_region(size: tuple[int, int], boxes: Sequence[Box]) -> Region:
    """The part of the network view of an image of ``size`` px worth reading for codes in
    ``boxes`` (px of the image): each box and its ``NEAR_FRACTION`` margin, with
    ``SCAN_MARGIN`` px of the view around them, on the view's ``BLOCK`` px grid (clamped)."""
    width, height = size
    scale = PHONE_WIDTH / width
    view = (PHONE_WIDTH, max(1, round(height * scale)))
    edges: list[float] = [math.inf, math.inf, -math.inf, -math.inf]
    for box in boxes:
        near = NEAR_FRACTION * min(box.width, box.height)
        edges[0] = min(edges[0], (box.x - near) * scale)
        edges[1] = min(edges[1], (box.y - near) * scale)
        edges[2] = max(edges[2], (box.right + near) * scale)
        edges[3] = max(edges[3], (box.bottom + near) * scale)
    left, top = (max(0, math.floor(edge - SCAN_MARGIN) // BLOCK * BLOCK) for edge in edges[:2])
    right, bottom = (
        min(limit, -(-math.ceil(edge + SCAN_MARGIN) // BLOCK) * BLOCK)
        for edge, limit in zip(edges[2:], view, strict=True)
    )
    if right <= left or bottom <= top:  # every box outside the image
        return (0, 0, *view)
    return (left, top, right, bottom)


def _scaled_region(image: Image.Image, view: tuple[int, int], region: Region) -> Image.Image:
    """``region`` of ``image`` scaled to the view's size ``view``, sampled as the whole image
    scaled would be: the source cut around it with room for the filter's reach."""
    left, top, right, bottom = region
    sx, sy = image.width / view[0], image.height / view[1]
    box = (left * sx, top * sy, right * sx, bottom * sy)
    reach = math.ceil(3 * max(sx, sy, 1.0)) + 2  # LANCZOS: 3 lobes, widened when reducing
    x0, y0 = max(0, math.floor(box[0]) - reach), max(0, math.floor(box[1]) - reach)
    x1 = min(image.width, math.ceil(box[2]) + reach)
    y1 = min(image.height, math.ceil(box[3]) + reach)
    source = _opaque(image.crop((x0, y0, x1, y1)))
    inside = (box[0] - x0, box[1] - y0, box[2] - x0, box[3] - y0)
    return source.resize((right - left, bottom - top), Image.Resampling.LANCZOS, box=inside)


def _moved(code: DecodedQr, dx: float, dy: float) -> DecodedQr:
    return DecodedQr(code.text, tuple((x + dx, y + dy) for x, y in code.corners))


def _opaque(image: Image.Image) -> Image.Image:
    if image.mode in {"RGBA", "LA", "PA"} or "transparency" in image.info:
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    return as_rgb(image)  # callers only read it


def _corners(position: zxingcpp.Position) -> tuple[tuple[float, float], ...]:
    points = (
        position.top_left,
        position.top_right,
        position.bottom_right,
        position.bottom_left,
    )
    return tuple((float(point.x), float(point.y)) for point in points)


def _scaled(code: DecodedQr, factor: float) -> DecodedQr:
    corners = tuple((x * factor, y * factor) for x, y in code.corners)
    return DecodedQr(code.text, corners)


def _near(point: tuple[float, float], box: Box) -> bool:
    margin = NEAR_FRACTION * min(box.width, box.height)
    x, y = point
    return box.x - margin <= x <= box.right + margin and box.y - margin <= y <= box.bottom + margin
