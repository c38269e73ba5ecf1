"""A corpus of odd-but-good and hostile photo files, written fresh into a folder for a test.

Batch tests (``brandstudio stamp`` and friends) feed these files through the real command and
check that every good photo comes out upright with the right tones and every hostile file is
reported and skipped. ``tests/test_photo_corpus.py`` checks the corpus itself against
``open_photo``.

Good photos share one upright layout (see ``layout``): four quadrants, red top-left, green
top-right, blue bottom-left, yellow bottom-right, split at half the width and half the height.
Each ``GoodPhoto`` names a probe point (fractions of the upright image) and the sRGB colour
expected there; a photo turned the wrong way, mirrored, or shown as its second frame puts another
quadrant's colour under the probe. In the 256x192 photos the edges fall on multiples of 16 px, so
8x8 blocks and 2x2 chroma subsampling never straddle an edge and colours do not bleed.

The ICC and PNG helpers duplicate a few lines of ``tests/render/test_photo.py`` on purpose: that
is a test module, not something to import.
"""

from __future__ import annotations

import io
import os
import random
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageDraw

Colour = tuple[int, int, int]

RED: Colour = (200, 40, 40)
GREEN: Colour = (40, 160, 60)
BLUE: Colour = (40, 70, 200)
YELLOW: Colour = (230, 200, 40)
QUADRANTS: tuple[Colour, Colour, Colour, Colour] = (RED, GREEN, BLUE, YELLOW)  # TL, TR, BL, BR
GREY_QUADRANTS: tuple[Colour, Colour, Colour, Colour] = (
    (200, 200, 200),
    (140, 140, 140),
    (60, 60, 60),
    (100, 100, 100),
)
"""The layout for greyscale files: the colours' own lumas lie too close together (88 vs 76)."""

PROBE: tuple[float, float] = (0.4, 0.4)
"""In the red top-left quadrant but near the centre, so it survives a centred cover() crop of
ordinary aspect ratios (not of the 12:1 panorama)."""

COLOUR_TOLERANCE = 12
"""Largest per-channel difference (0..255) between a probe and its expected colour on the decoded
photo. Lossless files come back exact; what uses the margin: JPEG at quality 90 (flat blocks
come back within ~3 levels), lossy WebP (~6), naive CMYK <-> RGB (exact, plus JPEG noise), the
Adobe RGB round trip through lcms (~2) and 16-bit -> 8-bit grey (exact). Any wrong rotation,
mirror or frame moves the probe by over 100 levels in some channel, so 12 cannot hide one.
Tests on rendered outputs (resampled, re-encoded) may need their own, larger margin."""

SIZE = (256, 192)
"""Upright (w, h) of most good photos, in px: small and a multiple of 16 both ways."""

MAX_GOOD_BYTES = 1024 * 1024


@dataclass(frozen=True)
class GoodPhoto:
    """A usable photo: open_photo must return it upright, in sRGB, with colour at probe."""

    path: Path
    upright_size: tuple[int, int]  # (w, h) in px after EXIF orientation is applied
    probe: tuple[float, float]  # (x, y) fractions of the upright image, 0..1 from top-left
    colour: Colour  # expected sRGB colour at probe, within COLOUR_TOLERANCE
    description: str


@dataclass(frozen=True)
class HostileFile:
    """A file that must make open_photo raise PhotoError quickly, never hang or crash."""

    path: Path
    reason_words: tuple[str, ...]  # each must occur in PhotoError.reason.lower()
    description: str
    skip_if_root: bool = False  # only an unprivileged user is refused it (root reads any file)


# --- helpers for tests that use the corpus ---------------------------------------------------


def probe_xy(size: tuple[int, int], probe: tuple[float, float]) -> tuple[int, int]:
    """The pixel (x, y) under probe (fractions) in an image of size (w, h) px."""
    width, height = size
    return min(int(probe[0] * width), width - 1), min(int(probe[1] * height), height - 1)


def colour_at(image: Image.Image, probe: tuple[float, float]) -> Colour:
    """The RGB colour of image at probe (fractions), alpha dropped."""
    pixel = image.convert("RGB").getpixel(probe_xy(image.size, probe))
    assert isinstance(pixel, tuple)
    return (int(pixel[0]), int(pixel[1]), int(pixel[2]))


def near(actual: Colour, expected: Colour, tolerance: int = COLOUR_TOLERANCE) -> bool:
    """Whether every channel of actual is within tolerance of expected."""
    return all(abs(a - e) <= tolerance for a, e in zip(actual, expected, strict=True))


def layout(size: tuple[int, int] = SIZE, colours: tuple[Colour, ...] = QUADRANTS) -> Image.Image:
    """The upright test picture: four flat quadrants (TL, TR, BL, BR) split at w/2 and h/2."""
    image = Image.new("RGB", size)
    _draw_quadrants(image, colours)
    return image


def _draw_quadrants(image: Image.Image, fills: tuple[int | Colour, ...]) -> None:
    width, height = image.size
    half_w, half_h = width // 2, height // 2
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width - 1, height - 1), fill=fills[0])
    if width > 1:
        draw.rectangle((half_w, 0, width - 1, half_h - 1), fill=fills[1])
    if height > 1:
        draw.rectangle((0, half_h, half_w - 1, height - 1), fill=fills[2])
        draw.rectangle((half_w, half_h, width - 1, height - 1), fill=fills[3])


# --- good photos -----------------------------------------------------------------------------

# How stored pixels relate to the upright picture: stored = upright.transpose(STORE[orientation]).
_STORE = {
    3: Image.Transpose.ROTATE_180,
    6: Image.Transpose.ROTATE_90,
    8: Image.Transpose.ROTATE_270,
}


def make_good_photos(folder: Path) -> list[GoodPhoto]:
    """Write every odd-but-good photo into folder (created if missing) and describe each.

    HEIC is included only when pillow_heif is importable. Names never clash with
    make_hostile_files(), so both can share one folder.
    """
    folder.mkdir(parents=True, exist_ok=True)
    photos: list[GoodPhoto] = []

    def add(
        name: str, description: str, size: tuple[int, int] = SIZE, colour: Colour = RED
    ) -> Path:
        path = folder / name
        photos.append(GoodPhoto(path, size, PROBE, colour, description))
        return path

    upright = layout()
    upright.convert("CMYK").save(add("cmyk-adobe.jpg", "CMYK JPEG, Adobe inverted"), quality=90)
    _save_cmyk_without_adobe(
        upright, add("cmyk-plain.jpg", "CMYK JPEG, inverted, Adobe marker removed")
    )
    _grey16().save(add("grey16.png", "16-bit greyscale PNG (I;16)", colour=GREY_QUADRANTS[0]))
    _palette(SIZE, transparent_band=True).save(
        add("palette-transparent.png", "palette PNG with a transparent band"), transparency=4
    )
    _rgba(upright).save(add("rgba.png", "RGBA PNG, partly translucent"))
    upright.save(add("lossy.webp", "lossy WebP"), quality=90)
    upright.save(add("lzw.tif", "TIFF, LZW compressed"), compression="tiff_lzw")
    first = _palette(SIZE, transparent_band=False)
    first.save(
        add("animated.gif", "animated GIF, 2 frames: the first one counts"),
        save_all=True,
        append_images=[first.transpose(Image.Transpose.ROTATE_180)],
        duration=200,
        loop=0,
    )
    upright.save(add("progressive.jpg", "progressive JPEG"), quality=90, progressive=True)
    for orientation in (3, 6, 8):
        stored = upright.transpose(_STORE[orientation])
        stored.save(
            add(f"exif-{orientation}.jpg", f"JPEG stored rotated, EXIF orientation {orientation}"),
            quality=90,
            exif=_exif_orientation(orientation),
        )
    upright.save(
        add("mpo-two-frames.jpg", "MPO (phone-style .jpg), 2 frames: the first one counts"),
        "MPO",
        quality=90,
        save_all=True,
        append_images=[upright.transpose(Image.Transpose.ROTATE_180)],
    )
    _save_adobe_rgb(upright, add("adobe-rgb.jpg", "JPEG with an Adobe RGB (1998) ICC profile"))
    layout((1, 1)).save(add("tiny-1x1.jpg", "1x1 px JPEG", (1, 1)), quality=90)
    tiny = Image.new("RGB", (3, 2))
    tiny.putdata([RED, RED, GREEN, BLUE, BLUE, YELLOW])
    tiny.save(add("tiny-3x2.png", "3x2 px PNG", (3, 2)))
    layout((6000, 500)).save(add("panorama.jpg", "6000x500 px panorama", (6000, 500)), quality=90)
    upright.save(add("фото кофе №1.jpg", "Cyrillic name with spaces and №"), quality=90)
    upright.save(add("summer sale 🌞 2026.png", "name with spaces and an emoji"))
    upright.save(add("IMG_0042.JPG", "uppercase .JPG extension"), quality=90)
    if _save_heic(upright, folder / "iphone.heic"):
        add("iphone.heic", "HEIC (written with pillow_heif)")
    return photos


def _exif_orientation(orientation: int) -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = orientation
    return exif


def _grey16() -> Image.Image:
    """The grey layout in 16 bits: each 8-bit level v stored as v * 257 (full 16-bit range)."""
    grey = layout(SIZE, GREY_QUADRANTS).convert("L")
    return grey.convert("I").point(lambda value: value * 257).convert("I;16")


def _palette(size: tuple[int, int], *, transparent_band: bool) -> Image.Image:
    """The layout as a P image with exact colours; index 4 is a 16 px band down the right edge."""
    indexed = Image.new("P", size)
    indexed.putpalette([channel for colour in (*QUADRANTS, (0, 0, 0)) for channel in colour])
    _draw_quadrants(indexed, (0, 1, 2, 3))
    if transparent_band:
        width, height = size
        ImageDraw.Draw(indexed).rectangle((width - 16, 0, width - 1, height - 1), fill=4)
    return indexed


def _rgba(upright: Image.Image) -> Image.Image:
    """Opaque top half; the bottom-right quadrant half transparent; a clear right-edge band."""
    width, height = upright.size
    alpha = Image.new("L", upright.size, 255)
    draw = ImageDraw.Draw(alpha)
    draw.rectangle((width // 2, height // 2, width - 1, height - 1), fill=128)
    draw.rectangle((width - 16, 0, width - 1, height - 1), fill=0)
    image = upright.convert("RGBA")
    image.putalpha(alpha)
    return image


def _jpeg_segments(data: bytes) -> Iterator[tuple[int, int, int]]:
    """(marker, start, end) of each header segment of a JPEG, up to and including SOS."""
    position = 2  # after SOI
    while position + 4 <= len(data):
        assert data[position] == 0xFF, f"not a JPEG segment at byte {position}"
        marker = data[position + 1]
        end = position + 2 + int.from_bytes(data[position + 2 : position + 4], "big")
        yield marker, position, end
        if marker == 0xDA:  # start of scan: entropy-coded data follows
            return
        position = end


def _save_cmyk_without_adobe(upright: Image.Image, path: Path) -> None:
    """CMYK with the Adobe APP14 marker taken out, values still in Adobe's inverted convention.

    Pillow writes every CMYK JPEG Adobe-style (inverted, with APP14) and reads every CMYK JPEG
    as inverted, marker or not; so this file checks that decoding does not hinge on the marker.
    A file with plain (non-inverted) values and no marker would come out as a negative.
    """
    buffer = io.BytesIO()
    upright.convert("CMYK").save(buffer, "JPEG", quality=90)
    data = buffer.getvalue()
    for marker, start, end in _jpeg_segments(data):
        if marker == 0xEE and data[start + 4 : start + 9] == b"Adobe":
            path.write_bytes(data[:start] + data[end:])
            return
    raise AssertionError("Pillow wrote a CMYK JPEG without an Adobe marker")


def s15(value: float) -> bytes:
    """An ICC s15Fixed16Number."""
    return struct.pack(">i", round(value * 65536))


def xyz_tag(x: float, y: float, z: float) -> bytes:
    """An ICC XYZ tag."""
    return b"XYZ \x00\x00\x00\x00" + s15(x) + s15(y) + s15(z)


def gamma_tag(gamma: float) -> bytes:
    """An ICC curve tag holding one gamma value."""
    return b"curv\x00\x00\x00\x00" + struct.pack(">IH", 1, round(gamma * 256)) + b"\x00\x00"


D50 = (0.9642, 1.0, 0.8249)


def icc_profile(colour_space: bytes, tags: list[tuple[bytes, bytes]]) -> bytes:
    """A minimal v2 display profile (header, tag table, tags) as lcms reads it."""
    offset = 128 + 4 + 12 * len(tags)
    table = struct.pack(">I", len(tags))
    body = b""
    for signature, data in tags:
        table += signature + struct.pack(">II", offset + len(body), len(data))
        body += data
    header = (
        struct.pack(">I", offset + len(body))
        + b"lcms"
        + struct.pack(">I", 0x02100000)
        + b"mntr"
        + colour_space
        + b"XYZ "
        + b"\x00" * 12
        + b"acsp"
        + b"\x00" * 28
        + s15(D50[0])
        + s15(D50[1])
        + s15(D50[2])
        + b"\x00" * 48
    )
    assert len(header) == 128
    return header + table + body


def adobe_rgb_icc() -> bytes:
    """A minimal v2 matrix/TRC display profile with Adobe RGB (1998)'s primaries and gamma.

    ImageCms.createProfile() only makes sRGB, LAB and XYZ, so the profile is written by hand:
    colorants are Adobe RGB's, Bradford-adapted to D50 as ICC wants; gamma is 563/256.
    """
    gamma = gamma_tag(563 / 256)
    tags = [
        (b"wtpt", xyz_tag(*D50)),
        (b"rXYZ", xyz_tag(0.60974, 0.31111, 0.01947)),
        (b"gXYZ", xyz_tag(0.20528, 0.62567, 0.06087)),
        (b"bXYZ", xyz_tag(0.14919, 0.06322, 0.74457)),
        (b"rTRC", gamma),
        (b"gTRC", gamma),
        (b"bTRC", gamma),
    ]
    return icc_profile(b"RGB ", tags)


def _save_adobe_rgb(upright: Image.Image, path: Path) -> None:
    """Store the layout's sRGB colours as Adobe RGB values, tagged with the profile: only a
    decoder that honours the profile gets the layout's colours back."""
    icc = adobe_rgb_icc()
    to_adobe = ImageCms.buildTransform(
        ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")),
        ImageCms.ImageCmsProfile(io.BytesIO(icc)),
        "RGB",
        "RGB",
        renderingIntent=ImageCms.Intent.PERCEPTUAL,
    )
    to_adobe.apply(upright).save(path, quality=95, icc_profile=icc)


def _save_heic(upright: Image.Image, path: Path) -> bool:
    """Write a HEIC with pillow_heif's encoder, without registering its opener; False if it is
    not installed."""
    try:
        import pillow_heif  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return False
    pillow_heif.from_pillow(upright).save(path, quality=90)
    return True


# --- hostile files ---------------------------------------------------------------------------


def make_hostile_files(folder: Path) -> list[HostileFile]:
    """Write every hostile file into folder (created if missing) and describe each.

    The FIFO is left out where os.mkfifo is missing or the file system refuses it, and the
    symlinks where symlinks cannot be made. The unreadable file has mode 000 (skip_if_root).
    """
    folder.mkdir(parents=True, exist_ok=True)
    files: list[HostileFile] = []

    def add(name: str, words: tuple[str, ...], description: str, **extra: bool) -> Path:
        path = folder / name
        files.append(HostileFile(path, words, description, **extra))
        return path

    add("empty.jpg", ("zero-byte",), "zero bytes").touch()
    whole = _jpeg_bytes(Image.effect_noise((128, 128), 60).convert("RGB"))
    add("truncated.jpg", ("truncated",), "valid JPEG cut in half").write_bytes(
        whole[: len(whole) // 2]
    )
    add("random.jpg", ("not an image", "unrecognised"), "4 KiB of random bytes").write_bytes(
        _random_bytes(4096)
    )
    add("document-pdf.jpg", ("not an image", "pdf"), "a PDF named .jpg").write_bytes(
        b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )
    add("artwork-eps.jpg", ("not an image", "eps"), "EPS named .jpg (Ghostscript)").write_bytes(
        b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n"
    )
    add("vector-svg.png", ("not an image", "svg"), "an SVG named .png").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        '<rect width="10" height="10" fill="red"/></svg>\n',
        encoding="utf-8",
    )
    add("bomb.png", ("too large",), "PNG bomb: ~110 KB that decodes to 30000x30000 px").write_bytes(
        _png_bomb(30_000, 30_000)
    )
    add(
        "huge-header.jpg", ("too large",), "small JPEG whose header claims 65500x65500 px"
    ).write_bytes(_jpeg_claiming_size(65_500, 65_500))
    if hasattr(os, "mkfifo"):
        try:
            os.mkfifo(folder / "pipe.jpg")
        except OSError:
            pass
        else:
            add("pipe.jpg", ("not a regular file",), "a FIFO: opening it blindly blocks")
    add("folder.jpg", ("not a regular file",), "a directory named .jpg").mkdir()
    locked = add(
        "locked.jpg",
        ("cannot be read", "permission denied"),
        "a valid JPEG with mode 000",
        skip_if_root=True,
    )
    locked.write_bytes(_jpeg_bytes(layout()))
    locked.chmod(0)
    try:
        (folder / "loop.jpg").symlink_to("loop.jpg")
        (folder / "dangling.jpg").symlink_to("no-such-photo.jpg")
    except (OSError, NotImplementedError):
        pass
    else:
        add("loop.jpg", ("cannot be read", "symbolic links"), "a symlink to itself")
        add("dangling.jpg", ("not found",), "a symlink to a missing file")
    add("notes.txt", ("not an image", "unrecognised"), "a text file").write_text(
        "shopping list: eggs, milk, coffee\n", encoding="utf-8"
    )
    return files


def _jpeg_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def _random_bytes(count: int) -> bytes:
    """Seeded random bytes that do not start with anything a decoder or sniffer knows."""
    generator = random.Random(20260505)
    while True:
        data = generator.randbytes(count)
        if data[:1] not in b"\xff\x89GIMRBP8qDi\x00<%\xc5" and data[4:8] != b"ftyp":
            return data


def _jpeg_claiming_size(width: int, height: int) -> bytes:
    """A valid small JPEG whose SOF0 header says width x height px."""
    data = bytearray(_jpeg_bytes(layout((16, 16))))
    for marker, start, _end in _jpeg_segments(bytes(data)):
        if marker == 0xC0:  # baseline frame header: length, precision, height, width
            data[start + 5 : start + 9] = struct.pack(">HH", height, width)
            return bytes(data)
    raise AssertionError("Pillow wrote a JPEG without a baseline SOF0 header")


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _png_bomb(width: int, height: int) -> bytes:
    """A real (fully decodable) 1-bit black PNG of width x height px, small on disk.

    Deflating 112 MB of zeros at level 9 takes ~0.5 s, so one block of rows is deflated once,
    ended with a full flush (which resets the compressor, so the bytes do not depend on what came
    before) and repeated; the Adler-32 of the whole raw stream is computed by hand.
    """
    rows_per_block = 1000
    assert height % rows_per_block == 0
    row = b"\x00" * (1 + (width + 7) // 8)  # filter type 0, then 1 bit per pixel
    block = row * rows_per_block
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    deflated = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    blocks = height // rows_per_block
    checksum = _adler32_repeated(block, blocks)
    stream = b"\x78\xda" + deflated * blocks + compressor.flush() + struct.pack(">I", checksum)
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", stream)
        + _png_chunk(b"IEND", b"")
    )


def _adler32_repeated(block: bytes, times: int) -> int:
    """zlib.adler32(block * times) without building it: a = 1 + sum, b = sum of running a."""
    modulus = 65521
    one_a = zlib.adler32(block)  # starting from 1
    sum_bytes = ((one_a & 0xFFFF) - 1) % modulus
    sum_prefix = ((one_a >> 16) - len(block)) % modulus  # sum of running byte sums
    total_a, total_b = 1, 0
    for _ in range(times):
        total_b = (total_b + len(block) * total_a + sum_prefix) % modulus
        total_a = (total_a + sum_bytes) % modulus
    return (total_b << 16) | total_a
