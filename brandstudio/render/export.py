"""Writing finished images: JPEG, PNG or WebP, sRGB-tagged, no metadata from sources, atomic."""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

from PIL import Image, ImageCms

from brandstudio.fsutil import atomic_write_bytes

ImageFormat = Literal["jpeg", "png", "webp"]
EXTENSIONS: Final[dict[str, str]] = {"jpeg": ".jpg", "png": ".png", "webp": ".webp"}


class ExportError(Exception):
    """An image that cannot be written as asked (e.g. no quality fits the size cap)."""


@dataclass(frozen=True)
class Encoded:
    """Encoded image bytes and the quality used (None for PNG)."""

    data: bytes
    quality: int | None


@functools.cache
def srgb_profile() -> bytes:
    """The sRGB ICC profile embedded in every output, so colours show the same everywhere."""
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    data = bytearray(profile.tobytes())
    # littleCMS stamps the creation time into the header (bytes 24-35): zero it, and the
    # profile ID (84-99, "not computed" when zero), so the same image always encodes to the
    # same bytes and a resumed batch equals an uninterrupted one.
    data[24:36] = bytes(12)
    data[84:100] = bytes(16)
    return bytes(data)


def _flatten(image: Image.Image, background: tuple[int, int, int] = (255, 255, 255)) -> Image.Image:
    """RGB for formats without alpha: transparent parts over ``background``."""
    if image.mode == "RGB":
        return image
    rgba = image.convert("RGBA")
    base = Image.new("RGB", rgba.size, background)
    base.paste(rgba, mask=rgba.getchannel("A"))
    return base


def encode(
    image: Image.Image,
    fmt: ImageFormat,
    quality: int = 90,
    *,
    progressive: bool = True,
    exif: bytes | None = None,
) -> Encoded:
    """Encode ``image`` (quality 1-100 for JPEG and WebP), sRGB profile embedded, no EXIF
    unless ``exif`` (the bytes of an EXIF block, e.g. a source photo's, already cleaned).

    progressive (JPEG only): True writes the smallest file (progressive, optimised Huffman
    tables); False a baseline JPEG with standard tables, about 5x faster to write and about 7%
    larger at quality 90, for bulk jobs. Chroma is kept at full resolution (4:4:4) from quality
    90 up, as libvips and ImageMagick do, and halved both ways (4:2:0) below.
    """
    buffer = io.BytesIO()
    icc = srgb_profile()
    extra: dict[str, bytes] = {"exif": exif} if exif else {}
    if fmt == "jpeg":
        return Encoded(_encode_jpeg(_flatten(image), quality, icc, progressive, extra), quality)
    if fmt == "webp":
        source = image if image.mode in ("RGB", "RGBA") else image.convert("RGBA")
        source.save(buffer, "WEBP", quality=quality, method=4, icc_profile=icc, **extra)
        return Encoded(buffer.getvalue(), quality)
    source = image if image.mode in ("RGB", "RGBA") else image.convert("RGBA")
    source.save(buffer, "PNG", optimize=False, compress_level=6, icc_profile=icc, **extra)
    return Encoded(buffer.getvalue(), None)


def _encode_jpeg(
    image: Image.Image, quality: int, icc: bytes, progressive: bool, extra: dict[str, bytes]
) -> bytes:
    """Progressive, optimised JPEG (or baseline when not progressive); baseline too when the
    file outgrows Pillow's one-shot buffer.

    Pillow sizes the buffer for progressive/optimised JPEGs at one byte per pixel; noise-like
    images at high quality need more, and libjpeg then fails ("Suspension not allowed").
    """
    options: dict[str, object] = {
        "quality": quality,
        "subsampling": "4:2:0" if quality < 90 else "4:4:4",
        "icc_profile": icc,
        **extra,
    }
    buffer = io.BytesIO()
    try:
        image.save(buffer, "JPEG", progressive=progressive, optimize=progressive, **options)
    except OSError:
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", **options)
    return buffer.getvalue()


def encode_under(
    image: Image.Image,
    fmt: ImageFormat,
    max_bytes: int,
    quality: int,
    *,
    progressive: bool = True,
    exif: bytes | None = None,
) -> Encoded:
    """The best quality (at most ``quality``) whose file is at most ``max_bytes`` (binary search).

    progressive, exif: as for encode(). Raises ExportError when even quality 1 is too big, or
    for PNG (which has no quality).
    """
    if fmt == "png":
        encoded = encode(image, fmt, exif=exif)
        if len(encoded.data) > max_bytes:
            raise ExportError(
                f"PNG is {len(encoded.data) // 1024} KB, over the {max_bytes // 1024} KB cap: "
                "use --format jpeg or webp"
            )
        return encoded
    best = encode(image, fmt, quality, progressive=progressive, exif=exif)
    if len(best.data) <= max_bytes:
        return best
    low, high = 1, quality - 1
    found: Encoded | None = None
    while low <= high:
        middle = (low + high) // 2
        attempt = encode(image, fmt, middle, progressive=progressive, exif=exif)
        if len(attempt.data) <= max_bytes:
            found, low = attempt, middle + 1
        else:
            high = middle - 1
    if found is None:
        raise ExportError(f"no {fmt.upper()} quality fits under {max_bytes // 1024} KB")
    return found


def write_image(path: Path, encoded: Encoded) -> None:
    """Write encoded bytes atomically (the old file stays whole until the new one is complete)."""
    atomic_write_bytes(path, encoded.data)


def split_slides(image: Image.Image, slides: int) -> list[Image.Image]:
    """A carousel's strip cut into its ``slides`` images, left to right (each the strip's
    width divided by ``slides``, px): neighbouring columns of the strip stay neighbours across
    each cut. A single image comes back as it is."""
    if slides == 1:
        return [image]
    width = image.width // slides
    return [image.crop((k * width, 0, (k + 1) * width, image.height)) for k in range(slides)]
