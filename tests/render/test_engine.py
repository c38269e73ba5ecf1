"""The whole renderer: starter templates as golden images, sizes, odd photos, text in its box."""

from __future__ import annotations

import dataclasses
import struct
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from imaging import assert_matches_golden, thumbnail
from PIL import Image, ImageCms, ImageStat

from brandstudio.brands import find_brand
from brandstudio.fileformat import load_template
from brandstudio.model import Canvas, Geometry, PhotoLayer, Slot, Template, TextLayer
from brandstudio.model.layers import FontRef, PhotoProps, TextFit, TextProps
from brandstudio.model.layout import layout
from brandstudio.presets import find_preset, load_presets
from brandstudio.render.assets import resolve_assets
from brandstudio.render.engine import render
from brandstudio.resources import templates_folder

STARTERS = [
    "contest", "promo", "announcement", "quote", "logo-stamp",
    "contest-rules", "contest-reminder", "winners", "contest-protocol",
]  # fmt: skip
GOLDEN_PRESETS = ["instagram-portrait", "instagram-story", "vk-cover"]
PRESETS = load_presets()
KIT = find_brand("demo")


def _preset(preset_id: str):  # type: ignore[no-untyped-def]
    preset = find_preset(preset_id)
    assert preset is not None
    return preset


@pytest.mark.parametrize("name", STARTERS)
def test_starter_golden_images(name: str) -> None:
    path = templates_folder() / f"{name}.json"
    template = load_template(path).template
    presets = [_preset(preset_id) for preset_id in GOLDEN_PRESETS]
    assets = resolve_assets(template, {}, KIT, path.parent, presets)
    for preset in presets:
        rendered = render(template, {}, assets, preset)
        assert rendered.image.size == (preset.width, preset.height)
        assert rendered.image.mode == "RGB"
        assert not [w for w in rendered.warnings if "cut" in w or "lacks" in w], rendered.warnings
        assert_matches_golden(thumbnail(rendered.image), f"{name}_{preset.id}")


def test_every_preset_gives_its_exact_size() -> None:
    path = templates_folder() / "contest.json"
    template = load_template(path).template
    assets = resolve_assets(template, {}, KIT, path.parent, PRESETS)
    for preset in PRESETS:
        assert render(template, {}, assets, preset).image.size == (preset.width, preset.height)


def test_render_is_deterministic() -> None:
    path = templates_folder() / "promo.json"
    template = load_template(path).template
    assets = resolve_assets(template, {}, KIT, path.parent)
    first = render(template, {}, assets).image.tobytes()
    assert render(template, {}, assets).image.tobytes() == first


# -- text never leaves its box ------------------------------------------------------------

HEADLINE_BOX = Geometry(anchor="center", width=0.8, height=0.3)
PIECES = [
    *"abcdefghijklmnopqrstuvwxyzАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщ",
    *"0123456789 .,!?-—«»%₽€№",
    *["🎉", "☕", "👍🏽", "🇷🇺", " ", " ", " ", "Сверхпредложение", "https://zerno.example/promo"],
]
headline_text = (
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=300)
    .map(lambda pieces: "".join(pieces)[:300])
    .filter(lambda text: bool(text.strip()))
)


def _headline_only(font: str) -> Template:
    return Template(
        name="headline",
        canvas=Canvas(width=1080, height=1350),
        background="#000000",
        slots={"headline": Slot(type="text", sample="x")},
        layers=(
            TextLayer(
                id="headline",
                geometry=HEADLINE_BOX,
                props=TextProps(
                    slot="headline",
                    font=FontRef(family=font, weight=700),
                    size=140.0,
                    color="#FFFFFF",
                    align="center",
                    valign="middle",
                    fit=TextFit(mode="shrink", min_size=0.02),
                ),
            ),
        ),
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=headline_text,
    preset=st.sampled_from(PRESETS),
    font=st.sampled_from(["brand:heading", "brand:body", "Marck Script", "PT Serif"]),
)
def test_any_headline_stays_inside_its_box(text: str, preset: object, font: str) -> None:
    template = _headline_only(font)
    content = {"headline": text}
    assets = resolve_assets(template, content, KIT, Path(), [preset])  # type: ignore[list-item]
    image = render(template, content, assets, preset).image  # type: ignore[arg-type]
    box = layout(template, preset).placement("headline").box  # type: ignore[arg-type]
    outside = image.copy()
    inner = (int(box.x) - 1, int(box.y) - 1, int(box.right) + 2, int(box.bottom) + 2)
    outside.paste((0, 0, 0), inner)
    assert outside.getbbox() is None, f"ink outside the headline box {inner}"


# -- photos in odd modes render upright with their tones ------------------------------------

QUADRANTS = {"top-left": (220, 40, 40), "top-right": (40, 200, 60), "bottom": (40, 60, 210)}


def _quadrant_photo() -> Image.Image:
    """Red top-left, green top-right, blue bottom half: orientation shows at a glance."""
    image = Image.new("RGB", (400, 300), QUADRANTS["bottom"])
    image.paste(QUADRANTS["top-left"], (0, 0, 200, 150))
    image.paste(QUADRANTS["top-right"], (200, 0, 400, 150))
    return image


def _exif_rotated(path: Path) -> None:
    """Stored turned 90° clockwise, with orientation 6 telling viewers to turn it back."""
    stored = _quadrant_photo().transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x0112] = 6
    stored.save(path, "JPEG", quality=95, exif=exif.tobytes())


def _sixteen_bit_grey(path: Path) -> None:
    """A 16-bit greyscale PNG: the same layout, as mid and dark greys."""
    grey = _quadrant_photo().convert("L")
    wide = grey.point(lambda value: value * 257, mode="I")
    raw = b"".join(
        struct.pack(">H", wide.getpixel((x, y)))  # type: ignore[arg-type]
        for y in range(grey.height)
        for x in range(grey.width)
    )
    rows = b"".join(
        b"\x00" + raw[y * grey.width * 2 : (y + 1) * grey.width * 2] for y in range(grey.height)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", grey.width, grey.height, 16, 0, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def _photo_template() -> Template:
    return Template(
        name="photo",
        canvas=Canvas(width=400, height=300),
        background="#FFFFFF",
        slots={"photo": Slot(type="image")},
        layers=(PhotoLayer(id="photo", props=PhotoProps(slot="photo", fit="cover")),),
    )


def _mean(image: Image.Image, box: tuple[int, int, int, int]) -> tuple[float, ...]:
    return tuple(ImageStat.Stat(image.crop(box)).mean)


@pytest.mark.parametrize("kind", ["exif-rotated", "cmyk", "palette-transparent", "sixteen-bit"])
def test_odd_photos_render_upright_with_their_tones(kind: str, tmp_path: Path) -> None:
    path = tmp_path / f"{kind}.{'png' if kind in ('palette-transparent', 'sixteen-bit') else 'jpg'}"
    expected = dict(QUADRANTS)
    if kind == "exif-rotated":
        _exif_rotated(path)
    elif kind == "cmyk":
        _quadrant_photo().convert("CMYK").save(path, "JPEG", quality=95)
    elif kind == "palette-transparent":
        image = _quadrant_photo().convert("P", palette=Image.Palette.ADAPTIVE, colors=8)
        index = image.getpixel((300, 250))
        image.save(path, transparency=index)
        expected["bottom"] = (255, 255, 255)  # transparent: the white background shows
    else:
        _sixteen_bit_grey(path)
        expected = {
            name: (round(0.299 * r + 0.587 * g + 0.114 * b),) * 3
            for name, (r, g, b) in QUADRANTS.items()
        }
    template = _photo_template()
    content = {"photo": str(path)}
    assets = resolve_assets(template, content, KIT, tmp_path)
    image = render(template, content, assets).image
    assert image.size == (400, 300)
    probes = {
        "top-left": (40, 30, 160, 120),
        "top-right": (240, 30, 360, 120),
        "bottom": (40, 180, 360, 270),
    }
    for name, box in probes.items():
        for got, want in zip(_mean(image, box), expected[name], strict=True):
            assert abs(got - want) < 14, (kind, name, _mean(image, box), expected[name])


def test_an_srgb_tagged_photo_keeps_its_colours(tmp_path: Path) -> None:
    path = tmp_path / "tagged.jpg"
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    _quadrant_photo().save(path, "JPEG", quality=95, icc_profile=profile)
    template = _photo_template()
    content = {"photo": str(path)}
    image = render(template, content, resolve_assets(template, content, KIT, tmp_path)).image
    assert all(
        abs(a - b) < 10
        for a, b in zip(_mean(image, (40, 30, 160, 120)), QUADRANTS["top-left"], strict=True)
    )


def test_logo_auto_variant_follows_the_background() -> None:
    path = templates_folder() / "logo-stamp.json"
    template = load_template(path).template
    for background, brightness in (("#FFFFFF", "light"), ("#000000", "dark")):
        plain = dataclasses.replace(template, background=background, layers=template.layers[2:])
        assets = resolve_assets(plain, {}, KIT, path.parent)
        image = render(plain, {}, assets).image
        box = layout(plain).placement("logo").box
        region = image.crop((int(box.x), int(box.y), int(box.right), int(box.bottom))).convert("L")
        darkest, lightest = region.getextrema()  # type: ignore[misc]
        # On white the dark logo is drawn (dark ink appears); on black the light one.
        if brightness == "light":
            assert darkest < 80
        else:
            assert lightest > 200
