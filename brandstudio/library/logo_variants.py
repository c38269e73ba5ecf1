"""Logo variants made for the user: *light* (for dark backgrounds), *dark* (for light ones)
and *mono* (one colour), from one logo image.

A logo is first cleaned: a flat plain background (white or any one colour, found on the
border pixels of an opaque JPEG or PNG) is removed with a soft edge, transparent padding is
trimmed, and the image is made at most :data:`MAX_LOGO_SIDE` px on its longer side. The
original is kept as the variant it already is when its ink stands out (contrast at least
:data:`KEEP_CONTRAST` against white for *dark*, black for *light*); the other variants are
made: *light* mixes every pixel towards white, *dark* towards black, *mono* paints the ink in
one colour. Alpha is kept, so the shape and its soft edges stay.

A logo file is untrusted: regular file, at most :data:`MAX_LOGO_BYTES`, PNG, JPEG or WebP only,
at most :data:`MAX_LOGO_PIXELS` from the header before decoding, decoded by the photo reader's
safe path. Every failure is a :class:`LogoError` naming the file. Pillow only.
"""

from __future__ import annotations

import io
import os
import stat
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

from PIL import Image, ImageChops, UnidentifiedImageError

from brandstudio.fsutil import atomic_write_bytes
from brandstudio.library.errors import LibraryError
from brandstudio.model.contrast import LUMINANCE_WEIGHTS, channel_linear, luminance, ratio
from brandstudio.render.photo import PhotoError, open_photo

VariantName = Literal["light", "dark", "mono"]
VARIANTS: Final[tuple[VariantName, ...]] = ("light", "dark", "mono")

MAX_LOGO_BYTES: Final = 50 * 1024 * 1024
"""File-size cap in bytes, checked before the file is opened."""
MAX_LOGO_PIXELS: Final = 40_000_000
"""Pixel-count cap (width x height) of a logo file or image."""
MAX_LOGO_SIDE: Final = 2048
"""Variants are made at most this many pixels on the longer side."""
KEEP_CONTRAST: Final = 4.5
"""The original is kept as a variant when its ink has this contrast (WCAG) on that background."""
TINT: Final = 0.8
"""How far (0..1) a made light or dark variant mixes each pixel towards white or black."""
DEFAULT_MONO: Final = "#1E1E1E"

_FORMATS: Final = ["PNG", "JPEG", "WEBP"]
_OPAQUE_BORDER: Final = 250
"""A border pixel with at least this alpha is opaque: the image may have a plain background."""
_FLAT_SPREAD: Final = 24
"""Border pixels within this distance (largest channel difference) of their median are flat."""
_FLAT_SHARE: Final = 0.9
"""The share of border pixels that must be flat for the border to be a plain background."""
_EDGE_LOW: Final = 12
"""Pixels this close to the background colour (largest channel difference) become clear..."""
_EDGE_HIGH: Final = 64
"""...and from this distance on stay opaque; between, a soft edge."""
_VISIBLE: Final = 8
"""Alpha below this counts as empty when trimming."""
_INK: Final = 128
"""Alpha from which a pixel is ink when measuring the logo's colour."""


class LogoError(LibraryError):
    """A logo that cannot be used; ``str()`` is ``"<file>: <reason>"``."""

    def __init__(self, source: str | os.PathLike[str], reason: str) -> None:
        self.source = str(source)
        self.reason = reason
        super().__init__(f"{self.source}: {reason}")


@dataclass(frozen=True)
class LogoSet:
    """A logo's three variants (RGBA images) and which of them is the original itself."""

    cleaned: Image.Image
    """The original, cleaned and trimmed (see :func:`clean_logo`)."""
    light: Image.Image
    dark: Image.Image
    mono: Image.Image
    kept: VariantName | None
    """The variant that is the (cleaned) original; None when all three were made."""

    def image(self, variant: VariantName) -> Image.Image:
        return {"light": self.light, "dark": self.dark, "mono": self.mono}[variant]

    @property
    def made(self) -> tuple[VariantName, ...]:
        """The variants made from the original (all but :attr:`kept`)."""
        return tuple(variant for variant in VARIANTS if variant != self.kept)


# --- reading ---------------------------------------------------------------------------------


def open_logo(path: Path, *, clean: bool = True) -> Image.Image:
    """A logo file decoded safely as RGBA, cleaned (see :func:`clean_logo`) unless ``clean`` is
    False (then only made at most :data:`MAX_LOGO_SIDE` px); LogoError if unusable."""
    _check_file(path)
    try:
        decoded = open_photo(path, target=(MAX_LOGO_SIDE, MAX_LOGO_SIDE))
    except PhotoError as error:
        raise LogoError(path, error.reason) from None
    if clean:
        return clean_logo(decoded, source=str(path))
    return _fitted(decoded.convert("RGBA"))


def _fitted(image: Image.Image) -> Image.Image:
    """``image`` at most :data:`MAX_LOGO_SIDE` px on its longer side."""
    if max(image.size) > MAX_LOGO_SIDE:
        image = image.copy()
        image.thumbnail((MAX_LOGO_SIDE, MAX_LOGO_SIDE), Image.Resampling.LANCZOS)
    return image


def _check_file(path: Path) -> None:
    """LogoError unless ``path`` is a regular PNG, JPEG or WebP file within the caps."""
    try:
        info = path.stat()
    except OSError as error:
        reason = "no such file" if isinstance(error, FileNotFoundError) else error.strerror
        raise LogoError(path, f"cannot read the logo: {reason}") from None
    if not stat.S_ISREG(info.st_mode):
        raise LogoError(path, "is not a file")
    if info.st_size == 0:
        raise LogoError(path, "the file is empty, not an image")
    if info.st_size > MAX_LOGO_BYTES:
        raise LogoError(path, f"the file is larger than {MAX_LOGO_BYTES // 2**20} MB")
    try:
        head = path.read_bytes() if info.st_size <= 1 << 20 else _head(path)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(head), formats=_FORMATS) as probe:
                width, height = probe.size
    except UnidentifiedImageError:
        raise LogoError(path, "is not a PNG, JPEG or WebP image") from None
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise LogoError(path, "the image is too large (a decompression bomb?)") from None
    except Exception as error:  # Pillow raises many kinds on damaged headers
        raise LogoError(path, f"the image cannot be read ({type(error).__name__})") from None
    _check_pixels(width, height, str(path))


def _head(path: Path) -> bytes:
    """The first MiB of a large file: enough for any header Pillow reads the size from."""
    with path.open("rb") as stream:
        return stream.read(1 << 20)


def _check_pixels(width: int, height: int, source: str) -> None:
    if width <= 0 or height <= 0:
        raise LogoError(source, "the image has no pixels")
    if width * height > MAX_LOGO_PIXELS:
        raise LogoError(
            source,
            f"the image is {width} x {height} px, more than a logo needs"
            f" (at most {MAX_LOGO_PIXELS // 1_000_000} megapixels)",
        )


# --- cleaning --------------------------------------------------------------------------------


def clean_logo(image: Image.Image, *, source: str = "the logo") -> Image.Image:
    """An RGBA copy of ``image`` with a plain background removed, padding trimmed and at most
    :data:`MAX_LOGO_SIDE` px on the longer side. LogoError (naming ``source``) when nothing
    is left: a fully transparent or one-colour image."""
    _check_pixels(image.width, image.height, source)
    rgba = _fitted(image.convert("RGBA"))
    background = plain_background(rgba)
    if background is not None:
        rgba = _remove_background(rgba, background)
    box = rgba.getchannel("A").point(lambda value: 255 if value >= _VISIBLE else 0).getbbox()
    if box is None:
        what = "one flat colour" if background is not None else "fully transparent"
        raise LogoError(source, f"the image is {what}: there is no logo in it")
    return rgba.crop(box)


def plain_background(image: Image.Image) -> tuple[int, int, int] | None:
    """The colour of a flat, opaque border around an RGBA image; None if the border is
    transparent somewhere or not one colour."""
    border = _border_pixels(image)
    if any(alpha < _OPAQUE_BORDER for *_, alpha in border):
        return None
    median = tuple(
        sorted(pixel[channel] for pixel in border)[len(border) // 2] for channel in range(3)
    )
    flat = sum(
        1
        for pixel in border
        if max(abs(pixel[channel] - median[channel]) for channel in range(3)) <= _FLAT_SPREAD
    )
    if flat < _FLAT_SHARE * len(border):
        return None
    return (median[0], median[1], median[2])


def _border_pixels(image: Image.Image) -> list[tuple[int, ...]]:
    """The pixels of the outermost row and column on each side (sampled to at most ~4000)."""
    width, height = image.size
    step = max(1, (width + height) // 1000)
    spots = {(x, y) for x in range(0, width, step) for y in (0, height - 1)}
    spots |= {(x, y) for y in range(0, height, step) for x in (0, width - 1)}
    pixels: list[tuple[int, ...]] = []
    for spot in sorted(spots):
        value = image.getpixel(spot)
        assert isinstance(value, tuple)
        pixels.append(tuple(int(channel) for channel in value))
    return pixels


def _remove_background(image: Image.Image, colour: tuple[int, int, int]) -> Image.Image:
    """``image`` with pixels near ``colour`` made transparent, fading over a soft edge."""
    plain = Image.new("RGB", image.size, colour)
    red, green, blue = ImageChops.difference(image.convert("RGB"), plain).split()
    distance = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    span = _EDGE_HIGH - _EDGE_LOW
    edge = distance.point(
        lambda d: 0 if d <= _EDGE_LOW else min(255, (d - _EDGE_LOW) * 255 // span)
    )
    result = image.copy()
    result.putalpha(ImageChops.multiply(image.getchannel("A"), edge))
    return result


# --- measuring -------------------------------------------------------------------------------


def ink_luminance(image: Image.Image) -> float:
    """The median relative luminance (0..1) of an RGBA logo's ink: its pixels at least half
    opaque (all visible pixels when none is)."""
    alpha = image.getchannel("A")
    mask = alpha.point(lambda value: 255 if value >= _INK else 0)
    if mask.getbbox() is None:
        mask = alpha.point(lambda value: 255 if value > 0 else 0)
    histogram = _luminance_image(image.convert("RGB")).histogram(mask=mask)
    total = sum(histogram)
    if not total:
        return 0.5
    seen = 0
    for level, count in enumerate(histogram):
        seen += count
        if seen * 2 >= total:
            return level / 255
    return 1.0


def _luminance_image(image: Image.Image) -> Image.Image:
    """Relative luminance per pixel of an RGB image, as an "L" image (0..255 for 0..1)."""
    channels = [
        channel.point([round(channel_linear(v) * 255 * w) for v in range(256)])
        for channel, w in zip(image.split(), LUMINANCE_WEIGHTS, strict=True)
    ]
    return ImageChops.add(ImageChops.add(channels[0], channels[1]), channels[2])


# --- making variants -------------------------------------------------------------------------


def make_variants(
    logo: Path | Image.Image, *, mono_color: str = DEFAULT_MONO, clean: bool = True
) -> LogoSet:
    """The light, dark and mono variants of ``logo`` (a file, or an already decoded image such
    as an SVG logo the studio rasterised), each cleaned and trimmed (``clean`` False: taken as
    it is, for a variant file already in a brand).

    The original is kept as *dark* when its ink has :data:`KEEP_CONTRAST` on white, else as
    *light* when it has it on black; the rest are made. ``mono_color`` is ``#RRGGBB``.
    """
    if isinstance(logo, Path):
        base = open_logo(logo, clean=clean)
    elif clean:
        base = clean_logo(logo)
    else:
        _check_pixels(logo.width, logo.height, "the logo")
        base = _fitted(logo.convert("RGBA"))
    ink = ink_luminance(base)
    white, black = luminance((255, 255, 255)), luminance((0, 0, 0))
    kept: VariantName | None = None
    if ratio(ink, white) >= KEEP_CONTRAST:
        kept = "dark"
    elif ratio(ink, black) >= KEEP_CONTRAST:
        kept = "light"
    return LogoSet(
        cleaned=base,
        light=base if kept == "light" else tinted(base, (255, 255, 255)),
        dark=base if kept == "dark" else tinted(base, (0, 0, 0)),
        mono=one_colour(base, mono_color),
        kept=kept,
    )


def tinted(image: Image.Image, towards: tuple[int, int, int], amount: float = TINT) -> Image.Image:
    """``image`` with every pixel mixed ``amount`` (0..1) of the way to ``towards``; alpha kept.

    Mixed 0.8 towards white, every pixel has a contrast above 12:1 on black; towards black,
    above 12:1 on white: the logo's shading stays, faintly, and it never vanishes.
    """
    rgb = image.convert("RGB")
    mixed = Image.blend(rgb, Image.new("RGB", image.size, towards), amount)
    mixed.putalpha(image.getchannel("A"))
    return mixed


def one_colour(image: Image.Image, colour: str) -> Image.Image:
    """The logo's shape in one colour (``#RRGGBB``), alpha kept."""
    rgb = _parse_hex(colour)
    mono = Image.new("RGBA", image.size, (*rgb, 255))
    mono.putalpha(image.getchannel("A"))
    return mono


def _parse_hex(colour: str) -> tuple[int, int, int]:
    text = colour.removeprefix("#")
    if len(text) != 6 or any(char not in "0123456789abcdefABCDEF" for char in text):
        raise ValueError(f"{colour!r} is not a colour #RRGGBB")
    return (int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16))


def png_bytes(image: Image.Image) -> bytes:
    """An RGBA image as PNG bytes (no metadata)."""
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def save_logo(image: Image.Image, path: Path) -> None:
    """Write a variant as PNG atomically (a reader sees the old file or the new one)."""
    atomic_write_bytes(path, png_bytes(image))
