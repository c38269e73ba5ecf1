"""Logo variants made from one logo: visible where each is meant to go, hostile files refused."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from brandstudio.library.logo_variants import LogoError, clean_logo, make_variants, open_logo
from brandstudio.library.store import Library

BLUE = (20, 90, 160)
ORANGE = (240, 160, 30)
BLACK = (0, 0, 0)
WHITE = (255, 255, 255)


def _luminance(rgb: tuple[int, ...]) -> float:
    def linear(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2])


def _ink_contrast(variant: Image.Image, background: tuple[int, int, int]) -> float:
    """Contrast of the variant's ink (median over its mostly opaque pixels) drawn on
    ``background``."""
    on = Image.new("RGBA", variant.size, (*background, 255))
    on.alpha_composite(variant)
    alpha = variant.getchannel("A").get_flattened_data()
    ink = [_luminance(p) for p, a in zip(on.get_flattened_data(), alpha, strict=True) if a >= 128]
    assert ink, "the variant has no ink"
    lum, bg = statistics.median(ink), _luminance(background)
    return (max(lum, bg) + 0.05) / (min(lum, bg) + 0.05)


def _colours(image: Image.Image) -> set[tuple[int, int, int]]:
    return {p[:3] for p in image.get_flattened_data() if p[3] > 0}


def _blue_on_white_jpeg(path: Path) -> Path:
    image = Image.new("RGB", (600, 300), WHITE)
    ImageDraw.Draw(image).ellipse((100, 50, 300, 250), fill=BLUE)
    image.save(path, quality=90)
    return path


def test_a_dark_logo_on_white_gets_its_background_removed_and_a_light_variant(
    tmp_path: Path,
) -> None:
    logos = make_variants(_blue_on_white_jpeg(tmp_path / "logo.jpg"))
    assert logos.kept == "dark" and logos.made == ("light", "mono")
    width, height = logos.dark.size
    assert 195 <= width <= 206 and 195 <= height <= 206  # trimmed to the circle
    assert logos.dark.getpixel((0, 0))[3] == 0  # the white corner is gone
    edge = [logos.dark.getpixel((x, height // 2))[3] for x in range(6)]
    assert any(0 < a < 255 for a in edge), edge  # a soft edge, not a hard key
    assert _ink_contrast(logos.light, BLACK) >= 3
    assert _ink_contrast(logos.dark, WHITE) >= 3
    assert _ink_contrast(logos.light, BLUE) > _ink_contrast(logos.dark, BLUE)
    assert len(_colours(logos.mono)) == 1
    assert logos.mono.getchannel("A").tobytes() == logos.dark.getchannel("A").tobytes()


def test_a_light_logo_with_padding_gets_a_dark_variant(tmp_path: Path) -> None:
    image = Image.new("RGBA", (500, 500), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rectangle((100, 150, 299, 249), fill=(*ORANGE, 255))
    draw.rectangle((120, 170, 160, 230), fill=(255, 255, 255, 255))
    path = tmp_path / "light.png"
    image.save(path)
    logos = make_variants(path, mono_color="#203040")
    assert logos.kept == "light" and logos.light.size == (200, 100)
    assert _ink_contrast(logos.dark, WHITE) >= 3
    assert _ink_contrast(logos.light, BLACK) >= 3
    assert _colours(logos.mono) == {(0x20, 0x30, 0x40)}


def test_a_mid_grey_logo_is_visible_in_both_light_and_dark() -> None:
    image = Image.new("RGBA", (100, 100), (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse((10, 10, 90, 90), fill=(119, 119, 119, 255))
    logos = make_variants(image)  # an already decoded image (an SVG the studio rasterised)
    assert logos.kept == "light" and logos.made == ("dark", "mono")
    assert _ink_contrast(logos.light, BLACK) >= 3 and _ink_contrast(logos.dark, WHITE) >= 3


def test_any_flat_background_colour_is_removed() -> None:
    image = Image.new("RGB", (400, 200), (30, 140, 70))
    ImageDraw.Draw(image).rectangle((50, 50, 149, 99), fill=WHITE)
    cleaned = clean_logo(image)
    assert cleaned.size == (100, 50)
    assert cleaned.getpixel((50, 25)) == (255, 255, 255, 255)


def test_a_photo_without_a_plain_background_is_kept_whole() -> None:
    image = Image.linear_gradient("L").convert("RGB").resize((300, 200))
    assert clean_logo(image).size == (300, 200)


def test_a_big_logo_is_made_smaller() -> None:
    image = Image.new("RGB", (5000, 1000), WHITE)
    ImageDraw.Draw(image).rectangle((500, 250, 4499, 749), fill=BLUE)
    width, height = clean_logo(image).size
    assert abs(width - 1638) <= 2 and abs(height - 205) <= 2


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("notes.png", b"just some text, not an image\n", "not a PNG, JPEG or WebP"),
        ("empty.png", b"", "empty"),
        ("cut.png", None, "damaged"),
    ],
)
def test_a_hostile_file_is_refused_naming_it(
    tmp_path: Path, name: str, content: bytes | None, reason: str
) -> None:
    path = tmp_path / name
    if content is None:  # a real PNG cut in half
        Image.new("RGB", (300, 300), BLUE).save(tmp_path / "whole.png")
        content = (tmp_path / "whole.png").read_bytes()[:200]
    path.write_bytes(content)
    with pytest.raises(LogoError) as caught:
        make_variants(path)
    assert str(path) in str(caught.value)
    assert reason in str(caught.value)


def test_a_huge_image_is_refused_before_decoding(tmp_path: Path) -> None:
    path = tmp_path / "huge.png"
    Image.new("1", (10000, 8000)).save(path)  # small file, 80 megapixels
    with pytest.raises(LogoError, match="megapixels") as caught:
        open_logo(path)
    assert str(path) in str(caught.value)


def test_a_missing_file_and_an_empty_logo_are_refused(tmp_path: Path) -> None:
    with pytest.raises(LogoError, match="no such file"):
        open_logo(tmp_path / "nowhere.png")
    with pytest.raises(LogoError, match="no logo in it"):
        clean_logo(Image.new("RGBA", (50, 50), (0, 0, 0, 0)))
    with pytest.raises(LogoError, match="one flat colour"):
        clean_logo(Image.new("RGB", (50, 50), (10, 200, 10)))


def test_a_new_brand_from_a_logo_saves_all_three_variants(tmp_path: Path) -> None:
    library = Library(tmp_path / "home")
    created = library.create_brand("Синий", _blue_on_white_jpeg(tmp_path / "logo.jpg"))
    variants = created.kit.brand.logos["logo"]
    assert created.made_logos == ("light", "mono")
    files = {v: created.kit.asset(getattr(variants, v)) for v in ("light", "dark", "mono")}
    assert all(path.is_file() for path in files.values())
    with Image.open(files["light"]) as light:
        assert _ink_contrast(light.convert("RGBA"), BLACK) >= 3  # no longer vanishes on dark
    with Image.open(files["mono"]) as mono:
        text = created.kit.brand.palette["text"]
        assert _colours(mono.convert("RGBA")) == {
            tuple(int(text[i : i + 2], 16) for i in (1, 3, 5))
        }


def test_a_new_brand_from_a_decoded_image_and_from_nothing(tmp_path: Path) -> None:
    library = Library(tmp_path / "home")
    image = Image.new("RGBA", (300, 120), (0, 0, 0, 0))
    ImageDraw.Draw(image).rectangle((20, 20, 280, 100), fill=(*ORANGE, 255))
    kit = library.new_brand("Оранж", image)
    assert set(kit.brand.palette) >= {"primary", "accent", "text", "background"}
    plain = library.new_brand("Plain")
    logo = plain.brand.logos["logo"]
    assert None not in (logo.light, logo.dark, logo.mono)


def test_a_refused_logo_leaves_no_brand_and_no_staging(tmp_path: Path) -> None:
    from brandstudio.library.palette import PaletteError

    library = Library(tmp_path / "home")
    fake = tmp_path / "fake.png"
    fake.write_text("not an image", encoding="utf-8")
    with pytest.raises((PaletteError, LogoError)):
        library.create_brand("Fake", fake)
    with pytest.raises(LogoError):
        library.create_brand("Empty", Image.new("RGBA", (10, 10), (0, 0, 0, 0)))
    assert not library.has_brand("Fake") and not library.has_brand("Empty")
    assert list(library.staging_dir.iterdir()) == []
