"""Copy and paste of layers: fresh ids, slots carried, roles kept, offsets, hostile JSON refused."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from brandstudio.fileformat import FormatError, load_template, template_from_data
from brandstudio.fileformat.layers_io import dump_layers, parse_layers
from brandstudio.fileformat.template_checks import template_problems
from brandstudio.model.clipboard import (
    PASTE_OFFSET_PX,
    PasteError,
    copy_layers,
    duplicate_layers,
    paste_layers,
    text_layer,
)
from brandstudio.model.layers import BadgeLayer, QrLayer, TextLayer
from brandstudio.model.layout import layout
from brandstudio.model.template import MAX_SLOTS, Slot, Template

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def starter(name: str) -> Template:
    return load_template(TEMPLATES / f"{name}.json").template


def test_copy_takes_the_layers_in_z_order_with_their_slots() -> None:
    contest = starter("contest")
    copied = copy_layers(contest, ["qr", "logo"])
    assert [layer.id for layer in copied.layers] == ["logo", "qr"]
    assert set(copied.slots) == {"qr_url"}
    assert copied.canvas == contest.canvas
    with pytest.raises(PasteError):
        copy_layers(contest, ["nope"])


def test_paste_into_another_template_keeps_the_look_with_fresh_ids() -> None:
    contest, announcement = starter("contest"), starter("announcement")
    copied = copy_layers(contest, ["qr", "logo"])
    pasted, ids = paste_layers(announcement, copied)
    assert ids == ("logo-2", "qr")  # the announcement has a logo already, and no QR code
    assert [layer.id for layer in pasted.layers[-2:]] == list(ids)
    assert pasted.slots["qr_url"] == contest.slots["qr_url"]  # the slot came along
    for new_id, old_id in zip(ids, ("logo", "qr"), strict=True):
        new, old = pasted.layer(new_id), contest.layer(old_id)
        assert dataclasses.replace(new, id=old.id) == old
    assert pasted.layer("logo-2").props.source == "brand:logo"  # type: ignore[union-attr]
    assert template_problems(pasted) == []
    # Same canvas size: the pasted layers land exactly where they were.
    assert layout(pasted).placement("qr").box == layout(contest).placement("qr").box


def test_paste_into_the_same_template_moves_by_a_few_pixels_each_time() -> None:
    contest = starter("contest")
    copied = copy_layers(contest, ["qr"])
    once, (first,) = paste_layers(contest, copied)
    twice, (second,) = paste_layers(once, copied)
    original = layout(twice).placement("qr").box
    for step, layer_id in enumerate((first, second), start=1):
        box = layout(twice).placement(layer_id).box
        assert box.x == pytest.approx(original.x + step * PASTE_OFFSET_PX)
        assert box.y == pytest.approx(original.y + step * PASTE_OFFSET_PX)
    assert once.layer(first).props.slot == "qr_url"  # type: ignore[union-attr]
    in_place, (kept,) = paste_layers(contest, copied, in_place=True)
    assert in_place.layer(kept).geometry == contest.layer("qr").geometry


def test_paste_goes_above_the_given_layer() -> None:
    contest = starter("contest")
    pasted, (new_id,) = paste_layers(contest, copy_layers(contest, ["qr"]), above="photo")
    assert [layer.id for layer in pasted.layers[:2]] == ["photo", new_id]


def test_a_slot_of_another_type_is_added_under_a_fresh_name() -> None:
    contest = starter("contest")
    target = dataclasses.replace(contest, slots={**contest.slots, "qr_url": Slot(type="image")})
    target = dataclasses.replace(target, layers=tuple(x for x in target.layers if x.id != "qr"))
    pasted, (new_id,) = paste_layers(target, copy_layers(contest, ["qr"]))
    layer = pasted.layer(new_id)
    assert isinstance(layer, QrLayer)
    assert layer.props.slot == "qr_url_2"
    assert pasted.slots["qr_url_2"] == contest.slots["qr_url"]


def test_without_room_for_a_slot_text_falls_back_to_its_own_text() -> None:
    contest = starter("contest")
    full = {f"s{number}": Slot(type="text") for number in range(MAX_SLOTS)}
    target = dataclasses.replace(contest, slots=full, layers=())
    copied = copy_layers(contest, ["headline", "badge"])
    pasted, ids = paste_layers(target, copied)
    badge, headline = (pasted.layer(layer_id) for layer_id in ids)
    assert isinstance(headline, TextLayer) and isinstance(badge, BadgeLayer)
    assert headline.props.slot is None
    assert headline.props.text == contest.slots["headline"].sample
    assert badge.props.text == contest.slots["badge"].sample
    with pytest.raises(PasteError, match="slots"):
        paste_layers(target, copy_layers(contest, ["qr"]))


def test_duplicate_copies_every_selected_layer_above_the_topmost() -> None:
    contest = starter("contest")
    duplicated, ids = duplicate_layers(contest, ["logo", "badge"])
    order = [layer.id for layer in duplicated.layers]
    assert order.index(ids[0]) == order.index("badge") + 1
    assert len(ids) == 2 and not set(ids) & {layer.id for layer in contest.layers}


def test_brand_roles_stay_roles_through_the_clipboard_json() -> None:
    contest = starter("contest")
    text = dump_layers(copy_layers(contest, ["headline", "badge"]), "/some/folder")
    read = parse_layers(text)
    assert read.folder == "/some/folder"
    assert read.template.layer("badge").props.fill == "brand:accent"  # type: ignore[union-attr]
    assert read.template.layer("headline").props.font.family.startswith("brand:")  # type: ignore[union-attr]
    assert read.template == copy_layers(contest, ["headline", "badge"])


def test_a_text_layer_from_plain_text_uses_the_brand_body_font() -> None:
    layer = text_layer(starter("contest"), "Hello")
    assert layer.props.text == "Hello"
    assert layer.props.font.family == "brand:body"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "not json",
        "[]",
        "{}",
        '{"format": "brandstudio.layers", "version": 99, "template": {}}',
        '{"format": "brandstudio.layers", "version": 1}',
        '{"format": "brandstudio.layers", "version": 1, "template": 5}',
        '{"format": "brandstudio.layers", "version": 1, "template": {}, "evil": 1}',
        '{"format": "brandstudio.layers", "version": 1, "folder": 3, "template": {}}',
        '{"format": "brandstudio.layers", "version": true, "template": {}}',
        '{"a": 1, "a": 2}',
        "[" * 100_000,
        '{"format": "brandstudio.layers", "version": 1, "template": {"x": NaN}}',
    ],
)
def test_hostile_clipboard_json_is_refused_with_a_format_error(text: str) -> None:
    with pytest.raises(FormatError):
        parse_layers(text)


def test_hostile_layers_inside_a_valid_envelope_are_refused() -> None:
    contest = starter("contest")
    data = json.loads(dump_layers(copy_layers(contest, ["qr"])))
    broken = json.loads(json.dumps(data))
    broken["template"]["layers"][0]["props"]["slot"] = "missing"
    with pytest.raises(FormatError, match="not declared"):
        parse_layers(json.dumps(broken))
    broken = json.loads(json.dumps(data))
    broken["template"]["layers"] = []
    with pytest.raises(FormatError, match="no layer"):
        parse_layers(json.dumps(broken))
    broken = json.loads(json.dumps(data))
    broken["template"]["layers"][0]["opacity"] = 7
    with pytest.raises(FormatError):
        parse_layers(json.dumps(broken))
    assert template_from_data(data["template"], "x").template.layers[0].id == "qr"


def test_layer_names_in_other_languages_come_along() -> None:
    contest, promo = starter("contest"), starter("promo")
    assert "ru" in contest.translations
    copied = copy_layers(contest, ["qr"])
    assert set(copied.translations["ru"].layers) == {"qr"}
    assert set(copied.translations["ru"].slots) == {"qr_url"}
    pasted, (new_id,) = paste_layers(promo, copied)
    ru = pasted.translations["ru"]
    assert ru.layers[new_id] == contest.translations["ru"].layers["qr"]
    assert ru.slots["qr_url"] == contest.translations["ru"].slots["qr_url"]
    assert ru.name == promo.translations["ru"].name
    assert template_problems(pasted) == []
