"""Template edits as pure functions: boxes round-trip, overrides stay per preset, stacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from brandstudio.fileformat import load_template
from brandstudio.model.edits import (
    add_layer,
    align,
    clear_override,
    delete_layers,
    distribute,
    duplicate_layer,
    move_by,
    new_layer,
    reorder,
    set_box,
    unique_layer_id,
    update_props,
)
from brandstudio.model.layout import Box, layout
from brandstudio.model.template import Template
from brandstudio.presets import find_preset, load_presets

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def starter(name: str) -> Template:
    return load_template(TEMPLATES / f"{name}.json").template


def close(a: Box, b: Box, tolerance: float = 0.01) -> bool:
    return all(
        abs(x - y) <= tolerance
        for x, y in zip((a.x, a.y, a.width, a.height), (b.x, b.y, b.width, b.height), strict=True)
    )


STARTERS = [
    "contest", "promo", "quote", "announcement", "logo-stamp",
    "contest-rules", "contest-reminder", "winners", "contest-protocol",
]  # fmt: skip


@pytest.mark.parametrize("name", STARTERS)
def test_setting_a_layer_to_its_own_box_changes_nothing_visible(name: str) -> None:
    template = starter(name)
    for preset in (None, *load_presets()[:4]):
        before = layout(template, preset)
        for placement in before.placements:
            edited = set_box(template, placement.layer_id, placement.box, preset)
            assert close(layout(edited, preset).placement(placement.layer_id).box, placement.box)


def test_a_move_lands_where_asked_and_an_override_stays_on_its_preset() -> None:
    template = starter("contest")
    square = find_preset("instagram-square")
    story = find_preset("instagram-story")
    box = layout(template, square).placement("logo").box
    target = Box(box.x + 40, box.y + 25, box.width, box.height)
    master = set_box(template, "logo", target, square)
    assert close(layout(master, square).placement("logo").box, target)
    assert not close(
        layout(master, story).placement("logo").box, layout(template, story).placement("logo").box
    )
    only_square = set_box(template, "logo", target, square, override=True)
    assert close(layout(only_square, square).placement("logo").box, target)
    assert close(
        layout(only_square, story).placement("logo").box,
        layout(template, story).placement("logo").box,
    )
    relinked = clear_override(only_square, "logo", "instagram-square")
    assert relinked == template


def test_nudge_moves_by_pixels() -> None:
    template = starter("promo")
    preset = find_preset("instagram-portrait")
    before = layout(template, preset).placement("badge").box
    after = layout(move_by(template, ["badge"], -10, 4, preset), preset).placement("badge").box
    assert close(after, Box(before.x - 10, before.y + 4, before.width, before.height))


def test_stack_edits() -> None:
    template = starter("quote")
    ids = [layer.id for layer in template.layers]
    assert [layer.id for layer in reorder(template, ids[0], 99).layers] == [*ids[1:], ids[0]]
    copied, new_id = duplicate_layer(template, "headline")
    assert new_id == "headline-2"
    assert [layer.id for layer in copied.layers].index("headline-2") == ids.index("headline") + 1
    assert unique_layer_id(copied, "headline") == "headline-3"
    assert "headline" not in [layer.id for layer in delete_layers(template, ["headline"]).layers]


def test_every_new_layer_type_renders_inside_the_canvas() -> None:
    template = starter("logo-stamp")
    for kind in ("text", "logo", "badge", "qr", "photo", "shape"):
        layer = new_layer(template, kind)
        template = add_layer(template, layer)
        placed = layout(template, None).placement(layer.id).box
        assert placed.x >= -0.5 and placed.right <= template.canvas.width + 0.5
    assert "qr_url" in template.slots


def test_align_and_distribute() -> None:
    template = starter("contest")
    preset = find_preset("instagram-square")
    ids = ["logo", "badge", "qr"]
    lined = align(template, ids, "top", preset)
    tops = {round(layout(lined, preset).placement(i).box.y, 2) for i in ids}
    assert len(tops) == 1
    spread = distribute(template, ids, "horizontal", preset)
    boxes = sorted((layout(spread, preset).placement(i).box for i in ids), key=lambda b: b.x)
    gaps = [boxes[1].x - boxes[0].right, boxes[2].x - boxes[1].right]
    assert abs(gaps[0] - gaps[1]) < 0.5


def test_props_update() -> None:
    template = update_props(starter("quote"), "headline", size=40.0)
    assert template.layer("headline").props.size == 40.0  # type: ignore[union-attr]


def test_a_layer_with_its_own_position_at_a_preset_keeps_editing_it() -> None:
    """Moving such a layer at that preset moves it there and leaves the master alone."""
    from brandstudio.fileformat import load_template
    from brandstudio.model.edits import move_by, set_box
    from brandstudio.model.layout import layout
    from brandstudio.presets import find_preset
    from brandstudio.resources import templates_folder

    template = load_template(templates_folder() / "contest.json").template
    story = find_preset("instagram-story")
    assert story is not None
    box = layout(template, story).placement("logo").box
    own = set_box(template, "logo", box, story, override=True)  # the logo gets its own place
    master = own.layer("logo").geometry
    moved = move_by(own, ["logo"], 40, 0, story)  # override mode off
    assert layout(moved, story).placement("logo").box.x == pytest.approx(box.x + 40, abs=1)
    assert moved.layer("logo").geometry == master
