"""The layout function: where every layer goes on every preset."""

from __future__ import annotations

import dataclasses
import math

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import templates

from brandstudio.model import Geometry, GeometryOverride, Preset, SafeZone, Template, layout
from brandstudio.model.layers import LogoLayer, PhotoLayer, QrLayer, TextLayer, TextProps
from brandstudio.model.layout import BOXED_TYPES, Box, rotated_bounds
from brandstudio.presets import find_preset, load_presets

PRESETS = load_presets()
STORY = find_preset("instagram-story")


def _template(*layers: object, width: int = 1080, height: int = 1350) -> Template:
    from brandstudio.model import Canvas

    return Template(name="t", canvas=Canvas(width=width, height=height), layers=layers)  # type: ignore[arg-type]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(templates())
def test_boxed_layers_stay_inside_canvas_and_safe_zone(template: Template) -> None:
    for preset in PRESETS:
        result = layout(template, preset)
        canvas = Box(0, 0, preset.width, preset.height)
        for layer, placement in zip(template.layers, result.placements, strict=True):
            assert placement.layer_id == layer.id
            if layer.type not in BOXED_TYPES:
                continue
            tolerance = 1e-6 * max(preset.width, preset.height)
            assert canvas.contains(placement.bounds, tolerance), (preset.id, layer.id)
            assert result.safe.contains(placement.bounds, tolerance), (preset.id, layer.id)
            assert placement.box.width > 0
            assert placement.box.height > 0


@settings(max_examples=60, deadline=None)
@given(templates())
def test_layout_is_pure(template: Template) -> None:
    assert layout(template, STORY) == layout(template, STORY)


def test_anchors_and_offsets_on_the_template_canvas() -> None:
    logo = LogoLayer(
        id="logo",
        geometry=Geometry(
            anchor="bottom-right", x=-0.05, y=-0.05, width=0.2, height=0.1, units="short-side"
        ),
    )
    result = layout(_template(logo, width=1000, height=2000))
    box = result.placement("logo").box
    # short side 1000: 200 x 100, its bottom-right corner 50 px in from the canvas corner.
    assert box == Box(1000 - 50 - 200, 2000 - 50 - 100, 200, 100)


def test_frame_units_stretch_with_the_canvas() -> None:
    headline = TextLayer(
        id="h",
        geometry=Geometry(anchor="top-left", x=0.1, y=0.5, width=0.8, height=0.25),
        props=TextProps(text="Hi"),
    )
    template = _template(headline, width=1080, height=1080)
    x_post = find_preset("x-post")
    assert x_post is not None
    box = layout(template, x_post).placement("h").box
    assert dataclasses.astuple(box) == pytest.approx((160, 450, 1280, 225))


def test_aspect_keeps_the_shape_and_sits_at_the_anchor() -> None:
    qr = QrLayer(
        id="qr",
        geometry=Geometry(anchor="bottom-right", width=0.4, height=0.2, aspect=1.0),
    )
    box = layout(_template(qr, width=1000, height=1000)).placement("qr").box
    assert (box.width, box.height) == (200, 200)
    assert (box.right, box.bottom) == (1000, 1000)


def test_photos_bleed_past_the_safe_zone_but_text_does_not() -> None:
    full = Geometry(width=1.0, height=1.0)
    photo = PhotoLayer(id="photo", geometry=full)
    text = TextLayer(id="text", geometry=full, props=TextProps(text="x"))
    assert STORY is not None and STORY.safe_zone is not None
    result = layout(_template(photo, text), STORY)
    assert result.placement("photo").box == Box(0, 0, 1080, 1920)
    safe = result.placement("text").box
    assert safe.y == pytest.approx(0.14 * 1920)
    assert safe.bottom == pytest.approx(1920 * (1 - 0.14))


def test_a_box_too_big_for_the_frame_is_shrunk_not_cut() -> None:
    logo = LogoLayer(id="logo", geometry=Geometry(anchor="center", width=3.0, height=3.0))
    placement = layout(_template(logo, width=500, height=500)).placement("logo")
    assert placement.box == Box(0, 0, 500, 500)


def test_a_rotated_box_is_kept_inside_whole() -> None:
    text = TextLayer(
        id="t",
        rotation=45,
        geometry=Geometry(anchor="top-left", width=1.0, height=0.2),
        props=TextProps(text="x"),
    )
    placement = layout(_template(text, width=1000, height=1000)).placement("t")
    assert Box(0, 0, 1000, 1000).contains(placement.bounds)
    expected = rotated_bounds(placement.box, 45)
    assert placement.bounds == expected
    assert math.isclose(placement.bounds.width, 1000) or placement.bounds.width < 1000


def test_override_applies_only_to_its_preset() -> None:
    logo = LogoLayer(
        id="logo",
        geometry=Geometry(anchor="top-left", width=0.2, height=0.1),
        overrides={"vk-cover": GeometryOverride(anchor="top-right", visible=False)},
    )
    template = _template(logo)
    vk = find_preset("vk-cover")
    square = find_preset("instagram-square")
    assert vk is not None and square is not None
    on_vk = layout(template, vk).placement("logo")
    on_square = layout(template, square).placement("logo")
    assert on_vk.visible is False
    assert on_vk.box.right == pytest.approx(layout(template, vk).safe.right)
    assert on_square.visible is True
    assert on_square.box.x == 0
    # The master geometry is untouched by the override.
    assert template.layers[0].geometry.anchor == "top-left"


def test_font_scale_follows_the_area() -> None:
    template = _template(width=1080, height=1350)
    cover = find_preset("vk-cover")
    assert cover is not None
    assert layout(template, cover).scale == pytest.approx(math.sqrt(1590 * 530 / (1080 * 1350)))
    assert layout(template).scale == 1.0


def test_safe_zone_of_a_custom_preset() -> None:
    preset = Preset(
        id="custom",
        name="Custom",
        width=1000,
        height=1000,
        safe_zone=SafeZone(top=0.1, right=0.2, bottom=0.3, left=0.05),
        source="test",
        checked="2026-11-26",
    )
    result = layout(_template(), preset)
    assert dataclasses.astuple(result.safe) == pytest.approx((50, 100, 750, 600))


def test_edit_makes_a_new_template() -> None:
    text = TextLayer(id="t", props=TextProps(text="a"))
    template = _template(text)
    moved = dataclasses.replace(
        template, layers=(dataclasses.replace(text, geometry=Geometry(x=0.5)),)
    )
    assert template.layers[0].geometry.x == 0.0
    assert moved.layers[0].geometry.x == 0.5
