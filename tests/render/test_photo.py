"""Opening users' photos (real files written by Pillow or by hand) and fitting them into frames."""

from __future__ import annotations

import io
import os
import pickle
import struct
import threading
import time
import warnings
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from photo_corpus import D50, gamma_tag, icc_profile, xyz_tag
from PIL import Image, ImageCms, ImageDraw

from brandstudio.render.photo import (
    MAX_PHOTO_BYTES,
    PHOTO_FORMATS,
    PhotoError,
    contain,
    cover,
    open_photo,
)

RED = (255, 0, 0)
WHITE = (255, 255, 255)
Colour = tuple[int, ...]


def near(actual: object, expected: Colour, tolerance: int = 12) -> bool:
    assert isinstance(actual, tuple), actual
    return len(actual) == len(expected) and all(
        abs(int(a) - b) <= tolerance for a, b in zip(actual, expected, strict=True)
    )


def exif_with_orientation(orientation: int) -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = orientation
    return exif


def png_bytes(image: Image.Image, **params: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG", **params)
    return buffer.getvalue()


def png_claiming_size(width: int, height: int) -> bytes:
    """A small valid PNG whose IHDR (with a correct CRC) claims width x height px."""
    data = bytearray(png_bytes(Image.new("RGB", (8, 8), RED)))
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


def png_16bit_rgb(pixels: list[tuple[int, int, int]]) -> bytes:
    """A one-row 48-bit RGB PNG (Pillow cannot write one)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    row = b"\x00" + b"".join(struct.pack(">HHH", *pixel) for pixel in pixels)
    header = struct.pack(">IIBBBBB", len(pixels), 1, 16, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row))
        + chunk(b"IEND", b"")
    )


def tiff_16bit_rgb(pixels: list[tuple[int, int, int]]) -> bytes:
    """A one-row, uncompressed, little-endian 48-bit RGB TIFF (Pillow cannot write one)."""
    data = b"".join(struct.pack("<HHH", *pixel) for pixel in pixels)
    count = 10
    bits_at = 8 + 2 + 12 * count + 4
    data_at = bits_at + 6
    entries = [
        (256, 4, 1, struct.pack("<I", len(pixels))),  # width
        (257, 4, 1, struct.pack("<I", 1)),  # height
        (258, 3, 3, struct.pack("<I", bits_at)),  # bits per sample: 16, 16, 16
        (259, 3, 1, struct.pack("<HH", 1, 0)),  # no compression
        (262, 3, 1, struct.pack("<HH", 2, 0)),  # RGB
        (273, 4, 1, struct.pack("<I", data_at)),  # strip offset
        (277, 3, 1, struct.pack("<HH", 3, 0)),  # samples per pixel
        (278, 4, 1, struct.pack("<I", 1)),  # rows per strip
        (279, 4, 1, struct.pack("<I", len(data))),  # strip byte count
        (284, 3, 1, struct.pack("<HH", 1, 0)),  # chunky
    ]
    table = b"".join(struct.pack("<HHI", tag, kind, n) + value for tag, kind, n, value in entries)
    return (
        b"II*\x00"
        + struct.pack("<IH", 8, count)
        + table
        + b"\x00" * 4
        + struct.pack("<HHH", 16, 16, 16)
        + data
    )


def swapped_primaries_icc() -> bytes:
    """An RGB profile whose red and green primaries are sRGB's green and red.

    Pixels tagged with it that say (255, 0, 0) mean sRGB green: only a real conversion gets that.
    """
    return icc_profile(
        b"RGB ",
        [
            (b"wtpt", xyz_tag(*D50)),
            (b"rXYZ", xyz_tag(0.3851, 0.7169, 0.0971)),  # sRGB's green colorant (D50)
            (b"gXYZ", xyz_tag(0.4361, 0.2225, 0.0139)),  # sRGB's red colorant
            (b"bXYZ", xyz_tag(0.1431, 0.0606, 0.7141)),
            (b"rTRC", gamma_tag(2.2)),
            (b"gTRC", gamma_tag(2.2)),
            (b"bTRC", gamma_tag(2.2)),
        ],
    )


def linear_grey_icc() -> bytes:
    """A greyscale profile with gamma 1.0: stored 128 is half the light, sRGB ~188."""
    return icc_profile(b"GRAY", [(b"wtpt", xyz_tag(*D50)), (b"kTRC", gamma_tag(1.0))])


def fd_count() -> int:
    return sum(1 for _ in Path("/proc/self/fd").iterdir())


# --- orientation -----------------------------------------------------------------------------

# How the stored pixels relate to what a viewer shows: stored = upright.transpose(STORE[o]).
STORE = {
    3: Image.Transpose.ROTATE_180,
    6: Image.Transpose.ROTATE_90,
    8: Image.Transpose.ROTATE_270,
}


@pytest.mark.parametrize("orientation", [3, 6, 8])
def test_exif_orientation_is_applied(tmp_path: Path, orientation: int) -> None:
    upright = Image.new("RGB", (64, 48), WHITE)
    ImageDraw.Draw(upright).rectangle((0, 0, 15, 15), fill=RED)  # top-left, as a viewer sees it
    stored = upright.transpose(STORE[orientation])
    assert not near(stored.getpixel((4, 4)), RED)  # the file itself has red elsewhere
    path = tmp_path / "phone.jpg"
    stored.save(path, quality=95, exif=exif_with_orientation(orientation))

    result = open_photo(path)

    assert result.size == upright.size  # 6 and 8 swap the stored width and height
    assert result.size != stored.size or orientation == 3
    assert near(result.getpixel((4, 4)), RED)
    assert near(result.getpixel((result.width - 5, result.height - 5)), WHITE)
    assert result.info == {}
    assert len(result.getexif()) == 0


def test_result_is_plain_loaded_image_without_metadata(tmp_path: Path) -> None:
    path = tmp_path / "tagged.jpg"
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    Image.new("RGB", (32, 32), (10, 200, 30)).save(
        path, exif=exif_with_orientation(1), icc_profile=icc
    )

    result = open_photo(path)

    assert type(result) is Image.Image  # not the decoder's object, which holds the closed file
    assert result.info == {}
    assert len(result.getexif()) == 0
    assert result.mode == "RGB"
    assert near(result.getpixel((16, 16)), (10, 200, 30), 4)


# --- colour ----------------------------------------------------------------------------------


def test_cmyk_jpeg_keeps_its_colour(tmp_path: Path) -> None:
    source = (200, 100, 50)
    path = tmp_path / "print.jpg"
    Image.new("RGB", (64, 64), source).convert("CMYK").save(path, quality=95)
    with Image.open(path) as check:
        assert check.mode == "CMYK"  # Pillow writes Adobe-style inverted CMYK

    result = open_photo(path)

    assert result.mode == "RGB"
    assert near(result.getpixel((32, 32)), source)


@pytest.mark.parametrize("icc", [b"nonsense", "rgb-profile"])
def test_cmyk_jpeg_with_unusable_profile_falls_back(tmp_path: Path, icc: bytes | str) -> None:
    if icc == "rgb-profile":  # a valid profile for the wrong colour space
        icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    assert isinstance(icc, bytes)
    path = tmp_path / "print.jpg"
    Image.new("RGB", (64, 64), (40, 90, 200)).convert("CMYK").save(path, icc_profile=icc)

    assert near(open_photo(path).getpixel((32, 32)), (40, 90, 200))


def test_srgb_profile_leaves_pixels_alone(tmp_path: Path) -> None:
    source = Image.new("RGB", (64, 1))
    source.putdata([(i * 4, 255 - i * 4, (i * 37) % 256) for i in range(64)])
    path = tmp_path / "srgb.png"
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    source.save(path, icc_profile=icc)

    result = open_photo(path)

    for x in range(64):
        assert near(result.getpixel((x, 0)), source.getpixel((x, 0)), 2)  # type: ignore[arg-type]


def test_non_srgb_profile_is_converted(tmp_path: Path) -> None:
    path = tmp_path / "swapped.png"
    Image.new("RGB", (8, 8), RED).save(path, icc_profile=swapped_primaries_icc())

    result = open_photo(path)

    assert near(result.getpixel((4, 4)), (0, 255, 0), 3)


def test_profile_conversion_keeps_alpha(tmp_path: Path) -> None:
    path = tmp_path / "swapped.png"
    Image.new("RGBA", (8, 8), (255, 0, 0, 77)).save(path, icc_profile=swapped_primaries_icc())

    result = open_photo(path)

    assert result.mode == "RGBA"
    assert near(result.getpixel((4, 4)), (0, 255, 0, 77), 3)


def test_grey_profile_is_converted(tmp_path: Path) -> None:
    path = tmp_path / "grey.jpg"
    Image.new("L", (16, 16), 128).save(path, quality=95, icc_profile=linear_grey_icc())

    result = open_photo(path)

    assert result.mode == "RGB"
    assert near(result.getpixel((8, 8)), (188, 188, 188), 3)


@pytest.mark.parametrize("suffix", [".png", ".jpg"])
def test_garbage_profile_is_ignored(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"garbage{suffix}"
    Image.new("RGB", (16, 16), (30, 160, 90)).save(path, icc_profile=b"nonsense")
    with Image.open(path) as check:
        assert check.info.get("icc_profile") == b"nonsense"

    assert near(open_photo(path).getpixel((8, 8)), (30, 160, 90), 3)


@pytest.mark.parametrize(("mode", "suffix"), [("I;16", ".png"), ("I;16", ".tif"), ("I", ".tif")])
def test_16bit_grey_keeps_its_tones(tmp_path: Path, mode: str, suffix: str) -> None:
    gradient = Image.new(mode, (256, 1))
    gradient.putdata([x * 257 for x in range(256)])  # 0..65535
    path = tmp_path / f"grey16{suffix}"
    gradient.save(path)

    result = open_photo(path)

    assert result.mode == "RGB"
    assert result.getpixel((0, 0)) == (0, 0, 0)
    assert near(result.getpixel((128, 0)), (128, 128, 128), 2)
    assert result.getpixel((255, 0)) == (255, 255, 255)


def test_float_grey_is_scaled(tmp_path: Path) -> None:
    gradient = Image.new("F", (256, 1))
    gradient.putdata([x / 255 for x in range(256)])  # 0.0..1.0
    path = tmp_path / "float.tif"
    gradient.save(path)

    result = open_photo(path)

    assert near(result.getpixel((64, 0)), (64, 64, 64), 1)
    assert result.getpixel((255, 0)) == (255, 255, 255)


@pytest.mark.parametrize("build", [png_16bit_rgb, tiff_16bit_rgb], ids=["png", "tiff"])
def test_16bit_rgb(tmp_path: Path, build: Callable[[list[tuple[int, int, int]]], bytes]) -> None:
    path = tmp_path / "deep"
    path.write_bytes(build([(0, 0, 0), (32896, 16448, 65535), (65535, 65535, 65535)]))

    result = open_photo(path)

    assert result.mode == "RGB"
    assert result.size == (3, 1)
    assert near(result.getpixel((1, 0)), (128, 64, 255), 1)


def test_palette_with_transparency_becomes_rgba(tmp_path: Path) -> None:
    image = Image.new("P", (4, 1))
    image.putpalette([255, 0, 0, 0, 0, 255])
    image.putdata([0, 1, 1, 0])
    path = tmp_path / "palette.png"
    image.save(path, transparency=1)

    result = open_photo(path)

    assert result.mode == "RGBA"
    assert result.getpixel((0, 0)) == (255, 0, 0, 255)
    assert result.getpixel((1, 0))[3] == 0  # type: ignore[index]


def test_palette_without_transparency_becomes_rgb(tmp_path: Path) -> None:
    image = Image.new("P", (2, 1))
    image.putpalette([0, 128, 255, 10, 20, 30])
    image.putdata([0, 1])
    path = tmp_path / "palette.png"
    image.save(path)

    result = open_photo(path)

    assert result.mode == "RGB"
    assert result.getpixel((0, 0)) == (0, 128, 255)


def test_grey_with_alpha_becomes_rgba(tmp_path: Path) -> None:
    path = tmp_path / "la.png"
    Image.new("LA", (4, 4), (90, 40)).save(path)

    result = open_photo(path)

    assert result.mode == "RGBA"
    assert result.getpixel((1, 1)) == (90, 90, 90, 40)


def test_one_bit_becomes_rgb(tmp_path: Path) -> None:
    image = Image.new("1", (2, 1))
    image.putpixel((1, 0), 1)
    path = tmp_path / "bits.png"
    image.save(path)

    result = open_photo(path)

    assert result.mode == "RGB"
    assert result.getpixel((0, 0)) == (0, 0, 0)
    assert result.getpixel((1, 0)) == (255, 255, 255)


def test_animated_gif_gives_first_frame(tmp_path: Path) -> None:
    path = tmp_path / "anim.gif"
    first, second = Image.new("RGB", (8, 8), RED), Image.new("RGB", (8, 8), (0, 0, 255))
    first.save(path, save_all=True, append_images=[second], duration=100, loop=0)
    with Image.open(path) as check:
        assert getattr(check, "n_frames", 1) == 2

    result = open_photo(path)

    assert result.mode in ("RGB", "RGBA")
    assert near(result.getpixel((4, 4))[:3], RED, 2)  # type: ignore[index]


def test_mpo_gives_first_frame_and_drafts(tmp_path: Path) -> None:
    path = tmp_path / "stereo.jpg"
    left, right = Image.new("RGB", (800, 600), RED), Image.new("RGB", (800, 600), (0, 0, 255))
    left.save(path, "MPO", save_all=True, append_images=[right])
    with Image.open(path) as check:
        assert check.format == "MPO"
        assert getattr(check, "n_frames", 1) == 2

    full = open_photo(path)
    small = open_photo(path, target=(200, 150))

    assert full.size == (800, 600)
    assert near(full.getpixel((10, 10)), RED, 4)
    assert small.size == (200, 150)
    assert near(small.getpixel((10, 10)), RED, 4)


def test_webp_with_alpha(tmp_path: Path) -> None:
    path = tmp_path / "sticker.webp"
    Image.new("RGBA", (8, 8), (10, 20, 200, 100)).save(path, lossless=True)

    result = open_photo(path)

    assert result.mode == "RGBA"
    assert result.getpixel((4, 4)) == (10, 20, 200, 100)


# --- draft decoding --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def big_jpegs(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    """A 4000x3000 stored JPEG, plain (1) and with EXIF orientation 6."""
    folder = tmp_path_factory.mktemp("big")
    image = Image.new("RGB", (4000, 3000), (30, 90, 160))
    ImageDraw.Draw(image).rectangle((0, 0, 399, 299), fill=RED)
    paths = {}
    for orientation in (1, 6):
        path = folder / f"big-{orientation}.jpg"
        image.save(path, quality=80, exif=exif_with_orientation(orientation))
        paths[orientation] = path
    return paths


def test_draft_decodes_small_but_covers_target(big_jpegs: dict[int, Path]) -> None:
    result = open_photo(big_jpegs[1], target=(1000, 750))

    assert 1000 <= result.width <= 2000
    assert 750 <= result.height <= 1500
    assert result.size == (1000, 750)  # 1/4 is the smallest DCT scale that still covers
    assert near(result.getpixel((5, 5)), RED)


def test_draft_never_undershoots_a_different_aspect(big_jpegs: dict[int, Path]) -> None:
    result = open_photo(big_jpegs[1], target=(1080, 1080))

    assert result.size == (2000, 1500)  # 1/4 would give 1000x750, too small for 1080 px


def test_no_target_decodes_full_size(big_jpegs: dict[int, Path]) -> None:
    assert open_photo(big_jpegs[1]).size == (4000, 3000)


def test_draft_accounts_for_rotation(big_jpegs: dict[int, Path]) -> None:
    result = open_photo(big_jpegs[6], target=(750, 1000))

    assert result.size == (750, 1000)  # upright portrait at 1/4, just covering the target
    assert near(result.getpixel((result.width - 5, 5)), RED)  # stored top-left is now top-right


def test_draft_after_rotation_still_covers_a_wide_target(big_jpegs: dict[int, Path]) -> None:
    # Upright the photo is 3000x4000. Asking libjpeg for 2000x400 of the *stored* 4000x3000
    # pixels would pick 1/2 (2000x1500), which is only 1500 px wide once turned upright.
    result = open_photo(big_jpegs[6], target=(2000, 400))

    assert result.width >= 2000
    assert result.height >= 400


# --- hostile input ---------------------------------------------------------------------------


def raises_photo_error(path: Path, contains: str) -> PhotoError:
    with pytest.raises(PhotoError) as caught:
        open_photo(path)
    error = caught.value
    assert error.path == str(path)
    assert contains in error.reason
    assert str(error) == f"{path}: {error.reason}"
    return error


def test_zero_byte_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.jpg"
    path.touch()
    raises_photo_error(path, "zero-byte file")


def test_truncated_jpeg(tmp_path: Path) -> None:
    whole = io.BytesIO()
    Image.effect_noise((256, 256), 50).convert("RGB").save(whole, "JPEG", quality=90)
    path = tmp_path / "cut.jpg"
    path.write_bytes(whole.getvalue()[: len(whole.getvalue()) // 2])
    raises_photo_error(path, "truncated or damaged image file")


def test_truncated_png_header(tmp_path: Path) -> None:
    path = tmp_path / "cut.png"
    path.write_bytes(png_bytes(Image.new("RGB", (8, 8)))[:20])
    raises_photo_error(path, "truncated or damaged image file")


def test_text_file_named_jpg(tmp_path: Path) -> None:
    path = tmp_path / "notes.jpg"
    path.write_text("shopping list: eggs, milk\n", encoding="utf-8")
    raises_photo_error(path, "not an image we can read")


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n", "EPS"),
        (b"%PDF-1.7\n1 0 obj << >> endobj\n", "PDF"),
    ],
)
def test_disallowed_format_named_png(tmp_path: Path, data: bytes, name: str) -> None:
    path = tmp_path / "logo.png"
    path.write_bytes(data)
    error = raises_photo_error(path, "not an image we can read")
    assert name in error.reason


def test_format_pillow_reads_but_we_do_not(tmp_path: Path) -> None:
    path = tmp_path / "old.png"
    Image.new("RGB", (4, 4)).save(path, "BMP")
    assert "BMP" not in PHOTO_FORMATS
    raises_photo_error(path, "format BMP is not supported")


def test_fifo_does_not_hang(tmp_path: Path) -> None:
    path = tmp_path / "x.jpg"
    os.mkfifo(path)
    outcome: list[BaseException | None] = []

    def attempt() -> None:
        try:
            open_photo(path)
        except BaseException as exc:  # handed to the test thread
            outcome.append(exc)
        else:
            outcome.append(None)

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(timeout=5)
    if worker.is_alive():  # unblock it so the test run can finish
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        worker.join(timeout=5)
        pytest.fail("open_photo hung on a FIFO")
    assert len(outcome) == 1
    assert isinstance(outcome[0], PhotoError)
    assert outcome[0].reason == "not a regular file"


def test_directory(tmp_path: Path) -> None:
    path = tmp_path / "folder.jpg"
    path.mkdir()
    raises_photo_error(path, "not a regular file")


def test_missing_file(tmp_path: Path) -> None:
    raises_photo_error(tmp_path / "gone.jpg", "file not found")


def test_file_over_byte_cap(tmp_path: Path) -> None:
    path = tmp_path / "huge.jpg"
    with path.open("wb") as stream:  # sparse: no disk space used
        stream.write(b"\xff\xd8\xff")
        stream.truncate(MAX_PHOTO_BYTES + 1)
    raises_photo_error(path, "too large")


@pytest.mark.parametrize(
    ("side", "message"),
    [
        (9_000, "too large: 9000x9000 px (limit 80 MP)"),  # our own cap
        (12_000, "too large: 144 MP (limit 80 MP)"),  # Pillow's warning, made an error
        (100_000, "too large: 10,000 MP (limit 80 MP)"),  # Pillow's own error
    ],
)
def test_header_claiming_huge_size(tmp_path: Path, side: int, message: str) -> None:
    path = tmp_path / "bomb.png"
    path.write_bytes(png_claiming_size(side, side))
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # as in a user's session: open_photo sets its own filter
        error = raises_photo_error(path, "too large")
    assert error.reason == message
    assert time.perf_counter() - started < 1  # rejected from the header, nothing decoded


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.jpg"
    Image.new("RGB", (4, 4)).save(path)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running with privileges that read any file (root)")
        raises_photo_error(path, "cannot be read: permission denied")
    finally:
        path.chmod(0o600)


def test_photo_error_pickles() -> None:
    error = PhotoError(Path("/photos/a.jpg"), "zero-byte file")
    copy = pickle.loads(pickle.dumps(error))
    assert isinstance(copy, PhotoError)
    assert (copy.path, copy.reason, str(copy)) == (error.path, error.reason, str(error))


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_files_are_closed(tmp_path: Path) -> None:
    good = tmp_path / "good.png"
    Image.new("RGB", (8, 8)).save(good)
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 not really")
    before = fd_count()
    for _ in range(10):
        open_photo(good)
        with pytest.raises(PhotoError):
            open_photo(bad)
    assert fd_count() == before


def test_bad_target_is_a_programming_error(tmp_path: Path) -> None:
    path = tmp_path / "a.png"
    Image.new("RGB", (8, 8)).save(path)
    with pytest.raises(ValueError, match="target"):
        open_photo(path, target=(0, 10))


# --- cover and contain -----------------------------------------------------------------------


def red_count(image: Image.Image) -> int:
    return sum(1 for pixel in image.convert("RGB").get_flattened_data() if near(pixel, RED, 60))


def test_cover_keeps_the_focus_in_frame() -> None:
    wide = Image.new("RGB", (400, 100), WHITE)
    ImageDraw.Draw(wide).rectangle((376, 0, 383, 99), fill=RED)  # a stripe at 94..96 %

    right = cover(wide, (100, 100), focus=(0.9, 0.5))
    centre = cover(wide, (100, 100))

    assert right.size == centre.size == (100, 100)
    assert red_count(right) > 500
    assert red_count(centre) == 0


def test_cover_centre_crop_is_centred() -> None:
    wide = Image.new("RGB", (300, 100), WHITE)
    ImageDraw.Draw(wide).rectangle((140, 0, 159, 99), fill=RED)  # the middle 20 columns
    ImageDraw.Draw(wide).rectangle((0, 0, 99, 99), fill=(0, 0, 255))  # the left third

    result = cover(wide, (50, 50))

    reds = [x for x in range(50) if near(result.getpixel((x, 25)), RED, 60)]
    assert reds and abs(sum(reds) / len(reds) - 24.5) <= 1
    assert near(result.getpixel((2, 25)), WHITE, 10)  # the blue third is cropped away


def test_cover_focus_in_a_corner_keeps_that_corner() -> None:
    tall = Image.new("RGB", (100, 400), WHITE)
    ImageDraw.Draw(tall).rectangle((0, 0, 19, 19), fill=RED)

    top = cover(tall, (60, 60), focus=(0.0, 0.0))
    bottom = cover(tall, (60, 60), focus=(0.5, 1.0))

    assert near(top.getpixel((2, 2)), RED, 30)
    assert red_count(bottom) == 0


def test_cover_upscales_a_small_image() -> None:
    assert cover(Image.new("RGB", (10, 5)), (300, 300)).size == (300, 300)


@pytest.mark.parametrize("size", [(0, 10), (10, -1), (100_000, 100_000)])
def test_cover_and_contain_reject_bad_sizes(size: tuple[int, int]) -> None:
    image = Image.new("RGB", (10, 10))
    with pytest.raises(ValueError, match="size"):
        cover(image, size)
    with pytest.raises(ValueError, match="size"):
        contain(image, size)


@pytest.mark.parametrize(
    ("source", "size", "expected"),
    [
        ((400, 100), (200, 200), (200, 50)),
        ((100, 400), (200, 200), (50, 200)),
        ((10, 10), (300, 200), (200, 200)),
        ((300, 200), (300, 200), (300, 200)),
        ((1000, 1), (10, 10), (10, 1)),
    ],
)
def test_contain_fits_inside(
    source: tuple[int, int], size: tuple[int, int], expected: tuple[int, int]
) -> None:
    result = contain(Image.new("RGB", source), size)
    assert result.size == expected


@settings(max_examples=50, deadline=None)
@given(
    source=st.tuples(st.integers(1, 400), st.integers(1, 400)),
    size=st.tuples(st.integers(1, 300), st.integers(1, 300)),
    focus=st.tuples(st.floats(0, 1), st.floats(0, 1)),
)
def test_cover_always_returns_exactly_the_size(
    source: tuple[int, int], size: tuple[int, int], focus: tuple[float, float]
) -> None:
    assert cover(Image.new("RGB", source), size, focus).size == size
    fitted = contain(Image.new("RGB", source), size)
    assert fitted.width <= size[0] and fitted.height <= size[1]
    assert fitted.width == size[0] or fitted.height == size[1]
