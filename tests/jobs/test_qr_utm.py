"""A QR layer with UTM settings encodes its link tagged for each size's network: the canvas,
the export and ``check`` agree on what the code says."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from brandstudio.brands import find_brand
from brandstudio.fileformat import load_template
from brandstudio.jobs.check import check_post
from brandstudio.jobs.merge import RowError, map_columns, row_content
from brandstudio.jobs.qr_scan import decode_qr_codes
from brandstudio.model import QrLayer, Template
from brandstudio.model.utm import UtmSettings
from brandstudio.presets import find_preset
from brandstudio.render.assets import resolve_assets
from brandstudio.render.engine import render
from brandstudio.render.qr import QrError, qr_matrix
from brandstudio.resources import templates_folder
from brandstudio.tables.read import read_table

KIT = find_brand("demo")
FOLDER = templates_folder()


def tagged_contest() -> Template:
    template = load_template(FOLDER / "contest.json").template
    layers = []
    for layer in template.layers:
        if isinstance(layer, QrLayer):
            utm = UtmSettings(campaign="contest", medium="social")
            layer = dataclasses.replace(layer, props=dataclasses.replace(layer.props, utm=utm))
        layers.append(layer)
    return dataclasses.replace(template, layers=tuple(layers))


def decoded(template: Template, preset_id: str | None) -> dict[str, list[str]]:
    preset = find_preset(preset_id) if preset_id else None
    assets = resolve_assets(template, {}, KIT, FOLDER, [preset])
    image = render(template, {}, assets, preset).image
    [code] = decode_qr_codes(image)
    return parse_qs(urlsplit(code.text).query)


def test_each_network_size_gets_its_own_utm_source() -> None:
    template = tagged_contest()
    vk = decoded(template, "vk-post")
    assert vk["utm_source"] == ["vk"] and vk["utm_campaign"] == ["contest"]
    assert decoded(template, "telegram-post")["utm_source"] == ["telegram"]
    assert "utm_source" not in decoded(template, None)  # the template's own canvas: as written


def test_two_sizes_of_one_shape_each_encode_their_own_network() -> None:
    """vk-post and instagram-square are both 1080x1080: the drawn QR layer, cached by what it
    depends on, must not be shared between them."""
    template = tagged_contest()
    sizes = [find_preset("instagram-square"), find_preset("vk-post")]
    assets = resolve_assets(template, {}, KIT, FOLDER, sizes)
    sources = []
    for preset in sizes:
        [code] = decode_qr_codes(render(template, {}, assets, preset).image)
        sources += parse_qs(urlsplit(code.text).query)["utm_source"]
    assert sources == ["instagram", "vk"]


def test_the_contest_starter_tags_its_link() -> None:
    starter = load_template(FOLDER / "contest.json").template
    assert decoded(starter, "vk-post")["utm_campaign"] == ["contest"]


def test_check_expects_the_tagged_link() -> None:
    template = tagged_contest()
    sizes = [find_preset("vk-post"), find_preset("instagram-portrait")]
    result = check_post(template, {}, KIT, FOLDER, sizes)
    assert not [problem for problem in result.problems if problem.rule == "qr-scan"]


def slot_tagged_contest(layer_utm: UtmSettings | None = None) -> Template:
    """The contest starter with UTM tags on its link slot instead of its QR layer."""
    template = load_template(FOLDER / "contest.json").template
    [qr] = [layer for layer in template.layers if isinstance(layer, QrLayer)]
    slots = dict(template.slots)
    slot = slots[qr.props.slot]
    slots[qr.props.slot] = dataclasses.replace(slot, utm=UtmSettings(campaign="links"))
    layer = dataclasses.replace(qr, props=dataclasses.replace(qr.props, utm=layer_utm))
    layers = tuple(layer if each.id == qr.id else each for each in template.layers)
    return dataclasses.replace(template, slots=slots, layers=layers)


def test_a_link_slot_tags_the_qr_codes_that_show_it() -> None:
    template = slot_tagged_contest()
    vk = decoded(template, "vk-post")
    assert vk["utm_source"] == ["vk"] and vk["utm_campaign"] == ["links"]
    assert decoded(template, "ok-post")["utm_source"] == ["ok"]
    assert "utm_source" not in decoded(template, None)


def test_the_qr_layers_own_tags_come_before_the_slots() -> None:
    template = slot_tagged_contest(UtmSettings(campaign="own"))
    assert decoded(template, "vk-post")["utm_campaign"] == ["own"]


def test_check_expects_the_link_tagged_by_its_slot() -> None:
    template = slot_tagged_contest()
    sizes = [find_preset("vk-post"), find_preset("telegram-post")]
    result = check_post(template, {}, KIT, FOLDER, sizes)
    assert not [problem for problem in result.problems if problem.rule == "qr-scan"]
    assert [layer for layer in result.layers if layer.type == "qr"]


def test_a_merge_row_whose_link_fits_only_untagged_is_refused(tmp_path: Path) -> None:
    """Planning a merge row measures the link as each network's size will encode it."""
    template = slot_tagged_contest()
    [qr] = [layer for layer in template.layers if isinstance(layer, QrLayer)]
    level = qr.props.error_correction
    base = "https://zerno.example/p?"
    low, high = 10, 4000  # the longest link that fits as written
    while low < high:
        middle = (low + high + 1) // 2
        try:
            qr_matrix(base + "a" * middle, level, 0)
            low = middle
        except QrError:
            high = middle - 1
    link = base + "a" * low
    sheet = tmp_path / "rows.csv"
    sheet.write_text(f"{qr.props.slot}\n{link}\n", encoding="utf-8")
    table = read_table(sheet)
    columns = map_columns(table, template)
    with pytest.raises(RowError) as caught:
        row_content(table.rows[0], columns, template, {}, tmp_path, roots=None)
    assert caught.value.column == qr.props.slot
    untagged = dataclasses.replace(
        template, slots=load_template(FOLDER / "contest.json").template.slots
    )
    untagged = dataclasses.replace(
        untagged,
        layers=tuple(
            dataclasses.replace(layer, props=dataclasses.replace(layer.props, utm=None))
            if isinstance(layer, QrLayer)
            else layer
            for layer in untagged.layers
        ),
    )
    found = row_content(
        table.rows[0], map_columns(table, untagged), untagged, {}, tmp_path, roots=None
    )
    assert found.content[qr.props.slot] == link
