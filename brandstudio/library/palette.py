"""Brand colours proposed from a logo: the main colours of its ink, and roles for them.

The logo is untrusted (PNG or WebP with alpha, or JPEG): it is read only if it is a regular
file under a byte cap, decoded only as one of those formats, and refused above
:data:`MAX_PIXELS` or on Pillow's decompression-bomb warning. Every failure is a
:class:`PaletteError` whose reason a user can read.
"""

from __future__ import annotations

import colorsys
import io
import os
import re
import stat
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops, ImageFilter, UnidentifiedImageError

from brandstudio.model.contrast import contrast, luminance

MAX_LOGO_BYTES = 50 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_COLOURS = 16
THUMBNAIL = 200
"""Colours are counted on a copy at most this many pixels wide and high."""
MERGE_DISTANCE = 12.0
"""Colours closer than this (RGB distance) are one colour."""
OPAQUE = 128
"""Pixels with less alpha than this are background, not logo."""
FLAT_SPREAD = 24
"""A pixel whose 3×3 neighbourhood varies less than this (each channel) is inside an area."""
MIN_FLAT_SHARE = 0.1
"""A colour with fewer of its pixels inside areas is an edge blend, dropped."""

DEFAULT_TEXT = "#1E1E1E"
DEFAULT_BACKGROUND = "#FFFFFF"

_FORMATS = ["PNG", "WEBP", "JPEG"]
_HEX = re.compile(r"#[0-9A-Fa-f]{6}")
_NEAR_WHITE = 232  # every channel at least this
_NEAR_BLACK = 32  # every channel at most this

RGB = tuple[int, int, int]


class PaletteError(Exception):
    """A logo that cannot give colours; ``str()`` is ``"<path>: <reason>"``."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


def palette_from_logo(path: Path, count: int = 5) -> list[str]:
    """Up to ``count`` colours of the logo's ink as ``"#RRGGBB"``, the most used first.

    Transparent pixels are ignored; so is a white or black background around an opaque logo
    (a JPEG), and white and black in the ink unless they are most of it (a black wordmark).
    """
    if not 1 <= count <= MAX_COLOURS:
        raise ValueError(f"count must be 1 to {MAX_COLOURS}, not {count}")
    return _colours(_open_logo(path), count, path)


def palette_from_image(
    image: Image.Image, count: int = 5, source: str | os.PathLike[str] = "the logo"
) -> list[str]:
    """:func:`palette_from_logo` of an already decoded logo (an SVG the studio drew, a logo
    cleaned by ``logo_variants``); PaletteError names ``source``."""
    if not 1 <= count <= MAX_COLOURS:
        raise ValueError(f"count must be 1 to {MAX_COLOURS}, not {count}")
    return _colours(_small_rgba(image), count, source)


def _colours(image: Image.Image, count: int, source: str | os.PathLike[str]) -> list[str]:
    pixels = _ink_pixels(image)
    if not pixels:
        raise PaletteError(source, "the logo is fully transparent: there is no colour to take")
    return [_hex(colour) for colour in _main_colours(pixels, count)]


def propose_roles(colours: Sequence[str]) -> dict[str, str]:
    """Roles for a palette (most used colour first): ``primary``, ``accent``, ``text`` and
    ``background``, each ``"#RRGGBB"``, whatever the palette (even one colour or none)."""
    parsed = [_parse_hex(colour) for colour in colours]

    light = [c for c in parsed if luminance(c) >= 0.85]
    background = light[0] if light else _parse_hex(DEFAULT_BACKGROUND)

    darkest = min(parsed, key=luminance, default=None)
    dark_enough = darkest is not None and contrast(darkest, background) >= 7.0
    text = darkest if darkest is not None and dark_enough else _parse_hex(DEFAULT_TEXT)

    candidates = [c for c in parsed if _saturation(c) >= 0.25 or luminance(c) <= 0.2]
    if candidates:
        primary = candidates[0]
    elif darkest is not None and contrast(darkest, background) >= 3.0:
        primary = darkest
    else:
        primary = text

    others = [
        c for c in parsed if c != primary and _saturation(c) >= 0.2 and _hue_differs(c, primary)
    ]
    accent = max(others, key=_saturation) if others else _shade(primary)

    return {
        "primary": _hex(primary),
        "accent": _hex(accent),
        "text": _hex(text),
        "background": _hex(background),
    }


# --- reading --------------------------------------------------------------------------------


def _open_logo(path: Path) -> Image.Image:
    data = _read_regular_file(path)
    if not data:
        raise PaletteError(path, "the file is empty, not an image")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=_FORMATS)
            width, height = image.size
            if width <= 0 or height <= 0:
                raise PaletteError(path, "the image has no pixels")
            if width * height > MAX_PIXELS:
                raise PaletteError(
                    path,
                    f"the image is too large ({width}×{height}; the limit is "
                    f"{MAX_PIXELS // 1_000_000} megapixels)",
                )
            if image.format == "JPEG":
                image.draft("RGB", (THUMBNAIL, THUMBNAIL))  # decode at a fraction of the size
            image.load()
            return _small_rgba(image)
    except PaletteError:
        raise
    except UnidentifiedImageError:
        raise PaletteError(path, "not a PNG, WebP or JPEG image") from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PaletteError(path, "the image is too large (a decompression bomb?)") from None
    except Exception:
        raise PaletteError(path, "the image is damaged and cannot be read") from None


def _read_regular_file(path: Path) -> bytes:
    """The bytes of ``path`` if it is a regular file under the byte cap; a FIFO or device is
    never opened (``stat`` first), and the opened file is checked again."""
    try:
        info = path.stat()
        _check_kind_and_size(path, info)
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags)
        try:
            _check_kind_and_size(path, os.fstat(fd))
            with os.fdopen(fd, "rb", closefd=False) as file:
                data = file.read(MAX_LOGO_BYTES + 1)
        finally:
            os.close(fd)
    except FileNotFoundError:
        raise PaletteError(path, "no such file") from None
    except OSError as error:
        raise PaletteError(path, f"cannot be read ({error.strerror or error})") from None
    if len(data) > MAX_LOGO_BYTES:
        raise PaletteError(path, _too_big(len(data)))
    return data


def _check_kind_and_size(path: Path, info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise PaletteError(path, "a folder, not an image")
    if not stat.S_ISREG(info.st_mode):
        raise PaletteError(path, "not a regular file (a pipe, device or socket), not an image")
    if info.st_size > MAX_LOGO_BYTES:
        raise PaletteError(path, _too_big(info.st_size))


def _too_big(size: int) -> str:
    return (
        f"too big for a logo ({size / 1024 / 1024:.1f} MB; "
        f"the limit is {MAX_LOGO_BYTES // 1024 // 1024} MB)"
    )


def _small_rgba(image: Image.Image) -> Image.Image:
    if image.mode not in {"RGBA", "RGB", "L", "LA", "P", "PA", "1", "CMYK", "RGBX", "La"}:
        image = image.convert("RGB")  # 16-bit and float greys
    rgba = image.convert("RGBA")
    # BOX averages with premultiplied alpha: edges keep their colour, just less opaque.
    rgba.thumbnail((THUMBNAIL, THUMBNAIL), Image.Resampling.BOX)
    return rgba


# --- the colours ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Pixel:
    colour: RGB
    flat: bool  # inside an area of one colour, not on an edge


def _ink_pixels(image: Image.Image) -> list[_Pixel]:
    """The logo's opaque pixels, less a white or black background and minor white/black ink."""
    raw = image.tobytes()
    flat = _flatness(image)
    width, height = image.size
    ink = [
        _Pixel((raw[i], raw[i + 1], raw[i + 2]), flat[i // 4] < FLAT_SPREAD)
        for i in range(0, len(raw), 4)
        if raw[i + 3] >= OPAQUE
    ]
    background = _border_background(raw, width, height)
    if background is not None:
        without = [p for p in ink if not background(p.colour)]
        if without:
            ink = without
    chromatic = [p for p in ink if not (_near_white(p.colour) or _near_black(p.colour))]
    if chromatic and len(chromatic) * 2 > len(ink):  # white and black are not most of the ink
        ink = chromatic
    return ink


def _flatness(image: Image.Image) -> bytes:
    """For each pixel, the largest channel spread over its 3×3 neighbourhood."""
    rgb = image.convert("RGB")
    spread = ImageChops.subtract(
        rgb.filter(ImageFilter.MaxFilter(3)), rgb.filter(ImageFilter.MinFilter(3))
    )
    red, green, blue = spread.split()
    return ImageChops.lighter(ImageChops.lighter(red, green), blue).tobytes()


def _border_background(raw: bytes, width: int, height: int) -> Callable[[RGB], bool] | None:
    """How to tell background pixels, when the image's border is mostly opaque white (or
    black): an opaque logo on a white or black ground, such as a JPEG."""
    border: list[tuple[int, int, int, int]] = []
    for y in range(height):
        xs: Iterable[int] = range(width) if y in (0, height - 1) else (0, width - 1)
        for x in xs:
            i = 4 * (y * width + x)
            border.append((raw[i], raw[i + 1], raw[i + 2], raw[i + 3]))
    opaque = [(r, g, b) for r, g, b, a in border if a >= OPAQUE]
    if not border or len(opaque) * 2 < len(border):
        return None
    for test in (_near_white, _near_black):
        if sum(1 for p in opaque if test(p)) >= 0.6 * len(opaque):
            return test
    return None


def _near_white(pixel: RGB) -> bool:
    return min(pixel) >= _NEAR_WHITE


def _near_black(pixel: RGB) -> bool:
    return max(pixel) <= _NEAR_BLACK


@dataclass
class _Cluster:
    colour: RGB
    pixels: int = 0
    flat: int = 0


def _main_colours(pixels: list[_Pixel], count: int) -> list[RGB]:
    """Quantise, merge near-identical colours, drop edge blends; most used first."""
    strip = Image.new("RGB", (len(pixels), 1))
    strip.putdata([pixel.colour for pixel in pixels])
    # More boxes than wanted, so anti-aliased edges get boxes of their own instead of
    # pulling the main colours towards them.
    quantised = strip.quantize(colors=min(256, count * 3), method=Image.Quantize.MEDIANCUT)
    palette = quantised.getpalette() or []
    by_index: dict[int, _Cluster] = {}
    for pixel, index in zip(pixels, quantised.tobytes(), strict=True):
        cluster = by_index.get(index)
        if cluster is None:
            colour = (palette[3 * index], palette[3 * index + 1], palette[3 * index + 2])
            cluster = by_index[index] = _Cluster(colour)
        cluster.pixels += 1
        cluster.flat += pixel.flat
    merged: list[_Cluster] = []
    for cluster in sorted(by_index.values(), key=lambda cluster: -cluster.pixels):
        for kept in merged:
            if _distance(kept.colour, cluster.colour) < MERGE_DISTANCE:
                kept.pixels += cluster.pixels
                kept.flat += cluster.flat
                break
        else:
            merged.append(cluster)
    merged.sort(key=lambda cluster: -cluster.pixels)
    # A colour found (almost) only on edges is anti-aliasing or JPEG ringing, not a brand
    # colour; unless the whole logo is edges (thin lines, a photo).
    if sum(cluster.flat for cluster in merged) >= MIN_FLAT_SHARE * len(pixels):
        solid = [c for c in merged if c.flat >= MIN_FLAT_SHARE * c.pixels]
        merged = solid or merged
    return [cluster.colour for cluster in merged[:count]]


# --- colour arithmetic ----------------------------------------------------------------------


def _distance(a: RGB, b: RGB) -> float:
    return float(sum((x - y) ** 2 for x, y in zip(a, b, strict=True)) ** 0.5)


def _hex(colour: RGB) -> str:
    return "#{:02X}{:02X}{:02X}".format(*colour)


def _parse_hex(text: str) -> RGB:
    if not isinstance(text, str) or not _HEX.fullmatch(text):
        raise ValueError(f"not a #RRGGBB colour: {text!r}")
    return (int(text[1:3], 16), int(text[3:5], 16), int(text[5:7], 16))


def _hsv(colour: RGB) -> tuple[float, float, float]:
    r, g, b = (c / 255 for c in colour)
    return colorsys.rgb_to_hsv(r, g, b)


def _saturation(colour: RGB) -> float:
    _, saturation, value = _hsv(colour)
    return saturation if value >= 0.15 else 0.0  # near-black has no meaningful hue


def _hue_differs(a: RGB, b: RGB, degrees: float = 30.0) -> bool:
    if _saturation(b) < 0.2:  # a grey primary: any colourful colour differs from it
        return True
    difference = abs(_hsv(a)[0] - _hsv(b)[0]) * 360
    return min(difference, 360 - difference) >= degrees


def _shade(colour: RGB) -> RGB:
    """A lighter or darker version of ``colour``: the accent of a one-colour palette."""
    if luminance(colour) < 0.35:
        return _mix(colour, (255, 255, 255), 0.45)
    return _mix(colour, (0, 0, 0), 0.35)


def _mix(a: RGB, b: RGB, amount: float) -> RGB:
    r, g, bl = (round(x + (y - x) * amount) for x, y in zip(a, b, strict=True))
    return (r, g, bl)
