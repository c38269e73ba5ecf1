"""Every brand legible by construction: each starter's text reads at WCAG contrast on the
rendered image, for hard palettes and the demo brand, over the shipped sample photos.

How a text layer is measured (on the image, not from the palette): the post is rendered; the
layer's glyphs are found by rendering the layer alone, white on black, its box and shadow made
black (the other layers hidden with ``hide_layers``: the same layout and fit); what lies
behind the glyphs is the post's own pixels in a thin ring just outside them (beyond their
anti-aliased edge), which includes the layer's box, shadow and any backdrop the engine adds.
Each line (a band of glyph rows) must reach 4.5:1 at the 10th percentile of the per-pixel
contrast, 3:1 when its letters span at least 36 px per 1080 px of image width.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest
from numpy.typing import NDArray
from PIL import Image, ImageChops, ImageFilter

from brandstudio.brands import find_brand
from brandstudio.fileformat import load_template
from brandstudio.fileformat.brand_io import BrandKit, save_brand
from brandstudio.library.store import Library
from brandstudio.model.contrast import (
    LARGE_TEXT_CONTRAST,
    TEXT_CONTRAST,
    hex_rgb,
    on_color,
    palette_color,
)
from brandstudio.model.edits import hide_layers
from brandstudio.model.geometry import Geometry
from brandstudio.model.layers import (
    BadgeLayer,
    Outline,
    PhotoLayer,
    PhotoProps,
    TextLayer,
    TextProps,
)
from brandstudio.model.preset import Preset
from brandstudio.model.template import Canvas, Slot, Template
from brandstudio.model.values import brand_role, parse_hex_color
from brandstudio.presets import find_preset, load_presets
from brandstudio.render.assets import Assets, resolve_assets
from brandstudio.render.engine import render
from brandstudio.render.legibility import line_bands, threshold
from brandstudio.resources import templates_folder

STARTERS = [
    "contest", "promo", "announcement", "quote", "logo-stamp",
    "contest-rules", "contest-reminder", "winners", "contest-protocol",
]  # fmt: skip
PHOTOS = sorted((templates_folder() / "photos").glob("*.jpg"))
"""The shipped sample photos: each post gets one in turn (and two hard ones, see
``_hard_photos``), not only the one it was made with."""
PRESETS = load_presets()
SCALE = 0.5
"""Posts are rendered at half their preset's size: the same layout, a quarter of the time."""
PRESETS_PER_TEMPLATE = 3
"""Each brand renders each starter at three presets, rotating, so that the five starters
cover all fourteen presets for every brand."""
RING = 3
"""Pixels measured behind the glyphs: this many px beyond their anti-aliased edge."""
PERCENTILE = 10
LARGE_SPAN = 36 / 1080
"""A line is large text when its letters span this share of the image width top to bottom."""

HARD_PALETTES = {
    "yellow-accent": {
        "primary": "#1F3A5F",
        "accent": "#FFE600",
        "text": "#1E1E1E",
        "background": "#FFFFFF",
    },
    "pastel-primary": {
        "primary": "#F6D6E0",
        "accent": "#FFB3C7",
        "text": "#FFFFFF",
        "background": "#FDF2F5",
    },
    "near-black-background": {
        "primary": "#E4572E",
        "accent": "#3A86FF",
        "text": "#1E1E1E",
        "background": "#0B0B0F",
    },
    "mid-grey": dict.fromkeys(("primary", "accent", "text", "background"), "#808080"),
}

Pixels = NDArray[np.float64]


def _kit(name: str, library_home: Path) -> BrandKit:
    if name == "demo":
        return find_brand("demo")
    library = Library(library_home)
    kit = library.new_brand(name)
    save_brand(dataclasses.replace(kit.brand, palette=HARD_PALETTES[name]), kit.folder)
    return library.load_brand(name)


def _presets_for(template_index: int, brand_index: int) -> list[Preset]:
    start = template_index * PRESETS_PER_TEMPLATE + brand_index
    chosen = [PRESETS[(start + k) % len(PRESETS)] for k in range(PRESETS_PER_TEMPLATE)]
    if STARTERS[template_index] == "contest" and all(p.id != "vk-cover" for p in chosen):
        vk_cover = find_preset("vk-cover")
        assert vk_cover is not None
        chosen.append(vk_cover)  # the demo badge at vk-cover is a known hard case
    return [
        dataclasses.replace(p, width=round(p.width * SCALE), height=round(p.height * SCALE))
        for p in chosen
    ]


def _linear(rgb: Pixels) -> Pixels:
    c = rgb / 255.0
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def _luminance(rgb: Pixels) -> Pixels:
    lin = _linear(rgb)
    return lin[..., 0] * 0.2126 + lin[..., 1] * 0.7152 + lin[..., 2] * 0.0722


def _text_color(layer: TextLayer | BadgeLayer, kit: BrandKit) -> tuple[int, int, int]:
    ref = layer.props.color if isinstance(layer, TextLayer) else layer.props.text_color
    role = brand_role(ref)
    if role is not None:
        found = palette_color(kit.brand.palette, role)
        assert found is not None, f"{layer.id}: the brand has no colour {role!r}"
        ref = found
    rgba = parse_hex_color(ref)
    return (rgba.r, rgba.g, rgba.b)


def _glyph_template(template: Template, layer: TextLayer | BadgeLayer) -> Template:
    """The template with only ``layer`` shown: white letters, everything else black (a
    shadow made transparent would change the layout, a black one on black draws nothing)."""
    others = frozenset(other.id for other in template.layers if other.id != layer.id)
    clear = "#000000"
    if isinstance(layer, TextLayer):
        props = layer.props
        stroke = props.stroke and dataclasses.replace(props.stroke, color="#FFFFFF")
        shadow = props.shadow and dataclasses.replace(props.shadow, color=clear)
        back = props.background and dataclasses.replace(props.background, color=clear)
        changed: TextLayer | BadgeLayer = dataclasses.replace(
            layer,
            opacity=1.0,
            props=dataclasses.replace(
                props, color="#FFFFFF", stroke=stroke, shadow=shadow, background=back
            ),
        )
    else:
        outline = layer.props.outline and Outline(width=layer.props.outline.width, color=clear)
        changed = dataclasses.replace(
            layer,
            opacity=1.0,
            props=dataclasses.replace(
                layer.props, fill="#000000", outline=outline, text_color="#FFFFFF"
            ),
        )
    layers = tuple(changed if other.id == layer.id else other for other in template.layers)
    shown = dataclasses.replace(template, layers=layers, background="#000000")
    return hide_layers(shown, others)


def _line_bands(core: NDArray[np.bool_]) -> list[tuple[int, int]]:
    """(first row, last row + 1) of each line: runs of rows holding glyph pixels."""
    rows = [bool(row.any()) for row in core]
    bands: list[tuple[int, int]] = []
    start = None
    for y, inked in enumerate(rows):
        if inked and start is None:
            start = y
        elif not inked and start is not None:
            bands.append((start, y))
            start = None
    if start is not None:
        bands.append((start, len(rows)))
    merged: list[tuple[int, int]] = []
    for top, bottom in bands:
        if merged:  # a short run close above a line is its accents (Й): part of it
            above_top, above_bottom = merged[-1]
            height = bottom - top
            if (above_bottom - above_top) * 2 < height and top - above_bottom < height / 4:
                merged[-1] = (above_top, bottom)
                continue
        merged.append((top, bottom))
    return merged


def _layer_failures(
    post: Pixels, glyphs: Image.Image, color: tuple[int, int, int], where: str
) -> list[str]:
    """Why the text whose glyph coverage is ``glyphs`` does not read on ``post``."""
    coverage = np.asarray(glyphs.convert("L"), dtype=np.uint8)
    core = coverage > 128
    if not core.any():
        return []  # nothing written (an empty slot)
    edge = glyphs.convert("L").point(lambda v: 255 if v > 10 else 0)
    near = np.asarray(edge.filter(ImageFilter.MaxFilter(2 * RING + 1))) > 0
    ring = near & (coverage <= 10)
    text_luminance = float(_luminance(np.array(color, dtype=np.float64)))
    behind = _luminance(post)
    light = np.maximum(behind, text_luminance)
    dark = np.minimum(behind, text_luminance)
    ratios = (light + 0.05) / (dark + 0.05)
    failures = []
    width = post.shape[1]
    for top, bottom in _line_bands(core):
        large = bottom - top >= LARGE_SPAN * width
        need = LARGE_TEXT_CONTRAST if large else TEXT_CONTRAST
        band = ring[max(0, top - RING) : bottom + RING]
        values = ratios[max(0, top - RING) : bottom + RING][band]
        if values.size < 20:
            continue
        low = float(np.percentile(values, PERCENTILE))
        if low < need:
            failures.append(
                f"{where} rows {top}-{bottom}: {low:.2f}:1 < {need}:1 "
                f"({'large' if large else 'body'} text, colour #{bytes(color).hex()})"
            )
    return failures


def _hard_photos(folder: Path) -> list[Path]:
    """Photos no template was made for: plain white, and white and black stripes."""
    white = folder / "white.png"
    Image.new("RGB", (800, 800), "#FFFFFF").save(white)
    stripes = Image.new("RGB", (800, 800), "#FFFFFF")
    for x in range(0, 800, 40):
        stripes.paste((0, 0, 0), (x, 0, x + 20, 800))
    striped = folder / "stripes.png"
    stripes.save(striped)
    return [white, striped]


def _post_failures(
    template: Template, content: dict[str, str], assets: Assets, preset: Preset, kit: BrandKit
) -> list[str]:
    post = np.asarray(render(template, content, assets, preset).image, dtype=np.float64)
    failures = []
    for layer in template.layers:
        if not isinstance(layer, TextLayer | BadgeLayer) or not layer.visible:
            continue
        glyphs = render(_glyph_template(template, layer), content, assets, preset).image
        where = f"{template.name} {preset.id} {layer.id} ({Path(content.get('photo', '-')).name})"
        failures += _layer_failures(post, glyphs, _text_color(layer, kit), where)
    return failures


@pytest.mark.parametrize("brand", ["demo", *HARD_PALETTES])
def test_every_starter_text_reads_at_every_preset(brand: str, tmp_path: Path) -> None:
    kit = _kit(brand, tmp_path / "home")
    photos = [*PHOTOS, *_hard_photos(tmp_path)]
    brand_index = ["demo", *HARD_PALETTES].index(brand)
    failures: list[str] = []
    for template_index, name in enumerate(STARTERS):
        path = templates_folder() / f"{name}.json"
        template = load_template(path).template
        presets = _presets_for(template_index, brand_index)
        for k, preset in enumerate(presets):
            photo = photos[(template_index + k + brand_index) % len(photos)]
            content = {"photo": str(photo)} if "photo" in template.slots else {}
            assets = resolve_assets(template, content, kit, path.parent, [preset])
            failures += _post_failures(template, content, assets, preset, kit)
    assert not failures, "\n".join(failures)


def test_the_presets_are_all_covered_for_every_brand() -> None:
    for brand_index in range(1 + len(HARD_PALETTES)):
        covered = {
            preset.id
            for template_index in range(len(STARTERS))
            for preset in _presets_for(template_index, brand_index)
        }
        assert covered == {preset.id for preset in PRESETS}


def test_the_measure_sees_white_on_orange_fail_and_black_on_it_pass() -> None:
    """The measurement itself: the demo's orange (#E4572E) around white text fails 4.5:1
    (3.7:1), around black text passes (5.7:1)."""
    glyphs = Image.new("L", (1080, 40), 0)  # a 12 px line in a 1080 px image: body text
    glyphs.paste(255, (20, 10, 300, 22))
    post = np.zeros((40, 1080, 3), dtype=np.float64) + np.array([0xE4, 0x57, 0x2E])
    assert _layer_failures(post, glyphs, (255, 255, 255), "white")
    assert not _layer_failures(post, glyphs, (0, 0, 0), "black")


# -- the engine's backdrop and on-colours, on small templates ------------------------------


def _over_photo(tmp_path: Path, shade: str, text_color: str, photo: str = "#FFFFFF") -> Template:
    """A 540 px square: a flat photo of ``photo`` and one line of body text (18 px) over it."""
    Image.new("RGB", (64, 64), photo).save(tmp_path / "flat.png")
    return Template(
        name="over photo",
        canvas=Canvas(width=540, height=540),
        background=shade,
        slots={"photo": Slot(type="image", sample="flat.png")},
        layers=(
            PhotoLayer(id="photo", props=PhotoProps(slot="photo")),
            TextLayer(
                id="line",
                geometry=Geometry(anchor="center", width=0.8, height=0.2),
                props=TextProps(text="Читайте меня", size=18.0, color=text_color),
            ),
        ),
    )


def _drawn(template: Template, kit: BrandKit, tmp_path: Path) -> tuple[Pixels, Image.Image]:
    assets = resolve_assets(template, {}, kit, tmp_path)
    post = np.asarray(render(template, {}, assets).image, dtype=np.float64)
    layer = template.layer("line")
    assert isinstance(layer, TextLayer)
    return post, render(_glyph_template(template, layer), {}, assets).image.convert("L")


def test_white_text_on_a_white_photo_gets_a_backdrop_just_strong_enough(tmp_path: Path) -> None:
    kit = find_brand("demo")
    template = _over_photo(tmp_path, "#FFFFFF", "#FFFFFF")
    post, glyphs = _drawn(template, kit, tmp_path)
    assert not _layer_failures(post, glyphs, (255, 255, 255), "white on white")
    darkest = post[np.asarray(glyphs) == 0].min()
    assert 60 < darkest < 128, "a grey scrim reaching 4.5:1, not black"
    assert post[0, 0].tolist() == [255, 255, 255], "the rest of the photo is untouched"


def test_dark_text_on_a_white_photo_also_reads_and_light_text_gets_a_light_scrim(
    tmp_path: Path,
) -> None:
    kit = find_brand("demo")
    template = _over_photo(tmp_path, "#000000", "#1E1E1E", photo="#202020")
    post, glyphs = _drawn(template, kit, tmp_path)
    assert not _layer_failures(post, glyphs, (30, 30, 30), "dark on dark")
    assert post[np.asarray(glyphs) == 0].max() > 120, "lightened behind the letters"


def test_text_that_reads_gets_no_backdrop(tmp_path: Path) -> None:
    kit = find_brand("demo")
    template = _over_photo(tmp_path, "#FFFFFF", "#000000")
    assets = resolve_assets(template, {}, kit, tmp_path)
    with_text = render(template, {}, assets).image
    without = render(hide_layers(template, frozenset({"line"})), {}, assets).image
    _, glyphs = _drawn(template, kit, tmp_path)
    near = glyphs.point(lambda v: 255 if v else 0).filter(ImageFilter.MaxFilter(5))
    changed = np.asarray(ImageChops.difference(with_text, without).convert("L")) > 0
    assert changed.any()
    assert not (changed & (np.asarray(near) == 0)).any(), "pixels changed away from the text"


def test_on_colours_resolve_with_an_explicit_entry_winning(tmp_path: Path) -> None:
    library = Library(tmp_path / "home")
    kit = library.new_brand("Explicit")
    palette = {**kit.brand.palette, "accent": "#E4572E", "on-accent": "#00FF00"}
    save_brand(dataclasses.replace(kit.brand, palette=palette), kit.folder)
    kit = library.load_brand("Explicit")
    template = _over_photo(tmp_path, "#E4572E", "brand:on-accent", photo="#E4572E")
    post, glyphs = _drawn(template, kit, tmp_path)
    inside = post[np.asarray(glyphs) == 255]
    assert inside.size and (inside == [0, 255, 0]).all()
    computed = _over_photo(tmp_path, "#E4572E", "brand:on-background", photo="#E4572E")
    post, glyphs = _drawn(computed, kit, tmp_path)
    expected = hex_rgb(on_color(kit.brand.palette["background"], kit.brand.palette))
    assert (post[np.asarray(glyphs) == 255] == expected).all()


def test_an_on_colour_of_a_missing_role_warns(tmp_path: Path) -> None:
    template = _over_photo(tmp_path, "#FFFFFF", "brand:on-nothing")
    assets = resolve_assets(template, {}, find_brand("demo"), tmp_path)
    warnings = render(template, {}, assets).warnings
    assert any("has no colour 'on-nothing'" in warning for warning in warnings), warnings


def test_rotated_translucent_text_in_a_box_leaving_the_canvas_still_reads(tmp_path: Path) -> None:
    template = _over_photo(tmp_path, "#FFFFFF", "#FFFFFFE6")
    layer = template.layer("line")
    assert isinstance(layer, TextLayer)
    moved = dataclasses.replace(
        layer, rotation=15.0, geometry=Geometry(anchor="left", x=-0.1, width=0.8, height=0.2)
    )
    template = dataclasses.replace(template, layers=(template.layers[0], moved))
    post, glyphs = _drawn(template, find_brand("demo"), tmp_path)
    assert np.asarray(glyphs).max() == 255
    assert not _layer_failures(post, glyphs, (255, 255, 255), "rotated, off the edge")


def test_accents_belong_to_their_line_and_large_lines_need_three_to_one() -> None:
    rows = [False] * 3 + [True] * 3 + [False] * 2 + [True] * 30 + [False] * 10 + [True] * 30
    assert line_bands(rows) == [(3, 38), (48, 78)]
    glyphs = Image.new("L", (1080, 100), 0)
    glyphs.paste(255, (10, 10, 500, 50))  # 40 px tall in a 1080 px image: large
    assert threshold(glyphs, 1080) == LARGE_TEXT_CONTRAST
    assert threshold(glyphs, 1300) == TEXT_CONTRAST  # 36 px per 1080 is 43 px here
