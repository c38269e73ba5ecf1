"""Export: formats, the sRGB profile, no source metadata, size caps, atomic writes."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
from PIL import Image, ImageCms

from brandstudio.render.export import ExportError, encode, encode_under, write_image


def noisy(size: tuple[int, int] = (640, 480), seed: int = 7) -> Image.Image:
    """An image that does not compress well (random noise), deterministic."""
    rng = random.Random(seed)
    return Image.frombytes(
        "RGB", size, bytes(rng.getrandbits(8) for _ in range(size[0] * size[1] * 3))
    )


@pytest.mark.parametrize("fmt", ["jpeg", "png", "webp"])
def test_formats_round_trip_with_srgb_profile(fmt: str) -> None:
    image = Image.new("RGBA", (64, 48), (200, 30, 40, 255))
    data = encode(image, fmt, 90).data  # type: ignore[arg-type]
    decoded = Image.open(io.BytesIO(data))
    assert decoded.format == {"jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}[fmt]
    assert decoded.size == (64, 48)
    profile = ImageCms.ImageCmsProfile(io.BytesIO(decoded.info["icc_profile"]))
    assert "sRGB" in ImageCms.getProfileDescription(profile)
    r, g, b = decoded.convert("RGB").getpixel((32, 24))  # type: ignore[misc]
    assert abs(r - 200) < 8 and abs(g - 30) < 8 and abs(b - 40) < 8


def test_jpeg_flattens_transparency_on_white() -> None:
    image = Image.new("RGBA", (10, 10), (0, 0, 0, 0))
    decoded = Image.open(io.BytesIO(encode(image, "jpeg").data)).convert("RGB")
    assert decoded.getpixel((5, 5)) == pytest.approx((255, 255, 255), abs=2)


def test_no_exif_is_written() -> None:
    image = Image.new("RGB", (10, 10))
    image.info["exif"] = b"Exif\x00\x00fake"
    decoded = Image.open(io.BytesIO(encode(image, "jpeg").data))
    assert "exif" not in decoded.info
    assert not decoded.getexif()


@pytest.mark.parametrize("fmt", ["jpeg", "webp"])
def test_size_cap_picks_the_best_quality_that_fits(fmt: str) -> None:
    image = noisy()
    cap = 60 * 1024
    chosen = encode_under(image, fmt, cap, 95)  # type: ignore[arg-type]
    assert len(chosen.data) <= cap
    assert chosen.quality is not None and 1 <= chosen.quality < 95
    one_better = encode(image, fmt, chosen.quality + 1)  # type: ignore[arg-type]
    assert len(one_better.data) > cap


def test_size_cap_keeps_the_asked_quality_when_it_fits() -> None:
    image = Image.new("RGB", (100, 100), (10, 120, 200))
    assert encode_under(image, "jpeg", 200 * 1024, 90).quality == 90


def test_progressive_unless_the_buffer_is_too_small() -> None:
    small = Image.open(io.BytesIO(encode(Image.new("RGB", (64, 64), (9, 9, 9)), "jpeg").data))
    assert small.info.get("progressive") == 1
    heavy = encode(noisy(), "jpeg", 95).data  # more than a byte per pixel: baseline fallback
    assert Image.open(io.BytesIO(heavy)).size == (640, 480)


def test_impossible_cap_is_a_clear_error() -> None:
    with pytest.raises(ExportError, match="under 1 KB"):
        encode_under(noisy(), "jpeg", 1024, 90)
    with pytest.raises(ExportError, match="PNG"):
        encode_under(noisy(), "png", 1024, 90)


def test_write_replaces_atomically(tmp_path: Path) -> None:
    path = tmp_path / "post.jpg"
    path.write_bytes(b"old")
    write_image(path, encode(Image.new("RGB", (8, 8)), "jpeg"))
    with Image.open(path) as written:
        assert written.size == (8, 8)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["post.jpg"]
