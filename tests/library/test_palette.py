"""Brand colours proposed from a logo: real logos drawn into tmp_path, hostile files refused."""

from __future__ import annotations

import os
import re
import struct
import threading
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from brandstudio.library.palette import PaletteError, palette_from_logo, propose_roles
from brandstudio.resources import assets_folder

ORANGE = (242, 140, 40)
BROWN = (74, 44, 26)
HEX = re.compile(r"#[0-9A-F]{6}")
ROLES = {"primary", "accent", "text", "background"}


def rgb(colour: str) -> tuple[int, int, int]:
    assert HEX.fullmatch(colour), colour
    return (int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16))


def distance(a: str | tuple[int, int, int], b: tuple[int, int, int]) -> float:
    first = rgb(a) if isinstance(a, str) else a
    return float(sum((x - y) ** 2 for x, y in zip(first, b, strict=True)) ** 0.5)


def draw_logo(background: tuple[int, int, int, int]) -> Image.Image:
    """An orange circle and a dark brown wordmark beside it."""
    image = Image.new("RGBA", (640, 240), background)
    draw = ImageDraw.Draw(image)
    draw.ellipse((20, 20, 220, 220), fill=(*ORANGE, 255))
    font = ImageFont.truetype(str(assets_folder() / "fonts/Inter/Inter-ExtraBold.ttf"), 120)
    draw.text((250, 120), "Бренд", font=font, fill=(*BROWN, 255), anchor="lm")
    return image


def assert_roles(roles: dict[str, str]) -> None:
    assert set(roles) == ROLES
    for colour in roles.values():
        assert HEX.fullmatch(colour), roles


def make_fifo(tmp_path: Path, name: str) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    fifo = tmp_path / name
    os.mkfifo(fifo)
    return fifo


# --- colours from real logos -------------------------------------------------------------------


def test_two_colour_logo_on_transparency_gives_its_two_colours_first(tmp_path: Path) -> None:
    # The transparent pixels are bright green underneath: they must not count.
    logo = draw_logo((0, 255, 0, 0))
    path = tmp_path / "logo.png"
    logo.save(path)

    colours = palette_from_logo(path)

    assert 2 <= len(colours) <= 5
    first_two = colours[:2]
    assert any(distance(c, ORANGE) < 20 for c in first_two), colours
    assert any(distance(c, BROWN) < 20 for c in first_two), colours
    assert all(distance(c, (0, 255, 0)) > 100 for c in colours), colours
    assert len(set(colours)) == len(colours)


def test_transparent_pixels_are_ignored_whatever_colour_they_hide(tmp_path: Path) -> None:
    image = Image.new("RGBA", (300, 300), (255, 0, 0, 0))  # a big invisible red field
    ImageDraw.Draw(image).rectangle((100, 100, 160, 160), fill=(20, 60, 200, 255))
    ImageDraw.Draw(image).rectangle((0, 0, 299, 40), fill=(255, 0, 0, 90))  # faint red haze
    path = tmp_path / "mark.png"
    image.save(path)

    colours = palette_from_logo(path)

    assert len(colours) == 1
    assert distance(colours[0], (20, 60, 200)) < 12


def test_jpeg_logo_on_white_does_not_make_white_the_primary(tmp_path: Path) -> None:
    logo = draw_logo((255, 255, 255, 255)).convert("RGB")
    path = tmp_path / "logo.jpg"
    logo.save(path, quality=88)

    colours = palette_from_logo(path)

    assert min(rgb(colours[0])) < 200, colours  # not white, nor a near-white
    assert any(distance(c, ORANGE) < 30 for c in colours[:2]), colours
    assert any(distance(c, BROWN) < 30 for c in colours[:2]), colours
    # The pale blends on the letters' edges and JPEG ringing are not brand colours.
    assert all(distance(c, ORANGE) < 30 or distance(c, BROWN) < 30 for c in colours), colours
    roles = propose_roles(colours)
    assert_roles(roles)
    assert roles["background"] == "#FFFFFF" or min(rgb(roles["background"])) >= 200
    assert distance(roles["primary"], (255, 255, 255)) > 150


def test_a_black_wordmark_keeps_its_black(tmp_path: Path) -> None:
    """White and black are dropped as minor ink, never when they are most of the logo."""
    image = Image.new("RGBA", (400, 200), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rectangle((10, 10, 300, 190), fill=(10, 10, 10, 255))
    draw.ellipse((320, 80, 360, 120), fill=(220, 30, 40, 255))
    path = tmp_path / "wordmark.webp"
    image.save(path, lossless=True)

    colours = palette_from_logo(path)

    assert distance(colours[0], (10, 10, 10)) < 12, colours
    assert any(distance(c, (220, 30, 40)) < 20 for c in colours), colours
    roles = propose_roles(colours)
    assert_roles(roles)
    assert distance(roles["accent"], (220, 30, 40)) < 20, roles


def test_one_colour_logo(tmp_path: Path) -> None:
    image = Image.new("RGBA", (120, 80), (0, 0, 0, 0))
    ImageDraw.Draw(image).rectangle((10, 10, 110, 70), fill=(0, 128, 96, 255))
    path = tmp_path / "one.png"
    image.save(path)

    colours = palette_from_logo(path, count=3)

    assert colours == ["#008060"]
    roles = propose_roles(colours)
    assert_roles(roles)
    assert roles["primary"] == "#008060"
    assert roles["accent"] != roles["primary"]
    assert roles["text"] == "#1E1E1E"
    assert roles["background"] == "#FFFFFF"


def test_a_logo_of_thin_lines_keeps_its_colour(tmp_path: Path) -> None:
    """Every pixel is an edge here; the edge-blend filter must not drop everything."""
    image = Image.new("RGBA", (150, 150), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    for x in range(5, 150, 10):
        draw.line((x, 0, x, 149), fill=(200, 20, 120, 255), width=1)
    path = tmp_path / "lines.png"
    image.save(path)

    colours = palette_from_logo(path)

    assert distance(colours[0], (200, 20, 120)) < 12, colours


def test_count_limits_the_colours(tmp_path: Path) -> None:
    image = Image.new("RGB", (300, 60), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    for i, colour in enumerate([(200, 0, 0), (0, 150, 0), (0, 0, 200), (200, 200, 0)]):
        draw.rectangle((i * 75, 10, i * 75 + 60 - i * 10, 50), fill=colour)
    path = tmp_path / "stripes.png"
    image.save(path)

    colours = palette_from_logo(path, count=2)

    assert len(colours) == 2
    assert distance(colours[0], (200, 0, 0)) < 12  # the widest stripe
    with pytest.raises(ValueError, match="count"):
        palette_from_logo(path, count=0)


# --- roles --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "colours",
    [
        [],
        ["#FFFFFF"],
        ["#000000"],
        ["#F28C28"],
        ["#808080", "#7F7F7F"],
        ["#FFF8E7", "#F28C28", "#4A2C1A", "#2050C0"],
        ["#f28c28", "#FFFFFF", "#FFFFFF"],
    ],
)
def test_roles_are_always_four_valid_colours(colours: list[str]) -> None:
    assert_roles(propose_roles(colours))


def test_roles_pick_by_use_saturation_and_lightness() -> None:
    roles = propose_roles(["#FFF8E7", "#F28C28", "#4A2C1A", "#2050C0"])

    assert roles["primary"] == "#F28C28"  # the most used colourful colour, not the cream
    assert roles["accent"] == "#2050C0"  # a different hue; the brown is orange's hue
    assert roles["text"] == "#4A2C1A"  # dark enough to read on the cream
    assert roles["background"] == "#FFF8E7"


def test_roles_refuse_a_malformed_colour() -> None:
    with pytest.raises(ValueError, match="RRGGBB"):
        propose_roles(["orange"])


# --- hostile files ------------------------------------------------------------------------------


def test_text_named_png_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "logo.png"
    path.write_text("<html>not an image</html>", encoding="utf-8")
    with pytest.raises(PaletteError, match="not a PNG, WebP or JPEG") as caught:
        palette_from_logo(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert caught.value.path == str(path)


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "logo.png"
    path.write_bytes(b"")
    with pytest.raises(PaletteError, match="empty"):
        palette_from_logo(path)


def test_other_image_formats_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "logo.png"
    Image.new("RGB", (20, 20), (200, 0, 0)).save(path, format="BMP")
    with pytest.raises(PaletteError, match="not a PNG"):
        palette_from_logo(path)


def test_damaged_png_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "good.png"
    draw_logo((0, 0, 0, 0)).save(source)
    path = tmp_path / "cut.png"
    path.write_bytes(source.read_bytes()[:600])
    with pytest.raises(PaletteError, match="damaged"):
        palette_from_logo(path)


def test_fully_transparent_logo_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "clear.png"
    Image.new("RGBA", (50, 50), (255, 0, 0, 0)).save(path)
    with pytest.raises(PaletteError, match="transparent"):
        palette_from_logo(path)


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def test_huge_dimensions_are_refused_before_decoding(tmp_path: Path) -> None:
    header = struct.pack(">IIBBBBB", 20_000, 20_000, 8, 6, 0, 0, 0)  # 400 MP RGBA
    data = (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + _png_chunk(b"IEND", b"")
    )
    path = tmp_path / "bomb.png"
    path.write_bytes(data)
    with pytest.raises(PaletteError, match="too large"):
        palette_from_logo(path)


def test_folder_and_missing_file_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "logo.png"
    folder.mkdir()
    with pytest.raises(PaletteError, match="folder"):
        palette_from_logo(folder)
    with pytest.raises(PaletteError, match="no such file"):
        palette_from_logo(tmp_path / "missing.png")


def test_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = make_fifo(tmp_path, "logo.png")
    outcome: list[BaseException | object] = []

    def run() -> None:
        try:
            outcome.append(palette_from_logo(fifo))
        except BaseException as error:
            outcome.append(error)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=5)
    if worker.is_alive():  # unblock the reader so the thread can end, then fail
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("palette_from_logo blocked on a FIFO")
    assert len(outcome) == 1
    assert isinstance(outcome[0], PaletteError), outcome
    assert "regular file" in str(outcome[0])
