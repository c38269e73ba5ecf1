"""Users' photos: open them safely, upright and in sRGB, and fit them into a frame.

``open_photo`` is the error boundary for a stranger's file: whatever the bytes are, it returns a
loaded image or raises ``PhotoError`` with a reason a user can read. ``open_photo_stored`` is the
same boundary for bulk jobs: it returns the pixels as the file stores them (not yet turned
upright), decoded at the smallest JPEG scale that the requested cover crops allow, for
``brandstudio.render.resample`` to cut into many sizes. Sizes are in pixels.
"""

from __future__ import annotations

import contextlib
import functools
import io
import math
import os
import re
import stat
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from PIL import Image, ImageChops, ImageCms, ImageFile, UnidentifiedImageError

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

PHOTO_FORMATS: tuple[str, ...] = ("JPEG", "MPO", "PNG", "WEBP", "TIFF", "GIF", "HEIF")
"""The only Pillow decoders a photo may reach (EPS, for one, would start Ghostscript). HEIF
(HEIC from phones) comes from pillow-heif, registered the first time a file looks like one."""

# What Image.open(formats=...) gets: Pillow has no opener registered under "MPO" (its JPEG opener
# returns MPO images) and raises KeyError when asked for one, so MPO arrives through "JPEG";
# "HEIF" is added once pillow-heif is registered (Pillow raises KeyError for it before).
_OPENERS: tuple[str, ...] = tuple(name for name in PHOTO_FORMATS if name not in ("MPO", "HEIF"))

MAX_PHOTO_BYTES: int = 200 * 1024 * 1024
"""File-size cap in bytes, checked before the file is opened."""

MAX_PHOTO_PIXELS: int = 80_000_000
"""Pixel-count cap (width x height), checked from the header before decoding."""

MIN_RESIDUAL_SCALE: float = 1.25
"""Smallest factor (source px per output px) left for resampling after a JPEG is decoded at a
reduced scale or an image is halved: nearer 1, the final interpolation softens fine detail
against a LANCZOS reference (see docs/design/0004-batch-resampling.md)."""

REDUCTIONS: tuple[int, ...] = (8, 4, 2, 1)
"""Scales 1/n at which libjpeg(-turbo) decodes a JPEG directly (DCT scaling)."""

_ORIENTATION_TAG = 0x0112
_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
_SWAPS_AXES = frozenset({5, 6, 7, 8})

# Signatures of files people mistake for photos, to name the format in the error message.
_SIGNATURES: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\xff\xd8\xff", "JPEG"),
    (0, b"\x89PNG\r\n\x1a\n", "PNG"),
    (0, b"GIF8", "GIF"),
    (0, b"II*\x00", "TIFF"),
    (0, b"MM\x00*", "TIFF"),
    (8, b"WEBP", "WEBP"),
    (0, b"%PDF", "PDF"),
    (0, b"%!PS", "PostScript/EPS"),
    (0, b"\xc5\xd0\xd3\xc6", "EPS"),
    (0, b"8BPS", "Photoshop PSD"),
    (0, b"BM", "BMP"),
    (0, b"\x00\x00\x01\x00", "ICO"),
    (0, b"\x00\x00\x00\x0cjP  ", "JPEG 2000"),
    (0, b"\xff\x4f\xff\x51", "JPEG 2000"),
    (0, b"qoif", "QOI"),
    (0, b"DDS ", "DDS"),
    (0, b"icns", "ICNS"),
    (0, b"gimp xcf", "GIMP XCF"),
    (0, b"PK\x03\x04", "ZIP"),
    (0, b"<svg", "SVG"),
    (0, b"<?xml", "XML/SVG"),
)
_HEIF_BRANDS = {b"heic": "HEIC", b"heix": "HEIC", b"mif1": "HEIF", b"msf1": "HEIF"}
_AVIF_BRANDS = {b"avif", b"avis"}


class PhotoError(Exception):
    """A photo that cannot be used; str() is '<path>: <reason>' and reason is user-readable."""

    path: str
    reason: str

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self) -> tuple[type[PhotoError], tuple[str, str]]:
        # Batch workers send errors back through pickle.
        return (PhotoError, (self.path, self.reason))


@dataclass(frozen=True, eq=False)
class StoredPhoto:
    """A decoded photo as its file stores it, for cutting into sizes without turning the big
    image: turn each result with ``orientation`` instead.

    pixels: uint8 array, rows x columns x channels, in sRGB: 3 channels (RGB), or 4 (RGBa:
    colour premultiplied by alpha, as Pillow resamples it). Pixel (x, y) covers the file's
    pixels from (x, y) * reduction on.
    orientation: the EXIF orientation (1-8) that turns the stored picture upright.
    reduction: 1, 2, 4 or 8: the pixels are the file's at 1/reduction scale.
    stored_size: the file's own (width, height) in px, before reduction and turning.
    """

    pixels: npt.NDArray[np.uint8]
    orientation: int
    reduction: int
    stored_size: tuple[int, int]

    @property
    def size(self) -> tuple[int, int]:
        """The photo's upright (width, height) in px at full scale."""
        width, height = self.stored_size
        return (height, width) if self.orientation in _SWAPS_AXES else (width, height)


def open_photo(path: Path, target: tuple[int, int] | None = None) -> Image.Image:
    """Decode a photo upright in sRGB, mode "RGB" or "RGBA".

    target: the largest size (w, h) in px the caller will draw it at; when given, JPEGs are decoded
    with draft() at the smallest DCT scale that still covers target (mind EXIF orientation swapping
    w/h), never smaller. The result is fully loaded, carries no metadata, and the file is closed.
    Raises PhotoError for any file that cannot be used, ValueError for a bad target.
    """
    if target is not None:
        _check_size(target, "target", limit=None)
    with _open_regular_file(path) as stream, _decoding(path, stream):
        return _decode(stream, path, target)


def photo_size(path: Path) -> tuple[int, int]:
    """A photo's upright (width, height) in px, from its header only (EXIF orientation
    applied): the same checks as open_photo, nothing decoded. Raises PhotoError."""
    with _open_regular_file(path) as stream, _decoding(path, stream):
        image = _open_checked(stream, path)
        width, height = image.size
        return (height, width) if _orientation(image) in _SWAPS_AXES else (width, height)


def open_photo_stored(path: Path, covering: Iterable[tuple[int, int]] = ()) -> StoredPhoto:
    """Decode a photo for cover crops of every size (w, h) px in covering, as fast as it can be
    done without losing detail those sizes would show; nothing is turned upright yet.

    JPEGs are decoded once, by libjpeg-turbo (simplejpeg) straight into an array, at the smallest
    1/2^n scale that ``cover_reduction`` allows for every size (full scale when covering is
    empty). Same checks, errors and colour handling as open_photo: PhotoError for a file that
    cannot be used, ValueError for a bad size.
    """
    sizes = [_check_size(size, "size", limit=MAX_PHOTO_PIXELS) for size in covering]
    with _open_regular_file(path) as stream, _decoding(path, stream):
        return _decode_stored(stream, path, sizes)


def cover_reduction(source: tuple[int, int], size: tuple[int, int]) -> int:
    """The largest of 1, 2, 4, 8 by which a source of (w, h) px may be shrunk before a cover crop
    to size (w, h) px is resampled from it, keeping at least MIN_RESIDUAL_SCALE source px per
    output px for the resampler (1 when even that is not there: the crop is enlarged)."""
    src_w, src_h = source
    width, height = size
    residual = min(src_w / width, src_h / height)
    return next(n for n in REDUCTIONS if n == 1 or residual >= n * MIN_RESIDUAL_SCALE)


def cover_box(
    source: tuple[int, int], size: tuple[int, int], focus: tuple[float, float] = (0.5, 0.5)
) -> tuple[float, float, float, float]:
    """The region (left, top, right, bottom), in px of a source of (w, h) px, that a cover crop
    to size shows: size's aspect ratio, as large as fits, around focus like cover().
    Raises ValueError like cover()."""
    width, height = _check_size(size, "size", limit=MAX_PHOTO_PIXELS)
    fx, fy = _check_focus(focus)
    src_w, src_h = source
    if src_w < 1 or src_h < 1:
        raise ValueError(f"cannot scale an empty image ({src_w}x{src_h} px)")
    scale = max(width / src_w, height / src_h)
    box_w = min(src_w, width / scale)
    box_h = min(src_h, height / scale)
    left = _place(fx * src_w, box_w, src_w)
    top = _place(fy * src_h, box_h, src_h)
    return (left, top, min(src_w, left + box_w), min(src_h, top + box_h))


def cover(
    image: Image.Image, size: tuple[int, int], focus: tuple[float, float] = (0.5, 0.5)
) -> Image.Image:
    """Scale to fill size (w, h) px exactly, cropping the overflow.

    focus: a point as fractions (x, y) of the image, 0..1 from the top-left (clamped); it stays in
    frame and as close to the centre as the crop allows. Raises ValueError for a size under 1 px
    or over MAX_PHOTO_PIXELS. Only the crop box is resampled (LANCZOS), once.
    """
    box = cover_box(image.size, size, focus)
    return image.resize(_check_size(size, "size", limit=None), Image.Resampling.LANCZOS, box=box)


def contain(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    """Scale (down or up, LANCZOS) to fit inside size (w, h) px keeping aspect; one axis may come
    out smaller; no padding. Raises ValueError like cover()."""
    new_size = contain_size(image, size)
    if new_size == image.size:
        return image.copy()
    return image.resize(new_size, Image.Resampling.LANCZOS)


def contain_size(image: Image.Image, size: tuple[int, int]) -> tuple[int, int]:
    """The (w, h) px that contain(image, size) gives, without scaling anything."""
    width, height = _check_size(size, "size", limit=MAX_PHOTO_PIXELS)
    src_w, src_h = _source_size(image)
    if src_w * height >= src_h * width:  # relatively wider than the frame: width binds
        return (width, min(height, max(1, round(src_h * width / src_w))))
    return (min(width, max(1, round(src_w * height / src_h))), height)


# --- opening ---------------------------------------------------------------------------------


def _open_regular_file(path: Path) -> BinaryIO:
    """Open path for reading only if it is a regular, non-empty file under the byte cap."""
    try:
        _check_stat(path, Path(path).stat())
        # O_NONBLOCK: if the path became a FIFO since the stat, opening must still not hang.
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except PhotoError:
        raise
    except OSError as exc:
        raise PhotoError(path, _os_error_reason(exc)) from exc
    try:
        _check_stat(path, os.fstat(fd))
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def _check_stat(path: Path, info: os.stat_result) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise PhotoError(path, "not a regular file")
    if info.st_size == 0:
        raise PhotoError(path, "zero-byte file")
    if info.st_size > MAX_PHOTO_BYTES:
        mib = info.st_size / (1024 * 1024)
        limit = MAX_PHOTO_BYTES // (1024 * 1024)
        raise PhotoError(path, f"too large: {mib:.0f} MiB file (limit {limit} MiB)")


def _os_error_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "cannot be read: permission denied"
    if isinstance(exc, FileNotFoundError):
        return "file not found"
    return f"cannot be read: {exc.strerror or exc}"


@contextlib.contextmanager
def _decoding(path: Path, stream: BinaryIO) -> Iterator[None]:
    """Turn whatever decoding raises into PhotoError with a readable reason."""
    try:
        with warnings.catch_warnings():
            # Pillow reports damaged metadata (EXIF, MPO index, TIFF tags) as UserWarning and
            # decodes the pixels anyway: that photo is still usable.
            warnings.simplefilter("ignore", UserWarning)
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            yield
    except PhotoError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise PhotoError(path, _too_large_reason(exc)) from exc
    except UnidentifiedImageError as exc:
        raise PhotoError(path, _unidentified_reason(stream)) from exc
    except MemoryError as exc:
        raise PhotoError(path, "not enough memory to decode it") from exc
    except Exception as exc:  # Pillow raises many types on hostile input; see ENVIRONMENT.md
        raise PhotoError(path, "truncated or damaged image file") from exc


def _decode(stream: BinaryIO, path: Path, target: tuple[int, int] | None) -> Image.Image:
    image = _open_checked(stream, path)
    if target is not None and image.format in ("JPEG", "MPO"):
        draft_w, draft_h = target
        if _orientation(image) in _SWAPS_AXES:
            draft_w, draft_h = draft_h, draft_w
        # libjpeg scales by 1/8, 1/4 or 1/2 while decoding; Pillow picks the largest such
        # factor that keeps both sides >= the requested size.
        image.draft(None, (draft_w, draft_h))
    result, orientation = _load_srgb(image)
    method = _TRANSPOSE.get(orientation)
    return result if method is None else result.transpose(method)


def _open_checked(stream: BinaryIO, path: Path) -> ImageFile.ImageFile:
    """Read the header through the format allowlist and the size caps; nothing decoded yet."""
    formats = (*_OPENERS, "HEIF") if _looks_like_heif(stream) and _register_heif() else _OPENERS
    image = Image.open(stream, formats=formats)  # first frame of GIF, MPO and TIFF
    if image.format not in PHOTO_FORMATS:
        raise PhotoError(path, f"not an image we can read (format {image.format} is not supported)")
    width, height = image.size
    if width * height > MAX_PHOTO_PIXELS:
        raise PhotoError(path, f"too large: {width}x{height} px (limit {_limit_mp()})")
    if width < 1 or height < 1:
        raise PhotoError(path, "truncated or damaged image file")
    return image


def _load_srgb(image: ImageFile.ImageFile) -> tuple[Image.Image, int]:
    """Decode the pixels into a plain image in sRGB, mode RGB or RGBA, without metadata; with
    the EXIF orientation that turns it upright."""
    image.load()
    orientation = _orientation(image)  # PNG may keep EXIF after the pixels: read it after load
    icc = image.info.get("icc_profile")
    result = _to_srgb(_normalise_mode(image), icc if isinstance(icc, bytes) else None)
    if isinstance(result, ImageFile.ImageFile):
        # Still the decoder's object (tied to the closed file): move its pixels to a plain image.
        result = result._new(result.im)
    result.info = {}
    return result, orientation


def _decode_stored(stream: BinaryIO, path: Path, sizes: list[tuple[int, int]]) -> StoredPhoto:
    data = stream.read(MAX_PHOTO_BYTES + 1)  # the file was capped at MAX_PHOTO_BYTES
    image = _open_checked(io.BytesIO(data), path)
    orientation = _orientation(image)
    stored_size = image.size
    upright = stored_size[::-1] if orientation in _SWAPS_AXES else stored_size
    reduction = min((cover_reduction(upright, size) for size in sizes), default=1)
    if image.format in ("JPEG", "MPO") and _turbo_decodable(image):
        icc = image.info.get("icc_profile")
        pixels = _decode_jpeg_pixels(data, stored_size, reduction)
        if pixels is not None and isinstance(icc, bytes) and icc:
            pixels = _pixels_in_srgb(pixels, icc)
        if pixels is not None:
            return StoredPhoto(pixels, orientation, reduction, stored_size)
    if reduction > 1 and image.format in ("JPEG", "MPO"):
        width, height = stored_size
        image.draft(None, (max(1, width // reduction), max(1, height // reduction)))
    result, orientation = _load_srgb(image)
    return StoredPhoto(
        _pixels_of(result), orientation, _reduction_of(stored_size, result.size), stored_size
    )


def _turbo_decodable(image: ImageFile.ImageFile) -> bool:
    """Whether libjpeg-turbo can give this JPEG's colours as open_photo would: YCbCr (a profile
    is applied afterwards) or grey without one; CMYK and profiled grey stay with Pillow."""
    icc = image.info.get("icc_profile")
    return image.mode == "RGB" or (image.mode == "L" and not icc)


def _decode_jpeg_pixels(
    data: bytes, stored_size: tuple[int, int], reduction: int
) -> npt.NDArray[np.uint8] | None:
    """RGB pixels of a JPEG at 1/reduction scale, as stored; None when libjpeg-turbo refuses the
    file in strict mode (Pillow then decodes it, forgiving what it forgives)."""
    import simplejpeg

    width, height = stored_size
    wanted = (-(-height // reduction), -(-width // reduction), 3)
    try:
        # Decode only what Pillow's header check saw (a file may carry two frame headers).
        if simplejpeg.decode_jpeg_header(data)[:2] != (height, width):
            return None
        # simplejpeg picks the smallest M/8 scale giving at least this size: exactly 1/reduction.
        pixels = simplejpeg.decode_jpeg(
            data, colorspace="RGB", min_width=wanted[1], min_height=wanted[0], strict=True
        )
    except ValueError:
        return None
    return pixels if pixels.shape == wanted else None


def _pixels_in_srgb(pixels: npt.NDArray[np.uint8], icc: bytes) -> npt.NDArray[np.uint8]:
    """RGB pixels converted from the profile to sRGB (unchanged when it is sRGB or unusable)."""
    import numpy as np

    try:
        transform = _transform_to_srgb(icc, "RGB")
    except Exception:  # lcms rejects broken profiles and profiles for another colour space
        return pixels
    if transform is None:
        return pixels
    image = Image.fromarray(pixels)
    transform.apply_in_place(image)
    return np.asarray(image)


def _pixels_of(image: Image.Image) -> npt.NDArray[np.uint8]:
    """An RGB or RGBA image as an array: RGB, or RGBa (premultiplied) when it has alpha."""
    import numpy as np

    return np.asarray(image if image.mode == "RGB" else image.convert("RGBa"))


def _reduction_of(stored_size: tuple[int, int], decoded: tuple[int, int]) -> int:
    """The n of a 1/n DCT-scaled decode (libjpeg rounds sizes up)."""
    width, height = stored_size
    for n in REDUCTIONS:
        if decoded == (-(-width // n), -(-height // n)):
            return n
    return 1


@functools.cache
def _register_heif() -> bool:
    """Register pillow-heif's opener (once; importing it takes about 50 ms): True."""
    from pillow_heif import register_heif_opener

    # Only the primary image: thumbnails, depth maps and auxiliary images stay unparsed.
    register_heif_opener(thumbnails=False, depth_images=False, aux_images=False)
    return True


def _looks_like_heif(stream: BinaryIO) -> bool:
    """Whether the file's header names a HEIC/HEIF brand (the stream position is kept)."""
    position = stream.tell()
    head = stream.read(32)
    stream.seek(position)
    return _sniff_format(head) in ("HEIC", "HEIF")


def _orientation(image: Image.Image) -> int:
    """The EXIF (or XMP) orientation, 1 when absent or unreadable: bad metadata is no reason to
    reject a photo."""
    try:
        value = image.getexif().get(_ORIENTATION_TAG, 1)
    except Exception:
        return 1
    return value if isinstance(value, int) and value in _TRANSPOSE else 1


def _limit_mp() -> str:
    return f"{MAX_PHOTO_PIXELS // 1_000_000} MP"


def _too_large_reason(exc: Exception) -> str:
    match = re.search(r"\((\d+) pixels\)", str(exc))
    if match is None:
        return f"too large (limit {_limit_mp()})"
    megapixels = int(match.group(1)) / 1_000_000
    return f"too large: {megapixels:,.0f} MP (limit {_limit_mp()})"


def _unidentified_reason(stream: BinaryIO) -> str:
    try:
        stream.seek(0)
        head = stream.read(32)
    except Exception:
        head = b""
    name = _sniff_format(head)
    if name in PHOTO_FORMATS or name == "HEIC":
        return "truncated or damaged image file"
    if name is None:
        return "not an image we can read (unrecognised file format)"
    return f"not an image we can read (format {name} is not supported)"


def _sniff_format(head: bytes) -> str | None:
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in _AVIF_BRANDS:
            return "AVIF"
        if brand in _HEIF_BRANDS:
            return _HEIF_BRANDS[brand]
    if head.startswith(b"RIFF") and head[8:12] != b"WEBP":
        return "RIFF"
    for offset, magic, name in _SIGNATURES:
        if head[offset : offset + len(magic)] == magic:
            return name
    return None


# --- colour ----------------------------------------------------------------------------------


def _normalise_mode(image: Image.Image) -> Image.Image:
    """Bring any decoded mode to L, LA, RGB, RGBA, CMYK or LAB, keeping tones and alpha."""
    mode = image.mode
    if mode in ("L", "RGB"):
        return image.convert(mode + "A") if "transparency" in image.info else image
    if mode in ("LA", "RGBA", "CMYK", "LAB"):
        return image
    if mode == "1":
        return image.convert("L")
    if mode in ("P", "PA"):
        return image.convert("RGBA" if image.has_transparency_data else "RGB")
    if mode == "La":
        return image.convert("LA")  # un-premultiplies
    if mode == "RGBa":
        return image.convert("RGBA")  # un-premultiplies
    if mode.startswith("I;16"):
        image = image.convert("I")
        mode = "I"
    if mode in ("I", "F"):
        low, high = image.getextrema()  # one band: two numbers
        assert not isinstance(low, tuple) and not isinstance(high, tuple)
        scale, offset = _grey_scaling(mode, low, high)
        return image.point(lambda value: value * scale + offset).convert("L")
    return image.convert("RGBA" if image.has_transparency_data else "RGB")


def _grey_scaling(mode: str, low: float, high: float) -> tuple[float, float]:
    """Scale and offset that map a 16-bit, 32-bit or float grey image (values low..high) onto
    0..255: 16-bit ranges by 1/257, floats in 0..1 by 255, anything else stretched."""
    if mode == "F":
        if not (math.isfinite(low) and math.isfinite(high)) or (low >= 0 and high <= 1):
            return 255.0, 0.0
        if low >= 0 and high <= 255:
            return 1.0, 0.0
    if low >= 0 and high <= 65535:
        return 1 / 257, 0.0
    if high > low:  # some other range: stretch it
        return 255 / (high - low), -low * 255 / (high - low)
    return 0.0, 0.0


@functools.cache
def _srgb_profile() -> ImageCms.ImageCmsProfile:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


@functools.lru_cache(maxsize=32)
def _transform_to_srgb(icc: bytes | None, mode: str) -> ImageCms.ImageCmsTransform | None:
    """A transform from the profile (LAB when icc is None) to sRGB, or None when it would leave
    8-bit pixels within 2 levels of where they are (most cameras tag plain sRGB)."""
    source = (
        ImageCms.ImageCmsProfile(ImageCms.createProfile("LAB"))
        if icc is None
        else ImageCms.ImageCmsProfile(io.BytesIO(icc))
    )
    transform = ImageCms.buildTransform(
        source, _srgb_profile(), mode, "RGB", renderingIntent=ImageCms.Intent.PERCEPTUAL
    )
    if mode in ("RGB", "L"):
        probe = _probe_image(mode)
        difference = ImageChops.difference(transform.apply(probe), probe.convert("RGB"))
        if difference.point(lambda value: 255 if value > 2 else 0).getbbox() is None:
            return None
    return transform


def _probe_image(mode: str) -> Image.Image:
    if mode == "L":
        return Image.linear_gradient("L").resize((256, 1))
    levels = bytes(range(0, 256, 15))  # 18 levels per channel, every combination
    pixels = bytes(channel for b in levels for r in levels for g in levels for channel in (r, g, b))
    return Image.frombytes("RGB", (len(levels) ** 2, len(levels)), pixels)


def _to_srgb(image: Image.Image, icc: bytes | None) -> Image.Image:
    """Convert a normalised image to sRGB in mode RGB or RGBA, honouring its ICC profile when it
    has one that works (a broken or mismatched profile means the pixels are taken as sRGB)."""
    has_alpha = image.mode in ("LA", "RGBA")
    colour_mode = image.mode.removesuffix("A") if has_alpha else image.mode
    transform = None
    if icc is not None or colour_mode == "LAB":
        try:
            transform = _transform_to_srgb(icc if colour_mode != "LAB" else None, colour_mode)
        except Exception:  # lcms rejects broken profiles and profiles for another colour space
            transform = None
    if transform is None:
        if image.mode in ("RGB", "RGBA"):
            return image
        return image.convert("RGBA" if has_alpha else "RGB")
    if not has_alpha:
        return _apply(transform, image)
    alpha = image.getchannel("A")
    result = transform.apply(image.convert(colour_mode))
    result.putalpha(alpha)
    return result


def _apply(transform: ImageCms.ImageCmsTransform, image: Image.Image) -> Image.Image:
    if image.mode == "RGB":  # the decoded image is ours: no second buffer needed
        return transform.apply_in_place(image)
    return transform.apply(image)


def _check_size(size: tuple[int, int], what: str, *, limit: int | None) -> tuple[int, int]:
    try:
        width, height = size
    except (TypeError, ValueError):
        raise ValueError(f"{what} must be (width, height), got {size!r}") from None
    for value in (width, height):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"{what} must be two whole numbers >= 1 px, got {size!r}")
    if limit is not None and width * height > limit:
        raise ValueError(f"{what} {width}x{height} px is over the {limit:,} px limit")
    return width, height


def _check_focus(focus: tuple[float, float]) -> tuple[float, float]:
    fx, fy = (float(value) for value in focus)
    if not (math.isfinite(fx) and math.isfinite(fy)):
        raise ValueError(f"focus must be finite fractions, got {focus!r}")
    return min(max(fx, 0.0), 1.0), min(max(fy, 0.0), 1.0)


def _source_size(image: Image.Image) -> tuple[int, int]:
    width, height = image.size
    if width < 1 or height < 1:
        raise ValueError(f"cannot scale an empty image ({width}x{height} px)")
    return width, height


def _place(centre: float, extent: float, total: float) -> float:
    """Start of a span of extent centred on centre, slid to lie inside 0..total."""
    return min(max(centre - extent / 2, 0.0), total - extent)
