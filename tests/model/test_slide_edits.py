"""Carousel edits: the slide count, and moving a layer between the strip and its slides."""

from __future__ import annotations

import pytest

from brandstudio.model.geometry import Geometry
from brandstudio.model.layers import PhotoLayer, TextLayer, TextProps
from brandstudio.model.layout import layout
from brandstudio.model.slide_edits import set_layer_slide, set_slide_count
from brandstudio.model.template import Canvas, Template


def carousel() -> Template:
    photo = PhotoLayer(id="photo", type="photo", geometry=Geometry(width=1.0, height=1.0))
    title = TextLayer(
        id="title",
        type="text",
        geometry=Geometry(x=0.1, y=0.1, width=0.5, height=0.2),
        slide=2,
        props=TextProps(text="Заголовок"),
    )
    return Template(
        name="C", canvas=Canvas(width=1000, height=1000), slides=3, layers=(photo, title)
    )


def test_fewer_slides_bring_layers_on_dropped_slides_to_the_last() -> None:
    fewer = set_slide_count(carousel(), 1)
    assert fewer.slides == 1 and fewer.layer("title").slide == 1
    assert set_slide_count(carousel(), 5).layer("title").slide == 2
    with pytest.raises(ValueError, match="1 to 20"):
        set_slide_count(carousel(), 21)


def test_a_layer_moved_to_another_slide_keeps_its_place_within_the_slide() -> None:
    before = layout(carousel()).placement("title").box
    moved = set_layer_slide(carousel(), "title", 3)
    after = layout(moved).placement("title").box
    assert after.x == pytest.approx(before.x + 1000) and after.width == pytest.approx(before.width)
    assert moved.layer("title").geometry.x == pytest.approx(0.1)


def test_a_layer_taken_off_its_slide_stays_where_it_is_drawn() -> None:
    before = layout(carousel()).placement("title").box
    across = set_layer_slide(carousel(), "title", None)
    assert across.layer("title").slide is None
    after = layout(across).placement("title").box
    assert (after.x, after.width) == pytest.approx((before.x, before.width))
    each = set_layer_slide(carousel(), "title", "each")
    boxes = [p.box.x for p in layout(each).placements if p.layer_id.startswith("title@")]
    assert boxes == pytest.approx([100.0, 1100.0, 2100.0])


def test_a_photo_across_the_strip_put_on_one_slide_fills_that_slide() -> None:
    moved = set_layer_slide(carousel(), "photo", 2)
    box = layout(moved).placement("photo").box
    assert (box.x, box.width) == pytest.approx((1000.0, 1000.0))
    with pytest.raises(ValueError, match="has 3"):
        set_layer_slide(carousel(), "photo", 4)
